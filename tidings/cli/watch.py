"""`tidings watch`: poll RSS/Atom feeds, code each new item and print its events as JSON Lines.

There is no store yet: the events go to stdout; the item keys already seen are kept in a small
state file so a restart codes only new items."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tidings.cli.clean import (
    ColumnOpt,
    KeepTextOpt,
    LanguageOpt,
    MaxSizeOpt,
    NearDupOpt,
    NoDedupOpt,
    NoFollowOpt,
    RetriesOpt,
    TimeoutOpt,
    ingest_options,
)
from tidings.cli.common import SetOption, pipeline_from
from tidings.cli.render import EventWriter, rejection_line
from tidings.ingest.watch import DEFAULT_STATE, FeedWatcher, parse_interval, watch_feeds
from tidings.models import Article, Rejection
from tidings.pipeline import ArticleResult

OUTPUT_FORMATS = ("jsonl", "csv")


def watch_command(
    urls: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs to poll.")],
    every: Annotated[str, typer.Option(
        "--every", help="How often to poll: 30s, 15m, 1h, 1h30m.")] = "15m",
    once: Annotated[bool, typer.Option(
        "--once", help="Poll once and exit (for cron jobs and tests).")] = False,
    state: Annotated[Path, typer.Option(
        "--state", help="JSON file remembering the items already seen.")] = Path(DEFAULT_STATE),
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(OUTPUT_FORMATS)}.")] = "jsonl",
    dictionary: Annotated[list[Path] | None, typer.Option(
        "--dictionary", "-d", help="Extra actor dictionary file (repeatable).")] = None,
    column: ColumnOpt = None,
    max_size: MaxSizeOpt = "20MB",
    keep_text: KeepTextOpt = False,
    language: LanguageOpt = None,
    no_dedup: NoDedupOpt = False,
    near_duplicate: NearDupOpt = 0.85,
    no_follow_links: NoFollowOpt = False,
    timeout: TimeoutOpt = 20.0,
    retries: RetriesOpt = 2,
    set_: SetOption = None,
) -> None:
    """Poll feeds, code each new item and print its events (JSON Lines) as they come."""
    if output_format not in OUTPUT_FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(OUTPUT_FORMATS)}",
                                 param_hint="--format")
    interval = parse_interval(every)
    options = ingest_options(
        column=column, max_size=max_size, keep_text=keep_text, language=language,
        no_dedup=no_dedup, near_duplicate=near_duplicate, no_follow_links=no_follow_links,
        timeout=timeout, retries=retries,
    )
    err = Console(stderr=True)
    pipeline = pipeline_from(set_, dictionary)
    writer = EventWriter(output_format, sys.stdout, Console())

    def handle(item: Article | Rejection) -> None:
        for result in pipeline.run([item]):
            if isinstance(result, ArticleResult):
                writer.write(result.events)
                sys.stdout.flush()
            else:
                err.print(f"[red]tidings: error:[/] {rejection_line(result)}", highlight=False,
                          soft_wrap=True)

    watcher = FeedWatcher(urls, state=state, options=options)
    try:
        watch_feeds(watcher, handle, every=interval, once=once)
    except KeyboardInterrupt:
        pass
    finally:
        writer.close()
