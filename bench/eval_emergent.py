"""Emergent headlines: ``for`` vs ``against`` headlines of one claim should be
flagged (disputed/conflict), ``for`` vs ``for`` should not. Headlines carry
no dates. Uses ``compare_pairs_file`` (models loaded once).

Usage: .venv/bin/python bench/eval_emergent.py [--data ../shared/eval/emergent_headlines.csv]
       [--pairs-per-claim 2] [--limit N] [--show for-against:agree]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
import time
from pathlib import Path

from checker.compare import compare_pairs_file
from checker.config import Config

HERE = Path(__file__).resolve().parent.parent
FLAGS = ("conflict", "disputed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path,
                    default=HERE.parent / "shared/eval/emergent_headlines.csv")
    ap.add_argument("--pairs-per-claim", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="claims to use")
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/claimcheck-emergent"))
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--show", action="append", default=[], metavar="KIND:VERDICT",
                    help="print the pairs of this kind given this verdict, with the rationale "
                         "(e.g. for-against:agree); repeatable")
    args = ap.parse_args()
    rng = random.Random(5)
    by_claim: dict[str, dict[str, list[str]]] = {}
    with args.data.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            stance = row["articleHeadlineStance"]
            if stance in ("for", "against"):
                by_claim.setdefault(row["claimId"], {"for": [], "against": []})[stance].append(
                    row["articleHeadline"])
    claims = sorted(by_claim)
    rng.shuffle(claims)
    if args.limit:
        claims = claims[: args.limit]
    pairs: list[tuple[str, str, str]] = []
    for cid in claims:
        fo, ag = by_claim[cid]["for"], by_claim[cid]["against"]
        for _ in range(args.pairs_per_claim):
            if fo and ag:
                pairs.append(("for-against", rng.choice(fo), rng.choice(ag)))
            if len(fo) >= 2:
                a, b = rng.sample(fo, 2)
                pairs.append(("for-for", a, b))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.jsonl"
        path.write_text("\n".join(json.dumps({"a": a, "b": b}) for _, a, b in pairs) + "\n",
                        encoding="utf-8")
        t0 = time.perf_counter()
        results = list(compare_pairs_file(path, Config(model=args.model,
                                                       cache_dir=args.cache_dir)))
        secs = time.perf_counter() - t0
    stats: dict[str, list[int]] = {"for-against": [0, 0], "for-for": [0, 0]}
    verdicts: dict[str, dict[str, int]] = {"for-against": {}, "for-for": {}}
    for (kind, a, b), c in zip(pairs, results, strict=True):
        if f"{kind}:{c.verdict}" in args.show:
            print(f"--- {kind} {c.verdict} [{c.comparator}]\n    A: {a}\n    B: {b}\n"
                  f"    {c.rationale}")
        stats[kind][0] += 1
        stats[kind][1] += int(c.verdict in FLAGS)
        verdicts[kind][c.verdict] = verdicts[kind].get(c.verdict, 0) + 1
    fa, ff = stats["for-against"], stats["for-for"]
    print(json.dumps({
        "claims": len(claims), "pairs": len(pairs), "seconds": round(secs, 1),
        "for_against_pairs": fa[0], "recall_flagged": round(fa[1] / fa[0], 4) if fa[0] else None,
        "for_for_pairs": ff[0],
        "specificity_not_flagged": round(1 - ff[1] / ff[0], 4) if ff[0] else None,
        "verdicts": verdicts,
    }, indent=2))


if __name__ == "__main__":
    main()
