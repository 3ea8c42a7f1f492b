"""What one parsed piece of JavaScript contains: imports, functions, calls, and who calls whom.

One walk over the tree collects everything; the intra-file call graph resolves a call to the
functions it may reach by name (``load()``, ``var a=function`` / arrow, ``(0, a)()``) or by
property (``x.init()`` reaches every function stored under ``init``). Resolving by property name
over-approximates the callers, which can only make a verdict less "gated", never more.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import functools

import tree_sitter
from tree_sitter import Node

from analyzer.jsparse import Parsed, language

FUNCTION_TYPES = frozenset(
    {"function_declaration", "function_expression", "function", "arrow_function", "method_definition", "generator_function_declaration", "generator_function"}
)
STRING_TYPES = frozenset({"string", "template_string"})
_CAPTURES = (
    ("call", ("call_expression", "new_expression")),
    ("fn", tuple(sorted(FUNCTION_TYPES))),
    ("assign", ("assignment_expression",)),
    ("decl", ("variable_declarator",)),
    ("import", ("import_statement",)),
    ("export", ("export_statement",)),
    ("jsx", ("jsx_element", "jsx_self_closing_element")),
)


@functools.lru_cache(maxsize=4)
def _query(dialect: str) -> tree_sitter.Query:
    """One query for every node kind the facts need, limited to the kinds this grammar has
    (the TypeScript grammar has no JSX)."""
    grammar = language(dialect)
    patterns = [
        f"({kind}) @{name}"
        for name, kinds in _CAPTURES
        for kind in kinds
        if grammar.id_for_node_kind(kind, True) is not None
    ]
    return tree_sitter.Query(grammar, " ".join(patterns))


@dataclass(eq=False)
class Function:
    node: Node
    names: set[str] = field(default_factory=set)  # identifiers bound to it
    props: set[str] = field(default_factory=set)  # property keys it is stored under
    exported: bool = False


@dataclass
class Import:
    package: str
    imported: str | None  # None: default or namespace import / whole require()
    node: Node


class Program:
    """The facts of one parsed script, with helpers the detectors and the guard analysis share."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.functions: dict[int, Function] = {}
        self.by_name: dict[str, list[Function]] = {}
        self.by_prop: dict[str, list[Function]] = {}
        self.calls: list[Node] = []
        self.assignments: list[Node] = []
        self.jsx: list[Node] = []
        self.imports: dict[str, Import] = {}
        self.import_nodes: list[tuple[Node, str]] = []
        self._callers: dict[int, list[Node]] | None = None
        self._bindings: list[tuple[str, Node]] = []  # name = call(...): for factory-made functions
        self.constants: dict[str, str] = {}  # const NAME = `string`: what a JSX prop may name
        self.default_exports: set[str] = set()  # export default NAME / module.exports = NAME
        self._walk()
        self._factories()

    # -- text helpers ---------------------------------------------------------------------------
    def text(self, node: Node) -> str:
        return self.parsed.text(node)

    def string_value(self, node: Node | None) -> str | None:
        """The value of a string literal (template literals: their static parts), else None."""
        if node is None or node.type not in STRING_TYPES:
            return None
        return "".join(self.text(c) for c in node.named_children if c.type in ("string_fragment", "escape_sequence")) or (
            self.text(node)[1:-1] if node.type == "string" else ""
        )

    def key_of(self, pair: Node) -> str:
        """The key of an object pair as written (``a`` / ``'a'`` / ``"a"`` -> ``a``)."""
        key = pair.child_by_field_name("key")
        return "" if key is None else self.string_value(key) or self.text(key)

    def pairs(self, obj: Node) -> dict[str, Node]:
        """An object literal's ``key: value`` pairs, by key."""
        out: dict[str, Node] = {}
        for child in obj.named_children:
            value = child.child_by_field_name("value") if child.type == "pair" else None
            if value is not None:
                out[self.key_of(child)] = value
        return out

    def static_text(self, node: Node) -> str:
        """Every string literal and template fragment inside ``node``, concatenated: a URL built
        by ``'https://' + host + '/x.js'`` or a template literal keeps its vendor host here."""
        parts: list[str] = []
        stack = [node]
        while stack:
            n = stack.pop()
            if n.type in ("string_fragment",):
                parts.append(self.text(n))
            elif n.type == "string" and not n.named_children:
                parts.append(self.text(n)[1:-1])
            else:
                stack.extend(reversed(n.children))
        return "".join(parts)

    def callee(self, call: Node) -> Node | None:
        fn = call.child_by_field_name("function")
        while fn is not None and fn.type in ("parenthesized_expression", "sequence_expression"):
            # (0, x.init)(...) and (x.init)(...): the last expression is what is called.
            named = fn.named_children
            fn = named[-1] if named else None
        return fn

    def path(self, node: Node | None) -> str:
        """``a.b.c`` for identifiers and member chains (optional chaining flattened), else ""."""
        if node is None:
            return ""
        if node.type in ("identifier", "property_identifier", "this", "private_property_identifier"):
            return self.text(node)
        if node.type == "member_expression":
            obj = self.path(node.child_by_field_name("object"))
            prop = node.child_by_field_name("property")
            return f"{obj}.{self.text(prop)}" if obj and prop is not None else ""
        if node.type == "subscript_expression":
            obj = self.path(node.child_by_field_name("object"))
            key = self.string_value(node.child_by_field_name("index"))
            return f"{obj}.{key}" if obj and key else ""
        if node.type in ("parenthesized_expression", "non_null_expression"):
            named = node.named_children
            return self.path(named[-1]) if named else ""
        return ""

    def args(self, call: Node) -> list[Node]:
        a = call.child_by_field_name("arguments")
        return [c for c in a.named_children if c.type != "comment"] if a is not None else []

    # -- the walk -------------------------------------------------------------------------------
    def _walk(self) -> None:
        """Collect the nodes of interest with one tree-sitter query (in C: a Python walk over a
        minified bundle's nodes measured 8x slower), then process them in a fixed order."""
        captures = tree_sitter.QueryCursor(_query(self.parsed.source.dialect)).captures(self.parsed.root)
        for node in captures.get("import", []):
            self._import(node)
        for node in sorted(captures.get("call", []), key=lambda n: n.start_byte):
            self.calls.append(node)
            self._require(node)
        for node in captures.get("fn", []):
            self._function(node)
        for node in captures.get("decl", []):
            self._instance(node)
            self._constant(node)
            self._binding(node.child_by_field_name("name"), node.child_by_field_name("value"))
        for node in sorted(captures.get("assign", []), key=lambda n: n.start_byte):
            self.assignments.append(node)
            self._binding(node.child_by_field_name("left"), node.child_by_field_name("right"))
        self.jsx = sorted(captures.get("jsx", []), key=lambda n: n.start_byte)
        self._exports(captures.get("export", []))

    def _exports(self, statements: list[Node]) -> None:
        """``export default Header;`` / ``export { start as init }`` / ``module.exports = start``:
        the named functions are called from other files."""
        names: set[str] = set()
        for stmt in statements:
            for child in stmt.named_children:
                if child.type == "identifier":
                    names.add(self.text(child))
                    if b"default" in (stmt.text or b"")[:20]:
                        self.default_exports.add(self.text(child))
                elif child.type == "export_clause":
                    for spec in child.named_children:
                        name = spec.child_by_field_name("name")
                        if name is not None:
                            names.add(self.text(name))
        for node in self.assignments:
            left = self.path(node.child_by_field_name("left"))
            right = node.child_by_field_name("right")
            if left.startswith(("module.exports", "exports.")) and right is not None and right.type == "identifier":
                names.add(self.text(right))
                if left == "module.exports":
                    self.default_exports.add(self.text(right))
        for name in names:
            for fn in self.by_name.get(name, []):
                fn.exported = True

    def _function(self, node: Node) -> None:
        fn = Function(node)
        self.functions[node.id] = fn
        name = node.child_by_field_name("name")
        parent = node.parent
        if name is not None:
            key = self.text(name)
            (fn.props if node.type == "method_definition" else fn.names).add(key)
        if parent is not None:
            if parent.type == "variable_declarator":
                target = parent.child_by_field_name("name")
                if target is not None and target.type == "identifier":
                    fn.names.add(self.text(target))
            elif parent.type == "pair":
                key = parent.child_by_field_name("key")
                if key is not None:
                    fn.props.add(self.string_value(key) or self.text(key))
            elif parent.type == "assignment_expression":
                target = self.path(parent.child_by_field_name("left"))
                if target:
                    last = target.rsplit(".", 1)[-1]
                    (fn.names if "." not in target else fn.props).add(last)
                    if target.startswith(("window.", "module.exports", "exports.", "globalThis.", "self.")):
                        fn.exported = True
        anc = parent
        for _ in range(3):
            if anc is None:
                break
            if anc.type in ("export_statement",):
                fn.exported = True
            anc = anc.parent
        for n in fn.names:
            self.by_name.setdefault(n, []).append(fn)
        for p in fn.props:
            self.by_prop.setdefault(p, []).append(fn)

    def _import(self, node: Node) -> None:
        source = self.string_value(node.child_by_field_name("source"))
        if not source:
            return
        self.import_nodes.append((node, source))
        clause = next((c for c in node.named_children if c.type == "import_clause"), None)
        if clause is None:
            return
        for c in clause.named_children:
            if c.type == "identifier":
                self.imports[self.text(c)] = Import(source, None, node)
            elif c.type == "namespace_import":
                ident = next((x for x in c.named_children if x.type == "identifier"), None)
                if ident is not None:
                    self.imports[self.text(ident)] = Import(source, None, node)
            elif c.type == "named_imports":
                for spec in c.named_children:
                    if spec.type != "import_specifier":
                        continue
                    name = spec.child_by_field_name("name")
                    alias = spec.child_by_field_name("alias") or name
                    if name is not None and alias is not None:
                        self.imports[self.text(alias)] = Import(source, self.text(name), node)

    def _constant(self, decl: Node) -> None:
        name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
        if name is not None and value is not None and name.type == "identifier" and value.type in STRING_TYPES:
            self.constants[self.text(name)] = self.text(value)

    def _binding(self, target: Node | None, value: Node | None) -> None:
        if target is not None and value is not None and target.type == "identifier" and value.type == "call_expression":
            self._bindings.append((self.text(target), value))

    def _factories(self) -> None:
        """``R = en("…")`` where ``en`` returns a function: calling ``R`` reaches that function.
        (Minified SDKs wrap their init this way: a once-only guard returning the real init.)"""
        returned: dict[int, list[Function]] = {}
        for fn in self.functions.values():
            parent = fn.node.parent
            if parent is not None and parent.type == "return_statement":
                outer = self.enclosing_function(fn.node)
                if outer is not None:
                    returned.setdefault(outer.node.id, []).append(fn)
        for name, call in self._bindings:
            for factory in self.resolve(call):
                for fn in returned.get(factory.node.id, []):
                    fn.names.add(name)
                    self.by_name.setdefault(name, []).append(fn)

    def _instance(self, decl: Node) -> None:
        """``const tracker = new Tracker(...)`` with Tracker imported: the instance is the package's too."""
        name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
        if name is None or value is None or name.type != "identifier" or value.type != "new_expression":
            return
        ctor = value.child_by_field_name("constructor")
        imp = self.imports.get(self.text(ctor)) if ctor is not None else None
        if imp is not None:
            self.imports[self.text(name)] = Import(imp.package, None, decl)

    def _require(self, call: Node) -> None:
        """``const X = require('pkg')`` / ``const {init} = require('pkg')`` / ``import('pkg')``."""
        fn = self.callee(call)
        if fn is None or self.text(fn) not in ("require", "import"):
            return
        args = self.args(call)
        source = self.string_value(args[0]) if args else None
        if not source:
            return
        self.import_nodes.append((call, source))
        decl = call.parent
        while decl is not None and decl.type in ("await_expression", "parenthesized_expression"):
            decl = decl.parent
        if decl is None or decl.type != "variable_declarator":
            return
        target = decl.child_by_field_name("name")
        if target is None:
            return
        if target.type == "identifier":
            self.imports[self.text(target)] = Import(source, None, call)
        elif target.type == "object_pattern":
            for prop in target.named_children:
                if prop.type == "shorthand_property_identifier_pattern":
                    self.imports[self.text(prop)] = Import(source, self.text(prop), call)
                elif prop.type == "pair_pattern":
                    key, value = prop.child_by_field_name("key"), prop.child_by_field_name("value")
                    if key is not None and value is not None and value.type == "identifier":
                        self.imports[self.text(value)] = Import(source, self.text(key), call)

    # -- call graph -----------------------------------------------------------------------------
    def resolve(self, call: Node) -> list[Function]:
        """Functions this call may reach, by the callee's name or property."""
        fn = self.callee(call)
        if fn is None:
            return []
        if fn.type == "identifier":
            return self.by_name.get(self.text(fn), [])
        if fn.type == "member_expression":
            prop = fn.child_by_field_name("property")
            return self.by_prop.get(self.text(prop), []) if prop is not None else []
        return []

    def callers(self, fn: Function) -> list[Node]:
        if self._callers is None:
            self._callers = {}
            for call in self.calls:
                for target in self.resolve(call):
                    self._callers.setdefault(target.node.id, []).append(call)
            # Rendering <App /> calls App.
            for el in self.jsx:
                opening = el if el.type == "jsx_self_closing_element" else el.child_by_field_name("open_tag")
                name = opening.child_by_field_name("name") if opening is not None else None
                for target in self.by_name.get(self.text(name), []) if name is not None else []:
                    self._callers.setdefault(target.node.id, []).append(el)
            # References passed as values (callbacks: addEventListener('x', load)) are calls too.
            for call in self.calls:
                for arg in self.args(call):
                    if arg.type == "identifier":
                        for target in self.by_name.get(self.text(arg), []):
                            self._callers.setdefault(target.node.id, []).append(call)
        return self._callers.get(fn.node.id, [])

    def enclosing_function(self, node: Node) -> Function | None:
        anc = node.parent
        while anc is not None:
            if anc.id in self.functions:
                return self.functions[anc.id]
            anc = anc.parent
        return None
