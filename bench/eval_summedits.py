"""SummEdits (news): each summary checked against its article.

Reports the recall of inconsistent summaries whose edit changes a number, a
date or a negation (flagged: a conflict/disputed finding involving the
summary), and the share of consistent summaries wrongly flagged.

Usage: .venv/bin/python bench/eval_summedits.py [--data ../shared/eval/summedits_news.json]
       [--limit N] [--cache-dir /tmp/claimcheck-summedits]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from checker import ingest, pipeline
from checker.config import Config

HERE = Path(__file__).resolve().parent.parent
_NUM = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|"
                  r"thousand|million|billion|january|february|march|april|may|june|july|august|"
                  r"september|october|november|december|monday|tuesday|wednesday|thursday|"
                  r"friday|saturday|sunday)\b", re.I)
FLAGS = ("conflict", "disputed")


def edit_kind(row: dict) -> str | None:
    """'number/date' when the edit changes a number or date token, 'negation' for
    negation edits, else None."""
    if "negation" in str(row.get("edit_types")):
        return "negation"
    a = sorted(m.lower() for m in _NUM.findall(row.get("original_summary") or ""))
    b = sorted(m.lower() for m in _NUM.findall(row["summary"]))
    return "number/date" if a != b else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parent / "shared/eval/summedits_news.json")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/claimcheck-summedits"))
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--show", action="store_true",
                    help="print the findings that flag consistent summaries (for reading)")
    args = ap.parse_args()
    rows = json.loads(args.data.read_text())
    random.Random(7).shuffle(rows)
    if args.limit:
        rows = rows[: args.limit]
    config = Config(model=args.model, cache_dir=args.cache_dir)
    stats: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    for n, row in enumerate(rows):
        label = int(row["label"])
        kind = "consistent" if label == 1 else edit_kind(row)
        if kind is None:
            continue
        docs = [
            ingest.document_from_text(row["doc"], id="article", outlet="article"),
            ingest.document_from_text(row["summary"], id="summary", outlet="summary"),
        ]
        report = pipeline.analyse(docs, config).report
        hits = [f for f in report.findings
                if f.verdict in FLAGS and "summary" in f.docs and "article" in f.docs]
        flagged = bool(hits)
        if args.show and kind == "consistent":
            texts = {c.id: " ".join(c.text.split()) for c in report.claims}
            for f in hits:
                print(f"  false flag {f.verdict}/{f.kind} {f.comparator}: "
                      + " || ".join(texts[c][:200] for c in f.claims), flush=True)
        s = stats.setdefault(kind, [0, 0])
        s[0] += 1
        s[1] += int(flagged)
        if n % 25 == 0:
            print(n, {k: f"{v[1]}/{v[0]}" for k, v in stats.items()}, flush=True)
    out = {k: {"n": v[0], "flagged": v[1], "share": round(v[1] / v[0], 4) if v[0] else None}
           for k, v in stats.items()}
    out["seconds"] = round(time.perf_counter() - t0, 1)  # type: ignore[assignment]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
