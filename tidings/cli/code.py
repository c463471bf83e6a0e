"""`tidings code`: code articles without storing them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tidings.cli.common import SetOption, exit_for, pipeline_from
from tidings.cli.render import EventWriter, rejection_line
from tidings.ingest import FORMATS, IngestOptions, ingest, prepare_all
from tidings.ingest.clean import map_event_offsets
from tidings.models import Article, Rejection
from tidings.pipeline import ArticleResult, Pipeline

OUTPUT_FORMATS = ("table", "jsonl", "csv")


def iter_inputs(paths: list[str], fmt: str, *, clean: bool = True
                ) -> Iterator[Article | Rejection]:
    """Articles from files, directories, globs, archives, feeds, URLs and ``@list`` files, or
    from stdin when the list is empty or holds ``-`` (see docs/ingest.md): cleaned of
    boilerplate, with title, dateline, date, outlet and language; other languages and
    duplicates rejected."""
    yield from ingest(paths or ["-"], IngestOptions(fmt=fmt, clean=clean))


def coded_inputs(
    pipeline: Pipeline, paths: list[str], fmt: str, *, clean: bool = True
) -> Iterator[ArticleResult | Rejection]:
    """Each input cleaned and coded, its events' offsets mapped back to the input text, so
    they index what the user gave (the cleaned text is what was parsed)."""
    for item in prepare_all(paths or ["-"], IngestOptions(fmt=fmt, clean=clean)):
        if isinstance(item, Rejection):
            yield item
            continue
        result = pipeline.process(item.article)
        if isinstance(result, ArticleResult) and clean:
            events = tuple(map_event_offsets(e, item.cleaned.offsets) for e in result.events)
            result = ArticleResult(result.article, result.sentences, events)
        yield result


def code_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files to code (text, HTML or JSONL); `-` or nothing reads stdin."),
    ] = None,
    input_format: Annotated[
        str, typer.Option("--input-format", "-i", help=f"Input format: {', '.join(FORMATS)}.")
    ] = "auto",
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(OUTPUT_FORMATS)}.")
    ] = "table",
    dictionary: Annotated[
        list[Path] | None,
        typer.Option("--dictionary", "-d", help="Extra actor dictionary file (repeatable)."),
    ] = None,
    no_clean: Annotated[bool, typer.Option(
        "--no-clean", help="Code the text as given, without removing captions, credits, "
                           "datelines and footers.")] = False,
    set_: SetOption = None,
) -> None:
    """Code news articles into events and print them (nothing is stored). Offsets in the
    output index the input text."""
    if input_format not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--input-format")
    if output_format not in OUTPUT_FORMATS:
        raise typer.BadParameter(
            f"choose one of {', '.join(OUTPUT_FORMATS)}", param_hint="--format"
        )
    err = Console(stderr=True)
    pipeline = pipeline_from(set_, dictionary)
    writer = EventWriter(
        output_format, sys.stdout, Console(width=None if sys.stdout.isatty() else 140)
    )
    rejections: list[Rejection] = []
    coded = 0
    for result in coded_inputs(pipeline, paths or [], input_format, clean=not no_clean):
        if isinstance(result, ArticleResult):
            coded += 1
            writer.write(result.events)
        else:
            rejections.append(result)
            err.print(
                f"[red]tidings: error:[/] {rejection_line(result)}", highlight=False, soft_wrap=True
            )
    writer.close()
    raise typer.Exit(exit_for(rejections, coded))
