"""`tidings actors`: every actor mention of a text, its code and the rule that produced it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tidings.cli.common import SetOption, pipeline_from
from tidings.coding.resolver import resolve_article, unknown_entities
from tidings.ingest import read_path
from tidings.models import Article, Rejection


def actors_command(
    source: Annotated[str, typer.Argument(
        help="A file to read, `-` for stdin, or the text itself.")],
    dictionary: Annotated[list[Path] | None, typer.Option(
        "--dictionary", "-d", help="Extra actor dictionary file (repeatable).")] = None,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date (YYYY-MM-DD) for dated office holders.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
    set_: SetOption = None,
) -> None:
    """Show each actor mention, its CAMEO code and the rule that resolved it, then the named
    entities no dictionary knows."""
    if source == "-":
        article: Article | Rejection = Article("stdin", sys.stdin.read(), published=published)
    elif Path(source).is_file():
        article = next(iter(read_path(Path(source))))
    else:
        article = Article("text", source, published=published)
    if isinstance(article, Rejection):
        Console(stderr=True).print(f"[red]tidings: error:[/] {article.origin}: {article.reason}"
                                   f" ({article.detail})", highlight=False)
        raise typer.Exit(1)
    if published:
        article = Article(**{**article.to_dict(), "published": published})
    pipeline = pipeline_from(set_, dictionary)
    sentences = pipeline.parser.parse(article)
    mentions = resolve_article(pipeline.coder.resolver, sentences, article.published)
    unknown = unknown_entities(sentences, mentions)
    if as_json:
        for m in mentions:
            typer.echo(json.dumps({
                "text": m.text, "code": m.code, "rule": m.rule, "start": m.start, "end": m.end,
                "sentence_index": m.sentence_index}, ensure_ascii=False))
        for text, label, n in unknown:
            typer.echo(json.dumps({"text": text, "code": None, "rule": f"unknown:{label}",
                                   "count": n}, ensure_ascii=False))
        return
    console = Console(width=None if sys.stdout.isatty() else 140)
    table = Table(title=f"{len(mentions)} actor mentions")
    for col in ("sentence", "text", "code", "rule"):
        table.add_column(col)
    for m in mentions:
        table.add_row(str(m.sentence_index), m.text, m.code, m.rule)
    console.print(table)
    if unknown:
        t2 = Table(title=f"{len(unknown)} named entities no dictionary knows")
        for col in ("text", "label", "count"):
            t2.add_column(col)
        for text, label, n in unknown:
            t2.add_row(text, label, str(n))
        console.print(t2)
