"""UnionFind groups are connected components, whatever the order of unions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.unionfind import UnionFind

edges = st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=40)


def components(n: int, pairs: list[tuple[int, int]]) -> list[int]:
    """Brute force: each node's smallest reachable node."""
    adj: dict[int, set[int]] = {i: set() for i in range(n)}
    for a, b in pairs:
        adj[a].add(b)
        adj[b].add(a)
    out = []
    for i in range(n):
        seen, todo = {i}, [i]
        while todo:
            for y in adj[todo.pop()] - seen:
                seen.add(y)
                todo.append(y)
        out.append(min(seen))
    return out


@given(edges)
def test_roots_are_the_smallest_member_of_each_component(pairs: list[tuple[int, int]]) -> None:
    forward, backward = UnionFind(20), UnionFind(20)
    for a, b in pairs:
        forward.union(a, b)
    for a, b in reversed(pairs):
        backward.union(b, a)
    expected = components(20, pairs)
    assert [forward.find(i) for i in range(20)] == expected
    assert [backward.find(i) for i in range(20)] == expected
