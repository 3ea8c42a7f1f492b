"""What one parsed piece of JavaScript contains, found on demand.

A minified bundle of a megabyte holds ~30,000 calls and ~10,000 functions, and a whole-file query
over its tree costs about half a parse. Nothing here walks the whole tree: calls are found from
the bytes where their callee's name occurs (``calls_named('init')``), imports from the top-level
statements and the ``require`` / ``import()`` calls, and names resolve through lexical scopes
(``analyzer.parse.jsscope``). Every step is paid from the file's work budget.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import tree_sitter
from tree_sitter import Node

from analyzer.parse.budget import Budget
from analyzer.parse.jsparse import Parsed, language
from analyzer.parse.jsscope import FUNCTION_TYPES, Binding, Scopes
from analyzer.parse.jstree import Tree

__all__ = ["FUNCTION_TYPES", "STRING_TYPES", "Import", "Program", "returned_expression"]

STRING_TYPES = frozenset({"string", "template_string"})
_CALLS = frozenset({"call_expression", "new_expression"})
_TRANSPARENT = frozenset({"parenthesized_expression", "non_null_expression", "as_expression", "satisfies_expression"})
_CASTS = frozenset({"as_expression", "satisfies_expression"})
# JSX stands after "(", "return", "=", "?", ":", "&&", "," or ">" and opens with a tag name; in
# plain or minified JavaScript "<" after those is never valid, so the JSX query runs only then.
_JSX_HINT = re.compile(rb"(?:[\[(=?:,>&{]|\breturn)\s*(?://[^\n]*\n\s*|/\*(?:[^*]|\*(?!/))*\*/\s*)*<[A-Za-z>]")


def minified(data: bytes) -> bool:
    """Built output (a line of thousands of characters): no JSX survives compilation."""
    return any(len(line) > 5000 for line in data[:200_000].split(b"\n"))


_MEMBER_TEXTS = 4  # texts kept per object member: one per language of a table of labels


@functools.lru_cache(maxsize=4)
def _string_pairs_query(dialect: str) -> tree_sitter.Query:
    return tree_sitter.Query(language(dialect), "(pair key: (_) @key value: [(string) (template_string)] @value)")


@functools.lru_cache(maxsize=4)
def _nested_pairs_query(dialect: str) -> tree_sitter.Query:
    """``bank: { …, label: 'Banco' }``: a member whose value is an object literal, and its string members."""
    return tree_sitter.Query(
        language(dialect), "(pair key: (_) @owner value: (object (pair key: (_) @key value: [(string) (template_string)] @value)))"
    )


@functools.lru_cache(maxsize=4)
def _jsx_query(dialect: str) -> tree_sitter.Query | None:
    grammar = language(dialect)
    if grammar.id_for_node_kind("jsx_element", True) is None:
        return None
    return tree_sitter.Query(grammar, "(jsx_element) @jsx (jsx_self_closing_element) @jsx")


def unparen(node: Node) -> Node:
    """The expression inside any parentheses (``((x))`` -> ``x``; of several inside them, the last: their value)."""
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[-1]
    return node


def bare(node: Node) -> Node:
    """The expression inside parentheses and TypeScript's casts: ``(['yes', 'no'] as const)``, ``fields satisfies
    Field[]``, ``value!`` -> the array, the list, the value."""
    while node.type in _TRANSPARENT and node.named_children:
        node = node.named_children[0] if node.type in _CASTS or node.type == "non_null_expression" else node.named_children[-1]
    return node


def names(path: str, name: str) -> bool:
    """Whether a dotted ``path`` (``window.Cookiebot.consent.statistics``) is ``name`` or ends with it as whole parts."""
    return path == name or path.endswith("." + name)


def member_name(prog: Program, node: Node | None) -> str:
    """The last part of an enum's or a constants object's member (``FormFieldType.CHECKBOX``: "CHECKBOX",
    ``FieldName.Religion``: "Religion"), else "": how a project names a control's type or a field by a constant."""
    if node is None or node.type != "member_expression":
        return ""
    obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
    if obj is None or obj.type != "identifier" or prop is None or prop.type != "property_identifier":  # not config.fields.name
        return ""
    return prog.text(prop)


def chain_head(expr: Node) -> Node | None:
    """The identifier a member chain starts from (``Sentry`` of ``Sentry.getReplay``, ``window`` of
    ``window.Sentry.x``), or None when it starts from anything else (a call, ``this``)."""
    head: Node | None = expr
    while head is not None and head.type == "member_expression":
        head = head.child_by_field_name("object")
    return head if head is not None and head.type == "identifier" else None


def returned_expression(fn: Node | None) -> Node | None:
    """The expression a small function returns: an arrow's expression body, or the one
    ``return`` of a body whose other statements only declare (``var t; return …``)."""
    if fn is None or fn.type not in FUNCTION_TYPES:
        return None
    body = fn.child_by_field_name("body")
    if body is None:
        return None
    if body.type != "statement_block":
        return body
    stmts = [c for c in body.named_children if c.type != "comment"]
    if (
        not stmts
        or stmts[-1].type != "return_statement"
        or any(s.type not in ("variable_declaration", "lexical_declaration") for s in stmts[:-1])
    ):
        return None
    value = [c for c in stmts[-1].named_children if c.type != "comment"]
    return value[0] if value else None


@dataclass
class Import:
    package: str
    imported: str | None  # None: default or namespace import / whole require()
    node: Node


# What may stand between an assignment and a name it writes: a destructuring pattern's parts, parentheses.
_TARGET_WRAPPERS = frozenset(
    {
        "array_pattern",
        "object_pattern",
        "pair_pattern",
        "assignment_pattern",
        "object_assignment_pattern",
        "rest_pattern",
        "parenthesized_expression",
    }
)


class Program:
    """The facts of one parsed script, with helpers the detectors and the guard analysis share."""

    def __init__(self, parsed: Parsed, budget: Budget | None = None) -> None:
        self.parsed = parsed
        self.budget = budget if budget is not None else Budget.for_size(len(parsed.source.data))
        self.tree = Tree(parsed.root, parsed.source.data, self.budget)
        self.scopes = Scopes(self.tree)
        self._calls: dict[str, list[Node]] = {}
        self._chains: dict[int, list[Node]] = {}
        self._imports: tuple[dict[str, Import], list[tuple[Node, str]]] | None = None
        self._jsx: list[Node] | None = None
        self._string_members: dict[str, list[str]] | None = None
        self._object_members: dict[tuple[str, str], str] | None = None
        # Facts other readers derive once per program (bundler_exports: runtime markers, registries).
        self.memo: dict[str, dict] = {}

    # -- text helpers ---------------------------------------------------------------------------
    def text(self, node: Node) -> str:
        """The source text of ``node``."""
        return self.parsed.text(node)

    def string_value(self, node: Node | None) -> str | None:
        """The value of a string literal (template literals: their static parts), else None."""
        return self.parsed.string_value(node)

    def literal(self, node: Node | None) -> str | None:
        """A string literal's value, a template literal's only without substitutions (``Parsed.literal``), else None."""
        return self.parsed.literal(node)

    def key_of(self, pair: Node) -> str:
        """The key of an object pair as written (``a`` / ``'a'`` / ``"a"`` -> ``a``): ``Parsed.key_of``."""
        return self.parsed.key_of(pair)

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
            self.budget.spend()
            if n.type in ("string_fragment",):
                parts.append(self.text(n))
            elif n.type == "string" and not n.named_children:
                parts.append(self.text(n)[1:-1])
            else:
                stack.extend(reversed(n.children))
        return "".join(parts)

    def callee(self, call: Node) -> Node | None:
        """What a call or ``new`` expression calls, through parentheses and ``(0, x.init)`` sequences;
        None when nothing is left."""
        fn = call.child_by_field_name("function") or call.child_by_field_name("constructor")
        while fn is not None and fn.type in ("parenthesized_expression", "sequence_expression"):
            # (0, x.init)(...) and (x.init)(...): the last expression is what is called.
            named = fn.named_children
            fn = named[-1] if named else None
        return fn

    def path(self, node: Node | None) -> str:
        """``a.b.c`` for identifiers and member chains (optional chaining flattened), else ""."""
        parts: list[str] = []
        while node is not None:
            t = node.type
            if t in ("identifier", "property_identifier", "this", "private_property_identifier", "super"):
                parts.append(self.text(node))
                break
            if t == "member_expression":
                prop = node.child_by_field_name("property")
                if prop is None:
                    return ""
                parts.append(self.text(prop))
                node = node.child_by_field_name("object")
            elif t == "subscript_expression":
                key = self.string_value(node.child_by_field_name("index"))
                if not key:
                    return ""
                parts.append(key)
                node = node.child_by_field_name("object")
            elif t in _TRANSPARENT:
                named = node.named_children
                # A cast's expression comes first, its type after (``(window as any).heap``).
                node = (named[0] if t in _CASTS else named[-1]) if named else None
            else:
                return ""
        if node is None:
            return ""
        return ".".join(reversed(parts))

    def args(self, call: Node) -> list[Node]:
        """A call's arguments, comments left out (none without an argument list)."""
        a = call.child_by_field_name("arguments")
        return [c for c in a.named_children if c.type != "comment"] if a is not None else []

    def position(self, node: Node) -> tuple[int, int]:
        """File line and column of ``node``'s start."""
        return self.parsed.position(node)

    # -- navigation -----------------------------------------------------------------------------
    def chain(self, node: Node) -> list[Node]:
        """The path from the root down to ``node`` (memoised for the nodes asked about)."""
        found = self._chains.get(node.id)
        if found is None:
            found = self._chains[node.id] = self.tree.path_to(node)
        return found

    def remember(self, chain: list[Node]) -> None:
        """Keep ``chain`` (a path from the root) as its last node's chain, so ``chain()`` need not walk
        the tree for it."""
        self._chains.setdefault(chain[-1].id, chain)

    def enclosing_function(self, node: Node) -> Node | None:
        """The innermost function around ``node`` (not ``node`` itself), else None."""
        for anc in reversed(self.chain(node)[:-1]):
            if anc.type in FUNCTION_TYPES:
                return anc
        return None

    def lookup(self, ident: Node) -> Binding | None:
        """The binding an identifier refers to from where it stands, else None (a global or undeclared
        name)."""
        return self.scopes.lookup(ident, self.chain(ident))

    def reassigned(self, binding: Binding) -> bool:
        """Is the binding written after its declaration (``x = …``, ``x += …``, ``x++``, a destructuring assignment's
        target ``[x] = …`` / ``({x} = …)``, ``(x) = …``, a ``for (x of …)`` loop's variable)? Read from its own
        references, in scope (a minified bundle declares ``e`` in thousands of scopes: a file-wide search by name
        cost seconds)."""
        for ref in self.scopes.references(binding):
            node = ref[-1]
            i = len(ref) - 2
            while i >= 0 and ref[i].type in _TARGET_WRAPPERS:  # up through a pattern or parentheses around it
                node = ref[i]
                i -= 1
            parent = ref[i] if i >= 0 else None
            if parent is None:
                continue
            if parent.type in ("assignment_expression", "for_in_statement") and parent.child_by_field_name("left") == node:
                return parent.type == "assignment_expression" or not any(c.type in ("const", "let", "var") for c in parent.children)
            if parent.type in ("augmented_assignment_expression", "update_expression"):
                return True
        return False

    # -- calls ----------------------------------------------------------------------------------
    def calls_named(self, name: str) -> list[Node]:
        """Calls and ``new`` expressions whose callee is ``name`` or ends in ``.name``
        (``name()``, ``x.name()``, ``x?.name()``, ``x['name']()``, ``(0, x.name)()``)."""
        found = self._calls.get(name)
        if found is not None:
            return found
        out: dict[int, Node] = {}
        width = len(name.encode())
        for offset in self.tree.occurrences(name):
            chain = self.tree.path(offset, offset + width)
            call = self._call_of(chain)
            if call is not None and call.id not in out:
                out[call.id] = call
                self.remember(chain[: chain.index(call) + 1])
        self._calls[name] = found = sorted(out.values(), key=lambda n: n.start_byte)
        return found

    def _call_of(self, chain: list[Node]) -> Node | None:
        """The call whose callee ends in the token at the end of ``chain``."""
        i = len(chain) - 1
        node = chain[i]
        while (
            i >= 1
            and chain[i - 1].type == node.type
            and chain[i - 1].start_byte == node.start_byte
            and chain[i - 1].end_byte == node.end_byte
        ):
            i -= 1  # a named node over its own keyword token (`import`)
        if node.type == "string_fragment" and i >= 2 and chain[i - 1].type == "string" and chain[i - 2].type == "subscript_expression":
            i -= 2  # x['init']()
        elif node.type == "property_identifier" and i >= 1 and chain[i - 1].type == "member_expression":
            i -= 1
        elif node.type not in ("identifier", "import"):
            return None
        while i >= 1:
            parent, child = chain[i - 1], chain[i]
            if parent.type in _TRANSPARENT or (parent.type == "sequence_expression" and parent.named_children[-1] == child):
                i -= 1
                continue
            if parent.type in _CALLS and (parent.child_by_field_name("function") or parent.child_by_field_name("constructor")) == child:
                return parent
            return None
        return None

    def assignments_to(self, name: str) -> list[Node]:
        """Assignments whose target is ``name`` or ends in ``.name`` (``s.src = …``)."""
        out: dict[int, Node] = {}
        width = len(name.encode())
        for offset in self.tree.occurrences(name):
            chain = self.tree.path(offset, offset + width)
            i = len(chain) - 1
            if chain[i].type == "property_identifier" and i >= 1 and chain[i - 1].type == "member_expression":
                i -= 1
            elif chain[i].type != "identifier":
                continue
            parent = chain[i - 1] if i >= 1 else None
            if parent is not None and parent.type == "assignment_expression" and parent.child_by_field_name("left") == chain[i]:
                out.setdefault(parent.id, parent)
                self.remember(chain[:i])
        return sorted(out.values(), key=lambda n: n.start_byte)

    # -- imports --------------------------------------------------------------------------------
    @functools.cached_property
    def is_module(self) -> bool:
        """An ES module (imports or exports at its top): its top-level ``var`` and functions are
        the module's own, not properties of ``window`` another script can read."""
        return bool(self.imports) or any(s.type == "export_statement" for s in self.parsed.root.named_children[:200])

    @property
    def imports(self) -> dict[str, Import]:
        """Local names bound to modules: ``import X from 'pkg'``, ``const {init} = require('pkg')``,
        ``const t = new Tracker()`` with Tracker imported (the instance is the package's too)."""
        return self._import_facts()[0]

    @property
    def import_nodes(self) -> list[tuple[Node, str]]:
        """Every import statement, ``require()`` and ``import()`` with its module specifier."""
        return self._import_facts()[1]

    def _import_facts(self) -> tuple[dict[str, Import], list[tuple[Node, str]]]:
        if self._imports is None:
            imports: dict[str, Import] = {}
            nodes: list[tuple[Node, str]] = []
            for stmt in self.parsed.root.named_children:
                self.budget.spend()
                if stmt.type == "import_statement":
                    self._import(stmt, imports, nodes)
            for call in self.calls_named("require") + self.calls_named("import"):
                self._require(call, imports, nodes)
            for local, imp in list(imports.items()):
                for call in self.calls_named(local):
                    self._instance(call, imp, imports)
            nodes.sort(key=lambda n: n[0].start_byte)
            self._imports = (imports, nodes)
        return self._imports

    def _import(self, node: Node, imports: dict[str, Import], nodes: list[tuple[Node, str]]) -> None:
        source = self.string_value(node.child_by_field_name("source"))
        if not source:
            return
        nodes.append((node, source))
        clause = next((c for c in node.named_children if c.type == "import_clause"), None)
        if clause is None:
            return
        for c in clause.named_children:
            if c.type == "identifier":
                imports[self.text(c)] = Import(source, None, node)
            elif c.type == "namespace_import":
                ident = next((x for x in c.named_children if x.type == "identifier"), None)
                if ident is not None:
                    imports[self.text(ident)] = Import(source, None, node)
            elif c.type == "named_imports":
                for spec in c.named_children:
                    if spec.type != "import_specifier":
                        continue
                    name = spec.child_by_field_name("name")
                    alias = spec.child_by_field_name("alias") or name
                    if name is not None and alias is not None:
                        imports[self.text(alias)] = Import(source, self.text(name), node)

    def _require(self, call: Node, imports: dict[str, Import], nodes: list[tuple[Node, str]]) -> None:
        """``const X = require('pkg')`` / ``const {init} = require('pkg')`` / ``import('pkg')``."""
        fn = self.callee(call)
        if fn is None or self.text(fn) not in ("require", "import"):
            return
        args = self.args(call)
        source = self.string_value(args[0]) if args else None
        if not source:
            return
        nodes.append((call, source))
        chain = self.chain(call)
        i = len(chain) - 2
        while i >= 0 and chain[i].type in ("await_expression", "parenthesized_expression"):
            i -= 1
        self._then_parameter(chain, i, source, imports)
        decl = chain[i] if i >= 0 else None
        if decl is None or decl.type != "variable_declarator":
            return
        target = decl.child_by_field_name("name")
        if target is None:
            return
        if target.type == "identifier":
            imports[self.text(target)] = Import(source, None, call)
        elif target.type == "object_pattern":
            for prop in target.named_children:
                if prop.type == "shorthand_property_identifier_pattern":
                    imports[self.text(prop)] = Import(source, self.text(prop), call)
                elif prop.type == "pair_pattern":
                    key, value = prop.child_by_field_name("key"), prop.child_by_field_name("value")
                    if key is not None and value is not None and value.type == "identifier":
                        imports[self.text(value)] = Import(source, self.text(key), call)

    def _then_parameter(self, chain: list[Node], i: int, source: str, imports: dict[str, Import]) -> None:
        """``import('pkg').then(m => m.default.init(…))``: the callback's first parameter is the
        module (a component that loads the SDK lazily)."""
        if i < 2 or chain[i].type != "member_expression" or chain[i - 1].type != "call_expression":
            return
        prop = chain[i].child_by_field_name("property")
        if prop is None or self.text(prop) != "then":
            return
        args = self.args(chain[i - 1])
        fn = args[0] if args and args[0].type in FUNCTION_TYPES else None
        if fn is None:
            return
        params = self.scopes._parameter_names(fn)
        if params and params[0].type == "identifier":
            imports.setdefault(self.text(params[0]), Import(source, None, chain[i - 1]))
        elif params and params[0].type == "shorthand_property_identifier_pattern":
            imports.setdefault(self.text(params[0]), Import(source, self.text(params[0]), chain[i - 1]))

    def _instance(self, call: Node, imp: Import, imports: dict[str, Import]) -> None:
        if call.type != "new_expression":
            return
        chain = self.chain(call)
        decl = chain[-2] if len(chain) >= 2 else None
        if decl is None or decl.type != "variable_declarator" or decl.child_by_field_name("value") != call:
            return
        name = decl.child_by_field_name("name")
        if name is not None and name.type == "identifier":
            imports.setdefault(self.text(name), Import(imp.package, None, decl))

    # -- JSX ------------------------------------------------------------------------------------
    @property
    def jsx(self) -> list[Node]:
        """JSX elements, in document order (only looked for where the bytes can hold JSX)."""
        if self._jsx is None:
            query = _jsx_query(self.parsed.source.dialect)
            if query is None or minified(self.parsed.source.data) or not _JSX_HINT.search(self.parsed.source.data):
                self._jsx = []
            else:
                self.budget.spend(len(self.parsed.source.data) // 64)
                caps = tree_sitter.QueryCursor(query).captures(self.parsed.root)
                self._jsx = sorted(caps.get("jsx", []), key=lambda n: n.start_byte)
        return self._jsx

    def string_members(self) -> dict[str, list[str]]:
        """Each member name the file's object literals give a string (``firstName: "Vorname"`` in every table of
        ``{ de: {…}, en: {…} }``), with its distinct texts in document order, at most ``_MEMBER_TEXTS`` of them."""
        if self._string_members is None:
            self.budget.spend(len(self.parsed.source.data) // 64)
            matches = tree_sitter.QueryCursor(_string_pairs_query(self.parsed.source.dialect)).matches(self.parsed.root)
            out: dict[str, list[str]] = {}
            for _, caps in matches:
                said = self.string_value(caps["value"][0])
                texts = out.setdefault(self.text(caps["key"][0]).strip("'\""), [])
                if said and said not in texts and len(texts) < _MEMBER_TEXTS:
                    texts.append(said)
            self._string_members = out
        return self._string_members

    def object_members(self) -> dict[tuple[str, str], str]:
        """For each member whose value is an object literal, its string members: ``(owner, prop) -> text``
        (``bank: { label: 'Banco', name: 'bank' }`` gives ("bank", "label") and ("bank", "name")); the first
        literal of an owner in document order counts."""
        if self._object_members is None:
            self.budget.spend(len(self.parsed.source.data) // 64)
            matches = tree_sitter.QueryCursor(_nested_pairs_query(self.parsed.source.dialect)).matches(self.parsed.root)
            out: dict[tuple[str, str], str] = {}
            for _, caps in matches:
                key = (self.text(caps["owner"][0]).strip("'\""), self.text(caps["key"][0]).strip("'\""))
                said = self.string_value(caps["value"][0])
                if said and key not in out:
                    out[key] = said
            self._object_members = out
        return self._object_members

    def constant(self, ident: Node) -> str | None:
        """The text of the string a ``const`` (or ``let`` / ``var``) this identifier names holds."""
        binding = self.lookup(ident)
        if binding is None or binding.value is None or binding.value.type not in STRING_TYPES:
            return None
        return self.text(binding.value)
