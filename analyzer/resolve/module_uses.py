"""Where the exports of an imported module go in one file that imports it.

An export reaches an importer through a static import (named, default, ``* as ns``, TypeScript's
``import x = require()``), a CommonJS ``require()`` (destructured, whole, or read on the spot), an
``import()`` (awaited, or through ``.then``), or a re-export (``export * from``, ``export {a as b}
from``, ``export * as ns from``, ``module.exports = require(…)``, an imported binding exported
again). From the binding or expression that holds it, ``jsflow.Flow`` follows the value through
aliases (``const start = initHotjar``), objects, ``.call`` and callbacks. Each way ends as

- a run: a call, a callback handed to a call, a JSX element, an event handler (judged there);
- an export: the importer exports it again (its own importers are followed in turn);
- an unjudged use: handed on where its calls cannot be followed (an array, an object that leaves
  the file, a global, code the file does not show). One such use means the start cannot be proved
  gated, whatever its other callers do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.facts.jsxhelpers import param_pattern, parameters
from analyzer.parse import reexports
from analyzer.parse.jsfacts import Program
from analyzer.parse.jsflow import Flow, Use

WRAPPERS = ("parenthesized_expression", "await_expression")
_RUNS = frozenset({"call", "callback", "jsx", "handler"})
_EXPORTS = frozenset({"export_statement", "export_specifier", "export_clause", "assignment_expression"})


@dataclass(frozen=True)
class Held:
    """An export of ``module`` that carries an open start: the start's function is the export
    ``name`` there, under ``props`` (a namespace re-export holds it one key down). It stands for the
    export ``entry`` of the file ``origin`` that defines the start."""

    module: str
    name: str
    props: tuple[str, ...]
    origin: str
    entry: str
    via: str = field(default="", compare=False)  # where it was last re-exported ("path:line")


@dataclass(frozen=True)
class Reached:
    """One way a held export is reached in an importing file."""

    held: Held
    node: Node  # the call, the re-export, or where the value is handed on
    kind: str  # run | export | unjudged
    name: str = ""  # export: the importer's export name
    props: tuple[str, ...] = ()  # export: where the function is under that name
    how: str = ""  # unjudged: how it was handed on, in plain words


def reached(prog: Program, flow: Flow, modules: dict[str, str], held: dict[str, list[Held]]) -> list[Reached]:
    """Every way the held exports are reached in ``prog``. ``modules`` maps each module specifier
    the file uses to the module it names, ``held`` each module to its held exports."""
    out: list[Reached] = []
    for stmt in prog.parsed.root.named_children:
        prog.budget.spend()
        if stmt.type not in ("import_statement", "export_statement"):
            continue
        holds = held.get(modules.get(_source(prog, stmt) or "", ""), [])
        if holds:
            out += _imported(prog, flow, stmt, holds) if stmt.type == "import_statement" else _reexported(prog, stmt, holds)
    for keyword in ("require", "import"):
        for call in prog.calls_named(keyword):
            fn = prog.callee(call)
            args = prog.args(call)
            if fn is None or prog.text(fn) != keyword or not args:
                continue
            holds = held.get(modules.get(prog.string_value(args[0]) or "", ""), [])
            if holds:
                out += _loaded(prog, flow, call, holds, whole=keyword == "require")
    return out


def _source(prog: Program, stmt: Node) -> str | None:
    source = stmt.child_by_field_name("source")
    if source is None:  # import x = require('./m')
        clause = next((c for c in stmt.named_children if c.type == "import_require_clause"), None)
        source = clause.child_by_field_name("source") if clause is not None else None
    return prog.string_value(source) if source is not None else None


def _imported(prog: Program, flow: Flow, stmt: Node, holds: list[Held]) -> list[Reached]:
    """``import a, {b as c} from``, ``import * as ns from``, ``import x = require()``."""
    clause = next((c for c in stmt.named_children if c.type in ("import_clause", "import_require_clause")), None)
    if clause is None:
        return []  # import './m': runs the module, takes none of its exports
    out: list[Reached] = []
    for c in clause.named_children:
        if c.type == "identifier" and clause.type == "import_clause":  # the default export
            out += _bound(prog, flow, c, [(h, h.props) for h in holds if h.name == "default"])
            out += _member_calls(prog, c, [h for h in holds if h.name != "default" and not h.props])
        elif c.type == "identifier" or c.type == "namespace_import":  # the module object
            ident = c if c.type == "identifier" else next((x for x in c.named_children if x.type == "identifier"), None)
            whole = clause.type == "import_require_clause"
            out += _bound(prog, flow, ident, _members(holds, whole)) + _opaque(prog, ident, holds)
        elif c.type == "named_imports":
            for spec in c.named_children:
                name = spec.child_by_field_name("name")
                local = spec.child_by_field_name("alias") or name
                if spec.type == "import_specifier" and name is not None:
                    wanted = prog.string_value(name) or prog.text(name)
                    out += _bound(prog, flow, local, [(h, h.props) for h in holds if h.name == wanted])
    return out


def _members(holds: list[Held], whole: bool) -> list[tuple[Held, tuple[str, ...]]]:
    """Where each held export is on a module object: under its name; a CommonJS module's default
    export is the object itself too (``module.exports = init``)."""
    out = [(h, (h.name,) + h.props) for h in holds]
    return out + [(h, h.props) for h in holds if whole and h.name == "default"]


def _bound(prog: Program, flow: Flow, ident: Node | None, wanted: list[tuple[Held, tuple[str, ...]]]) -> list[Reached]:
    binding = prog.lookup(ident) if ident is not None and wanted else None
    if binding is None:
        return []
    return [r for h, props in wanted for r in _classify(h, flow.binding_uses(binding, props), bool(props))]


def _member_calls(prog: Program, ident: Node, holds: list[Held]) -> list[Reached]:
    """``x.start()`` on a default import ``x``: a default-exported object holding the start under
    its own name (``export default { start() {…} }``, whose entry names ``start``)."""
    binding = prog.lookup(ident) if holds else None
    out: list[Reached] = []
    for ref in prog.scopes.references(binding) if binding is not None else []:
        member, call = (ref[-2], ref[-3]) if len(ref) >= 3 else (None, None)
        if member is None or call is None or member.type != "member_expression" or call.type != "call_expression":
            continue
        prop = member.child_by_field_name("property")
        if prog.callee(call) == member and prop is not None:
            out += [Reached(h, call, "run") for h in holds if h.name == prog.text(prop)]
    return out


_COMPUTED = "read off its module object by a computed key, which is not followed"
_SPREAD = "its module object is spread into another object, whose calls are not followed"


def _opaque(prog: Program, ident: Node | None, holds: list[Held]) -> list[Reached]:
    """Reads of a module object (``ns`` of ``import * as ns``, ``const m = require(…)``) that
    reach its exports by no name the walk can follow: spread into another object (``{...ns}``), or
    a computed key (``ns[name]()``)."""
    binding = prog.lookup(ident) if ident is not None and ident.type == "identifier" and holds else None
    out: list[Reached] = []
    for ref in prog.scopes.references(binding) if binding is not None else []:
        parent = ref[-2] if len(ref) >= 2 else None
        if parent is not None and parent.type == "spread_element":
            out += [Reached(h, parent, "unjudged", how=_SPREAD) for h in holds]
        elif parent is not None and parent.type == "subscript_expression" and parent.child_by_field_name("object") == ref[-1]:
            if prog.string_value(parent.child_by_field_name("index")) is None:
                out += [Reached(h, parent, "unjudged", how=_COMPUTED) for h in holds]
    return out


def _reexported(prog: Program, stmt: Node, holds: list[Held]) -> list[Reached]:
    """``export * from``, ``export * as ns from``, ``export {a as b} from`` (``analyzer.parse.reexports``)."""
    found = reexports.read(prog, stmt)
    if found is None:
        return []
    if found.everything:  # export * from './m': every name but the default
        return [Reached(h, stmt, "export", h.name, h.props) for h in holds if h.name != "default"]
    if found.namespace:
        return [Reached(h, stmt, "export", found.namespace, (h.name,) + h.props) for h in holds]
    return [Reached(h, stmt, "export", as_, h.props) for key, as_ in found.names for h in holds if h.name == key]


def _loaded(prog: Program, flow: Flow, call: Node, holds: list[Held], whole: bool) -> list[Reached]:
    """A module object from ``require()`` / ``import()``: re-exported whole, handed to a ``.then``
    callback, or followed as a value."""
    chain = prog.chain(call)
    i = len(chain) - 2
    while i >= 0 and chain[i].type in WRAPPERS:
        i -= 1
    parent = chain[i] if i >= 0 else None
    if parent is None:
        return []
    if parent.type == "assignment_expression" and prog.path(parent.child_by_field_name("left")) == "module.exports":
        return [Reached(h, parent, "export", h.name, h.props) for h in holds]
    if parent.type == "spread_element":
        return [Reached(h, parent, "unjudged", how=_SPREAD) for h in holds]
    param = then_parameter(prog, chain, i)
    holder = param if param is not None else parent.child_by_field_name("name") if parent.type == "variable_declarator" else None
    out: list[Reached] = _opaque(prog, holder, holds)
    for h, props in _members(holds, whole):
        uses = _parameter_uses(prog, flow, param, props) if param is not None else flow.value_uses(chain, props)
        out += _classify(h, uses, bool(props))
    lazy = parent.type == "return_statement" or (parent.type == "arrow_function" and parent.child_by_field_name("body") == chain[i + 1])
    if lazy and param is None and not out:
        # () => import('./m') handed to a loader (React.lazy, a router): what it does with the module is not shown.
        out += [Reached(h, parent, "unjudged", how="loaded by a function whose result is not followed") for h in holds]
    return out


def then_parameter(prog: Program, chain: list[Node], i: int) -> Node | None:
    """The ``.then`` callback parameter a module object at ``chain[i + 1]`` lands in:
    ``import(x).then(m => …)``, or ``.then(() => import(x)).then(m => …)``."""
    parent = chain[i]
    if parent.type == "member_expression" and i >= 1 and chain[i - 1].type == "call_expression" and prog.callee(chain[i - 1]) == parent:
        prop = parent.child_by_field_name("property")
        return callback_parameter(prog, chain[i - 1]) if prop is not None and prog.text(prop) == "then" else None
    if parent.type == "arrow_function" and parent.child_by_field_name("body") == chain[i + 1]:
        return then_result(prog, chain[: i + 1])
    return None


def _parameter_uses(prog: Program, flow: Flow, param: Node, props: tuple[str, ...]) -> list[Use]:
    """Uses of the value under ``props`` of what a parameter receives (``m``, ``{start}``,
    ``{start: s}``, ``{...rest}``)."""
    if param.type in ("assignment_pattern", "object_assignment_pattern"):
        left = param.child_by_field_name("left")
        return _parameter_uses(prog, flow, left, props) if left is not None else []
    if param.type in ("identifier", "shorthand_property_identifier_pattern"):
        binding = prog.lookup(param)
        return flow.binding_uses(binding, props) if binding is not None else []
    if param.type != "object_pattern" or not props:
        return []
    out: list[Use] = []
    for prop in param.named_children:
        if prop.type == "rest_pattern":
            rest = next((c for c in prop.named_children if c.type == "identifier"), None)
            out += _parameter_uses(prog, flow, rest, props) if rest is not None else []
        elif prop.type == "pair_pattern" and prog.key_of(prop) == props[0] and (value := prop.child_by_field_name("value")) is not None:
            out += _parameter_uses(prog, flow, value, props[1:])
        elif prop.type in ("shorthand_property_identifier_pattern", "object_assignment_pattern"):
            name = prop.child_by_field_name("left") if prop.type == "object_assignment_pattern" else prop
            if name is not None and prog.text(name) == props[0]:
                out += _parameter_uses(prog, flow, name, props[1:])
    return out


def _classify(h: Held, uses: list[Use], nested: bool) -> list[Reached]:
    """Runs, re-exports and unjudged uses. ``nested``: the walk began below a module object or an
    export (``ns.start``), so an export on the way may hold the function deeper than its name says."""
    out: list[Reached] = []
    for u in uses:
        if u.kind in _RUNS:
            out.append(Reached(h, u.node, "run"))
        elif u.kind == "export" and u.key and u.holder is None and not nested and u.node.type in _EXPORTS:
            out.append(Reached(h, u.node, "export", u.key))
        else:
            out.append(Reached(h, u.node, "unjudged", how=_handed(u)))
    return out


def _handed(u: Use) -> str:
    """How a use hands the function on, in plain words."""
    parent = u.node.type
    if u.kind == "global":
        return f"set on the global {u.key}, which other scripts may call" if u.key else "set on a global, which other scripts may call"
    if u.kind == "export":
        return "exported again inside an object or a module object, whose callers are not followed"
    if parent == "array":
        return "put in an array, whose calls are not followed"
    if parent in ("object", "pair"):
        return "stored in an object, whose calls are not followed"
    if parent in ("call_expression", "new_expression", "arguments"):
        return "handed to a call whose use of it is not followed"
    return "stored where its calls are not followed"


def then_result(prog: Program, chain: list[Node]) -> Node | None:
    """``p.then(f).then(cb)`` with ``chain`` ending at ``f``: the first parameter of ``cb``."""
    if len(chain) < 4 or chain[-2].type != "arguments" or chain[-3].type != "call_expression":
        return None
    then_call = chain[-3]
    parent, grand = chain[-4], chain[-5] if len(chain) >= 5 else None
    if parent.type != "member_expression" or grand is None or grand.type != "call_expression":
        return None
    prop = parent.child_by_field_name("property")
    if prop is None or prog.text(prop) != "then" or parent.child_by_field_name("object") != then_call:
        return None
    return callback_parameter(prog, grand)


def callback_parameter(prog: Program, then_call: Node) -> Node | None:
    """``p.then(cb)``: the first parameter of ``cb`` (the resolved module)."""
    args = [a for a in (then_call.child_by_field_name("arguments") or then_call).named_children if a.type != "comment"]
    if not args or args[0].type not in ("arrow_function", "function_expression", "function"):
        return None
    return first_parameter(args[0])


def first_parameter(fn: Node) -> Node | None:
    """A function's first parameter as written (an identifier or a destructuring pattern), its type and default left
    out (``jsxhelpers.parameters`` and ``param_pattern``)."""
    first = next(iter(parameters(fn)), None)
    return param_pattern(first)[0] if first is not None else None
