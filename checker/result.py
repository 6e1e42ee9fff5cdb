"""What :func:`checker.check` returns: the report, and pandas frames of it
for notebooks. The frames hold what the CSV files hold (``claims.csv``,
``findings.csv``, ``stories.csv``), with a ``story`` column on claims and
documents as well."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.model import Claim, Document, Entity, Finding, Report, Story

if TYPE_CHECKING:
    import pandas as pd

    from checker.analysis import Analysis


@dataclass(frozen=True)
class CheckResult:
    """A checked batch. ``report`` is the record every renderer reads."""

    report: Report

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.report.documents

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.report.claims

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.report.entities

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.report.findings

    @property
    def stories(self) -> tuple[Story, ...]:
        from checker.report.view import stories_of

        return stories_of(self.report)

    def _story_of_doc(self) -> dict[str, str]:
        return {d: s.id for s in self.stories for d in s.documents}

    def stories_frame(self) -> pd.DataFrame:
        """One row per story: id, label, documents, outlets, dates, counts per verdict."""
        from checker.report import tables

        return tables.stories_frame(self.report)

    def findings_frame(self) -> pd.DataFrame:
        """One row per finding, most severe first, with its story and quotes."""
        from checker.report import tables

        return tables.findings_frame(self.report)

    def claims_frame(self) -> pd.DataFrame:
        """One row per claim with its slots, outlet, date and story."""
        from checker.report import tables

        frame = tables.claims_frame(self.report.documents, self.report.claims)
        story = self._story_of_doc()
        frame["story"] = [story.get(d, "") for d in frame["doc"]]
        return frame

    def documents_frame(self) -> pd.DataFrame:
        """One row per article: id, outlet, published, title, url, path,
        claims, story and the original it copies (wire copies)."""
        import pandas as pd

        story = self._story_of_doc()
        claims: dict[str, int] = {}
        for c in self.report.claims:
            claims[c.doc] = claims.get(c.doc, 0) + 1
        rows = [
            {
                "id": d.id,
                "outlet": d.outlet or "",
                "published": d.published.isoformat() if d.published else "",
                "title": d.title or "",
                "url": d.url or "",
                "path": d.path,
                "claims": claims.get(d.id, 0),
                "story": story.get(d.id, ""),
                "copy_of": d.copy_of or "",
            }
            for d in self.report.documents
        ]
        columns = ["id", "outlet", "published", "title", "url", "path", "claims", "story",
                   "copy_of"]
        return pd.DataFrame(rows, columns=columns)

    def to_json(self) -> str:
        """``report.json`` as text."""
        from checker.report import json_report

        return json_report.render(self.report)

    def write(
        self,
        out: str | Path,
        formats: Sequence[str] = ("json", "md", "html", "csv"),
    ) -> list[Path]:
        """Write the report files into the folder ``out``; returns their paths."""
        from checker import report as reports

        return reports.write(
            self.report, Path(out), formats, fail_on="never", failing=[], echo=lambda _s: None
        )

    def __repr__(self) -> str:
        counts: dict[str, int] = {}
        for f in self.report.findings:
            counts[f.verdict] = counts.get(f.verdict, 0) + 1
        verdicts = ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
        n = len(self.stories)
        return (
            f"<CheckResult: {len(self.documents)} articles, {n} stor{'y' if n == 1 else 'ies'}, "
            f"{len(self.claims)} claims, {len(self.findings)} findings"
            + (f" ({verdicts})" if verdicts else "") + ">"
        )


def from_analysis(analysis: Analysis) -> CheckResult:
    return CheckResult(analysis.report)


def check(
    paths: Sequence[str | Path] | str | Path,
    *,
    model: str | None = None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
) -> CheckResult:
    """The library form of :func:`checker.check` (see there)."""
    import os

    from checker import pipeline
    from checker.config import DEFAULT_MODEL, Config
    from checker.progress import QUIET, Progress

    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    config = Config(
        model=model or DEFAULT_MODEL,
        cache_dir=Path(cache_dir) if cache_dir is not None else pipeline.DEFAULT_CACHE,
    )
    if progress:
        with Progress(quiet=False) as bars:
            analysis = pipeline.check([Path(p) for p in items], config, progress=bars)
    else:
        analysis = pipeline.check([Path(p) for p in items], config, progress=QUIET)
    return from_analysis(analysis)
