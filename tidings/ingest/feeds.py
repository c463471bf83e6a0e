"""RSS and Atom feeds (feedparser) → one Article per item.

An item's own content (``content:encoded``, Atom ``content``, else the summary) is used when it
holds at least ``min_item_words`` words; otherwise, when a fetcher is given and
``follow_links`` is on, the item's linked page is fetched and read as HTML (falling back to
the short content if the page fails). A feed that cannot be parsed, or holds no items, is
one rejection (``feed``); an item with no text is a rejection (``no-content``).
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tidings.errors import IngestError
from tidings.ingest.options import IngestOptions
from tidings.models import Article, Rejection

if TYPE_CHECKING:
    from tidings.ingest.fetch import Fetcher

logger = logging.getLogger(__name__)

Result = Article | Rejection

_BLOCK_END = re.compile(r"(?i)</(?:p|div|li|h[1-6]|blockquote|section|article|tr|figure)\s*>|"
                        r"<br\s*/?>|<(?:p|div|li|h[1-6]|blockquote)\b[^>]*>")
_DROP = re.compile(r"(?is)<(script|style|figure|figcaption|iframe|noscript)\b.*?</\1\s*>")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed entry, plain: its stable key, link, title, date and text content."""

    key: str
    link: str | None
    title: str | None
    published: str | None
    text: str
    outlet: str | None


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): one paragraph per block."""
    s = _DROP.sub(" ", fragment)
    s = _BLOCK_END.sub("\n\n", s)
    s = html.unescape(_TAG.sub("", s))
    lines = [_SPACES.sub(" ", ln).strip() for ln in s.split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def parse_feed(data: str | bytes, origin: str) -> list[FeedItem] | Rejection:
    """The items of an RSS/Atom document, or a rejection when it is not a readable feed."""
    try:
        import feedparser
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise IngestError("feeds need feedparser", hint="pip install feedparser") from exc
    try:
        parsed: Any = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser on hostile input; record, go on
        return Rejection(origin, "ingest", "feed", f"cannot parse the feed: {exc}")
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        detail = f"not a readable feed: {why}" if why else "the feed holds no items"
        return Rejection(origin, "ingest", "feed", detail)
    if parsed.get("bozo") and not any(
            e.get("link") or e.get("summary") or e.get("content") for e in entries):
        return Rejection(origin, "ingest", "feed",
                         f"malformed feed: {parsed.get('bozo_exception')}")
    outlet = (parsed.get("feed") or {}).get("title") or None
    items = []
    for entry in entries:
        items.append(_item(entry, outlet))
    return items


def _item(entry: Any, outlet: str | None) -> FeedItem:
    link = entry.get("link") or None
    title = html.unescape(_TAG.sub("", entry.get("title") or "")).strip() or None
    bodies = [c.get("value", "") for c in entry.get("content") or []]
    body = max(bodies, key=len) if bodies else ""
    summary = entry.get("summary") or entry.get("description") or ""
    text = html_fragment_text(body if len(body) >= len(summary) else summary)
    published = None
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            published = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*t[:6])
            break
    key = entry.get("id") or link or hashlib.sha1(
        f"{title}|{published}|{text[:200]}".encode()).hexdigest()
    return FeedItem(key=str(key), link=link, title=title, published=published, text=text,
                    outlet=outlet)


def item_id(item: FeedItem) -> str:
    """A stable article id for a feed item (from its guid, else its link)."""
    return "item-" + hashlib.sha1(item.key.encode("utf-8")).hexdigest()[:16]


def read_feed_text(text: str | bytes, origin: str, *, options: IngestOptions | None = None,
                   fetcher: Fetcher | None = None) -> Iterator[Result]:
    """Articles from the items of one feed document."""
    items = parse_feed(text, origin)
    if isinstance(items, Rejection):
        yield items
        return
    for item in items:
        yield item_article(item, origin, options=options, fetcher=fetcher)


def item_article(item: FeedItem, origin: str, *, options: IngestOptions | None = None,
                 fetcher: Fetcher | None = None) -> Result:
    """The article of one feed item: its own content, or its linked page when that is short."""
    opts = options or IngestOptions()
    art_id = item_id(item)
    where = item.link or f"{origin}#{item.key}"
    words = len(item.text.split())
    if words < opts.min_item_words and item.link and fetcher is not None and opts.follow_links:
        page = _linked_page(item, art_id, opts, fetcher)
        if isinstance(page, Article) or not item.text:
            return page
        logger.info("%s: linked page failed (%s); using the item's own text", where,
                    page.reason)
    if not item.text:
        return Rejection(where, "ingest", "no-content", "the feed item has no text and no "
                                                        "readable link", art_id)
    return Article(id=art_id, text=item.text, title=item.title, published=item.published,
                   outlet=item.outlet, url=item.link, origin=where)


def _linked_page(item: FeedItem, art_id: str, opts: IngestOptions,
                 fetcher: Fetcher) -> Result:
    from tidings.ingest.fetch import Response
    from tidings.ingest.readers import read_bytes

    assert item.link is not None
    resp = fetcher.get(item.link)
    if not isinstance(resp, Response):
        return Rejection(resp.origin, resp.stage, resp.reason, resp.detail, art_id)
    for result in read_bytes(resp.content, item.link, fmt="html", article_id=art_id,
                             options=opts, url=resp.url):
        if isinstance(result, Rejection):
            return result
        return Article(id=art_id, text=result.text, title=result.title or item.title,
                       published=result.published or item.published,
                       outlet=result.outlet or item.outlet, url=result.url or resp.url,
                       origin=item.link)
    return Rejection(item.link, "ingest", "no-main-text", "the linked page has no text", art_id)


__all__ = ["FeedItem", "html_fragment_text", "item_article", "item_id", "parse_feed",
           "read_feed_text"]
