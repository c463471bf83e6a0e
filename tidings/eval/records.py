"""PETRARCH-style record sets: one sentence per record with expected (source, target, code)
triples — PETRARCH-2's unit-test records and UniversalPetrarch's AFP gold (``shared/data``).

Scored two ways, per record and over events:
- ``strict``: the multiset of (source, target, code) triples must match exactly, as
  PETRARCH-2's baseline was scored (``shared/data/petrarch2-baseline``);
- ``lenient``: actors at country/group level and the CAMEO root code (tidings' own rule).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.errors import EvalError
from tidings.eval.metrics import actor_match
from tidings.models import Article
from tidings.pipeline import ArticleResult, Pipeline

Triple = tuple[str, str | None, str]


@dataclass
class RecordScore:
    name: str
    records: int = 0
    exact: int = 0
    gold: int = 0
    pred: int = 0
    tp_strict: int = 0
    tp_lenient: int = 0
    actor_records: int = 0  # records with expected actors
    actors_resolved: int = 0  # ... whose every expected actor code was found in the sentence

    def summary(self) -> dict[str, Any]:
        def f1(tp: int) -> tuple[float, float, float]:
            p = tp / self.pred if self.pred else 0.0
            r = tp / self.gold if self.gold else 0.0
            return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0

        ps, rs, fs = f1(self.tp_strict)
        pl, rl, fl = f1(self.tp_lenient)
        return {"set": self.name, "records": self.records, "records_exact": self.exact,
                "gold_events": self.gold, "predicted_events": self.pred,
                "precision_strict": ps, "recall_strict": rs, "f1_strict": fs,
                "precision": pl, "recall": rl, "f1": fl,
                "actors_resolved_share": round(self.actors_resolved / self.actor_records, 3)
                if self.actor_records else 0.0}


def read_records(path: Path) -> list[dict[str, Any]]:
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read records: {exc}", path=str(path)) from None
    return [r for r in rows if r.get("active", True) and r.get("text")
            and not r.get("gold_error")]


def _norm(code: str | None) -> str | None:
    if code is None or code in ("---", ""):
        return None
    return code.upper()


def synonym_codes(reference: Path | None) -> dict[str, str]:
    """KEDS long-form codes of international bodies → the CAMEO manual's code for the same
    body ("IGOEUREEC" → "IGOEEC", both the European Union), from
    ``reference/cameo/cameo_actor_known_groups.csv``: gold made with PETRARCH's Phoenix
    dictionaries spells them the long way, tidings the manual's."""
    import csv

    path = reference / "cameo" / "cameo_actor_known_groups.csv" if reference else None
    if path is None or not path.is_file():
        return {}
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            manual = (row.get("full_code_cameo_manual") or "").strip().upper()
            keds = (row.get("keds_table_7_1_codes_ending_in_code") or "").strip().upper()
            if manual and keds and manual != keds and keds[:3] == manual[:3]:
                out[keds] = manual
    return out


def strict_tp(gold: list[Triple], pred: list[Triple]) -> int:
    return sum((Counter(gold) & Counter(pred)).values())


def lenient_tp(gold: list[Triple], pred: list[Triple]) -> int:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j in used or p[2][:2] != g[2][:2]:
                continue
            if actor_match(g[0], p[0]) and actor_match(g[1], p[1]):
                used.add(j)
                tp += 1
                break
    return tp


def evaluate_records(path: Path, pipeline: Pipeline, name: str,
                     synonyms: dict[str, str] | None = None) -> RecordScore:
    """Score a record set; ``synonyms`` maps other spellings of an actor code to tidings'
    (see ``synonym_codes``) before triples are compared."""
    score = RecordScore(name)
    syn = synonyms or {}

    def canon(code: str | None) -> str | None:
        code = _norm(code)
        return syn.get(code, code) if code is not None else None

    for rec in read_records(path):
        gold: list[Triple] = [(canon(s) or "", canon(t), c) for s, t, c in rec["gold_events"]]
        date = rec.get("date") or ""
        published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 else None
        result = pipeline.process(Article(id=rec["id"], text=rec["text"], published=published))
        pred: list[Triple] = []
        if isinstance(result, ArticleResult):
            pred = sorted({(canon(e.source.code) or "", canon(e.target.code) if e.target
                            else None, e.cameo) for e in result.events}, key=str)
        score.records += 1
        score.gold += len(gold)
        score.pred += len(pred)
        tp = strict_tp(gold, pred)
        score.tp_strict += tp
        score.tp_lenient += lenient_tp(gold, pred)
        score.exact += int(tp == len(gold) == len(pred))
        expected = {c for g in gold for c in (g[0], g[1]) if c}
        if expected and isinstance(result, ArticleResult):
            found = {canon(c) for c in _mention_codes(pipeline, result)}
            score.actor_records += 1
            score.actors_resolved += int(expected <= found)
    return score


def _mention_codes(pipeline: Pipeline, result: ArticleResult) -> set[str]:
    from tidings.coding.resolver import ArticleMemory

    resolver = pipeline.coder.resolver
    memory = ArticleMemory(date=result.article.published)
    codes: set[str] = set()
    for sent in result.sentences:
        mentions = resolver.mentions(sent, memory)
        memory.remember(sent, mentions)
        codes.update(m.code for m in mentions)
    return codes
