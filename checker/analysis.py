"""What one analysis of a batch hands on: the report with its claim vectors
and stage timings (``Analysis``), and what a claim store already holds
(``Prior``). The pipeline makes them, the store reads and writes them, so
they live apart from both."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.model import Claim, Document, Report

if TYPE_CHECKING:
    import numpy as np


@dataclass
class Timings:
    """Seconds spent per stage, for the benchmark."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - since
        return now


@dataclass(frozen=True)
class Analysis:
    report: Report
    vectors: np.ndarray  # one row per claim, in report.claims order
    timings: Timings


@dataclass(frozen=True)
class Prior:
    """What a claim store already holds: compared against, never re-reported."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    vectors: np.ndarray
