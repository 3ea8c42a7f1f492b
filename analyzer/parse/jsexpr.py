"""Read an expression the way its author wrote it, undoing what compilers and minifiers emit.

Bundlers down-level optional chaining and nullish coalescing into temporaries (esbuild:
``(t=window.Cookiebot)==null?void 0:t.consent``; TypeScript and Babel: ``(_a = window.Cookiebot)
=== null || _a === void 0 ? void 0 : _a.consent``) and write ``!0`` / ``!1`` / ``void 0`` for
``true`` / ``false`` / ``undefined``. ``canonical`` gives the expression back as
``window.cookiebot.consent`` (lower-cased, whitespace and quotes normalised) so that the consent
checks of ``signatures/consent`` match compiled code as they match source.
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from analyzer.parse.jsfacts import Program, unparen
from analyzer.parse.normalise import norm

MAX_EXPR = 4096  # bytes: a consent check is short; longer expressions are read as written
_NULLS = frozenset({"null", "undefined", "void0"})
_PATHISH = frozenset({"identifier", "member_expression", "subscript_expression", "call_expression", "this"})


def temporaries(prog: Program, node: Node) -> dict[str, Node]:
    """Identifiers assigned inside ``node`` (``(n = …)``): a compiler's temporaries."""
    env: dict[str, Node] = {}
    if node.end_byte - node.start_byte > MAX_EXPR:
        return env
    stack = [node]
    while stack:
        n = stack.pop()
        prog.budget.spend()
        if n.type == "assignment_expression":
            left, right = n.child_by_field_name("left"), n.child_by_field_name("right")
            if left is not None and right is not None and left.type == "identifier":
                env.setdefault(prog.text(left), right)
        stack.extend(n.named_children)
    return env


Alias = Callable[[Node], "str | None"]


def canonical(prog: Program, node: Node, env: dict[str, Node] | None = None, alias: Alias | None = None) -> str:
    """The expression, lower-cased and normalised, with temporaries and down-levelled optional
    chains resolved (long expressions come back as written, normalised). ``alias`` names a
    called function a bundle renamed (``qe`` -> ``acceptedCategory``), when it can."""
    if node.end_byte - node.start_byte > MAX_EXPR:
        return norm(prog.text(node)).lower()
    return _canon(prog, node, env or {}, 0, alias).lower()


def _canon(prog: Program, node: Node, env: dict[str, Node], depth: int, alias: Alias | None = None) -> str:
    prog.budget.spend()
    if depth > 40:
        return norm(prog.text(node))
    t = node.type
    rec = lambda n: _canon(prog, n, env, depth + 1, alias)  # noqa: E731
    if t == "identifier":
        name = prog.text(node)
        bound = env.get(name)
        if bound is not None and bound.id != node.id and depth < 20:
            return rec(bound)
        renamed = alias(node) if alias is not None else None
        if renamed:
            return renamed
        value = _constant_path(prog, node) if depth < 6 else None
        return rec(value) if value is not None else (_destructured_key(prog, node) or name)
    if t == "member_expression":
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        return f"{rec(obj) if obj is not None else ''}.{prog.text(prop) if prop is not None else ''}"
    if t == "subscript_expression":
        obj, index = node.child_by_field_name("object"), node.child_by_field_name("index")
        key = prog.string_value(index) if index is not None else None
        if key is not None and key.isidentifier():
            return f"{rec(obj) if obj is not None else ''}.{key}"
        return f"{rec(obj) if obj is not None else ''}[{rec(index) if index is not None else ''}]"
    if t == "parenthesized_expression":
        inner = [c for c in node.named_children if c.type != "comment"]
        if not inner:
            return "()"
        body = rec(inner[-1])
        plain = (
            inner[-1].type in _PATHISH
            or inner[-1].type == "assignment_expression"
            or (inner[-1].type == "binary_expression" and _default_object(prog, inner[-1]))
        )
        return body if plain else f"({body})"
    if t == "binary_expression" and _default_object(prog, node):
        return rec(node.child_by_field_name("left"))
    if t == "sequence_expression":
        inner = node.named_children
        return rec(inner[-1]) if inner else ""
    if t == "assignment_expression":
        right = node.child_by_field_name("right")
        return rec(right) if right is not None else norm(prog.text(node))
    if t == "ternary_expression":
        return _ternary(prog, node, rec)
    if t == "unary_expression":
        text = norm(prog.text(node))
        if text in ("!0", "!1"):
            return "true" if text == "!0" else "false"
        if text == "void0":
            return "undefined"
        arg, op = node.child_by_field_name("argument"), node.child_by_field_name("operator")
        sign = prog.text(op) if op is not None else ""
        return f"{sign}{' ' if sign.isalpha() else ''}{rec(arg) if arg is not None else ''}"
    if t == "binary_expression":
        left, right, op = node.child_by_field_name("left"), node.child_by_field_name("right"), node.child_by_field_name("operator")
        if left is None or right is None or op is None:
            return norm(prog.text(node))
        return f"{rec(left)}{prog.text(op)}{rec(right)}"
    if t in ("call_expression", "new_expression"):
        fn = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        args = prog.args(node)
        head = "new " if t == "new_expression" else ""
        if fn is not None and fn.type == "member_expression" and prog.text(fn.child_by_field_name("property") or fn) == "call" and args:
            fn, args = fn.child_by_field_name("object"), args[1:]  # f.call(thisArg, …): an optional call down-levelled
        renamed = alias(fn) if alias is not None and fn is not None and fn.type == "identifier" else None
        return f"{head}{renamed or (rec(fn) if fn is not None else '')}({','.join(rec(a) for a in args)})"
    if t in ("optional_chain",):
        return "."
    return norm(prog.text(node))


def _constant_path(prog: Program, ident: Node) -> Node | None:
    """``const consent = window.Cookiebot.consent; … consent.statistics``: a ``const`` / ``let``
    holding a member chain (or ``chain || {}``) reads as that chain; one holding a string, a ``var`` too, never
    written again, reads as the string (``var cat = 'analytics'; … acceptedService('hotjar', cat)``)."""
    binding = prog.lookup(ident)
    if binding is None or binding.kind not in ("const", "let", "var") or binding.value is None:
        return None
    if binding.value.type == "string":
        return binding.value if binding.kind == "const" or not prog.reassigned(binding) else None
    if binding.kind == "var":
        return None
    if binding.kind == "let" and prog.reassigned(binding):
        return None  # let ok = Cookiebot.consent.statistics; ok = true: what it holds when read is not known here
    value = binding.value
    if value.type == "member_expression" or (value.type == "binary_expression" and _default_object(prog, value)):
        return value
    return None


def _default_object(prog: Program, node: Node) -> bool:
    """``x || {}`` / ``x ?? {}``: a value with an empty default (reads as ``x``)."""
    op, right = node.child_by_field_name("operator"), node.child_by_field_name("right")
    return op is not None and op.type in ("||", "??") and right is not None and norm(prog.text(right)) in ("{}", "[]", "''")


def _destructured_key(prog: Program, ident: Node) -> str | None:
    """``({preferences: e}) => e.measurement``: a minifier renames what destructuring binds,
    the property it came from keeps its name (only short names are looked up: long ones are
    the author's own)."""
    if ident.end_byte - ident.start_byte > 3:
        return None
    binding = prog.lookup(ident)
    if binding is None or binding.kind not in ("param", "const", "let", "var"):
        return None
    chain = prog.chain(binding.node)
    holder = chain[-2] if len(chain) >= 2 else None
    if holder is None or holder.type != "pair_pattern" or holder.child_by_field_name("value") != binding.node:
        return None
    return prog.key_of(holder) or None


def _ternary(prog: Program, node: Node, rec) -> str:
    """``X == null ? void 0 : X.y`` (and the ``=== null || === void 0`` form): ``X?.y``."""
    cond, then, other = (node.child_by_field_name(f) for f in ("condition", "consequence", "alternative"))
    if (
        cond is not None
        and then is not None
        and other is not None
        and norm(prog.text(then)) in ("void0", "undefined")
        and _null_test(prog, cond)
    ):
        return rec(other)
    parts = [rec(n) if n is not None else "" for n in (cond, then, other)]
    return f"{parts[0]}?{parts[1]}:{parts[2]}"


def _null_test(prog: Program, cond: Node) -> bool:
    """``a == null``, ``(t = x) === null || t === void 0``: a test that a value is missing."""
    cond = unparen(cond)
    if cond.type != "binary_expression":
        return False
    op = cond.child_by_field_name("operator")
    left, right = cond.child_by_field_name("left"), cond.child_by_field_name("right")
    if op is None or left is None or right is None:
        return False
    if op.type == "||":
        return _null_test(prog, left) and _null_test(prog, right)
    return op.type in ("==", "===") and (norm(prog.text(right)) in _NULLS or norm(prog.text(left)) in _NULLS)


def held_calls(prog: Program, node: Node) -> list[str]:
    """Texts of the calls that the ``const`` / ``let`` names in ``node`` hold (``const ok =
    this.hasConsented(); … ok && start()``): what a name-only condition stands for."""
    out: list[str] = []
    stack = [node] if node.end_byte - node.start_byte <= MAX_EXPR else []
    while stack:
        n = stack.pop()
        prog.budget.spend()
        if n.type == "identifier":
            binding = prog.lookup(n)
            value = binding.value if binding is not None and binding.kind in ("const", "let") else None
            if value is not None and value.type == "call_expression" and value.end_byte - value.start_byte <= 200:
                out.append(prog.text(value))
        stack.extend(n.named_children)
    return out


def choices(node: Node) -> list[Node]:
    """The values an expression may take through its ternaries (and parentheses): ``a ? x : b ? y : z``
    -> [x, y, z]; anything else is its own one value. Iterative: a minifier's long ternary chain
    neither recurses once per link nor copies the list at each."""
    out: list[Node] = []
    stack = [node]
    while stack:
        n = unparen(stack.pop())
        yes = n.child_by_field_name("consequence") if n.type == "ternary_expression" else None
        no = n.child_by_field_name("alternative") if yes is not None else None
        if yes is None or no is None:
            out.append(n)
        else:
            stack += [no, yes]  # the consequence's values first, as written
    return out
