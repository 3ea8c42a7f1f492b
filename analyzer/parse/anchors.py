"""Snippet anchors found as written or as a formatter rewrote them.

A vendor's snippet anchors (``signatures/vendors/*.toml [[detect.snippet]]``) are written the way
the vendor's docs print the code: ``(c,l,a,r,i,t,y)``, ``"clarity"``. Code kept in a repository
has often been through Prettier or an editor: ``(function (c, l, a, r, i, t, y) {``, single quotes.
An anchor matches its text exactly, or with whitespace around punctuation and any quote character
for a quote. The flexible reading runs only for a group one of whose anchors is present exactly
(a host, a global name), so a file that holds none of a vendor's words costs one ``in`` per anchor.
"""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTES = "'\"`"


@lru_cache(maxsize=2048)
def _flexible(anchor: str) -> re.Pattern[bytes]:
    parts: list[str] = []
    prev = ""
    for ch in anchor:
        if ch.isspace():
            continue
        if parts and not (prev.isalnum() and ch.isalnum()) and not (prev in "_$" or ch in "_$"):
            parts.append(r"\s*")
        parts.append("['\"`]" if ch in _QUOTES else re.escape(ch))
        prev = ch
    return re.compile("".join(parts).encode())


# The last code asked about and its anchors found as written: the detector asks about the same
# groups of a file again per pass (head entries, markup strings, snippets), each a search of the file.
_last: tuple[bytes, dict[str, bool]] = (b"", {})


def group_present(group: tuple[str, ...] | list[str], data: bytes) -> bool:
    """Are all of the group's anchors in ``data``, as written or as reformatted?"""
    global _last
    if _last[0] is not data:
        _last = (data, {})
    known = _last[1]
    exact = [known[a] if a in known else known.setdefault(a, a.encode() in data) for a in group]
    if all(exact):
        return True
    if not any(exact):
        return False
    return all(hit or _flexible(a).search(data) is not None for a, hit in zip(group, exact, strict=True))


def group_present_text(group: tuple[str, ...] | list[str], text: str) -> bool:
    """``group_present`` on text (an inline script's body)."""
    if all(a in text for a in group):
        return True
    if not any(a in text for a in group):
        return False
    return group_present(group, text.encode("utf-8", "surrogatepass"))


def occurrences(data: bytes, anchor: str, limit: int) -> list[tuple[int, int]]:
    """(offset, length) of the anchor's first ``limit`` occurrences, exact ones if any."""
    needle = anchor.encode()
    out: list[tuple[int, int]] = []
    at = data.find(needle)
    while at >= 0 and len(out) < limit:
        out.append((at, len(needle)))
        at = data.find(needle, at + 1)
    if out:
        return out
    for m in _flexible(anchor).finditer(data):
        out.append((m.start(), m.end() - m.start()))
        if len(out) >= limit:
            break
    return out
