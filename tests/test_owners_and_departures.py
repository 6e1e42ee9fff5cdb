"""Amounts of different named owners are two quantities; leaving a post is
one event whatever verb an outlet picks; an appositive is not what a
sentence asserts. Sentences written for these tests, on made-up topics."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.compare import proposition
from checker.model import TimeExpr
from tests.test_compare import claim, judge_pair, mention, q

# ------------------------------------------------------------ owned amounts

T_HALE = "The flyer says Governor Hale has cut $310 million from the parks fund"
T_ORTIZ = ("“Senator Ortiz would pay for her scheme with deep cuts to the parks fund: "
           "$450 million,” Hale said")


def _hale() -> object:
    return claim(T_HALE, "d1", predicate="cut", source="The flyer",
                 quantities=(q(T_HALE, "$310 million", 310e6, 310e6, unit="USD"),),
                 mentions=(mention(T_HALE, "Hale", "PERSON", "person:hale"),))


def _ortiz() -> object:
    return claim(T_ORTIZ, "d2", predicate="cut", source="Hale",
                 quantities=(q(T_ORTIZ, "$450 million", 450e6, 450e6, unit="USD"),),
                 mentions=(mention(T_ORTIZ, "Ortiz", "PERSON", "person:ortiz"),
                           mention(T_ORTIZ, "Hale said", "PERSON", "person:hale")))


def test_amounts_of_two_named_owners_are_two_quantities() -> None:
    # one governor's cut and a rival's plan: neither a conflict nor a scope
    verdict, _, why = judge_pair(_hale(), _ortiz())  # type: ignore[arg-type]
    assert verdict == "unrelated"
    assert "different named owners" in why


def test_one_owner_s_amount_still_clashes() -> None:
    ta = "Governor Hale has cut $310 million from the parks fund"
    tb = "Governor Hale has cut $450 million from the parks fund"
    a = claim(ta, "d1", predicate="cut",
              quantities=(q(ta, "$310 million", 310e6, 310e6, unit="USD"),),
              mentions=(mention(ta, "Hale", "PERSON", "person:hale"),))
    b = claim(tb, "d2", predicate="cut",
              quantities=(q(tb, "$450 million", 450e6, 450e6, unit="USD"),),
              mentions=(mention(tb, "Governor Hale", "PERSON", "person:hale"),))
    assert judge_pair(a, b)[:2] == ("conflict", "number")


def test_one_person_spelled_two_ways_owns_one_amount() -> None:
    from checker.compare.comparators.quantity import _owner

    ta, tb = "Obed Hale has cut $310 million", "Mr. Hale has cut $450 million"
    a = claim(ta, "d1", mentions=(mention(ta, "Obed Hale", "PERSON", "person:obed-hale"),))
    b = claim(tb, "d2", mentions=(mention(tb, "Hale", "PERSON", "person:hale"),))
    oa = _owner(a, q(ta, "$310 million", 310e6, 310e6, unit="USD"))  # type: ignore[arg-type]
    ob = _owner(b, q(tb, "$450 million", 450e6, 450e6, unit="USD"))  # type: ignore[arg-type]
    assert oa and ob and oa & ob


def test_a_victim_named_before_a_count_owns_nothing() -> None:
    ta = "After Dana Reyes was found, police said 3 people were hurt"
    tb = "After the crash, police said 5 people were hurt"
    a = claim(ta, "d1", predicate="hurt",
              quantities=(q(ta, "3", 3, 3, thing="people"),),
              mentions=(mention(ta, "Dana Reyes", "PERSON"),))
    b = claim(tb, "d2", predicate="hurt",
              quantities=(q(tb, "5", 5, 5, thing="people"),),
              )
    assert judge_pair(a, b)[0] == "conflict"


# ------------------------------------------------------------- leaving a post

T_RETIRE = ("The mayor wrote on Monday that Police Chief Ana Ruiz, a veteran officer who "
            "joined the force in 1990, would be retiring at the end of April")
T_LEAVE = ("The mayor announced Thursday that Police Chief Ana Ruiz will be leaving the "
           "department on March 1, weeks earlier than planned")


def _when(text: str, phrase: str, low: dt.date, high: dt.date, precision: str) -> TimeExpr:
    s = text.index(phrase)
    return TimeExpr(s, s + len(phrase), phrase, low, high, precision, "event")  # type: ignore[arg-type]


def _retire() -> object:
    return claim(T_RETIRE, "d1", predicate="retire", source="The mayor",
                 times=(_when(T_RETIRE, "the end of April", dt.date(2025, 4, 21),
                              dt.date(2025, 4, 30), "month"),))


def _leave() -> object:
    return claim(T_LEAVE, "d2", predicate="leave", source="The mayor",
                 times=(_when(T_LEAVE, "March 1", dt.date(2025, 3, 1), dt.date(2025, 3, 1),
                              "day"),))


def test_a_later_report_moving_a_departure_is_an_update_whatever_the_verb() -> None:
    verdict, _, why = judge_pair(_retire(), _leave(), pa=dt.date(2025, 2, 10),  # type: ignore[arg-type]
                                 pb=dt.date(2025, 2, 13), sim=0.77)
    assert verdict == "update"
    assert "another time" in why


def test_giving_notice_is_not_leaving() -> None:
    # resigned on one day, to retire months later: two acts, no difference
    tb = "Police Chief Ana Ruiz resigned Monday in protest over the budget"
    b = claim(tb, "d2", predicate="resign",
              times=(_when(tb, "Monday", dt.date(2025, 2, 10), dt.date(2025, 2, 10), "day"),))
    assert judge_pair(_retire(), b, pa=dt.date(2025, 2, 10), pb=dt.date(2025, 2, 10),  # type: ignore[arg-type]
                      sim=0.7)[0] not in ("update", "scope", "conflict")


@pytest.mark.parametrize(("x", "y", "same"), [
    ("retire", "leave", True), ("depart", "leave", True), ("quit", "retire", True),
    ("resign", "leave", False), ("arrive", "leave", False),
])
def test_verbs_of_leaving_a_post_are_one_event(x: str, y: str, same: bool) -> None:
    assert proposition.one_event(claim("x", predicate=x), claim("y", predicate=y)) is same


def test_an_appositive_is_not_what_the_sentence_asserts() -> None:
    c = claim("Chief Ana Ruiz, a veteran officer who joined the force in 1990, will retire",
              predicate="retire")
    parts = proposition.conjuncts(c)
    assert any("veteran" not in p and "retir" not in p and "leav" in p for p in parts)
    assert "veteran" in parts[0]  # the whole stays first
