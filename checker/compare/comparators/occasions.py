"""When and in what mood a claim's values hold: the times of its event, two
occasions told apart by their dates or weekdays, a possibility against a
fact, and the source a value comes from. Shared by the comparators of
negation, quantity, place and time.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from checker.compare import frame
from checker.compare.comparators.actions import (
    _TOKEN,
)
from checker.compare.comparators.wording import _later, _say, _voice
from checker.compare.registry import PairContext, quote
from checker.match import (
    predicate_span,
    stem,
)
from checker.model import Claim, Comparison, Mention, TimeExpr


def _two_moods(a: Claim, sa: frame.Slot, b: Claim, sb: frame.Slot, ctx: PairContext) -> bool:
    """One value belongs to what might happen, the other to what did, read
    from the parse (``checker.compare.frame``) when one is at hand."""
    return ctx.frames is not None and frame.two_moods(a, sa, b, sb, ctx.frames)


def _possibility_and_fact(shown: str, comparator: str, ctx: PairContext) -> Comparison:
    """Values of a possibility and of a fact (``shown``: "x vs y"): two facts."""
    return Comparison("unrelated", None, round(ctx.match, 4),
                      f"{shown}: one is a possibility, the other a fact", comparator)


def _event_times(c: Claim) -> list[TimeExpr]:
    return [t for t in c.times if t.role == "event" and t.low is not None and t.high is not None
            and _attached(c, t)]


#: Words that open another clause: a time after one belongs to that clause's
#: verb ("released the e-mails after snippets became public on Friday").
_CLAUSE_OPENERS = re.compile(
    r"\b(?:after|before|when|while|because|since|that|which|who|until|as|whereas)\b",
    re.IGNORECASE,
)


_OWN_PREPOSITION = re.compile(
    r"\b(?:after|before|since|until|till)\s+(?:(?:a|an|the|its|his|her|their)\s+)?$", re.IGNORECASE
)


def _attached(c: Claim, t: TimeExpr) -> bool:
    """The time belongs to the claim's main verb: no other clause opens
    between the verb and the time. When the verb's word recurs (the main
    verb "retiring" after an appositive's "retired"), any of its forms may
    be the verb."""
    verb = predicate_span(c)
    if verb is None:
        return True
    forms = [verb[1]] + [
        m.end() for m in _TOKEN.finditer(c.text)
        if m.start() > verb[0] and stem(m.group()) == stem(c.predicate or "")
    ]
    at = t.start - c.start
    # the time's own preposition ("until 1997", "after the 2016 vote")
    # opens no clause
    own = _OWN_PREPOSITION.search(c.text[:at])
    if own:
        at = own.start()
    return any(
        not _CLAUSE_OPENERS.search(c.text[max(0, s) : max(0, e)])
        for end in forms
        for s, e in [sorted((end, at))]
    )


def _disjoint_times(a: Claim, b: Claim) -> bool:
    ta, tb = _event_times(a), _event_times(b)
    if not ta or not tb:
        return False
    return not any(
        x.low <= y.high and y.low <= x.high  # type: ignore[operator]
        for x in ta
        for y in tb
    )


#: A period phrase, recognisable even when it could not be resolved to dates
#: (no publication date): "the last seven years", "this month", "since 2019".
_WINDOW = re.compile(
    r"\b(?:(?:the\s+)?(?:last|past|previous|recent|first|coming|next)\s+(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?|quarters?)|this\s+(?:week|month|year)|"
    r"since\b|so\s+far|to\s+date)",
    re.IGNORECASE,
)


def _other_source(a: Claim, b: Claim) -> bool:
    if not a.source or not b.source:
        return False
    return fuzz.token_set_ratio(a.source.lower(), b.source.lower()) < 80


def _name_key(m: Mention) -> frozenset[str]:
    """One person however the batch spelled them: the canonical id and the
    surname ("person:hale" and "person:obed-hale" are one man)."""
    words = re.findall(r"[A-Za-z]+", m.text)
    return frozenset(k for k in (m.entity, words[-1].lower() if words else "") if k)


_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"


#: A weekday named anywhere in a time expression ("Thursday and Friday").
_DAY_NAME = re.compile(rf"\b(?:{_DAYS})\b", re.IGNORECASE)


def _two_occasions(a: Claim, b: Claim, by: str) -> Comparison:
    return Comparison("unrelated", None, 0.0,
                      f"{quote(a)} vs {quote(b)}: another day and another place, two occasions",
                      by)


def _other_weekdays(a: Claim, b: Claim) -> bool:
    """Each claim names the weekdays of its event and they share none
    ("strikes on Thursday and Friday" / "a strike on Monday"): two
    occasions, even where the dates are not resolved."""
    def days(c: Claim) -> set[str]:
        return {m.group(0).lower() for t in c.times if t.role == "event"
                for m in _DAY_NAME.finditer(t.text)}

    da, db = days(a), days(b)
    return bool(da and db) and not da & db


def _apart_or_later(
    a: Claim, b: Claim, ctx: PairContext, by: str = "negation.v1"
) -> Comparison | None:
    """Two claims of opposite polarity on one action (or of contrary
    actions), before it matters who holds which: two other sources quoted
    on opposite sides are a dispute both outlets may report, not a
    difference between them (``unrelated``); a report a week or more later
    says otherwise (``update``). None when neither. ``by`` names the
    comparator that asks."""
    va, vb = _voice(a), _voice(b)
    if va and vb and _other_source(a, b):
        return Comparison("unrelated", None, 0.0,
                          f"{quote(a)} ({va}) vs {quote(b)} ({vb}): two sources quoted on "
                          "opposite sides, not outlets that contradict each other",
                          by)
    if _later(ctx) is not None:
        return _say(by, a, b, ctx, "update", None, 0.6, "a later report says otherwise")
    return None
