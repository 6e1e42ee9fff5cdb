"""The README's Python example runs as written, on a copy of ``seeds/``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## From Python\n", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, flags=re.S)
    assert match, "README.md has no python example under 'From Python'"
    return match.group(1)


def test_readme_example_uses_the_package_entry_point() -> None:
    code = readme_example()
    assert "import checker" in code and "checker.check(" in code


def test_import_checker_stays_light() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, checker; heavy = [m for m in ('pandas', 'numpy', 'torch', 'spacy', "
        "'sentence_transformers', 'typer') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(readme_example(), "README.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert out.startswith("<CheckResult: 4 articles, 1 story, ")
    report = namespace["report"]
    stories = namespace["stories"]
    findings = namespace["findings"]
    serious = namespace["serious"]
    assert len(stories) == 1 and stories.iloc[0]["documents"].count(";") == 3  # type: ignore[attr-defined]
    assert len(findings) == len(report.findings)  # type: ignore[attr-defined, arg-type]
    assert len(serious) >= 1  # type: ignore[arg-type]
    assert set(serious["verdict"]) <= {"conflict", "disputed"}  # type: ignore[index]
    assert set(findings["story"]) == {stories.iloc[0]["id"]}  # type: ignore[index, attr-defined]
    assert serious.iloc[0]["rationale"][:40] in " ".join(out.split())  # type: ignore[attr-defined]
    assert (tmp_path / "reports-from-python" / "report.html").exists()
    claims = namespace["claims"]
    assert set(claims["story"]) == {stories.iloc[0]["id"]}  # type: ignore[index, attr-defined]
