"""Resolve a date expression against the publication date: rules first, dateparser for the rest.

The rules cover what dateparser gets wrong or lacks (see DESIGN.md): a weekday in an article of
that weekday is that day ("on Tuesday" in Tuesday's paper), "earlier this year", "last month",
durations that give a start ("for more than two years" → two years before publication), "since
2014", "in March" (the most recent March for a past event). Each result carries its precision:
``day``, ``month`` or ``year`` — never finer than the words support ("last week" is a month).
"""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, datetime, timedelta

logger = logging.getLogger(__name__)

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "few": 3, "a couple of": 2, "couple of": 2, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUM = r"(\d+|a couple of|couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|fifteen|twenty)"  # noqa: E501
_UNIT = r"(day|week|month|year|decade)s?"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(" + "|".join(WEEKDAYS) + r")"

Resolved = tuple[str, str]  # (YYYY[-MM[-DD]], precision)


def parse_publication(value: str | None) -> date | None:
    """A publication date from an ISO date or datetime string (None when unreadable)."""
    if not value:
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        import dateparser

        parsed = dateparser.parse(text, languages=["en"])
    except Exception:  # pragma: no cover - dateparser is defensive already
        return None
    return parsed.date() if parsed else None


def _day(d: date) -> Resolved:
    return d.isoformat(), "day"


def _month(y: int, m: int) -> Resolved:
    return f"{y:04d}-{m:02d}", "month"


def _year(y: int) -> Resolved:
    return f"{y:04d}", "year"


def _shift_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + n
    return k // 12, k % 12 + 1


def _number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _back(anchor: date, n: int, unit: str) -> Resolved:
    """``n`` units before the anchor, at the unit's precision."""
    if unit == "day":
        return _day(anchor - timedelta(days=n))
    if unit == "week":
        return _month(*_shift_months(anchor - timedelta(days=7 * n), 0))
    if unit == "month":
        return _month(*_shift_months(anchor, -n))
    if unit == "decade":
        return _year(anchor.year - 10 * n)
    return _year(anchor.year - n)


def weekday_date(anchor: date, weekday: int, *, modifier: str = "", future: bool = False) -> date:
    """The date a weekday name refers to in an article published on ``anchor``.

    Plain or "on": the most recent such day on or before publication (the same day when the
    article is of that weekday), or the next one on or after it for a future event. "last": the
    one before the publication day; "next": the one after it.
    """
    delta = (anchor.weekday() - weekday) % 7
    if modifier == "last":
        return anchor - timedelta(days=delta or 7)
    if modifier == "next":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if future:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=delta)


def _month_year(anchor: date | None, month: int, *, future: bool) -> int | None:
    """The year of a bare month name: the most recent such month (next one for the future)."""
    if anchor is None:
        return None
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def resolve_expression(text: str, anchor: date | None, *, future: bool = False) -> Resolved | None:
    """(date, precision) for a date expression, or None when it names no resolvable time."""
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^(on|in|at|during|by|of|from|until)\s+", "", t)

    # explicit dates first: they need no anchor
    m = re.search(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", t)
    m2 = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b", t)
    if m or m2:
        if m:
            month, day_s, year_s = MONTHS[m.group(1)], m.group(2), m.group(3)
        else:
            assert m2 is not None
            month, day_s, year_s = MONTHS[m2.group(2)], m2.group(1), m2.group(3)
        year = int(year_s) if year_s else _month_year(anchor, month, future=future)
        if year is not None:
            try:
                d = date(year, month, int(day_s))
            except ValueError:
                d = None
            if d is not None:
                if not year_s and anchor is not None and not future and d > anchor:
                    d = date(year - 1, month, int(day_s)) if (month, int(day_s)) != (2, 29) else d
                return _day(d)
    m = re.search(rf"\b{_MONTH}\s+(?:of\s+)?(\d{{4}})\b", t)
    if m:
        return _month(int(m.group(2)), MONTHS[m.group(1)])
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        try:
            return _day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return None
    m = re.search(r"\b(?:since|in|of|from)?\s*((?:19|20)\d{2})\b(?!s)", t)
    if m and not re.search(r"(?:19|20)\d{2}s\b", t):
        return _year(int(m.group(1)))

    if re.search(r"\b(?:19|20)?\d0s\b", t):
        return None  # a decade ("the 1990s") is coarser than any precision we state
    if anchor is None:
        return None
    # relative to the publication date
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", t):
        return _day(anchor)
    if re.search(r"\b(yesterday|last night)\b", t):
        return _day(anchor - timedelta(days=1))
    if re.search(r"\btomorrow\b", t):
        return _day(anchor + timedelta(days=1))
    m = re.search(rf"\b(?:(last|this|next|on|past)\s+)?{_WEEKDAY}\b", t)
    if m:
        mod = {"past": "last"}.get(m.group(1) or "", m.group(1) or "")
        mod = "" if mod in ("on", "this") else mod
        return _day(weekday_date(anchor, WEEKDAYS[m.group(2)], modifier=mod, future=future))
    m = re.search(rf"\b{_NUM}\s+{_UNIT}\s+(ago|earlier|before)\b", t)
    if m:
        n = _number(m.group(1))
        return _back(anchor, n, m.group(2)) if n is not None else None
    # durations give a start: "for more than two years", "over the past three months"
    m = re.search(
        rf"\b(?:for|over|in|during)?\s*(?:the\s+)?(?:(?:more|less)\s+than|nearly|almost|about|"
        rf"around|over|some|roughly|at least|past|last)?\s*(?:the\s+)?(?:past|last)?\s*"
        rf"{_NUM}\s+{_UNIT}\b",
        t,
    )
    if m and (t.startswith(("for ", "over ", "since ")) or re.search(r"\b(past|last)\b", t)):
        n = _number(m.group(1))
        return _back(anchor, n, m.group(2)) if n is not None else None
    m = re.search(r"\b(last|this|next|past)\s+(week|month|year|decade)\b", t)
    if m:
        rel, unit = m.group(1), m.group(2)
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
        if unit == "week":
            return _month(*_shift_months(anchor + timedelta(days=7 * step), 0))
        if unit == "month":
            return _month(*_shift_months(anchor, step))
        if unit == "decade":
            return _year(anchor.year + 10 * step) if step else _year(anchor.year)
        return _year(anchor.year + step)
    m = re.search(rf"\b(?:(earlier|later|early|late|mid)\s+(?:in\s+)?)?{_MONTH}\b", t)
    if m:
        month = MONTHS[m.group(2)]
        year = _month_year(anchor, month, future=future)
        return _month(year, month) if year is not None else None
    return _dateparser(t, anchor, future=future)


def _dateparser(text: str, anchor: date, *, future: bool) -> Resolved | None:
    """dateparser for what the rules do not cover; precision from the words it read."""
    if not re.search(r"\d|ago|week|month|year", text):
        return None
    if re.search(rf"\b{_UNIT}\b", text) and not re.search(
        r"\b(ago|last|next|this|past|earlier|later|before|after)\b", text
    ):
        return None  # "two years" is a length of time, not a time
    try:
        import dateparser
    except ModuleNotFoundError:  # pragma: no cover - a declared dependency
        logger.warning("dateparser is not installed: pip install 'dateparser>=1.2,<2'")
        return None
    base = datetime(anchor.year, anchor.month, anchor.day, 12)
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # pragma: no cover
        return None
    if parsed is None:
        return None
    if "year" in text or "decade" in text:
        return _year(parsed.year)
    if "month" in text:
        return _month(parsed.year, parsed.month)
    return _day(parsed.date())


__all__ = ["parse_publication", "resolve_expression", "weekday_date"]
