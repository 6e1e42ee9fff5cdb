"""The tool's version, in a module of its own so that any module can import
it without importing the package's entry point (``checker.check``)."""

__version__ = "0.1.0"
