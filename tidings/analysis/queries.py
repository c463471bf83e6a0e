"""Read-only queries over the store, returning pandas DataFrames.

Every function takes a ``Store`` and the same ``Filters``; user values only ever reach SQL as
parameters. ``unit="events"`` (the default) counts each event cluster once — one real-world
event however many outlets reported it; ``unit="reports"`` counts every stored report.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from tidings.store.db import Store
from tidings.store.errors import StoreError

if TYPE_CHECKING:
    import pandas as pd

FREQS: dict[str, str] = {"day": "day", "week": "week", "month": "month", "year": "year"}
UNITS = ("events", "reports")

# The rows every query starts from, one per stored report, in this column order. They are all
# columns of ``events`` (schema version 2): the article's outlet, publication and arrival order
# and the event's cluster are copied onto each event row, so a query reads one table. ``day``
# is the event's own date when day-precise, else the publication day; ``source_key`` /
# ``target_key`` are the dyad of the event: its cluster's (a report without a target takes the
# target the other reports name), else the report's own.
BASE_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "sentence_index", "source_text", "source_code", "target_text",
    "target_code", "cameo", "cameo_root", "cameo_name", "goldstein", "quad_class", "status",
    "claimant_code", "trigger_text", "date", "date_precision", "location_name",
    "location_country", "confidence", "sentence", "day", "source_key", "target_key",
    "source_group", "target_group", "outlet", "published", "url", "seq", "cluster_id",
    "num_mentions", "num_articles", "num_sources",
)


def base_sql(extra: tuple[str, ...] = ()) -> str:
    """``WITH base AS (...)`` over ``events``, with ``extra`` event columns at the end."""
    return f"\nWITH base AS (\n    SELECT {', '.join(BASE_COLUMNS + extra)}\n    FROM events\n)\n"


# The store's integers for arrival order (arrival sorts as seq, sentence_index, event_id) and
# for the cluster (cluster_key: its least arrival), so that keeping the earliest report of each
# cluster compares integers, not ids.
_ORDER = ("arrival", "cluster_key")


_BASE = base_sql()


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events a query looks at. Actor values match a CAMEO code prefix (``EGY`` matches
    ``EGYGOV``) or a known-group code (``HMS`` matches ``PSEGOVHMS``)."""

    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    code: str | None = None  # CAMEO code prefix: 19 or 190 or 0231
    root: str | None = None  # exact root: 19
    status: str | None = None
    since: str | date | None = None  # event day, inclusive
    until: str | date | None = None
    place: str | None = None  # location country code or part of the place name
    outlet: str | None = None
    min_sources: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``base`` and its parameters."""
        where: list[str] = []
        params: list[Any] = []

        def actor(side: str, value: str) -> str:
            # a code prefix or a known group, which is one of the code's trios: either way the
            # code contains the value, a test on one column that DuckDB runs inside the scan
            params.extend([value.upper()] * 3)
            return (f"(contains({side}_code, ?) AND "
                    f"(starts_with({side}_code, ?) OR {side}_group = ?))")

        if self.actor:
            a, b = actor("source", self.actor), actor("target", self.actor)
            where.append(f"({a} OR {b})")
        if self.source:
            where.append(actor("source", self.source))
        if self.target:
            where.append(actor("target", self.target))
        if self.code:
            where.append("starts_with(cameo, ?)")
            params.append(self.code)
        if self.root:
            where.append("cameo_root = ?")
            params.append(self.root.zfill(2))
        if self.status:
            where.append("status = ?")
            params.append(self.status)
        if self.since:
            where.append("day >= ?")
            params.append(_day(self.since))
        if self.until:
            where.append("day <= ?")
            params.append(_day(self.until))
        if self.place:
            where.append("(upper(location_country) = upper(?) OR "
                         "contains(lower(location_name), lower(?)))")
            params.extend([self.place, self.place])
        if self.outlet:
            where.append("lower(outlet) = lower(?)")
            params.append(self.outlet)
        if self.min_sources:
            where.append("num_sources >= ?")
            params.append(int(self.min_sources))
        return (" WHERE " + " AND ".join(where)) if where else "", params

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def _day(value: str | date) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise StoreError(f"not a date: {value!r}", hint="use YYYY-MM-DD") from None


_FIRST_MATCH = (" QUALIFY row_number() OVER (PARTITION BY coalesce(cluster_key, arrival) "
                "ORDER BY arrival) = 1")


def rows_sql(where: str, unit: str, extra: tuple[str, ...] = ()) -> str:
    """``base`` and ``rows`` as CTEs: the rows of ``base`` that match ``where``, one per report
    or, with ``unit="events"``, one per cluster: its earliest matching report in arrival order
    (article seq, sentence index, event id). Without a filter that is the cluster's first
    report, the one whose arrival is the cluster's key: no window over the whole store."""
    if unit not in UNITS:
        raise StoreError(f"unknown unit {unit!r}", hint="choose events or reports")
    dedup = ""
    if unit == "events":
        dedup = _FIRST_MATCH if where else " WHERE arrival = coalesce(cluster_key, arrival)"
    return (f"{base_sql((*extra, *_ORDER))}, rows AS ("
            f"SELECT * EXCLUDE ({', '.join(_ORDER)}) FROM base{where}{dedup})")


def _df(store: Store, sql: str, params: list[Any]) -> pd.DataFrame:
    return store.execute(sql, params).df()


def events(store: Store, filters: Filters | None = None, *, unit: str = "reports",
           limit: int | None = None) -> pd.DataFrame:
    """Stored events matching ``filters``, one row per report (or per cluster)."""
    where, params = (filters or Filters()).sql()
    sql = f"{rows_sql(where, unit)} SELECT * EXCLUDE (seq) FROM rows " \
          "ORDER BY day NULLS LAST, article_id, sentence_index"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _df(store, sql, params)


_AGG = """
       count(*) AS events,
       round(sum(goldstein), 3) AS goldstein_sum,
       round(avg(goldstein), 3) AS goldstein_mean,
       count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
       count(*) FILTER (WHERE quad_class = 2) AS material_coop,
       count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE quad_class = 4) AS material_conflict"""


def dyads(store: Store, filters: Filters | None = None, *, unit: str = "events",
          limit: int | None = None) -> pd.DataFrame:
    """Source → target pairs at country/group level: counts, Goldstein, QuadClass mix,
    reports and first/last day; most active first."""
    where, params = (filters or Filters()).sql()
    reports = "CAST(sum(num_mentions) AS BIGINT)" if unit == "events" else "count(*)"
    sql = (f"{rows_sql(where, unit)} "
           f"SELECT source_key AS source, target_key AS target,{_AGG}, "
           f"{reports} AS reports, max(num_sources) AS max_sources, "
           "min(day) AS first_day, max(day) AS last_day "
           "FROM rows GROUP BY ALL ORDER BY events DESC, source NULLS LAST, target NULLS LAST")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _df(store, sql, params)


def timeseries(store: Store, filters: Filters | None = None, *, freq: str = "month",
               unit: str = "events", by_dyad: bool = True) -> pd.DataFrame:
    """Per period (day, week, month or year) and, unless ``by_dyad`` is off, per dyad: event
    count, Goldstein sum and mean, and counts per QuadClass. Undated events are left out."""
    if freq not in FREQS:
        raise StoreError(f"unknown frequency {freq!r}", hint="choose " + ", ".join(FREQS))
    where, params = (filters or Filters()).sql()
    dyad = "source_key AS source, target_key AS target, " if by_dyad else ""
    sql = (f"{rows_sql(where, unit)} "
           f"SELECT CAST(date_trunc('{FREQS[freq]}', day) AS DATE) AS period, {dyad}"
           f"{_AGG.strip()} FROM rows WHERE day IS NOT NULL GROUP BY ALL "
           "ORDER BY period" + (", source, target" if by_dyad else ""))
    return _df(store, sql, params)


def clusters(store: Store, *, min_sources: int = 1, limit: int | None = None) -> pd.DataFrame:
    """Event clusters with their counts and earliest report, most reported first."""
    sql = ("SELECT c.cluster_id, c.source_key, c.target_key, c.cameo_root, c.status_class, "
           "c.country, c.date_lo, c.date_hi, c.num_mentions, c.num_articles, c.num_sources, "
           "c.earliest_article_id, c.earliest_published, e.cameo, e.cameo_name, e.sentence "
           "FROM clusters c JOIN events e ON e.event_id = c.earliest_event_id "
           "WHERE c.num_sources >= ? ORDER BY c.num_sources DESC, c.num_mentions DESC, "
           "c.cluster_id")
    params: list[Any] = [int(min_sources)]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _df(store, sql, params)


__all__ = ["BASE_COLUMNS", "FREQS", "UNITS", "Filters", "base_sql", "clusters", "dyads", "events",
           "rows_sql", "timeseries"]
