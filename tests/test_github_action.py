"""The GitHub Action (``action.yml``) and the example workflow that uses it.

Both are validated against the schemas vendored in check-jsonschema and
audited by zizmor offline with no findings (a deliberately bad workflow shows
the audit does find things). The action's check step is run with bash, with a
stand-in ``claimcheck`` that records its arguments, and once with the real
one on a small batch.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "docs" / "examples" / "github-workflow.yml"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")


def tool(name: str) -> str:
    """A dev tool installed beside this Python (the `dev` extra), else on PATH."""
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    assert found, f"{name} is missing: install the dev extra (pip install -e '.[dev]')"
    return found


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(action: dict[str, Any]) -> list[dict[str, Any]]:
    return list(action["runs"]["steps"])


# ----------------------------------------------------------- schemas and audit


@pytest.mark.parametrize(
    ("path", "schema"),
    [(ACTION, "vendor.github-actions"), (WORKFLOW, "vendor.github-workflows")],
    ids=["action", "workflow"],
)
def test_valid_against_the_vendored_schema(path: Path, schema: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok -- validation done" in proc.stdout


def _zizmor(*paths: Path) -> list[dict[str, Any]]:
    proc = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--persona=pedantic", "--format", "json",
         *map(str, paths)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    findings = json.loads(proc.stdout)
    assert isinstance(findings, list), proc.stderr
    return findings


def test_zizmor_finds_nothing_even_pedantic() -> None:
    findings = _zizmor(ACTION, WORKFLOW)
    assert [(f["ident"], f["desc"]) for f in findings] == []


def test_zizmor_does_find_the_old_workflows_mistakes(tmp_path: Path) -> None:
    """The audit can fail: unpinned uses, checkout credentials left behind and
    an input expanded into a shell script are all reported."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: bad\non: push\npermissions: {}\njobs:\n  a:\n    name: a\n"
        "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.event.head_commit.message }}"\n',
        encoding="utf-8",
    )
    idents = {f["ident"] for f in _zizmor(bad)}
    assert {"unpinned-uses", "artipacked", "template-injection"} <= idents


# ------------------------------------------------------------------ the action


def test_action_is_composite_and_takes_the_ci_inputs() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert {"paths", "store", "baseline", "fail-on", "allow-outside", "upload-sarif"} <= set(
        action["inputs"]
    )
    assert action["inputs"]["allow-outside"]["default"] == "false"
    assert action["inputs"]["fail-on"]["default"] == "conflict"
    assert set(action["outputs"]) >= {"exit-code", "sarif-file"}
    names = [s.get("name") for s in steps(action)]
    assert names == [
        "Set up Python", "Install claimcheck", "Check the articles",
        "Upload SARIF to code scanning", "Fail on new findings or errors",
    ]
    for step in steps(action):
        if "uses" in step:
            assert PINNED.fullmatch(step["uses"]), step["uses"]
        # Inputs reach shell scripts through the environment, never expanded in them.
        assert "${{" not in step.get("run", "")
    upload = next(s for s in steps(action) if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    install = next(s for s in steps(action) if s.get("name") == "Install claimcheck")
    assert '"$GITHUB_ACTION_PATH"' in install["run"]  # the pinned commit is what runs
    assert "constraints.txt" in install["run"]  # and the CPU torch pin with it


def _check_script() -> str:
    step = next(s for s in steps(load(ACTION)) if s.get("id") == "check")
    return str(step["run"])


def _run_check_step(
    tmp_path: Path, env: dict[str, str], claimcheck: str | None = None
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run the action's check step as the runner would (bash, inputs in env)."""
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    if claimcheck is not None:
        fake = bindir / "claimcheck"
        fake.write_text(claimcheck, encoding="utf-8")
        fake.chmod(0o755)
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    inputs = {
        "PATHS": "articles", "STORE": "", "BASELINE": "", "FAIL_ON": "conflict",
        "OUT": "claimcheck-reports", "FORMATS": "json,md,html,junit",
        "CACHE_DIR": ".claimcheck-cache", "ALLOW_OUTSIDE": "false",
    }
    full = {
        **os.environ, **inputs, **env,
        "PATH": f"{bindir}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
    }
    proc = subprocess.run(
        ["bash", "-e", "-c", _check_script()], capture_output=True, text=True, cwd=tmp_path,
        env=full, timeout=600, check=False,
    )
    outputs = dict(
        line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if line
    )
    return proc, outputs


RECORDER = """#!/usr/bin/env bash
printf '%s\\n' "$@" > args.txt
exit "${FAKE_EXIT:-0}"
"""


def test_check_step_builds_the_command_from_the_inputs(tmp_path: Path) -> None:
    (tmp_path / "accepted.json").write_text("{}", encoding="utf-8")
    proc, outputs = _run_check_step(
        tmp_path,
        {"PATHS": "articles\n  more articles/x.md \n\n", "STORE": ".claimcheck/claims.db",
         "BASELINE": "accepted.json", "ALLOW_OUTSIDE": "true", "FAKE_EXIT": "1"},
        RECORDER,
    )
    assert proc.returncode == 0, proc.stderr  # the last step fails the job, after the upload
    args = (tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()
    assert args == [
        "check", "articles", "more articles/x.md",
        "--out", "claimcheck-reports", "--fail-on", "conflict",
        "--cache-dir", ".claimcheck-cache", "--quiet",
        "--format", "json,md,html,junit,sarif,github",
        "--store", ".claimcheck/claims.db", "--baseline", "accepted.json", "--allow-outside",
    ]
    assert (tmp_path / ".claimcheck").is_dir()  # the store's folder is made
    assert outputs == {"exit-code": "1"}  # no SARIF written by the stand-in


def test_check_step_without_a_baseline_file_says_so(tmp_path: Path) -> None:
    proc, outputs = _run_check_step(tmp_path, {"BASELINE": "missing.json"}, RECORDER)
    args = (tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()
    assert "--baseline" not in args and "--allow-outside" not in args
    assert "no baseline file missing.json" in proc.stderr
    assert outputs == {"exit-code": "0"}


@pytest.mark.slow
def test_check_step_with_the_real_claimcheck(tmp_path: Path) -> None:
    """A conflicting pair fails (exit-code 1) with SARIF and annotations; a
    symlink out of the folder is refused (exit-code 2) and leaks nothing."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "SEOUL, Nov. 27 (Planet) -- Officials said 40 people were killed in the flood on "
        "Monday.\n", encoding="utf-8",
    )
    (articles / "b.txt").write_text(
        "SEOUL, Nov. 27 (Star) -- Officials said 400 people were killed in the flood on "
        "Monday.\n", encoding="utf-8",
    )
    proc, outputs = _run_check_step(tmp_path, {"STORE": ".claimcheck/claims.db"})
    assert proc.returncode == 0, proc.stderr
    assert outputs["exit-code"] in ("0", "1"), proc.stderr
    assert outputs["sarif"] == "claimcheck-reports/report.sarif"
    sarif = json.loads((tmp_path / outputs["sarif"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    for line in proc.stdout.splitlines():  # stdout: annotations only
        assert re.fullmatch(r"::(error|warning|notice) [^\n]*::[^\n]*", line), line
    assert "new documents (2 stored)" in proc.stderr
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("# claimcheck report")

    (tmp_path / "secret.txt").write_text("The runner key is hunter2, keep it.\n", encoding="utf-8")
    (articles / "leak.txt").symlink_to(tmp_path / "secret.txt")
    proc, outputs = _run_check_step(tmp_path, {"OUT": "second"})
    assert outputs == {"exit-code": "2"}
    assert "leak.txt is a symlink to a file outside the paths given" in proc.stderr
    assert "hunter2" not in proc.stdout + proc.stderr
    assert not (tmp_path / "second").exists()


# --------------------------------------------------------------- the workflow


def test_example_workflow_uses_the_action_with_the_store() -> None:
    flow = load(WORKFLOW)
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["pull_request"]["paths"] == ["articles/**"]
    assert flow["permissions"] == {}
    job = flow["jobs"]["check"]
    assert job["permissions"] == {"contents": "read", "security-events": "write"}
    uses = [s["uses"] for s in job["steps"] if "uses" in s]
    assert all(PINNED.fullmatch(u) for u in uses), uses
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    check = next(s for s in job["steps"] if s.get("name") == "Check the articles")
    assert re.fullmatch(r"[\w-]+/claimcheck@[0-9a-f]{40}", check["uses"])
    assert check["with"]["paths"] == "articles"
    assert check["with"]["store"] == ".claimcheck/claims.db"
    assert any(u.startswith("actions/cache/restore@") for u in uses)
    # It is an example for users, not a live workflow of this repository.
    assert not (ROOT / ".github" / "workflows" / "claimcheck.yml").exists()
