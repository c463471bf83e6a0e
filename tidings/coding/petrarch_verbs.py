"""Import of PETRARCH-2 / TABARI verb dictionaries as tidings event patterns.

A verb dictionary is a list of blocks::

    &SYNSET                       # a named word set: +MEMBER lines (members may be phrases
    +WORD                         # or other synsets: +&OTHER)
    --- RESTORE [064] ---         # a block: the verb and its default code ([---]: none)
    RESTORE {RESTORED}            # the verb, irregular forms in braces
    +BRING_BACK                   # synonyms sharing the block's patterns (multi-word verbs
    WIRE_+TAP [1711]              #  mark their verb with +; a line may carry its own code)
    - * DIPLOMATIC TIES [064]     # a pattern: words before and after the verb (*)
    - + KNOWN_* IN $ [075]        # $ source, + target, % both, ^ any one word

Words joined by ``_`` must be adjacent; words separated by blanks may have others between
them. ``[A:B]`` codes two events: A from source to target and B back. Codes are kept as
written (KEDS/WEIS-era dictionaries carry codes outside CAMEO: they pass through, with no
Goldstein value). Only the verb's own clause is searched: words after the verb among the
tokens of its subtree, words before it in the sentence before it — a dependency-parse
approximation of PETRARCH's phrase-structure matching.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from tidings.coding.patterns import Pattern
from tidings.errors import ConfigError

log = logging.getLogger(__name__)

_XML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK = re.compile(r"^---\s*(\S+)\s*\[([^\]]*)\]")
_CODE_AT_END = re.compile(r"\[([^\]]*)\]\s*$")
_FORMS = re.compile(r"\{([^}]*)\}")

ROLE_MARKS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}


@dataclass(frozen=True, slots=True)
class Slot:
    """One element of a pattern side: alternatives of adjacent-word sequences, or a role
    mark (``$ + % ^``). ``glued`` means no word may come between it and the element before
    it (the verb, for the first element after ``*``; for the before side, read leftwards)."""

    words: tuple[tuple[str, ...], ...] = ()
    role: str = ""
    glued: bool = False


@dataclass(frozen=True, slots=True)
class VerbContext:
    before: tuple[Slot, ...] = ()  # nearest the verb first
    after: tuple[Slot, ...] = ()
    text: str = ""  # the pattern as written, for provenance

    @property
    def size(self) -> int:
        return sum(1 for s in (*self.before, *self.after) if s.words)


def looks_like_verbs(text: str) -> bool:
    """A PETRARCH verb dictionary has ``--- VERB [CODE] ---`` block headers."""
    return sum(1 for ln in text.splitlines() if _BLOCK.match(ln.strip())) >= 1


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_verbs(path: Path) -> list[Pattern]:
    """Patterns from a PETRARCH verb dictionary file."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read verb dictionary: {exc}", path=str(path)) from exc
    lines = [_strip_comment(ln) for ln in _XML_COMMENT.sub("", raw).splitlines()]

    synsets: dict[str, list[str]] = {}
    cur_syn: str | None = None
    for ln in lines:
        s = ln.strip()
        if s.startswith("&"):
            cur_syn = s.split()[0].rstrip("_").upper()
            synsets[cur_syn] = []
        elif cur_syn and s.startswith("+"):
            synsets[cur_syn].append(s[1:].strip())
        elif s:
            cur_syn = None

    patterns: list[Pattern] = []
    skipped: list[str] = []
    block_code: str | None = None
    verbs: list[tuple[tuple[str, ...], str, tuple[str, ...], str | None]] = []
    contexts: list[tuple[VerbContext, str | None]] = []

    def flush() -> None:
        for pre, verb, post, own in verbs:
            for ctx, code in contexts:
                if code:
                    patterns.append(_pattern(pre, verb, post, code, ctx))
            if own or block_code:
                patterns.append(_pattern(pre, verb, post, own or block_code or "",
                                         VerbContext()))

    in_block = False
    for n, ln in enumerate(lines, 1):
        s = ln.strip()
        if not s:
            continue
        m = _BLOCK.match(s)
        if m:
            if in_block:
                flush()
            in_block = True
            block_code = _code(m.group(2))
            verbs, contexts = [], []
            continue
        if not in_block or s.startswith("&"):
            if s.startswith("&"):
                in_block = False
                flush()
                verbs, contexts = [], []
            continue
        if s.startswith("-"):
            body = s[1:].strip()
            cm = _CODE_AT_END.search(body)
            if cm is None:
                continue
            try:
                ctx = _context(body[: cm.start()].strip(), synsets)
            except ValueError as exc:
                skipped.append(f"line {n}: {exc}")
                continue
            contexts.append((ctx, _code(cm.group(1))))
            continue
        # a verb line (the block's verb or a +synonym), maybe with forms and its own code
        own = None
        cm = _CODE_AT_END.search(s)
        if cm is not None:
            own = _code(cm.group(1))
            s = s[: cm.start()].strip()
        s = _FORMS.sub("", s).strip().lstrip("+")
        if not s:
            continue
        verbs.append((*_verb_words(s), own))
    if in_block:
        flush()
    if skipped:
        log.warning("%s: %d pattern(s) skipped (%s%s)", path, len(skipped),
                    "; ".join(skipped[:3]), " ..." if len(skipped) > 3 else "")
    return patterns


def _code(raw: str) -> str | None:
    raw = raw.strip()
    return None if not raw or set(raw) <= set("-+") else raw


def _verb_words(s: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """``WIRE_+TAP`` → (("wire",), "tap", ()); ``BREAK_DOWN`` → ((), "break", ("down",))."""
    words = [w for w in re.split(r"[_\s]+", s.lower()) if w]
    idx = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    return tuple(words[:idx]), words[idx], tuple(words[idx + 1:])


def _pattern(pre: tuple[str, ...], verb: str, post: tuple[str, ...], code: str,
             ctx: VerbContext) -> Pattern:
    forward, _, back = code.partition(":")
    before = tuple(Slot(((w,),), glued=True) for w in reversed(pre)) + ctx.before
    after = tuple(Slot(((w,),), glued=True) for w in post) + ctx.after
    return Pattern((verb,), False, forward.upper(), converse=False, reverse=back.upper(),
               context=VerbContext(before, after, ctx.text), origin="petrarch")


def _expand(word: str, synsets: dict[str, list[str]], depth: int = 0
            ) -> tuple[tuple[str, ...], ...]:
    word = word.strip()
    if word.startswith("&"):
        members = synsets.get(word.rstrip("_").upper())
        if members is None:
            raise ValueError(f"unknown synset {word}")
        if depth > 5:
            return ()
        out: list[tuple[str, ...]] = []
        for m in members:
            out.extend(_expand(m, synsets, depth + 1) if m.startswith("&")
                       else [tuple(w.lower() for w in re.split(r"[_\s]+", m) if w)])
        return tuple(out)
    return ((word.lower(),),)


def _side(text: str, synsets: dict[str, list[str]], *, leftwards: bool,
          verb_glued: bool) -> tuple[Slot, ...]:
    # (element, joined by an underscore to the element before it)
    elems: list[tuple[str, bool]] = []
    for chunk in text.split():
        for j, part in enumerate(p for p in chunk.split("_") if p):
            elems.append((part, j > 0))

    def slot(part: str, glued: bool) -> Slot:
        if part in ROLE_MARKS:
            return Slot(role=ROLE_MARKS[part], glued=glued)
        return Slot(_expand(part, synsets), glued=glued)

    if leftwards:  # read outwards from the verb
        out = []
        for k in range(len(elems) - 1, -1, -1):
            glued = verb_glued if k == len(elems) - 1 else elems[k + 1][1]
            out.append(slot(elems[k][0], glued))
        return tuple(out)
    return tuple(slot(part, verb_glued if k == 0 else joined)
                 for k, (part, joined) in enumerate(elems))


def _context(body: str, synsets: dict[str, list[str]]) -> VerbContext:
    if "*" not in body:
        raise ValueError(f"a verb pattern needs * for the verb: {body!r}")
    # PETRARCH 2.0 groups words: (PREP NOUN) a prepositional phrase, {A B} a noun phrase
    body = re.sub(r"\{([^}]*)\}", lambda m: "_".join(m.group(1).split()), body)
    body = body.replace("(", " ").replace(")", " ")
    left, _, right = body.partition("*")
    before = _side(left.strip().strip("_"), synsets, leftwards=True,
                   verb_glued=left.endswith("_"))
    after = _side(right.strip().strip("_"), synsets, leftwards=False,
                  verb_glued=right.startswith("_"))
    return VerbContext(before, after, body)
