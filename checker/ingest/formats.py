"""Readers: one file → raw article records (text + metadata) or a manifest.

Readers raise :class:`InputError` for a file that cannot be an article at
all; problems with single records of a multi-record file are returned as
warnings so the good records still load.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.ingest.decode import HEAD_BYTES, MAX_FILE_BYTES, decode, read_bytes, read_text
from checker.ingest.fields import as_text, canonical_field, pick

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl", ".csv")
_ALIASED_SUFFIXES = {
    ".text": ".txt", ".markdown": ".md", ".htm": ".html", ".xhtml": ".html", ".ndjson": ".jsonl",
}
EXPECTED = "expected .txt, .md, .html, .json, .jsonl or .csv files"
_TEXT_FIELDS = 'a "text", "body" or "content" field'
_NESTED_LISTS = ("documents", "articles", "items", "records", "data", "results", "entries", "docs")
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$\r?\n?",
                           re.DOTALL | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Record:
    """One article as found in a file, before metadata inference."""

    text: str
    meta: dict[str, Any]  # canonical fields (see fields.ALIASES), raw values
    path: str  # the file, as shown to the user
    index: int | None = None  # 1-based record number in a multi-record file
    body_start: int = 0  # where the article starts (after front matter)
    markdown: bool = False


@dataclass(frozen=True, slots=True)
class ManifestRow:
    file: Path
    name: str  # as shown to the user
    meta: dict[str, Any]
    row: int


@dataclass
class Read:
    """What a file held: records, or manifest rows, and per-record warnings."""

    records: list[Record] = field(default_factory=list)
    manifest: list[ManifestRow] | None = None
    warnings: list[str] = field(default_factory=list)


def suffix(path: Path) -> str:
    s = path.suffix.lower()
    return _ALIASED_SUFFIXES.get(s, s)


def read(path: Path, name: str, *, max_bytes: int = MAX_FILE_BYTES) -> Read:
    """Read one file by its extension (see :data:`ARTICLE_SUFFIXES`); files
    over ``max_bytes`` are refused."""
    kind = suffix(path)
    text = read_text(path, name, max_bytes=max_bytes)
    if kind == ".md":
        return Read([_markdown(text, name)])
    if kind == ".html":
        return Read([_html(text, name)])
    if kind == ".json":
        return _records(_json(text, name), name, path.parent)
    if kind == ".jsonl":
        return _jsonl(text, name, path.parent)
    if kind == ".csv":
        return _csv(text, name, path)
    return Read([Record(text, {}, name)])


# ------------------------------------------------------------------- formats


def _markdown(text: str, name: str) -> Record:
    m = _FRONT_MATTER.match(text)
    if m is None:
        return Record(text, {}, name, markdown=True)
    import yaml

    try:
        data = yaml.safe_load(m["yaml"])
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(
            f"cannot read the front matter of {name}{where}: fix the YAML between the --- lines"
        ) from None
    meta = pick(data) if isinstance(data, Mapping) else {}
    meta.pop("text", None)
    return Record(text, meta, name, body_start=m.end(), markdown=True)


def _html(html: str, name: str) -> Record:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    got: dict[str, Any] = (
        doc if isinstance(doc, dict) else doc.as_dict() if doc is not None else {}
    )
    text = got.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"no article text found in {name} (expected a news page with a main text)")
    meta = {
        field: got[key]
        for field, key in (
            ("title", "title"),
            ("outlet", "sitename"),
            ("published", "date"),
            ("url", "url"),
            ("byline", "author"),
        )
        if got.get(key)
    }
    return Record(text, meta, name)


def _json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(
            f"{name} is not valid JSON (line {e.lineno}: {e.msg}); fix or remove the file"
        ) from None
    except RecursionError:
        raise InputError(f"{name} is nested too deeply to read as JSON") from None


def _jsonl(text: str, name: str, base: Path) -> Read:
    items: list[Any] = []
    bad: list[int] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except (json.JSONDecodeError, RecursionError):
            bad.append(n)
    if not items:
        raise InputError(
            f"{name} is not valid JSON Lines (line {bad[0] if bad else 1}: no JSON object); "
            "fix or remove the file"
        )
    out = _records(items, name, base)
    out.warnings[:0] = [f"{name} line {n}: not valid JSON, skipped" for n in bad]
    return out


def _flatten(obj: Any) -> list[Any]:
    """Article records in a JSON value: a list, one object, an object holding
    a list of articles (``{"articles": [...]}``), or objects that group
    articles (``[{"incident": 1, "documents": [...]}]``)."""
    if isinstance(obj, list):
        items = obj
    elif isinstance(obj, Mapping):
        items = [obj]
    else:
        return []
    out: list[Any] = []
    for item in items:
        if isinstance(item, Mapping) and "text" not in pick(item) and "file" not in pick(item):
            nested = next(
                (item[k] for k in item if isinstance(k, str) and k.lower() in _NESTED_LISTS
                 and isinstance(item[k], list)),
                None,
            )
            if nested is not None:
                out.extend(_flatten(nested))
                continue
        out.append(item)
    return out


def _records(obj: Any, name: str, base: Path) -> Read:
    items = _flatten(obj)
    picked = [pick(x) if isinstance(x, Mapping) else ({"text": x} if isinstance(x, str) else {})
              for x in items]
    if picked and not any("text" in p for p in picked) and all("file" in p for p in picked):
        return Read(manifest=[_manifest_row(p, i, base) for i, p in enumerate(picked, 1)])
    return _from_rows(picked, name, "record")


def _from_rows(rows: Iterable[dict[str, Any]], name: str, unit: str) -> Read:
    out = Read()
    rows = list(rows)
    many = len(rows) > 1
    for i, p in enumerate(rows, 1):
        text = p.pop("text", None)
        if not isinstance(text, str) or not text.strip():
            out.warnings.append(f"{name} {unit} {i}: no article text, skipped")
            continue
        out.records.append(Record(text, p, name, index=i if many else None))
    if not out.records:
        if not rows:
            raise InputError(f"no articles in {name} (it holds no records)")
        raise InputError(f"no article text in {name} (expected records with {_TEXT_FIELDS})")
    return out


def _csv(text: str, name: str, path: Path) -> Read:
    rows = _csv_rows(text, name)
    if not rows:
        raise InputError(f"empty file: {name} (add the article text or remove the file)")
    header = rows[0]
    fields = [canonical_field(h) for h in header]
    if "text" not in fields:
        if "file" in fields:
            records = [_row(header, r) for r in rows[1:] if any(c.strip() for c in r)]
            if not records:
                raise InputError(f"manifest {name} lists no files (add a row per article)")
            return Read(manifest=[_manifest_row(pick(r), i, path.parent)
                                  for i, r in enumerate(records, 2)])
        raise InputError(
            f"{name} has no text column (expected a text, body or content column, "
            "or a file or path column for a manifest)"
        )
    records = [pick(_row(header, r)) for r in rows[1:] if any(c.strip() for c in r)]
    return _from_rows(records, name, "row")


def _csv_rows(text: str, name: str, *, limit: int | None = None) -> list[list[str]]:
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, 2**31 - 1))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        return list(reader if limit is None else itertools.islice(reader, limit))
    except csv.Error as e:
        raise InputError(f"{name} is not a readable CSV file ({e}); fix or remove it") from None
    finally:
        csv.field_size_limit(old)


def _delimiter(text: str) -> str:
    """The delimiter under which the header names the most known fields
    (sniffing the body instead is fooled by commas and semicolons in articles)."""
    header = text.split("\n", 1)[0]

    def known(d: str) -> int:
        return sum(canonical_field(h) is not None for h in next(csv.reader([header], delimiter=d)))

    return max((",", ";", "\t", "|"), key=lambda d: (known(d), d == ","))


def is_manifest(path: Path, name: str) -> bool:
    """A CSV with a file or path column and no text column (read cheaply: the
    header only, from the file's first 64 KiB)."""
    try:
        head = read_bytes(path, name, head=True)
        if len(head) == HEAD_BYTES:  # a longer file: cut at a line break, not in a character
            cut = head.rfind(b"\n")
            head = head[: cut + 1] if cut >= 0 else head
        text = decode(head, name)
        rows = _csv_rows(text, name, limit=1)
    except InputError:
        return False
    fields = [canonical_field(h) for h in rows[0]] if rows else []
    return "file" in fields and "text" not in fields


def _row(header: list[str], row: list[str]) -> dict[str, Any]:
    return {h: v for h, v in zip(header, row, strict=False)}


def _manifest_row(p: dict[str, Any], row: int, base: Path) -> ManifestRow:
    file = as_text(p.pop("file")) or ""
    target = Path(file)
    if not target.is_absolute():
        target = base / target
    return ManifestRow(target, str(target) if file else "", p, row)
