"""Running the console entry point inside a test."""

from __future__ import annotations

import sys

import pytest

from checker.cli import main


def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """Run ``claimcheck ARGS`` as the console does; returns exit code, stdout, stderr."""
    monkeypatch.setattr(sys, "argv", ["claimcheck", *args])
    with pytest.raises(SystemExit) as e:
        main()
    out, err = capsys.readouterr()
    code = e.value.code
    return (code if isinstance(code, int) else 0), out, err
