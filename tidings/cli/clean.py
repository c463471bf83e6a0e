"""`tidings clean`: read inputs, strip page furniture, print the cleaned articles as JSON
(or, with --summary, counts of what was ingested, duplicated and rejected). Also the ingest
options shared with `tidings watch`."""

from __future__ import annotations

import json
import re
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tidings.cli.common import exit_for
from tidings.cli.render import rejection_line
from tidings.ingest import FORMATS, IngestOptions, IngestSummary, Prepared, prepare_all
from tidings.ingest.options import DEFAULT_COLUMNS, DEFAULT_EXCLUDES
from tidings.models import Rejection

# -- options shared by commands that ingest -------------------------------------------------

InputFormatOpt = Annotated[str, typer.Option(
    "--input-format", "-i", help=f"Input format: {', '.join(FORMATS)} (auto detects it from "
                                 "the name and content).")]
IncludeOpt = Annotated[list[str] | None, typer.Option(
    "--include", help="Directories: read only members matching this glob (repeatable), "
                      "e.g. --include '*.html'.")]
ExcludeOpt = Annotated[list[str] | None, typer.Option(
    "--exclude", help="Directories: skip members matching this glob (repeatable; added to the "
                      "default excludes: README*, LICENSE*, hidden files, images …).")]
NoDefaultExcludesOpt = Annotated[bool, typer.Option(
    "--no-default-excludes", help="Do not skip README*, LICENSE*, hidden and media files.")]
ColumnOpt = Annotated[list[str] | None, typer.Option(
    "--column", help="CSV/JSONL column for an article field: FIELD=COLUMN, fields "
                     f"{', '.join(DEFAULT_COLUMNS)} (repeatable), e.g. --column text=body.")]
DelimiterOpt = Annotated[str, typer.Option(
    "--delimiter", help="CSV delimiter (default: sniffed from the file).")]
MaxSizeOpt = Annotated[str, typer.Option(
    "--max-size", help="Size cap per document or download (e.g. 20MB, 500kB); larger inputs "
                       "are rejected as too-large.")]
KeepTextOpt = Annotated[bool, typer.Option(
    "--keep-text", help="Do not strip boilerplate from the text (title, dateline and dates "
                        "are still extracted).")]
LanguageOpt = Annotated[list[str] | None, typer.Option(
    "--language", help="Accepted language (ISO 639-1, repeatable; default en); `any` accepts "
                       "every language.")]
NoDedupOpt = Annotated[bool, typer.Option(
    "--no-dedup", help="Do not reject exact and near duplicates.")]
NearDupOpt = Annotated[float, typer.Option(
    "--near-duplicate", min=0.0, max=1.0,
    help="Similarity (0-1, MinHash Jaccard of 5-word shingles) from which texts are near "
         "duplicates; 0 turns near-duplicate detection off.")]
NoFollowOpt = Annotated[bool, typer.Option(
    "--no-follow-links", help="Feeds: never fetch an item's linked page; use its own text.")]
TimeoutOpt = Annotated[float, typer.Option(
    "--timeout", min=0.1, help="HTTP timeout in seconds.")]
RetriesOpt = Annotated[int, typer.Option(
    "--retries", min=0, help="HTTP retries (with exponential backoff) after a connection "
                             "error, timeout, 429 or 5xx.")]

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_SIZE_UNIT = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 10**6, "mb": 10**6,
              "mib": 2**20, "g": 10**9, "gb": 10**9, "gib": 2**30}


def parse_size(text: str) -> int:
    m = _SIZE.match(text)
    unit = (m.group(2) or "").lower() if m else ""
    if not m or unit not in _SIZE_UNIT:
        raise typer.BadParameter(f"cannot read the size {text!r}; write e.g. 20MB or 500kB",
                                 param_hint="--max-size")
    return int(float(m.group(1)) * _SIZE_UNIT[unit])


def ingest_options(
    *, input_format: str = "auto", include: list[str] | None = None,
    exclude: list[str] | None = None, no_default_excludes: bool = False,
    column: list[str] | None = None, delimiter: str = "", max_size: str = "20MB",
    keep_text: bool = False, language: list[str] | None = None, no_dedup: bool = False,
    near_duplicate: float = 0.85, no_follow_links: bool = False, timeout: float = 20.0,
    retries: int = 2,
) -> IngestOptions:
    """IngestOptions from command-line values (shared by `clean` and `watch`)."""
    if input_format not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}",
                                 param_hint="--input-format")
    columns = dict(DEFAULT_COLUMNS)
    for pair in column or []:
        name, sep, col = pair.partition("=")
        if not sep or name.strip() not in DEFAULT_COLUMNS or not col.strip():
            raise typer.BadParameter(f"write FIELD=COLUMN with FIELD one of "
                                     f"{', '.join(DEFAULT_COLUMNS)}", param_hint="--column")
        columns[name.strip()] = col.strip()
    langs = tuple(x.strip().lower() for x in (language or ["en"]) if x.strip())
    excludes = (() if no_default_excludes else DEFAULT_EXCLUDES) + tuple(exclude or ())
    return IngestOptions(
        fmt=input_format, include=tuple(include or ()), exclude=excludes, columns=columns,
        csv_delimiter=delimiter, max_bytes=parse_size(max_size), clean=not keep_text,
        languages=() if "any" in langs else langs, dedup=not no_dedup,
        near_duplicate=near_duplicate, follow_links=not no_follow_links, timeout=timeout,
        retries=retries,
    )


# -- the command ----------------------------------------------------------------------------

def clean_command(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, directories, globs, .gz/.zip archives, feeds, URLs or @LIST files; `-` "
             "or nothing reads stdin.")] = None,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Print counts (read, ingested, duplicates, rejected by reason, "
                          "removed by kind) instead of the articles.")] = False,
    as_json: Annotated[bool, typer.Option(
        "--json", help="With --summary: print the counts as JSON.")] = False,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="One compact JSON object per line instead of indented JSON.")] = False,
    input_format: InputFormatOpt = "auto",
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    no_default_excludes: NoDefaultExcludesOpt = False,
    column: ColumnOpt = None,
    delimiter: DelimiterOpt = "",
    max_size: MaxSizeOpt = "20MB",
    keep_text: KeepTextOpt = False,
    language: LanguageOpt = None,
    no_dedup: NoDedupOpt = False,
    near_duplicate: NearDupOpt = 0.85,
    no_follow_links: NoFollowOpt = False,
    timeout: TimeoutOpt = 20.0,
    retries: RetriesOpt = 2,
) -> None:
    """Clean articles and print them as JSON: id, title, text, dateline, published, outlet,
    url, language and `removed` (what was stripped, and why)."""
    options = ingest_options(
        input_format=input_format, include=include, exclude=exclude,
        no_default_excludes=no_default_excludes, column=column, delimiter=delimiter,
        max_size=max_size, keep_text=keep_text, language=language, no_dedup=no_dedup,
        near_duplicate=near_duplicate, no_follow_links=no_follow_links, timeout=timeout,
        retries=retries,
    )
    err = Console(stderr=True)
    counts = IngestSummary()
    rejections: list[Rejection] = []
    for item in prepare_all(paths or ["-"], options):
        counts.add(item)
        if isinstance(item, Rejection):
            rejections.append(item)
            if not summary:
                err.print(f"[red]tidings: error:[/] {rejection_line(item)}", highlight=False,
                          soft_wrap=True)
        elif not summary:
            _print_article(item, jsonl)
    if summary:
        if as_json:
            sys.stdout.write(json.dumps(counts.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            print_summary(counts, Console(width=None if sys.stdout.isatty() else 120))
        usage = [r for r in rejections if r.reason in ("not-found", "directory")]
        raise typer.Exit(exit_for(usage, counts.ingested))
    raise typer.Exit(exit_for(rejections, counts.ingested))


def _print_article(item: Prepared, jsonl: bool) -> None:
    data = item.to_dict()
    if jsonl:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_summary(counts: IngestSummary, console: Console) -> None:
    table = Table(title="ingest summary", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("read", f"{counts.read:,}")
    table.add_row("ingested", f"{counts.ingested:,}")
    table.add_row("duplicates (exact)", f"{counts.duplicates:,}")
    table.add_row("duplicates (near)", f"{counts.near_duplicates:,}")
    rejected = sum(counts.rejected.values())
    table.add_row("rejected", f"{rejected:,}")
    for reason, n in sorted(counts.rejected.items()):
        table.add_row(f"  {reason}", f"{n:,}")
    if counts.removed:
        table.add_row("removed by cleaning", "")
        for what, n in sorted(counts.removed.items()):
            table.add_row(f"  {what}", f"{n:,}")
    console.print(table)
    if counts.duplicate_pairs:
        console.print("duplicates (copy → original kept):", highlight=False)
        for dup, orig in counts.duplicate_pairs:
            console.print(f"  {dup} → {orig}", highlight=False)
