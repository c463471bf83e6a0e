"""Plots of time series and actor networks (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
QUAD_COLORS = ("#4c9be8", "#1f5fa8", "#f0a04b", "#c0392b")


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_timeseries(df: pd.DataFrame, path: str | Path, *, title: str = "") -> Path:
    """Stacked bars of QuadClass counts per period, with the Goldstein mean as a line."""
    plt = _pyplot()
    data = df.groupby("period", as_index=True)[list(QUAD_COLUMNS)].sum().sort_index()
    gold = df.groupby("period")["goldstein_sum"].sum() / df.groupby("period")["events"].sum()
    fig, ax = plt.subplots(figsize=(9, 4.5))
    labels = [str(p)[:10] for p in data.index]
    bottom = [0] * len(data)
    for col, color in zip(QUAD_COLUMNS, QUAD_COLORS, strict=True):
        vals = list(data[col])
        ax.bar(labels, vals, bottom=bottom, color=color, label=col.replace("_", " "))
        bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
    ax.set_ylabel("events")
    ax.tick_params(axis="x", rotation=45)
    ax2 = ax.twinx()
    ax2.plot(labels, list(gold.reindex(data.index)), color="black", marker="o",
             label="Goldstein mean")
    ax2.set_ylabel("Goldstein mean")
    ax2.set_ylim(-10, 10)
    ax2.axhline(0, color="grey", linewidth=0.5)
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", fontsize=8)
    ax.set_title(title or "events per period")
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out)
    plt.close(fig)
    return out


def plot_network(graph: nx.DiGraph, path: str | Path, *, title: str = "") -> Path:
    """Actors as nodes (size: events), dyads as arrows (width: events; colour: Goldstein
    mean, red conflictual to blue cooperative)."""
    import networkx as nx

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 8))
    if graph.number_of_nodes():
        pos = nx.spring_layout(graph, seed=7, weight="weight")
        sizes = [300 + 120 * graph.nodes[n].get("events", 1) for n in graph.nodes]
        nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=sizes, node_color="#dddddd",
                               edgecolors="#555555")
        nx.draw_networkx_labels(graph, pos, ax=ax, font_size=9)
        edges = list(graph.edges(data=True))
        nx.draw_networkx_edges(
            graph, pos, ax=ax, edgelist=[(u, v) for u, v, _ in edges],
            width=[1 + d["events"] for *_, d in edges],
            edge_color=[d["goldstein_mean"] for *_, d in edges], edge_cmap=plt.cm.RdBu,
            edge_vmin=-10, edge_vmax=10, arrows=True, arrowsize=15,
            connectionstyle="arc3,rad=0.1", node_size=sizes)
    else:
        ax.text(0.5, 0.5, "no events", ha="center", va="center")
    ax.set_title(title or "actor network")
    ax.axis("off")
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out)
    plt.close(fig)
    return out


__all__ = ["plot_network", "plot_timeseries"]
