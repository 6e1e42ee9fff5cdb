"""Held-out check: hostile batches through the real command line.

Real articles (BASIL, read at run time from ``../shared/eval/basil_dev``,
copied only into a temporary folder) are mixed with hostile inputs: a manifest
row and symlinks that lead to a "secret" file outside the batch, binary files,
a file over the size limit, an empty file, a named pipe, a JSONL file with
broken lines. Each batch goes through ``claimcheck claims --format json`` and
``claimcheck check --format json,sarif,github`` in a fresh process; the script
reads stdout as JSON (claims) or as workflow commands only (check), checks
the exit code, that the secret never reaches stdout, stderr or a report, and
records seconds and peak memory per run.

Usage: ``python bench/hostile.py [--eval ../shared/eval/basil_dev] [--articles 9]
[--markdown FILE]``. Exit status 1 when any expectation fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "basil_dev"
SECRET = "runner-secret-7f3a9c"  # must never appear in any output
ANNOTATION = re.compile(r"::(error|warning|notice) [^\n]*::[^\n]*")


@dataclass
class Result:
    batch: str
    command: str
    expected: int
    code: int
    stdout_ok: bool
    leaked: bool
    seconds: float
    peak_mb: float
    note: str
    expect_leak: bool = False  # the control run with --allow-outside

    @property
    def ok(self) -> bool:
        return self.code == self.expected and self.stdout_ok and self.leaked == self.expect_leak


def make_batches(eval_dir: Path, n: int, work: Path) -> dict[str, tuple[list[str], int]]:
    """Batch name → (paths to pass, expected exit code of claims)."""
    sources = sorted(eval_dir.glob("*.md"))[:n]
    if len(sources) < n:
        raise SystemExit(f"{eval_dir} holds only {len(sources)} articles, fewer than {n}")
    (work / "secret.txt").write_text(f"The deploy token is {SECRET} for every host.\n")
    (work / "private").mkdir()
    (work / "private" / "key.txt").write_text(f"Key {SECRET} opens the vault door.\n")

    def articles(name: str) -> Path:
        folder = work / name
        folder.mkdir()
        for src in sources:
            shutil.copy(src, folder / src.name)
        return folder

    batches: dict[str, tuple[list[str], int]] = {}
    f = articles("manifest-row")
    (f / "manifest.csv").write_text(
        "file,outlet\n" + "".join(f"{s.name},\n" for s in sources[:2]) + "../secret.txt,Leak\n"
    )
    batches["manifest row ../"] = ([str(f / "manifest.csv")], 2)
    f = articles("manifest-abs")
    (f / "list.csv").write_text(f"file\n{sources[0].name}\n{work / 'secret.txt'}\n")
    batches["manifest row absolute"] = ([str(f / "list.csv")], 2)
    f = articles("symlink-file")
    (f / "zz-leak.txt").symlink_to(work / "secret.txt")
    batches["symlinked file"] = ([str(f)], 2)
    f = articles("symlink-folder")
    (f / "more").symlink_to(work / "private", target_is_directory=True)
    batches["symlinked folder"] = ([str(f)], 2)

    f = articles("binary")
    (f / "program.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    (f / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    (f / "noise.json").write_bytes(os.urandom(8192))
    batches["binary"] = ([str(f)], 0)

    f = articles("huge")
    big = (sources[0].read_text(encoding="utf-8") + "\n") * 1
    with (f / "huge.txt").open("w", encoding="utf-8") as out:
        while out.tell() < 21 * 1024 * 1024:  # real text, over the 20 MB limit
            out.write(big)
    with (f / "sparse.txt").open("wb") as out:
        out.truncate(2 * 1024**3)  # 2 GB that cost no disk: refused before reading
    batches["huge"] = ([str(f)], 0)

    f = articles("mixed")
    (f / "empty.txt").write_text("")
    (f / "blob.html").write_bytes(os.urandom(2048))
    (f / "lines.jsonl").write_text(
        json.dumps({"text": "Officials said 12 people were hurt in the storm on Monday."})
        + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
    )
    if hasattr(os, "mkfifo"):
        os.mkfifo(f / "pipe.txt")
    (f / "deep" / "a" / "b" / "c").mkdir(parents=True)
    shutil.copy(sources[0], f / "deep" / "a" / "b" / "c" / "copy.md")
    (f / "loop").symlink_to(f, target_is_directory=True)  # inside, a cycle: followed once
    batches["mixed"] = ([str(f)], 0)
    return batches


def run(args: list[str], cwd: Path) -> tuple[int, str, str, float, float]:
    """One fresh process: exit code, stdout, stderr, seconds, peak RSS (MB)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "checker.cli", *args], stdout=out, stderr=err, cwd=cwd, env=env
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (proc.returncode, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"), seconds, usage.ru_maxrss / 1024)


def check_batch(name: str, paths: list[str], expected: int, work: Path) -> list[Result]:
    results = []
    cache = str(work / "cache")
    # claims: stdout must be one JSON document, a list of claims.
    code, out, err, secs, mb = run(["claims", *paths, "--format", "json", "--cache-dir", cache,
                                    "-q"], work)
    stdout_ok = out == "" if expected == 2 else _is_claims_json(out)
    note = err.strip().splitlines()[-1][:110] if err.strip() else ""
    results.append(Result(name, "claims --format json", expected, code, stdout_ok,
                          SECRET in out + err, secs, mb, note))
    # check: stdout must be workflow commands only; the reports must not leak.
    report_dir = work / ("reports-" + re.sub(r"\W+", "-", name))
    code, out, err, secs, mb = run(
        ["check", *paths, "--format", "json,sarif,github", "--out", str(report_dir),
         "--fail-on", "never", "--cache-dir", cache, "-q"], work,
    )
    stdout_ok = all(ANNOTATION.fullmatch(line) for line in out.splitlines())
    if expected == 2:
        stdout_ok = stdout_ok and out == "" and not report_dir.exists()
    leaked = SECRET in out + err
    if report_dir.exists():
        leaked = leaked or any(SECRET in p.read_text(encoding="utf-8", errors="replace")
                               for p in report_dir.iterdir())
        stdout_ok = stdout_ok and _is_report(report_dir / "report.json")
    note = err.strip().splitlines()[-1][:110] if err.strip() else ""
    results.append(Result(name, "check --format json,sarif,github", 0 if expected == 0 else 2,
                          code, stdout_ok, leaked, secs, mb, note))
    return results


def control(paths: list[str], work: Path) -> Result:
    """The same manifest with --allow-outside: the secret is read and shows up
    in the claims, so the leak detector above does detect a leak."""
    code, out, _, secs, mb = run(["claims", *paths, "--format", "json", "--allow-outside",
                                    "--cache-dir", str(work / "cache"), "-q"], work)
    return Result("control: --allow-outside", "claims --format json", 0, code,
                  _is_claims_json(out), SECRET in out, secs, mb, "", expect_leak=True)


def _is_claims_json(text: str) -> bool:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return False
    return isinstance(data, list) and all("id" in c and "text" in c for c in data)


def _is_report(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    return data.get("schema_version") == "1" and bool(data.get("documents"))


def markdown(results: list[Result], n: int) -> str:
    lines = [
        f"Hostile batches ({n} BASIL articles each, plus the hostile files), "
        f"`python bench/hostile.py`, {time.strftime('%Y-%m-%d')}:",
        "",
        "| batch | command | exit (expected) | stdout as expected | secret in output | s | peak MB |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r.batch} | `{r.command}` | {r.code} ({r.expected}) | "
            f"{'yes' if r.stdout_ok else 'NO'} | {'yes' if r.leaked else 'no'} | "
            f"{r.seconds:.1f} | {r.peak_mb:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--articles", type=int, default=9)
    ap.add_argument("--markdown", type=Path, help="also write the table to this file")
    opts = ap.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-hostile-") as tmp:
        work = Path(tmp)
        batches = make_batches(opts.eval, opts.articles, work)
        for name, (paths, expected) in batches.items():
            runs = check_batch(name, paths, expected, work)
            if name == "manifest row ../":
                runs.append(control(paths, work))
            for r in runs:
                results.append(r)
                print(f"{'ok  ' if r.ok else 'FAIL'} {r.batch:<22} {r.command:<34} exit {r.code} "
                      f"{r.seconds:5.1f} s {r.peak_mb:5.0f} MB  {r.note}", file=sys.stderr)
    table = markdown(results, opts.articles)
    print(table)
    if opts.markdown:
        opts.markdown.write_text(table, encoding="utf-8")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
