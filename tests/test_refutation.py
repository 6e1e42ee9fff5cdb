"""refutation.v1: a sentence that refutes another article's claim without
restating it ("the story is a hoax") disputes that claim. Sentences written
for these tests; vectors made by hand, so no model is loaded (the last
tests run the real pipeline and are slow)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import pytest

from checker.compare.refutation import refutations, refuted_content
from checker.events import Events
from checker.model import Certainty, Claim, Document, Mention


def _doc(id: str, text: str = "x") -> Document:
    return Document(id, f"{id}.txt", text, hashlib.sha256(text.encode()).hexdigest())


def _claim(doc: str, k: int, text: str, certainty: Certainty = "asserted",
           predicate: str | None = None, negated: bool = False) -> Claim:
    return Claim(id=f"{doc}:{k}", doc=doc, sentence=k, start=0, end=len(text), text=text,
                 certainty=certainty, predicate=predicate, negated=negated)


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


TOPIC = _unit(1, 0, 0, 0)  # a bear in the library
NEAR = _unit(0.9, 0.3, 0, 0)  # a restatement of it (cosine 0.95)
OTHER = _unit(0, 0, 1, 0)  # something else
REFUTER = _unit(0.3, 0, 0, 1)  # "the video is a hoax": names the report only (cosine 0.29)

BOTH = Events(cluster=(0, 0), allowed=np.array([[False, True], [True, False]]), source=(0, 1))
APART = Events(cluster=(0, 1), allowed=np.zeros((2, 2), dtype=bool), source=(0, 1))


def _batch(
    headline: Certainty = "asserted",
    refuter: Certainty = "denied",
    before: np.ndarray = NEAR,
    negated: bool = False,
) -> tuple[list[Document], list[Claim], np.ndarray]:
    docs = [_doc("h"), _doc("b")]
    claims = [
        _claim("h", 0, "A bear walked into the city library", headline, "walk", negated),
        _claim("b", 0, "A video of a bear in the library was shared online", "asserted", "share"),
        _claim("b", 1, "The video is a hoax", refuter, "be"),
    ]
    return docs, claims, np.vstack([TOPIC, before, REFUTER])


def test_a_refuter_that_names_the_report_disputes_the_claim_before_it() -> None:
    docs, claims, vectors = _batch()
    (found,) = refutations(docs, claims, vectors, BOTH)
    assert (found.target, found.denier) == (0, 2)
    assert found.comparison.verdict == "disputed"
    assert found.comparison.comparator == "refutation.v1"
    assert "The video is a hoax" in found.comparison.rationale


def test_a_refuter_that_states_the_content_needs_no_context() -> None:
    docs, claims, vectors = _batch(before=OTHER)
    vectors[2] = NEAR  # "the bear never entered the library, the city denied"
    (found,) = refutations(docs, claims, vectors, BOTH)
    assert (found.target, found.denier) == (0, 2)


@pytest.mark.parametrize(
    ("headline", "refuter", "negated"),
    [
        ("asserted", "asserted", False),  # the body confirms or discusses
        ("asserted", "reported", False),  # "reportedly"
        ("asserted", "unconfirmed", False),  # "could not be verified": unconfirmed at most
        ("possible", "denied", False),  # the headline only says it could be
        ("asserted", "denied", True),  # the headline negates it already
    ],
)
def test_no_refutation_without_an_assertion_and_a_denial(
    headline: Certainty, refuter: Certainty, negated: bool
) -> None:
    docs, claims, vectors = _batch(headline, refuter, negated=negated)
    assert refutations(docs, claims, vectors, BOTH) == []


def test_a_headline_relaying_hearsay_is_disputed_by_a_denial() -> None:
    # "The bear reportedly entered the library" against "the video is a
    # hoax": a relay and a denial differ in commitment, as two claims do
    docs, claims, vectors = _batch("reported", "denied")
    (found,) = refutations(docs, claims, vectors, BOTH)
    assert (found.target, found.denier) == (0, 2)


def test_a_refuter_about_something_else_disputes_nothing() -> None:
    docs, claims, vectors = _batch(before=OTHER)
    assert refutations(docs, claims, vectors, BOTH) == []


def test_documents_of_different_stories_are_never_joined() -> None:
    docs, claims, vectors = _batch()
    assert refutations(docs, claims, vectors, APART) == []


def test_pairs_already_compared_are_left_to_the_comparators() -> None:
    docs, claims, vectors = _batch()
    assert refutations(docs, claims, vectors, BOTH, skip=frozenset({(0, 2)})) == []


# ------------------------------------------------------------ end to end (slow)

HEADLINE = "A black bear wandered into the Millbrook public library on Monday."
HOAX = (
    "A video that shows a black bear wandering into the Millbrook public library has been "
    "shared thousands of times this week. The video is a hoax, the library's director said. "
    "The footage was filmed at a zoo in another country years ago."
)
CONFIRMS = (
    "A black bear wandered into the Millbrook public library on Monday morning. "
    "Staff led readers out through a side door, the library's director said. "
    "Wildlife officers guided the bear back into the woods an hour later."
)
DISCUSSES = (
    "A video that reportedly shows a black bear wandering into the Millbrook public library "
    "has been shared thousands of times this week. The library's director said she had "
    "not seen the video. Wildlife officers said they were looking into the reports."
)


def _flags(body: str, headline: str = HEADLINE) -> list[tuple[str, str]]:
    from checker import ingest, pipeline
    from checker.config import Config

    docs = [
        ingest.document_from_text(headline, id="headline", outlet="Outlet A"),
        ingest.document_from_text(body, id="body", outlet="Outlet B"),
    ]
    findings = pipeline.analyse(docs, Config()).report.findings
    return [(f.verdict, f.comparator) for f in findings
            if f.verdict in ("conflict", "disputed") and set(f.docs) == {"headline", "body"}]


@pytest.mark.slow
def test_a_body_calling_the_headline_a_hoax_disputes_it() -> None:
    assert ("disputed", "refutation.v1") in _flags(HOAX)


#: The story retold in other words than the headline's: no sentence of it
#: states the headline's proposition word for word.
RETOLD = (
    "A video of a black bear roaming between the shelves of a public library spread "
    "quickly online this week. {} The footage was filmed at a wildlife park years ago."
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "refuter", ["The story is a hoax, the town's librarian said.", "But it is not true."],
    ids=["sourced", "own-voice"],
)
def test_a_body_calling_its_own_story_false_disputes_a_headline_of_that_story(
    refuter: str,
) -> None:
    assert ("disputed", "refutation.v1") in _flags(RETOLD.format(refuter))


@pytest.mark.slow
def test_a_falsity_in_a_second_verb_phrase_is_stated_whatever_hedges_the_first() -> None:
    # "may" hedges "have drawn clicks", not "is totally inaccurate"
    refuter = "The report may have drawn a lot of clicks but is totally inaccurate."
    assert ("disputed", "refutation.v1") in _flags(RETOLD.format(refuter))
    hedged = "The report may have drawn a lot of clicks but may be inaccurate."
    assert not [f for f in _flags(RETOLD.format(hedged)) if f[1] == "refutation.v1"]


@pytest.mark.slow
def test_a_body_calling_its_own_story_false_disputes_a_headline_relaying_it() -> None:
    headline = "A black bear reportedly wandered into the Millbrook public library on Monday."
    assert ("disputed", "refutation.v1") in _flags(RETOLD.format("But it is not true."), headline)


@pytest.mark.slow
def test_a_body_denying_a_report_of_something_else_disputes_nothing() -> None:
    # the denial states its own content ("reports that P"): that content,
    # not the story the article tells, is what it refutes
    body = RETOLD.format("The librarian denied reports that the animal had bitten a reader.")
    assert not [f for f in _flags(body) if f[1] == "refutation.v1"]


@pytest.mark.slow
def test_a_body_calling_a_paraphrase_of_the_headline_false_disputes_it() -> None:
    # "cut off customers who use X" / "deny service to users of X": few
    # words shared; what the body calls false, read alone, restates it
    body = ("Reports that Brightline will deny internet service to users of the Onion Router "
            "are false, the company says in a blog post. The provider said it does not track "
            "which browser its customers use.")
    headline = "Brightline is threatening to cut off customers who use the Onion Router"
    assert ("disputed", "refutation.v1") in _flags(body, headline)


@pytest.mark.slow
@pytest.mark.parametrize("body", [CONFIRMS, DISCUSSES], ids=["confirms", "discusses"])
def test_a_body_that_confirms_or_discusses_is_no_refutation(body: str) -> None:
    assert not [f for f in _flags(body) if f[1] == "refutation.v1"]


def test_an_article_that_refutes_the_story_too_only_tells_the_hoax() -> None:
    docs, claims, vectors = _batch()
    claims.append(_claim("h", 1, "The clip turned out to be fake", "denied", "be"))
    vectors = np.vstack([vectors, REFUTER])
    assert refutations(docs, claims, vectors, BOTH) == []


@pytest.mark.parametrize(
    "text",
    [
        "Readers share a hoax video of a bear in the library",
        # a headline the parser reads as asserted ("Reports P are incorrect")
        "Reports a bear walked into the library are 'incorrect', says the city",
        "Misleading posts put a bear in the city library",
    ],
)
def test_a_claim_that_calls_the_story_false_itself_is_no_target(text: str) -> None:
    docs, claims, vectors = _batch()
    claims[0] = _claim("h", 0, text, "asserted", "share")
    assert refutations(docs, claims, vectors, BOTH) == []


def test_denied_accusations_are_matched_by_their_own_words_only() -> None:
    # "denied these accusations" refers to what someone alleged, not to the
    # story the article's lead tells
    docs, claims, vectors = _batch()
    claims[2] = _claim("b", 1, "The company has denied these accusations", "denied", "deny")
    assert refutations(docs, claims, vectors, BOTH) == []
    claims[2] = _claim("b", 1, "The company has denied the report", "denied", "deny")
    assert len(refutations(docs, claims, vectors, BOTH)) == 1


def _never_aligned(a: Claim, b: Claim, similarity: float) -> bool:
    return False  # the body retells the story in other words than the headline's


@pytest.mark.parametrize(
    "text", ["The video is a hoax", "The library debunked that rumour last year",
             "The library director denied the report"],
)
def test_a_refuter_naming_only_the_report_refutes_the_story_its_article_tells(
    text: str,
) -> None:
    for before, found in ((NEAR, [(0, 2)]), (OTHER, [])):
        # with OTHER its article tells another story: nothing before it reads
        # like the headline
        docs, claims, vectors = _batch(before=before)
        claims[2] = _claim("b", 1, text, "denied", "be")
        refuted = refutations(docs, claims, vectors, BOTH, aligned=_never_aligned)
        assert [(r.target, r.denier) for r in refuted] == found


@pytest.mark.parametrize(("certainty", "found"), [("asserted", [(0, 7)]), ("negated", [])])
def test_a_refuter_naming_only_the_report_refutes_the_story_told_earlier_in_its_article(
    certainty: Certainty, found: list[tuple[int, int]]
) -> None:
    # the article tells the story in its middle, neither in its lead nor
    # just before it calls the story a hoax; a sentence that negates it
    # tells no story
    docs = [_doc("h"), _doc("b")]
    claims = [
        _claim("h", 0, "A bear walked into the city library", "asserted", "walk"),
        _claim("b", 0, "The library opened in 1911", "asserted", "open"),
        _claim("b", 1, "It holds 40,000 books", "asserted", "hold"),
        _claim("b", 2, "A bear was filmed among the shelves, a post said", certainty, "film"),
        _claim("b", 3, "The post was shared widely", "asserted", "share"),
        _claim("b", 4, "Librarians were puzzled", "asserted", "puzzle"),
        _claim("b", 5, "Readers asked about it", "asserted", "ask"),
        _claim("b", 6, "The video is a hoax", "denied", "be"),
    ]
    vectors = np.vstack([TOPIC, OTHER, OTHER, NEAR, OTHER, OTHER, OTHER, REFUTER])
    refuted = refutations(docs, claims, vectors, BOTH, aligned=_never_aligned)
    assert [(r.target, r.denier) for r in refuted] == found


def test_what_a_refuter_refers_back_to_was_told_before_it() -> None:
    # "It was all a hoax", then the evidence: the article tells, after the
    # refuter, what the short article says (the agent's photo proving the
    # story false); "it" does not point forward to that
    docs = [_doc("h"), _doc("b")]
    claims = [
        _claim("h", 0, "His agent posted a photo of the singer holding today's paper",
               "asserted", "post"),
        _claim("b", 0, "The singer's fans mourned online on Sunday", "asserted", "mourn"),
        _claim("b", 1, "Tributes poured in", "asserted", "pour"),
        _claim("b", 2, "They came from many countries", "asserted", "come"),
        _claim("b", 3, "It was all a hoax", "denied", "be"),
        _claim("b", 4, "Fans were relieved", "asserted", "relieve"),
        _claim("b", 5, "His agent posted a photo of him holding today's paper", "asserted",
               "post"),
    ]
    vectors = np.vstack([TOPIC, OTHER, OTHER, OTHER, REFUTER, OTHER, NEAR])
    assert refutations(docs, claims, vectors, BOTH, aligned=_never_aligned) == []


@pytest.mark.parametrize(
    "text",
    [
        "The company denied reports that the bear had bitten a reader",
        "The claim of a bear in the reading room is false",
        "The ministry dismissed claims by the city council that a bear had come in",
        "The director denied having seen the video",
        "The director denied that the video showed the library",
    ],
)
def test_a_refuter_stating_its_own_content_must_state_the_headlines(text: str) -> None:
    docs, claims, vectors = _batch()
    claims[2] = _claim("b", 1, text, "denied", "deny")
    assert refutations(docs, claims, vectors, BOTH, aligned=_never_aligned) == []
    assert len(refutations(docs, claims, vectors, BOTH)) == 1  # aligned when not asked


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Reports that the firm will close its plant in May are false, the company says "
         "in a statement.", "the firm will close its plant in May"),
        ("A shaky clip of a seal crossing the ring road is likely nothing more than an "
         "online hoax.", "a seal crossing the ring road"),
        ("The coach's claims of meeting the king when he was young are being described as "
         "a hoax.", "The coach's claims of meeting the king when he was young"),
        ("The rebel leader has denied agreeing to any truce with the army.",
         "agreeing to any truce with the army"),
        ("The embassy denied reports on local news sites that it plans to open a cafe.",
         "it plans to open a cafe"),
        ("The firm dismissed claims by the union that it had cut wages.", "it had cut wages"),
        ("His agent denied that the man in the photo was the singer.",
         "the man in the photo was the singer"),
        # only a report named, or no proposition: nothing stated
        ("The story is a hoax.", None),
        ("A regional paper debunked the racy story.", None),
        ("The claim is entirely false.", None),
        ("The council rejected the amendment.", None),
        ("It was a prank.", None),
    ],
)
def test_what_a_refuter_refutes_is_the_content_it_states(text: str, content: str | None) -> None:
    assert refuted_content(text) == content


def _encoding(vector: np.ndarray) -> Callable[[Sequence[str]], np.ndarray]:
    """An embedder that gives every text ``vector``: the refuted content's."""
    return lambda texts: np.vstack([vector] * len(texts))


def test_a_refuters_content_is_compared_apart_from_its_words_of_refuting() -> None:
    # "Reports that a bear walked into the library are false": the sentence
    # vector carries the words of refuting; its content alone restates the
    # headline
    docs, claims, vectors = _batch(before=OTHER)
    claims[2] = _claim("b", 1, "Reports that a bear walked into the library are false",
                       "denied", "be")
    assert refutations(docs, claims, vectors, BOTH) == []
    (found,) = refutations(docs, claims, vectors, BOTH, encode=_encoding(NEAR))
    assert (found.target, found.denier) == (0, 2)


def _named(claim: Claim, name: str) -> Claim:
    k = claim.text.index(name)
    return replace(claim, mentions=(Mention(k, k + len(name), name, "ORG", name.lower()),))


def test_a_close_paraphrase_of_the_same_partys_act_is_one_proposition() -> None:
    # "Acme threatens to cut off customers who use the app" against "reports
    # that Acme will deny service to users of the app are false": few words
    # shared, the content alone as close as a restatement, one party named
    docs, claims, vectors = _batch(before=OTHER)
    claims[0] = _named(_claim("h", 0, "Acme threatens to cut off customers who use the app",
                              "asserted", "threaten"), "Acme")
    claims[2] = _named(_claim("b", 1, "Reports that Acme will deny service to users of the "
                              "app are false", "denied", "be"), "Acme")
    close = _unit(0.8, 0, 0.6, 0)  # cosine 0.8 with the headline
    found = refutations(docs, claims, vectors, BOTH, aligned=_never_aligned, encode=_encoding(close))
    assert [(r.target, r.denier) for r in found] == [(0, 2)]
    topical = _unit(0.7, 0, 0.71, 0)  # cosine 0.70: the same topic, not a restatement
    assert refutations(docs, claims, vectors, BOTH, aligned=_never_aligned,
                       encode=_encoding(topical)) == []
    # without a party named on both sides, closeness is no paraphrase
    claims[2] = replace(claims[2], mentions=())
    assert refutations(docs, claims, vectors, BOTH, aligned=_never_aligned,
                       encode=_encoding(close)) == []
