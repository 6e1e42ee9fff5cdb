"""The Dask engine: parse + extract and embed as tasks on a Dask cluster.

Imported only for ``--engine dask`` (``distributed`` is the ``dask`` extra).
Each worker process loads a model the first time a task needs it and keeps
it for every later task (``nlp.load`` and :func:`_embedder` are cached per
process): once per worker, not once per task. Workers run one thread each,
so a model is never shared by two tasks at once.

The driver keeps both caches: it looks documents and texts up, sends only the
misses, and writes what comes back. Workers therefore need neither a shared
filesystem nor write access to anything, and the SQLite embedding cache has
one writer.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from distributed import Client, LocalCluster, as_completed
from distributed.client import FutureCancelledError

from checker.errors import ClaimcheckError, ConfigError, EngineError

if TYPE_CHECKING:
    import numpy as np

    from checker.config import Config
    from checker.embed import Embedder
    from checker.model import Claim, Document
    from checker.progress import Progress

#: Seconds to wait for a scheduler to answer and for its first worker.
CONNECT_TIMEOUT = 10.0
#: Tasks per worker in the extract stage: enough for balance, few enough that
#: per-task costs (pickling documents, scheduling) stay small.
TASKS_PER_WORKER = 4
MAX_DOCUMENTS_PER_TASK = 32
#: The model batch size of :func:`checker.embed.load_embedder`'s default.
DEFAULT_MODEL_BATCH = 64


class DaskEngine:
    """Runs the per-document stages on the workers behind ``client``."""

    name = "dask"

    def __init__(self, client: Client) -> None:
        self.client = client

    @classmethod
    @contextmanager
    def open(cls, address: str | None, *, workers: int | None = None) -> Iterator[DaskEngine]:
        """Join the scheduler at ``address``, or start a local cluster of
        ``workers`` single-threaded processes (default: one per core)."""
        if address is None:
            with _local_cluster(workers) as client:
                yield cls(client)
            return
        client = _connect(address)
        try:
            yield cls(client)
        finally:
            with suppress(Exception):  # a scheduler already gone changes nothing here
                client.close()

    def workers(self) -> int:
        nthreads: dict[str, int] = self.client.nthreads()
        return max(1, sum(nthreads.values()))

    # ------------------------------------------------------------ extract

    def extract(
        self,
        documents: Sequence[Document],
        config: Config,
        *,
        progress: Progress,
        timings: dict[str, float],
        on_parsing: Callable[[], None] | None = None,
    ) -> list[tuple[Claim, ...]]:
        from checker import cache

        store = cache.DocumentCache.open(config.cache_dir)
        out: list[tuple[Claim, ...] | None] = [store.get(d, config) for d in documents]
        todo = [i for i, c in enumerate(out) if c is None]
        if not todo:
            return [c if c is not None else () for c in out]
        size = max(1, min(MAX_DOCUMENTS_PER_TASK,
                          math.ceil(len(todo) / (self.workers() * TASKS_PER_WORKER))))
        groups = [todo[i : i + size] for i in range(0, len(todo), size)]
        run = uuid.uuid4().hex[:12]
        t0 = time.perf_counter()
        with progress.stage("extract", total=len(todo)) as advance, self._failures():
            futures = {
                self.client.submit(
                    extract_task, [documents[i] for i in group], config.spacy_model,
                    config.model, key=f"claimcheck-extract-{run}-{k}", pure=False, retries=0,
                ): group
                for k, group in enumerate(groups)
            }
            try:
                for future, result in as_completed(futures, with_results=True):
                    claims, seconds, digest = result
                    _same_code(digest)
                    for i, c in zip(futures[future], claims, strict=True):
                        out[i] = c
                        store.put(documents[i], config, c)
                    _add(timings, seconds, prefix="worker_")
                    advance(len(claims))
            finally:
                self.client.cancel(list(futures))
        timings["extract"] = timings.get("extract", 0.0) + time.perf_counter() - t0
        return [c if c is not None else () for c in out]

    # ------------------------------------------------------------- encode

    def encode(
        self,
        embedder: Embedder,
        texts: Sequence[str],
        *,
        batch_size: int,
        on_batch: Callable[[int], object] | None = None,
        timings: dict[str, float],
    ) -> np.ndarray:
        """The model calls :func:`checker.embed.encode` would make, made on
        the workers: same groups of texts, same cache hits, so same vectors."""
        import numpy as np

        from checker import embed

        if batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {batch_size}")
        cached = embedder if isinstance(embedder, embed.CachedEmbedder) else None
        inner = cached.inner if cached is not None else embedder
        model = inner.name if not isinstance(inner, embed.FakeEmbedder) else f"fake:{inner.dim}"
        model_batch = int(getattr(inner, "batch_size", DEFAULT_MODEL_BATCH))
        if not texts:
            dim = getattr(embedder, "dim", None) or 0
            return np.zeros((0, dim), dtype=np.float32)

        keys = [embed.text_key(t) for t in texts]
        found: dict[str, np.ndarray] = cached.lookup(keys) if cached is not None else {}
        # One model call per group, for the texts the cache does not hold and
        # no earlier group asks for (the local run would find those cached).
        calls: list[tuple[list[int], list[str]]] = []  # (text indices, keys) per call
        asked: set[str] = set()
        for group in embed.chunks(texts, batch_size=batch_size):
            if cached is None:
                calls.append((group, []))
                continue
            fresh: list[int] = []
            for j in group:
                k = keys[j]
                if k not in found and k not in asked:
                    asked.add(k)
                    fresh.append(j)
            if fresh:
                calls.append((fresh, [keys[j] for j in fresh]))

        t0 = time.perf_counter()
        vectors: dict[int, np.ndarray] = {}  # text index -> vector, no-cache case
        with self._failures():
            run = uuid.uuid4().hex[:12]
            futures = {
                self.client.submit(
                    encode_task, model, model_batch, [texts[j] for j in idx],
                    key=f"claimcheck-embed-{run}-{n}", pure=False, retries=0,
                ): (idx, call_keys)
                for n, (idx, call_keys) in enumerate(calls)
            }
            try:
                for future, result in as_completed(futures, with_results=True):
                    got, seconds = result
                    idx, call_keys = futures[future]
                    got = np.asarray(got, dtype=np.float32)
                    if cached is not None:
                        cached.save(call_keys, got)
                        found.update(zip(call_keys, got, strict=True))
                    else:
                        vectors.update(zip(idx, got, strict=True))
                    _add(timings, seconds, prefix="worker_")
                    if on_batch is not None:
                        on_batch(len(idx))
            finally:
                self.client.cancel(list(futures))
        timings["embed_wait"] = timings.get("embed_wait", 0.0) + time.perf_counter() - t0
        if cached is not None:
            if on_batch is not None:
                on_batch(len(texts) - sum(len(idx) for idx, _k in calls))
            rows = [found[k] for k in keys]
        else:
            rows = [vectors[j] for j in range(len(texts))]
        return np.vstack(rows).astype(np.float32, copy=False)

    # ------------------------------------------------------------ failures

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """A worker lost mid-run is retried by the scheduler (up to
        ``distributed.scheduler.allowed-failures`` times); beyond that, or
        when the scheduler goes away, the run fails with one line."""
        from distributed.scheduler import KilledWorker

        try:
            yield
        except ClaimcheckError:
            raise  # raised inside a task (e.g. a model a worker cannot load): as is
        except KilledWorker as e:
            raise EngineError(
                f"Dask workers died while running {_task_name(e)} (out of memory or killed); "
                "nothing was written: give the workers more memory or fewer documents per "
                "run, then run the check again"
            ) from None
        except (OSError, TimeoutError, FutureCancelledError) as e:
            raise EngineError(
                f"lost the Dask cluster mid-run ({type(e).__name__}: {_first_line(e)}); "
                "nothing was written: check the scheduler and run the check again"
            ) from None


# ------------------------------------------------------------- on workers


def extract_task(
    documents: list[Document], spacy_model: str, embed_model: str | None = None
) -> tuple[list[tuple[Claim, ...]], dict[str, float], str]:
    """Parse and extract a group of documents on a worker: their doc-local
    claims, the seconds spent per stage, and the extraction code's digest.
    ``embed_model`` starts loading the sentence model beside the parsing, as
    the local run does, so the embed tasks find it ready."""
    from checker import cache, extract, nlp, segment

    if embed_model is not None:
        prefetch = getattr(_embedder(embed_model, DEFAULT_MODEL_BATCH), "prefetch", None)
        if callable(prefetch):
            prefetch()
    t0 = time.perf_counter()
    language = nlp.load(spacy_model)  # once per worker process
    t1 = time.perf_counter()
    claims: list[tuple[Claim, ...]] = []
    parse_s = extract_s = 0.0
    t = t1
    # One process per worker: spaCy must not fork workers of its own here.
    for parsed in segment.parse(documents, language, n_process=1):
        t2 = time.perf_counter()
        parse_s += t2 - t
        claims.append(extract.extract(parsed))
        t = time.perf_counter()
        extract_s += t - t2
    seconds = {"load": t1 - t0, "segment": parse_s, "extract": extract_s}
    return claims, seconds, cache.code_digest()


def encode_task(model: str, batch_size: int, texts: list[str]) -> tuple[Any, dict[str, float]]:
    """Vectors for ``texts`` from the worker's copy of the model."""
    t0 = time.perf_counter()
    embedder = _embedder(model, batch_size)
    load = getattr(embedder, "load", None)
    if callable(load):
        load()
    t1 = time.perf_counter()
    vectors = embedder.encode(texts)
    t2 = time.perf_counter()
    return vectors, {"embed_load": t1 - t0, "embed": t2 - t1}


@functools.lru_cache(maxsize=2)
def _embedder(model: str, batch_size: int) -> Embedder:
    """The worker process's model, loaded once and kept for later tasks."""
    from checker import embed

    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    return embed.load_embedder(model, cache_dir=None, batch_size=batch_size)


# ------------------------------------------------------------------ helpers


@contextmanager
def _local_cluster(workers: int | None) -> Iterator[Client]:
    n = workers or os.cpu_count() or 1
    try:
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            # The scheduler serves HTTP (health, metrics) even without a
            # dashboard: a free port on loopback, never a fixed one to clash on.
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        )
    except Exception as e:  # ports, permissions, a broken install: one line either way
        raise EngineError(
            f"cannot start a local Dask cluster ({type(e).__name__}: {_first_line(e)}); "
            "use --engine local or start one with `dask scheduler` and pass --engine-address"
        ) from None
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            with suppress(Exception):
                client.close()
    finally:
        with suppress(Exception):
            cluster.close()


def _connect(address: str) -> Client:
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError, TypeError) as e:
        raise EngineError(
            f"cannot reach the Dask scheduler at {address} ({_first_line(e)}); "
            "start one with `dask scheduler` (and `dask worker ADDRESS`), check the address, "
            "or leave out --engine-address to start a local cluster"
        ) from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as e:
        with suppress(Exception):
            client.close()
        raise EngineError(
            f"the Dask scheduler at {address} has no workers ({_first_line(e)}); "
            "start some with `dask worker " + address + "`"
        ) from None
    return client


def _same_code(digest: str) -> None:
    from checker import cache

    if digest != cache.code_digest():
        raise EngineError(
            f"the Dask workers run other extraction code (digest {digest}, here "
            f"{cache.code_digest()}); install the same claimcheck version on the workers"
        )


def _add(timings: dict[str, float], seconds: dict[str, float], *, prefix: str) -> None:
    for k, v in seconds.items():
        timings[prefix + k] = timings.get(prefix + k, 0.0) + v


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def _task_name(e: BaseException) -> str:
    key = getattr(e, "task", None) or ""
    text = str(key)
    if "extract" in text:
        return "parse + extract"
    if "embed" in text:
        return "embed"
    return "a task"
