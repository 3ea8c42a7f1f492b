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

import functools
import re
from typing import NamedTuple

import lxml.etree
from tree_sitter import Node

from analyzer.facts import jsxhelpers
from analyzer.facts.template_components import RENAMED
from analyzer.parse.jsfacts import STRING_TYPES, Program
from analyzer.signatures import JsxBindings

_COMPARE = frozenset({"===", "=="})
_MEMBERSHIP = frozenset({"includes", "has", "indexOf"})  # selected.includes(v), set.has(v), list.indexOf(v) !== -1
_STATE_TYPES = frozenset({"identifier", "member_expression", "subscript_expression"})
_SCAN = 120  # syntax nodes looked at under one selection prop, and under one click handler
_SIBLINGS = 20  # siblings looked at on each side for a tile of the same state
_FOLLOWED = 4  # names under one selection prop whose constant's value is looked at
_DECLARED = frozenset({"binary_expression", "call_expression", "parenthesized_expression"})  # a comparison, held in a const
_WORD = re.compile(r"[A-Za-z_$][\w$]*")


@functools.cache
def hint(selection_props: tuple[str, ...]) -> re.Pattern[bytes]:
    """A selection prop that compares (``selected={pref === o.value}``, ``active={picked.includes(v)}``): a component file
    whose form is made of tiles only (no native control, no control word in a component's name: a dating app's
    "Who would you like to meet?" step of ``<SelectableCard>``) is worth parsing for them. A comparison held in a
    constant is not seen here; its file is read when it holds another control."""
    names = "|".join(re.escape(p) for p in sorted(selection_props, key=len, reverse=True))
    if not names:
        return re.compile(rb"(?!)")
    return re.compile(rb"\s(?:" + names.encode() + rb")=\{[^{}]{0,160}?(?:==|\.includes\(|\.has\(|\.indexOf\()")


class Tile(NamedTuple):
    """What a tile asks: ``radio`` or ``checkbox``, and the field's name ("" when nothing names it)."""

    type: str
    name: str


class _Compared(NamedTuple):
    """A tile's comparison: ``radio`` or ``checkbox``, the state, the value, and the click handler that hands it over."""

    kind: str
    state: Node
    value: Node
    click: Node


Compared = dict[int, "_Compared | None"]  # each element's comparison, by its opening's id: looked up once


def tile(prog: Program, opening: Node, bindings: JsxBindings, memo: Compared | None = None) -> Tile | None:
    """The choice an element opened by ``opening`` offers, when it is a tile (see the module), else None. ``memo``
    keeps each element's comparison for the file, so that a row of tiles is not compared again for each sibling."""
    memo = {} if memo is None else memo
    found = _comparison_of(prog, opening, bindings, memo)
    if found is None:
        return None
    state = prog.text(found.state)
    if not (_in_mapped_item(prog, opening, found.value) or _has_twin(prog, opening, bindings, state, memo)):
        return None
    name = _path_name(state, bindings) or _handed_name(prog, found.click)
    return None if _a_view(name, state, bindings) else Tile(found.kind, name)


def _comparison_of(prog: Program, opening: Node, bindings: JsxBindings, memo: Compared) -> _Compared | None:
    """The comparison an element's selection props make with what its click hands over (``_compared``), once."""
    if opening.id not in memo:
        props = jsxhelpers.jsx_props(prog, opening)
        click = next((props[k] for k in bindings.click_props if k in props), None)
        memo[opening.id] = _compared(prog, props, bindings, click) if click is not None else None
    return memo[opening.id]


def _compared(prog: Program, props: dict[str, Node], bindings: JsxBindings, click: Node) -> _Compared | None:
    """(``radio`` or ``checkbox``, the state, the value) of the first comparison a selection prop makes between a
    piece of state and a value the click handler hands over, else None."""
    handed = prog.text(click)
    for key in bindings.selection_props:
        expr = props.get(key)
        if expr is None:
            continue
        for node in _compared_nodes(prog, expr):
            pair = _comparison(prog, node)
            if pair is None:
                continue
            kind, left, right = pair
            # Written state first (data.sex === o.v), or the value first ("yes" === smoking); a click that assigns the
            # state hands both over (form.sex = o), so the order decides.
            for state, value in ((left, right), (right, left)):
                if state.type in _STATE_TYPES and _handed(prog, value, handed):
                    return _Compared(kind, state, value, click)
    return None


def _compared_nodes(prog: Program, expr: Node) -> list[Node]:
    """The syntax nodes under a selection prop, and under the value of a constant it names that the render declares
    (``const isSelected = chosen.includes(option.value)`` before ``className={isSelected ? "on" : ""}``): one step."""
    nodes = list(jsxhelpers.descendants([expr], _SCAN))
    names = [n for n in nodes if n.type == "identifier"][:_FOLLOWED]
    for node in names:
        binding = prog.scopes.lookup(node)
        if binding is not None and binding.kind == "const" and binding.value is not None and binding.value.type in _DECLARED:
            nodes += jsxhelpers.descendants([binding.value], _SCAN)
    return nodes


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
    return root is not None and _mentions(handed, prog.text(root))


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
    if params is None:
        return []
    return [n for n in jsxhelpers.descendants([params], 40) if n.type in ("identifier", "shorthand_property_identifier_pattern")]


def _has_twin(prog: Program, opening: Node, bindings: JsxBindings, state: str, memo: Compared) -> bool:
    """Whether a neighbouring element (up to ``_SIBLINGS`` on each side) is a tile of the same state: two choices
    written out one after the other."""
    element = opening.parent if opening.type == "jsx_opening_element" else opening
    if element is None:
        return False
    for step in ("prev_named_sibling", "next_named_sibling"):
        sibling = getattr(element, step)
        for _ in range(_SIBLINGS):
            if sibling is None:
                break
            if sibling.type in ("jsx_element", "jsx_self_closing_element"):
                other = sibling if sibling.type == "jsx_self_closing_element" else sibling.child_by_field_name("open_tag")
                found = _comparison_of(prog, other, bindings, memo) if other is not None else None
                if found is not None and prog.text(found.state) == state:
                    return True
            sibling = getattr(sibling, step)
    return False


def _handed_name(prog: Program, click: Node) -> str:
    """The first string a call in the click handler is given first (``update("baptized", o.v)``), else ""."""
    for node in jsxhelpers.descendants([click], _SCAN):
        if node.type == "call_expression":
            args = prog.args(node)
            if args and args[0].type in STRING_TYPES and (said := prog.string_value(args[0])):
                return said
    return ""


def _mentions(text: str, variable: str) -> bool:
    """Whether ``text`` reads the variable ``variable`` (not a member of that name: ``x.o`` does not read ``o``)."""
    return re.search(rf"(?<![\w$.]){re.escape(variable)}(?![\w$])", text) is not None


def _a_view(name: str, state: str, bindings: JsxBindings) -> bool:
    """Whether the state a tile compares is a view's own (``activeTab``, ``step``: ``view_state_names``), no answer."""
    words = _WORD.findall(state)
    return name.lower() in bindings.view_state_names or bool(words) and words[-1].lower() in bindings.view_state_names


def _path_name(path: str, bindings: JsxBindings) -> str:
    """The last part of a state's path that names a field: ``baptized`` of ``data.baptized``, ``selectedPractitioner``
    of ``selectedPractitioner?.id`` (``identity_keys`` name none); "" when every part is generic."""
    for part in reversed(_WORD.findall(path)):
        if part not in bindings.generic and part.lower() not in bindings.identity_keys:
            return part
    return ""


# -- templates -------------------------------------------------------------------------------------------------------
# The same tiles in a template (Vue, Angular, Svelte, Alpine): <div v-for="o in options" :class="{ on: form.sex === o }"
# @click="form.sex = o">{{ o }}</div>. Attribute names are read lower case, as the page's parser gives them.
# An attribute's expression as tokens: a string, a path (form.sex, answers?.smoker, list[0]), an operator, a character.
_TOKEN = re.compile(r"""=>|===?|"[^"\n]{0,80}"|'[^'\n]{0,80}'|[\w$.?\[\]]+|\S""")
_MEMBERSHIP_CALL = (".includes", ".has", ".indexOf")
_TEMPLATE_CONTROLS = ("input", "select", "textarea")


class _Found(NamedTuple):
    kind: str
    state: str
    value: str


def template_tiles(root: lxml.etree._Element, bindings: JsxBindings, text: str) -> None:
    """Write each tile of a template's tree as a ``<label>`` holding the radio (or checkbox) it acts as, named by its
    state, at the tile's own line (the input carries the tile's tag as ``RENAMED``, located by the parser's line)."""
    if not bindings.template_clicks or not any(c in text for c in ("click", "tap")):
        return
    memo: dict[lxml.etree._Element, _Found | None] = {}
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in _TEMPLATE_CONTROLS or el.tag == "label":
            continue
        found = _template_tile_of(el, bindings, memo)
        if found is None or next(el.iter(*_TEMPLATE_CONTROLS), None) is not None:
            continue
        if not (_looped(el, found.value, text, bindings) or _template_twin(el, bindings, found.state, memo)):
            continue
        name = _path_name(found.state, bindings)
        if _a_view(name, found.state, bindings):
            continue
        box = lxml.etree.Element("input", {"type": found.kind, RENAMED: str(el.tag)} | ({"name": name} if name else {}))
        box.sourceline = el.sourceline
        box.tail = el.text
        el.text = None
        el.insert(0, box)
        el.tag = "label"


def _template_tile_of(el: lxml.etree._Element, bindings: JsxBindings, memo: dict[lxml.etree._Element, _Found | None]) -> _Found | None:
    if el not in memo:
        memo[el] = _template_tile(el, bindings)
    return memo[el]


def _template_tile(el: lxml.etree._Element, bindings: JsxBindings) -> _Found | None:
    click = next((v for k, v in el.attrib.items() if k.startswith(bindings.template_clicks)), None)
    if click is None:
        return None
    for key, value in el.attrib.items():
        if key.startswith(bindings.template_selections):
            found = _template_comparison(_TOKEN.findall(value[:_MAX_EXPRESSION]), click)
            if found is not None:
                return found
    return None


_MAX_EXPRESSION = 2000  # the characters of a selection attribute read


def _template_comparison(tokens: list[str], click: str) -> _Found | None:
    """The first ``state === value`` (a radio's) or ``state.includes(value)`` (a checkbox's) among an expression's
    tokens whose value the click attribute hands over; the state written first, or second after a literal."""
    for i, token in enumerate(tokens):
        if token in ("===", "==") and 0 < i < len(tokens) - 1:
            pairs = [(tokens[i - 1], tokens[i + 1]), (tokens[i + 1], tokens[i - 1])]
            kind = "radio"
        elif token.endswith(_MEMBERSHIP_CALL) and i + 3 < len(tokens) and tokens[i + 1] == "(" and tokens[i + 3] == ")":
            pairs = [(token.rsplit(".", 1)[0], tokens[i + 2])]
            kind = "checkbox"
        else:
            continue
        for state, chosen in pairs:
            if _is_path(state) and _template_handed(chosen, click):
                return _Found(kind, state, chosen)
    return None


def _is_path(token: str) -> bool:
    """A piece of state: ``form.sex``, ``answers?.smoker``, ``sex``; not a literal or a keyword value."""
    return bool(token) and (token[0].isalpha() or token[0] in "_$") and token not in ("true", "false", "null", "undefined")


def _template_handed(value: str, click: str) -> bool:
    """Whether the click attribute hands over ``value``: a literal written in it, or the variable it is read from."""
    if value[:1] in "\"'" or value[:1].isdigit():
        return value in click or value.strip("\"'") in click
    root = _WORD.match(value)
    return root is not None and _mentions(click, root.group(0))


def _looped(el: lxml.etree._Element, value: str, text: str, bindings: JsxBindings) -> bool:
    """Whether the value is the loop variable of a loop the element stands in (``v-for="o in options"``, ``*ngFor="let
    o of options"``: ``template_loops``), or of a Svelte ``{#each options as o}`` block of the text."""
    root = _WORD.match(value)
    if root is None:
        return False
    var = root.group(0)
    node: lxml.etree._Element | None = el
    for _ in range(8):
        if node is None:
            break
        for loop in bindings.template_loops:
            if _loop_variable(node.get(loop) or "") == var:
                return True
        node = node.getparent()
    return "{#each" in text and re.search(rf"\{{#each\s[^}}]{{0,200}}\bas\s+\(?{re.escape(var)}\b", text) is not None


def _loop_variable(loop: str) -> str:
    """The item a loop attribute names first: ``o`` of ``(o, i) in options``, of ``let o of options; let i = index``."""
    said = loop.strip()
    for word in ("let ", "const "):
        said = said.removeprefix(word)
    m = _WORD.match(said.lstrip("( "))
    return m.group(0) if m is not None else ""


def _template_twin(el: lxml.etree._Element, bindings: JsxBindings, state: str, memo: dict[lxml.etree._Element, _Found | None]) -> bool:
    """Whether a neighbouring element (up to ``_SIBLINGS`` on each side) is a tile of the same state."""
    for preceding in (True, False):
        for seen, sibling in enumerate(el.itersiblings(preceding=preceding)):
            if seen >= _SIBLINGS:
                break
            other = _template_tile_of(sibling, bindings, memo) if isinstance(sibling.tag, str) else None
            if other is not None and other.state == state:
                return True
    return False
