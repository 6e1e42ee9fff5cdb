"""Sentences of the seeds: exact offsets, abbreviations that must not split,
and no sentences from boilerplate. Loads spaCy once for the module."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from checker.ingest import Batch, document_from_text
from checker.model import Document, Sentence
from checker.segment import parse, segment

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sentences(seed_batch: Batch, nlp: Language) -> dict[str, tuple[Sentence, ...]]:
    return {
        p.document.id: tuple(s.sentence for s in p.sentences)
        for p in parse(seed_batch.documents, nlp)
    }


@pytest.fixture(scope="module")
def docs(seed_batch: Batch) -> dict[str, Document]:
    return {d.id: d for d in seed_batch.documents}


def containing(sents: tuple[Sentence, ...], needle: str) -> Sentence:
    hits = [s for s in sents if needle in s.text]
    assert len(hits) == 1, (needle, [s.text for s in sents if needle[:20] in s.text])
    return hits[0]


def test_offsets_are_exact_sorted_and_disjoint(
    sentences: dict[str, tuple[Sentence, ...]], docs: dict[str, Document]
) -> None:
    assert sorted(sentences) == sorted(docs)
    for doc_id, sents in sentences.items():
        text = docs[doc_id].text
        assert len(sents) > 5
        last = 0
        for i, s in enumerate(sents):
            assert (s.doc, s.index) == (doc_id, i)
            assert text[s.start : s.end] == s.text == s.text.strip()
            assert last <= s.start < s.end
            last = s.end


@pytest.mark.parametrize(
    ("doc_id", "sentence"),
    [
        (
            "003_7c43dcd8dd1cd5bf",
            "U.S. deputy ambassador to the U.N. Robert Wood said that if true, the North Korean "
            "troop dispatch marks “a dangerous and highly concerning development” and noted that "
            "the U.S. was “consulting with our allies and partners on such a dramatic move.”",
        ),
        (
            "003_7c43dcd8dd1cd5bf",
            "At a U.N. Security Council meeting Monday, Russia’s U.N. Ambassador Vassily Nebenzia "
            "dismissed the South Korean assertion as well as Western allegations of Iran "
            "supplying Russia with missiles and China providing arms components.",
        ),
        (
            "003_7c43dcd8dd1cd5bf",
            "The U.S. and NATO haven’t confirmed North Korea’s troop deployment.",
        ),
        (
            "001_e05421ac2e0ded0a",
            "Yoon said on Nov. 7 that he would not rule out the possibility of providing weapons "
            "to Ukraine.",
        ),
        (
            "000_17ed3e5948d68f38",
            "The North Korean troop deployment is threatening to expand the almost three-year "
            "war, with Ukraine and the U.S. saying that some of the soldiers have already begun "
            "engaging in battle on the front lines.",
        ),
        (
            "000_17ed3e5948d68f38",
            "The U.S., South Korea and others accuse North Korea of having shipped artillery, "
            "missiles and other conventional weapons to Russia.",
        ),
    ],
)
def test_abbreviations_do_not_split(
    sentences: dict[str, tuple[Sentence, ...]], doc_id: str, sentence: str
) -> None:
    assert sentence in [s.text for s in sentences[doc_id]]


def test_dateline_stays_in_its_sentence(sentences: dict[str, tuple[Sentence, ...]]) -> None:
    first = sentences["004_c4590c5089a8cb2d"][0]
    assert first.text.startswith("SEOUL, Nov. 27 (Korea Bizwire) – South Korean President Yoon")
    assert first.text.endswith("North Korea-Russia military cooperation.")


def test_a_sentence_may_still_end_with_an_initialism(
    sentences: dict[str, tuple[Sentence, ...]],
) -> None:
    sents = sentences["001_e05421ac2e0ded0a"]
    s = containing(sents, "lending 500,000 rounds")
    assert s.text.endswith("155mm artillery shells to the U.S.")
    assert sents[s.index + 1].text.startswith("However, it has refrained")


def test_boilerplate_lines_produce_no_sentences(
    sentences: dict[str, tuple[Sentence, ...]], docs: dict[str, Document]
) -> None:
    for doc_id, sents in sentences.items():
        doc = docs[doc_id]
        lines = [(s, e) for s, e in doc.boilerplate if _whole_line(doc.text, s, e)]
        assert lines
        for sent in sents:
            assert not any(s < sent.end and sent.start < e for s, e in lines), sent.text
    texts = [s.text for ss in sentences.values() for s in ss]
    for promo in ("Sign up for", "More to Read", "Top 10 Stories", "LETTER", "By Kwak", "___"):
        assert not any(t.startswith(promo) for t in texts), promo
    # the repeated caption is parsed once, from its first copy
    assert sum("arrives at the Ministry of National Defense" in t for t in texts) == 1


def test_credit_inside_a_caption_line_produces_no_sentence(
    sentences: dict[str, tuple[Sentence, ...]],
) -> None:
    texts = [s.text for s in sentences["001_e05421ac2e0ded0a"]]
    assert "Yonhap" not in texts
    assert "Courtesy of presidential office" not in texts


def test_one_sentence_document(nlp: Language) -> None:
    doc = document_from_text("Some 10,000 North Korean troops are in Russia.", id="a")
    (s,) = segment(doc, nlp)
    assert (s.start, s.end) == (0, len(doc.text))


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("HARBOURTON NEWS\n\nNAIROBI: At least 20 people were hurt, officials said on Monday.",
         "At least 20 people were hurt, officials said on Monday."),
        ("New Delhi: The minister resigned on Monday, his office said.",
         "The minister resigned on Monday, his office said."),
        # not a place the gazetteer knows, or a word the article writes in
        # lower case (a common noun): a label, kept in its sentence
        ("Update: The minister resigned on Monday.", "Update: The minister resigned on Monday."),
        ("Police: The man fled before police arrived.",
         "Police: The man fled before police arrived."),
    ],
)
def test_a_colon_dateline_is_cut_from_its_sentence(nlp: Language, text: str, first: str) -> None:
    doc = document_from_text(text, id="a")
    sents = segment(doc, nlp)
    assert first in [s.text for s in sents]
    assert all(doc.text[s.start : s.end] == s.text for s in sents)


def test_a_gallery_counter_is_cut_from_its_caption(nlp: Language) -> None:
    text = ("Shooting in Harbourton\n\nImage 2 of 5 Police said two men were shot on Main "
            "Street.\n\nImage 3 of 5 Officers closed the road after two men were shot.")
    doc = document_from_text(text, id="a")
    assert [s.text for s in segment(doc, nlp)] == [
        "Police said two men were shot on Main Street.",
        "Officers closed the road after two men were shot.",
    ]


def _whole_line(text: str, s: int, e: int) -> bool:
    return (s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e] == "\n")


@pytest.mark.slow
def test_two_processes_parse_exactly_as_one(seed_batch: Batch, nlp: Language) -> None:
    """Large batches use two spaCy processes; results must not depend on it.
    Documents come out in input order, those without text included."""
    blank = Document("blank", "blank.txt", "\n\n", "0" * 64)
    docs = [*seed_batch.documents[:2], blank, *seed_batch.documents[2:]]

    def run(n: int) -> list[tuple[str, tuple[Sentence, ...]]]:
        return [
            (p.document.id, tuple(s.sentence for s in p.sentences))
            for p in parse(docs, nlp, n_process=n)
        ]

    one, two = run(1), run(2)
    assert [d for d, _ in one] == [d.id for d in docs]
    assert one == two
    assert dict(one)["blank"] == ()


@pytest.mark.parametrize("apostrophe", ["\u2019", "\u02bc"])
def test_typographic_apostrophes_parse_as_ascii_ones_and_keep_their_text(
    nlp: Language, apostrophe: str
) -> None:
    """A curly apostrophe parses as the ASCII one (the parser misreads
    "didn\u2019t resign"), while every token keeps the text as written."""
    plain = "The ferry didn't sail, and it's the captain's call."
    curly = plain.replace("'", apostrophe)

    def parsed(text: str) -> list[tuple[str, str, str, int]]:
        (p,) = parse([document_from_text(text, id="a")], nlp)
        return [(t.text, t.pos_, t.dep_, t.head.i) for s in p.sentences for t in s.span]

    got, want = parsed(curly), parsed(plain)
    assert [t[1:] for t in got] == [t[1:] for t in want]
    assert "".join(t[0] for t in got) == "".join(t[0] for t in want).replace("'", apostrophe)
    assert ("sail", "VERB") in {(t[0], t[1]) for t in got}


def test_a_title_case_sentence_with_a_typographic_apostrophe_gets_both_fixes(
    nlp: Language,
) -> None:
    """Truecasing re-parses from the words as written: their apostrophes
    are made ASCII for that parse too, and the words keep their spelling."""
    text = "Harbour Master Didn\u2019t Close The Pier After Storm"
    (p,) = parse([document_from_text(text, id="a")], nlp)
    tokens = [t for s in p.sentences for t in s.span]
    assert "".join(t.text_with_ws for t in tokens) == text
    assert {t.lemma_.lower() for t in tokens if t.pos_ in ("VERB", "AUX")} >= {"close"}
    assert any(t.dep_ == "neg" for t in tokens)
