"""Bytes to text: BOM sniff, then strict UTF-8, then cp1252 for bytes that
look like text. Nothing is normalised except that a leading BOM is dropped,
so offsets into the decoded string are offsets into the article."""

from __future__ import annotations

import codecs
from pathlib import Path

from checker.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return.
_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13}


def decode(data: bytes, name: str) -> str:
    """The text of a file's bytes; ``name`` is only used in error messages."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise _undecodable(name, encoding.upper()) from None
    if b"\x00" in data[:4096]:
        guessed = _bomless_utf16(data)
        if guessed is not None:
            return guessed
        raise InputError(f"{name} looks binary, not text (expected an article as text, e.g. UTF-8)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _undecodable(name, "UTF-8 or cp1252") from None
    if not _looks_like_text(text):
        raise InputError(f"{name} looks binary, not text (expected an article as text, e.g. UTF-8)")
    return text


def read_text(path: Path, name: str) -> str:
    """Read and decode a file; every failure is an :class:`InputError`."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{name} is a folder, not a file (give the folder itself)") from None
    except OSError as e:
        raise InputError(f"cannot read {name}: {e.strerror or e} (check its permissions)") from None
    text = decode(data, name) if data.strip() else ""
    if not text.strip():
        raise InputError(f"empty file: {name} (add the article text or remove the file)")
    return text


def _undecodable(name: str, tried: str) -> InputError:
    return InputError(f"cannot decode {name} as {tried} text (re-save it as UTF-8)")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of ASCII-range text is NUL."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if _looks_like_text(text) else None
    return None


def _looks_like_text(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return True
    bad = sum(1 for ch in sample if ord(ch) in _CONTROL or ch == "\ufffd")
    return bad <= 0.02 * len(sample)
