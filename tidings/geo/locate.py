"""Which place in a sentence an event happened at: the syntax of the place's attachment.

Every resolved toponym gets a *role* from the dependency parse:

- ``actor``: the place stands for its government or people (subject, object, possessor: "Cairo is
  ready", "treats the Gaza Strip", "Gaza's government", "sanctions on Iran") — never a location,
  except as the object of a movement or attack verb ("troops entered Gaza").
- ``attached``: the place is the object of a locative preposition (in/at/near/along/from/to/…)
  or a modifier ("Gaza Salafists", "the Sinai-Gaza border") of some word: its *host*.

Levels, tried in order (the first that yields a place wins; within a level the finer precision,
then the place nearest the trigger):

1. ``attached``: the host is an anchor token (the trigger and its light verb): "met … in Gaza".
2. ``argument``: the host lies in the subtree of an argument of the trigger, or is the noun a
   relative clause on the trigger modifies, or a verb the trigger is an open complement or
   conjunct of — without passing through another verb ("an outpost in Sinai").
3. ``sentence``: any other place in the sentence that is not an actor and not attached to another
   predicate (a verb, or an event noun such as "invitation", outside the anchor's chain).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tidings.geo.toponyms import PLACE_WORDS, SLOT_VERBS, Resolved
from tidings.models import ParsedSentence, Token

LOC_PREPS = frozenset(
    [
        "in",
        "at",
        "near",
        "along",
        "from",
        "to",
        "into",
        "inside",
        "outside",
        "across",
        "around",
        "throughout",
        "within",
        "on",
        "off",
        "onto",
        "through",
        "toward",
        "towards",
        "between",
        "via",
        "beyond",
        "outside",
        "nearby",
    ]
)
# prepositions whose country object is the target of the action, not its place
TARGET_PREPS = frozenset({"on", "to", "against", "toward", "towards", "into", "with", "for"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "poss", "agent", "attr"})
ARG_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "iobj",
        "dative",
        "attr",
        "oprd",
        "agent",
        "pobj",
        "prep",
        "npadvmod",
        "acomp",
        "appos",
    }
)
CHAIN_DEPS = frozenset({"xcomp", "conj", "acomp", "aux", "auxpass", "prt"})
# verbs of movement and attack whose place phrase is where the event happened: the
# toponym slot verbs plus these
MOVEMENT = SLOT_VERBS | frozenset(
    [
        "overran",
        "struck",
        "tour",
        "blockade",
        "fly",
        "travel",
        "return",
        "arrive",
        "deploy",
        "send",
        "go",
        "come",
        "move",
        "march",
        "sail",
        "invitation",
        "trip",
        "journey",
        "deployment",
        "arrival",
        "incursion",
        "invasion",
    ]
)
EVENT_NOUNS = frozenset(
    [
        "meeting",
        "meetings",
        "talks",
        "talk",
        "visit",
        "visits",
        "trip",
        "invitation",
        "conference",
        "summit",
        "negotiation",
        "negotiations",
        "attack",
        "attacks",
        "raid",
        "raids",
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "bombing",
        "bombings",
        "clash",
        "clashes",
        "battle",
        "fighting",
        "war",
        "protest",
        "protests",
        "rally",
        "demonstration",
        "demonstrations",
        "election",
        "elections",
        "ceremony",
        "funeral",
        "operation",
        "offensive",
        "incursion",
        "invasion",
        "deployment",
        "blockade",
        "siege",
        "arrest",
        "arrests",
        "killing",
        "shooting",
        "explosion",
        "blast",
        "ambush",
        "kidnapping",
        "summit",
        "ceasefire",
        "agreement",
        "deal",
        "treaty",
        "visit",
        "tour",
        "parade",
        "exercise",
        "exercises",
        "drill",
        "drills",
        "shipment",
        "smuggling",
    ]
)
FINER = {"city": 0, "region": 1, "country": 2}
# where the event is beats where it went to, which beats where it came from
PREP_RANK = {"to": 1, "into": 1, "toward": 1, "towards": 1, "onto": 1, "from": 2, "via": 2}


@dataclass(frozen=True, slots=True)
class Attachment:
    """A resolved toponym with its syntactic role in the sentence."""

    resolved: Resolved
    head: int  # the token heading the toponym
    role: str  # actor | attached
    host: int | None  # the word the place is attached to
    prep: str | None  # the preposition linking them, if any


def _head_of(sent: ParsedSentence, start: int, end: int) -> int:
    for i in range(start, end):
        h = sent.tokens[i].head
        if h < start or h >= end or h == i:
            return i
    return start


def attach(sent: ParsedSentence, res: Resolved) -> Attachment:
    """The syntactic role of a resolved toponym (see the module docstring)."""
    toks = sent.tokens
    topo = res.toponym
    head = _head_of(sent, topo.start, topo.end)
    tok = toks[head]
    is_country = res.place.kind == "country"
    # a modifier ("Gaza Salafists", "Sinai-Gaza border") stands in for the noun it modifies
    cur = tok
    hops = 0
    # "Mogadishu's outskirts", "the coast of Libya": the place word's slot is the place's slot
    while hops < 3:
        parent = toks[cur.head]
        if parent.i == cur.i:
            break
        if cur.dep == "poss" and parent.lower in PLACE_WORDS:
            cur = parent
        elif (
            cur.dep == "pobj"
            and parent.lower == "of"
            and parent.head != parent.i
            and toks[parent.head].lower in PLACE_WORDS
        ):
            cur = toks[parent.head]
        else:
            break
        hops += 1
    while cur.dep in ("compound", "amod", "nmod", "npadvmod", "conj", "appos") and hops < 4:
        parent = toks[cur.head]
        if parent.i == cur.i or parent.pos not in ("NOUN", "PROPN", "ADJ"):
            break
        cur = parent
        hops += 1
    if cur.dep == "poss":
        return Attachment(res, head, "actor", cur.head, None)
    if cur.dep == "pobj" and cur.head != cur.i:
        prep = toks[cur.head]
        host = prep.head if prep.head != prep.i else None
        host_tok = toks[host] if host is not None else None
        if prep.lower in LOC_PREPS or (prep.lower == "of" and host_tok and host_tok.pos == "NOUN"):
            if is_country and hops == 0 and host_tok is not None:
                if prep.lower in TARGET_PREPS and host_tok.lemma.lower() not in MOVEMENT:
                    return Attachment(res, head, "actor", host, prep.lower)
                if prep.lower in ("from", "of") and host_tok.pos in ("NOUN", "PROPN"):
                    return Attachment(res, head, "actor", host, prep.lower)
            return Attachment(res, head, "attached", host, prep.lower)
        if prep.lower == "by":  # passive agent
            return Attachment(res, head, "actor", host, prep.lower)
        return Attachment(res, head, "actor" if hops == 0 else "attached", host, prep.lower)
    if hops > 0:
        return Attachment(res, head, "attached", cur.i, None)
    if cur.dep in ACTOR_DEPS:
        verb = toks[cur.head]
        if cur.dep == "dobj" and (verb.lemma.lower() in MOVEMENT or verb.lower in MOVEMENT):
            return Attachment(res, head, "attached", verb.i, None)
        return Attachment(res, head, "actor", cur.head, None)
    if cur.dep == "ROOT" or cur.head == cur.i:
        return Attachment(res, head, "attached", None, None)
    return Attachment(res, head, "attached", cur.head, None)


def _is_predicate(tok: Token) -> bool:
    return tok.pos in ("VERB", "AUX") or tok.lemma.lower() in EVENT_NOUNS


def _expand_anchor(sent: ParsedSentence, anchor: Sequence[int]) -> tuple[set[int], set[int]]:
    """(anchor tokens with their light-verb and particle children, the governing chain)."""
    toks = sent.tokens
    core = {i for i in anchor if 0 <= i < len(toks)}
    for i in list(core):
        core.update(c.i for c in sent.children(i) if c.dep in ("aux", "auxpass", "prt", "neg"))
    chain: set[int] = set()
    for i in list(core):
        cur = toks[i]
        while cur.dep in CHAIN_DEPS and cur.head != cur.i:
            parent = toks[cur.head]
            if cur.dep == "conj" and parent.pos not in ("VERB", "AUX"):
                break  # conjoined nouns do not share each other's places
            cur = parent
            chain.add(cur.i)
    return core, chain - core


def _arguments(sent: ParsedSentence, nodes: Iterable[int], core: set[int]) -> set[int]:
    """Tokens in the argument subtrees of ``nodes`` reachable without crossing another verb
    (a participle modifying a noun, "the meetings held in Cairo", is crossed)."""
    toks = sent.tokens
    out: set[int] = set()
    stack = [c.i for n in nodes for c in sent.children(n) if c.dep in ARG_DEPS and c.i not in core]
    while stack:
        i = stack.pop()
        if i in out:
            continue
        tok = toks[i]
        if (
            tok.pos in ("VERB", "AUX")
            and i not in core
            and not (
                tok.dep == "acl" and tok.tag == "VBN"  # "meetings held in Cairo"
            )
        ):
            continue
        out.add(i)
        stack.extend(c.i for c in sent.children(i))
    return out


def choose(
    sent: ParsedSentence, attachments: Sequence[Attachment], anchor: Sequence[int]
) -> tuple[Attachment, str] | None:
    """The attachment that locates the event anchored at ``anchor``, and the level that found it."""
    toks = sent.tokens
    places = [a for a in attachments if a.role == "attached"]
    if not places:
        return None
    core, chain = _expand_anchor(sent, anchor)
    near = min(core) if core else 0

    def best(items: list[Attachment]) -> Attachment | None:
        if not items:
            return None
        return min(
            items,
            key=lambda a: (
                PREP_RANK.get(a.prep or "", 0),
                FINER.get(a.resolved.place.precision, 1),
                abs(a.head - near),
            ),
        )

    level1 = [a for a in places if a.host in core or a.head in core]
    if level1:
        return best(level1), "attached"  # type: ignore[return-value]
    nodes = set(core)
    for i in core:
        tok = toks[i]
        if tok.dep in ("relcl", "acl") and tok.head != tok.i:
            nodes.add(tok.head)  # the noun a relative clause on the trigger modifies
    nodes |= chain
    args = _arguments(sent, nodes, core) | (nodes - core)
    level2 = [a for a in places if a.host is not None and a.host in args]
    if level2:
        return best(level2), "argument"  # type: ignore[return-value]
    ancestors = {t.i for i in core for t in sent.ancestors(i) if t.pos in ("VERB", "AUX")}
    level3 = [
        a
        for a in places
        if a.host is None
        or a.host in ancestors
        or a.host in chain
        or not _is_predicate(toks[a.host])
    ]
    if level3:
        return best(level3), "sentence"  # type: ignore[return-value]
    return None


__all__ = ["Attachment", "attach", "choose"]
