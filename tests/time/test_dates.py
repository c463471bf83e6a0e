"""Date expressions resolved against the publication date (rules first, dateparser for the rest)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import build_sentence
from tidings.models import Article, EntitySpan
from tidings.time import article_anchor, event_date, find_dates
from tidings.time.dates import parse_publication, resolve_expression, weekday_date

TUESDAY = date(2016, 7, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday in the paper of that weekday is that day (dateparser says a week earlier)
        ("on Tuesday", ("2016-07-05", "day")),
        ("Tuesday", ("2016-07-05", "day")),
        ("on Monday", ("2016-07-04", "day")),
        ("on Thursday", ("2016-06-30", "day")),  # past event: the Thursday before
        ("last Tuesday", ("2016-06-28", "day")),
        ("next Tuesday", ("2016-07-12", "day")),
        ("yesterday", ("2016-07-04", "day")),
        ("today", ("2016-07-05", "day")),
        # what dateparser lacks
        ("earlier this year", ("2016", "year")),
        ("Earlier this year", ("2016", "year")),
        ("later this month", ("2016-07", "month")),
        ("last month", ("2016-06", "month")),
        ("last year", ("2015", "year")),
        ("last week", ("2016-06", "month")),  # never finer than the words support
        # durations give a start
        ("for more than two years", ("2014", "year")),
        ("over the past three months", ("2016-04", "month")),
        ("two years ago", ("2014", "year")),
        ("three days ago", ("2016-07-02", "day")),
        # explicit dates
        ("in 2014", ("2014", "year")),
        ("since 2011", ("2011", "year")),
        ("March 2014", ("2014-03", "month")),
        ("3 March 2014", ("2014-03-03", "day")),
        ("on March 3", ("2016-03-03", "day")),
        ("in March", ("2016-03", "month")),
        ("in September", ("2015-09", "month")),  # the most recent September
        ("2016-06-01", ("2016-06-01", "day")),
    ],
)
def test_resolve_expression(text, expected):
    assert resolve_expression(text, TUESDAY) == expected


def test_future_events_look_forward():
    assert resolve_expression("on Thursday", TUESDAY, future=True) == ("2016-07-07", "day")
    assert resolve_expression("in September", TUESDAY, future=True) == ("2016-09", "month")
    assert weekday_date(TUESDAY, 1, future=True) == TUESDAY


def test_without_publication_only_absolute_dates_resolve():
    assert resolve_expression("in 2014", None) == ("2014", "year")
    assert resolve_expression("March 3, 2014", None) == ("2014-03-03", "day")
    assert resolve_expression("last month", None) is None
    assert resolve_expression("on Tuesday", None) is None


def test_vague_words_and_decades_are_no_dates():
    assert resolve_expression("recently", TUESDAY) is None
    assert resolve_expression("the 1990s", TUESDAY) is None
    assert resolve_expression("two years", TUESDAY) is None  # a length, not a time


def test_publication_anchor():
    assert parse_publication("2016-07-05") == TUESDAY
    assert parse_publication("2016-07-05T10:30:00Z") == TUESDAY
    assert parse_publication("") is None and parse_publication(None) is None
    assert article_anchor(Article(id="a", text="x", published="2016-07-05")) == TUESDAY


def _met_on_tuesday():
    # "Officials met on Tuesday" with a DATE entity over "Tuesday"
    s = build_sentence(
        [
            ("Officials", "official", "NOUN", "nsubj", 1),
            ("met", "meet", "VERB", "ROOT", 1),
            ("on", "on", "ADP", "prep", 1),
            ("Tuesday", "Tuesday", "PROPN", "pobj", 2),
        ]
    )
    return type(s)(
        s.article_id,
        s.index,
        s.text,
        s.start,
        s.end,
        s.tokens,
        (EntitySpan("DATE", 3, 4, "Tuesday"),),
    )


def test_event_date_from_the_clause_and_the_publication_default():
    s = _met_on_tuesday()
    art = Article(id="t", text=s.text, published="2016-07-05")
    assert [d.text for d in find_dates(s)] == ["on Tuesday"]
    assert event_date(art, s, [1]) == ("2016-07-05", "day")
    plain = build_sentence(
        [("Officials", "official", "NOUN", "nsubj", 1), ("met", "meet", "VERB", "ROOT", 1)]
    )
    assert event_date(art, plain, [1]) == ("2016-07-05", "publication")
    assert event_date(art, plain, [1], default_to_publication=False) == (None, None)
    undated = Article(id="t", text=s.text)
    assert event_date(undated, plain, [1]) == (None, None)
    assert event_date(undated, s, [1]) == (None, None)  # a weekday needs an anchor
