"""`tidings eval`: precision, recall, F1, status accuracy and false-fact rate on gold sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from tidings.cli.common import SetOption, pipeline_from
from tidings.eval import GOLD_SETS, evaluate_gold_file, evaluate_sets

COLUMNS = ("set", "gold_events", "predicted_events", "precision", "recall", "f1",
           "f1_full_code", "status_accuracy", "claimant_accuracy", "false_fact_rate",
           "extra_per_gold")


def eval_command(
    gold: Annotated[list[Path] | None, typer.Argument(
        help="Gold files (ANNOTATION.md format). Omit with --all or --set-name.")] = None,
    all_sets: Annotated[bool, typer.Option("--all", help="Every gold set in ../shared.")] = False,
    set_name: Annotated[list[str] | None, typer.Option(
        "--gold-set", help=f"A named gold set: {', '.join(GOLD_SETS)} (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    set_: SetOption = None,
) -> None:
    """Score the pipeline on gold data and print the figures."""
    pipeline = pipeline_from(set_)
    results: list[dict[str, Any]] = []
    names = list(GOLD_SETS) if all_sets else list(set_name or [])
    if not gold and not names:
        raise typer.BadParameter("give gold files, --gold-set NAME or --all")
    for path in gold or []:
        results.append(evaluate_gold_file(path, pipeline).summary())
    if names:
        results.extend(evaluate_sets(names, pipeline))
    if as_json:
        typer.echo(json.dumps(results, indent=2))
        return
    console = Console()
    table = Table(title="tidings eval")
    for col in COLUMNS:
        table.add_column(col, justify="left" if col == "set" else "right")
    for r in results:
        table.add_row(*(str(r[c]) for c in COLUMNS))
    console.print(table)
    for r in results:
        conf = Table(title=f"{r['set']}: gold root → predicted root")
        conf.add_column("pair")
        conf.add_column("n", justify="right")
        for pair, n in r["confusion"].items():
            conf.add_row(pair, str(n))
        console.print(conf)
