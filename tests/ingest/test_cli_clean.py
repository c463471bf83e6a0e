"""`tidings clean` in-process (CliRunner), and the done-when checks on ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli.main import app

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_clean_prints_the_article_as_json():
    r = invoke("clean", str(DATA / "wire-reuters.txt"))
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert set(d) >= {"id", "title", "text", "dateline", "published", "outlet", "url",
                      "removed"}
    assert d["dateline"]["place"] == "LONDON" and d["dateline"]["agency"] == "Reuters"
    assert {"what", "text", "reason"} <= set(d["removed"][0])


def test_clean_jsonl_rejections_and_exit_code(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    r = invoke("clean", "--jsonl", str(DATA / "articles.jsonl"), str(bad))
    assert r.exit_code == 1
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["j1", "j2"]


def test_clean_csv_column_option():
    r = invoke("clean", "--jsonl", "--column", "text=body", "--column", "id=key",
               str(DATA / "articles.csv"))
    assert r.exit_code == 0, r.output
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["c1", "c2"]
    r = invoke("clean", "--column", "nonsense", str(DATA / "articles.csv"))
    assert r.exit_code == 2


def test_clean_summary(tmp_path):
    for name in ("tabloid.txt", "plain-headline.txt", "french.txt"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "copy.txt").write_bytes((DATA / "tabloid.txt").read_bytes())
    r = invoke("clean", "--summary", "--json", str(tmp_path))
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert (s["read"], s["ingested"], s["duplicates"]) == (4, 2, 1)
    assert s["rejected"] == {"language:fr": 1}
    assert s["duplicate_of"] == [{"id": "tabloid", "original": "copy"}]
    r = invoke("clean", "--summary", str(tmp_path))
    assert "ingested" in r.stdout and "tabloid → copy" in r.stdout


def test_every_option_has_help():
    for command in ("clean", "watch"):
        r = invoke(command, "--help")
        assert r.exit_code == 0
    from tidings.cli.clean import clean_command
    from tidings.cli.watch import watch_command

    for fn in (clean_command, watch_command):
        for name, ann in fn.__annotations__.items():
            if name == "return" or not hasattr(ann, "__metadata__"):
                continue
            info = ann.__metadata__[0]
            assert getattr(info, "help", None), f"{fn.__name__}: {name} has no help"


def test_docs_cover_every_option():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "ingest.md").read_text()
    from tidings.ingest.options import OPTIONS

    for name, _, _ in OPTIONS:
        assert f"`{name}`" in doc, name
    for flag in ("--summary", "--json", "--jsonl", "--input-format", "--include", "--exclude",
                 "--no-default-excludes", "--column", "--delimiter", "--max-size",
                 "--keep-text", "--language", "--no-dedup", "--near-duplicate",
                 "--no-follow-links", "--timeout", "--retries", "--every", "--once",
                 "--state"):
        assert flag in doc, flag
    for what in ("headline", "credit", "caption", "dateline", "byline", "timestamp", "share",
                 "subscribe", "read-more", "advertisement", "comments", "copyright",
                 "cookie-banner", "footer"):
        assert f"`{what}`" in doc, what


@pytest.mark.shared
def test_done_when_seed_article(shared):
    r = invoke("clean", str(shared / "data/seed/egypt-hamas.txt"))
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["title"] == "Egypt Mulls Warmer Relations With Hamas"
    assert d["dateline"]["place"] == "TEL AVIV"
    assert d["text"].startswith("An Islamic Jihad delegation")
    for junk in ("MAHMUD HAMS", "AFP", "commemorate the 2", "COMMENTS", "commenting"):
        assert junk not in d["text"]


@pytest.mark.shared
def test_done_when_bbc_corpus(shared):
    r = invoke("clean", "--summary", "--json", str(shared / "data/bbc-news/bbc"))
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert s["read"] == 2225
    assert s["rejected"] == {}
    assert s["ingested"] + s["duplicates"] + s["near_duplicates"] == 2225
    assert 100 < s["duplicates"] + s["near_duplicates"] < 200
    bbc = shared / "data/bbc-news/bbc"
    for pair in s["duplicate_of"][:40]:  # each reported duplicate is a true copy
        a = (bbc / f"{pair['id']}.txt").read_bytes()
        b = (bbc / f"{pair['original']}.txt").read_bytes()
        import difflib

        assert difflib.SequenceMatcher(None, a, b).quick_ratio() > 0.9, pair
