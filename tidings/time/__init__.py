"""When events happened: date expressions in the event's clause, resolved against publication.

Use::

    event_date(article, sentence, anchor_token_indices)  # → ("2016-07-05", "day") …

The expression chosen is the one attached to the trigger's clause (the trigger, its light verb and
the verbs it is an open complement or conjunct of), else one in a clause that governs it ("X said
on Tuesday that …"), else the nearest one in the sentence. With none, the publication date stands
in with precision ``publication`` (when ``default_to_publication`` and the article has one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tidings.models import Article, ParsedSentence
from tidings.time.dates import parse_publication, resolve_expression, weekday_date

PRECISIONS = ("day", "month", "year", "publication")
_LEAD_PREPS = frozenset({"for", "since", "in", "on", "over", "during", "from", "until", "by"})
_FUTURE = frozenset({"will", "shall", "'ll", "’ll"})
_CHAIN = frozenset({"xcomp", "conj", "aux", "auxpass", "prt", "acomp"})
# date words the entity recogniser may miss; month names only capitalised (not "may", "march")
_FALLBACK = re.compile(
    r"\b(?:(?:last|this|next|on|past)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b|\b(?:yesterday|today|tonight|tomorrow)\b|"
    r"\b(?:earlier|later)\s+this\s+(?:week|month|year)\b|"
    r"\b(?:last|this|next|past)\s+(?:week|month|year)\b|"
    r"\b(?:in|since)\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence: tokens [start, end) and the text resolved."""

    start: int
    end: int
    text: str


def article_anchor(article: Article) -> date | None:
    """The article's publication date: the anchor relative dates resolve against."""
    return parse_publication(article.published)


# the last sentence's date mentions and clause verbs: the coder dates every event of a sentence
# in turn (a 400-token sentence with 30 events scanned its dates 30 times). One entry, keyed by
# identity; replacing the tuple is atomic, so threads at worst recompute.
_LAST_DATES: tuple[ParsedSentence | None, list[DateMention]] = (None, [])
_LAST_VERBS: tuple[ParsedSentence | None, list[int | None]] = (None, [])


def find_dates(sent: ParsedSentence) -> list[DateMention]:
    """DATE entities (with a leading for/since/in/on) and date words the entity tagger missed."""
    global _LAST_DATES
    cached = _LAST_DATES
    if cached[0] is sent:
        return list(cached[1])
    out = _find_dates(sent)
    _LAST_DATES = (sent, out)
    return list(out)


def _find_dates(sent: ParsedSentence) -> list[DateMention]:
    toks = sent.tokens
    out: list[DateMention] = []
    covered: set[int] = set()
    for ent in sent.entities:
        if ent.label != "DATE":
            continue
        start = ent.start
        if start > 0 and toks[start - 1].lower in _LEAD_PREPS:
            start -= 1
        out.append(DateMention(start, ent.end, sent.span_text(start, ent.end)))
        covered.update(range(start, ent.end))
    for m in _FALLBACK.finditer(sent.text):
        s_char, e_char = sent.start + m.start(), sent.start + m.end()
        idx = [t.i for t in toks if t.start >= s_char and t.end <= e_char]
        if idx and not covered.intersection(idx):
            out.append(DateMention(idx[0], idx[-1] + 1, m.group(0)))
            covered.update(idx)
    out.sort(key=lambda d: d.start)
    return out


def _is_future(sent: ParsedSentence, core: set[int]) -> bool:
    for i in core:
        if sent.tokens[i].lower in _FUTURE:
            return True
        if any(c.lower in _FUTURE for c in sent.children(i)):
            return True
    return False


def _clause_verb(sent: ParsedSentence, i: int) -> int | None:
    """The nearest verb at or above token ``i``."""
    global _LAST_VERBS
    cached = _LAST_VERBS
    if cached[0] is not sent:
        cached = (sent, [_find_clause_verb(sent, k) for k in range(len(sent.tokens))])
        _LAST_VERBS = cached
    return cached[1][i]


def _find_clause_verb(sent: ParsedSentence, i: int) -> int | None:
    tok = sent.tokens[i]
    if tok.pos in ("VERB", "AUX"):
        return i
    for anc in sent.ancestors(i):
        if anc.pos in ("VERB", "AUX"):
            return anc.i
    return None


def choose_date(
    sent: ParsedSentence, mentions: Sequence[DateMention], anchor: Sequence[int]
) -> DateMention | None:
    """The date mention that dates the event anchored at ``anchor`` (see the module docstring)."""
    if not mentions:
        return None
    toks = sent.tokens
    core = {i for i in anchor if 0 <= i < len(toks)}
    for i in list(core):
        cur = toks[i]
        while cur.dep in _CHAIN and cur.head != cur.i:
            cur = toks[cur.head]
            core.add(cur.i)
    clause = {v for i in core if (v := _clause_verb(sent, i)) is not None} | core
    near = min(core) if core else 0

    def head(m: DateMention) -> int:
        for i in range(m.start, m.end):
            if not (m.start <= toks[i].head < m.end) or toks[i].head == i:
                return i
        return m.start

    def nearest(items: list[DateMention]) -> DateMention:
        return min(items, key=lambda m: abs(m.start - near))

    own = [m for m in mentions if set(range(m.start, m.end)) & core]
    if own:
        return nearest(own)
    same = [m for m in mentions if _clause_verb(sent, head(m)) in clause]
    if same:
        return nearest(same)
    governing = {a.i for i in core for a in sent.ancestors(i)}
    above = [m for m in mentions if _clause_verb(sent, head(m)) in governing]
    if above:
        return nearest(above)
    return nearest(list(mentions))


def event_date(
    article: Article,
    sent: ParsedSentence,
    anchor: Sequence[int],
    *,
    default_to_publication: bool = True,
) -> tuple[str | None, str | None]:
    """(date ``YYYY[-MM[-DD]]``, precision ``day``/``month``/``year``/``publication``) of the
    event anchored at token indices ``anchor``: from a date expression in its clause or sentence
    resolved against the publication date, else the publication date (precision
    ``publication``) when ``default_to_publication``, else (None, None)."""
    pub = article_anchor(article)
    mentions = find_dates(sent)
    future = _is_future(sent, {i for i in anchor if 0 <= i < len(sent.tokens)})
    tried: set[DateMention] = set()
    while True:
        pick = choose_date(sent, [m for m in mentions if m not in tried], anchor)
        if pick is None:
            break
        resolved = resolve_expression(pick.text, pub, future=future)
        if resolved is not None:
            return resolved
        tried.add(pick)
    if default_to_publication and pub is not None:
        return pub.isoformat(), "publication"
    return None, None


__all__ = [
    "PRECISIONS",
    "DateMention",
    "article_anchor",
    "choose_date",
    "event_date",
    "find_dates",
    "resolve_expression",
    "weekday_date",
]
