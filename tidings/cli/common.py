"""Options and helpers shared by CLI commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tidings.config import load_settings, parse_overrides
from tidings.models import Rejection
from tidings.pipeline import Pipeline

SetOption = Annotated[list[str] | None, typer.Option(
    "--set", help="Override a setting: --set name=value (repeatable; see `tidings settings`).")]

USAGE_REASONS = {"not-found", "directory"}


def pipeline_from(pairs: list[str] | None, dictionaries: list[Path] | None = None) -> Pipeline:
    overrides: dict[str, object] = dict(parse_overrides(pairs or []))
    settings = load_settings(overrides)
    if dictionaries:
        settings = settings.replace(
            dictionaries=[*settings.dictionaries, *(str(d) for d in dictionaries)])
    return Pipeline(settings)


def exit_for(rejections: list[Rejection], coded: int) -> int:
    """0 when everything was coded; 2 when an input was not usable (a missing file, a
    directory); 1 when a document was rejected for its content."""
    if not rejections:
        return 0
    if any(r.reason in USAGE_REASONS for r in rejections):
        return 2
    return 1
