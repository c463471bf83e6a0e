"""Import of PETRARCH-2 actor and agent dictionaries, so users can migrate.

Formats (``shared/reference/petrarch2/petrarch2_formats.json``):

- actors: ``PHRASE [CODE]`` lines, ``+SYNONYM`` lines for the entry above, and date-restriction
  lines starting with a tab: ``[CODE <YYMMDD]``, ``[CODE YYYYMMDD - YYYYMMDD]``,
  ``[CODE >YYMMDD]``. Words are joined by ``_`` or blanks; a phrase without a trailing ``_``
  matches its last word as a stem.
- agents: ``PHRASE {PLURAL} [~CODE]`` (the agent's code goes after the actor's) or
  ``[CODE~]`` (before it, for organisations); ``!NAME! = A, B`` substitution sets.

``#`` starts a comment; ``<!-- ... -->`` blocks are comments too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tidings.coding.actors import ActorDictionary

_CODE = re.compile(r"\[([^\]]*)\]")
_XML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SUBST = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def looks_like_petrarch(text: str) -> bool:
    """PETRARCH dictionaries hold ``PHRASE [CODE]`` lines; tidings files are YAML lists."""
    body = _XML_COMMENT.sub("", text)
    lines = [ln for ln in body.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return False
    coded = sum(1 for ln in lines if re.search(r"\S\s*\[[^\]]*\]\s*(#.*)?$", ln)
                and not ln.lstrip().startswith("-") and not re.search(r"\w:\s", ln))
    return coded >= max(1, len(lines) // 3)


def _date(raw: str) -> str:
    raw = raw.strip()
    if len(raw) == 6:  # YYMMDD: PETRARCH reads 00-30 as 20xx
        yy = int(raw[:2])
        raw = ("20" if yy <= 30 else "19") + raw
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def _restriction(spec: str) -> tuple[str, str | None, str | None]:
    """``CODE <date`` / ``CODE >date`` / ``CODE d1 - d2`` / ``CODE`` → (code, start, end)."""
    spec = spec.strip()
    code, _, rest = spec.partition(" ")
    rest = rest.replace(" ", "")
    if not rest:
        return code, None, None
    if rest.startswith("<"):
        return code, None, _date(rest[1:])
    if rest.startswith(">"):
        return code, _date(rest[1:]), None
    a, _, b = rest.partition("-")
    return code, _date(a), _date(b)


def _phrase(raw: str) -> tuple[str, bool]:
    """Words of a phrase and whether its last word is a stem (no trailing ``_``)."""
    raw = raw.strip()
    exact = raw.endswith("_")
    words = [w for w in re.split(r"[_\s]+", raw) if w]
    return " ".join(words), not exact


def parse_actors(text: str) -> list[dict[str, Any]]:
    """Actor records: ``{"phrases": [(phrase, is_stem)], "code": str, "terms": [...]}``."""
    records: list[dict[str, Any]] = []
    for line in _XML_COMMENT.sub("", text).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if line.startswith(("\t", " ")) and body.strip().startswith("["):  # date restriction
            if records:
                m = _CODE.search(body)
                if m:
                    records[-1]["terms"].append(_restriction(m.group(1)))
            continue
        if body.lstrip().startswith("+"):
            if records:
                records[-1]["phrases"].append(_phrase(body.lstrip()[1:]))
            continue
        m = _CODE.search(body)
        phrase = body[: m.start()] if m else body
        code = m.group(1).strip().upper() if m else ""
        records.append({"phrases": [_phrase(phrase)], "code": "" if code == "---" else code,
                        "terms": []})
    return records


def parse_agents(text: str) -> list[tuple[str, str, bool]]:
    """Agent records ``(phrase, code, before)``: ``before`` for ``[CODE~]`` agents."""
    subst: dict[str, list[str]] = {}
    out: list[tuple[str, str, bool]] = []
    for line in _XML_COMMENT.sub("", text).splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = _SUBST.match(body)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _CODE.search(body)
        if not m:
            continue
        code = m.group(1).strip().upper()
        before = code.endswith("~")
        code = code.strip("~").strip()
        phrase = body[: m.start()]
        plural = re.search(r"\{([^}]*)\}", phrase)
        phrase = re.sub(r"\{[^}]*\}", "", phrase)
        variants = [phrase]
        for name, values in subst.items():
            if f"!{name}!" in phrase:
                variants = [v.replace(f"!{name}!", f"_{val}") for v in variants for val in values]
        for v in variants:
            words, _ = _phrase(v)
            out.append((words, code, before))
            if plural and plural.group(1).strip():
                out.append((_phrase(plural.group(1))[0], code, before))
            elif not plural:
                out.append((_plural(words), code, before))
    return out


def _plural(phrase: str) -> str:
    words = phrase.split()
    # the head of "MINISTER OF SILLY WALKS" is the word before OF
    k = next((i - 1 for i, w in enumerate(words) if w.upper() == "OF" and i > 0), len(words) - 1)
    head = _plural_word(words[k])
    return " ".join([*words[:k], head, *words[k + 1 :]])


def _plural_word(last: str) -> str:
    if last.upper().endswith("Y") and len(last) > 2 and last[-2].upper() not in "AEIOU":
        last = last[:-1] + "IES"
    elif last.upper().endswith(("S", "SH", "CH", "X")):
        last = last + "ES"
    else:
        last = last + "S"
    return last


def load_into(d: ActorDictionary, text: str, where: str) -> None:
    """Add a PETRARCH actors or agents file to a tidings dictionary."""
    from tidings.coding.actors import Entry

    if any(re.search(r"\[\s*~|~\s*\]", ln) for ln in text.splitlines()):
        for phrase, code, before in parse_agents(text):
            d.add_agent(phrase, f"{code}~" if before else code)
        return
    for rec in parse_actors(text):
        code = rec["code"]
        terms = tuple(rec["terms"])
        if not code and not terms:
            continue
        entry = Entry(code, "group" if len(code) > 3 else "country", (code or terms[0][0])[:3],
                      rec["phrases"][0][0], group=None, terms=terms)
        for phrase, is_stem in rec["phrases"]:
            if is_stem:
                d.add_stem(phrase, entry)
            else:
                d.add_name(phrase, entry)
