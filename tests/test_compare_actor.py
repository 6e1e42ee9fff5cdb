"""Agreement needs the same fact: claims whose actors differ, a denial next to
mere talk of the topic, a hedged claim about another act, and one verb with
other things counted are not agreements. Sentences written for these tests;
each rule also has cases that must not fire."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import match
from checker.compare import PairContext, compare_claims
from checker.model import Claim, Mention, Quantity

DAY = dt.date(2024, 11, 27)

#: canonical ids of the names used below (what canonicalise would give)
_IDS = {
    "South Korea": "gpe:south-korea", "Seoul": "gpe:south-korea",
    "South Korean": "gpe:south-korea", "SEOUL": "gpe:south-korea",
    "Russia": "gpe:russia", "Moscow": "gpe:russia", "Russian": "gpe:russia",
    "Ukraine": "gpe:ukraine", "Kyiv": "gpe:ukraine", "Ukrainian": "gpe:ukraine",
    "North Korea": "gpe:north-korea", "North Korean": "gpe:north-korea",
    "Japan": "gpe:japan", "U.S.": "gpe:united-states",
    "Yoon": "person:yoon", "Yoon Suk Yeol": "person:yoon",
    "Zelenskyy": "person:zelenskyy", "Umerov": "person:umerov",
    "Acme Corp": "org:acme", "Globex": "org:globex",
    "Lena Ortiz": "person:lena-ortiz", "River Band": "person:river-band",
}
_TYPES = {"gpe": "GPE", "person": "PERSON", "org": "ORG"}


def claim(text: str, predicate: str | None, doc: str = "d1", *names: str,
          **slots: object) -> Claim:
    """A claim with a mention for each name (first occurrence after the
    previous one); NORP for the adjectival forms."""
    mentions, pos = [], 0
    for name in names:
        s = text.index(name, pos)
        pos = s + len(name)
        entity = _IDS[name]
        kind = "NORP" if name.endswith(("an", "ese")) else _TYPES[entity.partition(":")[0]]
        mentions.append(Mention(s, s + len(name), name, kind, entity))
    return Claim(id=f"{doc}:0", doc=doc, sentence=0, start=0, end=len(text), text=text,
                 predicate=predicate, mentions=tuple(mentions), **slots)  # type: ignore[arg-type]


def verdict(a: Claim, b: Claim, sim: float = 0.8) -> tuple[str, str]:
    ctx = PairContext(published_a=DAY, published_b=DAY, similarity=sim, match=sim)
    c = compare_claims(a, b, ctx)
    return c.verdict, c.comparator


# --------------------------------------------------------------- the actor


@pytest.mark.parametrize(
    ("c", "expected"),
    [
        pytest.param(claim("Russia warned South Korea about arming Ukraine", "warn", "d1",
                           "Russia", "South Korea", "Ukraine"),
                     {"gpe:russia"}, id="subject-before-verb"),
        pytest.param(claim("Last week, Seoul warned it could arm Ukraine", "arm", "d1",
                           "Seoul", "Ukraine"),
                     {"gpe:south-korea"}, id="pronoun-takes-the-clause-before"),
        pytest.param(claim("Since Moscow's attack on Kyiv, Japan has imposed sanctions",
                           "impose", "d1", "Moscow", "Kyiv", "Japan"),
                     {"gpe:japan"}, id="introductory-phrase-skipped"),
        pytest.param(claim("Officials said that North Korea shipped shells to Russia", "ship",
                           "d1", "North Korea", "Russia"),
                     {"gpe:north-korea"}, id="subject-of-the-reported-clause"),
        pytest.param(claim("North Korea and Russia have signed a pact", "sign", "d1",
                           "North Korea", "Russia"),
                     {"gpe:north-korea", "gpe:russia"}, id="coordinated-subjects"),
        pytest.param(claim("SEOUL -- Yoon met the delegation", "meet", "d1", "SEOUL", "Yoon"),
                     {"person:yoon"}, id="dateline-skipped"),
        pytest.param(claim("North Korea and Russia denied the troop deployment", "deny", "d1",
                           "North Korea", "Russia"),
                     None, id="a-denier-is-a-source-not-the-actor"),
        pytest.param(claim("The U.S. hasn't confirmed the deployment", "confirm", "d1", "U.S."),
                     None, id="attribution-verb"),
        pytest.param(claim("South Korea's president met the delegation", "meet", "d1",
                           "South Korea"),
                     None, id="possessive-subject-is-unnamed"),
        pytest.param(claim("The delegation met officials", "meet"), None, id="no-name"),
        pytest.param(claim("Russia sent troops", None, "d1", "Russia"), None, id="no-predicate"),
    ],
)
def test_actor_of_a_claim(c: Claim, expected: set[str] | None) -> None:
    found = match.actor(c)
    assert (found.entities if found else None) == (frozenset(expected) if expected else None)


# --------------------------------------------------- different actors: fire

SK_WARNED = claim("In late October, South Korea warned it could supply weapons to Ukraine",
                  "supply", "d1", "South Korea", "Ukraine", certainty="possible")
RU_WARNED = claim("Meanwhile, Russia warned South Korea about providing arms to Ukraine",
                  "warn", "d2", "Russia", "South Korea", "Ukraine")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(SK_WARNED, RU_WARNED, id="south-korea-warned-vs-russia-warned"),
        pytest.param(
            claim("Acme Corp recalled 40 cars", "recall", "d1", "Acme Corp"),
            claim("Globex recalled the cars", "recall", "d2", "Globex"),
            id="two-companies",
        ),
        pytest.param(
            claim("Japan imposed new sanctions on Moscow", "impose", "d1", "Japan", "Moscow"),
            claim("Russia imposed new sanctions on the U.S.", "impose", "d2", "Russia", "U.S."),
            id="same-verb-not-each-others-partner",
        ),
    ],
)
def test_different_actors_are_not_one_fact(a: Claim, b: Claim) -> None:
    assert match.different_actors(a, b) is not None
    assert verdict(a, b)[0] == "unrelated"
    assert verdict(b, a) == verdict(a, b)


# ------------------------------------------ different actors: must not fire


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            claim("Seoul warned it could supply weapons to Ukraine", "supply", "d1",
                  "Seoul", "Ukraine", certainty="possible"),
            claim("South Korea warned it could supply weapons to Kyiv", "supply", "d2",
                  "South Korea", "Kyiv", certainty="possible"),
            id="seoul-is-south-korea",
        ),
        pytest.param(
            claim("South Korea's president met the Ukrainian delegation", "meet", "d1",
                  "South Korea", "Ukrainian"),
            claim("Yoon met the Ukrainian delegation on Wednesday", "meet", "d2",
                  "Yoon", "Ukrainian"),
            id="president-vs-his-name",
        ),
        pytest.param(
            claim("South Korean officials met the delegation", "meet", "d1", "South Korean"),
            claim("Yoon Suk Yeol met the delegation", "meet", "d2", "Yoon Suk Yeol"),
            id="country-vs-person-not-comparable",
        ),
        pytest.param(
            claim("Yoon met Zelenskyy in Kyiv", "meet", "d1", "Yoon", "Zelenskyy", "Kyiv"),
            claim("Zelenskyy held talks with Yoon in Kyiv", "hold", "d2",
                  "Zelenskyy", "Yoon", "Kyiv"),
            id="a-meeting-told-from-either-side",
        ),
        pytest.param(
            claim("The U.S., South Korea and Japan imposed sanctions", "impose", "d1",
                  "U.S.", "South Korea", "Japan"),
            claim("South Korea imposed sanctions", "impose", "d2", "South Korea"),
            id="one-actor-among-several",
        ),
    ],
)
def test_same_actor_written_two_ways_may_agree(a: Claim, b: Claim) -> None:
    assert match.different_actors(a, b) is None
    assert verdict(a, b) == verdict(b, a)
    assert verdict(a, b)[0] != "unrelated"


def test_denier_is_not_the_actor_so_the_denial_stays_disputed() -> None:
    denial = claim("North Korea and Russia have denied the North Korean troop deployment",
                   "deny", "d1", "North Korea", "Russia", "North Korean",
                   certainty="denied", source="North Korea and Russia")
    deployed = claim("Some 10,000 North Korean troops are in Russia", "be", "d2",
                     "North Korean", "Russia")
    assert verdict(denial, deployed) == ("disputed", "certainty.v1")


# ------------------------------------------------------ other not-one-fact rules


def _count(text: str, phrase: str, value: float, thing: str) -> Quantity:
    s = text.index(phrase)
    return Quantity(s, s + len(phrase), phrase, value, value, None, thing=thing)


T_TROOPS = "North Korea sent more than 10,000 troops to Russia"
T_BOXES = "North Korea sent more than 13,000 containers to Russia"


def test_one_verb_other_things_counted_is_not_an_agreement() -> None:
    troops = claim(T_TROOPS, "send", "d1", "North Korea", "Russia",
                   quantities=(_count(T_TROOPS, "more than 10,000", 10000, "troops"),))
    boxes = claim(T_BOXES, "send", "d2", "North Korea", "Russia",
                  quantities=(_count(T_BOXES, "more than 13,000", 13000, "containers"),))
    assert verdict(troops, boxes) == ("unrelated", "quantity.v1")


def test_denial_next_to_talk_of_the_topic_is_not_an_agreement() -> None:
    denial = claim("Russia denied the troop deployment", "deny", "d1", "Russia",
                   certainty="denied")
    talk = claim("Both sides agreed to share information on the troop deployment", "agree",
                 "d2")
    assert verdict(denial, talk)[0] == "unrelated"
    # must not fire: a denial against an assertion of the fact stays disputed
    sent = claim("Troops were deployed to Russia", "deploy", "d2", "Russia")
    assert verdict(denial, sent)[0] == "disputed"


def test_hedged_claim_about_another_act_is_not_an_agreement() -> None:
    could = claim("Japan said it could consider sending arms to Ukraine", "send", "d1",
                  "Japan", "Ukraine", certainty="possible")
    joined = claim("Japan has joined sanctions and sent aid to Ukraine", "join", "d2",
                   "Japan", "Ukraine")
    assert verdict(could, joined)[0] == "unrelated"
    # must not fire: the same act, hedged on one side only
    sent = claim("Japan sent arms to Ukraine", "send", "d2", "Japan", "Ukraine")
    assert verdict(could, sent)[0] != "unrelated"


_POOL = [SK_WARNED, RU_WARNED,
         claim("Seoul warned it could supply weapons to Ukraine", "supply", "d3", "Seoul",
               "Ukraine", certainty="possible"),
         claim("Yoon met Zelenskyy in Kyiv", "meet", "d4", "Yoon", "Zelenskyy", "Kyiv"),
         claim("Zelenskyy held talks with Yoon in Kyiv", "hold", "d5", "Zelenskyy", "Yoon",
               "Kyiv"),
         claim("Russia denied the troop deployment", "deny", "d6", "Russia",
               certainty="denied")]


@given(a=st.sampled_from(_POOL), b=st.sampled_from(_POOL), sim=st.floats(0.3, 1.0))
@settings(max_examples=100, deadline=None)
def test_actor_verdicts_are_symmetric(a: Claim, b: Claim, sim: float) -> None:
    ab = compare_claims(a, b, PairContext(published_a=DAY, published_b=DAY, similarity=sim,
                                          match=sim))
    ba = compare_claims(b, a, PairContext(published_a=DAY, published_b=DAY, similarity=sim,
                                          match=sim))
    assert (ab.verdict, ab.kind, ab.comparator) == (ba.verdict, ba.kind, ba.comparator)


def test_a_name_the_recogniser_cut_differently_is_the_same_actor() -> None:
    # a title-case headline: the recogniser takes the band for the person
    a = claim("River Band Singer Lena Ortiz Dies at 70", "die", "d1", "River Band")
    b = claim("River Band singer Lena Ortiz dies aged 70", "die", "d2", "Lena Ortiz")
    assert verdict(a, b)[0] != "unrelated"
    c = claim("Acme Corp opened a new plant in the city", "open", "d3", "Acme Corp")
    d = claim("Globex opened a new plant in the city", "open", "d4", "Globex")
    assert verdict(c, d) == ("unrelated", "actor.v1")  # who acts still counts
