"""`tidings plot timeseries|network -o FILE.png|svg`: the pictures analysts look at."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tidings.analysis import FREQS, Filters
from tidings.cli.ingest import DbOption
from tidings.cli.query import (
    ActorOpt,
    CodeOpt,
    MinSourcesOpt,
    OutletOpt,
    PlaceOpt,
    RootOpt,
    SinceOpt,
    SourceOpt,
    StatusOpt,
    TargetOpt,
    UnitOpt,
    UntilOpt,
    _check,
    _filters,
)
from tidings.store import Store, default_db_path

plot_app = typer.Typer(help="Plot time series and actor networks to PNG or SVG.",
                       no_args_is_help=True)
OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="Image file: .png or .svg.")]


def _check_image(path: Path) -> None:
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise typer.BadParameter("name a .png or .svg file", param_hint="--output")


@plot_app.command("timeseries")
def plot_timeseries_command(
    output: OutputOpt,
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None,
    code: CodeOpt = None, root: RootOpt = None, status: StatusOpt = None,
    since: SinceOpt = None, until: UntilOpt = None, place: PlaceOpt = None,
    outlet: OutletOpt = None, min_sources: MinSourcesOpt = None,
    freq: Annotated[str, typer.Option("--freq", help="day, week, month or year.")] = "month",
    title: Annotated[str, typer.Option("--title", help="Plot title.")] = "",
    unit: UnitOpt = "events", db: DbOption = None,
) -> None:
    """QuadClass counts per period (stacked bars) and the Goldstein mean (line)."""
    from tidings.analysis import plot_timeseries, timeseries

    _check(unit, "table")
    _check_image(output)
    if freq not in FREQS:
        raise typer.BadParameter(f"choose one of {', '.join(FREQS)}", param_hint="--freq")
    filters: Filters = _filters(**locals())
    with Store(default_db_path(db), read_only=True) as store:
        df = timeseries(store, filters, freq=freq, unit=unit, by_dyad=False)
    plot_timeseries(df, output, title=title)
    Console(stderr=True).print(f"{len(df)} periods plotted to {output}", highlight=False)


@plot_app.command("network")
def plot_network_command(
    output: OutputOpt,
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None,
    code: CodeOpt = None, root: RootOpt = None, status: StatusOpt = None,
    since: SinceOpt = None, until: UntilOpt = None, place: PlaceOpt = None,
    outlet: OutletOpt = None, min_sources: MinSourcesOpt = None,
    min_events: Annotated[int, typer.Option(
        "--min-events", help="Leave out dyads with fewer events.")] = 1,
    title: Annotated[str, typer.Option("--title", help="Plot title.")] = "",
    unit: UnitOpt = "events", db: DbOption = None,
) -> None:
    """Actors as nodes, dyads as arrows coloured by Goldstein mean."""
    from tidings.analysis import network, plot_network

    _check(unit, "table")
    _check_image(output)
    with Store(default_db_path(db), read_only=True) as store:
        graph = network(store, _filters(**locals()), unit=unit, min_events=min_events)
    plot_network(graph, output, title=title)
    Console(stderr=True).print(f"{graph.number_of_nodes()} actors plotted to {output}",
                               highlight=False)
