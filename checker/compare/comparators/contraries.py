"""``contrary.v1``: one subject said to do one of two things that exclude
each other, the two outcomes of one event: the coach resigned or was
dismissed, the candidate won or lost, the court acquitted or convicted, the
governor signed or vetoed the bill. Neither claim negates anything, so
``negation.v1`` does not see it, and the sentences are close enough to be
called ``agree`` by default.

Only contraries, not merely different verbs ("met" / "held talks" say one
thing), and only when the rest is one statement: the same subject (both
named, sharing a word), nothing else said differently, one time. A
conflict is of kind ``negation`` (each asserts the contrary of the
other's action)."""

from __future__ import annotations

from checker.compare.comparators.actions import _subject_words
from checker.compare.comparators.commitment import _asserts_fact, committed
from checker.compare.comparators.occasions import (
    _apart_or_later,
    _disjoint_times,
    _other_weekdays,
)
from checker.compare.comparators.wording import _say, _voice
from checker.compare.proposition import core
from checker.compare.registry import PairContext, comparator, quote
from checker.match import stem
from checker.model import Claim, Comparison

#: Pairs of sets of verbs (lemmas) whose actions exclude each other for one
#: subject and one occasion: a departure chosen or imposed, a contest won or
#: lost, a verdict, a decision on a proposal, a bill signed or vetoed.
_CONTRARY_VERBS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({"resign"}), frozenset({"dismiss", "fire", "sack", "oust"})),
    (frozenset({"win"}), frozenset({"lose"})),
    (frozenset({"acquit"}), frozenset({"convict"})),
    (frozenset({"approve", "accept"}), frozenset({"reject"})),
    (frozenset({"sign"}), frozenset({"veto"})),
)
_CONTRARIES = tuple(
    (frozenset(stem(v) for v in one), frozenset(stem(v) for v in other))
    for one, other in _CONTRARY_VERBS
)


def contrary_stems(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The stems of the two main verbs when they are contraries, else None."""
    if not a.predicate or not b.predicate:
        return None
    sa, sb = stem(a.predicate), stem(b.predicate)
    for one, other in _CONTRARIES:
        if (sa in one and sb in other) or (sa in other and sb in one):
            return sa, sb
    return None


def _one_subject(a: Claim, b: Claim) -> bool:
    """Both name a subject, and the subjects share a word."""
    sa, sb = _subject_words(a), _subject_words(b)
    return bool(sa and sb and sa & sb)


def _rest_shared(a: Claim, b: Claim, verbs: tuple[str, str]) -> bool:
    """Besides the two verbs, what one claim says the other says too (it may
    say more: "signed the bill into law" / "vetoed the bill"); a word each
    has alone ("won the first game" / "lost the second game") makes them
    two statements."""
    ca, cb = core(a) - set(verbs), core(b) - set(verbs)
    return bool(ca and cb) and (ca <= cb or cb <= ca)


@comparator("contrary.v1")
def contrary(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """One subject does one of two actions that exclude each other: a
    conflict in one voice, a dispute when a source says one and an outlet
    the other, nothing between two sources (a dispute both may report), an
    update when one report is much later. Contrary actions of other
    subjects, things or occasions are two facts (``unrelated``), never one
    agreed on."""
    verbs = contrary_stems(a, b)
    if verbs is None or committed(a) != "pos" or committed(b) != "pos":
        return None
    what = f"“{a.predicate}” and “{b.predicate}” exclude each other"
    if not (_asserts_fact(a) and _asserts_fact(b) and _one_subject(a, b)) or (
        not _rest_shared(a, b, verbs) or _disjoint_times(a, b) or _other_weekdays(a, b)
    ):
        # contrary actions are never one fact agreed on: of other subjects,
        # things or occasions they are two facts
        return Comparison("unrelated", None, 0.0,
                          f"{quote(a)} vs {quote(b)}: {what}, and the rest differs: two facts",
                          "contrary.v1")
    if (said := _apart_or_later(a, b, ctx, "contrary.v1")) is not None:
        return said
    if bool(_voice(a)) != bool(_voice(b)):
        return _say("contrary.v1", a, b, ctx, "disputed", None, 0.7,
                    f"a source says otherwise: {what}")
    return _say("contrary.v1", a, b, ctx, "conflict", "negation", 0.8, what)

