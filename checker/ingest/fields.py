"""Metadata fields of records, front matter and manifests: aliases and dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from checker.errors import InputError

#: Canonical field → accepted names (compared case-insensitively, ``-`` as ``_``).
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "story", "maintext", "full_text", "article_text"),
    "title": ("title", "headline"),
    "outlet": (
        "outlet", "source", "outlet_domain", "publisher", "sitename", "site_name", "site",
        "source_domain", "domain", "outlet_name", "source_name", "publication",
    ),
    "published": (
        "published", "date", "dct", "published_at", "publish_date", "published_date",
        "date_published", "pubdate", "pub_date", "datetime",
    ),
    "url": ("url", "link", "source_url", "href"),
    "byline": ("byline", "author", "authors", "by", "writer"),
    "id": ("id", "doc_id", "document_id", "article_id", "uid"),
    "file": ("file", "path", "filename", "file_name"),
}
_LOOKUP = {alias: field for field, names in ALIASES.items() for alias in names}
METADATA = ("title", "outlet", "published", "url", "byline")


def key(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def canonical_field(name: str) -> str | None:
    """The canonical field a column or key name stands for, if any."""
    return _LOOKUP.get(key(name))


def pick(record: Mapping[str, Any]) -> dict[str, Any]:
    """Canonical fields of a record; the first matching alias wins, in alias order."""
    by_key = {key(k): v for k, v in record.items() if isinstance(k, str)}
    out: dict[str, Any] = {}
    for field, names in ALIASES.items():
        for name in names:
            value = by_key.get(name)
            if _present(value):
                out[field] = value
                break
    return out


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, float):
        return value == value  # NaN from a CSV reader is "missing"
    return True


def as_text(value: Any) -> str | None:
    """A metadata value as one line of text (names of ``{"name": ...}`` objects,
    lists joined with commas)."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        for k in ("name", "title", "value", "id"):
            if k in value:
                return as_text(value[k])
        return None
    if isinstance(value, list | tuple):
        parts = [p for p in (as_text(v) for v in value) if p]
        return ", ".join(parts) or None
    text = " ".join(str(value).split())
    return text or None


_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z ]*)?\s*$")


def parse_date(value: Any) -> dt.date | None:
    """A publication date from a metadata value, or None when it cannot be
    read as a full date. Partial (``Nov. 27``) and relative (``yesterday``)
    dates give None: the tool never guesses a year or uses today's date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = as_text(value)
    if not text:
        return None
    m = _ISO_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if not re.search(r"\d{4}", text):  # no year: nothing to read without guessing
        return None
    return _dateparser(text)


def _dateparser(text: str) -> dt.date | None:
    import dateparser

    try:
        # English only: detecting the language tries every locale and is ~1 s per call.
        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PARSERS": ["custom-formats", "absolute-time"],
                "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first",
            },
        )
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.date() if parsed is not None else None


def require_date(value: Any, what: str) -> dt.date | None:
    """Like :func:`parse_date`, but a value that is present and unreadable is
    an :class:`InputError` (for dates a user typed)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise InputError(f"cannot read {what} {value!r} as a date (use YYYY-MM-DD)")
    return parsed
