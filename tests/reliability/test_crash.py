"""Crash safety of `tidings ingest` (real processes, real SIGKILL): one store is killed at
several random moments in a row — during start-up, mid-batch, mid-commit — and re-run each
time; the finished store equals an uninterrupted run's (articles, parses, events, clusters,
members, rejections — same ids), with no duplicates. Two concurrent ingests on one file: the
second stops with a clear lock error and the file stays whole.

tests/store/test_kill.py kills once after the first commit; this adds random points and
repeated kills. Loads spaCy in each process (model marker)."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.store.test_kill import have_model, ingest, state
from tidings.store import Store

KILLS = 4
SEED = 20240507


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as s:
        return {k: int(v) for k, v in s.counts().items()}


def _no_duplicates(db: Path) -> None:
    with Store(db, read_only=True) as s:
        for table, key in (("articles", "id"), ("events", "event_id"),
                           ("clusters", "cluster_id"), ("cluster_members", "event_id")):
            dup = s.execute(f"SELECT {key}, count(*) FROM {table} GROUP BY {key} "
                            "HAVING count(*) > 1").fetchall()
            assert not dup, f"duplicate {table}: {dup[:3]}"


@pytest.mark.model
@pytest.mark.skipif(not have_model(), reason="no English spaCy model installed")
def test_killed_at_random_points_again_and_again(tmp_path, capsys):
    rng = random.Random(SEED)
    full = tmp_path / "full.duckdb"
    started = time.monotonic()
    uninterrupted = ingest(full)
    killed = tmp_path / "killed.duckdb"
    log = []
    for n in range(KILLS):
        proc = ingest(killed, "--verbose")
        assert proc.stderr is not None
        # a random moment: during start-up (model load), or after a random number of commits
        # plus a random delay (mid-parse, mid-transaction)
        commits = rng.choice((0, 1, 2, 3))
        delay = rng.uniform(0.0, 1.5 if commits else 6.0)
        seen = 0
        if commits:
            for line in proc.stderr:
                if line.startswith("batch ") and " committed" in line:
                    seen += 1
                    if seen == commits:
                        break
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=120)
        stored = _counts(killed)["articles"] if killed.exists() else 0
        log.append(f"kill {n + 1}: after {seen} commit(s) + {delay:.2f} s → "
                   f"rc {proc.returncode}, {stored} articles stored")
        if killed.exists():
            _no_duplicates(killed)
    assert uninterrupted.wait(timeout=300) == 0
    final = ingest(killed)
    assert final.wait(timeout=300) == 0, final.stderr.read() if final.stderr else ""
    with capsys.disabled():
        print("\n" + "\n".join(log))
        print(f"after {KILLS} kills and a re-run: {_counts(killed)} "
              f"(uninterrupted: {_counts(full)}), {time.monotonic() - started:.0f} s")
    assert state(killed) == state(full)
    _no_duplicates(killed)
    with Store(killed, read_only=True) as s:
        assert s.execute("SELECT count(*) FROM runs WHERE status = 'done'").fetchone() == (1,)


@pytest.mark.model
@pytest.mark.skipif(not have_model(), reason="no English spaCy model installed")
def test_concurrent_ingest_gets_a_lock_error_and_no_corruption(tmp_path, capsys):
    db = tmp_path / "shared.duckdb"
    first = ingest(db, "--verbose")
    assert first.stderr is not None
    for line in first.stderr:  # the first holds the file once its first batch is in
        if line.startswith("batch 1 committed"):
            break
    first.send_signal(signal.SIGSTOP)  # hold it mid-run, the file open, while the second tries
    try:
        second = subprocess.run(ingest(db).args, capture_output=True, text=True, timeout=300)
    finally:
        first.send_signal(signal.SIGCONT)
    rest = first.stderr.read()
    assert first.wait(timeout=300) == 0, rest
    with capsys.disabled():
        print("\nsecond ingest: rc", second.returncode, "·",
              (second.stderr.strip().splitlines() or [""])[-1][:200])
    assert second.returncode != 0
    assert "in use by another process" in second.stderr
    assert "Traceback" not in second.stderr
    full = tmp_path / "full.duckdb"
    assert ingest(full).wait(timeout=300) == 0
    assert state(db) == state(full)
    _no_duplicates(db)
