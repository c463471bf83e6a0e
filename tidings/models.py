"""Plain frozen records that cross stage boundaries.

Every stage takes and returns these records and nothing else: no spaCy objects, no lxml trees.
They serialise to plain dicts (``to_dict``) for JSON Lines, CSV, Parquet and worker transport.
Character offsets are always offsets into ``Article.text`` (the cleaned article text).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal[
    "asserted", "negated", "denied", "claimed", "planned", "conditional", "hypothetical"
]
STATUSES: tuple[str, ...] = (
    "asserted",
    "negated",
    "denied",
    "claimed",
    "planned",
    "conditional",
    "hypothetical",
)
# Where two statuses apply the stronger wins (ANNOTATION.md): earlier in this tuple is stronger.
STATUS_STRENGTH: tuple[str, ...] = (
    "denied",
    "negated",
    "conditional",
    "hypothetical",
    "planned",
    "claimed",
    "asserted",
)


def to_dict(record: Any) -> Any:
    """A record (or a tuple/list of records) as plain JSON-ready Python values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)
                if not f.name.startswith("_")}
    if isinstance(record, (list, tuple)):
        return [to_dict(r) for r in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after ingest: the text that is parsed and that all offsets index."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None  # file path, URL or "<stdin>" the article came from
    language: str | None = None
    dateline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed sentence. ``head`` and ``i`` index ``ParsedSentence.tokens``."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int
    end: int
    ent_type: str = ""
    ent_iob: str = "O"
    morph: str = ""
    ws: bool = True  # followed by whitespace

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named entity over tokens [start, end) of a sentence."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """One sentence with its tokens, dependency parse and entities (no spaCy objects).

    A sentence the parse filter skipped has no tokens and no entities (``parsed`` is False);
    its text and offsets are kept, so the article's sentences still cover its whole text."""

    article_id: str
    index: int
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    entities: tuple[EntitySpan, ...] = ()
    # children per token, built on first use (the coder asks tens of times per sentence)
    _kids: tuple[tuple[Token, ...], ...] | None = field(
        default=None, init=False, compare=False, repr=False)
    # ``to_json()``, made once (in the worker process that parsed it, when it is pickled)
    _json: str | None = field(default=None, init=False, compare=False, repr=False)

    def children(self, i: int) -> list[Token]:
        kids = self._kids
        if kids is None:
            table: list[list[Token]] = [[] for _ in self.tokens]
            for t in self.tokens:
                if t.head != t.i and 0 <= t.head < len(table):
                    table[t.head].append(t)
            kids = tuple(tuple(k) for k in table)
            object.__setattr__(self, "_kids", kids)
        return list(kids[i])

    def subtree(self, i: int) -> list[Token]:
        """Token ``i`` and everything that depends on it, in sentence order."""
        keep = {i}
        changed = True
        while changed:
            changed = False
            for t in self.tokens:
                if t.i not in keep and t.head in keep and t.head != t.i:
                    keep.add(t.i)
                    changed = True
        return [t for t in self.tokens if t.i in keep]

    def ancestors(self, i: int) -> list[Token]:
        """Heads of token ``i`` from the nearest up to the root."""
        out: list[Token] = []
        seen = {i}
        cur = self.tokens[i]
        while cur.head != cur.i and cur.head not in seen:
            seen.add(cur.head)
            cur = self.tokens[cur.head]
            out.append(cur)
        return out

    def span_text(self, start_tok: int, end_tok: int) -> str:
        """Text of tokens [start_tok, end_tok) as written."""
        toks = self.tokens[start_tok:end_tok]
        if not toks:
            return ""
        return self.text[toks[0].start - self.start : toks[-1].end - self.start]

    @property
    def parsed(self) -> bool:
        """False for a sentence kept as text only (the ``parse_filter`` setting skips sentences
        that cannot hold an event): no tokens, no entities, offsets and text as usual."""
        return bool(self.tokens)

    def to_dict(self) -> dict[str, Any]:
        # written out field by field: the generic ``to_dict`` costs 8x more per token, and the
        # store serialises every sentence of every article
        return {
            "article_id": self.article_id, "index": self.index, "text": self.text,
            "start": self.start, "end": self.end,
            "tokens": [{"i": t.i, "text": t.text, "lemma": t.lemma, "pos": t.pos, "tag": t.tag,
                        "dep": t.dep, "head": t.head, "start": t.start, "end": t.end,
                        "ent_type": t.ent_type, "ent_iob": t.ent_iob, "morph": t.morph,
                        "ws": t.ws} for t in self.tokens],
            "entities": [{"label": e.label, "start": e.start, "end": e.end, "text": e.text}
                         for e in self.entities],
        }

    def to_json(self) -> str:
        """``to_dict()`` as JSON text (what the store keeps), made once per sentence."""
        text = self._json
        if text is None:
            text = json.dumps(self.to_dict(), ensure_ascii=False)
            object.__setattr__(self, "_json", text)
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as plain tuples (worker processes ship every parse back): half the time of
        # the default slotted-dataclass state per token, both ways; with the JSON text the
        # store writes, made here, on the worker's core, not in the process that stores
        return (_unpack_sentence, (
            self.article_id, self.index, self.text, self.start, self.end,
            tuple((t.i, t.text, t.lemma, t.pos, t.tag, t.dep, t.head, t.start, t.end,
                   t.ent_type, t.ent_iob, t.morph, t.ws) for t in self.tokens),
            tuple((e.label, e.start, e.end, e.text) for e in self.entities),
            self.to_json()))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedSentence:
        return cls(
            article_id=data["article_id"],
            index=data["index"],
            text=data["text"],
            start=data["start"],
            end=data["end"],
            tokens=tuple(Token(**t) for t in data["tokens"]),
            entities=tuple(EntitySpan(**e) for e in data.get("entities", ())),
        )


def _unpack_sentence(article_id: str, index: int, text: str, start: int, end: int,
                     tokens: tuple[tuple[Any, ...], ...],
                     entities: tuple[tuple[Any, ...], ...],
                     json_text: str | None = None) -> ParsedSentence:
    """``ParsedSentence.__reduce__``'s inverse."""
    sent = ParsedSentence(article_id, index, text, start, end,
                          tuple(Token(*t) for t in tokens),
                          tuple(EntitySpan(*e) for e in entities))
    if json_text is not None:
        object.__setattr__(sent, "_json", json_text)
    return sent


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as the dictionaries know it: a CAMEO code and its parts."""

    code: str
    name: str
    country: str | None = None  # three-letter country or international code (IGO, IMG ...)
    roles: tuple[str, ...] = ()  # role codes (GOV, MIL, ...)
    group: str | None = None  # known-group code (HMS, ISI ...)


@dataclass(frozen=True, slots=True)
class Mention:
    """Words in a sentence that name an actor, with the rule that resolved them."""

    text: str
    start: int  # char offsets into the article text
    end: int
    sentence_index: int
    token_start: int  # token offsets into the sentence [token_start, token_end)
    token_end: int
    head: int  # the token that heads the mention
    code: str
    rule: str  # e.g. "country", "demonym+agent", "capital-metonym", "coref:pronoun"
    actor_name: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An event participant: the words as written and the CAMEO actor code."""

    text: str
    code: str | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Plover:
    type: str | None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # city / region / country / dateline


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: the contract every output format derives from (see DESIGN.md)."""

    article_id: str
    event_id: str
    sentence_index: int
    sentence: str
    source: ActorRef
    target: ActorRef | None
    cameo: str
    cameo_root: str
    cameo_name: str
    goldstein: float | None
    quad_class: int
    plover: Plover | None
    status: str
    condition: Span | None
    claimant: ActorRef | None
    trigger: Span
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    coder: str = ""
    evidence: tuple[Span, ...] = field(default_factory=tuple)  # every mention, when merged

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document or record that could not be processed, and why. Stored, never raised."""

    origin: str  # file path, URL, "<stdin>:LINE"
    stage: str  # ingest / nlp / coding
    reason: str  # short machine-readable reason, e.g. "empty", "binary", "encoding", "language:fr"
    detail: str = ""
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


__all__ = [
    "STATUSES",
    "STATUS_STRENGTH",
    "Actor",
    "ActorRef",
    "Article",
    "EntitySpan",
    "Event",
    "Location",
    "Mention",
    "ParsedSentence",
    "Plover",
    "Rejection",
    "Span",
    "Status",
    "Token",
    "to_dict",
]
