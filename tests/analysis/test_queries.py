"""Analysis: event filters, dyads, time series, the network and plots, over a hand-made store."""

from __future__ import annotations

from datetime import date

import pytest

from tests.store.fakes import FakePipeline, article
from tidings.analysis import (
    Filters,
    clusters,
    dyads,
    events,
    network,
    plot_network,
    plot_timeseries,
    timeseries,
    write_graph,
)
from tidings.store import Store, StoreError, ingest_into


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store(":memory:")
    arts = [
        article("a1", "EGY PSEGOVHMS 036 2024-03-01 @EGY\nEGY PSE 081 2024-03-01", outlet="BBC",
                published="2024-03-01"),
        article("a2", "EGYGOV PSEREBHMS 036 2024-03-02 @EGY", outlet="AFP",
                published="2024-03-02"),
        article("a3", "EGY PSEGOVHMS 111 2024-04-10", outlet="AFP", published="2024-04-10"),
        article("a4", "PSEREBHMS ISR 190 2024-04-11 @ISR\nISR PSEREBHMS 190 2024-04-12 @PSE",
                outlet="Reuters", published="2024-04-12"),
        article("a5", "EGY PSEGOVHMS 036 2024-04-20 !denied", outlet="BBC",
                published="2024-04-21"),
    ]
    ingest_into(s, FakePipeline(), arts)
    return s


def test_event_filters(store):
    assert len(events(store)) == 7
    assert len(events(store, unit="events")) == 6  # a1/a2 meeting reports are one cluster
    assert set(events(store, Filters(actor="HMS")).article_id) == {"a1", "a2", "a3", "a4", "a5"}
    assert set(events(store, Filters(source="EGY", target="HMS")).cameo) == {"036", "111"}
    assert list(events(store, Filters(root="19")).source_code) == ["PSEREBHMS", "ISR"]
    assert len(events(store, Filters(code="03"))) == 3
    assert len(events(store, Filters(status="denied"))) == 1
    got = events(store, Filters(since="2024-04-01", until=date(2024, 4, 11)))
    assert list(got.article_id) == ["a3", "a4"]
    assert set(events(store, Filters(place="isr")).article_id) == {"a4"}
    assert set(events(store, Filters(outlet="afp")).article_id) == {"a2", "a3"}
    assert set(events(store, Filters(min_sources=2)).article_id) == {"a1", "a2"}
    assert len(events(store, limit=2)) == 2


def test_user_values_never_become_sql(store):
    evil = "x' OR 1=1 --"
    for f in (Filters(actor=evil), Filters(outlet=evil), Filters(place=evil),
              Filters(code=evil), Filters(status=evil)):
        assert events(store, f).empty
    with pytest.raises(StoreError):
        events(store, Filters(since="last week"))
    with pytest.raises(StoreError):
        timeseries(store, freq="hour")


def test_dyads(store):
    df = dyads(store)
    top = df.iloc[0]
    assert (top.source, top.target, top.events) == ("EGY", "PSE/HMS", 3)
    assert top.reports == 4 and top.max_sources == 2 and top.verbal_coop == 2
    assert top.verbal_conflict == 1
    assert dyads(store, unit="reports").iloc[0].events == 4


def test_timeseries_by_month_and_week(store):
    df = timeseries(store, Filters(source="EGY", target="HMS"), freq="month")
    assert [str(p)[:10] for p in df.period] == ["2024-03-01", "2024-04-01"]
    assert list(df.events) == [1, 2]
    march = df.iloc[0]
    assert march.goldstein_sum == 3.0 and march.goldstein_mean == 3.0
    april = df.iloc[1]
    assert (april.verbal_coop, april.verbal_conflict) == (1, 1)
    total = timeseries(store, freq="week", by_dyad=False)
    assert "source" not in total.columns and total.events.sum() == 6


def test_clusters_table(store):
    df = clusters(store, min_sources=2)
    assert len(df) == 1 and df.iloc[0].num_sources == 2 and df.iloc[0].earliest_article_id == "a1"


def test_network_and_its_files(store, tmp_path):
    import networkx as nx

    g = network(store)
    assert set(g.nodes) == {"EGY", "PSE", "PSE/HMS", "ISR"}
    assert g["EGY"]["PSE/HMS"]["events"] == 3
    assert g["PSE/HMS"]["ISR"]["material_conflict"] == 1
    write_graph(g, tmp_path / "n.graphml")
    write_graph(g, tmp_path / "n.gexf")
    assert nx.read_graphml(tmp_path / "n.graphml").number_of_edges() == g.number_of_edges()
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_nodes() == 4
    with pytest.raises(StoreError):
        write_graph(g, tmp_path / "n.dot")
    assert set(network(store, min_events=2).edges) == {("EGY", "PSE/HMS")}


def test_plots_write_png_and_svg(store, tmp_path):
    ts = timeseries(store, freq="month", by_dyad=False)
    png = plot_timeseries(ts, tmp_path / "t.png", title="all")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = plot_network(network(store), tmp_path / "n.svg")
    assert b"<svg" in svg.read_bytes()[:500]
    empty = plot_network(network(store, Filters(actor="ZZZ")), tmp_path / "e.png")
    assert empty.stat().st_size > 0
