"""``report.json``: the machine contract of DESIGN.md (``schema_version`` "1").

Deterministic: keys in a fixed order (config keys sorted), floats rounded,
no timestamps, UTF-8 text as is, a trailing newline. The schema lives in
``schema/report.schema.json`` next to this module.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from checker.model import (
    Claim,
    Document,
    Entity,
    Finding,
    Place,
    Quantity,
    Report,
    TimeExpr,
)
from checker.report.view import (
    StoryView,
    clean_float,
    story_of_finding,
    story_views,
    summary_counts,
)
from checker.version import __version__

SCHEMA_VERSION = "1"
SCHEMA_PATH = Path(__file__).with_name("schema") / "report.schema.json"


def _plain(value: Any) -> Any:
    """Config values as JSON data, dict keys sorted so the bytes never depend
    on how the config was built."""
    if isinstance(value, Mapping):
        return {str(k): _plain(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    if isinstance(value, float):
        return clean_float(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def document_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "outlet": doc.outlet,
        "published": doc.published.isoformat() if doc.published else None,
        "title": doc.title,
        "url": doc.url,
        "byline": doc.byline,
        "sha256": doc.sha256,
        "copy_of": doc.copy_of,
    }


def quantity_dict(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.text,
        "value": clean_float(q.value),
        "low": clean_float(q.low),
        "high": clean_float(q.high),
        "unit": q.unit,
        "thing": q.thing,
        "modifiers": list(q.modifiers),
        "approximate": q.approximate,
        "span": [q.start, q.end],
    }


def time_dict(t: TimeExpr) -> dict[str, Any]:
    # ``start``/``end`` are the interval's ISO dates (the contract); the
    # character offsets are under ``span`` like every other slot.
    return {
        "text": t.text,
        "start": t.low.isoformat() if t.low else None,
        "end": t.high.isoformat() if t.high else None,
        "precision": t.precision,
        "role": t.role,
        "span": [t.start, t.end],
    }


def place_dict(p: Place) -> dict[str, Any]:
    return {
        "text": p.text,
        "name": p.name,
        "country": p.country,
        "kind": p.kind,
        "within": list(p.within),
        "span": [p.start, p.end],
    }


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "doc": c.doc,
        "sentence": c.sentence,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "source": c.source,
        "certainty": c.certainty,
        "negated": c.negated,
        "predicate": c.predicate,
        "quantities": [quantity_dict(q) for q in c.quantities],
        "times": [time_dict(t) for t in c.times],
        "places": [place_dict(p) for p in c.places],
        "entities": list(c.entities),
    }


def entity_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "canonical": e.canonical,
        "type": e.type,
        "variants": list(e.variants),
        "docs": list(e.docs),
    }


def finding_dict(f: Finding, story: str | None = None) -> dict[str, Any]:
    return {
        "id": f.id,
        "verdict": f.verdict,
        "kind": f.kind,
        "claims": list(f.claims),
        "docs": list(f.docs),
        "comparator": f.comparator,
        "score": clean_float(f.score, 4),
        "rationale": f.rationale,
        "group": f.group,
        "story": story if story is not None else f.story,
    }


def story_dict(v: StoryView) -> dict[str, Any]:
    s = v.story
    return {
        "id": s.id,
        "label": s.label,
        "documents": list(s.documents),
        "outlets": v.outlets,
        "first_published": s.first_published.isoformat() if s.first_published else None,
        "last_published": s.last_published.isoformat() if s.last_published else None,
        "findings": len(v.findings),
        "verdicts": v.verdicts,
    }


def report_dict(
    report: Report,
    *,
    failing: Sequence[Finding] | None = None,
    fail_on: str | None = None,
) -> dict[str, Any]:
    """The whole report as JSON data. With ``failing``, a ``gate`` object
    records what made the run fail (ids in report order)."""
    story_of = story_of_finding(report)
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "config": _plain(report.config),
        "documents": [document_dict(d) for d in report.documents],
        "claims": [claim_dict(c) for c in report.claims],
        "entities": [entity_dict(e) for e in report.entities],
        "findings": [finding_dict(f, story_of.get(f.id)) for f in report.findings],
        "summary": summary_counts(report),
        "stories": [story_dict(v) for v in story_views(report)],
        "warnings": list(report.warnings),
    }
    if failing is not None:
        ids: Collection[str] = {f.id for f in failing}
        data["gate"] = {
            "fail_on": fail_on,
            "failing": [f.id for f in report.findings if f.id in ids],
        }
    return data


def dumps(data: Any) -> str:
    """The one JSON encoding every claimcheck file uses."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def render(
    report: Report,
    *,
    failing: Sequence[Finding] | None = None,
    fail_on: str | None = None,
) -> str:
    return dumps(report_dict(report, failing=failing, fail_on=fail_on))
