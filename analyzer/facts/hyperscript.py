"""The markup a script builds with element calls, as HTML the form-field classifier can read.

A form written as calls rather than JSX or strings (``h('label', {}, ['Masa ciała'])``, ``h('input', { type:
'number', id: 'f-masa' })``, ``React.createElement('select', { name: 'blood' }, …)``, compiled JSX's ``jsx('input',
{…})``, Mithril's ``m('input[type=text]')``) is written back as HTML, each start tag at the place of its call, as
``jsxmarkup`` does for JSX: the tag is the call's first argument (a string naming an element), its attributes the
static members of the object after it (and of the objects grouping attributes: Vue 2's ``attrs``), its text a text
prop, its children the arguments after the object (strings, arrays, calls; a ``.map()``'s callback once). Which calls
build elements, and which props give text, are ``[jsx_bindings]`` data (``element_builders`` …).
"""

from __future__ import annotations

import functools
import re

from tree_sitter import Node

from analyzer.facts import dombuild
from analyzer.parse.jsfacts import STRING_TYPES, Program
from analyzer.parse.markup_out import ATTRIBUTES, VOID, Out, attributes, escape
from analyzer.signatures import JsxBindings

_MAX_ELEMENTS = 20_000  # elements written per file
_MAX_DEPTH = 60  # calls nested in calls
_MAX_ROOTS = 5_000  # outermost calls read per file
# A tag, Mithril's selector after it (input#f-masa.form-control[type=number]).
_SELECTOR = re.compile(r"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)((?:[#.][\w-]+|\[[^\]]*\])*)$")
_SELECTOR_PART = re.compile(r"#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:=['\"]?([^\]'\"]*)['\"]?)?\]")
_NOT_WRITTEN = ("__", "on")  # event handlers, a framework's private props
_WRAPPERS = ("parenthesized_expression", "ternary_expression", "binary_expression", "array", "spread_element")


@functools.lru_cache(maxsize=8)
def _called(builders: frozenset[str], first: bytes) -> re.Pattern[bytes]:
    """A call of one of ``builders`` whose first argument is a string starting with ``first`` (a regex)."""
    names = "|".join(re.escape(n) for n in sorted(builders, key=len, reverse=True))
    return re.compile(rb"(?<![\w$])(?:" + names.encode() + rb""")\)?\s*\(\s*["'`]""" + first)


def hint(builders: frozenset[str]) -> re.Pattern[bytes]:
    """A call of one of ``builders`` whose first argument is a string naming a form control: a script worth reading."""
    return _called(builders, rb"(?:input|select|textarea)\b")


def markup(prog: Program, bindings: JsxBindings) -> tuple[str, bool]:
    """HTML for the outermost element calls of ``prog`` (see the module), positioned as in the source ("" when none), and
    whether a bound cut it short (more than ``_MAX_ELEMENTS`` elements or ``_MAX_ROOTS`` outermost calls, calls nested
    deeper than ``_MAX_DEPTH``)."""
    builders = bindings.element_builders
    if not builders or hint(builders).search(prog.parsed.source.data) is None:
        return "", False
    writer = _Writer(prog, bindings)
    roots = _outermost(prog, writer)
    if not roots:
        return "", False
    for call in roots:
        writer.element(call, 0)
    cut = writer.cut or len(roots) >= _MAX_ROOTS
    return "<html><body>" + "".join(writer.out.parts) + "</body></html>", cut


def _outermost(prog: Program, writer: _Writer) -> list[Node]:
    """The element calls no other element call holds, in source order (at most ``_MAX_ROOTS``)."""
    calls = _called(writer.builders, rb"[a-z]")
    roots: list[Node] = []
    end = -1
    for m in calls.finditer(prog.parsed.source.data):
        if m.start() < end:
            continue
        chain = prog.tree.path(m.start(), m.end())
        found = [n for n in chain if n.type == "call_expression" and writer.tag_of(n) is not None]
        if not found:
            continue
        root = found[0]  # the outermost: it writes the others
        roots.append(root)
        end = root.end_byte
        if len(roots) >= _MAX_ROOTS:
            break
    return roots


class _Writer:
    def __init__(self, prog: Program, bindings: JsxBindings) -> None:
        self.prog = prog
        self.builders = bindings.element_builders
        self.text_props = bindings.element_text_props
        self.groups = bindings.element_attr_groups
        self.bindings = bindings
        self.out = Out()
        self.elements = 0
        self.cut = False  # a bound left elements unwritten
        self.tags: dict[int, tuple[str, list[tuple[str, str]]] | None] = {}  # tag_of's answers, by the call's id

    def tag_of(self, call: Node) -> tuple[str, list[tuple[str, str]]] | None:
        """The element a call builds (its tag, and the attributes its selector gives), else None: a call of a builder
        (not the DOM's ``document.createElement``, whose attributes are set afterwards) with a tag string first. Each
        call is looked at once (the roots' search and the writing ask of the same calls)."""
        if call.id not in self.tags:
            self.tags[call.id] = self._tag(call)
        found = self.tags[call.id]
        return (found[0], list(found[1])) if found is not None else None

    def _tag(self, call: Node) -> tuple[str, list[tuple[str, str]]] | None:
        callee = self.prog.callee(call)
        path = self.prog.path(callee) if callee is not None else ""
        if not path or path.rsplit(".", 1)[-1] not in self.builders or dombuild.creates(path, self.bindings):
            return None  # the DOM's createElement sets its attributes afterwards: analyzer/facts/dombuild.py
        args = self.prog.args(call)
        said = self.prog.literal(args[0]) if args else None
        m = _SELECTOR.match(said.strip()) if said else None
        if m is None:
            return None
        attrs: list[tuple[str, str]] = []
        for part in _SELECTOR_PART.finditer(m.group(2)):
            if part.group(1):
                attrs.append(("id", part.group(1)))
            elif part.group(2):
                attrs.append(("class", part.group(2)))
            elif part.group(3):
                attrs.append((part.group(3).lower(), part.group(4) or ""))
        return m.group(1), attrs

    def element(self, call: Node, depth: int) -> None:
        built = self.tag_of(call)
        if built is None:
            return
        if depth > _MAX_DEPTH or self.elements >= _MAX_ELEMENTS:
            self.cut = True
            return
        self.elements += 1
        tag, attrs = built
        args = self.prog.args(call)[1:]
        props = args[0] if args and args[0].type == "object" else None
        children = args[1:] if props is not None or (args and args[0].type in ("null", "undefined")) else args
        text: list[str] = []
        if props is not None:
            self._props(props, attrs, text, children)
        row, col = call.start_point
        self.out.at(row, col)
        self.out.write(f"<{tag}{attributes(attrs)}>")
        for said in text:
            self.out.write(escape(said) + " ")
        for child in children:
            self.child(child, depth + 1)
        if tag not in VOID:
            self.out.write(f"</{tag}>")

    def _props(self, props: Node, attrs: list[tuple[str, str]], text: list[str], children: list[Node]) -> None:
        """The attributes, text and children (a ``children`` member holding calls) an element's props give."""
        for key, value in self.prog.pairs(props).items():
            if key in self.groups and value.type == "object":
                self._props(value, attrs, text, children)
                continue
            said = self._static(value)
            if key in self.text_props:
                if said is not None:
                    text.append(said)
                elif value.type not in STRING_TYPES:
                    children.append(value)
                continue
            if said is None or key.startswith(_NOT_WRITTEN) or key == "style":
                continue
            attrs.append((ATTRIBUTES.get(key, key).lower(), said))

    def _static(self, value: Node) -> str | None:
        """A prop's static value as an attribute holds it: a string, a number, ``true``."""
        if value.type in STRING_TYPES:
            return self.prog.literal(value)
        if value.type == "number":
            return self.prog.text(value)
        if value.type == "true":
            return ""
        return None

    def child(self, node: Node, depth: int) -> None:
        if depth > _MAX_DEPTH or self.elements >= _MAX_ELEMENTS:
            self.cut = True
            return
        if node.type in STRING_TYPES or node.type == "number":
            said = self._static(node)
            if said:
                self.out.write(escape(" ".join(said.split())) + " ")
            return
        if node.type == "call_expression" and self.tag_of(node) is not None:
            self.element(node, depth)
            return
        if node.type in _WRAPPERS:
            for c in node.named_children:
                self.child(c, depth + 1)
            return
        # Anything else (options.map((o) => h('option', {}, o.label)), a helper's call): the element calls inside it,
        # each written once where it stands.
        stack = list(reversed(node.named_children))
        while stack and self.elements < _MAX_ELEMENTS:
            n = stack.pop()
            if n.type == "call_expression" and self.tag_of(n) is not None:
                self.element(n, depth + 1)
            else:
                stack.extend(reversed(n.named_children))
