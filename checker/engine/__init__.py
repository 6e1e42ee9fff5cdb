"""Where the per-document stages run: in this process, or on a Dask cluster.

An engine runs the two stages that are maps over documents and need a loaded
model: parse + extract (spaCy) and embed (sentence-transformers). Everything
that needs the whole batch (ingest with wire-copy detection, entity
canonicalisation, story clustering, matching, comparing) and everything that
writes (caches, claim store, reports) stays in the calling process, the
driver. ``docs/scaling.md`` says why and what it costs.

Results never depend on the engine: documents are extracted one by one with
the same code, and texts are embedded in groups decided by the texts alone
(:func:`checker.embed.chunks`), so every engine makes the same model calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from checker.engine.local import LOCAL as LOCAL
from checker.engine.local import LocalEngine as LocalEngine
from checker.errors import ConfigError

if TYPE_CHECKING:
    import numpy as np

    from checker.config import Config
    from checker.embed import Embedder
    from checker.model import Claim, Document
    from checker.progress import Progress

#: ``--engine`` values. ``ray`` is reserved by the command-line contract.
ENGINES = ("local", "dask", "ray")

OnBatch = Callable[[int], object]


class Engine(Protocol):
    """Runs the per-document stages; ``name`` goes into the report's config."""

    name: str

    def extract(
        self,
        documents: Sequence[Document],
        config: Config,
        *,
        progress: Progress,
        timings: dict[str, float],
        on_parsing: Callable[[], None] | None = None,
    ) -> list[tuple[Claim, ...]]:
        """Doc-local claims per document, in input order, through the
        per-document cache (read and written by the driver)."""
        ...

    def encode(
        self,
        embedder: Embedder,
        texts: Sequence[str],
        *,
        batch_size: int,
        on_batch: OnBatch | None = None,
        timings: dict[str, float],
    ) -> np.ndarray:
        """One unit vector per text, as :func:`checker.embed.encode` gives."""
        ...


def check_choice(engine: str, address: str | None) -> None:
    """Raise :class:`ConfigError` for an engine name or address that cannot work."""
    if engine not in ENGINES:
        raise ConfigError(f"--engine {engine!r} is not one of {', '.join(ENGINES)}")
    if engine == "ray":
        raise ConfigError(
            "--engine ray is not available in this version; use --engine dask "
            "(pip install 'claimcheck[dask]') or --engine local"
        )
    if address is not None and engine == "local":
        raise ConfigError(
            "--engine-address needs --engine dask (the local engine has no cluster to join)"
        )
    if address is not None and not address.strip():
        raise ConfigError("--engine-address is empty; give a scheduler address such as "
                          "tcp://HOST:8786, or leave it out to start a local cluster")


@contextmanager
def open_engine(
    engine: str = "local",
    address: str | None = None,
    *,
    workers: int | None = None,
) -> Iterator[Engine]:
    """The named engine, ready to run. ``dask`` without an address starts a
    local cluster (``workers`` processes, default one per core) and shuts it
    down on exit; with an address it joins that scheduler and leaves it
    running. Raises :class:`ConfigError` or :class:`checker.errors.EngineError`
    (one line each) when the engine cannot be had."""
    check_choice(engine, address)
    if engine == "local":
        yield LOCAL
        return
    try:
        from checker.engine import dask_engine
    except ImportError as e:  # distributed is an optional extra
        raise ConfigError(
            f"--engine dask needs the dask extra ({e.name or 'distributed'} is not installed): "
            "pip install 'claimcheck[dask]'"
        ) from None
    with dask_engine.DaskEngine.open(address, workers=workers) as running:
        yield running
