"""`tidings ingest`: read, parse, code and store articles (idempotent, transactional)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from tidings.cli.code import iter_inputs
from tidings.cli.common import USAGE_REASONS, SetOption, pipeline_from
from tidings.ingest import FORMATS
from tidings.models import Article, Rejection
from tidings.store import (
    DEFAULT_COMMIT_EVERY,
    DEFAULT_WINDOW_DAYS,
    IngestStats,
    Store,
    default_db_path,
    ingest_into,
)

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="The store: a DuckDB file (default: $TIDINGS_DB, else ./tidings.duckdb).")]
WindowOption = Annotated[int, typer.Option(
    "--cluster-window", min=0,
    help="Days apart two reports of one event may be dated and still form one cluster.")]


def _inputs(paths: list[str], fmt: str, columns: list[str] | None,
            clean: bool = True) -> Iterator[Article | Rejection]:
    """The inputs of `tidings code` (``iter_inputs``: cleaned, with metadata, duplicates
    rejected); with ``--column`` the same ingest options plus the column mapping. The store
    keeps the cleaned text, which is what event offsets index."""
    if not columns:
        return iter_inputs(paths, fmt, clean=clean)
    from tidings.ingest import IngestOptions, ingest
    from tidings.ingest.options import DEFAULT_COLUMNS

    mapping = dict(DEFAULT_COLUMNS)
    for pair in columns:
        name, sep, col = pair.partition("=")
        if not sep or name.strip() not in DEFAULT_COLUMNS:
            raise typer.BadParameter(f"expected FIELD=COLUMN with FIELD one of "
                                     f"{', '.join(DEFAULT_COLUMNS)}; got {pair!r}",
                                     param_hint="--column")
        mapping[name.strip()] = col.strip()
    return ingest(paths or ["-"], IngestOptions(fmt=fmt, clean=clean, columns=mapping))


def summary_table(stats: IngestStats, kind: str = "ingest") -> Table:
    """The closing summary of an ingest or recode run."""
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    if kind == "recode":
        table.add_row("articles re-coded", f"{stats.read:,}")
    else:
        table.add_row("inputs read", f"{stats.read:,}")
        table.add_row("articles ingested", f"{stats.ingested:,}")
        table.add_row("already present (unchanged)", f"{stats.present:,}")
        if stats.replaced:
            table.add_row("replaced (content changed)", f"{stats.replaced:,}")
        for reason, n in sorted(stats.rejected.items()):
            table.add_row(f"rejected: {reason}", f"{n:,}")
    table.add_row("events stored", f"{stats.events:,}")
    table.add_row("clusters in store", f"{stats.clusters:,}")
    return table


def ingest_command(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files to ingest (text, HTML, JSONL, ...); `-` or nothing reads stdin.")] = None,
    db: DbOption = None,
    input_format: Annotated[str, typer.Option(
        "--input-format", "-i", help=f"Input format: {', '.join(FORMATS)}.")] = "auto",
    dictionary: Annotated[list[Path] | None, typer.Option(
        "--dictionary", "-d", help="Extra actor dictionary file (repeatable).")] = None,
    commit_every: Annotated[int, typer.Option(
        "--commit-every", min=1,
        help="Articles per transaction: a killed run loses at most this many.")
    ] = DEFAULT_COMMIT_EVERY,
    cluster_window: WindowOption = DEFAULT_WINDOW_DAYS,
    column: Annotated[list[str] | None, typer.Option(
        "--column", help="JSONL/CSV field for an article field: --column text=body "
                         "(repeatable; fields: id, text, title, published, outlet, url).")
    ] = None,
    no_clean: Annotated[bool, typer.Option(
        "--no-clean", help="Store and code the text as given, without removing captions, "
                           "credits, datelines and footers.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Print a line to stderr as each batch commits.")] = False,
    set_: SetOption = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=0,
        help="Worker processes that parse and code (one model each); 0: all cores; 1: in "
             "this process.")] = 1,
    executor: Annotated[str, typer.Option(
        "--executor", help="Where parse + code run: local (processes on this machine) or "
                           "dask (a dask.distributed cluster, see --scheduler).")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address for --executor dask, e.g. "
                            "tcp://HOST:8786.")] = None,
) -> None:
    """Parse, code and store articles; re-ingesting an unchanged article changes nothing."""
    if input_format not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}",
                                 param_hint="--input-format")
    err = Console(stderr=True)
    pipeline = pipeline_from(set_, dictionary)
    path = default_db_path(db)
    started = time.monotonic()
    with ExitStack() as stack:
        runner: Any = pipeline
        if executor != "local" or workers != 1:
            from tidings.distributed import make_executor

            runner = stack.enter_context(make_executor(
                executor, pipeline.settings, workers=workers or None, scheduler=scheduler))
        stats = _ingest(runner, path, paths, input_format, column, not no_clean, commit_every,
                        cluster_window, verbose, err, started)
    elapsed = time.monotonic() - started
    err.print(f"ingest into {path}: run {stats.run_id}, {elapsed:.1f} s", highlight=False)
    err.print(summary_table(stats))
    raise typer.Exit(ingest_exit_code(stats))


def _ingest(pipeline: Any, path: str, paths: list[str] | None, input_format: str,
            column: list[str] | None, clean: bool, commit_every: int, cluster_window: int,
            verbose: bool, err: Console, started: float) -> IngestStats:
    with Store(path) as store, Progress(
        SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(),
        TextColumn("{task.fields[articles]:,} articles · {task.fields[events]:,} events · "
                   "{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("ingest", total=None, articles=0, events=0, rate=0.0)

        def on_batch(stats: IngestStats) -> None:
            rate = stats.read / max(time.monotonic() - started, 1e-6)
            progress.update(task, articles=stats.read, events=stats.events, rate=rate)
            if verbose:
                err.print(f"batch {stats.batches} committed: {stats.read} read, "
                          f"{stats.ingested} ingested, {stats.present} present, "
                          f"{stats.events} events", highlight=False)
                sys.stderr.flush()

        items = _inputs(paths or [], input_format, column, clean)
        return ingest_into(store, pipeline, items, commit_every=commit_every,
                           window=cluster_window, inputs=paths or ["-"], on_batch=on_batch)


def ingest_exit_code(stats: IngestStats) -> int:
    """0 when the inputs are stored (duplicates and bad documents are recorded, not failures);
    2 when an input was not usable (a missing file, a directory); 1 when no input could be
    stored."""
    if any(reason in USAGE_REASONS for reason in stats.rejected):
        return 2
    return 1 if stats.rejected and not (stats.ingested or stats.present or stats.replaced) else 0
