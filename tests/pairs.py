"""Sentence pairs through the whole extractor and comparator, as
``claimcheck compare --pairs`` reads them: one verdict per pair."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.compare import compare_pairs_file
from checker.config import Config

if TYPE_CHECKING:
    from pathlib import Path


def pair_verdicts(pairs: Sequence[tuple[str, str]], tmp_path: Path,
                  published: str = "2025-03-03") -> list[str]:
    """The verdict on each (a, b) pair, both published on ``published``."""
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps({"a": a, "b": b, "published_a": published,
                                          "published_b": published}) for a, b in pairs) + "\n",
                    encoding="utf-8")
    return [c.verdict for c in compare_pairs_file(path, Config(cache_dir=tmp_path))]
