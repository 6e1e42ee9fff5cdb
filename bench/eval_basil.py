"""BASIL (50 US-politics stories x 3 outlets) checked as one batch, read as
an editor would.

Prints every conflict / disputed / update / scope finding for reading, and
scores them against judgements kept in ``bench/judgements/basil_dev.tsv``:
one line per finding, ``key<TAB>label`` where the key hashes the verdict and
the claim texts (never the texts themselves: the articles are the publishers'
copyright) and the label is ``real`` or ``false``. Unjudged findings are
listed with their key so they can be judged and added.

``--agree-sample N`` also prints and scores N ``agree`` findings, the ones
whose keys sort first (a hash: a fixed pseudo-random sample), judged in the
same file: ``real`` when both sentences state the same fact, ``false``
when they do not.

Also measured: the share of multi-outlet findings that join two stories (the
file prefix names the story), and recall of the discrepancies listed by
reading ten stories before looking at any report
(``bench/judgements/basil_discrepancies.json``: document ids and character
offsets of the two sentences, and a note in our own words).

Usage: .venv/bin/python bench/eval_basil.py [--data ../shared/eval/basil_dev]
       [--show false|unjudged|all|none] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

from checker.config import Config
from checker.model import Claim, Finding, Report
from checker.pipeline import check

HERE = Path(__file__).resolve().parent
JUDGED = ("conflict", "disputed", "update", "scope")
FLAGS = ("conflict", "disputed", "update")


def finding_key(f: Finding, claims: dict[str, Claim]) -> str:
    """Verdict plus the claim texts, hashed: stable across runs and claim ids."""
    texts = sorted(" ".join(claims[c].text.split()) for c in f.claims)
    return hashlib.sha1("\x1f".join([f.verdict, *texts]).encode("utf-8")).hexdigest()[:16]


def load_judgements(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, label = line.split("\t")[:2]
                out[key] = label.strip()
    return out


def story(doc: str) -> str:
    return doc.split("_", 1)[0]


def recall(report: Report, listed: list[dict[str, object]]) -> tuple[int, int, list[str]]:
    """Listed discrepancies found as a conflict, disputed or update finding
    whose claims overlap both listed sentences."""
    claims = {c.id: c for c in report.claims}
    spans = []
    for f in report.findings:
        if f.verdict in FLAGS:
            spans.append([(claims[c].doc, claims[c].start, claims[c].end) for c in f.claims])

    def hit(side: dict[str, object], members: list[tuple[str, int, int]]) -> bool:
        return any(
            d == side["doc"] and s < int(side["end"]) and int(side["start"]) < e  # type: ignore[call-overload]
            for d, s, e in members
        )

    found, missed = 0, []
    for item in listed:
        a, b = item["a"], item["b"]
        if any(hit(a, m) and hit(b, m) for m in spans):  # type: ignore[arg-type]
            found += 1
        else:
            missed.append(str(item.get("note", "")))
    return found, len(listed), missed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared/eval/basil_dev")
    ap.add_argument("--judgements", type=Path, default=HERE / "judgements/basil_dev.tsv")
    ap.add_argument("--discrepancies", type=Path,
                    default=HERE / "judgements/basil_discrepancies.json")
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/claimcheck-basil"))
    ap.add_argument("--show", choices=("false", "unjudged", "all", "none", "joining"),
                    default="unjudged",
                    help="findings to print for reading (joining: those that join two stories)")
    ap.add_argument("--json", action="store_true", help="print only the figures, as JSON")
    ap.add_argument("--agree-sample", type=int, default=40,
                    help="agree findings to print and score (0: none)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    analysis = check([args.data], Config(cache_dir=args.cache_dir))
    secs = time.perf_counter() - t0
    report = analysis.report
    claims = {c.id: c for c in report.claims}
    judged = load_judgements(args.judgements)

    per: dict[str, Counter[str]] = {v: Counter() for v in JUDGED}
    multi = cross = 0
    shown = 0
    for f in report.findings:
        if len(f.docs) > 1:
            multi += 1
            cross += len({story(d) for d in f.docs}) > 1
            if args.show == "joining" and len({story(d) for d in f.docs}) > 1 and not args.json:
                print(f"\njoining two stories: {f.verdict} {f.comparator} {' '.join(f.docs)}")
                for cid in f.claims:
                    print(f"   [{claims[cid].doc}] {' '.join(claims[cid].text.split())[:300]}")
        if f.verdict not in JUDGED:
            continue
        key = finding_key(f, claims)
        label = judged.get(key, "unjudged")
        if len({story(d) for d in f.docs}) > 1:
            label = "false"  # two stories joined: always wrong
        per[f.verdict][label] += 1
        if not args.json and (
            args.show == "all" or (args.show == "unjudged" and label == "unjudged")
            or (args.show == "false" and label == "false")
        ):
            shown += 1
            print(f"\n{key}\t{f.verdict}/{f.kind or '-'}\t{label}\t{f.comparator}\t{' '.join(f.docs)}")
            for cid in f.claims:
                c = claims[cid]
                print(f"   [{c.doc} | {c.certainty} | {c.source}] {' '.join(c.text.split())[:400]}")
            print(f"   => {f.rationale[:300]}")

    agree = sorted(
        ((finding_key(f, claims), f) for f in report.findings
         if f.verdict == "agree" and len(f.docs) > 1),
        key=lambda kf: kf[0],
    )[: args.agree_sample]
    agreeing: Counter[str] = Counter()
    for key, f in agree:
        label = "false" if len({story(d) for d in f.docs}) > 1 else judged.get(key, "unjudged")
        agreeing[label] += 1
        if not args.json and (args.show == "all" or (args.show == "unjudged"
                                                     and label == "unjudged")
                              or (args.show == "false" and label == "false")):
            print(f"\n{key}\tagree\t{label}\t{f.comparator}\t{' '.join(f.docs)}")
            for cid in f.claims:
                c = claims[cid]
                print(f"   [{c.doc} | {c.certainty} | {c.source}] {' '.join(c.text.split())[:400]}")
            print(f"   => {f.rationale[:300]}")

    figures: dict[str, object] = {
        "documents": len(report.documents),
        "seconds": round(secs, 1),
        "findings": dict(Counter(f.verdict for f in report.findings)),
        "multi_outlet_findings": multi,
        "joining_two_stories": cross,
        "joining_two_stories_share": round(cross / multi, 4) if multi else None,
    }
    for v, counts in per.items():
        real, false = counts["real"], counts["false"]
        figures[v] = {
            "real": real, "false": false, "unjudged": counts["unjudged"],
            "precision": round(real / (real + false), 4) if real + false else None,
        }
    real, false = agreeing["real"], agreeing["false"]
    figures["agree_sample"] = {
        "real": real, "false": false, "unjudged": agreeing["unjudged"],
        "precision": round(real / (real + false), 4) if real + false else None,
    }
    if args.discrepancies.exists():
        listed = json.loads(args.discrepancies.read_text(encoding="utf-8"))
        found, total, missed = recall(report, listed)
        figures["discrepancies_found"] = f"{found}/{total}"
        figures["discrepancy_recall"] = round(found / total, 4) if total else None
        if not args.json:
            for note in missed:
                print(f"missed: {note}")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
