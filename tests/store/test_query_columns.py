"""The events table's query columns (schema version 2: the article's fields, the day, the dyad
and the cluster copied onto each event) always say what the joins of articles,
cluster_members and clusters say: after every batch of an ingest, after an article is replaced,
after a re-code, and after a version-1 store is migrated."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from tests.store.fakes import FakePipeline, article
from tidings.store import Store, StoreError, ingest_into, recode
from tidings.store.clusters import sync_events
from tidings.store.db import QUERY_COLUMNS, TABLES
from tidings.store.schema import MIGRATIONS


def _own(side: str) -> str:
    return (f"CASE WHEN coalesce(e.{side}_code, '') = '' THEN NULL "
            f"WHEN e.{side}_group IS NOT NULL THEN e.{side}_country || '/' || e.{side}_group "
            f"ELSE e.{side}_country END")


COLUMNS = ("event_id", "seq", "day", "outlet", "published", "url", "cluster_id", "source_key",
           "target_key", "num_mentions", "num_articles", "num_sources",
           "arrival_rank", "first_report")
# what version 1's queries computed with joins, per event: the rank in arrival order (seq,
# sentence, event id) and the cluster's first report in that order
EXPECTED = f"""
SELECT e.event_id, a.seq,
       CASE WHEN e.date_lo = e.date_hi THEN e.date_lo
            ELSE coalesce(a.published_date, e.date_lo) END AS day,
       a.outlet, a.published, a.url, m.cluster_id,
       coalesce(nullif(c.source_key, ''), {_own("source")}) AS source_key,
       coalesce(nullif(c.target_key, ''), {_own("target")}) AS target_key,
       c.num_mentions, c.num_articles, c.num_sources,
       row_number() OVER (ORDER BY a.seq, e.sentence_index, e.event_id) AS arrival_rank,
       CASE WHEN m.cluster_id IS NOT NULL THEN first_value(e.event_id) OVER (
           PARTITION BY m.cluster_id ORDER BY a.seq, e.sentence_index, e.event_id) END
           AS first_report
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN cluster_members m USING (event_id) LEFT JOIN clusters c ON c.cluster_id = m.cluster_id
ORDER BY e.event_id
"""
# what the events rows say, with arrival and cluster_key read the same way
ACTUAL = """
SELECT e.event_id, e.seq, e.day, e.outlet, e.published, e.url, e.cluster_id, e.source_key,
       e.target_key, e.num_mentions, e.num_articles, e.num_sources,
       row_number() OVER (ORDER BY e.arrival) AS arrival_rank, f.event_id AS first_report
FROM events e LEFT JOIN events f ON f.arrival = e.cluster_key
ORDER BY e.event_id
"""


def check(store: Store) -> list[tuple[Any, ...]]:
    expected = store.execute(EXPECTED).fetchall()
    actual = store.execute(ACTUAL).fetchall()
    assert actual == expected
    n, distinct = store.execute("SELECT count(*), count(DISTINCT arrival) FROM events").fetchone()
    assert n == distinct
    return actual


def articles() -> list[Any]:
    return [
        # a report without a target founds a cluster; a later report names the target
        article("b1", "EGY - 036 2024-03-01\nISR PSE 190 2024-03-01 @PSE", outlet="BBC",
                published="2024-03-01", url="https://x/b1"),
        article("b2", "USA RUS 042 2024-03-02", outlet="AFP", published="2024-03-02"),
        article("b3", "EGYGOV PSE 036 2024-03-02\nISRMIL PSE 190 2024-03-02", outlet="AFP",
                published="2024-03-03"),
        article("b4", "ISR PSE 190 2024-03\nEGY PSE 036", outlet="Reuters",
                published="2024-03-04"),
        article("b5", "USA RUS 042 2024-03-01 !denied\nHMS - 111", outlet=None,
                published=None),
    ]


def test_ingest_keeps_the_query_columns_after_every_batch():
    store = Store(":memory:")
    rows: list[int] = []
    ingest_into(store, FakePipeline(), articles(), commit_every=1,
                on_batch=lambda stats: rows.append(len(check(store))))
    assert rows == [2, 3, 5, 7, 9]
    got = {r[0]: r for r in check(store)}
    b1 = next(r for k, r in got.items() if k.startswith("b1:0"))
    assert b1[COLUMNS.index("target_key")] == "PSE"  # taken from the later report
    assert b1[COLUMNS.index("num_articles")] == 3
    assert b1[COLUMNS.index("first_report")] == b1[0]


def test_replacing_an_article_and_recoding_keep_the_query_columns():
    store = Store(":memory:")
    ingest_into(store, FakePipeline(), articles(), commit_every=2)
    check(store)
    # b1 founded two clusters: replace it, so b3 and b4 become their first reports
    changed = article("b1", "USA RUS 042 2024-03-02", outlet="BBC", published="2024-03-02")
    ingest_into(store, FakePipeline(), [changed])
    got = check(store)
    firsts = {r[-1] for r in got if r[-1]}
    assert any(k.startswith("b3:0") for k in firsts)
    recode(store, FakePipeline())
    check(store)
    sync_events(store)  # everything at once says the same
    check(store)


def test_a_version_1_store_is_migrated_with_its_query_columns(tmp_path):
    new, old = tmp_path / "v2.duckdb", tmp_path / "v1.duckdb"
    with Store(new) as store:
        ingest_into(store, FakePipeline(), articles(), commit_every=2)
        before = check(store)
    conn = duckdb.connect(str(old))  # the same rows in a store made by version 1
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                 "description VARCHAR, applied_at TIMESTAMP)")
    version, description, statements = MIGRATIONS[0]
    for sql in statements:
        conn.execute(sql)
    conn.execute("INSERT INTO schema_version VALUES (?, ?, NULL)", [version, description])
    conn.execute(f"ATTACH '{new}' AS v2 (READ_ONLY)")
    for table in TABLES:
        drop = f" EXCLUDE ({', '.join(QUERY_COLUMNS)})" if table == "events" else ""
        conn.execute(f"INSERT INTO {table} SELECT *{drop} FROM v2.{table}")
    conn.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store(old, read_only=True)
    with Store(old) as store:  # opening for writing migrates
        assert check(store) == before
