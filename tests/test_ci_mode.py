"""CI mode through the command line: exit codes, the claim store across runs,
baselines and the CI report files.

The fast tests replace ``pipeline.analyse`` with a tiny rule-based stand-in
(claims are lines; lines that start with the same word are about the same
fact; different numbers conflict), so they pin the wiring of store, gate and
reports without models. The slow tests run the real pipeline on ``seeds/``.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import numpy as np
import pytest
import yaml
from cli_helpers import run_cli

from checker import pipeline, store
from checker.config import Config
from checker.model import Claim, Document, Finding, Mention, Report
from checker.report import json_report

ROOT = Path(__file__).parent.parent
_NUMBER = re.compile(r"\d[\d,]*")


def fake_analyse(
    documents: Sequence[Document],
    config: Config,
    *,
    prior: pipeline.Prior | None = None,
    progress: Any = None,
    warnings: Sequence[str] = (),
    engine: Any = None,
) -> pipeline.Analysis:
    """Claims are non-empty lines; two lines from different articles that start
    with the same word are about one fact: different numbers conflict, the same
    numbers agree. Like the real pipeline, with a prior only findings that
    touch a new document are kept."""
    new_claims = []
    for doc in documents:
        start = 0
        for k, line in enumerate(doc.text.split("\n")):
            if line.strip():
                word = line.split()[0]
                new_claims.append(Claim(
                    id=f"{doc.id}:{k}", doc=doc.id, sentence=k, start=start,
                    end=start + len(line), text=line,
                    mentions=(Mention(start, start + len(word), word, "ORG"),),
                ))
            start += len(line) + 1
    prior_claims = prior.claims if prior is not None else ()
    claims = [*prior_claims, *new_claims]
    new_ids = {d.id for d in documents}
    findings = []
    for a, b in itertools.combinations(claims, 2):
        if a.doc == b.doc or a.text.split()[0] != b.text.split()[0]:
            continue
        if prior is not None and not {a.doc, b.doc} & new_ids:
            continue
        same = _NUMBER.findall(a.text) == _NUMBER.findall(b.text)
        findings.append(Finding(
            id="f-" + hashlib.sha256(f"{a.id}|{b.id}".encode()).hexdigest()[:12],
            verdict="agree" if same else "conflict", kind=None if same else "number",
            claims=(a.id, b.id), docs=(a.doc, b.doc), comparator="quantity.v1",
            score=0.9, rationale=f"{a.text!r} vs {b.text!r}", group=a.text.split()[0],
        ))
    dim = 3
    vectors = np.ones((len(claims), dim), dtype=np.float32) / np.sqrt(dim)
    docs = (*(prior.documents if prior is not None else ()), *documents)
    report = Report(docs, tuple(claims), (), tuple(findings), config={"model": config.model})
    return pipeline.Analysis(report, vectors, pipeline.Timings())




@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(pipeline, "analyse", fake_analyse)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "INSERT INTO \"runs\"" not in line]
    finally:
        conn.close()


BATCH = {
    "alpha.txt": "Rescuers said 40 people were saved from the flood.\nThe bridge reopened.\n",
    "beta.txt": "Officials said the dam held.\nRescuers said 40 people were saved.\n",
}
CONFLICTING = "Rescuers said 400 people were saved overnight.\n"
AGREEING = "Volunteers handed out bread.\nOfficials said the dam held all night.\n"

CHECK = ["check", "articles", "--store", "claims.db", "-q", "--format", "json,sarif,junit"]


def test_store_then_conflicting_then_agreeing_article(
    fake: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in BATCH.items():
        write(fake / "articles", name, text)
    code, out, err = run_cli(monkeypatch, capsys, *CHECK)
    assert (code, out) == (0, "")  # nothing asked for on stdout: the summary is on stderr
    assert "2 new documents (2 stored), 1 finding: 1 agree; ok" in err

    # A new article that conflicts with the stored ones fails, naming the stored claims.
    write(fake / "articles", "gamma.txt", CONFLICTING)
    code, out, err = run_cli(monkeypatch, capsys, *CHECK)
    assert code == 1, out + err
    assert "1 new document (3 stored), 2 findings: 2 conflict; 2 new findings at or above" in err
    report = json.loads((fake / "reports" / "report.json").read_text(encoding="utf-8"))
    stored_claims = {c for f in report["findings"] for c in f["claims"]} - {"gamma:0"}
    assert stored_claims == {"alpha:0", "beta:1"}
    # The report is about the batch: gamma, and the stored articles its findings name.
    assert [d["id"] for d in report["documents"]] == ["alpha", "beta", "gamma"]
    assert report["summary"]["store"] == {"new": 1, "known": 2, "stored": 3}
    sarif = json.loads((fake / "reports" / "report.sarif").read_text(encoding="utf-8"))
    result = sarif["runs"][0]["results"][0]
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "articles/gamma.txt"
    )
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] in ("articles/alpha.txt", "articles/beta.txt")
    junit = ET.parse(fake / "reports" / "report.junit.xml").getroot()
    assert len(list(junit.iter("failure"))) == 2

    # It was still added: the same folder again is all known, nothing new, exit 0.
    before = dump(fake / "claims.db")
    code, _, err = run_cli(monkeypatch, capsys, *CHECK)
    assert code == 0
    assert err.startswith("0 new documents (3 stored), 0 findings; ok")
    assert dump(fake / "claims.db") == before
    report = json.loads((fake / "reports" / "report.json").read_text(encoding="utf-8"))
    assert (report["documents"], report["claims"]) == ([], [])

    # A new article that agrees passes; of the stored articles, the report
    # lists only the one its finding names.
    write(fake / "articles", "delta.txt", AGREEING)
    code, _, err = run_cli(monkeypatch, capsys, *CHECK)
    assert code == 0, err
    assert "1 new document (4 stored), 1 finding: 1 agree; ok" in err
    report = json.loads((fake / "reports" / "report.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in report["documents"]] == ["beta", "delta"]
    assert {c["doc"] for c in report["claims"]} == {"beta", "delta"}
    assert report["summary"]["documents"] == 2
    assert report["summary"]["store"] == {"new": 1, "known": 3, "stored": 4}
    schema = json.loads(json_report.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    with store.open_store(fake / "claims.db") as db:
        assert [d.id for d in db.documents()] == ["alpha", "beta", "gamma", "delta"]


def test_baseline_accepts_the_current_findings(
    fake: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in {**BATCH, "gamma.txt": CONFLICTING}.items():
        write(fake / "articles", name, text)
    check = ["check", "articles", "-q", "--format", "json", "--fail-on", "conflict"]
    assert run_cli(monkeypatch, capsys, *check)[0] == 1
    code, out, err = run_cli(monkeypatch, capsys, "baseline", "articles", "--out", "baseline.json", "-q", "--reason", "reviewed")
    assert (code, out, err) == (0, "", "wrote 2 findings to baseline.json\n")
    code, _, err = run_cli(monkeypatch, capsys, *check, "--baseline", "baseline.json")
    assert code == 0
    assert "; ok (2 more accepted by the baseline)" in err
    # A new conflict is not covered by the baseline.
    write(fake / "articles", "omega.txt", "Rescuers said 4 people were saved.\n")
    code, _, err = run_cli(monkeypatch, capsys, *check, "--baseline", "baseline.json")
    assert code == 1
    assert "3 new findings at or above conflict (2 more accepted by the baseline)" in err


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("never", 0), ("conflict", 0), ("disputed", 0), ("scope", 0), ("any", 1)],
)
def test_exit_code_per_fail_on(
    fake: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    fail_on: str, code: int,
) -> None:
    """Two agreeing articles and one single-source claim: only --fail-on any
    (which includes unique) fails, and the GitHub annotation level follows."""
    write(fake / "articles", "alpha.txt", BATCH["alpha.txt"])
    write(fake / "articles", "beta.txt", BATCH["beta.txt"])

    def with_unique(*args: Any, **kw: Any) -> pipeline.Analysis:
        a = fake_analyse(*args, **kw)
        unique = Finding(
            id="f-unique", verdict="unique", kind=None, claims=("alpha:1",), docs=("alpha",),
            comparator="unique.v1", score=1.0, rationale="only alpha says so",
        )
        report = Report(a.report.documents, a.report.claims, (), (*a.report.findings, unique))
        return pipeline.Analysis(report, a.vectors, a.timings)

    monkeypatch.setattr(pipeline, "analyse", with_unique)
    got, out, _ = run_cli(monkeypatch, capsys, "check", "articles", "-q", "--format", "github", "--fail-on", fail_on)
    assert got == code
    level = "::error" if code else "::notice"
    assert f"{level} file=articles/alpha.txt,line=2,endLine=2,col=1,endColumn=21," in out


def test_errors_are_one_line_with_exit_2(
    fake: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(fake / "articles", "alpha.txt", BATCH["alpha.txt"])
    (fake / "broken.json").write_text("{", encoding="utf-8")
    code, _out, err = run_cli(monkeypatch, capsys, "check", "articles", "-q", "--baseline", "broken.json")
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("claimcheck: error: baseline broken.json is not valid JSON")

    (fake / "notes.db").write_text("not a database " * 100, encoding="utf-8")
    code, _out, err = run_cli(monkeypatch, capsys, "check", "articles", "-q", "--store", "notes.db")
    assert code == 2
    assert err == (
        "claimcheck: error: notes.db is not a claimcheck claim store (file is not a database); "
        "give --store a new file name\n"
    )


def test_a_locked_store_is_exit_2_with_the_message(
    fake: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(fake / "articles", "alpha.txt", BATCH["alpha.txt"])
    original = store.open_store

    def quick(path: Any, *, timeout: float = 0.05) -> Any:
        return original(path, timeout=timeout)

    monkeypatch.setattr(store, "open_store", quick)
    with original(fake / "claims.db") as other:
        other.prior(exclude=(), model="x")  # another run holds the write lock
        code, _out, err = run_cli(monkeypatch, capsys, "check", "articles", "-q", "--store", "claims.db")
    assert code == 2
    assert err == (
        "claimcheck: error: the claim store claims.db is locked by another run; "
        "retry when it finishes\n"
    )


# ------------------------------------------------------------------ files for users


def test_pre_commit_hook_entry() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "claimcheck"
    assert hook["entry"] == "claimcheck check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert hook["args"] == ["--fail-on", "conflict", "-q", "--format", "json"]
    assert re.search(hook["files"], "a/b.jsonl") and not re.search(hook["files"], "a.py")


# ------------------------------------------------------------------ real pipeline


@pytest.fixture(scope="module")
def seeds_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.mark.slow
def test_seeds_baseline_makes_the_check_pass(
    seeds_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeds = str(ROOT / "seeds")
    common = ["--cache-dir", str(seeds_cache), "-q"]  # the real packaged model
    baseline = tmp_path / "baseline.json"
    code, out, err = run_cli(monkeypatch, capsys, "baseline", seeds, "--out", str(baseline), *common)
    assert code == 0, err
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    check = ["check", seeds, "--out", str(tmp_path / "r"), "--format", "json", *common,
             "--fail-on", "conflict"]
    code, out, err = run_cli(monkeypatch, capsys, *check)
    has_conflicts = any(e["verdict"] == "conflict" for e in entries)
    assert code == (1 if has_conflicts else 0), out + err
    code, out, err = run_cli(monkeypatch, capsys, *check, "--baseline", str(baseline))
    assert code == 0, out + err


@pytest.mark.slow
def test_seeds_through_the_store(
    seeds_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Three seeds stored, then the fourth: only findings that involve it are
    reported, and they are the ones a check of all four reports about it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    names = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    rows = (ROOT / "seeds" / "manifest.csv").read_text(encoding="utf-8").splitlines()
    for name in names[:3]:
        shutil.copy(ROOT / "seeds" / name, folder / name)
    (folder / "manifest.csv").write_text(
        "\n".join(r for r in rows if not r.startswith(names[3])) + "\n", encoding="utf-8"
    )
    common = ["--cache-dir", str(seeds_cache), "--model", "fake", "-q", "--format", "json",
              "--fail-on", "never", "--store", str(tmp_path / "claims.db")]
    code, _, err = run_cli(monkeypatch, capsys, "check", str(folder), "--out", str(tmp_path / "r1"), *common)
    assert code == 0, err
    shutil.copy(ROOT / "seeds" / names[3], folder / names[3])
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "check", str(folder), "--out", str(tmp_path / "r2"), *common)
    assert code == 0, err
    new_id = Path(names[3]).stem
    second = json.loads((tmp_path / "r2" / "report.json").read_text(encoding="utf-8"))
    assert all(new_id in f["docs"] for f in second["findings"])
    named = {new_id} | {d for f in second["findings"] for d in f["docs"]}
    assert {d["id"] for d in second["documents"]} == named
    assert second["summary"]["store"] == {"new": 1, "known": 3, "stored": 4}

    code, _, err = run_cli(monkeypatch, capsys, "check", str(ROOT / "seeds"), "--out", str(tmp_path / "all"), *common[:-2])
    whole = json.loads((tmp_path / "all" / "report.json").read_text(encoding="utf-8"))
    about_new = {f["id"] for f in whole["findings"] if new_id in f["docs"]}
    assert {f["id"] for f in second["findings"]} == about_new

    before = dump(tmp_path / "claims.db")
    code, _, err = run_cli(monkeypatch, capsys, "check", str(folder), "--out", str(tmp_path / "r3"), *common)
    assert code == 0, err
    third = json.loads((tmp_path / "r3" / "report.json").read_text(encoding="utf-8"))
    assert third["findings"] == []
    assert dump(tmp_path / "claims.db") == before
