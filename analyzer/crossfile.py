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
from dataclasses import dataclass

from tree_sitter import Node

from analyzer import consent_code, jsfacts, jsparse, reading, sfc
from analyzer.discover import SourceFile, app_root
from analyzer.model import Detection, Status, Verdict, site_key
from analyzer.signatures import SignatureDB

_SPECIFIER = re.compile(rb"""(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s*)["'`]([^"'`$\n]+)["'`]""")
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


def specifiers(data: bytes) -> tuple[str, ...]:
    """The module specifiers a code file imports or requires (collected while the file is read)."""
    return tuple(dict.fromkeys(m.group(1).decode("utf-8", "replace") for m in _SPECIFIER.finditer(data)))


def link(
    detections: list[Detection], files: list[SourceFile], imports: dict[str, tuple[str, ...]], db: SignatureDB, max_bytes: int
) -> dict[tuple[str, int, int, str], Verdict]:
    """New verdicts for exported starts whose callers were found in other scanned files.
    ``imports`` holds each code file's specifiers: only the importers of an open start are read again."""
    code = [f for f in files if f.kind in ("js", "ts", "sfc")]
    open_sites = [d for d in detections if d.verdict.status is Status.UNVERIFIABLE and d.verdict.entry]
    if not open_sites or not code:
        return {}
    targets = {os.path.normpath(os.path.abspath(f.path)): f.display for f in code}
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
                target = hits.get(imp.package)
                if target is None:
                    continue
                for node, names in _uses(prog, local, imp):
                    path = guard.judge(node)
                    line = prog.parsed.position(node)[0]
                    calls.setdefault(target, {}).setdefault(names, []).append(_Call(f.display, line, path.status, path.evidence))
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
        elif parent.type == "member_expression" and imp.imported is None and grand is not None and grand.type == "call_expression" and prog.callee(grand) == parent:
            prog.remember(ref[:-2])
            out.append((grand, frozenset({prog.text(parent.child_by_field_name("property"))})))
        elif parent.type == "arguments" and grand is not None and grand.type in ("call_expression", "new_expression"):
            prog.remember(ref[:-2])
            out.append((grand, whole))
    return out


_DYNAMIC = re.compile(rb"""\bimport\s*\(\s*["'`]([^"'`$\n]+)["'`]\s*\)""")
_WRAPPERS = ("parenthesized_expression", "await_expression")


def _dynamic_uses(prog: jsfacts.Program, hits: dict[str, str]) -> list[tuple[Node, frozenset[str], str]]:
    """Calls of a module's exports reached through ``import()``: ``import(x).then(m => m.start())``,
    ``import(x).then(({start}) => start())``, ``const {start: e} = await import(x); e()`` and
    ``const m = await import(x); m.start()``, each with the export name and the imported file."""
    out: list[tuple[Node, frozenset[str], str]] = []
    for m in _DYNAMIC.finditer(prog.parsed.source.data):
        target = hits.get(m.group(1).decode("utf-8", "replace"))
        if target is None:
            continue
        chain = prog.tree.path(m.start(), m.end())
        at = next((i for i in range(len(chain) - 1, -1, -1) if chain[i].type == "call_expression" and chain[i].start_byte == m.start()), None)
        if at is None:
            continue
        i = at - 1
        while i >= 0 and chain[i].type in _WRAPPERS:
            i -= 1
        parent = chain[i] if i >= 0 else None
        holder = None  # the pattern or identifier the module object is bound to
        if parent is not None and parent.type == "member_expression" and i >= 1 and chain[i - 1].type == "call_expression":
            prop = parent.child_by_field_name("property")
            args = [a for a in (chain[i - 1].child_by_field_name("arguments") or chain[i - 1]).named_children if a.type != "comment"]
            if prop is not None and prog.text(prop) == "then" and args and args[0].type in ("arrow_function", "function_expression", "function"):
                params = prog.scopes._parameter_names(args[0])
                holder = params[0] if params else None
        elif parent is not None and parent.type == "variable_declarator" and parent.child_by_field_name("value") is not None:
            holder = parent.child_by_field_name("name")
        if holder is None:
            continue
        for node, names in _module_calls(prog, holder):
            out.append((node, names, target))
    return out


def _module_calls(prog: jsfacts.Program, holder: Node) -> list[tuple[Node, frozenset[str]]]:
    """Calls through a binding of an imported module: ``m.name(…)`` on a namespace, or ``e(…)`` of a
    name destructured from it (``{name: e}``, ``{name}``)."""
    out: list[tuple[Node, frozenset[str]]] = []
    if holder.type == "identifier":
        binding = prog.lookup(holder)
        for ref in prog.scopes.references(binding) if binding is not None else []:
            parent, grand = (ref[-2], ref[-3]) if len(ref) >= 3 else (None, None)
            if parent is not None and parent.type == "member_expression" and grand.type == "call_expression" and prog.callee(grand) == parent:
                prog.remember(ref[:-2])
                out.append((grand, frozenset({prog.text(parent.child_by_field_name("property"))})))
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
            parent = ref[-2] if len(ref) >= 2 else None
            if parent is not None and parent.type == "call_expression" and prog.callee(parent) == ref[-1]:
                prog.remember(ref[:-1])
                out.append((parent, frozenset({key})))
    return out


def _combine(found: list[_Call]) -> Verdict | None:
    if not found:
        return None
    where = lambda c: f"{c.path}:{c.line}"  # noqa: E731
    ungated = [c for c in found if c.status is Status.UNGATED]
    if ungated:
        c = ungated[0]
        more = f" ({len(ungated)} of {len(found)} callers ungated)" if len(found) > 1 else ""
        return Verdict(status=Status.UNGATED, mechanism="no-consent-check", evidence=f"exported, and called at {where(c)}{more}: {c.evidence}")
    if all(c.status is Status.GATED for c in found):
        return Verdict(status=Status.GATED, mechanism="code-guard", evidence=f"exported, and every caller is gated ({', '.join(where(c) for c in found)}): {found[0].evidence}")
    c = next(c for c in found if c.status is Status.UNVERIFIABLE)
    return Verdict(status=Status.UNVERIFIABLE, mechanism="code-unresolved", evidence=f"exported, and called at {where(c)}: {c.evidence}")
