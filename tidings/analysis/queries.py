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

_BASE = """
WITH base AS (
    SELECT e.event_id, e.article_id, e.sentence_index, e.source_text, e.source_code,
           e.target_text, e.target_code, e.cameo, e.cameo_root, e.cameo_name, e.goldstein,
           e.quad_class, e.status, e.claimant_code, e.trigger_text, e.date, e.date_precision,
           e.location_name, e.location_country, e.confidence, e.sentence,
           CASE WHEN e.date_lo = e.date_hi THEN e.date_lo
                ELSE coalesce(a.published_date, e.date_lo) END AS day,
           -- the dyad of the event: its cluster's (a report without a target takes the
           -- target the other reports name), else the report's own
           coalesce(nullif(c.source_key, ''),
                    CASE WHEN coalesce(e.source_code, '') = '' THEN NULL
                         WHEN e.source_group IS NOT NULL
                         THEN e.source_country || '/' || e.source_group
                         ELSE e.source_country END) AS source_key,
           coalesce(nullif(c.target_key, ''),
                    CASE WHEN coalesce(e.target_code, '') = '' THEN NULL
                         WHEN e.target_group IS NOT NULL
                         THEN e.target_country || '/' || e.target_group
                         ELSE e.target_country END) AS target_key,
           e.source_group, e.target_group,
           a.outlet, a.published, a.url, a.seq,
           c.cluster_id, c.num_mentions, c.num_articles, c.num_sources
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN cluster_members m USING (event_id) LEFT JOIN clusters c USING (cluster_id)
)
"""


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
            params.extend([value.upper(), value.upper()])
            return f"(starts_with({side}_code, ?) OR {side}_group = ?)"

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


def _unit(unit: str) -> str:
    if unit not in UNITS:
        raise StoreError(f"unknown unit {unit!r}", hint="choose events or reports")
    # one row per cluster: its earliest report in arrival order
    return (" QUALIFY row_number() OVER (PARTITION BY coalesce(cluster_id, event_id) "
            "ORDER BY seq, sentence_index, event_id) = 1") if unit == "events" else ""


def _df(store: Store, sql: str, params: list[Any]) -> pd.DataFrame:
    return store.execute(sql, params).df()


def events(store: Store, filters: Filters | None = None, *, unit: str = "reports",
           limit: int | None = None) -> pd.DataFrame:
    """Stored events matching ``filters``, one row per report (or per cluster)."""
    where, params = (filters or Filters()).sql()
    sql = f"{_BASE} SELECT * EXCLUDE (seq) FROM base{where}{_unit(unit)} " \
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
    sql = (f"{_BASE}, rows AS (SELECT * FROM base{where}{_unit(unit)}) "
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
    sql = (f"{_BASE}, rows AS (SELECT * FROM base{where}{_unit(unit)}) "
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


__all__ = ["FREQS", "UNITS", "Filters", "clusters", "dyads", "events", "timeseries"]
