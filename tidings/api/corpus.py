"""The API's one door to the store: reads through ``tidings.analysis``, writes through
``tidings.store.ingest_into``, all behind one lock (a DuckDB connection is not shared between
threads), every user value passed to SQL as a parameter.

The store is opened read-only unless writes are enabled (an API token is set), so a serving
process does not keep ``tidings ingest`` from reading the same file.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import math
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.errors import TidingsError
from tidings.models import Article, Rejection

if TYPE_CHECKING:
    from tidings.analysis import Filters
    from tidings.pipeline import ArticleResult
    from tidings.store import Store

logger = logging.getLogger(__name__)

# Columns of an event row in lists and CSV, in order.
EVENT_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "sentence_index", "day", "date", "date_precision",
    "source_text", "source_code", "cameo", "cameo_name", "target_text", "target_code",
    "status", "claimant_text", "claimant_code", "trigger_text", "goldstein", "quad_class",
    "location_name", "location_country", "location_lat", "location_lon", "location_precision",
    "confidence", "outlet", "published", "url", "cluster_id", "num_sources", "sentence",
)
# Columns a list may be sorted by (``sort=day`` ascending, ``sort=-day`` descending).
SORTABLE: tuple[str, ...] = (
    "day", "source_code", "target_code", "cameo", "status", "goldstein", "quad_class",
    "outlet", "num_sources", "confidence", "article_id", "location_name", "claimant_code",
)


class NotFound(TidingsError):
    http_status = 404


class BadRequest(TidingsError):
    http_status = 400


class NoStore(TidingsError):
    http_status = 503


class WritesDisabled(TidingsError):
    http_status = 403


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[dict[str, Any]]
    total: int
    next_cursor: str | None


def plain(value: Any) -> Any:
    """A DuckDB / pandas / numpy value as a JSON-ready Python value."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, datetime):  # pandas turns DATE columns into midnight datetimes
        if value.hour == value.minute == value.second == value.microsecond == 0 \
                and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        try:
            return plain(value.item())
        except (ValueError, TypeError):
            return str(value)
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return value.isoformat()
    try:
        if value != value:  # pandas NA / NaT
            return None
    except (TypeError, ValueError):
        return None
    return value


def records(df: Any) -> list[dict[str, Any]]:
    return [{str(k): plain(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        offset = json.loads(raw)["o"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise BadRequest("invalid cursor", hint="pass the `next` value of the previous page "
                                                "unchanged") from None
    if not isinstance(offset, int) or offset < 0:
        raise BadRequest("invalid cursor")
    return offset


def order_by(sort: str) -> str:
    """``day`` / ``-day`` as an ORDER BY over whitelisted columns (never user text)."""
    desc = sort.startswith("-")
    col = sort.lstrip("-+")
    if col not in SORTABLE:
        raise BadRequest(f"cannot sort by {col!r}", hint="sort by one of " + ", ".join(SORTABLE))
    return f"{col} {'DESC' if desc else 'ASC'} NULLS LAST, article_id, sentence_index, event_id"


class _Precomputed:
    """A pipeline double for ``ingest_into`` that hands back results parsed beforehand, so the
    store lock is not held while spaCy parses."""

    def __init__(self, settings: Any, results: Iterable[ArticleResult | Rejection]) -> None:
        self.settings = settings
        self.coder = None
        self._by_id = {(r.article.id if hasattr(r, "article") else r.article_id): r
                       for r in results}

    def run(self, articles: Iterable[Article]) -> Iterator[Any]:
        for a in articles:
            yield self._by_id[a.id]


class Corpus:
    """The store as the API sees it. ``path`` None or missing (read-only): no store."""

    def __init__(self, path: str | Path | None, *, writable: bool = False) -> None:
        self.path = str(path) if path else None
        self.writable = writable
        self._store: Store | None = None
        self._lock = threading.RLock()

    # -- plumbing
    @property
    def available(self) -> bool:
        if self._store is not None:
            return True
        return bool(self.path) and (self.writable or self.path == ":memory:"
                                    or Path(str(self.path)).exists())

    def store(self) -> Store:
        from tidings.store import Store

        with self._lock:
            if self._store is None:
                if not self.available:
                    raise NoStore("no store to read", path=self.path,
                                  hint="start `tidings serve --db FILE` on a store made by "
                                       "`tidings ingest`")
                self._store = Store(self.path, read_only=not self.writable)
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def counts(self) -> dict[str, int]:
        with self._lock:
            c = self.store().counts()
        return {k: c[k] for k in ("articles", "events", "clusters", "rejections")}

    # -- reads
    def events(self, filters: Filters, *, unit: str = "reports", sort: str = "day",
               limit: int = 100, cursor: str | None = None, cluster: str | None = None,
               article: str | None = None, located: bool = False) -> Page:
        from tidings.analysis.queries import rows_sql

        offset = decode_cursor(cursor)
        where, params = filters.sql()
        extra: list[str] = []
        if cluster:
            extra.append("cluster_id = ?")
            params.append(cluster)
        if article:
            extra.append("article_id = ?")
            params.append(article)
        if located:
            extra.append("location_lat IS NOT NULL AND location_lon IS NOT NULL")
        if extra:
            where = (where + " AND " if where else " WHERE ") + " AND ".join(extra)
        cte = rows_sql(where, unit, ("location_lat", "location_lon", "location_precision",
                                     "claimant_text"))
        sql = (f"{cte} SELECT {', '.join(EVENT_FIELDS)} FROM rows "
               f"ORDER BY {order_by(sort)} LIMIT ? OFFSET ?")
        with self._lock:
            store = self.store()
            total = int(store.execute(f"{cte} SELECT count(*) FROM rows",
                                      params).fetchone()[0])
            df = store.execute(sql, [*params, limit, offset]).df()
        rows = records(df)
        nxt = offset + len(rows)
        return Page(rows, total, encode_cursor(nxt) if nxt < total else None)

    def article(self, article_id: str) -> dict[str, Any]:
        with self._lock:
            store = self.store()
            row = store.execute(
                "SELECT id, text, title, published, outlet, url, language, dateline "
                "FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFound("no such article", article_id=article_id)
            evs = store.execute(
                "SELECT e.record, m.cluster_id, c.num_sources FROM events e "
                "LEFT JOIN cluster_members m USING (event_id) "
                "LEFT JOIN clusters c ON c.cluster_id = m.cluster_id WHERE e.article_id = ? "
                "ORDER BY e.sentence_index, e.trigger_start, e.event_id",
                [article_id]).fetchall()
        keys = ("id", "text", "title", "published", "outlet", "url", "language", "dateline")
        events = []
        for record, cluster_id, num_sources in evs:
            ev = json.loads(record)
            ev["cluster_id"] = cluster_id
            ev["num_sources"] = plain(num_sources)
            events.append(ev)
        return {"article": dict(zip(keys, row, strict=True)), "events": events}

    def dyads(self, filters: Filters, *, unit: str, limit: int) -> list[dict[str, Any]]:
        from tidings.analysis import dyads

        with self._lock:
            return records(dyads(self.store(), filters, unit=unit, limit=limit))

    def timeseries(self, filters: Filters, *, freq: str, unit: str,
                   by_dyad: bool) -> list[dict[str, Any]]:
        from tidings.analysis import timeseries

        with self._lock:
            return records(timeseries(self.store(), filters, freq=freq, unit=unit,
                                      by_dyad=by_dyad))

    def network(self, filters: Filters, *, unit: str, min_events: int) -> dict[str, Any]:
        from tidings.analysis import network

        with self._lock:
            graph = network(self.store(), filters, unit=unit, min_events=min_events)
        nodes = [{"id": n, "events": d.get("events", 0)} for n, d in graph.nodes(data=True)]
        edges = []
        for s, t, d in graph.edges(data=True):
            quads = [d["verbal_coop"], d["material_coop"], d["verbal_conflict"],
                     d["material_conflict"]]
            edges.append({"source": s, "target": t, "events": d["events"],
                          "goldstein_mean": d["goldstein_mean"],
                          "goldstein_sum": d["goldstein_sum"],
                          "quad_class": quads.index(max(quads)) + 1,
                          "verbal_coop": quads[0], "material_coop": quads[1],
                          "verbal_conflict": quads[2], "material_conflict": quads[3]})
        return {"nodes": nodes, "edges": edges}

    # -- writes
    def ingest(self, pipeline: Any, article: Article,
               parse: Any) -> dict[str, Any]:
        """Store one article: ``parse(article)`` runs outside the lock unless the same
        content is already stored."""
        from tidings.store import content_hash, ingest_into

        if not self.writable:
            raise WritesDisabled("writes are disabled",
                                 hint="start the server with an API token (TIDINGS_API_TOKEN)")
        with self._lock:
            stored = self.store().hashes([article.id])
        if stored.get(article.id) == content_hash(article):
            status, results = "present", []
        else:
            status = "replaced" if article.id in stored else "ingested"
            results = [parse(article)]
        with self._lock:
            store = self.store()
            stats = ingest_into(store, _Precomputed(getattr(pipeline, "settings", None), results),
                                [article], commit_every=1, inputs=["<api>"])
            ids = [r[0] for r in store.execute(
                "SELECT event_id FROM events WHERE article_id = ? "
                "ORDER BY sentence_index, trigger_start, event_id", [article.id]).fetchall()]
        if stats.rejected:
            raise TidingsError("the article was rejected: " + ", ".join(stats.rejected),
                               article_id=article.id)
        return {"article_id": article.id, "status": status, "events": len(ids),
                "event_ids": ids, "run_id": stats.run_id}


__all__ = ["EVENT_FIELDS", "SORTABLE", "BadRequest", "Corpus", "NoStore", "NotFound", "Page",
           "WritesDisabled", "decode_cursor", "encode_cursor", "plain", "records"]
