"""After the scan: follow an exported recorder start into the files that import and call it.

A start inside an exported function (``export function initHotjar() { hotjar.initialize(…) }``)
is ``unverifiable`` in its own file: its callers are elsewhere. Here the scanned code files that
import that module (relative paths, the ``compilerOptions.paths`` aliases of the app's tsconfig /
jsconfig, and the ``@/`` / ``~/`` defaults of Next.js and Nuxt) are parsed, and every way the export
reaches them (``module_uses``: static imports, ``require()``, ``import()``, aliases, callbacks such
as ``useEffect(initHotjar, [])``) is judged with the same guard analysis. A module that re-exports
it (a barrel's ``export * from './hotjar'``, ``export {initHotjar as start} from``, an imported
binding exported again, ``module.exports = require(…)``) holds it in turn, and its importers are
read in the next round, to a depth of ``_MAX_DEPTH`` modules (cycles end where an export was seen
before). A use whose calls cannot be followed (put in an array, set on a global, handed to code the
file does not show) is a caller that cannot be judged. Every caller gated: gated. One caller
ungated: ungated. Otherwise it stays unverifiable, with the callers named. A caller that is itself
an exported function stays open (one level of calls is followed).
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
from analyzer.parse import bundler_exports, jsfacts, jsparse, reading, sfc
from analyzer.parse.budget import BudgetExhausted
from analyzer.read.discover import SourceFile, app_root
from analyzer.resolve import module_uses
from analyzer.signatures import SignatureDB

_EXTENSIONS = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte")


@dataclass(frozen=True)
class _Call:
    path: str  # the importer's display path
    line: int
    status: Status
    evidence: str
    how: str = "called"  # called | handed on (a use whose calls are not followed) | re-exported


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


def resolve_import(importer: SourceFile, spec: str, targets: dict[str, str]) -> str | None:
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
    ``imports`` holds each code file's specifiers: only the importers of an open start (and of the
    modules that re-export it) are read again."""
    code = [f for f in files if f.kind in ("js", "ts", "sfc")]
    open_sites = [d for d in detections if d.verdict.status is Status.UNVERIFIABLE and d.verdict.entry]
    if not open_sites or not code:
        return {}
    targets = {f.real: f.display for f in code}
    resolved: dict[str, dict[str, str]] = {}
    importers: dict[str, list[SourceFile]] = {}
    for f in code:
        specs = {spec: t for spec in imports.get(f.display, ()) if (t := resolve_import(f, spec, targets)) is not None and t != f.display}
        resolved[f.display] = specs
        for t in dict.fromkeys(specs.values()):
            importers.setdefault(t, []).append(f)
    calls: dict[str, dict[frozenset[str], list[_Call]]] = {}
    vocab = consent_code.vocabulary(db)
    seeds = [
        module_uses.Held(d.location.path, name, (), d.location.path, name)
        for d in open_sites
        for name in d.verdict.entry
        if ":" not in name  # module:<id> and global:<name> entries are followed elsewhere
    ]
    _follow(seeds, importers, resolved, calls, vocab, max_bytes)
    _link_modules(open_sites, code, calls, vocab, max_bytes)
    changed: dict[tuple[str, int, int, str], Verdict] = {}
    for d in open_sites:
        found = [c for names, cs in calls.get(d.location.path, {}).items() if names & set(d.verdict.entry) for c in cs]
        verdict = _combine(found)
        if verdict is not None:
            changed[site_key(d)] = verdict
    return changed


# How far re-exports are followed: modules deep (a barrel of barrels is two), and held exports in all.
_MAX_DEPTH = 8
_MAX_HELD = 512


def _follow(
    seeds: list[module_uses.Held],
    importers: dict[str, list[SourceFile]],
    resolved: dict[str, dict[str, str]],
    calls: dict[str, dict[frozenset[str], list[_Call]]],
    vocab: consent_code.ConsentVocabulary,
    max_bytes: int,
) -> None:
    """Judge every use of the held exports in the files that import their modules, one round per
    level of re-exports (``export * from``, ``export {x} from``, an imported binding exported
    again): a re-export holds the start in the re-exporting module, whose importers the next round
    reads. Cycles end where a held export was seen before; past the depth or count limit, the
    start is left with a caller that could not be judged."""
    seen: set[module_uses.Held] = set(seeds)
    pending: dict[str, list[module_uses.Held]] = {}
    for h in seeds:
        pending.setdefault(h.module, []).append(h)
    judged: set[tuple[str, str, str, int, int, int]] = set()
    for _depth in range(_MAX_DEPTH):
        if not pending:
            return
        level, pending = pending, {}
        readers = dict.fromkeys(f for m in level for f in importers.get(m, ()))
        for f in readers:
            modules = {spec: t for spec, t in resolved[f.display].items() if t in level}
            for prog, guard in _programs(f, vocab, max_bytes):
                try:
                    found = module_uses.reached(prog, guard.flow, modules, level)
                except BudgetExhausted:
                    for h in (h for t in set(modules.values()) for h in level[t]):
                        _record(calls, h, _Call(f.display, 1, Status.UNVERIFIABLE, _TOO_LARGE, "imported"))
                    continue
                for r in found:
                    line = prog.parsed.position(r.node)[0]
                    if r.kind == "export":
                        h = module_uses.Held(f.display, r.name, r.props, r.held.origin, r.held.entry, f"{f.display}:{line}")
                        if h not in seen and len(seen) < _MAX_HELD:
                            seen.add(h)
                            pending.setdefault(f.display, []).append(h)
                        elif h not in seen:
                            _record(calls, r.held, _Call(f.display, line, Status.UNVERIFIABLE, _TOO_MANY, "re-exported"))
                        continue
                    key = (r.held.origin, r.held.entry, f.display, line, r.node.start_byte, r.node.end_byte)
                    if key in judged:
                        continue  # the same use reached twice (a module imported two ways)
                    judged.add(key)
                    if r.kind == "run":
                        path = guard.judge(r.node)
                        _record(calls, r.held, _Call(f.display, line, path.status, path.evidence))
                    else:
                        _record(calls, r.held, _Call(f.display, line, Status.UNVERIFIABLE, r.how, "handed on"))
    for module, held in pending.items():
        for h in held if importers.get(module) else ():
            where, _, at = h.via.rpartition(":")
            _record(calls, h, _Call(where, int(at or 0), Status.UNVERIFIABLE, _TOO_DEEP, "re-exported"))


_TOO_LARGE = "the importer is too large or too convoluted to follow (analysis budget exhausted)"
_TOO_MANY = f"it is re-exported through more than {_MAX_HELD} names; the rest are not followed"
_TOO_DEEP = f"it is re-exported through more than {_MAX_DEPTH} modules; the importers further on are not read"


def _record(calls: dict[str, dict[frozenset[str], list[_Call]]], h: module_uses.Held, call: _Call) -> None:
    calls.setdefault(h.origin, {}).setdefault(frozenset({h.entry}), []).append(call)


def _programs(
    f: SourceFile, vocab: consent_code.ConsentVocabulary, max_bytes: int
) -> Iterator[tuple[jsfacts.Program, consent_code.GuardAnalysis]]:
    """The file's script pieces, parsed, each with its guard analysis (built when first asked)."""
    data = reading.read_bytes(f.path, f.display, max_bytes)
    if not isinstance(data, bytes):
        return
    text = reading.decode(data).text
    pieces = sfc.script_blocks(text, f.display) if f.kind == "sfc" else [jsparse.JsSource(text, 1, 1, jsparse.dialect_for(f.display))]
    for piece in pieces:
        prog = jsfacts.Program(jsparse.parse(piece))
        yield prog, consent_code.GuardAnalysis(prog, vocab)


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
            holder = module_uses.then_result(prog, chain[:-2])
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
    while i >= 0 and chain[i].type in module_uses.WRAPPERS:
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
            return module_uses.callback_parameter(prog, chain[i - 1])
        return (chain[i - 1], frozenset({prog.text(prop)}))
    if parent.type == "arrow_function" and parent.child_by_field_name("body") == chain[i + 1]:
        return module_uses.then_result(prog, chain[: i + 1])
    return None


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
        status=Status.UNVERIFIABLE, mechanism=Mechanism.CODE_UNRESOLVED, evidence=f"exported, and {c.how} at {where(c)}: {c.evidence}"
    )
