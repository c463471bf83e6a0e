"""Actor dictionaries: phrases → CAMEO actors, and matching them over a parsed sentence.

The dictionaries are data (``coding/data/actors/*.yaml``, plus user files in the same format):
countries with names, demonyms, capitals and seats of power; groups and IGOs with aliases;
agents (role nouns such as "army" or "official"). ``ActorDictionary.atoms`` finds
dictionary phrases in a sentence; ``tidings.coding.resolver`` composes them into mentions.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tidings.errors import ConfigError
from tidings.models import ParsedSentence, Token

logger = logging.getLogger(__name__)

# Dependency labels that attach modifiers inside a noun phrase (left side, mostly).
_NP_MODIFIERS = {"compound", "amod", "poss", "det", "nmod", "case", "nummod", "flat", "quantmod"}
_STATE_PREFIXES = {"IGO", "IMG", "NGO", "NGM", "MNC", "INT", "UIS"}


def _norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'").replace("é", "e").strip()


# prefixes that make a country word a stance: "pro-Russian", "anti-Western"
STANCE_PREFIXES = {"pro", "anti", "non"}
# role nouns that are also everyday adjectives: "a general election", "the general strike"
ADJECTIVE_NOT_ROLE = {"general"}
# roles of a state's own office holders (people.yaml terms): out of office they count as ELI
STATE_OFFICES = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "ELI"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary phrase and what it means."""

    code: str  # the full code the phrase is coded as when it stands alone ("" = none)
    kind: str  # country | demonym | capital | seat | group | region | person | place
    country: str  # first trio
    name: str
    group: str | None = None
    role: str | None = None  # a role the phrase itself carries (capital → GOV, seat_mil → MIL)
    # dated codes (code, start, end) with ISO dates or None: an office holder is coded by the
    # office only while holding it; outside every term the default ``code`` applies.
    terms: tuple[tuple[str, str | None, str | None], ...] = ()

    def code_on(self, date: str | None) -> str:
        """The code on ``date`` (ISO, may be partial); without a date, the open-ended term."""
        for code, start, end in self.terms:
            if date is None:
                if end is None:
                    return code
                continue
            d = date[:10]
            if (start is None or start[: len(d)] <= d) and (end is None or d <= end):
                return code
        if not self.code and self.kind == "person":
            # a former office holder is still one of the country's political elite ("Obama
            # said" in 2024 → USAELI), as CAMEO codes them; not before the first office (an
            # undated text is read as told after every term that has ended)
            past = {c[:3] for c, _, end in self.terms
                    if end is not None and (date is None or end < date[:10])}
            if len(past) == 1 and all(len(c) == 6 and c[3:] in STATE_OFFICES
                                      for c, _, _ in self.terms):
                return past.pop() + "ELI"
        return self.code


@dataclass(frozen=True, slots=True)
class _Atom:
    start: int  # token span [start, end)
    end: int
    entry: Entry | None = None  # a named actor
    role: str | None = None  # or an agent role


class ActorDictionary:
    """Phrase tables for named actors (case-insensitive and case-sensitive) and agents."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], Entry] = {}
        self.exact: dict[tuple[str, ...], Entry] = {}
        self.agents: dict[tuple[str, ...], str] = {}
        # phrases whose last word is a stem ("ARGENTIN" matches Argentina, Argentine)
        self.stems: dict[tuple[str, ...], Entry] = {}
        self.max_len = 1
        # first word → phrase lengths starting with it (matching tries only those)
        self._lengths: dict[str, tuple[int, ...]] | None = None
        self.sources: list[str] = []
        self.regions: set[str] = set()  # codes of regions ("EAF"), whose demonyms name no state

    # -- building
    def add_name(self, phrase: str, entry: Entry, *, case_sensitive: bool = False) -> None:
        if case_sensitive:
            key = tuple(_tokenize(phrase))
            self.exact[key] = entry
        else:
            key = tuple(_norm(w) for w in _tokenize(phrase))
            self.names[key] = entry
        self.max_len = max(self.max_len, len(key))
        self._lengths = None

    def add_stem(self, phrase: str, entry: Entry) -> None:
        key = tuple(_norm(w) for w in _tokenize(phrase))
        self.stems[key] = entry
        self.max_len = max(self.max_len, len(key))
        self._lengths = None

    def add_agent(self, phrase: str, role: str) -> None:
        key = tuple(_norm(w) for w in _tokenize(phrase))
        self.agents[key] = role
        self.max_len = max(self.max_len, len(key))
        self._lengths = None

    def load_file(self, path: Path | Any, *, label: str | None = None) -> None:
        """Load one dictionary file: tidings YAML (countries, groups, regions, people or agents,
        told apart by shape) or a PETRARCH-2 actors/agents text file (told by its syntax)."""
        from tidings.coding import petrarch

        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise ConfigError(f"cannot read actor dictionary: {exc}", path=str(path)) from exc
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            data = exc
        if not isinstance(data, list) and petrarch.looks_like_petrarch(text):
            petrarch.load_into(self, text, str(path))
            self.sources.append(label or str(path))
            return
        if isinstance(data, yaml.YAMLError):
            raise ConfigError(f"cannot read actor dictionary: {data}", path=str(path))
        if not isinstance(data, list):
            raise ConfigError("an actor dictionary is a YAML list of entries", path=str(path))
        for item in data:
            if not isinstance(item, dict):
                raise ConfigError(f"entry is not a mapping: {item!r}", path=str(path))
            self._load_entry(item, str(path))
        self.sources.append(label or str(path))

    def _load_entry(self, item: dict[str, Any], where: str) -> None:
        if "role" in item and "words" in item:
            for w in item["words"]:
                self.add_agent(str(w), str(item["role"]))
            return
        exact = {str(a) for a in item.get("case_sensitive") or ()}
        if "terms" not in item and "code" not in item:
            raise ConfigError(f"entry without code: {item!r}", path=where)
        code = str(item.get("code") or "")
        name = str(item.get("name") or code)
        if "terms" in item:  # a person: office holder with dated codes
            terms = tuple((str(t["code"]), _date(t.get("start")), _date(t.get("end")))
                          for t in item["terms"])
            person = Entry(str(item.get("code") or ""), "person", terms[0][0][:3] if terms else "",
                           name, terms=terms)
            for alias in [name, *(item.get("aliases") or ())]:
                self._add_person(str(alias), person)
            return
        if "group" in item or "country" in item:  # a group, IGO or party
            country = str(item.get("country") or code[:3])
            entry = Entry(code, "group", country, name, group=item.get("group"))
            for alias in [name, *(item.get("aliases") or ())]:
                self.add_name(str(alias), entry, case_sensitive=str(alias) in exact)
            return
        kind = "region" if len(code) == 3 and item.get("region") else "country"
        if kind == "region":
            self.regions.add(code)
        if item.get("place"):
            if code:
                raise ConfigError(f"a place entry names no actor, so it takes no code: {item!r}",
                                  path=where)
            kind = "place"  # a known place name that is no actor (places.yaml)
        base = Entry(code, kind, code, name)
        for alias in [name, *(item.get("aliases") or ())]:
            self.add_name(str(alias), base, case_sensitive=str(alias) in exact)
        dem = Entry(code, "demonym", code, name)
        for d in item.get("demonyms") or ():
            self.add_name(str(d), dem, case_sensitive=str(d) in exact)
        for key, role in (
            ("capitals", "GOV"),
            ("seats", "GOV"),
            ("seats_mil", "MIL"),
            ("seats_leg", "LEG"),
        ):
            seat = Entry(
                code + role, "capital" if key == "capitals" else "seat", code, name, role=role
            )
            for c in item.get(key) or ():
                self.add_name(str(c), seat, case_sensitive=str(c) in exact)

    def country_of_place(self, place: str) -> str | None:
        """The country a place name stands for ("NAIROBI" → KEN, "GOMA, Congo" → COD), from
        the country, capital and seat names of the dictionaries; None when unknown."""
        for part in reversed([p for p in place.split(",") if p.strip()]):
            key = tuple(_norm(w) for w in _tokenize(part))
            entry = self.names.get(key)
            if entry is not None and entry.kind in ("country", "capital", "seat") and \
                    entry.country[:3].isalpha() and len(entry.country) == 3:
                return entry.country
        return None

    def _add_person(self, phrase: str, person: Entry) -> None:
        """People sharing a name in different periods (the two Bushes) are merged by date."""
        key = tuple(_norm(w) for w in _tokenize(phrase))
        old = self.names.get(key)
        if old is not None and old.kind == "person" and old.name != person.name:
            person = Entry(person.code or old.code, "person", person.country,
                           f"{old.name} / {person.name}", terms=old.terms + person.terms)
        self.names[key] = person
        self.max_len = max(self.max_len, len(key))
        self._lengths = None

    # -- matching
    def atoms(self, sent: ParsedSentence) -> list[_Atom]:
        """Longest-first, non-overlapping dictionary matches over the sentence's tokens."""
        toks = sent.tokens
        texts = [_norm(t.text) for t in toks]
        raw = [t.text.replace("’", "'") for t in toks]
        lemmas = [_norm(t.lemma) for t in toks]
        out: list[_Atom] = []
        i = 0
        n = len(toks)
        lengths = self._length_index()
        stem_sizes = range(min(self.max_len, n), 0, -1) if self.stems else range(0)
        def match_at(i: int) -> _Atom | None:
            sizes = set(lengths.get(texts[i], ())) | set(lengths.get(lemmas[i], ()))
            sizes |= set(lengths.get(raw[i].lower(), ()))
            sizes |= set(lengths.get(_singular((texts[i],))[0], ()))
            if self.stems:
                sizes |= set(stem_sizes)
            for size in sorted((s for s in sizes if s <= n - i), reverse=True):
                key_t = tuple(texts[i : i + size])
                key_r = tuple(raw[i : i + size])
                entry = self.exact.get(key_r)
                if entry is None and _propn_like(toks[i : i + size]):
                    entry = self.names.get(key_t)
                elif entry is None:
                    cand = self.names.get(key_t)
                    # lower-case common words only match as demonyms ("egyptian" adjectives)
                    if cand is not None and cand.kind == "demonym":
                        entry = cand
                if entry is None and self.stems and _propn_like(toks[i : i + size]):
                    entry = self._stem_match(key_t)
                if entry is not None:
                    return _Atom(i, i + size, entry=entry)
                role = (self.agents.get(key_t) or self.agents.get(tuple(lemmas[i : i + size]))
                        or self.agents.get(_singular(key_t)))
                last = toks[i + size - 1]
                if role is not None and last.pos in ("NOUN", "PROPN", "ADJ") and not (
                        size == 1 and last.pos == "ADJ" and last.lower in ADJECTIVE_NOT_ROLE):
                    return _Atom(i, i + size, role=role)
            return None

        while i < n:
            if i >= 2 and texts[i - 1] == "-" and texts[i - 2] in STANCE_PREFIXES:
                i += 1  # "pro-Russian separatists", "anti-American protests": a stance, no owner
                continue
            found = match_at(i)
            if found is not None and texts[i] == "the" and any(
                    (later := match_at(j)) is not None and later.end > found.end
                    and later.entry is not None for j in range(i + 1, found.end)):
                # a name begun inside an article-led one reaches further: "the West Bank" is
                # not "the West" and a bank
                i += 1
                continue
            if found is not None:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out

    def _length_index(self) -> dict[str, tuple[int, ...]]:
        if self._lengths is None:
            index: dict[str, set[int]] = {}
            for table in (self.names, self.agents, self.stems):
                for key in table:
                    if key:
                        index.setdefault(key[0], set()).add(len(key))
            for key in self.exact:
                if key:
                    index.setdefault(key[0].lower(), set()).add(len(key))
            # plural agent phrases are looked up singularised: index their first word as is
            self._lengths = {k: tuple(sorted(v, reverse=True)) for k, v in index.items()}
        return self._lengths

    def _stem_match(self, words: tuple[str, ...]) -> Entry | None:
        head, last = words[:-1], words[-1]
        for k in range(len(last), 2, -1):
            entry = self.stems.get((*head, last[:k]))
            if entry is not None:
                return entry
        return None


def roles_of(code: str) -> set[str]:
    """The three-letter chunks after an actor code's country ("PSEGOVHMS" → GOV, HMS)."""
    return {code[k:k + 3] for k in range(3, len(code), 3)}


def _date(v: Any) -> str | None:
    return None if v in (None, "") else str(v)[:10]


def _singular(words: tuple[str, ...]) -> tuple[str, ...]:
    """The phrase with its last word made singular the simple way ("salafists")."""
    last = words[-1] if words else ""
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return (*words[:-1], last)


def _propn_like(toks: Iterable[Token]) -> bool:
    """Names match when capitalised or tagged as proper nouns (guards 'chad', 'turkey')."""
    toks = list(toks)
    return any(t.text[:1].isupper() or t.pos == "PROPN" for t in toks)


def _tokenize(phrase: str) -> list[str]:
    """Split a dictionary phrase the way spaCy's English tokenizer splits simple names."""
    out: list[str] = []
    for word in phrase.replace("’", "'").split():
        if word.endswith("'s") and len(word) > 2:
            out.extend([word[:-2], "'s"])
        elif "-" in word and not word.startswith("-") and not word.endswith("-"):
            parts = word.split("-")
            for k, p in enumerate(parts):
                if k:
                    out.append("-")
                out.append(p)
        else:
            out.append(word)
    return out


@functools.cache
def default_dictionary() -> ActorDictionary:
    """The dictionaries shipped with tidings."""
    d = ActorDictionary()
    folder = resources.files("tidings.coding") / "data" / "actors"
    for name in ("countries.yaml", "regions.yaml", "places.yaml", "groups.yaml", "people.yaml",
                 "agents.yaml"):
        path = folder / name
        if path.is_file():
            d.load_file(path, label=f"tidings:{name}")
    return d


def load_dictionary(extra: Iterable[str | Path] = ()) -> ActorDictionary:
    """The shipped dictionaries plus user files (later files override earlier phrases)."""
    paths = [Path(p) for p in extra]
    if not paths:
        return default_dictionary()
    d = ActorDictionary()
    base = default_dictionary()
    d.names, d.exact, d.agents = dict(base.names), dict(base.exact), dict(base.agents)
    d.max_len, d.sources = base.max_len, list(base.sources)
    for p in paths:
        if not p.is_file():
            raise ConfigError("dictionary file not found", path=str(p))
        d.load_file(p)
    return d


