"""SARIF, JUnit and GitHub annotations, rendered from the hand-made report."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from report_fixture import hostile_report, make_report

from checker import gate
from checker.model import Claim, Document, Finding, Report
from checker.report import github, junit, sarif

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8")
)
FAIL_ONS = ("never", "conflict", "disputed", "update", "scope", "any")


def render_sarif(report: Report, fail_on: str, accepted: frozenset[str] = frozenset()) -> Any:
    failing = gate.failing(report.findings, fail_on=fail_on, accepted=accepted)
    text = sarif.render(report, failing=failing, fail_on=fail_on)
    return json.loads(text)


def validate(log: Any) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


# ------------------------------------------------------------------ SARIF


def test_the_schema_is_the_official_one() -> None:
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("fail_on", FAIL_ONS)
@pytest.mark.parametrize("make", [make_report, hostile_report])
def test_sarif_validates_against_the_schema(make: Any, fail_on: str) -> None:
    validate(render_sarif(make(), fail_on))


def test_sarif_of_an_empty_report_validates() -> None:
    log = render_sarif(Report((), (), (), ()), "conflict")
    validate(log)
    assert log["runs"][0]["results"] == []


def test_invalid_sarif_is_caught_by_the_schema() -> None:
    log = render_sarif(make_report(), "conflict")
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_one_result_per_reportable_finding_with_levels() -> None:
    r = make_report()
    log = render_sarif(r, "conflict")
    results = log["runs"][0]["results"]
    by_id = {x["partialFingerprints"]["claimcheckFindingId/v1"]: x for x in results}
    reportable = [f.id for f in r.findings if f.verdict not in ("agree", "unrelated")]
    assert list(by_id) == reportable
    levels = {fid: x["level"] for fid, x in by_id.items()}
    assert levels == {
        "f-3a1c0e": "error", "f-7b22d4": "error", "f-0c9e51": "error",
        "f-51d0aa": "warning", "f-9d4e07": "warning", "f-aa0731": "warning",
        "f-c3b9f0": "note",
    }
    assert render_sarif(r, "never")["runs"][0]["results"][0]["level"] == "warning"
    any_levels = {x["level"] for x in render_sarif(r, "any")["runs"][0]["results"]}
    assert any_levels == {"error"}


@pytest.mark.parametrize("fail_on", FAIL_ONS)
def test_error_results_match_the_gate(fail_on: str) -> None:
    r = hostile_report()
    errors = [x for x in render_sarif(r, fail_on)["runs"][0]["results"] if x["level"] == "error"]
    assert len(errors) == len(gate.failing(r.findings, fail_on=fail_on))


def test_rules_are_named_after_comparator_and_kind() -> None:
    log = render_sarif(make_report(), "conflict")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claimcheck"
    assert driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(ids) == [
        "certainty.v1/disputed", "place.v1/place", "quantity.v1/number", "quantity.v1/scope",
        "time.v1/time", "time.v1/update", "unique.v1/unique",
    ]
    assert all(rule["shortDescription"]["text"] for rule in driver["rules"])
    for result in log["runs"][0]["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_locations_point_at_the_claim_line_and_column() -> None:
    r = make_report()
    log = render_sarif(r, "conflict")
    result = next(
        x for x in log["runs"][0]["results"] if x["ruleId"] == "quantity.v1/number"
    )
    assert result["message"]["text"].startswith("'more than 2,000' residents")
    (loc,) = result["locations"]
    phys = loc["physicalLocation"]
    # The wire story is listed after the courier, so its claim is the primary one.
    assert phys["artifactLocation"]["uri"] == "articles/northern-wire.txt"
    assert phys["region"]["startLine"] == 1 and phys["region"]["startColumn"] == 1
    (rel,) = result["relatedLocations"]
    region = rel["physicalLocation"]["region"]
    assert rel["physicalLocation"]["artifactLocation"]["uri"] == "articles/valley-courier.txt"
    assert (region["startLine"], region["startColumn"]) == (2, 1)
    assert region["snippet"]["text"].startswith("Flood waters forced")


def _doc(text: str, path: str = "articles/x.txt") -> Document:
    return Document(
        id="x", path=path, text=text, sha256=hashlib.sha256(text.encode()).hexdigest()
    )


def _one_claim_report(doc: Document, needle: str) -> Report:
    start = doc.text.index(needle)
    claim = Claim(id="x:0", doc="x", sentence=0, start=start, end=start + len(needle),
                  text=needle)
    finding = Finding(id="f", verdict="unique", kind=None, claims=("x:0",), docs=("x",),
                      comparator="unique.v1", score=1.0, rationale="only x says so")
    return Report((doc,), (claim,), (), (finding,))


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("One.\nTwo has ten.", "ten", (2, 9, 2, 12)),
        ("One.\r\nTwo has ten.", "ten", (2, 9, 2, 12)),
        ("One.\rTwo.\r\n\nThree ünï ten.", "ten", (4, 11, 4, 14)),
        ("Ten\nspans lines.", "Ten\nspans", (1, 1, 2, 6)),
    ],
)
def test_line_and_column_from_offsets(
    text: str, needle: str, expected: tuple[int, int, int, int]
) -> None:
    log = render_sarif(_one_claim_report(_doc(text), needle), "any")
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    got = (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"])
    assert got == expected
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_extracted_text_points_at_the_file_only() -> None:
    """HTML text is extracted from markup: its offsets are not file positions."""
    log = render_sarif(_one_claim_report(_doc("Some ten.", "web/page 1.html"), "ten"), "any")
    phys = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert phys == {"artifactLocation": {"uri": "web/page%201.html"}}
    validate(log)


def test_absolute_paths_become_relative_or_file_uris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = _one_claim_report(_doc("Ten.", str(tmp_path / "a" / "b.txt")), "Ten")
    uri = render_sarif(inside, "any")["runs"][0]["results"][0]["locations"][0]
    assert uri["physicalLocation"]["artifactLocation"]["uri"] == "a/b.txt"
    outside = _one_claim_report(_doc("Ten.", "/elsewhere/b.txt"), "Ten")
    log = render_sarif(outside, "any")
    uri = log["runs"][0]["results"][0]["locations"][0]
    assert uri["physicalLocation"]["artifactLocation"]["uri"] == "file:///elsewhere/b.txt"
    validate(log)


def test_baseline_accepted_findings_are_suppressed_not_errors() -> None:
    r = make_report()
    log = render_sarif(r, "conflict", accepted=frozenset({"f-0c9e51"}))
    result = next(x for x in log["runs"][0]["results"]
                  if x["partialFingerprints"]["claimcheckFindingId/v1"] == "f-0c9e51")
    assert result["level"] == "warning"
    assert result["suppressions"] == [
        {"kind": "external", "justification": "accepted in the claimcheck baseline"}
    ]
    validate(log)


def test_sarif_is_deterministic() -> None:
    r = hostile_report()
    failing = gate.failing(r.findings, fail_on="conflict")
    assert sarif.render(r, failing=failing, fail_on="conflict") == sarif.render(
        r, failing=failing, fail_on="conflict"
    )


# ------------------------------------------------------------------ JUnit


def parse_junit(report: Report, fail_on: str, accepted: frozenset[str] = frozenset()) -> Any:
    failing = gate.failing(report.findings, fail_on=fail_on, accepted=accepted)
    text = junit.render(report, failing=failing, fail_on=fail_on)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8")), failing


@pytest.mark.parametrize("fail_on", FAIL_ONS)
def test_junit_failure_counts(fail_on: str) -> None:
    r = make_report()
    root, failing = parse_junit(r, fail_on)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    failures = suite.findall("testcase/failure")
    # One testcase per fact group; unique and ungrouped findings get their own.
    assert len(cases) == int(suite.get("tests", "")) == 5
    assert len(failures) == len(failing)
    failed_cases = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures", "")) == len(failed_cases)
    assert int(root.get("failures", "")) == len(failed_cases)
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["claimcheck.failing_findings"] == str(len(failing))
    assert props["claimcheck.fail_on"] == fail_on


def test_junit_failures_carry_the_rationale() -> None:
    root, _ = parse_junit(make_report(), "conflict")
    messages = sorted(f.get("message") for f in root.iter("failure"))
    assert messages[0].startswith("'more than 2,000' residents")
    case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("g-evacuation"))
    assert case.get("classname") == "claimcheck.conflict"
    assert len(case.findall("failure")) == 2
    out = case.find("system-out")
    assert out is not None and "scope (quantity.v1" in (out.text or "")


def test_junit_accepted_findings_are_not_failures() -> None:
    root, failing = parse_junit(make_report(), "conflict", frozenset({"f-3a1c0e", "f-7b22d4"}))
    assert len(list(root.iter("failure"))) == len(failing) == 1


def test_junit_escapes_hostile_text() -> None:
    base = hostile_report()
    nasty = "Bad \x00 bytes \x1b[31m ]]> <tag attr=\"x\"> & 'q'"
    r = dataclasses.replace(
        base,
        findings=tuple(dataclasses.replace(f, rationale=f.rationale + nasty)
                       for f in base.findings),
    )
    failing = gate.failing(r.findings, fail_on="any")
    text = junit.render(r, failing=failing, fail_on="any")
    root = ET.fromstring(text.encode("utf-8"))
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\x00" not in text and "\x1b" not in text
    message = next(root.iter("failure")).get("message", "")
    assert message.endswith("Bad \ufffd bytes \ufffd[31m ]]> <tag attr=\"x\"> & 'q'")


# ------------------------------------------------------------------ GitHub


def test_github_escaping() -> None:
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotations_per_level() -> None:
    r = make_report()
    failing = gate.failing(r.findings, fail_on="conflict")
    lines = github.render(r, failing=failing).splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds == ["::error"] * 3 + ["::warning"] * 3 + ["::notice"]
    first = lines[0]
    assert first.startswith(
        "::error file=articles/northern-wire.txt,line=1,endLine=1,col=1,endColumn=98,"
        "title=claimcheck conflict (number)%3A quantity.v1::'more than 2,000' residents"
    )
    assert "%0Avs articles/valley-courier.txt:2: Flood waters" in first
    assert all("\r" not in line for line in lines)


def test_github_annotations_stay_one_line_per_finding() -> None:
    r = hostile_report()
    r = dataclasses.replace(
        r, findings=tuple(dataclasses.replace(f, rationale="line\nbreak, 100%: x")
                          for f in r.findings),
    )
    text = github.render(r, failing=[])
    reportable = [f for f in r.findings if f.verdict not in ("agree", "unrelated")]
    assert text.count("\n") == len(reportable)
    assert "line%0Abreak, 100%25: x" in text
    assert "::error" not in text


def test_github_with_nothing_to_say_is_empty() -> None:
    assert github.render(Report((), (), (), ()), failing=[]) == ""
