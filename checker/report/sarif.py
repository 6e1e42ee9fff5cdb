"""SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

One result per finding whose verdict is conflict, disputed, update, scope or
unique; ``agree`` and ``unrelated`` are not problems and are left out. Rules
are named after the comparator and the kind (``quantity.v1/number``) or the
verdict (``certainty.v1/disputed``).

Levels: ``error`` for a failing finding (at or above ``--fail-on`` and not in
the baseline), ``note`` for ``unique``, ``warning`` otherwise. A finding at or
above ``--fail-on`` that the baseline accepts carries an external suppression.

The primary location is the claim from the document listed last in the
report: with a claim store that is the newly added article (stored ones come
first), which is the file a pull request touches. The finding's other claims
are related locations. Columns count Unicode code points (``columnKind``).

Stories group the results: each result's properties name its ``story`` and
``storyLabel``, and the run's properties list the stories with their
documents (``report.json``'s ``stories``).
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from checker.gate import REPORTABLE, failing_verdicts
from checker.model import Claim, Document, Finding, Report
from checker.report.view import story_views
from checker.version import __version__

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT = "claimcheckFindingId/v1"

#: Files whose ``Document.text`` is the file's own text, so offsets map to
#: lines and columns in the file. For HTML, JSON and CSV the text is extracted
#: from markup or a record field, and only the file is pointed at.
PLAIN_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_DESCRIPTIONS: dict[str, str] = {
    "number": "Outlets give incompatible numbers for the same fact.",
    "time": "Outlets give incompatible times for the same event.",
    "place": "Outlets give incompatible places for the same event.",
    "entity": "Outlets name different people or organisations for the same role.",
    "negation": "One outlet states what another negates.",
    "conflict": "Outlets give incompatible values for the same fact.",
    "disputed": "Sources differ in commitment: one asserts, another denies or leaves it unconfirmed.",
    "update": "A later report supersedes an earlier one.",
    "scope": "Values differ but describe different subsets, periods or sources.",
    "unique": "Only one outlet reports this claim (coverage gap).",
}


@dataclass(frozen=True, slots=True)
class Position:
    """Where a claim is, for annotations: the file and, for plain-text
    articles, 1-based start and end line and column (end column exclusive)."""

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


def display_path(path: str) -> str:
    """The path relative to the working directory when it lies below it, in
    forward-slash form; otherwise as given."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return PurePath(os.path.normpath(p)).as_posix()


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text`` (CR, LF and CRLF end lines)."""
    line, start = 1, 0
    for m in _LINE_BREAK.finditer(text, 0, offset):
        line += 1
        start = m.end()
    return line, offset - start + 1


def claim_position(claim: Claim, doc: Document | None) -> Position:
    if doc is None:
        return Position(path=claim.doc)
    path = display_path(doc.path)
    if PurePath(doc.path).suffix.lower() not in PLAIN_TEXT_SUFFIXES:
        return Position(path=path)
    line, column = line_column(doc.text, claim.start)
    end_line, end_column = line_column(doc.text, claim.end)
    return Position(path, line, column, end_line, end_column)


def primary_and_related(
    finding: Finding, claims: dict[str, Claim], doc_order: dict[str, int]
) -> tuple[Claim | None, list[Claim]]:
    """The claim to annotate (from the document listed last, ties by the
    finding's order) and the others."""
    present = [claims[c] for c in finding.claims if c in claims]
    if not present:
        return None, []
    primary = max(present, key=lambda c: doc_order.get(c.doc, -1))
    return primary, [c for c in present if c is not primary]


def rule_id(finding: Finding) -> str:
    return f"{finding.comparator}/{finding.kind or finding.verdict}"


def level(finding: Finding, failing_ids: set[str]) -> str:
    if finding.id in failing_ids:
        return "error"
    return "note" if finding.verdict == "unique" else "warning"


def render(report: Report, *, failing: Sequence[Finding], fail_on: str) -> str:
    """The SARIF log as a JSON string (deterministic, ends with a newline)."""
    failing_ids = {f.id for f in failing}
    severe = failing_verdicts(fail_on)
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    doc_order = {d.id: i for i, d in enumerate(report.documents)}
    findings = [f for f in report.findings if f.verdict in REPORTABLE]
    views = story_views(report)
    story_of = {f.id: v.story for v in views for f in v.findings}

    rule_ids = sorted({rule_id(f) for f in findings})
    rule_index = {r: i for i, r in enumerate(rule_ids)}
    examples = {rule_id(f): f for f in reversed(findings)}
    rules = [_rule(r, examples[r], fail_on) for r in rule_ids]

    results = []
    for f in findings:
        primary, related = primary_and_related(f, claims, doc_order)
        result: dict[str, Any] = {
            "ruleId": rule_id(f),
            "ruleIndex": rule_index[rule_id(f)],
            "level": level(f, failing_ids),
            "message": {"text": f.rationale or f"{f.verdict} ({f.comparator})"},
            "partialFingerprints": {FINGERPRINT: f.id},
            "properties": {
                "verdict": f.verdict,
                "kind": f.kind,
                "score": round(float(f.score), 4),
                "docs": list(f.docs),
                "claims": list(f.claims),
                "group": f.group,
                "story": story.id if (story := story_of.get(f.id)) else None,
                "storyLabel": story.label if story else None,
            },
        }
        if primary is not None:
            result["locations"] = [_location(primary, docs.get(primary.doc))]
        if related:
            result["relatedLocations"] = [
                _location(c, docs.get(c.doc), id=i) for i, c in enumerate(related, 1)
            ]
        if f.verdict in severe and f.id not in failing_ids:
            result["suppressions"] = [
                {"kind": "external", "justification": "accepted in the claimcheck baseline"}
            ]
        results.append(result)

    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "failOn": fail_on,
                    "failing": len(failing_ids),
                    "stories": [
                        {"id": v.story.id, "label": v.story.label,
                         "documents": list(v.story.documents)}
                        for v in views
                    ],
                },
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _rule(rid: str, example: Finding, fail_on: str) -> dict[str, Any]:
    key = example.kind or example.verdict
    text = _DESCRIPTIONS.get(key, f"Findings with verdict {example.verdict}.")
    default = (
        "error" if example.verdict in failing_verdicts(fail_on)
        else "note" if example.verdict == "unique" else "warning"
    )
    return {
        "id": rid,
        "name": _camel(rid),
        "shortDescription": {"text": text},
        "fullDescription": {
            "text": f"{text} Reported by the {example.comparator} comparator "
            f"(verdict {example.verdict}{', kind ' + example.kind if example.kind else ''})."
        },
        "defaultConfiguration": {"level": default},
        "properties": {
            "verdict": example.verdict,
            "kind": example.kind,
            "comparator": example.comparator,
            "tags": ["claimcheck", example.verdict],
        },
    }


def _camel(rid: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^A-Za-z0-9]+", rid) if p)


def _uri(path: str) -> str:
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return urllib.parse.quote(path, safe="/")


def _location(claim: Claim, doc: Document | None, *, id: int | None = None) -> dict[str, Any]:
    pos = claim_position(claim, doc)
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(pos.path)}}
    if pos.line is not None:
        physical["region"] = {
            "startLine": pos.line,
            "startColumn": pos.column,
            "endLine": pos.end_line,
            "endColumn": pos.end_column,
            "snippet": {"text": claim.text},
        }
    loc: dict[str, Any] = {"physicalLocation": physical}
    if id is not None:
        loc["id"] = id
    outlet = doc.outlet if doc is not None and doc.outlet else claim.doc
    loc["message"] = {"text": f"{outlet}: {claim.text}"}
    return loc
