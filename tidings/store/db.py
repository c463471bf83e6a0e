"""The DuckDB store: one file (``tidings.duckdb`` by default) holding articles, their parses,
events, rejections, clusters and runs.

``Store`` opens (and migrates) the file and writes whole articles inside transactions; DuckDB's
own file lock keeps a second writer out, which ``Store`` turns into ``StoreLockedError``.
Every SQL statement here takes user values as parameters, never formatted into the text.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from tidings.models import Article, Event, Mention, ParsedSentence, Rejection
from tidings.store.actorcodes import actor_key, split_code
from tidings.store.errors import StoreError, StoreLockedError
from tidings.store.schema import SCHEMA_VERSION, current_version, migrate

logger = logging.getLogger(__name__)

DEFAULT_DB = "tidings.duckdb"
ENV_DB = "TIDINGS_DB"

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "gid", "article_id", "sentence_index", "sentence",
    "source_text", "source_code", "source_start", "source_end", "source_country", "source_group",
    "target_text", "target_code", "target_start", "target_end", "target_country", "target_group",
    "cameo", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover_type", "plover_mode",
    "status", "condition_text", "condition_start", "condition_end", "claimant_text",
    "claimant_code", "trigger_text", "trigger_start", "trigger_end", "date", "date_precision",
    "date_lo", "date_hi", "location_name", "location_country", "location_lat", "location_lon",
    "location_precision", "confidence", "coder", "record", "run_id",
)
# Columns of ``events`` (schema version 2) that copy what queries read, so a query reads one
# table: the article's (set on insert), the event's rank in arrival order (``arrival``: an
# integer that sorts as article seq, sentence index, event id) and the event's cluster (kept by
# ``store.clusters``; ``cluster_key`` is the least ``arrival`` among the cluster's reports, an
# integer that names the cluster).
QUERY_COLUMNS: tuple[str, ...] = (
    "seq", "day", "outlet", "published", "url",
    "cluster_id", "source_key", "target_key", "num_mentions", "num_articles", "num_sources",
    "arrival", "cluster_key",
)
TABLES: tuple[str, ...] = (
    "articles", "sentences", "mentions", "events", "event_evidence", "rejections", "clusters",
    "cluster_members", "runs",
)


def default_db_path(explicit: str | Path | None = None) -> str:
    """``--db`` if given, else ``$TIDINGS_DB``, else ``tidings.duckdb`` in the working dir."""
    if explicit:
        return str(explicit)
    return os.environ.get(ENV_DB) or DEFAULT_DB


def stable_int(text: str) -> int:
    """A positive 60-bit integer from a string id (GDELT wants integer ids). The store computes
    the same value in SQL: ``('0x' || substr(md5(x), 1, 15))::BIGINT``."""
    return int(hashlib.md5(text.encode("utf-8")).hexdigest()[:15], 16)


def content_hash(article: Article) -> str:
    """What makes two versions of one article id the same: text and metadata, not where the
    file was read from."""
    data = article.to_dict()
    data.pop("origin", None)
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def iso_day(value: str | None) -> date | None:
    """The day of an ISO date or datetime string, else None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_range(ev_date: str | None, published: date | None) -> tuple[date | None, date | None]:
    """An event's date as a day range: ``YYYY-MM-DD`` → that day, ``YYYY-MM`` → the month,
    ``YYYY`` → the year; an undated event takes its article's publication day."""
    if ev_date:
        try:
            if len(ev_date) >= 10:
                d = date.fromisoformat(ev_date[:10])
                return d, d
            if len(ev_date) == 7:
                lo = date.fromisoformat(ev_date + "-01")
                nxt = (lo.replace(day=28) + timedelta(days=4)).replace(day=1)
                return lo, nxt - timedelta(days=1)
            if len(ev_date) == 4:
                y = int(ev_date)
                return date(y, 1, 1), date(y, 12, 31)
        except ValueError:
            logger.debug("unparseable event date %r", ev_date)
    return published, published


def event_day(lo: date | None, hi: date | None, published: date | None) -> date | None:
    """The day queries use: the event's own day when it is one day, else the article's
    publication day, else the first day of the event's range."""
    if lo is not None and lo == hi:
        return lo
    return published or lo


def event_row(ev: Event, published: date | None, run_id: int | None, *,
              article: Article | None = None, seq: int | None = None) -> dict[str, Any]:
    """One event as a row of the ``events`` table; ``article`` and ``seq`` (its arrival order)
    fill the article's copied fields. The cluster's fields are set when the event is
    clustered (``store.clusters``); until then the dyad is the report's own."""
    src = split_code(ev.source.code)
    tgt = split_code(ev.target.code if ev.target else None)
    lo, hi = date_range(ev.date, published)
    loc = ev.location
    return {
        "event_id": ev.event_id, "gid": stable_int(ev.event_id), "article_id": ev.article_id,
        "sentence_index": ev.sentence_index, "sentence": ev.sentence,
        "source_text": ev.source.text, "source_code": ev.source.code,
        "source_start": ev.source.start, "source_end": ev.source.end,
        "source_country": src.country, "source_group": src.group,
        "target_text": ev.target.text if ev.target else None,
        "target_code": ev.target.code if ev.target else None,
        "target_start": ev.target.start if ev.target else None,
        "target_end": ev.target.end if ev.target else None,
        "target_country": tgt.country, "target_group": tgt.group,
        "cameo": ev.cameo, "cameo_root": ev.cameo_root, "cameo_name": ev.cameo_name,
        "goldstein": ev.goldstein, "quad_class": ev.quad_class,
        "plover_type": ev.plover.type if ev.plover else None,
        "plover_mode": ev.plover.mode if ev.plover else None,
        "status": ev.status,
        "condition_text": ev.condition.text if ev.condition else None,
        "condition_start": ev.condition.start if ev.condition else None,
        "condition_end": ev.condition.end if ev.condition else None,
        "claimant_text": ev.claimant.text if ev.claimant else None,
        "claimant_code": ev.claimant.code if ev.claimant else None,
        "trigger_text": ev.trigger.text, "trigger_start": ev.trigger.start,
        "trigger_end": ev.trigger.end,
        "date": ev.date, "date_precision": ev.date_precision, "date_lo": lo, "date_hi": hi,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "location_precision": loc.precision if loc else None,
        "confidence": ev.confidence, "coder": ev.coder,
        "record": json.dumps(ev.to_dict(), ensure_ascii=False), "run_id": run_id,
        "seq": seq, "day": event_day(lo, hi, published),
        "outlet": article.outlet if article else None,
        "published": article.published if article else None,
        "url": article.url if article else None,
        "cluster_id": None, "source_key": actor_key(ev.source.code),
        "target_key": actor_key(ev.target.code if ev.target else None),
        "num_mentions": None, "num_articles": None, "num_sources": None,
        "arrival": None, "cluster_key": None,  # set by Store when the rows are inserted
    }


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """A tidings store in a DuckDB file (or ``:memory:``).

    Opening for writing migrates the schema; ``read_only`` opens need an up-to-date store and
    may run beside each other, but not beside a writer (DuckDB's file lock)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        import duckdb

        self.path = default_db_path(path) if path != ":memory:" else ":memory:"
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError("no store here", path=self.path,
                             hint="run `tidings ingest` first, or pass --db / set TIDINGS_DB")
        try:
            self.conn = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    "the store is in use by another process", path=self.path,
                    hint="wait for the other `tidings` command (an ingest or recode) to finish; "
                         "DuckDB allows one writer per file",
                ) from None
            raise StoreError(f"cannot open the store: {exc}", path=self.path) from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", path=self.path,
                             hint="is this a DuckDB file made by tidings?") from None
        if read_only:
            version = current_version(self.conn)
            if version != SCHEMA_VERSION:
                self.conn.close()
                raise StoreError(f"the store has schema version {version}, expected "
                                 f"{SCHEMA_VERSION}", path=self.path,
                                 hint="open it once for writing (e.g. `tidings recode`) "
                                      "to migrate it")
        else:
            migrate(self.conn)

    # -- plumbing
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a killed process leaves the store as of the last commit."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        return self.conn.execute(sql, params) if params is not None else self.conn.execute(sql)

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """The first column of the first row (None when there is no row)."""
        rows = self.conn.execute(sql, params or []).fetchall()  # fetch all: DuckDB 2 refuses
        return rows[0][0] if rows else None                      # new work on an open result

    def execute_with(self, name: str, rows: list[dict[str, Any]], sql: str,
                     params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run ``sql`` with ``rows`` visible as a table called ``name`` (for joins against a
        list of keys); returns all result rows."""
        import pyarrow as pa

        self.conn.register(name, pa.Table.from_pylist(rows))
        try:
            return list(self.conn.execute(sql, params or []).fetchall())
        finally:
            self.conn.unregister(name)

    def insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Bulk insert by column name (through Arrow: far faster than executemany)."""
        if not rows:
            return
        import pyarrow as pa

        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}")
        batch = pa.Table.from_pylist(rows)  # noqa: F841 - read by name in the SQL below
        self.conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch")

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: int(self.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES}

    # -- runs
    def start_run(self, kind: str, *, coder: str | None = None,
                  dictionaries: Iterable[str] = (), settings: dict[str, Any] | None = None,
                  inputs: Iterable[str] = ()) -> int:
        from tidings import __version__

        run_id = int(self.scalar("SELECT coalesce(max(run_id), 0) + 1 FROM runs"))
        self.conn.execute(
            "INSERT INTO runs (run_id, kind, coder, tidings_version, dictionaries, settings, "
            "inputs, started_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')",
            [run_id, kind, coder, __version__, json.dumps(list(dictionaries)),
             json.dumps(settings or {}, default=str), json.dumps(list(inputs)), _now()],
        )
        return run_id

    def update_run(self, run_id: int, *, status: str | None = None, finished: bool = False,
                   **counts: int) -> None:
        allowed = {"articles_read", "articles_ingested", "articles_present",
                   "articles_replaced", "rejected", "events"}
        sets: list[str] = []
        params: list[Any] = []
        for name, value in counts.items():
            if name not in allowed:
                raise StoreError(f"unknown run counter {name!r}")
            sets.append(f"{name} = ?")
            params.append(value)
        if status:
            sets.append("status = ?")
            params.append(status)
        if finished:
            sets.append("finished_at = ?")
            params.append(_now())
        if sets:
            self.conn.execute(f"UPDATE runs SET {', '.join(sets)} WHERE run_id = ?",
                              [*params, run_id])

    # -- articles
    def hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """Content hash of each of these article ids already stored."""
        if not ids:
            return {}
        rows = self.conn.execute(
            "SELECT id, content_hash FROM articles WHERE list_contains(?, id)", [list(ids)]
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def delete_articles(self, ids: Sequence[str]) -> set[str]:
        """Remove articles with everything derived from them; returns the clusters touched."""
        if not ids:
            return set()
        ids = list(ids)
        touched = {r[0] for r in self.conn.execute(
            "SELECT DISTINCT m.cluster_id FROM cluster_members m JOIN events e USING (event_id) "
            "WHERE list_contains(?, e.article_id)", [ids]).fetchall()}
        self.delete_events(ids)
        for table, col in (("sentences", "article_id"), ("mentions", "article_id"),
                           ("articles", "id")):
            self.conn.execute(f"DELETE FROM {table} WHERE list_contains(?, {col})", [ids])
        return touched

    def delete_events(self, article_ids: Sequence[str] | None = None) -> None:
        """Events (with evidence, cluster membership and actor mentions) of these articles, or
        of all (then clusters too)."""
        if article_ids is None:
            for table in ("cluster_members", "event_evidence", "events", "clusters",
                          "mentions"):
                self.conn.execute(f"DELETE FROM {table}")
            return
        ids = list(article_ids)
        sub = "SELECT event_id FROM events WHERE list_contains(?, article_id)"
        self.conn.execute(f"DELETE FROM cluster_members WHERE event_id IN ({sub})", [ids])
        self.conn.execute(f"DELETE FROM event_evidence WHERE event_id IN ({sub})", [ids])
        self.conn.execute("DELETE FROM events WHERE list_contains(?, article_id)", [ids])
        self.conn.execute("DELETE FROM mentions WHERE list_contains(?, article_id)", [ids])

    def put_articles(self, items: Sequence[tuple[Article, Sequence[ParsedSentence],
                                                Sequence[Event]]],
                     run_id: int | None) -> list[str]:
        """Store articles with their parses and events (ids must not be stored yet); returns
        the new event ids in arrival order."""
        if not items:
            return []
        seq = int(self.scalar("SELECT coalesce(max(seq), 0) FROM articles"))
        arts: list[dict[str, Any]] = []
        sents: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        evidence: list[dict[str, Any]] = []
        for article, sentences, evs in items:
            seq += 1
            published = iso_day(article.published)
            meta = article.to_dict()
            meta.pop("text", None)
            arts.append({
                "id": article.id, "seq": seq, "content_hash": content_hash(article),
                "text": article.text, "title": article.title, "published": article.published,
                "published_date": published, "outlet": article.outlet, "url": article.url,
                "origin": article.origin, "language": article.language,
                "dateline": article.dateline, "metadata": json.dumps(meta, ensure_ascii=False),
                "run_id": run_id,
            })
            for s in sentences:
                sents.append({"article_id": article.id, "sentence_index": s.index,
                              "text": s.text, "start_char": s.start, "end_char": s.end,
                              "parse": s.to_json()})
            events.extend(self._event_rows(evs, published, run_id, evidence, article, seq))
        self.insert_rows("articles", arts)
        self.insert_rows("sentences", sents)
        self._number(events)
        self.insert_rows("events", events)
        self.insert_rows("event_evidence", evidence)
        return [e["event_id"] for e in events]

    def put_events(self, items: Sequence[tuple[Article, Sequence[Event]]],
                   run_id: int | None) -> list[str]:
        """Store re-coded events of stored articles (one bulk insert)."""
        evidence: list[dict[str, Any]] = []
        rows: list[dict[str, Any]] = []
        seqs = dict(self.conn.execute("SELECT id, seq FROM articles WHERE list_contains(?, id)",
                                      [[a.id for a, _ in items]]).fetchall()) if items else {}
        for article, evs in items:
            rows += self._event_rows(evs, iso_day(article.published), run_id, evidence, article,
                                     seqs.get(article.id))
        self._number(rows)
        self.insert_rows("events", rows)
        self.insert_rows("event_evidence", evidence)
        return [r["event_id"] for r in rows]

    def _number(self, rows: list[dict[str, Any]]) -> None:
        """Give new event rows their ``arrival``: after every stored event, in the order of
        article seq, sentence index and event id. New rows always belong to articles that
        arrived after every stored one (ingest), or re-fill the events article by article in
        seq order (recode), so ``arrival`` sorts all events as (seq, sentence_index,
        event_id) does."""
        last = int(self.scalar("SELECT coalesce(max(arrival), 0) FROM events"))
        key = sorted(range(len(rows)), key=lambda i: (
            rows[i]["seq"] is None, rows[i]["seq"] or 0,
            rows[i]["sentence_index"] is None, rows[i]["sentence_index"] or 0,
            rows[i]["event_id"]))
        for n, i in enumerate(key, start=last + 1):
            rows[i]["arrival"] = n

    @staticmethod
    def _event_rows(evs: Sequence[Event], published: date | None, run_id: int | None,
                    evidence: list[dict[str, Any]], article: Article | None = None,
                    seq: int | None = None) -> list[dict[str, Any]]:
        rows, seen = [], set()
        for ev in evs:
            if ev.event_id in seen:  # a coder that emits one id twice: keep the first
                logger.warning("%s: duplicate event id %s dropped", ev.article_id, ev.event_id)
                continue
            seen.add(ev.event_id)
            rows.append(event_row(ev, published, run_id, article=article, seq=seq))
            spans = ev.evidence or (ev.trigger,)
            for n, sp in enumerate(spans):
                evidence.append({"event_id": ev.event_id, "n": n, "text": sp.text,
                                 "start_char": sp.start, "end_char": sp.end})
        return rows

    def put_mentions(self, items: Sequence[tuple[str, Sequence[Mention]]]) -> int:
        """Store articles' actor mentions (one per span; the first wins)."""
        rows = []
        for article_id, mentions in items:
            seen = set()
            for m in mentions:
                if (m.start, m.end) in seen:
                    continue
                seen.add((m.start, m.end))
                rows.append({"article_id": article_id, "sentence_index": m.sentence_index,
                             "start_char": m.start, "end_char": m.end, "text": m.text,
                             "code": m.code, "rule": m.rule, "actor_name": m.actor_name})
        self.insert_rows("mentions", rows)
        return len(rows)

    def put_rejection(self, rej: Rejection, run_id: int | None) -> bool:
        """Record a rejection once (keyed on origin, article id, stage, reason); True if new."""
        key = hashlib.sha256(json.dumps(
            [rej.origin, rej.article_id, rej.stage, rej.reason]).encode()).hexdigest()
        exists = self.scalar("SELECT 1 FROM rejections WHERE rejection_key = ?", [key])
        if exists:
            return False
        self.conn.execute(
            "INSERT INTO rejections VALUES (?, ?, ?, ?, ?, ?, ?)",
            [key, rej.origin, rej.stage, rej.reason, rej.detail, rej.article_id, run_id])
        return True

    # -- reading
    def articles(self) -> Iterator[Article]:
        """Stored articles in arrival order."""
        cur = self.conn.cursor().execute(  # its own result: callers may query meanwhile
            "SELECT id, text, title, published, outlet, url, origin, language, dateline "
            "FROM articles ORDER BY seq")
        while rows := cur.fetchmany(256):
            for r in rows:
                yield Article(*r)

    def sentences(self, article_id: str) -> list[ParsedSentence]:
        rows = self.conn.execute(
            "SELECT parse FROM sentences WHERE article_id = ? ORDER BY sentence_index",
            [article_id]).fetchall()
        return [ParsedSentence.from_dict(json.loads(r[0])) for r in rows]

    def parsed_articles(self) -> Iterator[tuple[Article, list[ParsedSentence]]]:
        """Every stored article with its parse, in arrival order, in one streaming scan (a
        query per article would scan the sentences table each time)."""
        cur = self.conn.cursor().execute(
            "SELECT a.id, a.text, a.title, a.published, a.outlet, a.url, a.origin, a.language, "
            "a.dateline, s.parse FROM articles a LEFT JOIN sentences s ON s.article_id = a.id "
            "ORDER BY a.seq, s.sentence_index")
        current: Article | None = None
        parses: list[ParsedSentence] = []
        while rows := cur.fetchmany(1024):
            for *fields, parse in rows:
                if current is None or current.id != fields[0]:
                    if current is not None:
                        yield current, parses
                    current, parses = Article(*fields), []
                if parse is not None:
                    parses.append(ParsedSentence.from_dict(json.loads(parse)))
        if current is not None:
            yield current, parses

    def events(self) -> Iterator[Event]:
        """Stored events as records, in arrival order."""
        from tidings.store.records import event_from_dict

        cur = self.conn.cursor().execute(
            "SELECT e.record FROM events e JOIN articles a ON a.id = e.article_id "
            "ORDER BY a.seq, e.sentence_index, e.event_id")
        while rows := cur.fetchmany(512):
            for r in rows:
                yield event_from_dict(json.loads(r[0]))


__all__ = [
    "DEFAULT_DB",
    "ENV_DB",
    "EVENT_COLUMNS",
    "QUERY_COLUMNS",
    "TABLES",
    "Store",
    "content_hash",
    "date_range",
    "default_db_path",
    "event_day",
    "event_row",
    "iso_day",
    "stable_int",
]
