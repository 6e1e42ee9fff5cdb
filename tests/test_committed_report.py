"""The report committed in reports/ is what `make report` writes today."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "reports"
FILES = ("report.json", "report.md", "report.html")


@pytest.fixture(scope="module")
def fresh_reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from checker import pipeline
    from checker import report as reports
    from checker.config import Config

    out = tmp_path_factory.mktemp("reports")
    cache = tmp_path_factory.mktemp("cache")
    cwd = Path.cwd()
    os.chdir(ROOT)  # document paths in the report are relative, as `make report` runs
    try:
        analysis = pipeline.check([Path("seeds")], Config(cache_dir=cache))
    finally:
        os.chdir(cwd)
    reports.write(
        analysis.report, out, ("json", "md", "html"), fail_on="never", failing=[],
        echo=lambda _s: None,
    )
    yield out


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_committed_report_is_current(fresh_reports: Path, name: str) -> None:
    committed = COMMITTED / name
    assert committed.exists(), f"reports/{name} is missing: run `make report` and commit it"
    assert committed.read_bytes() == (fresh_reports / name).read_bytes(), (
        f"reports/{name} is stale: run `make report` and commit the result"
    )
