"""What a hand-written consent value is on a first visit, before the visitor has chosen anything.

A consent check read by its name (``consent.analytics``, ``hasConsent('analytics')``: ``signatures/consent/
generic.toml``) gates a recorder only if the value behind it is false until a choice is stored. Sites often
start from a default that grants (``const consent = {analytics: true}``, React's ``useState({analytics:
true})``, overwritten only when a choice was saved) or write a helper whose answer holds when nothing was
stored (``return saved[c] !== false``: ``undefined !== false``). Where the file shows the value, it is read
here as it stands on a first visit: every read of a stored choice (``[consent_record] readers``:
``localStorage.getItem``, ``getCookie`` …) finds nothing, ``JSON.parse`` of nothing is ``null``, a literal
default is what it says, a parameter left out takes its default. Anything else (a global of another script, an
import, a name or a function written again after its declaration, a default whose members are written where
the scan cannot show that the write waits for the visitor: at the top level, in an IIFE or an init function,
in a branch it cannot rule out on a first visit) is not known, and the check keeps its reading by name. A
write shown not to run before a choice is one in a function that runs only when the visitor acts
(``ConsentRecords.actions_running``: a click handler), or in a branch whose condition is false on a first
visit (``if (saved) Object.assign(consent, saved)``).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable

from tree_sitter import Node

from analyzer.facts.jsxhelpers import param_pattern, parameters
from analyzer.parse import jsfacts
from analyzer.parse.budget import BudgetExhausted
from analyzer.parse.jsfacts import FUNCTION_TYPES, Program, unparen
from analyzer.parse.jsscope import Binding

_DEPTH = 4  # helpers and bindings followed, at most
_STEPS = 400  # nodes evaluated per question
_ASSIGNMENTS = frozenset({"assignment_expression", "augmented_assignment_expression"})
_STATE_HOOKS = frozenset({"useState", "React.useState"})  # const [value, set] = useState(first value)


class V(enum.Enum):
    """Values with no JavaScript literal: a stored choice that is not there (undefined), a written
    ``null`` / ``undefined``, and what cannot be known here."""

    ABSENT = "absent"
    NULLISH = "nullish"
    UNKNOWN = "unknown"


Value = V | bool | float | str | dict | list | Node


class FirstVisit:
    """Reads expressions of one program as they evaluate on a first visit (memoised per node)."""

    def __init__(self, prog: Program, readers: frozenset[str], on_action: Callable[[Node], bool] | None = None) -> None:
        self.prog = prog
        self.readers = readers
        # Does a function run only when the visitor acts (a click handler), never at load? (Unknown: no.)
        self.on_action = on_action or (lambda fn: False)
        self._steps = 0
        self._origin: list[str] = []
        self._written: dict[int, bool] = {}  # a binding -> are its members written before a choice may be

    def grants(self, node: Node, params: dict[int, Value] | None = None) -> str | None:
        """Why ``node``, a consent check, is true on a first visit (None: false, or not known)."""
        self._steps = 0
        self._origin = []
        try:
            value = self._value(node, params or {}, 0)
        except (BudgetExhausted, RecursionError, _Stop):
            return None
        if truth(value) is not True:
            return None
        where = self._origin[0] if self._origin else f"line {self.prog.position(node)[0]}"
        return f"{self.prog.text(node)[:60]} is true before the visitor chooses ({where})"

    def returns(self, fn: Node) -> str | None:
        """Why the function ``fn`` (a helper another script calls) returns true on a first visit, whatever
        it is asked (its parameters are not known)."""
        self._steps = 0
        self._origin = []
        try:
            value = self._call(fn, [], 0)
        except (BudgetExhausted, RecursionError, _Stop):
            return None
        if truth(value) is not True:
            return None
        return self._origin[0] if self._origin else f"line {self.prog.position(fn)[0]}"

    # -- expressions ------------------------------------------------------------------------------
    def _value(self, node: Node, params: dict[int, Value], depth: int) -> Value:
        self._steps += 1
        if self._steps > _STEPS:
            raise _Stop
        self.prog.budget.spend()
        node = unparen(node)
        t = node.type
        if t in ("true", "false"):
            return t == "true"
        if t in ("null", "undefined"):
            return V.NULLISH
        if t == "number":
            try:
                return float(self.prog.text(node))
            except ValueError:
                return V.UNKNOWN
        if t in ("string", "template_string"):
            literal = self.prog.literal(node)
            return literal if literal is not None else V.UNKNOWN
        if t in ("object", "array", *FUNCTION_TYPES):
            return node
        if t == "identifier":
            return self._identifier(node, params, depth)
        if t == "unary_expression":
            return self._unary(node, params, depth)
        if t == "binary_expression":
            return self._binary(node, params, depth)
        if t == "ternary_expression":
            cond, yes, no = (node.child_by_field_name(f) for f in ("condition", "consequence", "alternative"))
            if cond is None or yes is None or no is None:
                return V.UNKNOWN
            known = truth(self._value(cond, params, depth))
            return V.UNKNOWN if known is None else self._value(yes if known else no, params, depth)
        if t in ("member_expression", "subscript_expression"):
            return self._member(node, params, depth)
        if t == "call_expression":
            return self._called(node, params, depth)
        return V.UNKNOWN

    def _unary(self, node: Node, params: dict[int, Value], depth: int) -> Value:
        op = self.prog.text(node)[:4]
        arg = node.child_by_field_name("argument")
        if arg is None:
            return V.UNKNOWN
        if op.startswith("!"):
            known = truth(self._value(arg, params, depth))
            return V.UNKNOWN if known is None else not known
        if op.startswith("void"):
            return V.NULLISH
        return V.UNKNOWN

    def _binary(self, node: Node, params: dict[int, Value], depth: int) -> Value:
        op_node, left, right = node.child_by_field_name("operator"), node.child_by_field_name("left"), node.child_by_field_name("right")
        if op_node is None or left is None or right is None:
            return V.UNKNOWN
        op = self.prog.text(op_node)
        a = self._value(left, params, depth)
        if op in ("&&", "||"):
            known = truth(a)
            if known is None:
                return V.UNKNOWN
            return a if known == (op == "||") else self._value(right, params, depth)
        if op == "??":
            return self._value(right, params, depth) if a in (V.ABSENT, V.NULLISH) else a
        if op in ("===", "!==", "==", "!="):
            same = equal(a, self._value(right, params, depth), strict=op in ("===", "!=="))
            return V.UNKNOWN if same is None else same == op.startswith("=")
        return V.UNKNOWN

    def _identifier(self, node: Node, params: dict[int, Value], depth: int) -> Value:
        binding = self.prog.lookup(node)
        if binding is None:
            return V.NULLISH if self.prog.text(node) == "undefined" else V.UNKNOWN
        if binding.kind == "param":
            return params.get(binding.key, V.UNKNOWN)
        if binding.kind == "function":
            return binding.value if binding.value is not None and not self.prog.reassigned(binding) else V.UNKNOWN
        if binding.kind not in ("const", "let", "var") or depth >= _DEPTH or self.prog.reassigned(binding):
            return V.UNKNOWN
        value = binding.value if binding.value is not None else self._state_default(binding.node)
        if value is None or self._overwritten_at_load(binding):
            return V.UNKNOWN
        if unparen(value).type in ("object", "array"):
            self._origin.append(f"its default at line {self.prog.position(value)[0]}: {_short(self.prog.text(value))}")
        return self._value(value, {}, depth + 1)

    def _state_default(self, ident: Node) -> Node | None:
        """``const [consent, setConsent] = useState({analytics: true})``: the state's first value."""
        chain = self.prog.chain(ident)
        if len(chain) < 3 or chain[-2].type != "array_pattern" or chain[-3].type != "variable_declarator":
            return None
        if [c for c in chain[-2].named_children if c.type != "comment"][:1] != [ident]:
            return None
        call = chain[-3].child_by_field_name("value")
        call = unparen(call) if call is not None else None
        if call is None or call.type != "call_expression" or self.prog.path(self.prog.callee(call)) not in _STATE_HOOKS:
            return None
        args = self.prog.args(call)
        return args[0] if args else None

    def _overwritten_at_load(self, binding: Binding) -> bool:
        """Are the default's members written (``consent.analytics = …``, ``Object.assign(consent, …)``) anywhere
        the scan cannot show the write waits for the visitor? Then the literal may not be what is read."""
        known = self._written.get(binding.key)
        if known is None:
            self._written[binding.key] = True  # a write whose branch reads the binding itself proves nothing
            origin = list(self._origin)
            known = any(not self._after_choice(w, binding.scope) for w in self._member_writes(binding))
            self._origin = origin
            self._written[binding.key] = known
        return known

    def _member_writes(self, binding: Binding) -> list[Node]:
        """The writes to the binding's members: an assignment, update or ``delete`` of ``x.a`` / ``x[k]`` / ``x.a.b``,
        ``Object.assign(x…, …)``."""
        out: list[Node] = []
        for ref in self.prog.scopes.references(binding):
            top, i = ref[-1], len(ref) - 2
            while i >= 0 and ref[i].type in ("member_expression", "subscript_expression") and ref[i].child_by_field_name("object") == top:
                top, i = ref[i], i - 1
            parent = ref[i] if i >= 0 else None
            if parent is None or top is ref[-1] and parent.type != "arguments":
                continue
            if parent.type in _ASSIGNMENTS and parent.child_by_field_name("left") == top:
                out.append(parent)
            elif parent.type == "update_expression" or parent.type == "unary_expression" and self.prog.text(parent).startswith("delete"):
                out.append(parent)
            elif parent.type == "arguments" and parent.named_children[:1] == [top]:
                call = ref[i - 1]
                if self.prog.path(self.prog.callee(call)) == "Object.assign":
                    out.append(call)
        return out

    def _after_choice(self, write: Node, scope: Node) -> bool:
        """Is ``write`` shown not to run before the visitor chooses: inside the binding's scope, in a function only a
        visitor's action runs, or in an ``if`` branch whose condition is false on a first visit?"""
        node = write
        while node.parent is not None and node.id != scope.id:
            parent = node.parent
            if node.type in FUNCTION_TYPES and self.on_action(node):
                return True
            if parent.type == "if_statement" and parent.child_by_field_name("consequence") == node:
                cond = parent.child_by_field_name("condition")
                if cond is not None and truth(self._value(cond, {}, 0)) is False:
                    return True
            node = parent
        return False

    def _member(self, node: Node, params: dict[int, Value], depth: int) -> Value:
        obj = node.child_by_field_name("object")
        if obj is None:
            return V.UNKNOWN
        base = self._value(obj, params, depth)
        if node.type == "member_expression":
            prop = node.child_by_field_name("property")
            key: Value = self.prog.text(prop) if prop is not None else V.UNKNOWN
        else:
            index = node.child_by_field_name("index")
            key = self._value(index, params, depth) if index is not None else V.UNKNOWN
        if base in (V.ABSENT, V.NULLISH):
            # Optional reading of nothing is nothing; a plain one throws, and what it guards does not run.
            return V.ABSENT if "?." in self.prog.text(node)[len(self.prog.text(obj)) :][:3] else V.UNKNOWN
        if isinstance(base, dict):
            if not isinstance(key, str):
                return V.ABSENT if not base else V.UNKNOWN
            return _from_json(base[key]) if key in base else V.ABSENT
        if isinstance(base, Node) and base.type == "object":
            return self._property(base, key, depth)
        return V.UNKNOWN

    def _property(self, obj: Node, key: Value, depth: int) -> Value:
        """A key of an object literal: its value (the last pair wins), undefined when no pair holds it; not known
        past a spread, a computed key or a method, which may hold it too."""
        parts = [c for c in obj.named_children if c.type != "comment"]
        if not isinstance(key, str):
            return V.ABSENT if not parts else V.UNKNOWN
        for part in reversed(parts):
            name = part.child_by_field_name("key") if part.type == "pair" else None
            if name is None or name.type == "computed_property_name":
                return V.UNKNOWN
            if self.prog.key_of(part) == key:
                value = part.child_by_field_name("value")
                if value is None:
                    return V.UNKNOWN
                self._origin.append(f"{_short(self.prog.text(part))} at line {self.prog.position(part)[0]}")
                return self._value(value, {}, depth + 1)
        return V.ABSENT

    # -- calls ----------------------------------------------------------------------------------
    def _called(self, node: Node, params: dict[int, Value], depth: int) -> Value:
        callee = self.prog.callee(node)
        if callee is None:
            return V.UNKNOWN
        path = self.prog.path(callee)
        args = self.prog.args(node)
        if any(jsfacts.names(path, r) for r in self.readers):
            return V.ABSENT  # nothing is stored yet
        if path == "JSON.parse" and args:
            text = self._value(args[0], params, depth)
            if text in (V.ABSENT, V.NULLISH):
                return V.NULLISH
            if isinstance(text, str):
                try:
                    return _from_json(json.loads(text))
                except ValueError:
                    return V.UNKNOWN
            return V.UNKNOWN
        if path == "Boolean" and args:
            known = truth(self._value(args[0], params, depth))
            return V.UNKNOWN if known is None else known
        fn = self._value(callee, params, depth) if callee.type == "identifier" else V.UNKNOWN
        if not isinstance(fn, Node) or fn.type not in FUNCTION_TYPES or depth >= _DEPTH:
            return V.UNKNOWN
        return self._call(fn, [self._value(a, params, depth) for a in args], depth + 1)

    def _call(self, fn: Node, args: list[Value], depth: int) -> Value:
        """What ``fn`` returns called with ``args``: its statements run in order (declarations are read where
        their names are; an ``if`` whose condition is known takes its branch; a ``try`` runs its block)."""
        params = self._params(fn, args, depth)
        body = fn.child_by_field_name("body")
        if body is None:
            return V.UNKNOWN
        if body.type != "statement_block":
            self._returned(body)
            return self._value(body, params, depth)
        found = self._run(body, params, depth)
        return V.NULLISH if found is None else found

    def _params(self, fn: Node, args: list[Value], depth: int) -> dict[int, Value]:
        """Each parameter's value: its argument; a parameter left out takes its default (``strict = true``), or is
        undefined; a destructured one, or any with no arguments known (``returns``), is not known."""
        params: dict[int, Value] = {}
        for i, p in enumerate(parameters(fn)):
            name, default = param_pattern(p)  # TypeScript's wrapper and a default (``strict = true``) stripped
            given = args[i] if i < len(args) else V.ABSENT
            if default is not None and given is V.ABSENT and args:
                given = self._value(default, params, depth)
            elif default is not None and given is V.NULLISH:
                given = V.UNKNOWN  # null or undefined: only undefined takes the default
            for n in self.prog.scopes._pattern_names(name):
                params[n.id] = given if args and n.id == name.id else V.UNKNOWN
        return params

    def _run(self, block: Node, params: dict[int, Value], depth: int) -> Value | None:
        """The value a block returns, None when it ends without returning."""
        for stmt in block.named_children:
            found = self._statement(stmt, params, depth)
            if found is not None:
                return found
        return None

    def _statement(self, stmt: Node, params: dict[int, Value], depth: int) -> Value | None:
        t = stmt.type
        if t in ("comment", "variable_declaration", "lexical_declaration", "empty_statement", "function_declaration"):
            return None
        if t == "return_statement":
            value = [c for c in stmt.named_children if c.type != "comment"]
            if not value:
                return V.NULLISH
            self._returned(value[0])
            return self._value(value[0], params, depth)
        if t == "statement_block":
            return self._run(stmt, params, depth)
        if t == "else_clause":
            inner = [c for c in stmt.named_children if c.type != "comment"]
            return self._statement(inner[0], params, depth) if inner else None
        if t == "try_statement":
            body = stmt.child_by_field_name("body")
            return self._run(body, params, depth) if body is not None else V.UNKNOWN
        if t == "if_statement":
            cond = stmt.child_by_field_name("condition")
            known = truth(self._value(cond, params, depth)) if cond is not None else None
            if known is None:
                return V.UNKNOWN
            branch = stmt.child_by_field_name("consequence" if known else "alternative")
            return self._statement(branch, params, depth) if branch is not None else None
        return V.UNKNOWN  # a statement that may change what is read

    def _returned(self, expr: Node) -> None:
        self._origin.append(f"it returns {_short(self.prog.text(expr))} at line {self.prog.position(expr)[0]}")


class _Stop(Exception):
    """The question took more than its share of steps."""


def truth(value: Value) -> bool | None:
    """JavaScript truthiness, None when not known."""
    if value is V.UNKNOWN:
        return None
    if value in (V.ABSENT, V.NULLISH):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return value != 0 and value == value
    if isinstance(value, str):
        return value != ""
    return True  # an object, array or function, literal or parsed


def equal(a: Value, b: Value, strict: bool) -> bool | None:
    """``a === b`` (``strict``) or ``a == b``, None when not known. Nothing stored may be ``undefined`` or
    ``null`` (``getItem`` answers null): strictly compared with either, it is not known."""
    if V.UNKNOWN in (a, b) or isinstance(a, (Node, dict, list)) or isinstance(b, (Node, dict, list)):
        return None
    nothing = (V.ABSENT, V.NULLISH)
    if a in nothing or b in nothing:
        if a in nothing and b in nothing:
            return True if not strict or a is b else None
        return False
    if strict:
        return type(a) is type(b) and a == b
    return a == b if type(a) is type(b) else None


def _from_json(value: object) -> Value:
    if value is None:
        return V.NULLISH
    if isinstance(value, bool | str | dict | list):
        return value
    if isinstance(value, int | float):
        return float(value)
    return V.UNKNOWN


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"
