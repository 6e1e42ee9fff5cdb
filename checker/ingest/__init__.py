"""Ingest: files, folders and manifests → :class:`Document` records.

``load`` reads any mix of folders (recursive, sorted), article files
(.txt .md .html .json .jsonl .csv) and manifest CSVs, takes metadata from
manifests, front matter and record fields, infers what is missing from the
text (datelines, wire credits, bylines, the title line), marks boilerplate
regions without changing the text, and links wire copies to their original.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.config import MAX_ARTICLES
from checker.errors import InputError, OutsideError
from checker.ingest.decode import MAX_FILE_BYTES, decode, read_text
from checker.ingest.duplicates import find_copies
from checker.ingest.fields import as_text, parse_date, require_date
from checker.ingest.formats import (
    ARTICLE_SUFFIXES,
    EXPECTED,
    ManifestRow,
    Read,
    Record,
    is_manifest,
    read,
    suffix,
)
from checker.ingest.layout import Layout, analyse, merge
from checker.model import Document

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_LIMITS",
    "MAX_ARTICLES",
    "MAX_FILE_BYTES",
    "Batch",
    "InputError",
    "Limits",
    "OutsideError",
    "decode",
    "document_from_text",
    "load",
    "read_text",
]

MIN_WORDS = 3  # fewer words than this cannot be an article
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Batch:
    """The documents read, in input order, and one line per skipped file or record."""

    documents: tuple[Document, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Limits:
    """Where a batch's files may come from and what one batch may cost."""

    allow_outside: bool = False  # follow symlinks and manifest rows that lead outside
    max_file_bytes: int = MAX_FILE_BYTES
    max_articles: int = MAX_ARTICLES


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class _Source:
    path: Path
    name: str  # as shown to the user
    meta: dict[str, Any]  # from a manifest
    got: Read | None = None  # already read (a JSON file checked for being a manifest)


def load(
    paths: Iterable[Path | str], *, near_duplicate: float = 0.9, limits: Limits = DEFAULT_LIMITS
) -> Batch:
    """Read articles from files, folders and manifests.

    Bad files are skipped with a warning; :class:`InputError` when a path
    does not exist, a named file has an unsupported type, the batch is over
    ``limits.max_articles``, or nothing readable is left; :class:`OutsideError`
    when a manifest row or a symlink leads outside the paths given (unless
    ``limits.allow_outside``).
    """
    warnings: list[str] = []
    sources = _sources([Path(p) for p in paths], warnings, limits)
    if len(sources) > limits.max_articles:  # counted before any file is read
        raise InputError(_too_many(limits.max_articles, f"{len(sources)} files"))
    documents: list[Document] = []
    ids: set[str] = set()
    for src in sources:
        try:
            got = src.got or read(src.path, src.name, max_bytes=limits.max_file_bytes)
        except InputError as e:
            warnings.append(str(e))
            continue
        warnings.extend(got.warnings)
        if got.manifest is not None:  # a manifest found inside a manifest's list
            warnings.append(f"{src.name} is a manifest listed by another manifest, skipped")
            continue
        for rec in got.records:
            try:
                doc = _document(rec, src.meta, ids, warnings=warnings)
            except InputError as e:
                warnings.append(str(e))
                continue
            ids.add(doc.id)
            documents.append(doc)
            if len(documents) > limits.max_articles:  # multi-record files: stop reading here
                raise InputError(_too_many(limits.max_articles, f"{src.name} and the files before it"))
    if not documents:
        raise InputError(_nothing_left(warnings))
    copies = find_copies(documents, threshold=near_duplicate)
    if copies:
        documents = [
            dataclasses.replace(d, copy_of=copies[d.id]) if d.id in copies else d
            for d in documents
        ]
    return Batch(tuple(documents), tuple(warnings))


def _too_many(limit: int, what: str) -> str:
    return (
        f"more than {limit:,} articles in one batch ({what}); "
        "split the batch, or raise --max-articles"
    )


def document_from_text(
    text: str,
    *,
    id: str,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    path: str = "",
) -> Document:
    """A document built from a string (``claimcheck compare``). A published
    date given as a string must be a readable date."""
    date = require_date(published, "published date") if isinstance(published, str) else published
    return _make(Record(text, {}, path or id), id=id, meta={
        "outlet": outlet, "published": date, "title": title,
    })


# ----------------------------------------------------------------- sources


def _sources(paths: Sequence[Path], warnings: list[str], limits: Limits) -> list[_Source]:
    """Files to read, in order, each once, with manifest metadata attached."""
    if not paths:
        raise InputError(f"no paths given (name article files or folders; {EXPECTED})")
    for path in paths:
        if not path.exists():
            raise InputError(f"no such file or folder: {path} (check the path)")
        if not path.is_dir() and suffix(path) not in ARTICLE_SUFFIXES:
            raise InputError(
                f"unsupported file type {path.suffix or '(none)'}: {path} ({EXPECTED})"
            )
    # Named files are checked before anything is read from them; a named
    # manifest then opens its own folder to its rows.
    roots = [p.resolve() if p.is_dir() else p.parent.resolve() / p.name for p in paths]
    named = _Fence(tuple(roots), limits.allow_outside)
    probes: dict[int, tuple[list[ManifestRow] | None, Read | None]] = {}
    for i, path in enumerate(paths):
        if not path.is_dir():
            named.check(path, str(path))
            probes[i] = _probe(path, str(path), limits)
    roots += [paths[i].parent.resolve() for i, (rows, _) in probes.items() if rows is not None]
    fence = _Fence(tuple(roots), limits.allow_outside)

    out: list[_Source] = []
    seen: set[Path] = set()
    sibling: dict[Path, dict[Path, dict[str, Any]]] = {}

    def add(src: _Source) -> None:
        key = src.path.resolve()
        if key not in seen:
            seen.add(key)
            out.append(src)

    for i, path in enumerate(paths):
        name = str(path)
        if path.is_dir():
            found = _walk(path, name, warnings, limits, fence)
            if not found:
                warnings.append(f"no articles found in {_folder(name)} ({EXPECTED})")
            for src in found:
                add(src)
            continue
        manifest, got = probes[i]
        if manifest is None:
            meta = _sibling_manifest(path, sibling, fence).get(path.resolve(), {})
            add(_Source(path, name, meta, got))
            continue
        for row in manifest:
            if _usable(row, warnings, name, fence):
                add(_Source(row.file, row.name, row.meta))
    return out


@dataclass(frozen=True, slots=True)
class _Fence:
    """Containment: every file read must resolve (symlinks followed) inside a
    folder named on the command line, the folder of a manifest named there,
    or be a file named there. Manifest rows with ``..`` or absolute paths and
    symlinks that lead elsewhere are refused unless ``allow_outside``."""

    roots: tuple[Path, ...]
    allow_outside: bool

    def allows(self, path: Path) -> bool:
        if self.allow_outside:
            return True
        real = path.resolve()
        return any(real.is_relative_to(root) for root in self.roots)

    def check(self, path: Path, name: str) -> None:
        """Refuse a file or folder (a symlink) that resolves outside."""
        if not self.allows(path):
            kind = "folder" if path.is_dir() else "file"
            raise OutsideError(
                f"{name} is a symlink to a {kind} outside the paths given ({path.resolve()}); "
                "refusing to read it: copy the article in, or pass --allow-outside"
            )


def _sibling_manifest(
    path: Path, cache: dict[Path, dict[Path, dict[str, Any]]], fence: _Fence
) -> dict[Path, dict[str, Any]]:
    """Metadata from a ``manifest.csv`` next to a file named on its own: a
    folder's manifest applies to its files however they are named. (Only its
    metadata is used, for the named file; a link to elsewhere is ignored.)"""
    folder = path.parent.resolve()
    if folder not in cache:
        found = path.parent / "manifest.csv"
        inside = found.resolve() == folder / "manifest.csv" or fence.allows(found)
        rows = _manifest(found, str(found)) if inside and found.is_file() else None
        cache[folder] = {
            r.file.resolve(): r.meta for r in rows or [] if r.name and r.file.is_file()
        }
    return cache[folder]


def _walk(
    folder: Path, name: str, warnings: list[str], limits: Limits, fence: _Fence
) -> list[_Source]:
    """Article files under a folder, sorted, hidden ones skipped; a manifest
    in the folder gives metadata to the files it lists. Symlinked folders are
    followed (each real folder once) when the fence allows them."""
    visited = {folder.resolve()}
    files: list[Path] = []
    for here, dirs, names in os.walk(folder, followlinks=True):
        keep = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            sub = Path(here) / d
            fence.check(sub, str(sub))
            real = sub.resolve()
            if real not in visited:  # a link loop, or a second link to one folder
                visited.add(real)
                keep.append(d)
        dirs[:] = keep
        for n in sorted(names):
            f = Path(here) / n
            if n.startswith(".") or suffix(f) not in ARTICLE_SUFFIXES:
                continue
            fence.check(f, str(f))
            files.append(f)
            if len(files) > limits.max_articles:  # stop walking a huge tree early
                raise InputError(
                    _too_many(limits.max_articles, f"{len(files)}+ files in {_folder(name)}")
                )
    files.sort(key=lambda p: p.relative_to(folder).as_posix())
    meta: dict[Path, dict[str, Any]] = {}
    articles: list[tuple[Path, Read | None]] = []
    for f in files:
        rows, got = _probe(f, str(f), limits)
        if rows is None:
            articles.append((f, got))
            continue
        for row in rows:
            if _usable(row, warnings, str(f), fence):
                meta.setdefault(row.file.resolve(), row.meta)
    return [_Source(f, str(f), meta.get(f.resolve(), {}), got) for f, got in articles]


def _probe(
    path: Path, name: str, limits: Limits
) -> tuple[list[ManifestRow] | None, Read | None]:
    """A manifest's rows, or None for an article file. A CSV is told by its
    header; a JSON file has to be read, so what was read is returned too."""
    kind = suffix(path)
    if kind == ".csv":
        return _manifest(path, name), None
    if kind in (".json", ".jsonl"):
        try:
            got = read(path, name, max_bytes=limits.max_file_bytes)
        except InputError:
            return None, None  # reported when it is read as an article file
        return (got.manifest, None) if got.manifest is not None else (None, got)
    return None, None


def _manifest(path: Path, name: str) -> list[ManifestRow] | None:
    """Rows of a manifest CSV, or None when the file is not a manifest."""
    if suffix(path) != ".csv" or not is_manifest(path, name):
        return None
    try:
        got: Read = read(path, name)
    except InputError:
        return None  # reported when it is read as an article file
    return got.manifest


def _usable(row: ManifestRow, warnings: list[str], manifest: str, fence: _Fence) -> bool:
    if not row.name:
        warnings.append(f"manifest row {row.row}: no file name, skipped")
        return False
    if not fence.allows(row.file):
        raise OutsideError(
            f"{manifest} row {row.row}: {row.name} is outside the paths given; refusing to "
            "read it: list only files inside the folders given, or pass --allow-outside"
        )
    if not row.file.is_file():
        warnings.append(f"manifest row {row.row}: no such file {row.name} (check the path)")
        return False
    return True


def _folder(name: str) -> str:
    return name if name.endswith(("/", os.sep)) else name + "/"


def _nothing_left(warnings: list[str]) -> str:
    if not warnings:
        return f"no articles found ({EXPECTED})"
    if len(warnings) == 1:
        return warnings[0]
    shown = "; ".join(warnings[:3])
    more = f"; and {len(warnings) - 3} more" if len(warnings) > 3 else ""
    return f"no readable articles: {len(warnings)} problems ({shown}{more})"


# ---------------------------------------------------------------- documents


def _document(
    rec: Record, manifest: dict[str, Any], ids: set[str], *, warnings: list[str]
) -> Document:
    stem = Path(rec.path).stem
    own = as_text(manifest.get("id")) or as_text(rec.meta.get("id"))
    base = own or (f"{stem}#{rec.index}" if rec.index is not None else stem)
    doc_id = base
    n = 2
    while doc_id in ids:
        doc_id = f"{base}#{n}"
        n += 1
    where = rec.path if rec.index is None else f"{rec.path} record {rec.index}"
    if len(_WORD.findall(rec.text)) < MIN_WORDS:
        words = len(_WORD.findall(rec.text))
        raise InputError(
            f"{where} is too short to be an article ({words} word{'s' * (words != 1)}; "
            "expected at least one sentence)"
        )
    meta = {**rec.meta, **{k: v for k, v in manifest.items() if v not in (None, "")}}
    published = parse_date(meta.get("published"))
    if published is None and meta.get("published") not in (None, ""):
        warnings.append(
            f"{where}: cannot read published date {as_text(meta['published'])!r} "
            "(use YYYY-MM-DD), left unknown"
        )
    meta["published"] = published
    return _make(rec, id=doc_id, meta=meta)


def _make(rec: Record, *, id: str, meta: dict[str, Any]) -> Document:
    url = as_text(meta.get("url"))
    title = as_text(meta.get("title"))
    year = re.search(r"/((?:19|20)\d{2})/", url or "")
    layout: Layout = analyse(
        rec.text,
        start=rec.body_start,
        title=title,
        markdown=rec.markdown,
        year_hint=int(year[1]) if year else None,
    )
    regions = list(layout.boilerplate)
    if rec.body_start:
        regions.append((0, rec.body_start))
    published = meta.get("published")
    return Document(
        id=id,
        path=rec.path,
        text=rec.text,
        sha256=hashlib.sha256(rec.text.encode("utf-8", "surrogatepass")).hexdigest(),
        outlet=as_text(meta.get("outlet")) or layout.outlet,
        published=published if isinstance(published, dt.date) else layout.published,
        title=title or layout.title,
        url=url,
        byline=as_text(meta.get("byline")) or layout.byline,
        boilerplate=merge(regions),
        copy_of=None,
    )
