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
_COMMA = ord(",")


def _decode_line(text: str, state: list[int]) -> list[tuple[int, int, int, int]]:
    """All segments of one generated line, decoded in one pass over its bytes (a minified
    bundle's single line holds hundreds of thousands): (column, source, line, column), with the
    source / line / column state carried across lines in ``state``. A malformed segment (an
    unknown character, a value wider than _MAX_SHIFT bits, continuation digits only) is skipped."""
    out: list[tuple[int, int, int, int]] = []
    col = 0
    values: list[int] = []
    shift = value = 0
    bad = False
    raw = text.encode("ascii", "replace").translate(_DIGITS) if text else b""
    marks = text.encode("ascii", "replace") if text else b""
    for i, digit in enumerate(raw):
        if marks[i] == _COMMA:
            if not bad and values:
                col = _segment(values, col, state, out)
            values, shift, value, bad = [], 0, 0, False
            continue
        if bad:
            continue
        if digit == 64:
            bad = True
            continue
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
            if shift > _MAX_SHIFT:
                bad = True
            continue
        values.append(-(value >> 1) if value & 1 else value >> 1)
        shift = value = 0
    if not bad and values and not shift:
        _segment(values, col, state, out)
    return out


def _segment(values: list[int], col: int, state: list[int], out: list[tuple[int, int, int, int]]) -> int:
    col += values[0]
    if len(values) >= 4:
        state[0] += values[1]
        state[1] += values[2]
        state[2] += values[3]
        out.append((col, state[0], state[1], state[2]))
    return col


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
            segments.sort(key=lambda seg: seg[0])
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
