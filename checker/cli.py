"""Command line. Each command declares its arguments and calls one library
function; nothing else in the package imports typer. Heavy libraries are
imported inside the library functions, so ``--help`` stays instant."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from checker.config import (
    DEFAULT_FORMATS,
    DEFAULT_MODEL,
    FAIL_ON,
    FORMATS,
    MAX_ARTICLES,
    MAX_FILE_MB,
)
from checker.errors import ClaimcheckError, ConfigError
from checker.version import __version__

app = typer.Typer(
    name="claimcheck",
    help=(
        "Check news articles about one event for claims that agree, conflict, "
        "differ in scope or time, or are disputed across outlets."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Paths = Annotated[
    list[Path],
    typer.Argument(
        help="Article files or folders (.txt .md .html .json .jsonl .csv), or a manifest CSV.",
        metavar="PATH",
        show_default=False,
    ),
]
Model = Annotated[
    str,
    typer.Option(
        "--model",
        help="sentence-transformers model name or path (default: the packaged all-MiniLM-L6-v2).",
    ),
]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        help="Cache parsed articles and embeddings here (default: .claimcheck-cache).",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
AllowOutside = Annotated[
    bool,
    typer.Option(
        "--allow-outside",
        help="Read files that manifest rows or symlinks lead to outside the paths given "
        "(refused by default).",
    ),
]
MaxFileMb = Annotated[
    float,
    typer.Option("--max-file-mb", help="Skip article files larger than this (megabytes).", min=0),
]
MaxArticles = Annotated[
    int,
    typer.Option("--max-articles", help="Stop with an error when a batch holds more articles.",
                 min=1),
]


# Line breaks and other controls in a message (a file named "a\n::error::x.txt")
# would split it, and a line that starts with "::" is a GitHub workflow command.
_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")


def one_line(message: str) -> str:
    """A message as exactly one line: control characters shown escaped."""
    return _CONTROLS.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), message)


def _note(message: str) -> None:
    """Warnings, progress and summaries: stderr, so stdout stays machine-readable."""
    typer.echo(one_line(message), err=True)


def _limits(allow_outside: bool, max_file_mb: float, max_articles: int) -> Any:
    from checker.ingest import Limits

    return Limits(
        allow_outside=allow_outside,
        max_file_bytes=int(max_file_mb * 1024 * 1024),
        max_articles=max_articles,
    )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Cross-source claim-consistency checker."""


def _formats(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(x.strip().lower() for x in value.split(",") if x.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise ConfigError(
            f"unknown format {', '.join(unknown) or repr(value)}; "
            f"choose from {','.join(FORMATS)}"
        )
    return names


def _fail_on(value: str) -> str:
    if value not in FAIL_ON:
        raise ConfigError(f"--fail-on {value!r} is not one of {', '.join(FAIL_ON)}")
    return value


@app.command()
def check(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the reports.")] = Path(
        "reports"
    ),
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=f"Comma list of report formats: {','.join(FORMATS)}."
        ),
    ] = ",".join(DEFAULT_FORMATS),
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="Exit 1 on new findings this severe or worse: "
            "never|conflict|disputed|update|scope|any (conflict > disputed > update > scope).",
        ),
    ] = "conflict",
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Findings recorded by `claimcheck baseline` to ignore."),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store", help="SQLite claim store: compare with stored articles, then add these."
        ),
    ] = None,
    cache_dir: CacheDir = None,
    model: Model = DEFAULT_MODEL,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="Where parsing and embedding run: local (this process) or dask "
            "(a Dask cluster; needs pip install 'claimcheck[dask]').",
        ),
    ] = "local",
    engine_address: Annotated[
        str | None,
        typer.Option(
            "--engine-address",
            help="Dask scheduler to join (tcp://HOST:8786); without it --engine dask "
            "starts a local cluster, one worker per core, and stops it at the end.",
        ),
    ] = None,
    quiet: Quiet = False,
    allow_outside: AllowOutside = False,
    max_file_mb: MaxFileMb = MAX_FILE_MB,
    max_articles: MaxArticles = MAX_ARTICLES,
) -> None:
    """Check articles and write the discrepancy report; exit 1 on new findings at --fail-on."""
    from checker import pipeline

    code = pipeline.run_check(
        paths,
        out=out,
        formats=_formats(format),
        fail_on=_fail_on(fail_on),
        baseline=baseline,
        store=store,
        cache_dir=cache_dir,
        model=model,
        quiet=quiet,
        echo=typer.echo,
        note=_note,
        limits=_limits(allow_outside, max_file_mb, max_articles),
        engine=engine,
        engine_address=engine_address,
    )
    raise typer.Exit(code)


@app.command("baseline")
def baseline_cmd(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", "-o", help="Baseline file to write.")] = Path(
        "baseline.json"
    ),
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why these findings are accepted.")
    ] = None,
    cache_dir: CacheDir = None,
    model: Model = DEFAULT_MODEL,
    quiet: Quiet = False,
    allow_outside: AllowOutside = False,
    max_file_mb: MaxFileMb = MAX_FILE_MB,
    max_articles: MaxArticles = MAX_ARTICLES,
) -> None:
    """Record the current findings so that later checks ignore them."""
    from checker import pipeline

    n = pipeline.run_baseline(
        paths, out=out, reason=reason, cache_dir=cache_dir, model=model, quiet=quiet,
        note=_note, limits=_limits(allow_outside, max_file_mb, max_articles),
    )
    _note(f"wrote {n} finding{'s' * (n != 1)} to {out}")


@app.command()
def claims(
    paths: Paths,
    format: Annotated[
        str, typer.Option("--format", "-f", help="table | csv | json.")
    ] = "table",
    cache_dir: CacheDir = None,
    quiet: Quiet = False,
    allow_outside: AllowOutside = False,
    max_file_mb: MaxFileMb = MAX_FILE_MB,
    max_articles: MaxArticles = MAX_ARTICLES,
) -> None:
    """Print the claims found in the articles, with their slots."""
    from checker import pipeline

    if format not in ("table", "csv", "json"):
        raise ConfigError(f"--format {format!r} is not one of table, csv, json")
    pipeline.run_claims(
        paths, format=format, cache_dir=cache_dir, quiet=quiet, echo=typer.echo, note=_note,
        limits=_limits(allow_outside, max_file_mb, max_articles),
    )


@app.command()
def compare(
    a: Annotated[str | None, typer.Argument(help="First sentence.", show_default=False)] = None,
    b: Annotated[str | None, typer.Argument(help="Second sentence.", show_default=False)] = None,
    published_a: Annotated[
        str | None, typer.Option("--published-a", help="Publication date of A (YYYY-MM-DD).")
    ] = None,
    published_b: Annotated[
        str | None, typer.Option("--published-b", help="Publication date of B (YYYY-MM-DD).")
    ] = None,
    pairs: Annotated[
        Path | None,
        typer.Option(
            "--pairs",
            help="JSONL or CSV with fields a, b, published_a, published_b: one JSON verdict "
            "per row on stdout, in input order.",
        ),
    ] = None,
    model: Model = DEFAULT_MODEL,
    max_file_mb: Annotated[
        float, typer.Option("--max-file-mb", help="Refuse a --pairs file larger than this "
                            "(megabytes).", min=0)
    ] = MAX_FILE_MB,
) -> None:
    """Compare two sentences (or many pairs) and print verdict, kind, score, rationale."""
    from checker import pipeline

    if pairs is None and (a is None or b is None):
        raise ConfigError('give two sentences, e.g. claimcheck compare "A" "B", or --pairs FILE')
    if pairs is not None and (a is not None or b is not None):
        raise ConfigError("give either two sentences or --pairs FILE, not both")
    pipeline.run_compare(
        a, b, published_a=published_a, published_b=published_b, pairs=pairs, model=model,
        echo=typer.echo, max_file_mb=max_file_mb,
    )


def main() -> None:
    """Console entry point: library errors become one line and exit code 2."""
    try:
        # Without standalone mode click returns the exit code instead of exiting.
        code = app(standalone_mode=False)
    except ClaimcheckError as e:
        typer.echo(f"claimcheck: error: {one_line(str(e))}", err=True)
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        typer.echo("claimcheck: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("claimcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as e:
        # Usage errors from click (which typer may vendor under another
        # module name): print click's own message, exit with its code (2).
        show = getattr(e, "show", None)
        if callable(show) and isinstance(getattr(e, "exit_code", None), int):
            show()
            sys.exit(e.exit_code)  # type: ignore[attr-defined]
        raise
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
