"""The store: schema, idempotent and transactional ingest, rejections, locks, re-coding."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date

import pytest

from tests.store.fakes import FakePipeline, article, make_event
from tidings.errors import TidingsError
from tidings.models import Rejection
from tidings.store import (
    SCHEMA_VERSION,
    Store,
    StoreError,
    StoreLockedError,
    content_hash,
    default_db_path,
    ingest_into,
    recode,
)
from tidings.store.db import date_range
from tidings.store.records import event_from_dict
from tidings.store.schema import MIGRATIONS

ARTICLES = [
    article("a1", "EGY PSEGOVHMS 036 2024-03-01 @EGY\nno event here", outlet="BBC",
            published="2024-03-02"),
    article("a2", "EGYGOV PSEREBHMS 036\nUSA ISR 042", outlet="AFP", published="2024-03-03"),
    article("a3", "EGY PSEGOVHMS 036 2024-03-20", outlet="AFP", published="2024-03-21"),
    article("a4", ""),
    Rejection("missing.txt", "ingest", "not-found", "no such file"),
    article("a5", "RUS UKR 190 2024-03-05 @UKR", outlet="AP", published="2024-03-05"),
]


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every table's content except runs (and run ids), sorted: what 'identical' means."""
    out = {}
    for table, cols in (
        ("articles", "id, seq, content_hash, text, published, outlet"),
        ("sentences", "article_id, sentence_index, parse"),
        ("events", "event_id, gid, article_id, cameo, source_code, target_code, date_lo, record"),
        ("event_evidence", "*"),
        ("rejections", "rejection_key, origin, reason"),
        ("clusters", "*"),
        ("cluster_members", "*"),
    ):
        out[table] = sorted(store.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
    return out


def test_new_store_has_every_table_and_the_schema_version(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        assert store.execute("SELECT max(version) FROM schema_version").fetchone()[0] == \
            SCHEMA_VERSION
        assert set(store.counts()) >= {"articles", "sentences", "mentions", "events",
                                       "event_evidence", "rejections", "clusters",
                                       "cluster_members", "runs"}
    with Store(path) as store:  # reopening migrates nothing twice
        assert store.execute("SELECT count(*) FROM schema_version").fetchone()[0] == \
            len(MIGRATIONS)
    with Store(path, read_only=True) as store:
        assert store.counts()["articles"] == 0


def test_store_errors_are_tidings_errors_with_a_hint(tmp_path):
    with pytest.raises(StoreError) as exc:
        Store(tmp_path / "absent.duckdb", read_only=True)
    assert isinstance(exc.value, TidingsError) and "tidings ingest" in str(exc.value)
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(bad)


def test_a_store_newer_than_this_tidings_is_refused(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.execute("INSERT INTO schema_version VALUES (?, 'future', NULL)",
                      [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="schema version"):
        Store(path)


def test_default_path_order(monkeypatch):
    monkeypatch.delenv("TIDINGS_DB", raising=False)
    assert default_db_path() == "tidings.duckdb"
    monkeypatch.setenv("TIDINGS_DB", "/tmp/x.duckdb")
    assert default_db_path() == "/tmp/x.duckdb"
    assert default_db_path("given.duckdb") == "given.duckdb"


def test_ingest_stores_articles_parses_events_rejections_and_a_run():
    store = Store(":memory:")
    stats = ingest_into(store, FakePipeline(), ARTICLES, commit_every=2)
    counts = store.counts()
    assert (stats.ingested, stats.events) == (4, 5)
    assert dict(stats.rejected) == {"empty": 1, "not-found": 1}
    assert counts["articles"] == 4 and counts["events"] == 5 and counts["rejections"] == 2
    assert counts["sentences"] == 6 and counts["cluster_members"] == 5
    run = store.execute("SELECT kind, status, articles_ingested, events, finished_at "
                        "FROM runs").fetchone()
    assert run[:4] == ("ingest", "done", 4, 5) and run[4] is not None
    # parses round-trip to the records the coder read
    assert store.sentences("a2")[1].text == "USA ISR 042"


def test_ingesting_the_same_input_twice_changes_nothing_and_parses_nothing():
    store = Store(":memory:")
    ingest_into(store, FakePipeline(), ARTICLES, commit_every=2)
    before, counts = snapshot(store), store.counts()
    again = FakePipeline()
    stats = ingest_into(store, again, ARTICLES, commit_every=3)
    assert again.parsed == 0 and stats.present == 4 and stats.ingested == 0
    assert snapshot(store) == before
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == \
        {k: v for k, v in counts.items() if k != "runs"}
    assert after["runs"] == 2


def test_a_changed_article_replaces_its_events_and_clusters():
    store = Store(":memory:")
    ingest_into(store, FakePipeline(), ARTICLES)
    changed = article("a3", "EGY PSEGOVHMS 036 2024-03-02\nUSA CHN 042 2024-03-02",
                      outlet="AFP", published="2024-03-21")
    stats = ingest_into(store, FakePipeline(), [changed])
    assert stats.replaced == 1 and stats.ingested == 0
    events = {r[0] for r in store.execute("SELECT event_id FROM events WHERE article_id = 'a3'")
              .fetchall()}
    assert events == {"a3:0:036", "a3:1:042"}
    # the old a3 cluster (20 March) is gone; the new report joined the 1 March cluster
    nums = store.execute("SELECT num_articles FROM clusters WHERE cluster_id = 'ca1:0:036'")
    assert nums.fetchone()[0] == 3
    assert store.execute("SELECT count(*) FROM clusters WHERE cluster_id = 'ca3:0:036'"
                         ).fetchone()[0] == 0


def test_one_id_twice_in_a_batch_keeps_one_copy():
    store = Store(":memory:")
    a = article("x", "EGY ISR 036")
    stats = ingest_into(store, FakePipeline(), [a, a], commit_every=5)
    assert stats.ingested == 1 and stats.present == 1 and store.counts()["events"] == 1


class Boom(Exception):
    pass


class FailingPipeline(FakePipeline):
    """Fails when it reaches a given article (a crash in the middle of a run)."""

    def __init__(self, fail_on: str) -> None:
        super().__init__()
        self.fail_on = fail_on

    def run(self, items):
        for r in super().run(items):
            if getattr(r, "article", None) is not None and r.article.id == self.fail_on:
                raise Boom(self.fail_on)
            yield r


def test_a_crash_mid_run_keeps_whole_batches_and_a_rerun_matches_an_uninterrupted_run():
    full = Store(":memory:")
    ingest_into(full, FakePipeline(), ARTICLES, commit_every=2)
    store = Store(":memory:")
    with pytest.raises(Boom):
        ingest_into(store, FailingPipeline("a3"), ARTICLES, commit_every=2)
    assert [r[0] for r in store.execute("SELECT id FROM articles ORDER BY seq").fetchall()] == \
        ["a1", "a2"]  # batch 1 committed, batch 2 (a3, a4) not at all
    assert store.execute("SELECT status FROM runs").fetchone()[0] == "failed"
    ingest_into(store, FakePipeline(), ARTICLES, commit_every=2)
    assert snapshot(store) == snapshot(full)


def test_a_second_writer_gets_a_clear_lock_error(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from tidings.store import Store; s = Store(sys.argv[1]); "
         "print('open', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLockedError) as exc:
            Store(path)
        assert "in use by another process" in str(exc.value)
        assert "one writer" in str(exc.value)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    with Store(path) as store:  # the lock goes with the process; nothing is corrupted
        assert store.counts()["articles"] == 0


def test_recode_replaces_events_from_stored_parses_without_parsing():
    store = Store(":memory:")
    ingest_into(store, FakePipeline("fake.v1"), ARTICLES)
    sentences_before = snapshot(store)["sentences"]
    coder = FakePipeline("fake.v2")
    stats = recode(store, coder)
    assert coder.parsed == 0 and stats.events == 5 and stats.read == 4
    assert {r[0] for r in store.execute("SELECT DISTINCT coder FROM events").fetchall()} == \
        {"fake.v2"}
    assert snapshot(store)["sentences"] == sentences_before
    run = store.execute("SELECT kind, coder, status, events FROM runs WHERE run_id = 2")
    assert run.fetchone() == ("recode", "fake.v2", "done", 5)
    assert store.counts()["clusters"] == 4


def test_content_hash_ignores_where_an_article_was_read_from():
    a = article("x", "text")
    b = article("x", "text").__class__(**{**a.to_dict(), "origin": "elsewhere.txt"})
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(article("x", "text!"))


def test_event_records_round_trip_through_the_store():
    store = Store(":memory:")
    ingest_into(store, FakePipeline(), ARTICLES)
    ev = next(store.events())
    assert ev == event_from_dict(json.loads(json.dumps(ev.to_dict())))
    assert ev.to_dict() == make_event("a1", 0, "EGY", "PSEGOVHMS", "036", date="2024-03-01",
                                      country="EGY", sentence=ev.sentence).to_dict()


def test_date_ranges():
    assert date_range("2024-03-05", None) == (date(2024, 3, 5), date(2024, 3, 5))
    assert date_range("2024-02", None) == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_range("2023", None) == (date(2023, 1, 1), date(2023, 12, 31))
    assert date_range(None, date(2024, 1, 2)) == (date(2024, 1, 2), date(2024, 1, 2))
    assert date_range(None, None) == (None, None)


class FakeResolver:
    """One mention for the first word of each sentence that looks like a code."""

    def mentions(self, sent, memory=None):
        from tidings.models import Mention

        word = sent.text.split()[0] if sent.text.split() else ""
        if not word.isupper():
            return []
        return [Mention(word, sent.start, sent.start + len(word), sent.index, 0, 1, 0, word,
                        "test")]


def test_actor_mentions_are_stored_and_recoded_when_the_coder_has_a_resolver():
    store = Store(":memory:")
    pipe = FakePipeline()
    pipe.coder.resolver = FakeResolver()
    ingest_into(store, pipe, ARTICLES)
    rows = store.execute("SELECT article_id, text, code, rule FROM mentions ORDER BY ALL")
    assert rows.fetchall()[:3] == [("a1", "EGY", "EGY", "test"), ("a2", "EGYGOV", "EGYGOV", "test"),
                                   ("a2", "USA", "USA", "test")]
    n = store.counts()["mentions"]
    recode(store, pipe)
    assert store.counts()["mentions"] == n == 5
    ingest_into(store, FakePipeline(), [article("a1", "RUS UKR 190 2024-03-05")])  # replaced
    assert store.execute("SELECT count(*) FROM mentions WHERE article_id = 'a1'").fetchone()[0] == 0
