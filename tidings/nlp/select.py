"""Which sentences spaCy parses, from their words alone (the ``parse_filter`` setting).

Parsing is most of tidings' cost, and many sentences of a news article cannot code an event.
Before parsing, each paragraph is tokenised and split at sentence-final punctuation (no
statistical component), and each sentence is tested on its words:

- an **actor**: a phrase of the actor dictionaries (names, demonyms, capitals, agents such as
  "police" or "officials"), a pronoun ("he", "they", "its") or a person noun ("the official").
  The resolver finds no mention in a sentence without one, and the coder emits no event
  without a resolved source, except where it supplies the agent of an act only a state performs
  ("the suspects were arrested": the police; see ``IMPLIED_AGENTS`` in the coder), so a form
  of those verbs counts as an actor word too; and where a definite noun of an act of force
  names an act of an earlier sentence ("one man was killed in the firing"), so "the", "this"
  or "that" up to three words before such a noun counts too. Names need a capitalised word,
  as the resolver requires (it also takes a word the tagger calls a proper noun: a name
  written all in lower case is missed). A noun that describes a state ("the Gulf state",
  "the two countries", "the two sides") counts as well: it may stand for a country named
  before;
- a **trigger**: a word that may be a form of a verb or noun of the coder's pattern tables
  (multi-word nouns such as "sit-in" need their whole phrase), or of its speech verbs when
  speech events are on.

``parse_filter = "actors"`` parses the sentences with an actor: every sentence a mention can
come from, so the article's coreference memory is the same as with every sentence parsed.
``"events"`` also needs a trigger: fewer sentences, but an actor named only in a skipped
sentence is then missing from the memory (later "the official", "its", and the article's
country counts). docs/performance.md measures both against ``tidings eval``.

A word may be a form of a lemma if the model's own lemmatiser could map it there under any part
of speech (its exception tables and suffix rules, tried all at once, plus the attribute ruler's
fixed lemmas and the coder's lemma fixes): a superset of what the tagger and lemmatiser could
decide, so a sentence is not skipped for a word form the parse would have read differently.

Skipped sentences stay in the article as ``ParsedSentence`` records with no tokens (their text
and offsets kept), so stored articles still cover their whole text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# Pronouns the resolver can resolve through the article's memory or within the sentence.
PRONOUNS = frozenset({"he", "she", "him", "her", "it", "they", "them", "its", "their"})
_POSES = ("verb", "noun")  # the parts of speech a trigger is looked up under
_ACTOR_POSES = ("noun", "verb", "adj")  # an agent phrase may match by any token's lemma


def _norm(text: str) -> str:
    """The actor dictionaries' normal form (``tidings.coding.actors._norm``)."""
    return text.lower().replace("’", "'").replace("‘", "'").replace("é", "e").strip()


def _singular(word: str) -> str:
    """``tidings.coding.actors._singular`` for one word."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


class LemmaCandidates:
    """Every lemma the model's rule lemmatiser could give a word form, under any of ``poses``
    (cached per form)."""

    def __init__(self, rules: Mapping[str, Sequence[Sequence[str]]],
                 exceptions: Mapping[str, Mapping[str, Sequence[str]]],
                 fixed: Mapping[str, Iterable[str]] | None = None) -> None:
        self.rules = {pos: [(str(old), str(new)) for old, new in r] for pos, r in rules.items()}
        self.exceptions = {pos: dict(e) for pos, e in exceptions.items()}
        self.fixed = {k: tuple(v) for k, v in (fixed or {}).items()}
        self._cache: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}

    @classmethod
    def from_nlp(cls, nlp: Any, fixes: Mapping[str, str] | None = None) -> LemmaCandidates:
        """The tables of a loaded spaCy pipeline's lemmatiser and attribute ruler."""
        rules: dict[str, Any] = {}
        exceptions: dict[str, Any] = {}
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None:
                for pos in ("noun", "verb", "adj", "adv"):
                    if lookups.has_table("lemma_rules"):
                        rules[pos] = lookups.get_table("lemma_rules").get(pos, [])
                    if lookups.has_table("lemma_exc"):
                        exceptions[pos] = lookups.get_table("lemma_exc").get(pos, {})
        if not any(rules.values()):  # a model without rule tables: English suffixes
            rules = dict(FALLBACK_RULES)
        fixed: dict[str, set[str]] = {}
        if "attribute_ruler" in nlp.pipe_names:  # "'s" → be, "wo" → will, "'d" → would ...
            for spec in nlp.get_pipe("attribute_ruler").patterns:
                lemma = spec.get("attrs", {}).get("LEMMA")
                if not lemma:
                    continue
                for pattern in spec.get("patterns", ()):
                    for tok in pattern if isinstance(pattern, list) else ():
                        for key in ("LOWER", "ORTH", "NORM"):
                            value = tok.get(key) if isinstance(tok, dict) else None
                            if isinstance(value, str):
                                fixed.setdefault(value.lower(), set()).add(str(lemma).lower())
        for form, lemma in (fixes or {}).items():
            fixed.setdefault(form.lower(), set()).add(lemma.lower())
        return cls(rules, exceptions, fixed)

    def __call__(self, word: str, poses: tuple[str, ...] = _POSES) -> frozenset[str]:
        key = (word, poses)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        w = word.lower()
        out = {w, *self.fixed.get(w, ())}
        for pos in poses:
            out.update(self.exceptions.get(pos, {}).get(w, ()))
            for old, new in self.rules.get(pos, ()):
                if w.endswith(old) and len(w) > len(old):
                    out.add(w[: len(w) - len(old)] + new)
        if len(self._cache) > 200_000:
            self._cache.clear()
        found = self._cache[key] = frozenset(out)
        return found


# Used only when a model ships no lemmatiser tables (spaCy's English rules, abridged).
FALLBACK_RULES: dict[str, list[tuple[str, str]]] = {
    "noun": [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
             ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")],
    "adj": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
}


class SentenceFilter:
    """``filter(words)`` is True when a sentence of these words (token texts, in order) can
    hold an event: it has a trigger and an actor (see the module docstring)."""

    def __init__(self, lemmas: LemmaCandidates, *, verbs: Iterable[str],
                 nouns: Mapping[str, Iterable[tuple[str, ...]]],
                 actor_phrases: Iterable[tuple[str, ...]] = (),
                 actor_names: Iterable[tuple[str, ...]] = (),
                 actor_stems: Iterable[tuple[str, ...]] = (),
                 actor_words: Iterable[str] = (), need_trigger: bool = True,
                 implied_verbs: Iterable[str] = (), force_nouns: Iterable[str] = ()) -> None:
        self.lemmas = lemmas
        # nouns of acts of force that a definite article makes an earlier act ("the firing")
        self.force_nouns = frozenset(force_nouns)
        # verbs whose agent the coder supplies when none is named ("were arrested")
        self.implied = frozenset(implied_verbs)
        self.need_trigger = need_trigger
        # trigger lemmas that match on their own; nouns that match only as a whole phrase
        nouns = {k: [tuple(p) for p in v] for k, v in nouns.items()}
        self.single = frozenset(verbs) | {k for k, ps in nouns.items()
                                          if any(len(p) <= 1 for p in ps)}
        self.phrases: dict[str, list[tuple[str, ...]]] = {
            k: [p for p in ps if len(p) > 1] for k, ps in nouns.items()
            if k not in self.single}
        self.triggers = self.single | frozenset(self.phrases)
        # actor phrases by their first word: (phrase, last word a stem?, needs a capital?);
        # names (and stems) match only with a capitalised word, as the resolver has it ("IS"
        # is a name, "is" is not), phrases of any case (agents, demonyms) in any case
        self.actor_index: dict[str, list[tuple[tuple[str, ...], bool, bool]]] = {}
        for phrases, stem, cased in ((actor_phrases, False, False), (actor_names, False, True),
                                     (actor_stems, True, True)):
            for phrase in phrases:
                if phrase and (not stem or (len(phrase) > 1 and len(phrase[-1]) >= 3)):
                    self.actor_index.setdefault(phrase[0], []).append((phrase, stem, cased))
        self.stems = frozenset(p[0] for p in actor_stems if len(p) == 1 and len(p[0]) >= 3)
        self.actor_words = frozenset(actor_words) | PRONOUNS

    @classmethod
    def for_coder(cls, coder: Any, nlp: Any, *, need_trigger: bool = True
                  ) -> SentenceFilter | None:
        """The filter for ``coder`` (``tidings.coding.CameoCoder`` or one with the same
        ``patterns`` and ``resolver.dictionary`` tables), or None when the coder has no such
        tables: then every sentence is parsed."""
        patterns = getattr(coder, "patterns", None)
        dictionary = getattr(getattr(coder, "resolver", None), "dictionary", None)
        if patterns is None or dictionary is None or not hasattr(patterns, "verbs") \
                or not hasattr(patterns, "nouns"):
            return None
        from tidings.coding.coder import IMPLIED_AGENTS
        from tidings.coding.patterns import LEMMA_FIXES
        from tidings.coding.resolver import (
            ACT_AGENT_NOUNS,
            BODY_DESCRIPTIONS,
            COUNTRY_NOUNS,
            PERSON_NOUNS,
        )

        verbs = set(patterns.verbs)
        if getattr(coder, "speech_events", False):
            from tidings.coding.status import SPEECH

            verbs |= set(SPEECH)
        nouns = {k: [tuple(p.lemma) for p in ps] for k, ps in patterns.nouns.items()}
        codebook = getattr(coder, "codebook", None)
        force = {k for k, ps in patterns.nouns.items() if codebook is not None and any(
            codebook.lookup(p.code).root in ("18", "19", "20") for p in ps)}
        # any case: agents, demonyms ("egyptian"), case-sensitive names written in lower case
        phrases = [*dictionary.agents,
                   *(k for k, e in dictionary.names.items() if e.kind == "demonym"),
                   *(tuple(w.lower() for w in k) for k in dictionary.exact
                     if not any(c.isupper() for w in k for c in w))]
        names = [*(k for k, e in dictionary.names.items() if e.kind != "demonym"),
                 *(tuple(w.lower() for w in k) for k in dictionary.exact
                   if any(c.isupper() for w in k for c in w))]
        return cls(LemmaCandidates.from_nlp(nlp, LEMMA_FIXES), verbs=verbs, nouns=nouns,
                   actor_phrases=phrases, actor_names=names,
                   actor_stems=list(getattr(dictionary, "stems", ())),
                   actor_words=PERSON_NOUNS | COUNTRY_NOUNS | BODY_DESCRIPTIONS
                   | ACT_AGENT_NOUNS | {"sides"},
                   need_trigger=need_trigger,
                   implied_verbs={k.split()[0] for k in IMPLIED_AGENTS}, force_nouns=force)

    # -- the tests
    def __call__(self, words: Sequence[str]) -> bool:
        if self.need_trigger and not self.has_trigger(words):
            return False
        return self.has_actor(words)

    def has_trigger(self, words: Sequence[str]) -> bool:
        for i, word in enumerate(words):
            found = self.lemmas(word) & self.triggers
            if not found:
                continue
            if found & self.single:
                return True
            for key in found:  # "sit-in": the words before must be the phrase's
                for phrase in self.phrases.get(key, ()):
                    first = i - len(phrase) + 1
                    if first >= 0 and all(phrase[j] in self.lemmas(words[first + j])
                                          for j in range(len(phrase) - 1)):
                        return True
        return False

    def has_actor(self, words: Sequence[str]) -> bool:
        normed = [_norm(w) for w in words]
        if any(w in PRONOUNS for w in normed):
            return True
        if self.implied and any(not self.lemmas(w).isdisjoint(self.implied) for w in words):
            return True  # "the suspects were arrested": the police are implied
        if self.force_nouns and any(
                w in ("the", "this", "that") and any(
                    not self.lemmas(x).isdisjoint(self.force_nouns)
                    for x in words[i + 1:i + 4])
                for i, w in enumerate(normed)):
            return True  # "killed in the firing": an act named before, by its owner
        variants = [self._variants(w, n) for w, n in zip(words, normed, strict=True)]
        n = len(words)
        for i in range(n):
            if not variants[i].isdisjoint(self.actor_words):  # "officials"
                return True
            for first in variants[i]:
                for phrase, stem, cased in self.actor_index.get(first, ()):
                    if self._phrase_at(phrase, stem, i, normed, variants) and (
                            not cased or any(x[:1].isupper() for x in words[i:i + len(phrase)])):
                        return True
            if self.stems and words[i][:1].isupper() and any(  # "ARGENTIN": "Argentina"
                    normed[i][:k] in self.stems for k in range(len(normed[i]), 2, -1)):
                return True
        return False

    def _variants(self, word: str, normed: str) -> set[str]:
        out = {normed, _singular(normed), word.replace("’", "'").lower()}
        out.update(_norm(c) for c in self.lemmas(word, _ACTOR_POSES))
        return out

    @staticmethod
    def _phrase_at(phrase: tuple[str, ...], stem: bool, i: int, normed: list[str],
                   variants: list[set[str]]) -> bool:
        size = len(phrase)
        if i + size > len(normed):
            return False
        for j in range(1, size):
            if stem and j == size - 1:
                return normed[i + j].startswith(phrase[j])
            if phrase[j] not in variants[i + j]:
                return False
        return True


__all__ = ["FALLBACK_RULES", "PRONOUNS", "LemmaCandidates", "SentenceFilter"]
