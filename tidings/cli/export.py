"""`tidings export`: the store as JSON Lines, CSV, Parquet, GDELT 2.0, POLECAT or PLOVER."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tidings.cli.ingest import DbOption
from tidings.store import EXPORT_FORMATS, Store, default_db_path, export


def export_command(
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(EXPORT_FORMATS)}.")] = "jsonl",
    clusters: Annotated[bool, typer.Option(
        "--clusters", help="One row per event cluster (its earliest report) instead of one "
                           "per report.")] = False,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Output file (default: stdout; Parquet needs a file).")] = None,
    header: Annotated[bool, typer.Option(
        "--header", help="GDELT: write a header line (GDELT's own files have none).")] = False,
    db: DbOption = None,
) -> None:
    """Export stored events (or event clusters)."""
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(EXPORT_FORMATS)}",
                                 param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("Parquet is binary: give -o FILE.parquet", param_hint="--output")
    with Store(default_db_path(db), read_only=True) as store:
        n = export(store, fmt, output if output is not None else sys.stdout,
                   clusters=clusters, header=header)
    if output is not None:
        Console(stderr=True).print(f"{n:,} rows written to {output}", highlight=False)
