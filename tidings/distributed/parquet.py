"""Results as Parquet partitions that DuckDB queries in place.

A directory of results holds one sub-folder per table, each with one file per partition::

    out/articles/part-000000.parquet    id, title, published, outlet, url, origin, language,
                                        sentences, events, text
    out/events/part-000000.parquet      flat columns (source_code, target_code, cameo, ...)
                                        and ``record``: the whole event as JSON
    out/rejections/part-000000.parquet  origin, stage, reason, detail, article_id
    out/parses/part-000000.parquet      article_id, index, record (ParsedSentence as JSON)

    SELECT cameo_root, count(*) FROM read_parquet('out/events/*.parquet') GROUP BY 1;

Each partition is written by whoever coded it (a local process or a Dask worker): files are
written under a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from tidings.models import Event, Rejection
from tidings.pipeline import ArticleResult

TABLES = ("articles", "events", "rejections", "parses")

_SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "string"), ("title", "string"), ("published", "string"),
                 ("outlet", "string"), ("url", "string"), ("origin", "string"),
                 ("language", "string"), ("sentences", "int32"), ("events", "int32"),
                 ("text", "string")],
    "events": [("article_id", "string"), ("event_id", "string"), ("sentence_index", "int32"),
               ("source_text", "string"), ("source_code", "string"),
               ("target_text", "string"), ("target_code", "string"), ("cameo", "string"),
               ("cameo_root", "string"), ("cameo_name", "string"), ("goldstein", "float64"),
               ("quad_class", "int8"), ("plover_type", "string"), ("status", "string"),
               ("claimant_code", "string"), ("trigger", "string"), ("date", "string"),
               ("date_precision", "string"), ("location", "string"),
               ("location_country", "string"), ("lat", "float64"), ("lon", "float64"),
               ("confidence", "float64"), ("coder", "string"), ("record", "string")],
    "rejections": [("origin", "string"), ("stage", "string"), ("reason", "string"),
                   ("detail", "string"), ("article_id", "string")],
    "parses": [("article_id", "string"), ("index", "int32"), ("record", "string")],
}


@dataclass(frozen=True, slots=True)
class PartitionSummary:
    """What one partition holds (the files written and their row counts)."""

    name: str
    articles: int
    events: int
    rejections: int
    sentences: int


def event_row(e: Event) -> dict[str, Any]:
    return {
        "article_id": e.article_id, "event_id": e.event_id, "sentence_index": e.sentence_index,
        "source_text": e.source.text, "source_code": e.source.code,
        "target_text": e.target.text if e.target else None,
        "target_code": e.target.code if e.target else None,
        "cameo": e.cameo, "cameo_root": e.cameo_root, "cameo_name": e.cameo_name,
        "goldstein": e.goldstein, "quad_class": e.quad_class,
        "plover_type": e.plover.type if e.plover else None, "status": e.status,
        "claimant_code": e.claimant.code if e.claimant else None, "trigger": e.trigger.text,
        "date": e.date, "date_precision": e.date_precision,
        "location": e.location.name if e.location else None,
        "location_country": e.location.country if e.location else None,
        "lat": e.location.lat if e.location else None,
        "lon": e.location.lon if e.location else None,
        "confidence": e.confidence, "coder": e.coder,
        "record": json.dumps(e.to_dict(), ensure_ascii=False),
    }


def _rows(results: Iterable[ArticleResult | Rejection], parses: bool
          ) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for res in results:
        if isinstance(res, Rejection):
            rows["rejections"].append({"origin": res.origin, "stage": res.stage,
                                       "reason": res.reason, "detail": res.detail,
                                       "article_id": res.article_id})
            continue
        a = res.article
        rows["articles"].append({"id": a.id, "title": a.title, "published": a.published,
                                 "outlet": a.outlet, "url": a.url, "origin": a.origin,
                                 "language": a.language, "sentences": len(res.sentences),
                                 "events": len(res.events), "text": a.text})
        rows["events"].extend(event_row(e) for e in res.events)
        if parses:
            rows["parses"].extend(
                {"article_id": s.article_id, "index": s.index,
                 "record": s.to_json()} for s in res.sentences)
    return rows


def write_partition(results: Iterable[ArticleResult | Rejection], directory: str | Path,
                    name: str, *, parses: bool = True) -> PartitionSummary:
    """Write one partition of ``results`` as ``directory/<table>/<name>.parquet`` (a table with
    no rows gets no file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _rows(results, parses)
    for table, records in rows.items():
        if not records:
            continue
        folder = Path(directory) / table
        folder.mkdir(parents=True, exist_ok=True)
        schema = pa.schema([(col, pa.type_for_alias(typ)) for col, typ in _SCHEMAS[table]])
        data = pa.Table.from_pylist(records, schema=schema)
        final = folder / f"{name}.parquet"
        tmp = folder / f".{name}.parquet.tmp"
        pq.write_table(data, tmp, compression="zstd")
        os.replace(tmp, final)
    return PartitionSummary(name, len(rows["articles"]), len(rows["events"]),
                            len(rows["rejections"]), len(rows["parses"]))


def write_parquet(results: Iterable[ArticleResult | Rejection], directory: str | Path, *,
                  partition_size: int = 256, parses: bool = True) -> list[PartitionSummary]:
    """Stream ``results`` (from ``run_local``, ``run_dask`` or ``Pipeline.run``) into
    Parquet partitions of ``partition_size`` results each."""
    it: Iterator[ArticleResult | Rejection] = iter(results)
    out: list[PartitionSummary] = []
    n = 0
    while part := list(islice(it, max(1, partition_size))):
        out.append(write_partition(part, directory, f"part-{n:06d}", parses=parses))
        n += 1
    return out


__all__ = ["TABLES", "PartitionSummary", "event_row", "write_parquet", "write_partition"]
