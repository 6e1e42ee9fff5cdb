"""``claimcheck compare``: two sentences, or a file of pairs, judged directly.

Each sentence becomes a tiny document, goes through extraction and
embedding, and the best-matching claim pair is compared; two sentences that
are not about one fact are ``unrelated``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.compare.registry import PairContext, quote
from checker.compare.verdict import compare_claims
from checker.config import MAX_FILE_MB, Config
from checker.errors import InputError
from checker.model import Claim, Comparison, Document

if TYPE_CHECKING:
    import numpy as np

    from checker.compare.frame import Frames
    from checker.embed import Embedder


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    published_a: dt.date | None = None
    published_b: dt.date | None = None


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(
            f"{where}: {value!r} is not a date; write dates as YYYY-MM-DD"
        ) from None


def compare_sentences(
    a: str,
    b: str,
    published_a: str | dt.date | None,
    published_b: str | dt.date | None,
    config: Config,
) -> Comparison:
    """Compare two sentences (``claimcheck compare A B``)."""
    pair = Pair(a, b, _date(published_a, "--published-a"), _date(published_b, "--published-b"))
    (result,) = _compare_all([pair], config)
    return result


def compare_pairs_file(
    path: Path | str, config: Config, *, max_mb: float = MAX_FILE_MB
) -> Iterator[Comparison]:
    """One Comparison per row of a JSONL or CSV file with fields a, b,
    published_a, published_b, in input order; models are loaded once. A
    file over ``max_mb`` megabytes is refused before it is read."""
    pairs = read_pairs(Path(path), max_mb=max_mb)
    yield from _compare_all(pairs, config)


def read_pairs(path: Path, *, max_mb: float = MAX_FILE_MB) -> list[Pair]:
    """Rows of a pairs file; InputError says which row is wrong and how."""
    if not path.is_file():
        raise InputError(f"{path}: no such file; pass a .jsonl or .csv file of sentence pairs")
    size_mb = path.stat().st_size / (1024 * 1024)
    if size_mb > max_mb:
        raise InputError(
            f"{path}: {size_mb:.1f} MB is over the {max_mb:g} MB limit for a pairs file; "
            "split it, or pass --max-file-mb with a larger limit"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read it as UTF-8 text ({e})") from None
    rows: list[tuple[str, dict[str, Any]]] = []
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        if not reader.fieldnames or not {"a", "b"} <= set(reader.fieldnames):
            raise InputError(
                f"{path}: the CSV header must name columns a and b "
                "(and optionally published_a, published_b)"
            )
        rows = [(f"{path}:{n}", dict(r)) for n, r in enumerate(reader, start=2)]
    else:
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(
                    f"{path}:{n}: not valid JSON ({e.msg}); write one object per line "
                    'like {"a": "...", "b": "..."}'
                ) from None
            if not isinstance(obj, dict):
                raise InputError(f"{path}:{n}: expected a JSON object with fields a and b")
            rows.append((f"{path}:{n}", obj))
    out = []
    for where, r in rows:
        a, b = r.get("a"), r.get("b")
        if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
            raise InputError(f"{where}: fields a and b must both be non-empty sentences")
        out.append(
            Pair(a, b, _date(r.get("published_a"), where), _date(r.get("published_b"), where))
        )
    return out


def _compare_all(pairs: Sequence[Pair], config: Config) -> list[Comparison]:
    from checker import embed, extract, ingest, nlp, segment
    from checker.cache import ReadingCache
    from checker.compare.frame import Frames

    docs: list[Document] = []
    for n, p in enumerate(pairs):
        docs.append(ingest.document_from_text(p.a, id=f"a{n}", published=p.published_a))
        docs.append(ingest.document_from_text(p.b, id=f"b{n}", published=p.published_b))
    language = nlp.load(config.spacy_model)
    per_doc: list[list[Claim]] = []
    for parsed in segment.parse(docs, language):
        claims = list(extract.extract(parsed))
        if not claims:
            claims = [_whole(parsed.document)]
        per_doc.append(claims)
    flat = [c for cs in per_doc for c in cs]
    canon, _ = extract.canonicalise(flat, docs)
    it = iter(canon)
    per_doc = [[next(it) for _ in cs] for cs in per_doc]
    embedder: Embedder = embed.load_embedder(config.model, cache_dir=config.cache_dir)
    vectors = embed.encode(embedder, [c.text for c in canon], batch_size=config.batch_size)
    rows: list[np.ndarray] = []
    start = 0
    for cs in per_doc:
        rows.append(vectors[start : start + len(cs)])
        start += len(cs)
    # one set of parse readings for the whole file, as for a batch: a
    # sentence that recurs in several rows is read once
    frames = Frames(config.spacy_model, ReadingCache(config.cache_dir))
    out = []
    for n, p in enumerate(pairs):
        out.append(
            _best(per_doc[2 * n], rows[2 * n], per_doc[2 * n + 1], rows[2 * n + 1], p, config,
                  frames)
        )
    return out


def _whole(doc: Document) -> Claim:
    text = doc.text.strip()
    start = doc.text.find(text)
    return Claim(id=f"{doc.id}:0", doc=doc.id, sentence=0, start=start,
                 end=start + len(text), text=text)


def _best(
    ca: list[Claim], va: np.ndarray, cb: list[Claim], vb: np.ndarray, p: Pair, config: Config,
    frames: Frames,
) -> Comparison:
    from checker.match import match_score, slot_overlap

    sims = va @ vb.T
    best: tuple[float, float, bool, int, int] | None = None
    for i in range(len(ca)):
        for j in range(len(cb)):  # a handful of claims per sentence
            sim = float(sims[i, j])
            ov = slot_overlap(ca[i], cb[j])
            shared = ov.strong or ov.rare >= 0.3
            score = match_score(sim, ov.score)
            if best is None or score > best[0]:
                best = (score, sim, shared, i, j)
    assert best is not None
    score, sim, shared, i, j = best
    a, b = ca[i], cb[j]
    if (sim < config.unrelated_similarity and not shared) or sim < config.unrelated_similarity - 0.2:
        return Comparison(
            "unrelated", None, round(1.0 - score, 4),
            f"{quote(a)} vs {quote(b)}: not about the same fact "
            f"(similarity {sim:.2f}, no shared slot)" if not shared else
            f"{quote(a)} vs {quote(b)}: not about the same fact (similarity {sim:.2f})",
            "match.v1",
        )
    ctx = PairContext(
        published_a=p.published_a, published_b=p.published_b, similarity=sim, match=score,
        update_days=config.update_days, frames=frames,
    )
    return compare_claims(a, b, ctx)
