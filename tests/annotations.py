"""Expectation annotations in fixtures (semgrep-rules style ``ruleid:`` / ``ok:``).

``<!-- expect: VENDOR STATUS [via=VIA] [cmp=CMP] -->`` on its own line: a detection of VENDOR with
that consent status starts on the next non-blank line. ``<!-- expect-finding: RULE -->``: a
finding of RULE starts on the next non-blank line. ``<!-- expect-field: CATEGORY exposed=V1,V2|none -->``:
a sensitive field of CATEGORY starts on the next non-blank line and exactly those recorders capture it.
``//`` and ``/* */`` comments (``{/* */}`` in JSX) work the same in code files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ANNOTATION = re.compile(
    r"(?:<!--|//|\{#|\{\{!--|<%#|\{?/\*)\s*(expect|expect-finding|expect-field):\s*([^>]*?)\s*(?:-->|#\}|--\}\}|%>|\*/\}?|$)"
)


@dataclass(frozen=True)
class Expected:
    kind: str  # "detection" or "finding"
    line: int
    subject: str  # vendor id or rule id
    status: str | None = None
    options: dict[str, str] = field(default_factory=dict)


def _next_content_line(lines: list[str], index: int) -> int:
    for j in range(index + 1, len(lines)):
        if lines[j].strip() and not _ANNOTATION.search(lines[j]):
            return j + 1
    raise AssertionError(f"annotation on line {index + 1} has nothing after it")


def parse(text: str) -> list[Expected]:
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        m = _ANNOTATION.search(line)
        if not m:
            continue
        words = m.group(2).split()
        target = _next_content_line(lines, i)
        opts = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        if m.group(1) == "expect":
            status = next((w for w in words[1:] if "=" not in w), None)
            out.append(Expected("detection", target, words[0], status, opts))
        elif m.group(1) == "expect-field":
            out.append(Expected("field", target, words[0], None, opts))
        else:
            out.append(Expected("finding", target, words[0], None, opts))
    return out
