"""Parse an HTML page with lxml and list the elements that can load a recorder, with true positions.

lxml reports only the line on which a start tag *ends* (capped at 65,535) and no column, and
libxml2 silently drops everything below ~2,000 levels of nesting. So a small start-tag scanner
walks the raw text once (skipping comments and raw-text bodies, as the HTML tokenizer does) and
pairs its tags with lxml's elements in document order: positions come from the scanner, structure
and attributes from lxml. A start tag that lxml lost is re-parsed on its own, so no element, and
no result, is lost; the page then gets a ``parse-degraded`` diagnostic.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

# Elements that can load, hint at or hold a recorder.
WANTED = ("script", "link", "img", "iframe", "noscript")
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp")
_TOKEN = re.compile(r"<!--|<(script|style|textarea|title|xmp|link|img|iframe|noscript)(?=[\s/>])", re.I)
_LXML_LINE_CAP = 65535


@dataclass(frozen=True)
class Element:
    """One element of interest, flattened: what the detectors and the consent verdict read."""

    tag: str
    attrs: dict[str, str]
    text: str
    line: int
    column: int
    order: int
    in_head: bool
    in_noscript: bool
    classes: frozenset[str] = field(default=frozenset())


@dataclass(frozen=True)
class Comment:
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Page:
    elements: tuple[Element, ...]
    comments: tuple[Comment, ...]
    degraded: int = 0


class LineIndex:
    """Offset to 1-based (line, column) in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


@dataclass
class _Tag:
    name: str
    start: int
    end: int
    line: int
    end_line: int


def _scan_tags(text: str, lines: LineIndex) -> tuple[dict[str, list[_Tag]], list[tuple[int, int]]]:
    """Start tags of the wanted elements in document order, and the spans of comments."""
    tags: dict[str, list[_Tag]] = {name: [] for name in WANTED}
    comments: list[tuple[int, int]] = []
    lower = None
    pos = 0
    while True:
        m = _TOKEN.search(text, pos)
        if not m:
            break
        if m.group(0) == "<!--":
            end = text.find("-->", m.end())
            end = len(text) if end < 0 else end + 3
            comments.append((m.start(), end))
            pos = end
            continue
        name = m.group(1).lower()
        close = text.find(">", m.end())
        close = len(text) if close < 0 else close + 1
        if name in tags:
            tags[name].append(_Tag(name, m.start(), close, lines.line(m.start()), lines.line(max(close - 1, 0))))
        pos = close
        if name in _RAW_TEXT:
            if lower is None:
                lower = text.lower()
            body_end = lower.find("</" + name, close)
            pos = len(text) if body_end < 0 else body_end
    return tags, comments


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False, recover=True)


def _root(text: str) -> tuple[lxml.etree._Element | None, bool]:
    """The parsed document, and whether libxml2 hit a resource limit and so lost part of it."""
    data = text.encode("utf-8", "surrogatepass")
    if not data.strip():
        return None, False
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, True
    truncated = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, truncated


def _flatten(el: lxml.etree._Element, tag: _Tag, lines: LineIndex, order: int, head: bool, nos: bool) -> Element:
    attrs = {str(k).lower(): (v or "") for k, v in el.attrib.items()}
    line, column = lines.position(tag.start)
    return Element(
        tag=tag.name,
        attrs=attrs,
        text=el.text or "" if tag.name != "noscript" else "",
        line=line,
        column=column,
        order=order,
        in_head=head,
        in_noscript=nos,
        classes=frozenset(attrs.get("class", "").split()),
    )


def _context(el: lxml.etree._Element) -> tuple[bool, bool]:
    in_head = in_noscript = False
    for anc in el.iterancestors():
        name = anc.tag if isinstance(anc.tag, str) else ""
        in_head = in_head or name == "head"
        in_noscript = in_noscript or name == "noscript"
    return in_head, in_noscript


def _pair(lxml_els: list[lxml.etree._Element], tags: list[_Tag]) -> tuple[list[tuple[lxml.etree._Element, _Tag]], list[_Tag]]:
    """Match lxml elements to scanned tags; return pairs and the tags lxml did not produce."""
    pairs = []
    lost: list[_Tag] = []
    cursor = 0
    for el in lxml_els:
        line = el.sourceline or 0
        # Skip scanned tags that end before this element's start tag does: lxml dropped them.
        while cursor < len(tags) and line < _LXML_LINE_CAP and tags[cursor].end_line < line:
            lost.append(tags[cursor])
            cursor += 1
        if cursor < len(tags):
            pairs.append((el, tags[cursor]))
            cursor += 1
    lost.extend(tags[cursor:])
    return pairs, lost


def _reparse(text: str, tag: _Tag) -> lxml.etree._Element | None:
    """Parse one start tag (with its body for raw-text elements) that the page parse lost."""
    chunk = text[tag.start : tag.end]
    if tag.name == "script":
        close = text.lower().find("</script", tag.end)
        chunk = text[tag.start : close if close >= 0 else len(text)] + "</script>"
    try:
        frag = lxml.html.fragment_fromstring(chunk, create_parent="div", parser=_parser())
    except (lxml.etree.ParserError, ValueError):
        return None
    return next((e for e in frag.iter(tag.name)), None)


def parse(text: str) -> Page:
    """Parse ``text`` and return its elements of interest and comments, positioned in the source."""
    lines = LineIndex(text)
    scanned, comment_spans = _scan_tags(text, lines)
    root, truncated = _root(text)
    found: list[tuple[int, Element]] = []
    degraded = 0
    for name in WANTED:
        lxml_els = list(root.iter(name)) if root is not None else []
        pairs, lost = _pair(lxml_els, scanned[name])
        for el, tag in pairs:
            head, nos = _context(el)
            found.append((tag.start, _flatten(el, tag, lines, 0, head, nos)))
        # A scanned tag lxml did not produce is either text inside an attribute value (ignore it)
        # or content the parser dropped at a resource limit (recover it).
        for tag in lost if truncated else ():
            el = _reparse(text, tag)
            if el is not None:
                degraded += 1
                found.append((tag.start, _flatten(el, tag, lines, 0, False, False)))
    found.sort(key=lambda pair: pair[0])
    elements = tuple(_with_order(el, i) for i, (_, el) in enumerate(found))
    comments = tuple(
        Comment(text[s + 4 : max(s + 4, e - 3)], *lines.position(s)) for s, e in comment_spans
    )
    return Page(elements=elements, comments=comments, degraded=degraded)


def _with_order(el: Element, order: int) -> Element:
    return Element(
        tag=el.tag,
        attrs=el.attrs,
        text=el.text,
        line=el.line,
        column=el.column,
        order=order,
        in_head=el.in_head,
        in_noscript=el.in_noscript,
        classes=el.classes,
    )
