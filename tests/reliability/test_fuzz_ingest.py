"""Property-based fuzzing of the ingest stage (no spaCy): whatever bytes arrive, every reader
yields only ``Article | Rejection`` and never raises; cleaning keeps its offset map true.

Hypothesis draws random bytes, truncated and mixed encodings, zero-width and RTL characters,
nested HTML, malformed JSONL/CSV and feeds; each property runs ~100-200 examples (a few
seconds in all)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.corpus import FOREIGN, INVISIBLE, NEWS, ODD
from tidings.ingest import IngestOptions, clean_text, decode, prepare, read_bytes
from tidings.models import Article, Rejection

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAMES = ("doc.txt", "doc.html", "doc.jsonl", "doc.csv", "doc.tsv", "doc.rss", "doc.atom",
         "doc.xml", "doc.warc", "doc.gz", "doc.zip", "doc", "doc.md", "-")
FORMATS = ("auto", "text", "html", "jsonl", "csv", "feed", "warc")

news = st.sampled_from(NEWS)
chars = st.characters(codec="utf-8") | st.sampled_from(
    tuple(c for c in INVISIBLE + ODD if len(c) == 1))
# news text with hostile characters spliced in
hostile_text = st.lists(news | st.sampled_from(FOREIGN + ODD) | st.text(chars, max_size=40),
                        min_size=0, max_size=12).map(" ".join)
encodings = st.sampled_from(("utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1",
                             "koi8-r", "shift_jis", "gb18030", "utf-8-sig"))


def check(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, Rejection)), item
        if isinstance(item, Article):
            assert item.text.strip(), "an article with no text"
            assert item.id
        else:
            assert item.reason and item.stage == "ingest"


def read(data: bytes, name: str, fmt: str = "auto") -> list:
    items = list(read_bytes(data, name, fmt=fmt, options=IngestOptions(fmt=fmt)))
    check(items)
    return items


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(NAMES), st.sampled_from(FORMATS))
def test_random_bytes_in_any_format(data, name, fmt):
    read(data, name, fmt)


@FUZZ
@given(hostile_text, encodings, st.integers(0, 64), st.sampled_from(NAMES))
def test_encoded_and_truncated_text(text, encoding, cut, name):
    data = text.encode(encoding, errors="replace")
    read(data, name)
    read(data[: max(0, len(data) - cut)], name)  # truncated, often mid-character
    read(data[:cut] + "\u00e9\u2014\U0001f4a3".encode() + data[cut:], name)  # mixed


@FUZZ
@given(hostile_text)
def test_decode_returns_text_or_rejection(text):
    out = decode(text.encode("utf-8", errors="surrogatepass"), "x")
    assert isinstance(out, (str, Rejection))
    if isinstance(out, str):
        assert "\r" not in out


@FUZZ
@given(hostile_text, st.booleans(), st.one_of(st.none(), hostile_text))
def test_cleaning_keeps_its_offset_map(text, strip, title):
    raw = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = clean_text(raw, title=title, strip=strip)
    assert cleaned.offsets.length == len(cleaned.text)
    for cs, os_, n in cleaned.offsets.segments:
        assert cleaned.text[cs:cs + n] == raw[os_:os_ + n]
    for i in range(0, len(cleaned.text) + 1, max(1, len(cleaned.text) // 7)):
        assert 0 <= cleaned.offsets.original(i) <= len(raw)


@FUZZ
@given(hostile_text, st.one_of(st.none(), st.text(max_size=30)),
       st.one_of(st.none(), st.text(max_size=30)), st.one_of(st.none(), st.text(max_size=60)))
def test_prepare_any_article(text, published, title, url):
    art = Article(id="a", text=text, published=published, title=title, url=url)
    for opts in (IngestOptions(), IngestOptions(clean=False, languages=())):
        out = prepare(art, opts)
        assert isinstance(out, Rejection) or out.article.text.strip()


def html_tree(depth: int = 6):
    tags = st.sampled_from(("div", "p", "span", "article", "table", "tr", "td", "ul", "li",
                            "script", "style", "b", "a", "iframe", "svg", "noscript", "main"))
    leaf = (news | hostile_text | st.sampled_from(
        ("&amp;", "&#0;", "&#xD800;", "&nbsp;", "<!--", "]]>", "<![CDATA[", "<", ">", "\x00")))
    return st.recursive(leaf, lambda inner: st.tuples(tags, st.lists(inner, max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>" if t[1] or t[0] != "p" else "<p/>"),
        max_leaves=40)


@FUZZ
@given(html_tree(), st.integers(0, 3000), st.booleans())
def test_nested_html(body, depth, close):
    page = ("<html><head><title>t</title></head><body>" + "<div>" * depth + body
            + ("</div>" * depth if close else "") + "</body></html>")
    read(page.encode(), "page.html")
    read(page.encode()[: len(page) // 2], "page.html")


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(chars, max_size=20)
    | news, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.text(max_size=8), inner, max_size=3), max_leaves=10)


@FUZZ
@given(st.lists(st.one_of(
    st.fixed_dictionaries({"id": json_value, "text": json_value},
                          optional={"title": json_value, "published": json_value,
                                    "url": json_value, "outlet": json_value}).map(json.dumps),
    json_value.map(json.dumps), st.text(chars, max_size=60)), max_size=8))
def test_malformed_jsonl(lines):
    read("\n".join(lines).encode("utf-8", errors="surrogatepass"), "x.jsonl")


@FUZZ
@given(st.lists(st.lists(st.text(chars, max_size=30) | news, max_size=6), max_size=8),
       st.sampled_from((",", ";", "\t", "|")), st.booleans())
def test_malformed_csv(rows, delim, header):
    head = [f"id{delim}text{delim}title"] if header else []
    body = head + [delim.join(r) for r in rows]
    read("\n".join(body).encode("utf-8", errors="surrogatepass"), "x.csv")


@FUZZ
@given(st.lists(st.tuples(st.text(chars, max_size=40), hostile_text,
                          st.text(max_size=30)), max_size=5),
       st.sampled_from(("rss", "atom")), st.booleans())
def test_feeds_empty_and_broken(items, kind, truncate):
    from xml.sax.saxutils import escape

    if kind == "rss":
        body = "".join(f"<item><title>{escape(t)}</title><description>{escape(d)}"
                       f"</description><pubDate>{escape(p)}</pubDate></item>"
                       for t, d, p in items)
        doc = f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>{body}" \
              "</channel></rss>"
    else:
        body = "".join(f"<entry><title>{escape(t)}</title><content>{escape(d)}</content>"
                       f"<updated>{escape(p)}</updated></entry>" for t, d, p in items)
        doc = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>{body}</feed>"
    data = doc.encode("utf-8", errors="surrogatepass")
    if truncate:
        data = data[: len(data) * 2 // 3]
    # a feed never fetches here: follow_links off (no network in tests)
    check(list(read_bytes(data, f"f.{kind}", options=IngestOptions(follow_links=False))))
