"""Gold files in the ANNOTATION.md format (one article per line with its `events`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tidings.errors import EvalError
from tidings.eval.metrics import GoldEvent, PredEvent, Score, score_article
from tidings.models import Article, Rejection
from tidings.pipeline import ArticleResult, Pipeline


def shared_dir() -> Path | None:
    """``../shared`` beside the repository (present in development and CI, not in a user's
    clone); ``TIDINGS_SHARED`` overrides."""
    import os

    env = os.environ.get("TIDINGS_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parents[3] / "shared")
    candidates.append(Path.cwd().parent / "shared")
    for c in candidates:
        if (c / "data").is_dir():
            return c
    return None


# name → path relative to shared/ (ANNOTATION.md gold articles)
GOLD_SETS: dict[str, str] = {
    "seed": "data/seed/egypt-hamas.gold.jsonl",
}
# name → path relative to shared/ (PETRARCH-style sentence records; see eval/records.py)
RECORD_SETS: dict[str, str] = {
    "afp-gold": "data/universalpetrarch-validation/PETR2_GSR_validation.jsonl",
    "petrarch-unit": "data/petrarch2-validation/PETR.UnitTest.records.jsonl",
    "petrarch-unit-cameo2": (
        "data/universalpetrarch-validation/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.jsonl"),
}
# dictionaries a record set's expected codes depend on (imported from PETRARCH-2 format)
SET_DICTIONARIES: dict[str, tuple[str, ...]] = {
    "petrarch-unit": ("data/petrarch2-validation/dictionaries/PETR.Validate.actors.txt",
                      "data/petrarch2-validation/dictionaries/PETR.Validate.agents.txt"),
    "petrarch-unit-cameo2": (
        "data/universalpetrarch-validation/dictionaries/PETR.Validate.actors.txt",
        "data/petrarch2-validation/dictionaries/PETR.Validate.agents.txt"),
}
# verb dictionaries (PETRARCH-2 format) the records' expected codes come from; imported as
# event patterns beside tidings' own (a verb they define is coded by them alone)
SET_PATTERNS: dict[str, tuple[str, ...]] = {
    "petrarch-unit": ("data/petrarch2-validation/dictionaries/PETR.Validate.verbs.txt",),
    "petrarch-unit-cameo2": (
        "data/universalpetrarch-validation/dictionaries/PETR.Validate.verbs.2.0.txt",),
}
# other adapters: name → folder relative to shared/
OTHER_SETS: dict[str, str] = {
    "indiapoliceevents": "data/indiapoliceevents",
    "plover-gsr": "data/plover-gsr/PLOVER_GSR_CAMEO.txt",
}
ALL_SETS: tuple[str, ...] = (*GOLD_SETS, *RECORD_SETS, *OTHER_SETS)


def read_gold(path: Path) -> list[tuple[Article, list[GoldEvent]]]:
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read gold file: {exc.strerror}", path=str(path)) from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            article = Article(id=str(obj["id"]), text=obj["text"], title=obj.get("title"),
                              published=obj.get("published"), outlet=obj.get("outlet"),
                              url=obj.get("url"), origin=f"{path}:{n}")
            events = [GoldEvent(e["source"], e.get("target"), str(e["cameo"]), e["status"],
                                e.get("claimant"), e.get("quote", ""), e.get("date"),
                                e.get("location")) for e in obj.get("events", [])]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvalError(f"line {n} is not a gold article: {exc}", path=str(path)) from None
        out.append((article, events))
    if not out:
        raise EvalError("the gold file holds no articles", path=str(path))
    return out


def evaluate_gold_file(path: Path, pipeline: Pipeline, name: str | None = None) -> Score:
    total = Score(name or path.stem)
    from tidings.ingest import prepare

    for article, gold in read_gold(path):
        # gold articles are kept as scraped: clean them as any input is cleaned
        prepared = prepare(article)
        result = pipeline.process(prepared.article if not isinstance(prepared, Rejection)
                                  else article)
        pred: list[PredEvent] = []
        if isinstance(result, ArticleResult):
            pred = [PredEvent(e.source.code, e.target.code if e.target else None, e.cameo,
                              e.status, e.claimant.code if e.claimant else None, e.trigger.text,
                              e.location, e.date)
                    for e in result.events]
        geocoder = getattr(pipeline.coder, "geocoder", None)
        if geocoder is not None:
            total.add(score_article(article.id, gold, pred, geocoder.same_place))
        else:
            total.add(score_article(article.id, gold, pred))
    return total


def evaluate_sets(names: list[str], pipeline: Pipeline) -> list[dict[str, Any]]:
    base = shared_dir()
    if base is None:
        raise EvalError("the gold sets live in ../shared, which this checkout does not have",
                        hint="pass a gold file path instead")
    from tidings.eval.records import evaluate_records, synonym_codes

    synonyms = synonym_codes(base / "reference")

    out = []
    for name in names:
        if name in GOLD_SETS:
            out.append(evaluate_gold_file(base / GOLD_SETS[name], pipeline, name).summary())
        elif name in RECORD_SETS:
            p = pipeline
            if name in SET_DICTIONARIES or name in SET_PATTERNS:
                extra = [str(base / d) for d in SET_DICTIONARIES.get(name, ())]
                verbs = [str(base / d) for d in SET_PATTERNS.get(name, ())]
                p = Pipeline(pipeline.settings.replace(
                    dictionaries=[*pipeline.settings.dictionaries, *extra],
                    patterns=[*pipeline.settings.patterns, *verbs]))
                p._parser = pipeline._parser
            out.append(evaluate_records(base / RECORD_SETS[name], p, name, synonyms).summary())
        elif name == "indiapoliceevents":
            from tidings.eval.police import evaluate_police

            out.append(evaluate_police(base / OTHER_SETS[name], pipeline))
        elif name == "plover-gsr":
            from tidings.eval.plover import evaluate_plover

            out.append(evaluate_plover(base / OTHER_SETS[name], pipeline))
        else:
            raise EvalError(f"unknown gold set {name!r}", hint="known: " + ", ".join(ALL_SETS))
    return out
