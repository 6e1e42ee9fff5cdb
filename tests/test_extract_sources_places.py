"""Source spans end before what describes the speaker; a US city with its
state is in that state; short forms resolve only against names the same
article uses. Sentences written for these tests.

Slow: they need the spaCy parse."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

import pytest

from checker.model import Claim, Document, Place

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _claims(nlp: Language, texts: dict[str, str]) -> tuple[Claim, ...]:
    from checker.extract import canonicalise, extract
    from checker.segment import parse

    docs = [
        Document(k, f"{k}.txt", v, hashlib.sha256(v.encode()).hexdigest(),
                 published=dt.date(2024, 3, 1))
        for k, v in texts.items()
    ]
    claims = [c for p in parse(docs, nlp) for c in extract(p)]
    for c in claims:
        text = texts[c.doc]
        for slot in (*c.places, *c.mentions):
            assert text[slot.start : slot.end] == slot.text
    return canonicalise(claims, docs)[0]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Sen. Jane Doe (D-Ore.) said the bill would cost $40 million.", "Sen. Jane Doe"),
        ("Rep. John Smith (R-Texas) said the vote would be held on Tuesday.", "Rep. John Smith"),
        ("The mayor of Marlow, speaking after a tense council meeting that ran past midnight, "
         "said the budget would be cut by 5 percent.", "The mayor of Marlow"),
        ("Tom Reed, a spokesman for the county, said two bridges were closed.", "Tom Reed"),
        ("The governor, who took office in January, said the plan would create 300 jobs.",
         "The governor"),
        # restrictive phrases name who speaks: they stay
        ("Officials briefed on the talks said the deal would be signed on Friday.",
         "Officials briefed on the talks"),
        ("People familiar with the plan said it would cost $3 billion.",
         "People familiar with the plan"),
        ("A spokeswoman for the Justice Department said the agency had opened 2 inquiries.",
         "A spokeswoman for the Justice Department"),
        ("President Yoon Suk-yeol said the 300 troops would stay.", "President Yoon Suk-yeol"),
    ],
)
def test_source_span_ends_before_what_describes_the_speaker(
    nlp: Language, sentence: str, source: str
) -> None:
    (claim, *_) = _claims(nlp, {"t": sentence})
    assert claim.source == source


def _places(claims: tuple[Claim, ...]) -> list[Place]:
    return [p for c in claims for p in c.places]


@pytest.mark.parametrize(
    ("sentence", "city", "state", "state_text"),
    [
        ("Fire officials in Springfield, Ill., said three homes were destroyed.",
         "Springfield", "Illinois", "Ill."),
        ("The shooting happened in Augusta, Me., on Saturday, police said.",
         "Augusta", "Maine", "Me."),
        ("Two people were injured in Portland, Ore., late Friday.", "Portland", "Oregon", "Ore."),
        # namesakes abroad are larger: the state decides
        ("He was born in Paris, Texas, in 1950.", "Paris", "Texas", "Texas"),
        ("Police in Moscow, Idaho, arrested 2 men.", "Moscow", "Idaho", "Idaho"),
        ("The plant in Cambridge, Mass., will close.", "Cambridge", "Massachusetts", "Mass."),
        ("Protesters gathered in Portland, OR on Sunday, and 12 were arrested.",
         "Portland", "Oregon", "OR"),
    ],
)
def test_a_us_city_with_its_state_is_in_that_state(
    nlp: Language, sentence: str, city: str, state: str, state_text: str
) -> None:
    from checker.match import places_compatible

    places = {p.text: p for p in _places(_claims(nlp, {"t": sentence}))}
    assert places[city].country == "US" and places[city].within == (state, "United States")
    region = places[state_text]
    assert (region.name, region.country, region.kind) == (state, "US", "region")
    assert places_compatible(places[city], region)


def test_the_state_of_a_city_is_no_country_entity(nlp: Language) -> None:
    claims = _claims(nlp, {"t": "Police in Athens, Georgia, arrested 2 men, and 3 more were held "
                                "in Augusta, Ga."})
    entities = {m.entity for c in claims for m in c.mentions}
    assert "gpe:georgia" not in entities and "gpe:ga" not in entities
    assert {p.name for c in claims for p in c.places} == {"Athens", "Augusta", "Georgia"}


def test_a_city_of_the_country_georgia_stays_abroad(nlp: Language) -> None:
    places = _places(_claims(nlp, {"t": "Protesters in Tbilisi, Georgia, blocked 2 bridges."}))
    assert ("Tbilisi", "GE") in [(p.text, p.country) for p in places]
    assert all(p.country != "US" for p in places)


def test_a_city_without_a_state_keeps_its_best_known_namesake(nlp: Language) -> None:
    places = _places(_claims(nlp, {"t": "Two museums in Paris closed on Monday, officials said."}))
    assert [(p.text, p.country) for p in places] == [("Paris", "FR")]


def _entities(claims: tuple[Claim, ...], doc: str) -> dict[str, str]:
    return {m.text: m.entity for c in claims if c.doc == doc for m in c.mentions}


def test_short_forms_resolve_against_names_the_article_uses(nlp: Language) -> None:
    claims = _claims(nlp, {
        "korea": "North Korea fired two missiles on Monday. The North has tested 12 missiles "
                 "this year, officials said.",
        "weather": "Storms hit the North on Monday, cutting power to 3,000 homes. The South "
                   "escaped with light rain.",
        "talks": "Officials from North Korea and South Korea met on Monday. The South proposed "
                 "3 new talks.",
        "senate": "The Senate Judiciary Committee voted 12-10 on Thursday. The Judiciary "
                  "Committee will meet again on May 4. The House voted 220-200 on the bill.",
    })
    assert _entities(claims, "korea")["North"] == "gpe:north-korea"
    # an article that names no such country: no country, no entity at all
    assert "North" not in _entities(claims, "weather")
    assert "South" not in _entities(claims, "weather")
    assert _entities(claims, "talks")["South"] == "gpe:south-korea"
    senate = _entities(claims, "senate")
    assert senate["Judiciary Committee"] == senate["Senate Judiciary Committee"]
    # a prefix is a parent body, not a short form
    assert senate["House"] == "org:house"


def test_an_ambiguous_short_form_stays_unresolved() -> None:
    from checker.extract.places import country_short_forms

    forms = country_short_forms("Envoys of North Korea and North Macedonia met 2 times.")
    assert "north" not in forms
    assert "macedonia" not in forms  # a country name itself, not a short form
    assert country_short_forms("South Africa and South Korea signed 3 deals.").get("south") is None
    assert country_short_forms("Costa Rica signed 3 deals.") == {"costa": "CR", "rica": "CR"}
