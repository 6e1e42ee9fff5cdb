"""Counts of harmed people (implicit counts, and numbers that are not counts).

Sentences written for these tests. Slow: they need the spaCy parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from checker.extract.quantities import find_quantities

if TYPE_CHECKING:
    from spacy.language import Language

    from checker.model import Quantity

pytestmark = pytest.mark.slow


def _counts(nlp: Language, sentence: str) -> list[Quantity]:
    """Quantities without a unit (counts), in text order."""
    doc = nlp(sentence)
    out = find_quantities(doc[:], 0)
    for q in out:
        assert sentence[q.start : q.end] == q.text
    return [q for q in out if q.unit is None]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # a singular indefinite victim
        ("A man was shot on Elm Street late Friday.", "A", 1),
        ("A 23-year-old man was taken to a hospital with gunshot wounds.", "A", 1),
        ("An officer suffered a gunshot wound to the arm.", "An", 1),
        ("A teenager was found dead in the car.", "A", 1),
        ("Deputies found a dead man in the garage.", "a", 1),
        ("Police said a gunman killed a 16-year-old outside the store.", "a", 1),
        ("Officers found a woman who had been shot in the chest.", "a", 1),
        ("A second victim was listed in critical condition.", "A", 1),
        ("Another man was wounded in the leg.", "Another", 1),
        ("Another was injured.", "Another", 1),
        ("Detectives are investigating the shooting death of a 9-year-old boy.", "a", 1),
        # both, partitives
        ("Both men died at the scene.", "Both", 2),
        ("The gunman opened fire, injuring both.", "both", 2),
        ("One of the victims died at the hospital.", "One", 1),
        # coordinated victims add up
        ("A man and a woman were shot Sunday night.", "A man and a woman", 2),
        ("Two men and a woman were wounded.", "Two men and a woman", 3),
        ("He and another man were hurt.", "He and another man", 2),
        ("Jones, 24, and Smith, 22, were killed.", "Jones, 24, and Smith", 2),
        # a harm done to oneself: the subject is the victim
        ("A 4-year-old boy shot himself in the hand.", "A", 1),
        # word numbers and others
        ("Police said two others were shot.", "two", 2),
        ("The shooting left one person dead and three injured.", "three", 3),
        ("Three people were killed, and a fourth was hurt.", "Three", 3),
        ("Two people were shot, one fatally.", "one", 1),
    ],
)
def test_counts_of_harmed_people(nlp: Language, sentence: str, text: str, value: float) -> None:
    found = {(q.text, q.value) for q in _counts(nlp, sentence)}
    assert (text, value) in found, found


def test_coordinated_victims_are_not_also_counted_one_by_one(nlp: Language) -> None:
    assert [(q.text, q.value) for q in _counts(nlp, "A man and a woman were shot.")] == [
        ("A man and a woman", 2)
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("A 17-year-old was shot on the porch.", 17),  # an age, one person
        ("The victim, 24, was shot three times.", 24),
        ("Smith (26) was wounded.", 26),
        ("Two men, ages 20 and 22, were wounded.", 20),
        ("The crash on Route 9 killed a driver.", 9),
        ("Traffic on Interstate 95 stopped after a man was shot.", 95),
        ("Channel 2 reported that a man was shot.", 2),
        ("The girl called 911 after her father was shot.", 911),
        ("A man was shot at 20 Copeland St. on Tuesday.", 20),
        ("A fourth person had gunshot wounds.", 0.25),  # a rank, not a fraction
        ("The 2 a.m. shooting left a man injured.", 2),
        ("No one else was injured in the shooting.", 1),
        ("Image 50 of 111: police outside the house where a man was shot.", 111),
        ("Apartment 3 is where the man was wounded.", 3),
        ("He was shot with a .38-caliber handgun.", 0.38),
        # a numeral after a name that modifies the same noun is part of the
        # name: a count stands before such modifiers ("8 iOS backups")
        ("I have no pre iOS 8 backups to revert to.", 8),
        ("The Android 4 phones lost their photos.", 4),
    ],
)
def test_numbers_that_are_not_counts(nlp: Language, sentence: str, value: float) -> None:
    assert value not in {q.value for q in _counts(nlp, sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "A man said he heard shots.",  # not harmed
        "A gunman killed three people.",  # the subject of an active "killed" did it
        "An officer fired at the car.",
        "The shooting left three people dead.",  # the cause is not a victim
        "The officer found three men dead.",  # nor is the one who found them
        "Police are offering a $500 reward.",
        "SPRINGFIELD, Ill. (AP) - Three people were killed.",  # a dateline is not two victims
    ],
)
def test_no_count_of_people(nlp: Language, sentence: str) -> None:
    assert [q for q in _counts(nlp, sentence) if q.value in (1, 2, 500)] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The victim died at the hospital.", "The", 1),
        ("His daughter was shot in the leg.", "His", 1),
        ("Marcus Webb, 17, was shot and killed.", "Marcus Webb", 1),
        ("The officer found the boy dead.", "the", 1),
        ("Police are investigating the death of his son.", "his", 1),
        ("The man and the boy were found dead.", "The man and the boy", 2),
        ("Jones and a woman were hurt.", "Jones and a woman", 2),
    ],
)
def test_definite_or_named_victims_count_at_least(
    nlp: Language, sentence: str, text: str, value: float
) -> None:
    """One may be one of several victims: an open interval, never a clash with more."""
    found = {(q.text, q.low, q.high) for q in _counts(nlp, sentence)}
    assert (text, value, None) in found, found


def test_times_shot_are_not_people(nlp: Language) -> None:
    counts = _counts(nlp, "A 17-year-old was shot 3 times.")
    assert [(q.text, q.value, q.thing) for q in counts] == [
        ("A", 1, "17-year-old"),
        ("3", 3, "times"),
    ]


def test_money_is_a_measure(nlp: Language) -> None:
    doc = nlp("Police are offering a $500 reward.")
    [q] = find_quantities(doc[:], 0)
    assert (q.value, q.unit, q.thing) == (500, "USD", "reward")


def test_a_third_of_is_still_a_fraction(nlp: Language) -> None:
    doc = nlp("About a third of the residents left.")
    assert [q.value for q in find_quantities(doc[:], 0)] == [pytest.approx(1 / 3)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The company's 300 workers went on strike.", 300),  # a possessive before the count
        ("Jets struck the town 12 times.", 12),
        ("About 8 people were hurt.", 8),
    ],
)
def test_a_count_after_a_name_that_is_no_modifier_still_counts(
    nlp: Language, sentence: str, value: float
) -> None:
    assert value in {q.value for q in _counts(nlp, sentence)}
