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
of is not written), and nothing runs.

A script often builds its controls through a helper of its own, a function or a class's constructor that creates one
control and sets its attributes from its parameters (``class Input { constructor(type, name, cls, value, placeholder)
{ const input = document.createElement('input'); input.type = type; … } }``). Each call of it (``new Input('text',
'bp', …, '* Обычное давление')``) is then a control written where the call stands, its attributes the literals the
call gives those parameters, a select's options the array of strings it gives the parameter the helper loops over,
and the text it gives a parameter the helper prints in another element before (a label, a select's first option).
The helper's own element, made of parameters, is not written (``_factories``). The DOM's names are
``[jsx_bindings]`` data (``dom_creators`` …). The work is bounded: at most ``_MAX_ELEMENTS`` elements per file.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.facts.jsxhelpers import param_pattern, parameters
from analyzer.parse.jsfacts import STRING_TYPES, Program
from analyzer.parse.markup_out import ATTRIBUTES, VOID, Out, attributes, escape
from analyzer.signatures import JsxBindings

_MAX_ELEMENTS = 5_000
# What an expression may stand in without being another value: parentheses, and TypeScript's type assertions
# (``document.createElement("input") as HTMLInputElement``, ``<HTMLInputElement>…``, ``…!``, ``satisfies``).
_WRAPPERS = frozenset({"parenthesized_expression", "as_expression", "satisfies_expression", "type_assertion", "non_null_expression"})
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
    before: str = ""  # the text a helper prints before the control it makes (a label, a select's first option)


@dataclass(frozen=True)
class _Factory:
    """A helper that makes one control from its parameters: the control's tag, the attributes it always gives, the
    parameter (by position) each other attribute comes from, the parameter it loops over for a select's options, and
    the one whose text it prints before the control (a label's, a select's first option)."""

    tag: str
    attrs: tuple[tuple[str, str], ...]
    params: tuple[tuple[str, int], ...]
    options: int | None
    text: int | None


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
    written = {call for call, name in reader.inside.items() if name in reader.called}  # a helper never called keeps its own
    return "<html><body>" + _write(reader.elements, written) + "</body></html>", reader.cut


class _Reader:
    def __init__(self, prog: Program, bindings: JsxBindings) -> None:
        self.prog = prog
        self.b = bindings
        self.elements: list[_Element] = []
        self.by_name: dict[str, list[_Element]] = {}  # a name -> its elements in source order
        self.starts: dict[str, list[int]] = {}
        self.cut = False
        self.inside: dict[int, str] = {}  # the creations inside a helper that makes a control from its parameters: its name
        self.called: set[str] = set()  # the helpers a call of which was written
        self.object_pairs: dict[int, dict[str, Node]] = {}  # an object literal's members, read once
        self.constant_values: dict[int, Node | None] = {}  # a declaration's value, when it is never given again
        self.lookups = 0  # names looked up for the texts they hold (at most _MAX_LOOKUPS)
        # A control's attributes given outside any branch, and those each branch of the script gives it (an element made
        # once and named in each ``if (kind === "pastDiseases") { el.name = "pastDiseases"; … }``): branch -> attributes.
        self.outside: dict[int, dict[str, str]] = {}
        self.branches: dict[int, dict[int, tuple[Node, Node, dict[str, str]]]] = {}  # where it stands, its body
        self.labels: dict[int, list[_Element]] = {}  # the other labels a control is put in (one per branch)

    def read(self) -> None:
        nodes = self._walk()
        factories = self._factories(nodes)
        for call in (n for n in nodes if n.type in ("call_expression", "new_expression")):  # every element first
            made = self._made(call) or self._made_by(call, factories)
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
        self._split_branches()

    def _set(self, element: _Element, key: str, value: str, node: Node) -> None:
        """Give a control an attribute, noting the branch of the script that gives it (``_branch``)."""
        element.attrs[key] = value
        branch = _branch(node, element.call) if element.tag in _CONTROLS else None
        if branch is None:
            self.outside.setdefault(id(element), {})[key] = value
        else:
            self.branches.setdefault(id(element), {}).setdefault(branch[1].id, (*branch, {}))[2][key] = value

    def _split_branches(self) -> None:
        """A control made once and given a different name in two branches or more (``if (kind === "bloodPressure") {
        el.setAttribute("name", "bloodPressure"); el.setAttribute("placeholder", "Обычное давление"); return el; }``, one
        such block per field) is one control per branch, written where the branch stands, with the attributes given
        outside the branches and its own; the rest keep every attribute given them, as before."""
        split: list[_Element] = []
        for element in self.elements:
            branches = list(self.branches.get(id(element), {}).values())
            named = sorted(((w, b, dict(a)) for w, b, a in branches if "name" in a), key=lambda n: n[1].start_byte)
            starts = [body.start_byte for _, body, _ in named]

            holders = [h for h in (element.parent, *self.labels.get(id(element), ())) if h is not None]
            over = len(split) + len(named) > _MAX_ELEMENTS
            self.cut = self.cut or over
            if (
                over
                or len({a["name"] for _, _, a in named}) < 2
                or element.children
                or (element.parent is not None and _is_box(element))  # a box is written in its label
                # a label made once, outside the branches, is one control's label: the branches only word it
                or any(_enclosing(h.call, named, starts) < 0 for h in holders)
            ):
                split.append(element)
                continue
            # an attribute a branch nested in a named one gives (a placeholder per language inside the case) is its
            for _, inner, more in branches:
                if "name" not in more and (at := _enclosing(inner, named, starts)) >= 0:
                    named[at][2].update(more)
            # a label a branch makes and puts the control in labels that branch's control
            holder_of: dict[int, _Element] = {}
            for h in holders:
                holder_of.setdefault(_enclosing(h.call, named, starts), h)
            for k, (where, _, attrs) in enumerate(named):
                variant = _Element(element.tag, element.name, where, {**self.outside.get(id(element), {}), **attrs})
                holder = holder_of.get(k)
                if holder is not None:
                    holder.children = [c for c in holder.children if c is not element] + [variant]
                    variant.parent = holder
                split.append(variant)
            if element.parent is not None and element.parent.children.count(element):
                element.parent.children.remove(element)  # the control made once is written as its branches' only
        if len(split) != len(self.elements):
            self.elements = sorted(split, key=lambda e: e.call.start_byte)

    def _factories(self, nodes: list[Node]) -> dict[str, _Factory]:
        """The script's helpers that make one control from their parameters, by the name they are called by (see the
        module); the elements made inside them are noted in ``self.inside`` and not written."""
        found: dict[str, _Factory] = {}
        rejected: set[int] = set()  # the functions looked at that make no control of their parameters
        for call in (n for n in nodes if n.type == "call_expression"):
            if len(found) >= _MAX_FACTORIES:
                break
            callee = self.prog.callee(call)
            if callee is None or not creates(self.prog.path(callee), self.b):
                continue
            args = self.prog.args(call)
            tag = (self.prog.literal(args[0]) or "").strip().lower() if args else ""
            held = self._held_in(call)
            fn = self.prog.enclosing_function(call)
            if tag not in _CONTROLS or not held or fn is None:
                continue
            if fn.id in rejected:
                continue
            name = _function_name(self.prog, fn)
            params = _param_names(self.prog, fn) if name and name not in found else {}
            factory = self._factory(fn, tag, held, params) if params else None
            if factory is None:
                rejected.add(fn.id)
                continue
            found[name] = factory
            self.inside[call.id] = name
        return found

    def _factory(self, fn: Node, tag: str, held: str, params: dict[str, int]) -> _Factory | None:
        """What a helper ``fn`` that makes a ``tag`` held in ``held`` does with its parameters, or None when it sets
        none of the control's attributes from them."""
        attrs: dict[str, str] = {}
        given: dict[str, int] = {}
        options: int | None = None
        text: int | None = None
        stack, seen = [fn], 0
        while stack and seen < _MAX_FACTORY_NODES:
            node = stack.pop()
            seen += 1
            stack.extend(reversed(node.named_children))
            if node.type == "assignment_expression":
                left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
                if left is None or right is None or left.type != "member_expression":
                    continue
                owner, prop = left.child_by_field_name("object"), left.child_by_field_name("property")
                key = self.prog.text(prop) if prop is not None else ""
                param = params.get(self.prog.text(right)) if right.type == "identifier" else None
                if owner is not None and self.prog.text(owner) == held:
                    attr = ATTRIBUTES.get(key, key).lower()
                    if attr in _ATTRIBUTES and param is not None:
                        given.setdefault(attr, param)
                    elif attr in _ATTRIBUTES and (said := self._static(right)) is not None:
                        attrs.setdefault(attr, said)
                elif key in self.b.dom_text_props and param is not None and not _in_loop(node, fn):
                    text = param if text is None else text  # defaultOption.innerText = defaultValue
            elif node.type == "call_expression":
                callee = self.prog.callee(node)
                if callee is None or callee.type != "member_expression":
                    continue
                owner, method = callee.child_by_field_name("object"), self.prog.text(callee.child_by_field_name("property") or callee)
                args = self.prog.args(node)
                if method in self.b.dom_attribute_methods and owner is not None and self.prog.text(owner) == held and len(args) >= 2:
                    key = (self.prog.literal(args[0]) or "").lower()
                    param = params.get(self.prog.text(args[1])) if args[1].type == "identifier" else None
                    if key in _ATTRIBUTES and param is not None:
                        given.setdefault(key, param)
                    elif key in _ATTRIBUTES and (said := self._static(args[1])) is not None:
                        attrs.setdefault(key, said)
                elif method in _LOOPS and owner is not None and owner.type == "identifier" and tag == "select":
                    if self._adds_options(node, held):  # options.forEach((opt) => select.add(new Option(opt)))
                        options = params.get(self.prog.text(owner), options)
            elif node.type == "for_in_statement" and tag == "select":  # for (const opt of options) { … select.appendChild(o) }
                right = node.child_by_field_name("right")
                if right is not None and right.type == "identifier" and self._adds_options(node, held):
                    options = params.get(self.prog.text(right), options)
        if not given:
            return None
        return _Factory(tag, tuple(attrs.items()), tuple(given.items()), options, text)

    def _adds_options(self, loop: Node, held: str) -> bool:
        """Whether a loop hands what it makes to the select held under ``held`` by a child method (``select.appendChild(o)``,
        ``select.add(new Option(c))``: ``dom_child_methods``): a loop over a parameter that adds classes or listeners
        (``select.classList.add(c)``) gives no options."""
        text = self.prog.text(loop)
        return len(text) <= _MAX_LOOP_TEXT and any(f"{held}.{m}(" in text for m in self.b.dom_child_methods)

    def _made_by(self, node: Node, factories: dict[str, _Factory]) -> _Element | None:
        """The control a call of one of the script's helpers makes (``new Input('text', 'bp', …)``), with what the
        call gives its parameters in literals; else None."""
        if not factories:
            return None
        callee = node.child_by_field_name("constructor") if node.type == "new_expression" else node.child_by_field_name("function")
        if callee is None or callee.type != "identifier":
            return None
        name = self.prog.text(callee)
        factory = factories.get(name)
        if factory is None:
            return None
        args_node = node.child_by_field_name("arguments")
        args = [a for a in args_node.named_children if a.type != "comment"] if args_node is not None else []
        attrs = dict(factory.attrs)
        for attr, at in factory.params:
            said = self._static(args[at]) if at < len(args) else None
            if said is not None:
                attrs[attr] = said
        element = _Element(factory.tag, self._held_in(node) or f"#{node.id}", node, attrs)
        self.called.add(name)
        if factory.options is not None and factory.options < len(args) and args[factory.options].type == "array":
            for item in args[factory.options].named_children:
                said = self._static(item)
                if said:
                    element.children.append(_Element("option", "", item, text=[said], parent=element))
        if factory.text is not None and factory.text < len(args):
            element.before = self._static(args[factory.text]) or ""
        if not attrs and not element.children and not element.before:
            return None
        return element

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
        while parent is not None and parent.type in _WRAPPERS:
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
        if key in self.b.dom_markup and element.tag == "select":
            element.children += _options_in(said, element, node)  # select.innerHTML = '<option>A+</option>…'
            return
        if key in self.b.dom_text_props:
            element.text.append(said)
            return
        name = ATTRIBUTES.get(key, key).lower()
        if name in _ATTRIBUTES:
            self._set(element, name, said, node)

    def _called(self, node: Node) -> None:
        callee = self.prog.callee(node)
        if callee is None or callee.type != "member_expression":
            return
        method = self.prog.text(callee.child_by_field_name("property") or callee)
        element = self._element(callee.child_by_field_name("object"), node.start_byte)
        if element is None:
            return
        args = self.prog.args(node)
        if method in self.b.dom_attribute_methods and len(args) >= 2:
            key, said = self.prog.literal(args[0]), self._static(args[1])
            if key and said is not None and key.lower() in _ATTRIBUTES:
                self._set(element, key.lower(), said, node)
            return
        if method in self.b.dom_markup and element.tag == "select" and args:
            said = self._static(args[-1])  # select.insertAdjacentHTML('beforeend', `<option>Терапевт</option>…`)
            if said:
                element.children += _options_in(said, element, node)
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
            elif child is not None and child.parent is not None and child.parent is not element and element.tag == "label":
                self.labels.setdefault(id(child), []).append(element)  # another branch's label for the same control

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
        """The text a value is in literals: a string, ``true`` (an attribute given), or the string a constant of the
        script holds, alone or as a member of an object literal (``label.textContent = textLabel.data`` after ``let
        textLabel = { data: 'Data Prevista de Exame' }``), else None."""
        if node.type in STRING_TYPES:
            return self.prog.literal(node)
        if node.type == "true":
            return ""
        if node.type == "identifier":
            value = self._held(node)
            return self.prog.literal(value) if value is not None and value.type in STRING_TYPES else None
        if node.type == "member_expression":
            obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
            held = self._held(obj) if obj is not None and obj.type == "identifier" else None
            if held is None or held.type != "object" or prop is None:
                return None
            if held.id not in self.object_pairs:
                self.object_pairs[held.id] = self.prog.pairs(held)
            value = self.object_pairs[held.id].get(self.prog.text(prop))
            return self.prog.literal(value) if value is not None and value.type in STRING_TYPES else None
        return None

    def _held(self, ident: Node) -> Node | None:
        """The value a name of the script is declared with and never given again, else None (whether it is given again
        is read once per declaration: a table of labels is read at every label)."""
        if self.lookups >= _MAX_LOOKUPS:
            return None  # a script that gives thousands of elements named texts: the first ones are read
        self.lookups += 1
        binding = self.prog.lookup(ident)
        if binding is None or binding.value is None:
            return None
        key = binding.value.id
        if key not in self.constant_values:
            self.constant_values[key] = None if self.prog.reassigned(binding) else binding.value
        return self.constant_values[key]


_BRANCHES = frozenset({"switch_case", "else_clause"})
_MAX_BRANCH_DEPTH = 40  # syntax nodes walked up from an attribute's statement to its branch


def _branch(node: Node, creation: Node) -> tuple[Node, Node] | None:
    """The branch of the script an attribute is given in, when the control was made before it: where it is written (the
    ``if`` statement whose consequence holds it, the ``else`` or the ``case`` that holds it) and its body (the
    consequence, the ``else``, the ``case``); None when it is given outside any (or inside the branch that made the
    control)."""
    child, parent = node, node.parent
    for _ in range(_MAX_BRANCH_DEPTH):
        if parent is None or parent.start_byte <= creation.start_byte < parent.end_byte:
            return None
        if parent.type == "if_statement" and parent.child_by_field_name("consequence") == child:
            return parent, child
        if parent.type in _BRANCHES:
            return parent, parent
        child, parent = parent, parent.parent
    return None


def _enclosing(node: Node, named: list[tuple[Node, Node, dict[str, str]]], starts: list[int]) -> int:
    """The index of the branch of ``named`` (in order of their bodies' starts, ``starts``) whose body holds ``node``, else
    -1: one binary search."""
    at = bisect.bisect_right(starts, node.start_byte) - 1
    return at if at >= 0 and _within(node, named[at][1]) else -1


def _within(node: Node, body: Node) -> bool:
    return body.start_byte <= node.start_byte < body.end_byte


def _write(elements: list[_Element], inside: AbstractSet[int] = frozenset()) -> str:
    """Each element at its creation, in source order: a control with its options, a label with its text (a box inside
    a label is written inside it, at the box's place), a heading or legend with its text, anything else as its text."""
    out = Out()
    made_inside = {id(e.call) for e in elements if e.call.id in inside}
    held = {id(e): controls for e in elements if e.tag == "label" and (controls := _held(e, made_inside))}
    inside_labels = {id(child) for controls in held.values() for child in controls}
    labelled, moved = _labels_put_before(elements)
    for e in elements:
        if e.tag == "option" or id(e) in inside_labels or id(e) in moved:
            continue  # written inside its select or label, or before the control it stands before
        if id(e) in held:
            # a control put inside a label is labelled by it, written where the control stands
            for control in held[id(e)]:
                row, col = control.call.start_point
                out.at(row, col)
                out.write("<label>" + _control(control) + " " + escape(" ".join(e.text)) + "</label>")
            continue
        if e.tag in _CONTROLS and not e.attrs and not e.children:
            continue  # a control the script says nothing of (a bare createElement("input")): nothing to read
        if id(e.call) in made_inside:
            continue  # a helper's own control, made of its parameters: each call of the helper is written
        row, col = e.call.start_point
        out.at(row, col)
        if e.tag in _CONTROLS:
            if id(e) in labelled:
                out.write(f"<label>{escape(labelled[id(e)])}</label> ")
            if e.before and e.tag != "select":
                out.write(f"<label>{escape(e.before)}</label> ")
            out.write(_control(e))
        elif e.tag in _WRITTEN:
            out.write(_start(e) + escape(" ".join(e.text)) + f"</{e.tag}>")
        elif e.text:
            out.write(" " + escape(" ".join(e.text)) + " ")
    return "".join(out.parts)


def _labels_put_before(elements: list[_Element]) -> tuple[dict[int, str], set[int]]:
    """The controls a label created after them stands before in the page: appended to one parent, the label just
    before the control (``select = createElement('select'); label = createElement('label'); div.appendChild(label);
    div.appendChild(select)``). Each such control's label text, and the labels so moved."""
    labelled: dict[int, str] = {}
    moved: set[int] = set()
    for e in elements:
        kids = e.children
        for i, (before, control) in enumerate(zip(kids, kids[1:], strict=False)):
            if i > 0 and _is_box(kids[i - 1]):
                continue  # a box's own label after it ("[x] I have had an HIV test"), not the next control's
            if (
                control.tag in _CONTROLS
                and before.tag == "label"
                and before.text
                and "for" not in before.attrs
                and not any(_is_box(c) for c in before.children)
                and before.call.start_byte > control.call.start_byte
            ):
                labelled[id(control)] = " ".join(before.text)
                moved.add(id(before))
    return labelled, moved


def _held(label: _Element, made_inside: AbstractSet[int]) -> list[_Element]:
    """The controls written inside a label: its boxes, and any control when the label's own text labels it (a caption
    in a child element is written where it stands, and a helper's own control, made of its parameters, is not written)."""
    return [c for c in label.children if id(c.call) not in made_inside and (_is_box(c) or (c.tag in _CONTROLS and label.text))]


def _control(e: _Element) -> str:
    """A control's markup: its start tag, a select's options, its end tag."""
    written = _start(e)
    if e.tag == "select":
        first = f"<option>{escape(e.before)}</option>" if e.before else ""
        written += first + "".join(f"<option>{escape(' '.join(o.text))}</option>" for o in e.children if o.tag == "option")
    return written if e.tag in VOID else written + f"</{e.tag}>"


def _is_box(e: _Element) -> bool:
    return e.tag == "input" and e.attrs.get("type", "").lower() in _BOXES


def _start(e: _Element) -> str:
    return f"<{e.tag}{attributes(e.attrs.items())}>"


_MAX_FACTORIES = 200  # helpers that make a control, per file
_MAX_LOOP_TEXT = 20_000  # a loop's source looked at for the options it adds
_MAX_LOOKUPS = 1000  # names looked up for their texts, per file
_MAX_FACTORY_NODES = 2000  # syntax nodes of one helper looked at
_LOOPS = frozenset({"forEach", "map"})


def _in_loop(node: Node, fn: Node) -> bool:
    parent = node.parent
    while parent is not None and parent.id != fn.id:
        if parent.type in ("for_in_statement", "for_statement", "while_statement", "arrow_function", "function_expression"):
            return True
        parent = parent.parent
    return False


def _function_name(prog: Program, fn: Node) -> str:
    """The name a helper is called by: a function's, a class's (its constructor), a const's that holds it."""
    if fn.type == "function_declaration":
        name = fn.child_by_field_name("name")
        return prog.text(name) if name is not None else ""
    if fn.type == "method_definition":
        method = fn.child_by_field_name("name")
        body = fn.parent
        cls = body.parent if body is not None else None
        if method is None or prog.text(method) != "constructor" or cls is None or cls.type not in ("class_declaration", "class"):
            return ""
        name = cls.child_by_field_name("name")
        if name is None and cls.parent is not None and cls.parent.type == "variable_declarator":
            name = cls.parent.child_by_field_name("name")
        return prog.text(name) if name is not None else ""
    holder = fn.parent
    if holder is not None and holder.type == "variable_declarator":
        name = holder.child_by_field_name("name")
        return prog.text(name) if name is not None and name.type == "identifier" else ""
    return ""


def _param_names(prog: Program, fn: Node) -> dict[str, int]:
    """A function's plain parameters by name, their positions (``rows = 1`` too; a destructured one is left out)."""
    out: dict[str, int] = {}
    for at, param in enumerate(parameters(fn)):
        pattern, _ = param_pattern(param)
        if pattern.type == "identifier":
            out.setdefault(prog.text(pattern), at)
    return out


_OPTION = re.compile(r"<option\b[^<>]{0,400}>([^<]{0,400})", re.I)
_MAX_OPTIONS = 200  # options read from one string


def _options_in(markup: str, select: _Element, node: Node) -> list[_Element]:
    """The options a string of markup written into a select holds, each its text."""
    return [
        _Element("option", "", node, text=[" ".join(m.group(1).split())], parent=select)
        for m in itertools.islice(_OPTION.finditer(markup), _MAX_OPTIONS)
    ]
