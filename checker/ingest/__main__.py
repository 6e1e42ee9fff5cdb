"""``python -m checker.ingest PATH...``: what ingest understood, one line per
document (id, outlet, date, title, copy_of, boilerplate share), then warnings
and a summary with the time taken. For checking inputs and timing ingest."""

from __future__ import annotations

import sys
import time

from checker.errors import InputError
from checker.ingest import load


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 2
    start = time.perf_counter()
    try:
        batch = load(argv)
    except InputError as e:
        print(f"claimcheck: error: {e}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    for d in batch.documents:
        share = sum(e - s for s, e in d.boilerplate) / max(len(d.text), 1)
        print(
            "\t".join(
                [
                    d.id,
                    d.outlet or "-",
                    d.published.isoformat() if d.published else "-",
                    (d.title or "-")[:60],
                    f"copy_of={d.copy_of}" if d.copy_of else "-",
                    f"boilerplate={share:.0%}",
                ]
            )
        )
    for w in batch.warnings:
        print(f"warning: {w}", file=sys.stderr)
    n = len(batch.documents)
    print(
        f"{n} documents, {sum(d.copy_of is not None for d in batch.documents)} copies, "
        f"{sum(d.outlet is not None for d in batch.documents)} with outlet, "
        f"{sum(d.published is not None for d in batch.documents)} with date, "
        f"{len(batch.warnings)} warnings in {seconds:.2f} s ({n / max(seconds, 1e-9):.0f} docs/s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
