"""``report.md``: the report as a person reads it in a pull request or a
terminal. Summary counts first, the stories (which articles were taken to
be one story) and the articles, then findings from most to least severe
(conflicts, disputed, updates, scope, agreements), each with the competing
quotes side by side; single-source claims last and capped.

Article text is untrusted: every piece of it goes through :func:`escape`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.model import Finding, Report
from checker.report.view import (
    HEADINGS,
    Index,
    date_label,
    finding_order,
    one_line,
    outlet_label,
    store_label,
    story_views,
    summary_counts,
)

#: How many single-source claims to list before collapsing the rest.
UNIQUE_LIMIT = 20

# Characters that start emphasis, links, code, HTML, tables, headings,
# strikethrough, entities or (on GitHub) math inside a line of text.
_SIGNIFICANT = re.compile(r"([\\`*_{}\[\]<>|~#&$!])")


def escape(text: str) -> str:
    """Article text as literal Markdown on one line (safe in a table cell)."""
    return _SIGNIFICANT.sub(r"\\\1", one_line(text))


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _finding(
    n: int, f: Finding, index: Index, failing: set[str], story: str | None = None
) -> list[str]:
    title = f.verdict.capitalize() + (f" · {f.kind}" if f.kind else "")
    flag = " · **fails the gate**" if f.id in failing else ""
    lines = [f"### {n}. {title} — `{f.id}`{flag}", ""]
    lines.append(f"**Why:** {escape(f.rationale)}")
    lines.append("")
    meta = f"score {f.score:.2f} · comparator `{f.comparator}`"
    if f.group:
        meta += f" · fact group `{f.group}`"
    if story:
        meta += f" · story `{story}`"
    lines.append(meta)
    lines.append("")
    claims = index.claims_of(f)
    if not claims:
        return [*lines, "_(claims not in this report)_", ""]
    docs = [index.doc_of(c) for c in claims]
    header = ["", *(f"**{escape(outlet_label(d, c.doc))}**" for c, d in zip(claims, docs, strict=True))]
    rows = [
        ["published", *(date_label(d) for d in docs)],
        ["attribution", *(escape(c.source) if c.source else "—" for c in claims)],
        ["certainty", *(c.certainty for c in claims)],
        ["claim", *(f"“{escape(c.text)}” (`{c.id}`)" for c in claims)],
    ]
    return [*lines, *_table(header, rows), ""]


def render(
    report: Report,
    *,
    failing: Sequence[Finding] = (),
    fail_on: str | None = None,
) -> str:
    index = Index.of(report.documents, report.claims)
    counts = summary_counts(report)
    verdicts: dict[str, int] = counts["verdicts"]  # type: ignore[assignment]
    kinds: dict[str, int] = counts["kinds"]  # type: ignore[assignment]
    failing_ids = {f.id for f in failing}
    out = ["# claimcheck report", ""]
    out.append(
        f"**{_plural(len(report.documents), 'article')} · {_plural(len(report.claims), 'claim')}"
        f" · {_plural(len(report.findings), 'finding')}**"
    )
    out.append("")
    if report.store is not None:
        out += [f"Claim store: {store_label(report)}.", ""]
    if fail_on is not None:
        if failing_ids:
            out.append(
                f"**Gate: fails** (`--fail-on {fail_on}`): "
                f"{_plural(len(failing_ids), 'new finding')} at or above `{fail_on}`."
            )
        else:
            out.append(f"Gate: passes (`--fail-on {fail_on}`).")
        out.append("")
    out += _table(["verdict", "findings"], [[v, str(n)] for v, n in verdicts.items()])
    out.append("")
    if any(kinds.values()):
        out += _table(["conflict kind", "findings"], [[k, str(n)] for k, n in kinds.items() if n])
        out.append("")

    views = story_views(report)
    many = len(views) > 1
    story_of_doc = {d: v.story.id for v in views for d in v.story.documents}
    story_of_finding = {f.id: v.story.id for v in views for f in v.findings}
    out += [f"## Stories ({len(views)})", ""]
    srows = []
    for v in views:
        s = v.story
        dates = s.first_published.isoformat() if s.first_published else "undated"
        if s.last_published and s.last_published != s.first_published:
            dates += f" – {s.last_published.isoformat()}"
        story_counts = v.verdicts
        srows.append([
            f"`{s.id}`", escape(s.label), str(len(s.documents)),
            ", ".join(escape(o) for o in v.outlets), dates,
            *(str(story_counts[k]) for k in ("conflict", "disputed", "update")), str(len(v.findings)),
        ])
    out += _table(
        ["story", "label", "articles", "outlets", "published", "conflicts", "disputed",
         "updates", "findings"],
        srows,
    )
    out.append("")

    out += ["## Articles", ""]
    per_doc: dict[str, int] = {}
    for c in report.claims:
        per_doc[c.doc] = per_doc.get(c.doc, 0) + 1
    rows = []
    for d in report.documents:
        title = escape(d.title) if d.title else "—"
        if d.copy_of:
            title += f" _(copy of `{d.copy_of}`)_"
        row = [f"`{d.id}`", escape(outlet_label(d)), date_label(d), title, str(per_doc.get(d.id, 0))]
        if many:
            row.append(f"`{story_of_doc.get(d.id, '')}`")
        rows.append(row)
    out += _table(["id", "outlet", "published", "title", "claims", *(["story"] if many else [])], rows)
    out.append("")

    ordered = finding_order(report.findings)
    n = 0
    for verdict in ("conflict", "disputed", "update", "scope", "agree"):
        group = [f for f in ordered if f.verdict == verdict]
        if not group:
            continue
        out += [f"## {HEADINGS[verdict]} ({len(group)})", ""]
        for f in group:
            n += 1
            out += _finding(
                n, f, index, failing_ids, story_of_finding.get(f.id) if many else None
            )

    unique = [f for f in ordered if f.verdict == "unique"]
    if unique:
        out += [f"## {HEADINGS['unique']} ({len(unique)})", ""]
        for f in unique[:UNIQUE_LIMIT]:
            for c in index.claims_of(f):
                doc = index.doc_of(c)
                source = f" — {escape(c.source)}" if c.source else ""
                out.append(
                    f"- **{escape(outlet_label(doc, c.doc))}** ({date_label(doc)}): "
                    f"“{escape(c.text)}”{source} (`{c.id}`)"
                )
        if len(unique) > UNIQUE_LIMIT:
            out.append(
                f"- … and {len(unique) - UNIQUE_LIMIT} more single-source claims "
                "(all are in report.json and findings.csv)"
            )
        out.append("")
    unrelated = verdicts.get("unrelated", 0)
    if unrelated:
        out += [
            f"_{_plural(unrelated, 'pair')} judged unrelated (not the same fact) "
            "are listed in report.json only._",
            "",
        ]
    if report.warnings:
        out += ["## Warnings", ""]
        out += [f"- {escape(w)}" for w in report.warnings]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
