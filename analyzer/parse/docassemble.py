"""A docassemble interview's questions, written as the HTML pages docassemble renders, for the field classifier.

docassemble (docassemble.org), the interview platform legal-aid organisations build intake and court-form
interviews with, keeps an interview in YAML (``docassemble/<Package>/data/questions/*.yml``): blocks separated by
``---``, each a screen. A screen asks its ``question`` (its heading, ``subquestion`` below it) and collects its
``fields`` (each item ``Label: variable``, or ``label:`` and ``field:``, with ``datatype`` / ``input type`` and
``choices``), or a single answer: ``yesno:`` / ``noyes:`` (Yes and No buttons), ``field:`` with ``buttons:`` or
``choices:``. Each control is written where its item stands in the file, inside a ``<form>`` headed by the screen's
question, so the classifier reads it with its label, its choices and the question around it. The YAML is composed
with PyYAML's safe loader (never constructed into objects, never run); a document it cannot read is skipped.

Source: docassemble.org/docs/fields.html (fields, datatype, input type, choices, yesno, noyes, buttons, note/html
items) and docassemble.org/docs/questions.html (question, subquestion, the ``---`` separated blocks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # PyYAML is imported when an interview is read (analyzer.parse.yaml_nodes)
    import yaml

from analyzer.parse import yaml_nodes
from analyzer.parse.markup_out import INPUT_TYPES, Out, attr, escape

MAX_BYTES = 500_000  # a larger YAML file is data, not an interview
MAX_FIELDS = 2_000  # controls written per file
_MARKERS = re.compile(rb"^(?:mandatory|metadata|modules|objects|include|code|features|event|sets|continue button field)\s*:", re.M)
_ASKS = re.compile(rb"^(?:fields|yesno|noyes|field)\s*:", re.M)
_DOCUMENT = re.compile(r"^---[ \t]*$", re.M)


@dataclass(frozen=True)
class DocassembleKit:
    """What a docassemble interview's field items say (ui_components.toml ``docassemble``, loaded by
    analyzer.signatures), lower case."""

    modifiers: frozenset[str] = frozenset()  # an item's keys besides its label: datatype, choices, show if…
    not_fields: frozenset[str] = frozenset()  # items that show text or run code: note, html, code
    skipped: frozenset[str] = frozenset()  # datatypes that render no control a recorder sees: file, camera
    types: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # datatype -> (tag, input type)
    yes_no: tuple[str, ...] = ()  # the buttons of a yes/no question: "Yes", "No"


def is_interview(path: str, data: bytes) -> bool:
    """Whether a YAML file is a docassemble interview: under a package's ``data/questions`` folder, or with blocks that
    ask (``question:`` beside ``fields:`` / ``yesno:`` / ``field:``) at the start of a line; of bounded size."""
    if len(data) > MAX_BYTES or not path.lower().endswith((".yml", ".yaml")):
        return False
    if "/data/questions/" in "/" + path.replace("\\", "/").lstrip("./") and _ASKS.search(data) is not None:
        return True
    return re.search(rb"^question\s*:", data, re.M) is not None and _ASKS.search(data) is not None and _MARKERS.search(data) is not None


def page(text: str, kit: DocassembleKit) -> str:
    """The interview's screens as HTML (see the module), each control on its own line; "" when none asks anything.
    ``kit``: what its items' keys and datatypes mean (ui_components.toml ``docassemble``)."""
    out = Out()
    written = 0
    for start, body in _documents(text):
        # A block docassemble itself would refuse, or one with a tag the safe composer does not know, gives None.
        node = yaml_nodes.compose(body)
        if node is None or _kind(node) != "mapping":
            continue
        written += _screen(node, start, out, MAX_FIELDS - written, kit)
        if written >= MAX_FIELDS:
            break
    return "<html><body>" + "".join(out.parts) + "</body></html>" if written else ""


def _documents(text: str) -> list[tuple[int, str]]:
    """Each ``---`` separated block and the 0-based line it starts on (lines counted on from the last block: a file of
    many blocks is read in linear time)."""
    blocks: list[tuple[int, str]] = []
    at, line = 0, 0
    for m in _DOCUMENT.finditer(text):
        blocks.append((line, text[at : m.start()]))
        line += text.count("\n", at, m.end())
        at = m.end()
    blocks.append((line, text[at:]))
    return [(n, body) for n, body in blocks if body.strip()]


_kind = yaml_nodes.kind


def _members(node: yaml.Node) -> dict[str, yaml.Node]:
    return {k.value.strip().lower(): v for k, v in node.value if _kind(k) == "scalar" and isinstance(k.value, str)}


def _scalar(node: yaml.Node | None) -> str:
    return " ".join(str(node.value).split()) if node is not None and _kind(node) == "scalar" else ""


def _screen(node: yaml.Node, start: int, out: Out, room: int, kit: DocassembleKit) -> int:
    """Write one block's screen when it asks something; the number of controls written."""
    members = _members(node)
    question = _scalar(members.get("question"))
    asks: list[tuple[int, int, str]] = []  # (row, column, HTML of a control)
    fields = members.get("fields")
    if fields is not None and _kind(fields) == "sequence":
        for item in fields.value[:room]:
            if _kind(item) == "mapping" and (written := _field(item, kit)) is not None:
                asks.append((start + item.start_mark.line, item.start_mark.column, written))
    elif fields is not None and _kind(fields) == "mapping":  # a single field written as a mapping
        if (written := _field(fields, kit)) is not None:
            asks.append((start + fields.start_mark.line, fields.start_mark.column, written))
    for key in ("yesno", "noyes"):
        var = _scalar(members.get(key))
        if var:
            at = members[key].start_mark
            asks.append((start + at.line, at.column, _choice("radio", var, "", list(kit.yes_no))))
    var = _scalar(members.get("field"))
    choices = members.get("buttons") or members.get("choices")
    if var and choices is not None and fields is None:
        at = members["field"].start_mark
        asks.append((start + at.line, at.column, _choice("radio", var, "", _choices(choices))))
    if not asks:
        return 0
    out.at(start, 0)
    out.write("<form>")
    if question:
        out.write(f"<h2>{escape(question)}</h2>")
    sub = _scalar(members.get("subquestion"))
    if sub:
        out.write(f"<p>{escape(sub[:300])}</p>")
    for row, col, written in sorted(asks)[:room]:
        out.at(row, col)
        out.write(written)
    out.write("</form>")
    return min(len(asks), room)


def _field(item: yaml.Node, kit: DocassembleKit) -> str | None:
    """The control an item of ``fields`` renders, as HTML; None for a note, an upload or code."""
    members = _members(item)
    if kit.not_fields & members.keys() and "field" not in members:
        return None
    label, var = _scalar(members.get("label")), _scalar(members.get("field"))
    if not var:
        for key, value in item.value:
            said = key.value.strip().lower() if _kind(key) == "scalar" and isinstance(key.value, str) else ""
            if said and said not in kit.modifiers and said not in kit.not_fields:
                label, var = " ".join(str(key.value).split()), _scalar(value)
                break
    if not var:
        return None
    kind = (_scalar(members.get("datatype")) or _scalar(members.get("input type"))).lower()
    if kind in kit.skipped:
        return None
    choices = _choices(members["choices"]) if "choices" in members else []
    tag, typ = kit.types.get(kind) or (("input", kind) if kind in INPUT_TYPES else ("select", None) if choices else ("input", "text"))
    if typ == "radio":
        return _choice("radio", var, label, choices or list(kit.yes_no))
    if typ == "checkbox" and choices:
        return _choice("checkbox", var, label, choices)
    if typ == "checkbox":
        return f'<label><input type="checkbox" name="{attr(var)}"> {escape(label)}</label>'
    said = f'<label for="{attr(var)}">{escape(label)}</label>'
    if tag == "textarea":
        return said + f'<textarea id="{attr(var)}" name="{attr(var)}"></textarea>'
    if tag == "select":
        options = "".join(f"<option>{escape(c)}</option>" for c in choices)
        return said + f'<select id="{attr(var)}" name="{attr(var)}">{options}</select>'
    return said + f'<input type="{typ or "text"}" id="{attr(var)}" name="{attr(var)}">'


def _choice(typ: str, var: str, label: str, choices: list[str]) -> str:
    """A group of radios or boxes of one variable under its label (a fieldset's legend)."""
    boxes = "".join(f'<label><input type="{typ}" name="{attr(var)}"> {escape(c)}</label>' for c in choices[:60])
    return f"<fieldset><legend>{escape(label)}</legend>{boxes}</fieldset>" if label else boxes


def _choices(node: yaml.Node) -> list[str]:
    """The texts of a ``choices`` / ``buttons`` list: strings, ``Label: value`` pairs, or ``label:`` mappings."""
    out: list[str] = []
    if _kind(node) == "mapping":  # {Male: m, Female: f}: each key a choice
        return [c for k, _ in node.value[:60] if (c := _scalar(k))]
    items = node.value if _kind(node) == "sequence" else []
    for item in items[:60]:
        if _kind(item) == "scalar":
            out.append(_scalar(item))
        elif _kind(item) == "mapping":
            members = _members(item)
            if "label" in members:
                out.append(_scalar(members["label"]))
            elif item.value and _kind(item.value[0][0]) == "scalar":
                out.append(" ".join(str(item.value[0][0].value).split()))
    return [c for c in out if c]
