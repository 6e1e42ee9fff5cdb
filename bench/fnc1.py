"""FNC-1 training split, read at run time, and its division into a part the
verifier may learn from and a part held out from it.

FNC-1 pairs headlines with article bodies. The headlines and bodies of one
rumour (the Emergent "claim" they were collected for) are joined by their
related pairs; those rumours are the unit of the split, so no rumour, its
headlines or its bodies, is on both sides: a model cannot score well on the
held-out part by remembering a topic.

Within the learning part, a further fifth of the rumours (``calibration``)
is kept from training to set the decision threshold.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DATA = HERE.parent / "shared/eval"
STANCES = ("agree", "disagree", "discuss", "unrelated")
SPLITS = ("train", "calibration", "heldout")


@dataclass(frozen=True, slots=True)
class Pair:
    stance: str
    headline: str
    body_id: str
    rumour: str  # the split unit
    split: str


def hash_int(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


def bodies(data_dir: Path = DATA) -> dict[str, str]:
    with (data_dir / "fnc1_train_bodies.csv").open(encoding="utf-8") as f:
        return {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}


def _rows(data_dir: Path) -> list[dict[str, str]]:
    with (data_dir / "fnc1_train_stances.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _split_of(rumour: str) -> str:
    """Half the rumours are held out; of the rest, a fifth calibrates."""
    h = hash_int(f"fnc1-rumour:{rumour}")
    if h % 2:
        return "heldout"
    return "calibration" if (h // 2) % 5 == 0 else "train"


def pairs(data_dir: Path = DATA) -> Iterator[Pair]:
    """Every headline/body pair, with its rumour and split. A body's rumour is
    found through its related pairs; an unrelated pair goes with its body."""
    rows = _rows(data_dir)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows:
        if r["Stance"] != "unrelated":
            a, b = find("b" + r["Body ID"]), find("h" + r["Headline"])
            if a != b:
                parent[max(a, b)] = min(a, b)
    for r in rows:
        rumour = find("b" + r["Body ID"])
        yield Pair(r["Stance"], r["Headline"], r["Body ID"], rumour, _split_of(rumour))


def sample(
    data_dir: Path, split: str, per_stance: int, wanted: tuple[str, ...]
) -> list[Pair]:
    """``per_stance`` pairs of each wanted stance in ``split`` (``dev`` means
    train and calibration together), in the order of a hash of (body,
    headline): deterministic and spread over many bodies."""
    keep = ("train", "calibration") if split == "dev" else (split,)
    by: dict[str, list[tuple[int, Pair]]] = {s: [] for s in wanted}
    for p in pairs(data_dir):
        if p.stance in by and p.split in keep:
            by[p.stance].append((hash_int(f"{p.body_id}\x1f{p.headline}"), p))
    return [p for s in wanted for _, p in sorted(by[s], key=lambda x: x[0])[:per_stance]]
