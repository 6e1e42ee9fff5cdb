"""Sentences with exact offsets.

A document is parsed paragraph by paragraph (runs of text between blank or
line breaks), skipping boilerplate regions, so no sentence spans two
paragraphs and offsets map back to ``Document.text`` by adding the
paragraph's start.

The parser reads typographic apostrophes badly ("didn\u2019t resign" comes
out as two nouns, "it\u2019s" as an unknown verb), so a paragraph is parsed
from a copy with ASCII apostrophes, one character for one, and its
analysis is carried over to a doc of the original words.

A title-case or all-caps sentence is parsed again from a truecased copy
(``checker.truecase``, its apostrophes made ASCII too): its span then lies
in a doc of its own, with the original words, and its offset is the
sentence's start.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from checker import truecase
from checker.model import Document, Sentence
from checker.nlp import carry_over

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc
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
        # a region that opens the paragraph (a dateline) is cut from it
        for bs, be in doc.boilerplate:
            if bs <= s < be < e:
                s = be
        while s < e and doc.text[s].isspace():
            s += 1
        if s == e or _in_boilerplate(doc, s, e):
            continue
        out.append((s, e))
    return out


def _in_boilerplate(doc: Document, s: int, e: int) -> bool:
    return any(bs <= s and e <= be for bs, be in doc.boilerplate)


def parse(
    documents: Sequence[Document],
    nlp: Language,
    *,
    batch_size: int = 64,
    n_process: int | None = None,
) -> Iterator[ParsedDocument]:
    """Parse documents; one ParsedDocument per input document, in order.

    Each document is yielded as soon as its last paragraph is parsed, so the
    caller's work on it overlaps the parsing of the next ones. ``n_process``
    None picks two spaCy processes for large batches on a multi-core machine.
    """
    jobs = [(i, s, e) for i, d in enumerate(documents) for s, e in paragraphs(d)]
    last_job = [-1] * len(documents)
    for k, (i, _s, _e) in enumerate(jobs):
        last_job[i] = k
    if n_process is None:
        n_process = _processes(sum(e - s for _i, s, e in jobs))
    texts = (plain_apostrophes(documents[i].text[s:e]) for i, s, e in jobs)
    per_doc: list[list[ParsedSentence]] = [[] for _ in documents]
    replan: list[list[tuple[int, truecase.Plan, int]]] = [[] for _ in documents]
    ready = 0  # documents before this one have been yielded
    parsed = nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
    for k, ((i, s, e), sdoc) in enumerate(zip(jobs, parsed, strict=True)):
        doc = documents[i]
        if (original := doc.text[s:e]) != sdoc.text:
            sdoc = _with_text(sdoc, original)
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
            if (p := truecase.plan(span, nlp, doc.text)) is not None:
                replan[i].append((len(per_doc[i]), p, s + span.start_char))
            per_doc[i].append(ParsedSentence(sent, span, s))
        while ready < len(documents) and last_job[ready] <= k:
            yield ParsedDocument(documents[ready], _truecased(per_doc[ready], replan[ready], nlp))
            per_doc[ready], replan[ready] = [], []
            ready += 1
    for j in range(ready, len(documents)):  # trailing documents with no paragraphs
        yield ParsedDocument(documents[j], tuple(per_doc[j]))


def _truecased(
    sentences: list[ParsedSentence],
    plans: list[tuple[int, truecase.Plan, int]],
    nlp: Language,
) -> tuple[ParsedSentence, ...]:
    """The sentences, those planned for truecasing parsed again (one batch
    per document); a re-parsed span's doc starts at the sentence."""
    if not plans:
        return tuple(sentences)
    out = list(sentences)
    plain = [replace(p, cased=[plain_apostrophes(w) for w in p.cased]) for _, p, _ in plans]
    spans = truecase.parse_plans(nlp, plain)
    for (k, _p, offset), span in zip(plans, spans, strict=True):
        out[k] = ParsedSentence(out[k].sentence, span, offset)
    return tuple(out)


#: A typographic apostrophe inside a word ("didn\u2019t", "it\u2019s", "O\u2019Neal").
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[\u2019\u02bc](?=[A-Za-z])")


def plain_apostrophes(text: str) -> str:
    """``text`` with each apostrophe inside a word made ASCII: same length,
    same offsets."""
    return _APOSTROPHE.sub("'", text) if "\u2019" in text or "\u02bc" in text else text


def _with_text(parsed: SpacyDoc, original: str) -> SpacyDoc:
    """``parsed`` (the parse of a same-length copy of ``original``) as a doc
    of the original's words, with the same tags, lemmas, parse and entities."""
    words = [original[t.idx : t.idx + len(t.text)] for t in parsed]
    return carry_over(parsed, words, [bool(t.whitespace_) for t in parsed])


#: Below this many characters a second spaCy process costs more to start than it saves.
_MULTIPROCESS_CHARS = 100_000


def _processes(chars: int) -> int:
    import multiprocessing

    if chars < _MULTIPROCESS_CHARS or (os.cpu_count() or 1) < 2:
        return 1
    # Workers must inherit the registered sentence guard: only with fork.
    return 2 if multiprocessing.get_start_method(allow_none=False) == "fork" else 1


def segment(doc: Document, nlp: Language) -> tuple[Sentence, ...]:
    """The sentences of one document."""
    (parsed,) = parse([doc], nlp)
    return tuple(p.sentence for p in parsed.sentences)
