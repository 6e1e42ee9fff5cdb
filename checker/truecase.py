"""Truecasing: read a title-case or all-caps sentence as running text.

In a sentence where (nearly) every word is capitalised ("Mayor Denies Report
Of Resignation", "MAYOR DENIES REPORT"), capitals say nothing about names, and
the tagger reads the capitalised verbs as proper nouns, so the sentence has
no predicate. Such a sentence is parsed again from a copy in which each
capitalised word is written in the case it would have in running text;
names keep their capitals. The copy has the same length and tokens as the
original (only case changes), and its analysis (tags, lemmas, parse,
entities) is put on a doc of the original words, so every offset and every
token text stays the original's.

Which words are names, strongest evidence first: the word's case where the
same document uses it mid-sentence in running text; function words, month
and weekday names; a name the entity recogniser finds in the title-case
sentence, cut at the first function word or verb form (``Willie Nelson
Dies`` is the name ``Willie Nelson``); countries and US states, and cities
whose name is no English word; then the pipeline's own word lists (the
lemmatizer's tables): a word they know is a common word, any other is a name.
Sentences in running text are never touched.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

Mode = Literal["title", "caps", "mixed"]

#: Entity labels that name something: their words keep capitals.
_NAME_LABELS = frozenset(
    "PERSON ORG GPE NORP LOC FAC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split()
)
#: Always capitalised in English; "may" only next to a number (the month).
_CALENDAR = frozenset(
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
#: Country initialisms that shouting text writes like the pronoun or a word.
_INITIALISMS = frozenset({"us", "uk", "un", "eu", "usa", "uae"})
#: An all-caps sentence: at least this many words of two letters or more
#: are all capitals, and they are at least this share of such words.
_CAPS_WORDS = 3
_CAPS_SHARE = 0.8
#: A title-case sentence has at least this many words.
_TITLE_WORDS = 3
#: A short all-caps word that no word list knows is an acronym (FBI, NATO).
_ACRONYM_LEN = 4

#: ``Doc.user_data`` key of a re-parsed sentence's truecased copy.
TRUECASED = "claimcheck.truecased"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
_BEFORE_START = frozenset(".!?:;\"“”‘'(—–-•|")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The pipeline's word lists: function words and, per part of speech,
    base forms, irregular forms and suffix rules (the rule lemmatizer's)."""

    stop: frozenset[str]
    index: dict[str, frozenset[str]]
    exceptions: dict[str, frozenset[str]]
    rules: dict[str, tuple[tuple[str, str], ...]]

    def _base(self, word: str, pos: str) -> str | None:
        if word in self.exceptions.get(pos, ()):
            return word
        forms = self.index.get(pos, frozenset())
        if word in forms:
            return word
        for old, new in self.rules.get(pos, ()):
            if old and word.endswith(old):
                base = word[: len(word) - len(old)] + new
                if base in forms:
                    return base
        return None

    def known(self, word: str) -> bool:
        """Whether the lower-case word is an English word the lists know."""
        return word in self.stop or any(self._base(word, pos) for pos in self.index)

    def verb_form(self, word: str) -> bool:
        """An inflected verb (``dies``, ``hailed``, ``came``) that is no noun
        as written: a name such as ``James`` is listed as a noun."""
        if word in self.index.get("noun", ()):
            return False
        if word in self.exceptions.get("verb", ()):
            return True
        base = self._base(word, "verb")
        return base is not None and base != word

    def adverb(self, word: str) -> bool:
        return word in self.index.get("adv", ()) and word not in self.index.get("noun", ())

    def only_verb(self, word: str) -> bool:
        """A word the lists know as a verb and as nothing else (``unleash``)."""
        return self._base(word, "verb") is not None and not any(
            self._base(word, pos) for pos in self.index if pos != "verb"
        )

    def not_noun(self, word: str) -> bool:
        """A word the lists know only as a verb, adjective or adverb."""
        return self.known(word) and self._base(word, "noun") is None


@functools.lru_cache(maxsize=4)
def lexicon(nlp: Language) -> Lexicon:
    """The word lists of ``nlp`` (empty tables when it has no rule lemmatizer)."""
    stop = frozenset(w.lower() for w in nlp.Defaults.stop_words)
    index: dict[str, frozenset[str]] = {}
    exceptions: dict[str, frozenset[str]] = {}
    rules: dict[str, tuple[tuple[str, str], ...]] = {}
    lookups = (
        getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if "lemmatizer" in nlp.pipe_names else None
    )
    if lookups is not None:
        tables = lookups.tables
        for pos in ("noun", "verb", "adj", "adv"):
            if "lemma_index" in tables:
                index[pos] = frozenset(lookups.get_table("lemma_index").get(pos, ()))
            if "lemma_exc" in tables:
                exceptions[pos] = frozenset(lookups.get_table("lemma_exc").get(pos, {}))
            if "lemma_rules" in tables:
                rules[pos] = tuple(
                    (str(a), str(b)) for a, b in lookups.get_table("lemma_rules").get(pos, ())
                )
    return Lexicon(stop, index, exceptions, rules)


@dataclass(frozen=True, slots=True)
class Evidence:
    """How a document's running text writes words mid-sentence, lower-case
    keys: capitalised, in lower case, and in capitals (acronyms)."""

    capitalised: Counter[str]
    lower: Counter[str]
    upper: Counter[str]

    def case(self, word: str) -> Literal["name", "common"] | None:
        cap, low = self.capitalised[word], self.lower[word]
        if cap > low:
            return "name"
        if low > cap:
            return "common"
        return None


def evidence(text: str, stop: frozenset[str] = frozenset()) -> Evidence:
    """Case evidence from the sentences of ``text`` in running text (a
    title-case or all-caps sentence says nothing about names and is skipped;
    sentences are cut roughly, at line breaks and after a full stop)."""
    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for line in _SENTENCE_END.split(text):
        words = list(_WORD.finditer(line))
        if not words or mode([m.group() for m in words], stop) != "mixed":
            continue
        shout = [m.group().isupper() and len(m.group()) >= 2 for m in words]
        for k, m in enumerate(words):
            w = m.group()
            before = line[: m.start()].rstrip()
            if not before or before[-1] in _BEFORE_START:
                continue  # may start a sentence: its capital is the sentence's
            key = w.lower()
            if shout[k]:
                # an acronym stands alone; a word in a stretch of capitals is shouted
                if not (k > 0 and shout[k - 1]) and not (k + 1 < len(words) and shout[k + 1]):
                    upper[key] += 1
            elif w[0].isupper():
                cap[key] += 1
            elif w.islower():
                low[key] += 1
    return Evidence(cap, low, upper)


_evidence = functools.lru_cache(maxsize=4)(evidence)


def modes(words: Sequence[str], lexicon: Lexicon) -> list[Mode]:
    """Per token, how to read it: the sentence's ``mode`` (of its alphabetic
    tokens); in running text, a stretch of at least three all-caps words that
    hides a verb is read as an all-caps sentence (``CITY COUNCIL APPROVES NEW
    BUDGET, officials said``), but not one without (a dateline: ``LITTLE ROCK,
    AR -``). Other tokens (numbers, punctuation) neither make nor break a
    stretch."""
    how = mode([w for w in words if w.isalpha()], lexicon.stop)
    out: list[Mode] = [how] * len(words)
    if how != "mixed":
        return out
    run: list[int] = []
    for k, w in enumerate([*words, "end"]):
        if not w.isalpha():
            continue
        if w.isupper() and (len(w) >= 2 or run):
            run.append(k)
            continue
        if sum(1 for j in run if len(words[j]) >= 2) >= _CAPS_WORDS and any(
            lexicon.verb_form(words[j].lower()) or lexicon.only_verb(words[j].lower())
            for j in run
        ):
            for j in run:
                out[j] = "caps"
        run = []
    return out


def mode(words: Sequence[str], stop: frozenset[str]) -> Mode:
    """How a sentence's words (alphabetic tokens) are cased: ``caps`` (nearly
    all capitals), ``title`` (every word but function words capitalised),
    else ``mixed`` (running text, where only an all-caps word may be read)."""
    long = [w for w in words if len(w) >= 2]
    upper = [w for w in long if w.isupper()]
    if len(upper) >= _CAPS_WORDS and len(upper) >= _CAPS_SHARE * len(long):
        return "caps"
    content = [w for w in words if w.lower() not in stop]
    if (
        len(words) >= _TITLE_WORDS
        and len(content) >= 2
        and all(not w.islower() for w in content)
        and sum(1 for w in words[1:] if w.istitle()) >= 2
    ):
        return "title"
    return "mixed"


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def truecase_words(
    words: Sequence[str],
    *,
    modes: Sequence[Mode],
    names: Sequence[bool],
    first: int,
    digits: Sequence[bool],
    evidence: Evidence,
    lexicon: Lexicon,
    places: frozenset[str] = frozenset(),
) -> list[str]:
    """The words as running text would case them; same lengths.

    ``modes[i]``: how word ``i`` is read (``modes``); ``names[i]``: the entity recogniser puts word ``i`` in a name (already
    cut at function words and verb forms); ``first``: index of the
    sentence's first word; ``digits[i]``: word ``i`` stands next to a number;
    ``places``: lower-case keys of the words a gazetteer knows as places.
    """
    out = list(words)
    for i, w in enumerate(words):
        if not w.isalpha() or w.islower():
            continue
        upper = w.isupper() and len(w) >= 2
        if not upper and not w.istitle():
            continue  # iPhone, McDonald: written that way on purpose
        key = w.lower()
        mode = modes[i]
        if mode == "mixed":
            # running text: only a shouted word that can only be a predicate
            if _shouted_predicate(w, i == first, lexicon) and evidence.upper[key] <= sum(
                1 for v in words if v == w
            ):  # written in capitals elsewhere in the document: an acronym
                out[i] = key
            continue
        if mode == "title" and upper:
            continue  # an acronym in a title-case sentence
        name = _is_name(key, names[i], digits[i], evidence, lexicon, places)
        if mode == "caps" and upper and (
            evidence.upper[key] > 0 or key in _INITIALISMS
            or (len(w) <= _ACRONYM_LEN and not lexicon.known(key) and name)
        ):
            continue  # FBI, NATO: an acronym stays in capitals
        if name or i == first:
            out[i] = _capitalise(w)
        else:
            out[i] = key
    return out


def _shouted_predicate(word: str, first: bool, lexicon: Lexicon) -> bool:
    """An all-caps word in running text that can only be a verb, adjective or
    adverb (``DENIES``): read in lower case. An all-caps noun is taken for an
    acronym."""
    key = word.lower()
    return (
        word.isupper() and len(word) >= 3 and not first
        and key not in _INITIALISMS and lexicon.not_noun(key)
    )


def _is_name(
    key: str,
    in_name: bool,
    by_digit: bool,
    evidence: Evidence,
    lexicon: Lexicon,
    places: frozenset[str],
) -> bool:
    seen = evidence.case(key)
    if seen is not None:
        return seen == "name"
    if key == "may":
        return by_digit
    if key in _CALENDAR:
        return True
    if key in lexicon.stop:
        return False
    if in_name or key in places:
        return True
    return not lexicon.known(key)


def _name_words(doc: Span, lex: Lexicon) -> list[bool]:
    """Per token of ``doc``: inside a name the recogniser finds, each name cut
    at its first capitalised function word, verb form or adverb, or a later
    word that can only be a verb (``Mexico Will Pay`` is ``Mexico``; ``Willie
    Nelson Dies`` is ``Willie Nelson``)."""
    out = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS:
            continue
        for tok in ent:
            key = tok.lower_
            if tok.is_alpha and not tok.is_lower and (
                key in lex.stop or lex.verb_form(key) or lex.adverb(key)
                or (tok.i > ent.start and lex.only_verb(key))
            ):
                break
            out[tok.i - doc.start] = True
    return out


def _places(words: Sequence[str], lex: Lexicon) -> frozenset[str]:
    from checker.extract.places import lookup

    out = set()
    for w in words:
        key = w.lower()
        if not w.isalpha() or key in lex.stop:
            continue
        entry = lookup(w)
        if entry is not None and (entry.kind != "city" or not lex.known(key)):
            out.add(key)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Plan:
    """A sentence to parse again: its words, their truecased copy, and which
    are followed by a space."""

    words: list[str]
    cased: list[str]
    spaces: list[bool]


def plan(span: Span, nlp: Language, text: str) -> Plan | None:
    """How to read ``span`` again, or None when it reads as running text
    already. ``text``: the whole document's text, the evidence of how it
    writes its words."""
    lex = lexicon(nlp)
    alpha = [t.text for t in span if t.is_alpha]
    if not alpha:
        return None
    words = [t.text for t in span]
    how = modes(words, lex)
    first = next((k for k, t in enumerate(span) if t.is_alpha), 0)
    running = all(m == "mixed" for m in how)
    if running and not any(_shouted_predicate(w, k == first, lex) for k, w in enumerate(words)):
        return None
    digits = [
        any(0 <= j < len(span) and span[j].like_num for j in (k - 1, k + 1))
        for k in range(len(span))
    ]
    spaces = [bool(t.whitespace_) for t in span]
    spaces[-1] = False
    ev = _evidence(text, lex.stop)
    if running:
        names = [False] * len(words)
        places: frozenset[str] = frozenset()
    else:
        names = _name_words(_title_span(span, nlp, words, spaces, lex) if "caps" in how
                            else span, lex)
        places = _places(alpha, lex)
    cased = truecase_words(
        words, modes=how, names=names, first=first, digits=digits,
        evidence=ev, lexicon=lex, places=places,
    )
    return None if cased == words else Plan(words, cased, spaces)


def parse_plans(nlp: Language, plans: Sequence[Plan]) -> list[Span]:
    """Each planned sentence parsed from its truecased copy, in a doc of the
    original words (so ``token.idx`` and every token's text are the
    original's); the copy is kept in ``doc.user_data[TRUECASED]``."""
    from checker.nlp import carry_over

    parsed = nlp.pipe(_one_sentence(nlp, p.cased, p.spaces) for p in plans)
    out = []
    for p, doc in zip(plans, parsed, strict=True):
        orig = carry_over(doc, p.words, p.spaces)
        orig.user_data[TRUECASED] = doc.text
        out.append(orig[:])
    return out


def reparse(span: Span, nlp: Language, text: str) -> Span | None:
    """``span`` parsed again from its truecased copy (``plan``,
    ``parse_plans``), or None when it reads as running text already."""
    p = plan(span, nlp, text)
    return None if p is None else parse_plans(nlp, [p])[0]


def _title_span(
    span: Span, nlp: Language, words: list[str], spaces: list[bool], lex: Lexicon
) -> Span:
    """An all-caps sentence in title case, with the entity recogniser's names
    only (it finds none in capitals): acronyms of known shape stay as written."""
    titled = [
        w if not (w.isalpha() and w.isupper() and len(w) >= 2)
        or (len(w) <= _ACRONYM_LEN and not lex.known(w.lower()))
        else _capitalise(w)
        for w in words
    ]
    doc = _one_sentence(nlp, titled, spaces)
    for name, proc in nlp.pipeline:
        if name in ("tok2vec", "ner"):
            doc = proc(doc)
    return doc[:]


def _one_sentence(nlp: Language, words: list[str], spaces: list[bool]) -> Doc:
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for tok in doc[1:]:
        tok.is_sent_start = False  # one sentence, as the original parse made it
    return doc


if TYPE_CHECKING:
    from spacy.tokens import Doc
