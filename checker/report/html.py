"""``report.html``: one self-contained page for an editor.

No network: CSS and the one script are inlined from ``assets/``, and a
Content-Security-Policy allows only that script (by hash) and inline styles,
so even a failure of escaping could not run article markup. Every piece of
article text, title, outlet, attribution and rationale goes through
:func:`esc`; the script reads only ``data-`` attributes, never article text.

Layout (first screen at 1440x900): a header with counts and filters; then,
for a batch of one story, a grid with the outlets x facts matrix and the
timeline on the left and the top conflicts on the right; below, every
finding with its sentences in context, then every article in full with
``#claim-<id>`` anchors on claim spans.

A batch of several stories starts with an index of stories (label, outlets,
dates, conflicts / disputes / updates) linking to one closed section per
story; each holds the same dashboard, findings and articles for its story
(matrix columns are the story's outlets, the timeline has the story's own
axis). A closed story's body sits in a ``<template>``, which the browser
parses but neither lays out nor renders until the script moves it into the
page when the story is opened; filters count findings in closed stories too.
When the closed bodies are large (hundreds of articles), each is stored
gzip-compressed in base64 and inflated by the browser's DecompressionStream
on opening; the section then carries its findings' verdicts, kinds and
outlets (JSON in ``data-f``) and its document ids (``data-docs``), so filters
and links reach it while it is closed. The inflated markup is the same
escaped markup, parsed inert in a template.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import html
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from checker.model import CONFLICT_KINDS, VERDICTS, Claim, Document, Finding, Report, Story
from checker.report.view import (
    HEADINGS,
    SEVERITY,
    Index,
    StoryView,
    finding_order,
    number,
    outlet_label,
    store_label,
    story_views,
    summary_counts,
)
from checker.version import __version__

ASSETS = Path(__file__).with_name("assets")
TOP_ITEMS = 3
#: Fact rows in a story's matrix, most severe first; the rest are listed below it.
MATRIX_ROWS = 80
#: Above this many characters of closed story bodies, each is stored gzip-compressed
#: (base64) and inflated by the browser when the story is opened.
COMPRESS_ABOVE = 1_500_000
CONTEXT_CHARS = 600  # a paragraph longer than this is cut around the claim
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: What a matrix cell shows per state: (symbol, label for the legend).
CELL = {
    "conflict": ("✕", "conflict"),
    "disputed": ("?", "disputed"),
    "update": ("↻", "updated"),
    "scope": ("⊂", "scope differs"),
    "agree": ("✓", "agrees"),
    "unique": ("●", "only this outlet"),
    "silent": ("", "silent"),
}
LABEL = {
    "conflict": "Conflict",
    "disputed": "Disputed",
    "update": "Update",
    "scope": "Scope",
    "agree": "Agree",
    "unique": "Single source",
    "unrelated": "Unrelated",
}


def esc(text: object) -> str:
    """HTML-escape anything for text or a quoted attribute value."""
    return html.escape(str(text), quote=True)


def frag(anchor: str) -> str:
    """A ``href`` for an in-page anchor; ids may hold any character."""
    return "#" + quote(anchor, safe=":/?@!$'()*+,;=-._~")


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def _short_date(d: dt.date | None, *, year: bool = True) -> str:
    if d is None:
        return "undated"
    s = f"{d.day} {_MONTHS[d.month - 1]}"
    return f"{s} {d.year}" if year else s


# ------------------------------------------------------------ text markup


@dataclass(frozen=True, slots=True)
class Mark:
    """An element to wrap around ``[start, end)`` of a document's text."""

    start: int
    end: int
    open: str
    close: str
    anchor: str = ""  # an id to keep even when the span cannot be nested


def markup(text: str, base: int, marks: Iterable[Mark], *, breaks: bool = True) -> str:
    """``text`` (which starts at offset ``base`` in its document) escaped, with
    ``marks`` wrapped around their spans. Marks that would cross an already
    placed one are dropped, keeping only their anchor, so the result is
    always well nested."""
    end_all = base + len(text)
    placed: list[Mark] = []
    anchors: list[tuple[int, str]] = []
    stack: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        s, e = max(m.start, base), min(m.end, end_all)
        if s >= e:
            if m.anchor and base <= m.start <= end_all:
                anchors.append((m.start, m.anchor))
            continue
        while stack and stack[-1].end <= s:
            stack.pop()
        if stack and e > stack[-1].end:
            if m.anchor:
                anchors.append((s, m.anchor))
            continue
        clipped = Mark(s, e, m.open, m.close, m.anchor)
        placed.append(clipped)
        stack.append(clipped)

    def piece(a: int, b: int) -> str:
        chunk = esc(text[a - base : b - base])
        return chunk.replace("\n", '<span class="pb"></span>\n') if breaks else chunk

    opens: dict[int, list[Mark]] = defaultdict(list)
    closes: dict[int, list[Mark]] = defaultdict(list)
    for m in placed:
        opens[m.start].append(m)
        closes[m.end].append(m)
    points: dict[int, list[str]] = defaultdict(list)
    for pos, anchor in anchors:
        points[pos].append(anchor)
    bounds = sorted({base, end_all, *opens, *closes, *points})
    out: list[str] = []
    pos = base
    for b in bounds:
        out.append(piece(pos, b))
        out.extend(m.close for m in reversed(closes[b]))
        out.extend(f'<span class="anchor" id="{esc(a)}"></span>' for a in points[b])
        out.extend(m.open for m in opens[b])
        pos = b
    return "".join(out)


def _slot_marks(claim: Claim) -> list[Mark]:
    marks = []
    for q in claim.quantities:
        lo = number(q.low) if q.low is not None else "…"
        hi = number(q.high) if q.high is not None else "∞"
        title = f"quantity {lo}–{hi}" + (f" {q.unit}" if q.unit else "")
        title += f" · {q.thing}" if q.thing else ""
        marks.append(Mark(q.start, q.end, f'<mark class="slot q" title="{esc(title)}">', "</mark>"))
    for t in claim.times:
        when = t.low.isoformat() if t.low else "?"
        if t.high and t.high != t.low:
            when += f" – {t.high.isoformat()}"
        title = f"time {when} ({t.precision}, {t.role})"
        marks.append(Mark(t.start, t.end, f'<mark class="slot t" title="{esc(title)}">', "</mark>"))
    for p in claim.places:
        title = "place " + p.name + (f", in {', '.join(p.within)}" if p.within else "")
        marks.append(Mark(p.start, p.end, f'<mark class="slot p" title="{esc(title)}">', "</mark>"))
    return marks


def context(doc: Document, claim: Claim) -> str:
    """The claim's paragraph, the claim highlighted and its slots marked."""
    text = doc.text
    start = text.rfind("\n", 0, claim.start) + 1
    end = text.find("\n", claim.end)
    end = len(text) if end < 0 else end
    lead = trail = ""
    if end - start > CONTEXT_CHARS:
        room = max(0, (CONTEXT_CHARS - (claim.end - claim.start)) // 2)
        if claim.start - start > room:
            cut = text.find(" ", claim.start - room, claim.start)
            start, lead = (cut + 1 if cut >= 0 else claim.start), "… "
        if end - claim.end > room:
            cut = text.rfind(" ", claim.end, claim.end + room)
            end, trail = (cut if cut >= 0 else claim.end), " …"
    marks = [Mark(claim.start, claim.end, '<span class="hl">', "</span>"), *_slot_marks(claim)]
    return lead + markup(text[start:end], start, marks, breaks=False) + trail


# ------------------------------------------------------------ page parts


@dataclass
class Page:
    report: Report
    index: Index
    ordered: list[Finding]
    number: dict[str, int]  # finding id -> position in ``ordered``
    outlets: list[str]  # distinct outlet labels, sorted
    failing: set[str]
    outlet_index: dict[str, int]
    claims_by_doc: dict[str, list[Claim]]
    claim_verdict: dict[str, str]  # claim id -> its strongest verdict

    @classmethod
    def of(cls, report: Report, failing: set[str]) -> Page:
        ordered = finding_order(report.findings)
        outlets = sorted({outlet_label(d) for d in report.documents}, key=str.casefold)
        per_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in report.claims:
            per_doc[c.doc].append(c)
        verdict_of: dict[str, str] = {}
        for f in report.findings:
            if f.verdict == "unrelated":
                continue
            for cid in f.claims:
                if cid not in verdict_of or SEVERITY[f.verdict] < SEVERITY[verdict_of[cid]]:
                    verdict_of[cid] = f.verdict
        return cls(
            report=report,
            index=Index.of(report.documents, report.claims),
            ordered=ordered,
            number={f.id: i for i, f in enumerate(ordered)},
            outlets=outlets,
            failing=failing,
            outlet_index={o: i for i, o in enumerate(outlets)},
            claims_by_doc=dict(per_doc),
            claim_verdict=verdict_of,
        )

    def outlet_no(self, doc_id: str) -> int:
        return self.outlet_index[outlet_label(self.index.docs.get(doc_id), doc_id)]


@dataclass(frozen=True)
class Scope:
    """One story as the page shows it: its documents, its findings most
    severe first, and the suffix that keeps its element ids unique (empty
    when the report is one story, so the page keeps its plain ids)."""

    view: StoryView
    suffix: str

    @property
    def docs(self) -> tuple[Document, ...]:
        return self.view.documents

    @property
    def ordered(self) -> tuple[Finding, ...]:
        return self.view.findings

    def id(self, name: str) -> str:
        return name + self.suffix


def _badge(verdict: str, kind: str | None = None) -> str:
    text = LABEL.get(verdict, verdict) + (f" · {kind}" if kind else "")
    return f'<span class="badge v-{esc(verdict)}">{esc(text)}</span>'


def _span_label(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return "undated"
    return _short_date(first) + (f" – {_short_date(last)}" if last != first else "")


def _header(page: Page, fail_on: str | None, stories: int) -> str:
    r = page.report
    counts = summary_counts(r)
    verdicts: dict[str, int] = counts["verdicts"]  # type: ignore[assignment]
    dates = sorted(d.published for d in r.documents if d.published)
    span = _span_label(dates[0], dates[-1]) if dates else ""
    gate = ""
    if fail_on is not None:
        if page.failing:
            gate = (
                f'<span class="gate fail" title="--fail-on {esc(fail_on)}">'
                f"CI gate: {len(page.failing)} new at or above {esc(fail_on)}</span>"
            )
        else:
            gate = f'<span class="gate pass">CI gate passes (--fail-on {esc(fail_on)})</span>'
    chips = []
    for v in VERDICTS:
        checked = "" if v == "unrelated" else " checked"
        chips.append(
            f'<label class="chip v-{v}"><input type="checkbox" value="{v}" '
            f'data-filter-verdict{checked}><span class="dot"></span>{esc(LABEL[v])}'
            f' <b>{verdicts.get(v, 0)}</b></label>'
        )
    kinds = "".join(
        f'<option value="{k}">{k}</option>'
        for k in CONFLICT_KINDS
        if any(f.kind == k for f in r.findings)
    )
    outlets = "".join(f'<option value="{i}">{esc(o)}</option>' for i, o in enumerate(page.outlets))
    many = f"<b>{stories}</b> stories · " if stories > 1 else ""
    store = f' · <span class="store">{esc(store_label(r))}</span>' if r.store is not None else ""
    return f"""<header class="top">
  <div class="brand"><span class="logo">claimcheck</span>
    <span class="facts">{many}<b>{len(r.documents)}</b> articles · <b>{len(r.claims)}</b> claims ·
    <b>{len(r.findings)}</b> findings{(" · " + esc(span)) if span else ""}{store}</span>
    <output id="shown-count" aria-live="polite"></output>{gate}</div>
  <form class="filters" id="filters">
    <fieldset class="chips"><legend>Verdicts</legend>{"".join(chips)}</fieldset>
    <label class="sel">Kind <select id="filter-kind"><option value="">any</option>{kinds}</select></label>
    <label class="sel">Outlet <select id="filter-outlet"><option value="">all</option>{outlets}</select></label>
  </form>
</header>"""


def _groups(scope: Scope) -> list[tuple[str, list[Finding]]]:
    """Fact groups for the matrix: a finding's ``group``, else the finding
    alone; single-source and unrelated findings are summarised elsewhere."""
    groups: dict[str, list[Finding]] = {}
    for f in scope.ordered:
        if f.verdict in ("unique", "unrelated"):
            continue
        groups.setdefault(f.group or f"finding:{f.id}", []).append(f)
    return list(groups.items())


def _newest_first(d: Document) -> tuple[int, str]:
    return (-(d.published.toordinal() if d.published else 0), d.id)


def outlet_columns(docs: Sequence[Document]) -> list[tuple[str, list[Document]]]:
    """One column per outlet, its articles newest first; the outlet with the
    newest article first, ties by name."""
    by_outlet: dict[str, list[Document]] = {}
    for d in docs:
        by_outlet.setdefault(outlet_label(d), []).append(d)
    columns = [(o, sorted(ds, key=_newest_first)) for o, ds in by_outlet.items()]
    return sorted(columns, key=lambda c: (_newest_first(c[1][0])[0], c[0].casefold(), c[0]))


def _matrix(page: Page, scope: Scope) -> str:
    columns = outlet_columns(scope.docs)
    groups = _groups(scope)
    head = []
    for outlet, ds in columns:
        newest = ds[0]
        more = f" +{len(ds) - 1}" if len(ds) > 1 else ""
        dates = ", ".join(_short_date(d.published) for d in ds)
        title = f"{outlet} · {len(ds)} articles, newest first: {dates}" if more else f"{outlet} · {dates}"
        head.append(
            f'<th class="col" scope="col" title="{esc(title)}">'
            f'<a href="{esc(frag("doc-" + newest.id))}"><span class="o">{esc(outlet)}</span>'
            f'<span class="d">{esc(_short_date(newest.published, year=False))}{more}</span></a></th>'
        )
    rows = []
    for _key, fs in groups[:MATRIX_ROWS]:
        lead = fs[0]
        claims = page.index.claims_of(lead)
        label = claims[0].text if claims else lead.rationale
        cells = []
        for outlet, ds in columns:
            per_article = []
            for d in ds:
                states = [f for f in fs if d.id in f.docs]
                if states:
                    per_article.append((d, min(states, key=lambda f: SEVERITY[f.verdict])))
            if per_article:
                worst = min((f for _, f in per_article), key=lambda f: SEVERITY[f.verdict])
                sym, _word = CELL.get(worst.verdict, ("", worst.verdict))
                notes = "; ".join(
                    (f"{_short_date(d.published)}: " if len(ds) > 1 else "")
                    + CELL.get(f.verdict, ("", f.verdict))[1] + (f" ({f.kind})" if f.kind else "")
                    for d, f in per_article
                )
                cells.append(
                    f'<td class="cell v-{esc(worst.verdict)}" title="{esc(outlet)}: {esc(notes)}">'
                    f'<a href="{esc(frag("finding-" + worst.id))}">{sym}</a></td>'
                )
            else:
                cells.append('<td class="cell silent"></td>')
        fis = " ".join(str(page.number[f.id]) for f in fs)
        kinds = list(dict.fromkeys(f.kind for f in fs if f.kind))
        kind = f'<span class="kind">{esc(", ".join(kinds))}</span>' if kinds else ""
        rows.append(
            f'<tr data-fis=" {fis} "><th scope="row" class="fact">'
            f'<a href="{esc(frag("finding-" + lead.id))}" title="{esc(label)}">'
            f"{_badge(lead.verdict)}<span class=\"txt\">{esc(label)}</span>"
            f"{kind}</a></th>"
            f"{''.join(cells)}</tr>"
        )
    if len(groups) > MATRIX_ROWS:
        rest = groups[MATRIX_ROWS:]
        fis = " ".join(str(page.number[f.id]) for _, fs in rest for f in fs)
        rows.append(
            f'<tr class="more-facts" data-fis=" {fis} "><th scope="row" class="fact">'
            f'<a href="{esc(frag(scope.id("findings")))}"><span class="txt">{len(rest)} more facts, '
            f"less severe: see the findings below</span></a></th>"
            f'<td colspan="{len(columns)}"></td></tr>'
        )
    unique = [f for f in scope.ordered if f.verdict == "unique"]
    if unique:
        fis = " ".join(str(page.number[f.id]) for f in unique)
        counts = []
        for outlet, ds in columns:
            ids = {d.id for d in ds}
            n = sum(1 for f in unique if ids.intersection(f.docs))
            counts.append(
                f'<td class="cell count" title="{n} claims only in {esc(outlet)}">{n or ""}</td>'
            )
        rows.append(
            f'<tr class="uniq" data-fis=" {fis} "><th scope="row" class="fact">'
            f'<a href="{esc(frag(scope.id("findings-unique")))}">{_badge("unique")}<span class="txt">'
            f"claims reported by one outlet only</span></a></th>{''.join(counts)}</tr>"
        )
    if not rows:
        body = f'<tr><td class="empty" colspan="{len(columns) + 1}">No facts shared between outlets.</td></tr>'
    else:
        body = "".join(rows)
    legend = "".join(
        f'<span class="lg"><span class="cell mini v-{k if k != "silent" else "x"}'
        f'{" silent" if k == "silent" else ""}">{sym}</span>{esc(word)}</span>'
        for k, (sym, word) in CELL.items()
    )
    mid = scope.id("matrix")
    return f"""<section class="card matrix-card" id="{esc(mid)}" aria-labelledby="{esc(mid + "-h")}">
  <h2 id="{esc(mid + "-h")}">Who reports what <small>facts × outlets</small></h2>
  <div class="matrix-wrap"><table class="matrix{" dense" if len(columns) > 6 else ""}">
    <thead><tr><th class="corner" scope="col">Fact</th>{"".join(head)}</tr></thead>
    <tbody>{body}</tbody></table></div>
  <div class="legend">{legend}</div>
</section>"""


def axis_ticks(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date, list[dt.date]]:
    """The axis of a timeline from ``first`` to ``last``: padded bounds and
    up to four ticks between them."""
    pad = max(1, math.ceil((last - first).days * 0.08))
    lo, hi = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    total = (hi - lo).days
    n_ticks = min(5, total)
    ticks = sorted({lo + dt.timedelta(days=round(total * i / n_ticks)) for i in range(1, n_ticks)})
    return lo, hi, ticks


def tick_label(d: dt.date, span_days: int) -> str:
    """Day and month on a short axis; month and year on one of many months."""
    if span_days > 150:
        return f"{_MONTHS[d.month - 1]} {d.year}"
    return _short_date(d, year=False)


def _timeline(page: Page, scope: Scope) -> str:
    """Articles on the story's own date axis: one lane per dated article, a
    dot at its publication date sized by its claims and coloured by its
    strongest verdict. Plain HTML/CSS (positions in percent), so labels
    never get clipped."""
    worst: dict[str, str] = {}
    conflicts: dict[str, int] = defaultdict(int)
    for f in scope.ordered:
        if f.verdict in ("unique", "unrelated"):
            continue
        for doc_id in f.docs:
            if doc_id not in worst or SEVERITY[f.verdict] < SEVERITY[worst[doc_id]]:
                worst[doc_id] = f.verdict
            if f.verdict == "conflict":
                conflicts[doc_id] += 1
    dated = sorted((d for d in scope.docs if d.published), key=lambda d: (d.published, d.id))
    undated = [d for d in scope.docs if not d.published]
    body = '<p class="empty">No article has a publication date.</p>'
    if dated:
        first, last = dated[0].published, dated[-1].published
        assert first is not None and last is not None
        lo, hi, ticks = axis_ticks(first, last)
        total = (hi - lo).days

        def pct(d: dt.date) -> str:
            return f"{100 * (d - lo).days / total:.2f}%"

        grid = "".join(f'<span class="gl" style="left:{pct(t)}"></span>' for t in ticks)
        axis = "".join(
            f'<span class="tick" data-date="{t.isoformat()}" style="left:{pct(t)}">'
            f"{esc(tick_label(t, total))}</span>"
            for t in ticks
        )
        years = sorted({d.published.year for d in dated if d.published})
        year = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        lanes = []
        for d in dated:
            assert d.published is not None
            n = len(page.claims_by_doc.get(d.id, ()))
            size = round(min(18.0, 7 + math.sqrt(n) * 2.2), 1)
            note = f"{n} claim{'s' if n != 1 else ''}"
            if conflicts.get(d.id):
                note += f" · {conflicts[d.id]} in conflict"
            label = outlet_label(d)
            title = f"{label} · {_short_date(d.published)} · {note}"
            lanes.append(
                f'<a class="tl-row" href="{esc(frag("doc-" + d.id))}" title="{esc(title)}">'
                f'<span class="tl-track">{grid}<span class="dot v-{esc(worst.get(d.id, "none"))}" '
                f'style="left:{pct(d.published)};width:{size}px;height:{size}px"></span></span>'
                f'<span class="tl-label"><b>{esc(label)}</b> <small>{esc(note)}</small></span></a>'
            )
        body = (
            f'<div class="tl" data-from="{first.isoformat()}" data-to="{last.isoformat()}">'
            f'<div class="tl-axis"><span class="tl-track">{axis}</span>'
            f'<span class="tl-label"><small>{year}</small></span></div>'
            f'<div class="tl-rows">{"".join(lanes)}</div></div>'
        )
    extra = ""
    if undated:
        names = ", ".join(
            f'<a href="{esc(frag("doc-" + d.id))}">{esc(outlet_label(d))}</a>' for d in undated
        )
        extra = f'<p class="undated">Undated: {names}</p>'
    tid = scope.id("timeline")
    return f"""<section class="card timeline-card" id="{esc(tid)}" aria-labelledby="{esc(tid + "-h")}">
  <h2 id="{esc(tid + "-h")}">Timeline <small>articles by publication date · dot size = claims</small></h2>
  {body}{extra}
</section>"""


def _quote(page: Page, claim: Claim, *, full: bool) -> str:
    doc = page.index.doc_of(claim)
    outlet = outlet_label(doc, claim.doc)
    date = _short_date(doc.published if doc else None)
    who = (
        f'<span class="src">{esc(claim.source)}</span>'
        if claim.source
        else '<span class="src none">no attribution</span>'
    )
    cert = (
        f'<span class="cert c-{esc(claim.certainty)}">{esc(claim.certainty)}</span>'
        if claim.certainty != "asserted"
        else ""
    )
    body = (
        context(doc, claim)
        if doc is not None and full
        else markup(claim.text, claim.start, _slot_marks(claim), breaks=False)
    )
    return f"""<blockquote class="quote">
  <div class="qmeta"><span class="outlet">{esc(outlet)}</span><span class="date">{esc(date)}</span>{cert}</div>
  <p class="ctx">{body}</p>
  <div class="qfoot">{who}<a class="goto" href="{esc(frag(claim_anchor(claim.id)))}">in article ↓</a></div>
</blockquote>"""


def _top(page: Page, scope: Scope) -> str:
    """The most severe pairs first: conflicts, then disputes. Findings about
    the same claims (a number and a time conflict on one pair) share a card."""
    severe = [f for f in scope.ordered if f.verdict in ("conflict", "disputed")]
    cards: dict[frozenset[str], list[Finding]] = {}
    for f in severe:
        key = frozenset(f.claims)
        if key in cards or len(cards) < TOP_ITEMS:
            cards.setdefault(key, []).append(f)
    shown = sum(len(fs) for fs in cards.values())
    verdicts = {f.verdict for fs in cards.values() for f in fs}
    title = "Top conflicts" if verdicts <= {"conflict"} else "Top conflicts &amp; disputes"
    items = []
    for fs in cards.values():
        lead = fs[0]
        kinds = ", ".join(dict.fromkeys(f.kind for f in fs if f.kind)) or None
        quotes = "".join(_quote(page, c, full=False) for c in page.index.claims_of(lead)[:2])
        why = "".join(f'<p class="why">{esc(f.rationale)}</p>' for f in fs)
        fis = " ".join(str(page.number[f.id]) for f in fs)
        items.append(
            f'<article class="top-item v-{esc(lead.verdict)}" data-fis=" {fis} ">'
            f'<header>{_badge(lead.verdict, kinds)}<span class="score">score {lead.score:.2f}</span>'
            f'<a class="more" href="{esc(frag("finding-" + lead.id))}">details ↓</a></header>'
            f'{why}<div class="pair">{quotes}</div></article>'
        )
    body = "".join(items) or '<p class="empty">No conflicts or disputes between outlets.</p>'
    more = len(severe) - shown
    fid = scope.id("findings")
    tail = f'<p class="tail"><a href="{esc(frag(fid))}">{more} more below ↓</a></p>' if more > 0 else ""
    tid = scope.id("top-conflicts")
    return f"""<section class="card top-conflicts" id="{esc(tid)}" aria-labelledby="{esc(tid + "-h")}">
  <h2 id="{esc(tid + "-h")}">{title}</h2>{body}{tail}
</section>"""


def _finding(page: Page, f: Finding) -> str:
    outlets = " ".join(str(page.outlet_no(d)) for d in f.docs if d in page.index.docs)
    claims = page.index.claims_of(f)
    # The paragraph around each claim where an editor has to judge the
    # difference; agreements and single-source claims show the claim alone,
    # which keeps a page of hundreds of articles light.
    full = f.verdict not in ("agree", "unique", "unrelated")
    quotes = "".join(_quote(page, c, full=full) for c in claims)
    gate = '<span class="gate fail">fails the gate</span>' if f.id in page.failing else ""
    group = f'<span class="meta">fact group {esc(f.group)}</span>' if f.group else ""
    return (
        f'<article class="finding v-{esc(f.verdict)}" id="{esc("finding-" + f.id)}" '
        f'data-finding data-fi="{page.number[f.id]}" data-verdict="{esc(f.verdict)}" '
        f'data-kind="{esc(f.kind or "")}" data-outlets=" {outlets} ">'
        f"<header>{_badge(f.verdict, f.kind)}{gate}"
        f'<span class="meta">score {f.score:.2f} · {esc(f.comparator)}</span>{group}'
        f'<span class="meta id">{esc(f.id)}</span></header>'
        f'<p class="why">{esc(f.rationale)}</p>'
        f'<div class="pair n{min(len(claims), 3)}">{quotes}</div></article>'
    )


def _findings(page: Page, scope: Scope) -> str:
    sections = []
    for v in VERDICTS:
        fs = [f for f in scope.ordered if f.verdict == v]
        if not fs:
            continue
        sections.append(
            f'<section class="vgroup" id="{esc(scope.id("findings-" + v))}" data-vgroup="{v}">'
            f"<h3>{esc(HEADINGS[v])} <small>{len(fs)}</small></h3>"
            f"{''.join(_finding(page, f) for f in fs)}</section>"
        )
    body = "".join(sections) or '<p class="empty">No findings.</p>'
    fid = scope.id("findings")
    none = '<p class="empty" id="none-shown" hidden>No finding matches the filters.</p>' if not scope.suffix else ""
    return f"""<section id="{esc(fid)}" aria-labelledby="{esc(fid + "-h")}">
  <h2 id="{esc(fid + "-h")}" class="band">{"All findings" if not scope.suffix else "Findings"}</h2>{body}
  {none}
</section>"""


def _article(page: Page, doc: Document) -> str:
    claims = page.claims_by_doc.get(doc.id, [])
    marks = [Mark(s, e, '<span class="boiler" title="boilerplate">', "</span>") for s, e in doc.boilerplate]
    for c in claims:
        v = page.claim_verdict.get(c.id, "none")
        anchor = claim_anchor(c.id)
        marks.append(
            Mark(
                c.start, c.end,
                f'<span class="claim v-{esc(v)}" id="{esc(anchor)}" title="{esc(c.id)} · {esc(v)}">',
                "</span>", anchor,
            )
        )
    meta = [esc(_short_date(doc.published))]
    if doc.byline:
        meta.append("by " + esc(doc.byline))
    meta.append(f"{len(claims)} claims")
    if doc.copy_of:
        meta.append(f"copy of {esc(doc.copy_of)}")
    link = f' · <a href="{esc(doc.url)}" rel="noreferrer noopener">source</a>' if doc.url else ""
    return f"""<details class="article" id="{esc("doc-" + doc.id)}">
  <summary><span class="outlet">{esc(outlet_label(doc))}</span>
    <span class="title">{esc(doc.title or doc.id)}</span>
    <span class="meta">{" · ".join(meta)}{link} · <code>{esc(doc.path)}</code></span></summary>
  <div class="body">{markup(doc.text, 0, marks)}</div>
</details>"""


def _story_body(page: Page, scope: Scope) -> str:
    """A story's dashboard (matrix and timeline beside its top conflicts),
    its findings and its articles."""
    aid = scope.id("articles")
    articles = "".join(_article(page, d) for d in scope.docs)
    return f"""<div class="dash">
  <div class="col-left">
{_matrix(page, scope)}
{_timeline(page, scope)}
  </div>
  <div class="col-right">
{_top(page, scope)}
  </div>
</div>
{_findings(page, scope)}
<section id="{esc(aid)}" aria-labelledby="{esc(aid + "-h")}">
  <h2 id="{esc(aid + "-h")}" class="band">Articles <small>claims underlined by their strongest verdict</small></h2>
{articles}
</section>"""


#: Verdicts counted in the story index, most severe first.
INDEX_VERDICTS = ("conflict", "disputed", "update")


def _counts(view: StoryView) -> str:
    return "".join(
        f'<td class="n v-{v}" data-v="{v}">{n or ""}</td>'
        for v in INDEX_VERDICTS
        for n in [view.verdicts[v]]
    )


def _story_outlets(page: Page, view: StoryView) -> str:
    return " ".join(str(page.outlet_index[o]) for o in view.outlets)


def index_order(views: Sequence[StoryView]) -> list[StoryView]:
    """Stories with the most conflicts, then disputes, then updates first;
    ties in report order."""
    order = {v.story.id: i for i, v in enumerate(views)}
    return sorted(
        views,
        key=lambda v: (*(-v.verdicts[k] for k in INDEX_VERDICTS), order[v.story.id]),
    )


def _index(page: Page, views: Sequence[StoryView]) -> str:
    rows = []
    for v in index_order(views):
        s = v.story
        outlets = ", ".join(v.outlets)
        rows.append(
            f'<tr data-story="{esc(s.id)}" data-outlets=" {_story_outlets(page, v)} ">'
            f'<th scope="row" class="label"><a class="story-link" href="{esc(frag("story-" + s.id))}" '
            f'title="{esc(s.label)}">{esc(s.label)}</a></th>'
            f'<td class="outlets" title="{esc(outlets)}">{esc(outlets)}</td>'
            f'<td class="num">{len(v.documents)}</td>'
            f'<td class="dates">{esc(_span_label(s.first_published, s.last_published))}</td>'
            f"{_counts(v)}"
            f'<td class="num shown" data-total="{len(v.findings)}">{len(v.findings)}</td></tr>'
        )
    heads = "".join(f'<th scope="col" class="n">{esc(HEADINGS[v])}</th>' for v in INDEX_VERDICTS)
    return f"""<section class="card story-index" id="stories" aria-labelledby="stories-h">
  <h2 id="stories-h">Stories <small>{len(views)} stories · most conflicts first · open one for its matrix, timeline and findings</small></h2>
  <div class="index-wrap"><table class="index">
    <thead><tr><th scope="col">Story</th><th scope="col">Outlets</th><th scope="col" class="num">Articles</th>
    <th scope="col">Published</th>{heads}<th scope="col" class="num">Findings</th></tr></thead>
    <tbody>{"".join(rows)}</tbody></table></div>
  <p class="empty" id="no-story" hidden>No story has a finding that matches the filters.</p>
</section>"""


def _story_section(page: Page, view: StoryView, body: str, *, packed: bool) -> str:
    """A closed story: its heading line, and its body in a ``<template>``
    that the script puts in place when the story is opened, so the browser
    lays out only what is open. ``packed`` stores the body gzip-compressed
    (base64) instead, with what the filters need to count the story's
    findings and find its anchors while it is closed."""
    s = view.story
    badges = "".join(
        f'<span class="badge v-{v}">{view.verdicts[v]} {esc(LABEL[v])}</span>'
        for v in INDEX_VERDICTS
        if view.verdicts[v]
    )
    if packed:
        data = gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0)
        holder = f'<template data-gz="{base64.b64encode(data).decode("ascii")}"></template>'
        meta = [
            [page.number[f.id], f.id, f.verdict, f.kind or "",
             [page.outlet_no(d) for d in f.docs if d in page.index.docs]]
            for f in view.findings
        ]
        extra = (
            f' data-f="{esc(json.dumps(meta, ensure_ascii=False, separators=(",", ":")))}"'
            f' data-docs="{esc(json.dumps(list(s.documents), ensure_ascii=False))}"'
        )
    else:
        holder, extra = f"<template>{body}</template>", ""
    return f"""<details class="story" id="{esc("story-" + s.id)}" data-story="{esc(s.id)}"{extra}>
  <summary><span class="label">{esc(s.label)}</span>
    <span class="meta">{esc(", ".join(view.outlets))} · {len(view.documents)} articles ·
    {esc(_span_label(s.first_published, s.last_published))} · {len(view.findings)} findings</span>{badges}</summary>
  {holder}
</details>"""


def _footer(page: Page) -> str:
    cfg = page.report.config
    shown = ", ".join(f"{esc(k)}={esc(cfg[k])}" for k in sorted(cfg, key=str))
    warnings = "".join(f"<li>{esc(w)}</li>" for w in page.report.warnings)
    warn = f'<details class="warn"><summary>{len(page.report.warnings)} warnings</summary><ul>{warnings}</ul></details>' if warnings else ""
    return f"""<footer class="foot">{warn}
  <p>claimcheck {esc(__version__)} · {shown or "default settings"} ·
  <span class="keys">marks: <mark class="slot q">quantity</mark> <mark class="slot t">time</mark>
  <mark class="slot p">place</mark></span></p>
</footer>"""


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def render(
    report: Report,
    *,
    failing: Sequence[Finding] = (),
    fail_on: str | None = None,
    compress: bool | None = None,
) -> str:
    """The page. ``compress`` stores closed stories gzip-compressed; by
    default only when there are several stories and their bodies exceed
    :data:`COMPRESS_ABOVE` characters."""
    page = Page.of(report, {f.id for f in failing})
    views = story_views(report, page.ordered)
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    title = "claimcheck report"
    outlets = sorted({outlet_label(d) for d in report.documents}, key=str.casefold)
    if outlets:
        title += " · " + ", ".join(outlets[:4]) + (" …" if len(outlets) > 4 else "")
    if len(views) > 1:
        ordered = index_order(views)
        bodies = [_story_body(page, Scope(v, "-" + v.story.id)) for v in ordered]
        packed = compress if compress is not None else sum(map(len, bodies)) > COMPRESS_ABOVE
        body = _index(page, views) + "\n" + "\n".join(
            _story_section(page, v, b, packed=packed) for v, b in zip(ordered, bodies, strict=True)
        )
    else:
        view = views[0] if views else StoryView(Story("", "", ()), (), ())
        body = _story_body(page, Scope(view, ""))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimcheck {esc(__version__)}">
<title>{esc(title)}</title>
<style>
{_asset("report.css")}</style>
</head>
<body>
{_header(page, fail_on, len(views))}
<main>
{body}
</main>
{_footer(page)}
<script>{script}</script>
</body>
</html>
"""
