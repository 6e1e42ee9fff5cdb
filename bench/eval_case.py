"""Case robustness: claims of a sentence against those of its title-case and
all-caps copies.

Sentences in running text are taken from corpora in the eval folder (read at
run time): SummEdits summaries, the lead paragraphs of GVA articles and the
Emergent claim headlines (written in sentence case). Each sentence that gives
at least one claim is rewritten three ways, each the same length as the
original (only case changes):

- ``title``: headline style, every word capitalised but short function words;
- ``title-all``: every word capitalised ("Dies At 81");
- ``caps``: all capitals.

Each copy is checked alone, as a headline is (no running text around it to
learn the names from). A copy *matches* when its claims, in order, have the
predicates, negation and certainty of the original's; *claim* counts copies
with any claim at all; *names* counts copies whose entity mentions are the
original's (case-folded). The original's own claims are the reference, so a
copy can only lose by case: the figure is how much case alone costs.

With ``--fnc1-headlines``, also count the distinct headlines of the FNC-1
``dev`` sample that ``bench/eval_fnc1.py --split dev --per-stance 100`` uses
that give no claim (headlines checked alone, as that script checks them).

Usage: .venv/bin/python bench/eval_case.py [--per-corpus 300] [--show N]
       [--data-dir ../shared/eval] [--fnc1-headlines]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from checker import ingest, nlp, segment
from checker.config import Config
from checker.extract import extract
from checker.model import Claim

HERE = Path(__file__).resolve().parent.parent
VARIANTS = ("title", "title-all", "caps")
_SMALL = frozenset("a an the and but or nor for at by in of on to as up vs via".split())
_WORD = re.compile(r"[^\W\d_][\w'’]*")


def title(text: str, *, small: bool = True) -> str:
    """Headline style: each word's first letter capitalised (short function
    words kept lower case when ``small``, but the first)."""
    def up(m: re.Match[str]) -> str:
        w = m.group()
        if small and m.start() > 0 and w.lower() in _SMALL:
            return w.lower()
        return w[0].upper() + w[1:]
    return _WORD.sub(up, text)


def copies(text: str) -> dict[str, str]:
    out = {"title": title(text), "title-all": title(text, small=False), "caps": text.upper()}
    return {k: v for k, v in out.items() if len(v) == len(text)}  # ß → SS changes length


def _order(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def summedits(data_dir: Path) -> Iterator[str]:
    rows = json.loads((data_dir / "summedits_news.json").read_text(encoding="utf-8"))
    texts = {r["summary"] for r in rows} | {r["original_summary"] for r in rows}
    yield from sorted(texts, key=_order)


def gva(data_dir: Path) -> Iterator[str]:
    paras = []
    with (data_dir / "gva_dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            for d in json.loads(line)["documents"]:
                lead = next((p.strip() for p in d["text"].split("\n") if p.strip()), "")
                if lead:
                    paras.append(lead)
    yield from sorted(set(paras), key=_order)


def emergent(data_dir: Path) -> Iterator[str]:
    with (data_dir / "emergent_headlines.csv").open(encoding="utf-8") as f:
        claims = {row["claimHeadline"].strip() for row in csv.DictReader(f)}
    yield from sorted(claims, key=_order)


CORPORA = {"summedits": summedits, "gva": gva, "emergent": emergent}


def signature(claims: tuple[Claim, ...]) -> tuple[tuple[str | None, bool, str], ...]:
    return tuple((c.predicate, c.negated, c.certainty) for c in claims)


def names(claims: tuple[Claim, ...]) -> set[str]:
    return {m.text.casefold() for c in claims for m in c.mentions}


def claims_of(texts: list[str], language: object) -> list[tuple[Claim, ...]]:
    docs = [ingest.document_from_text(t, id=f"s{k}") for k, t in enumerate(texts)]
    return [extract(p) for p in segment.parse(docs, language, n_process=1)]  # type: ignore[arg-type]


def sentences(texts: Iterator[str], language: object, limit: int) -> list[str]:
    """Sentences of 5 to 40 words that give a claim, up to ``limit``."""
    out: list[str] = []
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) < 64:
            continue
        out.extend(_claimed(batch, language))
        batch = []
        if len(out) >= limit:
            break
    if batch and len(out) < limit:
        out.extend(_claimed(batch, language))
    return out[:limit]


def _claimed(texts: list[str], language: object) -> list[str]:
    docs = [ingest.document_from_text(t, id=f"t{k}") for k, t in enumerate(texts)]
    out = []
    for parsed in segment.parse(docs, language, n_process=1):  # type: ignore[arg-type]
        for ps in parsed.sentences:
            words = ps.sentence.text.split()
            if 5 <= len(words) <= 40 and ps.sentence.text.strip() != title(ps.sentence.text):
                out.append(ps.sentence.text)
    keep = claims_of(out, language)
    return [s for s, c in zip(out, keep, strict=True) if c]


def fnc1_headlines(data_dir: Path, language: object, show: bool) -> dict[str, object]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import fnc1

    pairs = fnc1.sample(data_dir, "dev", 100, ("agree", "disagree", "discuss"))
    heads = sorted({p.headline for p in pairs})
    got = claims_of(heads, language)
    none = [h for h, c in zip(heads, got, strict=True) if not c]
    titled = [h for h in none if mode(h) != "mixed"]
    if show:
        for h in none:
            print(f"[fnc1 no claim] {h}", file=sys.stderr)
    return {"headlines": len(heads), "no_claim": len(none), "no_claim_title_or_caps": len(titled)}


def mode(text: str) -> str:
    """Title case or all caps by the headline test of this script (not the
    checker's), so the figure means the same before and after."""
    words = _WORD.findall(text)
    if len(words) >= 3 and sum(w.isupper() for w in words) >= 0.8 * len(words):
        return "caps"
    content = [w for w in words if w.lower() not in _SMALL]
    return "title" if content and all(w[0].isupper() for w in content) else "mixed"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=HERE.parent / "shared/eval")
    ap.add_argument("--per-corpus", type=int, default=300)
    ap.add_argument("--corpora", default=",".join(CORPORA))
    ap.add_argument("--show", type=int, default=0, help="print this many mismatches per variant")
    ap.add_argument("--fnc1-headlines", action="store_true")
    args = ap.parse_args()
    language = nlp.load(Config().spacy_model)
    t0 = time.perf_counter()
    result: dict[str, dict[str, object]] = {}
    if args.fnc1_headlines:
        result["fnc1_dev_headlines"] = fnc1_headlines(args.data_dir, language, args.show > 0)
    for name in [c for c in args.corpora.split(",") if c]:
        sents = sentences(CORPORA[name](args.data_dir), language, args.per_corpus)
        originals = claims_of(sents, language)
        row: dict[str, object] = {"n": len(sents)}
        for variant in VARIANTS:
            pairs = [(k, c[variant]) for k, s in enumerate(sents)
                     if variant in (c := copies(s))]
            got = claims_of([t for _, t in pairs], language)
            claim = match = same_names = 0
            shown = 0
            for (k, text), cl in zip(pairs, got, strict=True):
                claim += bool(cl)
                ok = signature(cl) == signature(originals[k])
                match += ok
                same_names += names(cl) == names(originals[k])
                if not ok and shown < args.show:
                    shown += 1
                    print(f"[{name}/{variant}] {text}\n    want {signature(originals[k])}"
                          f"\n    got  {signature(cl)}", file=sys.stderr)
            n = len(pairs)
            row[variant] = {
                "n": n, "claim": round(claim / n, 3), "match": round(match / n, 3),
                "names": round(same_names / n, 3),
            }
        result[name] = row
        print(name, json.dumps(row), flush=True, file=sys.stderr)
    print(json.dumps({"corpora": result, "seconds": round(time.perf_counter() - t0, 1)},
                     indent=2))


if __name__ == "__main__":
    main()
