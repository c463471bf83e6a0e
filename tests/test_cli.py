"""The `tidings` command, run for real in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cairo-gaza-crossing.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "tidings", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(),
                                       proc.stderr.decode())


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("tidings ")


def test_help_on_every_command():
    names = [c.name for c in app.registered_commands]
    assert {"code", "eval", "settings"} <= set(names)
    for name in names:
        r = run(name, "--help")
        assert r.returncode == 0, name
        assert "Usage" in r.stdout


@pytest.mark.usefixtures("parser")
def test_code_example_prints_events_in_every_format():
    r = run("code", str(EXAMPLE), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(events) >= 5
    text = EXAMPLE.read_text()
    for ev in events:
        assert ev["article_id"] == "cairo-gaza-crossing"
        t = ev["trigger"]
        assert text[t["start"] : t["end"]] == t["text"]
    r = run("code", str(EXAMPLE), "--format", "csv")
    assert r.returncode == 0 and r.stdout.splitlines()[0].startswith("article_id,event_id")
    assert len(r.stdout.splitlines()) == len(events) + 1
    r = run("code", str(EXAMPLE))
    assert r.returncode == 0 and "events" in r.stdout


@pytest.mark.usefixtures("parser")
def test_stdin_is_read():
    r = run("code", "-", "-f", "jsonl", stdin=b"Egypt condemned Israel on Monday.")
    assert r.returncode == 0
    [ev] = [json.loads(x) for x in r.stdout.splitlines()]
    assert (ev["source"]["code"], ev["cameo"], ev["target"]["code"]) == ("EGY", "111", "ISR")


def test_missing_file_is_a_usage_error(tmp_path):
    r = run("code", str(tmp_path / "nope.txt"))
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "nope.txt" in line and "not-found" in line


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x89PNG\x00\x00\x01binary", "binary"),
     (b"caf\xe9 au lait \xff\xfe", "encoding")],
)
def test_bad_files_are_rejected_with_one_line(tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    r = run("code", str(bad))
    assert r.returncode == 1
    [line] = r.stderr.strip().splitlines()
    assert "bad.txt" in line and reason in line


@pytest.mark.usefixtures("parser")
def test_bad_article_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        json.dumps({"id": "ok1", "text": "Egypt condemned Israel."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "no-text"}) + "\n"
        + json.dumps({"id": "ok2", "text": "Qatar praised Turkey."}) + "\n"
    )
    r = run("code", str(bad), str(jsonl), "-f", "jsonl")
    assert r.returncode == 1
    ids = [json.loads(x)["article_id"] for x in r.stdout.splitlines()]
    assert ids == ["ok1", "ok2"]
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 3
    assert any("batch.jsonl:2" in e and "json" in e for e in errors)
    assert any("batch.jsonl:3" in e and "missing-field" in e for e in errors)


def test_unknown_format_is_a_usage_error():
    r = run("code", str(EXAMPLE), "--format", "xml")
    assert r.returncode == 2


def test_unknown_setting_is_a_usage_error():
    r = run("code", str(EXAMPLE), "--set", "nonsense=1")
    assert r.returncode == 2
    assert "nonsense" in r.stderr


@pytest.mark.usefixtures("parser")
def test_seed_gold_jsonl_gives_at_least_ten_full_events(shared):
    gold = shared / "data/seed/egypt-hamas.gold.jsonl"
    r = run("code", "--input-format", "jsonl", str(gold), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    events = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(events) >= 10
    text = json.loads(gold.read_text().splitlines()[0])["text"]
    for ev in events:
        assert ev["source"]["code"] and ev["cameo"] and ev["cameo_root"] == ev["cameo"][:2]
        assert isinstance(ev["goldstein"], float) and ev["quad_class"] in (1, 2, 3, 4)
        assert ev["status"] in ("asserted", "negated", "denied", "claimed", "planned",
                                "conditional", "hypothetical")
        assert ev["sentence"]
        t = ev["trigger"]
        assert text[t["start"] : t["end"]] == t["text"]
        s = ev["source"]
        assert text[s["start"] : s["end"]] == s["text"]
