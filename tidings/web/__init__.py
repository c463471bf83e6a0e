"""The web app's templates and static files (vendored JS, CSS and the offline world map).

Nothing here is Python logic: the routes that render these live in ``tidings.api.pages``.
"""

from __future__ import annotations

from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "WEB_DIR"]
