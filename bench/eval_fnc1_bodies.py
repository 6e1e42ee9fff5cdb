"""FNC-1 bodies of one rumour, from different outlets, checked as one batch
and read as an editor would: the precision of differences on news the rules
were not grown on.

The headline/body measure (``bench/eval_fnc1.py``) asks whether a refuting
body is flagged against a headline. This one asks the report's own question
on several full articles about one event: of the conflict / disputed /
update / scope findings between them, how many are real. A rumour's bodies
are its related pairs' bodies (``bench/fnc1.py``); rumours with two or more
are taken, up to ``--per-rumour`` bodies each (one that refutes a headline of
the rumour first, when there is one, so the batches hold real disagreement).
``--sample 2`` takes the next bodies of each rumour (none of sample 1's), one
refuting body first again when one is left: a second set of articles, read
after sample 1 (the rumours, and so the stories, are the same); ``--sample 3``
the next ones again, and so on.

Findings are judged in ``bench/judgements/fnc1_bodies.tsv`` like BASIL's
(``bench/eval_basil.py``): a hash of the verdict and claim texts, ``real`` or
``false``, and why in our words; never the texts.

Usage: .venv/bin/python bench/eval_fnc1_bodies.py [--split heldout|dev]
       [--sample N] [--per-rumour 4] [--show unjudged|false|all|none] [--json]
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
from eval_basil import JUDGED, finding_key, load_judgements

from checker import ingest, pipeline
from checker.config import Config

HERE = Path(__file__).resolve().parent


def _choose(bodies: list[str], stances: dict[str, set[str]], n: int) -> list[str]:
    """Up to ``n`` of ``bodies`` (in order), a refuting one first."""
    refuting = [b for b in bodies if "disagree" in stances[b]]
    rest = [b for b in bodies if b not in refuting[:1]]
    return (refuting[:1] + rest)[:n]


def batches(data_dir: Path, split: str, per_rumour: int,
            sample: int = 1) -> list[tuple[str, list[tuple[str, str]]]]:
    """(rumour, [(body id, stances toward the rumour's headlines)]) per rumour
    of the split with two or more related bodies left for ``sample``, in a
    hash order."""
    stances: dict[str, dict[str, set[str]]] = {}
    for p in fnc1.pairs(data_dir):
        side = "dev" if p.split in ("train", "calibration") else p.split
        if p.stance == "unrelated" or side != split:
            continue
        stances.setdefault(p.rumour, {}).setdefault(p.body_id, set()).add(p.stance)
    out = []
    for rumour in sorted(stances, key=lambda r: fnc1.hash_int(f"bodies:{r}")):
        bodies = sorted(stances[rumour], key=lambda b: fnc1.hash_int(f"body:{b}"))
        for _ in range(sample - 1):
            taken = _choose(bodies, stances[rumour], per_rumour)
            bodies = [b for b in bodies if b not in taken]
        if len(bodies) < 2:
            continue
        chosen = _choose(bodies, stances[rumour], per_rumour)
        out.append((rumour, [(b, "/".join(sorted(stances[rumour][b]))) for b in chosen]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=fnc1.DATA)
    ap.add_argument("--split", choices=("dev", "heldout"), default="heldout")
    ap.add_argument("--sample", type=int, choices=range(1, 10), default=1, metavar="N",
                    help="1: the first bodies of each rumour; 2: the next ones; "
                         "3: the next ones again (1-9)")
    ap.add_argument("--per-rumour", type=int, default=4)
    ap.add_argument("--judgements", type=Path, default=HERE / "judgements/fnc1_bodies.tsv")
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/claimcheck-fnc1-bodies"))
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--show", choices=("false", "unjudged", "all", "none"), default="unjudged")
    ap.add_argument("--json", action="store_true", help="print only the figures, as JSON")
    args = ap.parse_args()

    texts = fnc1.bodies(args.data_dir)
    judged = load_judgements(args.judgements)
    config = Config(model=args.model, cache_dir=args.cache_dir)
    per: dict[str, Counter[str]] = {v: Counter() for v in JUDGED}
    verdicts: Counter[str] = Counter()
    t0 = time.perf_counter()
    todo = batches(args.data_dir, args.split, args.per_rumour, args.sample)
    for rumour, chosen in todo:
        docs = [ingest.document_from_text(texts[b], id=f"body{b}", outlet=f"outlet{b}")
                for b, _ in chosen]
        stance = {f"body{b}": s for b, s in chosen}
        report = pipeline.analyse(docs, config).report
        claims = {c.id: c for c in report.claims}
        for f in report.findings:
            verdicts[f.verdict] += 1
            if f.verdict not in JUDGED:
                continue
            key = finding_key(f, claims)
            label = judged.get(key, "unjudged")
            per[f.verdict][label] += 1
            if not args.json and (
                args.show == "all" or args.show == label
            ):
                print(f"\n{key}\t{f.verdict}/{f.kind or '-'}\t{label}\t{f.comparator}\trumour {rumour}")
                for cid in f.claims:
                    c = claims[cid]
                    print(f"   [{c.doc} {stance.get(c.doc)} | {c.certainty} | {c.source}] "
                          f"{' '.join(c.text.split())[:400]}")
                print(f"   => {f.rationale[:300]}")
    figures: dict[str, object] = {
        "split": args.split,
        "sample": args.sample,
        "rumours": len(todo),
        "documents": sum(len(c) for _, c in todo),
        "seconds": round(time.perf_counter() - t0, 1),
        "findings": dict(verdicts.most_common()),
    }
    real = false = 0
    for v, counts in per.items():
        r, f = counts["real"], counts["false"]
        real, false = real + r, false + f
        figures[v] = {"real": r, "false": f, "unjudged": counts["unjudged"],
                      "precision": round(r / (r + f), 4) if r + f else None}
    figures["differences"] = {"real": real, "false": false,
                              "precision": round(real / (real + false), 4) if real + false else None}
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
