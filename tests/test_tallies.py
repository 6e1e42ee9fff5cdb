"""tally.v1: one vote or game given two tallies ("passed 52-48" / "51-49")
is a conflict of number; a range is no tally. Read through the real
extractor as ``claimcheck compare --pairs`` reads pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.compare.comparators.tallies import tallies
from checker.model import Claim
from tests.pairs import pair_verdicts


def _claim(text: str) -> Claim:
    return Claim(id="x:0", doc="x", sentence=0, start=0, end=len(text), text=text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The bill passed the Senate 52-48 on Tuesday.", [(52, 48)]),
        ("The justices sided with the state in a 5-4 decision.", [(5, 4)]),
        ("The visitors won 1-3 away.", [(3, 1)]),
        # a range, a span of years, a score with no word of outcome
        ("The agency proposed a 40-60 hour training course.", []),
        ("The plan was approved for the 2019-2020 season.", []),
        ("Pages 10-12 of the report were missing.", []),
    ],
)
def test_a_tally_is_written_as_a_vote_or_a_score(text: str, found: list[tuple[int, int]]) -> None:
    assert tallies(_claim(text)) == found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("The bill passed the Senate 52-48 on Tuesday.",
         "The bill passed the Senate 51-49 on Tuesday.", "conflict"),
        ("The team won 3-1 on Saturday.", "The team won 2-1 on Saturday.", "conflict"),
        # the sides in the other order are the same tally
        ("The bill passed the Senate 52-48.", "The bill passed the Senate 48-52.", "agree"),
        ("The House passed the plan 234-193.", "The House approved the plan 234-193.", "agree"),
    ],
)
def test_tallies_of_one_outcome(a: str, b: str, verdict: str, tmp_path: Path) -> None:
    assert pair_verdicts([(a, b)], tmp_path) == [verdict]
