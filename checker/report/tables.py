"""Flat tables: ``claims.csv`` / ``findings.csv`` / ``stories.csv`` (and
``.parquet``), and the plain-text claims table of ``claimcheck claims``.

One row per claim / per finding / per story; slots are flattened into readable cells
(``more than 2,000=2000.. (residents)``, ``on Sunday=2024-03-03..2024-03-03
(day, event)``), several values joined by ``"; "``. Parquet files are written
only when the ``parquet`` format is asked for (they need pyarrow), never as a
side effect of ``csv``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from checker.errors import ConfigError
from checker.model import VERDICTS, Claim, Document, Place, Quantity, Report, TimeExpr
from checker.report.view import (
    Index,
    clean_float,
    date_label,
    finding_order,
    one_line,
    outlet_label,
    story_of_finding,
    story_views,
)

if TYPE_CHECKING:
    import pandas as pd

CLAIM_COLUMNS = (
    "id", "doc", "outlet", "published", "sentence", "start", "end", "certainty", "negated",
    "source", "predicate", "text", "quantities", "times", "places", "entities",
)
FINDING_COLUMNS = (
    "id", "verdict", "kind", "score", "comparator", "group", "story", "rationale", "claims",
    "docs", "outlets", "quotes",
)
STORY_COLUMNS = (
    "id", "label", "documents", "outlets", "first_published", "last_published", "findings",
    *VERDICTS,
)
SEP = "; "


def _num(x: float | None) -> str:
    n = clean_float(x)
    return "" if n is None else str(n)


def quantity_cell(q: Quantity) -> str:
    cell = f"{q.text}={_num(q.low)}..{_num(q.high)}"
    if q.unit:
        cell += f" {q.unit}"
    if q.thing:
        cell += f" ({q.thing})"
    return cell


def time_cell(t: TimeExpr) -> str:
    low = t.low.isoformat() if t.low else ""
    high = t.high.isoformat() if t.high else ""
    return f"{t.text}={low}..{high} ({t.precision}, {t.role})"


def place_cell(p: Place) -> str:
    cell = p.text if p.text == p.name else f"{p.text}={p.name}"
    if p.within:
        cell += f" (in {', '.join(p.within)})"
    return cell


def claim_row(claim: Claim, doc: Document | None) -> dict[str, Any]:
    return {
        "id": claim.id,
        "doc": claim.doc,
        "outlet": outlet_label(doc, claim.doc),
        "published": doc.published.isoformat() if doc and doc.published else "",
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "certainty": claim.certainty,
        "negated": claim.negated,
        "source": claim.source or "",
        "predicate": claim.predicate or "",
        "text": one_line(claim.text),
        "quantities": SEP.join(quantity_cell(q) for q in claim.quantities),
        "times": SEP.join(time_cell(t) for t in claim.times),
        "places": SEP.join(place_cell(p) for p in claim.places),
        "entities": SEP.join(claim.entities),
    }


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


def claims_frame(documents: Sequence[Document], claims: Sequence[Claim]) -> pd.DataFrame:
    index = Index.of(documents, claims)
    return _frame([claim_row(c, index.doc_of(c)) for c in claims], CLAIM_COLUMNS)


def findings_frame(report: Report) -> pd.DataFrame:
    index = Index.of(report.documents, report.claims)
    story_of = story_of_finding(report)
    rows = []
    for f in finding_order(report.findings):
        quotes = []
        for c in index.claims_of(f):
            doc = index.doc_of(c)
            quotes.append(f"[{outlet_label(doc, c.doc)}, {date_label(doc)}] {one_line(c.text)}")
        rows.append(
            {
                "id": f.id,
                "verdict": f.verdict,
                "kind": f.kind or "",
                "score": clean_float(f.score, 4),
                "comparator": f.comparator,
                "group": f.group or "",
                "story": story_of.get(f.id, ""),
                "rationale": f.rationale,
                "claims": SEP.join(f.claims),
                "docs": SEP.join(f.docs),
                "outlets": SEP.join(index.outlets(f)),
                "quotes": "\n".join(quotes),
            }
        )
    return _frame(rows, FINDING_COLUMNS)


def stories_frame(report: Report) -> pd.DataFrame:
    rows = []
    for v in story_views(report):
        s = v.story
        rows.append(
            {
                "id": s.id,
                "label": s.label,
                "documents": SEP.join(s.documents),
                "outlets": SEP.join(v.outlets),
                "first_published": s.first_published.isoformat() if s.first_published else "",
                "last_published": s.last_published.isoformat() if s.last_published else "",
                "findings": len(v.findings),
                **v.verdicts,
            }
        )
    return _frame(rows, STORY_COLUMNS)


def _csv(frame: pd.DataFrame) -> str:
    return str(frame.to_csv(index=False, lineterminator="\n"))


def claims_csv(documents: Sequence[Document], claims: Sequence[Claim]) -> str:
    return _csv(claims_frame(documents, claims))


def render_csv(report: Report) -> tuple[str, str, str]:
    """``(claims.csv, findings.csv, stories.csv)`` as text."""
    return (
        claims_csv(report.documents, report.claims),
        _csv(findings_frame(report)),
        _csv(stories_frame(report)),
    )


def render_parquet(report: Report) -> tuple[bytes, bytes, bytes]:
    """``(claims.parquet, findings.parquet, stories.parquet)`` as bytes; needs pyarrow."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise ConfigError(
            "the parquet format needs pyarrow: pip install 'claimcheck[parquet]', "
            "or ask for csv instead"
        ) from e

    def parquet(frame: pd.DataFrame) -> bytes:
        buf = io.BytesIO()
        frame.to_parquet(buf, index=False, engine="pyarrow")
        return buf.getvalue()

    return (
        parquet(claims_frame(report.documents, report.claims)),
        parquet(findings_frame(report)),
        parquet(stories_frame(report)),
    )


def claims_table(
    documents: Sequence[Document], claims: Sequence[Claim], *, width: int = 120
) -> str:
    """A plain-text table (no colour, no markup interpretation of article text)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    index = Index.of(documents, claims)
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True, pad_edge=False)
    table.add_column("claim", no_wrap=True)
    table.add_column("outlet / date", ratio=2)
    table.add_column("certainty / source", ratio=2)
    table.add_column("text", ratio=5)
    table.add_column("slots", ratio=5, overflow="fold")
    for c in claims:
        doc = index.doc_of(c)
        slots = [f"Q {quantity_cell(q)}" for q in c.quantities]
        slots += [f"T {time_cell(t)}" for t in c.times]
        slots += [f"P {place_cell(p)}" for p in c.places]
        slots += [f"E {e}" for e in c.entities]
        certainty = c.certainty + (" (negated)" if c.negated else "")
        table.add_row(
            Text(c.id),
            Text(f"{outlet_label(doc, c.doc)}\n{date_label(doc)}"),
            Text(certainty + (f"\n{c.source}" if c.source else "")),
            Text(one_line(c.text)),
            Text("\n".join(slots) or "-"),
        )
    buf = io.StringIO()
    console = Console(
        file=buf, width=width, color_system=None, force_terminal=False, highlight=False,
        emoji=False, soft_wrap=False,
    )
    console.print(table)
    console.print(Text(f"{len(claims)} claims in {len(documents)} documents"))
    lines = [line.rstrip() for line in buf.getvalue().splitlines()]
    return "\n".join(lines) + "\n"
