"""benchmarks/query.py at CI size (50,000 events): the generated store is a real, consistent
store, and the queries it times return what direct counts over the joined tables say.
Timings are printed by the benchmark, never asserted here."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.store.test_query_columns import check
from tidings.analysis import Filters, dyads, events, timeseries
from tidings.api.corpus import Corpus
from tidings.store import Store

ROOT = Path(__file__).resolve().parents[2]
N = 50_000


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_query", ROOT / "benchmarks" / "query.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _bench()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    path = tmp_path_factory.mktemp("query-bench") / "q.duckdb"
    return path, bench.generate(path, N)


@pytest.fixture()
def store(made: tuple[Path, Any]) -> Any:
    with Store(made[0], read_only=True) as s:
        yield s


def _count(store: Store, sql: str, params: list[Any] | None = None) -> int:
    return int(store.execute(sql, params or []).fetchone()[0])


# the version-1 way: events joined with their article and cluster
JOINED = """
WITH j AS (
    SELECT e.*, a.seq AS a_seq, m.cluster_id AS m_cluster,
           CASE WHEN e.date_lo = e.date_hi THEN e.date_lo
                ELSE coalesce(a.published_date, e.date_lo) END AS a_day
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN cluster_members m USING (event_id)
)
"""
PAIR = ("(starts_with(source_code, 'USA') OR source_group = 'USA') "
        "AND (starts_with(target_code, 'RUS') OR target_group = 'RUS')")
FIRST = (" QUALIFY row_number() OVER (PARTITION BY coalesce(m_cluster, event_id) "
         "ORDER BY a_seq, sentence_index, event_id) = 1")


def test_the_generated_store_is_real_and_consistent(made, store):
    path, gen = made
    counts = store.counts()
    assert gen.events == counts["events"] == N
    assert counts["event_evidence"] == N and counts["cluster_members"] == N
    assert counts["articles"] == gen.articles and N / 6 < gen.articles < N / 2
    assert N / 2 < counts["clusters"] < N and 0 < gen.sentences < N
    assert _count(store, "SELECT sum(num_mentions) FROM clusters") == N
    # a cluster is one source, one root, one status class, one target at most
    assert _count(store, """
        SELECT count(*) FROM (
            SELECT m.cluster_id FROM cluster_members m JOIN events e USING (event_id)
            GROUP BY m.cluster_id
            HAVING count(DISTINCT coalesce(e.source_country || '/' || e.source_group,
                                           e.source_country)) > 1
                OR count(DISTINCT e.cameo_root) > 1
                OR count(DISTINCT e.target_country) > 1)""") == 0
    check(store)  # the query columns say what the joins say
    # skewed like news: the top actor is the most frequent, talk outnumbers fighting
    top = store.execute("SELECT source_country FROM events GROUP BY 1 "
                        "ORDER BY count(*) DESC LIMIT 3").fetchall()
    assert top[0][0] == "USA"
    roots = [r[0] for r in store.execute("SELECT cameo_root FROM events GROUP BY 1 "
                                         "ORDER BY count(*) DESC LIMIT 2").fetchall()]
    assert set(roots) == {"01", "04"}
    assert _count(store, "SELECT count(DISTINCT status) FROM events") == 7
    assert _count(store, "SELECT count(DISTINCT source_country) FROM events") > 150
    lo, hi = store.execute("SELECT min(day), max(day) FROM events").fetchone()
    assert lo <= date(2016, 1, 31) and hi >= date(2025, 12, 1)


def test_time_series_counts_equal_direct_counts(store):
    pair = Filters(source="USA", target="RUS")
    reports = timeseries(store, pair, freq="month", unit="reports")
    direct = _count(store, f"{JOINED} SELECT count(*) FROM j WHERE {PAIR} AND a_day IS NOT NULL")
    assert int(reports.events.sum()) == direct > 100
    evs = timeseries(store, pair, freq="month", unit="events")
    direct = _count(store, f"{JOINED} SELECT count(*) FROM (SELECT * FROM j WHERE {PAIR}"
                           f"{FIRST}) WHERE a_day IS NOT NULL")
    assert int(evs.events.sum()) == direct < int(reports.events.sum())
    daily = timeseries(store, pair, freq="day", unit="events", by_dyad=False)
    assert int(daily.events.sum()) == direct
    assert set(zip(evs.source, evs.target, strict=True)) <= {("USA", "RUS")}
    one = evs.iloc[len(evs) // 2]
    month = _count(store, f"{JOINED} SELECT count(*) FROM (SELECT * FROM j WHERE {PAIR}{FIRST})"
                          " WHERE date_trunc('month', a_day) = ?", [one.period])
    assert int(one.events) == month


def test_the_api_events_pages_are_the_direct_rows_in_order(made, store):
    where = ("(starts_with(source_code, 'USA') OR source_group = 'USA') AND cameo_root = '04' "
             "AND status = 'asserted' AND a_day BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'")
    direct = [r[0] for r in store.execute(
        f"{JOINED} SELECT event_id FROM j WHERE {where} "
        "ORDER BY a_day, article_id, sentence_index, event_id").fetchall()]
    assert len(direct) > 100
    corpus = Corpus(str(made[0]))
    listing = Filters(source="USA", root="04", status="asserted", since=date(2024, 1, 1),
                      until=date(2024, 12, 31))
    seen: list[str] = []
    cursor = None
    try:
        while True:
            page = corpus.events(listing, limit=40, cursor=cursor)
            assert page.total == len(direct)
            seen += [r["event_id"] for r in page.rows]
            cursor = page.next_cursor
            if cursor is None:
                break
        newest = corpus.events(listing, sort="-day", limit=5).rows
    finally:
        corpus.close()
    assert seen == direct
    assert [r["day"] for r in newest] == sorted((r["day"] for r in newest), reverse=True)
    assert newest[0]["outlet"] and newest[0]["url"] and newest[0]["num_sources"] >= 1


def test_dyads_and_the_country_filter_equal_direct_counts(store):
    everything = dyads(store, unit="events")
    assert int(everything.events.sum()) == store.counts()["clusters"]
    assert int(everything.reports.sum()) == N
    assert int(dyads(store, unit="reports").events.sum()) == N
    egy = ("(starts_with(source_code, 'EGY') OR source_group = 'EGY' "
           "OR starts_with(target_code, 'EGY') OR target_group = 'EGY')")
    country = dyads(store, Filters(actor="EGY"), unit="events")
    assert int(country.events.sum()) == _count(
        store, f"{JOINED} SELECT count(*) FROM (SELECT * FROM j WHERE {egy}{FIRST})")
    listed = events(store, Filters(actor="EGY"), limit=None)
    assert len(listed) == _count(store, f"{JOINED} SELECT count(*) FROM j WHERE {egy}")


def test_the_benchmark_times_every_query(made):
    timings = bench.time_cases(made[0], bench.cases(), repeats=1)
    assert [t.name for t in timings] == [c.name for c in bench.cases()]
    assert all(t.rows > 0 for t in timings if "page 50" not in t.name)
    assert all(t.cold >= 0 and t.warm_median >= 0 for t in timings)
    assert "rows" in bench.table(timings)
