"""`tidings query events|dyads|timeseries|clusters|network`: read the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from tidings.analysis import FREQS, UNITS, Filters
from tidings.cli.ingest import DbOption
from tidings.store import Store, default_db_path

OUTPUTS = ("table", "csv", "jsonl")

query_app = typer.Typer(
    help="Query the store: events, dyads, time series, clusters, the actor network.",
    no_args_is_help=True,
)

ActorOpt = Annotated[str | None, typer.Option(
    "--actor", help="Actor on either side: a CAMEO code prefix (EGY, EGYGOV) or group (HMS).")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source actor (as --actor).")]
TargetOpt = Annotated[str | None, typer.Option("--target", help="Target actor (as --actor).")]
CodeOpt = Annotated[str | None, typer.Option(
    "--code", help="CAMEO event code prefix (19, 190, 0231).")]
RootOpt = Annotated[str | None, typer.Option("--root", help="CAMEO root code (exact: 19).")]
StatusOpt = Annotated[str | None, typer.Option(
    "--status", help="Event status: asserted, negated, denied, claimed, planned, ...")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First event day, YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last event day, YYYY-MM-DD.")]
PlaceOpt = Annotated[str | None, typer.Option(
    "--place", help="Location country code (EGY) or part of the place name.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Reporting outlet (exact).")]
MinSourcesOpt = Annotated[int | None, typer.Option(
    "--min-sources", help="Only events whose cluster has at least this many outlets.")]
UnitOpt = Annotated[str, typer.Option(
    "--unit", help="events: count each cluster once; reports: count every report.")]
OutOpt = Annotated[str, typer.Option("--format", "-f", help="table, csv or jsonl.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]


def _filters(**kw: Any) -> Filters:
    return Filters(**{k: v for k, v in kw.items() if k in Filters.names()})


def _check(unit: str, fmt: str) -> None:
    if unit not in UNITS:
        raise typer.BadParameter(f"choose one of {', '.join(UNITS)}", param_hint="--unit")
    if fmt not in OUTPUTS:
        raise typer.BadParameter(f"choose one of {', '.join(OUTPUTS)}", param_hint="--format")


def print_frame(df: Any, fmt: str, title: str = "") -> None:
    """A DataFrame as a rich table, CSV or JSON Lines on stdout (days as YYYY-MM-DD)."""
    df = df.copy()
    for col in df.select_dtypes(include=["datetime", "datetimetz"]).columns:
        df[col] = df[col].dt.strftime("%Y-%m-%d")
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
        return
    if fmt == "jsonl":
        df.to_json(sys.stdout, orient="records", lines=True, date_format="iso")
        return
    table = Table(title=title or f"{len(df)} rows")
    for col in df.columns:
        table.add_column(str(col), overflow="fold")
    for row in df.itertuples(index=False):
        table.add_row(*("" if _isna(v) else str(v)[:80] for v in row))
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _isna(v: Any) -> bool:
    try:
        return bool(v is None or v != v)
    except (TypeError, ValueError):
        return False


@query_app.command("events")
def events_command(
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None,
    code: CodeOpt = None, root: RootOpt = None, status: StatusOpt = None,
    since: SinceOpt = None, until: UntilOpt = None, place: PlaceOpt = None,
    outlet: OutletOpt = None, min_sources: MinSourcesOpt = None,
    unit: UnitOpt = "reports", fmt: OutOpt = "table", limit: LimitOpt = 50,
    columns: Annotated[str, typer.Option(
        "--columns", help="Comma-separated columns to show (table output; `all` for all).")
    ] = "day,source_code,cameo,cameo_name,target_code,status,outlet,num_sources,trigger_text",
    db: DbOption = None,
) -> None:
    """Stored events matching the filters."""
    from tidings.analysis import events

    _check(unit, fmt)
    with Store(default_db_path(db), read_only=True) as store:
        df = events(store, _filters(**locals()), unit=unit, limit=limit)
    if columns != "all" and fmt == "table":
        df = df[[c for c in columns.split(",") if c in df.columns]]
    print_frame(df, fmt, f"{len(df)} events ({unit})")


@query_app.command("dyads")
def dyads_command(
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None,
    code: CodeOpt = None, root: RootOpt = None, status: StatusOpt = None,
    since: SinceOpt = None, until: UntilOpt = None, place: PlaceOpt = None,
    outlet: OutletOpt = None, min_sources: MinSourcesOpt = None,
    unit: UnitOpt = "events", fmt: OutOpt = "table", limit: LimitOpt = 30,
    db: DbOption = None,
) -> None:
    """Source → target pairs: event counts, Goldstein sum and mean, QuadClass counts."""
    from tidings.analysis import dyads

    _check(unit, fmt)
    with Store(default_db_path(db), read_only=True) as store:
        df = dyads(store, _filters(**locals()), unit=unit, limit=limit)
    print_frame(df, fmt, f"{len(df)} dyads ({unit})")


@query_app.command("timeseries")
def timeseries_command(
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None,
    code: CodeOpt = None, root: RootOpt = None, status: StatusOpt = None,
    since: SinceOpt = None, until: UntilOpt = None, place: PlaceOpt = None,
    outlet: OutletOpt = None, min_sources: MinSourcesOpt = None,
    freq: Annotated[str, typer.Option("--freq", help="day, week, month or year.")] = "month",
    all_dyads: Annotated[bool, typer.Option(
        "--total", help="One series for all matching events instead of one per dyad.")
    ] = False,
    unit: UnitOpt = "events", fmt: OutOpt = "table", db: DbOption = None,
) -> None:
    """Per period and dyad: count, Goldstein sum and mean, QuadClass counts."""
    from tidings.analysis import timeseries

    _check(unit, fmt)
    if freq not in FREQS:
        raise typer.BadParameter(f"choose one of {', '.join(FREQS)}", param_hint="--freq")
    with Store(default_db_path(db), read_only=True) as store:
        df = timeseries(store, _filters(**locals()), freq=freq, unit=unit,
                        by_dyad=not all_dyads)
    print_frame(df, fmt, f"{len(df)} rows per {freq} ({unit})")


@query_app.command("clusters")
def clusters_command(
    min_sources: Annotated[int, typer.Option(
        "--min-sources", help="Only clusters reported by at least this many outlets.")] = 1,
    fmt: OutOpt = "table", limit: LimitOpt = 30, db: DbOption = None,
) -> None:
    """Event clusters, most reported first."""
    from tidings.analysis import clusters

    _check("events", fmt)
    with Store(default_db_path(db), read_only=True) as store:
        df = clusters(store, min_sources=min_sources, limit=limit)
    print_frame(df, fmt, f"{len(df)} clusters")


@query_app.command("network")
def network_command(
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Graph file: .graphml or .gexf.")],
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None,
    code: CodeOpt = None, root: RootOpt = None, status: StatusOpt = None,
    since: SinceOpt = None, until: UntilOpt = None, place: PlaceOpt = None,
    outlet: OutletOpt = None, min_sources: MinSourcesOpt = None,
    min_events: Annotated[int, typer.Option(
        "--min-events", help="Leave out dyads with fewer events.")] = 1,
    unit: UnitOpt = "events", db: DbOption = None,
) -> None:
    """Write the actor network (nodes: actors; edges: dyads) as GraphML or GEXF."""
    from tidings.analysis import network, write_graph

    _check(unit, "table")
    with Store(default_db_path(db), read_only=True) as store:
        graph = network(store, _filters(**locals()), unit=unit, min_events=min_events)
    fmt = write_graph(graph, output)
    Console(stderr=True).print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} "
                               f"dyads written to {output} ({fmt})", highlight=False)
