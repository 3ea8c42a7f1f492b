"""Parse an HTML page with lxml and list the elements that can load a recorder, with true positions.

lxml reports only the line on which a start tag *ends* (capped at 65,535) and no column, and
libxml2 silently drops everything below ~2,000 levels of nesting. So positions come from a small
start-tag scanner that walks the raw text the way the HTML tokenizer does (skipping comments and
raw-text bodies) and pairs its tags with lxml's elements in document order. The scanner is lazy:
it runs only when a finding needs a position, and only as far as that element (recorders sit in
the ``<head>``), which keeps a page's cost close to lxml's own parse. When libxml2 reports a
resource limit, the scanner runs over the whole page and every start tag lxml lost is re-parsed
on its own, so no element, and no result, is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.etree
import lxml.html

from analyzer.parse.positions import LineIndex

WANTED = ("script", "link", "img", "iframe", "noscript")
# Input types that take nothing a visitor types or picks: not form fields (fieldfacts, php_builders).
SKIP_TYPES = frozenset({"hidden", "submit", "button", "image", "reset", "file"})
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp")
_TOKEN = re.compile(r"<!--|<(script|style|textarea|title|xmp|link|img|iframe|noscript|input|select)(?=[\s/>])", re.I)
_LXML_LINE_CAP = 65535
_TAG_STOP = re.compile(r"[>\"']")


def tag_end(text: str, start: int, end: int | None = None) -> int:
    """Offset of the ``>`` that closes the start tag at ``start`` (before ``end``), or -1. A quoted attribute
    value is skipped as lxml skips it, so an inline handler's arrow (``oninput="…c=>c.toUpperCase()"``, Alpine's
    ``@click="() => open = !open"``) does not end the tag; a quote not after ``=`` is text, and a value whose
    quote never closes ends at the first ``>`` as before. The HTML readers share it (``prose`` too)."""
    limit = len(text) if end is None else end
    i = start
    while True:
        m = _TAG_STOP.search(text, i, limit)
        if m is None:
            return -1
        at = m.start()
        if m.group() == ">":
            return at
        before = at - 1
        while before > start and text[before] in " \t\r\n":
            before -= 1
        if text[before] != "=":
            i = at + 1
            continue
        close = text.find(m.group(), at + 1, limit)
        if close < 0:
            return text.find(">", start, limit)
        i = close + 1


_COMMENT = "#comment"


class Element:
    """One element of interest, flattened; ``line``/``column`` are resolved on first use."""

    __slots__ = ("tag", "attrs", "text", "order", "in_noscript", "classes", "_index", "_page", "_pos")

    def __init__(
        self,
        tag: str,
        attrs: dict[str, str],
        text: str,
        order: int,
        in_noscript: bool,
        index: int,
        page: Page,
        pos: tuple[int, int] | None = None,
    ) -> None:
        self.tag = tag
        self.attrs = attrs
        self.text = text
        self.order = order
        self.in_noscript = in_noscript
        self.classes = frozenset(attrs.get("class", "").split())
        self._index = index  # position among the page's elements of the same tag (or comments)
        self._page = page
        self._pos = pos

    @property
    def line(self) -> int:
        """1-based line of the start tag in the raw text (see ``position``)."""
        return self.position[0]

    @property
    def column(self) -> int:
        """1-based column of the start tag in the raw text (see ``position``)."""
        return self.position[1]

    @property
    def position(self) -> tuple[int, int]:
        """(line, column) of the start tag in the raw text, located on first use (lxml's line and column
        1 when it cannot be paired)."""
        if self._pos is None:
            self._pos = self._page.locate(self.tag, self._index)
        return self._pos

    def __repr__(self) -> str:
        return f"Element({self.tag!r}, {self.attrs!r}, order={self.order})"


class _Scanner:
    """Start tags (and comment openings) of the raw text, in document order, produced lazily."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, list[int]] = {}
        self._pos = 0
        self.done = False

    def _advance(self) -> bool:
        m = _TOKEN.search(self.text, self._pos)
        if not m:
            self.done = True
            return False
        if m.group(0) == "<!--":
            end = self.text.find("-->", m.end())
            self.found.setdefault(_COMMENT, []).append(m.start())
            self._pos = len(self.text) if end < 0 else end + 3
            return True
        name = m.group(1).lower()
        close = tag_end(self.text, m.end())
        close = len(self.text) if close < 0 else close + 1
        self.found.setdefault(name, []).append(m.start())
        self._pos = close
        if name in _RAW_TEXT:
            body_end = _raw_end(self.text, name, close)
            self._pos = len(self.text) if body_end < 0 else body_end
        return True

    def starts(self, name: str, count: int) -> list[int]:
        """At least ``count`` start offsets of ``name`` tags, if the text has that many."""
        while len(self.found.get(name, ())) < count and not self.done:
            self._advance()
        return self.found.get(name, [])

    def all(self, name: str) -> list[int]:
        while not self.done:
            self._advance()
        return self.found.get(name, [])


class Page:
    """A parsed page: its elements of interest and comments, in document order."""

    def __init__(self, text: str, source: str | None = None) -> None:
        self.text = text
        self.source = text if source is None else source  # the file's text before a template's syntax was blanked
        self._scanner = _Scanner(text)
        self._sourcelines: dict[str, list[int]] = {}
        self._paired: dict[str, list[int]] = {}
        self._cursors: dict[str, int] = {}  # per tag: the scanned start after the last one paired
        self._lines: LineIndex | None = None
        self.elements: list[Element] = []
        self.comments: list[Element] = []
        self.degraded = 0
        root, truncated = _root(text)
        self.root = root
        if root is not None:
            self._collect(root)
        if truncated:
            self._recover_lost()

    # -- building -------------------------------------------------------------------------------
    def _add(self, tag: str, el: lxml.etree._Element, text: str, nos: bool) -> None:
        lines = self._sourcelines.setdefault(tag, [])
        attrs = attributes(el) if tag != _COMMENT else {}  # lxml's HTML parser lower-cases names
        item = Element(tag, attrs, text, len(self.elements) + len(self.comments), nos, len(lines), self)
        lines.append(el.sourceline or 0)
        (self.comments if tag == _COMMENT else self.elements).append(item)

    def _collect(self, root: lxml.etree._Element) -> None:
        # Comments before <html> (a partial that opens with a commented-out snippet) and after
        # it are the root's siblings, not its descendants.
        before = [c for c in root.itersiblings(preceding=True) if c.tag is lxml.etree.Comment][::-1]
        for c in before:
            self._add(_COMMENT, c, c.text or "", False)
        for el in root.iter("script", "link", "noscript", "img", "iframe", lxml.etree.Comment):
            if el.tag is lxml.etree.Comment:
                self._add(_COMMENT, el, el.text or "", False)
                continue
            tag = el.tag
            # An image or frame in <noscript> is requested when scripting is off; a script in <noscript> or <template>
            # never runs as the page loads.
            hidden = ("noscript", "template") if tag == "script" else ("noscript",)
            in_nos = tag in ("img", "iframe", "script") and any(a.tag in hidden for a in el.iterancestors())
            if tag in ("img", "iframe") and not in_nos:
                self._sourcelines.setdefault(tag, []).append(el.sourceline or 0)  # keeps pairing aligned
                continue
            self._add(tag, el, el.text or "" if tag == "script" else "", in_nos)
        for c in root.itersiblings():
            if c.tag is lxml.etree.Comment:
                self._add(_COMMENT, c, c.text or "", False)

    def _recover_lost(self) -> None:
        """After a resource limit: re-parse, one by one, start tags that lxml did not produce."""
        for tag in ("script", "link", "noscript"):
            starts = self._scanner.all(tag)
            paired = set(self._pair(tag, len(self._sourcelines.get(tag, []))))
            for start in (s for s in starts if s not in paired):
                el = _reparse(self.text, tag, start)
                if el is not None:
                    self.degraded += 1
                    item = Element(
                        tag,
                        attributes(el),
                        el.text or "" if tag == "script" else "",
                        10**9 + start,
                        False,
                        -1,
                        self,
                        self.lines.line_col(start),
                    )
                    self.elements.append(item)
        self.elements.sort(key=lambda e: e.order)

    # -- positions ------------------------------------------------------------------------------
    @property
    def lines(self) -> LineIndex:
        """The line index of the page's text, built on first use."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def _pair(self, tag: str, upto: int) -> list[int]:
        """Start offsets paired with the first ``upto`` lxml elements of ``tag``: one pass over
        the scanned starts, whatever the number of elements (each lookup is a binary search)."""
        paired = self._paired.setdefault(tag, [])
        lines = self._sourcelines.get(tag, [])
        cursor = self._cursors.get(tag, 0)
        while len(paired) < min(upto, len(lines)):
            line = lines[len(paired)]
            starts = self._scanner.starts(tag, cursor + 1)
            # Skip scanned tags that end before lxml's element does: text inside an attribute value.
            while cursor < len(starts) and line < _LXML_LINE_CAP and self._end_line(starts[cursor], tag) < line:
                cursor += 1
                starts = self._scanner.starts(tag, cursor + 1)
            if cursor >= len(starts):
                paired.append(-1)
                continue
            paired.append(starts[cursor])
            cursor += 1
        self._cursors[tag] = cursor
        return paired

    def _end_line(self, start: int, tag: str) -> int:
        close = self.text.find("-->", start) if tag == _COMMENT else tag_end(self.text, start)
        return self.lines.line(close if close >= 0 else len(self.text))

    def body_position(self, el: Element) -> tuple[int, int]:
        """Line and column where an element's content starts (after its start tag's ``>``)."""
        if el._index < 0:
            return el.position
        offsets = self._pair(el.tag, el._index + 1)
        start = offsets[el._index] if el._index < len(offsets) else -1
        if start < 0:
            return el.position
        close = tag_end(self.text, start)
        return self.lines.line_col(close + 1 if close >= 0 else start)

    def register(self, tag: str, lines: list[int]) -> None:
        """Make elements of another tag locatable (form fields): their lxml lines in document order."""
        self._sourcelines.setdefault(tag, lines)

    def locate(self, tag: str, index: int) -> tuple[int, int]:
        """(line, column) of the ``index``-th ``tag`` element: its start tag in the raw text, else
        lxml's line and column 1."""
        offsets = self._pair(tag, index + 1)
        offset = offsets[index] if index < len(offsets) else -1
        if offset < 0:  # unmatched: fall back on lxml's line
            return self._sourcelines[tag][index] or 1, 1
        return self.lines.line_col(offset)

    def start_of(self, tag: str, line: int) -> tuple[int, int]:
        """(line, column) of the start tag ``<tag`` of an element lxml puts at ``line``: lxml gives the line a
        start tag written over several lines ends on, so the last ``<tag`` at or before the end of that line is
        looked for, at most ``_START_BACK`` characters back (any case: lxml lowers ``<FormTextarea``); else
        ``line`` and column 1."""
        text = self.text
        begin = self.lines.offset(line, 1)
        end = text.find("\n", begin)
        end = len(text) if end < 0 else end
        window = max(0, begin - _START_BACK)
        starts = [m.start() for m in re.finditer(rf"<{re.escape(tag)}(?=[\s/>])", text[window:end], re.IGNORECASE)]
        return self.lines.line_col(window + starts[-1]) if starts else (line, 1)


# How far back from lxml's line a renamed component's start tag is looked for (Page.start_of): a start tag
# with a few dozen attributes on their own lines.
_START_BACK = 4000

_PARSER: lxml.html.HTMLParser | None = None
# Control characters (and lone surrogates) become blanks before lxml sees the text: lxml builds
# an attribute named "\x0e" from `<script src=… \x0e>` and then raises ValueError when it is read,
# and it keeps a form feed in a text it then refuses to be given back (a Vue template's "{{\x0c"
# rewritten with its message's words). Same length, so lxml's line numbers stay true.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def attributes(el: lxml.etree._Element) -> dict[str, str]:
    """The element's attributes as a dict. Template syntax inside a start tag (``<link {% if x %}
    integrity{% endif %}>`` in a Jekyll include) gives lxml attribute names such as ``{%`` that it
    reads as a namespace and refuses to look up: those names are left out, the real ones kept."""
    try:
        return {k: v or "" for k, v in el.attrib.items()}
    except ValueError:
        found: dict[str, str] = {}
        for key in el.keys():
            try:
                found[key] = el.get(key) or ""
            except ValueError:
                continue
        return found


def _parser() -> lxml.html.HTMLParser:
    global _PARSER
    if _PARSER is None:  # one parser per process: building one costs as much as parsing a small page
        _PARSER = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False, recover=True)
    return _PARSER


_DOCUMENT_END = re.compile(rb"</(body|html)\s*>", re.I)


def _joined_documents(data: bytes) -> bytes:
    """libxml2 stops reading elements at the first ``</html>``, where a browser puts what follows into the body: a
    template whose branches print whole pages (``if (…) { ?><html>…</html><?php exit; } ?><html>…``), a page whose
    ``<body>`` was written after its ``</html>``. Every ``</body>`` and ``</html>`` with a start tag after it is
    blanked (same length), so what follows is read."""
    ends = list(_DOCUMENT_END.finditer(data))
    if not ends:
        return data
    last_start = _last_start_tag(data)
    out = None
    for m in ends:
        if m.start() < last_start:
            if out is None:
                out = bytearray(data)
            out[m.start() : m.end()] = b" " * (m.end() - m.start())
    return data if out is None else bytes(out)


def _last_start_tag(data: bytes) -> int:
    """Where the text's last start tag (``<`` and an ASCII letter) begins, else -1."""
    at = len(data)
    while True:
        at = data.rfind(b"<", 0, at)
        if at < 0 or data[at + 1 : at + 2].isalpha():  # bytes.isalpha: ASCII letters only
            return at


def _root(text: str) -> tuple[lxml.etree._Element | None, bool]:
    """The parsed document, and whether libxml2 hit a resource limit and so lost part of it."""
    data = _joined_documents(_CONTROL.sub(" ", text).encode("utf-8", "surrogatepass"))
    if not data.strip():
        return None, False
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except lxml.etree.ParserError:
        if b"<!--" not in data:
            return None, True
        # A document of comments only is "empty" to lxml: an element after them keeps them
        # (appended at the end, so every line number stays true).
        try:
            root = lxml.html.document_fromstring(data + b"<i></i>", parser=parser)
        except (lxml.etree.ParserError, ValueError):
            return None, True
    except ValueError:
        return None, True
    truncated = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, truncated


_RAW_END = {name: re.compile("</" + name, re.I) for name in _RAW_TEXT}


def _raw_end(text: str, name: str, start: int) -> int:
    """Where a raw-text element's end tag starts, case-insensitively, on the text itself (a
    lowercased copy can be longer: "İ".lower() is two characters, shifting every offset)."""
    m = _RAW_END[name].search(text, start)
    return m.start() if m else -1


def _reparse(text: str, tag: str, start: int) -> lxml.etree._Element | None:
    close = tag_end(text, start)
    end = len(text) if close < 0 else close + 1
    chunk = text[start:end]
    if tag == "script":
        body_end = _raw_end(text, "script", end)
        chunk = text[start : body_end if body_end >= 0 else len(text)] + "</script>"
    try:
        frag = lxml.html.fragment_fromstring(_CONTROL.sub(" ", chunk), create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return None
    return next(iter(frag.iter(tag)), None)


def parse(text: str, source: str | None = None) -> Page:
    """The page of an HTML text: elements of interest and comments, located in the raw text as they are
    asked for. ``source`` is the file's own text when ``text`` is it with a template's syntax blanked."""
    return Page(text, source)


def strings(page: Page) -> Iterator[str]:
    """The page's code and URLs: what signature literals are searched in (not its prose)."""
    for el in page.elements:
        if el.text:
            yield el.text
        yield from el.attrs.values()
    for c in page.comments:
        yield c.text
