"""When two claims state one proposition, and when they share quoted words.

Values (numbers, dates, places, polarity, commitment) are only compared
between claims that say the same thing about the same participants: a shared
number, weekday or famous name alone never makes two sentences one fact
(de Marneffe et al. 2008: align the events first, then look for mismatches).

A claim's *core* is what it says, without who says it: its content words less
the attribution span, verbs of saying, denial and doubt, negators, numbers and
time words. Two claims are aligned when

* they report one action (the same main verb, or one event word such as
  *sent* / *deployment*) and share most of the smaller core, or
* one only denies or doubts (its core is the denied fact) and the other
  carries most of that fact, or
* without a shared verb, they share nearly all of the smaller core and read
  alike (cosine).

Words are weighted by how rare they are in the batch (IDF), so a name that
recurs in every story weighs little and a distinctive word weighs much.

Shared quotes are speech, not the outlets' own words: the same quoted words
in two outlets are agreement, whatever negation lies inside them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from checker.extract.certainty import DENYING
from checker.match import (
    content_words,
    event_class,
    head_class,
    idf_table,
    predicate_shared,
    source_span,
    stem,
)
from checker.model import Claim, Place, Quantity, TimeExpr

#: Verbs of saying, denying and doubting: who says, not what is said.
_SPEECH = frozenset(
    """say said tell told add added state stated claim claimed report reported announce
    announced note noted write wrote explain explained insist insisted argue argued tweet
    tweeted accord according deny denied denie dismiss dismissed reject rejected refute
    refuted dispute disputed confirm confirmed unconfirmed verify verified acknowledge
    acknowledged admit admitted allege alleged believe believed suggest suggested
    interview statement spokesman spokeswoman spokesperson reporter press conference
    comment comments well""".split()
) | frozenset(
    # calling a report false is an act of denial too, and the report named
    # is its vehicle, not its content ("the video of X is a hoax")
    """hoax hoaxes fake faked false untrue bogus phony phoney debunk debunked debunks myth busted
    satire satirical fabricated fabrication rumor rumour rumors rumours report reports
    story stories video photo picture image claim claims""".split()
)
_NEGATORS = frozenset(
    "not n't no never none nothing nobody neither nor cannot can't won't don't doesn't "
    "didn't isn't aren't wasn't weren't hasn't haven't hadn't yet".split()
)
_NEGATORS = _NEGATORS | {w.replace("'", "") for w in _NEGATORS}
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    morning afternoon evening night week weeks month months year years day days earlier
    later last next ago recently january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    time now currently tonight overnight""".split()
)
_TITLES = frozenset("mr mrs ms dr sen rep gov pres gen lt col sgt".split())
_QUOTED = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]([^\"\u201c\u201d\u201e\u00ab\u00bb]{8,})[\"\u201c\u201d\u201e\u00ab\u00bb]")
_NORM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\d")
#: Shortest quoted stretch (in words) that identifies one utterance.
MIN_QUOTE_WORDS = 4


_NUMBER_WORDS = {
    w: str(i) for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}


def _norm(text: str) -> str:
    """Lower case, punctuation and apostrophes dropped, small number words
    as digits ("two-in-three" and "2 in 3" are the same words)."""
    words = _NORM.sub(" ", text.lower().replace("\u2019", "").replace("'", "")).split()
    return " ".join(_NUMBER_WORDS.get(w, w) for w in words)


_OPEN, _CLOSE = "\u201c", "\u201d"


@functools.lru_cache(maxsize=65536)
def quotes(text: str) -> tuple[str, ...]:
    """Normalised quoted stretches of a text (at least ``MIN_QUOTE_WORDS``
    words). A claim split from a quotation may hold only its opening or only
    its closing mark: the stretch after the one or before the other counts."""
    found = [_norm(m.group(1)) for m in _QUOTED.finditer(text)]
    opened = text.rfind(_OPEN)
    if opened >= 0 and _CLOSE not in text[opened:]:
        found.append(_norm(text[opened + 1 :]))
    closed = text.find(_CLOSE)
    if closed >= 0 and _OPEN not in text[:closed]:
        found.append(_norm(text[:closed]))
    return tuple(q for q in found if len(q.split()) >= MIN_QUOTE_WORDS)


def _carried(part: list[str], whole: list[str], share: float = 0.85) -> bool:
    """``part``'s words stand, in order, in ``whole`` (a few may differ),
    and the stretch of ``whole`` they span negates no more and no less and
    gives the same figures."""
    if len(part) < MIN_QUOTE_WORDS or LCSseq.similarity(part, whole) < share * len(part):
        return False
    blocks = [b for b in SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
              if b.size]
    if not blocks:
        return False
    span = whole[blocks[0].b : blocks[-1].b + blocks[-1].size]
    if sum(w in _NEGATORS for w in span) != sum(w in _NEGATORS for w in part):
        return False
    # the same words with another figure are not the same words
    return sorted(w for w in span if _DIGITS.search(w)) == sorted(
        w for w in part if _DIGITS.search(w)
    )


def shared_quote(a: Claim, b: Claim) -> str | None:
    """Words both claims carry as one utterance: a quotation one gives that
    the other also carries, in order (quoted or not), or one claim that is a
    stretch of the other's sentence. Returns those words, or None."""
    wa, wb = _norm(a.text).split(), _norm(b.text).split()
    for x, other in ((a, wb), (b, wa)):
        for q in quotes(x.text):
            words = q.split()
            if _carried(words, other) or _carried(other, words):
                return q
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if _carried(short, long_, share=1.0):
        return " ".join(short)
    return None


def _tokens(text: str) -> list[str]:
    return _norm(text.replace("n't", " not").replace("n\u2019t", " not")).split()


def near_identical(a: Claim, b: Claim) -> bool:
    """The same sentence in both (up to punctuation, order and function
    words): no negator, number or content word differs."""
    ta, tb = _tokens(a.text), _tokens(b.text)
    if not ta or not tb or fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) < 90:
        return False
    diff = set(ta) ^ set(tb)
    if diff & _NEGATORS or any(_DIGITS.search(w) for w in diff):
        return False
    return not (content_words(" ".join(diff)) - _TITLES)


#: What the source says is about the source itself ("the ministry denied
#: reports that it is planning ..."): then the source's words name the
#: proposition's subject and stay in it.
_SELF_REFERENCE = re.compile(
    r"\bthat\s+(?:it|he|she|they|we)\s+(?:\w+\s+)?(?:is|was|are|were|has|had|have|will|would|"
    r"did|does|do|plans?|planned|planning)\b",
    re.IGNORECASE,
)


def _core_text(c: Claim) -> str:
    """The claim's text with its attribution and values blanked out, where
    they stand (their words may recur in the proposition: "North Korea
    denied the North Korean deployment")."""
    text = c.text
    spans: list[Quantity | TimeExpr | Place] = [*c.quantities, *c.times, *c.places]
    cuts = [(x.start - c.start, x.end - c.start) for x in spans]
    if c.source and (at := text.find(c.source)) >= 0 and not _SELF_REFERENCE.search(
        text, at + len(c.source)
    ):
        cuts.append((at, at + len(c.source)))
    keep = [True] * len(text)
    for s, e in cuts:  # spans may overlap ("U.S." inside "The U.S. and NATO")
        for k in range(max(0, s), min(len(text), e)):
            keep[k] = False
    return "".join(ch if k else " " for ch, k in zip(text, keep, strict=True))


@functools.lru_cache(maxsize=65536)
def _core_words(text: str) -> frozenset[str]:
    return frozenset(
        _fold(w)
        for w in _words(text)
        if w not in _SPEECH and w not in _NEGATORS and w not in _TIME_WORDS
        and not _DIGITS.search(w)
    )


def core(c: Claim) -> frozenset[str]:
    """What a claim says, without who says it and without its values: the
    numbers, times and places are what comparators compare, so they cannot
    also be what makes two claims one proposition. Words are stemmed and
    counted things folded ("soldiers" / "troops")."""
    return _core_words(_core_text(c))


#: Where a sentence joins clauses or objects that are facts of their own
#: (not every comma: "Ms. Rivera, 54, will step down" is one clause).
_COORDINATION = re.compile(
    r";|\b(?:as well as|along with)\b|,\s*(?:and|but|while|whereas)\b|\s(?:and|but)\s+that\b",
    re.IGNORECASE,
)


#: Where an adverbial clause opens (when, why or despite what the main
#: clause happened).
_ADVERBIAL = re.compile(
    r"\b(?:when|after|before|once|because|since|until|while|although|though)\b", re.IGNORECASE
)


#: An appositive or non-restrictive relative set off by commas after a name
#: ("Jane Doe, a former judge who chaired the panel, will ..."; "Mr. Roe,
#: 61, said"): it describes a participant and is not what the sentence
#: asserts (Potts 2005: not at-issue content).
_APPOSITIVE = re.compile(
    r"\b([A-Z][\w.'\u2019-]*),\s+(?:a|an|who|whose|which|\d+)\b[^,;:\u2014]*,"
)


def conjuncts(c: Claim) -> list[frozenset[str]]:
    """The cores of a claim's coordinated parts, whole first: "denied the
    deployment as well as the weapons transfer" denies two facts. Without
    its appositives, the whole is one more candidate."""
    whole = core(c)
    text = _core_text(c)
    parts = [_core_words(p) for p in _COORDINATION.split(text)]
    bare = _APPOSITIVE.sub(r"\1 ", text)
    if bare != text:
        parts.append(_core_words(bare))
    return [whole, *dict.fromkeys(p for p in parts if p and p != whole)]


def denies_another_conjunct(
    doubter: Claim, other: Claim, cue: Callable[[str], bool],
    idf: Mapping[str, float] | None = None,
) -> bool:
    """The doubter joins two facts ("X shot down the report, and the league
    says it must announce a suspension"; "she apologised when told the
    story was a prank") and what the other claim states is the fact without
    the doubt (``cue`` finds the doubting words): the doubt is about another
    fact. An adverbial clause may carry a doubt of its own ("reacted after
    fake news that he died"), but a doubt of the clause it modifies covers
    it ("a hoax video of a pigeon landing on him while he spoke")."""
    parts: list[tuple[str, bool]] = []  # (text, doubted)
    for conjunct in _COORDINATION.split(doubter.text):
        main, *adverbials = _ADVERBIAL.split(conjunct)
        if adverbials and _verb_after(main, adverbials, doubter.predicate):
            # the main verb stands after the opener, so the "adverbial" sits
            # inside the subject ("claims of P when he died are called a
            # hoax"): one clause, and its doubt covers all of it
            main, adverbials = conjunct, []
        doubted = cue(main)
        parts += [(main, doubted)] + [(a, doubted or cue(a)) for a in adverbials]
    parts = [(p, d) for p, d in parts if p.strip()]
    if len(parts) < 2 or not any(d for _, d in parts):
        return False
    theirs = core(other)
    _best, doubted = max(parts, key=lambda pd: _containment(_core_words(pd[0]), theirs, idf))
    return not doubted


#: The forms of "be".
BE_FORMS = frozenset("is are was were be been being am".split())


def _verb_after(main: str, adverbials: Sequence[str], predicate: str | None) -> bool:
    """The main verb ``predicate`` has no form in ``main`` and one after it:
    an adverbial clause ends before the verb of the clause it modifies."""
    if not predicate:
        return False

    def has(text: str) -> bool:
        words = re.findall(r"[\w'\u2019-]+", text.lower())
        if predicate == "be":
            return any(w in BE_FORMS for w in words)
        return any(stem(w) == stem(predicate) for w in words)

    return not has(main) and any(has(a) for a in adverbials)


def _words(text: str) -> frozenset[str]:
    return content_words(text)  # clitics ("Trump's", "didn't") are handled there


def _fold(word: str) -> str:
    cls = head_class(word)
    if cls != word and cls is not None:
        return cls
    st = stem(word)
    return _LEAVING.get(st, st)


#: Verbs and nouns of leaving a post name one event, the end of someone's
#: tenure, whichever word an outlet picks ("the chief will be retiring in
#: April" / "the chief will leave in April"). Stems, folded to "leav".
#: Resigning is not among them: it is giving notice, dated when notice is
#: given ("resigned on Monday", to leave in April).
_LEAVING = {stem(w): "leav" for w in "retire retiring depart departing departure leave "
            "leaving quit quitting".split()}


def action(predicate: str | None) -> str | None:
    """The event a main verb names, paraphrases folded ("retire" and
    "leave" are one departure, "deploy" and "send" one sending), or None."""
    return _fold(event_class(predicate)) if predicate else None


def one_event(a: Claim, b: Claim) -> bool:
    """Both main verbs name one event (the same lemma, or one class)."""
    return a.predicate is not None and (
        a.predicate == b.predicate or action(a.predicate) == action(b.predicate)
    )


def participants(c: Claim) -> frozenset[str]:
    """Canonical entities named in the claim outside its attribution."""
    lo, hi = source_span(c)
    return frozenset(m.entity for m in c.mentions if m.entity and not (lo <= m.start < hi))


def core_idf(claims: Sequence[Claim]) -> dict[str, float]:
    """Inverse document frequency of core words over a batch's claims."""
    return idf_table(claims, words=core)


def _weight(w: str, idf: Mapping[str, float] | None) -> float:
    return idf.get(w, 1.0) if idf else 1.0


def containment(a: Claim, b: Claim, idf: Mapping[str, float] | None = None) -> float:
    """IDF-weighted share of the smaller core that the other claim carries."""
    return _containment(core(a), core(b), idf)


def _containment(
    ca: frozenset[str], cb: frozenset[str], idf: Mapping[str, float] | None
) -> float:
    if not ca or not cb:
        return 0.0
    shared = sum(_weight(w, idf) for w in ca & cb)
    return shared / min(sum(_weight(w, idf) for w in ca), sum(_weight(w, idf) for w in cb))


@dataclass(frozen=True, slots=True)
class Alignment:
    """Whether two claims state one proposition, and the evidence."""

    aligned: bool
    overlap: float  # containment of the smaller core
    same_action: bool
    why: str


_DOUBT = ("denied", "unconfirmed")
#: Verbs whose act is a doubt or a denial of what they govern ("questioned
#: the recording", "disputed the figures").
_DOUBTING_VERBS = DENYING | {"question", "doubt", "challenge"}


def _doubting_verb(a: Claim, b: Claim) -> bool:
    """Both main verbs are one verb, the doubting claim's act of doubting
    ("experts questioned the recording"): in the other claim it names
    another act ("police questioned a man"), not the fact doubted."""
    return a.predicate == b.predicate and a.predicate in _DOUBTING_VERBS


#: A core this small names no proposition ("Ms. X's lawyer disputed").
MIN_CORE = 1


def align(
    a: Claim, b: Claim, *, similarity: float, idf: Mapping[str, float] | None = None
) -> Alignment:
    """Do ``a`` and ``b`` state one proposition? (See the module docstring.)"""
    if len(core(a)) < MIN_CORE or len(core(b)) < MIN_CORE:
        return Alignment(False, 0.0, False, "one claim names no proposition of its own")
    overlap = containment(a, b, idf)
    doubt = (a.certainty in _DOUBT) != (b.certainty in _DOUBT)
    # a shared verb of doubting is the doubter's act, not the fact doubted
    by_verb = (predicate_shared(a, b) or one_event(a, b)) and not (doubt and _doubting_verb(a, b))
    same_action = by_verb or bool(
        content_words(a.text) & content_words(b.text) & _EVENT_CLASSES
    )
    if same_action and similarity >= 0.45:
        # A sentence may carry several facts ("said that X will leave in
        # February, and that X was a great help"): compare the clauses
        # around the shared action.
        actions = {_fold(x.predicate) for x in (a, b) if x.predicate} | _EVENT_CLASSES
        clause = max(
            (_containment(p, q, idf) for p in conjuncts(a) for q in conjuncts(b)
             if len(p) >= 2 and len(q) >= 2 and p & q & actions),
            default=0.0,
        )
        if max(overlap, clause) >= 0.45:
            return Alignment(True, max(overlap, clause), True,
                             "one action with the same participants")
        if len(participants(a) & participants(b)) >= 2 and similarity >= 0.6:
            # who did what to whom: the action and two named participants
            # are shared, whatever detail each sentence adds
            return Alignment(True, overlap, True, "one action between the same named parties")
    shared = 0
    if doubt:
        # the denied or doubted fact may be one of several coordinated ones
        denier, other = (a, b) if a.certainty in _DOUBT else (b, a)
        best = max(conjuncts(denier), key=lambda p: _containment(p, core(other), idf))
        overlap = _containment(best, core(other), idf)
        # a fact is more than one shared word: "would not confirm the
        # salary figure" doubts nothing "earns seven figures" states
        shared = len(best & core(other))
    if doubt and overlap >= 0.55 and similarity >= 0.4 and shared >= 2:
        return Alignment(True, overlap, same_action, "the denied or doubted fact is the other's")
    # nor is a doubted fact one shared word when the whole is compared: the
    # one-word core of "the council disputed the claim" is contained in
    # any sentence about the claim
    if overlap >= 0.5 and similarity >= 0.7 and (not doubt or len(core(a) & core(b)) + (
        # the same source on both sides is shared too ("NASA confirms P" /
        # "NASA confirms P: no, it's a hoax")
        1 if a.source and b.source and content_words(a.source) & content_words(b.source) else 0
    ) >= 2):
        return Alignment(True, overlap, same_action, "nearly the same statement")
    return Alignment(False, overlap, same_action, "different statements")


#: Event words that name one action across parts of speech (folded by
#: ``content_words``: "deployment" / "sent", "killed" / "died").
_EVENT_CLASSES = frozenset({"send", "die", "shoot", "injure", "arrest"})
