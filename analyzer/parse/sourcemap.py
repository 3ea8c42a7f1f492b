"""Source maps (v3): map a position in a bundle back to the original source file and line.

Found through the bundle's ``//# sourceMappingURL=`` comment (a relative file or an inline
``data:`` URL) or a ``<bundle>.map`` sibling. The VLQ ``mappings`` are decoded lazily, line by
line, only as far as the positions asked for: a large bundle's map is not decoded whole.
Only local files are read; a map URL with a scheme is ignored (no network), and a map outside the
scanned folder is not read unless asked (``../../etc/passwd`` was opened). A map that is not a
JSON object, has fields of the wrong type or malformed VLQ segments yields fewer positions, never
an exception: the bundle's recorder does not depend on its map.
"""

from __future__ import annotations

import base64
import bisect
import json
import operator
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_URL_COMMENT = re.compile(r"//[#@]\s*sourceMappingURL=(\S+)\s*$")
MAX_MAP_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Original:
    path: str  # as the map names it, resolved against the map's folder
    line: int  # 1-based
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


_MAX_SHIFT = 60  # a VLQ value wider than this is garbage, not a position (and would grow without bound)


# Each base64 character's 6-bit value; 64 marks a character that is not base64 (skip its segment).
_DIGITS = bytes(_B64.get(chr(i), 64) if i < 128 else 64 for i in range(256))


# Segment text -> its decoded values (see _values), shared by every map of a scan: a bundle's
# map repeats the same segments (``AAAA``, ``CAAC``) hundreds of thousands of times.
_SEGMENTS: dict[str, tuple[int, int | None, int, int, bool] | tuple[()]] = {}
_MAX_SEGMENTS = 1 << 18  # entries kept before the cache starts over
# A segment's generated column: the sort key of a decoded line (a C getter; a minified line holds
# hundreds of thousands of segments).
_COLUMN = operator.itemgetter(0)


def _decode_line(text: str, state: list[int]) -> list[tuple[int, int, int, int]]:
    """All segments of one generated line (a minified bundle's single line holds hundreds of
    thousands): (column, source, line, column), with the source / line / column state carried
    across lines in ``state``. A malformed segment (an unknown character, a value wider than
    _MAX_SHIFT bits, continuation digits only) is skipped."""
    out: list[tuple[int, int, int, int]] = []
    if not text:
        return out
    if len(_SEGMENTS) > _MAX_SEGMENTS:
        _SEGMENTS.clear()
    cache = _SEGMENTS
    parts = text.split(",")
    last = cache.get(parts[-1])
    if last is None:
        last = cache[parts[-1]] = _values(parts[-1])
    if last and last[4]:
        parts.pop()  # continuation digits cut off by the end of the line: not a segment
    col = 0
    source, line, column = state
    for part in parts:
        v = cache.get(part)
        if v is None:
            v = cache[part] = _values(part)
        if not v:
            continue
        col += v[0]
        if v[1] is not None:
            source += v[1]
            line += v[2]
            column += v[3]
            out.append((col, source, line, column))
    state[0], state[1], state[2] = source, line, column
    return out


def _values(part: str) -> tuple[int, int | None, int, int, bool] | tuple[()]:
    """One segment's generated column, its source / line / column deltas (None, 0, 0 when it has
    fewer than four values) and whether continuation digits were left over at its end (the
    values before them count, except at the end of a line); () when it is malformed or empty."""
    values: list[int] = []
    shift = value = 0
    for digit in part.encode("ascii", "replace").translate(_DIGITS):
        if digit == 64:
            return ()
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
            if shift > _MAX_SHIFT:
                return ()
            continue
        values.append(-(value >> 1) if value & 1 else value >> 1)
        shift = value = 0
    if not values:
        return ()
    if len(values) < 4:
        return (values[0], None, 0, 0, shift != 0)
    return (values[0], values[1], values[2], values[3], shift != 0)


def _strings(value: object) -> list[str]:
    return [v if isinstance(v, str) else "" for v in value] if isinstance(value, list) else []


class SourceMap:
    def __init__(self, data: dict, base: Path) -> None:
        source_root = data.get("sourceRoot")
        root = source_root if isinstance(source_root, str) else ""
        self.sources = [os.path.normpath(base / root / s) if not re.match(r"^[a-z]+:", s) else s for s in _strings(data.get("sources"))]
        mappings = data.get("mappings")
        self._lines = mappings.split(";") if isinstance(mappings, str) else []
        self._decoded: list[tuple[list[int], list[tuple[int, int, int, int]]]] = []
        self._state = [0, 0, 0]  # source index, original line, original column carry across lines

    @property
    def tells_packages_apart(self) -> bool:
        """Does the map name both package sources (node_modules) and the app's own? Only then can
        it say which code is the SDK's (a map of the app's sources alone, or a broken one, cannot)."""
        parts = [s.replace("\\", "/").split("/") for s in self.sources]
        inside = sum("node_modules" in p for p in parts)
        return 0 < inside < len(parts)

    def _decode_to(self, line: int) -> None:
        while len(self._decoded) <= line and len(self._decoded) < len(self._lines):
            segments = _decode_line(self._lines[len(self._decoded)], self._state)
            segments.sort(key=_COLUMN)  # stable: segments of one column keep their order
            self._decoded.append(([seg[0] for seg in segments], segments))

    def lookup(self, line: int, column: int) -> Original | None:
        """The original position of a 1-based generated ``line`` and ``column``."""
        if line < 1:
            return None
        self._decode_to(line - 1)
        if line - 1 >= len(self._decoded):
            return None
        columns, segments = self._decoded[line - 1]
        i = bisect.bisect_right(columns, column - 1) - 1
        if i < 0:
            return None
        _, src, oline, ocol = segments[i]
        if not 0 <= src < len(self.sources):
            return None
        return Original(self.sources[src], oline + 1, ocol + 1)


def _load(raw: str | bytes, base: Path) -> SourceMap | None:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return SourceMap(data, base) if isinstance(data, dict) else None


def inside(path: str, boundary: str) -> bool:
    """Whether ``path`` (resolved through symlinks) lies in the folder ``boundary``."""
    real = os.path.realpath(path)
    return real == boundary or real.startswith(boundary.rstrip(os.sep) + os.sep)


def find(bundle: Path, text: str, boundary: str | None = None) -> tuple[SourceMap | None, str | None]:
    """The bundle's source map, if a local one exists and parses, and a note when one was not
    read because it lies outside ``boundary`` (the scanned root; None: anywhere); never raises."""
    tail = text[-4096:]
    m = None
    for line in reversed(tail.splitlines()[-5:]):
        m = _URL_COMMENT.search(line)
        if m:
            break
    try:
        if m and m.group(1).startswith("data:"):
            payload = m.group(1).split(",", 1)[1]
            return _load(base64.b64decode(payload), bundle.parent), None
        candidate = bundle.parent / m.group(1) if m and not re.match(r"^[a-z]+:", m.group(1)) else Path(str(bundle) + ".map")
        if boundary is not None and not inside(str(candidate), boundary):
            return (
                None,
                f"source map {m.group(1) if m else candidate.name} lies outside the scanned folder: not read (--follow-outside-root reads "
                "it)",
            )
        st = candidate.stat()
        if stat.S_ISREG(st.st_mode) and 0 < st.st_size <= MAX_MAP_BYTES:
            with candidate.open("rb") as fh:
                return _load(fh.read(MAX_MAP_BYTES + 1).decode("utf-8", "replace"), candidate.parent), None
    except (OSError, ValueError, IndexError, TypeError):
        return None, None
    return None, None
