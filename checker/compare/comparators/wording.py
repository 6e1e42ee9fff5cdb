"""How a finding names its claims: who says it (the attribution, else the
outlet), when it was published, and which side is the later report.
"""

from __future__ import annotations

import datetime as dt

from checker.compare.registry import PairContext, quote
from checker.model import Claim, Comparison, ConflictKind, Verdict


def _when(d: dt.date | None) -> str | None:
    return f"{d:%b} {d.day}, {d.year}" if d else None


_PRONOUNS = frozenset("it he she they we i you this that".split())


def _per(c: Claim, outlet: str | None) -> str | None:
    """The attribution ("per South Korea's spy agency"), else the outlet; a
    bare pronoun ("it said") names no one, so the outlet stands in."""
    voice = _voice(c)
    return f"per {voice}" if voice else outlet


def _who(c: Claim, published: dt.date | None, outlet: str | None = None) -> str:
    """Who says it and when: the attribution, else the outlet; the date."""
    parts = [_per(c, outlet), _when(published)]
    inner = ", ".join(p for p in parts if p)
    return f" ({inner})" if inner else ""


def _later(ctx: PairContext) -> str | None:
    """'a' or 'b' when that side was published ``update_days`` or more after the other."""
    gap = ctx.gap()
    if gap is None or abs(gap) < ctx.update_days:
        return None
    return "b" if gap > 0 else "a"


def _voice(c: Claim) -> str | None:
    """Who speaks: the attribution, or None for the outlet's own voice."""
    if c.source and c.source.strip().lower() not in _PRONOUNS:
        return c.source
    return None


def _tag(c: Claim, published: dt.date | None, outlet: str | None = None) -> str:
    parts = [c.certainty, _per(c, outlet), _when(published)]
    return ", ".join(p for p in parts if p)


def _say(
    name: str,
    a: Claim,
    b: Claim,
    ctx: PairContext,
    verdict: Verdict,
    kind: ConflictKind | None,
    confidence: float,
    why: str,
) -> Comparison:
    return Comparison(
        verdict,
        kind,
        round(confidence * ctx.match, 4),
        f"{quote(a)} ({_tag(a, ctx.published_a, ctx.outlet_a)}) vs {quote(b)} ({_tag(b, ctx.published_b, ctx.outlet_b)}): {why}",
        name,
    )


def _conflict_or_update(
    by: str, kind: ConflictKind, shown: str, ctx: PairContext, why: str, later: str,
    confidence: float,
) -> Comparison:
    """Two values of one thing, shown as ``shown``: an update when one report
    is much later (``later`` says what it does), else a conflict of ``kind``
    (``why``)."""
    if _later(ctx) is not None:
        return Comparison("update", None, round(0.6 * ctx.match, 4), f"{shown}: {later}", by)
    return Comparison("conflict", kind, round(confidence * ctx.match, 4), f"{shown}: {why}", by)
