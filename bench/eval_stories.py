"""Story clusters against the true stories: BASIL (one batch) and GVA (mixed batches).

A story cluster is ``Events.cluster`` (the report's stories); the pairs a
batch may compare are ``Events.allowed``. For each corpus this prints:

* pairwise precision / recall / F1 of the clusters (document pairs put in
  one cluster vs pairs of one true story) and B-cubed precision / recall;
* the precision and recall of the comparable document pairs (``allowed``);
* the share of multi-document findings that join two true stories;
* how far apart in time articles of one true story were published.

BASIL: the file prefix before ``_`` names the story; all 150 articles are
checked as one batch. GVA: incidents are shuffled and checked in batches of
20 as ``bench/eval_gva.py`` builds them (same seed, same order).

Usage: .venv/bin/python bench/eval_stories.py [--corpus basil,gva]
       [--gva-limit N] [--cache-dir /tmp/claimcheck-stories] [--show] [--no-dates]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import time
from collections.abc import Sequence
from pathlib import Path

from checker import ingest, pipeline
from checker.config import Config
from checker.events import event_clusters
from checker.model import Document

HERE = Path(__file__).resolve().parent.parent
EVAL = HERE.parent / "shared/eval"


class Tally:
    """Counts summed over batches."""

    def __init__(self) -> None:
        self.c: dict[str, float] = {}

    def add(self, key: str, n: float) -> None:
        self.c[key] = self.c.get(key, 0.0) + n

    def get(self, key: str) -> float:
        return self.c.get(key, 0.0)


def score_batch(
    documents: Sequence[Document], gold: dict[str, str], config: Config, tally: Tally,
    *, show: bool = False,
) -> None:
    analysis = pipeline.analyse(documents, config)
    report = analysis.report
    docs = report.documents
    events = event_clusters(docs, report.claims, analysis.vectors, config)
    n = len(docs)
    truth = [gold[d.id] for d in docs]
    for a in range(n):
        for b in range(a + 1, n):
            same_true = truth[a] == truth[b]
            same_pred = events.cluster[a] == events.cluster[b]
            pa, pb = docs[a].published, docs[b].published
            if same_true and pa is not None and pb is not None:
                gap = abs((pa - pb).days)
                tally.add("dated_true_pairs", 1)
                tally.add("true_pairs_week_apart", gap > 7)
                tally.add("true_pairs_180_days_apart", gap > 180)
            tally.add("true_pairs", same_true)
            tally.add("pred_pairs", same_pred)
            tally.add("both_pairs", same_true and same_pred)
            if docs[a].outlet != docs[b].outlet or docs[a].outlet is None:
                allowed = bool(events.allowed[a, b])
                tally.add("true_cmp", same_true)
                tally.add("pred_cmp", allowed)
                tally.add("both_cmp", same_true and allowed)
    # B-cubed: per document, the share of its cluster that is its story and
    # the share of its story that is in its cluster.
    for a in range(n):
        cl = [b for b in range(n) if events.cluster[b] == events.cluster[a]]
        st = [b for b in range(n) if truth[b] == truth[a]]
        both = sum(truth[b] == truth[a] for b in cl)
        tally.add("b3_p", both / len(cl))
        tally.add("b3_r", both / len(st))
        tally.add("docs", 1)
    tally.add("stories", len(set(truth)))
    tally.add("clusters", len(set(events.cluster)))
    story_of = {d.id: gold[d.id] for d in docs}
    for f in report.findings:
        if len(set(f.docs)) < 2:
            continue
        tally.add("multi", 1)
        cross = len({story_of[d] for d in f.docs}) > 1
        tally.add("cross", cross)
        if f.verdict in ("conflict", "disputed", "scope", "update"):
            tally.add("multi_flag", 1)
            tally.add("cross_flag", cross)
    if show:
        clusters: dict[int, list[str]] = {}
        for d, c in zip(docs, events.cluster, strict=True):
            clusters.setdefault(c, []).append(d.id)
        for c, ids in sorted(clusters.items()):
            stories = {gold[i] for i in ids}
            if len(stories) > 1:
                print(f"  mixed cluster {c}: {sorted(ids)}")


def summary(name: str, t: Tally, seconds: float) -> dict[str, object]:
    def ratio(a: float, b: float) -> float | None:
        return round(a / b, 4) if b else None

    p, r = ratio(t.get("both_pairs"), t.get("pred_pairs")), ratio(
        t.get("both_pairs"), t.get("true_pairs"))
    return {
        "corpus": name,
        "documents": int(t.get("docs")),
        "true_stories": int(t.get("stories")),
        "clusters": int(t.get("clusters")),
        "pairwise_precision": p,
        "pairwise_recall": r,
        "pairwise_f1": round(2 * p * r / (p + r), 4) if p and r else None,
        "bcubed_precision": ratio(t.get("b3_p"), t.get("docs")),
        "bcubed_recall": ratio(t.get("b3_r"), t.get("docs")),
        "comparable_pair_precision": ratio(t.get("both_cmp"), t.get("pred_cmp")),
        "comparable_pair_recall": ratio(t.get("both_cmp"), t.get("true_cmp")),
        "multi_doc_findings": int(t.get("multi")),
        "cross_story_findings": int(t.get("cross")),
        "cross_story_share": ratio(t.get("cross"), t.get("multi")),
        "flagged_multi_doc_findings": int(t.get("multi_flag")),
        "flagged_cross_story_share": ratio(t.get("cross_flag"), t.get("multi_flag")),
        "true_pairs_over_a_week_apart": ratio(
            t.get("true_pairs_week_apart"), t.get("dated_true_pairs")),
        "true_pairs_over_180_days_apart": ratio(
            t.get("true_pairs_180_days_apart"), t.get("dated_true_pairs")),
        "seconds": round(seconds, 1),
    }


def basil(config: Config, folder: Path, show: bool, no_dates: bool) -> dict[str, object]:
    t0 = time.perf_counter()
    batch = ingest.load([folder])
    gold = {d.id: Path(d.path).name.split("_", 1)[0] for d in batch.documents}
    docs = batch.documents
    if no_dates:
        # as if all 150 articles came from one day's feed: words alone decide
        docs = tuple(dataclasses.replace(d, published=None) for d in docs)
    tally = Tally()
    score_batch(docs, gold, config, tally, show=show)
    return summary("basil_dev" + (" (no dates)" if no_dates else ""), tally,
                   time.perf_counter() - t0)


def gva(config: Config, data: Path, batch_size: int, limit: int | None, seed: int,
        show: bool) -> dict[str, object]:
    t0 = time.perf_counter()
    incidents = [json.loads(line) for line in data.read_text().splitlines() if line.strip()]
    rng = random.Random(seed)
    rng.shuffle(incidents)
    if limit:
        incidents = incidents[:limit]
    tally = Tally()
    for b in range(0, len(incidents), batch_size):
        gold: dict[str, str] = {}
        docs = []
        for inc in incidents[b : b + batch_size]:
            for d in inc["documents"]:
                did = f"{inc['incident_id']}-{d['doc_id'][:8]}"
                gold[did] = inc["incident_id"]
                text = (d.get("title") or "") + "\n" + d["text"]
                docs.append(ingest.document_from_text(
                    text, id=did, published=d.get("dct") or None,
                    outlet=d.get("outlet_domain"),
                ))
        rng.shuffle(docs)
        score_batch(docs, gold, config, tally, show=show)
        print(f"gva batch {b // batch_size + 1}: cross-story findings "
              f"{int(tally.get('cross'))}/{int(tally.get('multi'))}", flush=True)
    return summary("gva_dev", tally, time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="basil,gva")
    ap.add_argument("--basil", type=Path, default=EVAL / "basil_dev")
    ap.add_argument("--gva", type=Path, default=EVAL / "gva_dev.jsonl")
    ap.add_argument("--gva-batch", type=int, default=20)
    ap.add_argument("--gva-limit", type=int, default=None)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/claimcheck-stories"))
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--show", action="store_true", help="list clusters that mix stories")
    ap.add_argument("--no-dates", action="store_true",
                    help="BASIL without publication dates (one day's feed)")
    args = ap.parse_args()
    config = Config(model=args.model, cache_dir=args.cache_dir)
    wanted = set(args.corpus.split(","))
    out = []
    if "basil" in wanted:
        out.append(basil(config, args.basil, args.show, args.no_dates))
        print(json.dumps(out[-1], indent=2), flush=True)
    if "gva" in wanted:
        out.append(gva(config, args.gva, args.gva_batch, args.gva_limit, args.seed, args.show))
        print(json.dumps(out[-1], indent=2), flush=True)


if __name__ == "__main__":
    main()
