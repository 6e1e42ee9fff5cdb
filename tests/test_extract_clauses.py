"""Claim boundaries, certainty cues and pronoun attribution on sentences
written for these tests (none from the seeds or the evaluation data).

Slow: they need the spaCy parse."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

import pytest

from checker.model import Claim, Document, Mention, Place, Quantity, TimeExpr

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow

PUB = dt.date(2024, 3, 13)


def _claims(nlp: Language, text: str, published: dt.date | None = PUB) -> tuple[Claim, ...]:
    from checker.extract import extract
    from checker.segment import parse

    doc = Document(
        "t", "t.txt", text, hashlib.sha256(text.encode()).hexdigest(), published=published
    )
    (parsed,) = parse([doc], nlp)
    claims = extract(parsed)
    for c in claims:
        assert text[c.start : c.end] == c.text
        slots: list[Quantity | TimeExpr | Place | Mention] = [
            *c.quantities, *c.times, *c.places, *c.mentions,
        ]  # fmt: skip
        for slot in slots:
            assert text[slot.start : slot.end] == slot.text
    return claims


# ------------------------------------------------------------ relative-clause splits


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "The army is thought to have moved about 4,000 soldiers to Belarus, some of whom "
            "recently began firing artillery in Ukraine's Kharkiv region.",
            "The army is thought to have moved about 4,000 soldiers to Belarus",
            "some of whom recently began firing artillery in Ukraine's Kharkiv region.",
        ),
        (
            "Police arrested four men in Chicago, two of whom were charged with murder.",
            "Police arrested four men in Chicago",
            "two of whom were charged with murder.",
        ),
        (
            "The storm destroyed 300 homes, most of which had been built before 1950.",
            "The storm destroyed 300 homes",
            "most of which had been built before 1950.",
        ),
        (
            "The convoy reached the border town of Rafah, where aid workers unloaded 40 trucks.",
            "The convoy reached the border town of Rafah",
            "where aid workers unloaded 40 trucks.",
        ),
    ],
)
def test_a_closing_relative_clause_with_its_own_event_is_a_claim(
    nlp: Language, sentence: str, first: str, second: str
) -> None:
    claims = _claims(nlp, sentence)
    assert [c.text for c in claims] == [first, second]
    assert len({c.id for c in claims}) == 2


def test_split_keeps_each_slot_with_its_own_clause(nlp: Language) -> None:
    sentence = (
        "The army is thought to have moved more than 4,000 soldiers to Belarus, some of whom "
        "recently began firing artillery in Ukraine's Kharkiv region."
    )
    moved, firing = _claims(nlp, sentence)
    assert [q.text for q in moved.quantities] == ["more than 4,000"]
    assert moved.quantities[0].low == 4000 and moved.quantities[0].high is None
    assert moved.certainty == "reported" and moved.predicate == "move"
    assert not firing.quantities
    assert any("Kharkiv" in p.text for p in firing.places)
    assert not any("Kharkiv" in p.text for p in moved.places)
    assert firing.predicate == "fire"  # "began firing": the aspectual verb passes on


@pytest.mark.parametrize(
    "sentence",
    [
        # a relative clause inside the sentence: the main clause goes on after it
        "Kim Jong Un, who ordered the deployment, met the defence minister in Pyongyang.",
        # restrictive relative clause: no comma
        "He visited the three towns that were hit by shelling last week.",
        # no finite verb of its own
        "The army fired 30 missiles, most of them at the capital.",
        "The company hired 200 workers, many of whom from abroad.",
        # a quantifier without "of whom/which"
        "The rebels freed 12 hostages, some after months in captivity.",
    ],
)
def test_no_split_without_a_closing_relative_clause_of_its_own(
    nlp: Language, sentence: str
) -> None:
    (claim,) = _claims(nlp, sentence)
    assert claim.text == sentence


# ------------------------------------------------------------ certainty cues


@pytest.mark.parametrize(
    ("sentence", "certainty", "predicate", "source"),
    [
        ("Egypt, PA Deny Report That Israel Will Send Troops To Gaza", "denied", "send", "Egypt, PA"),
        ("Kremlin Denies Sending Troops To Moldova", "denied", "send", "Kremlin"),
        ("Oil Ministry Rejects Claims Of Pipeline Sabotage In North Sea", "denied", None, "Oil Ministry"),
        # must not fire: title case without a denial, or a denial word as the first word
        ("Israel Will Send Troops To The Border Region", "asserted", "send", None),
        ("Denied Entry, Refugees Wait At The Border Crossing", "asserted", None, None),
        # a sentence in sentence case is left to the parse
        ("Officials said the reports were accurate.", "asserted", "be", "Officials"),
    ],
)  # fmt: skip
def test_denial_in_a_title_case_headline(
    nlp: Language, sentence: str, certainty: str, predicate: str | None, source: str | None
) -> None:
    claims = _claims(nlp, sentence)
    assert claims and claims[0].certainty == certainty
    if predicate is not None:
        assert claims[0].predicate == predicate
    if source is not None:
        assert claims[0].source == source


@pytest.mark.parametrize(
    ("sentence", "certainty", "predicate", "source"),
    [
        (
            "Investigators found no evidence that the fire was set deliberately.",
            "unconfirmed", "set", "Investigators",
        ),
        ("There is no evidence that the militia sent fighters abroad.", "unconfirmed", "send", None),
        ("Police have not found any evidence of foul play.", "unconfirmed", "find", "Police"),
        (
            "Officials said there was no evidence that the group was involved in the attack.",
            "unconfirmed", "involve", "Officials",
        ),
        ("There has been no confirmation that the troops crossed the border.", "unconfirmed", "cross", None),
        ("The report provided evidence that the troops crossed the border.", "asserted", "provide", None),
        # must not fire: evidence that is found, or a negation elsewhere (a negative
        # subject negates the verb itself)
        ("Investigators found evidence that the fire was set deliberately.", "asserted", "find", None),
        ("No one was injured in the fire at the school.", "negated", "injure", None),
        ("The militia did not send fighters abroad.", "negated", "send", None),
    ],
)  # fmt: skip
def test_no_evidence_leaves_the_claim_unconfirmed(
    nlp: Language, sentence: str, certainty: str, predicate: str, source: str | None
) -> None:
    (claim,) = _claims(nlp, sentence)
    assert (claim.certainty, claim.predicate) == (certainty, predicate)
    if source is not None:
        assert claim.source == source


# ------------------------------------------------------------ pronoun attribution


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an attribution in the previous sentence
        (
            "The mayor's office said in a statement that the bridge would reopen. "
            "It said repairs had cost $2 million.",
            "The mayor's office",
        ),
        (
            "Fire Chief Maria Lopez said the blaze started in the kitchen. "
            "She said two firefighters were treated for smoke inhalation.",
            "Fire Chief Maria Lopez",
        ),
        # the subject of the previous sentence, when it is a name
        (
            "Canada's foreign ministry issued a statement on Monday. "
            "It said the embassy would stay closed.",
            "Canada's foreign ministry",
        ),
        # a chain of pronouns keeps the source
        (
            "The city council said the vote would be held in May. "
            "It said the budget was balanced. It added that taxes would not rise.",
            "The city council",
        ),
    ],
)
def test_a_pronoun_source_takes_the_one_source_of_the_previous_sentence(
    nlp: Language, text: str, source: str
) -> None:
    claims = _claims(nlp, text)
    assert claims[-1].source == source


@pytest.mark.parametrize(
    "text",
    [
        # two possible speakers
        "Governor Ann Brooks and Senator Tom Hale met on Monday. He said the talks went well.",
        # nobody named before
        "It said the embassy would stay closed for a week.",
        # the previous sentence names no plausible source
        "The weather was cold on Monday in the capital. It said the embassy would stay closed.",
        # a person cannot be "it"
        "Senator Tom Hale said the bill would pass. It said the vote was delayed.",
    ],
)
def test_an_unresolved_pronoun_is_no_source(nlp: Language, text: str) -> None:
    claims = _claims(nlp, text)
    assert claims[-1].source is None


# ------------------------------------------------------------ absolute dates, no publication date


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("The plant closed in August 2021 after the flood.", "August 2021", "2021-08-01", "2021-08-31"),
        ("The treaty was signed in 1997 by both states.", "1997", "1997-01-01", "1997-12-31"),
        ("The bridge reopened on July 15, 2023, officials said.", "July 15, 2023", "2023-07-15", "2023-07-15"),
        ("Voters went to the polls on Nov. 7, 2024 in the state.", "Nov. 7, 2024", "2024-11-07", "2024-11-07"),
    ],
)  # fmt: skip
def test_absolute_dates_resolve_in_an_undated_article(
    nlp: Language, sentence: str, text: str, low: str, high: str
) -> None:
    (claim,) = _claims(nlp, sentence, published=None)
    times = [t for t in claim.times if t.text == text]
    assert times, [t.text for t in claim.times]
    assert (times[0].low, times[0].high) == (
        dt.date.fromisoformat(low),
        dt.date.fromisoformat(high),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant closed on Wednesday after the flood.",
        "The plant closed last week after the flood.",
        "The plant closed on Nov. 7 after the flood.",
        "The plant closed this month after the flood.",
    ],
)
def test_relative_dates_stay_unresolved_in_an_undated_article(nlp: Language, sentence: str) -> None:
    (claim,) = _claims(nlp, sentence, published=None)
    assert claim.times
    assert all(t.low is None and t.high is None for t in claim.times)


# ------------------------------------------------------------ bare attributions


@pytest.mark.parametrize(
    "fragment",
    ["Mr. Ortiz told CNBC.", "She added in a statement on Tuesday.", "The minister said."],
)
def test_a_sentence_that_only_names_the_speaker_is_no_claim(nlp: Language, fragment: str) -> None:
    text = f"The bridge over the river will close for repairs in May. {fragment}"
    assert [c.text for c in _claims(nlp, text)] == [
        "The bridge over the river will close for repairs in May."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Ortiz told CNBC that the bridge would close.",
        "The mayor noted the cost of the repairs.",
        "“The bridge will close,” the mayor told reporters.",
    ],
)
def test_what_was_said_or_noted_stays_a_claim(nlp: Language, sentence: str) -> None:
    assert [c.text for c in _claims(nlp, sentence)] == [sentence]


def test_the_quote_before_a_bare_attribution_stays(nlp: Language) -> None:
    text = "“The bridge will close in May. The repairs will cost $4 million.” Mr. Ortiz told CNBC."
    assert [c.text for c in _claims(nlp, text)] == [
        "“The bridge will close in May.", "The repairs will cost $4 million.”"
    ]
