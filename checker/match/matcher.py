"""Claims of one fact: slot overlap blended with the cosine, the tiered
confirmation of a candidate pair, ``match`` within a batch's stories, and
fact groups (union-find)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.config import Config
from checker.events import Events, event_clusters
from checker.match.places import place_pairs, places_compatible
from checker.match.search import nearest
from checker.match.things import head_class, is_age, thing_head
from checker.match.words import (
    EVENT_CLASSES,
    content_words,
    idf_table,
    predicate_shared,
    rare_overlap,
)
from checker.model import Claim, Document
from checker.unionfind import UnionFind

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True, slots=True)
class Match:
    """A confirmed pair of claims (indices into the claim list, ``i < j``).

    ``via`` says what paired them: ``"cosine"`` (the usual top-k search) or
    ``"place"`` (one actor and action put in clashing places: only a place
    comparison is meaningful for such a pair)."""

    i: int
    j: int
    similarity: float
    score: float
    via: str = "cosine"


_DOUBT = ("denied", "unconfirmed")


@dataclass(frozen=True, slots=True)
class Overlap:
    """Slot evidence that two claims are about one fact."""

    score: float  # in [0, 1]
    strong: bool  # a specific slot is shared (predicate, counted thing, person)
    rare: float  # IDF-weighted word overlap
    contrast: bool = False  # one side denies or has not confirmed, the other asserts
    event: bool = False  # both use one event word (deployment / sent; killed / died)


def slot_overlap(a: Claim, b: Claim, idf: dict[str, float] | None = None) -> Overlap:
    """How much two claims' slots agree."""
    from rapidfuzz import fuzz

    ea, eb = set(a.entities), set(b.entities)
    ent = len(ea & eb) / len(ea | eb) if ea and eb else 0.0
    pred = 1.0 if predicate_shared(a, b) else 0.0
    heads_a = {head_class(thing_head(q.thing)) for q in a.quantities} - {None}
    heads_b = {head_class(thing_head(q.thing)) for q in b.quantities} - {None}
    # measures in one unit ("30 days" / "40 days") count the same kind of thing
    heads_a |= {f"unit:{q.unit}" for q in a.quantities
                if q.unit and not q.thing and not is_age(a, q)}
    heads_b |= {f"unit:{q.unit}" for q in b.quantities
                if q.unit and not q.thing and not is_age(b, q)}
    thing = 1.0 if heads_a & heads_b else 0.0
    place = (
        1.0 if any(places_compatible(p, q) for p in a.places for q in b.places) else 0.0
    )
    persons_a = {m.entity for m in a.mentions if m.type == "PERSON" and m.entity}
    persons_b = {m.entity for m in b.mentions if m.type == "PERSON" and m.entity}
    fuzzy = fuzz.token_set_ratio(a.text.lower(), b.text.lower()) / 100.0
    rare = rare_overlap(a, b, idf)
    score = (
        0.15 * ent + 0.15 * pred + 0.2 * thing + 0.1 * place + 0.1 * fuzzy + 0.3 * rare
    )
    strong = bool(pred or thing or (persons_a & persons_b))
    contrast = (a.certainty in _DOUBT) != (b.certainty in _DOUBT) and bool(ea & eb)
    event = bool(content_words(a.text) & content_words(b.text) & EVENT_CLASSES)
    return Overlap(score, strong, rare, contrast, event)


def match_score(similarity: float, slots: float) -> float:
    return 0.6 * similarity + 0.4 * slots


def confirmed(similarity: float, ov: Overlap, config: Config) -> bool:
    """Tiered: a close paraphrase; or a fair cosine backed by a shared
    specific slot or distinctive words; or a low cosine backed by both."""
    hi, mid = max(config.min_similarity + 0.25, 0.75), config.min_similarity
    if similarity >= hi:
        return True
    score = match_score(similarity, ov.score)
    if similarity >= mid and (ov.strong or ov.rare >= 0.35) and score >= config.match_threshold:
        return True
    if (similarity >= mid - 0.1 and ov.strong and ov.rare >= 0.3
            and score >= config.match_threshold - 0.05):
        return True
    # A denial or "not confirmed" names the fact in a few words; the assertion
    # may be a long sentence, so the cosine is lower for the same fact.
    if similarity >= mid - 0.15 and ov.contrast and ov.rare >= 0.3:
        return True
    # ... and a denial of "the deployment" names the event with another word
    # than the report that troops were "sent": one event word and one actor.
    return similarity >= mid - 0.2 and ov.contrast and ov.event and ov.rare >= 0.2


def match(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    config: Config,
    *,
    events: Events | None = None,
    aligned: Callable[[Claim, Claim, float], bool] | None = None,
) -> list[Match]:
    """Confirmed pairs of claims about one fact, sorted by score (descending),
    then by index. Only claims of different sources in one event pair up.
    ``aligned`` confirms a candidate the slot blend would miss: two long
    sentences that share one proposition among other detail."""
    import numpy as np

    if events is None:
        events = event_clusters(documents, claims, vectors, config)
    index = {d.id: i for i, d in enumerate(documents)}
    doc_of = np.asarray([index.get(c.doc, -1) for c in claims], dtype=np.int64)
    # wire copies are one source with their original: their claims are not compared
    skip = repeated(claims)
    keep = [
        ci for ci, d in enumerate(doc_of.tolist())
        if d >= 0 and events.source[d] == d and ci not in skip
    ]
    idf = idf_table([claims[ci] for ci in keep])
    by_cluster: dict[int, list[int]] = {}
    for ci in keep:
        by_cluster.setdefault(events.cluster[int(doc_of[ci])], []).append(ci)
    out: list[Match] = []
    for rows in by_cluster.values():
        if len(rows) < 2:
            continue
        idx = np.asarray(rows)
        pairs = nearest(
            vectors[idx], config.top_k, doc=doc_of[idx], allowed=events.allowed
        )
        pairs += _doubt_pairs(claims, vectors, idx, doc_of, events, 3 * config.top_k)
        seen: set[tuple[int, int]] = set()
        for li, lj, sim in sorted(set(pairs), key=lambda t: (-t[2], t[0], t[1])):
            i, j = int(idx[li]), int(idx[lj])
            if (i, j) in seen:
                continue
            seen.add((i, j))
            ov = slot_overlap(claims[i], claims[j], idf)
            if confirmed(sim, ov, config) or (
                aligned is not None and sim >= config.min_similarity
                and aligned(claims[i], claims[j], sim)
            ):
                out.append(Match(min(i, j), max(i, j), sim, match_score(sim, ov.score)))
        done = {(m.i, m.j) for m in out}
        for i, j in place_pairs(claims, rows, doc_of, events):
            if (i, j) in done:
                continue
            sim = round(float(vectors[i] @ vectors[j]), 6)
            ov = slot_overlap(claims[i], claims[j], idf)
            out.append(Match(i, j, sim, match_score(sim, ov.score), via="place"))
    out.sort(key=lambda m: (-m.score, m.i, m.j))
    return out


def repeated(claims: Sequence[Claim]) -> set[int]:
    """Claims that repeat within their article once digits are masked (photo
    gallery captions "Image 3 of 16 ...", repeated teasers): only the first
    occurrence is kept, and a text repeated three or more times is a template
    whose numbers are counters, not facts, so none of it is kept."""
    seen: dict[tuple[str, str], list[int]] = {}
    for ci, c in enumerate(claims):
        key = (c.doc, re.sub(r"\d[\d,.]*", "#", " ".join(c.text.lower().split())))
        seen.setdefault(key, []).append(ci)
    out: set[int] = set()
    for rows in seen.values():
        if len(rows) >= 3:
            out.update(rows)
        elif len(rows) == 2:
            out.add(rows[1])
    return out



def _doubt_pairs(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    idx: np.ndarray,
    doc_of: np.ndarray,
    events: Events,
    k: int,
) -> list[tuple[int, int, float]]:
    """Wider candidates for denials and "not confirmed" claims: they name a
    fact briefly, so the assertions of it rank lower by cosine. Few claims
    doubt, so this stays near linear."""
    import numpy as np

    doubt = [r for r, ci in enumerate(idx.tolist()) if claims[ci].certainty in _DOUBT]
    out: list[tuple[int, int, float]] = []
    for r in doubt:
        sims = np.round(vectors[idx] @ vectors[idx[r]].astype(np.float64), 6)
        ok = events.allowed[doc_of[idx[r]]][doc_of[idx]]
        sims[~ok] = -np.inf
        sims[r] = -np.inf
        order = sorted(np.flatnonzero(sims > -np.inf).tolist(), key=lambda j: (-sims[j], j))
        out.extend((min(r, j), max(r, j), float(sims[j])) for j in order[:k])
    return out


def groups(n: int, pairs: Sequence[tuple[int, int]], claims: Sequence[Claim]) -> list[str | None]:
    """Fact group id per claim (None for claims in no pair): union-find over
    the pairs; the id is a hash of the members' doc ids and texts, so it does
    not depend on batch order. An article states a fact once: two groups
    that would hold two claims of one article are not joined (that chain
    runs through a loose match, not through one fact)."""
    uf = UnionFind(n)
    docs: dict[int, set[str]] = {}
    for i, j in pairs:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        di = docs.get(ri, {claims[i].doc})
        dj = docs.get(rj, {claims[j].doc})
        if di & dj:
            continue
        uf.union(i, j)
        docs[uf.find(i)] = di | dj
    members: dict[int, list[int]] = {}
    for i, j in pairs:
        for x in (i, j):
            members.setdefault(uf.find(x), []).append(x)
    out: list[str | None] = [None] * n
    for rows in members.values():
        uniq = sorted(set(rows))
        key = "\n".join(sorted(f"{claims[x].doc}\t{claims[x].text}" for x in uniq))
        gid = "g" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        for x in uniq:
            out[x] = gid
    return out
