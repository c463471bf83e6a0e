"""Cleaning scraped article text: general, line-level rules (not tied to one outlet).

What is removed, each recorded as ``Removed(what, text, reason, start, end)``:

- ``headline``: a leading ``Source:``/``Headline:``/``Title:`` line, a first line repeating the
  known title, or (no title known) a short first line without closing punctuation followed by
  a blank line — it becomes the title;
- ``credit``: photo credits (agency slashes such as ``NAME/AFP/Getty``, ``Reuters/NAME``,
  ``Photo:``/``Credit:``/``Image copyright`` lines, bare agency lines such as ``Getty Images``);
- ``caption``: ``Caption:``/``FILE PHOTO:``/``Pictured:`` lines, lines ending in a credit, and
  the line just before a credit (in its paragraph, or unpunctuated on its own);
- ``dateline``: ``TEL AVIV –``, ``CAIRO (Reuters) -``, ``WASHINGTON, Jan 5 (AP) —``,
  ``NEW DELHI:`` at the start of the body — kept as metadata (place, region, date, agency);
- ``byline``: ``By NAME[, Agency]``, ``Reporting by …; Editing by …``, ``Author: …``;
- ``timestamp``: ``Published …``/``Updated …`` lines;
- ``share``, ``subscribe``, ``read-more``, ``advertisement``, ``comments``, ``copyright``,
  ``cookie-banner``: page furniture, one line at a time;
- ``footer``: a comment-section or related-links heading (``COMMENTS``, ``Related articles``,
  ``More on this story`` …) after the body — it and everything after it.

The cleaned text keeps a map back to the original: ``Cleaned.offsets.original(i)`` gives the
offset in the input text of character ``i`` of the cleaned text.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tidings.models import Event

# -- records --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Removed:
    """One stretch of the input that cleaning left out, and why. Offsets index the input."""

    what: str
    text: str
    reason: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "text": self.text, "reason": self.reason,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline opening the body: ``WASHINGTON, Jan 5 (AP) —``."""

    text: str
    place: str
    region: str | None = None
    date: str | None = None
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "place": self.place, "region": self.region,
                "date": self.date, "agency": self.agency}


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Copied stretches ``(clean_start, original_start, length)``, sorted; characters between
    stretches (inserted paragraph breaks) map to the end of the stretch before them."""

    segments: tuple[tuple[int, int, int], ...]
    length: int

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        return cls(((0, 0, n),), n)

    def original(self, i: int) -> int:
        """The input offset of cleaned offset ``i`` (``0 <= i <= len(cleaned text)``)."""
        if not self.segments:
            return 0
        starts = [s[0] for s in self.segments]
        k = max(bisect.bisect_right(starts, i) - 1, 0)
        cs, os_, n = self.segments[k]
        if i < cs:
            return os_
        return os_ + min(i - cs, n)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets of the cleaned span ``[start, end)``."""
        if end <= start:
            o = self.original(start)
            return o, o
        return self.original(start), self.original(end - 1) + 1


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    title: str | None
    dateline: Dateline | None
    removed: tuple[Removed, ...]
    offsets: OffsetMap
    published_text: str | None = None  # the text of a "Published …" line, for date metadata
    extras: dict[str, str] = field(default_factory=dict)  # author, …


# -- patterns -------------------------------------------------------------------------------

_I = re.IGNORECASE
_AGENCIES = (r"AFP|Getty(?: Images)?|Reuters|REUTERS|AP|AP Photo|Associated Press|EPA|EPA-EFE|"
             r"Anadolu(?: Agency)?|Xinhua|Bloomberg|Shutterstock|Alamy|PA(?: Images| Wire)?|"
             r"Sipa|NurPhoto|SOPA Images|ZUMA(?: Wire| Press)?|dpa|Pool|Corbis|UPI|TASS|"
             r"Sputnik|WANA|IDF|Flash90|Wikimedia(?: Commons)?|Handout|File")
_AGENCY_WORD = re.compile(rf"(?:^|[/\s(]|\b)(?:{_AGENCIES})(?:$|[/\s)]|\b)")
_SLASH_CREDIT = re.compile(r"^[\w .'’()&-]{2,60}(?:\s*/\s*[\w .'’()&-]{2,40}){1,3}$")
_CREDIT_LINES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:photo(?:graph)?s?|pictures?|images?|credits?|photo credit|image credit|"
                r"image source|image copyright|illustration|graphic)\s*(?:by)?\s*[:|]\s*"
                r"\S.{0,150}$",
                _I), "a photo or image credit line"),
    (re.compile(r"^\(?(?:photo(?:graph)?|image|picture)s?\s+(?:by|courtesy(?: of)?|credit)\s+"
                r".{2,120}\)?$", _I), "a photo credit line"),
    (re.compile(r"^(?:image copyright|image source|photo credit|image credit|picture "
                r"credit)\s*:?\s*\S.{0,100}$", _I), "an image credit line"),
    (re.compile(rf"^(?:{_AGENCIES})(?:\s*(?:/|via)\s*[\w .'’&-]{{1,60}}){{0,3}}$"),
     "a bare agency or photo-library name"),
)
_CAPTION_PREFIX = re.compile(
    r"^(?:caption|image caption|photo caption|media caption|pictured|file photo|file picture|"
    r"in pictures|watch|video|listen|gallery|slideshow|photos)\s*[:|–—]\s*", _I)
_ENDS_WITH_CREDIT = re.compile(
    rf"(?:\((?:AP |AFP |Reuters )?(?:photo|image|picture)s?\b[^)]{{0,80}}\)|"
    rf"\b(?:{_AGENCIES})(?:\s*/\s*[\w .'’-]{{1,40}}){{1,3}}|\bGetty Images\)?)\s*\.?$")
_BYLINE = re.compile(r"^(?:by|written by|words by|story by|reported by)\s+(?P<rest>.{2,150})$", _I)
_BYLINE_WORDS = {"and", "for", "of", "in", "at", "de", "da", "van", "von", "der", "al", "el",
                 "bin", "ibn", "staff", "writer", "writers", "correspondent", "reporter",
                 "editor", "news", "the", "with", "le", "la", "du"}
_CREDIT_TAIL = re.compile(r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|"
                          r"contributing|research)\s+by\b.{0,300}\)?$", _I)
_AUTHOR = re.compile(r"^(?:authors?|reporter|correspondent)\s*:\s*.{2,80}$", _I)
_TIMESTAMP = re.compile(r"^(?P<kind>published|updated|last updated|first published|posted|"
                        r"last modified|modified)(?:\s+on)?\b\s*:?\s*(?P<when>(?=.*\d).{1,80})$",
                        _I)
_SHARE_WORDS = (r"share(?: this)?(?: article| story| page| on \w+| via \w+)?|tweet(?: this)?|"
                r"e-?mail(?: this)?|print(?: this)?(?: article)?|whatsapp|facebook|twitter|x|"
                r"linkedin|reddit|pinterest|telegram|messenger|copy link|copied|save(?: article)?|"
                r"gift(?: this)? article|comment")
_LINE_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("share", re.compile(rf"^(?:{_SHARE_WORDS})(?:\s*[|/·•,]?\s*(?:{_SHARE_WORDS}))*\s*$", _I),
     "share buttons"),
    ("share", re.compile(r"^follow (?:us|[\w@.]+(?: [\w@.]+){0,3}) on (?:twitter|x|facebook|"
                         r"instagram|telegram|linkedin|threads|bluesky|google news|youtube)\b"
                         r".{0,80}$", _I), "a follow-us line"),
    ("subscribe", re.compile(r"^(?:subscribe|sign up|sign-up|register|join|get|want)\b.{0,160}"
                             r"\b(?:newsletter|subscribe|subscription|inbox|alerts|briefing)"
                             r"\b.{0,80}$", _I), "a subscription prompt"),
    ("subscribe", re.compile(r"^(?:already (?:a subscriber|have an account)|log ?in|sign in|"
                             r"support (?:our|independent) journalism|become a (?:member|"
                             r"subscriber)|subscribe(?: now| today)?)\b.{0,120}$", _I),
     "a subscription prompt"),
    ("read-more", re.compile(r"^(?:read more|read next|read also|also read|see also|"
                             r"related(?: articles?| stories| coverage| content| reading| "
                             r"topics)?|more on this(?: story)?|recommended|watch more|"
                             r"more:)\s*(?::|\||»|›|>|–|—|$)", _I), "a related-link line"),
    ("read-more", re.compile(r"^(?=(?:\S+\s+){0,30}\S*$).*\bclick here\b", _I),
     "a click-here line"),
    ("advertisement", re.compile(r"^(?:advertisements?|advert|ad|sponsored(?: content)?|"
                                 r"(?:story|article) continues below(?: advertisement)?|"
                                 r"continue reading(?: below| the main story)?|"
                                 r"skip (?:advertisement|ad)|loading\.*|scroll to continue.*)"
                                 r"\s*$", _I), "an advertisement marker"),
    ("comments", re.compile(r"\b(?:issues with commenting|comments? (?:are|is) (?:closed|"
                            r"moderated|disabled)|comment(?:ing)? policy|community guidelines|"
                            r"log in to comment|to comment,? (?:please )?(?:log|sign) in)\b", _I),
     "a comment-section notice"),
    ("copyright", re.compile(r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|the\b|[A-Z]).{0,150}$",
                             _I), "a copyright line"),
    ("copyright", re.compile(r"^all rights reserved\.?$|this material may not be published, "
                             r"broadcast, rewritten,? or redistributed", _I),
     "a copyright line"),
    ("cookie-banner", re.compile(r"\b(?:we|this (?:web)?site|our (?:web)?site|our partners)\s+"
                                 r"(?:and our partners\s+)?uses?\s+cookies\b|\bcookies?\b.{0,80}"
                                 r"\b(?:accept|consent to|agree to)\b|\bby (?:continuing|"
                                 r"clicking|using)\b.{0,100}\b(?:cookies)\b", _I),
     "a cookie notice"),
    ("cookie-banner", re.compile(r"^(?:accept(?: all)?(?: cookies)?|reject all(?: cookies)?|"
                                 r"manage (?:preferences|cookies|settings|options)|cookie "
                                 r"(?:settings|policy|preferences)|allow all(?: cookies)?)\s*$",
                                 _I), "a cookie-banner button"),
)
_FOOTER_MARK = re.compile(
    r"^(?:comments?|\d+ comments?|show comments|view comments|leave a (?:comment|reply)|"
    r"post a comment|join the (?:discussion|conversation)|related(?: articles| stories| "
    r"coverage| content)?|more on this story|most read|most popular|top stories|"
    r"you (?:may|might) also like|recommended(?: for you)?|more from [\w ]{2,40}|"
    r"trending(?: now)?)\s*:?$", _I)
_HEADLINE_PREFIX = re.compile(r"^(?:source|headline|title)\s*:\s*(?P<title>\S.*)$", _I)

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_CAPS_PLACE = r"[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]*){0,3}"
_ANY_PLACE = r"[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3}"
_REGION = r"(?:,\s*(?P<region>[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2}))"
_DATE_PART = rf"(?:,?\s*(?P<date>{_DATE}))"
_AGENCY_PART = r"\(\s*(?P<agency>[A-Z][\w .&'’-]{0,40}?)\s*\)"
_DASH = r"(?:\s+[-–—]{1,2}\s*|\s*[-–—]{1,2}\s+)"
_DATELINES = (
    re.compile(rf"^(?P<place>{_ANY_PLACE}){_REGION}?{_DATE_PART}?\s*{_AGENCY_PART}\s*[-–—]{{1,2}}"
               rf"\s*"),
    re.compile(rf"^(?P<place>{_CAPS_PLACE}){_REGION}?{_DATE_PART}?{_DASH}(?=[\w\"“‘'])"),
    re.compile(rf"^(?P<place>{_CAPS_PLACE}){_REGION}?{_DATE_PART}?:\s+(?=[A-Z\"“‘'])"),
)
_NOT_PLACES = {"UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "WATCH", "VIDEO",
               "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "ANALYSIS", "OPINION",
               "LIVE", "FILE", "PHOTO", "FILE PHOTO", "WARNING", "NEW", "Q", "A", "FACT CHECK",
               "COMMENT", "COMMENTS", "READ MORE", "ALERT", "URGENT", "FLASH", "NB", "PS",
               "EDITORIAL", "REVIEW", "INTERVIEW", "OP-ED", "SPONSORED", "ADVERTISEMENT"}
_TERMINAL = ".!?:;,\"”’'…)"


# -- lines ----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Line:
    start: int  # content bounds in the input (surrounding whitespace excluded)
    end: int
    text: str
    block: int  # lines separated by blank lines are in different blocks
    drop: tuple[str, str] | None = None  # (what, reason)
    cut: int = 0  # characters cut from the start (a dateline)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    block = 0
    pos = 0
    blank_run = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            if blank_run and out:
                block += 1
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped, block))
            blank_run = False
        else:
            blank_run = True
        pos += len(raw) + 1
    return out


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def is_credit(line: str) -> bool:
    """Whether a whole line is a photo credit."""
    if len(line) > 160 or line.endswith((".", "!", "?")) and not line.endswith(("Images.",)):
        return False
    if _SLASH_CREDIT.match(line):
        first = line.split("/", 1)[0].strip()
        if _AGENCY_WORD.search(line) or (first.isupper() and len(first) > 2):
            return True
    return any(p.match(line) for p, _ in _CREDIT_LINES)


def _is_byline(line: str) -> bool:
    if _CREDIT_TAIL.match(line) or _AUTHOR.match(line):
        return True
    m = _BYLINE.match(line)
    if not m or line.endswith((".", "!", "?")):
        return False
    words = re.findall(r"[\w'’.-]+", m.group("rest"))
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _BYLINE_WORDS or w[0].isdigit() for w in words)


def _looks_like_headline(line: _Line, nxt: _Line | None) -> bool:
    words = line.text.split()
    return (nxt is not None and nxt.block != line.block and 1 <= len(words) <= 25
            and len(line.text) <= 200
            and (line.text.endswith("...") or not line.text.endswith((".", ",", ";", ":")))
            and not any(p.match(line.text) for p in _DATELINES))


def match_dateline(line: str) -> tuple[Dateline, int] | None:
    """The dateline opening ``line`` and its length, if there is one."""
    for pattern in _DATELINES:
        m = pattern.match(line)
        if not m:
            continue
        place = m.group("place").strip(" .")
        if place.upper() in _NOT_PLACES or len(re.sub(r"\W", "", place)) < 2:
            continue
        if m.end() >= len(line):
            continue
        agency = m.groupdict().get("agency")
        return Dateline(text=line[: m.end()].strip(), place=place,
                        region=m.group("region"), date=m.group("date"),
                        agency=agency.strip() if agency else None), m.end()
    return None


# -- cleaning -------------------------------------------------------------------------------

def clean_text(text: str, *, title: str | None = None, strip: bool = True) -> Cleaned:
    """Find the title, dateline and page furniture of ``text``; with ``strip`` (the default)
    return the text without them, else the text unchanged (metadata only)."""
    lines = _lines(text)
    found_title = title
    published_text: str | None = None
    extras: dict[str, str] = {}

    def drop(ln: _Line, what: str, reason: str) -> None:
        if ln.drop is None:
            ln.drop = (what, reason)

    # 1. headline
    if lines:
        first = lines[0]
        nxt = lines[1] if len(lines) > 1 else None
        m = _HEADLINE_PREFIX.match(first.text)
        if m and nxt is not None:
            found_title = found_title or m.group("title").strip()
            drop(first, "headline", f"a leading '{first.text.split(':', 1)[0]}:' headline line")
        elif title and _norm(first.text) == _norm(title) and nxt is not None:
            drop(first, "headline", "repeats the title")
        elif not title and _looks_like_headline(first, nxt):
            found_title = first.text
            drop(first, "headline", "a short first line without closing punctuation")

    # 2. line rules
    body_seen = False
    for i, ln in enumerate(lines):
        if ln.drop:
            continue
        t = ln.text
        if body_seen and _FOOTER_MARK.match(t):
            for rest in lines[i:]:
                drop(rest, "footer", f"the '{t}' section ends the article")
            break
        if is_credit(t):
            drop(ln, "credit", "a photo credit")
        elif _CAPTION_PREFIX.match(t):
            drop(ln, "caption", f"a '{t.split(':', 1)[0].split('|', 1)[0].strip()}' line")
        elif len(t) <= 400 and _ENDS_WITH_CREDIT.search(t):
            drop(ln, "caption", "a photo caption ending in a credit")
        elif _is_byline(t):
            drop(ln, "byline", "an author or reporting credit")
            if _BYLINE.match(t) and "author" not in extras:
                extras["author"] = _BYLINE.match(t).group("rest")  # type: ignore[union-attr]
        elif (ts := _TIMESTAMP.match(t)) and len(t) <= 100:
            drop(ln, "timestamp", "a publication timestamp")
            if ts.group("kind").lower() in ("published", "first published", "posted"):
                published_text = ts.group("when")
            elif "published" not in extras:  # an update time stands in for a missing one
                published_text = published_text or ts.group("when")
            if ts.group("kind").lower() in ("published", "first published", "posted"):
                extras["published"] = ts.group("when")
        else:
            for what, pattern, reason in _LINE_RULES:
                if len(t) <= 600 and pattern.search(t):
                    drop(ln, what, reason)
                    break
        if ln.drop is None and len(t.split()) >= 8:
            body_seen = True

    # 3. captions beside credits
    for i, ln in enumerate(lines):
        if not ln.drop or ln.drop[0] != "credit" or i == 0:
            continue
        prev = lines[i - 1]
        if prev.drop is not None:
            continue
        same_par = prev.block == ln.block
        if same_par or (len(prev.text) <= 300 and not prev.text.endswith(tuple(_TERMINAL))):
            drop(prev, "caption", "the photo caption above a credit")

    # 4. dateline at the start of the body
    dateline: Dateline | None = None
    for ln in lines:
        if ln.drop is None:
            found = match_dateline(ln.text)
            if found:
                dateline, ln.cut = found
                while ln.cut < len(ln.text) and ln.text[ln.cut].isspace():
                    ln.cut += 1
            break

    removed: list[Removed] = []
    for ln in lines:
        if ln.drop:
            removed.append(Removed(ln.drop[0], ln.text, ln.drop[1], ln.start, ln.end))
        elif ln.cut:
            removed.append(Removed("dateline", ln.text[: ln.cut].strip(),
                                   "the dateline (kept as metadata)", ln.start,
                                   ln.start + ln.cut))
    if not strip:
        return Cleaned(text, found_title, dateline, tuple(removed),
                       OffsetMap.identity(len(text)), published_text, extras)
    return _assemble(text, lines, found_title, dateline, removed, published_text, extras)


def _assemble(text: str, lines: list[_Line], title: str | None, dateline: Dateline | None,
              removed: list[Removed], published_text: str | None,
              extras: dict[str, str]) -> Cleaned:
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    prev: _Line | None = None
    gap_dropped = False
    for ln in lines:
        if ln.drop:
            gap_dropped = gap_dropped or prev is not None
            continue
        if prev is not None:
            sep = "\n\n" if gap_dropped or ln.block != prev.block else "\n"
            parts.append(sep)
            pos += len(sep)
        start = ln.start + ln.cut
        piece = text[start: ln.end]
        segments.append((pos, start, len(piece)))
        parts.append(piece)
        pos += len(piece)
        prev = ln
        gap_dropped = False
    out = "".join(parts)
    return Cleaned(out, title, dateline, tuple(removed), OffsetMap(tuple(segments), len(out)),
                   published_text, extras)


CleanFn = Callable[..., Cleaned]

__all__ = ["Cleaned", "Dateline", "OffsetMap", "Removed", "clean_text", "is_credit",
           "match_dateline"]


def map_event_offsets(event: Event, offsets: OffsetMap) -> Event:
    """The event with every character offset (source, target, claimant, condition, trigger,
    evidence) mapped from the cleaned text back to the input text."""

    def span(x: Any) -> Any:
        if x is None or getattr(x, "start", None) is None:
            return x
        start, end = offsets.span(x.start, x.end)
        return dataclasses.replace(x, start=start, end=end)

    return dataclasses.replace(
        event, source=span(event.source), target=span(event.target),
        claimant=span(event.claimant), condition=span(event.condition),
        trigger=span(event.trigger), evidence=tuple(span(e) for e in event.evidence),
    )
