"""Sport stories told in the words of rugby and tennis reports are sport, their teams no
states; a political story with "fans" and a "victory" is politics. Invented articles, the
real parser."""

import pytest

from tidings import Pipeline
from tidings.models import Article

RUGBY = """Italy rally falls short in Rome

Italy launched a series of attacks in the closing minutes but could not break the line
in Rome on Saturday.
Scotland had led 16-9 at the break after two penalties and a converted score.
The home side's fly-half was sin-binned early in the second period.
Italy pressed hard from a lineout five metres out.
Their captain said the team would learn from the defeat.
Scotland now travel to Dublin.
The coach praised the crowd.
Scotland defended well for the last ten minutes.
The visitors will meet Ireland next month."""

TENNIS = """Moreno reaches Doha semi-final

Spain's Ana Moreno beat Poland's Iga Nowak 6-4 6-3 to reach the last four in Doha.
Moreno, the world number two, lost serve only once.
She will meet an American in the next round.
Nowak said she had struggled with the heat.
The Spaniard saved three break points in the first set.
Organisers said the final will be played on Saturday."""

POLITICS = """Ghana opposition claims victory

Supporters of Ghana's opposition party celebrated a victory in the disputed vote on Sunday.
Fans of the candidate danced in the streets of Accra.
The electoral commission said the count would be finished by Tuesday.
Police fired tear gas at protesters outside the commission's office."""


@pytest.fixture(scope="module")
def coded(parser):
    def run(text: str, sports_filter: bool = True) -> list[tuple]:
        p = Pipeline(locations=False, sports_filter=sports_filter)
        p._parser = parser
        r = p.process(Article(id="t", text=text, published="2024-05-01"))
        return [(e.source.code, e.cameo) for e in r.events]
    return run


@pytest.mark.parametrize("text", [RUGBY, TENNIS])
def test_rugby_and_tennis_reports_are_sport(coded, text):
    # without the filter the teams attack, travel to a capital and beat each other
    assert coded(text, sports_filter=False)
    assert coded(text) == []


def test_a_political_story_with_fans_and_a_victory_is_no_sport(coded):
    assert coded(POLITICS) == coded(POLITICS, sports_filter=False) == [("GHACOP", "175")]
