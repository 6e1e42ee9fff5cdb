"""Embedding: the fake is deterministic, the cache never embeds a text twice,
loading is lazy, and a bad model is a ConfigError that says what to do."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

import numpy as np
import pytest

from checker import embed
from checker.errors import ConfigError


class CountingEmbedder:
    """Counts the texts it is asked to embed."""

    def __init__(self) -> None:
        self.inner = embed.FakeEmbedder(32)
        self.name = "counting"
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return self.inner.encode(texts)


def test_fake_embedder_is_deterministic_and_normalised() -> None:
    e = embed.FakeEmbedder(64)
    v1 = e.encode(["North Korea sent troops", "Trump pledged to end the war", ""])
    v2 = embed.FakeEmbedder(64).encode(["North Korea sent troops", "Trump pledged to end the war", ""])
    assert v1.dtype == np.float32 and v1.shape == (3, 64)
    assert np.array_equal(v1, v2)
    assert np.allclose(np.linalg.norm(v1[:2], axis=1), 1.0, atol=1e-6)
    assert not v1[2].any()  # no words, no direction


def test_fake_embedder_similar_texts_are_closer() -> None:
    v = embed.FakeEmbedder(256).encode(
        ["more than 10,000 soldiers were sent", "more than 10,000 troops were sent",
         "the weather in Seoul was mild"]
    )
    assert v[0] @ v[1] > v[0] @ v[2]


def test_encode_batches_and_reports_progress() -> None:
    done: list[int] = []
    texts = [f"claim number {i}" for i in range(100)]
    out = embed.encode(embed.FakeEmbedder(16), texts, batch_size=4, on_batch=done.append)
    assert out.shape == (100, 16)
    chunk = 4 * embed._BATCHES_PER_CHUNK
    assert done == [chunk] * (100 // chunk) + ([100 % chunk] if 100 % chunk else [])
    assert np.array_equal(out, embed.FakeEmbedder(16).encode(texts))


def test_encode_sends_longest_texts_first_and_keeps_input_order() -> None:
    """Similar lengths share a model batch (little padding); rows stay in input order."""
    inner = CountingEmbedder()
    texts = ["a", "a b c d", "a b", "a b c d e f", "a b c"]
    out = embed.encode(inner, texts, batch_size=2)
    assert inner.seen == sorted(texts, key=len, reverse=True)
    assert np.array_equal(out, CountingEmbedder().encode(texts))


def test_encode_empty_and_bad_batch_size() -> None:
    assert embed.encode(embed.FakeEmbedder(8), [], batch_size=4).shape == (0, 8)
    with pytest.raises(ConfigError, match="batch_size must be at least 1"):
        embed.encode(embed.FakeEmbedder(8), ["x"], batch_size=0)


def test_cache_never_embeds_a_text_twice(tmp_path) -> None:
    inner = CountingEmbedder()
    cached = embed.CachedEmbedder(inner, tmp_path / "new" / "dir")
    first = embed.encode(cached, ["a b", "c d", "a b"], batch_size=2)
    assert inner.seen == ["a b", "c d"]  # duplicates within a batch too
    assert (tmp_path / "new" / "dir" / "embeddings.sqlite").is_file()
    cached.close()
    again = embed.CachedEmbedder(inner, tmp_path / "new" / "dir")
    second = embed.encode(again, ["c d", "a b", "e f"], batch_size=8)
    assert inner.seen == ["a b", "c d", "e f"]
    assert np.array_equal(second[0], first[1]) and np.array_equal(second[1], first[0])
    assert second.dtype == np.float32
    again.close()


def test_cache_is_keyed_by_model(tmp_path) -> None:
    a = embed.CachedEmbedder(embed.FakeEmbedder(8), tmp_path)
    b = embed.CachedEmbedder(embed.FakeEmbedder(16), tmp_path)
    assert a.encode(["x y"]).shape == (1, 8)
    assert b.encode(["x y"]).shape == (1, 16)


def test_load_embedder_is_lazy() -> None:
    """Constructing the default embedder imports neither torch nor sentence_transformers."""
    code = (
        "import sys, tempfile\n"
        "from checker import embed\n"
        "e = embed.load_embedder('all-MiniLM-L6-v2', cache_dir=tempfile.mkdtemp())\n"
        "assert e.name == 'all-MiniLM-L6-v2'\n"
        "bad = [m for m in ('torch', 'sentence_transformers') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_warm_cache_never_loads_the_model(tmp_path) -> None:
    embedder = embed.load_embedder("no/such/model-dir", cache_dir=tmp_path)
    assert isinstance(embedder, embed.CachedEmbedder)
    # Pre-fill the cache under the model's name: a warm run needs no model.
    warm = embed.CachedEmbedder(embed.FakeEmbedder(8), tmp_path)
    warm.name = embedder.name
    expected = warm.encode(["known text"])
    assert np.array_equal(embedder.encode(["known text"]), expected)
    with pytest.raises(ConfigError, match="cannot load sentence-transformers model 'no/such/model-dir'"):
        embedder.encode(["unknown text"])


def test_fake_model_name() -> None:
    e = embed.load_embedder("fake:12", cache_dir=None)
    assert e.encode(["x"]).shape == (1, 12)


@pytest.mark.slow
def test_real_model_vectors(tmp_path) -> None:
    e = embed.load_embedder("all-MiniLM-L6-v2", cache_dir=tmp_path)
    v = embed.encode(
        e,
        ["Some 10,000 North Korean troops are in Russia",
         "North Korea sent more than 10,000 soldiers to Russia",
         "Trump has pledged to broker an end to the war"],
        batch_size=2,
    )
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2]
