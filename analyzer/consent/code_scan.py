"""Analyse pieces of JavaScript (a file, an SFC's script blocks, a page's inline scripts).

Parses each piece with tree-sitter, finds recorder starts with ``jsdetect`` and judges each with
``consent_code``. A piece that fails to parse still gets its findings (tree-sitter recovers) plus a
``js-parse-error`` diagnostic, so a broken file never hides a recorder.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.consent import consent_code, import_gates
from analyzer.facts import jsdetect
from analyzer.facts.detect import CodeSpot
from analyzer.kinds import Mechanism, Via
from analyzer.model import Diagnostic, Status, Verdict
from analyzer.parse import jsfacts, jsparse, templates
from analyzer.parse.budget import BudgetExhausted
from analyzer.parse.jsparse import JsSource
from analyzer.parse.sourcemap import SourceMap
from analyzer.signatures import EntryExport, SignatureDB, Vendor


@dataclass(frozen=True)
class CodeStart:
    """A recorder started in a piece of code, with its first-pass consent verdict."""

    vendor: Vendor
    spot: CodeSpot
    via: Via
    evidence: str
    verdict: Verdict
    piece: int  # which JsSource it came from
    original: str | None = None  # "src/main.js:13" through the source map
    registry: str | None = None  # called through webpack's module registry ("676:Ts"): open until resolve reads the module
    registry_keep: bool = False  # kept when no scanned chunk defines that module


@dataclass(frozen=True)
class CodeInactive:
    """A recorder SDK present in a piece of code but not recording: imported and never started,
    or started with options that turn replay off (``replay_off``)."""

    vendor: Vendor
    spot: CodeSpot
    evidence: str
    piece: int
    replay_off: bool = False
    placeholder: bool = False  # started with an id left as the docs wrote it


@dataclass(frozen=True)
class CodePii:
    """An identify-style call that sends personal data of these field categories to a recorder."""

    vendor: Vendor
    spot: CodeSpot
    evidence: str
    piece: int
    categories: tuple[str, ...]


@dataclass
class CodeScan:
    """What the pieces of one file hold: starts, inactive SDKs and personal data pushed."""

    starts: list[CodeStart] = field(default_factory=list)
    inactive: list[CodeInactive] = field(default_factory=list)
    pii: list[CodePii] = field(default_factory=list)
    imports: tuple[import_gates.DynamicImport, ...] | None = None  # a whole file's import() calls, judged (None: not judged)


def _in_node_modules(original) -> bool:
    return original is not None and "node_modules" in original.path.replace("\\", "/").split("/")


def _mapped(parsed: jsparse.Parsed, srcmap: SourceMap, node):
    """The original position of ``node``; for a call whose own position maps into a package (a
    minifier inlined the SDK function being called), the position of its first argument, which
    the app wrote (``init({dsn: …})``)."""
    original = srcmap.lookup(*parsed.position(node))
    if _in_node_modules(original) and node.type in ("call_expression", "new_expression"):
        args = node.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if first is not None:
            inner = srcmap.lookup(*parsed.position(first))
            if inner is not None and not _in_node_modules(inner):
                return inner
    return original


def _sdk_predicate(parsed: jsparse.Parsed, srcmap: SourceMap):
    def in_sdk(node) -> bool:
        return _in_node_modules(_mapped(parsed, srcmap, node))

    return in_sdk


def _script_props(site: jsdetect.CodeSite, db: SignatureDB) -> Verdict | None:
    """Script-tag props (next/script, head configuration). strategy="worker" makes any type text/partytown (no gate); an inert
    type with a CMP category is injected after hydration and runs only if the CMP activates
    nodes added later (Cookiebot.runScripts, mutation observers): not provable statically. A head
    entry is rendered into the built pages, where the markup verdict applies if the CMP loads."""
    if site.via == Via.GTM_TAG:
        return Verdict(
            status=Status.UNVERIFIABLE,
            mechanism=Mechanism.GTM_TEMPLATE_FILE,
            evidence="a tag of a built Tag Manager container: the container's triggers and consent settings decide when it fires",
        )
    held = dict(site.props).get("held")
    if site.via == Via.MARKUP_STRING and held:
        return Verdict(
            status=Status.UNVERIFIABLE,
            mechanism=Mechanism.HELD_AS_DATA,
            evidence=f"the tag is held as markup in '{held}'; whether the code that inserts it (a tag manager's triggers, a template) "
            "waits for consent is decided there",
        )
    if site.via == Via.MARKUP_STRING:
        return Verdict(
            status=Status.UNVERIFIABLE,
            mechanism=Mechanism.INJECTED_ELSEWHERE,
            evidence="the tag is returned as markup; whether the page that inserts it waits for consent is decided there",
        )
    props = dict(site.props)
    typ = props.get("type", "").strip().lower()
    if props.get("strategy") == "worker":
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.LOOK_ALIKE_TYPE,
            evidence='strategy="worker" runs it through Partytown (type becomes text/partytown) whatever the visitor chose',
        )
    cmp_attr = next((k for k in props if k in db.markup_by_attribute), None)
    if typ and typ not in db.script_types.executable and cmp_attr and site.via == Via.HEAD_CONFIG:
        return Verdict(
            status=Status.UNVERIFIABLE,
            mechanism=Mechanism.INERT_MARKUP_ELSEWHERE,
            evidence=f'rendered into the page head as <script type="{typ}" {cmp_attr}="{props[cmp_attr]}">: gated only on pages that load '
            "the consent manager; scan the built pages to confirm",
        )
    if typ and typ not in db.script_types.executable and cmp_attr:
        return Verdict(
            status=Status.UNVERIFIABLE,
            mechanism=Mechanism.INJECTED_INERT_MARKUP,
            evidence=f'<Script type="{typ}" {cmp_attr}="{props[cmp_attr]}"> is injected after hydration: it runs only if the consent '
            "manager activates scripts added later",
        )
    return None


_PLAIN_SCRIPT = (".js", ".cjs", ".mjs")


def _plain_script(path: str, source: JsSource, pieces: list[JsSource]) -> bool:
    """A JavaScript file read whole, holding no template syntax (not a script block of a page, not
    a templated script such as ``{% load static %}(function () {…``)."""
    return (
        source.dialect == "js"
        and len(pieces) == 1
        and source.line0 == 1
        and path.lower().endswith(_PLAIN_SCRIPT)
        and not templates.has_tag_opener(source.text)  # a templated script: its tags may be what fails to parse
    )


def _syntax_error(parsed: jsparse.Parsed) -> str | None:
    """Where a plain script fails to parse (the first token the parser had to drop or invent),
    e.g. "line 28: '='". The parse recovered, but a browser drops the whole script; only plain
    JavaScript is judged so (TypeScript, JSX and framework files are read by tools this parser may
    not match, and template tags are neutralised before parsing)."""
    node = parsed.root
    while True:
        if node.type == "ERROR" or node.is_missing:
            line = parsed.position(node)[0]
            text = parsed.text(node)[:30].strip()
            return f"line {line}: {'missing ' + node.type if node.is_missing else repr(text)}"
        nxt = next((c for c in node.children if c.has_error or c.is_missing), None)
        if nxt is None:
            return None
        node = nxt


def _entry_export(prog: jsfacts.Program, path: str, db: SignatureDB) -> list[tuple[EntryExport, Node, str]]:
    """The functions of this file a framework calls by itself, each with its framework and the name
    it is exported under: a Nuxt 2 plugin's default export (``plugins/x.js``: ``export default ({ app })
    => {…}``), a VuePress client enhancer, a Gridsome client entry, a SvelteKit route's ``load`` or
    client hooks' ``init``. Path (a folder, or the file's name) and signature must both fit."""
    parts = path.replace("\\", "/").split("/")
    if len(parts) == 1:  # a file scanned on its own, from its folder: the names of the folders just above it
        parts = [*os.path.dirname(os.path.abspath(path)).replace("\\", "/").split("/")[-3:], parts[0]]
    name = parts[-1]
    out: list[tuple[EntryExport, Node, str]] = []
    for entry in db.script_types.entry_exports:
        if not (entry.folders & set(parts[:-1]) or name in entry.files) or any(mark in name for mark in entry.not_in_name):
            continue
        for stmt in prog.parsed.root.named_children:
            if stmt.type != "export_statement":
                continue
            for fn, key in _exported_functions(prog, stmt):
                if key in entry.exports and _entry_signature(prog, fn, entry):
                    out.append((entry, fn, key))
        if out:
            return out
    return out


def _exported_functions(prog: jsfacts.Program, stmt: Node) -> list[tuple[Node, str]]:
    """The functions an export statement exports, with their exported names: ``export default
    function …`` ("default"), ``export function load() {}``, ``export const init = async () => {}``."""
    if any(c.type == "default" for c in stmt.children):
        fn = stmt.child_by_field_name("value") or stmt.child_by_field_name("declaration")
        return [(fn, "default")] if fn is not None and fn.type in jsfacts.FUNCTION_TYPES else []
    decl = stmt.child_by_field_name("declaration")
    if decl is None:
        return []
    if decl.type in jsfacts.FUNCTION_TYPES:
        name = decl.child_by_field_name("name")
        return [(decl, prog.text(name))] if name is not None else []
    out: list[tuple[Node, str]] = []
    if decl.type in ("lexical_declaration", "variable_declaration"):
        for declarator in decl.named_children:
            name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if declarator.type == "variable_declarator" and name is not None and value is not None and value.type in jsfacts.FUNCTION_TYPES:
                out.append((value, prog.text(name)))
    return out


def _entry_signature(prog: jsfacts.Program, fn: Node, entry: EntryExport) -> bool:
    if not entry.params and not entry.keys:
        return True  # the file's name alone marks it (SvelteKit's +layout.js)
    single = fn.child_by_field_name("parameter")  # x => …
    params = [single] if single is not None else list(getattr(fn.child_by_field_name("parameters"), "named_children", []))
    for param in params[:3]:  # Gridsome's client entry: (Vue, options, { isClient, router })
        if param.type in ("required_parameter", "optional_parameter"):  # TypeScript: (ctx: Context)
            param = param.child_by_field_name("pattern") or param
        if param.type == "identifier" and prog.text(param) in entry.params:
            return True
        if param.type == "object_pattern":
            for prop in param.named_children:
                key = prop.child_by_field_name("key") if prop.type == "pair_pattern" else prop
                if key is not None and prog.text(key).split("=")[0].strip() in entry.keys:
                    return True
    return False


@functools.lru_cache(maxsize=4)
def _vocab(db: SignatureDB) -> consent_code.ConsentVocabulary:
    return consent_code.vocabulary(db)


def _unreached_guess(site: jsdetect.CodeSite, verdict: Verdict) -> bool:
    """Is this ``bundle-sdk-call`` (an init-named call on code holding an SDK's strings, the
    weakest reading of a bundle) reached by nothing that runs? Its consent walk ended unverifiable
    for want of a caller (a function stored where its calls cannot be followed, a global others
    may call), with nothing left for the resolve stage to follow: no export to importers, no load
    by the pages, no consent check in another chunk. A start the walk reaches from the top level,
    a component or a handler keeps its verdict (rrweb's own ``init`` reached from the app's
    ``record()`` in a component)."""
    return (
        site.via == Via.BUNDLE_SDK_CALL
        and site.open is None
        and verdict.status is Status.UNVERIFIABLE
        and verdict.mechanism == Mechanism.CODE_UNRESOLVED
        and not (verdict.entry or verdict.load or verdict.registry)
    )


def budget_diagnostic(path: str, source: JsSource | int, what: str) -> Diagnostic:
    """The note that a piece's analysis (a piece of code, or a file's reading from line ``source``) stopped at its work
    budget while doing ``what`` (what it left unread)."""
    line = source if isinstance(source, int) else source.line0
    return Diagnostic(path=path, code="analysis-budget", line=line, message=f"analysis budget exhausted while {what}")


def _prefilter_only(vendors: list[Vendor], source: JsSource, index: int) -> list[CodeStart]:
    """When the analysis of a piece runs out of budget before its starts are found, the vendors
    the prefilter saw in it are still reported, as unverifiable, at the start of the piece."""
    verdict = Verdict(
        status=Status.UNVERIFIABLE,
        mechanism=Mechanism.ANALYSIS_BUDGET,
        evidence="the analysis budget ran out before the start could be found; the vendor's code is present",
    )
    spot = CodeSpot(source.line0, source.col0)
    return [CodeStart(v, spot, Via.PREFILTER, f"{v.name} code found by signature; not analysed further", verdict, index) for v in vendors]


def analyze(
    pieces: list[JsSource],
    vendors: list[Vendor],
    db: SignatureDB,
    path: str,
    srcmap: SourceMap | None = None,
    programs: dict[int, jsfacts.Program] | None = None,
    registry_vendors: list[Vendor] | None = None,
    whole_file: bool = False,
    template: str | None = None,
) -> tuple[CodeScan, list[Diagnostic]]:
    """Sites and inactive SDKs of every piece; ``srcmap`` (for a whole-file piece) maps positions
    back to original sources and tells SDK code (node_modules) from application code;
    ``programs`` holds pieces another pass already parsed (by index); ``registry_vendors``: the
    vendors whose starts called through webpack's module registry are looked for too
    (``Detector.registry_starts``), whether or not the prefilter saw them here; ``whole_file``: the
    one piece is a whole JS / TS file, whose ``import()`` calls are judged too (``import_gates``);
    ``template``: the file as written when the pieces come from it neutralised (a template)."""
    results = CodeScan()
    diags: list[Diagnostic] = []
    vocab = _vocab(db)
    for index, source in enumerate(pieces):
        prog = (programs or {}).get(index) or jsfacts.Program(jsparse.parse(source))
        if programs is not None:
            programs.setdefault(index, prog)  # handed back: the compliance pass reads the same tree
        parsed = prog.parsed
        if parsed.has_error:
            diags.append(
                Diagnostic(
                    path=path,
                    code="js-parse-error",
                    line=source.line0,
                    message="the script has syntax errors; the parser recovered and the results may be partial",
                )
            )
        in_sdk = _sdk_predicate(parsed, srcmap) if srcmap is not None and srcmap.tells_packages_apart else None
        detector = jsdetect.Detector(prog, vendors, db.script_types.code, in_sdk, template)
        try:
            sites, inactive = detector.run()
            if registry_vendors:
                sites += detector.registry_starts(registry_vendors, sites)
            pushes = detector.identify_calls(db.fields)
        except BudgetExhausted as exc:
            diags.append(budget_diagnostic(path, source, f"finding recorder starts: {exc}"))
            results.starts += _prefilter_only(vendors, source, index)
            continue
        for push in pushes:
            line, col = parsed.position(push.node)
            keys = ", ".join(f"{k} ({c})" for k, c in push.keys)
            results.pii.append(
                CodePii(push.vendor, CodeSpot(line, col), f"{push.call}() sends {keys}", index, tuple(c for _, c in push.keys))
            )
        guard = consent_code.GuardAnalysis(prog, vocab)
        broken = _syntax_error(parsed) if parsed.has_error and sites and _plain_script(path, source, pieces) else None
        frameworks = _entry_export(prog, path, db) if sites else []
        budget_noted = False
        for site in sites:
            line, col = parsed.position(site.node)
            verdict = _script_props(site, db) or consent_code.verdict(site, prog, vocab, guard)
            framework = next(
                (
                    (entry, key)
                    for entry, fn, key in frameworks
                    if key in verdict.entry and fn.start_byte <= site.node.start_byte < fn.end_byte
                ),
                None,
            )
            if framework is not None and verdict.status is Status.UNVERIFIABLE:
                entry, key = framework
                what = "the default export" if key == "default" else f"the {key} export"
                verdict = Verdict(
                    status=Status.UNGATED,
                    mechanism=Mechanism.ALWAYS_RUN_HOOK,
                    evidence=f"{what} of a {entry.framework} file: {entry.runs}",
                )
            if broken is not None and verdict.status is Status.UNGATED:
                verdict = Verdict(
                    status=Status.UNVERIFIABLE,
                    mechanism=Mechanism.SYNTAX_ERROR,
                    evidence=f"the script does not parse ({broken}): a browser runs none of it, so this start may never run, "
                    f"but it would run unchecked once the error is fixed ({verdict.evidence})",
                )
            if _unreached_guess(site, verdict):
                # The weakest reading of a bundle (an init-named call on the SDK's own code) that no
                # path in this file reaches from code that runs: the SDK's module is defined here, not
                # started (a webpack chunk of @sentry/replay). Dropped, as the resolve stage drops such a
                # guess where a start elsewhere supersedes it; no RL130 either, since the app's start,
                # if any, is in another file and this chunk may well record from there.
                continue
            if site.token and verdict.status is Status.UNGATED:
                verdict = Verdict(
                    status=Status.UNVERIFIABLE,
                    mechanism=Mechanism.HELD_AS_DATA,
                    evidence=f"its id is the token {site.token}, which another program replaces before printing the code: "
                    f"a template held as data, judged where it is printed ({verdict.evidence})",
                )
            if site.open and verdict.status is not Status.GATED:
                verdict = Verdict(status=Status.UNVERIFIABLE, mechanism=Mechanism.CODE_UNRESOLVED, evidence=site.open)
            if verdict.mechanism == Mechanism.ANALYSIS_BUDGET and not budget_noted:
                diags.append(budget_diagnostic(path, source, "judging consent: the verdicts of the remaining starts are unverifiable"))
                budget_noted = True
            if site.replay == "settings" and verdict.status is Status.UNGATED:
                verdict = dataclasses.replace(verdict, evidence=f"{verdict.evidence}; whether it records depends on the project's settings")
            original = _mapped(parsed, srcmap, site.node) if srcmap is not None else None
            results.starts.append(
                CodeStart(
                    site.vendor,
                    CodeSpot(line, col),
                    site.via,
                    site.evidence,
                    verdict,
                    index,
                    str(original) if original else None,
                    site.registry,
                    site.registry_keep,
                )
            )
        for off in inactive:
            line, col = parsed.position(off.node)
            results.inactive.append(
                CodeInactive(off.vendor, CodeSpot(line, col), off.reason, index, replay_off=off.replay_off, placeholder=off.placeholder)
            )
        if whole_file and len(pieces) == 1:
            results.imports = import_gates.judged(prog, guard, steps=import_gates.read_stage_steps(len(source.text)))
    return results, diags
