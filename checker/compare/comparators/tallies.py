"""``tally.v1``: one vote or game given two tallies ("passed the Senate
52-48" / "51-49"; "in a 5-4 decision" / "ruled 6-3"). A tally is a pair of
counts, the sides of one outcome, which the quantity rules do not read;
two tallies of one event that differ, in whatever order the sides are
written, are a conflict of number.

Only a tally written as a vote or a score: next to a word of voting,
deciding or winning ("voted 52-48", "a 5-4 decision", "won 3-1"), not a
range ("a 40-60 hour course"); one tally in each claim, of one action and
subject, on days that may be one."""

from __future__ import annotations

import re

from checker.compare.comparators.actions import _same_subject
from checker.compare.comparators.commitment import committed
from checker.compare.comparators.occasions import _disjoint_times
from checker.compare.comparators.wording import _conflict_or_update, _who
from checker.compare.proposition import one_event
from checker.compare.registry import PairContext, comparator
from checker.model import Claim, Comparison

_OUTCOME_WORDS = (
    r"vot(?:e|es|ed|ing)|pass(?:es|ed)?|approv(?:e|es|ed)|reject(?:s|ed)?|confirm(?:s|ed)?|"
    r"won|wins?|lost|loses?|beat(?:s|en)?|defeat(?:s|ed)?|rul(?:e|es|ed|ing)|decision|"
    r"margin|score|tally|victory|split|majority|verdict"
)
_TALLY = re.compile(
    r"(?:\b(?:" + _OUTCOME_WORDS + r")\b(?:\s+[\w'\u2019]+){0,3}?\s+"
    r"(?P<a1>\d{1,3})\s?[-\u2013]\s?(?P<b1>\d{1,3})\b(?![-\u2013]?\s?(?:years?|hours?|days?|"
    r"minutes?|percent|%)))"
    r"|(?:\b(?P<a2>\d{1,3})\s?[-\u2013]\s?(?P<b2>\d{1,3})\s+(?:" + _OUTCOME_WORDS + r")\b)",
    re.IGNORECASE,
)


def tallies(c: Claim) -> list[tuple[int, int]]:
    """The tallies of a vote or a score the claim gives, each as its two
    sides, larger first."""
    out = []
    for m in _TALLY.finditer(c.text):
        x, y = (int(m.group("a1")), int(m.group("b1"))) if m.group("a1") else (
            int(m.group("a2")), int(m.group("b2")))
        out.append((max(x, y), min(x, y)))
    return out


@comparator("tally.v1")
def tally(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """One vote or game, one tally in each claim, and not the same one: a
    conflict of number (an update when one report is much later)."""
    ta, tb = tallies(a), tallies(b)
    if len(ta) != 1 or len(tb) != 1 or ta == tb:
        return None
    if committed(a) != "pos" or committed(b) != "pos" or _disjoint_times(a, b):
        return None
    if not (one_event(a, b) and _same_subject(a, b)):
        return None
    (xa, ya), (xb, yb) = ta[0], tb[0]
    shown = (f"{xa}-{ya}{_who(a, ctx.published_a, ctx.outlet_a)} vs "
             f"{xb}-{yb}{_who(b, ctx.published_b, ctx.outlet_b)}")
    return _conflict_or_update("tally.v1", "number", shown, ctx, "two tallies of one outcome",
                               "the later report gives another tally", 0.7)
