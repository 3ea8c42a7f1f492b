"""Source maps (v3): map a position in a bundle back to the original source file and line.

Found through the bundle's ``//# sourceMappingURL=`` comment (a relative file or an inline
``data:`` URL) or a ``<bundle>.map`` sibling. The VLQ ``mappings`` are decoded lazily, line by
line, only as far as the positions asked for: a large bundle's map is not decoded whole.
Only local files are read; a map URL with a scheme is ignored (no network).
"""

from __future__ import annotations

import base64
import bisect
import json
import os
import re
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


def _vlq(segment: str) -> list[int]:
    values, shift, value = [], 0, 0
    for ch in segment:
        digit = _B64[ch]
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        values.append(-(value >> 1) if value & 1 else value >> 1)
        shift = value = 0
    return values


class SourceMap:
    def __init__(self, data: dict, base: Path) -> None:
        root = data.get("sourceRoot") or ""
        self.sources = [os.path.normpath(base / root / s) if not re.match(r"^[a-z]+:", s) else s for s in data.get("sources", [])]
        self._lines = data.get("mappings", "").split(";")
        self._decoded: list[list[tuple[int, int, int, int]]] = []
        self._state = [0, 0, 0]  # source index, original line, original column carry across lines

    def _decode_to(self, line: int) -> None:
        while len(self._decoded) <= line and len(self._decoded) < len(self._lines):
            col = 0
            segments = []
            for seg in self._lines[len(self._decoded)].split(","):
                if not seg:
                    continue
                try:
                    v = _vlq(seg)
                except KeyError:
                    continue
                col += v[0]
                if len(v) >= 4:
                    self._state[0] += v[1]
                    self._state[1] += v[2]
                    self._state[2] += v[3]
                    segments.append((col, self._state[0], self._state[1], self._state[2]))
            self._decoded.append(segments)

    def lookup(self, line: int, column: int) -> Original | None:
        """The original position of a 1-based generated ``line`` and ``column``."""
        self._decode_to(line - 1)
        if line - 1 >= len(self._decoded):
            return None
        segments = self._decoded[line - 1]
        i = bisect.bisect_right([s[0] for s in segments], column - 1) - 1
        if i < 0:
            return None
        _, src, oline, ocol = segments[i]
        if not 0 <= src < len(self.sources):
            return None
        return Original(self.sources[src], oline + 1, ocol + 1)


def find(bundle: Path, text: str) -> SourceMap | None:
    """The bundle's source map, if a local one exists and parses; never raises."""
    tail = text[-4096:]
    m = None
    for line in reversed(tail.splitlines()[-5:]):
        m = _URL_COMMENT.search(line)
        if m:
            break
    try:
        if m and m.group(1).startswith("data:"):
            payload = m.group(1).split(",", 1)[1]
            return SourceMap(json.loads(base64.b64decode(payload)), bundle.parent)
        candidate = bundle.parent / m.group(1) if m and not re.match(r"^[a-z]+:", m.group(1)) else Path(str(bundle) + ".map")
        if candidate.is_file() and candidate.stat().st_size <= MAX_MAP_BYTES:
            return SourceMap(json.loads(candidate.read_text(encoding="utf-8", errors="replace")), candidate.parent)
    except (OSError, ValueError, IndexError, TypeError):
        return None
    return None
