"""WARC (and gzipped WARC) web archives → one Article per archived HTML response (warcio).

Only ``response`` records whose HTTP content type is HTML are read; others (requests,
metadata, images, scripts) are skipped silently. A file warcio cannot read is one rejection
(``warc``); the records read before the damage are kept.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterator

from tidings.errors import IngestError
from tidings.ingest.options import IngestOptions
from tidings.models import Article, Rejection

logger = logging.getLogger(__name__)


def read_warc(data: bytes, origin: str,
              options: IngestOptions | None = None) -> Iterator[Article | Rejection]:
    opts = options or IngestOptions()
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise IngestError("WARC input needs warcio", hint="pip install warcio") from exc
    from tidings.ingest.readers import decode, read_html_text

    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{origin}#{n}"
            art_id = "warc-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
            body = record.content_stream().read(opts.max_bytes + 1)
            if len(body) > opts.max_bytes:
                yield Rejection(url, "ingest", "too-large",
                                f"more than {opts.max_bytes:,} bytes", art_id)
                continue
            text = decode(body, url)
            if isinstance(text, Rejection):
                yield Rejection(url, "ingest", text.reason, text.detail, art_id)
                continue
            result = read_html_text(text, url, art_id, url=url)
            if isinstance(result, Article) and result.url is None:
                result = Article(id=result.id, text=result.text, title=result.title,
                                 published=result.published, outlet=result.outlet, url=url,
                                 origin=result.origin)
            yield result
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Rejection(origin, "ingest", "warc", f"cannot read the WARC file after {n} "
                                                  f"records: {exc}")
        return
    if n == 0:
        yield Rejection(origin, "ingest", "warc", "the WARC file holds no HTML responses")


__all__ = ["read_warc"]
