"""An event's occurrence is one action whatever verb says it: "took place",
"was held", "went ahead", "happened". A cancellation ("was cancelled",
"called off", "scrapped") says the event will not occur, and a negated one
("was not cancelled") that it will. So "will take place" and "will not be
held" negate one another, as "will take place" and "will not take place" do;
with two verbs only when both name what occurs, since "it happened" or
"was held" says what occurred only in its subject. Sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pairs import pair_verdicts

PAIRS = [
    # one event, two verbs of occurrence, opposite polarity
    ("The festival will take place on Saturday.", "The festival will not be held on Saturday.",
     "conflict"),
    ("The final match of the cup was cancelled because of the storm.",
     "The final match of the cup took place despite the storm.", "conflict"),
    # a negated cancellation says the event occurs
    ("The concert was not cancelled.", "The concert was cancelled.", "conflict"),
    ("The festival was not cancelled.", "The festival will take place on Saturday.", "agree"),
    # "held" of a person, plain and negated, is still one action
    ("The suspect was held in custody.", "The suspect was not held in custody.", "conflict"),
    ("The festival will take place on Saturday.",
     "The festival will not take place on Saturday.", "conflict"),
]

#: an occurrence said of a pronoun names nothing both claims speak of; an
#: event and its cancellation never agree, even when the two sentences are
#: too far apart to be read as one fact
NOT_ONE_FACT = [
    ("It happened on Monday.", "The summit did not take place on Monday."),
    ("The festival will take place on Saturday.", "The festival was cancelled."),
    ("The mayor called off the festival.", "The festival went ahead on Saturday."),
]


@pytest.mark.slow
def test_verbs_of_occurrence_and_cancellation_are_one_action(tmp_path: Path) -> None:
    got = pair_verdicts([(a, b) for a, b, _ in PAIRS], tmp_path)
    assert got == [v for _, _, v in PAIRS]


@pytest.mark.slow
def test_no_agreement_between_an_event_and_its_cancellation(tmp_path: Path) -> None:
    got = pair_verdicts(NOT_ONE_FACT, tmp_path)
    assert "agree" not in got
    assert all(v in ("unrelated", "conflict") for v in got), got
