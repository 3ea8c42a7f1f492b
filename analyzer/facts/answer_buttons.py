"""Answer buttons: plain buttons that answer one question by a click handler handed the answer.

A questionnaire written without native controls asks each question with a row of buttons::

    <h4>2. Você sente dores no peito quando pratica atividade física?</h4>
    <button type="button" onclick="setAnswer(2, 'sim')">SIM</button>
    <button type="button" onclick="setAnswer(2, 'nao')">NÃO</button>
    <input type="hidden" name="q2" id="q2">

The page's script keeps the answer clicked (here in the hidden input), and a recording shows which button the visitor
clicked, so the row is read as a radio group: asked by the heading above it, named by the hidden input beside it (else
by the handler), reported at its first button's line. A row is two or more sibling elements, or elements each alone in
sibling wrappers (``<li>``, ``<div class="step">``), whose click attribute (``answer_clicks`` in
``signatures/ui_components.toml``: ``onclick``, ``@click``, ``(click)``…) calls one function with the same other
arguments and a different string each (``setAnswer(2, 'sim')``, ``selectChip(this, 'Ont i ryggen')``). A handler named
for a view, a tab, a step, a language, a dialog or a page action (``answer_handlers_not``: ``showTab``, ``setLang``,
``openModal``, ``goTo``) is no answer, nor is a string that is a link or a selector (``'#contact'``, ``'/about'``).
Tiles drawn as chosen by a bound class are ``analyzer.facts.choice_tiles``'s.
"""

from __future__ import annotations

import re

import lxml.etree

from analyzer.facts.template_components import RENAMED
from analyzer.signatures import JsxBindings

_CONTROLS = ("input", "select", "textarea")
_CALL = re.compile(r"^\s*(?:return\s+)?([A-Za-z_$][\w$.]*)\s*\((.*)\)\s*$", re.S)
_STRING = re.compile(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\$]|\\.)*)`""")
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_NOT_AN_ANSWER = re.compile(r"^(?:[#./]|https?:|mailto:|tel:|javascript:)")
_MAX_HANDLER = 300  # characters of a click attribute read
_MAX_ROWS = 200  # rows read on one page
# After a click attribute's "=": a call handed a string ("setAnswer(2, 'sim')"). A text without one holds no row.
_HANDED_PATTERN = r"""=\s*["']\s*(?:return\s+)?[\w$.]+\s*\([^"']{0,80}["'][^"']+["']"""
_HANDED = re.compile(_HANDED_PATTERN)
_HANDED_BYTES = re.compile(_HANDED_PATTERN.encode())


def hint(data: bytes, bindings: JsxBindings) -> bool:
    """Whether a file may hold a row of answer buttons: it writes one of ``answer_clicks`` and hands a call a string."""
    if _HANDED_BYTES.search(data) is None:  # the search first: a lower-case copy of the file costs more
        return False
    lowered = data.lower()
    return any(a.encode() in lowered for a in bindings.answer_clicks)


def read(root: lxml.etree._Element, bindings: JsxBindings, text: str) -> None:
    """Write each row of answer buttons in the page's tree as ``<label>`` elements holding the radios they act as,
    named by the row's hidden input or its handler, each at its button's own line (``RENAMED``: located by the
    parser's line)."""
    # Most pages hand no call a string in an attribute: one search of the text (cheaper than a lower-case copy of it,
    # measured on the bench's pages), then the click attributes, not a walk of the tree.
    if _HANDED.search(text) is None:
        return
    lowered = text.lower()
    if not any(a in lowered for a in bindings.answer_clicks):
        return
    rows: dict[tuple[int, tuple[str, ...]], list[tuple[lxml.etree._Element, str]]] = {}
    containers: dict[int, lxml.etree._Element] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _CONTROLS or el.tag in ("label", "form", "option"):
            continue
        found = _handed(el, bindings)
        if found is None or next(el.iter(*_CONTROLS), None) is not None:
            continue
        shape, value = found
        unit = el
        parent = el.getparent()
        if parent is not None and len(parent) == 1 and parent.tag not in ("form", "body", "fieldset"):
            unit = parent  # <li><button onclick=…>…</button></li>: the rows' wrappers are the siblings
        container = unit.getparent()
        if container is None:
            continue
        containers[id(container)] = container
        rows.setdefault((id(container), shape), []).append((el, value))
    for (key, shape), row in list(rows.items())[:_MAX_ROWS]:
        if len({v for _, v in row}) < 2:
            continue
        name = _hidden_name(containers[key]) or _handler_name(shape[0], bindings.answer_handler_verbs)
        for el, _ in row:
            box = lxml.etree.Element("input", {"type": "radio", RENAMED: str(el.tag)} | ({"name": name} if name else {}))
            box.sourceline = el.sourceline
            box.tail = el.text
            el.text = None
            el.insert(0, box)
            el.tag = "label"


def _handed(el: lxml.etree._Element, bindings: JsxBindings) -> tuple[tuple[str, ...], str] | None:
    """The handler's shape (its function and other arguments) and the one string its click attribute hands over."""
    click = next((v for k, v in el.attrib.items() if k.lower() in bindings.answer_clicks), None)
    if not click:
        return None
    for statement in click[:_MAX_HANDLER].split(";"):
        call = _CALL.match(statement)
        if call is None:
            continue
        function, args = call.group(1), call.group(2)
        strings = list(_STRING.finditer(args))
        if len(strings) != 1:
            continue
        value = next(g for g in strings[0].groups() if g is not None).strip()
        if not value or _NOT_AN_ANSWER.match(value):
            return None
        words = {w.lower() for w in _WORDS.findall(function.rsplit(".", 1)[-1])}
        if words & bindings.answer_handlers_not:
            return None
        rest = args[: strings[0].start()] + "\x00" + args[strings[0].end() :]
        return (function, " ".join(rest.split())), value
    return None


def _hidden_name(container: lxml.etree._Element) -> str:
    """The name of the one hidden input beside the row (in its container), which the script fills with the answer."""
    names = {el.get("name") for el in container.iter("input") if (el.get("type") or "").lower() == "hidden" and el.get("name")}
    return names.pop() if len(names) == 1 else ""


def _handler_name(function: str, verbs: frozenset[str]) -> str:
    """A name from the handler without its verbs (``answer_handler_verbs``): ``setAnswer`` -> ``answer``,
    ``selectedTreatment`` -> ``treatment``."""
    words = [w.lower() for w in _WORDS.findall(function.rsplit(".", 1)[-1])]
    kept = [w for w in words if w not in verbs] or words
    return "_".join(kept)
