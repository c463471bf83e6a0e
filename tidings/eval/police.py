"""IndiaPoliceEvents (shared/data/indiapoliceevents): sentence-level detection of police
ARREST, KILL and FORCE, scored with precision and recall against its exhaustive labels.

Each article is coded whole (coreference and context need it) with ``default_country=IND`` —
what a user sets for a domestic outlet such as the Times of India — and each event is assigned
to the labelled sentence its trigger falls in (each mention of an event merged from several
sentences counts in its own sentence). Only events reported as done count (status
``asserted`` or ``claimed``): "the police failed to arrest him", "would be arrested" and "no
arrests were made" name no arrest. A sentence is predicted:

- ARREST when an event with a police source (role COP) has code 173 (arrest, detain, charge);
- KILL when a police event is a killing (1823, 186, 202, or a 19x/18x whose trigger is a form
  of kill/shoot dead);
- FORCE when a police event is coercive or violent (175, 18x, 19x, 20x).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from tidings.coding.coder import REPORTED_DONE
from tidings.errors import EvalError
from tidings.models import Article, Event
from tidings.pipeline import ArticleResult, Pipeline

LABELS = ("ARREST", "KILL", "FORCE")
KILL_WORDS = ("kill", "shot dead", "shoot dead", "gunned down", "die", "dead")


def labels_of(events: list[Event]) -> set[str]:
    out: set[str] = set()
    for e in events:
        if e.status not in REPORTED_DONE:
            continue  # "the police failed to arrest him", "will arrest": no arrest reported
        code = e.source.code or ""
        if "COP" not in code[3:]:
            continue
        root = e.cameo[:2]
        trigger = e.trigger.text.lower()
        if e.cameo == "173":
            out.add("ARREST")
        if e.cameo in ("1823", "186", "202") or (
                root in ("18", "19") and any(w in trigger for w in KILL_WORDS)):
            out.add("KILL")
        if e.cameo == "175" or root in ("18", "19", "20"):
            out.add("FORCE")
    return out


def evaluate_police(folder: Path, pipeline: Pipeline, *, limit: int | None = None
                    ) -> dict[str, Any]:
    try:
        sents = [json.loads(x) for x in (folder / "sents.jsonl").open(encoding="utf-8")]
        docs = [json.loads(x) for x in (folder / "docs.jsonl").open(encoding="utf-8")]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read IndiaPoliceEvents: {exc}", path=str(folder)) from None
    by_doc: dict[int, list[dict[str, Any]]] = {}
    for s in sents:
        by_doc.setdefault(s["doc_id"], []).append(s)
    p = Pipeline(pipeline.settings.replace(default_country="IND", locations=False))
    p._parser = pipeline._parser
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    n_sents = 0
    for doc in docs[:limit] if limit else docs:
        text = doc["doc_text"]
        spans = []
        pos = 0
        for s in sorted(by_doc.get(doc["doc_id"], []), key=lambda r: r["sent_id"]):
            start = text.find(s["sent_text"].strip(), pos)
            if start < 0:
                start = pos
            end = start + len(s["sent_text"].strip())
            spans.append((start, end, set(s["sent_labels"])))
            pos = max(pos, end)
        result = p.process(Article(id=str(doc["doc_id"]), text=text))
        events = list(result.events) if isinstance(result, ArticleResult) else []
        # every mention of an event counts where it is: a merged event ("arrested 18 persons"
        # in one sentence, "arrested 12" in another, no target in either) keeps each
        # mention's trigger as evidence
        mentions = [replace(e, trigger=span) for e in events
                    for span in (e.evidence or (e.trigger,))]
        for start, end, gold in spans:
            n_sents += 1
            pred = labels_of([e for e in mentions
                              if start <= e.trigger.start < max(end, start + 1)])
            for label in LABELS:
                if label in pred and label in gold:
                    tp[label] += 1
                elif label in pred:
                    fp[label] += 1
                elif label in gold:
                    fn[label] += 1
    out: dict[str, Any] = {"set": "indiapoliceevents", "sentences": n_sents}
    for label in LABELS:
        p_ = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r_ = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        out[label] = {"precision": round(p_, 3), "recall": round(r_, 3),
                      "f1": round(2 * p_ * r_ / (p_ + r_), 3) if p_ + r_ else 0.0,
                      "gold": tp[label] + fn[label], "predicted": tp[label] + fp[label]}
    return out
