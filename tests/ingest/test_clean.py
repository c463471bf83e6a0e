"""Cleaning rules on fixtures written in several outlets' styles (tests/data/ingest/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.ingest import clean_text, prepare
from tidings.ingest.clean import is_credit, match_dateline
from tidings.models import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def cleaned(name: str, **kw):
    return clean_text((DATA / name).read_text(encoding="utf-8"), **kw)


def whats(c) -> list[str]:
    return [r.what for r in c.removed]


def assert_offsets_exact(original: str, c) -> None:
    """Every character of the cleaned text is the input character the map points to."""
    for i, ch in enumerate(c.text):
        if ch == "\n":
            continue
        assert original[c.offsets.original(i)] == ch, i
    for r in c.removed:
        assert original[r.start: r.end].strip() == r.text


@pytest.mark.parametrize("name", [
    "tabloid.txt", "wire-reuters.txt", "ap-style.txt", "indian-style.txt", "plain-headline.txt",
])
def test_offset_map_points_back_to_the_input(name):
    original = (DATA / name).read_text(encoding="utf-8")
    c = clean_text(original)
    assert_offsets_exact(original, c)
    start, end = c.offsets.span(0, len(c.text))
    assert original[start:end].endswith(c.text[-20:])


def test_tabloid_headline_caption_credit_dateline_and_comment_footer():
    c = cleaned("tabloid.txt")
    assert c.title == "Rebels Offer Truce Talks In Northern Valley"
    assert c.text.startswith("A rebel commander in the northern valley")
    assert c.dateline is not None and c.dateline.place == "BEIRUT"
    assert whats(c) == ["headline", "caption", "credit", "dateline", "share", "footer", "footer"]
    for junk in ("JOHN SMITH", "checkpoint outside", "COMMENTS", "commenting", "Share"):
        assert junk not in c.text


def test_wire_byline_dateline_with_agency_read_more_and_reporting_credits():
    c = cleaned("wire-reuters.txt")
    assert c.title == "Ministers agree to reopen border talks"
    assert c.dateline is not None
    assert (c.dateline.place, c.dateline.agency, c.dateline.date) == ("LONDON", "Reuters",
                                                                      "May 6")
    assert c.text.startswith("The foreign ministers of Norland")
    assert set(whats(c)) == {"headline", "byline", "dateline", "read-more"}
    assert "Reporting by" not in c.text and "Read more" not in c.text
    assert "By Jane" not in c.text


def test_ap_dateline_with_date_and_copyright_footer():
    c = cleaned("ap-style.txt")
    assert c.title is None  # the first line is body text, not a headline
    assert c.dateline is not None
    assert (c.dateline.place, c.dateline.date, c.dateline.agency) == ("WASHINGTON",
                                                                      "Jan 5, 2024", "AP")
    assert "Associated Press" not in c.text
    assert c.text.endswith("sign it quickly.")


def test_indian_colon_dateline_timestamp_follow_and_advertisement():
    c = cleaned("indian-style.txt")
    assert c.dateline is not None and c.dateline.place == "AHMEDABAD"
    assert c.published_text == "May 6, 2024, 10:32 IST"
    assert {"timestamp", "share", "advertisement"} <= set(whats(c))
    assert "The district collector appealed for calm" in c.text


def test_known_title_is_removed_from_the_text_and_short_texts_are_kept():
    c = clean_text("Talks resume\n\nThe talks resumed on Monday in the capital.",
                   title="Talks resume")
    assert c.text == "The talks resumed on Monday in the capital."
    one_line = clean_text("Egypt condemned Israel on Monday")
    assert one_line.text == "Egypt condemned Israel on Monday" and not one_line.removed


def test_strip_false_keeps_the_text_but_finds_the_metadata():
    original = (DATA / "tabloid.txt").read_text(encoding="utf-8")
    c = clean_text(original, strip=False)
    assert c.text == original
    assert c.title == "Rebels Offer Truce Talks In Northern Valley"
    assert c.dateline is not None and c.dateline.place == "BEIRUT"
    assert c.offsets.original(100) == 100


def test_cookie_banner_lines_are_removed():
    text = ("We use cookies to personalise content and ads. By continuing to browse you agree "
            "to our use of cookies.\n\nAccept all cookies\n\nThe minister resigned on Friday "
            "after the report on the contract was published by parliament.\n\nThe regulator "
            "fined the company for tracking users with cookies without asking them first.")
    c = clean_text(text)
    assert [r.what for r in c.removed] == ["cookie-banner", "cookie-banner"]
    assert c.text.startswith("The minister resigned")
    assert "The regulator fined" in c.text  # a sentence about cookies is news, not a banner


@pytest.mark.parametrize("line", [
    "MAHMUD HAMS/AFP/Getty", "Reuters/Mohamed Abd El Ghany", "Photo: Sam Reyes",
    "Getty Images", "(Photo by Anna Berg/Getty Images)", "Image copyright EPA",
    "AFP via Getty Images",
])
def test_credit_lines(line):
    assert is_credit(line)


@pytest.mark.parametrize("line", [
    "The deal was signed in and/or near the capital.", "Hamas denied the report.",
    "He told AFP.", "Police and soldiers",
])
def test_not_credit_lines(line):
    assert not is_credit(line)


@pytest.mark.parametrize(("line", "place", "agency"), [
    ("TEL AVIV – An Islamic Jihad delegation", "TEL AVIV", None),
    ("CAIRO (Reuters) - Egypt said", "CAIRO", "Reuters"),
    ("WASHINGTON, Jan 5 (AP) — The president", "WASHINGTON", "AP"),
    ("GAZA CITY, Gaza Strip (AP) — Israeli jets", "GAZA CITY", "AP"),
    ("NEW DELHI: The government said", "NEW DELHI", None),
    ("Cairo, Egypt (AFP) - Officials", "Cairo", "AFP"),
])
def test_datelines(line, place, agency):
    found = match_dateline(line)
    assert found is not None
    assert (found[0].place, found[0].agency) == (place, agency)


@pytest.mark.parametrize("line", [
    "US-led forces said on Monday", "UPDATE: The talks ended", "NATO-Russia talks",
    "The army - which denied it - said", "BREAKING: Explosion heard",
])
def test_not_datelines(line):
    assert match_dateline(line) is None


def test_bylines_are_strict():
    c = clean_text("By Monday, the government had resigned.\n\nThe president accepted it.")
    assert c.removed == ()
    c = clean_text("Headline here\n\nBy JOHN SMITH, Associated Press\n\nThe president accepted "
                   "the resignation of the government on Monday.")
    assert [r.what for r in c.removed] == ["headline", "byline"]


def test_prepare_fills_metadata_from_dateline_and_url():
    art = Article(id="a", text=(DATA / "wire-reuters.txt").read_text(encoding="utf-8"),
                  url="https://wire.example/world/2024/05/06/talks")
    prepared = prepare(art)
    assert not isinstance(prepared, type(None))
    a = prepared.article  # type: ignore[union-attr]
    assert a.published == "2024-05-06"  # from the URL
    assert a.outlet == "Reuters"  # from the dateline agency
    assert a.dateline == "LONDON"
    assert a.language == "en"
    assert a.title == "Ministers agree to reopen border talks"
