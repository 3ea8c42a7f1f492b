"""Where a function value goes, and so where it runs: its calls, followed through bindings.

From a function node, follow its value outwards: into the binding it is declared or assigned to
(and every reference of that binding, in scope), into an object literal under a key (and every
read of that key on a binding holding the object, ``this.key`` inside the object's own methods),
out of a factory's ``return`` (to the binding its call initialises), through ``.call`` /
``.apply`` / ``.bind``, through parentheses, ``||`` / ``??`` / ternaries and TypeScript casts.
Each path ends in a *use*: a call, a callback handed to a call, a JSX element rendering it, an
event-handler property, an export, a global, or an escape (stored where it cannot be followed).

Property calls are never resolved by the property name alone: ``x.init()`` reaches a function only
when ``x`` resolves to a binding that holds an object with it under ``init``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tree_sitter import Node

from analyzer.parse import bundler_exports
from analyzer.parse.jsfacts import Program, chain_head
from analyzer.parse.jsscope import FUNCTION_TYPES, IDENTIFIERS, Binding
from analyzer.parse.jstree import inside

# Objects whose properties are globals: assigning a function there hands it to other scripts.
GLOBAL_OBJECTS = frozenset({"window", "self", "globalThis", "top", "parent", "frames"})
_PASS_THROUGH = frozenset(
    {"parenthesized_expression", "await_expression", "non_null_expression", "as_expression", "satisfies_expression", "type_assertion"}
)
_READS = frozenset(
    {
        "unary_expression",
        "if_statement",
        "while_statement",
        "do_statement",
        "expression_statement",
        "switch_statement",
        "for_statement",
        "update_expression",
        "augmented_assignment_expression",
        "template_substitution",
        "spread_element",
        "type_query",  # TypeScript's ``typeof f`` in a type: no value at run time
    }
)
_DECLARATIONS = frozenset({"function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration"})
# A collection of functions (a queue of callbacks): what puts an element in, what reads without
# handing one on, what hands one element back, what copies them into a new array, what visits each
# with a callback (and what of those also hands one back).
_QUEUE_STORES = frozenset({"push", "unshift", "add"})
_QUEUE_QUERIES = frozenset({"indexOf", "lastIndexOf", "includes", "has", "delete", "clear"})
_QUEUE_ELEMENT = frozenset({"shift", "pop", "at"})
_QUEUE_COPIES = frozenset({"splice", "slice", "concat", "reverse", "filter"})
_QUEUE_VISITS = frozenset({"forEach", "some", "every", "filter", "find", "findLast"})
_QUEUE_FINDS = frozenset({"find", "findLast"})
MAX_HOPS = 24  # bindings and returns followed from one function (the budget bounds the rest)


@functools.lru_cache(maxsize=4096)
def _this_member(key: str) -> re.Pattern[bytes]:
    """``this.key`` / ``this?.key``, ``this`` first: a literal the regex engine searches for fast (a
    lookbehind in front made it try every byte of the holder); the byte before is checked by
    ``_this_reads``."""
    return re.compile(rb"this\s*(?:\?\.|\.)\s*" + re.escape(key.encode()) + rb"(?![\w$])")


# ``var self = this`` and the like: a name declared with ``this`` as its whole value.
_THIS_ALIAS = re.compile(rb"\b(?:var|let|const)\s+([A-Za-z_$][\w$]{0,40})\s*=\s*this(?![\w$])")
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")


def _this_reads(data: bytes, key: str, start: int, end: int) -> Iterator[re.Match[bytes]]:
    r"""The matches of ``(?<![\w$])this\s*(?:\?\.|\.)\s*key(?![\w$])`` in [start, end), in order, as
    ``finditer`` gives them (the byte before ``start`` counts; a match not preceded as it must be
    is passed over one byte at a time, so a match overlapping it is still found)."""
    pattern = _this_member(key)
    at = start
    while True:
        m = pattern.search(data, at, end)
        if m is None:
            return
        if m.start() > 0 and data[m.start() - 1] in _WORD_BYTES:
            at = m.start() + 1
            continue
        yield m
        at = m.end()


@dataclass(frozen=True)
class Use:
    """One way a function value is reached."""

    kind: str  # call | callback | jsx | handler | export | global | escape | leave (a region's walk ends)
    node: Node  # the call, element, assignment or statement where that happens
    key: str = ""  # the property / global / export name it travels under, when it has one
    holder: Node | None = None  # the object literal that holds it under ``key``
    # The calls that handed the value in as an argument on the way, innermost first: (the call,
    # the function of this file it called), for a use inside that function (see _into_parameter).
    via: tuple[tuple[Node, Node], ...] = ()


@dataclass(frozen=True)
class _Origin:
    key: str = ""
    holder: Node | None = None


class Flow:
    """Uses of function values in one program (memoised per function and property path)."""

    def __init__(
        self,
        prog: Program,
        stores: frozenset[str] = frozenset(),
        queues: bool = False,
        member_tables: frozenset[str] = frozenset(),
        region: Node | None = None,
    ) -> None:
        self.prog = prog
        # A walk confined to one function: a value that leaves it (a read outside it, a return
        # from it) ends in a ``leave`` use there, not followed further (see Flow.within).
        self.region = region
        self.stores = stores  # methods that store what they are handed (signatures/script_types.toml [code])
        # Keys of a component's options object whose functions become the instance's members
        # (Vue's ``methods``; signatures/script_types.toml [code] member_tables).
        self.member_tables = member_tables
        # Follow a function stored in a collection of this file to where the collection's elements
        # are called (the consent walk). Off, it stays stored where its calls cannot be followed:
        # walking out of an SDK, its own queues (rrweb's handlers, drained by the stop function
        # record() returns) would lead to calls that only stop it.
        self.queues = queues
        self._memo: dict[tuple[int, tuple[str, ...]], list[Use]] = {}
        self._active: set[tuple[int, tuple[str, ...]]] = set()
        self._queues: dict[int, list[Use] | None] = {}  # collection binding -> where its elements go
        self._queues_active: set[int] = set()

    def uses(self, fn: Node) -> list[Use]:
        """How the function ``fn`` is reached."""
        return self._sinks(self.prog.chain(fn), (), _Origin(), 0)

    def value_uses(self, chain: list[Node], props: tuple[str, ...] = ()) -> list[Use]:
        """How the value of the expression at the end of ``chain`` is reached, or, with ``props``,
        the value under that property path in it (``require('./m')`` with ``("init",)``)."""
        return self._sinks(chain, props, _Origin(), 0)

    def binding_uses(self, binding: Binding, props: tuple[str, ...] = ()) -> list[Use]:
        """How the value a binding holds (under ``props``) is reached: every read of it, in scope
        (an imported function: its calls, its aliases, where it is handed on)."""
        return self._references(binding, props, _Origin(), 0)

    def within(self, region: Node) -> Flow:
        """The same walk confined to the function ``region``: how a function nested in it is
        reached from inside it, every way out of it one ``leave`` use. The consent walk asks it
        about a function handed in as an argument at one call, which runs only within what that
        call started (``consent_code``)."""
        return Flow(self.prog, self.stores, self.queues, self.member_tables, region)

    def own_names(self, fn: Node) -> set[str]:
        """The names ``fn`` is known by where it is defined: its declared name, the variable or
        property it is assigned to, its method or pair key."""
        chain = self.prog.chain(fn)
        names: set[str] = set()
        name = fn.child_by_field_name("name")
        if name is not None:
            names.add(self.prog.string_value(name) or self.prog.text(name))
        i = len(chain) - 2
        while i >= 0 and chain[i].type in _PASS_THROUGH:
            i -= 1
        parent = chain[i] if i >= 0 else None
        if parent is None:
            return names
        if parent.type == "variable_declarator":
            target = parent.child_by_field_name("name")
            if target is not None and target.type == "identifier":
                names.add(self.prog.text(target))
        elif parent.type == "pair":
            names.add(self.prog.key_of(parent))
        elif parent.type == "assignment_expression":
            path = self.prog.path(parent.child_by_field_name("left"))
            if path:
                names.add(path.rsplit(".", 1)[-1])
        return names

    # -- the walk outwards ----------------------------------------------------------------------
    def _sinks(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        value = chain[-1]
        key = (value.id, props)
        if key in self._memo:
            return self._memo[key]
        region = self.region
        if region is not None and not inside(value, region):
            return [Use("leave", value, origin.key, origin.holder)]
        if key in self._active:
            return []  # a cycle: this path adds no new way in
        if hops > MAX_HOPS:
            return [Use("escape", value, "too many hops to follow")]
        self._active.add(key)
        try:
            out = self._step(chain, props, origin, hops)
        finally:
            self._active.discard(key)
        self._memo[key] = out
        return out

    def _step(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        self.prog.budget.spend()
        if len(chain) < 2:
            return []
        value, parent = chain[-1], chain[-2]
        t = parent.type
        up = chain[:-1]
        if value.type in _DECLARATIONS:
            out = self._declared(value, value, props, origin, hops)
            if t == "export_statement":
                out.append(Use("export", parent, self._export_name(parent, value), origin.holder))
            return out
        if t in _PASS_THROUGH:
            return self._sinks(up, props, origin, hops)
        if t in ("sequence_expression", "ternary_expression", "binary_expression"):
            return self._sinks(up, props, origin, hops) if self._flows_on(value, parent) else []
        if t in _READS:
            return []
        if t == "variable_declarator":
            return self._declared(parent, value, props, origin, hops)
        if t == "assignment_expression":
            return self._assigned(chain, props, origin, hops)
        if t in ("pair", "object", "class_body"):
            found = self._property(chain, props, origin, hops)
            if found is not None:
                return found
        if t == "arguments":
            return self._argument(chain, props, origin, hops)
        if t in ("call_expression", "new_expression"):
            return self._called(chain, props, origin, hops)
        if t in ("member_expression", "subscript_expression"):
            return self._member(chain, props, origin, hops)
        if t == "return_statement" or (t == "arrow_function" and parent.child_by_field_name("body") == value):
            return self._returned(chain, props, origin, hops)
        if t == "array" and not props:
            listed = bundler_exports.turbopack_export(self.prog, parent, value, chain[:-1])
            if listed is not None:  # e.s(["name", 0, value]): Turbopack's export
                return [Use("export", listed[0], listed[1], origin.holder)]
        if t in ("export_statement", "export_specifier", "export_clause"):
            return [Use("export", parent, self._export_name(parent, value), origin.holder)]
        if t in ("jsx_opening_element", "jsx_self_closing_element", "jsx_expression"):
            found = self._jsx(chain, origin)
            if found is not None:
                return found
        return [Use("escape", parent, origin.key, origin.holder)]

    @staticmethod
    def _flows_on(value: Node, parent: Node) -> bool:
        """Does the value of a sequence, ternary or logical expression become the expression's
        value (the last of a sequence, a branch of a ternary, a side of ``&&`` / ``||`` / ``??``)?"""
        if parent.type == "sequence_expression":
            return parent.named_children[-1] == value
        if parent.type == "ternary_expression":
            return parent.child_by_field_name("condition") != value
        op = parent.child_by_field_name("operator")
        return op is not None and op.type in ("&&", "||", "??")

    def _property(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use] | None:
        """A value stored as an object's property or a class's method: followed into the object or
        class; None when it is neither (``{...x}``, a class field)."""
        value, parent = chain[-1], chain[-2]
        if parent.type == "pair":
            if parent.child_by_field_name("value") != value:
                return []
            return self._into_object(chain[:-2], (self.prog.key_of(parent),) + props, origin, parent, hops)
        if parent.type == "object" and value.type in ("shorthand_property_identifier", "method_definition"):
            name = value.child_by_field_name("name") if value.type == "method_definition" else value
            key = self.prog.text(name) if name is not None else ""
            return self._into_object(chain[:-1], (key,) + props, origin, parent, hops)
        if parent.type == "class_body" and value.type == "method_definition":
            name = value.child_by_field_name("name")
            key = self.prog.text(name) if name is not None else ""
            return self._into_class(chain[:-2], key, props, origin, hops)
        return None

    def _argument(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        """A value passed to a call: a webpack export getter, a callback the callee runs, or handed
        to code this file does not show (an escape)."""
        value, parent = chain[-1], chain[-2]
        call = chain[-3] if len(chain) >= 3 else None
        if call is None or call.type not in ("call_expression", "new_expression"):
            return [Use("escape", parent, origin.key, origin.holder)]
        if len(props) == 1 and origin.holder is not None and value.type == "object" and bundler_exports.webpack_getter(self.prog, call):
            return [Use("export", call, props[0], origin.holder)]  # n.d(t, {key: getter}): webpack's export
        if props and not (len(props) == 1 and origin.holder is not None and origin.holder.type == "object"):
            # A class or a nested object handed to a library: its methods run when the
            # library (or the browser) calls them, which this file does not show. Handed to a
            # class of this file (``new RouteDispatcher(Site)``), it goes where the constructor
            # puts its parameter.
            inside = self._into_parameter(chain, props, origin, hops) if call.type == "new_expression" else None
            return inside if inside is not None else [Use("escape", call, origin.key, origin.holder)]
        callee = self.prog.callee(call)
        if self._stored_locally(callee):
            queued = self._queued(callee, origin, hops) if self.queues and callee is not None and not props else None
            if queued is not None:
                return queued
            return [Use("escape", call, origin.key or f"stored by {self.prog.path(callee) or 'a collection'}()", origin.holder)]
        self.prog.remember(chain[:-2])
        inside = self._into_parameter(chain, props, origin, hops) if not props else None
        return inside if inside is not None else [Use("callback", call, origin.key, origin.holder)]

    def _jsx(self, chain: list[Node], origin: _Origin) -> list[Use] | None:
        """A component rendered as a JSX element, or a handler in a JSX expression; None for a value
        elsewhere in JSX."""
        value, parent = chain[-1], chain[-2]
        t = parent.type
        if t in ("jsx_opening_element", "jsx_self_closing_element") and parent.child_by_field_name("name") == value:
            element = chain[-3] if t == "jsx_opening_element" and len(chain) >= 3 else parent
            self.prog.remember(chain[: len(chain) - (2 if t == "jsx_opening_element" else 1)])
            return [Use("jsx", element, origin.key, origin.holder)]
        if t == "jsx_expression":
            self.prog.remember(chain[:-1])
            return [Use("handler", parent, origin.key, origin.holder)]
        return None

    def _stored_locally(self, callee: Node | None) -> bool:
        """``listeners.push(fn)`` on a collection of this file: the file's own code decides when
        it runs. A global queue (``window.didomiOnReady.push(fn)``, ``_paq.push``) is drained by
        another script as the page loads: that stays a callback where the call is."""
        if callee is None or callee.type != "member_expression":
            return False
        prop = callee.child_by_field_name("property")
        obj = callee.child_by_field_name("object")
        if prop is None or obj is None or self.prog.text(prop) not in self.stores:
            return False
        head = chain_head(obj)
        return head is not None and self.prog.lookup(head) is not None

    # -- queues: functions stored in a collection of this file and run where its elements are called --
    def _queued(self, callee: Node, origin: _Origin, hops: int) -> list[Use] | None:
        """``listeners.push(fn)`` onto an array (or ``new Set()``) this file declares empty: ``fn``
        runs where the collection's elements are called (``for (const f of listeners.splice(0)) f()``,
        ``listeners.forEach(f => f())``, ``listeners.shift()()``). Every read of the collection must
        be one whose elements can be followed (a drain, a store, its length); None when one is not
        (it is returned, exported, handed to a call, kept elsewhere), and the function stays stored
        where its calls cannot be followed."""
        prop = callee.child_by_field_name("property")
        obj = callee.child_by_field_name("object")
        if prop is None or obj is None or obj.type != "identifier" or self.prog.text(prop) not in _QUEUE_STORES:
            return None
        binding = self.prog.lookup(obj)
        if binding is None or binding.kind not in ("let", "const", "var") or not _empty_collection(self.prog, binding.value):
            return None
        chain = self.prog.chain(binding.node)
        decl = chain[-2] if len(chain) >= 2 else None
        if decl is None or decl.type != "variable_declarator" or self._exported_declaration(decl) is not None:
            return None
        if binding.scope.type == "program" and binding.kind == "var" and not self.prog.is_module:
            return None  # a script's top-level var is window's: other scripts may drain it
        return self._queue_reads(binding, origin, hops)

    def _queue_reads(self, binding, origin: _Origin, hops: int) -> list[Use] | None:
        """The uses of the elements of the collection ``binding`` holds, through every reference of it
        (memoised per binding; a cycle of aliases adds nothing); None when one cannot be followed."""
        if binding.key in self._queues:
            return self._queues[binding.key]
        if binding.key in self._queues_active:
            return []
        if hops > MAX_HOPS:
            return None
        self._queues_active.add(binding.key)
        try:
            out = self._collection_refs(binding, origin, hops)
        finally:
            self._queues_active.discard(binding.key)
        self._queues[binding.key] = out
        return out

    def _collection_refs(self, binding, origin: _Origin, hops: int) -> list[Use] | None:
        out: list[Use] = []
        for ref in self.prog.scopes.references(binding):
            parent = ref[-2] if len(ref) >= 2 else None
            if parent is not None and parent.type == "assignment_expression" and parent.child_by_field_name("left") == ref[-1]:
                if _empty_collection(self.prog, parent.child_by_field_name("right")):
                    continue  # emptied: listeners = []
                return None
            found = self._collection(ref, origin, hops + 1)
            if found is None:
                return None
            out += found
        return out

    def _collection(self, chain: list[Node], origin: _Origin, hops: int) -> list[Use] | None:
        """Where the elements of the collection that ``chain``'s last node evaluates to go."""
        self.prog.budget.spend()
        i = len(chain) - 2
        while i >= 0 and chain[i].type == "parenthesized_expression":
            i -= 1
        if i < 0:
            return None
        value, parent = chain[i + 1], chain[i]
        up = chain[: i + 1]
        t = parent.type
        if t == "expression_statement" or (t == "unary_expression" and self.prog.text(parent)[:1] == "!"):
            return []  # discarded, or only tested for being there
        if t == "member_expression" and parent.child_by_field_name("object") == value:
            return self._collection_member(up, origin, hops)
        if t == "subscript_expression" and parent.child_by_field_name("object") == value:
            holder = chain[i - 1] if i >= 1 else None
            if holder is not None and holder.type == "assignment_expression" and holder.child_by_field_name("left") == parent:
                return []  # listeners[i] = g: a store
            return self._sinks(up, (), origin, hops)  # listeners[i](): an element
        if t == "for_in_statement" and parent.child_by_field_name("right") == value:
            operator = parent.child_by_field_name("operator")
            if operator is None or self.prog.text(operator) != "of":
                return []  # for (i in listeners): the indices
            left = parent.child_by_field_name("left")
            if left is None or left.type != "identifier":
                return None
            element = self.prog.scopes.declares(parent, self.prog.text(left)) or self.prog.lookup(left)
            return self._references(element, (), origin, hops) if element is not None else None
        if t == "spread_element" and i >= 1 and chain[i - 1].type == "array":
            return self._collection(chain[:i], origin, hops)  # [...listeners]: a copy
        if t == "variable_declarator" and parent.child_by_field_name("value") == value:
            name = parent.child_by_field_name("name")
            alias = self.prog.lookup(name) if name is not None and name.type == "identifier" else None
            if alias is None or self._exported_declaration(parent) is not None:
                return None
            return self._queue_reads(alias, origin, hops)
        return None

    def _collection_member(self, chain: list[Node], origin: _Origin, hops: int) -> list[Use] | None:
        """``listeners.<method>(…)`` (``chain`` ends at the member expression): a drain, a copy, a store
        or a read that hands no element on."""
        member = chain[-1]
        prop_node = member.child_by_field_name("property")
        prop = self.prog.text(prop_node) if prop_node is not None else ""
        call = chain[-2] if len(chain) >= 2 else None
        called = call is not None and call.type == "call_expression" and call.child_by_field_name("function") == member
        if prop in ("length", "size"):
            return []
        if not called or call is None:
            return None
        if prop in _QUEUE_STORES or prop in _QUEUE_QUERIES:
            return []
        if prop in _QUEUE_ELEMENT:
            return self._sinks(chain[:-1], (), origin, hops)  # listeners.shift()(): one element
        out: list[Use] = []
        if prop in _QUEUE_VISITS:
            args = self.prog.args(call)
            fn = args[0] if args else None
            if fn is not None and fn.type == "identifier":
                bound = self.prog.lookup(fn)
                fn = bound.value if bound is not None else None
            if fn is None or fn.type not in FUNCTION_TYPES:
                return None
            params = self.prog.scopes._parameter_names(fn)
            if len(params) > 2 or (fn.type != "arrow_function" and b"arguments" in (fn.text or b"")):
                return None  # (f, i, list) => list[i]() and arguments[0]: the elements by another name
            if params:
                if params[0].type != "identifier":
                    return None
                element = self.prog.scopes.declares(fn, self.prog.text(params[0]))
                if element is None:
                    return None
                out += self._references(element, (), origin, hops)
        if prop in _QUEUE_COPIES:
            more = self._collection(chain[:-1], origin, hops)  # listeners.splice(0): the elements, as a new array
            if more is None:
                return None
            out += more
        elif prop in _QUEUE_FINDS:
            out += self._sinks(chain[:-1], (), origin, hops)
        elif prop not in _QUEUE_VISITS:
            return None
        return out

    def _into_parameter(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use] | None:
        """A function handed to a function of this file (``setupConsent(startHotjar)``) runs
        where that function calls its parameter (``onConsent: () => { … && e() }``). None when
        the callee is not a function here, or its parameter goes where it cannot be followed:
        then it runs where the call is, as for a library callback."""
        args, call = chain[-2], chain[-3]
        index = next((i for i, a in enumerate(a for a in args.named_children if a.type != "comment") if a.id == chain[-1].id), None)
        callee = self.prog.callee(call)
        if index is None or callee is None or callee.type != "identifier":
            return None
        binding = self.prog.lookup(callee)
        target = binding.value if binding is not None else None
        if target is not None and target.type in _CLASSES and call.type == "new_expression":
            target = _constructor(self.prog, target)  # new C(x): C's constructor(x)
        if target is None or target.type not in FUNCTION_TYPES:
            return None
        params = self.prog.scopes._parameter_names(target)
        if index >= len(params) or params[index].type != "identifier":
            return None
        param = self.prog.scopes.declares(target, self.prog.text(params[index]))
        if param is None or param.kind != "param":
            return None
        found = self._references(param, props, origin, hops)
        if any(u.kind in ("escape", "global", "export") for u in found):
            # Stored (a queue, a registry): when it runs is not visible here.
            name = self.prog.text(callee)
            return [Use("escape", call, origin.key or f"handed to {name}()", origin.holder)]
        if not props and found and all(u.kind != "leave" and inside(u.node, target) for u in found):
            # Every run is a call of the parameter inside the callee: the value is the parameter's
            # only in what this call started, so it runs after this call, and a walk out of the
            # callee can come back to this call alone (consent_code's contexts).
            return [dataclasses.replace(u, via=u.via + ((call, target),)) for u in found]
        return found

    def _declared(self, decl: Node, value: Node, props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        """Into a binding: every reference of it, in scope."""
        if decl.type == "variable_declarator" and decl.child_by_field_name("value") != value:
            return []
        name = decl.child_by_field_name("name")
        if name is None:
            return []
        if name.type == "object_pattern" and props:
            return self._destructured(name, props, origin, hops)
        if name.type not in IDENTIFIERS and name.type != "type_identifier":  # TypeScript names classes with type_identifier
            return [Use("escape", decl, origin.key, origin.holder)]
        binding = self.prog.lookup(name) if decl.type == "variable_declarator" else self._binding_of_declaration(decl, name)
        if binding is None:  # a global (var at a script's top level is window's): other scripts may call it
            return [Use("global", decl, self.prog.text(name), origin.holder)]
        origin = origin if origin.key else _Origin(binding.name, origin.holder)
        out = self._references(binding, props, origin, hops)
        exported = self._exported_declaration(decl)
        if exported is not None:  # export const X = … / export var X = …
            out.append(Use("export", exported, binding.name, origin.holder))
        if not out and binding.scope.type == "program" and binding.kind in ("var", "function") and not self.prog.is_module:
            out.append(Use("global", decl, binding.name, origin.holder))
        return out

    def _exported_declaration(self, decl: Node) -> Node | None:
        """The export statement around a declarator (``export const X = …``), if any."""
        if decl.type != "variable_declarator":
            return None
        chain = self.prog.chain(decl)
        holder = chain[-3] if len(chain) >= 3 else None
        return holder if holder is not None and holder.type == "export_statement" else None

    def _binding_of_declaration(self, decl: Node, name: Node):
        chain = self.prog.chain(name)
        return self.prog.scopes.lookup(name, chain)

    def _destructured(self, pattern: Node, props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        """``const {init} = obj`` with the function under ``obj.init``."""
        for prop in pattern.named_children:
            target = None
            if prop.type == "shorthand_property_identifier_pattern" and self.prog.text(prop) == props[0]:
                target = prop
            elif prop.type == "pair_pattern" and self.prog.key_of(prop) == props[0]:
                value = prop.child_by_field_name("value")
                target = value if value is not None and value.type == "identifier" else None
            if target is not None:
                binding = self.prog.lookup(target)
                return self._references(binding, props[1:], origin, hops) if binding is not None else []
        return []

    def _references(self, binding, props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        out: list[Use] = []
        for ref in self.prog.scopes.references(binding):
            parent = ref[-2] if len(ref) >= 2 else None
            if parent is not None and parent.type == "assignment_expression" and parent.child_by_field_name("left") == ref[-1]:
                continue  # a write, not a read
            out += self._sinks(ref, props, origin, hops + 1)
        return out

    def _assigned(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        assignment, value = chain[-2], chain[-1]
        left = assignment.child_by_field_name("left")
        if assignment.child_by_field_name("right") != value or left is None:
            return []
        out = self._sinks(chain[:-1], props, origin, hops)  # a = b = f: the assignment's value too
        target = self.prog.path(left)
        last = target.rsplit(".", 1)[-1]
        if left.type == "identifier":
            binding = self.prog.lookup(left)
            if binding is None:
                # An implicit global (``Tracker = {…}`` in a script): this file's own reads of it
                # reach the value; with none, other scripts are the callers.
                reads = self._global_reads(left, props, origin, hops)
                return out + (reads or [Use("global", assignment, target, origin.holder)])
            origin = origin if origin.key else _Origin(binding.name, origin.holder)
            return out + self._references(binding, props, origin, hops)
        if target.startswith(("module.exports", "exports.")) or target == "exports":
            return out + [Use("export", assignment, "default" if target == "module.exports" else last, origin.holder)]
        origin = origin if origin.key else _Origin(last, origin.holder)
        if not props and last.startswith("on"):
            return out + [Use("handler", assignment, last, origin.holder)]
        head = target.split(".", 1)[0]
        if left.type in ("member_expression", "subscript_expression") and target.count(".") == 1 and head in GLOBAL_OBJECTS:
            return out + [Use("global", assignment, last, origin.holder)]
        obj = left.child_by_field_name("object")
        if obj is not None and obj.type == "this" and target.count(".") == 1 and left.type == "member_expression":
            body = self._own_class(chain[:-1])
            if body is not None and self._only_this_reads(body, last):
                # this.cls = value in a class's method: read back as this.cls in its methods.
                return out + self._this_calls(body, last, origin, hops, props)
        if obj is not None and obj.type == "identifier" and target.count(".") == 1:
            binding = self.prog.lookup(obj)
            if binding is not None and binding.kind in ("param", "import"):
                # o.cb = f on an object handed in (a caller's, another module's): read under other names.
                return out + [Use("escape", assignment, last, origin.holder)]
            if binding is not None:
                return out + self._property_reads(binding, (last,) + props, origin, hops)
            return out + [Use("global", assignment, last, origin.holder)]
        return out + [Use("escape", assignment, last, origin.holder)]

    def _global_reads(self, name: Node, props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        """The uses through this file's reads of the undeclared name ``name`` is (an implicit
        global), where no scope declares it; each read followed with the property path. Only a
        path (a property of the global) is followed: a function assigned to the name itself is
        the global's, whoever calls it."""
        if not props:
            return []
        out: list[Use] = []
        text = self.prog.text(name)
        for at in self.prog.tree.occurrences(text):
            if at == name.start_byte:
                continue
            chain = self.prog.tree.path(at, at + len(name.text or b""))
            node = chain[-1]
            if node.type != "identifier" or self.prog.lookup(node) is not None:
                continue
            parent = chain[-2] if len(chain) >= 2 else None
            if parent is not None and parent.type == "assignment_expression" and parent.child_by_field_name("left") == node:
                continue  # another write
            self.prog.remember(chain)
            out += self._sinks(chain, props, origin, hops + 1)
        return out

    def _property_reads(self, binding, props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        """Reads of ``binding.props[0]``: the references of the binding, followed with the path."""
        return self._references(binding, props, origin, hops)

    def _into_object(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, holder: Node, hops: int) -> list[Use]:
        """The function sits in an object literal under ``props[0]``: follow the object, and
        ``this.key`` inside the object's own methods."""
        if not origin.key:
            obj = chain[-1]
            origin = _Origin(props[0], obj)
        out = self._sinks(chain, props, origin, hops)
        if len(props) == 1:
            out += self._this_calls(chain[-1], props[0], origin, hops)
            outer = self._options_object(chain)
            if outer is not None:
                out += self._this_calls(outer, props[0], origin, hops)
        return out

    def _options_object(self, chain: list[Node]) -> Node | None:
        """The component options object whose ``methods`` table the object at the end of ``chain``
        is (Vue's options API: ``{created() {this.load()}, methods: {load() {…}}}``): its methods are
        the instance's members, so ``this.load`` in the options' own functions reaches them."""
        if len(chain) < 3 or chain[-2].type != "pair" or chain[-3].type != "object":
            return None
        if self.prog.key_of(chain[-2]) not in self.member_tables or chain[-2].child_by_field_name("value") != chain[-1]:
            return None
        return chain[-3]

    def _into_class(self, chain: list[Node], key: str, props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        """A class method: reached through ``new C()`` instances, ``C.key`` (static) and
        ``this.key`` in the class's methods; a constructor runs at each ``new C()``."""
        cls = chain[-1]
        origin = origin if origin.key else _Origin(key, cls)
        path = ("#new",) if key == "constructor" else (key,) + props
        out = self._sinks(chain, path, origin, hops)
        if key != "constructor" and not props:
            body = cls.child_by_field_name("body")
            if body is not None:
                out += self._this_calls(body, key, origin, hops)
        return out

    def _own_class(self, chain: list[Node]) -> Node | None:
        """The class body whose method (the nearest function binding ``this``) ``chain`` ends in."""
        for i in range(len(chain) - 1, 0, -1):
            n = chain[i]
            if n.type in FUNCTION_TYPES and n.type != "arrow_function":
                return chain[i - 1] if n.type == "method_definition" and chain[i - 1].type == "class_body" else None
        return None

    def _only_this_reads(self, body: Node, key: str) -> bool:
        """Is every use of the name ``key`` in the file's code ``this.key`` inside ``body``? Then no
        one reads the field off an instance where this walk would not see it."""
        tree = self.prog.tree
        for count, at in enumerate(tree.occurrences(key)):
            self.prog.budget.spend()
            node = tree.path(at, at + len(key.encode()))[-1]
            if node.type in ("comment", "string_fragment", "string", "template_string"):
                continue  # named in prose or data, not read
            if count > 64 or not body.start_byte <= at < body.end_byte or node.type != "property_identifier":
                return False
            member = node.parent
            obj = member.child_by_field_name("object") if member is not None and member.type == "member_expression" else None
            if obj is None or obj.type != "this":
                return False
        return True

    def _this_calls(self, holder: Node, key: str, origin: _Origin, hops: int, props: tuple[str, ...] = ()) -> list[Use]:
        """``this.key(…)`` inside the methods of ``holder`` (an object literal or class body),
        found from where ``this.key`` is written (a class-heavy SDK writes ``this`` thousands of
        times)."""
        out: list[Use] = []
        tree = self.prog.tree
        for m in _this_reads(tree.data, key, holder.start_byte, holder.end_byte):
            self.prog.budget.spend()
            chain = tree.path(m.start(), m.start() + 4, holder)
            if chain[-1].type != "this" or len(chain) < 2:
                continue
            member = chain[-2]
            prop = member.child_by_field_name("property") if member.type == "member_expression" else None
            if prop is None or self.prog.text(prop) != key:
                continue
            # The nearest function that binds `this` must be a method of the holder.
            owner = next((n for n in reversed(chain[:-1]) if n.type in FUNCTION_TYPES and n.type != "arrow_function"), None)
            if owner is None or not self._method_of(chain, owner, holder):
                continue
            full = self.prog.chain(holder)[:-1] + chain[:-1]
            out += self._sinks(full, props, origin, hops + 1)
        for alias in self._this_aliases(holder):
            out += self._references(alias, (key,) + props, origin, hops + 1)
        return out

    def _this_aliases(self, holder: Node) -> list:
        """``var self = this`` (``that``, ``_this``) in a method of ``holder``: ``self.key`` there is
        ``this.key``. Only a name declared with ``this`` and never assigned again."""
        out = []
        tree = self.prog.tree
        for m in _THIS_ALIAS.finditer(tree.data, holder.start_byte, holder.end_byte):
            self.prog.budget.spend()
            chain = tree.path(m.start(1), m.end(1), holder)
            name = chain[-1]
            if name.type != "identifier" or len(chain) < 2 or chain[-2].type != "variable_declarator":
                continue
            value = chain[-2].child_by_field_name("value")
            if value is None or value.type != "this":
                continue
            owner = next((n for n in reversed(chain[:-1]) if n.type in FUNCTION_TYPES and n.type != "arrow_function"), None)
            if owner is None or not self._method_of(chain, owner, holder):
                continue
            full = self.prog.chain(holder)[:-1] + chain
            binding = self.prog.scopes.lookup(name, full)
            if binding is None or self.prog.reassigned(binding):
                continue
            out.append(binding)
        return out

    @staticmethod
    def _method_of(chain: list[Node], fn: Node, holder: Node) -> bool:
        i = next(i for i, n in enumerate(chain) if n.id == fn.id)
        parent = chain[i - 1] if i >= 1 else None
        if parent is not None and parent.id == holder.id:
            return True  # method_definition directly in the object / class body
        return parent is not None and parent.type == "pair" and i >= 2 and chain[i - 2].id == holder.id

    def _called(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        call, value = chain[-2], chain[-1]
        callee = call.child_by_field_name("function") or call.child_by_field_name("constructor")
        if callee != value:
            return []
        if call.type == "new_expression":
            if props == ("#new",):
                self.prog.remember(chain[:-1])
                return [Use("call", call, origin.key, origin.holder)]
            return self._sinks(chain[:-1], props, origin, hops) if props else []
        if not props:
            self.prog.remember(chain[:-1])
            return [Use("call", call, origin.key, origin.holder)]
        return []

    def _member(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        member, value = chain[-2], chain[-1]
        if member.child_by_field_name("object") != value:
            return []
        if member.type == "member_expression":
            prop_node = member.child_by_field_name("property")
            prop = self.prog.text(prop_node) if prop_node is not None else ""
        else:
            prop = self.prog.string_value(member.child_by_field_name("index")) or ""
        if props and props[0] == prop:
            return self._sinks(chain[:-1], props[1:], origin, hops)
        if not props and prop in ("call", "apply") and len(chain) >= 3 and chain[-3].type == "call_expression":
            self.prog.remember(chain[:-2])
            return [Use("call", chain[-3], origin.key, origin.holder)]
        if not props and prop == "bind" and len(chain) >= 3 and chain[-3].type == "call_expression":
            return self._sinks(chain[:-2], (), origin, hops)
        return []

    def _returned(self, chain: list[Node], props: tuple[str, ...], origin: _Origin, hops: int) -> list[Use]:
        """Out of a factory: each call of the enclosing function hands the value on."""
        fn = next((n for n in reversed(chain[:-1]) if n.type in FUNCTION_TYPES), None)
        if fn is None:
            return []
        if self.region is not None and fn.id == self.region.id:
            return [Use("leave", chain[-1], origin.key, origin.holder)]  # to the region's callers
        out: list[Use] = []
        for use in self._sinks(self.prog.chain(fn), (), _Origin(), hops + 1):
            if use.kind == "call" and use.node.type == "call_expression":
                out += self._sinks(self.prog.chain(use.node), props, origin, hops + 1)
            elif (
                use.kind == "export"
                and not props
                and use.node.type == "call_expression"
                and bundler_exports.runtime_export(self.prog, use.node)
            ):
                out.append(Use("export", use.node, use.key, origin.holder))  # the getter of a bundled module's export
            elif use.kind in ("export", "global", "escape"):
                out.append(Use("escape", use.node, origin.key or use.key, origin.holder))
        return out

    def _export_name(self, stmt: Node, value: Node) -> str:
        if stmt.type == "export_specifier":
            alias = stmt.child_by_field_name("alias") or stmt.child_by_field_name("name")
            return self.prog.text(alias) if alias is not None else ""
        if b"default" in (stmt.text or b"")[:30]:
            return "default"
        name = value.child_by_field_name("name")
        return self.prog.text(name) if name is not None else ""


def _empty_collection(prog: Program, node: Node | None) -> bool:
    """``[]`` or ``new Set()``: a collection that starts with nothing in it."""
    if node is None:
        return False
    if node.type == "array":
        return not [c for c in node.named_children if c.type != "comment"]
    if node.type == "new_expression":
        ctor = node.child_by_field_name("constructor")
        return ctor is not None and prog.text(ctor) == "Set" and not prog.args(node)
    return False


_CLASSES = frozenset({"class", "class_declaration", "abstract_class_declaration"})


def _constructor(prog: Program, cls: Node) -> Node | None:
    """The ``constructor`` method of a class node, if it declares one."""
    body = cls.child_by_field_name("body")
    for member in body.named_children if body is not None else []:
        name = member.child_by_field_name("name") if member.type == "method_definition" else None
        if name is not None and prog.text(name) == "constructor":
            return member
    return None
