""""Not ... until T" puts the event at T: "the ferry did not arrive until
Monday" says it arrived on Monday. The negator only focuses the time, so
the claim is not negated, and its time is the event's. Sentences written
for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from checker.model import TimeExpr
from tests.test_compare import claim, judge_pair

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The ferry did not arrive until Monday.", False),
        ("The disease was not considered a danger to people until 1990.", False),
        ("The union will not sign until the talks end.", False),
        ("The ferry did not arrive on Monday.", True),
        # "until" in another clause leaves the negation where it was
        ("The ferry did not arrive, which kept the crew waiting until Monday.", True),
    ],
)
def test_not_until_is_no_negation(nlp: Language, sentence: str, negated: bool) -> None:
    from checker.extract.certainty import analyse

    (sent,) = nlp(sentence).sents
    assert analyse(sent.root).negated is negated


def test_not_until_agrees_with_the_event_at_that_time() -> None:
    a = claim("The ferry arrived on Monday", "d1", predicate="arrive")
    # a token-level reading of "not" (a clause of its own) is focused the same way
    b = claim("The ferry, which did not arrive until Monday, carried 40 cars", "d2",
              predicate="carry")
    c = claim("The ferry, which arrived on Monday, carried 40 cars", "d3", predicate="carry")
    assert judge_pair(b, c)[0] == "agree"
    assert judge_pair(a, claim("The ferry did not arrive on Monday", "d4", predicate="arrive",
                               certainty="negated", negated=True))[:2] == ("conflict", "negation")


def _weekday(text: str, day: str) -> TimeExpr:
    s = text.index(day)
    return TimeExpr(s, s + len(day), day, None, None, precision="day")


def test_a_weekday_in_a_later_clause_is_not_the_main_event_time() -> None:
    ta = "The board released the minutes after the vote became public on Friday"
    tb = "The board released the minutes on Thursday"
    tc = "The board released the minutes on Friday"
    a = claim(ta, "d1", predicate="release", times=(_weekday(ta, "Friday"),))
    b = claim(tb, "d2", predicate="release", times=(_weekday(tb, "Thursday"),))
    c = claim(tc, "d3", predicate="release", times=(_weekday(tc, "Friday"),))
    # undated articles: weekdays of one act are taken to lie in one week
    assert judge_pair(c, b, None, None)[:2] == ("conflict", "time")
    assert judge_pair(a, b, None, None)[0] != "conflict"


def test_the_time_after_until_is_the_time_of_the_act() -> None:
    ta = "The ferry did not arrive until Monday"
    tb = "The ferry did not arrive until Tuesday"
    a = claim(ta, "d1", predicate="arrive", times=(_weekday(ta, "Monday"),))
    b = claim(tb, "d2", predicate="arrive", times=(_weekday(tb, "Tuesday"),))
    assert judge_pair(a, b, None, None)[:2] == ("conflict", "time")
