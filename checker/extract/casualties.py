"""Counts of harmed people that news states without digits.

``A man was shot``, ``killed a 16-year-old``, ``both died``, ``another was
injured``, ``one of the victims died``, ``a man and a woman were wounded``:
each states how many people were harmed as surely as ``two people were
shot``. These rules find such counts from the dependency parse, only for
people who are the subject of a predicate of harm (or the object of an
active verb of harm), so ``a man said`` or ``an officer fired`` count
nothing.

Predicates of harm: verbs (kill, die, shoot, wound, injure, hurt, murder,
slay, stab, hospitalize), complements (``pronounced dead``, ``left ...
dead``, ``is in critical condition``), ``suffered gunshot wounds``, ``taken
to a hospital``, a harm done to oneself (``shot himself``) and nouns of harm
(``the death of a 9-year-old``).

An indefinite count is exact (``a man`` is one man). A definite or named
victim (``the victim died``, ``his daughter was shot``, ``Marcus Smith was
killed``) states one harmed person *at least* (low 1, high None): it may be
one of several named elsewhere, so it never contradicts ``two were killed``.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from checker.extract.modifiers import noun_modifiers
from checker.extract.numbers import parse_number
from checker.model import Quantity

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: verbs whose subject (passive) or object (active) is harmed
HARM_VERBS = frozenset(
    "kill die injure wound hurt shoot murder slay stab hospitalize hospitalise".split()
)
# verbs of harm with a victim as direct object ("killed a man")
_ACTIVE = HARM_VERBS - {"die"}
# complements of harm: "pronounced dead", "left two injured", "is hurt"
_HARM_COMPLEMENTS = frozenset("dead injured wounded hurt hospitalized hospitalised".split())
_CONDITIONS = frozenset("critical stable serious grave fair good".split())
_SUFFER = frozenset("suffer sustain receive".split())
_WOUNDS = frozenset("wound injury".split())
_CARRY = frozenset("take transport rush airlift fly carry".split())
_HOSPITALS = frozenset("hospital hospitals".split())
# any word a predicate of harm or a victim could be built on (a cheap filter)
_TRIGGER = re.compile(
    r"kill|\bdie|dead|death|injur|wound|hurt|shot|shoot|murder|sla[iy]|stab|hospital"
    r"|condition|victim|homicide",
    re.IGNORECASE,
)
_HARM_NOUNS = frozenset("death killing murder slaying homicide wounding".split())
_ONE = frozenset({"a", "an", "another"})
_PRONOUNS = frozenset("he she him her".split())
_REFLEXIVES = frozenset("himself herself themselves itself".split())
# names of places are never victims in a coordination ("MYRTLE BEACH, SC")
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME"})


def _has(tok: Token, deps: tuple[str, ...], words: frozenset[str]) -> bool:
    return any(c.dep_ in deps and c.lemma_.lower() in words for c in tok.children)


@functools.cache
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """spaCy's string hashes of ``words``, to test tokens without making strings."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


def _predicate(tok: Token) -> Token | None:
    """The predicate of harm a trigger word makes, if it makes one.

    ``shot`` → itself; ``dead`` in ``pronounced dead`` → ``pronounced``;
    ``condition`` in ``is in critical condition`` → ``is``; ``hospital`` in
    ``taken to a hospital`` → ``taken``; ``wounds`` in ``suffered gunshot
    wounds`` → ``suffered``."""
    lemma = tok.lemma_.lower()
    if lemma in HARM_VERBS and tok.pos_ in ("VERB", "AUX", "ADJ"):
        return tok
    low = tok.lower_
    dep = tok.dep_
    head = tok.head
    if low in _HARM_COMPLEMENTS:
        if dep in ("acomp", "oprd", "attr", "xcomp"):
            return head  # "was pronounced dead", "left two injured"
        if tok.pos_ == "ADJ" and dep != "amod":
            return tok  # "found [the boy dead]"
        return None
    if dep != "pobj" and dep != "dobj":
        return None
    if low == "condition" and head.lower_ == "in" and _has(tok, ("amod",), _CONDITIONS):
        return head.head  # "is in critical condition"
    if low in _HOSPITALS and head.lower_ == "to" and head.head.lemma_.lower() in _CARRY:
        return head.head  # "was taken to a hospital"
    if lemma in _WOUNDS and dep == "dobj" and head.lemma_.lower() in _SUFFER:
        return head  # "suffered gunshot wounds"
    return None


def _victims(span: SpacySpan) -> Iterable[Token]:
    """Heads of noun phrases naming people a predicate of harm is about."""
    lemmas = _hashes(HARM_VERBS | _WOUNDS | _HARM_NOUNS | {"victim"})
    lowers = _hashes(_HARM_COMPLEMENTS | _HOSPITALS | {"condition"})
    seen: set[int] = set()
    for trigger in span:
        if trigger.lemma not in lemmas and trigger.lower not in lowers:
            continue
        if trigger.pos_ in ("NOUN", "PROPN"):
            lemma = trigger.lemma_.lower()
            if lemma == "victim" and trigger.dep_ in ("nsubj", "nsubjpass", "dobj"):
                yield trigger  # "a victim" is harmed by definition
            elif lemma in _HARM_NOUNS:
                # "the shooting death of a 9-year-old boy"
                for c in trigger.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        yield from (p for p in c.children if p.dep_ == "pobj")
        if trigger.dep_ == "amod" and trigger.lower_ in _HARM_COMPLEMENTS:
            yield trigger.head  # "a dead man", "a wounded officer"
        tok = _predicate(trigger)
        if tok is None or tok.i in seen:
            continue
        seen.add(tok.i)
        yield from _of_predicate(tok)


def _of_predicate(tok: Token) -> Iterable[Token]:
    """The people a predicate of harm is about: its subject (passive), object
    (active), or the noun a relative clause or participle describes."""
    # "the shooting left a man dead", "officers found him dead": the harm is
    # the object's; the active subject only did or saw it
    active = tok.lemma_.lower() in _ACTIVE or _has(tok, ("oprd",), _HARM_COMPLEMENTS)
    # the subject of an active "killed"/"shot" is the one who did it,
    # unless it did it to itself ("a boy shot himself")
    if active and _has(tok, ("dobj",), _REFLEXIVES):
        active = False
    # "a man who was shot", "a woman shot in the leg"; not "a man who shot
    # her", nor "the use of weapons to kill"
    if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        relative = [c for c in _subjects(tok) if c.tag_ in ("WP", "WDT")]
        if (tok.dep_ == "acl" and tok.tag_ == "VBN") or any(
            not (active and c.dep_ == "nsubj") for c in relative
        ):
            yield tok.head
    else:
        yield from (s for s in _subjects(tok) if not (active and s.dep_ == "nsubj"))
    if active:
        yield from (c for c in tok.children if c.dep_ == "dobj" and c.lower_ not in _REFLEXIVES)


def _subjects(verb: Token) -> list[Token]:
    """Subjects of ``verb``, borrowed from the verb it is coordinated with."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj or verb.dep_ != "conj":
            return subj
        verb = verb.head
    return []


def _conjuncts(head: Token) -> list[Token]:
    out = [head]
    for _ in range(8):
        nxt = [c for c in out[-1].children if c.dep_ == "conj"]
        if not nxt:
            break
        out.append(nxt[0])
    return out


class _Count(NamedTuple):
    value: float
    word: Token  # the first word of the count ("A", "Both", "Jones")
    at_least: bool  # a definite or named victim: one at least, maybe others


def _one(tok: Token) -> _Count | None:
    """How many people the phrase headed by ``tok`` names."""
    low = tok.lower_
    if low in ("another", "both"):  # "another was injured", "both died"
        return _Count(1.0 if low == "another" else 2.0, tok, False)
    if tok.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        value = parse_number(tok.text)  # "one of the victims died"
        return _Count(value, tok, False) if value is not None else None
    singular = tok.tag_ == "NN" or _is_year_old(tok)
    for c in tok.children:
        if c.dep_ not in ("det", "nummod", "predet", "poss"):
            continue
        word = c.lower_
        if word in _ONE and singular:
            return _Count(1.0, c, False)
        if word == "both" and tok.tag_ == "NNS":
            return _Count(2.0, c, False)
        if singular and (word in ("the", "this", "that") or c.dep_ == "poss"):
            # "the victim died", "his daughter was shot": one at least
            return _Count(1.0, c.left_edge, True)
    if _is_name(tok):
        return _Count(1.0, tok.left_edge if tok.left_edge.tag_ == "NNP" else tok, True)
    return None


def _is_name(tok: Token) -> bool:
    return tok.tag_ == "NNP" and tok.ent_type_ == "PERSON"


def _is_year_old(tok: Token) -> bool:
    """``old`` heading ``16-year-old`` used as a noun (``killed a 16-year-old``)."""
    return tok.lower_ == "old" and any(c.lower_ in ("year", "years") for c in tok.children)


def _member(tok: Token) -> _Count | None:
    """A conjunct's count: as :func:`_one`, or a number, a name or a pronoun."""
    got = _one(tok)
    if got is not None:
        return got
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if nums:
        value = parse_number(nums[0].text)
        return _Count(value, nums[0], False) if value is not None else None
    if tok.like_num:
        value = parse_number(tok.text)
        return _Count(value, tok, False) if value is not None else None
    if (tok.tag_ == "NNP" and tok.ent_type_ not in _PLACE_ENTS) or tok.lower_ in _PRONOUNS:
        return _Count(1.0, tok.left_edge, True)
    return None


def harm_counts(
    span: SpacySpan, offset: int, taken: set[tuple[int, int]], text: str | None = None
) -> list[Quantity]:
    """Counts of harmed people without digits in one sentence.

    ``taken`` holds the (start, end) of quantities already found; a count
    starting inside one of them is not repeated. ``text`` is ``span.text``
    when the caller has it."""
    out: list[Quantity] = []
    sent = text if text is not None else span.text
    if not _TRIGGER.search(sent):
        return out  # most sentences name no harm: skip the parse walk
    base = span.start_char + offset  # document offset of sent[0]
    done: set[int] = set()

    def free(start: int) -> bool:
        return not any(s <= start < e for s, e in taken)

    for head in _victims(span):
        if head.i in done:
            continue
        conj = _conjuncts(head)
        done.update(t.i for t in conj)
        coordinated = any(
            c.dep_ == "cc" and c.lower_ in ("and", "&") for t in conj for c in t.children
        )
        if len(conj) > 1 and coordinated:
            members = [_member(t) for t in conj]
            if all(m is not None for m in members):
                counted = [m for m in members if m is not None]
                first = min(m.word.i for m in counted)
                last = conj[-1]
                start = span.doc[first].idx + offset
                end = last.idx + len(last.text) + offset
                total = sum(m.value for m in counted)
                high = None if any(m.at_least for m in counted) else total
                qtext = sent[start - base : end - base]
                if (start, end) not in taken:
                    out.append(Quantity(start, end, qtext, total, total, high, None, None, ()))
                continue
        got = _one(head)
        if got is None:
            continue
        start = got.word.idx + offset
        if not free(start):
            continue
        thing, mods = _thing(head, got.word)
        if got.at_least and _is_name(head):
            end = head.idx + len(head.text) + offset  # "Marcus Seichter"
        else:
            end = start + len(got.word.text)
        qtext = sent[start - base : end - base]
        high = None if got.at_least else got.value
        out.append(Quantity(start, end, qtext, got.value, got.value, high, None, thing, mods))
    return out


def _thing(head: Token, word: Token) -> tuple[str | None, tuple[str, ...]]:
    """The counted people: ``man`` (a man), ``victims`` (one of the victims)."""
    if word.i == head.i:
        of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        pobj = [p for c in of for p in c.children if p.dep_ == "pobj"]
        return (pobj[0].text, noun_modifiers(pobj[0], set())) if pobj else (None, ())
    if _is_year_old(head):
        toks = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "predet")]
        return head.doc[toks[0].i : head.i + 1].text, ()
    return head.text, noun_modifiers(head, {word.i})
