"""Sentences with exact offsets.

A document is parsed paragraph by paragraph (runs of text between blank or
line breaks), skipping boilerplate regions, so no sentence spans two
paragraphs and offsets map back to ``Document.text`` by adding the
paragraph's start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.model import Document, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span as SpacySpan

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A sentence and its spaCy span. ``offset`` maps span character indices
    into ``Document.text``: ``token.idx + offset``."""

    sentence: Sentence
    span: SpacySpan
    offset: int


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    document: Document
    sentences: tuple[ParsedSentence, ...]


def paragraphs(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph outside boilerplate."""
    out = []
    for m in _PARAGRAPH.finditer(doc.text):
        s, e = m.start(), m.end()
        # trim surrounding white space, keeping offsets exact
        while s < e and doc.text[s].isspace():
            s += 1
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        if s == e or _in_boilerplate(doc, s, e):
            continue
        out.append((s, e))
    return out


def _in_boilerplate(doc: Document, s: int, e: int) -> bool:
    return any(bs <= s and e <= be for bs, be in doc.boilerplate)


def parse(
    documents: Sequence[Document], nlp: Language, *, batch_size: int = 64
) -> Iterator[ParsedDocument]:
    """Parse documents in order; one ParsedDocument per input document."""
    jobs = [(i, s, e) for i, d in enumerate(documents) for s, e in paragraphs(d)]
    texts = (documents[i].text[s:e] for i, s, e in jobs)
    per_doc: list[list[ParsedSentence]] = [[] for _ in documents]
    for (i, s, _e), sdoc in zip(jobs, nlp.pipe(texts, batch_size=batch_size), strict=True):
        doc = documents[i]
        for span in sdoc.sents:
            text = span.text
            stripped = text.strip()
            if not stripped:
                continue
            start = s + span.start_char + (len(text) - len(text.lstrip()))
            end = start + len(stripped)
            if _in_boilerplate(doc, start, end):  # e.g. a credit closing a caption line
                continue
            sent = Sentence(doc.id, len(per_doc[i]), start, end, doc.text[start:end])
            per_doc[i].append(ParsedSentence(sent, span, s))
    for doc, sents in zip(documents, per_doc, strict=True):
        yield ParsedDocument(doc, tuple(sents))


def segment(doc: Document, nlp: Language) -> tuple[Sentence, ...]:
    """The sentences of one document."""
    (parsed,) = parse([doc], nlp)
    return tuple(p.sentence for p in parsed.sentences)
