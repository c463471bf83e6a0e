"""PLOVER gold-standard records (shared/data/plover-gsr): event-type accuracy.

322 CAMEO-manual sentences hand-coded in PLOVER 0.5b1. Each sentence is coded and its events
mapped to PLOVER types through the CAMEO→PLOVER crosswalk. 0.5b1 names that the 2021 ontology
renamed are read as their successors (FIGHT → ASSAULT, DISAPPROVE and INVESTIGATE → ACCUSE,
DEMAND → REQUEST). Reported: the share of records where some event has the gold type
(``type_accuracy``), the same requiring the gold source country (``type_source_accuracy``),
and the share with any event at all (``coverage``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tidings.errors import EvalError
from tidings.models import Article
from tidings.pipeline import ArticleResult, Pipeline

RENAMED = {"FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
           "DEMAND": "REQUEST"}
ALIASES = {"ROU": {"ROM", "ROU"}, "MNE": {"MTN", "MNE"}}


def evaluate_plover(path: Path, pipeline: Pipeline) -> dict[str, Any]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read PLOVER records: {exc}", path=str(path)) from None
    n = hit = hit_src = covered = 0
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        n += 1
        gold_type = RENAMED.get(rec["event"], rec["event"])
        sources = set()
        for a in rec.get("source") or []:
            code = str(a.get("code") or "")[:3]
            sources |= ALIASES.get(code, {code})
        result = pipeline.process(Article(id=rec["id"], text=rec["text"]))
        events = list(result.events) if isinstance(result, ArticleResult) else []
        covered += bool(events)
        typed = [e for e in events if e.plover is not None and e.plover.type == gold_type]
        hit += bool(typed)
        hit_src += any((e.source.code or "")[:3] in sources for e in typed)
    return {"set": "plover-gsr", "records": n,
            "type_accuracy": round(hit / n, 3) if n else 0.0,
            "type_source_accuracy": round(hit_src / n, 3) if n else 0.0,
            "coverage": round(covered / n, 3) if n else 0.0}
