"""``place.v1``: one thing put in places of different countries, neither
containing the other.
"""

from __future__ import annotations

from checker.compare import frame
from checker.compare.comparators.occasions import (
    _disjoint_times,
    _other_weekdays,
    _possibility_and_fact,
    _two_moods,
    _two_occasions,
)
from checker.compare.comparators.wording import (
    _conflict_or_update,
    _who,
)
from checker.compare.registry import PairContext, comparator
from checker.match import (
    place_clash,
    placed_phrase,
)
from checker.model import Claim, Comparison


@comparator("place.v1")
def place(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """The same thing put in places of different countries, neither
    containing the other: a conflict of place (an update when one report is
    much later). Only places the claims put something in count (``in``,
    ``into``, ``in front of the``), and only when what is put there shares a
    word ("combat zones in Ukraine" / "combat operations in Russia's Kursk
    region"), not places named as actors or partners."""
    clash = place_clash(a, b)
    if clash is None or _disjoint_times(a, b):
        return None  # two occasions ("meeting in Brussels" last week, "in Helsinki" Monday)
    if _other_weekdays(a, b):
        return _two_occasions(a, b, "place.v1")
    pa, pb = clash
    if _two_moods(a, pa, b, pb, ctx):
        return _possibility_and_fact(f"{placed_phrase(a, pa)} vs {placed_phrase(b, pb)}",
                                     "place.v1", ctx)
    if ctx.frames is not None and frame.two_things_placed(a, pa, b, pb, ctx.frames):
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{placed_phrase(a, pa)} vs {placed_phrase(b, pb)}: the places locate two things",
            "place.v1",
        )
    shown = (
        f"{placed_phrase(a, pa)}{_who(a, ctx.published_a, ctx.outlet_a)} vs "
        f"{placed_phrase(b, pb)}{_who(b, ctx.published_b, ctx.outlet_b)}"
    )
    return _conflict_or_update("place.v1", "place", shown, ctx, "different countries",
                               "the later report places it elsewhere", 0.8)
