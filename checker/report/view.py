"""Plain helpers shared by the renderers: lookups, ordering, counts, labels.

Nothing here formats for one output; every renderer reads the same order so
a finding is listed in the same place in the Markdown, HTML and CSV.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.model import (
    CONFLICT_KINDS,
    VERDICTS,
    Claim,
    Document,
    Finding,
    Report,
    Story,
)

#: Most to least severe; the order findings are listed in.
SEVERITY: dict[str, int] = {v: i for i, v in enumerate(VERDICTS)}

#: Headings per verdict, used by the Markdown and HTML reports.
HEADINGS: dict[str, str] = {
    "conflict": "Conflicts",
    "disputed": "Disputed",
    "update": "Updates",
    "scope": "Differences in scope",
    "agree": "Agreements",
    "unique": "Single-source claims",
    "unrelated": "Unrelated pairs",
}


def finding_order(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first, then most confident, ties broken by id."""
    return sorted(findings, key=lambda f: (SEVERITY.get(f.verdict, 99), -f.score, f.id))


def outlet_label(doc: Document | None, fallback: str = "") -> str:
    """What a reader calls the source: the outlet, else the document id."""
    if doc is None:
        return fallback
    return doc.outlet or doc.id


def date_label(doc: Document | None) -> str:
    return doc.published.isoformat() if doc is not None and doc.published else "undated"


def summary_counts(report: Report) -> dict[str, object]:
    """Counts per verdict (every verdict present, zeros included) and per
    conflict kind, plus the totals a reader wants first."""
    verdicts = Counter(f.verdict for f in report.findings)
    kinds = Counter(f.kind for f in report.findings if f.kind is not None)
    counts: dict[str, object] = {
        "documents": len(report.documents),
        "claims": len(report.claims),
        "entities": len(report.entities),
        "findings": len(report.findings),
        "stories": len(stories_of(report)),
        "verdicts": {v: verdicts.get(v, 0) for v in VERDICTS},
        "kinds": {k: kinds.get(k, 0) for k in CONFLICT_KINDS},
    }
    if report.store is not None:
        s = report.store
        counts["store"] = {"new": s.new, "known": s.known, "stored": s.stored}
    return counts


def store_label(report: Report) -> str:
    """With a claim store, what the report's articles are (empty without one)."""
    s = report.store
    if s is None:
        return ""
    known = f", {s.known} already stored" if s.known else ""
    return (
        f"{s.new} new in this batch{known}; {s.stored} in the store "
        "(stored articles are listed when a finding names them)"
    )


def clean_float(x: float | None, digits: int = 6) -> float | int | None:
    """A JSON-safe number: rounded, integral values as ints, inf/nan as None."""
    if x is None or math.isnan(x) or math.isinf(x):
        return None
    r = round(float(x), digits)
    if r.is_integer() and abs(r) < 2**53:
        return int(r)
    return r


def number(x: float | None) -> str:
    """A number as a person writes it (``10,000``, ``4.5``); open ends as ``…``."""
    n = clean_float(x)
    if n is None:
        return "…" if x is not None and math.isinf(x) else ""
    if isinstance(n, int):
        return f"{n:,}"
    return f"{n:,.6g}" if abs(n) >= 1e6 else f"{n:g}"


def one_line(text: str) -> str:
    """Collapse line breaks and runs of spaces (quotes in tables and cells)."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Index:
    """Lookups over one report, built once per render."""

    docs: dict[str, Document]
    claims: dict[str, Claim]

    @classmethod
    def of(cls, documents: Sequence[Document], claims: Sequence[Claim]) -> Index:
        return cls({d.id: d for d in documents}, {c.id: c for c in claims})

    def doc_of(self, claim: Claim) -> Document | None:
        return self.docs.get(claim.doc)

    def claims_of(self, finding: Finding) -> list[Claim]:
        """The finding's claims that exist in the report, in the finding's order."""
        return [self.claims[c] for c in finding.claims if c in self.claims]

    def outlets(self, finding: Finding) -> list[str]:
        return list(
            dict.fromkeys(outlet_label(self.docs.get(d), d) for d in finding.docs)
        )


def stories_of(report: Report) -> tuple[Story, ...]:
    """The report's stories; a report built without clustering (by hand, or
    by an older version) is one story of all its documents."""
    if report.stories:
        return report.stories
    from checker.stories import single

    return single(report.documents)


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story with what the renderers show of it, findings in report order."""

    story: Story
    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]

    @property
    def verdicts(self) -> dict[str, int]:
        counts = Counter(f.verdict for f in self.findings)
        return {v: counts.get(v, 0) for v in VERDICTS}

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets, sorted."""
        return sorted({outlet_label(d) for d in self.documents}, key=str.casefold)


def story_views(report: Report, findings: Sequence[Finding] | None = None) -> list[StoryView]:
    """Each story with its documents and findings (``findings`` in the order
    given, default the report's); a finding belongs to its ``story``, else
    to the story of its first document."""
    stories = stories_of(report)
    docs = {d.id: d for d in report.documents}
    story_of_doc = {d: s.id for s in stories for d in s.documents}
    per: dict[str, list[Finding]] = {s.id: [] for s in stories}
    for f in report.findings if findings is None else findings:
        sid = f.story if f.story in per else next(
            (story_of_doc[d] for d in f.docs if d in story_of_doc), None
        )
        if sid is not None:
            per[sid].append(f)
    return [
        StoryView(s, tuple(docs[d] for d in s.documents if d in docs), tuple(per[s.id]))
        for s in stories
    ]


def story_of_finding(report: Report) -> dict[str, str]:
    """Finding id -> story id, for every finding that has one."""
    return {f.id: v.story.id for v in story_views(report) for f in v.findings}
