"""`tidings settings`: every setting, its value and where to change it."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from tidings.cli.common import SetOption
from tidings.config import SETTINGS, load_settings, parse_overrides


def settings_command(set_: SetOption = None) -> None:
    """Show every setting with its current value (after file, environment and --set)."""
    current = load_settings(dict(parse_overrides(set_ or [])))
    table = Table(title="tidings settings")
    for col in ("name", "value", "default", "help"):
        table.add_column(col, overflow="fold")
    for s in SETTINGS:
        table.add_row(s.name, repr(getattr(current, s.name)), repr(s.default), s.help)
    Console().print(table)
