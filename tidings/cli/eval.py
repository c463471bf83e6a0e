"""`tidings eval`: precision, recall, F1, status accuracy and false-fact rate on gold sets."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from tidings.cli.common import SetOption, pipeline_from
from tidings.eval import evaluate_gold_file, evaluate_sets
from tidings.eval.gold import ALL_SETS

COLUMNS = ("set", "gold_events", "predicted_events", "precision", "recall", "f1",
           "f1_full_code", "status_accuracy", "claimant_accuracy", "false_fact_rate",
           "extra_per_gold", "location_share")
RECORD_COLUMNS = ("set", "records", "records_exact", "gold_events", "predicted_events",
                  "precision_strict", "recall_strict", "f1_strict", "precision", "recall", "f1",
                  "actors_resolved_share")


def eval_command(
    gold: Annotated[list[Path] | None, typer.Argument(
        help="Gold files (ANNOTATION.md format). Omit with --all or --set-name.")] = None,
    all_sets: Annotated[bool, typer.Option("--all", help="Every gold set in ../shared.")] = False,
    set_name: Annotated[list[str] | None, typer.Option(
        "--gold-set", help=f"A named gold set: {', '.join(ALL_SETS)} (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    dictionary: Annotated[list[Path] | None, typer.Option(
        "--dictionary", "-d", help="Extra actor dictionary file (repeatable).")] = None,
    set_: SetOption = None,
) -> None:
    """Score the pipeline on gold data and print the figures."""
    pipeline = pipeline_from(set_, dictionary)
    results: list[dict[str, Any]] = []
    names = list(ALL_SETS) if all_sets else list(set_name or [])
    if not gold and not names:
        raise typer.BadParameter("give gold files, --gold-set NAME or --all")
    for path in gold or []:
        results.append(evaluate_gold_file(path, pipeline).summary())
    if names:
        results.extend(evaluate_sets(names, pipeline))
    if as_json:
        typer.echo(json.dumps(results, indent=2))
        return
    console = Console(width=None if sys.stdout.isatty() else 160)
    for cols, rows in ((COLUMNS, [r for r in results if "confusion" in r]),
                       (RECORD_COLUMNS, [r for r in results if "records" in r])):
        if not rows:
            continue
        table = Table(title="tidings eval")
        for col in cols:
            table.add_column(col, justify="left" if col == "set" else "right")
        for r in rows:
            table.add_row(*(str(r[c]) for c in cols))
        console.print(table)
    for r in results:
        if r["set"] == "plover-gsr":
            table = Table(title=f"plover-gsr: {r['records']} PLOVER-coded sentences")
            for col in ("type_accuracy", "type_source_accuracy", "coverage"):
                table.add_column(col, justify="right")
            table.add_row(str(r["type_accuracy"]), str(r["type_source_accuracy"]),
                          str(r["coverage"]))
            console.print(table)
    police = [r for r in results if r["set"] == "indiapoliceevents"]
    for r in police:
        table = Table(title=f"indiapoliceevents: police actions in {r['sentences']} sentences")
        for col in ("label", "gold", "predicted", "precision", "recall", "f1"):
            table.add_column(col, justify="right")
        for label in ("ARREST", "KILL", "FORCE"):
            x = r[label]
            table.add_row(label, *(str(x[c]) for c in ("gold", "predicted", "precision",
                                                       "recall", "f1")))
        console.print(table)
    for r in results:
        if "confusion" not in r:
            continue
        conf = Table(title=f"{r['set']}: gold root → predicted root")
        conf.add_column("pair")
        conf.add_column("n", justify="right")
        for pair, n in r["confusion"].items():
            conf.add_row(pair, str(n))
        console.print(conf)
