"""Whether to colour the text report, decided the way linters and the NO_COLOR / FORCE_COLOR
conventions (no-color.org, force-color.org) agree on.

In order: ``--color always`` / ``never``; ``NO_COLOR`` set and not empty turns colour off;
``FORCE_COLOR`` set and not empty (except ``0`` / ``false``, as Node tools read it) turns it on;
``TERM=dumb`` turns it off; otherwise colour when the report goes to a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CHOICES = ("auto", "always", "never")


def use_color(choice: str, stream: Any, environ: Mapping[str, str]) -> bool:
    """Whether to colour output: ``always`` / ``never`` as chosen; ``auto`` follows NO_COLOR,
    FORCE_COLOR, TERM=dumb, then whether ``stream`` is a terminal."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    force = environ.get("FORCE_COLOR")
    if force and force.lower() not in ("0", "false"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
