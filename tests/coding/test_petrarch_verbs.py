"""PETRARCH-2 verb dictionaries imported as event patterns (tidings.coding.petrarch_verbs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings import Pipeline
from tidings.coding.codebook import load_codebook
from tidings.coding.patterns import load_patterns
from tidings.coding.petrarch_verbs import looks_like_verbs, read_verbs
from tidings.errors import ConfigError
from tidings.models import Article

VERBS = """\
<!-- a small dictionary in PETRARCH-2 format, written for these tests -->
&TIETYPE
+MILITARY
+TRADE_AND_TRANSIT

--- RESTORE  [064] ---
RESTORE
- * &TIETYPE TIES [0641]   # a code of our own, outside CAMEO's 064 children
- NOT_* [904]

--- VISIT  [042:043] ---
VISIT   # the visitor's 042, the host's 043

--- HAIL [---] ---
HAIL
- * + VICTORY [013]

--- ACCUSE  [112] ---
ACCUSE {ACCUSES ACCUSED}
+BLAME  [111]
"""


@pytest.fixture(scope="module")
def verbs_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("verbs") / "test.verbs.txt"
    p.write_text(VERBS, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def only_verbs(verbs_file: Path) -> Pipeline:
    return Pipeline(locations=False, dates=False, patterns=[str(verbs_file)],
                    builtin_patterns=False)


def triples(p: Pipeline, text: str) -> set[tuple[str, str | None, str]]:
    result = p.process(Article(id="t", text=text))
    return {(e.source.code, e.target.code if e.target else None, e.cameo)
            for e in result.events}  # type: ignore[union-attr]


def test_reads_blocks_synsets_and_codes(verbs_file: Path) -> None:
    pats = read_verbs(verbs_file)
    by_code = {(p.lemma, p.code): p for p in pats}
    assert (("restore",), "064") in by_code and (("restore",), "0641") in by_code
    ties = by_code[(("restore",), "0641")].context
    assert ties.after[0].words == (("military",), ("trade", "and", "transit"))
    assert by_code[(("visit",), "042")].reverse == "043"
    assert (("hail",), "013") in by_code and not any(p.lemma == ("hail",) and p.code == "---"
                                                     for p in pats)
    assert by_code[(("blame",), "111")].origin == "petrarch"
    assert looks_like_verbs(VERBS) and not looks_like_verbs("- {verb: meet, code: '040'}\n")


def test_pattern_words_pick_the_code(only_verbs: Pipeline) -> None:
    assert triples(only_verbs, "Kenya restored military ties with Uganda on Monday.") == {
        ("KEN", "UGA", "0641")}
    assert triples(only_verbs, "Kenya restored full diplomatic relations with Uganda.") == {
        ("KEN", "UGA", "064")}


def test_a_glued_word_must_be_adjacent(only_verbs: Pipeline) -> None:
    # "NOT_*": "not" right before the verb
    assert ("KEN", "UGA", "904") in triples(
        only_verbs, "Kenya did not restore its ties with Uganda.")


def test_paired_code_codes_both_directions(only_verbs: Pipeline) -> None:
    assert triples(only_verbs, "The Kenyan president visited Uganda on Tuesday.") == {
        ("KENGOV", "UGA", "042"), ("UGA", "KENGOV", "043")}


def test_role_mark_takes_the_actor_it_stands_for(only_verbs: Pipeline) -> None:
    # "- * + VICTORY": the target is the actor between the verb and "victory"
    assert triples(only_verbs, "Ugandan fans hailed the Kenyan victory in Nairobi.") == {
        ("UGA", "KEN", "013")}
    # the subject itself is no target: Kenya on Kenya is no event
    assert triples(only_verbs, "Kenya hailed the Kenyan victory in Nairobi.") == set()
    assert triples(only_verbs, "Kenya hailed the decision.") == set()  # [---]: no default


def test_codes_outside_cameo_pass_through(only_verbs: Pipeline) -> None:
    assert "904" not in load_codebook()
    result = only_verbs.process(Article(id="t", text="Kenya did not restore its ties with Uganda."))
    ev = next(e for e in result.events if e.cameo == "904")  # type: ignore[union-attr]
    assert ev.goldstein is None and ev.cameo_root == "904" and ev.plover is None


def test_synonym_line_with_its_own_code(only_verbs: Pipeline) -> None:
    assert triples(only_verbs, "Uganda blamed Kenya for the delay.") == {("UGA", "KEN", "111")}
    assert triples(only_verbs, "Uganda accused Kenya of delays.") == {("UGA", "KEN", "112")}


def test_imported_verbs_replace_builtin_ones_only_for_their_verbs(verbs_file: Path) -> None:
    mixed = load_patterns([verbs_file])
    assert all(p.origin == "petrarch" for p in mixed.verbs["visit"])
    assert any(p.origin == "tidings" for p in mixed.verbs["meet"])
    p = Pipeline(locations=False, dates=False, patterns=[str(verbs_file)])
    assert ("KEN", "UGA", "040") in {(s, t, c[:3]) for s, t, c in
                                      triples(p, "Kenya met Uganda in Nairobi on Monday.")}
    assert ("KEN", "UGA", "064") in triples(p, "Kenya restored relations with Uganda.")


def test_builtin_off_needs_a_pattern_file() -> None:
    with pytest.raises(ConfigError):
        load_patterns([], builtin=False)


def test_unknown_synset_skips_the_pattern_not_the_file(tmp_path: Path) -> None:
    f = tmp_path / "v.txt"
    f.write_text("--- MEET [040] ---\nMEET\n- * &NOSUCH [041]\n- * ENVOY [042]\n")
    pats = read_verbs(f)
    assert {p.code for p in pats} == {"040", "042"}


@pytest.mark.parametrize("text, expected", [
    # no object or target preposition: the first other actor in the verb phrase
    ("A court in Kenya issued arrest warrants for two Ugandan men.", ("KENJUD", "UGA")),
    ("Kenya welcomed a pledge of aid from Japan.", ("KEN", "JPN")),
])
def test_builtin_patterns_take_the_first_actor_in_the_verb_phrase(
        text: str, expected: tuple[str, str]) -> None:
    p = Pipeline(locations=False, dates=False)
    assert expected in {(s, t) for s, t, _ in triples(p, text)}


def test_light_verb_event_takes_the_place_country_as_target() -> None:
    # the capital is where the protest happened: the country, not its government
    p = Pipeline(locations=False, dates=False)
    got = triples(p, "Kenyan students staged a noisy protest in Kampala on Friday.")
    assert ("KENEDU", "UGA") in {(s, t) for s, t, _ in got}  # CAMEO EDU covers students


def test_gerund_parsed_as_verb_takes_its_owner_and_the_victims() -> None:
    # the small model parses "tank shelling" as a verb with no subject
    p = Pipeline(locations=False, dates=False)
    got = triples(p, "Four Kenyan villagers were killed in Ugandan tank shelling on Friday.")
    assert {(s[:3], (t or "")[:3], c[:2]) for s, t, c in got} >= {("UGA", "KEN", "19")}
