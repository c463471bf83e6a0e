"""Article metadata: publication date (metadata, URL, dateline, "Published" lines), outlet
(site name, feed title, dateline agency, URL host) and language (py3langid, a small
well-kept identifier; its model ships inside the package, nothing is downloaded)."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])"
               r"(?:[/-]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
               r"(?:[/_.-]|$)"),
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                  r"(?:Z|[+-]\d{2}:?\d{2})?)?$")


def date_from_url(url: str | None) -> str | None:
    """``YYYY-MM-DD`` from URL paths such as ``/2024/05/06/`` or ``-20240506-``."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
            except ValueError:
                continue
    return None


def parse_date(text: str | None, *, require_year: bool = True) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or a datetime when the text gives a time) from free text;
    None when it holds no full date. dateparser is used for the free forms."""
    if not text:
        return None
    s = text.strip()
    if _ISO.match(s):
        return s
    if require_year and not re.search(r"\b(?:19|20)\d{2}\b", s):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        parsed: datetime | None = dateparser.parse(
            s, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                           "REQUIRE_PARTS": ["day", "month", "year"],
                                           "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # noqa: BLE001 - dateparser on odd input
        return None
    return parsed.date().isoformat() if parsed else None


def outlet_from_url(url: str | None) -> str | None:
    """The host of a URL without ``www.`` (``apnews.com``)."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


_IDENTIFIER: Any = None


def detect_language(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of the text's language."""
    global _IDENTIFIER
    if _IDENTIFIER is None:
        try:
            from py3langid.langid import _load_identifier
        except ImportError as exc:  # pragma: no cover - a declared dependency
            from tidings.errors import IngestError

            raise IngestError("language detection needs py3langid",
                              hint="pip install py3langid") from exc
        _IDENTIFIER = _load_identifier(norm_probs=True)
    lang, prob = _IDENTIFIER.classify(text[:2000])
    return str(lang), float(prob)


__all__ = ["date_from_url", "detect_language", "outlet_from_url", "parse_date"]
