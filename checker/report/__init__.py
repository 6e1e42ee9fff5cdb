"""Report writers: one entry point that renders a Report into the files of
DESIGN.md, and the ``claimcheck claims`` view.

Every renderer reads the plain :class:`~checker.model.Report` record and
nothing else. Files are written atomically (a temp file in the same folder,
then ``os.replace``), so a killed run never leaves half a report behind.

Formats and the files they write, in the order ``write`` returns them:
``json`` → report.json, ``md`` → report.md, ``html`` → report.html,
``csv`` → claims.csv + findings.csv + stories.csv, ``parquet`` →
claims.parquet + findings.parquet + stories.parquet (only when asked for;
needs pyarrow), ``sarif`` →
report.sarif, ``junit`` → report.junit.xml, ``github`` → workflow
annotations printed through ``echo`` (no file).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from checker.errors import ConfigError
from checker.model import Claim, Document, Finding, Report

Echo = Callable[[str], None]

#: Every format ``write`` knows, in the order its files are returned.
FORMAT_ORDER = ("json", "md", "html", "csv", "parquet", "sarif", "junit", "github")
CLAIM_FORMATS = ("table", "csv", "json")

__all__ = ["CLAIM_FORMATS", "FORMAT_ORDER", "render_claims", "write", "write_atomic"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` so readers see the old file or the whole new
    one, never a part (temp file in the same folder, fsync, ``os.replace``)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a report gets the usual
        # permissions for a new file under the user's umask.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def _prepare_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ConfigError(
            f"--out {out} is a file; give a folder for the reports (it is created if missing)"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ConfigError(f"cannot create the report folder {out}: {e.strerror or e}") from e


def _ci_module(name: str) -> Any:
    """The SARIF/JUnit/GitHub renderers live in their own modules; a missing
    one is a configuration problem the user can work around."""
    import importlib

    try:
        return importlib.import_module(f"checker.report.{name}")
    except ModuleNotFoundError as e:
        if e.name != f"checker.report.{name}":
            raise
        raise ConfigError(
            f"the {name} report format is not available in this build; "
            f"choose from json,md,html,csv,parquet"
        ) from e


def write(
    report: Report,
    out: Path,
    formats: Sequence[str],
    *,
    fail_on: str,
    failing: Sequence[Finding],
    echo: Echo,
) -> list[Path]:
    """Render ``report`` in each of ``formats`` into the folder ``out``.

    Returns the written paths in :data:`FORMAT_ORDER` whatever the order of
    ``formats``; ``github`` annotations go to ``echo`` and add no path.
    """
    wanted = {f.strip().lower() for f in formats if f.strip()}
    unknown = sorted(wanted - set(FORMAT_ORDER))
    if unknown:
        raise ConfigError(
            f"unknown report format {', '.join(unknown)}; choose from {','.join(FORMAT_ORDER)}"
        )
    out = Path(out)
    if wanted - {"github"}:
        _prepare_out(out)
    written: list[Path] = []
    for fmt in FORMAT_ORDER:
        if fmt not in wanted:
            continue
        if fmt == "json":
            from checker.report import json_report

            text = json_report.render(report, failing=failing, fail_on=fail_on)
            written.append(write_atomic(out / "report.json", text))
        elif fmt == "md":
            from checker.report import markdown

            text = markdown.render(report, failing=failing, fail_on=fail_on)
            written.append(write_atomic(out / "report.md", text))
        elif fmt == "html":
            from checker.report import html

            text = html.render(report, failing=failing, fail_on=fail_on)
            written.append(write_atomic(out / "report.html", text))
        elif fmt == "csv":
            from checker.report import tables

            claims_csv, findings_csv, stories_csv = tables.render_csv(report)
            written.append(write_atomic(out / "claims.csv", claims_csv))
            written.append(write_atomic(out / "findings.csv", findings_csv))
            written.append(write_atomic(out / "stories.csv", stories_csv))
        elif fmt == "parquet":
            from checker.report import tables

            claims_pq, findings_pq, stories_pq = tables.render_parquet(report)
            written.append(write_atomic(out / "claims.parquet", claims_pq))
            written.append(write_atomic(out / "findings.parquet", findings_pq))
            written.append(write_atomic(out / "stories.parquet", stories_pq))
        elif fmt == "sarif":
            text = _ci_module("sarif").render(report, failing=failing, fail_on=fail_on)
            written.append(write_atomic(out / "report.sarif", text))
        elif fmt == "junit":
            text = _ci_module("junit").render(report, failing=failing, fail_on=fail_on)
            written.append(write_atomic(out / "report.junit.xml", text))
        elif fmt == "github":
            text = _ci_module("github").render(report, failing=failing)
            if text:
                echo(text.rstrip("\n"))
    return written


def render_claims(
    documents: Sequence[Document], claims: Sequence[Claim], *, format: str = "table"
) -> str:
    """What the extractor understood, for ``claimcheck claims``: a plain-text
    table, CSV (one row per claim) or JSON (a list shaped like report.json's
    ``claims``). No trailing newline: the caller prints it."""
    if format == "table":
        from checker.report import tables

        return tables.claims_table(documents, claims).rstrip("\n")
    if format == "csv":
        from checker.report import tables

        return tables.claims_csv(documents, claims).rstrip("\n")
    if format == "json":
        from checker.report import json_report

        return json_report.dumps([json_report.claim_dict(c) for c in claims]).rstrip("\n")
    raise ConfigError(f"unknown claims format {format!r}; choose from {', '.join(CLAIM_FORMATS)}")
