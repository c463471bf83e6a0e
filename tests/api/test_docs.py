"""docs/api.md documents every route, parameter and setting; docs/web.md every page."""

from __future__ import annotations

import re
from pathlib import Path

from tidings.api import API_SETTINGS, ApiSettings, make_app
from tidings.api.corpus import SORTABLE
from tidings.api.pages import PAGES

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_route_and_parameter_is_in_docs_api():
    text = DOCS.joinpath("api.md").read_text()
    schema = make_app(ApiSettings(), db=None).openapi()
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            assert f"`{method.upper()} {path}`" in text, f"{method} {path} is undocumented"
            for param in op.get("parameters", []):
                assert f"`{param['name']}`" in text, f"{param['name']} of {path}"
    for name in ("text", "html", "id", "published", "clean"):
        assert f"`{name}`" in text
    for col in SORTABLE:
        assert f"`{col}`" in text
    for s in API_SETTINGS:
        assert f"`{s.name}`" in text and f"TIDINGS_{s.name.upper()}" in text


def test_every_page_is_in_docs_web():
    text = DOCS.joinpath("web.md").read_text()
    for path, _ in PAGES:
        assert f"`{path}`" in text or path == "/docs" and "`/docs`" in text
    for path in ("/articles/{id}", "/login"):
        assert f"`{path}`" in text
    for img in re.findall(r"\]\((img/[^)]+)\)", text):
        assert DOCS.joinpath(img).is_file(), img
