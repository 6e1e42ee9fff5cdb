"""A generated multi-story batch for the engine tests: three made-up events,
each reported by several outlets over two weeks, with differing figures,
later totals, subsets, denials and lines only one outlet has, so matching,
story clustering and the comparators all have work to do. Articles are
composed from sentences written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

OUTLETS = ("Harbour Herald", "Valley Times", "Morning Ledger", "City Wire", "North Post")

# Per story: (published, sentences) per article; {n} is the article number.
STORIES: dict[str, list[tuple[str, list[str]]]] = {
    "fire": [
        ("2025-03-03", [
            "A fire at the Brennmoor textile factory in Lorvik killed 12 workers on Monday, "
            "police said.",
            "Firefighters fought the blaze for five hours.",
            "The company denied that safety rules had been broken.",
        ]),
        ("2025-03-04", [
            "At least 14 workers died in a fire at the Brennmoor textile factory in Lorvik "
            "on Monday, the regional government said.",
            "Inspectors said safety rules had been broken at the factory.",
            "The factory employed about 300 people.",
        ]),
        ("2025-03-04", [
            "Twelve workers were killed when fire swept through the Brennmoor factory in "
            "Lorvik, police said.",
            "Three of the dead were firefighters, officials said.",
        ]),
        ("2025-03-17", [
            "The death toll from the Brennmoor factory fire in Lorvik rose to 19, officials "
            "said on Monday.",
            "The governor of the province promised to rebuild the factory.",
        ]),
    ],
    "bridge": [
        ("2025-04-07", [
            "The Old Kessel bridge in Dunmere was closed to traffic on Monday after engineers "
            "found cracks in two of its piers, the city council said.",
            "About 40,000 vehicles cross the bridge each day.",
        ]),
        ("2025-04-08", [
            "Engineers found cracks in three piers of the Old Kessel bridge in Dunmere, "
            "the city council said on Tuesday.",
            "About 45,000 vehicles cross the Old Kessel bridge each day, according to the "
            "transport ministry.",
            "The mayor said the bridge could reopen in June.",
        ]),
        ("2025-04-09", [
            "The Old Kessel bridge in Dunmere was closed on Monday after cracks were found in "
            "two piers.",
            "The transport ministry has not confirmed when the bridge will reopen.",
        ]),
        ("2025-04-22", [
            "The Old Kessel bridge in Dunmere reopened to buses on Tuesday, the city council "
            "said.",
            "Repairs will cost 4 million euros, the mayor said.",
        ]),
    ],
    "strike": [
        ("2025-05-12", [
            "Dock workers at the port of Saltby went on strike on Monday, halting 14 ships, "
            "the port authority said.",
            "The union says 2,000 members joined the walkout.",
        ]),
        ("2025-05-13", [
            "About 2,500 dock workers walked out at the port of Saltby on Monday, the union "
            "said.",
            "The port authority said 14 ships were stuck in the harbour.",
            "The strike is the first at Saltby since 1998.",
        ]),
        ("2025-05-14", [
            "The port authority denied that ships had been halted at Saltby.",
            "Dock workers at the port of Saltby are on strike over pay, the union said.",
        ]),
        ("2025-05-27", [
            "The strike at the port of Saltby ended on Monday after the union accepted a pay "
            "rise of 6 percent.",
            "Some 20 ships had been halted by the strike, the port authority said.",
        ]),
    ],
}


def articles() -> list[dict[str, str]]:
    """One record per article (id, outlet, published, title, text), story by story."""
    out = []
    for story, reports in STORIES.items():
        for k, (published, sentences) in enumerate(reports):
            out.append({
                "id": f"{story}-{k}",
                "outlet": OUTLETS[k % len(OUTLETS)],
                "published": published,
                "title": f"{story.title()} report {k + 1}",
                "text": " ".join(sentences),
            })
    return out


def write_batch(folder: Path, *, last: bool | None = None) -> Path:
    """The batch as one JSONL file in ``folder``: every article, or with
    ``last`` only each story's last report (True) or all but it (False)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "batch.jsonl"
    final = {f"{story}-{len(reports) - 1}" for story, reports in STORIES.items()}
    with path.open("w", encoding="utf-8") as f:
        for rec in articles():
            if last is None or (rec["id"] in final) == last:
                f.write(json.dumps(rec) + "\n")
    return path
