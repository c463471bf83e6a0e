"""Pure conversion from a spaCy ``Doc`` to plain ``ParsedSentence`` records."""

from __future__ import annotations

from dataclasses import replace
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
    tokens = _reroot_after_relative(_infinitive_of_gerund(_acronym_read_as_verb(tokens)))
    tokens = _reported_conjunct(tokens)
    entities = tuple(
        EntitySpan(ent.label_, local[ent.start], local[ent.end - 1] + 1, ent.text)
        for ent in sent.ents
        if ent.start in local and (ent.end - 1) in local
    )
    start = offset + kept[0].idx
    end = offset + kept[-1].idx + len(kept[-1].text)
    text = doc_text[kept[0].idx : kept[-1].idx + len(kept[-1].text)]
    return ParsedSentence(article_id, index, text, start, end, tuple(tokens), entities)


def _reroot_after_relative(tokens: list[Token]) -> list[Token]:
    """Mend one parse the model gets wrong: "Turkey, which backs the rebels, called on Damascus
    to ..." read as a noun with "called" describing "rebels". When the root is a noun with a
    relative clause and a finite verb with no subject of its own follows that clause's closing
    comma as a modifier, the verb is the root and the noun its subject."""
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    if root is None or root.pos not in ("NOUN", "PROPN"):
        return tokens
    rel = next((t for t in tokens if t.head == root.i and t.dep == "relcl" and t.i > root.i),
               None)
    if rel is None:
        return tokens
    # (a past form the tagger reads as a participle, "offered to mediate", when it has a
    # complement and no agent)
    verb = next((t for t in tokens if t.i > rel.i and t.dep == "acl" and
                 tokens[t.i - 1].text == "," and (t.tag in ("VBD", "VBZ", "VBP") or (
                     t.tag == "VBN" and any(c.head == t.i and c.dep in ("xcomp", "dobj", "ccomp")
                                            for c in tokens) and not any(
                         c.head == t.i and c.dep in ("agent", "auxpass") for c in tokens)))),
                None)
    if verb is None or any(t.head == verb.i and t.dep in ("nsubj", "nsubjpass")
                           for t in tokens):
        return tokens
    out = list(tokens)
    out[verb.i] = replace(verb, dep="ROOT", head=verb.i,
                          tag="VBD" if verb.tag == "VBN" else verb.tag)
    out[root.i] = replace(root, dep="nsubj", head=verb.i)
    return out


def _acronym_read_as_verb(tokens: list[Token]) -> list[Token]:
    """Mend a third: an acronym read as a verb before the real one ("ECOWAS imposed sanctions"
    parsed with ECOWAS as the root and "imposed" describing "sanctions"; "IGAD called for
    talks" with IGAD as a passive auxiliary). A capitalised word tagged as a verb that is
    followed by a lower-case past form is that verb's subject, and the past form is finite."""
    for t in tokens[:-1]:
        verb = tokens[t.i + 1]
        if not (len(t.text) > 1 and t.text.isalpha() and t.text.isupper()) or \
                not (t.tag.startswith("VB") or t.dep in ("aux", "auxpass")) or \
                not verb.text.islower() or verb.tag not in ("VBN", "VBD"):
            continue
        out = list(tokens)
        if t.dep == "ROOT" and verb.dep == "amod" and tokens[verb.head].head == t.i:
            for c in tokens:
                if c.head == t.i and c.i != t.i:
                    out[c.i] = replace(c, head=verb.i)
            out[verb.i] = replace(verb, dep="ROOT", head=verb.i, tag="VBD", pos="VERB")
        elif t.dep in ("auxpass", "aux") and t.head == verb.i and not any(
                c.head == verb.i and c.dep in ("nsubj", "nsubjpass", "aux", "auxpass")
                and c.i != t.i for c in tokens):
            out[verb.i] = replace(verb, tag="VBD", dep=verb.dep)
        else:
            continue
        out[t.i] = replace(t, dep="nsubj", head=verb.i, tag="NNP", pos="PROPN", lemma=t.text)
        return out
    return tokens


# verbs of saying whose second reported clause the model hangs on the verb itself
_REPORTING = {"say", "tell", "report", "add", "claim", "announce", "state", "confirm"}


def _reported_conjunct(tokens: list[Token]) -> list[Token]:
    """Mend a fourth: "Police said 12 officers were injured and 95 demonstrators were
    detained" read with "detained" joined to "said", so the police would be narrating it, not
    reporting it. A clause with a subject of its own joined to a verb of saying after that
    verb's reported clause is a second reported clause."""
    out = tokens
    for v in tokens:
        if v.dep != "conj" or v.head == v.i or not v.tag.startswith("VB"):
            continue
        say = tokens[v.head]
        if say.lemma.lower() not in _REPORTING or say.i > v.i:
            continue
        said = next((c for c in tokens if c.head == say.i and c.dep == "ccomp"
                     and c.i != say.i and say.i < c.i < v.i), None)
        if said is None or not any(c.head == v.i and c.dep in ("nsubj", "nsubjpass")
                                   for c in tokens):
            continue
        if out is tokens:
            out = list(tokens)
        out[v.i] = replace(v, head=said.i)
    return out


def _infinitive_of_gerund(tokens: list[Token]) -> list[Token]:
    """Mend another: "accused the party of planning to sabotage the vote" read with "to
    sabotage" as a purpose clause of "accused". An infinitive right after a gerund that has no
    complement of its own completes the gerund."""
    out = tokens
    for t in tokens[:-2]:
        to, inf = tokens[t.i + 1], tokens[t.i + 2]
        if t.tag != "VBG" or t.pos != "VERB" or to.lower != "to" or to.head != inf.i or \
                inf.tag != "VB" or inf.dep != "advcl" or inf.head == t.i or \
                any(c.head == t.i and c.dep in ("xcomp", "ccomp", "dobj") for c in tokens):
            continue
        if out is tokens:
            out = list(tokens)
        out[inf.i] = replace(inf, dep="xcomp", head=t.i)
    return out
