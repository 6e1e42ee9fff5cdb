"""The flow, end to end: ingest → segment → extract → embed → match →
compare → report. Library entry points used by the CLI and by Python callers.

Each stage module is imported where it is used, so importing this module
stays cheap and ``--help`` instant.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.analysis import Analysis, Prior, Timings
from checker.config import DEFAULT_MODEL, MAX_FILE_MB, Config
from checker.engine.local import extract_documents
from checker.model import Document, Report
from checker.progress import QUIET, Progress
from checker.version import __version__

if TYPE_CHECKING:
    import numpy as np

    from checker.engine import Engine
    from checker.ingest import Limits

Echo = Callable[[str], None]
DEFAULT_CACHE = Path(".claimcheck-cache")


def analyse(
    documents: Sequence[Document],
    config: Config,
    *,
    prior: Prior | None = None,
    progress: Progress = QUIET,
    warnings: Sequence[str] = (),
    engine: Engine | None = None,
) -> Analysis:
    """Run every stage after ingest. With ``prior`` (a claim store), new
    documents are compared with each other and with the prior ones, and only
    findings that involve a new document are kept. ``engine`` runs parse +
    extract and embed (default: this process); the rest runs here."""
    import numpy as np

    from checker import compare, embed, extract, stories
    from checker.engine import LOCAL
    from checker.events import event_clusters

    engine = engine if engine is not None else LOCAL
    timings = Timings()
    # Our own bars cover embedding; the model loader's bar would only be noise
    # (and would ignore -q).
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    embedder = embed.load_embedder(config.model, cache_dir=config.cache_dir)
    # New articles mean new claims to embed: load the model while spaCy parses.
    per_doc = engine.extract(
        documents, config, progress=progress, timings=timings.seconds,
        on_parsing=getattr(embedder, "prefetch", None),
    )
    t = time.perf_counter()
    new_claims = [c for cs in per_doc for c in cs]
    all_docs = (*(prior.documents if prior else ()), *documents)
    doc_local = (*(prior.claims if prior else ()), *new_claims)
    claims, entities = extract.canonicalise(doc_local, all_docs)
    t = timings.add("canonicalise", t)

    with progress.stage("embed", total=len(new_claims)) as advance:
        new_vectors = engine.encode(
            embedder, [c.text for c in new_claims], batch_size=config.batch_size,
            on_batch=advance, timings=timings.seconds,
        )
    vectors = new_vectors
    if prior is not None and len(prior.vectors):
        # An empty side has no known width: stack only when both have rows.
        vectors = np.vstack([prior.vectors, new_vectors]) if len(new_vectors) else prior.vectors
    t = timings.add("embed", t)

    new_ids = {d.id for d in documents} if prior is not None else None
    with progress.stage("compare", total=None):
        # The event clusters are the report's stories; judge matches within them
        # and records its own "match" and "compare" seconds.
        events = event_clusters(all_docs, claims, vectors, config)
        t = timings.add("match", t)
        findings = compare.judge(
            all_docs, claims, vectors, config, only_docs=new_ids, timings=timings.seconds,
            events=events, encode=embedder.encode,
        )
    story_list = stories.build(all_docs, claims, vectors, events.cluster)
    report = Report(
        documents=tuple(all_docs),
        claims=tuple(claims),
        entities=tuple(entities),
        findings=stories.assign(findings, story_list),
        config={"tool": __version__, **config.to_dict(), "engine": engine.name},
        warnings=tuple(warnings),
        stories=story_list,
    )
    return Analysis(report, vectors, timings)


# ------------------------------------------------------------------ commands


def _config(model: str, cache_dir: Path | None) -> Config:
    return Config(model=model, cache_dir=cache_dir if cache_dir is not None else DEFAULT_CACHE)


def check(
    paths: Sequence[Path | str],
    config: Config | None = None,
    *,
    progress: Progress = QUIET,
    limits: Limits | None = None,
) -> Analysis:
    """Read articles and analyse them: the library form of ``claimcheck check``."""
    from checker import ingest

    config = config or Config()
    batch = ingest.load(
        paths, near_duplicate=config.near_duplicate, limits=limits or ingest.DEFAULT_LIMITS
    )
    return analyse(batch.documents, config, progress=progress, warnings=batch.warnings)


def run_check(
    paths: Sequence[Path],
    *,
    out: Path,
    formats: Sequence[str],
    fail_on: str,
    baseline: Path | None,
    store: Path | None,
    cache_dir: Path | None,
    model: str,
    quiet: bool,
    echo: Echo,
    note: Echo,
    limits: Limits | None = None,
    engine: str = "local",
    engine_address: str | None = None,
) -> int:
    """``claimcheck check``: returns the exit code (0 ok, 1 new findings at fail_on).

    ``echo`` carries only requested output (GitHub annotations); warnings and
    the summary go to ``note`` (stderr), so stdout stays machine-readable.

    With ``engine="dask"`` parse + extract and embed run on a Dask cluster
    (joined at ``engine_address``, else started here and stopped at the end);
    reports, caches and the claim store are written here, only after every
    stage has succeeded."""
    from checker import engine as engines
    from checker import gate, ingest
    from checker import report as reports

    engines.check_choice(engine, engine_address)
    config = _config(model, cache_dir)
    accepted = gate.load_baseline(baseline) if baseline is not None else frozenset()
    batch = ingest.load(
        paths, near_duplicate=config.near_duplicate, limits=limits or ingest.DEFAULT_LIMITS
    )
    for w in batch.warnings:
        note(f"claimcheck: warning: {w}")
    with (
        engines.open_engine(engine, engine_address) as running,
        Progress(quiet=quiet) as progress,
    ):
        if store is not None:
            from checker import store as claim_store

            with claim_store.open_store(store) as db:
                # Articles whose text is already stored are known, not new: they
                # are compared against but create no findings of their own.
                new = db.new_documents(batch.documents)
                prior = db.prior(
                    exclude=new, model=config.model, embed=_text_encoder(config)
                )
                analysis = analyse(
                    new, config, prior=prior, progress=progress, warnings=batch.warnings,
                    engine=running,
                )
                db.add(analysis, new=new)
                # The report is about this batch: its articles, and the stored
                # ones a finding names; the counts say how many are stored.
                report = claim_store.batch_report(
                    analysis.report, new, known=len(batch.documents) - len(new),
                    stored=db.count(),
                )
        else:
            analysis = analyse(
                batch.documents, config, progress=progress, warnings=batch.warnings,
                engine=running,
            )
            report = analysis.report
        failing = gate.failing(report.findings, fail_on=fail_on, accepted=accepted)
        written = reports.write(
            report, out, formats, fail_on=fail_on, failing=failing, echo=echo
        )
    note(gate.summary_line(report, failing, fail_on=fail_on))
    if written:
        note(f"reports: {', '.join(str(p) for p in written)}")
    return 1 if failing else 0


def _text_encoder(config: Config) -> Callable[[list[str]], np.ndarray]:
    """Embeds texts with the configured model (for stored claims whose
    vectors were made with another one)."""

    def encode(texts: list[str]) -> np.ndarray:
        from checker import embed

        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        embedder = embed.load_embedder(config.model, cache_dir=config.cache_dir)
        return embed.encode(embedder, texts, batch_size=config.batch_size, on_batch=None)

    return encode


def run_baseline(
    paths: Sequence[Path],
    *,
    out: Path,
    reason: str | None,
    cache_dir: Path | None,
    model: str,
    quiet: bool,
    note: Echo | None = None,
    limits: Limits | None = None,
) -> int:
    """``claimcheck baseline``: write the current findings; returns their number.
    Ingest warnings go to ``note``."""
    from checker import gate, ingest

    config = _config(model, cache_dir)
    batch = ingest.load(
        paths, near_duplicate=config.near_duplicate, limits=limits or ingest.DEFAULT_LIMITS
    )
    for w in batch.warnings:
        if note is not None:
            note(f"claimcheck: warning: {w}")
    with Progress(quiet=quiet) as progress:
        analysis = analyse(batch.documents, config, progress=progress, warnings=batch.warnings)
    return gate.write_baseline(analysis.report, out, reason=reason)


def run_claims(
    paths: Sequence[Path],
    *,
    format: str,
    cache_dir: Path | None,
    quiet: bool,
    echo: Echo,
    note: Echo,
    limits: Limits | None = None,
) -> None:
    """``claimcheck claims``: print what the extractor understood to ``echo``
    (stdout); warnings go to ``note`` (stderr)."""
    from checker import extract, ingest
    from checker import report as reports

    config = _config(DEFAULT_MODEL, cache_dir)
    batch = ingest.load(
        paths, near_duplicate=config.near_duplicate, limits=limits or ingest.DEFAULT_LIMITS
    )
    for w in batch.warnings:
        note(f"claimcheck: warning: {w}")
    with Progress(quiet=quiet) as progress:
        per_doc = extract_documents(batch.documents, config, progress=progress)
    claims, _entities = extract.canonicalise(
        [c for cs in per_doc for c in cs], batch.documents
    )
    echo(reports.render_claims(batch.documents, claims, format=format))


def run_compare(
    a: str | None,
    b: str | None,
    *,
    published_a: str | None,
    published_b: str | None,
    pairs: Path | None,
    model: str,
    echo: Echo,
    max_file_mb: float = MAX_FILE_MB,
) -> None:
    """``claimcheck compare``: one pair as text, or ``--pairs`` as JSON lines."""
    import json

    from checker import compare

    config = _config(model, None)
    if pairs is None:
        assert a is not None and b is not None
        result = compare.compare_sentences(a, b, published_a, published_b, config)
        echo(f"verdict:   {result.verdict}")
        echo(f"kind:      {result.kind or '-'}")
        echo(f"score:     {result.score:.2f}")
        echo(f"rationale: {result.rationale}")
        echo(f"by:        {result.comparator}")
        return
    for row in compare.compare_pairs_file(pairs, config, max_mb=max_file_mb):
        echo(json.dumps(_comparison_row(row), ensure_ascii=False))


def _comparison_row(c: Any) -> dict[str, Any]:
    return {
        "verdict": c.verdict,
        "kind": c.kind,
        "score": round(c.score, 4),
        "rationale": c.rationale,
        "comparator": c.comparator,
    }
