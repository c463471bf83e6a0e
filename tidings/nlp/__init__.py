"""Article → ParsedSentence*. The only package of tidings that imports spaCy."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from tidings.models import Article, ParsedSentence
from tidings.nlp.convert import doc_to_sentences
from tidings.nlp.loader import MODEL_PACKAGES, load_pipeline


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Split text at blank lines into (offset, paragraph) pairs; offsets index ``text``. A
    headline on the text's first line is a paragraph of its own even with no blank line after
    it ("Kenyan police arrest 40\nNAIROBI, Kenya (AP) — Police ..."), so it is not read as
    the start of the lead's first sentence."""
    out = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        chunk = m.group(0)
        stripped = chunk.strip()
        if stripped:
            out.append((m.start() + chunk.index(stripped[0]), stripped))
    if out and "\n" in out[0][1]:
        offset, first = out[0]
        line, rest = first.split("\n", 1)
        body = rest.lstrip()
        words = line.split()
        if _HEADLINE.match(line.strip()) and (body[:1].isupper() or body[:1] in "\"“'‘") \
                and words[-1].lower() not in _OPEN_ENDINGS and not _DATELINE_START.match(line):
            # (a hard-wrapped lead is no headline: "NAIROBI (AP) — Police fired tear gas at\n
            # Kenyan protesters" opens with a dateline, or breaks after a word that goes on)
            out[0:1] = [(offset, line.strip()),
                        (offset + len(first) - len(body), body)]
    return _dateline_apart(out)


def _dateline_apart(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A wire dateline opening one of the first paragraphs ("BANGKOK (Reuters) - Thailand's
    court ...") is parsed apart from the lead: read with it, the place becomes the lead's
    subject and the real subject its apposition, and the most event-dense sentence of the
    story yields nothing."""
    from tidings.ingest.clean import match_dateline

    for n, (offset, piece) in enumerate(pieces[:3]):
        found = match_dateline(piece)
        if found is None:
            continue
        rest = piece[found[1]:]
        body = rest.lstrip()
        if not body:
            return pieces
        line = piece[:found[1]].rstrip()
        return [*pieces[:n], (offset, line), (offset + len(piece) - len(body), body),
                *pieces[n + 1:]]
    return pieces


# a title line: a few words and no sentence-final punctuation
_HEADLINE = re.compile(r"^(?:\S+\s+){1,15}\S*[^\s.!?:;,\"”’)]$")
# words a line of running text breaks after, which no headline ends with
_OPEN_ENDINGS = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by",
                           "from", "and", "or", "but", "that", "as", "into", "its", "their",
                           "his", "her", "said", "says", "told", "was", "were", "is", "are",
                           "has", "have", "had", "will", "would"})
# an opening dateline: a place in capitals, then a comma, bracket or dash
_DATELINE_START = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,|\s*\(|\s*[—–-])")


Select = Callable[[Sequence[str]], bool]


class Parser:
    """Parses articles into sentences with a spaCy pipeline loaded once."""

    def __init__(self, model: str | None = None, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        return load_pipeline(self.model)

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"

    def parse(self, article: Article, select: Select | None = None) -> list[ParsedSentence]:
        return next(iter(self.parse_many([article], select)))

    def parse_many(self, articles: Iterable[Article], select: Select | None = None
                   ) -> Iterator[list[ParsedSentence]]:
        """Yield the sentences of each article, in input order; paragraphs are parsed as
        separate docs so headlines and captions never merge with body sentences.

        ``select`` (e.g. ``tidings.nlp.select.SentenceFilter``) takes a sentence's words and
        says whether to parse it: each paragraph is then tokenised and split into sentences
        at sentence-final punctuation first, runs of selected sentences are parsed (the
        parser may split them further), and the other sentences are kept unparsed (no
        tokens; text and offsets as usual)."""
        for article in articles:
            # the article in text order: (offset, text or tokenised doc, parse it?)
            pieces = self._pieces(article.text, select)
            docs = iter(self.nlp.pipe((piece for _, piece, parse in pieces if parse),
                                      batch_size=self.batch_size))
            sentences: list[ParsedSentence] = []
            for offset, piece, parse in pieces:
                if parse:
                    sentences.extend(doc_to_sentences(next(docs), article.id, offset=offset,
                                                      first_index=len(sentences)))
                else:
                    sentences.append(ParsedSentence(article.id, len(sentences), piece, offset,
                                                    offset + len(piece), ()))
            yield sentences

    def _pieces(self, text: str, select: Select | None) -> list[tuple[int, Any, bool]]:
        if select is None:
            return [(offset, chunk, True) for offset, chunk in paragraphs(text)]
        out: list[tuple[int, Any, bool]] = []
        for offset, chunk in paragraphs(text):
            doc = self.nlp.make_doc(chunk)  # tokenised once: the parse takes these docs
            sents = list(_sentences(doc))
            keep = [select(words) for _, _, words in sents]
            if all(keep):
                out.append((offset, doc, True))
                continue
            run: tuple[int, int] | None = None  # selected sentences not yet emitted
            for (first, end, _), parse in zip(sents, keep, strict=True):
                if parse:
                    run = (run[0] if run else first, end)
                    continue
                if run:
                    out.append(_piece(doc, offset, run, True))
                    run = None
                out.append(_piece(doc, offset, (first, end), False))
            if run:
                out.append(_piece(doc, offset, run, True))
        return out


def _sentences(doc: Any) -> Iterator[tuple[int, int, list[str]]]:
    """(first token, end token, words) of each sentence of a tokenised paragraph, split by
    punctuation (no statistical component): a sentence ends at a token of ``.``, ``!`` or
    ``?`` and the closing quotes or brackets glued to it; a quote after a space opens the next
    sentence (``... issues. "We ...``), as the parser has it. Space tokens are left out."""
    toks = [t for t in doc if not t.is_space]
    start = 0
    n = len(toks)
    i = 0
    while i < n:
        if _ENDS_SENTENCE.match(toks[i].text) and not _abbreviation(toks, i):
            while i + 1 < n and not toks[i].whitespace_ and toks[i + 1].text in _CLOSERS:
                i += 1
            yield toks[start].i, toks[i].i + 1, [t.text for t in toks[start : i + 1]]
            start = i + 1
        i += 1
    if start < n:
        yield toks[start].i, toks[-1].i + 1, [t.text for t in toks[start:]]


def _abbreviation(toks: list[Any], i: int) -> bool:
    """Whether a full stop ends a title or an initial before a name, not the sentence: "army
    spokesman Col. Souleymane Dembele said", "led by Capt. Ibrahim Traore", "John F. Kennedy"
    (the tokenizer splits the stop from "Col", "Capt" and "F")."""
    if toks[i].text != "." or i == 0 or toks[i - 1].whitespace_:
        return False
    word = toks[i - 1].text
    return word.lower() in _TITLES or (len(word) == 1 and word.isupper())


# titles before a name, written with a full stop
_TITLES = frozenset({"col", "gen", "lt", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig",
                     "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "pres", "rev", "st",
                     "mt", "cdr", "cpl", "pvt", "supt", "insp", "hon", "amb", "sheikh"})


def _piece(doc: Any, offset: int, tokens: tuple[int, int], parse: bool
           ) -> tuple[int, Any, bool]:
    """Tokens [first, end) of a paragraph's doc: a doc of their own to parse, or their text."""
    span = doc[tokens[0] : tokens[1]]
    return offset + span.start_char, span.as_doc() if parse else span.text, parse


_ENDS_SENTENCE = re.compile(r"[.!?…]+$")
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


__all__ = ["MODEL_PACKAGES", "Parser", "Select", "doc_to_sentences", "load_pipeline",
           "paragraphs"]
