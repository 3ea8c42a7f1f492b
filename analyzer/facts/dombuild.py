"""The form a script builds through the DOM, as HTML the form-field classifier can read.

Plain scripts build forms element by element::

    const label = document.createElement("label");
    label.textContent = "Czy Pacjent przyjmuje leki?";
    const yes = document.createElement("input");
    yes.type = "radio";
    yes.name = "leki";
    const tak = document.createElement("label");
    tak.textContent = "Tak";
    tak.prepend(yes);

Each element is written back where its ``document.createElement`` call stands, in the order the calls stand: its
attributes the string literals the script gives its properties (``yes.type = "radio"``, ``setAttribute("name", …)``),
its text the literal given to a text property (``textContent``) or appended as a string or a text node. A box put inside
a label (``tak.prepend(yes)``) is written inside that label, which gives it its choice text; a select's options
appended to it (``select.add(new Option("A+"))``) are written inside it. An element is known by the variable (or
member) it is held in, and a property written to that name belongs to the latest element created under it before.
Only what the script says in literals is written: a computed value is left out (a control the script says nothing
of is not written), and nothing runs. The DOM's names are
``[jsx_bindings]`` data (``dom_creators`` …). The work is bounded: at most ``_MAX_ELEMENTS`` elements per file.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.parse.jsfacts import STRING_TYPES, Program
from analyzer.parse.markup_out import ATTRIBUTES, VOID, Out, attributes, escape
from analyzer.signatures import JsxBindings

_MAX_ELEMENTS = 5_000
_CONTROLS = ("input", "select", "textarea")
_BOXES = ("radio", "checkbox")
# The elements written: controls, what labels or heads them, and a select's options. Other elements (div, span, p…)
# are written as their text only.
_WRITTEN = frozenset({"input", "select", "textarea", "label", "option", "legend", "h1", "h2", "h3", "h4", "h5", "h6"})
_ATTRIBUTES = frozenset({"type", "name", "id", "placeholder", "for", "required", "multiple", "value", "autocomplete"})


@functools.lru_cache(maxsize=4)
def hint(creators: frozenset[str]) -> re.Pattern[bytes]:
    """A creation of a form control through the DOM (``document.createElement("input")``): a script worth reading."""
    names = "|".join(re.escape(n) for n in sorted(creators))
    return re.compile(rb"""\.(?:""" + names.encode() + rb""")\(\s*["'`](?:input|select|textarea)["'`]""")


def creates(path: str, bindings: JsxBindings) -> bool:
    """Whether a call's path (``document.createElement``, ``iframe.contentDocument.createElement``) is the DOM's own
    creation: one of ``dom_creators`` called on one of ``dom_documents``."""
    owner, _, method = path.rpartition(".")
    return method in bindings.dom_creators and owner.rpartition(".")[2] in bindings.dom_documents


@dataclass
class _Element:
    tag: str
    name: str  # the variable or member it is held in
    call: Node
    attrs: dict[str, str] = field(default_factory=dict)
    text: list[str] = field(default_factory=list)
    children: list[_Element] = field(default_factory=list)
    parent: _Element | None = None


def markup(prog: Program, bindings: JsxBindings) -> tuple[str, bool]:
    """HTML for the elements ``prog`` creates through the DOM (see the module), positioned as in the source ("" when
    none), and whether the bound cut it short."""
    creators = bindings.dom_creators
    if not creators or hint(creators).search(prog.parsed.source.data) is None:
        return "", False
    reader = _Reader(prog, bindings)
    reader.read()
    if not any(e.tag in _CONTROLS for e in reader.elements):
        return "", reader.cut
    return "<html><body>" + _write(reader.elements) + "</body></html>", reader.cut


class _Reader:
    def __init__(self, prog: Program, bindings: JsxBindings) -> None:
        self.prog = prog
        self.b = bindings
        self.elements: list[_Element] = []
        self.by_name: dict[str, list[_Element]] = {}  # a name -> its elements in source order
        self.starts: dict[str, list[int]] = {}
        self.cut = False

    def read(self) -> None:
        nodes = self._walk()
        for call in (n for n in nodes if n.type in ("call_expression", "new_expression")):  # every element first
            made = self._made(call)
            if made is None:
                continue
            if len(self.elements) >= _MAX_ELEMENTS:
                self.cut = True
                break
            self.elements.append(made)
            self.by_name.setdefault(made.name, []).append(made)
            self.starts.setdefault(made.name, []).append(made.call.start_byte)
        if not self.elements:
            return
        for node in nodes:  # then what is said of them
            if node.type == "assignment_expression":
                self._assigned(node)
            elif node.type == "call_expression":
                self._called(node)

    def _walk(self) -> list[Node]:
        out: list[Node] = []
        stack = [self.prog.parsed.root]
        while stack:
            n = stack.pop()
            if n.type in ("call_expression", "new_expression", "assignment_expression"):
                out.append(n)
            stack.extend(reversed(n.named_children))
        return out

    def _made(self, node: Node) -> _Element | None:
        """The element a creation makes and the name it is held in (``const box = document.createElement("input")``,
        ``this.box = …``, ``new Option("A+")``), else None."""
        if node.type == "new_expression":
            name = self._held_in(node)
            return self._option(node, name) if name else None
        callee = self.prog.callee(node)
        path = self.prog.path(callee) if callee is not None else ""
        if not creates(path, self.b):
            return None  # React.createElement("input", {…}) is an element call (analyzer/facts/hyperscript.py)
        args = self.prog.args(node)
        tag = (self.prog.literal(args[0]) or "").strip().lower() if args else ""
        name = self._held_in(node)
        return _Element(tag, name, node) if tag.isalnum() and name else None

    def _option(self, node: Node, name: str) -> _Element | None:
        """The option ``new Option("text", "value")`` makes."""
        ctor = node.child_by_field_name("constructor")
        if ctor is None or self.prog.text(ctor) != "Option":
            return None
        args = node.child_by_field_name("arguments")
        said = [self._static(a) for a in (args.named_children if args is not None else [])]
        return _Element("option", name, node, text=[said[0]] if said and said[0] else [])

    def _held_in(self, node: Node) -> str:
        parent = node.parent
        while parent is not None and parent.type == "parenthesized_expression":
            parent = parent.parent
        if parent is None:
            return ""
        if parent.type == "variable_declarator":
            name = parent.child_by_field_name("name")
            return self.prog.text(name) if name is not None and name.type == "identifier" else ""
        if parent.type == "assignment_expression":
            left = parent.child_by_field_name("left")
            return self.prog.text(left) if left is not None and left.type in ("identifier", "member_expression") else ""
        return ""

    def _element(self, node: Node | None, before: int) -> _Element | None:
        """The element held under the name ``node`` says, the latest created before byte ``before``."""
        if node is None:
            return None
        name = self.prog.text(node)
        starts = self.starts.get(name)
        if not starts:
            return None
        at = bisect.bisect_left(starts, before) - 1
        return self.by_name[name][at] if at >= 0 else None

    def _assigned(self, node: Node) -> None:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None or left.type != "member_expression":
            return
        prop = left.child_by_field_name("property")
        element = self._element(left.child_by_field_name("object"), node.start_byte)
        if element is None or prop is None:
            return
        key = self.prog.text(prop)
        said = self._static(right)
        if said is None:
            return
        if key in self.b.dom_text_props:
            element.text.append(said)
            return
        name = ATTRIBUTES.get(key, key).lower()
        if name in _ATTRIBUTES:
            element.attrs[name] = said

    def _called(self, node: Node) -> None:
        callee = self.prog.callee(node)
        if callee is None or callee.type != "member_expression":
            return
        method = self.prog.text(callee.child_by_field_name("property") or callee)
        element = self._element(callee.child_by_field_name("object"), node.start_byte)
        if element is None:
            return
        args = self.prog.args(node)
        if method == "setAttribute" and len(args) >= 2:
            key, said = self.prog.literal(args[0]), self._static(args[1])
            if key and said is not None and key.lower() in _ATTRIBUTES:
                element.attrs[key.lower()] = said
            return
        if method not in self.b.dom_child_methods:
            return
        if method == "insertBefore":
            args = args[:1]  # insertBefore(node, reference): the second stays where it is
        for arg in args:
            said = self._static(arg)
            if said is not None:
                element.text.append(said)
                continue
            text_node = self._text_node(arg)
            if text_node is not None:
                element.text.append(text_node)
                continue
            if arg.type == "new_expression":  # select.add(new Option("A Rh+")): an option made where it is added
                option = self._option(arg, "")
                if option is not None:
                    option.parent = element
                    element.children.append(option)
                continue
            child = self._element(arg, node.start_byte) if arg.type in ("identifier", "member_expression") else None
            if child is not None and child is not element and child.parent is None:
                child.parent = element
                element.children.append(child)

    def _text_node(self, node: Node) -> str | None:
        """The text of ``document.createTextNode("…")``."""
        if node.type != "call_expression":
            return None
        callee = self.prog.callee(node)
        path = self.prog.path(callee) if callee is not None else ""
        if path.rsplit(".", 1)[-1] not in self.b.dom_text_nodes:
            return None
        args = self.prog.args(node)
        return self._static(args[0]) if args else None

    def _static(self, node: Node) -> str | None:
        if node.type in STRING_TYPES:
            return self.prog.literal(node)
        if node.type == "true":
            return ""
        return None


def _write(elements: list[_Element]) -> str:
    """Each element at its creation, in source order: a control with its options, a label with its text (a box inside
    a label is written inside it, at the box's place), a heading or legend with its text, anything else as its text."""
    out = Out()
    inside = {id(child) for e in elements if e.tag == "label" for child in e.children if _is_box(child)}
    for e in elements:
        if e.tag == "option" or id(e) in inside:
            continue  # written inside its select or label
        if e.tag == "label" and any(_is_box(c) for c in e.children):
            for box in (c for c in e.children if _is_box(c)):
                row, col = box.call.start_point
                out.at(row, col)
                out.write("<label>" + _start(box) + " " + escape(" ".join(e.text)) + "</label>")
            continue
        if e.tag in _CONTROLS and not e.attrs and not e.children:
            continue  # a control the script says nothing of (a bare createElement("input")): nothing to read
        row, col = e.call.start_point
        out.at(row, col)
        if e.tag in _CONTROLS:
            out.write(_start(e))
            if e.tag == "select":
                out.write("".join(f"<option>{escape(' '.join(o.text))}</option>" for o in e.children if o.tag == "option"))
            if e.tag not in VOID:
                out.write(f"</{e.tag}>")
        elif e.tag in _WRITTEN:
            out.write(_start(e) + escape(" ".join(e.text)) + f"</{e.tag}>")
        elif e.text:
            out.write(" " + escape(" ".join(e.text)) + " ")
    return "".join(out.parts)


def _is_box(e: _Element) -> bool:
    return e.tag == "input" and e.attrs.get("type", "").lower() in _BOXES


def _start(e: _Element) -> str:
    return f"<{e.tag}{attributes(e.attrs.items())}>"
