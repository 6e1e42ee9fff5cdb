"""Stories at scale: how well ``stories[]`` finds the true story of each
article in a mixed batch, and how heavy and fast ``report.html`` is.

Two mixed batches are built at run time from the evaluation data (read from
``../shared/eval``, never copied into the repository):

* **150 articles**: BASIL, 50 US-politics stories told by three outlets each
  (``basil_dev/``; the file prefix before ``_`` names the true story);
* **800 articles**: the first 800 articles with text of the GVA set
  (``gva_dev.jsonl``; the incident id is the true story).

For each batch: the pipeline runs (with a persistent cache, so a re-run is
warm), ``report.html`` is written, and

* the held-out check compares the stories with the true ones: number of
  stories, pairwise precision / recall / F1 over pairs of articles put in one
  story, adjusted Rand index, and how many stories join articles of two or
  more true stories;
* the HTML is measured: size, and in headless Chromium (Debian's
  ``/usr/bin/chromium`` through Playwright) the time to the ``load`` event
  and from a click on the first story of the index (the one with most
  conflicts) or the last one until its matrix and timeline are shown
  (median of 3).

Usage: ``python bench/stories.py [--eval ../shared/eval] [--cache DIR]
[--out DIR] [--markdown FILE]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
CHROMIUM = os.environ.get("CLAIMCHECK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def basil_batch(eval_dir: Path) -> tuple[list[Path], dict[str, str]]:
    folder = eval_dir / "basil_dev"
    truth = {p.stem: p.stem.split("_")[0] for p in sorted(folder.glob("*.md"))}
    return [folder], truth


def gva_batch(eval_dir: Path, n: int, folder: Path) -> tuple[list[Path], dict[str, str]]:
    out = folder / f"gva-{n}.jsonl"
    truth: dict[str, str] = {}
    with (eval_dir / "gva_dev.jsonl").open(encoding="utf-8") as src, out.open(
        "w", encoding="utf-8"
    ) as dst:
        for line in src:
            incident = json.loads(line)
            for d in incident["documents"]:
                if len(truth) == n:
                    break
                if not (d.get("text") or "").strip() or d["doc_id"] in truth:
                    continue
                truth[d["doc_id"]] = str(incident["incident_id"])
                dst.write(json.dumps({
                    "id": d["doc_id"], "title": d.get("title"), "published": d.get("dct"),
                    "url": d.get("url"), "outlet": d.get("outlet_domain"), "text": d["text"],
                }) + "\n")
    if len(truth) < n:
        raise SystemExit(f"gva_dev.jsonl holds only {len(truth)} articles, fewer than {n}")
    return [out], truth


# --------------------------------------------------------- the held-out check


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def compare_stories(predicted: dict[str, str], truth: dict[str, str]) -> dict[str, Any]:
    """Pairwise precision/recall/F1 and the adjusted Rand index of the
    predicted story of each article against its true story."""
    docs = sorted(set(predicted) & set(truth))
    joint = Counter((predicted[d], truth[d]) for d in docs)
    pred = Counter(predicted[d] for d in docs)
    true = Counter(truth[d] for d in docs)
    both = sum(_pairs(v) for v in joint.values())
    same_pred = sum(_pairs(v) for v in pred.values())
    same_true = sum(_pairs(v) for v in true.values())
    total = _pairs(len(docs))
    precision = both / same_pred if same_pred else 1.0
    recall = both / same_true if same_true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    expected = same_pred * same_true / total if total else 0.0
    top = (same_pred + same_true) / 2
    ari = (both - expected) / (top - expected) if top != expected else 1.0
    mixed = sum(
        1 for s in pred if len({truth[d] for d in docs if predicted[d] == s}) > 1
    )
    exact = sum(
        1 for s in pred
        if len({truth[d] for d in docs if predicted[d] == s}) == 1
        and pred[s] == true[truth[next(d for d in docs if predicted[d] == s)]]
    )
    return {
        "articles": len(docs), "true_stories": len(true), "stories": len(pred),
        "exact": exact, "mixed": mixed, "precision": precision, "recall": recall,
        "f1": f1, "ari": ari,
    }


# ------------------------------------------------------------------ browser


def load_times(html: Path, runs: int = 3) -> dict[str, float]:
    """Median milliseconds to the load event, and to open the first story
    in the index with its matrix and timeline shown."""
    from playwright.sync_api import sync_playwright

    loads: list[float] = []
    opens: list[float] = []
    opens_last: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(html.as_uri(), wait_until="load")
            nav = page.evaluate(
                "JSON.stringify(performance.getEntriesByType('navigation')[0])"
            )
            loads.append(float(json.loads(nav)["loadEventEnd"]))
            links = page.locator(".story-index a.story-link")
            for which, out in ((links.first, opens), (links.last, opens_last)):
                if not links.count():
                    break
                t0 = time.perf_counter()
                which.click()
                sid = (which.get_attribute("href") or "#")[1:]
                page.locator(f'[id="{sid}"] .matrix').first.wait_for(state="visible")
                page.locator(f'[id="{sid}"] .timeline-card').first.wait_for(state="visible")
                out.append((time.perf_counter() - t0) * 1000)
            if errors:
                raise SystemExit(f"script errors in {html}: {errors}")
            context.close()
        browser.close()
    return {
        "load_ms": statistics.median(loads),
        "open_ms": statistics.median(opens) if opens else math.nan,
        "open_last_ms": statistics.median(opens_last) if opens_last else math.nan,
    }


# --------------------------------------------------------------------- main


def run(name: str, paths: list[Path], truth: dict[str, str], cache: Path, out: Path) -> dict[str, Any]:
    from checker import ingest, pipeline
    from checker import report as reports
    from checker.config import Config

    config = Config(cache_dir=cache)
    batch = ingest.load(paths, near_duplicate=config.near_duplicate)
    t0 = time.perf_counter()
    analysis = pipeline.analyse(batch.documents, config, warnings=batch.warnings)
    t1 = time.perf_counter()
    folder = out / name
    written = reports.write(
        analysis.report, folder, ("json", "html"), fail_on="never", failing=[],
        echo=lambda _s: None,
    )
    t2 = time.perf_counter()
    predicted = {d: s.id for s in analysis.report.stories for d in s.documents}
    html = next(p for p in written if p.suffix == ".html")
    row: dict[str, Any] = {
        "batch": name,
        "articles": len(batch.documents),
        "claims": len(analysis.report.claims),
        "findings": len(analysis.report.findings),
        "analyse_s": t1 - t0,
        "render_s": t2 - t1,
        "html_mb": html.stat().st_size / 1e6,
        "json_mb": (folder / "report.json").stat().st_size / 1e6,
        **compare_stories(predicted, truth),
    }
    row.update(load_times(html))
    return row


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| batch | articles | true stories | stories | exact | mixed | pair P | pair R | pair F1 | ARI |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['batch']} | {r['articles']} | {r['true_stories']} | {r['stories']} | "
            f"{r['exact']} | {r['mixed']} | {r['precision']:.3f} | {r['recall']:.3f} | "
            f"{r['f1']:.3f} | {r['ari']:.3f} |"
        )
    lines += [
        "",
        "| batch | stories | findings | report.html MB | report.json MB | render s | Chromium load ms | open the first story ms | open the last story ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['batch']} | {r['stories']} | {r['findings']} | {r['html_mb']:.2f} | "
            f"{r['json_mb']:.2f} | {r['render_s']:.2f} | {r['load_ms']:.0f} | {r['open_ms']:.0f} | {r['open_last_ms']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-bench-stories")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--gva", type=int, default=800, help="articles of the GVA batch")
    ap.add_argument("--markdown", type=Path, default=None)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        rows = []
        paths, truth = basil_batch(args.eval)
        rows.append(run("basil-150", paths, truth, args.cache, out))
        paths, truth = gva_batch(args.eval, args.gva, Path(tmp))
        rows.append(run(f"gva-{args.gva}", paths, truth, args.cache, out))
    for r in rows:
        print(json.dumps(r), file=sys.stderr)
    text = markdown(rows)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
