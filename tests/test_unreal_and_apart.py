"""An action negated by one claim is contradicted only by a claim that
states it as a fact, at a time the negation covers. A to-infinitive ("his
choice to play the part") or a modal of possibility, duty or wish ("should
have backups") states no fact; "has not been seen since September 3" says
nothing of July. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pairs import pair_verdicts

PAIRS = [
    ("Jon Reed will not be playing the general after all.",
     "Two weeks ago the director was gushing over Jon Reed as his ideal choice to play the "
     "general.", "unrelated"),
    ("I should have old backups in the cloud but cannot find any.",
     "I have no old backups in the cloud to go back to.", "unrelated"),
    # a negated infinitive is a request, not a fact
    ("One of his friends, who asked not to be identified, said: \"I have no doubt that Tom is "
     "the Fox.\"", "The gunman known as the Fox has been identified as Tom Hale from Leeds.",
     "unrelated"),
    # the extractor reads an implicative frame: the complement is stated
    ("The climbers managed to reach the summit on Monday.",
     "The climbers did not reach the summit on Monday.", "conflict"),
    ("The mayor resigned on Monday.", "The mayor did not resign on Monday.", "conflict"),
]


@pytest.mark.slow
def test_an_unreal_action_does_not_contradict_its_negation(tmp_path: Path) -> None:
    got = pair_verdicts([(a, b) for a, b, _ in PAIRS], tmp_path)
    assert got == [v for _, _, v in PAIRS]


@pytest.mark.slow
def test_a_negation_since_a_day_and_an_earlier_occasion(tmp_path: Path) -> None:
    got = pair_verdicts([
        ("The governor has not been seen in public since September 3.",
         "The governor was seen limping in July during a TV appearance."),
        ("The governor has not been seen in public since September 3.",
         "The governor was seen limping on September 20 during a TV appearance."),
    ], tmp_path, published="2025-10-03")
    assert got == ["unrelated", "conflict"]
