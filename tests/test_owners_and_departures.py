"""Amounts of different named owners are two quantities. Sentences written
for these tests, on made-up topics."""

from __future__ import annotations

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
    from checker.compare.comparators import _owner

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
