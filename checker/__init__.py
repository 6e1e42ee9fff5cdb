"""claimcheck: cross-source claim-consistency checker for news articles.

From Python (a notebook, a script)::

    import checker

    report = checker.check(["articles/"])
    report.stories_frame()   # one row per story
    report.findings_frame()  # one row per finding, most severe first

Everything heavy is imported on the first call, so ``import checker`` and
``claimcheck --help`` stay instant.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker.version import __version__

if TYPE_CHECKING:
    from checker.result import CheckResult

__all__ = ["__version__", "check"]


def check(
    paths: Sequence[str | Path] | str | Path,
    *,
    model: str | None = None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
) -> CheckResult:
    """Read the articles at ``paths`` (folders and files, as for ``claimcheck
    check``), analyse them, and return the report with pandas frames of its
    stories, claims, findings and documents.

    ``model`` is any sentence-transformers name or path (default: the
    packaged all-MiniLM-L6-v2); ``cache_dir`` keeps parsed articles and
    embeddings (default ``.claimcheck-cache``); ``progress`` shows bars on
    stderr. Raises :class:`checker.errors.ClaimcheckError` on unreadable input.
    """
    from checker.result import check as run

    return run(paths, model=model, cache_dir=cache_dir, progress=progress)
