"""The CI gate: which findings fail a run, baselines of accepted findings,
and the one-line result.

Severity order: conflict > disputed > update > scope. ``--fail-on X`` fails
on findings of verdict X or anything more severe; ``any`` fails on every
finding except ``agree`` and ``unrelated`` (so ``unique`` coverage gaps too);
``never`` fails on nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.config import FAIL_ON
from checker.errors import BaselineError, ConfigError
from checker.model import VERDICTS, Finding, Report, Verdict
from checker.version import __version__

#: Most severe first.
SEVERITY: tuple[Verdict, ...] = ("conflict", "disputed", "update", "scope")
#: Verdicts that are findings in the CI sense (everything a reviewer may act on).
REPORTABLE: tuple[Verdict, ...] = (*SEVERITY, "unique")

BASELINE_FORMAT = "claimcheck-baseline"
BASELINE_VERSION = 1


def failing_verdicts(fail_on: str) -> frozenset[Verdict]:
    """The verdicts that fail a run at ``fail_on``."""
    if fail_on == "never":
        return frozenset()
    if fail_on == "any":
        return frozenset(REPORTABLE)
    if fail_on in SEVERITY:
        return frozenset(SEVERITY[: SEVERITY.index(fail_on) + 1])
    raise ConfigError(f"--fail-on {fail_on!r} is not one of {', '.join(FAIL_ON)}")


def at_or_above(finding: Finding, fail_on: str) -> bool:
    """Whether ``finding`` is severe enough to fail a run at ``fail_on``
    (before any baseline is applied)."""
    return finding.verdict in failing_verdicts(fail_on)


def failing(
    findings: Iterable[Finding], *, fail_on: str, accepted: frozenset[str] = frozenset()
) -> list[Finding]:
    """Findings at or above ``fail_on`` whose id is not in ``accepted``, in input order."""
    verdicts = failing_verdicts(fail_on)
    return [f for f in findings if f.verdict in verdicts and f.id not in accepted]


def summary_line(report: Report, failing: Iterable[Finding], *, fail_on: str) -> str:
    """One line for the log: counts by verdict, then the result.

    ``4 documents, 12 findings: 1 conflict, 2 scope, 9 unique; 1 new finding at or
    above conflict`` or ``...; ok``.
    """
    failing = list(failing)
    counts: Counter[str] = Counter(f.verdict for f in report.findings if f.verdict != "unrelated")
    parts = [f"{counts[v]} {v}" for v in VERDICTS if counts[v]]
    total = sum(counts.values())
    docs = _plural(len(report.documents), "document")
    if report.store is not None:  # the batch, not the report's stored articles
        docs = f"{report.store.new} new {'document' if report.store.new == 1 else 'documents'}"
        docs += f" ({report.store.stored} stored)"
    head = f"{docs}, {_plural(total, 'finding')}{': ' + ', '.join(parts) if parts else ''}"
    if fail_on == "never":
        return f"{head}; ok (--fail-on never)"
    severe = [f for f in report.findings if at_or_above(f, fail_on)]
    accepted = len(severe) - len(failing)
    note = f" ({accepted} more accepted by the baseline)" if accepted > 0 else ""
    if not failing:
        return f"{head}; ok{note}"
    new = "new finding" if len(failing) == 1 else "new findings"
    return f"{head}; {len(failing)} {new} at or above {fail_on}{note}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ----------------------------------------------------------------- baselines


def baseline_entries(report: Report, *, reason: str | None) -> list[dict[str, Any]]:
    """One entry per reportable finding, sorted by id (stable across runs)."""
    texts = {c.id: c.text for c in report.claims}
    entries = []
    for f in sorted(report.findings, key=lambda f: f.id):
        if f.verdict not in REPORTABLE:
            continue
        entries.append(
            {
                "id": f.id,
                "verdict": f.verdict,
                "kind": f.kind,
                "docs": list(f.docs),
                "claims": [texts.get(c, c) for c in f.claims],
                "reason": reason,
            }
        )
    return entries


def write_baseline(report: Report, out: Path | str, *, reason: str | None = None) -> int:
    """Record the report's findings as accepted; returns how many were written.

    The file is written atomically (a temporary file renamed into place), so an
    interrupted run never leaves a half-written baseline.
    """
    out = Path(out)
    entries = baseline_entries(report, reason=reason)
    data = {
        "format": BASELINE_FORMAT,
        "version": BASELINE_VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "findings": entries,
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, out)
    except OSError as e:
        raise BaselineError(f"cannot write the baseline {out}: {e.strerror or e}") from e
    return len(entries)


def load_baseline(path: Path | str) -> frozenset[str]:
    """The ids of the findings a baseline accepts."""
    path = Path(path)
    regenerate = f"write it with `claimcheck baseline ARTICLES... --out {path}`"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(
            f"baseline file {path} does not exist; {regenerate}, or drop --baseline"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise BaselineError(f"cannot read the baseline {path} ({e}); {regenerate}") from e
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise BaselineError(
            f"baseline {path} is not valid JSON (line {e.lineno}: {e.msg}); {regenerate}"
        ) from None
    if not isinstance(data, dict) or data.get("format") != BASELINE_FORMAT:
        raise BaselineError(f"{path} is not a claimcheck baseline; {regenerate}")
    version = data.get("version")
    if not isinstance(version, int) or version > BASELINE_VERSION or version < 1:
        raise BaselineError(
            f"baseline {path} has format version {version!r}, this claimcheck reads "
            f"version {BASELINE_VERSION}; upgrade claimcheck or {regenerate}"
        )
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(e, dict) and isinstance(e.get("id"), str) for e in findings
    ):
        raise BaselineError(
            f"baseline {path} has no valid \"findings\" list of {{\"id\": ...}} entries; "
            f"{regenerate}"
        )
    return frozenset(e["id"] for e in findings)
