"""Rendering events as a rich table, JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from tidings.models import Event, Rejection

CSV_COLUMNS = (
    "article_id",
    "event_id",
    "sentence_index",
    "source_text",
    "source_code",
    "target_text",
    "target_code",
    "cameo",
    "cameo_root",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "status",
    "condition",
    "claimant_text",
    "claimant_code",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "date",
    "date_precision",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "location_precision",
    "confidence",
    "coder",
    "sentence",
)


def flat(ev: Event) -> dict[str, Any]:
    """One event as a flat row (CSV, tables)."""
    loc = ev.location
    return {
        "article_id": ev.article_id,
        "event_id": ev.event_id,
        "sentence_index": ev.sentence_index,
        "source_text": ev.source.text,
        "source_code": ev.source.code,
        "target_text": ev.target.text if ev.target else None,
        "target_code": ev.target.code if ev.target else None,
        "cameo": ev.cameo,
        "cameo_root": ev.cameo_root,
        "cameo_name": ev.cameo_name,
        "goldstein": ev.goldstein,
        "quad_class": ev.quad_class,
        "plover_type": ev.plover.type if ev.plover else None,
        "plover_mode": ev.plover.mode if ev.plover else None,
        "status": ev.status,
        "condition": ev.condition.text if ev.condition else None,
        "claimant_text": ev.claimant.text if ev.claimant else None,
        "claimant_code": ev.claimant.code if ev.claimant else None,
        "trigger_text": ev.trigger.text,
        "trigger_start": ev.trigger.start,
        "trigger_end": ev.trigger.end,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_precision": loc.precision if loc else None,
        "confidence": ev.confidence,
        "coder": ev.coder,
        "sentence": ev.sentence,
    }


class EventWriter:
    """Writes events as they come, in one of the output formats."""

    def __init__(self, fmt: str, out: IO[str], console: Console) -> None:
        self.fmt = fmt
        self.out = out
        self.console = console
        self.rows: list[Event] = []
        self._csv: Any = None
        if fmt == "csv":
            self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
            self._csv.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for ev in events:
            if self.fmt == "jsonl":
                self.out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self._csv.writerow(flat(ev))
            else:
                self.rows.append(ev)

    def close(self) -> None:
        if self.fmt == "table":
            self.console.print(event_table(self.rows))
        self.out.flush()


_STATUS_STYLE = {
    "asserted": "green",
    "negated": "red",
    "denied": "red",
    "claimed": "yellow",
    "planned": "cyan",
    "conditional": "magenta",
    "hypothetical": "blue",
}


def event_table(events: list[Event]) -> Table:
    table = Table(title=f"{len(events)} events", show_lines=False, expand=False)
    for col in ("#", "source", "action", "target", "status", "claimant", "trigger"):
        table.add_column(col, overflow="fold")
    for n, ev in enumerate(events, 1):
        tgt = f"{ev.target.text} [{ev.target.code}]" if ev.target else "—"
        claimant = ""
        if ev.claimant:
            claimant = ev.claimant.code or f"“{ev.claimant.text}”"
        status = f"[{_STATUS_STYLE.get(ev.status, 'white')}]{ev.status}[/]"
        if ev.condition:
            status += f"\n[dim]if: {ev.condition.text[:60]}[/]"
        table.add_row(
            str(n),
            f"{ev.source.text} [{ev.source.code}]",
            f"{ev.cameo} {ev.cameo_name}",
            tgt,
            status,
            claimant,
            ev.trigger.text,
        )
    return table


def rejection_line(r: Rejection) -> str:
    detail = f": {r.detail}" if r.detail else ""
    return f"{r.origin}: rejected at {r.stage} ({r.reason}){detail}"
