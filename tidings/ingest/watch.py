"""Polling feeds for new items: ``FeedWatcher.poll`` yields each item not seen before, ingested
(cleaned, language-checked, de-duplicated), and remembers the item keys in a small JSON state
file so a restart does not ingest them again. Conditional requests (ETag / Last-Modified) keep
polls cheap. Items that failed for a passing reason (unreachable link, HTTP 5xx/429) are
tried again at the next poll.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from tidings.errors import ConfigError
from tidings.ingest.dedup import Deduplicator
from tidings.ingest.feeds import item_article, item_id, parse_feed
from tidings.ingest.fetch import Fetcher, Response
from tidings.ingest.options import IngestOptions
from tidings.ingest.prepare import Prepared, prepare
from tidings.models import Article, Rejection

logger = logging.getLogger(__name__)

DEFAULT_STATE = ".tidings-watch.json"
MAX_SEEN = 5000  # item keys kept per feed (feeds show their latest items only)
_TRANSIENT = re.compile(r"^(?:unreachable|http-(?:5\d\d|429|408))$")
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``1h30m``, ``2h``, ``1d`` or a bare number of seconds."""
    s = text.strip().replace(" ", "")
    pos = 0
    total = 0.0
    for m in _INTERVAL.finditer(s):
        if m.start() != pos:
            break
        total += float(m.group(1)) * _UNIT[m.group(2).lower()]
        pos = m.end()
    if not s or pos != len(s) or total <= 0:
        raise ConfigError(f"cannot read the interval {text!r}",
                          hint="write it as 30s, 15m, 1h or 1h30m")
    return total


class WatchState:
    """Seen item keys and cache validators per feed URL, in a JSON file."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path else None
        self.feeds: dict[str, dict[str, Any]] = {}
        if self.path and self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.feeds = dict(data.get("feeds", {}))
            except (OSError, ValueError, AttributeError) as exc:
                raise ConfigError(f"cannot read the watch state file: {exc}",
                                  path=str(self.path),
                                  hint="delete it to start afresh") from None

    def feed(self, url: str) -> dict[str, Any]:
        return self.feeds.setdefault(url, {"seen": []})

    def seen(self, url: str) -> set[str]:
        return set(self.feed(url).get("seen", []))

    def mark(self, url: str, keys: Iterable[str]) -> None:
        entry = self.feed(url)
        seen = list(entry.get("seen", []))
        known = set(seen)
        seen.extend(k for k in keys if k not in known)
        entry["seen"] = seen[-MAX_SEEN:]

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tidings-watch-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"version": 1, "feeds": self.feeds}, fh, indent=1)
        os.replace(tmp, self.path)


class FeedWatcher:
    """Polls feed URLs and yields the articles of new items (and rejections)."""

    def __init__(self, urls: list[str], *, state: str | Path | None = DEFAULT_STATE,
                 options: IngestOptions | None = None, fetcher: Fetcher | None = None) -> None:
        self.urls = list(urls)
        self.options = options or IngestOptions()
        self.fetcher = fetcher or Fetcher(self.options)
        self.state = WatchState(state)
        self.dedup = Deduplicator(self.options.near_duplicate) if self.options.dedup else None

    def close(self) -> None:
        self.fetcher.close()

    def poll(self) -> Iterator[Article | Rejection]:
        """One pass over every feed: the new items' articles, then the state is saved."""
        try:
            for url in self.urls:
                yield from self._poll_feed(url)
        finally:
            self.state.save()

    def _poll_feed(self, url: str) -> Iterator[Article | Rejection]:
        entry = self.state.feed(url)
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("modified"):
            headers["If-Modified-Since"] = entry["modified"]
        resp = self.fetcher.get(url, headers=headers)
        if not isinstance(resp, Response):
            yield resp
            return
        if resp.not_modified:
            return
        items = parse_feed(resp.content, url)
        if isinstance(items, Rejection):
            yield items
            return
        seen = self.state.seen(url)
        done: list[str] = []
        for item in items:
            if item.key in seen:
                continue
            result = item_article(item, url, options=self.options, fetcher=self.fetcher)
            if isinstance(result, Rejection):
                if not _TRANSIENT.match(result.reason):
                    done.append(item.key)
                yield result
                continue
            done.append(item.key)
            prepared = prepare(result, self.options)
            if isinstance(prepared, Prepared) and self.dedup is not None:
                dup = self.dedup.check(prepared.article)
                yield dup if dup is not None else prepared.article
            else:
                yield prepared.article if isinstance(prepared, Prepared) else prepared
        self.state.mark(url, done)
        entry["etag"] = resp.headers.get("etag") or None
        entry["modified"] = resp.headers.get("last-modified") or None
        logger.info("%s: %d new of %d items", url, len(done), len(items))


def watch_feeds(watcher: FeedWatcher, handle: Callable[[Article | Rejection], None], *,
                every: float = 900.0, once: bool = False,
                sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll until interrupted (or once), passing every new article or rejection to
    ``handle``. Returns how many new items were handled."""
    n = 0
    try:
        while True:
            started = time.monotonic()
            for item in watcher.poll():
                handle(item)
                n += 1
            if once:
                return n
            sleep(max(every - (time.monotonic() - started), 0.0))
    finally:
        watcher.close()


__all__ = ["DEFAULT_STATE", "FeedWatcher", "WatchState", "item_id", "parse_interval",
           "watch_feeds"]
