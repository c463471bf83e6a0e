"""Event status, condition and claimant from the grammar around a trigger.

Walks from the event's anchor (the trigger, or the light verb that carries a nominal trigger) up
the dependency tree and collects cues: negation, modals, intent and hedge governors, condition
clauses, reporting and denial verbs. Where several statuses apply the strongest wins, in the order
of ``tidings.models.STATUS_STRENGTH`` (denied > negated > conditional > hypothetical > planned >
claimed > asserted).
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.coding.patterns import lemma as lemma_of
from tidings.models import STATUS_STRENGTH, ParsedSentence, Span, Token

NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
DENIAL = {"deny", "refute", "dismiss", "reject", "disavow", "rebut", "contradict"}
SPEECH = {"say", "tell", "claim", "report", "allege", "add", "announce", "state", "insist",
          "assert", "note", "confirm", "reveal", "disclose", "suggest", "indicate", "explain",
          "write", "quote", "argue", "maintain", "stress", "accuse", "charge", "hope", "warn"}
ACCUSING = {"accuse", "charge", "blame", "suspect", "indict", "convict"}
REPORT_NOUNS = {"report", "claim", "allegation", "rumor", "rumour", "speculation", "account",
                "query", "question", "suspicion", "accusation", "charge", "assertion",
                "contention", "belief", "concern", "fear", "inquiry", "enquiry"}
INTENT = {"plan", "intend", "ready", "prepare", "agree", "vow", "pledge", "promise", "offer",
          "want", "seek", "aim", "decide", "threaten", "keen", "willing", "eager", "expect",
          "determined", "set", "schedule", "propose", "consider", "hope", "mull", "weigh",
          "due", "slate", "poised"}
# "urged Israel to attack", "ordered troops to advance": asked for, not (yet) done
REQUEST_GOVERNORS = {"urge", "ask", "appeal", "request", "press", "implore", "encourage",
                     "invite", "call", "demand", "order", "instruct", "require",
                     "want", "wish"}
INTENT_NOUNS = {"plan", "intention", "intent", "pledge", "promise", "commitment", "readiness",
                "willingness", "decision"}
HEDGE_GOVERNORS = {"likely", "possible", "unlikely", "able", "may", "might", "could", "would"}
HEDGE_ADVERBS = {"perhaps", "possibly", "maybe", "probably", "potentially", "conceivably"}
CLAIM_ADVERBS = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly",
                 "seemingly"}
# verbs whose infinitive did not happen ("refused to meet", "failed to deliver")
NOT_DONE = {"refuse", "decline", "fail", "neglect", "reject", "avoid", "omit", "unable"}
REFRAIN = {"refrain", "abstain", "desist"}
# verbs that stop a plan or decision before its act happens
THWARTING = {"block", "veto", "reject", "thwart", "scrap", "cancel", "overturn", "halt",
             "suspend", "abandon", "drop", "shelve", "freeze", "annul", "quash", "stop"}
ANY_DETS = {"any", "every", "whatever"}
UPCOMING = {"next", "upcoming", "forthcoming", "planned", "scheduled", "proposed", "future",
            "coming", "impending", "expected"}
POSSIBLE = {"possible", "potential", "likely", "feared", "imminent"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HEDGE_AUX = {"could", "might", "may", "would", "should", "must", "can"}
# "its militants were seen attacking": what pictures or footage show is their publisher's claim
# passive verbs of belief that make what follows hearsay ("is believed to have supplied")
# (the reporting verbs, "is said to", are SPEECH)
BELIEF = {"believe", "think", "suspect", "understand", "rumour", "rumor", "presume", "assume",
          "fear"}
PERCEPTION = {"see", "show", "film", "picture", "depict", "record", "photograph", "hear"}
MEDIA_NOUNS = {"picture", "photo", "photograph", "image", "video", "footage", "clip",
               "recording", "film"}
CONDITION_MARKS = {"if", "unless", "provided", "providing", "once", "whether"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
CONDITION_PHRASES = (("in", "exchange", "for"), ("in", "return", "for"), ("on", "condition"))
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "csubj", "parataxis"}


@dataclass(frozen=True, slots=True)
class StatusResult:
    status: str
    condition: Span | None = None
    speaker: int | None = None  # token heading the claimant's noun phrase
    speaker_verb: int | None = None
    outlet_claim: bool = False
    cues: tuple[str, ...] = ()


def _strongest(statuses: list[str]) -> str:
    for s in STATUS_STRENGTH:
        if s in statuses:
            return s
    return "asserted"


def _child_lemmas(sent: ParsedSentence, i: int, deps: set[str]) -> list[Token]:
    return [c for c in sent.children(i) if c.dep in deps]


def _span(sent: ParsedSentence, toks: list[Token]) -> Span:
    start, end = toks[0].start, toks[-1].end
    return Span(sent.text[start - sent.start : end - sent.start], start, end)


def analyse(sent: ParsedSentence, anchor: int, *, intent_code: bool = False,
            said_act: bool = False) -> StatusResult:
    """Status cues for the event anchored at token ``anchor``; ``said_act``: the event is a
    thing said (a proposal, demand, accusation or threat), which rejecting does not undo."""
    found: list[str] = []
    cues: list[str] = []
    condition: Span | None = None
    speaker: int | None = None
    speaker_verb: int | None = None
    outlet = False
    # "said it would not allow troops and demanded a withdrawal", "denied targeting civilians
    # and blamed the army": a conjunct in a tense of its own is coordinated with the finite
    # verb above its head, and shares neither the head's clause nor its cues — the act's own
    # verb, or one it hangs on ("urged both sides to avoid steps and offered to host talks")
    chain = [sent.tokens[anchor]]
    lifted: set[int] = set()  # tokens reached as the finite verb a conjunct is lifted to
    cur = chain[0]
    while cur.head != cur.i and len(chain) <= len(sent.tokens):
        up = lifted_conjunct(sent, cur) if cur.pos in ("VERB", "AUX") else None
        if up is not None:
            lifted.add(up.i)
        cur = up if up is not None else sent.tokens[cur.head]
        chain.append(cur)
    sibling = False  # the token was reached as a finite conjunct's coordinated verb
    prev: Token | None = None
    local = True  # still inside the event's own clause (no reporting verb crossed)
    nominal = sent.tokens[anchor].pos in ("NOUN", "PROPN")
    # ("if one were to hear about the arrests made by the police": a definite noun's event is
    # presupposed even inside a condition)
    definite = nominal and any(
        (c.dep == "det" and c.lower in ("the", "this", "these", "those", "that")) or
        c.dep == "poss" for c in sent.children(anchor))
    # a nominal event is presupposed by the clause that mentions it ("likely to alleviate the
    # blockade" hedges the easing, not the blockade): only its own negation counts, and
    # attribution from above.
    head = sent.tokens[anchor]
    if nominal and head.dep == "pobj" and head.head != head.i:
        prep = sent.tokens[head.head]
        if prep.lower in ("to", "on") and prep.head != prep.i and \
                lemma_of(sent.tokens[prep.head]) in INTENT and \
                sent.tokens[prep.head].pos == "VERB":
            # "Iran agreed to a visit by UN inspectors": agreed, not yet made
            found.append("planned")
            cues.append(f"intent:{sent.tokens[prep.head].text}")
    if nominal and any(c.dep == "amod" and c.lower in UPCOMING for c in sent.children(anchor)):
        # "ahead of the next EU summit", "the planned visit": still to come
        found.append("planned")
        cues.append("upcoming")
    if nominal and any(c.dep == "amod" and c.lower in POSSIBLE for c in sent.children(anchor)):
        # "fears of a possible attack": only a possibility
        found.append("hypothetical")
        cues.append("hedge:possible")
    if nominal and any(c.dep == "det" and c.lower == "no" for c in sent.children(anchor)):
        found.append("negated")
        cues.append("negation:no")
    if nominal and any(c.dep == "det" and c.lower in ANY_DETS for c in sent.children(anchor)):
        # "retaliate against any attack": no particular attack, only a possible one
        found.append("hypothetical")
        cues.append("hedge:any")
    # denials set after what a reporting or accusing verb told, by that verb (read only where
    # the sentence has a noun such a denial names)
    rebuttal_of: dict[int, tuple[int, int | None, int]] = {}
    if any(t.lemma.lower() in REBUTTED for t in sent.tokens):
        for t in sent.tokens:
            if t.pos == "VERB" and lemma_of(t) in SPEECH | ACCUSING and \
                    (r := _rebuttal(sent, t)) is not None:
                rebuttal_of[t.i] = r
    rebuttals = {r[0] for r in rebuttal_of.values()}
    for _verb, _who, comma in rebuttal_of.values():
        if comma < anchor <= _verb:
            # the denial itself (", an allegation denied by Russia") is told by the article,
            # whatever the parser hangs it on
            cut = next((k for k, t in enumerate(chain) if t.i < comma), len(chain))
            chain = chain[:cut]
    if intent_code and not nominal:
        # "threatened to retaliate if the sanctions stay", "warned that it would act if
        # Taipei pursued independence": a threat or promise holds on the condition set on
        # the act it announces
        for comp in sent.children(anchor):
            if comp.dep not in ("xcomp", "ccomp") or condition is not None:
                continue
            for c in sent.children(comp.i):
                marks = [m for m in sent.children(c.i) if m.dep == "mark"]
                if c.dep == "advcl" and marks and \
                        marks[0].lower in CONDITION_MARKS - {"whether", "once"}:
                    found.append("conditional")
                    condition = _span(sent, sent.subtree(c.i))
                    cues.append(f"condition:{marks[0].text}")
                    break
    relcl_crossed = 0
    would: int | None = None  # where a "would" of the event's own clause sits in ``found``
    for tok in chain:
        lemma = lemma_of(tok)
        via = prev.dep if prev is not None else ""
        if tok.i in lifted:
            via = "conj"
        if via == "ccomp" and prev is not None and prev.i < tok.i and \
                lemma_of(tok) not in SPEECH and any(
                c.dep == "dobj" for c in sent.children(tok.i)) and any(
                t.text == "," for t in sent.tokens[prev.i:tok.i]):
            # "Opposition rejects results, Maduro threatens arrests": a clause before a verb
            # that has an object of its own is no content of it (but "..., the ministry told
            # reporters" reports it)
            break
        sibling = via == "conj" and prev is not None and prev.tag in FINITE_TAGS and \
            prev.pos in ("VERB", "AUX")
        if via == "advcl" and prev is not None and local and not definite and any(
                m.dep == "mark" and (m.lower in CONDITION_MARKS - {"once", "whether"} or (
                    m.lower == "until" and _ahead(sent, tok)))
                for m in sent.children(prev.i)):
            # "would not approve it unless Stockholm cracked down": the crackdown is only
            # supposed; the main clause's negation and modals are not its own
            found.append("hypothetical")
            cues.append("condition-clause")
            local = False
        relcl_crossed += via == "relcl"
        if prev is not None and tok.pos in ("VERB", "AUX", "ADJ", "NOUN") and speaker is None:
            # ("the Kremlin rejected a US proposal": the proposal was made)
            undone = not (via == "dobj" and nominal and said_act and prev.i == anchor)
            if lemma in DENIAL and via in ("ccomp", "dobj", "xcomp") and undone and \
                    tok.i not in rebuttals:
                found.append("denied")
                cues.append(f"denial:{tok.text}")
                speaker, speaker_verb = _subject(sent, tok.i), tok.i
                break
            if lemma in ACCUSING and tok.pos == "VERB" and via == "prep" and \
                    prev.lower in ("of", "for", "with"):
                # "accused Eritrea of backing rebels", "charged two men with helping
                # al-Shabab": the backing is the accuser's claim
                found.append("claimed")
                cues.append(f"accusation:{tok.text}")
                speaker, speaker_verb = _subject(sent, tok.i), tok.i
                local = False
            if lemma in SPEECH and tok.pos in ("VERB", "AUX") and via in (
                    "ccomp", "xcomp", "dobj", "parataxis", "advcl", "conj") and not (
                    via == "xcomp" and lemma in INTENT) and not (
                    # ("warned of chaos unless Israel withdrew": a condition, not the report)
                    via == "advcl" and any(m.dep in ("mark", "advmod")
                                           and m.lower in CONDITION_MARKS
                                           for m in sent.children(prev.i))):
                # ("hopes that Iran will talk" reports a hope; "hopes to mediate" is a plan)
                if via == "conj" and not _continues_report(sent, tok, prev):
                    pass  # coordinated verbs share only their subject, not attribution
                else:
                    if would is not None and local and tok.tag in ("VBD", "VBN"):
                        # "said it would withdraw": the reported "will", shifted into the past
                        found[would] = "planned"
                        cues.append("future-in-past:would")
                    found.append("claimed")
                    cues.append(f"speech:{tok.text}")
                    speaker, speaker_verb = _subject(sent, tok.i), tok.i
                    outlet = lemma == "report"
                    local = False
            rebutted = rebuttal_of.get(tok.i) if speaker_verb == tok.i else None
            if rebutted is not None and anchor < rebutted[2]:
                # "accused Rwanda of backing the rebels, a charge Kigali denies", "Kyiv said
                # Russia shelled the plant, a claim Moscow denied": the told act is denied
                found.append("denied")
                cues.append(f"denial:{sent.tokens[rebutted[0]].text}")
                speaker, speaker_verb = rebutted[1], rebutted[0]
                break
            if (lemma in PERCEPTION or lemma in BELIEF) and tok.pos == "VERB" and any(
                    c.dep == "auxpass" for c in sent.children(tok.i)):
                # "were seen attacking", "is believed to have supplied": hearsay
                found.append("claimed")
                cues.append(f"evidential:{tok.text}")
                local = False
            elif lemma == "expect" and via == "xcomp" and any(
                    c.dep == "auxpass" for c in sent.children(tok.i)):
                found.append("hypothetical")  # "is expected to launch an offensive"
                cues.append(f"hedge:{tok.text}")
            if lemma in MEDIA_NOUNS and tok.pos == "NOUN" and via in ("relcl", "acl") and \
                    tok.head != tok.i and sent.tokens[tok.head].pos == "VERB":
                # "IS published pictures in which ...": the publisher vouches for them
                found.append("claimed")
                cues.append(f"media:{tok.text}")
                speaker, speaker_verb = _subject(sent, tok.head), tok.head
                local = False
            if lemma in REPORT_NOUNS and tok.pos == "NOUN" and via in (
                    "acl", "ccomp", "relcl", "prep") and relcl_crossed <= 1 and not (
                    # ("an allegation denied by Russia": the denial is no content of it)
                    via in ("acl", "relcl") and lemma_of(prev) in DENIAL):
                # (a clause relative to a noun inside a relative clause is presupposed
                # background, not the content of the report or question)
                if tok.dep == "dobj" and sent.tokens[tok.head].lemma.lower() in DENIAL:
                    found.append("denied")
                    cues.append(f"denial:{sent.tokens[tok.head].text}")
                    speaker = _subject(sent, tok.head)
                    speaker_verb = tok.head
                    break
                found.append("claimed")
                cues.append(f"report:{tok.text}")
                # "Cairo's query as to whether ...": the query's owner makes the claim
                owner = next((c for c in sent.children(tok.i) if c.dep == "poss"), None)
                if owner is not None:
                    speaker, speaker_verb = owner.i, tok.i
                local = False
        if speaker is None and tok.pos in ("VERB", "AUX", "ADJ"):
            source_of = _according_to(sent, tok)
            if source_of is not None:
                # "Rebels killed 12 villagers, according to local officials"
                found.append("claimed")
                cues.append("according-to")
                speaker, speaker_verb = source_of, tok.i
        if local and not nominal and not sibling and tok.pos in ("VERB", "AUX") and any(
                c.dep == "mark" and (c.lower == "whether" or (
                    c.lower == "if" and tok.dep in ("ccomp", "csubj", "xcomp")))
                for c in sent.children(tok.i)):
            # "whether Turkey will attack remains unclear", "asked if Iran had attacked"
            found.append("hypothetical")
            cues.append("question:whether")
        if local and not nominal and not sibling:
            for c in sent.children(tok.i):
                cl = c.lower
                if c.dep == "neg" or (c.dep == "det" and cl == "no") or (
                        c.dep == "advmod" and cl == "never"):
                    found.append("negated")
                    cues.append(f"negation:{c.text}")
                elif c.dep in ("nsubj", "nsubjpass") and _nobody(sent, c):
                    # "Neither Ethiopia nor Egypt signed", "no one was arrested"
                    found.append("negated")
                    cues.append(f"negation:{c.text}")
                elif c.dep == "aux" and cl in FUTURE_AUX:
                    found.append("planned")
                    cues.append(f"future:{c.text}")
                elif c.dep == "aux" and cl in HEDGE_AUX:
                    if cl == "would" and would is None:
                        would = len(found)
                    found.append("hypothetical")
                    cues.append(f"modal:{c.text}")
                elif c.dep == "advmod" and cl in HEDGE_ADVERBS:
                    found.append("hypothetical")
                    cues.append(f"hedge:{c.text}")
                elif c.dep == "advmod" and cl in CLAIM_ADVERBS:
                    found.append("claimed")
                    cues.append(f"claim-adverb:{c.text}")
                elif c.dep == "advcl" and condition is None and (
                        not _met(sent, tok, c, prev) or (intent_code and tok.i == anchor)):
                    # (a threat made in the past still holds on its condition: "warned
                    # Finland of consequences if it joined NATO")
                    marks = [m for m in sent.children(c.i) if m.dep == "mark"]
                    # ("will not return until the government calls an election": an act held
                    # off until then holds on it; "will boycott parliament until ..." is
                    # planned, only its end waits)
                    if marks and (marks[0].lower in CONDITION_MARKS - {"whether"} or (
                            marks[0].lower == "until" and _ahead(sent, tok) and any(
                                k.dep == "neg" for k in sent.children(tok.i)))):
                        found.append("conditional")
                        condition = _span(sent, sent.subtree(c.i))
                        cues.append(f"condition:{marks[0].text}")
                elif c.dep == "prep" and condition is None and _condition_phrase(sent, c) \
                        and not _met(sent, tok, c, prev):
                    found.append("conditional")
                    condition = _span(sent, sent.subtree(c.i))
                    cues.append("condition:" + c.text)
            if prev is not None and via in ("xcomp", "acomp", "ccomp") or (
                prev is not None and tok.pos == "ADJ" and via == "xcomp"
            ):
                if lemma in REQUEST_GOVERNORS and asks_another(sent, tok, prev):
                    found.append("hypothetical")
                    cues.append(f"request:{tok.text}")
                elif lemma in NOT_DONE and via == "xcomp":
                    # "refused to release", "failed to deliver": the act did not happen
                    found.append("negated")
                    cues.append(f"refusal:{tok.text}")
                elif lemma in INTENT:
                    found.append("planned")
                    cues.append(f"intent:{tok.text}")
                elif lemma in HEDGE_GOVERNORS and not _managed(sent, tok):
                    found.append("hypothetical")
                    cues.append(f"hedge:{tok.text}")
        if local and via == "prep" and prev is not None and prev.lower == "from" and \
                lemma in REFRAIN:
            # "refrained from attacking"
            found.append("negated")
            cues.append(f"refusal:{tok.text}")
        if local and via == "acl" and tok.pos == "NOUN" and lemma in INTENT_NOUNS:
            # "has plans to meet", "no intention to attack" (its "no" was read above)
            found.append("planned")
            cues.append(f"intent:{tok.text}")
            if tok.dep == "dobj" and tok.head != tok.i and \
                    lemma_of(sent.tokens[tok.head]) in THWARTING:
                # "Hungary blocked an EU decision to send aid": the aid was not sent
                found.append("negated")
                cues.append(f"thwarted:{sent.tokens[tok.head].text}")
        if via in ("acl", "relcl") and tok.pos in ("NOUN", "PROPN", "PRON"):
            # out of a clause into the noun it describes: the verbs above govern the noun,
            # not the event ("UK aid to help the victims will not take relief from Africa":
            # the help is not negated)
            local = False
        prev = tok
    if _yes_no_question(sent) and local:
        # "Did Israel attack the consulate?": asked, not told
        found.append("hypothetical")
        cues.append("question")
    if intent_code and not any(s in found for s in ("conditional", "hypothetical", "negated",
                                                     "denied")):
        found.append("planned")
        cues.append("intent-code")
    return StatusResult(_strongest(found), condition, speaker, speaker_verb, outlet, tuple(cues))


REBUTTED = {"charge", "allegation", "accusation", "claim", "assertion"}


def _rebuttal(sent: ParsedSentence, verb: Token) -> tuple[int, int | None, int] | None:
    """A denial of what ``verb`` (a reporting or accusing verb) told, set after a comma: ", a
    charge Kigali denies", ", an allegation denied by Russia", ", claims that Mogadishu
    rejected". Read from the words, as parsers attach such a phrase anywhere. Returns the
    denial verb, the denier's token (None when the denier is not named) and the comma."""
    toks = sent.tokens
    comma = next((t.i for t in toks[verb.i + 1:] if t.lower in (",", "-", "--", "—")), None)
    if comma is None or comma + 1 >= len(toks):
        return None
    j = comma + 1
    if toks[j].lower in ("a", "an"):
        j += 1
    if j >= len(toks) or lemma_of(toks[j]) not in REBUTTED:
        return None
    for t in toks[j + 1 : j + 9]:
        if t.lower in (",", ";", ".", "and", "but"):
            return None
        if t.pos == "VERB" and lemma_of(t) in DENIAL:
            denier = next((c.i for c in sent.children(t.i) if c.dep == "nsubj" and c.i != j
                           and c.pos != "PRON"), None)
            if denier is None:
                # (", a charge Kigali denies" parsed with the charge as subject)
                denier = next((k.i for k in toks[j + 1 : t.i] if k.pos == "PROPN"), None)
            if denier is None:
                by = next((c for c in sent.children(t.i) if c.dep == "agent"), None)
                if by is not None:
                    denier = next((c.i for c in sent.children(by.i) if c.dep == "pobj"), None)
            return t.i, denier, comma
    return None


def lifted_conjunct(sent: ParsedSentence, verb: Token) -> Token | None:
    """For a finite verb conjoined to a non-finite one ("would not allow ... and demanded",
    "denied targeting ... and blamed"), the finite verb that governs its head: the verb it is
    really coordinated with."""
    if verb.dep != "conj" or verb.tag not in FINITE_TAGS or verb.head == verb.i:
        return None
    head = sent.tokens[verb.head]
    if head.pos in ("VERB", "AUX") and head.tag == "VBN" and head.dep == "ccomp" and \
            verb.lemma.lower() in SPEECH | ACCUSING and head.head != head.i and \
            sent.tokens[head.head].tag in FINITE_TAGS and not any(
                c.dep in ("nsubj", "nsubjpass", "aux") for c in sent.children(verb.i)):
        # "denied that its troops had opened fire and accused Indian forces of ...": words
        # after a reported deed are the reporter's own
        return sent.tokens[head.head]
    if head.pos not in ("VERB", "AUX") or head.tag not in ("VB", "VBG"):
        # (a participle head may share its "had" with the conjunct: "had arrested 4,000
        # rioters and shot dead 98", where the tagger reads "shot" as a past tense)
        return None
    for up in sent.ancestors(head.i):
        if up.pos in ("VERB", "AUX") and up.tag in FINITE_TAGS:
            return up
        if up.pos not in ("VERB", "AUX"):
            return None
    return None


def _nobody(sent: ParsedSentence, subj: Token) -> bool:
    """A subject that names no one: "nobody", "none of them", "no one", "no country",
    "neither Ethiopia nor Egypt"."""
    if subj.lower in ("nobody", "none", "noone"):
        return True
    return any((c.dep == "det" and c.lower == "no") or (c.dep in ("preconj", "det") and
                                                          c.lower == "neither")
               for c in sent.children(subj.i))


def _managed(sent: ParsedSentence, tok: Token) -> bool:
    """"Police were able to arrest 39", "have been able to arrest only one": being able, in
    the past and with no modal, is having done it (a negation is read as any other)."""
    if tok.lemma.lower() != "able" or tok.dep != "acomp" or tok.head == tok.i:
        return False
    cop = sent.tokens[tok.head]
    kids = sent.children(cop.i)
    if any(c.dep == "aux" and c.lower in HEDGE_AUX | FUTURE_AUX for c in kids):
        return False
    return cop.tag == "VBD" or (cop.lower == "been" and any(
        c.dep == "aux" and c.lemma.lower() == "have" for c in kids))


def _yes_no_question(sent: ParsedSentence) -> bool:
    """A sentence that asks whether something is so: it opens with an auxiliary and ends with a
    question mark ("Did Israel attack ...?", "Will Russia withdraw?"). A wh-question ("Why
    did Israel attack ...?") takes the act as given."""
    toks = [t for t in sent.tokens if t.pos != "PUNCT"]
    return bool(toks) and sent.text.rstrip().endswith("?") and toks[0].pos == "AUX"


def _according_to(sent: ParsedSentence, verb: Token) -> int | None:
    """The source named by an "according to" phrase on the verb, if any."""
    for c in sent.children(verb.i):
        if c.dep == "prep" and c.lower == "according":
            for to in sent.children(c.i):
                if to.lower == "to":
                    obj = next((g for g in sent.children(to.i) if g.dep == "pobj"), None)
                    if obj is not None:
                        return obj.i
    return None


def _continues_report(sent: ParsedSentence, verb: Token, conj: Token) -> bool:
    """"X reported that A, and B met C": parsers often attach the second reported clause to the
    reporting verb. It continues the report when the verb already has a that-clause before it
    and the conjoined clause has a subject of its own."""
    before = [c for c in sent.children(verb.i) if c.dep == "ccomp" and c.i < conj.i]
    own_subject = any(c.dep in ("nsubj", "nsubjpass") for c in sent.children(conj.i))
    has_that = any(any(m.dep == "mark" for m in sent.children(c.i)) for c in before)
    return bool(before) and own_subject and has_that


def asks_another(sent: ParsedSentence, gov: Token, comp: Token) -> bool:
    """"urged Israel to attack", "wants Russia to withdraw": the complement's act is asked of
    someone other than the governor's subject ("wants to attack" is the subject's own plan)."""
    if comp.dep == "ccomp":
        return any(c.dep in ("nsubj", "nsubjpass") for c in sent.children(comp.i))
    return any(c.dep == "dobj" or (c.dep == "prep" and c.lower in ("on", "upon"))
               for c in sent.children(gov.i))


def _done(sent: ParsedSentence, verb: Token) -> bool:
    """A verb in a past tense with no modal: what it tells has happened, so a condition on it
    ("released four hostages in exchange for prisoners", "attacked once the truce ended") was
    met, or is only a time."""
    if verb.tag not in ("VBD", "VBN"):
        return False
    auxes = [c for c in sent.children(verb.i) if c.dep in ("aux", "auxpass")]
    if any(a.lower in FUTURE_AUX or a.lower in HEDGE_AUX or a.lower == "to" for a in auxes):
        return False  # "will be released", "are to be released if ..."
    return verb.tag == "VBD" or any(
        a.lemma.lower() == "have" or (a.lemma.lower() == "be" and a.tag == "VBD")
        for a in auxes)


def _met(sent: ParsedSentence, verb: Token, cond: Token, came_from: Token | None) -> bool:
    """Whether a condition on ``verb`` was met because the act is told as done. An act inside
    the condition itself ("faced catastrophe unless the US worked with Europe", "if they'd had
    a grant") is never told as done."""
    return not (came_from is not None and came_from.i == cond.i) and _done(sent, verb)


def _ahead(sent: ParsedSentence, verb: Token) -> bool:
    """Whether a verb tells an act still to come: a future or conditional modal, or "vowed
    to", "plans to" above it."""
    if any(c.dep == "aux" and c.lower in FUTURE_AUX | {"would"} for c in sent.children(verb.i)):
        return True
    return verb.dep == "xcomp" and verb.head != verb.i and \
        sent.tokens[verb.head].lemma.lower() in INTENT


def _condition_phrase(sent: ParsedSentence, prep: Token) -> bool:
    words = tuple(t.lower for t in sent.tokens[prep.i : prep.i + 3])
    return any(words[: len(p)] == p for p in CONDITION_PHRASES)


def _subject(sent: ParsedSentence, verb: int, depth: int = 0) -> int | None:
    """The verb's subject, or for a verb with none that shares one ("cut ties, accusing Abu
    Dhabi of arming the RSF", "said X and denied Y"), the subject of the verb it hangs on."""
    for c in sent.children(verb):
        if c.dep in ("nsubj", "nsubjpass"):
            return c.i
    tok = sent.tokens[verb]
    if depth < 3 and tok.head != tok.i and tok.dep in ("advcl", "conj", "xcomp") and \
            tok.tag in ("VBG", "VB", "VBD", "VBZ", "VBP"):
        return _subject(sent, tok.head, depth + 1)
    return None
