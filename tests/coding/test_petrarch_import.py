"""Import of PETRARCH-2 actor and agent dictionaries (own small fixtures; format of
shared/reference/petrarch2/petrarch2_formats.json)."""

from tests.conftest import build_sentence
from tidings.coding.actors import ActorDictionary, Entry, load_dictionary
from tidings.coding.petrarch import looks_like_petrarch, parse_actors, parse_agents
from tidings.coding.resolver import ActorResolver, ArticleMemory

ACTORS = """<!-- a comment block
spanning lines [XXX] -->
# a comment
NUMENOR_  [NUM]
+WESTERNESSE_
ARGENTIN  [ARG]
GRIMA_WORMTONGUE_  [ROHGOV] # adviser
KING_ELESSAR_
\\t[GONGOV 30190501 - 30500101]
\\t[GON <30190501]
DEAD_MARSHES  [---]
"""

AGENTS = """!PERSON! = MAN, MEN
FOREIGN_MINISTER [~GOVFRM] # comment
POLICE {} [ ~COP]
RELIEF_AGENCY [NGO~]
CONGRESS!PERSON! [~LEG]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
"""


def test_parse_actors_records_synonyms_stems_and_dates():
    recs = parse_actors(ACTORS.replace("\\t", "\t"))
    by = {r["phrases"][0][0]: r for r in recs}
    assert by["NUMENOR"]["phrases"] == [("NUMENOR", False), ("WESTERNESSE", False)]
    assert by["ARGENTIN"]["phrases"] == [("ARGENTIN", True)]
    assert by["KING ELESSAR"]["terms"] == [("GONGOV", "3019-05-01", "3050-01-01"),
                                           ("GON", None, "3019-05-01")]
    assert by["DEAD MARSHES"]["code"] == ""
    assert "XXX" not in str(recs)


def test_parse_agents_codes_plurals_and_substitutions():
    agents = parse_agents(AGENTS)
    assert ("FOREIGN MINISTER", "GOVFRM", False) in agents
    assert ("FOREIGN MINISTERS", "GOVFRM", False) in agents
    assert ("POLICE", "COP", False) in agents and ("POLICES", "COP", False) not in agents
    assert ("RELIEF AGENCY", "NGO", True) in agents
    assert ("CONGRESS MEN", "LEG", False) in agents
    assert ("ATTORNEYS GENERAL", "JUD", False) in agents


def test_detection_tells_petrarch_from_yaml():
    assert looks_like_petrarch(ACTORS) and looks_like_petrarch(AGENTS)
    assert not looks_like_petrarch("- code: EGY\n  demonyms: [Egyptian]\n")


def test_imported_dictionary_resolves_stems_agents_and_dates(tmp_path):
    (tmp_path / "x.actors.txt").write_text(ACTORS.replace("\\t", "\t"))
    (tmp_path / "x.agents.txt").write_text(AGENTS)
    d = load_dictionary([tmp_path / "x.actors.txt", tmp_path / "x.agents.txt"])
    r = ActorResolver(d)
    s = build_sentence([("Argentine", "argentine", "PROPN", "compound", 2),
                        ("foreign", "foreign", "ADJ", "amod", 2),
                        ("minister", "minister", "NOUN", "nsubj", 3),
                        ("spoke", "speak", "VERB", "ROOT", 3)])
    assert [m.code for m in r.resolve(s, 2)] == ["ARGGOVFRM"]
    s = build_sentence([("King", "King", "PROPN", "compound", 1),
                        ("Elessar", "Elessar", "PROPN", "nsubj", 2),
                        ("spoke", "speak", "VERB", "ROOT", 2)])
    assert [m.code for m in r.resolve(s, 1, ArticleMemory(date="3020-01-01"))] == ["GONGOV"]
    assert [m.code for m in r.resolve(s, 1, ArticleMemory(date="3000-01-01"))] == ["GON"]


def test_dated_entry_code_on():
    e = Entry("", "person", "USA", "x", terms=(("USAGOV", "2009-01-20", "2017-01-20"),))
    assert e.code_on("2012-05-01") == "USAGOV"
    # out of office, a state's office holder is one of its elite (CAMEO's ELI)
    assert e.code_on("2020-05-01") == "USAELI"
    assert e.code_on("2001-05-01") == ""  # not before the first office
    # not for an international or non-state office, nor an imported (PETRARCH) dated entry
    assert Entry("", "person", "IGO", "x", terms=(("IGOUNO", "2007-01-01", "2017-01-01"),)
                 ).code_on("2020-05-01") == ""
    assert Entry("", "country", "GON", "x", terms=(("GONGOV", "3010-01-01", None),)
                 ).code_on("3000-01-01") == ""
    assert ActorDictionary().stems == {}


def test_validation_dictionaries_load(shared):
    folder = shared / "data/petrarch2-validation/dictionaries"
    d = load_dictionary([folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"])
    assert ("arnor",) in d.names and ("foreign", "minister") in d.agents
