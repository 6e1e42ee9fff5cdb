"""age.v1: one named person given two ages is a conflict whatever else
each sentence says. Read through the real extractor as ``claimcheck
compare --pairs`` reads pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.match.things import named_ages
from checker.model import Claim, Mention
from tests.pairs import pair_verdicts


def _claim(text: str, name: str) -> Claim:
    at = text.index(name)
    return Claim(id="x:0", doc="x", sentence=0, start=0, end=len(text), text=text,
                 mentions=(Mention(at, at + len(name), name, "PERSON", "person:x"),))


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Jane Roe, 34, was arrested on Monday.", {34}),
        ("Police named the driver as 41-year-old Jane Roe.", {41}),
        ("Jane Roe (29) of Springfield was hurt.", {29}),
        # a figure after a name that is no age of hers
        ("Jane Roe, 2019 winner of the prize, spoke.", set()),
        ("Jane Roe paid 300 dollars.", set()),
    ],
)
def test_the_ages_written_beside_a_name(text: str, ages: set[int]) -> None:
    found = named_ages(_claim(text, "Jane Roe"))
    assert found.get("person:x", ("", set()))[1] == ages


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("John Smith, 34, was arrested at his home on Monday.",
         "John Smith, 43, was arrested at his home on Monday.", "conflict"),
        # another fact of him, the same person: still his age
        ("John Smith, 34, is held on a $50,000 bond.",
         "Police arrested 43-year-old John Smith on Friday.", "conflict"),
        ("John Smith, 34, was arrested at his home on Monday.",
         "John Smith, 34, was arrested at his home on Monday after a chase.", "agree"),
    ],
)
def test_ages_of_one_person(a: str, b: str, verdict: str, tmp_path: Path) -> None:
    assert pair_verdicts([(a, b)], tmp_path) == [verdict]
