"""Actor resolution: words in a parsed sentence → CAMEO actor codes.

The dictionaries are data (``coding/data/actors/*.yaml``, plus user files in the same format):
countries with names, demonyms, capitals and seats of power; groups and IGOs with aliases;
agents (role nouns such as "army" or "official"). The resolver finds dictionary phrases in a
sentence and composes them along the noun phrase's dependency structure:

- a country or group named by the head noun:          "Egypt" → EGY, "Hamas" → PSEGOVHMS
- a capital or seat of power standing for its government: "Cairo is ready" → EGYGOV
- an agent owned by a country or group:  "the Egyptian army" → EGYMIL,
  "Hamas' military wing" → PSEREBHMS, "members of military intelligence" (owner elsewhere) → none
- a demonym as head:                     "the Egyptians" → EGY
Coordinated noun phrases give one mention per conjunct ("Egypt and Qatar").
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
from tidings.models import Mention, ParsedSentence, Token

logger = logging.getLogger(__name__)

# Dependency labels that attach modifiers inside a noun phrase (left side, mostly).
_NP_MODIFIERS = {"compound", "amod", "poss", "det", "nmod", "case", "nummod", "flat", "quantmod"}
_STATE_PREFIXES = {"IGO", "IMG", "NGO", "NGM", "MNC", "INT", "UIS"}


def _norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'").replace("é", "e").strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary phrase and what it means."""

    code: str  # the full code the phrase is coded as when it stands alone
    kind: str  # country | demonym | capital | seat | group | region
    country: str  # first trio
    name: str
    group: str | None = None
    role: str | None = None  # a role the phrase itself carries (capital → GOV, seat_mil → MIL)


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
        self.max_len = 1
        self.sources: list[str] = []

    # -- building -----------------------------------------------------------------------
    def add_name(self, phrase: str, entry: Entry, *, case_sensitive: bool = False) -> None:
        if case_sensitive:
            key = tuple(_tokenize(phrase))
            self.exact[key] = entry
        else:
            key = tuple(_norm(w) for w in _tokenize(phrase))
            self.names[key] = entry
        self.max_len = max(self.max_len, len(key))

    def add_agent(self, phrase: str, role: str) -> None:
        key = tuple(_norm(w) for w in _tokenize(phrase))
        self.agents[key] = role
        self.max_len = max(self.max_len, len(key))

    def load_file(self, path: Path | Any, *, label: str | None = None) -> None:
        """Load one YAML dictionary file: countries, groups, regions or agents (by shape)."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read actor dictionary: {exc}", path=str(path)) from exc
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
        try:
            code = str(item["code"])
            name = str(item.get("name") or code)
        except KeyError:
            raise ConfigError(f"entry without code: {item!r}", path=where) from None
        exact = {str(a) for a in item.get("case_sensitive") or ()}
        if "group" in item or "country" in item:  # a group, IGO or party
            country = str(item.get("country") or code[:3])
            entry = Entry(code, "group", country, name, group=item.get("group"))
            for alias in [name, *(item.get("aliases") or ())]:
                self.add_name(str(alias), entry, case_sensitive=str(alias) in exact)
            return
        kind = "region" if len(code) == 3 and item.get("region") else "country"
        base = Entry(code, kind, code, name)
        for alias in [name, *(item.get("aliases") or ())]:
            self.add_name(str(alias), base, case_sensitive=str(alias) in exact)
        dem = Entry(code, "demonym", code, name)
        for d in item.get("demonyms") or ():
            self.add_name(str(d), dem, case_sensitive=str(d) in exact)
        for key, role in (("capitals", "GOV"), ("seats", "GOV"), ("seats_mil", "MIL"),
                          ("seats_leg", "LEG")):
            seat = Entry(code + role, "capital" if key == "capitals" else "seat", code, name,
                         role=role)
            for c in item.get(key) or ():
                self.add_name(str(c), seat, case_sensitive=str(c) in exact)

    # -- matching -----------------------------------------------------------------------
    def atoms(self, sent: ParsedSentence) -> list[_Atom]:
        """Longest-first, non-overlapping dictionary matches over the sentence's tokens."""
        toks = sent.tokens
        texts = [_norm(t.text) for t in toks]
        raw = [t.text.replace("’", "'") for t in toks]
        lemmas = [_norm(t.lemma) for t in toks]
        out: list[_Atom] = []
        i = 0
        n = len(toks)
        while i < n:
            found: _Atom | None = None
            for size in range(min(self.max_len, n - i), 0, -1):
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
                if entry is not None:
                    found = _Atom(i, i + size, entry=entry)
                    break
                role = self.agents.get(key_t) or self.agents.get(tuple(lemmas[i : i + size]))
                if role is not None and toks[i + size - 1].pos in ("NOUN", "PROPN", "ADJ"):
                    found = _Atom(i, i + size, role=role)
                    break
            if found is not None:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out


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
    for name in ("countries.yaml", "regions.yaml", "groups.yaml", "agents.yaml"):
        path = folder / name
        if path.is_file():
            d.load_file(path, label=f"tidings:{name}")
    return d


def load_dictionary(extra: Iterable[str | Path] = ()) -> ActorDictionary:
    """The shipped dictionaries plus user files (later files override earlier phrases)."""
    extra = [Path(p) for p in extra]
    if not extra:
        return default_dictionary()
    d = ActorDictionary()
    base = default_dictionary()
    d.names, d.exact, d.agents = dict(base.names), dict(base.exact), dict(base.agents)
    d.max_len, d.sources = base.max_len, list(base.sources)
    for p in extra:
        if not p.is_file():
            raise ConfigError("dictionary file not found", path=str(p))
        d.load_file(p)
    return d


class ActorResolver:
    """Resolves noun phrases of a parsed sentence to actor mentions."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary or default_dictionary()
        self._cache: dict[tuple[str, int], list[_Atom]] = {}

    def _atoms(self, sent: ParsedSentence) -> list[_Atom]:
        key = (sent.article_id, sent.index)
        atoms = self._cache.get(key)
        if atoms is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            atoms = self.dictionary.atoms(sent)
            self._cache[key] = atoms
        return atoms

    def mentions(self, sent: ParsedSentence) -> list[Mention]:
        """Every resolvable actor mention in the sentence, one per noun-phrase head."""
        heads: list[int] = []
        for atom in self._atoms(sent):
            h = _phrase_head(sent, atom.start, atom.end)
            # climb to the noun the atom modifies ("Egyptian" → "army")
            tok = sent.tokens[h]
            while tok.dep in ("amod", "compound", "poss", "nmod", "flat") and tok.head != tok.i:
                tok = sent.tokens[tok.head]
            if tok.i not in heads:
                heads.append(tok.i)
        out: list[Mention] = []
        for h in sorted(heads):
            m = self.resolve(sent, h, follow_conj=False)
            out.extend(m)
        return out

    def resolve(self, sent: ParsedSentence, head: int, *, follow_conj: bool = True) -> list[Mention]:
        """Mentions for the noun phrase headed by token ``head`` (one per conjunct)."""
        heads = [head]
        if follow_conj:
            heads += _conjuncts(sent, head)
        out = []
        for h in heads:
            m = self._resolve_one(sent, h)
            if m is not None:
                out.append(m)
        return out

    def _resolve_one(self, sent: ParsedSentence, head: int) -> Mention | None:
        toks = sent.tokens
        span = _np_span(sent, head)
        atoms = [a for a in self._atoms(sent) if a.start >= span[0] and a.end <= span[1]]
        head_atom = next((a for a in atoms if a.start <= head < a.end), None)
        # "members of military intelligence", "a delegation of X", "one of its leaders"
        of_obj = _of_object(sent, head)
        if head_atom is None and of_obj is not None and toks[head].lemma.lower() in _PARTITIVES:
            inner = self._resolve_one(sent, of_obj)
            if inner is not None:
                return _mention(sent, span[0], max(span[1], inner.token_end), head, inner.code,
                                inner.rule + "+partitive", inner.actor_name)
        if head_atom is not None and head_atom.entry is not None:
            e = head_atom.entry
            owner = _owner(sent, atoms, head_atom)
            if e.kind in ("capital", "seat"):
                return _mention(sent, *span, head, e.code, f"{e.kind}-metonym", e.name)
            if owner is not None and e.kind == "group" and owner.entry is not None:
                pass  # "Gaza Salafists"-style qualifiers do not change a named group
            rule = {"country": "country", "region": "region", "group": "group",
                    "demonym": "demonym"}[e.kind]
            return _mention(sent, *span, head, e.code, rule, e.name)
        if head_atom is not None and head_atom.role is not None:
            role = head_atom.role
            owner = _owner(sent, atoms, head_atom)
            if owner is None and of_obj is not None:
                inner = [a for a in self._atoms(sent) if a.entry is not None]
                sub = _np_span(sent, of_obj)
                owner = next((a for a in inner if a.start >= sub[0] and a.end <= sub[1]), None)
                if owner is not None:
                    span = (span[0], max(span[1], sub[1]))
            if owner is None or owner.entry is None:
                return None  # an agent with no owner: left to coreference
            code = compose(owner.entry, role)
            return _mention(sent, *span, head, code, f"{owner.entry.kind}+agent", owner.entry.name)
        return None


_PARTITIVES = {"member", "one", "some", "delegation", "representative", "group", "unit", "team",
               "head", "chief", "leader", "spokesman", "spokeswoman", "envoy"}


def compose(owner: Entry, role: str) -> str:
    """The code of an agent (role) that belongs to a country or group."""
    if owner.kind == "group":
        if owner.country in _STATE_PREFIXES or role == "GOV" or not owner.group:
            return owner.code
        role = "REB" if role in ("MIL", "REB") else role
        return f"{owner.country}{role}{owner.group}"
    return owner.country + role


def _mention(
    sent: ParsedSentence, start: int, end: int, head: int, code: str, rule: str, name: str
) -> Mention:
    toks = sent.tokens
    # trim leading determiners and trailing punctuation from the evidence span
    while start < end - 1 and toks[start].pos in ("DET", "PUNCT", "CCONJ"):
        start += 1
    while end - 1 > start and toks[end - 1].pos in ("PUNCT", "PART"):
        end -= 1
    return Mention(
        text=sent.span_text(start, end),
        start=toks[start].start,
        end=toks[end - 1].end,
        sentence_index=sent.index,
        token_start=start,
        token_end=end,
        head=head,
        code=code,
        rule=rule,
        actor_name=name,
    )


def _phrase_head(sent: ParsedSentence, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside the span."""
    for t in sent.tokens[start:end]:
        if not (start <= t.head < end) or t.head == t.i:
            return t.i
    return end - 1


def _np_span(sent: ParsedSentence, head: int) -> tuple[int, int]:
    """Token span of the noun phrase headed by ``head``: the head and its NP modifiers."""
    keep = {head}
    frontier = [head]
    while frontier:
        cur = frontier.pop()
        for c in sent.children(cur):
            if c.dep in _NP_MODIFIERS and c.i not in keep:
                keep.add(c.i)
                frontier.append(c.i)
    return min(keep), max(keep) + 1


def _owner(sent: ParsedSentence, atoms: list[_Atom], head_atom: _Atom) -> _Atom | None:
    """The named actor among the modifiers of the head phrase (nearest to the head)."""
    before = [a for a in atoms if a is not head_atom and a.entry is not None]
    if not before:
        return None
    return min(before, key=lambda a: abs(a.start - head_atom.start))


def _of_object(sent: ParsedSentence, head: int) -> int | None:
    for c in sent.children(head):
        if c.dep == "prep" and c.text.lower() == "of":
            for g in sent.children(c.i):
                if g.dep == "pobj":
                    return g.i
    return None


def _conjuncts(sent: ParsedSentence, head: int) -> list[int]:
    out: list[int] = []
    frontier = [head]
    while frontier:
        cur = frontier.pop()
        for c in sent.children(cur):
            if c.dep == "conj" and c.pos in ("NOUN", "PROPN") and c.i not in out:
                out.append(c.i)
                frontier.append(c.i)
    return sorted(out)
