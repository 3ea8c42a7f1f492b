"""The ``<script>`` blocks of Vue, Svelte and Astro single-file components, with their positions.

Astro's frontmatter (between the leading ``---`` fences) runs on the server, so it is not a place
a browser recorder starts; only ``<script>`` blocks are returned.
"""

from __future__ import annotations

import re

from analyzer.parse.jsparse import JsSource, dialect_for
from analyzer.parse.positions import line_col

_BLOCK = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_LANG = re.compile(r"""\blang\s*=\s*["']?([a-z]+)""", re.I)


def script_blocks(text: str, path: str) -> list[JsSource]:
    """Each ``<script>`` block of a component as code positioned in the file, in its dialect (its ``lang``,
    else TypeScript in Astro and JavaScript elsewhere); JSON and x-template blocks are left out."""
    out = []
    for m in _BLOCK.finditer(text):
        attrs, body = m.group(1), m.group(2)
        if re.search(r"""type\s*=\s*["']?(application/(ld\+)?json|text/x-template)""", attrs, re.I):
            continue
        lang = _LANG.search(attrs)
        start = m.start(2)
        line, col = line_col(text, start)
        dialect = dialect_for("", lang.group(1)) if lang else ("ts" if path.endswith(".astro") else "js")
        out.append(JsSource(body, line, col, dialect))
    return out
