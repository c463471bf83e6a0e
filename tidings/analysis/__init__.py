"""Read-only analysis of the store: event queries, dyads, time series, the actor network and
their plots — each a function returning a pandas DataFrame, a networkx graph or a file.
"""

from tidings.analysis.network import GRAPH_FORMATS, network, write_graph
from tidings.analysis.plots import plot_network, plot_timeseries
from tidings.analysis.queries import FREQS, UNITS, Filters, clusters, dyads, events, timeseries

__all__ = [
    "FREQS",
    "GRAPH_FORMATS",
    "UNITS",
    "Filters",
    "clusters",
    "dyads",
    "events",
    "network",
    "plot_network",
    "plot_timeseries",
    "timeseries",
    "write_graph",
]
