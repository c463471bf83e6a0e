"""Every reader, auto-detection, directories, archives, stdin and list files."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from tidings.ingest import IngestOptions, detect_format, ingest, read_path, read_sources
from tidings.ingest.options import DEFAULT_EXCLUDES
from tidings.models import Article, Rejection

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def articles(items) -> list[Article]:
    items = list(items)
    bad = [i for i in items if isinstance(i, Rejection)]
    assert not bad, bad
    return items


@pytest.mark.parametrize(("name", "head", "fmt"), [
    ("a.txt", b"Hello", "text"), ("a.html", b"", "html"), ("page", b"<!DOCTYPE html><html>",
                                                            "html"),
    ("a.jsonl", b"", "jsonl"), ("dump", b'{"id": 1}', "jsonl"), ("a.csv", b"", "csv"),
    ("a.tsv", b"", "csv"), ("a.rss", b"", "feed"), ("feed.xml", b"<?xml?><rss>", "feed"),
    ("x", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("a.warc", b"", "warc"), ("a.warc.gz", b"", "warc"), ("x", b"WARC/1.0\r\n", "warc"),
    ("https://x.example/feed?format=rss", b"", "text"),
])
def test_detect_format(name, head, fmt):
    assert detect_format(name, head) == fmt


def test_detect_format_uses_the_content_type_of_downloads():
    assert detect_format("https://x.example/latest", b"<?xml version='1.0'?>\n<x/>",
                         "application/rss+xml") == "feed"
    assert detect_format("https://x.example/story", b"", "text/html; charset=utf-8") == "html"


def test_text_reader():
    [a] = articles(read_path(DATA / "plain-headline.txt"))
    assert a.id == "plain-headline" and a.text.startswith("Farmers block highway")


def test_html_reader_metadata():
    [a] = articles(ingest([str(DATA / "daily-planet.html")]))
    assert a.title == "Port strike spreads to second city"
    assert a.outlet == "Daily Planet"
    assert a.published == "2024-03-14"
    assert a.url == "https://dailyplanet.example/world/2024/03/14/port-strike-spreads"
    assert a.dateline == "PORT ARDENT"
    assert a.text.startswith("Dock workers in the second city")
    for junk in ("cookies", "By Lena", "Read more", "Share on", "Subscribe", "Copyright"):
        assert junk not in a.text


def test_jsonl_reader_and_url_date():
    a, b = articles(ingest([str(DATA / "articles.jsonl")]))
    assert (a.id, a.title, a.published, a.outlet) == ("j1", "Norland government collapses",
                                                      "2024-02-05", "Norland Times")
    assert (b.id, b.published, b.outlet) == ("j2", "2024-02-06", "estmark-news.example")


def test_csv_reader_with_column_mapping():
    opts = IngestOptions(columns={"id": "key", "text": "body", "title": "headline",
                                  "published": "date", "outlet": "outlet", "url": "url"})
    a, b = articles(ingest([str(DATA / "articles.csv")], opts))
    assert (a.id, a.title, a.published) == ("c1", "Talks resume", "2024-04-11")
    assert b.text.startswith("A convoy of twelve trucks")


def test_csv_without_the_text_column_is_one_rejection_that_says_how_to_map_it():
    [r] = list(ingest([str(DATA / "articles.csv")]))
    assert isinstance(r, Rejection) and r.reason == "missing-field"
    assert "--column text=" in r.detail


def test_csv_rows_without_ids_are_numbered(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text("text\n\"The army withdrew from the town on Monday, residents said.\"\n"
                 "\"Rebels attacked a convoy near the border on Tuesday, officials said.\"\n")
    ids = [a.id for a in articles(ingest([str(f)]))]
    assert ids == ["news-1", "news-2"]


def test_rss_feed_file_items():
    a, b = articles(ingest([str(DATA / "feed.rss")], IngestOptions(follow_links=False)))
    assert a.title == "Governor meets protest leaders" and a.outlet == "Valley Herald"
    assert a.published == "2024-06-01T09:00:00Z"
    assert a.url == "https://valleyherald.example/2024/06/01/governor-meets-protest-leaders"
    assert a.dateline == "KESSA" and a.text.startswith("The regional governor met")
    assert "\n\n" in a.text  # one paragraph per <p>
    assert b.text.startswith("The army opened a new checkpoint")
    assert a.id.startswith("item-") and a.id != b.id


def test_atom_feed_file():
    [a] = articles(ingest([str(DATA / "feed.atom")]))
    assert a.title == "Fishermen protest new quotas" and a.outlet == "Harbour Gazette"


def _warc_bytes(pages: list[tuple[str, str, str]], *, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                        http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_reader(tmp_path, gz):
    html = (DATA / "daily-planet.html").read_text(encoding="utf-8")
    data = _warc_bytes([("https://dailyplanet.example/world/2024/03/14/port-strike-spreads",
                         "text/html; charset=utf-8", html),
                        ("https://dailyplanet.example/logo.png", "image/png", "PNG")], gz=gz)
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    f.write_bytes(data)
    [a] = articles(ingest([str(f)]))
    assert a.title == "Port strike spreads to second city" and a.id.startswith("warc-")
    assert a.url and a.url.startswith("https://dailyplanet.example/")


def test_directory_walk_is_recursive_filtered_and_ids_are_relative(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    body = "{} forces shelled the town of {} on Monday, residents said, and dozens fled."
    (tmp_path / "a" / "001.txt").write_text(body.format("Government", "Kessa"))
    (tmp_path / "b" / "001.txt").write_text(body.format("Rebel", "Valdi"))
    (tmp_path / "b" / "notes.md").write_text(body.format("Nobody", "Nowhere"))
    (tmp_path / "README.TXT").write_text("About this corpus: five folders of articles.")
    (tmp_path / ".hidden.txt").write_text(body.format("Hidden", "Place"))
    ids = [a.id for a in articles(ingest([str(tmp_path)], IngestOptions(dedup=False)))]
    assert ids == ["a/001", "b/001", "b/notes"]
    only_txt = IngestOptions(include=("*.txt",))
    assert [a.id for a in articles(ingest([str(tmp_path)], only_txt))] == ["a/001", "b/001"]
    no_b = IngestOptions(exclude=(*DEFAULT_EXCLUDES, "b/*"))
    assert [a.id for a in articles(ingest([str(tmp_path)], no_b))] == ["a/001"]
    everything = IngestOptions(exclude=())
    assert len(articles(ingest([str(tmp_path)], everything))) == 5


def test_glob_pattern(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"The army of {name} withdrew its troops from the hills.")
    ids = [a.id for a in articles(ingest([str(tmp_path / "x*.txt")]))]
    assert ids == ["x1", "x2"]
    [r] = list(ingest([str(tmp_path / "nothing*.txt")]))
    assert isinstance(r, Rejection) and r.reason == "not-found"


def test_gzip_and_zip(tmp_path):
    text = (DATA / "plain-headline.txt").read_bytes()
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(text))
    [a] = articles(ingest([str(tmp_path / "story.txt.gz")]))
    assert a.id == "story" and a.title == "Farmers block highway over grain prices"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("one/story.txt", text)
        zf.writestr("two/page.html", (DATA / "daily-planet.html").read_bytes())
        zf.writestr("README.txt", b"not an article")
    (tmp_path / "bundle.zip").write_bytes(buf.getvalue())
    got = articles(ingest([str(tmp_path / "bundle.zip")]))
    assert [a.id for a in got] == ["bundle/one/story", "bundle/two/page"]
    assert got[1].outlet == "Daily Planet"
    assert got[0].origin.endswith("bundle.zip!one/story.txt")


def test_gzipped_jsonl_keeps_its_format(tmp_path):
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress((DATA / "articles.jsonl").read_bytes()))
    assert [a.id for a in articles(ingest([str(tmp_path / "dump.jsonl.gz")]))] == ["j1", "j2"]


def test_stdin():
    stdin = io.BytesIO((DATA / "tabloid.txt").read_bytes())
    [a] = articles(ingest(["-"], stdin=stdin))
    assert a.id == "stdin" and a.origin == "<stdin>" and a.dateline == "BEIRUT"


def test_list_file(tmp_path):
    lst = tmp_path / "inputs.txt"
    lst.write_text(f"# my inputs\n{DATA / 'plain-headline.txt'}\n\n{DATA / 'articles.jsonl'}\n")
    ids = [a.id for a in articles(ingest([f"@{lst}"]))]
    assert ids == ["plain-headline", "j1", "j2"]


def test_raw_reading_keeps_the_text_verbatim():
    [a] = articles(read_sources([str(DATA / "tabloid.txt")]))
    assert a.text == (DATA / "tabloid.txt").read_text(encoding="utf-8")


def test_keep_text_option_codes_the_input_as_given_but_finds_metadata():
    [a] = articles(ingest([str(DATA / "tabloid.txt")], IngestOptions(clean=False)))
    assert a.text == (DATA / "tabloid.txt").read_text(encoding="utf-8")
    assert a.title == "Rebels Offer Truce Talks In Northern Valley" and a.dateline == "BEIRUT"
