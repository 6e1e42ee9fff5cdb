"""Measure time and casualty-count extraction on the GVA dev set.

For each incident (2+ local news articles, gold date and killed/injured
counts): does any article's event time interval contain the gold date, and
is the gold killed (injured) count extracted as a count quantity of a claim
about deaths (injuries)? Rates are reported over incidents with gold > 0 and
overall, where an incident with gold 0 counts as right when no article
states a non-zero count of that kind (news rarely writes "0 killed").

The data is read at run time from ../shared/eval/ (never copied into the
repo).

    .venv/bin/python bench/eval_extraction.py [PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.model import Claim, Document  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "gva_dev.jsonl"
DEATH = re.compile(
    r"\b(kill\w*|dead|die[ds]?|death\w*|fatal\w*|slain|murder\w*|homicide\w*|lives)\b", re.I
)
INJURY = re.compile(r"\b(injur\w*|wound\w*|hurt|hospitali[sz]ed)\b", re.I)


def _counts(claims: list[Claim], about: re.Pattern[str]) -> list[tuple[float | None, float | None]]:
    """Intervals of count quantities in claims about deaths / injuries.

    A quantity is about it when its counted thing is (``3 dead``) or the words
    right around it are (``killed two people``, ``two were injured``)."""
    out = []
    for c in claims:
        for q in c.quantities:
            if q.unit is not None:
                continue
            rel_s, rel_e = q.start - c.start, q.end - c.start
            window = c.text[max(0, rel_s - 40) : rel_e + 60]
            if (q.thing and about.search(q.thing)) or about.search(window):
                out.append((q.low, q.high))
    return out


def _contains(interval: tuple[float | None, float | None], gold: float) -> bool:
    low, high = interval
    return (low is None or low <= gold) and (high is None or gold <= high)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="first N incidents only")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from checker import nlp as nlp_module
    from checker.config import DEFAULT_SPACY
    from checker.extract import extract
    from checker.segment import parse

    incidents = []
    with args.path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                incidents.append(json.loads(line))
            if args.limit is not None and len(incidents) >= args.limit:
                break
    docs: list[Document] = []
    owner: list[int] = []
    for k, inc in enumerate(incidents):
        for d in inc["documents"]:
            text = d["text"] or ""
            published = dt.date.fromisoformat(d["dct"][:10]) if d.get("dct") else None
            docs.append(
                Document(
                    id=f"{inc['incident_id']}/{d['doc_id']}",
                    path=d.get("url") or d["doc_id"],
                    text=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    published=published,
                )
            )
            owner.append(k)

    language = nlp_module.load(DEFAULT_SPACY)
    t0 = time.perf_counter()
    per_incident: list[list[Claim]] = [[] for _ in incidents]
    extract_s = 0.0
    for i, parsed in enumerate(parse(docs, language)):
        t = time.perf_counter()
        per_incident[owner[i]].extend(extract(parsed))
        extract_s += time.perf_counter() - t
    total_s = time.perf_counter() - t0

    date_hit = 0
    stats = {"killed": [0, 0, 0, 0], "injured": [0, 0, 0, 0]}  # hit>0, n>0, hit all, n all
    for inc, claims in zip(incidents, per_incident, strict=True):
        gold = inc["gold"]
        day = dt.date.fromisoformat(gold["date"])
        if any(
            t.role == "event"
            and t.low is not None
            and t.high is not None
            and t.low <= day <= t.high
            for c in claims
            for t in c.times
        ):
            date_hit += 1
        for kind, about in (("killed", DEATH), ("injured", INJURY)):
            n = int(gold[f"num_{kind}"])
            found = _counts(claims, about)
            s = stats[kind]
            if n > 0:
                ok = any(_contains(iv, n) for iv in found)
                s[0] += ok
                s[1] += 1
            else:
                ok = all(iv[0] == 0 or _contains(iv, 0) for iv in found)
            s[2] += ok
            s[3] += 1

    n = len(incidents)
    print(
        f"GVA dev: {n} incidents, {len(docs)} articles, "
        f"parse+extract {total_s:.1f}s (extract alone {extract_s:.1f}s, "
        f"{1000 * extract_s / max(1, len(docs)):.1f} ms/article)"
    )
    print(f"{'measure':<28}{'hits':>8}{'of':>8}{'rate':>8}")
    print(f"{'date in an event time':<28}{date_hit:>8}{n:>8}{date_hit / max(1, n):>8.1%}")
    for kind, (h, m, ha, ma) in stats.items():
        print(f"{kind + ' count (gold > 0)':<28}{h:>8}{m:>8}{h / max(1, m):>8.1%}")
        print(f"{kind + ' count (all)':<28}{ha:>8}{ma:>8}{ha / max(1, ma):>8.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
