"""Per-document cache of parsing and extraction results.

An entry is keyed by everything that decides a document's doc-local claims:
its id, text digest, publication date, boilerplate regions, the spaCy
pipeline and the code that extracts (tool version plus a digest of the
extraction sources, so an edited extractor never serves stale claims).
Entries are pickles of plain frozen records, written atomically.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

from checker.config import Config
from checker.model import Claim, Document
from checker.version import __version__

# Modules whose code decides what `extract_documents` returns.
_SOURCES = ("model.py", "nlp.py", "truecase.py", "segment.py", "extract")


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of the tool version and the extraction code."""
    root = Path(__file__).parent
    h = hashlib.sha256(__version__.encode())
    for name in _SOURCES:
        path = root / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            if f.exists():
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def document_key(doc: Document, config: Config) -> str:
    parts = (
        code_digest(),
        config.spacy_model,
        doc.id,
        doc.sha256,
        doc.published.isoformat() if doc.published else "",
        repr(doc.boilerplate),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class _PickleFolder:
    """Pickles of plain records under ``folder``, one file per key, written
    atomically; a folder of None stores nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._made: set[Path] = set()  # directories known to exist

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key[2:]}.pkl"

    def load(self, key: str) -> object | None:
        if self.folder is None:
            return None
        try:
            with self._path(key).open("rb") as f:
                value: object = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
            return None  # missing or unreadable entry: recompute
        return value

    def store(self, key: str, value: object) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        try:
            if path.parent not in self._made:  # at most 256 of them: not once per entry
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time


class DocumentCache:
    """``get``/``put`` doc-local claims; a cache without a folder stores nothing."""

    def __init__(self, folder: Path | None) -> None:
        self._files = _PickleFolder(folder)

    @classmethod
    def open(cls, folder: Path | None) -> DocumentCache:
        return cls(Path(folder) / "documents" if folder is not None else None)

    def get(self, doc: Document, config: Config) -> tuple[Claim, ...] | None:
        claims = self._files.load(document_key(doc, config))
        return claims if isinstance(claims, tuple) else None

    def put(self, doc: Document, config: Config, claims: tuple[Claim, ...]) -> None:
        self._files.store(document_key(doc, config), claims)


# Modules (and the table of verb forms) that decide what a claim's parse readings are
# (``checker.compare.frame``), beside the extraction code.
_READING_SOURCES = ("compare/frame.py", "match/words.py", "match/irregular_verbs.tsv",
                    "match/actor.py")


@functools.lru_cache(maxsize=1)
def reading_digest() -> str:
    """Digest of the extraction code and the code that reads a claim's parse."""
    root = Path(__file__).parent
    h = hashlib.sha256(code_digest().encode())
    for name in _READING_SOURCES:
        h.update(name.encode())
        h.update((root / name).read_bytes())
    return h.hexdigest()[:16]


class ReadingCache:
    """Parse readings of a claim (``checker.compare.frame.Readings``), keyed
    by the claim's text and slots, the spaCy pipeline and the code: a warm
    run reads them without loading spaCy."""

    def __init__(self, folder: Path | None) -> None:
        self._files = _PickleFolder(Path(folder) / "readings" if folder is not None else None)

    @staticmethod
    def key(spacy_model: str, text: str, spans: Sequence[tuple[int, int]]) -> str:
        """The key of the readings of a claim ``text`` with values at ``spans``."""
        parts = (reading_digest(), spacy_model, text, repr(list(spans)))
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def get(self, key: str) -> object | None:
        return self._files.load(key)

    def put(self, key: str, value: object) -> None:
        self._files.store(key, value)
