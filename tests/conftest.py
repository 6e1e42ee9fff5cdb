"""Shared fixtures. Each engineer may add fixtures here with small edits."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from checker.ingest import Batch

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The four seed articles and their manifest (read-only: copy before changing)."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_batch() -> Batch:
    """``seeds/`` as ingested, with manifest metadata."""
    from checker import ingest

    return ingest.load([SEEDS])


@pytest.fixture
def seeds_without_manifest(tmp_path: Path) -> Iterator[Path]:
    """A copy of the seed articles without ``manifest.csv``: metadata must be inferred."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    yield folder


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The packaged spaCy pipeline with the abbreviation guard (slow tests only)."""
    from checker import nlp as nlp_module
    from checker.config import DEFAULT_SPACY

    return nlp_module.load(DEFAULT_SPACY)
