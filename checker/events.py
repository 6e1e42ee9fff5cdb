"""Stories: which articles of a batch report the same event.

Two articles are one story when they tell the same event: they share the
words specific to it (its participants, places and topic) and were published
close together. Words are weighted by how rare they are in the batch (TF-IDF
with ``log((n + IDF_PRIOR) / df)``: as if the batch held ``IDF_PRIOR`` more
articles about other things, so that in a small batch of one story its shared
words still count), so a president, a party or Congress, named in most
political stories of a large batch, add little, while the name of a bill or
of the town where a shooting happened adds much. A word of the title or the
lead weighs three times a body word: they say what the article is about. A
publication gap beyond ``Config.update_days`` lowers the score, a gap of a
day or less raises it; articles that put the event in different towns and
name no one in common are kept apart.

Articles are grouped by average linkage: two groups merge only while the mean
score over *all* their pairs of articles reaches ``Config.event_similarity``,
so one article that shares a name with two stories cannot chain them together
(single linkage, the usual union of pairs, would). Wire copies are one story
with their original; a story never spans more than ``MAX_SPAN_DAYS``.

Scores are sparse: only pairs that share more than stray words are kept,
computed in blocks of rows, so memory stays well below ``n²`` on a large
batch.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.config import Config
from checker.model import Claim, Document, Place

if TYPE_CHECKING:
    import numpy as np

#: Pairs whose word cosine is below this share only stray words: left out of
#: the graph (scored 0), which keeps it sparse on a large batch.
MIN_COSINE = 0.02
#: A story never spans more than this many days between its first and last article.
MAX_SPAN_DAYS = 180
#: Words of the body, after the title, that count as the lead.
LEAD_WORDS = 60
#: Extra weight of each title-and-lead word (a body word counts 1).
LEAD_WEIGHT = 2.0
#: Articles about other things the IDF assumes besides the batch.
IDF_PRIOR = 20
#: How much a day-or-less gap adds, and how fast a long gap takes away.
SAME_DAY_BONUS = 0.05
LATE_PENALTY = 0.05  # per doubling of the gap beyond ``update_days``
#: Two articles that put their event in different towns, and name no one in
#: common, are two events whatever else they share ("2 killed in Springfield"
#: / "in Riverton").
PLACE_CLASH = 1.0

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
#: Function words and reporting verbs: every article has them.
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told tells according mr mrs ms
    dr one two three four five six seven eight nine ten first second last new year years
    day days week weeks month months time people may might must shall
    like get got make made many much even well back still yet ago since around though
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    morning afternoon evening night""".split()
)


@dataclass(frozen=True)
class Events:
    """Document-level event structure of a batch.

    ``cluster[d]`` is the story index of document ``d`` (in order of first
    document); ``allowed[d, e]`` says whether claims of ``d`` and ``e`` may be
    compared (same story, different source); ``source[d]`` is the index of the
    original a wire copy belongs to.
    """

    cluster: tuple[int, ...]
    allowed: np.ndarray
    source: tuple[int, ...]


def event_clusters(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    config: Config,
) -> Events:
    """Group documents into stories (see the module docstring).

    ``claims`` give each article's places; ``vectors`` are accepted for the
    interface's sake: the words of the whole article tell its story better
    than the mean of its claim vectors does.
    """
    import numpy as np

    del vectors
    nd = len(documents)
    source = _sources(documents)
    src = np.asarray(source, dtype=np.int64).reshape(nd)
    if len(set(source)) <= 2:
        # Two sources put side by side (an article and its summary, two
        # reports a user chose) are compared as one story; claim-level slot
        # agreement still decides what pairs up.
        return Events(tuple(0 for _ in range(nd)), src[:, None] != src[None, :], tuple(source))
    edges = story_scores(documents, config)
    places, people = _local_places(documents, claims)
    for (i, j), score in edges.items():
        if not people[i] & people[j] and _places_clash(places[i], places[j]):
            edges[(i, j)] = score - PLACE_CLASH
    for d, s in enumerate(source):
        if d != s:
            edges[(min(d, s), max(d, s))] = 1.0
    labels = average_linkage(
        nd, edges, config.event_similarity,
        dates=[d.published.toordinal() if d.published else None for d in documents],
        max_span=MAX_SPAN_DAYS,
    )
    roots: dict[int, int] = {}
    cluster = tuple(roots.setdefault(lab, len(roots)) for lab in labels)
    lab = np.asarray(cluster, dtype=np.int64).reshape(nd)
    allowed = (lab[:, None] == lab[None, :]) & (src[:, None] != src[None, :])
    return Events(cluster, allowed, tuple(source))


def _local_places(
    documents: Sequence[Document], claims: Sequence[Claim]
) -> tuple[list[list[Place]], list[set[str]]]:
    """Per document, the places below country level and the people its claims name."""
    index = {d.id: i for i, d in enumerate(documents)}
    places: list[list[Place]] = [[] for _ in documents]
    people: list[set[str]] = [set() for _ in documents]
    for c in claims:
        di = index.get(c.doc)
        if di is not None:
            places[di].extend(p for p in c.places if p.kind != "country")
            # surnames: "Hillary Clinton" and "Hillary Rodham Clinton" are one person here
            people[di].update(
                m.text.split()[-1].lower() for m in c.mentions if m.type == "PERSON" and m.text
            )
    return places, people


def _places_clash(a: Sequence[Place], b: Sequence[Place]) -> bool:
    """Both name local places, and none of one is, or is within, one of the other."""
    if not a or not b:
        return False
    ka = {p.name.lower(): {x.lower() for x in p.within} for p in a}
    kb = {p.name.lower(): {x.lower() for x in p.within} for p in b}
    return not any(
        x == y or x in kb[y] or y in ka[x] for x in ka for y in kb
    )


def _sources(documents: Sequence[Document]) -> list[int]:
    """For each document, the index of the original its wire-copy chain ends at."""
    index = {d.id: i for i, d in enumerate(documents)}
    source = list(range(len(documents)))
    for i in range(len(documents)):
        seen = {i}
        j = i
        while (orig := documents[j].copy_of) is not None and orig in index:
            j = index[orig]
            if j in seen:
                break
            seen.add(j)
        source[i] = j
    return source


def words(document: Document) -> tuple[list[str], list[str]]:
    """Content words of the body (boilerplate skipped) and of title + lead."""
    text = document.text
    parts: list[str] = []
    pos = 0
    for s, e in document.boilerplate:
        parts.append(text[pos:s])
        pos = max(pos, e)
    parts.append(text[pos:])
    joined = " ".join(parts)
    body = [w for w in (m.lower() for m in _WORD.findall(joined)) if w not in _STOP]
    title = [w for w in (m.lower() for m in _WORD.findall(document.title or "")) if w not in _STOP]
    return body, title + body[:LEAD_WORDS]


def story_scores(
    documents: Sequence[Document], config: Config, *, block: int = 256
) -> dict[tuple[int, int], float]:
    """Scores ``(i, j) → s`` with ``i < j`` for document pairs that share words:
    cosine of IDF-weighted word counts (title and lead weighing three times) plus the
    date term. Pairs below ``MIN_COSINE`` are absent (score 0)."""
    import numpy as np
    from scipy import sparse

    n = len(documents)
    counts: list[dict[str, float]] = []
    df: dict[str, int] = {}
    for d in documents:
        body, lead = words(d)
        tf: dict[str, float] = {}
        for w in body:
            tf[w] = tf.get(w, 0.0) + 1.0
        for w in lead:
            tf[w] = tf.get(w, 0.0) + LEAD_WEIGHT
        counts.append(tf)
        for w in tf:
            df[w] = df.get(w, 0) + 1
    vocab = {w: k for k, w in enumerate(sorted(w for w, f in df.items() if f < n + IDF_PRIOR))}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, tf in enumerate(counts):
        for w, c in tf.items():
            k = vocab.get(w)
            if k is not None:
                rows.append(r)
                cols.append(k)
                vals.append((1.0 + math.log(c)) * math.log((n + IDF_PRIOR) / df[w]))
    x = sparse.csr_matrix(
        (np.asarray(vals, dtype=np.float64), (rows, cols)), shape=(n, max(1, len(vocab)))
    )
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags(1.0 / norms) @ x
    xt = x.T.tocsc()
    dates = [d.published for d in documents]
    out: dict[tuple[int, int], float] = {}
    for start in range(0, n, block):
        sims = np.round((x[start : start + block] @ xt).toarray(), 6)
        for r, c in zip(*np.nonzero(sims >= MIN_COSINE), strict=True):
            i, j = start + int(r), int(c)
            if i < j:
                out[(i, j)] = float(sims[r, c]) + _date_term(dates[i], dates[j], config)
    return out


def _date_term(a: dt.date | None, b: dt.date | None, config: Config) -> float:
    if a is None or b is None:
        return 0.0
    gap = abs((a - b).days)
    if gap <= 1:
        return SAME_DAY_BONUS
    if gap <= config.update_days:
        return 0.0
    return -LATE_PENALTY * math.log2(gap / config.update_days)


def average_linkage(
    n: int,
    edges: dict[tuple[int, int], float],
    threshold: float,
    *,
    dates: Sequence[int | None] | None = None,
    max_span: int | None = None,
) -> list[int]:
    """Agglomerative clustering of ``0..n-1`` by average linkage over a sparse
    score graph (a missing pair scores 0). Groups merge, best mean first,
    while the mean reaches ``threshold`` and (with ``dates``) the merged group
    spans at most ``max_span`` days. Returns each item's label (the smallest
    member of its group). Ties go to the lower indices, so the result does not
    depend on the order edges were added in."""
    size = [1] * n
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    span: list[tuple[int, int] | None] = [
        (t, t) if (t := dates[i] if dates is not None else None) is not None else None
        for i in range(n)
    ]
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), s in edges.items():
        if i != j:
            links[i][j] = links[i].get(j, 0.0) + s
            links[j][i] = links[j].get(i, 0.0) + s
    heap = [(-round(s, 9), min(i, j), max(i, j)) for (i, j), s in edges.items() if i != j]
    heapq.heapify(heap)
    alive = set(range(n))
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in alive or b not in alive:
            continue
        mean = round(links[a].get(b, 0.0) / (size[a] * size[b]), 9)
        if mean != -neg:
            continue  # stale entry: the groups changed since it was pushed
        if mean < threshold:
            break
        merged = _merge_span(span[a], span[b])
        if max_span is not None and merged is not None and merged[1] - merged[0] > max_span:
            continue
        # b joins a (a < b, so the label is the smallest member)
        alive.discard(b)
        size[a] += size[b]
        span[a] = merged
        members[a].extend(members.pop(b))
        for c, s in links[b].items():
            if c == a:
                continue
            links[c].pop(b, None)
            links[a][c] = links[a].get(c, 0.0) + s
            links[c][a] = links[a][c]
        links[b] = {}
        links[a].pop(b, None)
        for c, s in links[a].items():
            heapq.heappush(heap, (-round(s / (size[a] * size[c]), 9), min(a, c), max(a, c)))
    for root, items in members.items():
        for i in items:
            label[i] = root
    return label


def _merge_span(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), max(a[1], b[1]))
