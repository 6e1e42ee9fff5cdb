"""Comparators on hand-built claims: what must fire, what must not, and
symmetry (A vs B is B vs A)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import COMPARATORS, PairContext, compare_claims, finding_id
from checker.model import Claim, Mention, Place, Quantity, TimeExpr

OCT22 = dt.date(2024, 10, 22)
NOV27 = dt.date(2024, 11, 27)


def q(
    text: str,
    phrase: str,
    low: float | None,
    high: float | None,
    *,
    value: float | None = None,
    thing: str | None = None,
    modifiers: tuple[str, ...] = (),
    unit: str | None = None,
    approximate: bool = False,
) -> Quantity:
    s = text.index(phrase)
    v = value if value is not None else (low if low is not None else high or 0.0)
    return Quantity(s, s + len(phrase), phrase, v, low, high, unit=unit, thing=thing,
                    modifiers=modifiers, approximate=approximate)


def place(text: str, phrase: str, name: str, country: str, kind: str = "country",
          within: tuple[str, ...] = ()) -> Place:
    s = text.index(phrase)
    return Place(s, s + len(phrase), phrase, name, country=country, kind=kind, within=within)


def mention(text: str, phrase: str, type_: str, entity: str = "") -> Mention:
    s = text.index(phrase)
    return Mention(s, s + len(phrase), phrase, type_, entity or phrase.lower().replace(" ", "_"))


def when(text: str, phrase: str, low: dt.date, high: dt.date, precision: str = "day") -> TimeExpr:
    s = text.index(phrase)
    return TimeExpr(s, s + len(phrase), phrase, low, high, precision=precision)  # type: ignore[arg-type]


def claim(text: str, doc: str = "d1", **slots: object) -> Claim:
    """A claim whose document text is the claim itself (offsets from 0)."""
    return Claim(id=f"{doc}:0", doc=doc, sentence=0, start=0, end=len(text), text=text,
                 **slots)  # type: ignore[arg-type]


def judge_pair(a: Claim, b: Claim, pa: dt.date | None = NOV27, pb: dt.date | None = NOV27,
               sim: float = 0.8) -> tuple[str, str | None, str]:
    c = compare_claims(a, b, PairContext(published_a=pa, published_b=pb, similarity=sim,
                                         match=sim))
    return c.verdict, c.kind, c.rationale


# ------------------------------------------------------------------ fixtures

T_SOLDIERS = "North Korea sent more than 10,000 soldiers to Russia"
T_TROOPS = "North Korea has deployed more than 10,000 troops to Russia"
T_SPECIAL = "North Korea sent 1,500 special operation forces to Russia this month"
T_SHELLS = "South Korea lent 500,000 rounds of 155mm artillery shells to the U.S."
T_CONTAINERS = "North Korea sent more than 13,000 containers of artillery to Russia"
T_KILLED2 = "Two people were killed in the shooting"
T_KILLED3 = "Three people were killed in the shooting"
T_INJURED3 = "Three people were injured in the shooting"


def soldiers(doc: str = "d1", source: str | None = None) -> Claim:
    return claim(T_SOLDIERS, doc, predicate="send", source=source,
                 quantities=(q(T_SOLDIERS, "more than 10,000", 10000, None, thing="soldiers"),))


def troops(doc: str = "d2") -> Claim:
    return claim(T_TROOPS, doc, predicate="deploy",
                 quantities=(q(T_TROOPS, "more than 10,000", 10000, None, thing="troops"),))


def special(doc: str = "d3") -> Claim:
    return claim(
        T_SPECIAL, doc, predicate="send", source="South Korea's spy agency",
        quantities=(q(T_SPECIAL, "1,500", 1500, 1500, thing="forces",
                      modifiers=("special", "operation")),),
        times=(when(T_SPECIAL, "this month", dt.date(2024, 10, 1), dt.date(2024, 10, 31),
                    "month"),),
    )


def killed(text: str, n: float, doc: str, outcome_word: str = "killed") -> Claim:
    phrase = text.split()[0]
    return claim(text, doc, predicate=outcome_word.rstrip("ed"),
                 quantities=(q(text, phrase, n, n, thing="people"),))


# --------------------------------------------------------------------- cases


def test_same_number_of_soldiers_and_troops_agree() -> None:
    verdict, kind, why = judge_pair(soldiers(), troops())
    assert (verdict, kind) == ("agree", None)
    assert "more than 10,000" in why


def test_narrower_counted_thing_is_scope_not_conflict() -> None:
    verdict, _, why = judge_pair(special(), soldiers(), pa=OCT22)
    assert verdict in ("scope", "update")
    assert "1,500" in why and "more than 10,000" in why


def test_narrower_thing_same_day_is_scope() -> None:
    verdict, _, why = judge_pair(special(), soldiers())
    assert verdict == "scope"
    assert "special operation forces" in why and "South Korea's spy agency" in why


def test_disjoint_counts_of_the_same_thing_conflict() -> None:
    verdict, kind, why = judge_pair(killed(T_KILLED2, 2, "d1"), killed(T_KILLED3, 3, "d2"))
    assert (verdict, kind) == ("conflict", "number")
    assert "Two" in why and "Three" in why


def test_disjoint_counts_weeks_apart_are_an_update() -> None:
    verdict, kind, _ = judge_pair(
        killed(T_KILLED2, 2, "d1"), killed(T_KILLED3, 3, "d2"), pa=OCT22, pb=NOV27
    )
    assert (verdict, kind) == ("update", None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # different things counted: never a conflict
        pytest.param(
            claim(T_SHELLS, "d1", predicate="lend", quantities=(
                q(T_SHELLS, "500,000", 500000, 500000, thing="rounds"),
                q(T_SHELLS, "155mm", 155, 155, unit="mm", thing="shells"))),
            claim(T_CONTAINERS, "d2", predicate="send", quantities=(
                q(T_CONTAINERS, "more than 13,000", 13000, None, thing="containers"),)),
            id="shells-vs-containers",
        ),
        # killed vs injured counts are different counts
        pytest.param(killed(T_KILLED2, 2, "d1"), killed(T_INJURED3, 3, "d2", "injured"),
                     id="killed-vs-injured"),
        # about 10,000 vs more than 10,000: compatible
        pytest.param(
            claim("Some 10,000 North Korean troops are in Russia", "d1", quantities=(
                q("Some 10,000 North Korean troops are in Russia", "Some 10,000", 9000, 11000,
                  value=10000, thing="troops", modifiers=("North", "Korean"),
                  approximate=True),)),
            soldiers("d2"),
            id="about-vs-more-than",
        ),
        # different units
        pytest.param(
            claim("The war has lasted nearly 3 years", "d1", quantities=(
                q("The war has lasted nearly 3 years", "nearly 3 years", 2.5, 3, unit="year",
                  thing="war"),)),
            claim("The war has lasted 1,000 days", "d2", quantities=(
                q("The war has lasted 1,000 days", "1,000 days", 1000, 1000, unit="day",
                  thing="war"),)),
            id="years-vs-days",
        ),
        # same place at two levels (Kursk region is in Russia)
        pytest.param(
            claim("Troops fight in Russia", "d1", places=(
                place("Troops fight in Russia", "Russia", "Russia", "RU"),)),
            claim("Troops fight in Russia's Kursk region", "d2", places=(
                place("Troops fight in Russia's Kursk region", "Kursk region", "Kursk Oblast",
                      "RU", "region", ("Russia",)),)),
            id="kursk-in-russia",
        ),
        # one reported, one asserted: same commitment direction
        pytest.param(
            claim("North Korea allegedly sent troops", "d1", certainty="reported"),
            claim("North Korea sent troops", "d2"),
            id="reported-vs-asserted",
        ),
    ],
)
def test_compatible_differences_do_not_fire(a: Claim, b: Claim) -> None:
    verdict, kind, _ = judge_pair(a, b)
    assert verdict not in ("conflict", "disputed"), (verdict, kind)


def test_different_things_and_actions_are_unrelated() -> None:
    a = claim(T_SHELLS, "d1", predicate="lend",
              quantities=(q(T_SHELLS, "500,000", 500000, 500000, thing="rounds"),))
    b = claim(T_CONTAINERS, "d2", predicate="send",
              quantities=(q(T_CONTAINERS, "more than 13,000", 13000, None, thing="containers"),),
              places=(place(T_CONTAINERS, "Russia", "Russia", "RU"),))
    assert judge_pair(a, b)[0] == "unrelated"


def test_place_in_another_country_conflicts() -> None:
    ta = "North Korean troops had entered combat zones in Ukraine"
    tb = "Some troops began combat operations in Russia's Kursk region"
    a = claim(ta, "d1", places=(place(ta, "Ukraine", "Ukraine", "UA"),))
    b = claim(tb, "d2", places=(
        place(tb, "Russia", "Russia", "RU"),
        place(tb, "Kursk region", "Kursk Oblast", "RU", "region", ("Russia",)),
    ))
    verdict, kind, why = judge_pair(a, b)
    assert (verdict, kind) == ("conflict", "place")
    assert "Ukraine" in why and ("Kursk" in why or "Russia" in why)
    assert judge_pair(a, b, pa=OCT22)[0] == "update"


def test_denied_vs_asserted_is_disputed_however_old() -> None:
    a = claim("North Korea and Russia have denied the North Korean troop deployment", "d1",
              certainty="denied", predicate="deny")
    verdict, _, why = judge_pair(a, soldiers("d2"), pa=OCT22)
    assert verdict == "disputed"
    assert "denied" in why and "Oct 22, 2024" in why


def test_unconfirmed_then_asserted_later_is_update() -> None:
    a = claim("The U.S. and NATO haven't confirmed North Korea's troop deployment", "d1",
              certainty="unconfirmed", predicate="confirm")
    b = claim("The North Korean troop deployment is under way and some of the soldiers have "
              "already begun engaging in battle", "d2", predicate="begin")
    assert judge_pair(a, b, pa=OCT22)[0] == "update"
    assert judge_pair(a, b)[0] == "disputed"  # same day: a dispute
    assert judge_pair(b, a, pb=OCT22)[0] == "update"


def test_doubt_about_another_fact_is_unrelated() -> None:
    """Deployment unconfirmed vs soldiers fighting: no shared proposition,
    so no update or dispute (they would need one fact to differ on)."""
    a = claim("The U.S. and NATO haven't confirmed North Korea's troop deployment", "d1",
              certainty="unconfirmed", predicate="confirm")
    b = claim("Some of the soldiers have already begun engaging in battle", "d2",
              predicate="begin")
    assert judge_pair(a, b, pa=OCT22)[0] == "unrelated"


def test_negated_vs_asserted_same_predicate_conflicts() -> None:
    a = claim("The troops did not cross the border", "d1", negated=True, certainty="negated",
              predicate="cross")
    b = claim("The troops crossed the border", "d2", predicate="cross")
    verdict, kind, _ = judge_pair(a, b)
    assert (verdict, kind) == ("conflict", "negation")


def test_negation_of_a_different_action_does_not_fire() -> None:
    a = claim("The troops did not cross the border", "d1", negated=True, certainty="negated",
              predicate="cross")
    b = claim("The troops reached the front", "d2", predicate="reach")
    # no conflict, and no agreement either: one negates, the other asserts
    assert judge_pair(a, b, sim=0.6)[0] == "unrelated"


def test_event_dates_that_differ_conflict() -> None:
    ta, tb = "The shooting happened on Sunday", "The shooting happened on Saturday"
    a = claim(ta, "d1", predicate="happen",
              times=(when(ta, "Sunday", dt.date(2016, 5, 8), dt.date(2016, 5, 8)),))
    b = claim(tb, "d2", predicate="happen",
              times=(when(tb, "Saturday", dt.date(2016, 5, 7), dt.date(2016, 5, 7)),))
    verdict, kind, _ = judge_pair(a, b, pa=dt.date(2016, 5, 9), pb=dt.date(2016, 5, 9))
    assert (verdict, kind) == ("conflict", "time")


def test_different_attribution_makes_a_count_scope() -> None:
    a = killed(T_KILLED2, 2, "d1")
    b = killed(T_KILLED3, 3, "d2")
    a2 = claim(a.text, "d1", predicate=a.predicate, quantities=a.quantities, source="police")
    b2 = claim(b.text, "d2", predicate=b.predicate, quantities=b.quantities,
               source="the victim's family")
    assert judge_pair(a2, b2)[0] == "scope"


def test_entity_swap_in_same_statement_conflicts() -> None:
    ta, tb = "Police arrested John Smith after the shooting", "Police arrested Mark Jones after the shooting"
    a = claim(ta, "d1", predicate="arrest", mentions=(mention(ta, "John Smith", "PERSON"),))
    b = claim(tb, "d2", predicate="arrest", mentions=(mention(tb, "Mark Jones", "PERSON"),))
    verdict, kind, why = judge_pair(a, b, sim=0.9)
    assert (verdict, kind) == ("conflict", "entity")
    assert "John Smith" in why and "Mark Jones" in why


def test_registry_names_are_versioned() -> None:
    assert {"quantity.v1", "time.v1", "place.v1", "certainty.v1", "entity.v1",
            "negation.v1"} <= set(COMPARATORS)
    assert all(name.rsplit(".", 1)[1].startswith("v") for name in COMPARATORS)


def test_finding_id_is_order_independent() -> None:
    a = finding_id("conflict", "number", "quantity.v1", [("d1", "x"), ("d2", "y")])
    b = finding_id("conflict", "number", "quantity.v1", [("d2", "y"), ("d1", "x")])
    assert a == b and len(a) == 16
    assert a != finding_id("scope", None, "quantity.v1", [("d1", "x"), ("d2", "y")])


# ------------------------------------------------- lexical rules (no extractor)


def test_negative_determiner_negates_the_verb() -> None:
    pos = claim("The inspectors have found evidence of fraud", "d1", predicate="find")
    neg = claim("The inspectors have found no evidence of fraud", "d2", predicate="find")
    neg2 = claim("But the inspectors have not found any evidence of fraud", "d3",
                 predicate="find", certainty="negated", negated=True)
    assert judge_pair(pos, neg)[:2] == ("conflict", "negation")
    assert judge_pair(neg, neg2)[0] == "agree"  # both say no evidence


def test_not_right_after_the_verb_negates_it() -> None:
    a = claim("The driver pleaded guilty to dangerous driving", "d1", predicate="plead")
    b = claim("The driver pled not guilty to dangerous driving", "d2", predicate="plead")
    assert judge_pair(a, b)[:2] == ("conflict", "negation")


def test_negation_in_another_clause_does_not_fire() -> None:
    a = claim("The mayor opened the bridge on Monday", "d1", predicate="open")
    b = claim("The mayor, who did not speak, opened the bridge on Monday", "d2",
              predicate="open")
    assert judge_pair(a, b, sim=0.9)[0] == "agree"


@pytest.mark.parametrize(
    "debunk",
    [
        "The story of the singing dolphin is a hoax",
        "No, the dolphin did not sing at the harbour",
        "Video of the singing dolphin was faked, harbour staff say",
        "Harbour officials deny that a dolphin sang",
    ],
)
def test_a_debunking_headline_disputes_the_story(debunk: str) -> None:
    story = claim("Dolphin sings at the harbour", "d1", predicate="sing")
    # a denial verb is the extractor's call (a speech act, not "denied a request")
    certainty = "denied" if " deny " in debunk else "asserted"
    assert judge_pair(story, claim(debunk, "d2", predicate="be", certainty=certainty))[0] in (
        "disputed", "conflict")


def test_fake_as_an_adjective_of_things_is_not_a_debunk() -> None:
    a = claim("The suspects were caught with fake passports at the border", "d1",
              predicate="catch")
    b = claim("The suspects were caught at the border", "d2", predicate="catch")
    assert judge_pair(a, b)[0] == "agree"


@pytest.mark.parametrize(
    ("background", "predicate"),
    [
        ("Experts say it is unlikely that the ships will dock in the initial stage of the "
         "mission", "be"),
        ("Both sides agreed to share information on the naval deployment", "agree"),
        ("The minister welcomed the delegation and discussed the naval deployment", "welcome"),
    ],
)
def test_hedges_and_talk_about_a_fact_do_not_dispute_its_denial(
    background: str, predicate: str
) -> None:
    denial = claim("The navy has denied the deployment of the ships", "d1",
                   certainty="denied", predicate="deny")
    assert judge_pair(denial, claim(background, "d2", predicate=predicate))[0] not in (
        "disputed", "update")
    report = claim("The navy deployed the ships to the strait", "d3", predicate="deploy")
    assert judge_pair(denial, report)[0] == "disputed"


def test_weekdays_without_publication_dates_clash() -> None:
    ta, tb = "The climber reached the summit on Friday", "She reached the summit on Thursday"
    a = claim(ta, "d1", predicate="reach",
              times=(TimeExpr(ta.index("Friday"), ta.index("Friday") + 6, "Friday", None, None),))
    b = claim(tb, "d2", predicate="reach",
              times=(TimeExpr(tb.index("Thursday"), tb.index("Thursday") + 8, "Thursday",
                              None, None),))
    assert judge_pair(a, b, pa=None, pb=None)[:2] == ("conflict", "time")
    same = claim(tb.replace("Thursday", "Friday"), "d3", predicate="reach",
                 times=(TimeExpr(tb.index("Thursday"), tb.index("Thursday") + 6, "Friday",
                                 None, None),))
    assert judge_pair(a, same, pa=None, pb=None)[0] == "agree"


def test_an_unresolved_period_makes_a_count_scope() -> None:
    ta = "In the last seven years there were only around 40 outbreaks"
    tb = "Around 310 outbreaks have been reported nationwide"
    a = claim(ta, "d1", predicate="be",
              quantities=(q(ta, "around 40", 36, 44, thing="outbreaks"),),
              times=(TimeExpr(3, 3 + len("the last seven years"), "the last seven years",
                              None, None),))
    b = claim(tb, "d2", predicate="report",
              quantities=(q(tb, "Around 310", 279, 341, thing="outbreaks"),))
    assert judge_pair(a, b)[0] == "scope"


def test_a_number_both_claims_carry_is_not_paired_with_another() -> None:
    ta = "The index closed at 4.26%, over the 4.2% ceiling"
    tb = "The index closed at 4.26%, over the 4.2% ceiling, while the other fell to 3.1%"
    pct = {"unit": "%"}
    a = claim(ta, "d1", predicate="close", quantities=(
        q(ta, "4.26%", 4.26, 4.26, **pct), q(ta, "4.2%", 4.2, 4.2, thing="ceiling", **pct)))
    b = claim(tb, "d2", predicate="close", quantities=(
        q(tb, "4.26%", 4.26, 4.26, **pct), q(tb, "4.2%", 4.2, 4.2, thing="ceiling", **pct),
        q(tb, "3.1%", 3.1, 3.1, **pct)))
    assert judge_pair(a, b)[0] == "agree"


def test_bare_counts_of_one_action_conflict() -> None:
    ta, tb = "The storm flattened six in the harbour", "The storm sank seven in the harbour"
    a = claim(ta, "d1", predicate="flatten", quantities=(q(ta, "six", 6, 6),))
    b = claim(tb, "d2", predicate="sink", quantities=(q(tb, "seven", 7, 7),))
    assert judge_pair(a, b)[:2] == ("conflict", "number")


@pytest.mark.parametrize(
    ("ta", "pa", "tb", "pb"),
    [
        ("A 31-year-old man was wounded", "31-year", "A 35-year-old man was wounded", "35-year"),
        ("Four more people were hurt in Eastfield", "Four", "Two people were hurt", "Two"),
        ("A man and 3 women were hurt near the pier", "3",
         "At least four people were hurt near the pier", "At least four"),
    ],
)
def test_ages_and_partial_counts_never_conflict(ta: str, pa: str, tb: str, pb: str) -> None:
    unit = "year" if "year" in pa else None
    thing_a = None if unit else ("women" if "women" in ta else "people")
    thing_b = None if unit else "people"
    a = claim(ta, "d1", predicate="shoot",
              quantities=(q(ta, pa, 1, 1, value=1, thing=thing_a, unit=unit),))
    b = claim(tb, "d2", predicate="shoot",
              quantities=(q(tb, pb, 9, 9, value=9, thing=thing_b, unit=unit),))
    assert judge_pair(a, b)[0] != "conflict"


def test_places_of_different_things_do_not_clash() -> None:
    ta = "The president held talks with a delegation in Seoul"
    tb = "The talks came amid scrutiny of the involvement in Ukraine"
    a = claim(ta, "d1", places=(place(ta, "Seoul", "Seoul", "KR", "city", ("South Korea",)),))
    b = claim(tb, "d2", places=(place(tb, "Ukraine", "Ukraine", "UA"),))
    assert judge_pair(a, b)[0] == "agree"
    tc = "The leader was injured in a US-led airstrike during a meeting in Iraq"
    c = claim(tc, "d3", places=(place(tc, "US", "United States", "US"),
                                place(tc, "Iraq", "Iraq", "IQ")))
    assert judge_pair(c, claim("The leader was injured in an airstrike in Iraq", "d4",
                               places=(place("The leader was injured in an airstrike in Iraq",
                                             "Iraq", "Iraq", "IQ"),)))[0] == "agree"


# ----------------------------------------------------------------- symmetry

_POOL = [
    soldiers("d1"), troops("d2"), special("d3"),
    killed(T_KILLED2, 2, "d4"), killed(T_KILLED3, 3, "d5"), killed(T_INJURED3, 3, "d6", "injured"),
    claim("North Korea and Russia have denied the North Korean troop deployment", "d7",
          certainty="denied", predicate="deny"),
    claim("The U.S. and NATO haven't confirmed North Korea's troop deployment", "d8",
          certainty="unconfirmed", predicate="confirm"),
    claim("The troops did not cross the border", "d9", negated=True, certainty="negated",
          predicate="cross"),
    claim("The troops crossed the border", "d10", predicate="cross"),
    claim("Troops fight in Ukraine", "d11", places=(
        place("Troops fight in Ukraine", "Ukraine", "Ukraine", "UA"),)),
    claim("Troops fight in Russia", "d12", places=(
        place("Troops fight in Russia", "Russia", "Russia", "RU"),)),
]
_DATES = st.sampled_from([None, OCT22, NOV27, dt.date(2024, 11, 25)])


@given(
    a=st.sampled_from(_POOL), b=st.sampled_from(_POOL), pa=_DATES, pb=_DATES,
    sim=st.floats(0.3, 1.0),
)
@settings(max_examples=300, deadline=None)
def test_verdicts_are_symmetric(
    a: Claim, b: Claim, pa: dt.date | None, pb: dt.date | None, sim: float
) -> None:
    ab = compare_claims(a, b, PairContext(published_a=pa, published_b=pb, similarity=sim,
                                          match=sim))
    ba = compare_claims(b, a, PairContext(published_a=pb, published_b=pa, similarity=sim,
                                          match=sim))
    assert (ab.verdict, ab.kind, ab.comparator) == (ba.verdict, ba.kind, ba.comparator)


@given(a=st.sampled_from(_POOL), b=st.sampled_from(_POOL), pa=_DATES, pb=_DATES)
@settings(max_examples=200, deadline=None)
def test_each_comparator_is_symmetric_in_verdict(
    a: Claim, b: Claim, pa: dt.date | None, pb: dt.date | None
) -> None:
    """Without the canonical ordering, every comparator still decides the same
    verdict both ways round."""
    ctx = PairContext(published_a=pa, published_b=pb, similarity=0.85, match=0.85)
    for name, fn in COMPARATORS.items():
        x, y = fn(a, b, ctx), fn(b, a, ctx.swapped())
        assert (x and (x.verdict, x.kind)) == (y and (y.verdict, y.kind)), name
