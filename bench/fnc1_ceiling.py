"""FNC-1: how many bodies refute in so many words, per stance.

A reader of explicit refutation (a denial verb, a word that calls a report
false, "not true", "no evidence") can flag a body only if the body has such
a word. This counts, over the same pairs ``bench/eval_fnc1.py`` samples,
the bodies that carry at least one, so the flagged rates of that script can
be read against a ceiling: a body that contradicts its headline only by
telling other facts ("the crater was made by a meteorite" against a
headline that doubts it) is out of reach of any rule that reads refutation,
and needs inference between sentences.

The words are the extractor's own (``checker.extract.certainty``): words
that call a report false, nouns that call something unreal, inflected
denial verbs, plus "debunk", "not true" and "no evidence".

Usage: .venv/bin/python bench/fnc1_ceiling.py [--per-stance 100] [--data-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fnc1

from checker.extract.certainty import FALSITY_NOUNS, FALSITY_WORDS, HEADLINE_DENIAL

_WORDS = sorted(FALSITY_WORDS | FALSITY_NOUNS | HEADLINE_DENIAL, key=len, reverse=True)
EXPLICIT = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _WORDS)) + r"|debunk\w*|not\s+true|no\s+evidence)\b",
    re.IGNORECASE,
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=fnc1.DATA)
    ap.add_argument("--per-stance", type=int, default=100)
    args = ap.parse_args()
    bodies = fnc1.bodies(args.data_dir)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for split in ("dev", "heldout"):
        out[split] = {}
        for stance in ("agree", "disagree", "discuss"):
            pairs = fnc1.sample(args.data_dir, split, args.per_stance, (stance,))
            n = sum(bool(EXPLICIT.search(bodies[p.body_id])) for p in pairs)
            out[split][stance] = {"n": len(pairs), "explicit": n,
                                  "share": round(n / len(pairs), 4) if pairs else 0.0}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
