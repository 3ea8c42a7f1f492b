"""HTML text written back from code (JSX, element calls, strings) with each start tag where its source stood."""

from __future__ import annotations

from collections.abc import Iterable

# A React / DOM property name and the HTML attribute it writes (Preact and Solid write class= / for=, read as Class= /
# For=: jsxmarkup.keyword_attributes_renamed).
ATTRIBUTES = {"className": "class", "htmlFor": "for", "Class": "class", "For": "for", "classList": "class"}


# HTML's void elements: a start tag without an end tag (WHATWG HTML, "Void elements"; param and keygen, obsolete, still so).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"})
# HTML's elements (WHATWG HTML, "Elements" index, and the obsolete ones parsers still know; SVG's and MathML's roots): a
# template's other tag names are components (lxml lower-cases <SectionCard> to "sectioncard").
HTML_ELEMENTS = frozenset(
    """a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption
    center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure
    font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li
    link main map mark marquee math menu meta meter nav nobr noembed noframes noscript object ol optgroup option output p
    param picture plaintext pre progress q rp rt ruby s samp script search section select slot small source span strike
    strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video
    wbr xmp""".split()
)
# HTML's own input types a definition's or an interview's type may name (an input of that type).
INPUT_TYPES = frozenset(
    {"text", "email", "tel", "number", "date", "datetime-local", "time", "month", "week", "url", "password", "search", "range"}
)


class Out:
    """HTML text built left to right, padded so that each start tag sits where its source did."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line, self.col = 0, 0

    def at(self, row: int, col: int) -> None:
        """Pad to ``row`` (0-based) and ``col``, unless the text is already past them."""
        if row > self.line:
            self.parts.append("\n" * (row - self.line))
            self.line, self.col = row, 0
        if row == self.line and col > self.col:
            self.parts.append(" " * (col - self.col))
            self.col = col

    def write(self, text: str) -> None:
        """Append ``text`` on the current line (its own line breaks become spaces)."""
        text = text.replace("\n", " ")
        self.parts.append(text)
        self.col += len(text)


def escape(text: str) -> str:
    """``text`` as HTML text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """``text`` as a double-quoted attribute value."""
    return escape(text).replace('"', "&quot;")


def attributes(pairs: Iterable[tuple[str, str]]) -> str:
    """Attributes as a start tag writes them: `` name="value"`` each."""
    return "".join(f' {k}="{attr(v)}"' for k, v in pairs)
