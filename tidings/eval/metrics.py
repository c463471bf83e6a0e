"""Scoring coded events against gold events (ANNOTATION.md conventions).

Actors are compared at country/group level: the first trio must agree, and when the gold code
carries a known-group code (e.g. HMS in PSEGOVHMS) the predicted code must carry it too. Role
codes are scored separately (``role_accuracy``). Matching is one-to-one, greedy in text order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

ROLE_CODES = {
    "GOV", "MIL", "REB", "OPP", "COP", "SPY", "JUD", "LEG", "MED", "CVL", "BUS", "CRM", "DEV",
    "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "REF", "MOD", "RAD", "PTY", "INS", "SEP", "UAF",
    "AGR", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "PKO", "MOS", "CHR", "JEW", "SUN",
    "SHI", "BUD", "HIN", "CTH", "ORT", "PRO", "REL",
}


def trios(code: str | None) -> list[str]:
    if not code:
        return []
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def group_of(code: str | None) -> str | None:
    parts = trios(code)
    groups = [p for p in parts[1:] if p not in ROLE_CODES]
    return groups[-1] if groups else None


def actor_match(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold in ("OUTLET",) or pred in ("OUTLET",):
        return gold == pred
    if gold[:3] != pred[:3]:
        return False
    g = group_of(gold)
    return g is None or g in trios(pred)[1:]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str | None
    cameo: str
    status: str
    claimant: str | None = None
    quote: str = ""
    date: str | None = None
    location: str | None = None


@dataclass(frozen=True, slots=True)
class PredEvent:
    source: str | None
    target: str | None
    cameo: str
    status: str
    claimant: str | None = None
    text: str = ""
    location: Any = None  # tidings.models.Location
    date: str | None = None


@dataclass
class Score:
    name: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    matched_full: int = 0
    status_correct: int = 0
    claimant_correct: int = 0
    role_correct: int = 0
    role_total: int = 0
    false_facts: int = 0
    not_asserted_matched: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    articles: int = 0
    located_gold: int = 0  # matched events whose gold names a place
    located_right: int = 0  # ... that got that place
    dated_gold: int = 0  # matched events whose gold gives a date
    dated_right: int = 0  # ... that got a date of at least that precision, agreeing

    def add(self, other: Score) -> None:
        for f in ("gold", "predicted", "matched", "matched_full", "status_correct",
                  "claimant_correct", "role_correct", "role_total", "false_facts",
                  "not_asserted_matched", "articles", "located_gold", "located_right",
                  "dated_gold", "dated_right"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.confusion.update(other.confusion)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    def _f1(self, matched: int) -> float:
        p, r = self._ratio(matched, self.predicted), self._ratio(matched, self.gold)
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "articles": self.articles,
            "gold_events": self.gold,
            "predicted_events": self.predicted,
            "matched": self.matched,
            "precision": round(self._ratio(self.matched, self.predicted), 3),
            "recall": round(self._ratio(self.matched, self.gold), 3),
            "f1": round(self._f1(self.matched), 3),
            "f1_full_code": round(self._f1(self.matched_full), 3),
            "status_accuracy": round(self._ratio(self.status_correct, self.matched), 3),
            "claimant_accuracy": round(self._ratio(self.claimant_correct, self.matched), 3),
            "role_accuracy": round(self._ratio(self.role_correct, self.role_total), 3),
            "false_fact_rate": round(self._ratio(self.false_facts, self.not_asserted_matched), 3),
            "extra_per_gold": round(self._ratio(self.predicted - self.matched, self.gold), 3),
            "location_share": round(self._ratio(self.located_right, self.located_gold), 3),
            "located_gold": self.located_gold,
            "date_share": round(self._ratio(self.dated_right, self.dated_gold), 3),
            "dated_gold": self.dated_gold,
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
        }


def _roles(code: str | None) -> set[str]:
    return {t for t in trios(code)[1:] if t in ROLE_CODES}


def _same_place_by_name(location: Any, name: str) -> bool:
    return location is not None and str(location.name).lower() == name.lower()


def score_article(
    name: str, gold: list[GoldEvent], pred: list[PredEvent],
    same_place: Any = _same_place_by_name,
) -> Score:
    s = Score(name, gold=len(gold), predicted=len(pred), articles=1)
    used: set[int] = set()
    for g in gold:
        best = None
        for j, p in enumerate(pred):
            if j in used or p.cameo[:2] != g.cameo[:2]:
                continue
            if actor_match(g.source, p.source) and actor_match(g.target, p.target):
                best = j
                if p.cameo == g.cameo:
                    break
        if best is None:
            # confusion: the same actors under another root, else "none"
            other = next((p for j, p in enumerate(pred) if j not in used
                          and actor_match(g.source, p.source)
                          and actor_match(g.target, p.target)), None)
            s.confusion[(g.cameo[:2], other.cameo[:2] if other else "none")] += 1
            continue
        used.add(best)
        p = pred[best]
        s.matched += 1
        s.confusion[(g.cameo[:2], p.cameo[:2])] += 1
        s.matched_full += p.cameo == g.cameo
        s.status_correct += p.status == g.status
        s.claimant_correct += actor_match(g.claimant, p.claimant)
        for gc, pc in ((g.source, p.source), (g.target, p.target)):
            if gc and _roles(gc):
                s.role_total += 1
                s.role_correct += _roles(gc) <= _roles(pc)
        if g.status != "asserted":
            s.not_asserted_matched += 1
            s.false_facts += p.status == "asserted"
        if g.location:
            s.located_gold += 1
            loc = p.location if p.location is None or p.location.precision != "dateline" else None
            s.located_right += bool(same_place(loc, g.location))
        if g.date:
            s.dated_gold += 1
            s.dated_right += bool(p.date and p.date[: len(g.date)] == g.date)
    return s
