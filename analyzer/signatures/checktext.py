"""Where a consent check of ``signatures/consent/*.toml`` occurs in a condition's normalised text.

A check is a fragment of code (``consent.analytics``); ``…`` in it stands for any balanced run of code, brackets
and quotes closed (``getServicesBaseInfo().find(…).consent.status``: the service a ``find()`` returns is truthy
whether or not it is consented, so only its ``consent.status`` is the visitor's choice;
``acceptedService(…, 'analytics')``: the category a service is asked in must be an analytics one). The run
never reaches past the bracket that encloses it, so a part after it belongs to the same call or chain.
"""

from __future__ import annotations

GAP = "…"
_OPEN, _CLOSE = "([{", ")]}"
_RUN = 600  # characters a gap may span
_TRIES = 16  # occurrences of a check's first part tried


def occurs(check: str, text: str) -> bool:
    """Whether ``check`` (normalised, as ``text`` is) occurs in ``text``."""
    if GAP not in check:
        return check in text
    first, *rest = check.split(GAP)
    at = text.find(first)
    tries = 0
    while at != -1 and tries < _TRIES:
        if _follows(rest, text, at + len(first)):
            return True
        at = text.find(first, at + 1)
        tries += 1
    return False


def _follows(parts: list[str], text: str, at: int) -> bool:
    """Whether each of ``parts`` follows ``at`` in turn, each after a balanced run of code."""
    for part in parts:
        end = _after_run(text, at, part)
        if end is None:
            return False
        at = end
    return True


def _after_run(text: str, at: int, part: str) -> int | None:
    """Where ``part`` ends when it starts after a balanced run of code from ``at`` (the shortest), else None."""
    depth, quote = 0, ""
    for i in range(at, min(len(text), at + _RUN) + 1):
        if not quote and depth == 0 and text.startswith(part, i):
            return i + len(part)
        if i == len(text):
            return None
        c = text[i]
        if quote:
            quote = "" if c == quote and text[i - 1] != "\\" else quote
        elif c in "'\"`":
            quote = c
        elif c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
            if depth < 0:
                return None
    return None
