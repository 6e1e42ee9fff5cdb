"""``time.v1``: event times of one action that do not overlap: a conflict of
time for day-precise dates, two weekdays of one week or two times of day
hours apart, otherwise different periods (``scope``).
"""

from __future__ import annotations

import datetime as dt
import re

from checker.compare.comparators.actions import _same_subject
from checker.compare.comparators.commitment import committed
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
    _conflict_or_update,
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
from checker.match.things import is_age
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


#: Parts of the day, as hours after the midnight that opens the day (past
#: 24: the small hours that end it, so "Friday night" runs into Saturday).
_PARTS = {
    # "early Sunday morning", "2 a.m. Sunday morning": the morning reaches
    # back to midnight
    "early morning": (0.0, 9.0), "late morning": (9.0, 12.0), "morning": (0.0, 12.0),
    "early afternoon": (12.0, 15.0), "late afternoon": (15.0, 18.5), "afternoon": (12.0, 18.5),
    "early evening": (17.0, 20.0), "late evening": (20.0, 24.0), "evening": (17.0, 24.0),
    "late night": (21.0, 28.0), "night": (19.0, 29.0), "overnight": (21.0, 30.0),
    "early hours": (0.0, 6.0), "noon": (11.5, 12.5), "midday": (11.5, 12.5),
    "midnight": (23.5, 24.5),
}
#: A time that ends by this hour may be the small hours at the end of a
#: night ("1 a.m.", "early morning"); "morning" as a whole may not.
_SMALL_HOURS = 9.0
_CLOCK_OR_PART = re.compile(
    r"\b(?P<clock>(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?)"
    r"|\b(?P<part>(?:early|late)\s+(?:morning|afternoon|evening|night|hours)|"
    r"morning|afternoon|evening|night|overnight|noon|midday|midnight)\b",
    re.IGNORECASE,
)
#: A clock time given as a bound ("before 9 a.m.", "until noon") or an
#: interval's end: no time of the event itself.
_BOUND_BEFORE = re.compile(r"\b(?:before|after|until|till|since|by|from|to|between|and)\s*$",
                           re.IGNORECASE)
_ROUGHLY_BEFORE = re.compile(r"\b(?:around|about|approximately|roughly|nearly|almost)\s*$",
                             re.IGNORECASE)

Span = tuple[float, float]


def _hours(c: Claim) -> list[tuple[TimeExpr, list[Span]]]:
    """The times of day the claim gives its main verb's event, as spans of
    hours ("9 a.m.": 8.75 to 9.25, an hour either side when "around";
    "Tuesday afternoon": 12 to 18.5), each with the small hours read both
    as the start of a day and as the end of the night before; not bounds
    ("before 9 a.m.") nor times of another clause."""
    out = []
    for m in _CLOCK_OR_PART.finditer(c.text):
        before = c.text[: m.start()]
        if _BOUND_BEFORE.search(before):
            continue
        offset = c.start + m.start()
        # shown as the time expression it is part of ("Friday night")
        t = next((x for x in c.times if x.start <= offset < x.end),
                 TimeExpr(offset, c.start + m.end(), m.group(), None, None))
        if not _attached(c, t):
            continue
        if m.group("clock"):
            h = int(m.group("h")) % 12 + (12 if m.group("ampm").lower() == "p" else 0)
            at = h + int(m.group("m") or 0) / 60
            wide = 1.0 if _ROUGHLY_BEFORE.search(before) else 0.25
            span = (at - wide, at + wide)
        else:
            span = _PARTS[" ".join(m.group("part").lower().split())]
        spans = [span]
        if span[1] <= _SMALL_HOURS:
            spans.append((span[0] + 24.0, span[1] + 24.0))
        out.append((t, spans))
    return out


def _apart(xs: list[Span], ys: list[Span], gap: float = 1.0) -> bool:
    """Every reading of the two times of day lies ``gap`` hours or more
    apart."""
    return all(x[1] + gap <= y[0] or y[1] + gap <= x[0] for x in xs for y in ys)


_NIGHT = re.compile(r"\b(?:night|overnight|late\s+(?:evening|" + _DAYS + r"))\b", re.IGNORECASE)


def _night_into_next_day(a: Claim, b: Claim) -> bool:
    """One claim dates the event to a night ("late Friday night") and the
    other to the next day ("1 a.m. Saturday"): a night runs into the small
    hours of the next day, so the two days may be one time, and only the
    times of day can tell."""
    for x, y in ((a, b), (b, a)):
        for tx in _event_times(x):
            if tx.high is None or tx.precision != "day" or not _NIGHT.search(tx.text):
                continue
            if any(ty.low == ty.high == tx.high + dt.timedelta(days=1)
                   for ty in _event_times(y)):
                return True
    return False


def _other_ages(a: Claim, b: Claim) -> bool:
    """Both give ages, and none is shared: they speak of other people."""
    ages_a = {q.low for q in a.quantities if is_age(a, q)}
    ages_b = {q.low for q in b.quantities if is_age(b, q)}
    return bool(ages_a and ages_b) and not ages_a & ages_b


def _other_hours(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """One event put at times of day apart ("at 9 a.m." / "on Tuesday
    afternoon"), each claim giving one, of one action and subject asserted
    on days that may be one: a conflict of time (an update when one report
    is much later)."""
    ha, hb = _hours(a), _hours(b)
    if len(ha) != 1 or len(hb) != 1 or not _apart(ha[0][1], hb[0][1]):
        return None
    if not (one_event(a, b) and _same_subject(a, b)) or a.predicate in LIGHT_VERBS | ATTRIBUTING:
        return None
    if _other_ages(a, b):
        return None  # "a 20-year-old man" / "a 22-year-old man": two people
    if committed(a) != "pos" or committed(b) != "pos" or _two_moods(a, ha[0][0], b, hb[0][0], ctx):
        return None
    shown = (f"{ha[0][0].text}{_who(a, ctx.published_a, ctx.outlet_a)} vs "
             f"{hb[0][0].text}{_who(b, ctx.published_b, ctx.outlet_b)}")
    return _conflict_or_update("time.v1", "time", shown, ctx, "different times of day",
                               "the later report gives another time", 0.6)


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
    if not _disjoint_times(a, b) or _night_into_next_day(a, b):
        return _other_hours(a, b, ctx)
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
