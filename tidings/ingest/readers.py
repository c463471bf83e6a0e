"""Readers: files and streams → Article | Rejection.

Each reader yields one ``Article`` per document it can read and a ``Rejection`` (with a short
reason) for each it cannot; nothing here raises for a bad document. Formats: plain text, HTML
(main text and metadata via trafilatura) and JSON Lines (one article per line).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.errors import InputFormatError
from tidings.models import Article, Rejection

logger = logging.getLogger(__name__)

FORMATS = ("auto", "text", "html", "jsonl")
_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSONL_EXT = {".jsonl", ".ndjson"}

Result = Article | Rejection


def detect_format(name: str, data: bytes) -> str:
    """Guess the input format from a file name and the first bytes of its content."""
    suffix = Path(name).suffix.lower()
    if suffix in _HTML_EXT:
        return "html"
    if suffix in _JSONL_EXT:
        return "jsonl"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def decode(data: bytes, origin: str) -> str | Rejection:
    """UTF-8 text, or a rejection saying why the bytes are not text."""
    if not data.strip():
        return Rejection(origin, "ingest", "empty", "the input holds no text")
    if b"\x00" in data[:8192]:
        return Rejection(origin, "ingest", "binary", "the input is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(origin, "ingest", "encoding",
                         f"invalid UTF-8 at byte {exc.start}: {exc.reason}")


def read_bytes(
    data: bytes, origin: str, *, fmt: str = "auto", article_id: str | None = None
) -> Iterator[Result]:
    """Articles from the bytes of one input (a file or stdin)."""
    if fmt not in FORMATS:
        raise InputFormatError(f"unknown input format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "auto":
        fmt = detect_format(origin, data)
    text = decode(data, origin)
    if isinstance(text, Rejection):
        yield text
        return
    default_id = article_id or Path(origin).stem or origin
    if fmt == "jsonl":
        yield from read_jsonl_text(text, origin)
    elif fmt == "html":
        yield read_html_text(text, origin, default_id)
    else:
        yield text_article(text, origin, default_id)


def read_path(path: str | Path, *, fmt: str = "auto") -> Iterator[Result]:
    """Articles from one file; a missing or unreadable file is a rejection."""
    origin = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            yield Rejection(origin, "ingest", "directory", "is a directory, not a file")
            return
        data = p.read_bytes()
    except FileNotFoundError:
        yield Rejection(origin, "ingest", "not-found", "no such file")
        return
    except OSError as exc:
        yield Rejection(origin, "ingest", "unreadable", exc.strerror or str(exc))
        return
    yield from read_bytes(data, origin, fmt=fmt)


def text_article(text: str, origin: str, article_id: str, **meta: Any) -> Result:
    if not text.strip():
        return Rejection(origin, "ingest", "empty", "the input holds no text", article_id)
    return Article(id=article_id, text=text, origin=origin, **meta)


def read_html_text(html: str, origin: str, article_id: str) -> Result:
    """Main text and metadata of an HTML page (trafilatura)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputFormatError("HTML input needs trafilatura", hint="pip install trafilatura") \
            from exc
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return Rejection(origin, "ingest", "no-main-text", "no article text found in the HTML",
                         article_id)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    return text_article(
        text, origin, article_id, title=data.get("title"), published=data.get("date"),
        outlet=data.get("sitename"), url=data.get("url"),
    )


def read_jsonl_text(text: str, origin: str) -> Iterator[Result]:
    """One article per line: ``id`` and ``text`` required; ``title``, ``published``,
    ``outlet``, ``url`` optional. Bad lines become rejections; the others are read."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, "ingest", "json", f"invalid JSON: {exc.msg} at column "
                                                     f"{exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, "ingest", "json", "a line must hold a JSON object")
            continue
        art_id = obj.get("id")
        body = obj.get("text")
        if art_id is None or not isinstance(body, str):
            yield Rejection(where, "ingest", "missing-field",
                            "each line needs `id` and a string `text`",
                            str(art_id) if art_id is not None else None)
            continue
        yield text_article(
            body, where, str(art_id),
            title=_opt_str(obj.get("title")), published=_opt_str(obj.get("published")),
            outlet=_opt_str(obj.get("outlet")), url=_opt_str(obj.get("url")),
        )


def _opt_str(v: Any) -> str | None:
    return None if v is None else str(v)
