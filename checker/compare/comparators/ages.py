"""``age.v1``: one named person given two ages ("John Smith, 34," / "John
Smith, 43,"; "34-year-old John Smith"). An age counts nothing, so the
quantity rules leave it aside; it is a property of one person, whatever
else each sentence says of them, so two ages of one person are a
conflict of number even between claims of other facts.

Only ages written beside a name (an appositive "Name, 34,", "Name (34)",
or "34-year-old Name"), of a person both claims name, and only when
neither claim gives that person two ages (an age "then" and "now")."""

from __future__ import annotations

from checker.compare.comparators.commitment import committed
from checker.compare.comparators.wording import _conflict_or_update, _who
from checker.compare.registry import PairContext, comparator
from checker.match.things import named_ages
from checker.model import Claim, Comparison


@comparator("age.v1")
def age(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """One person both claims name, given one age by each, and not the
    same one: a conflict of number (an update when one report is much
    later)."""
    if committed(a) != "pos" or committed(b) != "pos":
        return None
    aa, ab = named_ages(a), named_ages(b)
    for who in sorted(aa.keys() & ab.keys()):
        (name, xa), (_, xb) = aa[who], ab[who]
        if len(xa) != 1 or len(xb) != 1 or xa == xb:
            continue
        (na,), (nb,) = xa, xb
        shown = (f"{name}, {na}{_who(a, ctx.published_a, ctx.outlet_a)} vs {nb}"
                 f"{_who(b, ctx.published_b, ctx.outlet_b)}")
        return _conflict_or_update("age.v1", "number", shown, ctx, "one person, two ages",
                                   "the later report gives another age", 0.7)
    return None
