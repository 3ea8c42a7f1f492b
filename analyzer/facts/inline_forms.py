"""The forms a page's own inline scripts write in strings.

A page that is a whole app in one file (a diary, a screening questionnaire, a registration wizard) often builds its
screens in its inline ``<script>``: ``area.innerHTML = '<label>Dolore</label><input type="range" id="sl-dolore">'``, a
template literal handed to ``insertAdjacentHTML``, jQuery's ``.append('<select name="religion">…')``. Those controls
are the page's as much as its markup's: a recorder on the page records what is typed in them. They are read as a
script file's strings are (``jsxmarkup.string_markup``), each at its line of the page, under the page's own ``<title>``
and ``<h1>`` (what the page says it is).

Only an executable script that is hand-written (not a minified bundle pasted inline) and writes a control in a
string (``<input``, ``<select``, ``<textarea``) is parsed; the rest of the page's scripts cost one text search each.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from analyzer.facts import jsxmarkup, pagecontext
from analyzer.facts.detect import script_type
from analyzer.parse import htmldoc, jsfacts, jsparse
from analyzer.parse.jsparse import JsSource
from analyzer.parse.markup_out import escape

# A control's start tag in a string: the first character after the quote or the tag's own "<".
_CONTROL = re.compile(r"<(?:input|select|textarea)\b", re.I)
_MAX_SCRIPTS = 40  # inline scripts read per page (a page of hundreds of snippets is generated)
_BODY = "<html><body>"


def markup(page: htmldoc.Page, executable: Collection[str]) -> str:
    """HTML for the controls the page's inline scripts write in strings, each at its line in the page (an empty string
    when none does). The page's ``<title>`` and first two ``<h1>`` come first, on the first line."""
    written: list[tuple[int, str]] = []
    for el in page.elements:
        if el.tag != "script" or el.attrs.get("src") or script_type(el) not in executable:
            continue
        text = el.text
        if _CONTROL.search(text) is None or jsfacts.minified(text.encode("utf-8", "surrogatepass")):
            continue
        line, col = page.body_position(el)
        html = jsxmarkup.string_markup(jsfacts.Program(jsparse.parse(JsSource(text, line, col, "js"))))
        if html:
            written.append((line, html))
        if len(written) >= _MAX_SCRIPTS:
            break
    if not written:
        return ""
    out = [_BODY, _heads(page)]
    lines = 1  # the line of the page the text written so far ends on
    for line, html in written:
        body = html.removeprefix(_BODY).removesuffix("</body></html>")
        # The script's rows are counted from its first line: pad down to that line of the page, so each control's line
        # is its line in the page.
        out.append("\n" * max(0, line - lines))
        out.append(body)
        lines = max(line, lines) + body.count("\n")
    return "".join(out) + "</body></html>"


def _heads(page: htmldoc.Page) -> str:
    """The page's ``<title>`` and first two ``<h1>``, written on one line (no line of the page moves)."""
    root = page.root
    if root is None:
        return ""
    out = ""
    title, _ = pagecontext.page_title(root)
    if title.strip():
        out += f"<title>{escape(' '.join(title.split()))}</title>"
    for h1 in list(root.iter("h1"))[:2]:
        out += f"<h1>{escape(' '.join(h1.text_content().split()))}</h1>"
    return out
