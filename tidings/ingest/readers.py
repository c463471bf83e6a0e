"""Readers: the bytes of one input → Article | Rejection.

Each reader yields one ``Article`` per document it can read and a ``Rejection`` (with a short
reason) for each it cannot; nothing here raises for a bad document. Formats: plain text, HTML
(main text and metadata via trafilatura), JSON Lines, CSV/TSV, RSS/Atom feeds (``feeds.py``),
WARC (``warc.py``); gzip and zip archives are opened and their members read in turn.

The text an Article carries here is the document as read (newlines normalised to ``\\n``);
cleaning (``clean.py``) comes after and keeps a map back to these offsets.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from tidings.errors import InputFormatError
from tidings.ingest.options import IngestOptions
from tidings.models import Article, Rejection

if TYPE_CHECKING:
    from tidings.ingest.fetch import Fetcher

logger = logging.getLogger(__name__)

FORMATS = ("auto", "text", "html", "jsonl", "csv", "feed", "warc")
_EXT = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".arc": "warc",
    ".txt": "text", ".text": "text", ".md": "text",
}
_CONTENT_TYPES = (
    ("rss", "feed"), ("atom", "feed"), ("html", "html"), ("json", "jsonl"), ("csv", "csv"),
    ("warc", "warc"),
)
_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"
_MAX_ARCHIVE_MEMBERS = 100_000

Result = Article | Rejection


def detect_format(name: str, data: bytes, content_type: str = "") -> str:
    """Guess the input format from a file name (or URL), a content type and the first bytes."""
    path = PurePosixPath(name.split("?", 1)[0].split("#", 1)[0])
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-2:-1] == [".warc"] or (suffixes and suffixes[-1] in (".warc", ".arc")):
        return "warc"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if suffixes and suffixes[-1] in _EXT and suffixes[-1] != ".txt":
        return _EXT[suffixes[-1]]
    if _looks_like_feed(head):
        return "feed"
    if suffixes and suffixes[-1] == ".xml":
        return "feed"
    ctype = content_type.lower()
    for key, fmt in _CONTENT_TYPES:
        if key in ctype:
            return fmt
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head:
        return "html"
    if head.startswith(b"{") and suffixes[-1:] != [".txt"]:
        return "jsonl"
    return "text"


def _looks_like_feed(head: bytes) -> bool:
    if head.startswith(b"<?xml"):
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


# -- decoding -------------------------------------------------------------------------------

# Characters a Western single-byte decoding may plausibly give in news text.
_WESTERN_OK = re.compile(r"[\x00-\x7f\u00a0-\u00ff\u2010-\u2027\u2030-\u203a\u20ac\u0152\u0153"
                         r"\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2122]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
         (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, origin: str) -> str | Rejection:
    """Text from bytes in any common encoding, with newlines normalised to ``\\n``.

    UTF-8 (and UTF-16/32 with a byte-order mark) first; then Windows-1252 when the text is
    mostly ASCII and every other character it gives is plausible Western text (one stray
    ``£`` is too little for a statistical detector); then charset-normalizer. A byte-order
    mark inside the text means mixed encodings and is rejected, as are bytes no detector can
    read.
    """
    if not data.strip():
        return Rejection(origin, "ingest", "empty", "the input holds no text")
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                return Rejection(origin, "ingest", "encoding", f"invalid {enc}: {exc.reason}")
            break
    if text is None:
        if b"\x00" in data[:8192]:
            return Rejection(origin, "ingest", "binary", "the input is binary, not text")
        if b"\xff\xfe" in data or b"\xfe\xff" in data:
            return Rejection(origin, "ingest", "encoding",
                             "a byte-order mark inside the text: mixed or broken encodings")
        text = _decode_guess(data)
        if text is None:
            return Rejection(origin, "ingest", "encoding",
                             "not UTF-8, and no encoding detector could read it")
    if _control_ratio(text) > 0.05:
        return Rejection(origin, "ingest", "binary", "the input is binary, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_guess(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and not _WESTERN_OK.sub("", western):
        non_ascii = sum(1 for c in western if ord(c) > 127)
        if non_ascii <= 0.05 * len(western):  # mostly ASCII: English with a stray £ or é
            return western
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return western
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.3:
        return None
    return str(best)


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return bad / len(sample)


# -- entry points ---------------------------------------------------------------------------

def read_bytes(
    data: bytes, origin: str, *, fmt: str = "auto", article_id: str | None = None,
    options: IngestOptions | None = None, fetcher: Fetcher | None = None,
    content_type: str = "", url: str | None = None,
) -> Iterator[Result]:
    """Articles from the bytes of one input (a file, an archive member, a download, stdin)."""
    opts = options or IngestOptions(fmt=fmt)
    if fmt not in FORMATS:
        raise InputFormatError(f"unknown input format {fmt!r}; choose one of {', '.join(FORMATS)}")
    default_id = article_id or _stem(origin)
    if len(data) > opts.max_bytes:
        yield Rejection(origin, "ingest", "too-large",
                        f"{len(data):,} bytes; the cap is {opts.max_bytes:,}", default_id)
        return
    if data.startswith(_GZIP_MAGIC):
        yield from _read_gzip(data, origin, fmt, default_id, opts, fetcher)
        return
    if data.startswith(_ZIP_MAGIC):
        yield from _read_zip(data, origin, fmt, default_id, opts, fetcher)
        return
    if fmt == "auto":
        fmt = detect_format(url or origin, data, content_type)
    if fmt == "warc":
        from tidings.ingest.warc import read_warc

        yield from read_warc(data, origin, opts)
        return
    text = decode(data, origin)
    if isinstance(text, Rejection):
        yield Rejection(text.origin, text.stage, text.reason, text.detail, default_id)
        return
    if fmt == "jsonl":
        yield from read_jsonl_text(text, origin, opts.columns)
    elif fmt == "csv":
        yield from read_csv_text(text, origin, opts.columns, opts.csv_delimiter)
    elif fmt == "feed":
        from tidings.ingest.feeds import read_feed_text

        yield from read_feed_text(text, origin, options=opts, fetcher=fetcher)
    elif fmt == "html":
        yield read_html_text(text, origin, default_id, url=url)
    else:
        yield text_article(text, origin, default_id, url=url)


def read_path(path: str | Path, *, fmt: str = "auto", options: IngestOptions | None = None,
              article_id: str | None = None, fetcher: Fetcher | None = None) -> Iterator[Result]:
    """Articles from one file; a missing, unreadable or over-size file is a rejection."""
    opts = options or IngestOptions(fmt=fmt)
    origin = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            yield Rejection(origin, "ingest", "directory", "is a directory, not a file")
            return
        size = p.stat().st_size
        if size > opts.max_bytes:
            yield Rejection(origin, "ingest", "too-large",
                            f"{size:,} bytes; the cap is {opts.max_bytes:,}",
                            article_id or _stem(origin))
            return
        data = p.read_bytes()
    except FileNotFoundError:
        yield Rejection(origin, "ingest", "not-found", "no such file")
        return
    except OSError as exc:
        yield Rejection(origin, "ingest", "unreadable", exc.strerror or str(exc))
        return
    yield from read_bytes(data, origin, fmt=fmt if fmt != "auto" else opts.fmt,
                          article_id=article_id, options=opts, fetcher=fetcher)


def _stem(origin: str) -> str:
    name = PurePosixPath(origin.replace("\\", "/").rstrip("/")).name or origin
    for suffix in (".gz", ".zip"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return PurePosixPath(name).stem or name


# -- archives -------------------------------------------------------------------------------

def _read_gzip(data: bytes, origin: str, fmt: str, article_id: str, opts: IngestOptions,
               fetcher: Fetcher | None) -> Iterator[Result]:
    inner = origin[:-3] if origin.lower().endswith(".gz") else origin
    if fmt == "warc" or detect_format(inner, b"") == "warc":
        from tidings.ingest.warc import read_warc

        yield from read_warc(data, origin, opts)  # warcio reads gzipped WARC itself
        return
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            raw = gz.read(opts.max_bytes + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Rejection(origin, "ingest", "archive", f"broken gzip data: {exc}", article_id)
        return
    if len(raw) > opts.max_bytes:
        yield Rejection(origin, "ingest", "too-large",
                        f"more than {opts.max_bytes:,} bytes once decompressed", article_id)
        return
    yield from read_bytes(raw, inner, fmt=fmt, article_id=article_id, options=opts,
                          fetcher=fetcher)


def _read_zip(data: bytes, origin: str, fmt: str, article_id: str, opts: IngestOptions,
              fetcher: Fetcher | None) -> Iterator[Result]:
    from tidings.ingest.sources import member_selected

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        yield Rejection(origin, "ingest", "archive", f"broken zip file: {exc}", article_id)
        return
    with zf:
        for info in infos[:_MAX_ARCHIVE_MEMBERS]:
            if info.is_dir() or not member_selected(info.filename, opts):
                continue
            where = f"{origin}!{info.filename}"
            member_id = f"{article_id}/{PurePosixPath(info.filename).with_suffix('')}"
            if info.file_size > opts.max_bytes:
                yield Rejection(where, "ingest", "too-large",
                                f"{info.file_size:,} bytes; the cap is {opts.max_bytes:,}",
                                member_id)
                continue
            try:
                raw = zf.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                yield Rejection(where, "ingest", "archive", f"cannot extract: {exc}", member_id)
                continue
            yield from read_bytes(raw, where, fmt=fmt, article_id=member_id, options=opts,
                                  fetcher=fetcher, url=info.filename)


# -- formats --------------------------------------------------------------------------------

def text_article(text: str, origin: str, article_id: str, **meta: Any) -> Result:
    if not text.strip():
        return Rejection(origin, "ingest", "empty", "the input holds no text", article_id)
    return Article(id=article_id, text=text, origin=origin, **meta)


def read_html_text(html: str, origin: str, article_id: str, *, url: str | None = None) -> Result:
    """Main text and metadata of an HTML page (trafilatura): title, date, site name, URL.

    Each block trafilatura finds becomes one paragraph (separated by a blank line)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputFormatError("HTML input needs trafilatura", hint="pip install trafilatura") \
            from exc
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          include_comments=False, include_tables=False)
    except Exception as exc:  # noqa: BLE001 - a broken page is a rejection, not a crash
        return Rejection(origin, "ingest", "html", f"cannot parse the HTML: {exc}", article_id)
    if doc is None:
        return Rejection(origin, "ingest", "no-main-text", "no article text found in the HTML",
                         article_id)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    lines = [ln.strip() for ln in (data.get("text") or "").split("\n")]
    text = "\n\n".join(ln for ln in lines if ln)
    if not text:
        return Rejection(origin, "ingest", "no-main-text", "no article text found in the HTML",
                         article_id)
    return text_article(
        text, origin, article_id, title=_opt_str(data.get("title")),
        published=_opt_str(data.get("date")), outlet=_opt_str(data.get("sitename")),
        url=_opt_str(data.get("url")) or url,
    )


def read_jsonl_text(text: str, origin: str,
                    columns: dict[str, str] | None = None) -> Iterator[Result]:
    """One article per line: ``id`` and ``text`` required; ``title``, ``published``,
    ``outlet``, ``url`` optional (names remapped by ``columns``). Bad lines become rejections;
    the others are read."""
    cols = {**_default_columns(), **(columns or {})}
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
        yield _record_article(obj, where, cols, "each line needs `{id}` and a string `{text}`")


def read_csv_text(text: str, origin: str, columns: dict[str, str] | None = None,
                  delimiter: str = "") -> Iterator[Result]:
    """One article per row of a CSV/TSV file with a header row. Columns are mapped to article
    fields by ``columns`` (field → column name); the delimiter is sniffed unless given."""
    cols = {**_default_columns(), **(columns or {})}
    if not delimiter:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = "\t" if origin.lower().endswith(".tsv") else ","
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = reader.fieldnames or []
    if cols["text"] not in header:
        yield Rejection(origin, "ingest", "missing-field",
                        f"no `{cols['text']}` column (columns: {', '.join(header)}); map one "
                        f"with --column text=NAME")
        return
    try:
        for n, row in enumerate(reader, 2):
            where = f"{origin}:{n}"
            if cols["id"] not in header:
                row = {**row, cols["id"]: f"{_stem(origin)}-{n - 1}"}
            yield _record_article(row, where, cols, "each row needs `{id}` and `{text}`")
    except csv.Error as exc:
        yield Rejection(origin, "ingest", "csv", f"malformed CSV: {exc}")


def _record_article(obj: dict[str, Any], where: str, cols: dict[str, str], need: str) -> Result:
    art_id = obj.get(cols["id"])
    body = obj.get(cols["text"])
    if art_id in (None, "") or not isinstance(body, str):
        return Rejection(where, "ingest", "missing-field",
                         need.format(id=cols["id"], text=cols["text"]),
                         str(art_id) if art_id not in (None, "") else None)
    return text_article(
        body.replace("\r\n", "\n"), where, str(art_id),
        title=_opt_str(obj.get(cols["title"])), published=_opt_str(obj.get(cols["published"])),
        outlet=_opt_str(obj.get(cols["outlet"])), url=_opt_str(obj.get(cols["url"])),
    )


def _default_columns() -> dict[str, str]:
    from tidings.ingest.options import DEFAULT_COLUMNS

    return dict(DEFAULT_COLUMNS)


def _opt_str(v: Any) -> str | None:
    return None if v is None or v == "" else str(v)


__all__ = ["FORMATS", "decode", "detect_format", "read_bytes", "read_csv_text",
           "read_html_text", "read_jsonl_text", "read_path", "text_article"]
