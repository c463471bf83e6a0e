"""Sport is not politics: national teams and players named by their country are no states.

An article is about sport when at least three of its sentences, and a tenth of them, use the
words of ``data/sports.yaml`` or give a result ("beat Australia 3-1", "a 2-1 win", "6-4 6-3").
In such an article, an event is kept only when one of its actors is a state or political
agent that sport does not have (military, police, courts, legislature, spies, rebels,
opposition), or a government agent acts in a sentence with no sport word ("Greek prosecutors
charged the sprinters" stays; "Spain beat Australia", "the England defender lashed home a
shot", "the match officials" and "Scotland travel to Dublin" go). The ``sports_filter``
setting turns this off.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources

import yaml

from tidings.coding.actors import roles_of
from tidings.models import Event, ParsedSentence

# roles no sports story gives a team or player
POLITICAL_ROLES = frozenset({"MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "INS"})


# a result: after a verb of winning or losing ("beat Australia 3-1", "won 45-6", "leading
# 18-12"), before a noun of one ("a 2-1 win"), or the set scores of tennis ("6-4 6-3")
_RESULT = (r"\b(?:won|wins?|beat|beaten|beats|lost|lose|loses|drew|draw|victory|defeat|"
           r"lead|leads|leading|led|trail|trails|trailing|trailed)\b[^.;]{0,40}?\b\d{1,2}-\d{1,2}\b"
           r"|\b\d{1,2}-\d{1,2}\s+(?:win|victory|defeat|loss|draw|lead|home win|away win)\b"
           r"|\b[0-7]-[0-7](?:\s*\(\d+-\d+\))?\s+[0-7]-[0-7]\b")


@functools.cache
def _pattern() -> re.Pattern[str]:
    path = resources.files("tidings.coding") / "data" / "sports.yaml"
    words = yaml.safe_load(path.read_text(encoding="utf-8"))["words"]
    alts = sorted((re.escape(str(w).lower()).replace(r"\ ", r"[\s-]+") for w in words),
                  key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")s?\b|" + _RESULT)


def sport_sentences(sentences: Sequence[ParsedSentence]) -> set[int]:
    """Indexes of the sentences that use a sport word or give a result."""
    pat = _pattern()
    return {s.index for s in sentences if pat.search(s.text.lower())}


def is_sport(sentences: Sequence[ParsedSentence], marked: set[int]) -> bool:
    return len(marked) >= 3 and len(marked) * 10 >= len(sentences)


def keep(event: Event, marked: set[int]) -> bool:
    """Whether an event of a sports article is politics (see the module's docstring)."""
    codes = [event.source.code or ""] + ([event.target.code or ""] if event.target else [])
    chunks = set().union(*(roles_of(c) for c in codes))
    if chunks & POLITICAL_ROLES:
        return True
    if event.sentence_index in marked:
        return False
    # the government must act: a team travelling to a capital ("Scotland travel to Dublin")
    # meets no government
    source = event.source.code or ""
    return "GOV" in roles_of(source) or source.startswith(("IGO", "NGO"))
