"""The actor network: who acts on whom, as a networkx graph, written as GraphML or GEXF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.analysis.queries import Filters, dyads
from tidings.store.db import Store
from tidings.store.errors import StoreError

if TYPE_CHECKING:
    import networkx as nx

GRAPH_FORMATS = ("graphml", "gexf")


def network(store: Store, filters: Filters | None = None, *, unit: str = "events",
            min_events: int = 1) -> nx.DiGraph:
    """A directed graph of actors (country/group level); an edge per dyad with ``events``,
    ``goldstein_sum``, ``goldstein_mean`` and the four QuadClass counts as attributes."""
    import networkx as nx

    df = dyads(store, filters, unit=unit)
    graph = nx.DiGraph()
    for row in df.itertuples(index=False):
        if not row.source or not row.target or row.events < min_events:
            continue
        attrs: dict[str, Any] = {
            "events": int(row.events),
            "goldstein_sum": float(row.goldstein_sum or 0.0),
            "goldstein_mean": float(row.goldstein_mean or 0.0),
            "verbal_coop": int(row.verbal_coop), "material_coop": int(row.material_coop),
            "verbal_conflict": int(row.verbal_conflict),
            "material_conflict": int(row.material_conflict),
        }
        graph.add_edge(str(row.source), str(row.target), weight=attrs["events"], **attrs)
    for node in graph.nodes:
        graph.nodes[node]["label"] = node
        graph.nodes[node]["events"] = int(
            sum(d["events"] for *_, d in graph.in_edges(node, data=True))
            + sum(d["events"] for *_, d in graph.out_edges(node, data=True)))
    return graph


def write_graph(graph: nx.DiGraph, path: str | Path, fmt: str | None = None) -> str:
    """Write ``graph`` as GraphML or GEXF (``fmt``, else by the file's suffix)."""
    import networkx as nx

    fmt = fmt or Path(path).suffix.lstrip(".").lower()
    if fmt not in GRAPH_FORMATS:
        raise StoreError(f"unknown graph format {fmt!r}",
                         hint="choose graphml or gexf (or name the file .graphml/.gexf)")
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    else:
        nx.write_gexf(graph, path)
    return fmt


__all__ = ["GRAPH_FORMATS", "network", "write_graph"]
