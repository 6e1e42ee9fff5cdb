"""Bytes to text: BOM sniff, then strict UTF-8, then cp1252 for bytes that
look like text. Nothing is normalised except that a leading BOM is dropped,
so offsets into the decoded string are offsets into the article."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from checker.config import MAX_FILE_MB
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


MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024  # default per-file limit
HEAD_BYTES = 64 * 1024  # enough for any manifest's header line


def read_bytes(
    path: Path, name: str, *, max_bytes: int = MAX_FILE_BYTES, head: bool = False
) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` of them; with ``head``
    only the first :data:`HEAD_BYTES`. Devices, pipes and sockets are refused without
    blocking on them; every failure is an :class:`InputError`."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise _folder(name) from None
    except OSError as e:
        raise InputError(f"cannot read {name}: {e.strerror or e} (check its permissions)") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise _folder(name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{name} is not a regular file (a device, pipe or socket); give article files"
            )
        if head:
            return fh.read(HEAD_BYTES)
        if info.st_size > max_bytes:
            raise too_big(name, info.st_size, max_bytes)
        try:
            data = fh.read(max_bytes + 1)  # a file that grows while read is bounded too
        except OSError as e:
            raise InputError(f"cannot read {name}: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise too_big(name, len(data), max_bytes)
    return data


def read_text(path: Path, name: str, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read and decode a file; every failure is an :class:`InputError`."""
    data = read_bytes(path, name, max_bytes=max_bytes)
    text = decode(data, name) if data.strip() else ""
    if not text.strip():
        raise InputError(f"empty file: {name} (add the article text or remove the file)")
    return text


def too_big(name: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{name} is larger than the {_megabytes(max_bytes)} limit for one file "
        f"({_megabytes(size)}); split it, or raise --max-file-mb"
    )


def _megabytes(n: int) -> str:
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def _folder(name: str) -> InputError:
    return InputError(f"{name} is a folder, not a file (give the folder itself)")


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
