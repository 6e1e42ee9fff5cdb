"""The verdict on two claims of one fact: what the registered comparators
say, combined. ``compare_claims`` puts the pair in a canonical order first,
so every verdict is the same both ways round.
"""

from __future__ import annotations

import datetime as dt

from checker.compare.registry import COMPARATORS, PairContext, quote
from checker.model import Claim, Comparison, Verdict

#: Most severe first; ``unrelated`` from any comparator overrides the rest.
SEVERITY: tuple[Verdict, ...] = (
    "conflict", "disputed", "update", "scope", "agree", "unique", "unrelated"
)
#: Verdicts that say two claims differ: only between aligned propositions.
DIFFERING: frozenset[str] = frozenset({"conflict", "disputed", "update", "scope"})
#: Comparators of what is true of a person whatever each sentence states
#: (an age): their differences need no aligned proposition.
OF_A_PERSON: frozenset[str] = frozenset({"age.v1"})


def _order_key(c: Claim, published: dt.date | None) -> tuple[str, str, str, int]:
    return (published.isoformat() if published else "", c.doc, c.text, c.start)


def compare_claims(
    a: Claim,
    b: Claim,
    ctx: PairContext,
    *,
    only: tuple[str, ...] | None = None,
    aligned: bool | None = None,
) -> Comparison:
    """The verdict on two claims of one fact: the most severe thing any
    comparator says, ``unrelated`` overriding, ``agree`` when none objects.

    Two outlets giving the same quoted words, or the same sentence, agree
    (``quote.v1``): whatever negation or number lies inside is shared,
    unless one calls those words false or denies them. Claims of which one
    asserts and the other negates, denies or doubts never agree: when no
    comparator aligns them on one action they are ``unrelated``. A
    difference (conflict, disputed, update, scope) is only reported between
    claims that state one proposition (``proposition.align``), or of one
    named person's age; otherwise the two are ``unrelated``.
    ``aligned=True`` says the caller has aligned them by other means (a
    place pair). ``only`` restricts the comparators asked (by registered
    name)."""
    from checker.compare import comparators as _rules  # (importing registers them)
    from checker.compare import proposition

    if _order_key(b, ctx.published_b) < _order_key(a, ctx.published_a):
        a, b, ctx = b, a, ctx.swapped()
    if only is None:
        shared = proposition.shared_quote(a, b)
        # words both carry agree, unless one calls them false or denies them:
        # then the comparators judge the pair like any other
        if shared is not None and not _rules.opposed(a, b, shared):
            return Comparison(
                "agree", None, round(ctx.match, 4),
                f"{quote(a)} and {quote(b)}: both quote “{_clip(shared)}”", "quote.v1",
            )
        if proposition.near_identical(a, b):
            return Comparison(
                "agree", None, round(ctx.match, 4),
                f"{quote(a)} and {quote(b)}: the same statement", "quote.v1",
            )
    said = [
        c for name, fn in COMPARATORS.items()
        if (only is None or name in only) and (c := fn(a, b, ctx)) is not None
    ]
    unrelated = [c for c in said if c.verdict == "unrelated"]
    if unrelated:
        return unrelated[0]
    said.sort(key=lambda c: (SEVERITY.index(c.verdict), -c.score, c.comparator))
    if said and said[0].verdict in DIFFERING and aligned is not True and (
        said[0].comparator not in OF_A_PERSON
    ):
        al = proposition.align(a, b, similarity=ctx.similarity, idf=ctx.idf)
        if not al.aligned:
            return Comparison(
                "unrelated", None, 0.0,
                f"{quote(a)} vs {quote(b)}: {al.why}, so their values are not compared",
                "proposition.v1",
            )
    if said:
        return said[0]
    if _rules.opposed(a, b):
        # one asserts, the other negates or denies, and no comparator could
        # align the two on one action: not the same fact stated twice
        return Comparison(
            "unrelated", None, 0.0,
            f"{quote(a)} vs {quote(b)}: one negates, denies or doubts, the other asserts, "
            "and they are not aligned on one action",
            "text.v1",
        )
    return Comparison(
        "agree", None, round(ctx.match, 4),
        f"{quote(a)} and {quote(b)}: same fact, no slot differs",
        "text.v1",
    )


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
