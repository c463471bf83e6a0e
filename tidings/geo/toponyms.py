"""Toponyms in a parsed sentence, and which gazetteer place each one names.

Candidates are entity spans tagged GPE/LOC/FAC and capitalised proper-noun runs outside other
entities; a span matches the gazetteer as a whole, or through a sub-span when the rest of the span
is place vocabulary ("Rafah crossing", "the Sinai-Gaza border"), never through a person's or an
organisation's name ("Breitbart Jerusalem", "Welayat Sinai"). Demonyms are not places.

Resolution scores each candidate place: its prior (size and kind), minus a little for a match on an
alternate name, plus the weight of its countries in the article's context, plus a large bonus when
the text qualifies the name ("Paris, Texas", "Tripoli, Lebanon").
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tidings.geo.gazetteer import Candidate, Gazetteer, Place, name_key, prior
from tidings.models import ParsedSentence, Token

logger = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset(
    {"PERSON", "NORP", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
)
# words that may sit next to a place name inside a place span without making it another thing
PLACE_WORDS = frozenset(
    [
        "border",
        "borders",
        "crossing",
        "crossings",
        "city",
        "town",
        "village",
        "province",
        "region",
        "district",
        "state",
        "county",
        "governorate",
        "area",
        "areas",
        "camp",
        "refugee",
        "valley",
        "river",
        "sea",
        "coast",
        "port",
        "harbour",
        "harbor",
        "island",
        "islands",
        "peninsula",
        "desert",
        "mountains",
        "mountain",
        "hills",
        "strait",
        "gulf",
        "bay",
        "lake",
        "airport",
        "base",
        "outskirts",
        "suburb",
        "suburbs",
        "capital",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "old",
        "new",
        "frontier",
        "checkpoint",
        "corridor",
        "enclave",
        "zone",
        "front",
        "line",
    ]
)
SKIP_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "god",
        "allah",
    ]
)
CONNECTORS = frozenset({"-", "–", "the", "of", "and", "'s", "’s", "'", "’"})
ALIAS_PENALTY = 1.0
CONTEXT_BONUS = 3.0
QUALIFIER_BONUS = 10.0
MIN_BARE_PRIOR = 5.0
NUMERIC_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP_DEMONYM"}
)
SLOT_PREPS = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "inside",
        "outside",
        "across",
        "around",
        "through",
        "toward",
        "towards",
        "of",
    ]
)
SLOT_VERBS = frozenset(
    [
        "enter",
        "invade",
        "attack",
        "bomb",
        "shell",
        "strike",
        "hit",
        "raid",
        "storm",
        "occupy",
        "seize",
        "capture",
        "besiege",
        "visit",
        "reach",
        "leave",
        "flee",
        "cross",
        "overrun",
        "liberate",
        "retake",
        "retook",
        "recapture",
        "annex",
    ]
)  # a proper-noun run outside any place entity needs a sizeable place


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in a sentence: tokens [start, end) and the places it may name."""

    start: int
    end: int
    text: str
    label: str  # the entity label, or "PROPN" for an untagged proper-noun run
    candidates: tuple[Candidate, ...]

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A toponym and the place chosen for it."""

    toponym: Toponym
    place: Place
    score: float
    margin: float  # score lead over the runner-up (inf when alone)


def _is_cap(tok: Token) -> bool:
    return bool(tok.text[:1].isupper())


def _span_candidates(
    sent: ParsedSentence, gaz: Gazetteer, start: int, end: int
) -> list[tuple[int, int, list[Candidate]]]:
    """Gazetteer matches inside tokens [start, end): the whole span, else the longest sub-spans
    whose leftover tokens are all place vocabulary, connectors or other matches."""
    toks = sent.tokens
    while start < end and toks[start].lower in ("the", "'s", "’s"):
        start += 1
    if start >= end:
        return []
    whole = gaz.lookup(sent.span_text(start, end))
    if whole:
        return [(start, end, whole)]
    found: list[tuple[int, int, list[Candidate]]] = []
    covered: set[int] = set()
    width = min(5, end - start)
    for w in range(width, 0, -1):
        for i in range(start, end - w + 1):
            if covered.intersection(range(i, i + w)):
                continue
            if not _is_cap(toks[i]) or toks[i].lower in SKIP_WORDS:
                continue
            cands = gaz.lookup(sent.span_text(i, i + w))
            if cands:
                found.append((i, i + w, cands))
                covered.update(range(i, i + w))
    rest = [
        toks[i]
        for i in range(start, end)
        if i not in covered and toks[i].lower not in CONNECTORS and toks[i].pos != "PUNCT"
    ]
    if any(t.lower not in PLACE_WORDS for t in rest):
        return []
    return sorted(found)


def _in_place_slot(sent: ParsedSentence, start: int, end: int) -> bool:
    """Whether tokens [start, end) sit where a place goes: object of a locative preposition or of
    a verb of movement or attack."""
    toks = sent.tokens
    head = next(
        (i for i in range(start, end) if not (start <= toks[i].head < end) or toks[i].head == i),
        start,
    )
    tok = toks[head]
    parent = toks[tok.head]
    if tok.dep in ("compound", "poss") and parent.lower in PLACE_WORDS:
        return True  # "the Rafah crossing", "Mogadishu's outskirts"
    if tok.dep == "pobj":
        return parent.lower in SLOT_PREPS
    if tok.dep == "dobj":
        return parent.lemma.lower() in SLOT_VERBS or parent.lower in SLOT_VERBS
    return False


def find_toponyms(sent: ParsedSentence, gaz: Gazetteer) -> list[Toponym]:
    """Every place name in the sentence with its candidate places (no context applied yet)."""
    out: list[Toponym] = []
    in_entity: set[int] = set()
    for ent in sent.entities:
        in_entity.update(range(ent.start, ent.end))
        if ent.label in PLACE_LABELS:
            for s, e, cands in _span_candidates(sent, gaz, ent.start, ent.end):
                out.append(Toponym(s, e, sent.span_text(s, e), ent.label, tuple(cands)))
        elif ent.label not in NUMERIC_LABELS:
            # a mislabelled place ("Sanaa" as PERSON, "Tunis" as LANGUAGE): the whole entity is a
            # project region or country, or a sizeable city in a place slot ("in Aleppo")
            if gaz.demonyms.get(name_key(ent.text)):
                continue
            slot = _in_place_slot(sent, ent.start, ent.end)
            end = ent.end  # "Darien" tagged PERSON, "Gap" left outside
            cut = next(
                (k for k in range(ent.start + 1, ent.end) if sent.tokens[k].pos == "ADP"), None
            )
            if cut is not None:  # "Colombo on Easter Sunday" tagged as one WORK_OF_ART
                end = cut
                slot = _in_place_slot(sent, ent.start, cut)
            while (
                end < len(sent.tokens) and sent.tokens[end].pos == "PROPN" and end - ent.start < 5
            ):
                end += 1
            for stop in sorted({end, ent.end}, reverse=True):
                text = sent.span_text(ent.start, stop)
                cands = [
                    c
                    for c in gaz.lookup(text)
                    if (c.primary or slot)
                    and (not c.place.id.startswith("city:") or (slot and prior(c.place) >= 4.5))
                ]
                if cands:
                    out.append(Toponym(ent.start, stop, text, ent.label, tuple(cands)))
                    in_entity.update(range(ent.start, stop))
                    break
    # proper-noun runs outside entities
    i, toks = 0, sent.tokens
    ordinal = {k for e in sent.entities if e.label == "ORDINAL" for k in range(e.start, e.end)}
    while i < len(toks):
        opener = (
            i in ordinal and _is_cap(toks[i]) and i + 1 < len(toks) and toks[i + 1].pos == "PROPN"
        )
        if not opener and (i in in_entity or toks[i].pos != "PROPN" or not _is_cap(toks[i])):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j not in in_entity and toks[j].pos == "PROPN":
            j += 1
        for s, e, cands in _span_candidates(sent, gaz, i, j):
            if toks[s].lower in SKIP_WORDS:
                continue
            big = [c for c in cands if prior(c.place) >= MIN_BARE_PRIOR]
            if big:
                out.append(Toponym(s, e, sent.span_text(s, e), "PROPN", tuple(big)))
        i = j
    out.sort(key=lambda t: t.start)
    return out


def demonym_countries(sent: ParsedSentence, gaz: Gazetteer) -> list[str]:
    """Countries named by demonyms in the sentence ("Egyptian" → EGY): context, not places."""
    out = []
    for tok in sent.tokens:
        if _is_cap(tok):
            code = gaz.demonyms.get(name_key(tok.text))
            if code:
                out.append(code)
    return out


def qualifier_places(sent: ParsedSentence, topo: Toponym, gaz: Gazetteer) -> list[Place]:
    """Places that qualify a name right after it: "Paris, Texas", "Tripoli (Lebanon)"."""
    toks = sent.tokens
    k = topo.end
    if k < len(toks) and toks[k].text in (",", "("):
        k += 1
    else:
        return []
    j = k
    while j < len(toks) and _is_cap(toks[j]) and j - k < 4:
        j += 1
    places: list[Place] = []
    while j > k and not places:
        places = [c.place for c in gaz.lookup(sent.span_text(k, j)) if c.primary or j - k > 1]
        j -= 1
    return [p for p in places if p.kind != "city"]


def _within(place: Place, qualifier: Place, us_states: Mapping[str, str]) -> bool:
    if qualifier.kind == "country":
        return place.country == qualifier.country
    if place.country != qualifier.country:
        return False
    code = us_states.get(name_key(qualifier.name.split(" (")[0]))
    return code is None or place.admin1 == code


def resolve(
    topo: Toponym,
    context: Mapping[str, float],
    qualifiers: Iterable[Place] = (),
    us_states: Mapping[str, str] | None = None,
) -> Resolved | None:
    """Choose the place a toponym names. ``context``: country code → weight in [0, 1]."""
    quals = [q for q in qualifiers]
    key = name_key(topo.text)
    scored: list[tuple[float, Place]] = []
    for cand in topo.candidates:
        place = cand.place
        weight = max((context.get(c, 0.0) for c in place.countries), default=0.0)
        if key in place.context_only and weight <= 0.0:
            continue
        # the project table's aliases are curated: only the cities' alternate names cost
        curated = cand.primary or not place.id.startswith("city:")
        score = prior(place) - (0.0 if curated else ALIAS_PENALTY) + CONTEXT_BONUS * weight
        if any(_within(place, q, us_states or {}) for q in quals):
            score += QUALIFIER_BONUS
        scored.append((score, place))
    if not scored:
        return None
    scored.sort(key=lambda sp: (-sp[0], sp[1].id))
    best, place = scored[0]
    margin = best - scored[1][0] if len(scored) > 1 else float("inf")
    return Resolved(topo, place, best, margin)


__all__ = [
    "PLACE_LABELS",
    "PLACE_WORDS",
    "Resolved",
    "Toponym",
    "demonym_countries",
    "find_toponyms",
    "qualifier_places",
    "resolve",
]
