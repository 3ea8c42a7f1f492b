"""Lexical scopes and bindings of JavaScript / TypeScript, resolved on demand.

A name resolves to the declaration in scope where it stands: ``var`` and function parameters to
their function, ``let`` / ``const`` / ``class`` / block-level function declarations to their block,
imports to the module, a named function expression's name to the function itself. Minified bundles
declare the same one-letter names in hundreds of scopes, so resolving by name alone fans out to
every one of them; here ``e()`` reaches exactly one binding, and the references of a binding skip
every inner scope that declares the name again.

Nothing is computed for the whole file: a scope's declarations of one name are found from the
byte occurrences of that name inside the scope, skipping nested functions, and memoised.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from analyzer.parse.jstree import Tree

FUNCTION_TYPES = frozenset(
    {
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
    }
)
_DECLARED_FUNCTIONS = frozenset({"function_declaration", "generator_function_declaration"})
_NAMED_EXPRESSIONS = frozenset({"function_expression", "function", "generator_function"})
_PATTERNS = frozenset(
    {"object_pattern", "array_pattern", "rest_pattern", "pair_pattern", "assignment_pattern", "object_assignment_pattern"}
)
_TS_PARAMS = frozenset({"required_parameter", "optional_parameter"})
_HEAD_SCOPES = frozenset({"for_statement", "for_in_statement", "catch_clause"})
IDENTIFIERS = frozenset({"identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern"})
# Tokens spelled like a name that never refer to a binding (``x.e``, ``{e: 1}``, labels, types).
_NAME_TOKENS = frozenset(
    {"property_identifier", "private_property_identifier", "statement_identifier", "type_identifier", "jsx_identifier"}
)


@dataclass(frozen=True, eq=False)
class Binding:
    """One declared name."""

    name: str
    kind: str  # var | let | const | function | class | param | import | catch | self
    scope: Node  # the scope node it is declared in
    node: Node  # the declaring identifier
    value: Node | None = None  # initializer, function / class node, or the import statement

    @property
    def key(self) -> int:
        """What identifies the binding in caches: the id of its declaring identifier."""
        return self.node.id


def is_scope(node: Node, parent: Node | None) -> bool:
    """Does ``node`` open a scope? A function's body block is part of the function's scope."""
    t = node.type
    if t in FUNCTION_TYPES or t == "program" or t in _HEAD_SCOPES or t == "switch_body":
        return True
    return t == "statement_block" and (parent is None or parent.type not in FUNCTION_TYPES)


class Scopes:
    """Bindings of one parsed piece of code."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self._direct: dict[int, dict[str, Binding]] = {}
        self._vars: dict[tuple[int, str], Binding | None] = {}
        self._refs: dict[int, list[list[Node]]] = {}

    def text(self, node: Node) -> str:
        """The source text of ``node``."""
        return self.tree.text(node)

    # -- what a scope declares ------------------------------------------------------------------
    def declares(self, scope: Node, name: str) -> Binding | None:
        """The binding ``scope`` declares for ``name``, if any."""
        self.tree.budget.spend()
        direct = self._direct_declarations(scope).get(name)
        if direct is not None:
            return direct
        if scope.type in FUNCTION_TYPES or scope.type == "program":
            key = (scope.id, name)
            if key not in self._vars:
                self._vars[key] = self._var_declaration(scope, name)
            return self._vars[key]
        return None

    def _direct_declarations(self, scope: Node) -> dict[str, Binding]:
        """Parameters, a function expression's own name, the head of a for / catch, and the
        declarations standing directly in the scope's statement list (memoised per scope)."""
        found = self._direct.get(scope.id)
        if found is not None:
            return found
        found = {}
        t = scope.type
        if t in FUNCTION_TYPES:
            for ident in self._parameter_names(scope):
                found.setdefault(self.text(ident), Binding(self.text(ident), "param", scope, ident))
            name = scope.child_by_field_name("name")
            if t in _NAMED_EXPRESSIONS and name is not None:
                found.setdefault(self.text(name), Binding(self.text(name), "self", scope, name, scope))
            body = scope.child_by_field_name("body")
            if body is not None and body.type == "statement_block":
                self._statements(body, scope, found)
        elif t == "catch_clause":
            param = scope.child_by_field_name("parameter")
            for ident in self._pattern_names(param):
                found.setdefault(self.text(ident), Binding(self.text(ident), "catch", scope, ident))
        elif t == "for_statement":
            init = scope.child_by_field_name("initializer")
            if init is not None and init.type == "lexical_declaration":
                self._declaration(init, scope, found)
        elif t == "for_in_statement":
            kind = scope.child_by_field_name("kind")
            if kind is not None and self.text(kind) in ("let", "const"):
                for ident in self._pattern_names(scope.child_by_field_name("left")):
                    found.setdefault(self.text(ident), Binding(self.text(ident), self.text(kind), scope, ident))
        elif t == "switch_body":
            for case in scope.named_children:
                self._statements(case, scope, found)
        else:  # program, statement_block
            self._statements(scope, scope, found)
        self._direct[scope.id] = found
        return found

    def _statements(self, block: Node, scope: Node, found: dict[str, Binding]) -> None:
        for stmt in block.named_children:
            self.tree.budget.spend()
            if stmt.type == "export_statement":
                decl = stmt.child_by_field_name("declaration")
                if decl is None:  # export default function f() {} / export default class C {}
                    decl = next((c for c in stmt.named_children if c.type in _DECLARED_FUNCTIONS or c.type == "class_declaration"), None)
                if decl is None:
                    continue
                stmt = decl
            if stmt.type == "import_statement":
                self._import(stmt, scope, found)
            elif stmt.type == "lexical_declaration":
                self._declaration(stmt, scope, found)
            elif stmt.type in _DECLARED_FUNCTIONS or stmt.type in ("class_declaration", "abstract_class_declaration"):
                name = stmt.child_by_field_name("name")
                if name is not None:
                    kind = "class" if "class" in stmt.type else "function"
                    found.setdefault(self.text(name), Binding(self.text(name), kind, scope, name, stmt))

    def _declaration(self, decl: Node, scope: Node, found: dict[str, Binding]) -> None:
        kind_node = decl.child_by_field_name("kind")
        kind = self.text(kind_node) if kind_node is not None else "var" if decl.type == "variable_declaration" else "let"
        for declarator in decl.named_children:
            if declarator.type != "variable_declarator":
                continue
            target = declarator.child_by_field_name("name")
            value = declarator.child_by_field_name("value")
            for ident in self._pattern_names(target):
                found.setdefault(self.text(ident), Binding(self.text(ident), kind, scope, ident, value if ident == target else None))

    def _import(self, stmt: Node, scope: Node, found: dict[str, Binding]) -> None:
        clause = next((c for c in stmt.named_children if c.type == "import_clause"), None)
        if clause is None:
            return
        for c in clause.named_children:
            idents: list[Node] = []
            if c.type == "identifier":
                idents = [c]
            elif c.type == "namespace_import":
                idents = [x for x in c.named_children if x.type == "identifier"]
            elif c.type == "named_imports":
                for spec in c.named_children:
                    if spec.type == "import_specifier":
                        local = spec.child_by_field_name("alias") or spec.child_by_field_name("name")
                        if local is not None:
                            idents.append(local)
            for ident in idents:
                found.setdefault(self.text(ident), Binding(self.text(ident), "import", scope, ident, stmt))

    def _parameter_names(self, fn: Node) -> list[Node]:
        single = fn.child_by_field_name("parameter")
        if single is not None:
            return self._pattern_names(single)
        params = fn.child_by_field_name("parameters")
        out: list[Node] = []
        for p in params.named_children if params is not None else []:
            out += self._pattern_names(p.child_by_field_name("pattern") if p.type in _TS_PARAMS else p)
        return out

    def _pattern_names(self, node: Node | None) -> list[Node]:
        """The identifiers a binding pattern declares (defaults and computed keys excluded)."""
        out: list[Node] = []
        stack = [node] if node is not None else []
        while stack:
            n = stack.pop()
            self.tree.budget.spend()
            t = n.type
            if t in ("identifier", "shorthand_property_identifier_pattern"):
                out.append(n)
            elif t in ("assignment_pattern", "object_assignment_pattern"):
                left = n.child_by_field_name("left")
                if left is not None:
                    stack.append(left)
            elif t == "pair_pattern":
                value = n.child_by_field_name("value")
                if value is not None:
                    stack.append(value)
            elif t in ("object_pattern", "array_pattern", "rest_pattern"):
                stack.extend(reversed(n.named_children))
        return out

    def _var_declaration(self, scope: Node, name: str) -> Binding | None:
        """A ``var`` (or ``for (var …)``) of ``name`` anywhere in the function or program, outside
        nested functions: found from the name's occurrences in the scope, skipping each nested
        function whole."""
        found = self.tree.occurrences(name, scope.start_byte, scope.end_byte)
        for offset in found:
            chain = self.tree.path(offset, offset + len(name.encode()), scope)
            node = chain[-1]
            nested = next((n for n in chain[1:] if n.type in FUNCTION_TYPES), None)
            if nested is not None:
                found.skip_to(nested.end_byte)
                continue
            if node.type not in IDENTIFIERS:
                found.skip_to(node.end_byte)  # inside a string, comment or regex
                continue
            binding = self._var_of(chain, scope)
            if binding is not None:
                return binding
        return None

    def _var_of(self, chain: list[Node], scope: Node) -> Binding | None:
        """``chain[-1]`` as the target of a ``var`` declarator or ``for (var … in/of …)``."""
        ident = chain[-1]
        i = len(chain) - 2
        while i > 0 and chain[i].type in _PATTERNS:
            if (
                chain[i].type in ("assignment_pattern", "object_assignment_pattern")
                and chain[i].child_by_field_name("left") != chain[i + 1]
            ):
                return None  # a default value: a reference
            if chain[i].type == "pair_pattern" and chain[i].child_by_field_name("value") != chain[i + 1]:
                return None
            i -= 1
        holder = chain[i]
        if (
            holder.type == "variable_declarator"
            and holder.child_by_field_name("name") == chain[i + 1]
            and i > 0
            and chain[i - 1].type == "variable_declaration"
        ):
            value = holder.child_by_field_name("value") if chain[i + 1] == ident else None
            return Binding(self.text(ident), "var", scope, ident, value)
        if holder.type == "for_in_statement" and holder.child_by_field_name("left") == chain[i + 1]:
            kind = holder.child_by_field_name("kind")
            if kind is not None and self.text(kind) == "var":
                return Binding(self.text(ident), "var", scope, ident)
        return None

    # -- resolution -----------------------------------------------------------------------------
    def lookup(self, ident: Node, chain: list[Node] | None = None) -> Binding | None:
        """The binding ``ident`` refers to (None: a global, or not declared in this code).
        ``chain`` is the path from the root to ``ident`` when the caller has it."""
        name = self.text(ident)
        if not name:
            return None  # a missing identifier tree-sitter inserted to recover from an error
        chain = chain if chain is not None else self.tree.path_to(ident)
        for j in range(len(chain) - 2, -1, -1):
            node = chain[j]
            if not is_scope(node, chain[j - 1] if j > 0 else None):
                continue
            if node.type in _DECLARED_FUNCTIONS and node.child_by_field_name("name") == ident:
                continue  # a function declaration's name is bound outside the function
            found = self.declares(node, name)
            if found is not None:
                return found
        return None

    def references(self, binding: Binding) -> list[list[Node]]:
        """Every identifier that refers to ``binding``, each as its path from the root."""
        cached = self._refs.get(binding.key)
        if cached is not None:
            return cached
        out: list[list[Node]] = []
        scope = binding.scope
        above = self.tree.path_to(scope)[:-1]
        width = len(binding.name.encode())
        found = self.tree.occurrences(binding.name, scope.start_byte, scope.end_byte)
        for offset in found:
            chain = self.tree.path(offset, offset + width, scope)
            node = chain[-1]
            if node.type not in IDENTIFIERS:
                if node.type not in _NAME_TOKENS:
                    found.skip_to(node.end_byte)  # a string, comment, template or regex: nothing inside refers
                continue
            if node.id == binding.node.id:
                continue
            shadow = self._shadowing(chain, binding)
            if shadow is not None:
                found.skip_to(shadow.end_byte)
                continue
            out.append(above + chain)
        self._refs[binding.key] = out
        return out

    def _shadowing(self, chain: list[Node], binding: Binding) -> Node | None:
        """The innermost scope between ``binding.scope`` and the occurrence that declares the
        name again (the occurrence then refers to that other binding), if any."""
        ident = chain[-1]
        for j in range(len(chain) - 2, 0, -1):
            node = chain[j]
            if not is_scope(node, chain[j - 1]):
                continue
            if node.type in _DECLARED_FUNCTIONS and node.child_by_field_name("name") == ident:
                continue
            other = self.declares(node, binding.name)
            if other is not None and other.key != binding.key:
                return node
        return None
