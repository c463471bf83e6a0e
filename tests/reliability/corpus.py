"""A generated corpus of nasty documents, and the checks every pipeline output must pass.

``nasty_documents(n, seed)`` yields ``Nasty(name, kind, data)``: the bytes of one input file
(its name carries the extension ingest detects the format by). Kinds cycle so that any ``n``
covers all of them; the same seed always gives the same corpus. ``run_document`` pushes one
file through ``ingest`` and the pipeline and returns what came out (or the exception, which
is a crash); ``offset_problems`` lists the events whose offsets do not index their text.

Shared by tests/reliability (CI-sized) and benchmarks/fuzz.py (``make fuzz``, 10,000 docs).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Sentences with events the coder knows, so accepted documents carry events to check.
NEWS = (
    "Egypt accused Israel of blocking aid convoys at the Rafah crossing on Tuesday.",
    "Russian forces shelled the Ukrainian city of Kharkiv overnight, officials said.",
    "The United States imposed new sanctions on Iran over its nuclear programme.",
    "Hamas fighters fired rockets at southern Israel, the army said.",
    "China and India agreed to resume border talks next month in Beijing.",
    "Police arrested dozens of protesters in Nairobi after a march on parliament.",
    "The Turkish president met the German chancellor in Ankara to discuss migration.",
    "North Korea threatened to retaliate against South Korean military drills.",
    "Sudanese paramilitaries attacked a refugee camp near El Fasher, aid workers said.",
    "France condemned the coup in Niger and called for the release of the president.",
    "Venezuela expelled the Colombian ambassador after a dispute over the border.",
    "The United Nations appealed for a ceasefire in Gaza as talks stalled in Cairo.",
)
FOREIGN = (
    "Le gouvernement français a annoncé mardi de nouvelles sanctions contre la Russie.",
    "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen.",
    "中国外交部发言人周二表示，中方坚决反对美国对台湾的军售。",
    "أعلنت الحكومة المصرية يوم الثلاثاء فتح معبر رفح أمام المساعدات الإنسانية.",
    "Президент России провёл переговоры с лидером Китая в Москве во вторник.",
    "イスラエル軍は火曜日、ガザ地区南部で空爆を行ったと発表した。",
    "El gobierno de Venezuela expulsó al embajador de Colombia el martes.",
    "הממשלה הודיעה ביום שלישי על סגירת המעבר בגבול הדרומי.",
)
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
             "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069",
             "\u034f", "\u061c")
ODD = ("\u0301", "\u0308", "\ufffd", "\U0001f4a3", "\U0001f1ea\U0001f1ec", "\u2028", "\u2029",
       "\x0b", "\x0c", "\x85", "\u00a0", "\u3000", "\ud7ff", "\U0010ffff", "\x7f")


@dataclass(frozen=True, slots=True)
class Nasty:
    name: str  # file name; its extension picks the reader
    kind: str
    data: bytes


def _news(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(NEWS) for _ in range(sentences))


def _article(rng: random.Random, paragraphs: int = 4) -> str:
    return "\n\n".join(_news(rng, rng.randint(1, 3)) for _ in range(paragraphs))


def _sprinkle(rng: random.Random, text: str, chars: tuple[str, ...], rate: float) -> str:
    out = []
    for ch in text:
        out.append(ch)
        if rng.random() < rate:
            out.append(rng.choice(chars))
    return "".join(out)


# -- one generator per kind: rng → (extension, bytes) ----------------------------------------

def g_clean_news(rng: random.Random) -> tuple[str, bytes]:
    return ".txt", _article(rng, 2).encode()


def g_random_bytes(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice((".txt", ".html", ".jsonl", ".csv", ".rss", ".gz", ".zip", ".warc", "")), \
        rng.randbytes(rng.choice((1, 17, 512, 4096, 65536)))


def g_truncated_utf8(rng: random.Random) -> tuple[str, bytes]:
    text = _article(rng, 2) + " " + rng.choice(FOREIGN) + " " + _news(rng, 2)
    data = text.encode()
    cuts = [i for i in range(1, len(data)) if 0x80 <= data[i] < 0xC0]  # inside a character
    cut = rng.choice(cuts) if cuts else len(data) - 1
    if rng.random() < 0.5:  # truncated at the end
        return ".txt", data[:cut]
    return ".txt", data[:cut] + data[cut + 1:]  # a continuation byte dropped mid-text


def g_mixed_encodings(rng: random.Random) -> tuple[str, bytes]:
    parts = [_news(rng, 2).encode("utf-8"),
             "Caf\u00e9 d\u00e9j\u00e0 vu \u00a3100 \u20ac5 \u2014 na\u00efve".encode("cp1252"),
             "\u041c\u043e\u0441\u043a\u0432\u0430 \u0437\u0430\u044f\u0432\u0438\u043b\u0430"
             .encode(rng.choice(("koi8-r", "cp1251", "utf-8"))),
             _news(rng, 1).encode(rng.choice(("utf-16", "utf-16-le", "latin-1", "utf-8"))),
             "\u00c4gypten \u00fcber Stra\u00dfe".encode("latin-1")]
    rng.shuffle(parts)
    return ".txt", b" ".join(parts)


def g_other_encoding(rng: random.Random) -> tuple[str, bytes]:
    """One whole document in a non-UTF-8 encoding (with or without a byte-order mark)."""
    enc = rng.choice(("utf-16", "utf-16-be", "utf-32", "cp1252", "latin-1", "utf-8-sig",
                      "shift_jis", "gb18030", "cp1256", "koi8-r"))
    text = _article(rng, 3)
    if enc in ("shift_jis", "gb18030", "cp1256", "koi8-r"):
        text = rng.choice(FOREIGN) + "\n\n" + text
    data = text.encode(enc, errors="replace")
    if enc == "utf-16-be" and rng.random() < 0.5:
        data = codecs.BOM_UTF16_BE + data
    return ".txt", data


def g_invisible(rng: random.Random) -> tuple[str, bytes]:
    """Zero-width, bidi-control and RTL characters inside and between the words."""
    text = _sprinkle(rng, _article(rng, 3), INVISIBLE, rng.choice((0.01, 0.1, 0.5)))
    if rng.random() < 0.5:
        text = "\u202e" + rng.choice(FOREIGN[3:4] + FOREIGN[7:8]) + "\u202c " + text
    return ".txt", text.encode()


def g_odd_chars(rng: random.Random) -> tuple[str, bytes]:
    text = _sprinkle(rng, _article(rng, 3), ODD, rng.choice((0.01, 0.05)))
    return ".txt", text.encode("utf-8", errors="surrogatepass")


def g_deep_html(rng: random.Random) -> tuple[str, bytes]:
    depth = rng.choice((200, 1000, 5000, 20000))
    tag = rng.choice(("div", "span", "b", "table", "ul", "blockquote"))
    inner = "<p>" + _news(rng, 3) + "</p>"
    close = "" if rng.random() < 0.3 else f"</{tag}>" * depth  # sometimes never closed
    page = (f"<!doctype html><html><head><title>Deep</title></head><body>"
            f"{f'<{tag}>' * depth}{inner}{close}</body></html>")
    return ".html", page.encode()


def g_huge_html(rng: random.Random) -> tuple[str, bytes]:
    paras = rng.choice((300, 1000))
    body = "".join(f"<p class='x{i}'>{rng.choice(NEWS)}</p><script>var a{i}=1;</script>"
                   for i in range(paras))
    page = (f"<html><head><title>Huge</title><style>{'p{color:red}' * 1000}</style></head>"
            f"<body><article>{body}</article></body></html>")
    return ".html", page.encode()


def g_broken_html(rng: random.Random) -> tuple[str, bytes]:
    news = _news(rng, 3)
    choices = (
        f"<html><body><p>{news}",  # never closed
        f"<html><body><article><p>{news}</p><!-- unterminated comment",
        f"<<<>>><p>{news}</p></></><html>",
        f"<html><body><p>{news}</p><script>{'x' * 100000}",
        f"<html><head><meta charset='utf-16'></head><body><p>{news}</p></body></html>",
        f"<html><body>{'&#0;&#xD800;&#99999999;&amp;&nbsp;' * 50}<p>{news}</p></body></html>",
        f"<html><body><svg><foreignObject><p>{news}</p></foreignObject></svg></body></html>",
        f"<html><body><iframe src='javascript:alert(1)'></iframe><p>{news}</p>"
        f"<img src=x onerror=alert(1)></body></html>",
        "<html><body></body></html>",
        f"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a '{'a' * 100}'>]><html><body><p>&a;"
        f"{news}</p></body></html>",
    )
    return ".html", rng.choice(choices).encode()


def g_long_sentence(rng: random.Random) -> tuple[str, bytes]:
    """One sentence of 10,000 words (no full stop)."""
    words = " ".join(rng.choice(NEWS).rstrip(".").replace(",", "") for _ in range(800)).split()
    text = " ".join(words[:10_000])
    return ".txt", text.encode()


def g_number_table(rng: random.Random) -> tuple[str, bytes]:
    rows = rng.choice((20, 200, 2000))
    cols = rng.choice((3, 8, 20))
    sep = rng.choice(("\t", " | ", ",", "  "))
    lines = [sep.join(f"{rng.uniform(-1e6, 1e6):.2f}" for _ in range(cols)) for _ in range(rows)]
    head = _news(rng, 1) + "\n\n" if rng.random() < 0.5 else ""
    return ".txt", (head + "\n".join(lines)).encode()


def g_non_english(rng: random.Random) -> tuple[str, bytes]:
    text = "\n\n".join(" ".join(rng.choice(FOREIGN) for _ in range(4)) for _ in range(3))
    return ".txt", text.encode()


def g_empty_feed(rng: random.Random) -> tuple[str, bytes]:
    feeds = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>",
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>x</title></feed>",
        "<rss></rss>", "<rss version='2.0'><channel><item></item><item/></channel></rss>",
        "<?xml version='1.0'?><rss version='2.0'><channel><item><title>t</title>"
        "<description><![CDATA[]]></description></item></channel>",  # truncated
        "<?xml version='1.0' encoding='utf-8'?>",
    )
    return rng.choice((".rss", ".atom", ".xml")), rng.choice(feeds).encode()


def g_feed(rng: random.Random) -> tuple[str, bytes]:
    items = "".join(
        f"<item><title>{rng.choice(NEWS)[:40]}</title><guid>g{rng.random()}</guid>"
        f"<pubDate>{rng.choice(('Tue, 07 May 2024 10:00:00 GMT', 'yesterday', '', '31/31/31'))}"
        f"</pubDate><description><![CDATA[<p>{_news(rng, rng.randint(0, 12))}</p>]]>"
        f"</description></item>" for _ in range(rng.randint(0, 6)))
    return ".rss", (f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>"
                    f"{items}</channel></rss>").encode()


def g_bad_jsonl(rng: random.Random) -> tuple[str, bytes]:
    lines = []
    for i in range(rng.randint(1, 12)):
        pick = rng.randrange(10)
        if pick == 0:
            lines.append('{"id": "x", "text": "unterminated')
        elif pick == 1:
            lines.append("[1, 2, 3]")
        elif pick == 2:
            lines.append(json.dumps({"id": None, "text": _news(rng, 2)}))
        elif pick == 3:
            lines.append(json.dumps({"id": i, "text": 42}))
        elif pick == 4:
            lines.append(json.dumps({"id": {"nested": [1]}, "text": _news(rng, 2),
                                     "title": ["a"], "published": {"d": 1}}))
        elif pick == 5:
            lines.append('{"id": "d", "id": "e", "text": "' + _news(rng, 1) + '"}')
        elif pick == 6:
            lines.append("\x00\x01{}")
        elif pick == 7:
            lines.append(json.dumps({"id": f"j{i}", "text": "", "published": "not a date"}))
        else:
            lines.append(json.dumps({"id": f"j{i}", "text": _article(rng, 2),
                                     "published": rng.choice(("2024-05-07", "0000-00-00",
                                                              "9999-12-31T99:99", "x"))}))
    return ".jsonl", "\n".join(lines).encode()


def g_bad_csv(rng: random.Random) -> tuple[str, bytes]:
    choices = (
        'id,text\n1,"unterminated quote\n2,fine',
        "id;text;title\n1;" + _news(rng, 2) + ";t\n2;;\n3",
        "no,header,here\n1,2,3",
        "id,text\n" + "\n".join(f'{i},"{_news(rng, 1)}",extra,cols' for i in range(5)),
        "text\n" + "\n".join(f'"{_article(rng, 2)}"' for _ in range(3)),
        "id,text\n1," + "x" * 200000,
        "\ufeffid,text\r\n1,\"" + _news(rng, 2).replace(" ", '"" ') + "\"\r\n",
        "id\ttext\n" + "\t".join(["1"] * 300),
        ",,,,\n,,,,\n",
        "id,text\n1,\"a\x00b\"",
    )
    return rng.choice((".csv", ".tsv")), rng.choice(choices).encode()


def g_empty(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice((".txt", ".html", ".jsonl", ".csv", ".rss")), rng.choice(
        (b"", b" ", b"\n\n\n", b"\xef\xbb\xbf", b"\t \r\n", "\u200b\u200b".encode(),
         b"\x00" * 10, "\u00a0".encode() * 100))


def g_archive(rng: random.Random) -> tuple[str, bytes]:
    pick = rng.randrange(4)
    if pick == 0:  # gzip of a text
        return ".txt.gz", gzip.compress(_article(rng).encode())
    if pick == 1:  # truncated gzip
        data = gzip.compress(_article(rng).encode())
        return ".txt.gz", data[: len(data) // 2]
    if pick == 2:  # a zip with odd members
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("a.txt", _article(rng))
            zf.writestr("../../evil.txt", _article(rng))
            zf.writestr("b.html", "<html><body><p>" + _news(rng, 3) + "</p></body></html>")
            zf.writestr("nested.zip", b"PK\x03\x04broken")
            zf.writestr("c.bin", rng.randbytes(200))
        return ".zip", buf.getvalue()
    # a small decompression bomb: 30 MB of spaces (over the 20 MB cap) in ~30 KB
    return ".txt.gz", gzip.compress(b" " * (30 * 1024 * 1024), compresslevel=9)


def g_prose_noise(rng: random.Random) -> tuple[str, bytes]:
    """News with markup-like noise, URLs, very long tokens and repeated punctuation."""
    bits = [_news(rng, 2), "http://" + "a" * 500 + ".example/" + "b/" * 100,
            "!!!???..." * 50, "—" * 100, "A" * 5000, "[[{{<<>>}}]]" * 100,
            "U.S.A. U.N. e.g. i.e. Mr. Dr. St. No. 5." * 10, "\t\t" + _news(rng, 2)]
    rng.shuffle(bits)
    return ".txt", "\n\n".join(bits).encode()


def g_many_paragraphs(rng: random.Random) -> tuple[str, bytes]:
    return ".txt", "\n\n".join(rng.choice(NEWS) for _ in range(rng.choice((300, 1000)))).encode()


GENERATORS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    name[2:]: fn for name, fn in sorted(globals().items()) if name.startswith("g_")
}


# Kinds that take seconds to parse and code each (thousands of sentences, or one sentence of
# 10,000 words): one document in ``HEAVY_EVERY`` is one of them, in turn.
HEAVY: tuple[str, ...] = ("long_sentence", "huge_html", "many_paragraphs")
HEAVY_EVERY = 100


def kind_of(i: int, kinds: tuple[str, ...] = ()) -> str:
    """The kind of document ``i``: every ``HEAVY_EVERY``-th (from the 8th) is a heavy kind,
    the others cycle through the light kinds (or through ``kinds`` when given)."""
    if kinds:
        return kinds[i % len(kinds)]
    if i % HEAVY_EVERY == 7:
        return HEAVY[(i // HEAVY_EVERY) % len(HEAVY)]
    light = tuple(k for k in GENERATORS if k not in HEAVY)
    return light[(i - (i + HEAVY_EVERY - 8) // HEAVY_EVERY) % len(light)]


def nasty_documents(n: int, seed: int = 0, *, kinds: tuple[str, ...] = ()) -> Iterator[Nasty]:
    """``n`` documents of every kind (or the given ones), reproducible by seed."""
    for i in range(n):
        kind = kind_of(i, kinds)
        rng = random.Random(f"{seed}:{i}")
        ext, data = GENERATORS[kind](rng)
        yield Nasty(f"{i:05d}-{kind}{ext}", kind, data)


# -- running and checking -------------------------------------------------------------------

@dataclass(slots=True)
class Tally:
    """What a fuzz run saw: inputs, crashes, outputs by kind, rejections by reason."""

    documents: int = 0
    crashes: list[str] = field(default_factory=list)
    articles: int = 0
    events: int = 0
    rejections: Counter[str] = field(default_factory=Counter)
    internal_errors: list[str] = field(default_factory=list)  # nlp-/coding-error rejections
    offset_errors: list[str] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)

    def report(self) -> str:
        lines = [f"documents {self.documents}  crashes {len(self.crashes)}  "
                 f"articles {self.articles}  events {self.events}  "
                 f"rejections {sum(self.rejections.values())}  "
                 f"internal errors {len(self.internal_errors)}  "
                 f"offset errors {len(self.offset_errors)}"]
        for reason, count in sorted(self.rejections.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  rejected {reason:<24} {count}")
        for secs, name in sorted(self.slowest, reverse=True)[:5]:
            lines.append(f"  slow {secs:7.2f} s  {name}")
        for problem in (self.crashes + self.internal_errors + self.offset_errors)[:10]:
            lines.append("  ! " + problem.splitlines()[-1][:300])
        return "\n".join(lines)


def offset_problems(result: Any) -> list[str]:
    """Events of an ``ArticleResult`` whose trigger/source/target offsets do not index the
    article text (start < end <= len(text) and text[start:end] == the recorded text)."""
    text = result.article.text
    out = []
    for ev in result.events:
        spans = [("trigger", ev.trigger), ("source", ev.source), ("target", ev.target)]
        for role, span in spans:
            if span is None or (role != "trigger" and span.start is None):
                continue
            start, end = span.start, span.end
            if start is None or end is None or not (0 <= start < end <= len(text)):
                out.append(f"{ev.event_id} {role} offsets {start}:{end} outside "
                           f"0:{len(text)}")
            elif text[start:end] != span.text:
                out.append(f"{ev.event_id} {role} {text[start:end]!r} != {span.text!r}")
    return out


def run_document(path: Path, pipeline: Any, tally: Tally, *, options: Any = None,
                 dedup: Any = None) -> None:
    """Ingest one file and parse/code what ingest accepts; count everything in ``tally``.
    An exception out of ingest or the pipeline is a crash."""
    import time

    from tidings.ingest import ingest
    from tidings.models import Rejection

    tally.documents += 1
    started = time.perf_counter()
    try:
        items = list(ingest([str(path)], options, dedup=dedup))
        outputs = list(pipeline.run(items)) if pipeline is not None else items
    except Exception:  # noqa: BLE001 - counting crashes is the point
        tally.crashes.append(f"{path.name}: {traceback.format_exc()}")
        return
    finally:
        tally.slowest.append((time.perf_counter() - started, path.name))
        tally.slowest = sorted(tally.slowest, reverse=True)[:5]
    for out in outputs:
        if isinstance(out, Rejection):
            tally.rejections[out.reason] += 1
            if out.reason in ("nlp-error", "coding-error"):
                tally.internal_errors.append(f"{path.name}: {out.reason}: {out.detail}")
        elif hasattr(out, "events"):
            tally.articles += 1
            tally.events += len(out.events)
            tally.offset_errors.extend(f"{path.name}: {p}" for p in offset_problems(out))
        else:  # ingest only (no pipeline): an Article
            tally.articles += 1


def write_corpus(directory: Path, n: int, seed: int = 0) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in nasty_documents(n, seed):
        p = directory / doc.name
        p.write_bytes(doc.data)
        paths.append(p)
    return paths
