"""Render helpers of a component: functions of the same file that return JSX and are called from its
markup (``{field('Função na Igreja', 'funcao_igreja')}``, ``{renderInput({ label: 'Diagnosis', name: 'dx' })}``), and a
class component's own methods called on ``this`` (``{this.renderInput("diagnosis", "Diagnosis")}``).

A visitor's browser shows, at each call, the markup the helper returns with its parameters standing for
the call's arguments; the helper's own body, where it is written, shows nothing. ``calls`` finds the calls
a markup expression makes, ``helper`` the function one renders, and ``arguments`` what each of its
parameters stands for at that call (:mod:`analyzer.facts.jsxmarkup` writes the helper's markup there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tree_sitter import Node

from analyzer.parse.jsfacts import Program

_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function", "function_declaration"})
_BOUND_AS = frozenset({"const", "let", "var", "function"})
_LITERALS = frozenset({"string", "template_string", "object"})


def jsx_props(prog: Program, opening: Node) -> dict[str, Node]:
    """An element's props as written: a string's node, or the expression a ``{…}`` holds (its comments left out)."""
    out: dict[str, Node] = {}
    for attr in opening.named_children:
        if attr.type != "jsx_attribute" or len(attr.named_children) < 2:
            continue
        key, value = prog.text(attr.named_children[0]), attr.named_children[1]
        held = next((c for c in value.named_children if c.type != "comment"), None) if value.type == "jsx_expression" else value
        if held is not None:
            out.setdefault(key, held)
    return out


def callee_name(prog: Program, call: Node) -> str:
    """The last part of the name a call is made by: ``t`` for ``i18n.t('…')``, ``register`` for ``register('…')``."""
    return prog.path(prog.callee(call)).rsplit(".", 1)[-1]


def descendants(nodes: list[Node], limit: int) -> Iterator[Node]:
    """``nodes`` and the nodes under them, depth first in source order, at most ``limit`` of them."""
    stack = list(reversed(nodes))
    for _ in range(limit):
        if not stack:
            return
        n = stack.pop()
        yield n
        stack.extend(reversed(n.named_children))


def calls(expr: Node | None) -> list[Node]:
    """The calls a ``{…}`` child prints: itself, either branch of a conditional, the right of ``&&``."""
    if expr is None:
        return []
    if expr.type == "parenthesized_expression" and expr.named_children:
        return calls(expr.named_children[-1])
    if expr.type == "call_expression":
        return [expr]
    if expr.type == "ternary_expression":
        return calls(expr.child_by_field_name("consequence")) + calls(expr.child_by_field_name("alternative"))
    if expr.type == "binary_expression":
        op = expr.child_by_field_name("operator")
        return calls(expr.child_by_field_name("right")) if op is not None and op.type == "&&" else []
    return []


def helper(prog: Program, call: Node, returns: dict[int, bool] | None = None) -> Node | None:
    """The function of this file ``call`` renders (``field(…)`` with ``const field = (label, name) => (<div>…</div>)``
    or ``function field(…) { return <div>…</div> }``), when it returns JSX and the call gives it a literal (a string,
    an object): a template filled in at each call. A section written as a function and called bare
    (``{step === 3 && renderStep3()}``) shows the same markup wherever it is called, and is read where it stands."""
    if not any(a.type in _LITERALS for a in prog.args(call)):
        return None
    callee = prog.callee(call)
    returns = {} if returns is None else returns
    if callee is not None and callee.type == "member_expression":
        return _own_method(prog, callee, returns)
    if callee is None or callee.type != "identifier":
        return None
    return jsx_function(prog, callee, returns)


def _own_method(prog: Program, callee: Node, returns: dict[int, bool]) -> Node | None:
    """The method of the class around the call that ``this.name(…)`` calls (``renderInput(name, label) { return
    <input …/> }``, or a field holding an arrow function: ``renderInput = (name, label) => …``), when it returns JSX."""
    obj, prop = callee.child_by_field_name("object"), callee.child_by_field_name("property")
    if obj is None or obj.type != "this" or prop is None:
        return None
    name = prog.text(prop)
    body = next((a for a in reversed(prog.chain(callee)) if a.type == "class_body"), None)
    for member in body.named_children if body is not None else ():
        fn = None
        if member.type == "method_definition":
            named = member.child_by_field_name("name")
            fn = member if named is not None and prog.text(named) == name else None
        elif member.type in ("field_definition", "public_field_definition"):
            named = member.child_by_field_name("property") or member.child_by_field_name("name")
            value = member.child_by_field_name("value")
            fn = value if named is not None and prog.text(named) == name and value is not None else None
        if fn is not None and fn.type in _FUNCTIONS | {"method_definition"}:
            return _if_jsx(fn, returns)
    return None


def jsx_function(prog: Program, name: Node, returns: dict[int, bool]) -> Node | None:
    """The function of this file an identifier names (a render helper called, a component used as an element), when
    it returns JSX; ``returns`` keeps each body's answer, so a body is looked through once whatever its uses."""
    fn = bound_function(prog, name)
    return _if_jsx(fn, returns) if fn is not None else None


def bound_function(prog: Program, name: Node) -> Node | None:
    """The function of this file an identifier names (``function f(…)``, ``const f = (…) => …``), else None."""
    binding = prog.lookup(name)
    fn = binding.value if binding is not None and binding.kind in _BOUND_AS else None
    return fn if fn is not None and fn.type in _FUNCTIONS else None


def _if_jsx(fn: Node, returns: dict[int, bool]) -> Node | None:
    """``fn`` when its body returns JSX (each body looked through once, its answer kept in ``returns``), else None."""
    body = fn.child_by_field_name("body")
    if body is None:
        return None
    if fn.id not in returns:
        returns[fn.id] = _returns_jsx(body)
    return fn if returns[fn.id] else None


def _returns_jsx(body: Node) -> bool:
    stack = [body]
    while stack:
        n = stack.pop()
        if n.type in ("jsx_element", "jsx_self_closing_element"):
            return True
        if n.type in _FUNCTIONS and n is not body:
            continue  # a callback's JSX (items.map(i => <li/>)) counts only inside the returned markup
        stack.extend(n.named_children)
    return False


def arguments(prog: Program, fn: Node, call: Node) -> dict[int, Node]:
    """What each parameter of ``fn`` stands for at ``call``, by the key of its binding: the argument in its
    place, else its default (``type = 'text'``); for a destructured object (``({ label, name })``), the
    members of the object literal passed."""
    out: dict[int, Node] = {}
    args = prog.args(call)
    for i, param in enumerate(parameters(fn)):
        bind(prog, param, args[i] if i < len(args) else None, out)
    return out


def parameters(fn: Node) -> list[Node]:
    """A function's parameters as written (``(label, { name })``, or ``x => …`` without parentheses)."""
    single = fn.child_by_field_name("parameter")
    if single is not None:
        return [single]
    params = fn.child_by_field_name("parameters")
    return [p for p in params.named_children if p.type != "comment"] if params is not None else []


def members(prog: Program, obj: Node) -> dict[str, Node]:
    """An object literal's members by key (``{ label: 'Diagnosis', 'name': 'dx' }``), their value nodes."""
    out: dict[str, Node] = {}
    for pair in obj.named_children:
        key, val = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type == "pair" and key is not None and val is not None:
            out.setdefault(prog.text(key).strip("'\""), val)
    return out


def param_pattern(param: Node) -> tuple[Node, Node | None]:
    """A parameter's pattern (a name, or a destructuring) and its default (TypeScript's ``name: T = x``, ``name = x``)."""
    if param.type in ("required_parameter", "optional_parameter"):
        return param.child_by_field_name("pattern") or param, param.child_by_field_name("value")
    if param.type == "assignment_pattern":
        return param.child_by_field_name("left") or param, param.child_by_field_name("right")
    return param, None


def bind(prog: Program, param: Node, arg: Node | None, out: dict[int, Node]) -> None:
    """Put in ``out`` what ``param`` (a parameter as written, destructured or not) stands for when given ``arg``."""
    pattern, default = param_pattern(param)
    value = arg if arg is not None else default
    if value is None:
        return
    if pattern.type == "identifier":
        out[pattern.id] = value
    elif pattern.type == "object_pattern" and value.type == "object":
        _bind_members(prog, pattern, members(prog, value), out)
    elif pattern.type == "array_pattern" and value.type == "array":  # ([value, label]) given ['serious', 'Relation sérieuse']
        given = [c for c in value.named_children if c.type != "comment"]
        for part, item in zip((p for p in pattern.named_children if p.type != "comment"), given, strict=False):
            if part.type == "identifier":
                out[part.id] = item


def bind_props(prog: Program, param: Node, props: dict[str, Node], out: dict[int, Node]) -> None:
    """What a component's destructured props parameter (``({ field, label = "x", extra: more })``) stands for, given
    the props an element gives it by name, into ``out``; a default where the element gives none."""
    pattern, _ = param_pattern(param)
    if pattern.type == "object_pattern":
        _bind_members(prog, pattern, props, out)


def _bind_members(prog: Program, pattern: Node, given: dict[str, Node], out: dict[int, Node]) -> None:
    """Put in ``out`` what each name a destructuring ``pattern`` (``{ label, type = 'text', name: field }``) declares
    stands for, given the members by key (an object literal's, or the props a JSX element gives a component): the
    member of its key, else its default."""
    for part in pattern.named_children:
        if part.type == "shorthand_property_identifier_pattern" and prog.text(part) in given:
            out[part.id] = given[prog.text(part)]
        elif part.type == "object_assignment_pattern":
            left, right = part.child_by_field_name("left"), part.child_by_field_name("right")
            if left is not None:
                found = given.get(prog.text(left), right)
                if found is not None:
                    out[left.id] = found
        elif part.type == "pair_pattern":
            key, val = part.child_by_field_name("key"), part.child_by_field_name("value")
            if key is not None and val is not None and val.type == "identifier" and prog.text(key) in given:
                out[val.id] = given[prog.text(key)]


def by_call(prog: Program) -> dict[int, Node]:
    """The helper each call the file's markup prints renders, by the call's id, each resolved once: their bodies
    are written at the calls, not where they stand."""
    out: dict[int, Node] = {}
    returns: dict[int, bool] = {}
    for el in prog.jsx:
        for child in el.named_children:
            if child.type != "jsx_expression":
                continue
            inner = next((c for c in child.named_children if c.type != "comment"), None)
            for call in calls(inner):
                fn = helper(prog, call, returns)
                if fn is not None:
                    out[call.id] = fn
    return out


_NAMES = frozenset({"name", "id", "htmlFor"})  # the attributes that name a control or tie its label to it (HTML's own)
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")


def names_by_item(
    prog: Program, fn: Node, values: frozenset[str], name_props: frozenset[str] = frozenset(), register_calls: frozenset[str] = frozenset()
) -> bool:
    """Whether the markup ``fn`` (a ``.map`` callback) returns names its control after the item it is given:
    ``FIELDS.map((f) => <input name={f.name} …/>)``, ``({ key, label }) => <Input id={key} …/>`` (a form built
    from a list of field definitions), not ``OPTIONS.map((o) => <input type="radio" name="sex" value={o}/>)``'s
    boxes of one question, whose name is written. ``values``: the props holding a control's state
    (``jsx_bindings.values``: ``value={values[f.name]}`` names it by the item too); ``name_props``: a component's name props."""
    names = {prog.text(n) for p in parameters(fn) for n in _identifiers(p)}
    body = fn.child_by_field_name("body")
    if not names or body is None:
        return False
    stack = [body]
    seen = 0
    while stack and seen < _MAX_NODES:
        n = stack.pop()
        seen += 1
        if n.type == "jsx_attribute" and len(n.named_children) > 1 and n.named_children[1].type == "jsx_expression":
            key = prog.text(n.named_children[0])
            if key in _NAMES or key in name_props or (key in values and _indexes(prog, n.named_children[1])):
                if names & set(_IDENTIFIER.findall(prog.text(n.named_children[1]))):
                    return True
        elif n.type == "jsx_expression" and n.parent is not None and n.parent.type in _OPENINGS:
            call = registered_call(prog, n, register_calls)  # {...register(f.name)}: react-hook-form names it by the item
            args = prog.args(call) if call is not None else []
            if args and names & set(_IDENTIFIER.findall(prog.text(args[0]))):
                return True
        stack.extend(n.named_children)
    return False


_MAX_NODES = 400  # syntax nodes looked at in one callback
_OPENINGS = ("jsx_opening_element", "jsx_self_closing_element")


def registered_call(prog: Program, attr: Node, calls: frozenset[str]) -> Node | None:
    """The ``register(…)`` call a JSX attribute spreads (``{...register('diagnosis')}``; ``calls``:
    ``jsx_bindings.register_calls``), else None."""
    if attr.type != "jsx_expression":
        return None
    spread = next((c for c in attr.named_children if c.type == "spread_element"), None)
    call = spread.named_children[0] if spread is not None and spread.named_children else None
    if call is None or call.type != "call_expression" or callee_name(prog, call) not in calls:
        return None
    return call


def _identifiers(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.type in ("identifier", "shorthand_property_identifier_pattern"):
            out.append(n)
        elif n.type not in ("type_annotation", "string"):
            stack.extend(n.named_children)
    return out[:20]


def _indexes(prog: Program, expr: Node) -> bool:
    """``value={values[f.name]}``: a value read from the state by the item, which names it."""
    return "[" in prog.text(expr)
