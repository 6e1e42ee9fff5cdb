"""FNC-1: headline and body as two outlets' articles, flagged rates per stance.

Each headline/body pair is checked as one batch of two documents (no dates)
through the real pipeline (``pipeline.analyse``, one config and document
cache for the whole run). A pair is *flagged* when a ``conflict`` or
``disputed`` finding joins the headline and the body. A ``disagree`` body
refutes its headline and should be flagged; an ``agree`` body should not.

Bodies are split in two halves by a hash of their Body ID: ``dev`` (looked at
while developing the rules) and ``heldout`` (reported). Within a split, pairs
are taken per stance in the order of a hash of (Body ID, headline), so the
sample is deterministic and spread over many bodies.

Usage: .venv/bin/python bench/eval_fnc1.py [--split heldout|dev] [--per-stance 100]
       [--stances agree,disagree,discuss] [--show] [--data-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

from checker import ingest, pipeline
from checker.config import Config

HERE = Path(__file__).resolve().parent.parent
FLAGS = ("conflict", "disputed")
STANCES = ("agree", "disagree", "discuss", "unrelated")


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


def split_of(body_id: str) -> str:
    """``dev`` or ``heldout``: half the bodies each, fixed by the Body ID."""
    return "dev" if _hash(f"fnc1-body:{body_id}") % 2 == 0 else "heldout"


def sample(
    stances_csv: Path, split: str, per_stance: int, wanted: tuple[str, ...]
) -> list[tuple[str, str, str]]:
    """(stance, headline, body id) rows of ``split``, ``per_stance`` each."""
    rows: dict[str, list[tuple[int, str, str]]] = {s: [] for s in wanted}
    with stances_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            stance, body = row["Stance"], row["Body ID"]
            if stance not in rows or split_of(body) != split:
                continue
            rows[stance].append((_hash(f"{body}\x1f{row['Headline']}"), row["Headline"], body))
    out = []
    for stance in wanted:
        for _, headline, body in sorted(rows[stance])[:per_stance]:
            out.append((stance, headline, body))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=HERE.parent / "shared/eval")
    ap.add_argument("--split", choices=("dev", "heldout"), default="heldout")
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
    with (args.data_dir / "fnc1_train_bodies.csv").open(encoding="utf-8") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    pairs = sample(args.data_dir / "fnc1_train_stances.csv", args.split, args.per_stance, wanted)
    config = Config(model=args.model, cache_dir=args.cache_dir)
    stats: dict[str, list[int]] = {s: [0, 0] for s in wanted}
    by: dict[str, Counter[str]] = {s: Counter() for s in wanted}
    t0 = time.perf_counter()
    for n, (stance, headline, body_id) in enumerate(pairs):
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
