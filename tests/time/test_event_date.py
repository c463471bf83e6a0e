"""Which date expression dates an event: its own clause first (real parses)."""

from __future__ import annotations

import pytest

from tidings.models import Article
from tidings.time import event_date

pytestmark = pytest.mark.model


def date_of(parser, text: str, trigger: str, published: str | None = "2016-07-05"):
    art = Article(id="t", text=text, published=published)
    sent = parser.parse(art)[0]
    anchor = [t.i for t in sent.tokens if t.text == trigger][:1]
    return event_date(art, sent, anchor)


def test_each_clause_keeps_its_own_date(parser):
    text = "Police said on Tuesday that gunmen killed three soldiers in Maiduguri last week."
    assert date_of(parser, text, "killed") == ("2016-06", "month")
    assert date_of(parser, text, "said") == ("2016-07-05", "day")


def test_background_events_get_their_own_dates(parser):
    text = "Earlier this year, Hamas officials met one of its leaders in Gaza."
    assert date_of(parser, text, "met") == ("2016", "year")
    text = "Russia annexed Crimea in 2014, and the sanctions followed."
    assert date_of(parser, text, "annexed") == ("2014", "year")


def test_a_duration_gives_the_start(parser):
    text = "The Egyptian army has been waging a bloody war for more than two years."
    assert date_of(parser, text, "waging") == ("2014", "year")


def test_future_weekday(parser):
    assert date_of(parser, "The president will visit Georgia on Thursday.", "visit") == (
        "2016-07-07",
        "day",
    )


def test_no_expression_means_publication_or_nothing(parser):
    assert date_of(parser, "Hamas launched raids against Salafists.", "launched") == (
        "2016-07-05",
        "publication",
    )
    assert date_of(parser, "Hamas launched raids.", "launched", published=None) == (None, None)
