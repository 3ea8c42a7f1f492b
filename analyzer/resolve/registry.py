"""After the scan: consent checks called through a bundler's module registry, read where the module is.

webpack hands a module to another by id: ``var r = n(7587); … r.Sc('analytics') && start()``. The
module's factory (``7587(e, t, n) {…}``) is often in another chunk (``splitChunks`` puts the consent
library in a vendor chunk), and webpack renames its exports (``n.d(t, {Sc: () => _e})`` or
``n.d(t, ["Sc", 0, _e])``), so the read stage cannot tell what ``r.Sc`` asks: the start stays
``unverifiable`` and its verdict lists the open check (``Verdict.registry``: ``"7587:Sc"``).
Turbopack (Next.js) does the same with ``var r = e.i(7587)``, its registry an array of ids and
factories (``[script, 7587, e => {…}]``) and its exports listed by ``e.s(["Sc", 0, _e])``.

Here the scanned chunks that define one of those module ids are parsed, the export's definition is
read, and the function it names is compared with the consent libraries' renamed APIs (``[js]
bundled_api``: a function known by its body). When at least one open check is such an API, the
start's file is read again and the start judged once more, with those calls read as the API
(``acceptedCategory('analytics')``): the same guard analysis decides, so a negated or misplaced
check gates nothing. An export that is something else leaves the verdict unverifiable, with what
was found named in its evidence.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from tree_sitter import Node

from analyzer.consent import consent_code
from analyzer.facts import jsdetect
from analyzer.facts.records import RegistryStart
from analyzer.kinds import Via
from analyzer.model import Detection, Status, Verdict, site_key
from analyzer.parse import bundler_exports, jsexpr, jsfacts, jsparse, reading, sourcemap
from analyzer.parse.jsfacts import FUNCTION_TYPES
from analyzer.read.discover import SourceFile
from analyzer.signatures import SignatureDB, Vendor

SiteKey = tuple[str, int, int, str]


@dataclass(frozen=True)
class _Export:
    """An export of a bundled module as its chunk defines it: the CMP API its function is, if any."""

    where: str  # "dist/js/593.js"
    described: str  # what the export is, for evidence ("the function _e", "a value")
    api: consent_code.RegistryApi | None


def code_files(files: list[SourceFile], max_bytes: int) -> Programs:
    """The scanned code files, each read and parsed once on demand, for both registry passes."""
    return Programs({f.display: f for f in files if f.kind in ("js", "ts")}, max_bytes)


def link(detections: list[Detection], programs: Programs, db: SignatureDB) -> dict[SiteKey, Verdict]:
    """New verdicts for starts whose open consent checks call an export of a bundled module that a
    scanned chunk defines."""
    code = programs.code
    open_sites = [d for d in detections if d.verdict.status is Status.UNVERIFIABLE and d.verdict.registry and d.location.path in code]
    if not open_sites:
        return {}
    vocab = consent_code.vocabulary(db)
    exports = _exports({c for d in open_sites for c in d.verdict.registry}, programs.modules, vocab)
    changed: dict[SiteKey, Verdict] = {}
    for d in open_sites:
        found = {c: exports[c] for c in d.verdict.registry if c in exports}
        resolved = {c: e.api for c, e in found.items() if e.api is not None}
        if resolved:
            verdict = _rejudge(d, programs, vocab, resolved)
            if verdict is not None:
                changed[site_key(d)] = verdict
                continue
        seen = [
            f"{_named(c)} is {e.api.cmp}'s {e.api.name} in {e.where}"
            if e.api is not None
            else f"{_named(c)} is {e.described} in {e.where}, not a consent manager's check"
            for c, e in found.items()
        ]
        if seen:
            changed[site_key(d)] = dataclasses.replace(d.verdict, evidence=f"{d.verdict.evidence} ({'; '.join(seen)})")
    return changed


def starts(opened: list[RegistryStart], programs: Programs, db: SignatureDB) -> list[Detection]:
    """The starts called through webpack's module registry that the module called confirms
    (``(0, r.Ts)('<api key>', {…})`` with ``r = n(676)``), read in the scanned chunks that define
    that module id. A start is kept when every definition holds the vendor's SDK code (its
    ``bundle_strings`` or ``core_strings``, in the module or the modules it requires) and, for a
    call of the export itself, the export is the SDK's init (``Rs = Os.init``); it is dropped when
    a definition provably holds none of the SDK's code (its requires all read). A start whose
    module no scanned chunk defines is kept only if the read stage says so (``keep``: a start
    shaped with the SDK's own option keys, as the split-chunk shapes always were)."""
    if not opened:
        return []
    modules = programs.modules
    out: list[Detection] = []
    for s in opened:
        vendor = db.vendors.get(s.detection.vendor)
        module, rest = s.export.split(":", 1)
        if module.startswith(bundler_exports.CHUNK_PREFIXES):  # an ES module chunk's import, not a module id
            where = _chunk_confirmed(programs, s.detection.location.path, module, rest, vendor) if vendor is not None else None
            if where:
                out.append(dataclasses.replace(s.detection, evidence=f"{s.detection.evidence} ({where})"))
            continue
        export, _, method = rest.partition(".")
        defs = modules.factories(module)
        if vendor is None or not defs:
            if s.keep:
                out.append(s.detection)
            continue
        marks = [modules.sdk_mark(d, vendor) for d in defs]
        if s.keep:
            if not all(m == "" for m in marks):  # "": provably none of the SDK's code
                out.append(s.detection)
            continue
        found = [_confirmed(d, export, method, vendor, m) for d, m in zip(defs, marks, strict=True)]
        if all(f is not None for f in found):
            where = "; ".join(dict.fromkeys(f for f in found if f))
            out.append(dataclasses.replace(s.detection, evidence=f"{s.detection.evidence} ({where})"))
    return out


def _confirmed(d: _Module, export: str, method: str, vendor: Vendor, mark: str | None) -> str | None:
    """What makes this definition of the module the vendor's SDK start, or None: it holds the SDK's
    code (``mark``) and defines the export; a call of the export itself (not of a method on it)
    needs the export to be the SDK's init (``Rs = Os.init``)."""
    if not mark:
        return None
    value = d.definitions.get(export)
    if value is None:
        return None
    if not method:
        init = _init_member(d.prog, value, jsdetect.init_methods(vendor))
        if init is None:
            return None
        return f"{export} of module {d.module} is {init} in {d.where}, which holds {vendor.name}'s SDK code ({mark!r})"
    return f"{export} of module {d.module} is defined in {d.where}, which holds {vendor.name}'s SDK code ({mark!r})"


def _chunk_confirmed(programs: Programs, importer: str, spec: str, path: str, vendor: Vendor) -> str | None:
    """What makes ``path`` (``e.clarity.init``) of the chunk that ``importer`` imports as ``spec``
    the vendor's start, or None: the chunk exports ``e`` (``export{c1 as e}``), the path's members
    are read through object literals (``c1 = {clarity: {init: Y0}}``) to a function, and that
    function, or one it calls in the chunk (a few calls deep), holds the vendor's code (its SDK
    strings, a snippet's strings, or its host in a string: react-microsoft-clarity's ``init``
    injects the Clarity tag). The chunk is read when it was scanned, or when it lies where the
    importer may read (the scanned folder: a file named on its own reads its folder's chunks, as
    it reads its source map)."""
    display = programs.chunk(importer, spec)
    prog = programs.program(display) if display is not None else None
    data = programs.data(display) if display is not None else None
    if prog is None or data is None:
        return None
    export, *members = path.split(".")
    value: Node | None = bundler_exports.chunk_exports(prog).get(export)
    for name in members:
        obj = _bound(prog, value)
        if obj is None or obj.type != "object":
            return None
        value = prog.pairs(obj).get(name)
    fn = _bound(prog, value)
    if fn is None or fn.type not in FUNCTION_TYPES:
        return None
    mark = _vendor_code(prog, data, fn, vendor, depth=3, seen=set())
    return f"{path} of {display} is a function that holds {vendor.name}'s code ({mark!r})" if mark else None


def _sdk_string(text: bytes, vendor: Vendor) -> str | None:
    """The first of the vendor's SDK strings (``bundle_strings``, then ``core_strings``) in ``text``."""
    return next((m for m in (*vendor.sdk.bundle_strings, *vendor.sdk.core_strings) if m.encode() in text), None)


def _bound(prog: jsfacts.Program, value: Node | None) -> Node | None:
    """A value with the identifiers it names followed to what they are bound to (a few steps)."""
    for _ in range(4):
        if value is None or value.type != "identifier":
            break
        binding = prog.lookup(value)
        if binding is None or binding.value is None or binding.kind not in ("var", "let", "const", "function"):
            return None
        value = binding.value
    return value


_CALLED = 32  # calls read in one function when following it to the vendor's code
_NODES = 4000  # nodes visited in one function looking for them


def _vendor_code(prog: jsfacts.Program, data: bytes, fn: Node, vendor: Vendor, depth: int, seen: set[int]) -> str | None:
    """One of the vendor's marks in the function (``bundle_strings``, ``core_strings``, every
    string of one of its snippets, its host in a URL), or in a function it calls by name in this
    chunk, ``depth`` calls deep."""
    seen.add(fn.id)
    text = data[fn.start_byte : fn.end_byte]
    mark = _sdk_string(text, vendor)
    if mark is None:
        mark = next(
            (
                " + ".join(group)
                for group, _note in vendor.snippets
                if group not in vendor.second_stage and all(g.encode() in text for g in group)
            ),
            None,
        )
    if mark is None and vendor.inline_hosts is not None:
        host = vendor.inline_hosts.search(text.decode("utf-8", "replace"))
        mark = host.group(0) if host else None
    if mark is not None or depth == 0:
        return mark
    calls = nodes = 0
    stack = [fn]
    while stack and calls < _CALLED and nodes < _NODES:
        node = stack.pop()
        nodes += 1
        if node.type == "call_expression":
            calls += 1
            callee = prog.callee(node)
            target = _bound(prog, callee) if callee is not None and callee.type == "identifier" else None
            if target is not None and target.type in FUNCTION_TYPES and target.id not in seen:
                found = _vendor_code(prog, data, target, vendor, depth - 1, seen)
                if found:
                    return found
        stack.extend(reversed(node.named_children))
    return None


def _init_member(prog: jsfacts.Program, value: Node, methods: set[str]) -> str | None:
    """``Os.init`` when the export's value is (a binding of) a member read of an init method."""
    for _ in range(3):
        if value.type == "identifier":
            binding = prog.lookup(value)
            if binding is None or binding.value is None:
                return None
            value = binding.value
            continue
        break
    if value.type != "member_expression":
        return None
    prop = value.child_by_field_name("property")
    return prog.text(value) if prop is not None and prog.text(prop) in methods else None


@dataclass
class _Module:
    """One definition of a bundled module: its factory in a scanned chunk."""

    module: str
    where: str
    prog: jsfacts.Program
    data: bytes
    factory: Node
    definitions: dict[str, Node]


# A key of a registry object, ``{7587(e, t, n) {…}`` or ``7587: function (e, t, n) {…}``: the id is group 1.
_MODULE_KEY = re.compile(rb"[{,]\s*[\"']?(\d+)[\"']?\s*[(:]")
# An id in Turbopack's registry array, before its factory: ``[script, 7587, e => {…}, 944, function (e) {…}]``.
_TURBOPACK_AFTER = rb"\s*,\s*(?:function\s*\(|\(?[\w$]+\)?\s*=>)"  # what follows the id: its factory
_TURBOPACK_KEY = re.compile(rb",\s*(\d+)" + _TURBOPACK_AFTER)
# Ids looked up one at a time (a search for the id's digits, a C prefix search) before every file is
# indexed for all ids at once: _MODULE_KEY tries a match at every comma of every chunk, and a scan
# asks for a few ids.
_ONE_BY_ONE = 8
_BLANKS = frozenset(b" \t\n\r\f\v")  # what \s matches in a bytes pattern


def _preceded(data: bytes, start: int, quotes: bool, before: bytes) -> bool:
    """Does the id starting at ``start`` stand where a key pattern wants it: not the end of a longer
    number, after an optional quote (object keys only), blanks, then one of ``before``?"""
    at = start - 1
    if at >= 0 and data[at] in b"0123456789":
        return False
    if quotes and at >= 0 and data[at] in b"\"'":
        at -= 1
    while at >= 0 and data[at] in _BLANKS:
        at -= 1
    return at >= 0 and data[at] in before


class _Modules:
    """Module factories by id across the scanned chunks, read on demand."""

    def __init__(self, code: dict[str, SourceFile], programs: Programs) -> None:
        self.code = code
        self.programs = programs
        self._found: dict[str, list[_Module]] = {}
        self._keys: dict[str, list[tuple[str, int, int]]] | None = None
        self._looked_up = 0

    def _keyed(self, module: str) -> list[tuple[str, int, int]]:
        """Where ``module`` is a key of a registry object: (file, start, end) of the id, in file order.
        The first few ids are searched for on their own; then every file is searched once, for all ids."""
        if self._keys is None and self._looked_up < _ONE_BY_ONE:
            self._looked_up += 1
            return self._one_key(module)
        if self._keys is None:
            self._keys = {}
            for display in sorted(self.code):
                data = self.programs.data(display)
                for pattern in (_MODULE_KEY, _TURBOPACK_KEY):
                    for m in pattern.finditer(data or b""):
                        self._keys.setdefault(m.group(1).decode(), []).append((display, m.start(1), m.end(1)))
        return self._keys.get(module, [])

    def _one_key(self, module: str) -> list[tuple[str, int, int]]:
        """What ``_MODULE_KEY`` and ``_TURBOPACK_KEY`` find for this one id, in the same order (per file,
        the object keys, then the array ids): its digits (a whole run of digits) followed by what each
        pattern wants after the id, preceded by what it wants before (checked backwards from the digits)."""
        if not (module.isascii() and module.isdigit()):
            return []
        digits = re.escape(module.encode())
        keyed = re.compile(digits + rb"[\"']?\s*[(:]")
        listed = re.compile(digits + _TURBOPACK_AFTER)
        out = []
        for display in sorted(self.code):
            data = self.programs.data(display) or b""
            for pattern, quotes, before in ((keyed, True, b"{,"), (listed, False, b",")):
                for m in pattern.finditer(data):
                    if _preceded(data, m.start(), quotes, before):
                        out.append((display, m.start(), m.start() + len(module)))
        return out

    def factories(self, module: str) -> list[_Module]:
        if module not in self._found:
            found: list[_Module] = []
            for display, start, end in self._keyed(module):
                prog, data = self.programs.program(display), self.programs.data(display)
                if prog is None or data is None:
                    continue
                factory = _factory(prog, start, end)
                if factory is not None:
                    found.append(_Module(module, display, prog, data, factory, _definitions(prog, factory)))
            self._found[module] = found
        return self._found[module]

    def sdk_mark(self, d: _Module, vendor: Vendor, depth: int = 3, seen: set[str] | None = None) -> str | None:
        """One of the vendor's SDK strings in the module or a module it requires (``n(629)``), a few
        requires deep; "" when none is there and every module required was found; None when one
        was not (nothing is proven)."""
        seen = seen if seen is not None else set()
        seen.add(d.module)
        text = d.data[d.factory.start_byte : d.factory.end_byte]
        mark = _sdk_string(text, vendor)
        if mark is not None:
            return mark
        params = _parameters(d.factory)
        if len(params) == 1:  # Turbopack's runtime: e.i(629), e.r(629), … (any of its calls taking an id may load one)
            required = re.findall(rb"(?<![\w$.])" + re.escape(params[0].encode()) + rb"\.[\w$]+\((\d+)\)", text)
        elif len(params) >= 3:
            required = re.findall(rb"(?<![\w$.])" + re.escape(params[2].encode()) + rb"\((\d+)\)", text)
        else:
            return ""  # a factory that takes no require function requires nothing
        unknown = False
        for req in dict.fromkeys(required):
            module = req.decode()
            if module in seen:
                continue
            if depth == 0:
                unknown = True
                continue
            defs = self.factories(module)
            if not defs:
                unknown = True
                continue
            for sub in defs:
                found = self.sdk_mark(sub, vendor, depth - 1, seen)
                if found:
                    return found
                unknown = unknown or found is None
        return None if unknown else ""


def _named(check: str) -> str:
    module, export = check.split(":", 1)
    return f"{export} of module {module}"


class Programs:
    """Each file parsed once, on demand."""

    def __init__(self, code: dict[str, SourceFile], max_bytes: int) -> None:
        self.code = code
        self.max_bytes = max_bytes
        self._bytes: dict[str, bytes | None] = {}
        self._parsed: dict[str, jsfacts.Program | None] = {}
        self._modules: _Modules | None = None
        self.extra: dict[str, SourceFile] = {}  # chunks read because a scanned chunk imports them (``chunk``)
        self._real: dict[str, tuple[str, ...]] | None = None

    def release(self) -> None:
        """Forget every file read and parsed (a large chunk's tree is ~90 MiB)."""
        self._bytes.clear()
        self._parsed.clear()
        self._modules = None

    @property
    def modules(self) -> _Modules:
        """The module factories by id across these files, one index shared by both registry passes."""
        if self._modules is None:
            self._modules = _Modules(self.code, self)
        return self._modules

    def data(self, display: str) -> bytes | None:
        """The file's decoded text as the parser sees it (UTF-8), so offsets found in it are the
        tree's: a BOM or another encoding in the file on disk does not shift them."""
        if display not in self._bytes:
            f = self.code.get(display) or self.extra[display]
            raw = reading.read_bytes(f.path, f.display, self.max_bytes)
            self._bytes[display] = reading.decode(raw).text.encode("utf-8", "surrogatepass") if isinstance(raw, bytes) else None
        return self._bytes[display]

    def chunk(self, importer: str, spec: str) -> str | None:
        """The display path of the ES module chunk ``importer`` imports as ``spec`` (``./vendor.js``):
        a scanned code file, else a file on disk inside the importer's boundary (its folder when it
        was named on its own), then read like a scanned one."""
        source = self.code.get(importer)
        if source is None:
            return None
        target = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(source.path)), spec))
        display = posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))
        for known in (display, *self._real_code().get(os.path.realpath(target), ())):
            if known in self.code:
                return known
        if source.boundary is not None and not sourcemap.inside(target, source.boundary):
            return None
        if not os.path.isfile(target):
            return None
        self.extra[display] = SourceFile(Path(target), display, "js", source.root, source.boundary)
        return display

    def _real_code(self) -> dict[str, tuple[str, ...]]:
        if self._real is None:
            real: dict[str, list[str]] = {}
            for display, f in self.code.items():
                real.setdefault(os.path.realpath(f.path), []).append(display)
            self._real = {k: tuple(v) for k, v in real.items()}
        return self._real

    def program(self, display: str) -> jsfacts.Program | None:
        """The file parsed (once), from the same text ``data`` holds."""
        if display not in self._parsed:
            # Decoded again from the UTF-8 copy rather than kept as text too: a dist's every chunk
            # held twice costs more memory than the second decode costs time.
            data = self.data(display)
            text = None if data is None else data.decode("utf-8", "surrogatepass")
            self._parsed[display] = (
                None if text is None else jsfacts.Program(jsparse.parse(jsparse.JsSource(text, 1, 1, jsparse.dialect_for(display))))
            )
        return self._parsed[display]


def _exports(wanted: set[str], modules: _Modules, vocab: consent_code.ConsentVocabulary) -> dict[str, _Export]:
    """``"7587:Sc"`` -> the export, for each wanted check whose module a scanned chunk defines
    (``_Modules.factories``): what the function its definition names is."""
    found: dict[str, list[_Export]] = {}
    for check in sorted(wanted):
        module, export = check.split(":", 1)
        for d in modules.factories(module):
            value = d.definitions.get(export)
            if value is None:
                continue
            fn = _function(d.prog, value)
            api = consent_code.bundled_api(d.prog, fn, vocab)
            found.setdefault(check, []).append(
                _Export(d.where, _describe(d.prog, value, fn), consent_code.RegistryApi(api[0], api[1], d.where) if api else None)
            )
    return {key: _agreed(defs) for key, defs in found.items()}


def _agreed(defs: list[_Export]) -> _Export:
    """One module id defined by several scanned chunks (two builds in one scan number their modules
    alike): it is read as an API only when every definition is that API."""
    apis = {(e.api.name, e.api.cmp) if e.api is not None else None for e in defs}
    if len(defs) == 1 or (len(apis) == 1 and None not in apis):
        return defs[0]
    where = ", ".join(e.where for e in defs[:3])
    return _Export(where, f"defined {len(defs)} times, not always as the same function", None)


def _factory(prog: jsfacts.Program, start: int, end: int) -> Node | None:
    """The module factory keyed by the id at [start, end) in a registry object, else None."""
    chain = prog.tree.path(start, end)
    key = chain[-1]
    if key.type == "string_fragment" and len(chain) >= 2:
        key = chain[-2]
    if key.type not in ("number", "string", "property_identifier") or len(chain) < 2:
        return None
    holder = key.parent
    if holder is None:
        return None
    if holder.type == "array" and key.type == "number":  # Turbopack: the factory follows its id
        fn: Node | None = key.next_named_sibling
    elif holder.type == "method_definition" and holder.child_by_field_name("name") == key:
        fn = holder
    elif holder.type == "pair" and holder.child_by_field_name("key") == key:
        fn = holder.child_by_field_name("value")
    else:
        return None
    if fn is None or fn.type not in FUNCTION_TYPES or not bundler_exports.module_factory(prog, fn):
        return None
    return fn


def _parameters(fn: Node) -> list[str]:
    single = fn.child_by_field_name("parameter")  # e => {…}: an arrow's one parameter, unparenthesised
    if single is not None and single.text is not None:
        return [single.text.decode()] if single.type == "identifier" else []
    params = fn.child_by_field_name("parameters")
    return [p.text.decode() for p in params.named_children if p.type == "identifier" and p.text is not None] if params is not None else []


def _definitions(prog: jsfacts.Program, factory: Node) -> dict[str, Node]:
    """webpack's export definitions in a module factory ``(module, exports, require)``, by export
    name: ``require.d(exports, {name: () => value})`` (a getter: its returned expression) and
    ``require.d(exports, ["name", 0, value, "other", getter])``, in the factory's own statements."""
    params = _parameters(factory)
    body = factory.child_by_field_name("body")
    if len(params) == 2 or not params or body is None:
        return {}
    turbopack = len(params) == 1  # e => {…; e.s(["Sc", 0, _e])}: Turbopack lists its exports
    exports, require = (params[0], params[0]) if turbopack else (params[1], params[2])
    out: dict[str, Node] = {}
    for stmt in body.named_children:
        if stmt.type == "if_statement":  # if (n.d(t, {A: () => By}), "undefined" == typeof window) {…}: folded by a minifier
            cond = stmt.child_by_field_name("condition")
            stack = [cond] if cond is not None else []
        elif stmt.type == "expression_statement":
            stack = list(stmt.named_children)
        else:
            continue
        while stack:
            expr = stack.pop()
            if expr.type in ("sequence_expression", "parenthesized_expression"):
                stack.extend(expr.named_children)
                continue
            if expr.type != "call_expression":
                continue
            callee = expr.child_by_field_name("function")
            args = prog.args(expr)
            if callee is None or callee.type != "member_expression":
                continue
            if turbopack:
                if prog.path(callee) == f"{exports}.s" and len(args) == 1 and args[0].type == "array":
                    out.update({k: v for k, v in _array_definitions(prog, args[0]).items() if k not in out})
                continue
            if prog.path(callee) != f"{require}.d" or len(args) != 2 or prog.text(args[0]) != exports:
                continue
            if args[1].type == "object":
                for pair in args[1].named_children:
                    value = pair.child_by_field_name("value") if pair.type == "pair" else None
                    returned = jsfacts.returned_expression(value)
                    if returned is not None:
                        out.setdefault(prog.key_of(pair), returned)
            elif args[1].type == "array":
                out.update({k: v for k, v in _array_definitions(prog, args[1]).items() if k not in out})
    return out


def _array_definitions(prog: jsfacts.Program, array: Node) -> dict[str, Node]:
    """``["name", 0, value, "other", getter]``: a name, then either 0 and the value or a getter."""
    items = [c for c in array.named_children if c.type != "comment"]
    out: dict[str, Node] = {}
    i = 0
    while i + 1 < len(items):
        name = prog.string_value(items[i])
        if name is None:
            break
        if items[i + 1].type == "number" and prog.text(items[i + 1]) == "0" and i + 2 < len(items):
            out.setdefault(name, items[i + 2])
            i += 3
        else:
            returned = jsfacts.returned_expression(items[i + 1])
            if returned is not None:
                out.setdefault(name, returned)
            i += 2
    return out


def _function(prog: jsfacts.Program, value: Node) -> Node | None:
    """The function an export's value is: written in place, or a binding of the factory that holds one."""
    if value.type in FUNCTION_TYPES:
        return value
    if value.type != "identifier":
        return None
    binding = prog.lookup(value)
    return binding.value if binding is not None and binding.value is not None and binding.value.type in FUNCTION_TYPES else None


def _describe(prog: jsfacts.Program, value: Node, fn: Node | None) -> str:
    if fn is None:
        return f"{prog.text(value)[:40]}, not a function"
    return f"the function {prog.text(value)}" if value.type == "identifier" else "a function"


def offset_at(data: bytes, line: int, column: int) -> int | None:
    """The byte offset of a 1-based line and (character) column, as ``JsSource.position`` counts them."""
    start = 0
    for _ in range(line - 1):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return None
    end = data.find(b"\n", start)
    text = data[start : end if end >= 0 else len(data)].decode("utf-8", "replace")
    return start + len(text[: column - 1].encode("utf-8")) if column - 1 <= len(text) else None


def _rejudge(
    d: Detection, programs: Programs, vocab: consent_code.ConsentVocabulary, resolved: dict[str, consent_code.RegistryApi]
) -> Verdict | None:
    """The start judged again with the resolved checks read as the APIs they are (see :func:`rejudged`)."""
    prog, data = programs.program(d.location.path), programs.data(d.location.path)
    if prog is None or data is None:
        return None
    judged = rejudged(d, prog, data, consent_code.GuardAnalysis(prog, vocab), consent_code.GuardAnalysis(prog, vocab, resolved))
    if judged is None or (judged[1].status is Status.UNVERIFIABLE and judged[1].evidence == judged[0].evidence):
        return None
    return judged[1]


def rejudged(
    d: Detection, prog: jsfacts.Program, data: bytes, plain: consent_code.GuardAnalysis, richer: consent_code.GuardAnalysis
) -> tuple[Verdict, Verdict] | None:
    """A start found again by its position and judged by ``richer`` (with checks a later pass resolved):
    the node taken is the one whose judgement by ``plain`` gives back the verdict the read stage gave
    (else None: the verdict stays). A release is judged from the branch of its argument that releases
    (``Detector._chosen_release``). Returns (that verdict again, the new one)."""
    offset = offset_at(data, d.location.line, d.location.column)
    if offset is None:
        return None
    hold = d.via == Via.RELEASE_CALL
    nodes = [
        n
        for n in reversed(prog.tree.path(offset))
        if n.start_byte == offset and n.is_named and not n.type.endswith(("statement", "declaration", "program"))
    ]
    if hold:
        for call in [n for n in nodes if n.type == "call_expression"]:
            branches = jsexpr.choices(prog.args(call)[0]) if prog.args(call) else []
            nodes += branches if len(branches) > 1 else []
    for node in nodes:
        before = consent_code.path_verdict(plain.judge(node), hold)
        if before.evidence == d.verdict.evidence and before.status is d.verdict.status:
            return before, consent_code.path_verdict(richer.judge(node), hold)
    return None
