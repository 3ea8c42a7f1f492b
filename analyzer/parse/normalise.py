"""How signature patterns and code are compared: whitespace removed, every quote made ``'``."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    """Whitespace removed and every quote made ``'``: ``posthog.init( "x", {a: 1} )`` and
    ``posthog.init('x',{a:1})`` compare equal."""
    return _SPACE.sub("", text).replace('"', "'").replace("`", "'")
