"""FNC-1: headline and body as two outlets' articles, flagged rates per stance.

Each headline/body pair is checked as one batch of two documents (no dates)
through the real pipeline (``pipeline.analyse``, one config and document
cache for the whole run). A pair is *flagged* when a ``conflict`` or
``disputed`` finding joins the headline and the body. A ``disagree`` body
refutes its headline and should be flagged; an ``agree`` body should not.

The split is by rumour (``bench/fnc1.py``): rules were read and the
experimental verifier (``bench/train_verifier.py``) trained on the ``train``
and ``calibration`` rumours (together ``dev``); ``heldout`` rumours share no
topic, headline or body with them. Within a split, pairs are taken per stance in the order of a hash
of (Body ID, headline), so the sample is deterministic and spread over many
bodies.

Usage: .venv/bin/python bench/eval_fnc1.py [--split heldout|dev|train|calibration]
       [--per-stance 100] [--stances agree,disagree,discuss]
       [--show] [--data-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fnc1
from fnc1 import STANCES

from checker import ingest, pipeline
from checker.config import Config

FLAGS = ("conflict", "disputed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=fnc1.DATA)
    ap.add_argument("--split", choices=("dev", *fnc1.SPLITS), default="heldout")
    ap.add_argument("--per-stance", type=int, default=100)
    ap.add_argument("--stances", default="agree,disagree,discuss",
                    help=f"comma-separated, from {','.join(STANCES)}")
    ap.add_argument("--show", action="store_true",
                    help="print each flagged pair's finding (and missed disagreements)")
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/claimcheck-fnc1"))
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    args = ap.parse_args()
    wanted = tuple(s for s in args.stances.split(",") if s)
    if bad := [s for s in wanted if s not in STANCES]:
        ap.error(f"unknown stance {bad[0]!r}")
    bodies = fnc1.bodies(args.data_dir)
    pairs = fnc1.sample(args.data_dir, args.split, args.per_stance, wanted)
    config = Config(model=args.model, cache_dir=args.cache_dir)
    stats: dict[str, list[int]] = {s: [0, 0] for s in wanted}
    by: dict[str, Counter[str]] = {s: Counter() for s in wanted}
    t0 = time.perf_counter()
    for n, p in enumerate(pairs):
        stance, headline, body_id = p.stance, p.headline, p.body_id
        docs = [
            ingest.document_from_text(headline, id="headline", outlet="headline"),
            ingest.document_from_text(bodies[body_id], id="body", outlet="body"),
        ]
        report = pipeline.analyse(docs, config).report
        hits = [f for f in report.findings
                if f.verdict in FLAGS and "headline" in f.docs and "body" in f.docs]
        stats[stance][0] += 1
        stats[stance][1] += int(bool(hits))
        for f in hits[:1]:
            by[stance][f"{f.verdict}/{f.comparator}"] += 1
        if args.show and (hits or stance == "disagree"):
            print(f"--- {stance} body {body_id}: {'FLAGGED' if hits else 'missed'}")
            print(f"    H: {headline}")
            for f in hits[:2]:
                print(f"    {f.verdict} {f.kind or ''} [{f.comparator}] {f.rationale}")
        if n % 50 == 49:
            print(n + 1, {k: f"{v[1]}/{v[0]}" for k, v in stats.items()}, flush=True)
    out = {
        "split": args.split,
        "per_stance": args.per_stance,
        "stances": {
            s: {"n": v[0], "flagged": v[1], "share": round(v[1] / v[0], 4) if v[0] else None,
                "by": dict(by[s].most_common())}
            for s, v in stats.items()
        },
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
