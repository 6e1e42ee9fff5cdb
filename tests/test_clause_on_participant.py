"""A clause on a participant ("the regulators, which have (not) opened an
inquiry") is asserted whatever the main clause does: when two claims frame
their main clause alike (both stated, both "found no evidence", both in the
future), a clause inside both that one negates is a difference, provided
its mood is the same ("could result" / "could not result"; not "may have
opened" / "has not opened"). Sentences written for these tests; the pairs
run through the whole extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.compare.comparators.negation import _modals_before
from tests.pairs import pair_verdicts

PAIRS = [
    # (a, b, verdict)
    ("The regulators, which have opened an inquiry into the outages, have not found any sign "
     "of sabotage.",
     "The regulators, which have not opened an inquiry into the outages, have found no sign "
     "of sabotage.", "conflict"),
    ("The carmaker will recall 19 vans to fix a wiring fault that could result in a loss of "
     "power.",
     "The carmaker will recall 19 vans to fix a wiring fault that could not result in a loss of "
     "power.", "conflict"),
    # another mood on the clause: a possibility is no assertion
    ("The regulators, which may have opened an inquiry into the outages, found no sign of "
     "sabotage.",
     "The regulators, which have not opened an inquiry into the outages, found no sign of "
     "sabotage.", "agree"),
    # the same clause, the same polarity
    ("The regulators, which have opened an inquiry into the outages, found no sign of sabotage.",
     "The regulators, which have opened an inquiry into the outages, have not found any sign of "
     "sabotage.", "agree"),
    # what a copula says of its subject is the main clause, not a clause
    # inside: a joke "about the singer being dead" asserts nothing of it
    ("I don't get why anyone would make a joke about Jon Reed being dead its just wrong",
     "Jon Reed is NOT dead.", "agree"),
    # the main action is not a clause inside: "unable to find" and "found no"
    # are the same finding
    ("In most cases the inspectors were unable to find evidence of tampering.",
     "The inspectors have found no evidence of tampering.", "agree"),
]


@pytest.mark.slow
def test_a_clause_on_a_participant_is_compared_under_a_shared_frame(tmp_path: Path) -> None:
    got = pair_verdicts([(a, b) for a, b, _ in PAIRS], tmp_path)
    assert got == [v for _, _, v in PAIRS]


@pytest.mark.parametrize(
    ("words", "modals"),
    [
        ("a fault that could not result", {"could"}),
        ("a fault that could result", {"could"}),
        ("the board, which won't meet", {"will"}),
        ("the board, which cannot meet", {"can"}),
        ("the board, which has not met", set()),
        ("the board, which may have met", {"may"}),
    ],
)
def test_the_mood_of_a_clause_is_its_modals(words: str, modals: set[str]) -> None:
    tokens = words.lower().replace(",", "").split()
    assert _modals_before(tokens, len(tokens) - 1) == modals
