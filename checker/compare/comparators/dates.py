"""``time.v1``: event times of one action that do not overlap: a conflict of
time for day-precise dates or two weekdays of one week, otherwise
different periods (``scope``).
"""

from __future__ import annotations

import re

from checker.compare.comparators.occasions import (
    _DAYS,
    _attached,
    _disjoint_times,
    _event_times,
    _other_weekdays,
    _possibility_and_fact,
    _two_moods,
    _two_occasions,
)
from checker.compare.comparators.wording import (
    _later,
    _who,
)
from checker.compare.proposition import one_event
from checker.compare.registry import PairContext, comparator
from checker.match import (
    ATTRIBUTING,
    LIGHT_VERBS,
    place_clash,
    predicate_shared,
)
from checker.model import Claim, Comparison, TimeExpr

_WEEKDAY = re.compile(rf"^(?:on\s+)?({_DAYS})(?:\s+(?:morning|afternoon|evening|night))?$",
                      re.IGNORECASE)


def _weekday(c: Claim) -> tuple[TimeExpr, str] | None:
    """A bare weekday ("on Friday", "Thursday morning") left unresolved, of
    the claim's main verb (not of a clause after "after", "when", ...)."""
    for t in c.times:
        if t.role == "event" and t.low is None and (m := _WEEKDAY.match(t.text.strip())) and (
            _attached(c, t)
        ):
            return t, m.group(1).lower()
    return None


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _only_the_guessed_year_differs(ta: TimeExpr, tb: TimeExpr) -> bool:
    """Neither names a year and the two periods overlap once moved into one
    year: the years were inferred from the tense ("was leaving in
    February"), not reported, so they cannot contradict each other."""
    if _YEAR.search(ta.text) or _YEAR.search(tb.text):
        return False
    if ta.low is None or ta.high is None or tb.low is None or tb.high is None:
        return False
    shift = ta.low.year - tb.low.year
    if shift == 0:
        return False
    try:
        lo, hi = tb.low.replace(year=tb.low.year + shift), tb.high.replace(year=tb.high.year + shift)
    except ValueError:  # 29 February
        return False
    return ta.low <= hi and lo <= ta.high


@comparator("time.v1")
def time(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """Event times that do not overlap: a conflict of time for day-precise
    dates of the same action, otherwise different periods (scope). Without
    publication dates, bare weekday names of one action are taken to lie in
    one week, so "Thursday" vs "Friday" still clash."""
    if _other_weekdays(a, b) and place_clash(a, b) is not None:
        return _two_occasions(a, b, "time.v1")
    if ctx.published_a is None and ctx.published_b is None:
        wa, wb = _weekday(a), _weekday(b)
        if wa and wb and wa[1] != wb[1] and predicate_shared(a, b) and not _disjoint_times(a, b):
            if _two_moods(a, wa[0], b, wb[0], ctx):
                return _possibility_and_fact(f"{wa[0].text} vs {wb[0].text}", "time.v1", ctx)
            shown = (f"{wa[0].text}{_who(a, None, ctx.outlet_a)} vs "
                     f"{wb[0].text}{_who(b, None, ctx.outlet_b)}")
            return Comparison("conflict", "time", round(0.6 * ctx.match, 4),
                              f"{shown}: different days", "time.v1")
    if not _disjoint_times(a, b):
        return None
    ta, tb = _event_times(a)[0], _event_times(b)[0]
    if _only_the_guessed_year_differs(ta, tb):
        return None
    if _two_moods(a, ta, b, tb, ctx):
        return _possibility_and_fact(f"{ta.text} vs {tb.text}", "time.v1", ctx)
    shown = f"{ta.text}{_who(a, ctx.published_a, ctx.outlet_a)} vs {tb.text}{_who(b, ctx.published_b, ctx.outlet_b)}"
    if _later(ctx) is not None:
        return None  # reports weeks apart naturally speak of different days
    same_action = one_event(a, b)
    gap = ctx.gap()
    if same_action and gap and a.predicate not in LIGHT_VERBS | ATTRIBUTING:
        # within one news cycle a later report that moves the date of the
        # same act supersedes ("will leave at the end of February" on the
        # 20th, "will be leaving on January 1" on the 23rd)
        return Comparison("update", None, round(0.6 * ctx.match, 4),
                          f"{shown}: the later report gives another time", "time.v1")
    if same_action and ta.precision == "day" and tb.precision == "day" and ctx.similarity >= 0.7:
        return Comparison("conflict", "time", round(0.7 * ctx.match, 4),
                          f"{shown}: different dates", "time.v1")
    if not same_action or a.predicate in LIGHT_VERBS or a.predicate in ATTRIBUTING:
        return None  # times of different actions ("said on Saturday" / "a statement Friday")
    return Comparison("scope", None, round(0.4 * ctx.match, 4),
                      f"{shown}: different periods", "time.v1")
