"""Denial as a speech act about a proposition, and reports called false, on
sentences written for these tests (none from the seeds or the evaluation
data). A verb of denial is a denial only when what it acts on is a
proposition: a clause, a gerund, an event or a noun that stands for
something said.

Slow: they need the spaCy parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _attribution(nlp: Language, sentence: str) -> tuple[str, str | None]:
    from checker.extract.certainty import analyse

    doc = nlp(sentence)
    (sent,) = doc.sents
    att = analyse(sent.root)
    return att.certainty, att.predicate


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        # "X denied that P": the chain goes on to P's verb
        ("The ministry denied that its troops had crossed the border.", "cross"),
        # "X denied P-ing"
        ("The mayor denied taking bribes from the builder.", "take"),
        # "X denied the report/allegation/claim/accusation/charges/rumours"
        ("The company denied the report.", "deny"),
        ("The spokesman denied the allegations against the senator.", "deny"),
        ("The striker denied the charges in court on Tuesday.", "deny"),
        ("The singer denied the rumours about her retirement.", "deny"),
        ("The airline denied any wrongdoing.", "deny"),
        # an event denied is a proposition denied
        ("Both governments have denied the troop deployment.", "deny"),
        # "dismissed the report as false"
        ("The minister dismissed the report as false.", "dismiss"),
        ("The owner dismissed the reports as nonsense.", "dismiss"),
        # "rejected claims that ..."
        ("Officials rejected claims that the dam had failed.", "reject"),
        ("The governor rejected suggestions that the levee had been neglected.", "reject"),
        ("The council rejected the argument that the bridge was unsafe.", "reject"),
        ("The senator rejected the accusations.", "reject"),
        # refute, debunk: no other sense
        ("Police debunked the rumour on Friday.", "debunk"),
        ("The claims were debunked by the fire brigade.", "debunk"),
        # a denial reported by someone else is still a denial
        ("Reporters said the club had denied the story.", "deny"),
    ],
)
def test_a_speech_act_about_a_proposition_is_a_denial(
    nlp: Language, sentence: str, predicate: str
) -> None:
    assert _attribution(nlp, sentence) == ("denied", predicate)


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        # ditransitive: a recipient and a thing withheld
        ("The committee denied her the prize.", "deny"),
        ("The council denied the developer a permit.", "deny"),
        ("The school denied the student entry.", "deny"),
        # passive of the same: the recipient as subject, the thing as object
        ("He was denied bail.", "deny"),
        # a request refused is no proposition denied
        ("The request was denied.", "deny"),
        ("The embassy denied his visa application.", "deny"),
        ("The ministry denied them access.", "deny"),
        # a person as object: the thing withheld was lost by the parser
        ("Any attempt to deny the farmers their rights will fail.", "attempt"),
        # rejecting a proposal is not denying a proposition
        ("Parliament rejected the amendment.", "reject"),
        ("The mayor rejected the offer.", "reject"),
        ("Voters rejected the plan to build a stadium.", "reject"),
        # a directive's content clause says what should be done, not what is
        # true: turning it down is refusing, not denying
        ("The party rejected appeals that it needs a new leader.", "reject"),
        ("The league rejected calls that the coach resign.", "reject"),
        ("The union rejected demands that its members return to work.", "reject"),
        ("The mayor rejected a request that the park be closed.", "reject"),
        # dismissing a person
        ("The club dismissed its coach on Monday.", "dismiss"),
        ("The board voted to dismiss the coach.", "vote"),
        # court acts
        ("The judge dismissed the lawsuit.", "dismiss"),
        ("The judge dismissed the charges against him.", "dismiss"),
        ("An appeals court rejected the appeal.", "reject"),
    ],
)
def test_withholding_refusing_or_removing_is_no_denial(
    nlp: Language, sentence: str, predicate: str
) -> None:
    assert _attribution(nlp, sentence) == ("asserted", predicate)


@pytest.mark.parametrize(
    "sentence",
    [
        "The story is a hoax.",
        "The photo turned out to be fake.",
        "The report is not true.",
        "The company said the video was fake.",
        "It was a hoax.",
        "The article was satire.",
    ],
)
def test_a_report_called_false_is_a_denial(nlp: Language, sentence: str) -> None:
    assert _attribution(nlp, sentence)[0] == "denied"


@pytest.mark.parametrize(
    "sentence",
    [
        # a report called true, or not called false
        "The report is true.",
        "The story is not a hoax.",
        "The video was genuine.",
        # falsity of something that is not a report
        "The alarm was false.",
        "The vase turned out to be fake.",
        # discussing a report commits to nothing either way
        "The report could not be verified.",
        "The story has been widely shared online.",
        # hedged or conditional
        "The video could be a hoax.",
        "It could help him even if the claim turns out not to be entirely true.",
    ],
)
def test_a_report_not_called_false_is_no_denial(nlp: Language, sentence: str) -> None:
    assert _attribution(nlp, sentence)[0] != "denied"


def test_a_negated_denial_is_negated_not_denied(nlp: Language) -> None:
    assert _attribution(nlp, "The company did not deny the report.")[0] == "negated"


@pytest.mark.xfail(strict=True, reason="the parser reads 'the villagers' as the only object")
def test_a_recipient_without_a_name_or_pronoun_is_missed(nlp: Language) -> None:
    assert _attribution(nlp, "The army denied the villagers their land.")[0] == "asserted"


@pytest.mark.parametrize(
    ("sentence", "predicate", "source"),
    [
        ("The mayor tweeted on Monday that the library would close in March.", "close",
         "The mayor"),
        ("The senator posted on Friday that she would run again.", "run", "The senator"),
    ],
)
def test_a_post_reports_speech_like_said(
    nlp: Language, sentence: str, predicate: str, source: str
) -> None:
    from checker.extract.certainty import analyse

    (sent,) = nlp(sentence).sents
    att = analyse(sent.root)
    assert (att.certainty, att.predicate, att.source) == ("asserted", predicate, source)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # active denial: the subject denies
        ("The ferry company denied reports that it had cancelled the crossings.",
         "The ferry company"),
        # passive denial: the agent denies, the passive subject is what is denied
        ("Reports that the ferry had cancelled its crossings were denied by the harbour master.",
         "the harbour master"),
        # passive denial without an agent: nobody named
        ("Rumours that the mill would close have been firmly denied.", None),
        # a report called false: the report is the content, not who speaks
        ("The baker's claims of a record loaf were described as a stunt and a hoax.", None),
        ("The story about the flooded stadium is a hoax.", None),
        # ... unless someone says so, who is the source
        ("The story about the flooded stadium is false, the club said.", "the club"),
    ],
)
def test_who_denies_is_the_source_and_what_is_denied_is_not(
    nlp: Language, sentence: str, source: str | None
) -> None:
    from checker.extract.certainty import analyse

    (sent,) = nlp(sentence).sents
    att = analyse(sent.root)
    assert att.certainty == "denied"
    assert att.source == source


def test_a_denied_report_keeps_its_content_in_the_claim_core() -> None:
    """The refuted report's words are what a denial is about: they stay in
    its core, so it can align with the claim it refutes."""
    from checker import extract, ingest, segment
    from checker import nlp as nlp_module
    from checker.compare.proposition import core
    from checker.config import Config

    texts = [
        "Reports that the ferry had cancelled its crossings were denied by the harbour master.",
        "The ferry had cancelled its crossings.",
    ]
    docs = [ingest.document_from_text(t, id=f"d{k}", outlet="o") for k, t in enumerate(texts)]
    language = nlp_module.load(Config().spacy_model)
    (denial,), (report,) = (extract.extract(p) for p in segment.parse(docs, language))
    assert denial.certainty == "denied"
    assert core(report) <= core(denial)
    assert not {"harbour", "master"} & core(denial)
