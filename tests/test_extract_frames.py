"""An expletive "it" standing for a that-clause ("it emerged that P"): the
clause, with its own cues, is what the sentence says; a copula's frame ("it
is unlikely that P") is left as it was. Sentences written for these tests.

Slow: they need the spaCy parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from checker.extract.certainty import Attribution

pytestmark = pytest.mark.slow


def _read(nlp: Language, sentence: str) -> Attribution:
    """What the extractor reads in ``sentence``, one sentence."""
    from checker.extract.certainty import analyse

    (sent,) = nlp(sentence).sents
    return analyse(sent.root)


def _attribution(nlp: Language, sentence: str) -> tuple[str, str | None]:
    att = _read(nlp, sentence)
    return att.certainty, att.predicate


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It emerged on Friday that the ferry had sunk.", ("asserted", "sink")),
        # the clause's own hearsay cue counts
        ("It has been brought to the attention of the league that the striker has been "
         "rumored to have signed a contract.", ("reported", "sign")),
        ("It came to light that the mayor is rumored to have sold the land.",
         ("reported", "sell")),
    ],
)
def test_the_clause_an_expletive_it_stands_for_is_the_claim(
    nlp: Language, sentence: str, expected: tuple[str, str]
) -> None:
    assert _attribution(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a copula's frame says how sure its that-clause is
        ("It is unlikely that the ferry sank.", ("possible", "sink")),
        ("It is possible that the plane was shot down.", ("possible", "shoot")),
        ("It seems likely that the ferry sank.", ("possible", "sink")),
        ("It is clear that the ferry sank.", ("asserted", "sink")),
        ("It is true that the ferry sank.", ("asserted", "sink")),
        # no that-clause, or a referring subject: the copula stays
        ("It was possible for the crew to leave.", ("asserted", "be")),
        ("The plan is possible.", ("asserted", "be")),
    ],
)
def test_a_copula_frame_says_how_sure_its_clause_is(
    nlp: Language, sentence: str, expected: tuple[str, str]
) -> None:
    assert _attribution(nlp, sentence) == expected


def test_a_referring_it_keeps_its_own_verb(nlp: Language) -> None:
    """"It" that stands for the agency ("it feared that P") is no expletive."""
    assert _attribution(nlp, "It feared that prices would fall.")[1] == "fear"


def test_a_negated_frame_is_not_passed_over(nlp: Language) -> None:
    assert _attribution(nlp, "It was not reported that the ferry sank.")[0] == "negated"


@pytest.mark.parametrize(
    "sentence",
    [
        "The striker is said to have signed a contract.",
        "The minister was reported to have resigned.",
        "Two hikers were reported killed in the avalanche.",
    ],
)
def test_a_passive_report_without_an_agent_is_hearsay_about_its_subject(
    nlp: Language, sentence: str
) -> None:
    """"X is said to have P": X is what is talked about, not who talks."""
    att = _read(nlp, sentence)
    assert att.certainty == "reported"
    assert att.source is None


def test_an_active_report_keeps_its_speaker(nlp: Language) -> None:
    att = _read(nlp, "The striker said he had signed a contract.")
    assert (att.certainty, att.source) == ("asserted", "The striker")


@pytest.mark.parametrize(
    ("sentence", "certainty", "predicate"),
    [
        # a fronted adverbial clause the parser hangs on the verb as a second
        # complement: what was acknowledged is the clause after the verb
        ("While the agency maintains there is no evidence that anyone crossed the border, "
         "the minister acknowledged last week that four men were stopped at the border.",
         "asserted", "stop"),
        # a fronted complement is the only one: it stays the claim
        ("The army has withdrawn from the town, the minister said.", "asserted", "withdraw"),
    ],
)  # fmt: skip
def test_a_complement_stands_after_its_verb(
    nlp: Language, sentence: str, certainty: str, predicate: str
) -> None:
    assert _attribution(nlp, sentence) == (certainty, predicate)


@pytest.mark.parametrize(
    ("sentence", "certainty", "predicate"),
    [
        # a "not" that focuses "just" or "only" negates no verb
        ("The song wasn't just a catchy hit.", "asserted", "be"),
        ("The ferry did not only carry cars.", "asserted", "carry"),
        ("The song was not a hit.", "negated", "be"),
    ],
)  # fmt: skip
def test_a_focusing_not_negates_no_verb(
    nlp: Language, sentence: str, certainty: str, predicate: str
) -> None:
    assert _attribution(nlp, sentence) == (certainty, predicate)


@pytest.mark.parametrize(
    ("sentence", "certainty", "source"),
    [
        # who believes, suspects or estimates P holds the hedged P
        ("Police believe the gunman fled on foot.", "possible", "Police"),
        ("Officials estimate that 300 homes were flooded.", "possible", "Officials"),
        ("The blast was not a meteorite, the agency suggested.", "negated", "the agency"),
        # a raising verb's subject is what P is about; a report, hearsay; "I" no source
        ("The gunman seems to have fled on foot.", "possible", None),
        ("The woman believed to have fired the shots had two children.", "possible", None),
        ("Reports suggest the gunman fled on foot.", "reported", None),
        ("I think the gunman fled on foot.", "possible", None),
    ],
)
def test_the_holder_of_a_belief_is_its_source(
    nlp: Language, sentence: str, certainty: str, source: str | None
) -> None:
    att = _read(nlp, sentence)
    assert (att.certainty, att.source) == (certainty, source)


@pytest.mark.parametrize(
    ("sentence", "predicate", "source"),
    [
        # the parser hangs the that-clause on "the time"; a verb of saying
        # wants what was said
        ("Local outlets claimed at the time that the virus had spread.", "spread",
         "Local outlets"),
        # a verb that says nothing keeps its time's relative clause
        ("He lived in the house at the time that the fire started.", "live", None),
    ],
)
def test_a_that_clause_after_a_time_is_what_a_verb_of_saying_says(
    nlp: Language, sentence: str, predicate: str, source: str | None
) -> None:
    att = _read(nlp, sentence)
    assert (att.predicate, att.source) == (predicate, source)
