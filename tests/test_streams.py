"""Stream hygiene: stdout carries only the requested output, so
``claimcheck claims DIR --format json > claims.json`` is JSON and ``--format
github`` is nothing but workflow commands; warnings (a skipped file here),
progress and summaries go to stderr.

Every command and every format runs on a batch with one unreadable file. The
fast tests stand in for the models (claims are lines); the slow ones run the
real entry point in a subprocess with the real models.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import run_cli

from checker import pipeline
from checker.config import FORMATS
from checker.model import Claim, Document, Mention

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {
    "alpha.txt": "Rescuers said 40 people were saved from the flood.\nThe bridge reopened.\n",
    "beta.txt": "Rescuers said 400 people were saved overnight.\nOfficials said the dam held.\n",
}
BINARY = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4
ANNOTATION = re.compile(r"::(error|warning|notice) [^\n]*::[^\n]*")


@pytest.fixture
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two articles and a binary file that is skipped with a warning."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "logo.txt").write_bytes(BINARY)
    monkeypatch.chdir(tmp_path)
    return folder


SKIPPED = "claimcheck: warning: articles/logo.txt looks binary, not text"


def line_claims(documents: Sequence[Document], *args: Any, **kw: Any) -> list[tuple[Claim, ...]]:
    """Stand-in for extraction: each non-empty line is a claim."""
    out = []
    for doc in documents:
        claims, start = [], 0
        for k, line in enumerate(doc.text.split("\n")):
            if line.strip():
                word = line.split()[0]
                claims.append(Claim(
                    id=f"{doc.id}:{k}", doc=doc.id, sentence=k, start=start,
                    end=start + len(line), text=line,
                    mentions=(Mention(start, start + len(word), word, "ORG"),),
                ))
            start += len(line) + 1
        out.append(tuple(claims))
    return out




@pytest.fixture
def fake_models(monkeypatch: pytest.MonkeyPatch) -> None:
    from test_ci_mode import fake_analyse

    monkeypatch.setattr(pipeline, "analyse", fake_analyse)
    monkeypatch.setattr(pipeline, "extract_documents", line_claims)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("store", [False, True], ids=["plain", "store"])
def test_check_prints_only_annotations_on_stdout(
    batch: Path, fake_models: None, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, fmt: str, store: bool,
) -> None:
    args = ["check", "articles", "-q", "--format", fmt, "--fail-on", "conflict"]
    if store:
        args += ["--store", "claims.db"]
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert code == 1, err  # the two articles conflict (40 vs 400)
    if fmt == "github":
        lines = out.splitlines()
        assert lines and all(ANNOTATION.fullmatch(line) for line in lines), out
        assert lines[0].startswith("::error file=articles/")
    else:
        assert out == ""
    assert err.startswith(SKIPPED)
    assert "1 new finding at or above conflict" in err  # the summary


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_claims_prints_only_the_claims_on_stdout(
    batch: Path, fake_models: None, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, fmt: str,
) -> None:
    code, out, err = run_cli(monkeypatch, capsys, "claims", "articles", "-q", "--format", fmt)
    assert code == 0, err
    assert err.startswith(SKIPPED) and err.count("\n") == 1
    if fmt == "json":
        assert [c["id"] for c in json.loads(out)] == ["alpha:0", "alpha:1", "beta:0", "beta:1"]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["id"] for r in rows] == ["alpha:0", "alpha:1", "beta:0", "beta:1"]
    else:
        assert "warning" not in out and "alpha:0" in out


def test_baseline_prints_nothing_on_stdout(
    batch: Path, fake_models: None, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = run_cli(monkeypatch, capsys, "baseline", "articles", "-q", "--out", "baseline.json")
    assert (code, out) == (0, "")
    assert err == (
        f"{SKIPPED} (expected an article as text, e.g. UTF-8)\nwrote 1 finding to baseline.json\n"
    )


# ------------------------------------------------------------ real models


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True,
        cwd=cwd, timeout=600, check=False,
    )


@pytest.mark.slow
def test_real_claims_json_and_compare_keep_stdout_clean(batch: Path, tmp_path: Path) -> None:
    proc = _run("claims", "articles", "--format", "json", "--cache-dir", "cache", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(proc.stdout)
    assert {c["doc"] for c in claims} == {"alpha", "beta"}
    assert proc.stderr.startswith(SKIPPED)

    # compare loads the sentence model: its loader's progress bar must not show.
    proc = _run("compare", "Some 10,000 troops are in Russia.", "More than 10,000 troops are "
                "in Russia.", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("verdict:")
    assert proc.stderr == ""
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"a": "Some 10,000 troops are in Russia.", "b": "Trump pledged to end it."})
        + "\n" + json.dumps({"a": "40 people died.", "b": "400 people died."}) + "\n",
        encoding="utf-8",
    )
    proc = _run("compare", "--pairs", str(pairs), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 2 and all("verdict" in r for r in rows)
    assert proc.stderr == ""


def test_a_file_name_cannot_break_a_message_or_inject_a_workflow_command(
    batch: Path, fake_models: None, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """GitHub reads lines that start with ``::`` as workflow commands (a
    ``::stop-commands::`` would silence every annotation after it); a file
    name may hold line breaks."""
    (batch / "logo.txt").unlink()
    (batch / "x\n::stop-commands::pwned\r\n::error::fake.txt").write_bytes(BINARY)
    code, out, err = run_cli(monkeypatch, capsys, "check", "articles", "-q", "--format", "github")
    assert code == 1
    assert all(ANNOTATION.fullmatch(line) for line in out.splitlines())
    lines = err.splitlines()
    assert len(lines) == 2, err  # the warning and the summary, one line each
    assert lines[0].startswith(
        "claimcheck: warning: articles/x\\n::stop-commands::pwned\\r\\n::error::fake.txt looks"
    )
    assert not any(line.startswith("::") for line in lines)

    code, out, err = run_cli(monkeypatch, capsys, "claims", "articles/no\n::error::such.txt")
    assert (code, out) == (2, "")
    assert err == (
        "claimcheck: error: no such file or folder: articles/no\\n::error::such.txt "
        "(check the path)\n"
    )
