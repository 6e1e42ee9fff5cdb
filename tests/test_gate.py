"""The CI gate: --fail-on severity, baselines and the summary line, on
hand-made findings (no models)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_fixture import make_report

from checker import gate
from checker.errors import BaselineError, ConfigError
from checker.model import VERDICTS, Finding, Report


def finding(verdict: str, fid: str | None = None, kind: str | None = None) -> Finding:
    return Finding(
        id=fid or f"f-{verdict}", verdict=verdict, kind=kind,  # type: ignore[arg-type]
        claims=("a:0", "b:0"), docs=("a", "b"), comparator="test.v1", score=0.5,
        rationale=f"{verdict} rationale",
    )


ONE_OF_EACH = [finding(v) for v in VERDICTS]

# The exit-code contract, verdict by verdict: which verdicts fail at each --fail-on.
FAILING_AT = {
    "never": set(),
    "conflict": {"conflict"},
    "disputed": {"conflict", "disputed"},
    "update": {"conflict", "disputed", "update"},
    "scope": {"conflict", "disputed", "update", "scope"},
    "any": {"conflict", "disputed", "update", "scope", "unique"},
}


@pytest.mark.parametrize(("fail_on", "expected"), sorted(FAILING_AT.items()))
def test_failing_verdicts_per_fail_on(fail_on: str, expected: set[str]) -> None:
    got = gate.failing(ONE_OF_EACH, fail_on=fail_on, accepted=frozenset())
    assert {f.verdict for f in got} == expected
    assert gate.failing_verdicts(fail_on) == expected


@pytest.mark.parametrize("fail_on", sorted(FAILING_AT))
@pytest.mark.parametrize("verdict", VERDICTS)
def test_exit_code_contract(fail_on: str, verdict: str) -> None:
    """A lone finding fails the run (exit 1) exactly when its verdict is at or
    above --fail-on, and never once the baseline accepts it."""
    f = finding(verdict)
    exit_code = 1 if gate.failing([f], fail_on=fail_on, accepted=frozenset()) else 0
    assert exit_code == (1 if verdict in FAILING_AT[fail_on] else 0)
    assert gate.failing([f], fail_on=fail_on, accepted=frozenset({f.id})) == []


def test_agree_and_unrelated_never_fail() -> None:
    for fail_on in FAILING_AT:
        assert gate.failing([finding("agree"), finding("unrelated")], fail_on=fail_on) == []


def test_failing_keeps_input_order_and_drops_accepted() -> None:
    fs = [finding("scope", "s1"), finding("conflict", "c1"), finding("conflict", "c2")]
    got = gate.failing(fs, fail_on="scope", accepted=frozenset({"c1"}))
    assert [f.id for f in got] == ["s1", "c2"]


def test_unknown_fail_on_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"--fail-on 'severe' is not one of never, conflict"):
        gate.failing(ONE_OF_EACH, fail_on="severe")


LEVELS = ["conflict", "disputed", "update", "scope", "any"]


@given(
    st.lists(st.sampled_from(VERDICTS), max_size=12),
    st.integers(0, len(LEVELS) - 2),
    st.sets(st.integers(0, 11)),
)
def test_stricter_fail_on_fails_on_a_subset(
    verdicts: list[str], i: int, accepted_idx: set[int]
) -> None:
    fs = [finding(v, f"f{n}") for n, v in enumerate(verdicts)]
    accepted = frozenset(f"f{n}" for n in accepted_idx)
    stricter = gate.failing(fs, fail_on=LEVELS[i], accepted=accepted)
    looser = gate.failing(fs, fail_on=LEVELS[i + 1], accepted=accepted)
    assert {f.id for f in stricter} <= {f.id for f in looser}
    assert not {f.id for f in looser} & accepted
    assert gate.failing(fs, fail_on="any", accepted=frozenset(f.id for f in fs)) == []


# ----------------------------------------------------------------- summary


def report_of(findings: list[Finding]) -> Report:
    return Report(documents=(), claims=(), entities=(), findings=tuple(findings))


def test_summary_line_counts_and_failures() -> None:
    r = make_report()
    failing = gate.failing(r.findings, fail_on="conflict")
    line = gate.summary_line(r, failing, fail_on="conflict")
    assert line == (
        "3 documents, 9 findings: 3 conflict, 1 disputed, 1 update, 1 scope, 2 agree, "
        "1 unique; 3 new findings at or above conflict"
    )
    assert "\n" not in line


def test_summary_line_ok_and_baseline_note() -> None:
    r = make_report()
    severe = [f.id for f in r.findings if f.verdict == "conflict"]
    failing = gate.failing(r.findings, fail_on="conflict", accepted=frozenset(severe[:2]))
    assert gate.summary_line(r, failing, fail_on="conflict").endswith(
        "; 1 new finding at or above conflict (2 more accepted by the baseline)"
    )
    none = gate.failing(r.findings, fail_on="conflict", accepted=frozenset(severe))
    assert gate.summary_line(r, none, fail_on="conflict").endswith(
        "; ok (3 more accepted by the baseline)"
    )
    assert gate.summary_line(r, [], fail_on="never").endswith("; ok (--fail-on never)")


def test_summary_line_of_an_empty_report() -> None:
    assert gate.summary_line(report_of([]), [], fail_on="conflict") == "0 documents, 0 findings; ok"


# ----------------------------------------------------------------- baselines


def test_baseline_round_trip(tmp_path: Path) -> None:
    r = make_report()
    out = tmp_path / "sub" / "baseline.json"
    n = gate.write_baseline(r, out, reason="known before launch")
    reportable = [f for f in r.findings if f.verdict not in ("agree", "unrelated")]
    assert n == len(reportable) == 7
    assert gate.load_baseline(out) == frozenset(f.id for f in reportable)
    assert gate.failing(r.findings, fail_on="any", accepted=gate.load_baseline(out)) == []


def test_baseline_entries_name_verdict_docs_and_claim_texts(tmp_path: Path) -> None:
    r = make_report()
    out = tmp_path / "baseline.json"
    gate.write_baseline(r, out, reason=None)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "claimcheck-baseline"
    assert data["version"] == 1
    ids = [e["id"] for e in data["findings"]]
    assert ids == sorted(ids)
    entry = next(e for e in data["findings"] if e["id"] == "f-3a1c0e")
    assert entry == {
        "id": "f-3a1c0e",
        "verdict": "conflict",
        "kind": "number",
        "docs": ["valley-courier", "northern-wire"],
        "claims": [
            "Flood waters forced more than 2,000 residents of Marlow Ridge to leave their "
            "homes on Sunday, the county emergency office said.",
            "About 800 residents of Marlow Ridge were evacuated on Saturday, according to "
            "the fire department.",
        ],
        "reason": None,
    }


def test_baseline_is_deterministic(tmp_path: Path) -> None:
    r = make_report()
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    gate.write_baseline(r, a, reason="x")
    gate.write_baseline(r, b, reason="x")
    assert a.read_bytes() == b.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", r"baseline .*bad\.json is not valid JSON \(line 1: .*\); write it with "
                      r"`claimcheck baseline ARTICLES\.\.\. --out .*bad\.json`"),
        ("[1, 2]", r"is not a claimcheck baseline; write it with `claimcheck baseline"),
        ('{"format": "other"}', r"is not a claimcheck baseline"),
        ('{"format": "claimcheck-baseline", "version": 99, "findings": []}',
         r"has format version 99, this claimcheck reads version 1; upgrade claimcheck"),
        ('{"format": "claimcheck-baseline", "version": 1, "findings": [{"verdict": "x"}]}',
         r'has no valid "findings" list'),
        ('{"format": "claimcheck-baseline", "version": 1}', r'has no valid "findings" list'),
    ],
)
def test_corrupt_baseline_says_what_to_do(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message):
        gate.load_baseline(path)


def test_missing_baseline_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(BaselineError) as err:
        gate.load_baseline(path)
    assert str(err.value) == (
        f"baseline file {path} does not exist; write it with "
        f"`claimcheck baseline ARTICLES... --out {path}`, or drop --baseline"
    )
    assert err.value.exit_code == 2


def test_baseline_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BaselineError, match="cannot write the baseline"):
        gate.write_baseline(make_report(), blocker / "baseline.json", reason=None)
