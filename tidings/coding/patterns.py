"""Event trigger patterns (verbs and nouns → CAMEO codes), loaded from YAML data files."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tidings.coding.codebook import load_codebook
from tidings.errors import ConfigError
from tidings.models import Token

# Prepositions that introduce a target when a pattern names none.
DEFAULT_TARGET_PREPS: tuple[str, ...] = ("against", "with", "on", "to", "toward", "towards", "at",
                                         "into", "upon")


# a pattern's object word naming a kind of actor or place rather than a word ("suspended
# Niger" with {obj: ["@state"]}); the coder decides membership (CameoCoder._names_kind)
OBJECT_KINDS = frozenset({"@actor", "@state", "@igo", "@gov", "@place", "@person"})


# Forms the small English model lemmatises wrongly ("waging" → "wag"); checked by text.
LEMMA_FIXES: dict[str, str] = {
    "waging": "wage", "waged": "wage", "hoping": "hope", "hoped": "hope", "hopes": "hope",
    "ceded": "cede",
    "ceding": "cede", "shelled": "shell", "shelling": "shell", "eased": "ease", "easing": "ease",
    "staged": "stage", "staging": "stage", "retook": "retake", "retaken": "retake",
    "teargassed": "teargas", "teargassing": "teargas",
}
# verbs of doing again whose pattern is the plain verb's ("reimposed blockades")
AGAIN_VERBS: dict[str, str] = {"reimpose": "impose", "redeploy": "deploy", "rearrest": "arrest",
                               "reinvade": "invade"}


def lemma(tok: Token) -> str:
    """The lower-case lemma of a token, with known lemmatiser slips corrected."""
    if tok.pos in ("VERB", "AUX"):
        fixed = LEMMA_FIXES.get(tok.text.lower(), tok.lemma.lower())
        return AGAIN_VERBS.get(fixed, fixed)
    return tok.lemma.lower()


@dataclass(frozen=True, slots=True)
class Pattern:
    lemma: tuple[str, ...]  # trigger words (a phrasal verb or compound noun has several)
    nominal: bool
    code: str
    preps: tuple[str, ...] = ()
    objs: tuple[str, ...] = ()
    # the roles run the other way: "Georgia received weapons from Russia" is Russia's aid to
    # Georgia — the prep object is the source, the subject the target
    converse: bool = False
    # imported PETRARCH verb patterns: the code of the event back from target to source
    # ("[032:033]"), the words around the verb (petrarch_verbs.VerbContext), the origin
    reverse: str = ""
    context: Any = None
    origin: str = "tidings"

    @property
    def specificity(self) -> int:
        if self.context is not None and self.context.size:
            return 10 + 2 * self.context.size
        return (2 if self.objs else 0) + (1 if self.preps else 0) + len(self.lemma)


class PatternSet:
    """Patterns indexed by the last word of their trigger (the syntactic head)."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        self.size = 0
        for p in patterns:
            table = self.nouns if p.nominal else self.verbs
            key = p.lemma[-1] if p.nominal else p.lemma[0]
            table.setdefault(key, []).append(p)
            self.size += 1
        for table in (self.verbs, self.nouns):
            for plist in table.values():
                plist.sort(key=lambda p: -p.specificity)

    def roots(self) -> set[str]:
        cb = load_codebook()
        return {cb.lookup(p.code).root for t in (self.verbs, self.nouns) for ps in t.values()
                for p in ps}


def parse_pattern(item: dict[str, Any], where: str) -> Pattern:
    if not isinstance(item, dict) or "code" not in item or not ("verb" in item or "noun" in item):
        raise ConfigError(f"a pattern needs `verb` or `noun` and `code`: {item!r}", path=where)
    code = str(item["code"])
    if code not in load_codebook():
        raise ConfigError(f"unknown CAMEO code {code!r} in pattern {item!r}", path=where)
    nominal = "noun" in item
    words = str(item["noun"] if nominal else item["verb"]).lower().split()

    def word(x: Any) -> str:
        # YAML 1.1 reads a bare `on`/`off` as a boolean; in a pattern it is the preposition
        if isinstance(x, bool):
            return "on" if x else "off"
        return str(x).lower()

    def as_tuple(v: Any) -> tuple[str, ...]:
        if v is None:
            return ()
        if isinstance(v, (str, bool)):
            return (word(v),)
        return tuple(word(x) for x in v)

    objs = as_tuple(item.get("obj"))
    unknown = [o for o in objs if o.startswith("@") and o not in OBJECT_KINDS]
    if unknown:
        raise ConfigError(f"unknown object kind {unknown[0]!r} in pattern {item!r} (known: "
                          f"{', '.join(sorted(OBJECT_KINDS))})", path=where)
    return Pattern(tuple(words), nominal, code, as_tuple(item.get("prep")), objs,
                   bool(item.get("converse", False)))


def read_patterns(path: Path | Any) -> list[Pattern]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read event patterns: {exc}", path=str(path)) from exc
    if not isinstance(data, list):
        raise ConfigError("an event pattern file is a YAML list", path=str(path))
    return [parse_pattern(item, str(path)) for item in data]


@functools.cache
def default_patterns() -> PatternSet:
    path = resources.files("tidings.coding") / "data" / "event_patterns.yaml"
    return PatternSet(read_patterns(path))


def read_pattern_file(path: Path) -> list[Pattern]:
    """A tidings YAML pattern file, or a PETRARCH-2/TABARI verb dictionary (by its content)."""
    from tidings.coding.petrarch_verbs import looks_like_verbs, read_verbs

    if not path.is_file():
        raise ConfigError("pattern file not found", path=str(path))
    try:
        head = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read event patterns: {exc}", path=str(path)) from exc
    if looks_like_verbs(head):
        return list(read_verbs(path))
    return read_patterns(path)


def load_patterns(extra: Iterable[str | Path] = (), *, builtin: bool = True) -> PatternSet:
    """The built-in patterns (unless ``builtin`` is false) plus each extra file's. A verb an
    imported PETRARCH dictionary defines is coded by that dictionary alone."""
    paths = [Path(p) for p in extra]
    if not paths and builtin:
        return default_patterns()
    own: list[Pattern] = []
    for p in paths:
        own.extend(read_pattern_file(p))
    if not builtin:
        if not own:
            raise ConfigError("builtin_patterns is off and no pattern file is given",
                              hint="name a file with --set patterns=FILE")
        return PatternSet(own)
    path = resources.files("tidings.coding") / "data" / "event_patterns.yaml"
    imported = {p.lemma[0] for p in own if p.origin == "petrarch"}
    pats = [p for p in read_patterns(path) if p.nominal or p.lemma[0] not in imported]
    return PatternSet(pats + own)
