"""Cross-event leakage and killed/injured conflict precision on GVA incidents.

Incidents are checked in mixed batches (all their articles together,
shuffled with a fixed seed). Reports:

* the share of multi-document findings that link articles of different
  incidents (should be near zero);
* the precision of ``conflict``/``number`` findings of ``quantity.v1`` on
  killed or injured counts: right when at least one side's count differs
  from the gold count.

Usage: .venv/bin/python bench/eval_gva.py [--data ../shared/eval/gva_dev.jsonl]
       [--batch 20] [--skip N] [--limit N] [--cache-dir /tmp/claimcheck-gva]
       [--show none|wrong|all|differences]

``--skip 200 --limit 200`` takes the next 200 incidents of the same shuffle:
incidents none of ``--limit 200``'s runs has seen.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from checker import ingest, pipeline
from checker.config import Config
from checker.match import outcome

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parent / "shared/eval/gva_dev.jsonl")
    ap.add_argument("--batch", type=int, default=20, help="incidents per batch")
    ap.add_argument("--skip", type=int, default=0,
                    help="leave out the first N incidents of the shuffle (default 0)")
    ap.add_argument("--limit", type=int, default=None, help="incidents to use (default all)")
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/claimcheck-gva"))
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--show", choices=("none", "wrong", "all", "differences"), default="none",
                    help="print casualty conflicts (all, or those no side of which "
                         "differs from the gold count), or every conflict, disputed, "
                         "update and scope finding, for reading")
    args = ap.parse_args()

    incidents = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    rng = random.Random(args.seed)
    rng.shuffle(incidents)
    incidents = incidents[args.skip :]
    if args.limit:
        incidents = incidents[: args.limit]
    config = Config(model=args.model, cache_dir=args.cache_dir)

    multi = cross = 0
    conflicts = right = 0
    verdicts: dict[str, int] = {}
    ndocs = 0
    t0 = time.perf_counter()
    for b in range(0, len(incidents), args.batch):
        batch = incidents[b : b + args.batch]
        incident_of: dict[str, str] = {}
        gold: dict[str, dict[str, int]] = {}
        docs = []
        for inc in batch:
            gold[inc["incident_id"]] = {
                "killed": int(inc["gold"]["num_killed"]),
                "injured": int(inc["gold"]["num_injured"]),
            }
            for d in inc["documents"]:
                did = f"{inc['incident_id']}-{d['doc_id'][:8]}"
                incident_of[did] = inc["incident_id"]
                text = (d.get("title") or "") + "\n" + d["text"]
                docs.append(ingest.document_from_text(
                    text, id=did, published=d.get("dct") or None,
                    outlet=d.get("outlet_domain"),
                ))
        rng.shuffle(docs)
        ndocs += len(docs)
        report = pipeline.analyse(docs, config).report
        claims = {c.id: c for c in report.claims}
        for f in report.findings:
            verdicts[f.verdict] = verdicts.get(f.verdict, 0) + 1
            if args.show == "differences" and f.verdict not in ("agree", "unique"):
                print(f"{f.verdict} {f.comparator}: {f.rationale}")
            if len(set(f.docs)) >= 2:
                multi += 1
                if len({incident_of[d] for d in f.docs}) > 1:
                    cross += 1
            # casualty counts only: a person's two ages (age.v1) are a
            # conflict of number too, but no count of the killed or injured
            if f.verdict != "conflict" or f.kind != "number" or f.comparator != "quantity.v1":
                continue
            sides = []
            for cid in f.claims:
                c = claims[cid]
                for q in c.quantities:
                    o = outcome(c, q)
                    if o in ("killed", "injured"):
                        sides.append(q.value != gold[incident_of[c.doc]][o])
            if sides:
                conflicts += 1
                right += any(sides)
                if args.show == "all" or (args.show == "wrong" and not any(sides)):
                    print(f"{'right' if any(sides) else 'WRONG'} {f.id}: {f.rationale}")
        print(f"batch {b // args.batch + 1}: {len(docs)} docs, cumulative cross-incident "
              f"{cross}/{multi}, killed/injured conflicts right {right}/{conflicts}", flush=True)
    secs = time.perf_counter() - t0
    print(json.dumps({
        "incidents": len(incidents), "documents": ndocs, "seconds": round(secs, 1),
        "findings_by_verdict": verdicts,
        "multi_doc_findings": multi, "cross_incident_findings": cross,
        "cross_incident_share": round(cross / multi, 4) if multi else None,
        "casualty_conflicts": conflicts, "casualty_conflicts_right": right,
        "casualty_conflict_precision": round(right / conflicts, 4) if conflicts else None,
    }, indent=2))


if __name__ == "__main__":
    main()
