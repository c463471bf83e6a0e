"""Actor resolution on hand-built parsed sentences (no model load)."""

import pytest

from tests.conftest import DATA, build_sentence
from tidings.coding.actors import ActorDictionary, default_dictionary, load_dictionary
from tidings.coding.resolver import ActorResolver, ArticleMemory, compose

R = ActorResolver()


def codes(sent, head, memory=None):
    return [m.code for m in R.resolve(sent, head, memory)]


def test_country_demonym_and_capital_metonym():
    s = build_sentence([
        ("Cairo", "Cairo", "PROPN", "nsubj", 1),
        ("is", "be", "AUX", "ROOT", 1),
        ("ready", "ready", "ADJ", "acomp", 1),
    ])
    [m] = R.resolve(s, 0)
    assert (m.code, m.rule, m.text) == ("EGYGOV", "capital-metonym", "Cairo")
    s = build_sentence([("The", "the", "DET", "det", 1), ("Egyptians", "Egyptians", "PROPN",
                        "nsubj", 2), ("agreed", "agree", "VERB", "ROOT", 2)])
    assert codes(s, 1) == ["EGY"]


def test_demonym_plus_agent_composes_country_and_role():
    s = build_sentence([
        ("the", "the", "DET", "det", 3),
        ("Egyptian", "egyptian", "ADJ", "amod", 3),
        ("military", "military", "ADJ", "amod", 3),
        ("intelligence", "intelligence", "NOUN", "nsubj", 4),
        ("said", "say", "VERB", "ROOT", 4),
    ])
    [m] = R.resolve(s, 3)
    assert m.code == "EGYSPY"  # "military intelligence" is matched before "military"
    assert m.rule == "country+agent" and m.text == "Egyptian military intelligence"


def test_possessive_group_agent_and_non_state_military_wing():
    s = build_sentence([
        ("Hamas", "Hamas", "PROPN", "poss", 4),
        ("'", "'", "PART", "case", 0),
        ("military", "military", "ADJ", "amod", 3),
        ("wing", "wing", "NOUN", "compound", 4),
        ("commanders", "commander", "NOUN", "nsubj", 5, "NNS"),
        ("spoke", "speak", "VERB", "ROOT", 5),
    ])
    assert codes(s, 4) == ["PSEREBHMS"]
    s2 = build_sentence([("Hamas", "Hamas", "PROPN", "compound", 1),
                         ("officials", "official", "NOUN", "nsubj", 2, "NNS"),
                         ("met", "meet", "VERB", "ROOT", 2)])
    assert codes(s2, 1) == ["PSEGOVHMS"]


def test_coordination_gives_one_mention_per_conjunct():
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 3),
        ("and", "and", "CCONJ", "cc", 0),
        ("Qatar", "Qatar", "PROPN", "conj", 0),
        ("mediated", "mediate", "VERB", "ROOT", 3),
    ])
    assert codes(s, 0) == ["EGY", "QAT"]


def test_partitive_of_phrase():
    s = build_sentence([
        ("members", "member", "NOUN", "nsubj", 3, "NNS"),
        ("of", "of", "ADP", "prep", 0),
        ("Hezbollah", "Hezbollah", "PROPN", "pobj", 1),
        ("fled", "flee", "VERB", "ROOT", 3),
    ])
    assert codes(s, 0) == [default_dictionary().names[("hezbollah",)].code]


def test_unknown_agent_stays_unresolved_without_memory():
    s = build_sentence([("The", "the", "DET", "det", 1), ("official", "official", "NOUN",
                        "nsubj", 2), ("said", "say", "VERB", "ROOT", 2)])
    assert codes(s, 1) == []


def test_coreference_definite_description_and_pronoun():
    first = build_sentence([
        ("A", "a", "DET", "det", 2), ("Hamas", "Hamas", "PROPN", "compound", 2),
        ("official", "official", "NOUN", "nsubj", 3), ("spoke", "speak", "VERB", "ROOT", 3),
    ], index=0)
    mem = ArticleMemory()
    mem.remember(first, R.mentions(first, mem))
    second = build_sentence([("The", "the", "DET", "det", 1), ("official", "official", "NOUN",
                             "nsubj", 2), ("denied", "deny", "VERB", "ROOT", 2)], index=1)
    [m] = R.resolve(second, 1, mem)
    assert (m.code, m.rule) == ("PSEGOVHMS", "coref:same-head")
    mem.remember(second, R.mentions(second, mem))
    third = build_sentence([("he", "he", "PRON", "nsubj", 1), ("said", "say", "VERB", "ROOT",
                            1)], index=2)
    [m] = R.resolve(third, 0, mem)
    assert (m.code, m.rule) == ("PSEGOVHMS", "coref:pronoun")


def test_possessive_pronoun_owner_in_the_same_sentence():
    s = build_sentence([
        ("Hamas", "Hamas", "PROPN", "nsubj", 1),
        ("supports", "support", "VERB", "ROOT", 1),
        ("its", "its", "PRON", "poss", 3),
        ("fighters", "fighter", "NOUN", "dobj", 1, "NNS"),
    ])
    [m] = R.resolve(s, 3, ArticleMemory())
    assert (m.code, m.rule) == ("PSEREBHMS", "coref:possessive")


def test_lower_case_common_words_are_not_names():
    s = build_sentence([("they", "they", "PRON", "nsubj", 1), ("ate", "eat", "VERB", "ROOT", 1),
                        ("turkey", "turkey", "NOUN", "dobj", 1)])
    assert codes(s, 2) == []


def test_user_dictionary_adds_actors(tmp_path):
    d = load_dictionary([DATA / "mini_actors.yaml"])
    assert ("qatar",) in d.names
    extra = tmp_path / "extra.yaml"
    extra.write_text("- {code: NGOXYZ, name: Free Press Watch, group: XYZ, country: NGO}\n")
    d = load_dictionary([extra])
    s = build_sentence([("Free", "free", "PROPN", "compound", 2), ("Press", "Press", "PROPN",
                        "compound", 2), ("Watch", "Watch", "PROPN", "nsubj", 3),
                        ("warned", "warn", "VERB", "ROOT", 3)])
    assert [m.code for m in ActorResolver(d).resolve(s, 2)] == ["NGOXYZ"]


def test_compose_rules():
    d = default_dictionary()
    egypt = d.names[("egypt",)]
    hamas = d.names[("hamas",)]
    assert compose(egypt, "MIL") == "EGYMIL"
    assert compose(hamas, "GOV") == "PSEGOVHMS"
    assert compose(hamas, "MIL") == "PSEREBHMS"


def test_every_country_has_a_demonym_and_no_phrase_is_ambiguous():
    from importlib import resources

    import yaml

    folder = resources.files("tidings.coding") / "data" / "actors"
    countries = yaml.safe_load((folder / "countries.yaml").read_text())
    assert len(countries) > 200
    seen: dict[str, str] = {}
    for c in countries:
        assert c.get("demonyms"), c["code"]
    for name in ("countries.yaml", "groups.yaml", "regions.yaml"):
        for e in yaml.safe_load((folder / name).read_text()):
            for phrase in [e.get("name"), *(e.get("aliases") or []), *(e.get("demonyms") or [])]:
                if not phrase:
                    continue
                key = phrase if phrase in (e.get("case_sensitive") or []) else phrase.lower()
                assert seen.setdefault(key, e["code"]) == e["code"], (phrase, e["code"])


def test_empty_dictionary_resolves_nothing():
    s = build_sentence([("Egypt", "Egypt", "PROPN", "nsubj", 1), ("spoke", "speak", "VERB",
                        "ROOT", 1)])
    assert ActorResolver(ActorDictionary()).resolve(s, 0) == []


def test_office_holders_are_coded_by_office_only_while_in_it():
    s = build_sentence([("Zelensky", "Zelensky", "PROPN", "nsubj", 1),
                        ("spoke", "speak", "VERB", "ROOT", 1)])
    assert [m.code for m in R.resolve(s, 0, ArticleMemory(date="2023-03-01"))] == ["UKRGOV"]
    assert R.resolve(s, 0, ArticleMemory(date="2015-03-01")) == []  # before his presidency
    s = build_sentence([("Bush", "Bush", "PROPN", "nsubj", 1), ("spoke", "speak", "VERB",
                        "ROOT", 1)])
    assert [m.code for m in R.resolve(s, 0, ArticleMemory(date="2004-01-01"))] == ["USAGOV"]
    # after leaving office: one of the country's elite, as CAMEO codes former office holders
    assert [m.code for m in R.resolve(s, 0, ArticleMemory(date="2012-01-01"))] == ["USAELI"]


def test_people_data_has_no_overlapping_aliases():
    import datetime
    from importlib import resources

    import yaml

    path = resources.files("tidings.coding") / "data" / "actors" / "people.yaml"
    people = yaml.safe_load(path.read_text())
    assert len(people) > 500
    spans: dict[str, list[tuple]] = {}
    far = datetime.date(2100, 1, 1)
    for p in people:
        for alias in {p["name"].lower(), *(a.lower() for a in p.get("aliases") or [])}:
            for t in p["terms"]:
                spans.setdefault(alias, []).append((t["start"], t["end"] or far, p["name"]))
    for alias, terms in spans.items():
        terms.sort(key=lambda x: x[0])
        for a, b in zip(terms, terms[1:], strict=False):
            assert a[2] == b[2] or a[1] <= b[0], (alias, a, b)


def test_it_refers_only_to_a_collective_actor_named_before_it_in_the_sentence():
    s = build_sentence([("Hamas", "Hamas", "PROPN", "nsubj", 1),
                        ("said", "say", "VERB", "ROOT", 1),
                        ("it", "it", "PRON", "nsubj", 3),
                        ("agreed", "agree", "VERB", "ccomp", 1)])
    [m] = R.resolve(s, 2, ArticleMemory())
    assert (m.code, m.rule) == ("PSEGOVHMS", "coref:pronoun")
    s = build_sentence([("It", "it", "PRON", "nsubj", 1), ("means", "mean", "VERB", "ROOT", 1)])
    assert R.resolve(s, 0, ArticleMemory()) == []


def test_his_or_her_with_an_agent_belongs_to_the_nearest_person():
    # "Nigeria's president said his army would withdraw": the president's country's army
    s = build_sentence([("Nigeria", "Nigeria", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
                        ("president", "president", "NOUN", "nsubj", 3),
                        ("said", "say", "VERB", "ROOT", 3, "VBD"),
                        ("his", "his", "PRON", "poss", 5), ("army", "army", "NOUN", "nsubj", 7),
                        ("would", "would", "AUX", "aux", 7),
                        ("withdraw", "withdraw", "VERB", "ccomp", 3)])
    assert [m.code for m in R.resolve(s, 5, ArticleMemory(date="2024-01-01"))] == ["NGAMIL"]
    # with no person before it, "his army" stays unresolved
    s = build_sentence([("his", "his", "PRON", "poss", 1), ("army", "army", "NOUN", "nsubj", 2),
                        ("withdrew", "withdraw", "VERB", "ROOT", 2, "VBD")])
    assert R.resolve(s, 1, ArticleMemory(date="2024-01-01")) == []


def test_a_title_before_a_name_coded_by_its_country_gives_the_role(tmp_path):
    # PETRARCH dictionaries code some people by their country alone ("ROMENDACIL [BRE]");
    # "Prime Minister Romendacil" is then that country's government
    from tidings.coding.actors import load_dictionary
    (tmp_path / "x.actors.txt").write_text("ROMENDACIL  [BRE]\n", encoding="utf-8")
    (tmp_path / "x.agents.txt").write_text("PRIME_MINISTER  [~GOV]\n", encoding="utf-8")
    r = ActorResolver(load_dictionary([tmp_path / "x.actors.txt", tmp_path / "x.agents.txt"]))
    s = build_sentence([("Prime", "prime", "PROPN", "compound", 1),
                        ("Minister", "minister", "PROPN", "compound", 2),
                        ("Romendacil", "Romendacil", "PROPN", "nsubj", 3),
                        ("spoke", "speak", "VERB", "ROOT", 3)])
    assert [m.code for m in r.resolve(s, 2)] == ["BREGOV"]
    s = build_sentence([("Romendacil", "Romendacil", "PROPN", "nsubj", 1),
                        ("spoke", "speak", "VERB", "ROOT", 1)])
    assert [m.code for m in r.resolve(s, 0)] == ["BRE"]


def test_a_place_named_after_a_country_is_no_actor():
    # "the South China Sea" is not China, "the Indian Ocean" not India, "New Mexico" not Mexico
    for words in (["South", "China", "Sea"], ["Indian", "Ocean"], ["New", "Mexico"]):
        rows = [("near", "near", "ADP", "ROOT", 0), ("the", "the", "DET", "det", len(words) + 1)]
        rows += [(w, w, "PROPN", "compound", len(words) + 1) for w in words[:-1]]
        rows.append((words[-1], words[-1], "PROPN", "pobj", 0))
        s = build_sentence(rows)
        assert R.resolve(s, len(rows) - 1) == [], words
    s = build_sentence([("China", "China", "PROPN", "nsubj", 1),
                        ("protested", "protest", "VERB", "ROOT", 1)])
    assert [m.code for m in R.resolve(s, 0)] == ["CHN"]


def test_a_subject_pronoun_prefers_the_last_sentence_subject():
    # "Macron met Putin. He said ...": "he" is Macron, the subject, not the nearer Putin
    memory = ArticleMemory(date="2020-06-01")
    s1 = build_sentence([("Macron", "Macron", "PROPN", "nsubj", 1),
                         ("met", "meet", "VERB", "ROOT", 1, "VBD"),
                         ("Putin", "Putin", "PROPN", "dobj", 1)], index=0)
    memory.remember(s1, R.mentions(s1, memory))
    s2 = build_sentence([("He", "he", "PRON", "nsubj", 1), ("left", "leave", "VERB", "ROOT", 1)],
                        index=1, offset=30)
    assert [m.code for m in R.resolve(s2, 0, memory)] == ["FRAGOV"]
    # an object pronoun keeps the nearest person
    s3 = build_sentence([("Kyiv", "Kyiv", "PROPN", "nsubj", 1),
                         ("criticised", "criticise", "VERB", "ROOT", 1, "VBD"),
                         ("him", "he", "PRON", "dobj", 1)], index=1, offset=30)
    assert [m.code for m in R.resolve(s3, 2, memory)] == ["RUSGOV"]


def test_a_subject_pronoun_in_the_same_sentence_prefers_an_earlier_subject():
    # "Macron said he met Putin's envoy and he ...": "he" is Macron, not the envoy's Putin
    s = build_sentence([("Macron", "Macron", "PROPN", "nsubj", 1),
                        ("visited", "visit", "VERB", "ROOT", 1, "VBD"),
                        ("Putin", "Putin", "PROPN", "dobj", 1), ("and", "and", "CCONJ", "cc", 1),
                        ("he", "he", "PRON", "nsubj", 5), ("left", "leave", "VERB", "conj", 1)])
    memory = ArticleMemory(date="2020-06-01")
    assert [m.code for m in R.resolve(s, 4, memory)] == ["FRAGOV"]


def test_a_pro_or_anti_country_word_is_a_stance_not_an_owner():
    # "pro-Russian separatists in Ukraine" are Ukraine's rebels, not Russia's
    s = build_sentence([("pro", "pro", "ADJ", "amod", 3), ("-", "-", "PUNCT", "amod", 3),
                        ("Russian", "russian", "ADJ", "amod", 3),
                        ("separatists", "separatist", "NOUN", "nsubj", 6, "NNS"),
                        ("in", "in", "ADP", "prep", 3), ("Ukraine", "Ukraine", "PROPN", "pobj", 4),
                        ("fought", "fight", "VERB", "ROOT", 6)])
    assert [m.code for m in R.resolve(s, 3)] == ["UKRREB"]
    s = build_sentence([("Russian", "russian", "ADJ", "amod", 1),
                        ("separatists", "separatist", "NOUN", "nsubj", 2, "NNS"),
                        ("fought", "fight", "VERB", "ROOT", 2)])
    assert [m.code for m in R.resolve(s, 1)] == ["RUSREB"]


def test_a_place_entry_with_a_code_is_a_clear_error(tmp_path):
    from tidings.errors import ConfigError

    bad = tmp_path / "places.yaml"
    bad.write_text('- {code: CHN, place: true, name: South China Sea}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="place entry names no actor"):
        load_dictionary([bad])
    good = tmp_path / "ok.yaml"
    good.write_text('- {code: "", place: true, name: Lake Victoria Kenya}\n', encoding="utf-8")
    assert load_dictionary([good]).country_of_place("Lake Victoria Kenya") is None
