"""Pure conversion from a spaCy ``Doc`` to plain ``ParsedSentence`` records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.models import EntitySpan, ParsedSentence, Token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def doc_to_sentences(
    doc: Doc, article_id: str, *, offset: int = 0, first_index: int = 0
) -> list[ParsedSentence]:
    """Convert ``doc`` into one ``ParsedSentence`` per non-blank sentence.

    ``offset`` is added to every character offset (the doc's position in the article text);
    whitespace-only tokens are dropped and token indices renumbered within each sentence.
    """
    out: list[ParsedSentence] = []
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    text = doc.text  # Doc.text joins every token: read it once, not once per sentence
    for sent in sents:
        parsed = _convert_sentence(sent, text, article_id, offset, first_index + len(out))
        if parsed is not None:
            out.append(parsed)
    return out


def _convert_sentence(
    sent: Span, doc_text: str, article_id: str, offset: int, index: int
) -> ParsedSentence | None:
    kept = [t for t in sent if not t.is_space]
    if not kept:
        return None
    local = {t.i: n for n, t in enumerate(kept)}
    tokens = []
    for n, t in enumerate(kept):
        head = local.get(t.head.i, n)
        tokens.append(
            Token(
                i=n,
                text=t.text,
                lemma=t.lemma_,
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_ if head != n else "ROOT",
                head=head,
                start=offset + t.idx,
                end=offset + t.idx + len(t.text),
                ent_type=t.ent_type_,
                ent_iob=t.ent_iob_ or "O",
                morph=str(t.morph),
                ws=bool(t.whitespace_),
            )
        )
    entities = tuple(
        EntitySpan(ent.label_, local[ent.start], local[ent.end - 1] + 1, ent.text)
        for ent in sent.ents
        if ent.start in local and (ent.end - 1) in local
    )
    start = offset + kept[0].idx
    end = offset + kept[-1].idx + len(kept[-1].text)
    text = doc_text[kept[0].idx : kept[-1].idx + len(kept[-1].text)]
    return ParsedSentence(article_id, index, text, start, end, tuple(tokens), entities)
