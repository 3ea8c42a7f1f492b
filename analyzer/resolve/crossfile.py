"""After the scan: follow an exported recorder start into the files that import and call it.

A start inside an exported function (``export function initHotjar() { hotjar.initialize(…) }``)
is ``unverifiable`` in its own file: its callers are elsewhere. Here the scanned code files that
import that module (relative paths, the ``compilerOptions.paths`` aliases of the app's tsconfig /
jsconfig, and the ``@/`` / ``~/`` defaults of Next.js and Nuxt) are parsed and each call of the exported function, or each place
it is handed on as a callback (``useEffect(initHotjar, [])``), or each call of it through
``import()`` (``import('./rec').then(m => m.start())``, ``const {start} = await import('./rec')``), is judged with the same guard
analysis. Every caller gated: gated. One caller ungated: ungated. Otherwise it stays unverifiable,
with the callers named. One level is followed: a caller that is itself exported stays open.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick_rs
from tree_sitter import Node

from analyzer.consent import consent_code
from analyzer.kinds import Mechanism
from analyzer.model import Detection, Status, Verdict, site_key
from analyzer.parse import bundler_exports, jsfacts, jsparse, links, reading, sfc
from analyzer.read.discover import SourceFile, app_root
from analyzer.signatures import SignatureDB

_EXTENSIONS = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte")


@dataclass(frozen=True)
class _Call:
    path: str  # the importer's display path
    line: int
    status: Status
    evidence: str


_JSONC_NOISE = re.compile(r'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/', re.S)


@functools.lru_cache(maxsize=64)
def _aliases(root: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``compilerOptions.paths`` of the app's tsconfig.json / jsconfig.json (JSON with comments
    and trailing commas), as (prefix, target folders); ``"@lib/*": ["src/lib/*"]`` gives
    ("@lib/", (<root>/src/lib/,))."""
    for name in ("tsconfig.json", "jsconfig.json"):
        path = os.path.join(root, name)
        try:
            # errors="replace": one invalid byte once raised past this OSError-only guard and
            # skipped the whole cross-file pass.
            with open(path, encoding="utf-8", errors="replace") as fh:
                raw = fh.read(256 * 1024)
        except OSError:
            continue
        text = _JSONC_NOISE.sub(lambda m: m.group(1) or "", raw)
        text = re.sub(r",(\s*[}\]])", r"\1", text)
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            return ()
        options = doc.get("compilerOptions") if isinstance(doc, dict) else None
        if not isinstance(options, dict):
            return ()
        base = os.path.join(root, options.get("baseUrl", ".") if isinstance(options.get("baseUrl"), str) else ".")
        out = []
        paths = options.get("paths")
        for alias, targets in (paths if isinstance(paths, dict) else {}).items():
            if isinstance(alias, str) and isinstance(targets, list):
                folders = tuple(os.path.normpath(os.path.join(base, t.rstrip("*"))) + os.sep for t in targets if isinstance(t, str))
                out.append((alias.rstrip("*"), folders))
        if isinstance(options.get("baseUrl"), str):  # bare specifiers resolve from baseUrl too
            out.append(("", (os.path.normpath(base) + os.sep,)))
        return tuple(sorted(out, key=lambda a: -len(a[0])))
    return ()


def _candidates(importer: SourceFile, spec: str) -> list[str]:
    root = app_root(importer) if not spec.startswith(".") else ""
    alias = next(((prefix, folders) for prefix, folders in _aliases(root) if spec.startswith(prefix)), None) if root else None
    if spec.startswith("."):
        bases = [os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(importer.path)), spec))]
    elif alias is not None:
        bases = [os.path.join(folder, spec[len(alias[0]) :]) for folder in alias[1]]
    elif spec.startswith(("@/", "~/")):
        bases = [os.path.join(root, "src", spec[2:]), os.path.join(root, spec[2:])]
    else:
        return []
    out = []
    for base in bases:
        out.append(base)
        out += [base + ext for ext in _EXTENSIONS]
        out += [os.path.join(base, "index" + ext) for ext in _EXTENSIONS]
    return out


def _resolve(importer: SourceFile, spec: str, targets: dict[str, str]) -> str | None:
    """The scanned file (display path) an import specifier names, if it is one of ``targets``."""
    for candidate in _candidates(importer, spec):
        hit = targets.get(os.path.normpath(candidate))
        if hit is not None:
            return hit
    return None


def link(
    detections: list[Detection], files: list[SourceFile], imports: dict[str, tuple[str, ...]], db: SignatureDB, max_bytes: int
) -> dict[tuple[str, int, int, str], Verdict]:
    """New verdicts for exported starts whose callers were found in other scanned files.
    ``imports`` holds each code file's specifiers: only the importers of an open start are read again."""
    code = [f for f in files if f.kind in ("js", "ts", "sfc")]
    open_sites = [d for d in detections if d.verdict.status is Status.UNVERIFIABLE and d.verdict.entry]
    if not open_sites or not code:
        return {}
    targets = {f.real: f.display for f in code}
    wanted = {d.location.path for d in open_sites}
    calls: dict[str, dict[frozenset[str], list[_Call]]] = {}
    vocab = consent_code.vocabulary(db)
    for f in code:
        hits = {spec: t for spec in imports.get(f.display, ()) if (t := _resolve(f, spec, targets)) in wanted and t != f.display}
        if not hits:
            continue
        data = reading.read_bytes(f.path, f.display, max_bytes)
        if not isinstance(data, bytes):
            continue
        text = reading.decode(data).text
        pieces = sfc.script_blocks(text, f.display) if f.kind == "sfc" else [jsparse.JsSource(text, 1, 1, jsparse.dialect_for(f.display))]
        for piece in pieces:
            prog = jsfacts.Program(jsparse.parse(piece))
            guard = consent_code.GuardAnalysis(prog, vocab)
            for node, names, target in _dynamic_uses(prog, hits):
                path = guard.judge(node)
                line = prog.parsed.position(node)[0]
                calls.setdefault(target, {}).setdefault(names, []).append(_Call(f.display, line, path.status, path.evidence))
            if not prog.imports:
                continue
            for local, imp in prog.imports.items():
                imported = hits.get(imp.package)
                if imported is None:
                    continue
                for node, names in _uses(prog, local, imp):
                    path = guard.judge(node)
                    line = prog.parsed.position(node)[0]
                    calls.setdefault(imported, {}).setdefault(names, []).append(_Call(f.display, line, path.status, path.evidence))
    _link_modules(open_sites, code, calls, vocab, max_bytes)
    changed: dict[tuple[str, int, int, str], Verdict] = {}
    for d in open_sites:
        found = [c for names, cs in calls.get(d.location.path, {}).items() if names & set(d.verdict.entry) for c in cs]
        verdict = _combine(found)
        if verdict is not None:
            changed[site_key(d)] = verdict
    return changed


def _uses(prog: jsfacts.Program, local: str, imp: jsfacts.Import) -> list[tuple[Node, frozenset[str]]]:
    """Calls of an imported binding (``init()``, ``ns.init()``) and places it is passed on as a
    callback (``useEffect(init, [])``), each with the export names it may reach: the references of
    the import's binding, in scope (a local of the same name elsewhere is another binding)."""
    binding = prog.scopes.declares(prog.parsed.root, local)
    if binding is None or binding.kind != "import":
        return []
    whole = frozenset({imp.imported or "default"})
    out = []
    for ref in prog.scopes.references(binding):
        ident, parent = ref[-1], ref[-2]
        grand = ref[-3] if len(ref) >= 3 else None
        if parent.type in ("call_expression", "new_expression") and prog.callee(parent) == ident:
            prog.remember(ref[:-1])
            out.append((parent, whole))
        elif (
            parent.type == "member_expression"
            and imp.imported is None
            and grand is not None
            and grand.type == "call_expression"
            and prog.callee(grand) == parent
            and (accessed := parent.child_by_field_name("property")) is not None
        ):
            prog.remember(ref[:-2])
            out.append((grand, frozenset({prog.text(accessed)})))
        elif parent.type == "arguments" and grand is not None and grand.type in ("call_expression", "new_expression"):
            prog.remember(ref[:-2])
            out.append((grand, whole))
    return out


_WRAPPERS = ("parenthesized_expression", "await_expression")


def _dynamic_uses(prog: jsfacts.Program, hits: dict[str, str]) -> list[tuple[Node, frozenset[str], str]]:
    """Calls of a module's exports reached through ``import()``: ``import(x).then(m => m.start())``,
    ``import(x).then(({start}) => start())``, ``const {start: e} = await import(x); e()`` and
    ``const m = await import(x); m.start()``, each with the export name and the imported file."""
    out: list[tuple[Node, frozenset[str], str]] = []
    for m in links.DYNAMIC_IMPORT.finditer(prog.parsed.source.data):
        target = hits.get(m.group(1).decode("utf-8", "replace"))
        if target is None:
            continue
        chain = prog.tree.path(m.start(), m.end())
        at = next(
            (i for i in range(len(chain) - 1, -1, -1) if chain[i].type == "call_expression" and chain[i].start_byte == m.start()), None
        )
        if at is None:
            continue
        out += [(node, names, target) for node, names in _holder_calls(prog, _module_holder(prog, chain[: at + 1]))]
    return out


def _holder_calls(prog: jsfacts.Program, holder: Node | tuple[Node, frozenset[str]] | None) -> list[tuple[Node, frozenset[str]]]:
    if isinstance(holder, tuple):  # m.start() on the spot
        return [holder]
    return _module_calls(prog, holder) if holder is not None else []


def _module_calls(prog: jsfacts.Program, holder: Node) -> list[tuple[Node, frozenset[str]]]:
    """Calls through a binding of an imported module: ``m.name(…)`` on a namespace, or ``e(…)`` of a
    name destructured from it (``{name: e}``, ``{name}``)."""
    out: list[tuple[Node, frozenset[str]]] = []
    if holder.type == "identifier":
        binding = prog.lookup(holder)
        for ref in prog.scopes.references(binding) if binding is not None else []:
            if len(ref) < 3:
                continue
            parent, grand = ref[-2], ref[-3]
            if (
                parent.type == "member_expression"
                and grand.type == "call_expression"
                and prog.callee(grand) == parent
                and (accessed := parent.child_by_field_name("property")) is not None
            ):
                prog.remember(ref[:-2])
                out.append((grand, frozenset({prog.text(accessed)})))
        return out
    if holder.type != "object_pattern":
        return out
    for prop in holder.named_children:
        if prop.type == "shorthand_property_identifier_pattern":
            key, local = prog.text(prop), prop
        elif prop.type == "pair_pattern" and (value := prop.child_by_field_name("value")) is not None and value.type == "identifier":
            key, local = prog.key_of(prop), value
        else:
            continue
        binding = prog.lookup(local)
        for ref in prog.scopes.references(binding) if binding is not None else []:
            if len(ref) < 2:
                continue
            parent = ref[-2]
            if parent.type == "call_expression" and prog.callee(parent) == ref[-1]:
                prog.remember(ref[:-1])
                out.append((parent, frozenset({key})))
    return out


def _link_modules(open_sites: list[Detection], code: list[SourceFile], calls: dict, vocab, max_bytes: int) -> None:
    """Exports of bundled modules (entry ``module:<id>``) called from other chunks by module id:
    webpack's ``n.e(237).then(n.bind(n, 536)).then(m => m.default())``, ``n(536).start()``,
    Turbopack's ``e.i(536)``. Only files that hold one of the ids in a call are parsed."""
    wanted: dict[str, set[str]] = {}
    for d in open_sites:
        for name in d.verdict.entry:
            if name.startswith(bundler_exports.MODULE_PREFIX):
                wanted.setdefault(name.removeprefix(bundler_exports.MODULE_PREFIX), set()).add(d.location.path)
    if not wanted:
        return
    needle = _IdArguments(sorted(wanted))
    for f in code:
        data = reading.read_bytes(f.path, f.display, max_bytes)
        if not isinstance(data, bytes) or not needle.search(data):
            continue
        prog = jsfacts.Program(jsparse.parse(jsparse.JsSource(reading.decode(data).text, 1, 1, jsparse.dialect_for(f.display))))
        guard = consent_code.GuardAnalysis(prog, vocab)
        for module, node, names in _required_uses(prog, needle):
            for target in wanted.get(module, ()):
                if target == f.display:
                    continue
                path = guard.judge(node)
                line = prog.parsed.position(node)[0]
                calls.setdefault(target, {}).setdefault(names, []).append(_Call(f.display, line, path.status, path.evidence))


_REQUIRE_PROPS = ("i", "r", "A")  # Turbopack's module import / require / async import on its context


class _IdArguments:
    """Where one of ``ids`` stands as a call's argument in the bytes (what ``[(,]\\s*(ids)\\s*\\)``
    matches): the ids found by one multi-string search, the text around each checked after. The
    regex, whose first byte is a ``(`` or ``,`` anywhere in a minified bundle, tried a match at
    each of them. Yields (start, end) of each id so placed."""

    _AFTER = re.compile(rb"\s*\)")
    _SPACE = b" \t\r\n\f\v"

    def __init__(self, ids: list[str]) -> None:
        self.ids = [i.encode() for i in ids]
        self._finder = ahocorasick_rs.BytesAhoCorasick(self.ids, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def finditer(self, data: bytes) -> Iterator[tuple[int, int]]:
        after = self._AFTER.match
        for _i, start, end in self._finder.find_matches_as_indexes(data, overlapping=False):
            before = len(data[:start].rstrip(self._SPACE)) if start and data[start - 1] in self._SPACE else start
            if before and data[before - 1] in b"(," and after(data, end) is not None:
                yield start, end

    def search(self, data: bytes) -> bool:
        return next(self.finditer(data), None) is not None


def _required_uses(prog: jsfacts.Program, needle: _IdArguments) -> list[tuple[str, Node, frozenset[str]]]:
    """(module id, call, export names) for calls of a bundled module's exports, from each place the
    module is required by id."""
    out: list[tuple[str, Node, frozenset[str]]] = []
    for start, end in needle.finditer(prog.parsed.source.data):
        chain = prog.tree.path(start, end)
        if len(chain) < 3 or chain[-1].type != "number" or chain[-2].type != "arguments":
            continue
        call = chain[-3]
        callee = prog.callee(call)
        if callee is None:
            continue
        args = [a for a in chain[-2].named_children if a.type != "comment"]
        path = prog.path(callee)
        holder: Node | tuple[Node, frozenset[str]] | None
        if path.endswith(".bind") and len(args) == 2:  # n.bind(n, 536): a require handed to .then()
            holder = _then_result(prog, chain[:-2])
        elif len(args) == 1 and (callee.type == "identifier" or path.rsplit(".", 1)[-1] in _REQUIRE_PROPS):
            holder = _module_holder(prog, chain[:-2])
        else:
            continue
        module = prog.parsed.source.data[start:end].decode()
        out += [(module, node, names) for node, names in _holder_calls(prog, holder)]
    return out


def _module_holder(prog: jsfacts.Program, chain: list[Node]) -> Node | tuple[Node, frozenset[str]] | None:
    """Where a module object (``import(x)``, a bundler's ``n(536)``, at the end of ``chain``) goes: a
    binding (``const m = await import(x)``), a ``.then`` callback's parameter, a member call on the
    spot (``n(536).start()``), or the next ``.then`` callback when it is returned from one."""
    i = len(chain) - 2
    while i >= 0 and chain[i].type in _WRAPPERS:
        i -= 1
    parent = chain[i] if i >= 0 else None
    if parent is None:
        return None
    if parent.type == "variable_declarator":
        return parent.child_by_field_name("name")
    if parent.type == "member_expression" and i >= 1 and chain[i - 1].type == "call_expression" and prog.callee(chain[i - 1]) == parent:
        prop = parent.child_by_field_name("property")
        if prop is None:
            return None
        if prog.text(prop) == "then":  # import(x).then(m => …): the callback's parameter
            return _callback_parameter(prog, chain[i - 1])
        return (chain[i - 1], frozenset({prog.text(prop)}))
    if parent.type == "arrow_function" and parent.child_by_field_name("body") == chain[i + 1]:
        return _then_result(prog, chain[: i + 1])
    return None


def _then_result(prog: jsfacts.Program, chain: list[Node]) -> Node | None:
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
    return _callback_parameter(prog, grand)


def _callback_parameter(prog: jsfacts.Program, then_call: Node) -> Node | None:
    """``p.then(cb)``: the first parameter of ``cb`` (the resolved module)."""
    args = [a for a in (then_call.child_by_field_name("arguments") or then_call).named_children if a.type != "comment"]
    if not args or args[0].type not in ("arrow_function", "function_expression", "function"):
        return None
    return _first_parameter(args[0])


def _first_parameter(fn: Node) -> Node | None:
    """A function's first parameter as written (an identifier or a destructuring pattern)."""
    single = fn.child_by_field_name("parameter")  # x => …
    if single is not None:
        return single
    params = fn.child_by_field_name("parameters")
    first = next((p for p in params.named_children if p.type != "comment"), None) if params is not None else None
    if first is not None and first.type in ("required_parameter", "optional_parameter"):  # TypeScript
        first = first.child_by_field_name("pattern")
    if first is not None and first.type == "assignment_pattern":
        first = first.child_by_field_name("left")
    return first


def _combine(found: list[_Call]) -> Verdict | None:
    if not found:
        return None
    where = lambda c: f"{c.path}:{c.line}"  # noqa: E731
    ungated = [c for c in found if c.status is Status.UNGATED]
    if ungated:
        c = ungated[0]
        more = f" ({len(ungated)} of {len(found)} callers ungated)" if len(found) > 1 else ""
        return Verdict(
            status=Status.UNGATED, mechanism=Mechanism.NO_CONSENT_CHECK, evidence=f"exported, and called at {where(c)}{more}: {c.evidence}"
        )
    if all(c.status is Status.GATED for c in found):
        return Verdict(
            status=Status.GATED,
            mechanism=Mechanism.CODE_GUARD,
            evidence=f"exported, and every caller is gated ({', '.join(where(c) for c in found)}): {found[0].evidence}",
        )
    c = next(c for c in found if c.status is Status.UNVERIFIABLE)
    return Verdict(
        status=Status.UNVERIFIABLE, mechanism=Mechanism.CODE_UNRESOLVED, evidence=f"exported, and called at {where(c)}: {c.evidence}"
    )
