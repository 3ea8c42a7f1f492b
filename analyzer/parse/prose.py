"""The readable text of a page: prose, headings and links, with every character traced to its place in
the source file.

A policy page names its recorders in its text, tables and links, never by loading them: the text of
``<script>``, ``<style>``, ``<noscript>``, ``<template>`` and ``<svg>``, comments, Markdown code fences
and front matter are left out. HTML (built pages, templates after neutralising, raw HTML inside Markdown)
is read by a tokenizer that follows the HTML rules for comments and raw-text elements, the same way as
``htmldoc``'s start-tag scanner; lxml is not used here because it reports no positions inside text.
Entities are decoded (``Microsoft&nbsp;Clarity``), Markdown backslash escapes dropped (``\\_hjid``).
Components (JSX / TSX, Vue and Svelte script blocks) give their JSX text and string literals, a string
holding HTML being read as HTML.

The result keeps, per copied run of text, where it came from, so a match in the prose is reported at its
line and column in the file.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from dataclasses import dataclass, field

from analyzer.parse import frontmatter, htmldoc
from analyzer.parse.positions import line_col

# Elements whose content is not prose (raw text or not rendered as text).
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "textarea", "select", "head"})
_SKIP_SFC = _SKIP - {"template"}
_BLOCK = frozenset(
    "p div li ul ol td th tr table thead tbody tfoot caption br hr h1 h2 h3 h4 h5 h6 section article header footer nav "
    "main aside dl dt dd blockquote pre figure figcaption details summary address form fieldset legend title body html".split()
)
_TOKEN = re.compile(
    r"<!--|<[!?][^>]{0,2000}>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
)
_ATTR_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
_MD_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*|__)([^*_\n]{2,120})(?:\*\*|__)[ \t]*:?[ \t]*$", re.M)
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)", re.M)
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|<>~")
MAX_PROSE = 2_000_000  # characters of source read as prose; a policy page is far smaller


@dataclass(frozen=True)
class Heading:
    start: int  # offset in the prose text
    level: int  # 1-6; a bold line counts as 6
    text: str


@dataclass
class Prose:
    """Prose text, where each of its runs came from, its headings and its links (source offsets)."""

    source: str
    text: str = ""
    headings: list[Heading] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (source offset, href)
    title: str = ""  # Markdown front matter title, HTML <title>
    _runs: list[tuple[int, int]] = field(default_factory=list)  # (prose offset, source offset)
    _parts: list[str] = field(default_factory=list)
    _size: int = 0

    # -- building -------------------------------------------------------------------------------
    def copy(self, start: int, end: int) -> None:
        """Append source[start:end] verbatim."""
        if end > start:
            self._runs.append((self._size, start))
            self._parts.append(self.source[start:end])
            self._size += end - start

    def put(self, text: str, at: int) -> None:
        """Append ``text`` (a decoded entity, a separator) standing for the source at ``at``."""
        if text:
            self._runs.append((self._size, at))
            self._parts.append(text)
            self._size += len(text)
            self._runs.append((self._size, at + 1))

    def finish(self) -> Prose:
        """Join the appended pieces into ``text`` and return the prose, ready for reading."""
        self.text = "".join(self._parts)
        self._parts = []
        return self

    # -- reading --------------------------------------------------------------------------------
    def source_offset(self, offset: int) -> int:
        """The source offset of the prose character at ``offset``."""
        if not self._runs:
            return 0
        i = bisect.bisect_right(self._runs, (offset, float("inf"))) - 1
        text_at, src_at = self._runs[max(i, 0)]
        return src_at + max(0, offset - text_at)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the source file of the prose character at ``offset``."""
        return line_col(self.source, min(self.source_offset(offset), len(self.source)))


def from_html(text: str, skip_template: bool = True) -> Prose:
    """The prose of HTML (or of a template neutralised to HTML). A single-file component's top-level
    ``<template>`` is its markup, so ``skip_template=False`` reads it."""
    out = Prose(text)
    _read_html(out, 0, len(text), markdown=False, skip=_SKIP if skip_template else _SKIP_SFC)
    return out.finish()


def from_markdown(text: str) -> Prose:
    """The prose of a Markdown page: front matter and code fences left out, raw HTML read as HTML,
    backslash escapes dropped; ``#`` lines and lines that are wholly bold are headings."""
    out = Prose(text)
    at = _front_matter(out)
    for seg_start, seg_end in _outside_fences(text, at):
        _read_html(out, seg_start, seg_end, markdown=True)
    out.finish()
    out.headings += [Heading(m.start(), len(m.group(1)), m.group(2).strip()) for m in _MD_HEADING.finditer(out.text)]
    out.headings += [Heading(m.start(), 6, m.group(1).strip()) for m in _MD_BOLD_LINE.finditer(out.text)]
    out.headings.sort(key=lambda h: h.start)
    return out


def _front_matter(out: Prose) -> int:
    """Skip YAML (---) or TOML (+++) front matter; keep its title."""
    fm = frontmatter.read(out.source)
    if fm is None:
        return 0
    found = frontmatter.title(fm)
    if found:
        out.title = found[1]
    return fm.end + 3  # the closing fence's end


def _outside_fences(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of ``text`` from ``start`` that are not inside a fenced code block."""
    spans, at = [], start
    while True:
        m = _FENCE.search(text, at)
        if not m:
            spans.append((at, len(text)))
            return spans
        spans.append((at, m.start()))
        close = re.compile(r"^[ \t]{0,3}" + re.escape(m.group(1)), re.M).search(text, m.end())
        if not close:
            return spans
        eol = text.find("\n", close.end())
        at = len(text) if eol < 0 else eol


def _read_html(out: Prose, start: int, end: int, markdown: bool, skip: frozenset[str] = _SKIP) -> None:
    text = out.source
    end = min(end, start + MAX_PROSE)
    at = start
    heading: tuple[int, int] | None = None  # (prose offset, level) of an open <hN>
    while at < end:
        m = _TOKEN.search(text, at, end)
        stop = m.start() if m else end
        _copy_text(out, at, stop, markdown)
        if not m:
            break
        token = m.group(0)
        if token == "<!--":
            close = text.find("-->", m.end(), end)
            at = end if close < 0 else close + 3
            if out._parts and out._parts[-1].endswith("\n") and text[at : at + 1] == "\n":
                at += 1  # a comment on its own line leaves no blank line behind: the paragraph goes on
            continue
        if token[1] in "!?":  # <!doctype …>, <?xml …?>
            at = m.end()
            continue
        if token.startswith("&"):
            out.put(html.unescape(token), m.start())
            at = m.end()
            continue
        closing, name = m.group(1) == "/", m.group(2).lower()
        if text[m.end() : m.end() + 1] in (":", "@", "."):  # <https://…>, <a@b.c>: Markdown autolinks, text
            out.copy(m.start(), m.end())
            at = m.end()
            continue
        close = htmldoc.tag_end(text, m.end(), end)
        tag_end = close + 1 if close >= 0 else end
        if not closing and name in skip:
            body_end = _raw_end(text, name, tag_end, end)
            if name == "head":
                _title(out, text[tag_end:body_end])
            at = body_end
            continue
        if not closing and name == "a":
            href = _ATTR_HREF.search(text, m.end(), tag_end)
            if href:
                group = next(g for g in (1, 2, 3) if href.group(g) is not None)
                out.links.append((href.start(group), html.unescape(href.group(group))))
        if name in _BLOCK:
            out.put("\n\n", m.start())
        heading = _heading(out, name, closing, heading)
        at = tag_end


def _heading(out: Prose, name: str, closing: bool, open_: tuple[int, int] | None) -> tuple[int, int] | None:
    if len(name) != 2 or name[0] != "h" or not name[1].isdigit():
        return open_
    if not closing:
        return (out._size, int(name[1]))
    if open_ is not None:
        start, level = open_
        words = _tail(out, start)
        out.headings.append(Heading(start, level, " ".join(words.split())[:200]))
    return None


def _tail(out: Prose, start: int) -> str:
    """Prose appended since ``start`` (while building), read from the last parts only."""
    need, parts = out._size - start, []
    for part in reversed(out._parts):
        parts.append(part)
        need -= len(part)
        if need <= 0:
            break
    joined = "".join(reversed(parts))
    return joined[len(joined) - (out._size - start) :].strip()


def _title(out: Prose, head: str) -> None:
    m = re.search(r"<title[^>]*>(.*?)</title", head, re.I | re.S)
    if m and not out.title:
        out.title = " ".join(html.unescape(re.sub(r"<[^>]*>", "", m.group(1))).split())


def _copy_text(out: Prose, start: int, end: int, markdown: bool) -> None:
    if not markdown or "\\" not in out.source[start:end]:
        out.copy(start, end)
        return
    text, at = out.source, start
    while at < end:
        slash = text.find("\\", at, end)
        if slash < 0 or slash + 1 >= end:
            out.copy(at, end)
            return
        if text[slash + 1] in _ESCAPABLE:
            out.copy(at, slash)
            at = slash + 1  # the escaped character is copied with the next run
            out.copy(at, at + 1)
            at += 1
        else:
            out.copy(at, slash + 1)
            at = slash + 1


def _raw_end(text: str, name: str, at: int, end: int) -> int:
    """The offset after the end tag of a raw-text (or skipped) element."""
    m = re.compile(r"</" + name + r"\s*>", re.I).search(text, at, end)
    return m.end() if m else end


# -- components ---------------------------------------------------------------------------------
_STRINGS = frozenset({"string_fragment"})
_HTMLISH = re.compile(r"<(?:p|h[1-6]|table|ul|li|a|div|strong)[\s>]", re.I)


def from_code(text: str, dialect: str, line0: int = 1, col0: int = 1, base: int = 0, parsed=None) -> Prose:
    """The prose of a component: JSX text and string literals in document order (a string that holds
    HTML, such as a CMS body field, read as HTML), headings from ``<h1>``-``<h6>`` elements. ``base``
    is where ``text`` starts in its file (an SFC's script block); offsets are the file's. ``parsed``:
    the tree another pass made of the same code (``jsparse.Parsed``), else it is parsed here."""
    from analyzer.parse import jsparse  # tree-sitter loads only for component policy pages

    out = Prose(text)
    source = parsed.source if parsed is not None else None
    if source is None or (source.text, source.dialect, source.line0, source.col0) != (text, dialect, line0, col0):
        parsed = jsparse.parse(jsparse.JsSource(text, line0, col0, dialect))
    chars = _ByteChars(parsed.source.data)
    for node in _nodes_of(parsed, ("string_fragment", "jsx_text")):
        start, end = chars.at(node.start_byte), chars.at(node.end_byte)
        if node.type in _STRINGS and _HTMLISH.search(text, start, end):
            _read_html(out, start, end, markdown=False)
        else:
            out.copy(start, end)
        out.put("\n\n", end)
    out.finish()
    out.headings += _jsx_headings(parsed, chars, out)
    return out


@functools.lru_cache(maxsize=16)
def _query(dialect: str, kinds: tuple[str, ...]):
    """A query capturing every node of these kinds (those the dialect's grammar has), or None."""
    import tree_sitter

    from analyzer.parse import jsparse

    grammar = jsparse.language(dialect)
    present = [k for k in kinds if grammar.id_for_node_kind(k, True) is not None]
    return tree_sitter.Query(grammar, " ".join(f"({k}) @n" for k in present)) if present else None


def _nodes_of(parsed, kinds: tuple[str, ...]) -> list:
    """Every node of these kinds in the tree, in document order: found by a tree-sitter query in C
    (a walk over every node in Python cost 50 ms for a 29 KB bundle)."""
    import tree_sitter

    query = _query(parsed.source.dialect, kinds)
    if query is None:
        return []
    return sorted(tree_sitter.QueryCursor(query).captures(parsed.root).get("n", []), key=lambda n: (n.start_byte, n.end_byte))


def _jsx_headings(parsed, chars: _ByteChars, out: Prose) -> list[Heading]:
    found = []
    for node in _nodes_of(parsed, ("jsx_element",)):
        if node.type == "jsx_element":
            opening = node.child_by_field_name("open_tag") or (node.children[0] if node.children else None)
            name = opening.child_by_field_name("name") if opening is not None else None
            tag = parsed.text(name) if name is not None else ""
            if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
                words = " ".join(parsed.text(c) for c in node.children if c.type == "jsx_text")
                start = _prose_offset(out, chars.at(node.start_byte))
                found.append(Heading(start, int(tag[1]), " ".join(words.split())[:200]))
    return sorted(found, key=lambda h: h.start)


def _prose_offset(out: Prose, source_offset: int) -> int:
    """The first prose offset whose source is at or after ``source_offset``."""
    for text_at, src_at in out._runs:
        if src_at >= source_offset:
            return text_at
    return len(out.text)


class _ByteChars:
    """UTF-8 byte offsets to character offsets, for offsets asked in increasing order."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.ascii = data.isascii()
        self._byte = 0
        self._char = 0

    def at(self, byte: int) -> int:
        if self.ascii:
            return byte
        if byte < self._byte:
            self._byte, self._char = 0, 0
        self._char += len(self.data[self._byte : byte].decode("utf-8", "replace"))
        self._byte = byte
        return self._char
