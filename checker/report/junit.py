"""JUnit XML for CI test dashboards.

One ``testsuite`` per story (``report.json``'s ``stories``), named
claimcheck when the batch is one story and ``claimcheck: <story label>``
otherwise, with the story's id and label as properties. One ``testcase`` per
fact group (``Finding.group``), or per finding when it has no group;
``unrelated`` findings are left out. Every failing finding (at or above ``--fail-on`` and
not in the baseline) is a ``failure`` element of its testcase, with the
rationale as message; other findings are listed in the testcase's
``system-out``. A suite's ``failures`` attribute counts failed testcases
(what dashboards expect); the property ``claimcheck.failing_findings``
counts its failing findings (what decides the exit code).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.model import Claim, Document, Finding, Report
from checker.report.sarif import claim_position
from checker.report.view import StoryView, story_views

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Text safe for XML 1.0: characters it cannot represent become U+FFFD.
    (ElementTree escapes ``<``, ``&`` and quotes itself.)"""
    return _INVALID_XML.sub("\ufffd", text)


def render(report: Report, *, failing: Sequence[Finding], fail_on: str) -> str:
    """The JUnit XML document as a string (deterministic, ends with a newline)."""
    failing_ids = {f.id for f in failing}
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    views = story_views(report)

    root = ET.Element("testsuites", name="claimcheck")
    total_tests = total_failed = 0
    for view in views:
        if len(views) > 1 and not view.findings:
            continue  # a story with nothing to report is no test suite
        name = "claimcheck" if len(views) == 1 else f"claimcheck: {view.story.label}"
        suite, tests, failed = _suite(name, view, claims, docs, failing_ids, fail_on)
        root.append(suite)
        total_tests += tests
        total_failed += failed
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failed))
    root.set("errors", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _suite(
    name: str,
    view: StoryView,
    claims: dict[str, Claim],
    docs: dict[str, Document],
    failing_ids: set[str],
    fail_on: str,
) -> tuple[ET.Element, int, int]:
    cases: dict[str, list[Finding]] = {}
    for f in view.findings:
        if f.verdict == "unrelated":
            continue
        cases.setdefault(f.group or f.id, []).append(f)

    suite = ET.Element("testsuite", name=clean(name))
    props = ET.SubElement(suite, "properties")
    failed_cases = 0
    for key, findings in cases.items():
        case = ET.SubElement(
            suite,
            "testcase",
            classname=clean(f"claimcheck.{_case_class(findings)}"),
            name=clean(_case_name(key, findings, claims)),
        )
        out_lines: list[str] = []
        failed = False
        for f in findings:
            line = _describe(f, claims, docs)
            if f.id in failing_ids:
                failed = True
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=clean(f.rationale),
                    type=clean(f"{f.comparator}/{f.kind or f.verdict}"),
                )
                failure.text = clean(line)
            else:
                out_lines.append(line)
        if out_lines:
            ET.SubElement(case, "system-out").text = clean("\n\n".join(out_lines))
        failed_cases += failed

    failing_here = sum(1 for f in view.findings if f.id in failing_ids)
    for pname, value in (
        ("claimcheck.fail_on", fail_on),
        ("claimcheck.failing_findings", str(failing_here)),
        ("claimcheck.documents", str(len(view.documents))),
        ("claimcheck.story", view.story.id),
        ("claimcheck.story_label", view.story.label),
    ):
        ET.SubElement(props, "property", name=pname, value=clean(value))
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failed_cases))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite, len(cases), failed_cases


_ORDER = ("conflict", "disputed", "update", "scope", "unique", "agree")


def _case_class(findings: Sequence[Finding]) -> str:
    """The group's most severe verdict, so dashboards can sort by it."""
    return min((f.verdict for f in findings), key=lambda v: _ORDER.index(v) if v in _ORDER else 99)


def _case_name(key: str, findings: Sequence[Finding], claims: dict[str, Claim]) -> str:
    first = next((claims[c] for f in findings for c in f.claims if c in claims), None)
    if first is None:
        return key
    text = " ".join(first.text.split())
    if len(text) > 80:
        text = text[:79].rstrip() + "…"
    return f"{key}: {text}"


def _describe(f: Finding, claims: dict[str, Claim], docs: dict[str, Document]) -> str:
    head = f"{f.verdict}{'/' + f.kind if f.kind else ''} ({f.comparator}, score {f.score:.2f}, id {f.id}): {f.rationale}"
    lines = [head]
    for cid in f.claims:
        claim = claims.get(cid)
        if claim is None:
            lines.append(f"  - {cid}")
            continue
        pos = claim_position(claim, docs.get(claim.doc))
        where = pos.path + (f":{pos.line}:{pos.column}" if pos.line is not None else "")
        lines.append(f"  - {where}: {' '.join(claim.text.split())}")
    return "\n".join(lines)
