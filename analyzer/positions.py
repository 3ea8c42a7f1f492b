"""Line and column arithmetic on decoded text, shared by every reader that reports positions."""

from __future__ import annotations


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def blank(text: str, fill: str = " ") -> str:
    """``text`` as ``fill`` characters, line breaks kept: hidden from a parser, positions unchanged."""
    return "".join(c if c in "\r\n" else fill for c in text)


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column (the inverse of :func:`line_col`)."""
    at = 0
    for _ in range(line - 1):
        nxt = text.find("\n", at)
        if nxt < 0:
            break
        at = nxt + 1
    return at + column - 1
