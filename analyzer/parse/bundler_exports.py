"""Exports as bundlers write them, so a function in a module factory is an export, not a lost value.

Inside a bundle a module's ``export default function Recorder() {…}`` survives as a call of the
bundler's runtime, not as an ``export`` statement:

- webpack (and Rspack) define getters: ``n.d(t, {default: function () { return X }})`` or
  ``n.d(t, {default: () => X})``; the function under the key is a getter of the export ``key``.
- Turbopack (Next.js 15+) lists names and values: ``e.s(["default", 0, function () {…}])`` or
  ``e.s(["default", () => X])``; the value after a name string is that export.

Each is recognised by its shape alone (a runtime helper called on the factory's own parameters),
and only in a file that holds the bundler's runtime marker, so an app's own ``x.d(y, {…})`` in
source code is never read as one.
"""

from __future__ import annotations

from tree_sitter import Node

from analyzer.parse.jsfacts import Program

_WEBPACK_MARKERS = (b"webpackChunk", b"__webpack_require__", b"__webpack_modules__", b".d(t,{", b".d(e,{", b".d(n,{", b".r(t)", b".r(e)")
_TURBOPACK_MARKERS = (b"TURBOPACK",)


def _markers(prog: Program) -> tuple[bool, bool]:
    """(webpack, Turbopack): does the file hold that bundler's runtime? Read once per program."""
    memo = prog.memo.setdefault("bundler", {})
    if "markers" not in memo:
        data = prog.parsed.source.data
        memo["markers"] = (webpack_marked(data), any(m in data for m in _TURBOPACK_MARKERS))
    return memo["markers"]


def _param_of_enclosing(prog: Program, ident: Node) -> bool:
    """Is ``ident`` a parameter of a function around it (the module factory's ``(e, t, n)``)?"""
    binding = prog.lookup(ident)
    return binding is not None and binding.kind == "param"


def webpack_marked(data: bytes) -> bool:
    """Do these bytes hold one of webpack's runtime markers (before any parse)?"""
    return any(m in data for m in _WEBPACK_MARKERS)


def webpack_runtime(prog: Program) -> bool:
    """Does the file hold webpack's runtime (its chunk pushes, ``__webpack_require__``, getters)?"""
    return _markers(prog)[0]


def webpack_getter(prog: Program, call: Node) -> bool:
    """``n.d(t, {key: getter})``: webpack's export definition inside a module factory."""
    if not _markers(prog)[0]:
        return False
    callee = call.child_by_field_name("function")
    if callee is None or callee.type != "member_expression":
        return False
    prop, obj = callee.child_by_field_name("property"), callee.child_by_field_name("object")
    if prop is None or prog.text(prop) != "d" or obj is None or obj.type != "identifier":
        return False
    args = [a for a in (call.child_by_field_name("arguments") or call).named_children if a.type != "comment"]
    if len(args) != 2 or args[0].type != "identifier" or args[1].type != "object":
        return False
    return _param_of_enclosing(prog, obj) and _param_of_enclosing(prog, args[0])


def turbopack_export(prog: Program, array: Node, value: Node, chain: list[Node]) -> tuple[Node, str] | None:
    """``e.s(["name", 0, value])``: (the call, the export name) for ``value`` listed after a name."""
    if not _markers(prog)[1] or len(chain) < 2:
        return None
    args, call = chain[-2], chain[-3] if len(chain) >= 3 else None
    if args.type != "arguments" or call is None or call.type != "call_expression":
        return None
    callee = call.child_by_field_name("function")
    if callee is None or callee.type != "member_expression":
        return None
    prop, obj = callee.child_by_field_name("property"), callee.child_by_field_name("object")
    if prop is None or prog.text(prop) != "s" or obj is None or obj.type != "identifier" or not _param_of_enclosing(prog, obj):
        return None
    name = _listed_names(prog, array).get(value.id)
    return (call, name) if name else None


def _listed_names(prog: Program, array: Node) -> dict[int, str]:
    """Each element of an export list with the name listed last before it, read once per list:
    a Turbopack chunk lists hundreds of exports in one array, and every value that flows into it
    asks for its name."""
    memo = prog.memo.setdefault("turbopack_lists", {})
    names = memo.get(array.id)
    if names is None:
        names = memo[array.id] = {}
        name = None
        for element in array.named_children:
            if name:
                names[element.id] = name
            if element.type == "string":
                name = prog.string_value(element)
    return names


def runtime_export(prog: Program, call: Node) -> bool:
    """Is ``call`` one of the export definitions above (a getter handed to it returns the export)?"""
    if webpack_getter(prog, call):
        return True
    callee = call.child_by_field_name("function")
    prop = callee.child_by_field_name("property") if callee is not None and callee.type == "member_expression" else None
    return _markers(prog)[1] and prop is not None and prog.text(prop) == "s"


def module_factory(prog: Program, fn: Node) -> bool:
    """Is ``fn`` a module factory of a chunk pushed to the bundler's registry: an element of
    Turbopack's ``TURBOPACK.push([script, id, factory, …])`` or a value of the module object in
    webpack's ``webpackChunk….push([[ids], {id: factory}])``? Its body is a module's top level
    (scope hoisting may put an SDK and the app's code in one factory), not a function of an SDK."""
    webpack, turbopack = _markers(prog)
    if not (webpack or turbopack):
        return False
    chain = prog.chain(fn)
    obj = chain[-2] if fn.type == "method_definition" else chain[-3] if len(chain) >= 3 and chain[-2].type == "pair" else None
    if webpack and obj is not None and obj.type == "object" and _key_is_id(prog, fn, chain) and _registry_object(prog, obj):
        return True
    if len(chain) >= 5 and fn.type == "method_definition" and chain[-2].type == "object" and chain[-3].type == "array":
        args, call = chain[-4], chain[-5]  # webpack 5's ES output: {536(t, e, n) {…}}
    elif len(chain) >= 6 and chain[-2].type == "pair" and chain[-3].type == "object" and chain[-4].type == "array":
        args, call = chain[-5], chain[-6]
    elif len(chain) >= 4 and chain[-2].type == "array":
        args, call = chain[-3], chain[-4]
    else:
        return False
    if args.type != "arguments" or call.type != "call_expression":
        return False
    callee = call.child_by_field_name("function")
    prop = callee.child_by_field_name("property") if callee is not None and callee.type == "member_expression" else None
    return prop is not None and prog.text(prop) == "push"


def entry_module(prog: Program, fn: Node) -> bool:
    """Is ``fn`` webpack's inlined entry module: ``(() => {"use strict"; …})()`` run directly in
    the bootstrap function that declares the module registry (``var e = {506(e) {…}}``, called
    as ``e[id](module, module.exports, require)``)? Its body is the entry module's top level (scope
    hoisting puts the SDKs the app imports there, next to the app's code), not a function of an SDK.
    The registry call's shape is webpack's mark here: a production bootstrap may hold no other."""
    if fn.type not in ("arrow_function", "function_expression", "function") or not fn.parent:
        return False
    params = fn.child_by_field_name("parameters")
    if params is not None and params.named_children:
        return False
    call: Node | None = fn.parent
    while call is not None and call.type == "parenthesized_expression":
        call = call.parent
    if call is None or call.type != "call_expression" or prog.args(call):
        return False
    callee = prog.callee(call)
    if callee is None or callee.id != fn.id:
        return False
    bootstrap = prog.enclosing_function(call)
    body = bootstrap.child_by_field_name("body") if bootstrap is not None else None
    if body is None or body.type != "statement_block":
        return False
    memo = prog.memo.setdefault("bootstraps", {})  # asked for every function on every span's chain
    if body.id not in memo:
        memo[body.id] = any(
            value is not None and value.type == "object" and _registry_object(prog, value)
            for stmt in body.named_children
            if stmt.type in ("variable_declaration", "lexical_declaration")
            for decl in stmt.named_children
            for value in [decl.child_by_field_name("value") if decl.type == "variable_declarator" else None]
        )
    return memo[body.id]


def _key_is_id(prog: Program, fn: Node, chain: list[Node]) -> bool:
    key = fn.child_by_field_name("name") if fn.type == "method_definition" else chain[-2].child_by_field_name("key")
    return key is not None and prog.text(key).strip("\"'").isdigit()


def _registry_object(prog: Program, obj: Node) -> bool:
    """``var e = {944(e, t, n) {…}, …}`` in webpack's entry: the modules object its require calls
    as ``e[id](module, module.exports, require)``."""
    memo = prog.memo.setdefault("registry_objects", {})
    if obj.id in memo:
        return memo[obj.id]
    found = False
    chain = prog.chain(obj)
    decl = chain[-2] if len(chain) >= 2 else None
    name = decl.child_by_field_name("name") if decl is not None and decl.type == "variable_declarator" else None
    binding = prog.lookup(name) if name is not None and name.type == "identifier" else None
    for ref in prog.scopes.references(binding)[:50] if binding is not None else []:
        if len(ref) < 3:
            continue
        sub, call = ref[-2], ref[-3]
        if sub.type == "subscript_expression" and call.type == "call_expression" and prog.callee(call) == sub:
            args = [a for a in (call.child_by_field_name("arguments") or call).named_children if a.type != "comment"]
            if len(args) == 3:
                found = True
                break
    memo[obj.id] = found
    return found


MODULE_PREFIX = "module:"  # an entry name that carries a bundled module's id across files


def module_id(prog: Program, node: Node) -> str | None:
    """The registry id of the bundled module whose factory holds ``node`` (webpack's object key,
    the number before Turbopack's factory), or None outside a module factory."""
    if not any(_markers(prog)):
        return None
    chain = prog.chain(node)
    for i in range(len(chain) - 1, 0, -1):
        fn = chain[i]
        if fn.type not in ("function_expression", "function", "arrow_function", "method_definition") or not module_factory(prog, fn):
            continue
        holder = chain[i - 1]
        if holder.type == "pair":
            key = holder.child_by_field_name("key")
            text = prog.text(key) if key is not None else ""
            return text if text.isdigit() else None
        if fn.type == "method_definition":  # webpack 5's ES output: {536(t, e, n) {…}}
            name = fn.child_by_field_name("name")
            text = prog.text(name) if name is not None else ""
            return text if text.isdigit() else None
        before = None
        for element in holder.named_children:
            if element.id == fn.id:
                break
            before = element
        text = prog.text(before) if before is not None and before.type == "number" else ""
        return text or None
    return None


def registry_export(prog: Program, expr: Node, turbopack: bool = True) -> tuple[str, str] | None:
    """(module id, export name) for an export of a module the bundle's registry hands over by id:
    ``r.Sc`` or ``(0, r.Sc)`` with ``r = n(7587)`` in a webpack module factory ``(e, t, n)`` or
    ``r = e.i(7587)`` in a Turbopack one ``e => {…}`` (unless ``turbopack`` is False), or
    ``n(7587).Sc`` on the spot. The export's value is in the module's factory, often in another
    chunk (a ``splitChunks`` vendor chunk); both bundlers rename the export."""
    while expr.type in ("parenthesized_expression", "sequence_expression") and expr.named_children:
        expr = expr.named_children[-1]  # (0, r.Sc)
    if expr.type != "member_expression":
        return None
    obj, prop = expr.child_by_field_name("object"), expr.child_by_field_name("property")
    if obj is None or prop is None or prop.type != "property_identifier":
        return None
    if obj.type == "identifier":
        binding = prog.lookup(obj)
        if binding is None or binding.kind not in ("var", "let", "const") or binding.value is None:
            return None
        obj = binding.value
    module = required_id(prog, obj, turbopack)
    return (module, prog.text(prop)) if module else None


def required_id(prog: Program, call: Node, turbopack: bool = True) -> str | None:
    """The module id of ``n(7587)``, where ``n`` is the ``require`` parameter of the webpack module
    factory the call stands in, or of ``e.i(7587)``, where ``e`` is the parameter of the Turbopack
    module factory (its runtime: ``e.i`` imports a module by id)."""
    if call.type != "call_expression":
        return None
    fn = call.child_by_field_name("function")
    args = prog.args(call)
    if fn is None or len(args) != 1 or args[0].type != "number" or not prog.text(args[0]).isdigit():
        return None
    if fn.type == "member_expression":
        prop = fn.child_by_field_name("property")
        if not turbopack or not _markers(prog)[1] or prop is None or prog.text(prop) != "i":
            return None
        fn = fn.child_by_field_name("object")
    if fn is None or fn.type != "identifier":
        return None
    binding = prog.lookup(fn)
    if binding is None or binding.kind != "param" or not module_factory(prog, binding.scope):
        return None
    return prog.text(args[0])


# ES module chunks (Vite, Rollup, esbuild code splitting): a chunk imports what another chunk
# exports by a relative specifier, ``import{e as Oe}from"./vendor-DPqAeS5R.js"``.
CHUNK_PREFIXES = ("./", "../")


def chunk_export(prog: Program, expr: Node) -> tuple[str, str] | None:
    """(specifier, export path) for a value read off a binding that another ES module chunk
    exports: ``Oe.clarity`` with ``import{e as Oe}from"./vendor-DPqAeS5R.js"`` is
    ("./vendor-DPqAeS5R.js", "e.clarity"); a default import reads ``default``, a namespace import's
    first member is the export. Only a relative specifier names a chunk (a bare one is a package
    the build left external)."""
    while expr.type in ("parenthesized_expression", "sequence_expression") and expr.named_children:
        expr = expr.named_children[-1]  # (0, Oe.init)
    members: list[str] = []
    while expr.type == "member_expression":
        prop, obj = expr.child_by_field_name("property"), expr.child_by_field_name("object")
        if prop is None or obj is None or prop.type != "property_identifier":
            return None
        members.append(prog.text(prop))
        expr = obj
    if expr.type != "identifier":
        return None
    binding = prog.lookup(expr)
    imp = prog.imports.get(prog.text(expr))
    if binding is None or binding.kind != "import" or imp is None or not imp.package.startswith(CHUNK_PREFIXES):
        return None
    members.reverse()
    parent = binding.node.parent
    if imp.imported is not None:
        members.insert(0, imp.imported)
    elif parent is None or parent.type != "namespace_import":
        members.insert(0, "default")
    return (imp.package, ".".join(members)) if members else None


def chunk_exports(prog: Program) -> dict[str, Node]:
    """What an ES module chunk exports at its top level, by exported name: ``export{c1 as e}``
    (the local ``c1``), ``export default X``, ``export function f(){}`` / ``export const k = …``
    (the declaration's name)."""
    out: dict[str, Node] = {}
    for stmt in prog.parsed.root.named_children:
        if stmt.type != "export_statement" or stmt.child_by_field_name("source") is not None:
            continue  # export … from "./x": a re-export, defined elsewhere
        value, decl = stmt.child_by_field_name("value"), stmt.child_by_field_name("declaration")
        if value is not None:
            out["default"] = value
        elif decl is not None:
            if decl.type in ("function_declaration", "generator_function_declaration", "class_declaration"):
                name = decl.child_by_field_name("name")
                if name is not None:
                    out["default" if prog.text(stmt).startswith("export default") else prog.text(name)] = name
            else:
                for d in decl.named_children:
                    name = d.child_by_field_name("name") if d.type == "variable_declarator" else None
                    if name is not None and name.type == "identifier":
                        out[prog.text(name)] = name
        else:
            clause = next((c for c in stmt.named_children if c.type == "export_clause"), None)
            for spec in clause.named_children if clause is not None else ():
                name = spec.child_by_field_name("name") if spec.type == "export_specifier" else None
                if name is None:
                    continue
                alias = spec.child_by_field_name("alias")
                text = prog.text(spec)
                exported = (
                    prog.text(alias) if alias is not None else text.rsplit(" as ", 1)[-1].strip() if " as " in text else prog.text(name)
                )
                out[exported] = name
    return out
