"""Judgements as events: "India called the moves unilateral", "the ministry described the
sanctions as a hostile act", "China said the visit was a serious provocation". Calling an act or
an actor by a word of ``data/evaluations.yaml`` criticises (111) or praises (051) its author.
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from tidings.models import ParsedSentence, Token

# verbs that name something by a judgement: "called X Y", "described X as Y"
NAMING_VERBS = {"call", "label", "brand", "term", "dub", "describe", "characterise",
                "characterize", "denounce", "decry", "slam", "dismiss", "criticise", "criticize",
                "condemn", "reject", "view", "regard", "see", "consider"}
# verbs that say something is a judgement: "said the visit was a provocation"
SAYING_VERBS = {"say", "tell", "insist", "stress", "add", "declare", "state", "warn", "argue",
                "charge", "claim", "assert", "note"}
JUDGING_VERBS = NAMING_VERBS | SAYING_VERBS


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    path = resources.files("tidings.coding") / "data" / "evaluations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(data["negative"]), frozenset(data["positive"])


def judgement(sent: ParsedSentence, word: Token) -> str | None:
    """"111" when the word (or an adjective on it) judges badly, "051" when well, else None:
    "a serious provocation", "unilateral", "an important step"."""
    negative, positive = _words()
    if any(c.dep == "neg" for c in sent.children(word.i)):
        return None
    words: set[str] = set()
    # the word and those joined to it ("blatant protectionism and an act of aggression")
    for w in (word, *(c for c in sent.children(word.i) if c.dep == "conj")):
        kids = sent.children(w.i)
        words |= {w.lemma.lower(), w.lower, *(c.lemma.lower() for c in kids
                                              if c.dep in ("amod", "advmod", "compound"))}
        # "an act of terrorism", "a violation of sovereignty"
        words |= {g.lemma.lower() for c in kids if c.dep == "prep" and c.lower == "of"
                  for g in sent.children(c.i) if g.dep == "pobj"}
    if words & negative:
        return "111"
    if words & positive:
        return "051"
    return None


def judged(sent: ParsedSentence, verb: Token) -> tuple[Token, Token] | None:
    """What ``verb`` judges and the word that judges it, if it is a judgement: "called [the
    moves] [unilateral]", "described [the sanctions] as [act]", "said [the visit] was
    [provocation]"."""
    kids = sent.children(verb.i)
    lemma = verb.lemma.lower()
    if lemma in NAMING_VERBS:
        obj = next((c for c in kids if c.dep == "dobj"), None)
        if obj is None:
            return None
        word = next((c for c in kids if c.dep in ("oprd", "xcomp", "acomp", "ccomp")), None)
        if word is not None and word.lemma.lower() == "be":  # "called it to be ..."
            word = next((c for c in sent.children(word.i) if c.dep in ("attr", "acomp")), None)
        if word is None:
            as_ = next((c for c in kids if c.dep == "prep" and c.lower == "as"), None)
            if as_ is None:
                as_ = next((c for c in sent.children(obj.i) if c.dep == "prep"
                            and c.lower == "as"), None)
            word = next((c for c in sent.children(as_.i) if c.dep in ("pobj", "amod", "acomp")),
                        None) if as_ is not None else None
        return (obj, word) if word is not None else None
    if lemma in SAYING_VERBS:
        clause = next((c for c in kids if c.dep == "ccomp" and c.lemma.lower() == "be"), None)
        if clause is None:
            return None
        ckids = sent.children(clause.i)
        if any(c.dep == "neg" for c in ckids):
            return None  # ("said the move was not illegal")
        subj = next((c for c in ckids if c.dep == "nsubj"), None)
        word = next((c for c in ckids if c.dep in ("attr", "acomp")), None)
        if subj is None or word is None:
            return None
        return subj, word
    return None
