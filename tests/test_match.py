"""Matching: top-k search equals brute force; events keep unrelated stories
apart; wire copies are one source; judge's findings are stable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import match
from checker.compare import judge
from checker.config import Config
from checker.embed import FakeEmbedder
from checker.events import event_clusters
from checker.model import Claim, Document, Mention, Place, Quantity

# ------------------------------------------------------------ top-k oracle


def brute_force(
    vectors: np.ndarray, k: int, doc: np.ndarray | None, allowed: np.ndarray | None
) -> list[tuple[int, int, float]]:
    n = len(vectors)
    sims = np.round((vectors.astype(np.float64) @ vectors.T.astype(np.float64)), 6)
    best: dict[tuple[int, int], float] = {}
    for i in range(n):
        cands = [
            j for j in range(n)
            if j != i and (doc is None or allowed is None or allowed[doc[i], doc[j]])
        ]
        cands.sort(key=lambda j: (-sims[i, j], j))
        for j in cands[:k]:
            best[(min(i, j), max(i, j))] = float(sims[i, j])
    out = [(i, j, s) for (i, j), s in best.items()]
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


@given(
    n=st.integers(0, 40),
    k=st.integers(1, 6),
    ndocs=st.integers(1, 5),
    seed=st.integers(0, 2**32 - 1),
    chunk=st.sampled_from([1, 3, 7, 512]),
    quantise=st.booleans(),
)
@settings(max_examples=120, deadline=None)
def test_topk_equals_exhaustive_search(
    n: int, k: int, ndocs: int, seed: int, chunk: int, quantise: bool
) -> None:
    rng = np.random.default_rng(seed)
    v = rng.normal(size=(n, 8)).astype(np.float32)
    if quantise:  # many exact ties
        v = np.round(v).astype(np.float32)
    else:
        v /= np.linalg.norm(v, axis=1, keepdims=True)
    doc = rng.integers(0, ndocs, size=n)
    allowed = rng.random((ndocs, ndocs)) < 0.7
    allowed = allowed & allowed.T
    got = match.nearest(v, k, doc=doc, allowed=allowed, chunk_size=chunk)
    want = brute_force(v, k, doc, allowed)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in want]
    assert np.allclose([s for *_, s in got], [s for *_, s in want])
    plain = match.nearest(v, k, chunk_size=chunk)
    assert [(i, j) for i, j, _ in plain] == [(i, j) for i, j, _ in brute_force(v, k, None, None)]


def test_nearest_is_sorted_with_index_ties() -> None:
    v = np.asarray([[1, 0], [1, 0], [1, 0], [0, 1]], dtype=np.float32)
    assert match.nearest(v, 2) == [(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (0, 3, 0.0),
                                   (1, 3, 0.0)]


# ----------------------------------------------------------- batch helpers

_WORDS = ("alpha", "bravo", "charlie", "delta")


def make_doc(doc_id: str, sentences: list[str], *, published: dt.date | None = None,
             copy_of: str | None = None) -> Document:
    text = "\n".join(sentences)
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    published=published, copy_of=copy_of)


def claims_of(doc: Document, slots: dict[str, dict[str, object]]) -> list[Claim]:
    """One claim per line; ``slots`` maps a line to its slots (entities by
    surface string, places by name → country, quantities by phrase)."""
    out = []
    pos = 0
    for n, line in enumerate(doc.text.split("\n")):
        s = slots.get(line, {})
        mentions = tuple(
            Mention(pos + (at := line.lower().index(name.lower())), pos + at + len(name),
                    line[at : at + len(name)], typ, name.lower())
            for name, typ in s.get("entities", {}).items()  # type: ignore[attr-defined]
        )
        places = tuple(
            Place(pos + line.index(name), pos + line.index(name) + len(name), name, name,
                  country=cc, kind=kind)
            for name, (cc, kind) in s.get("places", {}).items()  # type: ignore[attr-defined]
        )
        quantities = tuple(
            Quantity(pos + line.index(ph), pos + line.index(ph) + len(ph), ph, val, val, val,
                     thing=thing)
            for ph, (val, thing) in s.get("quantities", {}).items()  # type: ignore[attr-defined]
        )
        out.append(Claim(id=f"{doc.id}:{n}", doc=doc.id, sentence=n, start=pos,
                         end=pos + len(line), text=line, predicate=s.get("predicate"),  # type: ignore[arg-type]
                         mentions=mentions, places=places, quantities=quantities))
        pos += len(line) + 1
    return out


SHOOT_A = "Two people were killed in a shooting in Springfield on Sunday, police said"
SHOOT_B = "Police said two people were killed in the Springfield shooting on Sunday"
SHOOT_C = "Two people were killed in a shooting in Riverton on Sunday, police said"
SHOOT_D = "Three people were killed in a shooting in Springfield on Sunday, police said"


def _slots(text: str, town: str, n: float) -> dict[str, dict[str, object]]:
    return {text: {
        "places": {town: ("US", "city")},
        "quantities": {text.split()[0] if text[0] != "P" else "two": (n, "people")},
        "predicate": "kill",
        "entities": {town: "GPE", "police": "ORG"},
    }}


def _batch(docs: list[Document], slot_map: dict[str, dict[str, object]],
           config: Config) -> tuple[list[Claim], np.ndarray]:
    claims = [c for d in docs for c in claims_of(d, slot_map)]
    return claims, FakeEmbedder(256).encode([c.text for c in claims])


CONFIG = Config(model="fake")


def test_two_events_with_the_same_count_are_not_matched() -> None:
    docs = [make_doc("a", [SHOOT_A]), make_doc("b", [SHOOT_B]), make_doc("c", [SHOOT_C])]
    slot_map = {**_slots(SHOOT_A, "Springfield", 2), **_slots(SHOOT_B, "Springfield", 2),
                **_slots(SHOOT_C, "Riverton", 2)}
    claims, vectors = _batch(docs, slot_map, CONFIG)
    events = event_clusters(docs, claims, vectors, CONFIG)
    assert events.cluster[0] == events.cluster[1] != events.cluster[2]
    pairs = match.match(docs, claims, vectors, CONFIG, events=events)
    assert [(m.i, m.j) for m in pairs] == [(0, 1)]
    findings = judge(docs, claims, vectors, CONFIG)
    assert all("c" not in f.docs or len(f.docs) == 1 for f in findings)


def test_conflicting_count_in_one_event_is_found_and_stable() -> None:
    docs = [make_doc("a", [SHOOT_A]), make_doc("d", [SHOOT_D])]
    slot_map = {**_slots(SHOOT_A, "Springfield", 2), **_slots(SHOOT_D, "Springfield", 3)}
    claims, vectors = _batch(docs, slot_map, CONFIG)
    timings: dict[str, float] = {}
    findings = judge(docs, claims, vectors, CONFIG, timings=timings)
    assert [(f.verdict, f.kind, f.docs) for f in findings] == [("conflict", "number", ("a", "d"))]
    assert set(timings) == {"match", "compare"}
    # same input in another order: same findings, same ids
    rev = judge(docs[::-1], claims[::-1], vectors[::-1], CONFIG)
    assert rev == findings
    assert judge(docs, claims, vectors, CONFIG, only_docs={"zzz"}) == ()
    assert judge(docs, claims, vectors, CONFIG, only_docs={"d"}) == findings


def test_wire_copy_is_not_compared_nor_a_second_source() -> None:
    docs = [
        make_doc("a", [SHOOT_A]),
        make_doc("a2", [SHOOT_A], copy_of="a"),
        make_doc("d", [SHOOT_D]),
    ]
    slot_map = {**_slots(SHOOT_A, "Springfield", 2), **_slots(SHOOT_D, "Springfield", 3)}
    claims, vectors = _batch(docs, slot_map, CONFIG)
    findings = judge(docs, claims, vectors, CONFIG)
    assert all("a2" not in f.docs for f in findings)
    assert [f.verdict for f in findings] == ["conflict"]
    # alone with its copy, a claim is still unique: copies do not confirm
    alone = judge(docs[:2], claims[:2], vectors[:2], CONFIG)
    assert alone == ()  # one source in the event: no coverage finding either


def test_claims_of_one_article_are_never_paired() -> None:
    docs = [make_doc("a", [SHOOT_A, SHOOT_D])]
    slot_map = {**_slots(SHOOT_A, "Springfield", 2), **_slots(SHOOT_D, "Springfield", 3)}
    claims, vectors = _batch(docs, slot_map, CONFIG)
    assert match.match(docs, claims, vectors, CONFIG) == []


def test_unique_claim_in_a_covered_event() -> None:
    extra = "Officers arrested 3 suspects, including John Doe, in Springfield on Monday"
    docs = [make_doc("a", [SHOOT_A, extra]), make_doc("b", [SHOOT_B])]
    slot_map = {**_slots(SHOOT_A, "Springfield", 2), **_slots(SHOOT_B, "Springfield", 2),
                extra: {"entities": {"John Doe": "PERSON"}, "quantities": {"3": (3, "suspects")},
                        "places": {"Springfield": ("US", "city")}, "predicate": "arrest"}}
    claims, vectors = _batch(docs, slot_map, CONFIG)
    # hashed vectors of a two-claim article sit far from its one-claim peer
    loose = dataclasses.replace(CONFIG, event_similarity=0.5)
    findings = judge(docs, claims, vectors, loose)
    verdicts = sorted(f.verdict for f in findings)
    assert verdicts == ["agree", "unique"]
    (u,) = [f for f in findings if f.verdict == "unique"]
    assert u.claims == ("a:1",) and "John Doe" in u.rationale


def test_groups_are_deterministic() -> None:
    docs = [make_doc("a", [SHOOT_A]), make_doc("b", [SHOOT_B]), make_doc("c", [SHOOT_C])]
    claims, _ = _batch(docs, {}, CONFIG)
    g = match.groups(3, [(0, 1)], claims)
    assert g[0] == g[1] is not None and g[2] is None
    assert match.groups(3, [(1, 0)], claims) == g


@pytest.mark.parametrize(
    ("a", "b", "rel"),
    [
        (("1,500", "forces", ("special", "operation")), ("10,000", "soldiers", ()), "a_narrower"),
        (("10,000", "soldiers", ("North", "Korean")), ("10,000", "troops", ()), "same"),
        (("500,000", "rounds", ()), ("13,000", "containers", ()), "different"),
        # people of any kind name the workers or troops another count names,
        # and workers are staff are employees; two kinds of people are not one
        (("300", "people", ()), ("450", "workers", ()), "same"),
        (("300", "staff", ()), ("450", "employees", ()), "same"),
        (("12,000", "people", ()), ("10,000", "soldiers", ()), "same"),
        (("300", "residents", ()), ("450", "workers", ()), "different"),
    ],
)
def test_thing_relation(a: tuple[str, str, tuple[str, ...]], b: tuple[str, str, tuple[str, ...]],
                        rel: str) -> None:
    def mk(spec: tuple[str, str, tuple[str, ...]]) -> tuple[Claim, Quantity]:
        text = f"{spec[0]} {' '.join(spec[2])} {spec[1]}"
        qq = Quantity(0, len(spec[0]), spec[0], 1.0, 1.0, 1.0, thing=spec[1], modifiers=spec[2])
        return Claim(id="x:0", doc="x", sentence=0, start=0, end=len(text), text=text), qq

    (ca, qa), (cb, qb) = mk(a), mk(b)
    assert match.thing_relation(ca, qa, cb, qb) == rel


def test_config_knobs_are_reported() -> None:
    d = CONFIG.to_dict()
    assert {"top_k", "min_similarity", "match_threshold", "update_days"} <= set(d)
    assert dataclasses.replace(CONFIG, top_k=2).top_k == 2


# ------------------------------------------------------ recall and precision


def test_two_sources_are_one_event_even_with_different_places() -> None:
    """An article and its summary (or two reports a user chose) are compared:
    claim-level slots, not event clustering, decide what pairs."""
    docs = [make_doc("a", [SHOOT_A]), make_doc("c", [SHOOT_C])]
    slot_map = {**_slots(SHOOT_A, "Springfield", 2), **_slots(SHOOT_C, "Riverton", 2)}
    claims, vectors = _batch(docs, slot_map, CONFIG)
    events = event_clusters(docs, claims, vectors, CONFIG)
    assert events.cluster == (0, 0) and bool(events.allowed[0, 1])


def test_repeated_gallery_captions_are_not_claims_to_match() -> None:
    caption = "Image {} of 16 A man died Thursday after being shot inside a home"
    lines = [caption.format(n) for n in range(1, 5)] + ["Police arrested a 15-year-old boy"]
    doc = make_doc("a", [*lines, "Police arrested a 15-year-old boy"])
    claims = claims_of(doc, {})
    assert match.repeated(claims) == {0, 1, 2, 3, 5}


def test_outcome_reads_past_a_parenthesis_but_not_past_the_next_number() -> None:
    def outcome_of(text: str, phrase: str) -> str | None:
        s = text.index(phrase)
        qq = Quantity(s, s + len(phrase), phrase, 1.0, 1.0, 1.0, thing="people")
        return match.outcome(Claim(id="x:0", doc="x", sentence=0, start=0, end=len(text),
                                   text=text), qq)

    assert outcome_of("Three climbers, said to be brothers, were killed", "Three") == "killed"
    assert outcome_of("Six hikers were shot and two were killed", "Six") == "shot"
    assert outcome_of("Two campers were shot and killed", "Two") == "killed"
    # an outcome that befell part of the group is not the group's
    assert outcome_of("The storm stranded 400 hikers, resulting in the deaths of many of them",
                      "400") is None
    assert outcome_of("The storm stranded 400 hikers, resulting in the deaths of all of them",
                      "400") == "killed"


def test_predicate_shared_by_inflected_and_irregular_forms() -> None:
    def c(text: str, predicate: str) -> Claim:
        return Claim(id="x:0", doc="x", sentence=0, start=0, end=len(text), text=text,
                     predicate=predicate)

    assert match.predicate_shared(c("His accomplice surrendered on Friday", "surrender"),
                                  c("He ran from police but surrendered", "run"))
    assert match.stem("found") == match.stem("find")
    # a final y becomes i before -ed and -es
    for lemma, form in (("deny", "denied"), ("identify", "identified"), ("carry", "carries"),
                        ("study", "studies"), ("deny", "denying")):
        assert match.stem(form) == match.stem(lemma), form
    assert match.stem("carried") != match.stem("car")
    assert not match.predicate_shared(c("The troops crossed the river", "cross"),
                                      c("The troops reached the front", "reach"))


KURSK = "Officials said some of the soldiers began combat operations in Russia's Kursk region"
ZONES = "Seoul confirmed the soldiers had entered combat zones in Ukraine"
TALKS = "The president held talks with a delegation in Seoul on the soldiers"


def test_place_candidates_pair_one_thing_put_in_clashing_places() -> None:
    docs = [make_doc("a", [KURSK]), make_doc("b", [ZONES, TALKS])]
    places = {
        KURSK: {"places": {"Russia": ("RU", "country"), "Kursk region": ("RU", "region")},
                "predicate": "begin"},
        ZONES: {"places": {"Ukraine": ("UA", "country")}, "predicate": "enter"},
        TALKS: {"places": {"Seoul": ("KR", "city")}, "predicate": "hold"},
    }
    claims, _ = _batch(docs, places, CONFIG)
    # orthogonal vectors: cosine says nothing, the place channel must find them
    vectors = np.eye(len(claims), 8, dtype=np.float32)
    pairs = match.match(docs, claims, vectors, CONFIG)
    assert [(m.i, m.j, m.via) for m in pairs] == [(0, 1, "place")]
    findings = judge(docs, claims, vectors, CONFIG)
    conflicts = [f for f in findings if f.verdict == "conflict"]
    assert [(f.kind, f.docs) for f in conflicts] == [("place", ("a", "b"))]
    assert "combat operations in Russia's Kursk region" in conflicts[0].rationale
    assert "combat zones in Ukraine" in conflicts[0].rationale


def test_agreeing_pairs_group_by_mutual_best_partner_only() -> None:
    docs = [make_doc("a", [SHOOT_A, SHOOT_D]), make_doc("b", [SHOOT_B])]
    claims, _ = _batch(docs, {}, CONFIG)
    from checker.compare.judge import _mutual_best
    from checker.model import Comparison

    agree = Comparison("agree", None, 0.9, "", "text.v1")
    pairs = [(match.Match(0, 2, 0.9, 0.9), agree), (match.Match(1, 2, 0.8, 0.8), agree)]
    # b's claim is a's first claim's best partner and vice versa; a's second
    # claim is not b's best, so it does not chain into the group
    assert _mutual_best(pairs, claims) == [(0, 2)]


def test_clitics_are_no_part_of_a_word() -> None:
    from checker.match import content_words

    # a possessive is its name; a negated auxiliary is a function word,
    # whichever apostrophe it is written with
    assert content_words("Ortiz’s plan") == content_words("Ortiz plan") == {"ortiz", "plan"}
    assert content_words("We didn't threaten the families") == {"threaten", "family"}
    assert content_words("They won’t sign; they’re waiting") == {"sign", "waiting"}
    assert "won" in content_words("She won the seat")


def test_irregular_forms_from_the_lemmatizer_table() -> None:
    # written by bench/irregular_verbs.py from the spaCy model's verb exceptions
    for lemma, form in (("sink", "sank"), ("sink", "sunk"), ("undergo", "underwent"),
                        ("uphold", "upheld"), ("withhold", "withheld")):
        assert match.stem(form) == match.stem(lemma), form
    # a form that is a noun or verb of its own is not read as another verb's
    assert match.stem("wound") != match.stem("wind")
    assert match.stem("ground") != match.stem("grind")


@pytest.mark.slow
def test_the_irregular_table_is_the_one_the_model_gives() -> None:
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "bench" / "irregular_verbs.py"
    spec = importlib.util.spec_from_file_location("irregular_verbs", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = module.OUT.read_text(encoding="utf-8")
    assert committed == module.render(module.table())
