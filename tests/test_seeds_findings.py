"""The whole pipeline on seeds/ with the real models: the findings the issue
asks for, and ``claimcheck compare`` on sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.compare import compare_pairs_file, compare_sentences
from checker.compare.sentences import read_pairs
from checker.config import Config
from checker.errors import InputError
from checker.model import Claim, Finding, Report

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    from checker.pipeline import check

    cache = tmp_path_factory.mktemp("seed-cache")
    return check([SEEDS], Config(cache_dir=cache)).report


def _with(report: Report, a: str, b: str) -> list[tuple[Finding, Claim, Claim]]:
    """Findings between a claim containing ``a`` and one containing ``b``."""
    claims = {c.id: c for c in report.claims}
    out = []
    for f in report.findings:
        members = [claims[c] for c in f.claims]
        for x in members:
            for y in members:
                if x is not y and a in x.text and b in y.text:
                    out.append((f, x, y))
    return out


def _verdicts(report: Report, a: str, b: str) -> set[tuple[str, str | None]]:
    """Verdicts (and kinds) of the findings between the two claims; fails
    when either claim is missing, so a check can never pass on nothing."""
    texts = [c.text for c in report.claims]
    assert any(a in t for t in texts), f"no claim contains {a!r}"
    assert any(b in t for t in texts), f"no claim contains {b!r}"
    return {(f.verdict, f.kind) for f, _, _ in _with(report, a, b)}


# The README's worked example, one test per documented finding.


@pytest.mark.slow
def test_special_forces_vs_all_soldiers_is_scope(seeds_report: Report) -> None:
    assert _verdicts(seeds_report, "1,500 special operation forces",
                     "more than 10,000 troops") == {("scope", None)}
    found = _with(seeds_report, "1,500 special operation forces", "more than 10,000 troops")
    assert any("1,500" in f.rationale and "10,000" in f.rationale for f, _, _ in found)


@pytest.mark.slow
def test_unconfirmed_then_engaging_in_battle_is_update(seeds_report: Report) -> None:
    assert _verdicts(seeds_report, "haven’t confirmed",
                     "already begun engaging in battle") == {("update", None)}


@pytest.mark.slow
def test_denial_of_the_deployment_is_disputed(seeds_report: Report) -> None:
    assert _verdicts(seeds_report, "denied the North Korean troop deployment",
                     "Some 10,000 North Korean troops are in Russia") == {("disputed", None)}


@pytest.mark.slow
def test_ukraine_vs_kursk_place(seeds_report: Report) -> None:
    assert _verdicts(seeds_report, "entered combat zones in Ukraine",
                     "Kursk region") == {("conflict", "place")}
    found = _with(seeds_report, "entered combat zones in Ukraine", "Kursk region")
    assert all("Kursk region" in f.rationale and "Ukraine" in f.rationale for f, _, _ in found)


@pytest.mark.slow
def test_some_ten_thousand_and_more_than_ten_thousand_agree(seeds_report: Report) -> None:
    assert _verdicts(seeds_report, "Some 10,000 North Korean troops",
                     "more than 10,000 troops") == {("agree", None)}


@pytest.mark.slow
def test_no_dispute_with_hedged_or_background_claims(seeds_report: Report) -> None:
    """A denial is not disputed by a claim that only hedges ("it's unlikely
    that ...") or talks about the fact ("agreed to share information on ...")."""
    for other in ("unlikely that Russia will transfer", "share information on",
                  "Yoon welcomed", "Russia warned South Korea"):
        found = _with(seeds_report, "denied", other) + _with(seeds_report, "dismissed", other)
        found += _with(seeds_report, "haven’t confirmed", other)
        assert all(f.verdict not in ("disputed", "update") for f, _, _ in found), other


@pytest.mark.slow
def test_no_place_conflict_between_different_things(seeds_report: Report) -> None:
    places = [f for f in seeds_report.findings if f.kind == "place"]
    assert places and all("combat" in f.rationale for f in places)


@pytest.mark.slow
def test_shells_and_containers_never_conflict(seeds_report: Report) -> None:
    found = _with(seeds_report, "500,000 rounds", "13,000 containers")
    assert all(f.verdict not in ("conflict", "disputed") for f, _, _ in found)


@pytest.mark.slow
def test_name_variants_are_one_entity(seeds_report: Report) -> None:
    def holder(variant: str) -> set[str]:
        return {e.id for e in seeds_report.entities if variant in e.variants}

    kim = holder("Kim Yong Hyun") | holder("Kim Yong-hyun") | holder("Kim Yong-hyeon")
    assert len(kim) == 1
    assert not kim & holder("Kim Jong Un")


@pytest.mark.slow
def test_agreements_are_one_fact(seeds_report: Report) -> None:
    """No agreement groups claims whose actors differ ("Russia warned South
    Korea" is not "South Korea warned it could supply weapons"), a denial
    or doubt with talk of the topic, or a hedged claim with another act.
    Two reports of one open question ("did not say whether ...") agree."""
    from checker.match import different_actors

    claims = {c.id: c for c in seeds_report.claims}
    for f in seeds_report.findings:
        if f.verdict != "agree":
            continue
        members = [claims[c] for c in f.claims]
        for x in members:
            for y in members:
                assert x is y or different_actors(x, y) is None, (f.id, x.text, y.text)
        if any(x.certainty in ("denied", "unconfirmed") for x in members):
            # only with the same doubt: never with a claim of the fact or its topic
            assert len({x.certainty for x in members}) == 1, (f.id, [x.text for x in members])
    assert not [f for f, _, _ in _with(seeds_report, "South Korea warned", "Russia warned")
                if f.verdict == "agree"]
    # must not fire: the two reports of South Korea's warning still agree
    assert any(f.verdict == "agree"
               for f, _, _ in _with(seeds_report, "South Korea warned", "South Korea warned"))


@pytest.mark.slow
def test_findings_are_sorted_stable_and_unique(seeds_report: Report) -> None:
    from checker.model import VERDICTS

    fs = seeds_report.findings
    assert [(VERDICTS.index(f.verdict), f.id) for f in fs] == sorted(
        (VERDICTS.index(f.verdict), f.id) for f in fs
    )
    assert len({f.id for f in fs}) == len(fs)
    assert not any(f.verdict == "unrelated" for f in fs)
    unique = [f for f in fs if f.verdict == "unique"]
    assert len(unique) <= len(seeds_report.claims) // 4  # a few, not every sentence
    assert all(len(set(f.docs)) >= 2 for f in fs if f.verdict != "unique")


# ------------------------------------------------------------------ compare


@pytest.mark.slow
def test_compare_sentences_unrelated_and_agree(tmp_path: Path) -> None:
    config = Config(cache_dir=tmp_path)
    c = compare_sentences(
        "Some 10,000 North Korean troops are in Russia",
        "Trump has pledged to broker an end to the war", None, None, config,
    )
    assert c.verdict == "unrelated"
    c = compare_sentences(
        "Two people were killed in the shooting on Sunday, police said.",
        "Police said three people were killed in the shooting on Sunday.",
        "2016-05-09", "2016-05-09", config,
    )
    assert (c.verdict, c.kind) == ("conflict", "number")


@pytest.mark.slow
def test_compare_pairs_file_keeps_input_order(tmp_path: Path) -> None:
    rows = [
        {"a": "Some 10,000 North Korean troops are in Russia",
         "b": "Trump has pledged to broker an end to the war"},
        {"a": "North Korea sent more than 10,000 soldiers to Russia.",
         "b": "North Korea has sent more than 10,000 troops to Russia.",
         "published_a": "2024-11-27", "published_b": "2024-11-27"},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = list(compare_pairs_file(path, Config(cache_dir=tmp_path)))
    assert [c.verdict for c in out] == ["unrelated", "agree"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("p.jsonl", '{"a": "x"}\n', "fields a and b must both be non-empty sentences"),
        ("p.jsonl", "not json\n", "not valid JSON"),
        ("p.jsonl", '["a", "b"]\n', "expected a JSON object with fields a and b"),
        ("p.csv", "x,y\n1,2\n", "the CSV header must name columns a and b"),
        ("p.csv", "a,b,published_a\nx,y,yesterday\n", "is not a date; write dates as YYYY-MM-DD"),
    ],
)
def test_bad_pairs_file_says_what_to_do(tmp_path: Path, name: str, content: str,
                                        message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_pairs(path)


def test_missing_pairs_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_pairs(tmp_path / "nope.jsonl")


def test_csv_pairs_are_read(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("a,b,published_a,published_b\nx y,z w,2024-10-22,\n", encoding="utf-8")
    (pair,) = read_pairs(path)
    assert (pair.a, pair.b, str(pair.published_a), pair.published_b) == (
        "x y", "z w", "2024-10-22", None)
