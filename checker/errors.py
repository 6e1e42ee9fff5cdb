"""Typed errors. The CLI turns each into one line and exit code 2."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class: a problem the user can fix. ``str(e)`` says what and what to do."""

    exit_code = 2


class InputError(ClaimcheckError):
    """A path, file or record that cannot be read as an article."""


class OutsideError(InputError):
    """An article path that leads outside the folders and files named on the
    command line (a ``..`` or absolute manifest row, or a symlink)."""


class ConfigError(ClaimcheckError):
    """A bad option value or a model that cannot be loaded."""


class StoreError(ClaimcheckError):
    """The claim store is locked, corrupt or of an unknown schema version."""


class BaselineError(ClaimcheckError):
    """A baseline file that cannot be read."""


class EngineError(ClaimcheckError):
    """The engine's cluster cannot be reached or started, or was lost mid-run."""
