"""GitHub Actions workflow commands: one annotation per finding.

``::error`` for failing findings (at or above ``--fail-on`` and not in the
baseline), ``::notice`` for ``unique`` and ``::warning`` for the other
reportable verdicts; ``agree`` and ``unrelated`` are not annotated. Errors
come first because GitHub shows only the first few annotations of each kind.
Lines and columns are given for plain-text articles (see
:mod:`checker.report.sarif`).
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.gate import REPORTABLE
from checker.model import Finding, Report
from checker.report.sarif import claim_position, primary_and_related


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF are percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, *, failing: Sequence[Finding]) -> str:
    """The annotations, one per line (empty string when there are none)."""
    failing_ids = {f.id for f in failing}
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    doc_order = {d.id: i for i, d in enumerate(report.documents)}

    def command(f: Finding) -> str:
        if f.id in failing_ids:
            return "error"
        return "notice" if f.verdict == "unique" else "warning"

    rank = {"error": 0, "warning": 1, "notice": 2}
    findings = [f for f in report.findings if f.verdict in REPORTABLE]
    findings.sort(key=lambda f: rank[command(f)])  # stable: report order within a level

    lines = []
    for f in findings:
        primary, related = primary_and_related(f, claims, doc_order)
        props: list[tuple[str, str]] = []
        if primary is not None:
            pos = claim_position(primary, docs.get(primary.doc))
            props.append(("file", pos.path))
            if pos.line is not None:
                props += [
                    ("line", str(pos.line)),
                    ("endLine", str(pos.end_line)),
                ]
                if pos.line == pos.end_line:  # GitHub ignores columns across lines
                    props += [("col", str(pos.column)), ("endColumn", str(pos.end_column))]
        title = f"claimcheck {f.verdict}{' (' + f.kind + ')' if f.kind else ''}: {f.comparator}"
        props.append(("title", title))
        message = f.rationale
        for c in related:
            pos = claim_position(c, docs.get(c.doc))
            where = pos.path + (f":{pos.line}" if pos.line is not None else "")
            message += f"\nvs {where}: {' '.join(c.text.split())}"
        head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
        lines.append(f"::{command(f)} {head}::{escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
