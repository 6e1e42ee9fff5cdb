"""The pipeline's wiring: cached and fresh documents mix, vectors stay aligned."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from checker import embed, pipeline
from checker.config import Config

ARTICLES = {
    "a.txt": "Police said three people were killed in the fire on Monday. "
    "The mayor said the city will rebuild the school.",
    "b.txt": "Officials said two people died in the fire. The cause is not known.",
    "c.txt": "The fire destroyed the school on Monday, the mayor said.",
}


@pytest.mark.slow
def test_vectors_follow_claims_when_some_documents_are_cached(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    config = Config(model="fake", cache_dir=tmp_path / "cache")
    pipeline.check([folder], config)  # fills the document cache
    (folder / "b.txt").write_text(ARTICLES["b.txt"] + " Two firefighters were hurt.")
    analysis = pipeline.check([folder], config)  # a.txt, c.txt cached; b.txt parsed

    texts = [c.text for c in analysis.report.claims]
    assert len(analysis.vectors) == len(texts) > 0
    expected = embed.FakeEmbedder().encode(texts)
    assert np.allclose(analysis.vectors, expected)
    assert any("firefighters" in t for t in texts)
