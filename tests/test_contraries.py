"""contrary.v1: one subject said to do one of two actions that exclude each
other (resigned / was dismissed, signed / vetoed), read through the real
extractor as ``claimcheck compare --pairs`` reads pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pairs import pair_verdicts

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        # the outcomes of one event, told of one subject: a conflict
        ("The coach resigned on Monday.", "The coach was dismissed on Monday.", "conflict"),
        ("The governor signed the bill into law.", "The governor vetoed the bill.", "conflict"),
        ("The incumbent won the election in the northern district.",
         "The incumbent lost the election in the northern district.", "conflict"),
        ("The jury acquitted the former mayor of bribery.",
         "The jury convicted the former mayor of bribery.", "conflict"),
        ("The council approved the housing plan.", "The council rejected the housing plan.",
         "conflict"),
        # a source on one side and the outlet on the other: a dispute; two
        # sources on opposite sides: a dispute both outlets may report
        ("The coach resigned on Monday, his agent said.", "The coach was dismissed on Monday.",
         "disputed"),
        ("The coach resigned on Monday, his agent said.",
         "The coach was dismissed on Monday, the club said.", "unrelated"),
        # other things or occasions: two facts, never one agreed on
        ("The team won the first game.", "The team lost the second game.", "unrelated"),
        ("The council approved the housing plan on Tuesday.",
         "The council rejected the housing plan on Thursday.", "unrelated"),
        # different verbs that are no contraries say one thing
        ("The coach met the players.", "The coach held talks with the players.", "agree"),
    ],
)
def test_contrary_actions_of_one_subject(a: str, b: str, verdict: str, tmp_path: Path) -> None:
    assert pair_verdicts([(a, b)], tmp_path) == [verdict]
