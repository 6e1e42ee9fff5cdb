"""A negation that speaks of the time of writing ("has not been charged",
"not yet identified", "has yet to file", "no arrests have been made") is
true until the event happens: a report published a day or more later that it
has happened is news since (``update``), not a contradiction. A negation of
a past occasion ("was not charged"), of all time ("has never been
convicted"), a later report that dates the event before the negation was
written, or two reports of one day (whose order is not known) still
differ. And a negative subject ("no suspects", "nobody", "none of the
sailors") negates its verb as "not" does. Sentences written for these
tests."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.pairs import pair_verdicts, read_main_clause

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "certainty", "predicate"),
    [
        ("No suspects have been identified yet, police said.", "negated", "identify"),
        ("Nobody was arrested at the scene.", "negated", "arrest"),
        ("None of the sailors survived the sinking.", "negated", "survive"),
        ("No arrests have been made.", "negated", "make"),
        # a quantifier kept to others than those told of leaves the told event standing
        ("No one else was hurt in the fire.", "asserted", "hurt"),
        ("No other injuries were reported.", "asserted", "report"),
        ("Three sailors survived the sinking.", "asserted", "survive"),
        # before a name "no" is an interjection, not a quantifier
        ("Oh no Anna Berg has died", "asserted", "die"),
    ],
)  # fmt: skip
def test_a_negative_subject_negates_its_verb(
    nlp: Language, text: str, certainty: str, predicate: str
) -> None:
    att = read_main_clause(nlp, text)
    assert (att.certainty, att.predicate) == (certainty, predicate)


#: (earlier report, later report, verdict) with the later one published a day after
LATER = [
    ("The mayor has not been charged.", "The mayor has been charged with fraud.", "update"),
    ("The gunman has not yet been identified.", "The gunman has been identified as Tom Hale.",
     "update"),
    ("The company has yet to file for bankruptcy.", "The company filed for bankruptcy.", "update"),
    # a past occasion, all time, or the later report behind: still a conflict
    ("The mayor was not charged.", "The mayor was charged with fraud.", "conflict"),
    ("The mayor has never been charged.", "The mayor was charged with fraud.", "conflict"),
    ("The mayor was charged with fraud.", "The mayor has not been charged.", "conflict"),
]

#: the same pairs from reports of one day
SAME_DAY = [
    ("The mayor has not been charged.", "The mayor has been charged with fraud.", "conflict"),
    ("The company has yet to file for bankruptcy.", "The company filed for bankruptcy.",
     "conflict"),
]


@pytest.mark.slow
def test_an_event_reported_after_a_so_far_negation_is_an_update(tmp_path: Path) -> None:
    got = pair_verdicts([(a, b) for a, b, _ in LATER], tmp_path,
                        published="2025-03-03", published_b="2025-03-04")
    assert got == [v for _, _, v in LATER]


@pytest.mark.slow
def test_reports_of_one_day_still_differ(tmp_path: Path) -> None:
    got = pair_verdicts([(a, b) for a, b, _ in SAME_DAY], tmp_path)
    assert got == [v for _, _, v in SAME_DAY]


@pytest.mark.slow
def test_a_later_report_dating_the_event_before_the_negation_conflicts(tmp_path: Path) -> None:
    got = pair_verdicts([("The company has yet to file for bankruptcy.",
                          "The company filed for bankruptcy on March 3.")], tmp_path,
                        published="2025-03-10", published_b="2025-03-11")
    assert got == ["conflict"]
