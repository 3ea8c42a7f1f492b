"""A Markdown page as the HTML its site generator renders, line for line (issue 14: forms in Markdown).

Jekyll (kramdown), MkDocs (Python-Markdown), Eleventy and Docusaurus pass raw HTML through, so a
``<form>`` written in a page's Markdown is on the built page. This module gives the page's HTML with
every line where the source has it, so a field is reported at its own line:

- raw HTML blocks are kept as written: one starts at a line that opens with a tag and runs, as kramdown
  and Python-Markdown read it, until its block elements are closed again and a blank line follows
  (a ``<form>`` with blank lines inside it stays one block; its indented controls are not code);
- ``#`` headings become ``<h1>``…``<h6>``, a line that is wholly bold a ``<strong>`` line (a section
  title), front matter's ``title`` the page's ``<title>``;
- what a reader sees as code is blanked: fenced blocks, indented code blocks outside HTML, and inline
  code spans (a ``<input>`` in backticks is documentation, not a control);
- other lines (paragraphs, lists) are kept, their inline HTML with them.
"""

from __future__ import annotations

import html
import re

from analyzer.parse import frontmatter

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*)$")
_HEADING_END = " \t#"  # a heading's closing #s (stripped in code: one regex repeat)
_BOLD_LINE = re.compile(r"^[ \t]{0,3}(?:\*\*|__)([^*_]{2,120})(?:\*\*|__)[ \t]*(?::[ \t]*)?$")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_HTML_START = re.compile(r"^[ \t]{0,3}<(?:[A-Za-z][\w:-]*|/[A-Za-z]|!--)")
# Block elements whose open / close count keeps an HTML block open across blank lines (kramdown and Python-Markdown
# read an element to its end tag): the page's sections too, so a Jekyll page written as a <header>, <nav> and <main>
# with blank lines inside keeps its indented form.
_BLOCK_TAG = re.compile(
    r"<(/?)(form|div|fieldset|table|section|article|details|ul|ol|dl|select|textarea|label"
    r"|header|footer|main|nav|aside|figure|blockquote|address|center|dialog|noscript)\b",
    re.I,
)
FORM_CONTROL = re.compile(rb"<(?:input|select|textarea)\b|contenteditable", re.I)


def has_controls(data: bytes) -> bool:
    """Whether a Markdown file writes a form control at all (most do not: nothing else is done for them)."""
    return FORM_CONTROL.search(data) is not None


def page(text: str) -> str:
    """The page's HTML, line for line (see the module's docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    start = _front_matter(text, out)
    fence = ""
    depth = 0  # open block elements of the current HTML block
    in_html = in_code = False
    blank_before = True
    for line in lines[start:]:
        if fence:
            out.append("")
            if line.strip().startswith(fence) and set(line.strip()) <= set(fence[0]):
                fence = ""
            continue
        stripped = line.strip()
        if not stripped:
            out.append("")
            in_html = in_html and depth > 0
            in_code = False
            blank_before = True
            continue
        if not in_html:
            opened = _FENCE.match(line)
            if opened:
                fence = opened.group(1)
                out.append("")
                continue
            if in_code or (blank_before and (line.startswith("    ") or line.startswith("\t"))):
                in_code = True
                out.append("")
                continue
            if _HTML_START.match(line):
                in_html, depth = True, 0
        blank_before = False
        if in_html:
            depth = max(0, depth + _depth_change(line))
            out.append(line)
            continue
        heading = _HEADING.match(line)
        bold = _BOLD_LINE.match(line) if heading is None else None
        if heading is not None:
            level = len(heading.group(1))
            words = heading.group(2).rstrip(_HEADING_END)
            out.append(f"<h{level}>{_inline(words)}</h{level}>")
        elif bold is not None:
            out.append(f"<p><strong>{html.escape(bold.group(1).strip(), quote=False)}</strong></p>")
        else:
            out.append(_inline(line))
    return "<html><body>" + "\n".join(out) + "</body></html>"


def _front_matter(text: str, out: list[str]) -> int:
    """Blank the front matter (``analyzer.parse.frontmatter``), its title written as the page's ``<title>``
    on its own line; the index of the first line after it."""
    fm = frontmatter.read(text)
    if fm is None:
        return 0
    found = frontmatter.title(fm)
    lines = text.count("\n", 0, fm.after) + (fm.after == len(text) and not text.endswith("\n"))
    title_line = text.count("\n", 0, found[0]) if found else -1
    for i in range(lines):
        out.append(f"<title>{html.escape(found[1], quote=False)}</title>" if found and i == title_line else "")
    return lines


def _inline(line: str) -> str:
    """A paragraph or list line with its code spans blanked (their length kept)."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


def _depth_change(line: str) -> int:
    change = 0
    for m in _BLOCK_TAG.finditer(line):
        change += -1 if m.group(1) else 1
    return change
