"""The CAMEO coder on hand-built parsed sentences (no model load)."""

from tests.conftest import build_sentence
from tidings.coding.coder import CODER_NAME, CameoCoder, merge_events
from tidings.models import Article

CODER = CameoCoder()


def triples(events):
    return [(e.source.code, e.cameo, e.target.code if e.target else None, e.status)
            for e in events]


def test_active_verb_with_direct_object():
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 1), ("condemned", "condemn", "VERB", "ROOT", 1),
        ("Israel", "Israel", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
    ])
    [ev] = CODER.code_sentence(s)
    assert triples([ev]) == [("EGY", "111", "ISR", "asserted")]
    assert s.text[ev.trigger.start : ev.trigger.end] == "condemned"
    assert s.text[ev.source.start : ev.source.end] == "Egypt"
    assert ev.goldstein == -2.0 and ev.quad_class == 3 and ev.cameo_root == "11"
    assert ev.coder == CODER_NAME and ev.plover is not None and ev.plover.type == "ACCUSE"


def test_passive_swaps_roles():
    s = build_sentence([
        ("Hamas", "Hamas", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
        ("attacked", "attack", "VERB", "ROOT", 2, "VBN"), ("by", "by", "ADP", "agent", 2),
        ("the", "the", "DET", "det", 6), ("Israeli", "israeli", "ADJ", "amod", 6),
        ("army", "army", "NOUN", "pobj", 3),
    ])
    assert triples(CODER.code_sentence(s)) == [("ISRMIL", "190", "PSEGOVHMS", "asserted")]


def test_nominal_trigger_with_demonym_source_and_of_target():
    s = build_sentence([
        ("the", "the", "DET", "det", 2), ("Egyptian", "egyptian", "ADJ", "amod", 2),
        ("blockade", "blockade", "NOUN", "nsubj", 5), ("of", "of", "ADP", "prep", 2),
        ("Gaza", "Gaza", "PROPN", "pobj", 3), ("continues", "continue", "VERB", "ROOT", 5),
    ])
    assert triples(CODER.code_sentence(s)) == [("EGY", "191", "PSE", "asserted")]


def test_light_verb_carries_nominal_event_and_its_subject():
    s = build_sentence([
        ("Hamas", "Hamas", "PROPN", "nsubj", 1), ("launched", "launch", "VERB", "ROOT", 1),
        ("raids", "raid", "NOUN", "dobj", 1, "NNS"), ("against", "against", "ADP", "prep", 2),
        ("Israel", "Israel", "PROPN", "pobj", 3),
    ])
    [ev] = CODER.code_sentence(s)
    assert triples([ev]) == [("PSEGOVHMS", "173", "ISR", "asserted")]
    assert ev.trigger.text == "launched raids"


def test_control_verb_passes_its_subject_and_intent_is_planned():
    s = build_sentence([
        ("Qatar", "Qatar", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3), ("release", "release", "VERB", "xcomp", 1),
        ("Egyptians", "Egyptians", "PROPN", "dobj", 3, "NNPS"),
    ])
    # an agreed release is an intent to release (0353), planned until it happens
    assert triples(CODER.code_sentence(s)) == [("QAT", "0353", "EGY", "planned")]


def test_relative_clause_subject():
    s = build_sentence([
        ("Syrian", "syrian", "ADJ", "amod", 1), ("rebels", "rebel", "NOUN", "nsubj", 5, "NNS"),
        ("who", "who", "PRON", "nsubj", 3), ("attacked", "attack", "VERB", "relcl", 1),
        ("Turkey", "Turkey", "PROPN", "dobj", 3), ("fled", "flee", "VERB", "ROOT", 5),
    ])
    assert triples(CODER.code_sentence(s)) == [("SYRREB", "190", "TUR", "asserted")]


def test_negation():
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 3), ("did", "do", "AUX", "aux", 3),
        ("not", "not", "PART", "neg", 3), ("attack", "attack", "VERB", "ROOT", 3),
        ("Libya", "Libya", "PROPN", "dobj", 3),
    ])
    assert triples(CODER.code_sentence(s)) == [("EGY", "190", "LBY", "negated")]


def test_denial_of_a_report_gives_denied_and_the_denier_as_claimant():
    s = build_sentence([
        ("Jordan", "Jordan", "PROPN", "nsubj", 1), ("denied", "deny", "VERB", "ROOT", 1),
        ("reports", "report", "NOUN", "dobj", 1, "NNS"), ("that", "that", "SCONJ", "mark", 5),
        ("Syria", "Syria", "PROPN", "nsubj", 5), ("attacked", "attack", "VERB", "acl", 2),
        ("Iraq", "Iraq", "PROPN", "dobj", 5),
    ])
    [ev] = CODER.code_sentence(s)
    assert triples([ev]) == [("SYR", "190", "IRQ", "denied")]
    assert ev.claimant is not None and ev.claimant.code == "JOR"


def test_condition_clause_is_stored():
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
        ("attack", "attack", "VERB", "ROOT", 2), ("Libya", "Libya", "PROPN", "dobj", 2),
        ("if", "if", "SCONJ", "mark", 6), ("Hamas", "Hamas", "PROPN", "nsubj", 6),
        ("agrees", "agree", "VERB", "advcl", 2),
    ])
    [ev] = CODER.code_sentence(s)
    assert ev.status == "conditional"
    assert ev.condition is not None and ev.condition.text == "if Hamas agrees"


def test_modal_hedge_is_hypothetical():
    s = build_sentence([
        ("Iran", "Iran", "PROPN", "nsubj", 2), ("could", "could", "AUX", "aux", 2),
        ("attack", "attack", "VERB", "ROOT", 2), ("Israel", "Israel", "PROPN", "dobj", 2),
    ])
    assert triples(CODER.code_sentence(s)) == [("IRN", "190", "ISR", "hypothetical")]


def test_reported_speech_is_claimed_with_the_speaker_as_claimant():
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
        ("Ukraine", "Ukraine", "PROPN", "nsubj", 3), ("attacked", "attack", "VERB", "ccomp", 1),
        ("Belgorod", "Belgorod", "PROPN", "dobj", 3),
    ])
    [ev] = CODER.code_sentence(s)
    assert (ev.source.code, ev.status, ev.claimant.code) == ("UKR", "claimed", "RUS")


def test_outlet_reporting_is_claimed_by_outlet():
    s = build_sentence([
        ("The", "the", "DET", "det", 2), ("Daily", "Daily", "PROPN", "compound", 2),
        ("Star", "Star", "PROPN", "nsubj", 3, "", "ORG"), ("reported", "report", "VERB", "ROOT", 3),
        ("that", "that", "SCONJ", "mark", 6), ("Iran", "Iran", "PROPN", "nsubj", 6),
        ("armed", "arm", "VERB", "ccomp", 3), ("Hezbollah", "Hezbollah", "PROPN", "dobj", 6),
    ])
    [ev] = CODER.code_sentence(s, Article("a", s.text, outlet="Daily Star"))
    assert ev.status == "claimed" and ev.claimant.code == "OUTLET"


def test_no_event_without_a_resolved_source():
    s = build_sentence([
        ("Somebody", "somebody", "PRON", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
        ("Israel", "Israel", "PROPN", "dobj", 1),
    ])
    assert CODER.code_sentence(s) == []


def test_repeated_mentions_are_merged_with_their_evidence():
    a = build_sentence([("Egypt", "Egypt", "PROPN", "nsubj", 1),
                        ("condemned", "condemn", "VERB", "ROOT", 1),
                        ("Israel", "Israel", "PROPN", "dobj", 1)], index=0)
    b = build_sentence([("Egypt", "Egypt", "PROPN", "nsubj", 1),
                        ("denounced", "denounce", "VERB", "ROOT", 1),
                        ("Israel", "Israel", "PROPN", "dobj", 1)], index=1, offset=40)
    events = CODER.code_article(Article("a", "x" * 80), [a, b])
    assert len(events) == 1
    assert [e.text for e in events[0].evidence] == ["condemned", "denounced"]
    assert merge_events([]) == []


def test_event_ids_are_deterministic():
    s = build_sentence([("Egypt", "Egypt", "PROPN", "nsubj", 1),
                        ("condemned", "condemn", "VERB", "ROOT", 1),
                        ("Israel", "Israel", "PROPN", "dobj", 1)])
    assert CODER.code_sentence(s)[0].event_id == CameoCoder().code_sentence(s)[0].event_id


def test_yaml_on_in_a_pattern_file_is_the_preposition(tmp_path):
    from tidings.coding.patterns import load_patterns

    extra = tmp_path / "p.yaml"
    extra.write_text("- {verb: lean, prep: [on], code: '062'}\n")
    [p] = load_patterns([extra]).verbs["lean"]
    assert p.preps == ("on",)


def test_converse_pattern_reverses_roles(tmp_path):
    from tidings.coding.patterns import load_patterns

    extra = tmp_path / "p.yaml"
    extra.write_text("- {verb: receive, obj: [weapon], prep: [from], code: '072', "
                     "converse: true}\n")
    coder = CameoCoder(patterns=load_patterns([extra]))
    s = build_sentence([
        ("Georgia", "Georgia", "PROPN", "nsubj", 1), ("received", "receive", "VERB", "ROOT", 1),
        ("weapons", "weapon", "NOUN", "dobj", 1, "NNS"), ("from", "from", "ADP", "prep", 1),
        ("Russia", "Russia", "PROPN", "pobj", 3),
    ])
    assert triples(coder.code_sentence(s)) == [("RUS", "072", "GEO", "asserted")]


def test_speech_events_setting_adds_the_statement_beside_the_reported_event():
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
        ("Ukraine", "Ukraine", "PROPN", "nsubj", 3), ("attacked", "attack", "VERB", "ccomp", 1),
        ("Belgorod", "Belgorod", "PROPN", "dobj", 3),
    ])
    assert [e.cameo for e in CODER.code_sentence(s)] == ["190"]
    both = CameoCoder(speech_events=True).code_sentence(s)
    assert sorted((e.source.code, e.cameo) for e in both) == [("RUS", "010"), ("UKR", "190")]


def test_a_later_mention_without_target_merges_into_the_full_one():
    a = build_sentence([("Egypt", "Egypt", "PROPN", "nsubj", 1),
                        ("condemned", "condemn", "VERB", "ROOT", 1),
                        ("Israel", "Israel", "PROPN", "dobj", 1)], index=0)
    b = build_sentence([("Cairo", "Cairo", "PROPN", "nsubj", 1),
                        ("condemned", "condemn", "VERB", "ROOT", 1),
                        ("the", "the", "DET", "det", 3),
                        ("move", "move", "NOUN", "dobj", 1)], index=1, offset=40)
    [ev] = CODER.code_article(Article("a", "x" * 80), [a, b])
    assert (ev.source.code, ev.target.code, len(ev.evidence)) == ("EGY", "ISR", 2)


def test_pictures_and_videos_are_their_publishers_claims():
    s = build_sentence([
        ("Hezbollah", "Hezbollah", "PROPN", "nsubj", 1),
        ("released", "release", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3), ("video", "video", "NOUN", "dobj", 1),
        ("in", "in", "ADP", "prep", 9), ("which", "which", "PRON", "pobj", 4),
        ("Hezbollah", "Hezbollah", "PROPN", "compound", 7),
        ("fighters", "fighter", "NOUN", "nsubjpass", 9, "NNS"),
        ("were", "be", "AUX", "auxpass", 9), ("seen", "see", "VERB", "relcl", 3, "VBN"),
        ("attacking", "attack", "VERB", "xcomp", 9), ("Israel", "Israel", "PROPN", "dobj", 10),
    ])
    events = CODER.code_sentence(s)
    # no release event: releasing a video is a publication; the attack is Hezbollah's claim
    assert [(e.source.code, e.cameo, e.status, e.claimant and e.claimant.code)
            for e in events] == [("LBNREBHEZ", "190", "claimed", "LBNREBHEZ")]


def test_object_control_gives_the_asked_party_the_act_and_keeps_it_hypothetical():
    # "The United States urged Israel to attack Hezbollah": the appeal is the US's; the attack
    # is Israel's, and only asked for (no appeal code exists for an attack)
    s = build_sentence([
        ("America", "America", "PROPN", "nsubj", 1), ("urged", "urge", "VERB", "ROOT", 1, "VBD"),
        ("Israel", "Israel", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
        ("attack", "attack", "VERB", "xcomp", 1), ("Hezbollah", "Hezbollah", "PROPN", "dobj", 4),
    ])
    got = triples(CODER.code_sentence(s))
    assert ("USA", "020", "ISR", "asserted") in got
    assert ("ISR", "190", "LBNREBHEZ", "hypothetical") in got
    assert not any(src == "USA" and code == "190" for src, code, _, _ in got)


def test_a_wish_for_another_actors_act_is_an_appeal_to_it():
    # "Germany wants Russia to withdraw": an appeal to de-escalate (0256) by Germany, asserted;
    # not a planned Russian withdrawal
    s = build_sentence([
        ("Germany", "Germany", "PROPN", "nsubj", 1), ("wants", "want", "VERB", "ROOT", 1, "VBZ"),
        ("Russia", "Russia", "PROPN", "nsubj", 4), ("to", "to", "PART", "aux", 4),
        ("withdraw", "withdraw", "VERB", "ccomp", 1), ("from", "from", "ADP", "prep", 4),
        ("Ukraine", "Ukraine", "PROPN", "pobj", 5),
    ])
    assert triples(CODER.code_sentence(s)) == [("DEU", "0256", "RUS", "asserted")]
    # "Russia wants to withdraw": its own intent
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("wants", "want", "VERB", "ROOT", 1, "VBZ"),
        ("to", "to", "PART", "aux", 3), ("withdraw", "withdraw", "VERB", "xcomp", 1),
        ("from", "from", "ADP", "prep", 3), ("Ukraine", "Ukraine", "PROPN", "pobj", 4),
    ])
    assert triples(CODER.code_sentence(s)) == [("RUS", "0356", "UKR", "planned")]


def test_would_after_a_past_reporting_verb_is_the_reported_future():
    def sentence(verb, tag):
        return build_sentence([
            ("Tokyo", "Tokyo", "PROPN", "nsubj", 1), (verb, "say", "VERB", "ROOT", 1, tag),
            ("Japan", "Japan", "PROPN", "nsubj", 4), ("would", "would", "AUX", "aux", 4),
            ("condemn", "condemn", "VERB", "ccomp", 1), ("China", "China", "PROPN", "dobj", 4),
        ])
    # "Tokyo said Japan would condemn China": what Japan announced it will do
    assert triples(CODER.code_sentence(sentence("said", "VBD"))) == [
        ("JPN", "111", "CHN", "planned")]
    # "Tokyo says Japan would condemn China": a present "would" stays a hypothetical
    assert triples(CODER.code_sentence(sentence("says", "VBZ"))) == [
        ("JPN", "111", "CHN", "hypothetical")]


def test_owners_coordinated_in_an_of_phrase_each_act():
    # "The foreign ministers of France, Germany and Poland met": three governments, mutually
    s = build_sentence([
        ("The", "the", "DET", "det", 2), ("foreign", "foreign", "ADJ", "amod", 2),
        ("ministers", "minister", "NOUN", "nsubj", 9, "NNS"), ("of", "of", "ADP", "prep", 2),
        ("France", "France", "PROPN", "pobj", 3), (",", ",", "PUNCT", "punct", 4),
        ("Germany", "Germany", "PROPN", "conj", 4), ("and", "and", "CCONJ", "cc", 6),
        ("Poland", "Poland", "PROPN", "conj", 6), ("met", "meet", "VERB", "ROOT", 9, "VBD"),
    ])
    got = {(src, tgt) for src, code, tgt, _ in triples(CODER.code_sentence(s)) if code == "040"}
    govs = {"FRAGOV", "DEUGOV", "POLGOV"}
    assert got == {(a, b) for a in govs for b in govs if a != b}


def test_a_capital_struck_by_force_is_the_place_not_the_government():
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1, "VBD"),
        ("Kyiv", "Kyiv", "PROPN", "dobj", 1),
    ])
    assert [(src, tgt) for src, _, tgt, _ in triples(CODER.code_sentence(s))] == [("RUS", "UKR")]
    # a capital that speaks is its government
    s = build_sentence([
        ("Kyiv", "Kyiv", "PROPN", "nsubj", 1), ("condemned", "condemn", "VERB", "ROOT", 1, "VBD"),
        ("Russia", "Russia", "PROPN", "dobj", 1),
    ])
    assert triples(CODER.code_sentence(s)) == [("UKRGOV", "111", "RUS", "asserted")]


def test_the_first_actor_after_the_verb_is_a_phrase_not_a_preposition():
    # "Turkey welcomed the resumption of ties between Israel and Egypt": both are targets
    s = build_sentence([
        ("Turkey", "Turkey", "PROPN", "nsubj", 1), ("welcomed", "welcome", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("resumption", "resumption", "NOUN", "dobj", 1),
        ("of", "of", "ADP", "prep", 3), ("ties", "tie", "NOUN", "pobj", 4, "NNS"),
        ("between", "between", "ADP", "prep", 5), ("Israel", "Israel", "PROPN", "pobj", 6),
        ("and", "and", "CCONJ", "cc", 7), ("Egypt", "Egypt", "PROPN", "conj", 7),
    ])
    assert sorted(tgt for _, _, tgt, _ in triples(CODER.code_sentence(s))) == ["EGY", "ISR"]


def test_a_level_or_an_amount_is_not_struck():
    # "the yen hit a seven-month low": no attack; "Russia hit Kyiv": one
    s = build_sentence([
        ("Japan", "Japan", "PROPN", "nsubj", 1), ("hit", "hit", "VERB", "ROOT", 1, "VBD"),
        ("a", "a", "DET", "det", 3), ("low", "low", "NOUN", "dobj", 1),
    ])
    assert CODER.code_sentence(s) == []
    s = build_sentence([
        ("America", "America", "PROPN", "nsubj", 1), ("hit", "hit", "VERB", "ROOT", 1, "VBD"),
        ("$", "$", "SYM", "nmod", 3), ("368bn", "368bn", "NUM", "dobj", 1),
    ])
    assert CODER.code_sentence(s) == []
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("hit", "hit", "VERB", "ROOT", 1, "VBD"),
        ("Ukraine", "Ukraine", "PROPN", "dobj", 1),
    ])
    assert triples(CODER.code_sentence(s)) == [("RUS", "190", "UKR", "asserted")]


def test_a_place_compounded_with_an_event_noun_is_where_not_who():
    def blockade_by(word, pos, dep):
        return build_sentence([
            ("the", "the", "DET", "det", 2), (word, word, pos, dep, 2),
            ("blockade", "blockade", "NOUN", "nsubj", 3),
            ("began", "begin", "VERB", "ROOT", 3, "VBD"),
        ])
    # "the Berlin blockade" was not Germany's; "the Egyptian blockade" is Egypt's
    assert CODER.code_sentence(blockade_by("Berlin", "PROPN", "compound")) == []
    assert [e.source.code for e in CODER.code_sentence(blockade_by("Egyptian", "ADJ", "amod"))
            ] == ["EGY"]
    # "the Iraq war": where the war was, not a party to it
    s = build_sentence([
        ("the", "the", "DET", "det", 2), ("Iraq", "Iraq", "PROPN", "compound", 2),
        ("war", "war", "NOUN", "nsubj", 3), ("ended", "end", "VERB", "ROOT", 3, "VBD"),
    ])
    assert CODER.code_sentence(s) == []


def test_insisting_is_a_demand_only_when_insisting_on_something():
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 1), ("insisted", "insist", "VERB", "ROOT", 1),
        ("that", "that", "SCONJ", "mark", 4), ("talks", "talk", "NOUN", "nsubj", 4, "NNS"),
        ("failed", "fail", "VERB", "ccomp", 1, "VBD"),
    ])
    assert [e.cameo for e in CODER.code_sentence(s)] == []
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 1), ("insisted", "insist", "VERB", "ROOT", 1),
        ("on", "on", "ADP", "prep", 1), ("talks", "talk", "NOUN", "pobj", 2, "NNS"),
    ])
    assert [e.cameo for e in CODER.code_sentence(s)] == ["100"]


def test_an_agentless_arrest_is_by_the_police_of_the_country_it_happens_in():
    def arrested(*tail):
        return build_sentence([
            ("Two", "two", "NUM", "nummod", 1), ("suspects", "suspect", "NOUN", "nsubjpass", 3),
            ("were", "be", "AUX", "auxpass", 3), ("arrested", "arrest", "VERB", "ROOT", 3, "VBN"),
            *tail,
        ])
    s = arrested(("in", "in", "ADP", "prep", 3), ("Kenya", "Kenya", "PROPN", "pobj", 4))
    [ev] = CODER.code_sentence(s)
    assert (ev.source.code, ev.cameo, ev.status) == ("KENCOP", "173", "asserted")
    assert ev.source.text == "arrested" and ev.confidence < 0.8
    # with no country to say whose police, no event
    assert CODER.code_sentence(arrested()) == []
    # the article's country (here the user's default) otherwise
    coder = CameoCoder()
    art = Article("a", "Two suspects were arrested")
    from tidings.coding.resolver import ArticleMemory
    assert [e.source.code for e in coder.code_sentence(
        arrested(), art, ArticleMemory(default_country="IND"))] == ["INDCOP"]


def test_firing_at_is_shooting_and_a_participle_shares_the_subject():
    # "Police fired at the crowd, killing two": the police's shooting, which killed two — one
    # act, not a shooting and a second killing
    s = build_sentence([
        ("Kenyan", "kenyan", "ADJ", "amod", 1), ("police", "police", "NOUN", "nsubj", 2),
        ("fired", "fire", "VERB", "ROOT", 2, "VBD"), ("at", "at", "ADP", "prep", 2),
        ("protesters", "protester", "NOUN", "pobj", 3, "NNS"), (",", ",", "PUNCT", "punct", 2),
        ("killing", "kill", "VERB", "advcl", 2, "VBG"), ("two", "two", "NUM", "dobj", 6),
    ])
    events = CODER.code_sentence(s)
    assert {(src, code) for src, code, _, _ in triples(events)} == {("KENCOP", "193")}
    assert events[0].trigger.text.endswith("killing")
    # "the company fired 100 workers" is no shooting
    s = build_sentence([
        ("Kenya", "Kenya", "PROPN", "nsubj", 1), ("fired", "fire", "VERB", "ROOT", 1, "VBD"),
        ("100", "100", "NUM", "nummod", 3), ("workers", "worker", "NOUN", "dobj", 1, "NNS"),
    ])
    assert CODER.code_sentence(s) == []


def test_a_genocide_named_by_a_people_is_theirs_as_victims():
    s = build_sentence([
        ("the", "the", "DET", "det", 2), ("Rwandan", "rwandan", "ADJ", "amod", 2),
        ("genocide", "genocide", "NOUN", "nsubj", 3), ("began", "begin", "VERB", "ROOT", 3, "VBD"),
    ])
    assert CODER.code_sentence(s) == []


def test_a_cooperative_act_refused_for_the_future_is_a_rejection():
    def negotiate(aux, neg_word="not"):
        rows = [("Iran", "Iran", "PROPN", "nsubj", 3), (aux, aux, "AUX", "aux", 3)]
        rows.append((neg_word, neg_word, "PART", "neg", 3))
        rows += [("negotiate", "negotiate", "VERB", "ROOT", 3), ("with", "with", "ADP", "prep", 3),
                 ("Israel", "Israel", "PROPN", "pobj", 4)]
        return build_sentence(rows)
    # "Iran will not negotiate with Israel": a rejection of negotiation (125), done by saying it
    assert triples(CODER.code_sentence(negotiate("will"))) == [
        ("IRN", "125", "ISR", "asserted")]
    # "Iran did not negotiate with Israel": the talks did not happen; no one refused them
    assert triples(CODER.code_sentence(negotiate("did"))) == [
        ("IRN", "046", "ISR", "negated")]


def test_a_clause_describing_a_noun_keeps_its_own_status():
    # "Egypt, which helped Hamas, will not attack Israel": the help is neither negated nor
    # refused by the main clause's "will not"
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 7), (",", ",", "PUNCT", "punct", 0),
        ("which", "which", "PRON", "nsubj", 3), ("helped", "help", "VERB", "relcl", 0, "VBD"),
        ("Hamas", "Hamas", "PROPN", "dobj", 3), ("will", "will", "AUX", "aux", 7),
        ("not", "not", "PART", "neg", 7), ("attack", "attack", "VERB", "ROOT", 7),
        ("Israel", "Israel", "PROPN", "dobj", 7),
    ])
    got = triples(CODER.code_sentence(s))
    assert ("EGY", "070", "PSEGOVHMS", "asserted") in got
    assert ("EGY", "190", "ISR", "negated") in got


def test_figurative_wars_and_battles_are_no_violence():
    s = build_sentence([
        ("China", "China", "PROPN", "nsubj", 1), ("fought", "fight", "VERB", "ROOT", 1, "VBD"),
        ("a", "a", "DET", "det", 4), ("trade", "trade", "NOUN", "compound", 4),
        ("war", "war", "NOUN", "dobj", 1), ("with", "with", "ADP", "prep", 1),
        ("Japan", "Japan", "PROPN", "pobj", 5),
    ])
    assert all(e.cameo_root != "19" or e.trigger.text != "war" for e in CODER.code_sentence(s))
    s = build_sentence([
        ("the", "the", "DET", "det", 2), ("Chinese", "chinese", "ADJ", "amod", 2),
        ("war", "war", "NOUN", "nsubj", 3), ("ended", "end", "VERB", "ROOT", 3, "VBD"),
    ])
    assert [e.cameo_root for e in CODER.code_sentence(s)] == ["19"]


def test_a_time_phrase_is_not_the_preposition_a_pattern_needs():
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 1), ("insisted", "insist", "VERB", "ROOT", 1),
        ("on", "on", "ADP", "prep", 1), ("Wednesday", "Wednesday", "PROPN", "pobj", 2, "NNP",
                                         "DATE"),
    ])
    assert CODER.code_sentence(s) == []


def test_the_accused_does_what_they_are_accused_of_by_the_accusers_word():
    s = build_sentence([
        ("Ethiopia", "Ethiopia", "PROPN", "nsubj", 1),
        ("accused", "accuse", "VERB", "ROOT", 1, "VBD"), ("Eritrea", "Eritrea", "PROPN", "dobj", 1),
        ("of", "of", "ADP", "prep", 1), ("attacking", "attack", "VERB", "pcomp", 3, "VBG"),
        ("Sudan", "Sudan", "PROPN", "dobj", 4),
    ])
    got = CODER.code_sentence(s)
    assert ("ETH", "112", "ERI", "asserted") in triples(got)
    [attack] = [e for e in got if e.cameo_root == "19"]
    assert (attack.source.code, attack.target.code, attack.status) == ("ERI", "SDN", "claimed")
    assert attack.claimant is not None and attack.claimant.code == "ETH"


def test_coordinated_parties_clash_with_each_other_wherever_it_happens():
    s = build_sentence([
        ("Egyptian", "egyptian", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 5, "NNS"),
        ("and", "and", "CCONJ", "cc", 1), ("Hamas", "Hamas", "PROPN", "conj", 1),
        ("fighters", "fighter", "NOUN", "conj", 1, "NNS"),
        ("clashed", "clash", "VERB", "ROOT", 5, "VBD"), ("in", "in", "ADP", "prep", 5),
        ("Cairo", "Cairo", "PROPN", "pobj", 6),
    ])
    pairs = {(src, tgt) for src, code, tgt, _ in triples(CODER.code_sentence(s))}
    assert ("EGYMIL", "PSEREBHMS") in pairs or ("EGYMIL", "PSEGOVHMS") in pairs
    assert not any(tgt == "EGY" for _, tgt in pairs)


def test_state_forces_bomb_from_the_air():
    def bombed(*subject):
        return build_sentence([*subject, ("bombed", "bomb", "VERB", "ROOT", len(subject), "VBD"),
                               ("Idlib", "Idlib", "PROPN", "dobj", len(subject))])
    [e] = CODER.code_sentence(bombed(("Syrian", "syrian", "ADJ", "amod", 1),
                                     ("troops", "troop", "NOUN", "nsubj", 2, "NNS")))
    assert e.cameo == "195"
    [e] = CODER.code_sentence(bombed(("Hamas", "Hamas", "PROPN", "nsubj", 1)))
    assert e.cameo == "183"


def test_an_opening_dateline_is_no_actor_but_tells_the_articles_country():
    # "NAIROBI — Police arrested 40 protesters": the police are Kenya's, the capital no actor
    s = build_sentence([
        ("NAIROBI", "NAIROBI", "PROPN", "nsubj", 3), ("—", "—", "PUNCT", "punct", 0),
        ("Police", "police", "NOUN", "nsubj", 3), ("arrested", "arrest", "VERB", "ROOT", 3, "VBD"),
        ("40", "40", "NUM", "nummod", 5), ("protesters", "protester", "NOUN", "dobj", 3, "NNS"),
    ])
    art = Article("a", s.text)
    [ev] = CameoCoder().code_article(art, [s])
    assert ev.source.code == "KENCOP" and ev.source.text == "Police"
    # a dateline already cut off by the cleaner (kept as metadata) still tells the country
    s = build_sentence([
        ("Police", "police", "NOUN", "nsubj", 1), ("arrested", "arrest", "VERB", "ROOT", 1, "VBD"),
        ("40", "40", "NUM", "nummod", 3), ("protesters", "protester", "NOUN", "dobj", 1, "NNS"),
    ])
    art = Article("a", s.text, dateline="NAIROBI")
    assert [e.source.code for e in CameoCoder().code_article(art, [s])] == ["KENCOP"]
    assert CameoCoder().code_article(Article("a", s.text), [s]) == []


def test_an_intent_to_use_force_is_a_threat():
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 1), ("vowed", "vow", "VERB", "ROOT", 1, "VBD"),
        ("to", "to", "PART", "aux", 3), ("attack", "attack", "VERB", "xcomp", 1),
        ("Hezbollah", "Hezbollah", "PROPN", "dobj", 3),
    ])
    [ev] = CODER.code_sentence(s)
    assert (ev.cameo_root, ev.source.code, ev.target.code, ev.status) == (
        "13", "ISR", "LBNREBHEZ", "planned")


def test_a_modifier_role_says_whose_leader():
    s = build_sentence([
        ("Kenyan", "kenyan", "ADJ", "amod", 2), ("opposition", "opposition", "NOUN", "compound", 2),
        ("leaders", "leader", "NOUN", "nsubj", 3, "NNS"), ("met", "meet", "VERB", "ROOT", 3),
        ("Ruto", "Ruto", "PROPN", "dobj", 3),
    ])
    assert [e.source.code for e in CODER.code_sentence(s)] == ["KENOPP"]


def test_a_subject_hung_on_the_auxiliary_is_still_the_subject():
    s = build_sentence([
        ("Qatar", "Qatar", "PROPN", "nsubj", 1), ("is", "be", "AUX", "aux", 2),
        ("mediating", "mediate", "VERB", "ROOT", 2, "VBG"),
        ("between", "between", "ADP", "prep", 2), ("Israel", "Israel", "PROPN", "pobj", 3),
    ])
    assert [(e.source.code, e.cameo) for e in CODER.code_sentence(s)] == [("QAT", "045")]


def test_no_plans_to_meet_is_a_refusal_by_the_plans_holder():
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("had", "have", "VERB", "ROOT", 1, "VBD"),
        ("no", "no", "DET", "det", 3), ("plans", "plan", "NOUN", "dobj", 1, "NNS"),
        ("to", "to", "PART", "aux", 5), ("meet", "meet", "VERB", "acl", 3),
        ("Ukraine", "Ukraine", "PROPN", "dobj", 5),
    ])
    assert triples(CODER.code_sentence(s)) == [("RUS", "125", "UKR", "asserted")]


def test_engaging_someone_in_a_fight_makes_them_the_target():
    s = build_sentence([
        ("Syrian", "syrian", "ADJ", "amod", 1), ("rebels", "rebel", "NOUN", "nsubj", 2, "NNS"),
        ("engaged", "engage", "VERB", "ROOT", 2, "VBD"),
        ("Turkish", "turkish", "ADJ", "amod", 4), ("troops", "troop", "NOUN", "dobj", 2, "NNS"),
        ("in", "in", "ADP", "prep", 2), ("a", "a", "DET", "det", 7),
        ("firefight", "firefight", "NOUN", "pobj", 5),
    ])
    assert triples(CODER.code_sentence(s)) == [("SYRREB", "193", "TURMIL", "asserted")]


def test_a_list_read_as_an_apposition_is_still_a_list():
    # "The US, Russia, and Switzerland met": the parser hangs Russia on the US as apposition
    s = build_sentence([
        ("America", "America", "PROPN", "nsubj", 6), (",", ",", "PUNCT", "punct", 0),
        ("Russia", "Russia", "PROPN", "appos", 0), (",", ",", "PUNCT", "punct", 2),
        ("and", "and", "CCONJ", "cc", 2), ("Switzerland", "Switzerland", "PROPN", "conj", 2),
        ("met", "meet", "VERB", "ROOT", 6, "VBD"),
    ])
    assert {src for src, _, _, _ in triples(CODER.code_sentence(s))} == {"USA", "RUS", "CHE"}


def test_attacking_a_policy_is_criticism_not_violence():
    s = build_sentence([
        ("Germany", "Germany", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 4), ("French", "french", "ADJ", "amod", 4),
        ("policy", "policy", "NOUN", "dobj", 1),
    ])
    assert [e.cameo for e in CODER.code_sentence(s)] == ["111"]


def test_rejecting_a_report_reacts_to_a_publication_releasing_one_is_none():
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 1), ("rejected", "reject", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("report", "report", "NOUN", "dobj", 1),
    ])
    assert [e.cameo_root for e in CODER.code_sentence(s)] == ["12"]
    s = build_sentence([
        ("Hamas", "Hamas", "PROPN", "nsubj", 1), ("released", "release", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3), ("video", "video", "NOUN", "dobj", 1),
    ])
    assert CODER.code_sentence(s) == []


def test_who_claims_an_attack_is_its_source_on_their_own_word():
    # "Hamas claimed responsibility for the attack": Hamas's attack, claimed by Hamas
    s = build_sentence([
        ("Hamas", "Hamas", "PROPN", "nsubj", 1), ("claimed", "claim", "VERB", "ROOT", 1, "VBD"),
        ("responsibility", "responsibility", "NOUN", "dobj", 1), ("for", "for", "ADP", "prep", 2),
        ("the", "the", "DET", "det", 5), ("attack", "attack", "NOUN", "pobj", 3),
    ])
    [attack] = [e for e in CODER.code_sentence(s) if e.cameo_root == "19"]
    assert (attack.source.code, attack.status) == ("PSEGOVHMS", "claimed")
    assert attack.claimant is not None and attack.claimant.code == "PSEGOVHMS"
    # "Iran accepted the offer": accepting is no claim of authorship
    s = build_sentence([
        ("Iran", "Iran", "PROPN", "nsubj", 1), ("accepted", "accept", "VERB", "ROOT", 1, "VBD"),
        ("the", "the", "DET", "det", 3), ("attack", "attack", "NOUN", "dobj", 1),
    ])
    assert not any(e.cameo_root == "19" and e.source.code == "IRN"
                   for e in CODER.code_sentence(s))
