"""Verbs that entail their complement or its negation (Karttunen's
implicatives, and factive raising verbs): "failed to reach the summit" says
the summit was not reached, "did not fail to" that it was; "turned out not
to have said it" says it was not said. The complement is the claim's event,
with the polarity the frame gives it. Sentences written for these tests;
the pairs run through the whole extractor."""

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
        # implicative verbs entail their complement; "tried" does not
        ("Jon Reed was forced to deny that he's dead after a fake story spread online.",
         "denied", "be"),
        ("The climbers managed to reach the summit on Monday.", "asserted", "reach"),
        ("The climbers tried to reach the summit on Monday.", "asserted", "try"),
        # negative implicatives entail that it did not happen
        ("The probe failed to land on the moon on Friday.", "negated", "land"),
        ("The clerk neglected to file the form.", "negated", "file"),
        ("The driver forgot to lock the van.", "negated", "lock"),
        # a negated negative implicative entails its complement
        ("The probe did not fail to land on the moon.", "asserted", "land"),
        # "forget that P" is factive: the forgetting is the event
        ("The driver forgot that the van was locked.", "asserted", "forget"),
        # "failed to say whether P" leaves P open, as before
        ("The spokesman failed to say whether the plant would close.", "unconfirmed", "close"),
        ("The minister turned out not to have signed the order.", "negated", "sign"),
        ("The minister turned out to have signed the order.", "asserted", "sign"),
        ("The letter proved to be a forgery.", "asserted", "be"),
        # "turn" without "out" is no raising verb
        ("The minister turned to face the crowd.", "asserted", "turn"),
    ],
)
def test_an_implicative_frame_gives_its_complement_a_polarity(
    nlp: Language, text: str, certainty: str, predicate: str
) -> None:
    att = read_main_clause(nlp, text)
    assert (att.certainty, att.predicate) == (certainty, predicate)


PAIRS = [
    # (a, b, verdict)
    ("The probe failed to land on the moon on Friday.",
     "The probe landed on the moon on Friday.", "conflict"),
    ("The probe did not fail to land on the moon on Friday.",
     "The probe landed on the moon on Friday.", "agree"),
    ("The minister turned out not to have signed the order.",
     "The minister signed the order.", "conflict"),
    # "failed to" on another action: not the same fact
    ("The probe failed to send pictures from the moon on Friday.",
     "The probe landed on the moon on Friday.", "unrelated"),
]


@pytest.mark.slow
def test_a_failure_to_act_against_the_act(tmp_path: Path) -> None:
    got = pair_verdicts([(a, b) for a, b, _ in PAIRS], tmp_path)
    assert got == [v for _, _, v in PAIRS]
