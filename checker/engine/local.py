"""The local engine: the per-document stages in this process (spaCy's own
worker processes for large batches, torch's threads), through the
per-document cache."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from checker.analysis import Timings
from checker.progress import QUIET, Progress

if TYPE_CHECKING:
    import numpy as np

    from checker.config import Config
    from checker.embed import Embedder
    from checker.engine import OnBatch
    from checker.model import Claim, Document


def extract_documents(
    documents: Sequence[Document],
    config: Config,
    *,
    progress: Progress = QUIET,
    timings: Timings | None = None,
    on_parsing: Callable[[], None] | None = None,
) -> list[tuple[Claim, ...]]:
    """Doc-local claims per document (entities not yet canonicalised), using
    the per-document cache so an unchanged article is never parsed twice.

    ``on_parsing`` is called once parsing is under way (after spaCy's worker
    processes have started), for work that may run beside it."""
    from checker import cache, extract, nlp, segment

    timings = timings if timings is not None else Timings()
    store = cache.DocumentCache.open(config.cache_dir)
    out: list[tuple[Claim, ...] | None] = [store.get(d, config) for d in documents]
    todo = [i for i, c in enumerate(out) if c is None]
    if todo:
        t = time.perf_counter()
        language = nlp.load(config.spacy_model)
        t = timings.add("load", t)
        with progress.stage("extract", total=len(todo)) as advance:
            parsed_docs = segment.parse([documents[i] for i in todo], language)
            for n, (i, parsed) in enumerate(zip(todo, parsed_docs, strict=True)):
                t = timings.add("segment", t)
                if n == 0 and on_parsing is not None:
                    on_parsing()
                claims = extract.extract(parsed)
                t = timings.add("extract", t)
                out[i] = claims
                store.put(documents[i], config, claims)
                advance(1)
    return [c if c is not None else () for c in out]


class LocalEngine:
    """This process: spaCy's own worker processes for large batches, torch's threads."""

    name = "local"

    def extract(
        self,
        documents: Sequence[Document],
        config: Config,
        *,
        progress: Progress,
        timings: dict[str, float],
        on_parsing: Callable[[], None] | None = None,
    ) -> list[tuple[Claim, ...]]:
        return extract_documents(
            documents, config, progress=progress, timings=Timings(timings),
            on_parsing=on_parsing,
        )

    def encode(
        self,
        embedder: Embedder,
        texts: Sequence[str],
        *,
        batch_size: int,
        on_batch: OnBatch | None = None,
        timings: dict[str, float],
    ) -> np.ndarray:
        from checker import embed

        return embed.encode(embedder, texts, batch_size=batch_size, on_batch=on_batch)


LOCAL = LocalEngine()
