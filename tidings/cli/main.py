"""The `tidings` command: one module per command; each parses options and calls the library."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from tidings import __version__
from tidings.cli.actors import actors_command
from tidings.cli.clean import clean_command
from tidings.cli.code import code_command
from tidings.cli.eval import eval_command
from tidings.cli.export import export_command
from tidings.cli.ingest import ingest_command
from tidings.cli.plot import plot_app
from tidings.cli.query import query_app
from tidings.cli.recode import recode_command
from tidings.cli.serve import serve_command
from tidings.cli.settings import settings_command
from tidings.cli.watch import watch_command
from tidings.errors import TidingsError

app = typer.Typer(
    name="tidings",
    help="Turn news into political event data: who did what to whom, when, where, "
         "according to whom, and how certain.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("code")(code_command)
app.command("eval")(eval_command)
app.command("settings")(settings_command)
app.command("ingest")(ingest_command)
app.command("recode")(recode_command)
app.command("export")(export_command)
app.add_typer(query_app, name="query")
app.add_typer(plot_app, name="plot")
app.command("actors")(actors_command)
app.command("clean")(clean_command)
app.command("watch")(watch_command)
app.command("serve")(serve_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tidings {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """tidings command line."""


def main() -> None:
    try:
        app()
    except TidingsError as exc:
        Console(stderr=True).print(f"[red]tidings: error:[/] {exc}", highlight=False,
                                   soft_wrap=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
