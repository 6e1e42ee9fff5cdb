"""Which claims an agree finding shows: those that agree with every other
member, not a chain of loose matches."""

from __future__ import annotations


def test_a_claim_joins_an_agreement_only_if_it_agrees_with_every_member() -> None:
    """Agreement of loose matches is not transitive: A agrees with B, B with
    C on another point; the finding keeps A and B. A fourth claim that
    agrees with both joins."""
    from checker.compare.judge import _agreeing_clique
    from checker.match import Match
    from checker.model import Comparison

    def pair(i: int, j: int, score: float) -> tuple[Match, Comparison]:
        return Match(i, j, score, score), Comparison("agree", None, score, "", "text.v1")

    ab, bc, ad, bd = pair(0, 1, 0.9), pair(1, 2, 0.8), pair(0, 3, 0.7), pair(1, 3, 0.6)
    items = [ab, bc, ad, bd]
    kept = _agreeing_clique(items, ab[0], {(m.i, m.j) for m, _ in items})
    assert {x for m, _ in kept for x in (m.i, m.j)} == {0, 1, 3}
    assert bc not in kept
