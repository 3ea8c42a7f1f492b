"""Where the built-in signature data lives: ``analyzer/sigdata`` when installed (pyproject.toml installs the
repository's ``signatures/`` there), else ``signatures/`` at the root of a source checkout.

This module imports nothing from ``analyzer``: the signature loader reads its tables from here, and a parse module
that reads a table of its own (``analyzer.parse.charset_guess``) finds it here without importing the loader, which
sits a stage above it."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent  # analyzer/
BUILTIN_DIR = _PACKAGE / "sigdata"
if not BUILTIN_DIR.is_dir():  # running from a source checkout: the data lives at the repository root
    BUILTIN_DIR = _PACKAGE.parent / "signatures"
