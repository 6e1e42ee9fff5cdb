"""Disjoint sets over 0..n-1, for grouping (events, fact groups, name variants)."""

from __future__ import annotations


class UnionFind:
    """Union-find with path halving; the smaller index is always the root,
    so groups do not depend on the order unions arrive in."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
