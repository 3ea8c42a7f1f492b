"""Choice tiles: buttons, chips and cards that act as a form's radios or checkboxes.

Many forms ask a question without a native control: a row of buttons or a project's ``<ChoiceChip>``, each setting a
field to its own value when clicked and drawn as chosen while the field holds it::

    <Field label="Baptisé(e) ?">
      {[{ v: "oui", l: "Oui" }, { v: "non", l: "Non" }].map((o) => (
        <ChoiceChip active={data.baptized === o.v} onClick={() => update("baptized", o.v)} label={o.l} />
      ))}
    </Field>

A recording shows which tile is drawn as chosen, so the visitor's answer is recorded as a radio's would be. A tile is
an element given a click handler (``jsx_bindings.click_props``) and a selection prop (``selection_props``: ``active``,
``selected``, ``className``, ``variant``…) that compares a piece of state with the very value the click hands over:
``state === value`` is one choice among several (a radio), ``state.includes(value)`` one box among several (a
checkbox). It stands among others: mapped over a list (the value comes from the map's item), or beside a sibling
tile of the same state. The field is named by the state's last part that says something (``selectedPractitioner`` of
``selectedPractitioner?.id``: ``identity_keys`` name no field), else by the string the click hands over first
(``update("baptized", o.v)``). A view's own state (``activeTab``, ``mode``, ``step``: ``view_state_names``) is no
answer: tabs and steppers are left alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tree_sitter import Node

from analyzer.parse.jsfacts import STRING_TYPES, Program
from analyzer.signatures import JsxBindings

_COMPARE = frozenset({"===", "=="})
_MEMBERSHIP = frozenset({"includes", "has", "indexOf"})  # selected.includes(v), set.has(v), list.indexOf(v) !== -1
_STATE_TYPES = frozenset({"identifier", "member_expression", "subscript_expression"})
_SCAN = 120  # syntax nodes looked at under one selection prop, and under one click handler
_SIBLINGS = 40  # siblings looked at for a tile of the same state
_WORD = re.compile(r"[A-Za-z_$][\w$]*")


class Tile(NamedTuple):
    """What a tile asks: ``radio`` or ``checkbox``, and the field's name ("" when nothing names it)."""

    type: str
    name: str


def tile(prog: Program, opening: Node, bindings: JsxBindings) -> Tile | None:
    """The choice an element opened by ``opening`` offers, when it is a tile (see the module), else None."""
    props = _props(prog, opening)
    click = next((props[k] for k in bindings.click_props if k in props), None)
    if click is None:
        return None
    found = _compared(prog, props, bindings, click)
    if found is None:
        return None
    kind, state, value = found
    if not (_in_mapped_item(prog, opening, value) or _has_twin(prog, opening, bindings, prog.text(state))):
        return None
    name = _state_name(prog, state, bindings) or _handed_name(prog, click)
    if name.lower() in bindings.view_state_names or _last(prog.text(state)).lower() in bindings.view_state_names:
        return None
    return Tile(kind, name)


def _props(prog: Program, opening: Node) -> dict[str, Node]:
    """An element's props: a string's node, or the expression a ``{…}`` holds."""
    out: dict[str, Node] = {}
    for attr in opening.named_children:
        if attr.type != "jsx_attribute" or len(attr.named_children) < 2:
            continue
        value = attr.named_children[1]
        held = next((c for c in value.named_children if c.type != "comment"), None) if value.type == "jsx_expression" else None
        if held is not None:
            out.setdefault(prog.text(attr.named_children[0]), held)
    return out


def _compared(prog: Program, props: dict[str, Node], bindings: JsxBindings, click: Node) -> tuple[str, Node, Node] | None:
    """(``radio`` or ``checkbox``, the state, the value) of the first comparison a selection prop makes between a
    piece of state and a value the click handler hands over, else None."""
    handed = prog.text(click)
    for key in bindings.selection_props:
        expr = props.get(key)
        if expr is None:
            continue
        for node in _under(expr, _SCAN):
            pair = _comparison(prog, node)
            if pair is None:
                continue
            kind, left, right = pair
            for state, value in ((left, right), (right, left)):
                if state.type in _STATE_TYPES and _handed(prog, value, handed) and not _handed(prog, state, handed):
                    return kind, state, value
    return None


def _comparison(prog: Program, node: Node) -> tuple[str, Node, Node] | None:
    """``a === b`` (a radio's), ``a.includes(b)`` / ``a.has(b)`` / ``a.indexOf(b)`` (a checkbox's), else None."""
    if node.type == "binary_expression":
        op = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is not None and op.type in _COMPARE and left is not None and right is not None:
            return "radio", left, right
        return None
    if node.type == "call_expression":
        callee, args = prog.callee(node), prog.args(node)
        if callee is not None and callee.type == "member_expression" and len(args) == 1:
            prop, obj = callee.child_by_field_name("property"), callee.child_by_field_name("object")
            if prop is not None and obj is not None and prog.text(prop) in _MEMBERSHIP:
                return "checkbox", obj, args[0]
    return None


def _handed(prog: Program, value: Node, handed: str) -> bool:
    """Whether the click handler's text hands over ``value``: a literal written in it, or the variable the value is
    read from (``practitioner`` of ``practitioner.id``)."""
    if value.type in STRING_TYPES or value.type in ("number", "true", "false"):
        return prog.text(value) in handed
    root = _root(value)
    return root is not None and re.search(rf"(?<![\w$.]){re.escape(prog.text(root))}(?![\w$])", handed) is not None


def _root(expr: Node) -> Node | None:
    """The variable a member chain starts from (``o`` of ``o.v``, ``practitioner`` of ``practitioner.id``)."""
    for _ in range(12):
        if expr.type == "identifier":
            return expr
        if expr.type not in ("member_expression", "subscript_expression"):
            return None
        obj = expr.child_by_field_name("object")
        if obj is None:
            return None
        expr = obj
    return None


def _in_mapped_item(prog: Program, opening: Node, value: Node) -> bool:
    """Whether the value comes from the item of a ``.map`` callback the element is written in."""
    root = _root(value)
    if root is None:
        return False
    name = prog.text(root)
    node = opening.parent
    for _ in range(40):
        if node is None:
            return False
        if node.type in ("arrow_function", "function_expression"):
            call = node.parent.parent if node.parent is not None and node.parent.type == "arguments" else None
            callee = prog.callee(call) if call is not None and call.type == "call_expression" else None
            prop = callee.child_by_field_name("property") if callee is not None and callee.type == "member_expression" else None
            if prop is not None and prog.text(prop) == "map":
                return name in {prog.text(p) for p in _bound_params(node)}
        node = node.parent
    return False


def _bound_params(fn: Node) -> list[Node]:
    """The identifiers a callback's parameters bind (``(o)``, ``({ v, l })``, ``(o, i)``)."""
    params = fn.child_by_field_name("parameter") or fn.child_by_field_name("parameters")
    return [n for n in _under(params, 40) if n.type in ("identifier", "shorthand_property_identifier_pattern")] if params else []


def _has_twin(prog: Program, opening: Node, bindings: JsxBindings, state: str) -> bool:
    """Whether a sibling element (or a sibling's descendant) is a tile of the same state: two written-out choices."""
    element = opening.parent if opening.type == "jsx_opening_element" else opening
    parent = element.parent if element is not None else None
    if parent is None:
        return False
    seen = 0
    for sibling in parent.named_children:
        if sibling is element or sibling.type not in ("jsx_element", "jsx_self_closing_element"):
            continue
        seen += 1
        if seen > _SIBLINGS:
            return False
        other = sibling if sibling.type == "jsx_self_closing_element" else sibling.child_by_field_name("open_tag")
        if other is None:
            continue
        props = _props(prog, other)
        click = next((props[k] for k in bindings.click_props if k in props), None)
        if click is not None and (found := _compared(prog, props, bindings, click)) is not None and prog.text(found[1]) == state:
            return True
    return False


def _state_name(prog: Program, state: Node, bindings: JsxBindings) -> str:
    """The last part of the state's path that names a field: ``baptized`` of ``data.baptized``,
    ``selectedPractitioner`` of ``selectedPractitioner?.id``; "" when every part is generic."""
    parts = _WORD.findall(prog.text(state))
    for part in reversed(parts):
        if part not in bindings.generic and part.lower() not in bindings.identity_keys:
            return part
    return ""


def _handed_name(prog: Program, click: Node) -> str:
    """The first string a call in the click handler is given first (``update("baptized", o.v)``), else ""."""
    for node in _under(click, _SCAN):
        if node.type == "call_expression":
            args = prog.args(node)
            if args and args[0].type in STRING_TYPES and (said := prog.string_value(args[0])):
                return said
    return ""


def _last(path: str) -> str:
    words = _WORD.findall(path)
    return words[-1] if words else ""


def _under(node: Node, limit: int) -> list[Node]:
    """``node`` and the nodes under it, depth first in source order, at most ``limit`` of them."""
    out: list[Node] = []
    stack = [node]
    while stack and len(out) < limit:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(n.named_children))
    return out
