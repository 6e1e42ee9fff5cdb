"""Named, versioned comparators and what each is given.

A comparator looks at two claims already matched as one fact and returns a
:class:`Comparison`, or None when it has nothing to say (no quantities, no
places...). The rules register themselves here (``checker.compare.comparators``);
``checker.compare.verdict`` combines what they say. This module imports no
rule, so the rules can import it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from checker.model import Claim, Comparison

if TYPE_CHECKING:
    from checker.compare.frame import Frames


@dataclass(frozen=True, slots=True)
class PairContext:
    """What a comparator may know beyond the two claims."""

    published_a: dt.date | None = None
    published_b: dt.date | None = None
    similarity: float = 1.0  # cosine of the two claims
    match: float = 1.0  # blended match score (cosine and slots)
    update_days: int = 7
    outlet_a: str | None = None
    outlet_b: str | None = None
    idf: Mapping[str, float] | None = None  # word rarity in the batch, for alignment
    #: what the parse of a claim says its values are values of
    #: (``checker.compare.frame``); None where no parser is at hand
    frames: Frames | None = None

    def swapped(self) -> PairContext:
        return replace(
            self,
            published_a=self.published_b,
            published_b=self.published_a,
            outlet_a=self.outlet_b,
            outlet_b=self.outlet_a,
        )

    def gap(self) -> int | None:
        """Days by which b was published after a (negative: before)."""
        if self.published_a is None or self.published_b is None:
            return None
        return (self.published_b - self.published_a).days


ComparatorFn = Callable[[Claim, Claim, PairContext], "Comparison | None"]
COMPARATORS: dict[str, ComparatorFn] = {}


def comparator(name: str) -> Callable[[ComparatorFn], ComparatorFn]:
    """Register a comparator under a versioned name (``quantity.v1``)."""

    def register(fn: ComparatorFn) -> ComparatorFn:
        if name in COMPARATORS:
            raise ValueError(f"comparator {name!r} is registered twice")
        COMPARATORS[name] = fn
        return fn

    return register


def quote(c: Claim, limit: int = 80) -> str:
    text = " ".join(c.text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"
