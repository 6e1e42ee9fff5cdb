"""Measure time and casualty-count extraction on the GVA dev set.

For each incident (2+ local news articles, gold date and killed/injured
counts): does any article's event time interval contain the gold date, and
is the gold killed (injured) count extracted as a count quantity of a claim
about deaths (injuries)?

Scoring (kept strict on purpose):

* each count quantity gets at most ONE harm kind, from the harm word nearest
  to it in its claim (``killed two and wounded three``: 2 killed, 3 injured),
  never from a harm word elsewhere in the sentence: a word before the number
  only counts with no clause break in between (``He was killed, and two
  others were hurt``: 2 is not a death count); a word after it only up to the
  end of the clause ... sentence;
* kinds: ``killed`` (killed, dead, died, death, fatally, slain, shot and
  killed, shot dead ...), ``injured`` (injured, wounded, hurt, hospitalized,
  in critical condition ...) and ``shot`` (shot, victims: harmed, outcome not
  stated). GVA's injured count is people shot and not killed, so a ``shot``
  count equals it only when gold killed is 0 (``a man was shot``, he lived);
* a count is found when a quantity of that kind has *value* equal to gold
  (``at least 3`` finds 3, not 5); a definite or named victim (``the victim
  died``) is one at least, so it finds 1; the "closed counts only" line
  leaves open counts out;
* counts of things that are not people (``shot 3 times``, ``5 rounds``,
  ``3 shootings``) and measures (``a 17-year-old``: unit year) are ignored;
* rates are over incidents with gold > 0, and overall, where an incident
  with gold 0 is right when no article states a non-zero count of that kind
  (news rarely writes "0 killed"); a ``shot`` count larger than gold killed
  states injuries.

The data is read at run time from ../shared/eval/ (never copied into the
repo).

    .venv/bin/python bench/eval_extraction.py [PATH] [--limit N] [--skip N]
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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.model import Claim, Document, Quantity  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "gva_dev.jsonl"

# One alternation, composite phrases first, so "shot and killed" is one
# death phrase rather than "shot" next to "killed".
_HARM = re.compile(
    r"\b(?:"
    r"(?P<killed>shot\s+(?:and|&)\s+killed|shot\s+dead|shot\s+to\s+death|stabbed\s+to\s+death"
    r"|(?:fatally|mortally)\s+(?:shot|wounded|injured|struck)|shot\s+fatally"
    r"|kill(?:ed|s|ing|ings)?|dead|die[ds]?|dying|deaths?|fatal(?:ly|ities|ity)?|slain"
    r"|murder(?:ed|s)?|los[te]\s+(?:their|his|her)\s+li(?:fe|ves))"
    r"|(?P<injured>non-?fatal(?:ly)?|non-?life-threatening|injur(?:ed|y|ies|ing)"
    r"|wound(?:ed|s|ing)?|hurt|hospitali[sz]ed"
    r"|(?:taken|transported|rushed|airlifted|flown)\s+to\s+(?:an?\s+|the\s+)?"
    r"(?:[\w'-]+\s+){0,3}?(?:hospitals?|medical\s+cent(?:er|re))"
    r"|(?:critical|stable|serious|fair|good)\s+condition)"
    r"|(?P<shot>shot|victims?)"
    r")\b",
    re.IGNORECASE,
)
# Between a harm word and a number after it: a clause break.
_BREAK_BEFORE = re.compile(r"[,;:.]|\b(?:and|but|while|after|before|as|when)\b", re.I)
# Between a number and a harm word after it: a sentence-level break or a
# verb about someone else (suspects).
_BREAK_AFTER = re.compile(r"[;:]|\b(?:arrested|charged|accused|suspects?|sought)\b", re.I)
_NEGATED = re.compile(r"(?:\bnot|n't|\bnever|\bno)\s+(?:(?:\w+ly|been|be)\s+)?$", re.I)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these|them)?\s*", re.I)
_THEN_DIED = re.compile(
    r"[^;.]{0,60}?\b(?:and|but|where|until|before)\s+(?:(?:he|she|they)\s+)?"
    r"(?:later\s+|then\s+|was\s+|were\s+|had\s+|has\s+|since\s+|been\s+)*"
    r"(?:died|killed|pronounced\s+(?:dead|deceased))\b"
    r"|[^;.]{0,60}?\b(?:has|have|had)\s+(?:since\s+|now\s+|later\s+)?died\b",
    re.I,
)
_NOT_PEOPLE = frozenset(
    "time times round rounds shot shots bullet bullets casing casings gun guns handgun handguns "
    "rifle rifles weapon weapons car cars vehicle vehicles home homes house houses building "
    "buildings count counts charge charges shooting shootings incident incidents homicide "
    "homicides block blocks call calls mile miles year years month months week weeks day days "
    "hour hours minute minutes percent dollar dollars".split()
)
KINDS = ("killed", "injured", "shot")


def harm_kind(claim: Claim, q: Quantity) -> str | None:
    """The harm a count quantity counts (killed / injured / shot) or None."""
    if q.unit is not None:
        return None
    head = (q.thing or "").split()[-1:] or [""]
    if head[0].lower() in _NOT_PEOPLE:
        return None
    text = claim.text
    rs, re_ = q.start - claim.start, q.end - claim.start
    if q.thing and text[re_:].lstrip().startswith(q.thing):
        m = _HARM.fullmatch(head[0])
        if m is not None and m.lastgroup != "shot":
            return m.lastgroup  # "3 dead", "two deaths", "5 injured"
    cands: list[tuple[int, int, re.Match[str]]] = []  # (distance, after first, match)
    for m in _HARM.finditer(text, max(0, rs - 40), min(len(text), re_ + 60)):
        if m.start() >= re_:
            if _BREAK_AFTER.search(text, re_, m.start()) or _PARTITIVE.fullmatch(
                text, re_, m.start()
            ):
                continue  # "one of the wounded [died]" names the group, not the harm
            cands.append((m.start() - re_, 0, m))
        elif m.end() <= rs and not _BREAK_BEFORE.search(text, m.end(), rs):
            cands.append((rs - m.end(), 1, m))
    if not cands:
        return None
    cands.sort(key=lambda c: c[:2])
    m = cands[0][2]
    if m.group(0).lower().startswith("victim"):
        # "another victim was injured": the victim's outcome, if the clause says it
        later = [c[2] for c in cands[1:] if c[1] == 0 and c[2].lastgroup != "shot"]
        m = later[0] if later else m
    if _NEGATED.search(text[max(0, m.start() - 16) : m.start()]):
        return None  # "two children were not injured"
    if m.lastgroup in ("shot", "injured") and _THEN_DIED.match(text, m.end()):
        return "killed"  # "was shot in the chest and died", "taken to a hospital, where he died"
    return m.lastgroup


def counts(claims: Sequence[Claim]) -> dict[str, list[Quantity]]:
    """Count quantities of each harm kind."""
    out: dict[str, list[Quantity]] = {k: [] for k in KINDS}
    for c in claims:
        for q in c.quantities:
            kind = harm_kind(c, q)
            if kind is not None:
                out[kind].append(q)
    return out


def _nonzero(q: Quantity) -> bool:
    return q.low is not None and q.low > 0


def judge(
    gold: dict[str, Any], found: dict[str, list[Quantity]], *, exact: bool = False
) -> dict[str, bool]:
    """Whether each gold count is found (gold > 0) or not contradicted (gold 0).

    With ``exact``, only closed counts (``two``, ``a man``) find a gold count,
    not open ones (``at least two``, ``the victim``: one at least)."""
    killed, injured = int(gold["num_killed"]), int(gold["num_injured"])
    if exact:
        found = {k: [q for q in qs if q.high == q.low] for k, qs in found.items()}
    out = {}
    if killed > 0:
        out["killed"] = any(q.value == killed for q in found["killed"])
    else:
        out["killed"] = not any(_nonzero(q) for q in found["killed"])
    if injured > 0:
        out["injured"] = any(q.value == injured for q in found["injured"]) or (
            killed == 0 and any(q.value == injured for q in found["shot"])
        )
    else:
        out["injured"] = not any(_nonzero(q) for q in found["injured"]) and not any(
            q.low is not None and q.low > killed for q in found["shot"]
        )
    return out


def load_incidents(path: Path, limit: int | None = None, skip: int = 0) -> list[dict[str, Any]]:
    incidents: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k < skip or not line.strip():
                continue
            incidents.append(json.loads(line))
            if limit is not None and len(incidents) >= limit:
                break
    return incidents


def documents(incidents: Sequence[dict[str, Any]]) -> tuple[list[Document], list[int]]:
    """The incidents' articles as Documents, and each one's incident index."""
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
    return docs, owner


def score(
    incidents: Sequence[dict[str, Any]], per_incident: Sequence[Sequence[Claim]]
) -> dict[str, list[int]]:
    """hits/of per measure: ``date``, ``killed>0``, ``killed``, ``injured>0``, ``injured``."""
    keys = (
        "date",
        "killed>0",
        "killed>0 exact",
        "killed",
        "injured>0",
        "injured>0 exact",
        "injured",
    )
    stats = {k: [0, 0] for k in keys}
    for inc, claims in zip(incidents, per_incident, strict=True):
        gold = inc["gold"]
        day = dt.date.fromisoformat(gold["date"])
        stats["date"][1] += 1
        stats["date"][0] += any(
            t.role == "event"
            and t.low is not None
            and t.high is not None
            and t.low <= day <= t.high
            for c in claims
            for t in c.times
        )
        found = counts(claims)
        ok = judge(gold, found)
        ok_exact = judge(gold, found, exact=True)
        for kind in ("killed", "injured"):
            if int(gold[f"num_{kind}"]) > 0:
                stats[f"{kind}>0"][0] += ok[kind]
                stats[f"{kind}>0"][1] += 1
                stats[f"{kind}>0 exact"][0] += ok_exact[kind]
                stats[f"{kind}>0 exact"][1] += 1
            stats[kind][0] += ok[kind]
            stats[kind][1] += 1
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="first N incidents only")
    ap.add_argument("--skip", type=int, default=0, help="skip the first N incidents")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from checker import nlp as nlp_module
    from checker.config import DEFAULT_SPACY
    from checker.extract import extract
    from checker.segment import parse

    incidents = load_incidents(args.path, args.limit, args.skip)
    docs, owner = documents(incidents)
    language = nlp_module.load(DEFAULT_SPACY)
    t0 = time.perf_counter()
    per_incident: list[list[Claim]] = [[] for _ in incidents]
    extract_s = 0.0
    n_sentences = 0
    for i, parsed in enumerate(parse(docs, language)):
        t = time.perf_counter()
        per_incident[owner[i]].extend(extract(parsed))
        extract_s += time.perf_counter() - t
        n_sentences += len(parsed.sentences)
    total_s = time.perf_counter() - t0
    stats = score(incidents, per_incident)

    print(
        f"GVA dev: {len(incidents)} incidents, {len(docs)} articles, {n_sentences} sentences, "
        f"parse+extract {total_s:.1f}s (extract alone {extract_s:.1f}s, "
        f"{1000 * extract_s / max(1, len(docs)):.1f} ms/article, "
        f"{1000 * extract_s / max(1, n_sentences):.2f} ms/sentence)"
    )
    labels = {
        "date": "date in an event time",
        "killed>0": "killed count (gold > 0)",
        "killed>0 exact": "  by closed counts only",
        "killed": "killed count (all)",
        "injured>0": "injured count (gold > 0)",
        "injured>0 exact": "  by closed counts only",
        "injured": "injured count (all)",
    }
    print(f"{'measure':<28}{'hits':>8}{'of':>8}{'rate':>8}")
    for key, label in labels.items():
        h, m = stats[key]
        print(f"{label:<28}{h:>8}{m:>8}{h / max(1, m):>8.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
