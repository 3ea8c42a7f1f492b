"""Front matter: the YAML (``---``) or TOML (``+++``) block a static-site page opens with (Jekyll, Hugo,
Eleventy, Astro, Docusaurus). One reader for every use: a policy page's title (``analyzer.parse.prose``),
a Markdown page's HTML (``analyzer.parse.markdown_html``) and the layout a page names
(``analyzer.parse.templates``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAX_LINES = 400  # a fence not closed within this many lines opens no front matter
DATA_LINES = 20_000  # the same for a front matter read as data (analyzer.parse.toml_lists)
_TITLE = re.compile(r"""^[ \t]*(?:title|linkTitle)[ \t]*[:=][ \t]*["']?(.+?)["']?[ \t]*$""", re.M)
_LAYOUT = re.compile(r"""^layout[ \t]*[:=][ \t]*["']?([\w./-]+)""", re.M)


@dataclass(frozen=True)
class FrontMatter:
    start: int  # offset of the block's first line (after the opening fence)
    end: int  # offset of the closing fence
    after: int  # offset of the first character after the closing fence's line
    text: str  # the block between the fences
    fence: str = "---"  # "---" (YAML) or "+++" (TOML)


def read(text: str, max_lines: int = _MAX_LINES) -> FrontMatter | None:
    """The front matter a text opens with (after a byte-order mark), or None; ``max_lines``: a longer block is data
    (a questionnaire kept in the front matter), read only where that is looked for."""
    at = 1 if text.startswith("\ufeff") else 0
    fence = text[at : at + 3]
    if fence not in ("---", "+++"):
        return None
    first = text.find("\n", at)
    if first < 0 or text[at + 3 : first].strip():
        return None
    pos = first + 1
    for _ in range(max_lines):
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if line.strip() == fence:
            return FrontMatter(first + 1, pos, len(text) if nl < 0 else nl + 1, text[first + 1 : pos], fence)
        if nl < 0:
            return None
        pos = nl + 1
    return None


def title(fm: FrontMatter) -> tuple[int, str] | None:
    """(offset in the file, text) of the page's title (``title`` or Hugo's ``linkTitle``)."""
    m = _TITLE.search(fm.text)
    return (fm.start + m.start(), m.group(1).strip()) if m else None


def layout(text: str) -> tuple[int, str] | None:
    """(offset, name) of the layout a page's front matter names (``layout: default``)."""
    if not text.startswith(("---", "\ufeff---", "+++")):
        return None
    fm = read(text)
    m = _LAYOUT.search(fm.text) if fm is not None else None
    return (fm.start + m.start(1), m.group(1)) if fm is not None and m else None
