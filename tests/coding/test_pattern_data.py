"""The shipped event-pattern data: it loads, its codes exist, it covers every CAMEO root, it has
no duplicates and no bare light or reporting verbs; and on invented news sentences from many
regions the real model codes the expected root, source and target."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest
import yaml

from tidings.coding.codebook import load_codebook
from tidings.coding.coder import ARMED_SENSES
from tidings.coding.patterns import Pattern, load_patterns, read_patterns

PATTERN_FILE = resources.files("tidings.coding") / "data" / "event_patterns.yaml"

# Verbs too common to name an event by themselves: allowed only with an `obj` constraint.
LIGHT_OR_REPORTING = {"say", "tell", "make", "take", "give", "get", "go", "come", "have", "be",
                      "do", "put", "set", "hold", "send", "issue", "fire", "launch", "carry",
                      "report", "announce", "state"}
ROOTS = [f"{i:02d}" for i in range(1, 21)]


@pytest.fixture(scope="module")
def patterns() -> list[Pattern]:
    return read_patterns(PATTERN_FILE)


def test_the_default_file_loads_through_the_loader(patterns):
    ps = load_patterns()
    assert ps.size == len(patterns) >= 800
    assert ps.roots() == set(ROOTS)


def test_raw_entries_are_well_formed():
    data = yaml.safe_load(PATTERN_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    for item in data:
        assert set(item) <= {"verb", "noun", "prep", "obj", "code", "converse"}, item
        assert ("verb" in item) != ("noun" in item), item
        # codes are quoted: a bare 040 would lose its leading zero or read as octal
        assert isinstance(item["code"], str), item
        trigger = item.get("verb", item.get("noun"))
        assert isinstance(trigger, str) and trigger == trigger.lower().strip(), item
        for key in ("prep", "obj"):
            for word in item.get(key) or []:
                # YAML 1.1 booleans: only a bare `on` is tolerated (the loader maps it back)
                assert word is True or isinstance(word, str), item


def test_every_code_exists_in_the_codebook(patterns):
    cb = load_codebook()
    assert all(p.code in cb for p in patterns)


def test_every_root_has_at_least_ten_patterns(patterns):
    cb = load_codebook()
    per_root = Counter(cb[p.code].root for p in patterns)
    thin = {r: per_root[r] for r in ROOTS if per_root[r] < 10}
    assert not thin, thin


def test_no_duplicate_entries(patterns):
    keys = Counter((p.nominal, p.lemma, tuple(sorted(p.preps)), tuple(sorted(p.objs)))
                   for p in patterns)
    dups = [k for k, n in keys.items() if n > 1]
    assert not dups, dups


def test_no_ambiguous_object_lists(patterns):
    """Two patterns of one trigger that share an object lemma would tie on specificity."""
    by_trigger: dict[tuple, list[Pattern]] = {}
    for p in patterns:
        if p.objs:
            by_trigger.setdefault((p.nominal, p.lemma, p.preps), []).append(p)
    clashes = []
    for key, ps in by_trigger.items():
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                if a.code != b.code and set(a.objs) & set(b.objs):
                    clashes.append((key, a.code, b.code, set(a.objs) & set(b.objs)))
    assert not clashes, clashes


def test_light_and_reporting_verbs_need_an_object(patterns):
    # (or a preposition they require: "fired at the crowd", not "fired 100 workers"; a bare
    # "fire" holds only where the coder finds no object and an armed subject, ARMED_SENSES)
    bare = [p for p in patterns if not p.nominal and p.lemma[0] in LIGHT_OR_REPORTING
            and not p.objs and not p.preps and p.lemma[0] not in ARMED_SENSES]
    assert not bare, bare


def test_no_patterns_for_be_have_or_speech(patterns):
    banned = {"be", "have", "say", "tell"}
    assert not [p for p in patterns if not p.nominal and p.lemma[0] in banned]


# Invented sentences (no gold text), one or more per CAMEO root, from many regions:
# (sentence, root, source country, target country or None for "any").
CASES = [
    ("Ghana offered condolences to Nigeria after the attack.", "01", "GHA", "NGA"),
    ("Zimbabwe sought a loan from China.", "02", "ZWE", None),
    ("Japan pledged $500 million in aid to the Philippines.", "03", "JPN", "PHL"),
    ("Kenyan President William Ruto visited Addis Ababa on Tuesday.", "04", "KEN", "ETH"),
    ("India's prime minister phoned the French president on Monday.", "04", "IND", "FRA"),
    ("Indonesia signed a trade agreement with Australia.", "05", "IDN", "AUS"),
    ("Argentina apologized to Chile for the incident.", "05", "ARG", "CHL"),
    ("Iraq extradited a Turkish suspect to Ankara.", "06", "IRQ", "TUR"),
    ("Qatar sent humanitarian aid to Afghanistan.", "07", "QAT", "AFG"),
    ("Israel released Palestinian prisoners.", "08", "ISR", "PSE"),
    ("Turkey investigated Greek officials over the shooting.", "09", "TUR", "GRC"),
    ("Peru demanded the release of its citizens held in Bolivia.", "10", "PER", None),
    ("Pakistan condemned India over the killings in Kashmir.", "11", "PAK", "IND"),
    ("Iran rejected the American proposal.", "12", "IRN", "USA"),
    ("Turkey threatened Greece with sanctions.", "13", "TUR", "GRC"),
    ("Kenyan protesters rallied against the government in Nairobi.", "14", "KEN", "KEN"),
    ("Azerbaijan deployed troops to the Armenian border.", "15", "AZE", None),
    ("The United States imposed sanctions on Venezuela.", "16", "USA", "VEN"),
    ("Morocco recalled its ambassador from Algeria.", "16", "MAR", "DZA"),
    ("Sudanese security forces fired tear gas at protesters in Khartoum.", "17", "SDN", "SDN"),
    ("Colombian rebels kidnapped two Venezuelan soldiers.", "18", "COL", "VEN"),
    ("Russian warplanes carried out airstrikes on Syrian rebels.", "19", "RUS", "SYR"),
    ("Hamas fired rockets at Israel.", "19", "PSE", "ISR"),
    ("Myanmar's army massacred villagers in Sagaing.", "20", "MMR", None),
]


@pytest.mark.parametrize(("text", "root", "source", "target"), CASES,
                         ids=[c[0][:40] for c in CASES])
def test_invented_news_sentences(pipeline, text, root, source, target):
    events = pipeline.code_text(text)
    found = [(e.cameo_root, e.source.code[:3], e.target.code[:3] if e.target else None)
             for e in events]
    assert any(r == root and s == source and (target is None or t == target)
               for r, s, t in found), found
