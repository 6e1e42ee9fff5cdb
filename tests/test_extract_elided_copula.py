"""Headlines that leave out their copula ("Girls to be freed after talks",
"Bridge closed after storm"): the participle or infinitive after the
nominal root is the event, on sentences written for these tests.

Slow: they need the spaCy parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _predicate(nlp: Language, sentence: str) -> str | None:
    from checker.extract.certainty import analyse

    (sent,) = nlp(sentence).sents
    return analyse(sent.root).predicate


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        # "are to be freed": an infinitive after the nominal root
        ("More than 300 trapped Chilean miners to be rescued after deal agreed with owners",
         "rescue"),
        ("Over 50 stranded Greek sailors to be evacuated after truce agreed with rebels",
         "evacuate"),
        # "was stolen", "were found": a participle after the nominal root
        ("Rare painting stolen from museum in broad daylight", "steal"),
        ("Ancient coins found by farmer in field", "find"),
    ],
)
def test_the_verb_of_a_headline_without_copula_is_its_event(
    nlp: Language, sentence: str, predicate: str
) -> None:
    assert _predicate(nlp, sentence) == predicate


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        # a full clause keeps its own verb
        ("The harbour master closed the pier after the storm.", "close"),
        # a participle inside a prepositional phrase modifies that noun
        ("Pictures of the pier taken by walkers.", "picture"),
        # an active infinitive is the noun's complement, not a headline's verb
        ("Plans to expand the harbour.", "plan"),
        # a clause with a finite verb ("will fail") has left no copula out,
        # however the parser attached it
        ("Any attempt to deny the farmers their rights will fail.", "attempt"),
    ],
)
def test_a_clause_with_its_own_verb_or_a_modifier_is_left_alone(
    nlp: Language, sentence: str, predicate: str
) -> None:
    assert _predicate(nlp, sentence) == predicate
