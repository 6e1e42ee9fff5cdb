"""Truecasing of title-case and all-caps sentences: which sentences are read
again, which words keep capitals, and that offsets and running text are left
as they were. The first tests need no model; the rest load spaCy."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import truecase
from checker.extract import extract
from checker.ingest import document_from_text
from checker.segment import ParsedDocument, parse
from checker.truecase import Evidence, Lexicon, evidence, mode, modes, truecase_words

if TYPE_CHECKING:
    from spacy.language import Language

STOP = frozenset("a an the of at in on for to will he she it and".split())
LEX = Lexicon(
    stop=STOP,
    index={
        "noun": frozenset("mayor report resignation bakery town baker".split()),
        "verb": frozenset("deny open report bake".split()),
        "adj": frozenset("new".split()),
        "adv": frozenset("reportedly".split()),
    },
    exceptions={"verb": frozenset({"came"})},
    rules={"verb": (("ies", "y"), ("s", ""), ("ed", "")), "noun": (("s", ""),)},
)
NO_EVIDENCE = Evidence(Counter(), Counter(), Counter())


def cased(words: list[str], how: truecase.Mode, ev: Evidence = NO_EVIDENCE,
          names: list[bool] | None = None) -> list[str]:
    return truecase_words(
        words, modes=[how] * len(words), names=names or [False] * len(words), first=0,
        digits=[False] * len(words), evidence=ev, lexicon=LEX,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Denies Report Of Resignation", "title"),
        ("Mayor Denies Report of Resignation at the Town Hall", "title"),
        ("MAYOR DENIES REPORT OF RESIGNATION", "caps"),
        # must not fire: running text, a sentence-case headline, a short name list
        ("The mayor denied the report on Monday", "mixed"),
        ("Mayor denies report of resignation", "mixed"),
        ("The FBI and the CIA met in Washington", "mixed"),
        ("Ann Lee", "mixed"),
    ],
)
def test_mode(text: str, expected: str) -> None:
    assert mode(text.split(), STOP) == expected


def test_a_stretch_of_capitals_in_running_text_is_read_as_capitals() -> None:
    words = "MAYOR DENIES NEW REPORT , aides said".split()
    assert modes(words, LEX) == ["caps"] * 4 + ["mixed"] * 3
    assert modes("The FBI and NATO met".split(), LEX) == ["mixed"] * 5
    # a dateline hides no verb: left as written
    assert modes("NEW TOWN , OK - Officials said".split(), LEX) == ["mixed"] * 7


def test_title_case_reads_verbs_and_common_nouns_in_lower_case() -> None:
    words = "Mayor Denies Report Of Resignation".split()
    assert cased(words, "title") == "Mayor denies report of resignation".split()


def test_all_caps_keeps_an_unknown_short_word_as_an_acronym() -> None:
    words = "MAYOR DENIES NTSB REPORT".split()
    assert cased(words, "caps") == "Mayor denies NTSB report".split()


def test_acronym_in_a_title_case_sentence_is_left_alone() -> None:
    words = "Mayor Denies NTSB Report".split()
    assert cased(words, "title")[2] == "NTSB"


def test_unknown_word_and_recognised_name_keep_capitals() -> None:
    words = "Mayor Okonkwo Denies Report".split()
    assert cased(words, "title") == "Mayor Okonkwo denies report".split()
    words = "Baker Denies Report".split()
    # the first word keeps its capital in any case; a name elsewhere too
    assert cased(["Town", *words], "title", names=[False, True, False, False]) == [
        "Town", "Baker", "denies", "report"
    ]


def test_the_documents_own_usage_decides_over_the_word_lists() -> None:
    ev = evidence("The shop belongs to Rose Baker, who said Baker bread sells well.")
    assert ev.case("baker") == "name"
    words = "Town Baker Opens New Bakery".split()
    assert cased(words, "title", ev) == "Town Baker opens new bakery".split()
    assert cased(words, "title")[1] == "baker"


def test_running_text_reads_only_a_shouted_predicate() -> None:
    words = "The mayor DENIES the NTSB report".split()
    assert cased(words, "mixed") == "The mayor denies the NTSB report".split()
    # an acronym the document writes in capitals elsewhere is kept
    ev = evidence("Officials of the DENIES project spoke. They thanked the DENIES team.")
    assert cased(words, "mixed", ev)[2] == "DENIES"


def test_evidence_skips_sentence_starts_and_shouting_lines() -> None:
    ev = evidence("Report Says Baker Quits\nReport writers met. The report named Baker.")
    assert ev.capitalised["report"] == 0  # a headline line and a sentence start
    assert ev.lower["report"] == 1
    assert ev.capitalised["baker"] == 1


def test_evidence_counts_a_lone_acronym_not_a_stretch_of_capitals() -> None:
    ev = evidence("Staff at NASA said CITY COUNCIL APPROVES BUDGET was the banner.")
    assert ev.upper["nasa"] == 1
    assert ev.upper["council"] == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.from_regex(r"[A-Za-z]{1,8}|[0-9]{1,3}|[.,'-]", fullmatch=True),
                min_size=1, max_size=12),
       st.sampled_from(["title", "caps", "mixed"]))
def test_only_case_changes(words: list[str], how: truecase.Mode) -> None:
    out = cased(words, how)
    assert [w.lower() for w in out] == [w.lower() for w in words]
    assert [len(w) for w in out] == [len(w) for w in words]


# ---------------------------------------------------------------- with spaCy


def _parsed(text: str, nlp: Language) -> ParsedDocument:
    (parsed,) = parse([document_from_text(text, id="d")], nlp)
    return parsed


def _signature(text: str, nlp: Language) -> list[tuple[str | None, bool, str]]:
    return [(c.predicate, c.negated, c.certainty) for c in extract(_parsed(text, nlp))]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("shouted", "running"),
    [
        ("Mayor Denies Report Of Resignation", "Mayor denies report of resignation"),
        ("MAYOR DENIES REPORT OF RESIGNATION", "Mayor denies report of resignation"),
        ("Retired Teacher Wins Regional Chess Title At 90",
         "Retired teacher wins regional chess title at 90"),
        ("Flood Waters Forced Hundreds From Their Homes",
         "Flood waters forced hundreds from their homes"),
        ("The mayor DENIES the report of his resignation.",
         "The mayor denies the report of his resignation."),
    ],
)
def test_shouted_sentence_gives_the_claims_of_running_text(
    shouted: str, running: str, nlp: Language
) -> None:
    want = _signature(running, nlp)
    assert want  # the running-text version states something
    assert _signature(shouted, nlp) == want


@pytest.mark.slow
def test_claim_text_and_offsets_are_the_originals(nlp: Language) -> None:
    text = (
        "The council met on Monday.\n\n"
        "CITY COUNCIL APPROVES NEW BUDGET AFTER LONG DEBATE, officials said on Tuesday."
    )
    parsed = _parsed(text, nlp)
    claim = extract(parsed)[-1]
    assert claim.text == text.splitlines()[-1]
    assert text[claim.start : claim.end] == claim.text
    assert claim.predicate == "approve"
    for ps in parsed.sentences:
        for tok in ps.span:
            assert text[tok.idx + ps.offset : tok.idx + ps.offset + len(tok)] == tok.text


@pytest.mark.slow
def test_names_keep_capitals_from_the_body(nlp: Language) -> None:
    # a title line at the top is the article's title (boilerplate): this one is body
    text = (
        "The new shop is run by Rose Baker, and locals say Baker has waited years. "
        "Rose Baker Opens Bakery In Town Square. It sells bread."
    )
    head = _parsed(text, nlp).sentences[1].span
    assert head.doc.user_data[truecase.TRUECASED].startswith("Rose Baker opens bakery in ")
    assert [e.text for e in head.ents if e.label_ == "PERSON"] == ["Rose Baker"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The council approved the new budget on Tuesday after a long debate.",
        "Country singer dies at 81 after a long illness",
        "Officials in Paris and Berlin met, the ministry said.",
        "The FBI said NATO troops left the base.",
    ],
)
def test_running_text_parses_exactly_as_before(text: str, nlp: Language) -> None:
    parsed = _parsed(text, nlp)
    plain = nlp(text)
    for ps in parsed.sentences:
        assert truecase.TRUECASED not in ps.span.doc.user_data
        assert ps.span.doc.text == plain.text
        assert [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in ps.span] == [
            (t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in plain[ps.span.start:ps.span.end]
        ]
