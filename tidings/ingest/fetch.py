"""Fetching over HTTP(S) with httpx: timeouts, a size cap, redirects, a clear User-Agent and
retries with exponential backoff. A failed fetch is a ``Rejection``, never an exception.

Reasons: ``unreachable`` (connection refused, DNS, timeout after the retries), ``http-NNN``
(a final 4xx/5xx status), ``too-large`` (the body passes ``max_bytes``), ``bad-url``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tidings.errors import IngestError
from tidings.ingest.options import IngestOptions
from tidings.models import Rejection

logger = logging.getLogger(__name__)

RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body: the final URL after redirects, status, content type and bytes."""

    url: str
    status: int
    content: bytes
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


class Fetcher:
    """An HTTP client for documents and feeds. Reuses one connection pool; ``close`` it (or use
    it as a context manager) when done. ``transport`` lets tests plug in ``httpx.MockTransport``.
    """

    def __init__(self, options: IngestOptions | None = None, *, transport: Any = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        try:
            import httpx
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise IngestError("fetching URLs needs httpx", hint="pip install httpx") from exc
        self.options = options or IngestOptions()
        self._httpx = httpx
        self._sleep = sleep
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.options.timeout),
            follow_redirects=True,
            max_redirects=10,
            headers={"User-Agent": self.options.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                               "application/atom+xml,application/xml;q=0.9,*/*;q=0.8"},
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> Response | Rejection:
        """GET ``url``; retry connection errors, timeouts, 429 and 5xx with backoff."""
        if not is_url(url):
            return Rejection(url, "ingest", "bad-url", "only http:// and https:// URLs are "
                                                         "fetched")
        httpx = self._httpx
        attempts = self.options.retries + 1
        last = ""
        for attempt in range(attempts):
            if attempt:
                delay = self.options.backoff * 2 ** (attempt - 1)
                logger.info("retrying %s in %.1fs (%s)", url, delay, last)
                self._sleep(delay)
            try:
                result = self._get_once(url, headers or {})
            except httpx.TimeoutException as exc:
                last = f"timed out after {self.options.timeout:g}s ({type(exc).__name__})"
                continue
            except httpx.TooManyRedirects:
                return Rejection(url, "ingest", "unreachable", "too many redirects")
            except (httpx.TransportError, OSError) as exc:
                last = f"{type(exc).__name__}: {exc}"
                continue
            except httpx.InvalidURL as exc:
                return Rejection(url, "ingest", "bad-url", str(exc))
            if isinstance(result, Rejection):
                return result
            if result.status in RETRY_STATUS and attempt + 1 < attempts:
                last = f"HTTP {result.status}"
                continue
            if result.status >= 400:
                return Rejection(url, "ingest", f"http-{result.status}",
                                 f"the server answered HTTP {result.status}")
            return result
        return Rejection(url, "ingest", "unreachable", f"{last} (after {attempts} attempts)")

    def _get_once(self, url: str, headers: dict[str, str]) -> Response | Rejection:
        cap = self.options.max_bytes
        with self.client.stream("GET", url, headers=headers) as resp:
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                return Rejection(url, "ingest", "too-large",
                                 f"{int(declared):,} bytes declared; the cap is {cap:,}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > cap:
                    return Rejection(url, "ingest", "too-large",
                                     f"more than {cap:,} bytes; the cap is {cap:,}")
                chunks.append(chunk)
            return Response(
                url=str(resp.url), status=resp.status_code, content=b"".join(chunks),
                content_type=resp.headers.get("content-type", ""),
                headers={k.lower(): v for k, v in resp.headers.items()},
            )


__all__ = ["Fetcher", "Response", "is_url"]
