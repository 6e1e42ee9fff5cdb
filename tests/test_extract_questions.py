"""An embedded question left unanswered leaves its proposition open.

"Did not say whether P", "declined to comment on whether P", "did not
respond to questions about whether P", "it is unclear whether P": the
whether/if clause is a question, not an assertion, so P is neither stated
nor negated but unconfirmed. Asking, deciding or a concessive "whether or
not" leaves the claim as it was. Sentences written for these tests, on
made-up topics.

Slow: they need the spaCy parse."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from checker.compare.registry import PairContext
from checker.compare.verdict import compare_claims
from checker.model import Claim

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _analyse(nlp: Language, sentence: str) -> tuple[str, str | None, bool]:
    from checker.extract.certainty import analyse

    (sent,) = nlp(sentence).sents
    att = analyse(sent.root)
    return att.certainty, att.predicate, att.negated


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        # a negated verb of saying, answering, knowing or confirming
        ("The mill owner would not say whether the mill had closed.", "close"),
        ("The agency did not say if the vaccine had been approved.", "approve"),
        ("Police could not say if the van driver was drunk.", "be"),
        ("The minister did not answer whether the soldiers had crossed the river.", "cross"),
        ("She did not know whether her cousin had boarded the ferry.", "board"),
        ("The bank has not determined whether the loan was repaid.", "repay"),
        ("Nobody has said whether the quarry will reopen.", "reopen"),
        # refusing or failing to answer
        ("The mayor declined to say whether she would run again.", "run"),
        ("The rowing club refused to confirm whether the coach had resigned.", "resign"),
        ("The club refused to confirm or deny whether the striker had signed.", "sign"),
        ("The coach declined to comment on whether he would stay.", "stay"),
        # the question carried by a noun of asking or answering
        ("Senator Vale did not respond to questions about whether he repaid the loan.", "repay"),
        ("The firm did not immediately respond to a request for comment on whether it had "
         "sold the orchard.", "sell"),
        ("The treasurer failed to answer questions about whether the budget had been cut.", "cut"),
        ("The spokesman gave no details on whether the factory would close.", "close"),
        # not known, not clear
        ("It was not known whether anyone was hurt in the fire.", "hurt"),
        ("It is unclear whether the dam was damaged.", "damage"),
        ("It was not immediately clear whether anyone had been arrested.", "arrest"),
        ("It is not clear if the coast road has reopened.", "reopen"),
        ("It remains unclear whether the trawler sank.", "sink"),
        ("Rangers were unsure whether the footbridge would hold.", "hold"),
        ("Whether the ferry capsized is unknown.", "capsize"),
        ("The question of whether the tariff applies remains unanswered.", "apply"),
        # reported by someone else, still open
        ("The minister said it was unclear whether the convoy had left.", "leave"),
        # two polar questions, each left open
        ("A spokeswoman for the senator did not respond to questions about whether he had "
         "kept that pledge or whether he would do so after leaving office.", "keep"),
        ("The spokesman did not say whether the talks had failed or not.", "fail"),
    ],
)
def test_an_unanswered_question_leaves_its_proposition_unconfirmed(
    nlp: Language, sentence: str, predicate: str
) -> None:
    assert _analyse(nlp, sentence) == ("unconfirmed", predicate, False)


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        ("The spokesman did not say whether or not the talks had failed.", "fail"),
        ("I don't know if his aides didn't warn him or not.", "warn"),
    ],
)
def test_a_polar_question_negates_nothing_whatever_its_polarity(
    nlp: Language, sentence: str, predicate: str
) -> None:
    assert _analyse(nlp, sentence) == ("unconfirmed", predicate, False)


def test_an_open_question_about_a_belief_leaves_the_belief_open(nlp: Language) -> None:
    # not that the mayor broke the rules: only what the board believes
    sentence = "The spokesman would not say whether the board believes the mayor broke the rules."
    assert _analyse(nlp, sentence) == ("unconfirmed", "believe", False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # asking is not denying, and the asker is not who could answer
        ("She asked whether the footbridge was safe.", ("asserted", "ask", False)),
        ("Reporters asked questions about whether the mayor had resigned.",
         ("asserted", "ask", False)),
        # answered, not left open
        ("Senator Vale answered questions about whether he repaid the loan.",
         ("asserted", "answer", False)),
        # a decision to come is about a future act, not what is known now
        ("The court will decide whether the tariff applies.", ("asserted", "decide", False)),
        # a concessive "whether or not" is an adjunct of what is said
        ("He said whether or not it rains the regatta goes ahead.", ("asserted", "go", False)),
        # a conditional "if" is no question
        ("Police would not comment if the case went to trial.", ("negated", "comment", True)),
        # a wh-question presupposes its proposition; only yes/no questions leave it open
        ("It is unclear why the trawler sank.", ("asserted", "be", False)),
        # an alternative question asks which, and presupposes one holds
        ("It was unclear whether the warrants would cover the ledgers or the phones, or both.",
         ("asserted", "be", False)),
        ("The mayor would not say whether she would sell the stadium or keep it.",
         ("negated", "say", True)),
        ("The club declined to say whether the coach or the captain had been fined.",
         ("asserted", "decline", False)),
        # a that-clause is said or not said, not asked; not said, it lacks
        # the speaker's word and is not denied
        ("He did not say that the mill had closed.", ("unconfirmed", "close", False)),
        ("It is clear that the dam was damaged.", ("asserted", "damage", False)),
    ],
)
def test_a_question_asked_decided_or_conceded_is_not_left_open(
    nlp: Language, sentence: str, expected: tuple[str, str, bool]
) -> None:
    assert _analyse(nlp, sentence) == expected


def test_a_relative_clause_that_leaves_a_question_open_is_its_own_claim(
    nlp: Language,
) -> None:
    from checker.extract.certainty import clause_cue

    doc = nlp("The senator, who declined to say whether he repaid the loan, resigned on Monday.")
    relative = next(t for t in doc if t.dep_ == "relcl")
    assert clause_cue(relative) == "unconfirmed"


# ------------------------------------------------------------ compared

EARLY, LATE = dt.date(2026, 3, 2), dt.date(2026, 3, 12)


def _claim(nlp: Language, sentence: str, doc: str) -> Claim:
    from checker.extract.certainty import analyse

    (sent,) = nlp(sentence).sents
    att = analyse(sent.root)
    return Claim(id=f"{doc}:0", doc=doc, sentence=0, start=0, end=len(sentence),
                 text=sentence, certainty=att.certainty, predicate=att.predicate,
                 negated=att.negated, source=att.source)


def _verdict(a: Claim, b: Claim, pa: dt.date, pb: dt.date) -> str:
    ctx = PairContext(published_a=pa, published_b=pb, similarity=0.8, match=0.8)
    return compare_claims(a, b, ctx).verdict


@pytest.mark.parametrize(
    "open_",
    [
        "Senator Vale did not respond to questions about whether he had repaid the loan",
        "Senator Vale declined to say whether he had repaid the loan",
    ],
)
def test_an_assertion_against_an_open_question_is_disputed_or_an_update(
    nlp: Language, open_: str
) -> None:
    a = _claim(nlp, open_, "d1")
    b = _claim(nlp, "Senator Vale repaid the loan in March", "d2")
    assert _verdict(a, b, EARLY, EARLY) == "disputed"
    # confirmed in a later report: the news moved on
    assert _verdict(a, b, EARLY, LATE) == "update"
    # never the negation of the assertion
    assert _verdict(a, b, LATE, EARLY) == "disputed"


def test_asking_against_a_statement_is_no_dispute(nlp: Language) -> None:
    a = _claim(nlp, "She asked whether the footbridge over the weir was safe", "d1")
    b = _claim(nlp, "The footbridge over the weir was not safe", "d2")
    assert _verdict(a, b, EARLY, EARLY) not in ("conflict", "disputed")


def test_an_open_question_is_no_negation_of_the_fact(nlp: Language) -> None:
    # before: "would not say" passed its negation on to the mill closing
    a = _claim(nlp, "The mill owner would not say whether the mill had closed", "d1")
    b = _claim(nlp, "The mill owner closed the mill", "d2")
    assert a.certainty == "unconfirmed" and not a.negated
    assert _verdict(a, b, EARLY, EARLY) == "disputed"


@pytest.mark.parametrize(
    ("open_", "statement"),
    [
        # another subject: someone, not the boy
        ("Detectives say it is not clear if the boy was the intended target",
         "Detectives say someone at the park was the intended target"),
        # another act, roles swapped: he fired / they shot him
        ("It remains unknown if Ruiz fired several times while fleeing into the bakery",
         "Deputies shot Ruiz and led the baker out to safety"),
    ],
)
def test_an_open_question_is_not_disputed_by_another_act_or_subject(
    nlp: Language, open_: str, statement: str
) -> None:
    a, b = _claim(nlp, open_, "d1"), _claim(nlp, statement, "d2")
    assert a.certainty == "unconfirmed"
    assert _verdict(a, b, EARLY, EARLY) not in ("conflict", "disputed", "update")
