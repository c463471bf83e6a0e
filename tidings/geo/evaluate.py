"""Geocoding accuracy on labelled place mentions and on gold event locations.

A place-mention record (``tests/data/geo/places.jsonl``) is one short text with the place name as
written (``mention``), the event trigger word (``trigger``) and the expected place and CAMEO
country. Two things are scored: the *toponym* (is the mention resolved to the right place, and to
the right country) and the *event location* (does ``Geocoder.locate`` anchored at the trigger
return that place).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.geo import Geocoder
from tidings.geo.gazetteer import Place, name_key
from tidings.models import Article, Location, ParsedSentence

Parse = Callable[[Article], Sequence[ParsedSentence]]


@dataclass
class Tally:
    n: int = 0
    place: int = 0
    country: int = 0
    located: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> tuple[int, float, float, float]:
        d = self.n or 1
        return self.n, self.place / d, self.country / d, self.located / d


def is_place(geo: Geocoder, found: Place | Location | None, name: str, country: str | None) -> bool:
    """Whether ``found`` is the expected place: same country, and the expected name is the
    entry's name or one of its names in the gazetteer."""
    if found is None or found.country != country:
        return False
    if name_key(found.name) == name_key(name):
        return True
    ids = {c.place.id for c in geo.gazetteer.lookup(name)}
    names = {geo.gazetteer.by_id[i].name for i in ids}
    return found.name in names


def load_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate_places(
    records: Iterable[dict[str, Any]], parse: Parse, geo: Geocoder
) -> dict[str, Tally]:
    """Tallies by record tag and "all" (toponym place, toponym country, event location)."""
    out: dict[str, Tally] = {"all": Tally()}
    for rec in records:
        art = Article(id=rec["id"], text=rec["text"], published="2024-01-15")
        sents = parse(art)
        ctx = geo.article_context(art, sents)
        found = re.search(rf"\b{re.escape(rec['mention'])}\b", rec["text"])
        if found is None:
            raise ValueError(f"{rec['id']}: mention {rec['mention']!r} not in its text")
        m_start, m_end = found.span()
        place: Place | None = None
        location = None
        for sent in sents:
            for att in geo.places(ctx, sent):
                topo = att.resolved.toponym
                s, e = sent.tokens[topo.start].start, sent.tokens[topo.end - 1].end
                if s < m_end and m_start < e and place is None:
                    place = att.resolved.place
            anchor = [t.i for t in sent.tokens if t.text == rec["trigger"]][:1]
            if anchor:
                location = geo.locate(ctx, sent, anchor)
        ok_place = is_place(geo, place, rec["place"], rec["country"])
        ok_country = place is not None and place.country == rec["country"]
        ok_loc = is_place(geo, location, rec["place"], rec["country"])
        for tag in ("all", rec.get("tag", "other")):
            t = out.setdefault(tag, Tally())
            t.n += 1
            t.place += ok_place
            t.country += ok_country
            t.located += ok_loc
            if tag == "all" and not (ok_place and ok_loc):
                got = f"{place.name}/{place.country}" if place else "-"
                loc = f"{location.name}/{location.country}" if location else "-"
                t.misses.append(f"{rec['id']} {rec['mention']!r}: toponym {got}, located {loc}")
    return out


def evaluate_gold(
    gold_path: Path, parse: Parse, geo: Geocoder
) -> tuple[int, int, int, int, list[str]]:
    """On a gold file: (events with a gold location, of them located at that place, events
    without one, of them given no location closer than the dateline, per-event lines)."""
    with_loc = found = without = clean = 0
    lines: list[str] = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        art = Article(
            id=doc["id"], text=doc["text"], title=doc.get("title"), published=doc.get("published")
        )
        sents = parse(art)
        ctx = geo.article_context(art, sents)
        for ev in doc["events"]:
            q = ev["quote"]
            qs = doc["text"].find(q)
            if qs < 0:
                continue
            sent = next((s for s in sents if s.start <= qs < s.end), None)
            if sent is None:
                continue
            anchor = [t.i for t in sent.tokens if t.start >= qs and t.end <= qs + len(q)]
            match = geo.place(ctx, sent, anchor)
            loc = match.location if match and match.level != "dateline" else None
            gold = ev.get("location")
            if gold:
                with_loc += 1
                ok = geo.same_place(loc, gold, ctx)
                found += ok
            else:
                without += 1
                ok = loc is None
                clean += ok
            got = f"{loc.name} ({loc.precision})" if loc else "-"
            lines.append(f"{'ok' if ok else 'MISS'} {ev['cameo']:>5} gold={gold} got={got}")
    return with_loc, found, without, clean, lines


__all__ = ["Tally", "evaluate_gold", "evaluate_places", "is_place", "load_records"]
