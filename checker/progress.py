"""Progress bars for long stages: rich on a terminal, silent otherwise or with -q."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Progress:
    """``with progress.stage("embed", total=n) as advance: advance(k)``."""

    def __init__(self, *, quiet: bool = False) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._bar: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("{task.description:<8}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
            self._bar = None

    @contextmanager
    def stage(self, name: str, total: int | None) -> Iterator[Callable[[int], None]]:
        if self._bar is None:
            yield lambda n=1: None
            return
        task = self._bar.add_task(name, total=total)
        try:
            yield lambda n=1: self._bar.advance(task, n)
        finally:
            self._bar.update(task, visible=False)


QUIET = Progress(quiet=True)
