"""A value a scan reads from the whole site before the pages and installs for every file it reads: the message
catalogues (``analyzer.parse.messages``), the PHP form builders (``analyzer.parse.php_builders``), the exported choice
lists (``analyzer.parse.script_constants``), the PHP classes' constants (``analyzer.parse.php_constants``) and the
project's own input components (``analyzer.facts.own_components``).
``analyzer.scan`` installs each in the scanning process and in every worker, and the empty value again when the scan
ends."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class Installed(Generic[T]):
    """One site-wide value, ``empty`` outside a scan."""

    def __init__(self, empty: T) -> None:
        self.empty = empty
        self._value = empty

    def install(self, value: T) -> None:
        """Make ``value`` the one the files of this process's scan are read with."""
        self._value = value

    def get(self) -> T:
        """The value installed now (``empty`` outside a scan)."""
        return self._value
