"""Top-k cosine candidates: a blocked matrix product in bounded memory
that equals an exhaustive search."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def nearest(
    vectors: np.ndarray,
    k: int,
    *,
    doc: np.ndarray | None = None,
    allowed: np.ndarray | None = None,
    chunk_size: int = 512,
) -> list[tuple[int, int, float]]:
    """The ``k`` most similar rows of each row, as unique pairs ``(i, j, cosine)``
    with ``i < j``, sorted by cosine (descending), then ``i``, then ``j``.

    ``doc`` gives each row's document index and ``allowed[d, e]`` whether rows
    of documents ``d`` and ``e`` may pair at all (a row never pairs with
    itself). Memory is ``chunk_size × n``; cosines are rounded to 6 decimals
    and ties at the k-th place go to the lower index, so the result equals an
    exhaustive search.
    """
    import numpy as np

    n = int(vectors.shape[0])
    if n < 2 or k < 1:
        return []
    kk = min(k, n - 1)
    v64 = vectors.astype(np.float64)
    best: dict[tuple[int, int], float] = {}
    for start in range(0, n, chunk_size):
        stop = min(n, start + chunk_size)
        # rounded so that chunking (BLAS blocking) never changes an order
        sims = np.round(v64[start:stop] @ v64.T, 6)
        rows = np.arange(start, stop)
        sims[rows - start, rows] = -np.inf
        if doc is not None and allowed is not None:
            sims[~allowed[doc[start:stop]][:, doc]] = -np.inf
        part = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        for r in range(stop - start):
            row = sims[r]
            cand = part[r]
            thr = row[cand].min()
            if thr == -np.inf:
                cand = cand[row[cand] > -np.inf]
            else:
                above = np.flatnonzero(row > thr)
                tied = np.flatnonzero(row == thr)[: kk - len(above)]
                cand = np.concatenate([above, tied])
            i = start + r
            for j in cand.tolist():
                key = (i, j) if i < j else (j, i)
                best[key] = float(row[j])
    out = [(i, j, s) for (i, j), s in best.items()]
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out
