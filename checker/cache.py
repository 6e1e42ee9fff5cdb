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


class DocumentCache:
    """``get``/``put`` doc-local claims; a cache without a folder stores nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._made: set[Path] = set()  # directories known to exist

    @classmethod
    def open(cls, folder: Path | None) -> DocumentCache:
        return cls(Path(folder) / "documents" if folder is not None else None)

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key[2:]}.pkl"

    def get(self, doc: Document, config: Config) -> tuple[Claim, ...] | None:
        if self.folder is None:
            return None
        try:
            with self._path(document_key(doc, config)).open("rb") as f:
                claims = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
            return None  # missing or unreadable entry: recompute
        return claims if isinstance(claims, tuple) else None

    def put(self, doc: Document, config: Config, claims: tuple[Claim, ...]) -> None:
        if self.folder is None:
            return
        path = self._path(document_key(doc, config))
        try:
            if path.parent not in self._made:  # at most 256 of them: not once per entry
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(claims, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
