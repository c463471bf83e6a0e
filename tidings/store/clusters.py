"""Event clusters: reports of one real-world event across articles.

Two reports belong to one cluster when they have
- the same source and the same target at country/group level (``actor_key``: the first trio
  plus the known-group code, so ``EGYGOV`` and ``EGYMIL`` are both ``EGY``); a report whose
  coder found no target ("Egypt opened the crossing") fits a cluster with any one target,
- the same CAMEO root code,
- the same kind of status (``occurred``: asserted or claimed; ``not``: negated or denied;
  ``unrealised``: planned, conditional or hypothetical) — a denial is not a report of the deed,
- dates within ``window`` days of the cluster's date range (an event's date is a day range:
  a day, a month or a year; an undated event takes its article's publication day; a report
  with neither can only join reports of its own article),
- compatible places: the same location country, or either unknown.

Clustering is incremental and deterministic: new events, in arrival order (article sequence,
sentence, event id), join the compatible cluster nearest in date (ties: the older cluster id)
or found a new one named after them. Cluster rows (counts, dates, earliest report) are then
rebuilt from their members in SQL, so they are always a function of the members.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tidings.store.db import QUERY_COLUMNS, Store

logger = logging.getLogger(__name__)

DEFAULT_WINDOW_DAYS = 3

STATUS_CLASS: dict[str, str] = {
    "asserted": "occurred", "claimed": "occurred",
    "negated": "not", "denied": "not",
    "planned": "unrealised", "conditional": "unrealised", "hypothetical": "unrealised",
}

Key = tuple[str, str, str, str]  # source_key, root, status class, scope (target: compatible)


@dataclass(slots=True)
class _Cluster:
    cluster_id: str
    target: str
    country: str | None
    lo: date | None
    hi: date | None


def _key_part(country: str | None, group: str | None, code: str | None) -> str:
    if not code:
        return ""
    return f"{country}/{group}" if group else (country or "")


def _distance(c: _Cluster, lo: date, hi: date) -> int:
    assert c.lo is not None and c.hi is not None
    if hi < c.lo:
        return (c.lo - hi).days
    if lo > c.hi:
        return (lo - c.hi).days
    return 0


def assign_clusters(store: Store, event_ids: Sequence[str],
                    window: int = DEFAULT_WINDOW_DAYS) -> set[str]:
    """Put new events (already in ``events``, not yet in a cluster) into clusters; rebuilds
    the clusters touched and returns their ids. Call inside the batch's transaction."""
    if not event_ids:
        return set()
    rows = store.execute(
        "SELECT e.event_id, e.source_code, e.source_country, e.source_group, e.target_code, "
        "e.target_country, e.target_group, e.cameo_root, e.status, e.date_lo, e.date_hi, "
        "e.location_country, e.article_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE list_contains(?, e.event_id) "
        "AND e.event_id NOT IN (SELECT event_id FROM cluster_members) "
        "ORDER BY a.seq, e.sentence_index, e.event_id", [list(event_ids)]).fetchall()
    new: list[tuple[str, Key, str, date | None, date | None, str | None]] = []
    for (eid, scode, sc, sg, tcode, tc, tg, root, status, lo, hi, country, art) in rows:
        scope = "" if lo is not None and scode else art
        key: Key = (_key_part(sc, sg, scode), root, STATUS_CLASS.get(status, status), scope)
        new.append((eid, key, _key_part(tc, tg, tcode), lo, hi, country))
    clusters = _load(store, {k for _, k, *_ in new})
    members: list[dict[str, Any]] = []
    touched: set[str] = set()
    w = timedelta(days=window)
    for eid, key, target, lo, hi, country in new:
        best: _Cluster | None = None
        best_rank: tuple[bool, int, str] = (True, 0, "")
        for c in clusters[key]:
            if target and c.target and target != c.target:
                continue
            if country and c.country and country != c.country:
                continue
            if lo is not None and hi is not None:
                if c.lo is None or c.hi is None:
                    continue
                if lo - w > c.hi or hi + w < c.lo:
                    continue
                d = _distance(c, lo, hi)
            elif c.lo is not None:
                continue
            else:
                d = 0
            rank = (target != c.target, d, c.cluster_id)  # an exact target first
            if best is None or rank < best_rank:
                best, best_rank = c, rank
        if best is None:
            best = _Cluster("c" + eid, target, country, lo, hi)
            clusters[key].append(best)
        else:
            best.target = best.target or target
            best.country = best.country or country
            if lo is not None and best.lo is not None and best.hi is not None and hi is not None:
                best.lo, best.hi = min(best.lo, lo), max(best.hi, hi)
        members.append({"event_id": eid, "cluster_id": best.cluster_id})
        touched.add(best.cluster_id)
    store.insert_rows("cluster_members", members)
    rebuild(store, touched)
    return touched


def _load(store: Store, keys: set[Key]) -> defaultdict[Key, list[_Cluster]]:
    out: defaultdict[Key, list[_Cluster]] = defaultdict(list)
    if not keys:
        return out
    wanted = [dict(zip(("sk", "root", "sc", "scope"), k, strict=True)) for k in keys]
    rows = store.execute_with(
        "wanted", wanted,
        "SELECT c.source_key, c.cameo_root, c.status_class, c.scope, c.cluster_id, "
        "c.target_key, c.country, c.date_lo, c.date_hi FROM clusters c JOIN wanted w "
        "ON c.source_key = w.sk AND c.cameo_root = w.root "
        "AND c.status_class = w.sc AND c.scope = w.scope ORDER BY c.cluster_id")
    for sk, root, sc, scope, cid, tk, country, lo, hi in rows:
        out[(sk, root, sc, scope)].append(_Cluster(cid, tk, country, lo, hi))
    return out


_CASE_STATUS = " ".join(f"WHEN '{s}' THEN '{c}'" for s, c in STATUS_CLASS.items())

_REBUILD = f"""
INSERT INTO clusters
WITH m AS (
    SELECT m.cluster_id, e.* EXCLUDE ({", ".join(QUERY_COLUMNS)}), a.seq, a.published,
           a.published_date,
           coalesce(a.outlet, 'article:' || a.id) AS outlet_key,
           row_number() OVER (PARTITION BY m.cluster_id ORDER BY a.published_date NULLS LAST,
                              a.seq, e.sentence_index, e.event_id) AS rank
    FROM cluster_members m JOIN events e USING (event_id) JOIN articles a ON a.id = e.article_id
    WHERE list_contains(?, m.cluster_id)
)
SELECT m.cluster_id,
       ('0x' || substr(md5(m.cluster_id), 1, 15))::BIGINT,
       any_value(CASE WHEN m.source_code IS NULL OR m.source_code = '' THEN ''
                 WHEN m.source_group IS NOT NULL THEN m.source_country || '/' || m.source_group
                 ELSE coalesce(m.source_country, '') END),
       coalesce(max(CASE WHEN m.target_code IS NULL OR m.target_code = '' THEN NULL
                 WHEN m.target_group IS NOT NULL THEN m.target_country || '/' || m.target_group
                 ELSE m.target_country END), ''),
       any_value(m.cameo_root),
       any_value(CASE m.status {_CASE_STATUS} ELSE m.status END),
       CASE WHEN min(m.date_lo) IS NULL OR coalesce(any_value(m.source_code), '') = ''
            THEN any_value(m.article_id) ELSE '' END,
       arg_min(m.location_country, m.seq) FILTER (WHERE m.location_country IS NOT NULL),
       min(m.date_lo), max(m.date_hi),
       count(*), count(DISTINCT m.article_id), count(DISTINCT m.outlet_key),
       arg_min(m.event_id, m.rank), arg_min(m.article_id, m.rank), arg_min(m.published, m.rank)
FROM m GROUP BY m.cluster_id
"""


def _own_key(side: str) -> str:
    return (f"CASE WHEN coalesce(events.{side}_code, '') = '' THEN NULL "
            f"WHEN events.{side}_group IS NOT NULL "
            f"THEN events.{side}_country || '/' || events.{side}_group "
            f"ELSE events.{side}_country END")


# An event's cluster onto its events row: the cluster id, the dyad (the cluster's keys; a
# report without a target takes the target the other reports name), the cluster's counts and
# its key (the least arrival among its reports: an integer naming the cluster). Queries read
# only these (tidings.analysis); cluster_members and clusters stay the record.
_SYNC_SET = f"""
UPDATE events SET cluster_id = x.cluster_id,
    source_key = coalesce(nullif(x.source_key, ''), {_own_key("source")}),
    target_key = coalesce(nullif(x.target_key, ''), {_own_key("target")}),
    num_mentions = x.num_mentions, num_articles = x.num_articles,
    num_sources = x.num_sources, cluster_key = x.cluster_key
FROM (
    SELECT {{event}}.event_id, m.cluster_id, c.source_key, c.target_key, c.num_mentions,
           c.num_articles, c.num_sources,
           CASE WHEN m.cluster_id IS NOT NULL
                THEN min(e.arrival) OVER (PARTITION BY m.cluster_id) END AS cluster_key
    FROM {{members}}
) x
WHERE x.event_id = events.event_id{{where}}
"""
# these clusters ($1) and their members ($2): list_contains on a key is an index lookup
_SYNC = _SYNC_SET.format(
    event="m",
    members="(SELECT event_id, cluster_id FROM cluster_members "
            "WHERE list_contains($1, cluster_id)) m "
            "JOIN (SELECT event_id, arrival FROM events "
            "WHERE list_contains($2, event_id)) e USING (event_id) "
            "JOIN (SELECT * FROM clusters WHERE list_contains($1, cluster_id)) c "
            "ON c.cluster_id = m.cluster_id",
    where=" AND list_contains($2, events.event_id)")
# every event (an event in no cluster keeps its own dyad and no key)
_SYNC_ALL = _SYNC_SET.format(
    event="e",
    members="events e LEFT JOIN cluster_members m USING (event_id) "
            "LEFT JOIN clusters c ON c.cluster_id = m.cluster_id",
    where="")


def sync_events(store: Store, cluster_ids: Iterable[str] | None = None) -> None:
    """Copy these clusters' fields (all clusters: None) onto their members' events rows."""
    if cluster_ids is None:
        store.execute(_SYNC_ALL)
        return
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    members = [r[0] for r in store.execute(
        "SELECT event_id FROM cluster_members WHERE list_contains(?, cluster_id)",
        [ids]).fetchall()]
    if members:
        store.execute(_SYNC, [ids, members])


def rebuild(store: Store, cluster_ids: Iterable[str]) -> None:
    """Recompute the rows of these clusters from their members (empty ones disappear), and
    copy them onto their members' events rows."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    store.execute("DELETE FROM clusters WHERE list_contains(?, cluster_id)", [ids])
    store.execute(_REBUILD, [ids])
    sync_events(store, ids)


def recluster(store: Store, window: int = DEFAULT_WINDOW_DAYS, chunk: int = 2000) -> int:
    """Forget every cluster and cluster all stored events again in arrival order; returns
    the number of clusters."""
    store.execute("DELETE FROM cluster_members")
    store.execute("DELETE FROM clusters")
    ids = [r[0] for r in store.execute(
        "SELECT e.event_id FROM events e JOIN articles a ON a.id = e.article_id "
        "ORDER BY a.seq, e.sentence_index, e.event_id").fetchall()]
    for i in range(0, len(ids), chunk):
        assign_clusters(store, ids[i:i + chunk], window)
    return int(store.scalar("SELECT count(*) FROM clusters"))


__all__ = ["DEFAULT_WINDOW_DAYS", "STATUS_CLASS", "assign_clusters", "rebuild",
           "recluster", "sync_events"]
