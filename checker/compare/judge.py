"""From matched claims to findings: compare each confirmed pair, group the
agreeing ones, and report check-worthy claims no other source carries."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from checker.cache import ReadingCache
from checker.compare import proposition
from checker.compare.comparators import committed, debunks, negative, one_speaker
from checker.compare.frame import Frames
from checker.compare.refutation import calls_story_false, names_report, refutations
from checker.compare.registry import PairContext, quote
from checker.compare.verdict import SEVERITY, compare_claims
from checker.config import Config
from checker.model import Claim, Comparison, Document, Finding

if TYPE_CHECKING:
    import numpy as np

    from checker import match as matching
    from checker.events import Events
    from checker.match import Match


def finding_id(
    verdict: str, kind: str | None, comparator: str, members: Sequence[tuple[str, str]]
) -> str:
    """A stable fingerprint: the same claims with the same verdict give the
    same id, whatever the batch order or claim numbering."""
    key = "\x1f".join(
        [verdict, kind or "", comparator, *sorted(f"{d}\t{t}" for d, t in members)]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def checkworthy(c: Claim) -> bool:
    """Worth a coverage-gap finding: a count of something, or named actors
    with a place and an event time; asserted, not merely possible or negated."""
    if c.certainty in ("possible", "negated") or c.negated:
        return False
    if any(q.thing for q in c.quantities):
        return True
    has_time = any(t.role == "event" and t.low is not None for t in c.times)
    return bool(c.entities) and bool(c.places) and has_time


def _finding(
    verdict: str,
    kind: str | None,
    comparator: str,
    members: Sequence[Claim],
    score: float,
    rationale: str,
    group: str | None,
) -> Finding:
    ordered = sorted(members, key=lambda c: (c.doc, c.start, c.id))
    return Finding(
        id=finding_id(verdict, kind, comparator, [(c.doc, c.text) for c in ordered]),
        verdict=verdict,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        claims=tuple(c.id for c in ordered),
        docs=tuple(dict.fromkeys(c.doc for c in ordered)),
        comparator=comparator,
        score=round(float(score), 4),
        rationale=rationale,
        group=group,
    )


def _mutual_best(
    compared: Sequence[tuple[matching.Match, Comparison]], claims: Sequence[Claim]
) -> list[tuple[int, int]]:
    """Agreeing pairs that form fact groups: each claim's best agreeing
    partner in the other article, both ways. Chaining every loose agreement
    would join a whole single-topic batch into one "fact"."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for m, c in compared:
        if c.verdict != "agree":
            continue
        for x, y in ((m.i, m.j), (m.j, m.i)):
            key = (x, claims[y].doc)
            cand = (m.score, -y)
            if key not in best or cand > best[key]:
                best[key] = cand
    out = []
    for m, c in compared:
        if c.verdict != "agree":
            continue
        bi = best[(m.i, claims[m.j].doc)]
        bj = best[(m.j, claims[m.i].doc)]
        if -bi[1] == m.j and -bj[1] == m.i:
            out.append((m.i, m.j))
    return out


def _agreeing_clique(
    items: list[tuple[Match, Comparison]],
    best: Match,
    agree_pairs: set[tuple[int, int]],
) -> list[tuple[Match, Comparison]]:
    """The agreeing pairs among claims that each agree with all the others,
    grown from the best pair in order of score: agreement is not transitive
    when matches are loose (A agrees with B, B with C on another point), so
    a claim joins the finding only if it agrees with every member."""
    def agree(x: int, y: int) -> bool:
        return (min(x, y), max(x, y)) in agree_pairs

    kept = {best.i, best.j}
    for m, _c in sorted(items, key=lambda mc: (-mc[1].score, mc[0].i, mc[0].j)):
        for x in (m.i, m.j):
            if x not in kept and all(agree(x, y) for y in kept):
                kept.add(x)
    return [(m, c) for m, c in items if m.i in kept and m.j in kept]


_DOUBTING = frozenset({"denied", "neg", "unconfirmed"})
#: Cosine at which a denial restates another claim (as in refutation.v1).
_RESTATES = 0.7


def _denied_by_its_own_article(
    m: Match,
    c: Comparison,
    claims: Sequence[Claim],
    vectors: np.ndarray,
    members: dict[str, list[int]],
    aligned: Callable[[Claim, Claim, float], bool],
) -> bool:
    """An article's own voice commits to a proposition only if the article
    does not itself deny it: one that tells P ("the artist was arrested at
    dawn") and elsewhere negates or denies P ("no one was arrested", "the
    story is a hoax") is retelling a story it denies, or an earlier state
    of things. Against another article's denial of P it agrees. An
    attributed P ("the paper claimed ...") is different: the article
    reports a source that disputes another, which ``disputed`` shows;
    unless the article itself, in its own voice, calls the report false
    ("the post is a hoax") or negates P ("the world will not go dark"):
    then it relays P only to debunk it."""
    if c.verdict not in ("disputed", "conflict") or c.comparator not in (
        "certainty.v1", "negation.v1"
    ):
        return False
    ka, kb = committed(claims[m.i]), committed(claims[m.j])
    if (ka in _DOUBTING) == (kb in _DOUBTING):
        return False
    asserter, doubter = (m.i, m.j) if kb in _DOUBTING else (m.j, m.i)
    attributed = claims[asserter].source is not None
    for k in members[claims[asserter].doc]:
        own = claims[k]
        if k == asserter or committed(own) not in _DOUBTING:
            continue
        if own.source is None and committed(own) == "denied" and names_report(own.text):
            return True  # the article calls the story false in its own voice
        if attributed and own.source is not None:
            continue  # a source it quotes against another: a dispute it reports
        to_doubter = float(vectors[k] @ vectors[doubter])
        if to_doubter >= _RESTATES:
            return True
        # the same act doubted, not another one about it ("does not agree
        # with the arrest" denies no arrest)
        if any(
            proposition.one_event(own, other)
            and aligned(own, other, float(vectors[k] @ vectors[x]))
            for x, other in ((doubter, claims[doubter]), (asserter, claims[asserter]))
        ):
            return True
    return False


def _debunking_articles(claims: Sequence[Claim], members: dict[str, list[int]]) -> set[str]:
    """Articles that, in their own voice, call the story false ("the report
    is a hoax", "this bogus story"): written to debunk it."""
    return {doc for doc, ks in members.items() if any(calls_story_false(claims[k]) for k in ks)}


def _retold_by_a_debunker(
    pair: tuple[Claim, Claim], c: Comparison, debunking: set[str]
) -> bool:
    """A debunking article tells the story it debunks ("the post said the
    town was sealed off"; the hoax's own words) without asserting it: what
    it retells is neither agreed with nor disputed by another article. Its
    denials and negations stand ("will not stop serving"); its retellings
    are set against nothing."""
    if c.verdict == "agree":
        return False
    return any(
        x.doc in debunking and committed(x) not in _DOUBTING and not negative(x) for x in pair
    )


_OF_COMMITMENT = frozenset({"certainty.v1", "negation.v1"})
_OF_OCCASIONS = frozenset({"time.v1", "place.v1"})
_OF_VALUES = _OF_OCCASIONS | {"quantity.v1"}


def _both_sides_in_one_article(
    m: Match,
    c: Comparison,
    claims: Sequence[Claim],
    partners: dict[int, list[tuple[int, bool]]],
    compare: Callable[[int, int], Comparison],
) -> bool:
    """An article that itself states the other article's side of a
    difference does not differ from it: the writer who tells of strikes in
    two countries, or of the rumour and its denial, has set both down, and
    the article that tells one of them has left out the rest, not said
    otherwise. A difference between two outlets needs a side that one of
    them does not carry. A claim that agrees with the other side carries
    it when it differs from its own article's claim in the same way; for
    a difference in commitment, a claim of the same fact (agreeing, or
    giving other figures or dates of it) carries it when it reports the
    other side's speaker with the same commitment (one denial, reported by
    both; one official account, with a figure of its own).

    Only an article that takes no side carries both: one that gives two
    places or two days in one voice (its own, or its sources') tells of
    two occasions, and one that reports a source on each side of a
    commitment reports a dispute. Two counts of one thing in one voice are
    another matter: a toll revised ("17 hurt, police said; later 19"),
    which the outlet that gives only the first is behind.

    One that sets its own voice against what it attributes (the place a
    hoax gave, then the true one; the rumour retold, then "it is not
    true"; "a hoax report claimed P") takes a side, and differs from the
    article that takes the other."""
    of_commitment = c.comparator in _OF_COMMITMENT
    if c.verdict == "agree" or not (of_commitment or c.comparator in _OF_OCCASIONS):
        return False
    for x, y in ((m.i, m.j), (m.j, m.i)):
        for k, agrees in partners.get(y, ()):
            own, told = claims[x], claims[k]
            if k == x or told.doc != own.doc:
                continue
            if of_commitment:
                if (own.source is not None and not debunks(own.text) and not debunks(told.text)
                        and one_speaker(told, claims[y])
                        and committed(told) == committed(claims[y])):
                    return True
                continue
            if not agrees or (own.source is None) != (told.source is None):
                continue
            inner = compare(x, k)
            if inner.verdict == c.verdict and inner.kind == c.kind:
                return True
    return False


def judge(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    config: Config,
    *,
    only_docs: set[str] | frozenset[str] | None = None,
    timings: dict[str, float] | None = None,
    events: Events | None = None,
    encode: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> tuple[Finding, ...]:
    """Match, compare and aggregate into findings, most severe first.

    ``events`` is the batch's event clustering when the caller has already
    computed it (the pipeline reports it as stories). ``encode`` (the
    embedder's) gives vectors to what refuting sentences refute
    (``refutation.refuted_content``); without it, their whole sentences
    stand for it."""
    from checker import match as matching
    from checker.events import event_clusters

    t0 = time.perf_counter()
    docs_by_id = {d.id: d for d in documents}
    if events is None:
        events = event_clusters(documents, claims, vectors, config)
    idf = proposition.core_idf(claims)
    frames = Frames(config.spacy_model, ReadingCache(config.cache_dir))

    def aligned(a: Claim, b: Claim, similarity: float) -> bool:
        return proposition.align(a, b, similarity=similarity, idf=idf).aligned

    pairs = matching.match(documents, claims, vectors, config, events=events, aligned=aligned)
    t1 = time.perf_counter()

    def context(a: Claim, b: Claim, similarity: float, score: float) -> PairContext:
        da, db = docs_by_id.get(a.doc), docs_by_id.get(b.doc)
        return PairContext(
            published_a=da.published if da else None,
            published_b=db.published if db else None,
            similarity=similarity,
            match=score,
            update_days=config.update_days,
            outlet_a=da.outlet if da else None,
            outlet_b=db.outlet if db else None,
            idf=idf,
            frames=frames,
        )

    compared: list[tuple[matching.Match, Comparison]] = []
    for m in pairs:
        a, b = claims[m.i], claims[m.j]
        ctx = context(a, b, m.similarity, m.score)
        if m.via == "place":
            # paired only because one action sits in clashing places
            c = compare_claims(a, b, ctx, only=("place.v1",), aligned=True)
            if c.verdict in ("conflict", "update"):
                compared.append((m, c))
            continue
        c = compare_claims(a, b, ctx)
        if c.verdict != "unrelated":
            compared.append((m, c))
    of_doc: dict[str, list[int]] = {}
    for k, claim in enumerate(claims):
        of_doc.setdefault(claim.doc, []).append(k)
    debunking = _debunking_articles(claims, of_doc)
    compared = [(m, c) for m, c in compared
                if not _denied_by_its_own_article(m, c, claims, vectors, of_doc, aligned)
                and not _retold_by_a_debunker((claims[m.i], claims[m.j]), c, debunking)]

    # Article level: a claim refuted by a sentence that only names the report
    # ("the story is a hoax") was not paired above; refutation.v1 pairs it.
    # The comparators still say whether the two are one fact at all (other
    # actors, talk about the topic, other things counted: unrelated).
    seen = frozenset((m.i, m.j) for m in pairs)
    for r in refutations(documents, claims, vectors, events, skip=seen, aligned=aligned,
                         encode=encode):
        i, j = sorted((r.target, r.denier))
        sim = float(vectors[i] @ vectors[j])
        ctx = context(claims[i], claims[j], sim, r.comparison.score)
        # aligned by what the refuter refers back to, not by its own words;
        # the same quoted words in both are still agreement
        said = compare_claims(claims[i], claims[j], ctx, aligned=True)
        if said.verdict == "unrelated" or said.comparator == "quote.v1":
            continue
        if _retold_by_a_debunker((claims[i], claims[j]), r.comparison, debunking):
            continue
        compared.append((matching.Match(i, j, sim, r.comparison.score, via="refutation"),
                         r.comparison))

    # claims of one fact: agreeing, or differing only in a figure, a date
    # or a place
    partners: dict[int, list[tuple[int, bool]]] = {}
    for m, c in compared:
        if c.verdict == "agree" or c.comparator in _OF_VALUES:
            partners.setdefault(m.i, []).append((m.j, c.verdict == "agree"))
            partners.setdefault(m.j, []).append((m.i, c.verdict == "agree"))

    def within(x: int, k: int) -> Comparison:
        sim = float(vectors[x] @ vectors[k])
        return compare_claims(claims[x], claims[k], context(claims[x], claims[k], sim, sim))

    compared = [(m, c) for m, c in compared
                if not _both_sides_in_one_article(m, c, claims, partners, within)]

    group_of = matching.groups(len(claims), _mutual_best(compared, claims), claims)
    matched = {x for m, _ in compared for x in (m.i, m.j)}
    findings: list[Finding] = []
    agreeing: dict[str, list[tuple[matching.Match, Comparison]]] = {}
    for m, c in compared:
        gid = group_of[m.i]
        if c.verdict == "agree":
            if gid is not None and gid == group_of[m.j]:
                agreeing.setdefault(gid, []).append((m, c))
            continue
        findings.append(
            _finding(c.verdict, c.kind, c.comparator, [claims[m.i], claims[m.j]], c.score,
                     c.rationale, gid)
        )
    agree_pairs = {(m.i, m.j) for m, c in compared if c.verdict == "agree"}
    for gid, items in agreeing.items():
        best_m, best_c = max(items, key=lambda mc: (mc[1].score, -mc[0].i, -mc[0].j))
        items = _agreeing_clique(items, best_m, agree_pairs)
        members = {x: claims[x] for m, _ in items for x in (m.i, m.j)}
        outlets = len({claims[x].doc for x in members})
        rationale = best_c.rationale
        if len(members) > 2:
            rationale = f"{outlets} sources agree; e.g. {rationale}"
        comparators = sorted({c.comparator for _, c in items})
        findings.append(
            _finding("agree", None, comparators[0], list(members.values()),
                     best_c.score, rationale, gid)
        )

    # Coverage gaps: a check-worthy claim in an event other sources cover,
    # that none of them carries. Wire copies are one source, never a second.
    sources_in_event: dict[int, set[int]] = {}
    doc_index = {d.id: i for i, d in enumerate(documents)}
    for d in range(len(documents)):
        sources_in_event.setdefault(events.cluster[d], set()).add(events.source[d])
    for ci, claim in enumerate(claims):
        di = doc_index.get(claim.doc)
        if di is None or events.source[di] != di or ci in matched:
            continue
        if len(sources_in_event[events.cluster[di]]) < 2 or not checkworthy(claim):
            continue
        pub = documents[di].published
        when = f" ({documents[di].outlet or claim.doc}{', ' + pub.isoformat() if pub else ''})"
        findings.append(
            _finding("unique", None, "coverage.v1", [claim], 1.0,
                     f"{quote(claim)}{when}: no other source in this event reports it", None)
        )

    if only_docs is not None:
        wanted = set(only_docs)
        findings = [f for f in findings if wanted.intersection(f.docs)]
    findings = list({f.id: f for f in findings}.values())
    findings.sort(key=lambda f: (SEVERITY.index(f.verdict), f.id))
    if timings is not None:
        t2 = time.perf_counter()
        timings["match"] = timings.get("match", 0.0) + t1 - t0
        timings["compare"] = timings.get("compare", 0.0) + t2 - t1
    return tuple(findings)
