"""The chunk files a bundler's runtime loads, named in its own code, as specifiers of the file.

A page loads the entry script; the entry loads the rest of the app's chunks itself. webpack's
runtime builds each chunk's file name in its ``__webpack_require__.u`` function:
``n.u = e => "js/" + e + "." + {237: "2f44c9f5", 48: "0172df9c"}[e] + ".chunk.js"`` (or a plain
string when there is one chunk), relative to its public path; Turbopack names them as strings
``"static/chunks/0n4x….js"`` served under ``/_next/``. Each name becomes a root-relative specifier
(``/js/237.2f44c9f5.chunk.js``), so a recorder in a lazily loaded chunk is linked to the pages that
load the entry. Only the shapes above are read, in files that hold the runtime; nothing is run.
"""

from __future__ import annotations

import re
from typing import TypeAlias

_WEBPACK_U = re.compile(rb"\.u=(?:function\(([\w$]+)\)\{return|\(([\w$]+)\)=>|([\w$]+)=>)")
_NAME = re.compile(rb"[\w$]+")
_PAIR = re.compile(rb'([\w$]{1,64}|"[\w$-]{1,64}"):"([\w.-]{1,64})"')
_TURBOPACK = re.compile(rb""""(static/chunks/[\w.~-]+\.js)\"""")
MAX_CHUNKS = 2000


def chunk_specifiers(data: bytes) -> tuple[str, ...]:
    """Root-relative paths of the chunks this runtime may load (empty for other code)."""
    out: list[str] = []
    if b"ChunkLoadError" in data or b"webpackChunk" in data:
        for m in _WEBPACK_U.finditer(data):
            out += _webpack_names(data, m.end(), (m.group(1) or m.group(2) or m.group(3)).decode())
            if len(out) >= MAX_CHUNKS:
                break
    if b"TURBOPACK" in data:
        out += ["/_next/" + m.group(1).decode() for m in _TURBOPACK.finditer(data)]
    return tuple(dict.fromkeys(out[:MAX_CHUNKS]))


# A term of a chunk name: ("s", a string), ("p", None) for the chunk id, ("m", {id: string}) for a hash table.
_Term: TypeAlias = tuple[str, str | dict[str, str] | None]


def _term(data: bytes, at: int, param: str) -> tuple[str, str | dict[str, str] | None, int] | None:
    """One term of the name's concatenation at ``at``: a string, the chunk id, or a hash table
    indexed by it (``{48: "0172df9c"}[e]``), with the offset after it."""
    head = data[at : at + 1]
    if head in (b'"', b"'"):
        end = data.find(head, at + 1)
        if end < 0 or b"\n" in data[at:end] or b"\\" in data[at:end]:
            return None
        return "s", data[at + 1 : end].decode("utf-8", "replace"), end + 1
    if head == b"{":
        end = data.find(b"}", at, at + 200_000)
        index = b"[" + param.encode() + b"]"
        if end < 0 or b"{" in data[at + 1 : end] or data[end + 1 : end + 1 + len(index)] != index:
            return None
        table = {k.decode().strip('"'): v.decode("utf-8", "replace") for k, v in _PAIR.findall(data, at, end + 1)}
        return "m", table, end + 1 + len(index)
    name = _NAME.match(data, at)
    if name is not None and name.group().decode() == param:
        return "p", None, name.end()
    return None


def _webpack_names(data: bytes, at: int, param: str) -> list[str]:
    """Evaluate ``"js/" + e + "." + {id: hash}[e] + ".chunk.js"`` for each id the tables name
    (minified: no spaces between the terms)."""
    terms: list[_Term] = []
    while len(terms) < 16:
        term = _term(data, at, param)
        if term is None:
            return []
        terms.append(term[:2])
        at = term[2]
        if data[at : at + 1] != b"+":
            break
        at += 1
    tables = [t for _, t in terms if isinstance(t, dict)]  # the "m" terms
    if not tables:
        if any(kind == "p" for kind, _ in terms):
            return []  # the id alone names the file: the ids are not listed here
        return ["/" + "".join(str(t) for _, t in terms).lstrip("/")]
    names = []
    for chunk in sorted(set[str]().union(*tables))[:MAX_CHUNKS]:
        parts = [t if isinstance(t, str) else chunk if t is None else t.get(chunk, chunk) for _, t in terms]
        names.append("/" + "".join(parts).lstrip("/"))
    return names
