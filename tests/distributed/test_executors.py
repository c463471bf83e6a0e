"""The local pool and a real dask.distributed cluster on 127.0.0.1 give the same records as the
single-process pipeline, in input order; Parquet partitions are queryable in place."""

from __future__ import annotations

import json

import pytest

from tidings.config import Settings
from tidings.distributed import (
    DaskExecutor,
    LocalExecutor,
    chunked,
    make_executor,
    run_dask,
    run_dask_to_parquet,
    run_local,
    write_parquet,
)
from tidings.distributed.worker import loaded_pipelines
from tidings.errors import ConfigError
from tidings.models import ActorRef, Article, Event, Rejection, Span
from tidings.pipeline import ArticleResult, Pipeline
from tidings.store.records import event_from_dict

# the gazetteer would add ~5 s per worker process; places are not what these tests check
SETTINGS = Settings(locations=False, on_error="raise")

TEXTS = [
    "Egyptian troops attacked Hamas militants near Rafah on Tuesday. "
    "Israel condemned the attack.",
    "Russia and China signed a trade agreement in Beijing on Monday.",
    "French police arrested twelve protesters in Paris after clashes.",
    "The United Nations called for an immediate ceasefire in Sudan.",
    "Iran threatened to close the Strait of Hormuz.\n\nThe United States warned Iran.",
    "Germany sent humanitarian aid to Ukraine. Ukraine thanked Germany for the help.",
]


def _items() -> list[Article | Rejection]:
    items: list[Article | Rejection] = [
        Article(id=f"a{n}", text=t, published="2024-03-05") for n, t in enumerate(TEXTS)
    ]
    items.insert(3, Rejection("feed.xml", "ingest", "empty", "no text", "gone"))
    return items


@pytest.fixture(scope="module")
def reference(parser) -> list[ArticleResult | Rejection]:
    """The single-process path: ``Pipeline.run`` in this process."""
    pipeline = Pipeline(SETTINGS)
    pipeline._parser = parser
    out = list(pipeline.run(_items()))
    events = [e for r in out if isinstance(r, ArticleResult) for e in r.events]
    assert len(events) >= 5, "the invented articles should hold events"
    return out


def _codes(results: list[ArticleResult | Rejection]) -> list[tuple]:
    return [
        (r.article.id, [(e.event_id, e.cameo, e.source.code, e.target and e.target.code)
                        for e in r.events])
        if isinstance(r, ArticleResult) else r
        for r in results
    ]


@pytest.mark.model
def test_run_local_two_workers_equals_single_process(reference):
    # chunks of 2 with 2 workers: both processes code, results come back in input order
    results = list(run_local(_items(), SETTINGS, workers=2, chunk_size=2))
    assert _codes(results) == _codes(reference)
    assert results == reference  # every field of every record, sentences included


@pytest.mark.model
def test_run_local_one_worker_runs_in_process(reference):
    assert list(run_local(_items(), SETTINGS, workers=1)) == reference


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, scheduler_port=0, silence_logs=40,
    ) as local, distributed.Client(local) as client:
        assert local.scheduler_address.startswith("tcp://127.0.0.1:")
        yield client


@pytest.mark.model
def test_run_dask_equals_single_process(cluster, reference):
    # by address, as the CLI does: the function opens and closes its own client
    address = cluster.scheduler.address
    results = list(run_dask(_items(), SETTINGS, scheduler=address, partition_size=2))
    assert _codes(results) == _codes(reference)
    assert results == reference
    # one pipeline (one model) per worker process, however many partitions it ran
    loaded = cluster.run(loaded_pipelines)
    assert len(loaded) == 2 and set(loaded.values()) <= {0, 1}
    assert sum(loaded.values()) >= 1


@pytest.mark.model
def test_run_dask_to_parquet_is_queryable_in_place(cluster, reference, tmp_path):
    import duckdb

    summaries = run_dask_to_parquet(_items(), tmp_path, SETTINGS, scheduler=cluster,
                                    partition_size=3)
    assert [s.name for s in summaries] == ["part-000000", "part-000001", "part-000002"]
    want = sorted((e.event_id, e.cameo) for r in reference if isinstance(r, ArticleResult)
                  for e in r.events)
    got = duckdb.sql(f"SELECT event_id, cameo FROM read_parquet('{tmp_path}/events/*.parquet') "
                     "ORDER BY 1, 2").fetchall()
    assert got == want
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/articles/*.parquet'").fetchall() == [(6,)]
    assert duckdb.sql(f"SELECT reason FROM '{tmp_path}/rejections/*.parquet'").fetchall() == [
        ("empty",)]


@pytest.mark.model
def test_dask_executor_stands_in_for_the_pipeline_in_the_store(cluster, reference):
    from tidings.store import Store, ingest_into

    with DaskExecutor(SETTINGS, scheduler=cluster, partition_size=2) as executor, \
            Store(":memory:") as store:
        stats = ingest_into(store, executor, _items(), commit_every=4)
        stored = sorted(e.event_id for e in store.events())
    want = sorted(e.event_id for r in reference if isinstance(r, ArticleResult)
                  for e in r.events)
    assert stats.events == len(want) and stored == want
    assert stats.ingested == 6


@pytest.mark.model
def test_cli_ingest_on_the_dask_cluster(cluster, reference, tmp_path):
    from typer.testing import CliRunner

    from tidings.cli.main import app
    from tidings.store import Store

    source = tmp_path / "in.jsonl"
    source.write_text("".join(
        json.dumps({"id": a.id, "text": a.text, "published": a.published}) + "\n"
        for a in _items() if isinstance(a, Article)))
    db = tmp_path / "t.duckdb"
    # the same settings as SETTINGS, so the workers reuse the pipelines they hold
    out = CliRunner().invoke(app, [
        "ingest", str(source), "--db", str(db), "--no-clean", "--executor", "dask",
        "--scheduler", cluster.scheduler.address, "--set", "locations=false",
        "--set", "on_error=raise"])
    assert out.exit_code == 0, out.output
    with Store(db) as store:
        stored = sorted(e.event_id for e in store.events())
    assert stored == sorted(e.event_id for r in reference if isinstance(r, ArticleResult)
                            for e in r.events)


def test_make_executor_checks_its_options():
    with pytest.raises(ConfigError, match="unknown executor"):
        make_executor("spark", SETTINGS)
    with pytest.raises(ConfigError, match="--scheduler"):
        make_executor("local", SETTINGS, scheduler="tcp://127.0.0.1:8786")
    executor = make_executor("local", SETTINGS, workers=3, chunk_size=5)
    assert isinstance(executor, LocalExecutor)
    assert (executor.workers, executor.chunk_size, executor.in_flight) == (3, 5, 6)


def test_run_dask_needs_a_scheduler():
    pytest.importorskip("distributed")
    with pytest.raises(ConfigError, match="scheduler"):
        list(run_dask([], SETTINGS, scheduler=None))


def test_chunked_keeps_order_and_last_short_chunk():
    assert [len(c) for c in chunked(range(7), 3)] == [3, 3, 1]
    assert [x for c in chunked(range(7), 3) for x in c] == list(range(7))


def _event(article_id: str, n: int) -> Event:
    return Event(article_id=article_id, event_id=f"{article_id}-{n}", sentence_index=0,
                 sentence="X met Y.", source=ActorRef("X", "EGY"), target=ActorRef("Y", "ISR"),
                 cameo="040", cameo_root="04", cameo_name="Consult", goldstein=1.0,
                 quad_class=1, plover=None, status="asserted", condition=None,
                 claimant=None, trigger=Span("met", 2, 5))


def test_write_parquet_partitions_without_the_model(tmp_path):
    import duckdb

    results: list[ArticleResult | Rejection] = [
        ArticleResult(Article(id=f"x{n}", text="X met Y."), (), (_event(f"x{n}", 0),))
        for n in range(5)
    ]
    results.append(Rejection("f", "nlp", "nlp-error", "boom", "x9"))
    summaries = write_parquet(results, tmp_path, partition_size=2, parses=False)
    assert [(s.articles, s.events, s.rejections) for s in summaries] == [
        (2, 2, 0), (2, 2, 0), (1, 1, 1)]
    rows = duckdb.sql(f"SELECT source_code, target_code, count(*) FROM "
                      f"'{tmp_path}/events/*.parquet' GROUP BY ALL").fetchall()
    assert rows == [("EGY", "ISR", 5)]
    # the record column round-trips to the store's Event
    [(rec,)] = duckdb.sql(f"SELECT record FROM '{tmp_path}/events/part-000000.parquet' "
                          "ORDER BY event_id LIMIT 1").fetchall()
    assert event_from_dict(json.loads(rec)) == _event("x0", 0)
    assert not list(tmp_path.glob("*/.*.tmp"))
