"""Ingest options: every knob of reading, fetching, cleaning and de-duplicating, declared once.

``OPTIONS`` lists (name, default, help) for each field of ``IngestOptions``; the CLI help and
docs/ingest.md describe the same table.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tidings")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


USER_AGENT = f"tidings/{_version()}"

# Files a directory walk skips unless asked for by --include: they describe a corpus, they
# are not articles (README.TXT, LICENSE, SOURCE.md ...), and hidden files.
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".*", "README*", "readme*", "LICENSE*", "LICENCE*", "COPYING*", "SOURCE.md", "CHANGELOG*",
    "*.pyc", "*.py", "*.sh", "*.json", "*.yaml", "*.yml", "*.toml", "*.cfg", "*.ini", "*.lock",
    "*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp", "*.svg", "*.ico", "*.pdf", "*.mp3", "*.mp4",
)

# Standard names of CSV/JSONL columns and the Article field each fills.
DEFAULT_COLUMNS: dict[str, str] = {
    "id": "id", "text": "text", "title": "title", "published": "published",
    "outlet": "outlet", "url": "url",
}


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs are read, fetched, cleaned and de-duplicated."""

    fmt: str = "auto"
    max_bytes: int = 20 * 1024 * 1024
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    recursive: bool = True
    columns: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_COLUMNS))
    csv_delimiter: str = ""
    follow_links: bool = True
    min_item_words: int = 60
    clean: bool = True
    languages: tuple[str, ...] = ("en",)
    min_language_words: int = 12
    dedup: bool = True
    near_duplicate: float = 0.85
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    user_agent: str = USER_AGENT

    def replace(self, **changes: Any) -> IngestOptions:
        return dataclasses.replace(self, **changes)


OPTIONS: tuple[tuple[str, Any, str], ...] = (
    ("fmt", "auto", "input format: auto, text, html, jsonl, csv, feed, warc"),
    ("max_bytes", 20 * 1024 * 1024, "size cap per document or download; larger → rejection "
                                     "`too-large`"),
    ("include", (), "glob patterns a directory member must match (any of them)"),
    ("exclude", DEFAULT_EXCLUDES, "glob patterns of directory members to skip"),
    ("recursive", True, "walk directories recursively"),
    ("columns", DEFAULT_COLUMNS, "CSV/JSONL column for each article field (field=column)"),
    ("csv_delimiter", "", "CSV delimiter; empty sniffs it (`,` `;` tab `|`)"),
    ("follow_links", True, "feeds: fetch an item's linked page when its own content is short"),
    ("min_item_words", 60, "feeds: fewer words in an item's content than this → fetch the link"),
    ("clean", True, "strip boilerplate from the text (when off, metadata is still extracted "
                    "and the text is kept verbatim)"),
    ("languages", ("en",), "accepted languages; others → rejection `language:xx`; empty "
                           "accepts all"),
    ("min_language_words", 12, "texts shorter than this are not language-checked"),
    ("dedup", True, "reject exact and near duplicates"),
    ("near_duplicate", 0.85, "MinHash Jaccard similarity at or above which two texts are "
                             "near duplicates (0 turns near-duplicate detection off)"),
    ("timeout", 20.0, "HTTP timeout in seconds"),
    ("retries", 2, "HTTP retries after a connection error, timeout, 429 or 5xx"),
    ("backoff", 1.0, "seconds before the first retry; doubles each time"),
    ("user_agent", USER_AGENT, "HTTP User-Agent header"),
)

__all__ = ["DEFAULT_COLUMNS", "DEFAULT_EXCLUDES", "OPTIONS", "USER_AGENT", "IngestOptions"]
