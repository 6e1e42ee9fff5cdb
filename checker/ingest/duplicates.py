"""Wire copies: identical and near-identical articles.

Body text (outside boilerplate) is normalised to lower-case words and cut
into overlapping word 5-grams (shingles). MinHash signatures with LSH
banding propose candidate pairs in about linear time; each candidate is then
checked exactly: two articles are copies when the shorter one shares at
least ``threshold`` of its shingles with the other (a trimmed wire copy is
still a copy).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

from checker.model import Document

SHINGLE = 5
_PERMS = 64
_BANDS = 32  # 32 bands of 2 rows: pairs sharing ~20% of shingles become candidates
_MIN_SHINGLES = 8  # shorter bodies are too short to call copies
_WORD = re.compile(r"\w+")


def body_words(doc: Document) -> list[str]:
    """Lower-case words of the text outside boilerplate."""
    parts, pos = [], 0
    for s, e in sorted(doc.boilerplate):
        if s > pos:
            parts.append(doc.text[pos:s])
        pos = max(pos, e)
    parts.append(doc.text[pos:])
    return _WORD.findall(" ".join(parts).lower())


def shingles(words: Sequence[str], size: int = SHINGLE) -> set[int]:
    """Stable 64-bit hashes of the word n-grams (the same in every process)."""
    if len(words) < size:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
        for g in grams
    }


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set found in the other."""
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & big) / len(small)


def _signatures(sets: Sequence[set[int]]) -> list[tuple[int, ...]]:
    import numpy as np

    rng = np.random.default_rng(20241127)  # fixed: same input, same candidates
    mul = rng.integers(1, 2**63, size=_PERMS, dtype=np.uint64) | np.uint64(1)
    add = rng.integers(0, 2**63, size=_PERMS, dtype=np.uint64)
    out = []
    for s in sets:
        h = np.fromiter(s, dtype=np.uint64, count=len(s))
        with np.errstate(over="ignore"):
            mixed = h[:, None] * mul[None, :] + add[None, :]  # wraps mod 2**64
        out.append(tuple(int(x) for x in mixed.min(axis=0)))
    return out


def candidate_pairs(sets: Sequence[set[int]]) -> set[tuple[int, int]]:
    """Index pairs (i < j) whose MinHash signatures collide in some band."""
    live = [i for i, s in enumerate(sets) if len(s) >= _MIN_SHINGLES]
    if len(live) < 2:
        return set()
    sigs = _signatures([sets[i] for i in live])
    rows = _PERMS // _BANDS
    pairs: set[tuple[int, int]] = set()
    for band in range(_BANDS):
        buckets: defaultdict[tuple[int, ...], list[int]] = defaultdict(list)
        for i, sig in zip(live, sigs, strict=True):
            buckets[sig[band * rows : (band + 1) * rows]].append(i)
        for members in buckets.values():
            # A star from the first member plus a chain: linear in the bucket
            # size, and union-find joins the group transitively.
            for x in range(1, len(members)):
                pairs.add((members[0], members[x]))
                pairs.add((members[x - 1], members[x]))
    return pairs


def _order(doc: Document) -> tuple[bool, dt.date, str]:
    return (doc.published is None, doc.published or dt.date.max, doc.id)


def find_copies(documents: Sequence[Document], *, threshold: float = 0.9) -> dict[str, str]:
    """``{copy id: original id}``: each copy points at the earliest document
    (by published date, then id) of its group of near-identical articles."""
    sets = [shingles(body_words(d)) for d in documents]
    parent = list(range(len(documents)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in sorted(candidate_pairs(sets)):
        if containment(sets[a], sets[b]) >= threshold:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(documents)):
        groups[root(i)].append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=lambda i: _order(documents[i]))
        for i in members:
            if i != first:
                out[documents[i].id] = documents[first].id
    return out
