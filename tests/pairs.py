"""Written sentences through the extractor: how it reads one sentence's
main clause, and the verdict on pairs as ``claimcheck compare --pairs``
reads them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.compare import compare_pairs_file
from checker.config import Config

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language

    from checker.extract.certainty import Attribution


def read_main_clause(nlp: Language, text: str) -> Attribution:
    """How the extractor reads a one-sentence text's main clause."""
    from checker.extract.certainty import analyse

    (sent,) = nlp(text).sents
    return analyse(sent.root)


def pair_verdicts(pairs: Sequence[tuple[str, str]], tmp_path: Path,
                  published: str = "2025-03-03", published_b: str | None = None) -> list[str]:
    """The verdict on each (a, b) pair, a published on ``published`` and b
    on ``published_b`` (the same day unless given)."""
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps({"a": a, "b": b, "published_a": published,
                                          "published_b": published_b or published})
                              for a, b in pairs) + "\n",
                    encoding="utf-8")
    return [c.verdict for c in compare_pairs_file(path, Config(cache_dir=tmp_path))]
