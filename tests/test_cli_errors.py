"""Bad input through the real command line: exit code 2, one line on stderr
that says what is wrong and what to do, no traceback, and no model loaded
(errors happen at ingest, before any model)."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = "expected .txt, .md, .html, .json, .jsonl or .csv files"




def make(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# (file name, bytes, message with {} for the path); None as bytes: a folder
CASES: list[tuple[str, bytes | None, str]] = [
    ("nope", b"", "no such file or folder: {} (check the path)"),
    ("empty", None, "no articles found in {}/ (" + EXPECTED + ")"),
    ("empty.txt", b"", "empty file: {} (add the article text or remove the file)"),
    ("blank.md", b"\n  \n", "empty file: {} (add the article text or remove the file)"),
    ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00",
     "{} looks binary, not text (expected an article as text, e.g. UTF-8)"),
    ("latin.txt", b"Caf\x81 \x8d owners said prices rose on Monday.",
     "cannot decode {} as UTF-8 or cp1252 text (re-save it as UTF-8)"),
    ("utf16.txt", codecs.BOM_UTF16_BE + b"\xdc\x00",
     "cannot decode {} as UTF-16-BE text (re-save it as UTF-8)"),
    ("word.txt", b"Troops", "{} is too short to be an article (1 word; expected at least one sentence)"),
    ("meta.json", b'{"title": "A headline", "url": "https://example.com/a"}',
     'no article text in {} (expected records with a "text", "body" or "content" field)'),
    ("broken.json", b"[{]", "{} is not valid JSON (line 1: Expecting property name enclosed in "
     "double quotes); fix or remove the file"),
    ("table.csv", b"title,outlet\nA headline,Planet\n", "{} has no text column (expected a text, "
     "body or content column, or a file or path column for a manifest)"),
    ("photo.png", b"\x89PNG\r\n", "unsupported file type .png: {} (" + EXPECTED + ")"),
    ("list.csv", b"file,outlet\ngone.txt,Planet\n",
     "manifest row 2: no such file {}/gone.txt (check the path)"),
]


@pytest.mark.parametrize(("name", "data", "message"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["check", "claims", "baseline"])
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    name: str,
    data: bytes | None,
    message: str,
) -> None:
    path = tmp_path / name
    if data is None:
        path.mkdir()
    elif name != "nope":
        make(tmp_path, name, data)
    shown = tmp_path if name == "list.csv" else path
    out_args = [] if command == "claims" else ["--out", str(tmp_path / "o")]
    code, out, err = run_cli(monkeypatch, capsys, command, str(path), *out_args)
    assert code == 2
    assert err == f"claimcheck: error: {message.format(shown)}\n"
    assert "Traceback" not in out + err
    assert not (tmp_path / "o").exists()  # nothing written


def test_folder_of_bad_files_lists_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make(tmp_path, "a.txt", b"")
    make(tmp_path, "b.json", b"{}")
    make(tmp_path, "c.png", b"\x89PNG")  # skipped silently: not an article type
    code, _, err = run_cli(monkeypatch, capsys, "check", str(tmp_path))
    assert code == 2
    assert err == (
        f"claimcheck: error: no readable articles: 2 problems (empty file: {tmp_path}/a.txt "
        f"(add the article text or remove the file); no article text in {tmp_path}/b.json "
        '(expected records with a "text", "body" or "content" field))\n'
    )


def test_missing_path_among_good_ones_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(monkeypatch, capsys, "check", str(ROOT / "seeds"), str(tmp_path / "x.txt"))
    assert (code, err) == (2, f"claimcheck: error: no such file or folder: {tmp_path}/x.txt (check the path)\n")


def test_real_entry_point_in_a_subprocess_loads_no_model(tmp_path: Path) -> None:
    """The console script path: ``python -m checker.cli``, no traceback, and
    the heavy libraries are never imported for an input error."""
    (tmp_path / "empty").mkdir()
    probe = (
        "import sys\n"
        "from checker.cli import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    heavy = sorted({'spacy', 'torch', 'sentence_transformers'} & set(sys.modules))\n"
        "    print('heavy:', heavy, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe, "check", str(tmp_path / "empty")],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        f"claimcheck: error: no articles found in {tmp_path}/empty/ ({EXPECTED})\nheavy: []\n"
    )
    assert proc.stdout == ""
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", str(tmp_path / "nope")],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )
    assert (proc.returncode, proc.stderr) == (
        2, f"claimcheck: error: no such file or folder: {tmp_path}/nope (check the path)\n",
    )


def test_a_pairs_file_over_the_limit_is_refused_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    row = b'{"a": "The bridge opened on Monday.", "b": "The bridge opened on Tuesday."}\n'
    pairs = make(tmp_path, "pairs.jsonl", row * 20_000)  # about 1.4 MiB
    code, out, err = run_cli(monkeypatch, capsys, "compare", "--pairs", str(pairs),
                         "--max-file-mb", "1")
    assert code == 2 and out == ""
    assert f"{pairs}: 1.4 MB is over the 1 MB limit for a pairs file" in err
    assert "--max-file-mb" in err and "Traceback" not in err
