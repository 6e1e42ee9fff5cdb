"""Report renderers against a hand-made Report: golden files for every format,
the JSON schema, determinism, escaping of hostile text, and ``write``.

Regenerate the golden files after an intended change with
``CLAIMCHECK_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_report_formats.py``
and review the diff.
"""

from __future__ import annotations

import dataclasses
import html as std_html
import io
import json
import os
import re
import sys
import types
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_fixture import HOSTILE_MARKUP, hostile_report, make_report, many_stories_report

from checker import report as reports
from checker.errors import ConfigError
from checker.model import Report
from checker.report import html, json_report, junit, markdown, sarif, tables

GOLDEN = Path(__file__).parent / "golden" / "report"
GOLDEN_STORIES = Path(__file__).parent / "golden" / "report-stories"
REGEN = os.environ.get("CLAIMCHECK_REGEN_GOLDEN") == "1"


def _failing(r: Report) -> list:  # type: ignore[type-arg]
    return [f for f in r.findings if f.verdict == "conflict"]


RENDERERS: dict[str, Callable[[Report], str]] = {
    "report.json": lambda r: json_report.render(r, failing=_failing(r), fail_on="conflict"),
    "report.md": lambda r: markdown.render(r, failing=_failing(r), fail_on="conflict"),
    "report.html": lambda r: html.render(r, failing=_failing(r), fail_on="conflict"),
    "claims.csv": lambda r: tables.render_csv(r)[0],
    "findings.csv": lambda r: tables.render_csv(r)[1],
    "stories.csv": lambda r: tables.render_csv(r)[2],
    "claims.txt": lambda r: reports.render_claims(r.documents, r.claims, format="table") + "\n",
}


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden(name: str, report: Report) -> None:
    text = RENDERERS[name](report)
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"no golden file {path}: run with CLAIMCHECK_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; if intended, regenerate with CLAIMCHECK_REGEN_GOLDEN=1 and review the diff"
    )


#: A batch of several stories: every format that groups by story.
STORY_RENDERERS: dict[str, Callable[[Report], str]] = {
    **{k: RENDERERS[k] for k in ("report.json", "report.md", "report.html", "findings.csv",
                                 "stories.csv")},
    "report.junit.xml": lambda r: junit.render(r, failing=_failing(r), fail_on="conflict"),
    "report.sarif": lambda r: sarif.render(r, failing=_failing(r), fail_on="conflict"),
}


@pytest.mark.parametrize("name", sorted(STORY_RENDERERS))
def test_golden_stories(name: str) -> None:
    text = STORY_RENDERERS[name](many_stories_report(4))
    path = GOLDEN_STORIES / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"no golden file {path}: run with CLAIMCHECK_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; if intended, regenerate with CLAIMCHECK_REGEN_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_deterministic(name: str) -> None:
    a, b = RENDERERS[name](make_report()), RENDERERS[name](make_report())
    assert a.encode() == b.encode()
    assert a.endswith("\n")


def test_json_validates_against_schema(report: Report) -> None:
    schema = json.loads(json_report.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for r in (report, hostile_report(), Report((), (), (), ()), many_stories_report(6)):
        data = json.loads(json_report.render(r, failing=_failing(r), fail_on="conflict"))
        jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_rejects_a_broken_report(report: Report) -> None:
    schema = json.loads(json_report.SCHEMA_PATH.read_text(encoding="utf-8"))
    data = json.loads(json_report.render(report))
    data["findings"][0]["verdict"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_json_contract(report: Report) -> None:
    data = json.loads(json_report.render(report))
    assert list(data)[:8] == [
        "schema_version", "tool", "config", "documents", "claims", "entities", "findings", "summary",
    ]
    assert data["schema_version"] == "1"
    assert data["tool"]["name"] == "claimcheck"
    docs = {d.id: d for d in report.documents}
    for c in data["claims"]:
        assert docs[c["doc"]].text[c["start"] : c["end"]] == c["text"]
        for slot in (*c["quantities"], *c["times"], *c["places"]):
            s, e = slot["span"]
            assert docs[c["doc"]].text[s:e] == slot["text"]
    evac = data["claims"][0]
    assert evac["quantities"][0] == {
        "text": "more than 2,000", "value": 2000, "low": 2000, "high": None, "unit": None,
        "thing": "residents", "modifiers": [], "approximate": False, "span": [69, 84],
    }
    assert evac["times"][0]["start"] == "2024-03-03"
    assert evac["entities"] == ["gpe:marlow-ridge"]
    assert data["summary"]["verdicts"]["conflict"] == 3
    assert data["summary"]["kinds"] == {"number": 1, "time": 1, "place": 1, "entity": 0, "negation": 0}
    assert data["findings"][0]["score"] == 0.9123  # rounded
    assert "gate" not in data


def test_json_stories_cover_every_document_once() -> None:
    r = many_stories_report(6)
    data = json.loads(json_report.render(r))
    stories = data["stories"]
    assert [s["id"] for s in stories] == [s.id for s in r.stories]
    docs = [d for s in stories for d in s["documents"]]
    assert sorted(docs) == sorted(d.id for d in r.documents)  # each in exactly one
    by_id = {s["id"]: s for s in stories}
    for f in data["findings"]:
        assert set(f["docs"]) <= set(by_id[f["story"]]["documents"])
    for s in stories:
        mine = [f for f in data["findings"] if f["story"] == s["id"]]
        assert s["findings"] == len(mine)
        assert s["verdicts"]["conflict"] == sum(f["verdict"] == "conflict" for f in mine)
        dates = sorted(d["published"] for d in data["documents"] if d["id"] in s["documents"])
        assert (s["first_published"], s["last_published"]) == (dates[0], dates[-1])
    assert stories[0]["label"] == "Storm hits Alder Bay 0"
    assert data["summary"]["stories"] == 6


def test_json_without_stories_is_one_story(report: Report) -> None:
    """A report built without clustering still says which story each
    document and finding is in: all in one."""
    data = json.loads(json_report.render(report))
    (story,) = data["stories"]
    assert story["documents"] == [d.id for d in report.documents]
    assert story["label"] == report.documents[0].title
    assert {f["story"] for f in data["findings"]} == {story["id"]}
    assert json.loads(json_report.render(Report((), (), (), ())))["stories"] == []


def test_json_keeps_unicode_and_rejects_nothing_for_infinite_values() -> None:
    r = make_report()
    claim = r.claims[0]
    q = dataclasses.replace(claim.quantities[0], high=float("inf"), value=float("nan"))
    text = json_report.render(dataclasses.replace(
        r, claims=(dataclasses.replace(claim, quantities=(q,)), *r.claims[1:]),
        documents=(dataclasses.replace(r.documents[0], outlet="Le Café Zürich"), *r.documents[1:]),
    ))
    assert "Le Café Zürich" in text
    data = json.loads(text)
    assert data["claims"][0]["quantities"][0]["high"] is None
    assert data["claims"][0]["quantities"][0]["value"] is None


# ------------------------------------------------------------------ markdown


def test_markdown_order_and_content(report: Report) -> None:
    md = markdown.render(report)
    heads = re.findall(r"^## (.+?)(?: \(\d+\))?$", md, flags=re.M)
    assert heads == [
        "Stories", "Articles", "Conflicts", "Disputed", "Updates", "Differences in scope", "Agreements",
        "Single-source claims", "Warnings",
    ]
    assert "| attribution | the county emergency office | the fire department |" in md
    assert "Northern Wire \\| Service" in md  # a pipe in an outlet does not break the table
    assert "Levee \\*fails\\*; 800 out\\_of homes" in md
    assert "judged unrelated" in md


def test_markdown_escape() -> None:
    assert markdown.escape("a *b* [c](d) <e> |f| `g` $1 & #2\nnext") == (
        "a \\*b\\* \\[c\\](d) \\<e\\> \\|f\\| \\`g\\` \\$1 \\& \\#2 next"
    )


def test_markdown_caps_single_source_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown, "UNIQUE_LIMIT", 0)
    md = markdown.render(make_report())
    assert "and 1 more single-source claims" in md
    assert "A local bakery" not in md


# ------------------------------------------------------------------ html


class _Tags(HTMLParser):
    """Collects start tags, attribute names and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_hostile_text_is_escaped() -> None:
    page = html.render(hostile_report())
    assert page.count("<script") == 1, "only the report's own script may be in the page"
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in page  # text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Evil Outlet" in page  # outlet
    assert "Rescue &lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;" in page  # title
    assert "Officials &lt;b&gt;bold&lt;/b&gt;" in page  # attribution
    assert HOSTILE_MARKUP not in page
    parser = _Tags()
    parser.feed(page)
    assert [t for t, _ in parser.tags if t in ("script", "img", "iframe", "object")] == ["script"]
    handlers = [(t, a) for t, attrs in parser.tags for a in attrs if a.startswith("on")]
    assert handlers == []
    text = "".join(parser.text)
    assert HOSTILE_MARKUP in text and "Officials <b>bold</b>" in text  # shown as text


def test_html_has_csp_pinning_the_one_script() -> None:
    page = html.render(make_report())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    assert "default-src &#x27;none&#x27;" in csp.group(1)
    assert "script-src &#x27;sha256-" in csp.group(1)
    assert "http://" not in page.replace('href="https://courier.invalid/flood"', "")
    assert "https://" not in page.replace('href="https://courier.invalid/flood"', "")


def test_html_structure(report: Report) -> None:
    page = html.render(report)
    parser = _Tags()
    parser.feed(page)
    ids = [a.get("id") for _, a in parser.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    for c in report.claims:
        assert f"claim-{c.id}" in ids
    for f in report.findings:
        assert f"finding-{f.id}" in ids
    for needed in ("matrix", "timeline", "top-conflicts", "findings", "articles", "filters"):
        assert needed in ids
    hrefs = {a["href"] for t, a in parser.tags if t == "a" and (a.get("href") or "").startswith("#")}
    for h in hrefs:
        target = std_html.unescape(h[1:])
        from urllib.parse import unquote

        assert unquote(target) in ids or target in ("findings",), h
    cards = [a for _, a in parser.tags if "data-finding" in a]
    assert len(cards) == len(report.findings)
    assert {a["data-verdict"] for a in cards} == {f.verdict for f in report.findings}


def test_html_findings_show_claims_in_context(report: Report) -> None:
    page = html.render(report)
    # the claim sentence is highlighted with its quantity and time marked
    assert '<span class="hl">Flood waters forced <mark class="slot q" title="quantity 2,000–∞ · residents">more than 2,000</mark>' in page
    assert '<mark class="slot t" title="time 2024-03-03 (day, event)">on Sunday</mark>' in page


# markup(): text survives, tags nest, whatever the spans


class _Nesting(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ok = True
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8)


@given(text=st.text(alphabet="ab <>&\"'x", max_size=40), base=st.integers(0, 5), raw=spans)
def test_markup_keeps_text_and_nests(text: str, base: int, raw: list[tuple[int, int]]) -> None:
    marks = [
        html.Mark(base + min(a, b), base + max(a, b), f'<span class="s{i}">', "</span>", f"a{i}")
        for i, (a, b) in enumerate(raw)
    ]
    out = html.markup(text, base, marks, breaks=False)
    parser = _Nesting()
    parser.feed(out)
    parser.close()
    assert parser.ok and not parser.stack
    assert "".join(parser.text) == text


# ------------------------------------------------------------------ tables


def test_csv_rows(report: Report) -> None:
    import pandas as pd

    claims_csv, findings_csv, _stories_csv = tables.render_csv(report)
    claims = pd.read_csv(io.StringIO(claims_csv), keep_default_na=False)
    findings = pd.read_csv(io.StringIO(findings_csv), keep_default_na=False)
    assert len(claims) == len(report.claims) and len(findings) == len(report.findings)
    assert list(claims.columns) == list(tables.CLAIM_COLUMNS)
    row = claims.iloc[0]
    assert row["quantities"] == "more than 2,000=2000.. (residents)"
    assert row["times"] == "on Sunday=2024-03-03..2024-03-03 (day, event)"
    assert row["places"] == "Marlow Ridge (in Tessel County)"
    assert findings.iloc[0]["verdict"] == "conflict"
    assert "[Northern Wire | Service, 2024-03-04] About 800 residents" in findings.iloc[0]["quotes"]


def test_parquet_round_trip(report: Report) -> None:
    import pandas as pd

    claims_pq, findings_pq, stories_pq = tables.render_parquet(report)
    assert len(pd.read_parquet(io.BytesIO(claims_pq))) == len(report.claims)
    assert list(pd.read_parquet(io.BytesIO(findings_pq)).columns) == list(tables.FINDING_COLUMNS)
    assert list(pd.read_parquet(io.BytesIO(stories_pq)).columns) == list(tables.STORY_COLUMNS)


def test_empty_report_renders_everywhere() -> None:
    empty = Report((), (), (), ())
    for render in RENDERERS.values():
        assert render(empty).endswith("\n")
    assert "No facts shared between outlets." in html.render(empty)


# ------------------------------------------------------------------ render_claims


def test_render_claims_formats(report: Report) -> None:
    table = reports.render_claims(report.documents, report.claims, format="table")
    assert "12 claims in 3 documents" in table
    assert "\x1b[" not in table
    as_json = json.loads(reports.render_claims(report.documents, report.claims, format="json"))
    assert as_json == json.loads(json_report.render(report))["claims"]
    as_csv = reports.render_claims(report.documents, report.claims, format="csv")
    assert as_csv.splitlines()[0].startswith("id,doc,outlet,published")
    with pytest.raises(ConfigError, match="unknown claims format 'xml'; choose from table, csv, json"):
        reports.render_claims(report.documents, report.claims, format="xml")


def test_render_claims_table_does_not_interpret_markup() -> None:
    r = make_report()
    claim = r.claims[0]
    doc = dataclasses.replace(r.documents[0], outlet="[red]X[/]")
    table = reports.render_claims((doc,), (claim,), format="table")
    assert "[red]X[/]" in table


# ------------------------------------------------------------------ write


def _write(out: Path, formats: list[str], echo: Callable[[str], None] = lambda s: None) -> list[Path]:
    r = make_report()
    return reports.write(r, out, formats, fail_on="conflict", failing=_failing(r), echo=echo)


def test_write_files_in_fixed_order(tmp_path: Path) -> None:
    out = tmp_path / "a" / "reports"
    written = _write(out, ["csv", "html", "md", "json", "parquet"])
    assert [p.name for p in written] == [
        "report.json", "report.md", "report.html", "claims.csv", "findings.csv", "stories.csv",
        "claims.parquet", "findings.parquet", "stories.parquet",
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)  # no temp files
    mask = os.umask(0)
    os.umask(mask)
    assert all(p.stat().st_mode & 0o777 == 0o666 & ~mask for p in written)
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["gate"] == {"fail_on": "conflict", "failing": ["f-3a1c0e", "f-7b22d4", "f-0c9e51"]}
    assert (out / "report.md").read_text(encoding="utf-8") == RENDERERS["report.md"](make_report())


def test_write_out_is_a_file(tmp_path: Path) -> None:
    f = tmp_path / "taken"
    f.write_text("x")
    with pytest.raises(ConfigError, match=r"--out .*taken is a file; give a folder for the reports"):
        _write(f, ["json"])


def test_write_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown report format pdf; choose from json,md,html"):
        _write(tmp_path, ["json", "pdf"])


def test_write_dispatches_ci_formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, object]] = []

    def fake(name: str, text: str) -> types.ModuleType:
        mod = types.ModuleType(f"checker.report.{name}")

        def render(report: Report, *, failing: object, fail_on: str | None = None) -> str:
            calls.append((name, fail_on))
            return text

        mod.render = render  # type: ignore[attr-defined]
        return mod

    for name, text in (("sarif", "{}\n"), ("junit", "<x/>\n"), ("github", "::error ::x\n")):
        monkeypatch.setitem(sys.modules, f"checker.report.{name}", fake(name, text))
    echoed: list[str] = []
    written = _write(tmp_path, ["github", "junit", "sarif"], echo=echoed.append)
    assert [p.name for p in written] == ["report.sarif", "report.junit.xml"]
    assert echoed == ["::error ::x"]
    assert calls == [("sarif", "conflict"), ("junit", "conflict"), ("github", None)]


def test_write_missing_ci_module_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "checker.report.sarif", None)  # import raises
    with pytest.raises((ConfigError, ImportError)):
        _write(tmp_path, ["sarif"])


def test_github_only_creates_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mod = types.ModuleType("checker.report.github")
    mod.render = lambda report, *, failing: ""  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "checker.report.github", mod)
    assert _write(tmp_path / "never", ["github"]) == []
    assert not (tmp_path / "never").exists()


def test_atomic_write_leaves_old_file_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")

    def boom(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        reports.write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_markdown_names_the_story_of_each_finding_when_there_are_several() -> None:
    r = many_stories_report(3)
    md = markdown.render(r)
    assert "## Stories (3)" in md
    for s in r.stories:
        assert f"| `{s.id}` | {s.label} |" in md
    first = next(f for f in r.findings if f.verdict == "conflict")
    assert re.search(rf"`{first.id}`[^\n]*\n\n[^\n]*\n\nscore [^\n]*story `{first.story}`", md)
    # one story: no story ids cluttering each finding
    assert "· story `" not in markdown.render(make_report())


def test_stories_csv(report: Report) -> None:
    import pandas as pd

    r = many_stories_report(5)
    stories = pd.read_csv(io.StringIO(tables.render_csv(r)[2]), keep_default_na=False)
    assert list(stories.columns) == list(tables.STORY_COLUMNS)
    assert list(stories["id"]) == [s.id for s in r.stories]
    assert stories.iloc[0]["documents"] == "story00-0; story00-1; story00-2; story00-3"
    assert stories.iloc[0]["first_published"] == "2010-01-01"
    findings = pd.read_csv(io.StringIO(tables.render_csv(r)[1]), keep_default_na=False)
    assert set(findings["story"]) == {s.id for s in r.stories}
    assert int(stories["findings"].sum()) == len(r.findings)


def test_html_compressed_stories_hold_the_same_body() -> None:
    import base64
    import gzip

    r = many_stories_report(5)
    plain = html.render(r, compress=False)
    packed = html.render(r, compress=True)
    bodies = re.findall(r"<template>(.*?)</template>", plain, flags=re.S)
    blobs = re.findall(r'<template data-gz="([A-Za-z0-9+/=]+)"></template>', packed)
    assert len(bodies) == len(blobs) == 5
    assert [gzip.decompress(base64.b64decode(b)).decode("utf-8") for b in blobs] == bodies
    # what the filters read of a closed story: its findings and documents
    first = r.stories[0]
    metas = re.findall(r'data-f="([^"]*)"', packed)
    found = {row[1] for m in metas for row in json.loads(std_html.unescape(m))}
    assert found == {f.id for f in r.findings}
    assert f'data-docs="{std_html.escape(json.dumps(list(first.documents)))}"' in packed
    # small pages are never compressed unless asked; one story never is
    assert "<template data-gz" not in html.render(r)
    assert "<template data-gz" not in html.render(make_report(), compress=True)
