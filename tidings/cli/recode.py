"""`tidings recode`: re-code the stored parses with the current coder and dictionaries."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tidings.cli.common import SetOption, pipeline_from
from tidings.cli.ingest import DbOption, WindowOption, summary_table
from tidings.store import DEFAULT_WINDOW_DAYS, Store, default_db_path, recode


def recode_command(
    db: DbOption = None,
    dictionary: Annotated[list[Path] | None, typer.Option(
        "--dictionary", "-d", help="Extra actor dictionary file (repeatable).")] = None,
    cluster_window: WindowOption = DEFAULT_WINDOW_DAYS,
    set_: SetOption = None,
) -> None:
    """Re-code every stored article from its stored parse (no re-parsing, no spaCy), replace
    its events and clusters, and record the run."""
    err = Console(stderr=True)
    pipeline = pipeline_from(set_, dictionary)
    path = default_db_path(db)
    started = time.monotonic()
    with Store(path) as store, err.status("re-coding stored parses…"):
        stats = recode(store, pipeline, window=cluster_window)
    err.print(f"recode of {path}: run {stats.run_id}, {time.monotonic() - started:.1f} s",
              highlight=False)
    err.print(summary_table(stats, "recode"))
