"""Containment and size limits at ingest: every article read comes from inside
the folders and files named on the command line (manifests included), and one
input's cost is bounded.

Each route out (a manifest row with ``..`` or an absolute path, a symlinked
file, a symlinked folder, a named symlink) is refused with exit 2 and one line
naming the file, and the outside text never reaches stdout, stderr or a
report; ``--allow-outside`` reads it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_helpers import run_cli

from checker import ingest, pipeline
from checker.errors import InputError, OutsideError
from checker.ingest import Limits, load

BODY = "Rescuers said 40 people were saved from the flood on Monday in the river town.\n"
SECRET = "The deploy token is hunter2 and it opens every door in the building.\n"
ALLOW = Limits(allow_outside=True)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``articles/a.txt`` and, beside the folder, ``secret.txt`` and ``private/``."""
    write(tmp_path / "articles" / "a.txt", BODY)
    write(tmp_path / "secret.txt", SECRET)
    write(tmp_path / "private" / "key.txt", SECRET)
    return tmp_path




# ------------------------------------------------------------- the routes out


def test_manifest_row_with_dotdot_is_refused(tree: Path) -> None:
    manifest = write(tree / "articles" / "manifest.csv", "file,outlet\na.txt,Star\n../secret.txt,X\n")
    with pytest.raises(OutsideError) as e:
        load([manifest])
    assert str(e.value) == (
        f"{manifest} row 3: {tree}/articles/../secret.txt is outside the paths given; refusing "
        "to read it: list only files inside the folders given, or pass --allow-outside"
    )
    # A folder's own manifest is fenced the same way (it only gives metadata,
    # but a row leading out is a mistake or an attack either way).
    with pytest.raises(OutsideError, match=r"row 3: .*secret.txt is outside the paths given"):
        load([tree / "articles"])
    docs = load([manifest], limits=ALLOW).documents
    assert [d.id for d in docs] == ["a", "secret"]


def test_manifest_row_with_an_absolute_path_is_refused(tree: Path) -> None:
    manifest = write(tree / "articles" / "list.csv", f"file\na.txt\n{tree / 'secret.txt'}\n")
    with pytest.raises(OutsideError, match=f"row 3: {tree}/secret.txt is outside"):
        load([manifest])
    # An absolute path that stays inside is fine.
    inside = write(tree / "articles" / "abs.csv", f"file\n{tree / 'articles' / 'a.txt'}\n")
    assert [d.id for d in load([inside]).documents] == ["a"]


def test_manifest_row_into_another_folder_given_is_allowed(tree: Path) -> None:
    write(tree / "texts" / "b.txt", BODY.replace("Monday", "Friday"))
    manifest = write(tree / "meta" / "list.csv", "file,outlet\n../texts/b.txt,Star\n")
    with pytest.raises(OutsideError):
        load([manifest])
    docs = load([manifest, tree / "texts"]).documents
    assert [(d.id, d.outlet) for d in docs] == [("b", "Star")]


def test_symlinked_file_in_a_folder_is_refused(tree: Path) -> None:
    link = tree / "articles" / "leak.txt"
    link.symlink_to(tree / "secret.txt")
    with pytest.raises(OutsideError) as e:
        load([tree / "articles"])
    assert str(e.value) == (
        f"{link} is a symlink to a file outside the paths given ({tree}/secret.txt); "
        "refusing to read it: copy the article in, or pass --allow-outside"
    )
    assert [d.id for d in load([tree / "articles"], limits=ALLOW).documents] == ["a", "leak"]


def test_symlinked_folder_in_a_folder_is_refused(tree: Path) -> None:
    link = tree / "articles" / "more"
    link.symlink_to(tree / "private", target_is_directory=True)
    with pytest.raises(OutsideError) as e:
        load([tree / "articles"])
    assert str(e.value) == (
        f"{link} is a symlink to a folder outside the paths given ({tree}/private); "
        "refusing to read it: copy the article in, or pass --allow-outside"
    )
    docs = load([tree / "articles"], limits=ALLOW).documents
    assert [Path(d.path).relative_to(tree).as_posix() for d in docs] == [
        "articles/a.txt", "articles/more/key.txt",
    ]


def test_a_named_symlink_is_refused(tree: Path) -> None:
    link = tree / "articles" / "named.txt"
    link.symlink_to(tree / "secret.txt")
    with pytest.raises(OutsideError, match=r"named.txt is a symlink to a file outside"):
        load([link])
    assert [d.id for d in load([link], limits=ALLOW).documents] == ["named"]


def test_symlinks_that_stay_inside_are_followed_once(tree: Path) -> None:
    sub = tree / "articles" / "sub"
    write(sub / "b.txt", BODY.replace("Monday", "Friday"))
    (sub / "loop").symlink_to(tree / "articles", target_is_directory=True)  # a cycle
    (tree / "articles" / "alias.txt").symlink_to(tree / "articles" / "a.txt")
    (tree / "articles" / "other").symlink_to(tree / "texts", target_is_directory=True)
    write(tree / "texts" / "c.txt", BODY.replace("Monday", "Sunday"))
    with pytest.raises(OutsideError):  # texts/ is not given...
        load([tree / "articles"])
    batch = load([tree / "articles", tree / "texts"])  # ...now it is
    assert sorted(d.id for d in batch.documents) == ["a", "b", "c"]


def test_a_manifest_beside_a_named_file_that_links_out_is_ignored(tree: Path) -> None:
    write(tree / "outside.csv", "file,outlet\n" + f"{tree}/articles/a.txt,Leaked outlet\n")
    (tree / "articles" / "manifest.csv").symlink_to(tree / "outside.csv")
    (doc,) = load([tree / "articles" / "a.txt"]).documents
    assert doc.outlet != "Leaked outlet"


@pytest.mark.parametrize("command", ["check", "claims", "baseline"])
@pytest.mark.parametrize("route", ["manifest", "file", "folder"])
def test_refusal_through_the_cli_is_exit_2_one_line_and_leaks_nothing(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    command: str, route: str,
) -> None:
    monkeypatch.chdir(tree)
    arg = "articles"
    if route == "manifest":
        write(tree / "articles" / "manifest.csv", "file\na.txt\n../secret.txt\n")
        arg = "articles/manifest.csv"
    elif route == "file":
        (tree / "articles" / "leak.txt").symlink_to(tree / "secret.txt")
    else:
        (tree / "articles" / "more").symlink_to(tree / "private", target_is_directory=True)
    code, out, err = run_cli(monkeypatch, capsys, command, arg, "-q", "--cache-dir", "cache")
    assert code == 2
    assert out == ""
    assert err.startswith("claimcheck: error: ") and err.count("\n") == 1
    assert "outside the paths given" in err and "--allow-outside" in err
    assert "hunter2" not in err
    assert not (tree / "reports").exists()


def test_allow_outside_through_the_cli(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[list[str]] = []

    def fake_analyse(documents, config, **kw):  # type: ignore[no-untyped-def]
        seen.append([d.id for d in documents])
        raise SystemExit(0)

    monkeypatch.setattr(pipeline, "analyse", fake_analyse)
    monkeypatch.chdir(tree)
    (tree / "articles" / "leak.txt").symlink_to(tree / "secret.txt")
    code, _, _ = run_cli(monkeypatch, capsys, "check", "articles", "-q", "--allow-outside")
    assert code == 0
    assert seen == [["a", "leak"]]


# ------------------------------------------------------------------- limits


def test_a_file_over_the_size_limit_is_skipped_with_a_message(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    big = write(tmp_path / "big.txt", BODY * 40)  # 3.2 KB
    limits = Limits(max_file_bytes=2048)
    batch = load([tmp_path], limits=limits)
    assert [d.id for d in batch.documents] == ["a"]
    assert batch.warnings == (
        f"{big} is larger than the 2 KB limit for one file (3.1 KB); "
        "split it, or raise --max-file-mb",
    )
    with pytest.raises(InputError, match=r"big.txt is larger than the 2 KB limit"):
        load([big], limits=limits)


def test_the_default_size_limit_is_20_mb(tmp_path: Path) -> None:
    assert ingest.MAX_FILE_BYTES == 20 * 1024 * 1024
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: costs no disk, and is never read
        f.truncate(ingest.MAX_FILE_BYTES + 1)
    with pytest.raises(InputError, match=r"huge.txt is larger than the 20 MB limit .*\(20 MB\)"):
        load([huge])


def test_size_limit_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    big = write(tmp_path / "big.txt", BODY * 40)
    code, out, err = run_cli(monkeypatch, capsys, "claims", str(big), "--max-file-mb", "0.001")
    assert (code, out) == (2, "")
    assert err == (
        f"claimcheck: error: {big} is larger than the 1 KB limit for one file (3.1 KB); "
        "split it, or raise --max-file-mb\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_or_device_is_skipped_without_blocking(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer
    batch = load([tmp_path])
    assert [d.id for d in batch.documents] == ["a"]
    assert batch.warnings == (
        f"{tmp_path}/pipe.txt is not a regular file (a device, pipe or socket); "
        "give article files",
    )


def test_the_article_count_is_capped_while_reading(tmp_path: Path) -> None:
    for n in range(4):
        write(tmp_path / "folder" / f"{n}.txt", BODY.replace("40", str(n + 40)))
    with pytest.raises(InputError) as e:
        load([tmp_path / "folder"], limits=Limits(max_articles=3))
    assert str(e.value) == (
        f"more than 3 articles in one batch (4+ files in {tmp_path}/folder/); "
        "split the batch, or raise --max-articles"
    )
    records = "".join(
        '{"text": "%s"}\n' % BODY.strip().replace("40", str(n)) for n in range(50)  # noqa: UP031
    )
    jsonl = write(tmp_path / "many.jsonl", records)
    with pytest.raises(InputError, match=r"more than 10 articles in one batch \(.*many.jsonl"):
        load([jsonl], limits=Limits(max_articles=10))
    assert len(load([jsonl], limits=Limits(max_articles=50)).documents) == 50


# ------------------------------------------------------------ JSON manifests


def test_a_json_manifest_named_or_in_a_folder_gives_metadata_and_is_fenced(tree: Path) -> None:
    write(tree / "articles" / "b.txt", BODY.replace("Monday", "Friday"))
    manifest = write(
        tree / "articles" / "list.json",
        '[{"file": "a.txt", "outlet": "Star"}, {"path": "b.txt", "source": "Planet"}]',
    )
    docs = load([manifest]).documents
    assert [(d.id, d.outlet) for d in docs] == [("a", "Star"), ("b", "Planet")]
    batch = load([tree / "articles"])  # in a folder: metadata for the files found
    assert sorted((d.id, d.outlet) for d in batch.documents) == [("a", "Star"), ("b", "Planet")]
    assert batch.warnings == ()

    write(tree / "articles" / "list.json", '[{"file": "a.txt"}, {"file": "../secret.txt"}]')
    with pytest.raises(OutsideError, match=r"list.json row 2: .*secret.txt is outside"):
        load([manifest])
    with pytest.raises(OutsideError, match=r"list.json row 2: .*secret.txt is outside"):
        load([tree / "articles"])
