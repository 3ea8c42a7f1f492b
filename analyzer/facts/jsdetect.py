"""Find where code starts a recorder: SDK init calls, snippet stubs, script injection, next/script.

Driven by the vendor signatures (``[sdk]`` and ``[detect]``): no per-vendor Python. Each site
carries the node whose guards decide its consent verdict (``consent_code``). An SDK that is
imported but never started, or started with replay off, is an *inactive* site: an info finding,
not a recorder.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node

from analyzer.facts.detect import inline_url_hit, outranked, placeholder_id, snippet_hit, split_url
from analyzer.kinds import Via
from analyzer.parse import anchors, bundler_exports, headconfig, jsexpr, jshanded, jsparse, jsshapes
from analyzer.parse.jsfacts import FUNCTION_TYPES, STRING_TYPES, Program, chain_head, unparen
from analyzer.parse.jsflow import GLOBAL_OBJECTS, Flow
from analyzer.parse.jsscope import Binding
from analyzer.parse.jstree import inside
from analyzer.parse.normalise import norm
from analyzer.signatures import CallSpec, InitHold, SnippetSettings, Vendor

# Bare function names too common to mean a vendor unless imported from its package.
# Values a local binding is built from that make it the file's own object, never a vendor's global.
_BUILT_VALUES = frozenset({"new_expression", "object", "array", "class", "function_expression", "function", "arrow_function"})
_GENERIC_NAMES = frozenset({"init", "start", "load", "initialize", "setup", "run", "boot"})
_STATEMENT_END = ("statement", "declaration")
_TAG_VIAS = (Via.JSX_SCRIPT, Via.HEAD_CONFIG)  # script tags written as code or data
_STARTS = (Via.INIT_CALL, Via.PLUGIN, Via.COMPONENT) + _TAG_VIAS  # what decides, for a suite, that replay runs


@dataclass(frozen=True)
class CodeSite:
    vendor: Vendor
    node: Node
    via: Via  # a code via (init-call, snippet, dynamic-injection, bundle-sdk-call …: kinds.Via)
    evidence: str
    replay: str = "on"  # on | settings (a dashboard decides)
    hold: str | None = None  # a vendor-side switch that held the recording until this release
    props: tuple[tuple[str, str], ...] = ()  # a <Script>'s static props (type, strategy, CMP attributes)
    # A start called through webpack's module registry ("676:Ts", the export of module 676 the
    # call reaches) with the SDK in another chunk: the resolve stage reads that module first.
    registry: str | None = None
    registry_keep: bool = False  # kept when no scanned chunk defines the module (else dropped)
    # What the consent walk starts from when it is not the start itself: a release whose argument
    # chooses the releasing value (``setTrackingConsent(ok ? 'granted' : 'not-granted')``) releases
    # only on that value's branch, so the walk starts at that literal.
    judged: Node | None = None
    # Why the start may record where this file does not show (a held replay whose instance is
    # exported): unless its own guard gates it, its verdict is unverifiable for that reason.
    open: str | None = None
    # A substitution token written where the start's id goes (``"{site_ID}"``): the file is a
    # template another program fills in and prints, so it is judged as a snippet held as data.
    token: str | None = None


@dataclass(frozen=True)
class Inactive:
    vendor: Vendor
    node: Node
    reason: str
    replay_off: bool = False  # started, with options that turn replay off
    placeholder: bool = False  # started with an id left as the docs wrote it


@dataclass(frozen=True)
class PiiPush:
    """An identify-style call that sends personal data to a recorder."""

    vendor: Vendor
    node: Node
    call: str
    keys: tuple[tuple[str, str], ...]  # (argument key or expression, field category)


def init_methods(vendor: Vendor) -> set[str]:
    """The method names that start the vendor's SDK (``init`` and its documented init calls')."""
    return {s.name for s in vendor.sdk.init_calls} | {"init"}


def _registry_key(key: tuple[str, str], shape: jsshapes.CallShape) -> str:
    """``CodeSite.registry`` for a start through webpack's registry: ``"676:Ts"`` (module, export),
    ``"676:A.init"`` when the shape calls a method on the export."""
    return f"{key[0]}:{key[1]}{f'.{shape.method}' if shape.method else ''}"


def _one_per_call(sites: list[CodeSite]) -> list[CodeSite]:
    """One site per call and vendor (two shapes of one vendor may match one call)."""
    seen: set[tuple[str, int]] = set()
    out = []
    for site in sites:
        if (site.vendor.id, site.node.id) not in seen:
            seen.add((site.vendor.id, site.node.id))
            out.append(site)
    return out


def _statement(chain: list[Node]) -> Node:
    """The statement (or declaration) holding the last node of ``chain``, below the program."""
    for i in range(len(chain) - 1, 0, -1):
        n = chain[i]
        if n.type.endswith(_STATEMENT_END) or chain[i - 1].type == "program":
            return n
    return chain[-1]


class Detector:
    def __init__(
        self,
        prog: Program,
        vendors: list[Vendor],
        code: dict[str, frozenset[str]],
        in_sdk: Callable[[Node], bool] | None = None,
        template: str | None = None,
    ) -> None:
        self.prog = prog
        self._global_reads: dict[str, bool] = {}  # vendor global -> read as a property in the file (_global_read)
        # The file as written when the code was read from a neutralised template (its output tags
        # filled with zeros): a run of zeros is an id written down only where the file has it.
        self.template_lines = template.split("\n") if template is not None else None
        self.code = code  # signatures/script_types.toml [code]: injectors, evaluators, script_text, …
        self.vendors = vendors
        self.in_sdk = in_sdk  # from a source map: does this node come from node_modules?
        self.flow = Flow(prog, code.get("stores", frozenset()), member_tables=code.get("member_tables", frozenset()))
        self._loader_cache: list[tuple[Node, int]] | None = None
        self._sdk_ranges: dict[tuple[int, ...], list[tuple[int, int]]] = {}
        self._norm_text: str | None = None
        self._bool_text: str | None = None
        # Statements where a vendor's second-stage script was found -> the byte span of that script.
        self._second_stage: dict[int, tuple[int, int]] = {}
        self._snippet_off: list[Inactive] = []  # snippets whose own settings keep replay off ([[detect.snippet]] replay_on)
        self._settings_starts: list[CodeSite] = []  # where such settings move the start (a forced or deferred replay)
        self._span_memo: dict[str, list[int]] = {}  # vendor id -> _spans
        self._holding_memo: dict[bytes, list[tuple[Node, list[Node]]]] = {}  # needle -> _strings_holding
        self._contains: dict[bytes, bool] = {}  # needle -> in the code (asked again for every vendor)

    def _in_code(self, needle: bytes) -> bool:
        """Is ``needle`` in the program's bytes? Each needle searched for once per file (every vendor
        asks about the same ``<script`` openers, and a file-wide search costs a pass over a bundle)."""
        found = self._contains.get(needle)
        if found is None:
            found = self._contains[needle] = needle in self.prog.parsed.source.data
        return found

    def _booleans(self) -> str:
        """The normalised code with minified booleans written out (!0 -> true), made once."""
        if self._bool_text is None:
            self._bool_text = self.norm_text.replace("!0", "true").replace("!1", "false")
        return self._bool_text

    @property
    def norm_text(self) -> str:
        """The program's source normalised (``normalise.norm``), made on first use."""
        if self._norm_text is None:
            self._norm_text = norm(self.prog.parsed.source.text)
        return self._norm_text

    def run(self) -> tuple[list[CodeSite], list[Inactive]]:
        """Every vendor's code sites and inactive SDKs; an embedded library's sites go to the SDK that ships it, and a start two vendors
        matched goes to one."""
        sites: list[CodeSite] = []
        inactive: list[Inactive] = []
        for vendor in self.vendors:
            found, off = self._vendor(vendor)
            sites += found
            inactive += off
        present = {v.id: v for v in self.vendors if self._spans(v)}
        sites, inactive = _attribute(sites, inactive, present)
        return self._one_vendor_per_start(sites), inactive

    def _one_vendor_per_start(self, sites: list[CodeSite]) -> list[CodeSite]:
        """A renamed call matched by two vendors' shapes (a 32-character key fits Mixpanel and
        Amplitude) belongs to the SDK whose code the called function is defined in: the one
        whose strings lie nearest to that definition (bundlers keep a module's code together)."""
        by_node: dict[int, list[CodeSite]] = {}
        for site in sites:
            by_node.setdefault(site.node.id, []).append(site)
        out = []
        for site in sites:
            rivals = [s for s in by_node[site.node.id] if s.via in _BUNDLE_VIAS]
            if len(rivals) < 2 or site.via not in _BUNDLE_VIAS:
                out.append(site)
                continue
            if site is min(rivals, key=self._distance):
                out.append(site)
        return out

    def _distance(self, site: CodeSite) -> int:
        callee = self.prog.callee(site.node)
        head = chain_head(callee) if callee is not None else None  # mixpanel.init: where mixpanel is made
        binding = self.prog.lookup(head) if head is not None else None
        if binding is None or binding.value is None:
            return 1 << 40
        at = binding.value.start_byte
        return min((abs(s - at) for s in self._spans(site.vendor)), default=1 << 40)

    def identify_calls(self, categories: dict) -> list[PiiPush]:
        """identify-style calls whose arguments name personal data (email, national ID, health…)."""
        from analyzer.signatures.lexicon import classify

        out = []
        for vendor in self.vendors:
            specs = vendor.sdk.identify_calls
            for call in self._calls_for(specs):
                path = self.prog.path(self.prog.callee(call))
                args = self.prog.args(call)
                first = self.prog.string_value(args[0]) if args else None
                if not any(_spec_matches(spec, path, first, _first_item(self.prog, call)) for spec in specs):
                    continue
                keys = []
                for name in self._argument_names(call):
                    found = classify({"name": name}, categories)
                    if found is not None and found.category != "credentials":
                        keys.append((name, found.category))
                if keys:
                    out.append(PiiPush(vendor, call, path, tuple(keys)))
        return out

    def _calls_for(self, specs: tuple[CallSpec, ...]) -> list[Node]:
        """The calls whose callee ends in one of the specs' names, in document order."""
        found: dict[int, Node] = {}
        for name in sorted({s.name for s in specs}):
            for call in self.prog.calls_named(name):
                found.setdefault(call.id, call)
        return sorted(found.values(), key=lambda n: n.start_byte)

    def _argument_names(self, call: Node) -> list[str]:
        """Object keys, identifiers and member names in the call's arguments."""
        names: list[str] = []
        stack = list(self.prog.args(call))
        while stack:
            n = stack.pop()
            self.prog.budget.spend()
            if n.type in ("property_identifier", "shorthand_property_identifier", "identifier"):
                names.append(self.prog.text(n))
            elif n.type == "pair":
                key = n.child_by_field_name("key")
                if key is not None and key.type == "string":
                    names.append(self.prog.string_value(key) or "")
            stack.extend(n.named_children)
        return list(dict.fromkeys(n for n in names if n))

    # -- per vendor -----------------------------------------------------------------------------
    def _vendor(self, vendor: Vendor) -> tuple[list[CodeSite], list[Inactive]]:
        sites: list[CodeSite] = []
        inactive: list[Inactive] = []
        released: list[CodeSite] = []  # the release calls of inits whose options hold recording back
        started = False  # an init of the vendor is in this file
        for call in self._init_candidates(vendor):
            how = self._init_call(vendor, call)
            started = started or bool(how)
            held = self._held_init(vendor, call, how, released, inactive, Via.INIT_CALL) if how else False
            if held is True:
                continue
            if how:
                replay, why = ("on", held) if held else self._replay_state(vendor, call)
                if replay == "off":
                    inactive.append(Inactive(vendor, call, f"{how} with replay off ({why})", replay_off=True))
                else:
                    sites.append(CodeSite(vendor, call, Via.INIT_CALL, f"{how}{f' ({why})' if why else ''}", replay))
        inits = list(sites)
        sites = self._merge(
            sites
            + self._plugins(vendor)
            + self._components(vendor)
            + self._injections(vendor)
            + self._jsx(vendor)
            + self._head_entries(vendor)
            + self._markup_strings(vendor)
            + self._container_tags(vendor),
            self._snippets(vendor),
        )
        inactive += [i for i in self._snippet_off if i.vendor.id == vendor.id]
        released += [s for s in self._settings_starts if s.vendor.id == vendor.id]
        if (inits or inactive or released) and vendor.category == "replay-addon":
            # For a suite, the loader only fetches it: the init call decides whether replay runs.
            sites = [s for s in sites if s.via in _STARTS] if inits or released else []
        elif vendor.replay_needs_init and sites and not any(s.via in _STARTS for s in sites):
            # A suite whose replay is off unless its init turns it on, loaded with no init here (the
            # Mixpanel stub alone): nothing records.
            inactive += [
                Inactive(
                    vendor,
                    s.node,
                    f"{s.evidence}: the loader alone records nothing ({vendor.name} records only when an init turns replay on)",
                    replay_off=True,
                )
                for s in sites
            ]
            sites = []
        if not started:
            released += self._orphan_releases(vendor)
        sites, stub = self._stub_only(vendor, sites, started)
        inactive += stub
        sites, dead = self._dead(sites)
        inactive += dead
        sites = self._apply_holds(vendor, sites) + released
        if self.in_sdk is not None:  # with a source map: code inside the SDK is not the app's start
            sites = [s for s in sites if not self.in_sdk(s.node)]
        elif sites:
            sites = self._outside_sdk(vendor, sites)
        if not sites and not inactive:
            found, off = self._bundled(vendor)
            sites += self._apply_holds(vendor, found)
            inactive += off
        if not sites and not inactive:
            inactive += self._imported_only(vendor)
        return sites, inactive

    def _stub_only(self, vendor: Vendor, sites: list[CodeSite], started: bool) -> tuple[list[CodeSite], list[Inactive]]:
        """A loader that sits inside the vendor's own start function as the snippet defines it
        (Heap's ``heap.load = function (e, t) { … s.src = '…/heap-' + e + '.js' … }``) runs only
        when that function is called: the call is the start. With no such call in the file the
        stub defines the API and loads nothing (inactive, like an SDK imported and never
        started); with one, the call stands for it."""
        specs = [s for s in vendor.sdk.init_calls if s.obj is not None]
        if not specs or not sites:
            return sites, []
        live: list[CodeSite] = []
        off: list[Inactive] = []
        for site in sites:
            defined = self._defining(site.node, specs) if site.via in (Via.SNIPPET, Via.DYNAMIC_INJECTION) else None
            if defined is None:
                live.append(site)
            elif not started:
                off.append(Inactive(vendor, site.node, f"{site.evidence}: the stub defines {defined}() but this file never calls it"))
        return live, off

    def _defining(self, node: Node, specs: list[CallSpec]) -> str | None:
        """The vendor start a function around ``node`` is assigned to as its definition
        (``heap.load = function …``, ``window.heap.load = …``), if any."""
        chain = self.prog.chain(node)
        for i in range(len(chain) - 1, 0, -1):
            fn = chain[i]
            if fn.type not in FUNCTION_TYPES:
                continue
            j = i - 1
            while j > 0 and chain[j].type == "parenthesized_expression":
                j -= 1
            parent = chain[j]
            if parent.type != "assignment_expression" or parent.child_by_field_name("right") != chain[j + 1]:
                continue
            path = self.prog.path(parent.child_by_field_name("left"))
            if any(_spec_matches(spec, path, None) for spec in specs):
                return path
        return None

    def _dead(self, sites: list[CodeSite]) -> tuple[list[CodeSite], list[Inactive]]:
        """Starts that never record: a snippet that does not parse (a copy-paste lost a character:
        ``c[a]=c[a]function(){…}``), or an id left as the docs wrote it (``YOUR_HOTJAR_ID``)."""
        live: list[CodeSite] = []
        dead: list[Inactive] = []
        marks = bool(self.code.get("placeholder_ids") or self.code.get("placeholder_numbers"))
        for site in sites:
            mark = placeholder_id(self._carried_text(site.node), self.code) if marks else None
            if mark is not None and not self._written(site.node, mark):
                mark = None  # a template's output tag ("{{ .Site.Params.id }}"), filled with zeros when it was read
            empty = self._empty_id(site) if mark is None and site.vendor.sdk.id_options else None
            if empty is not None:
                dead.append(
                    Inactive(
                        site.vendor,
                        site.node,
                        f"{site.evidence}, with an empty {empty}: the project it reports to was never filled in",
                        placeholder=True,
                    )
                )
            elif mark is not None:
                shown = mark if mark.isdigit() else f"{mark}…"
                dead.append(
                    Inactive(
                        site.vendor,
                        site.node,
                        f"{site.evidence}, with a placeholder id ({shown}) that was never filled in",
                        placeholder=True,
                    )
                )
            elif (site.via == Via.SNIPPET and site.node.has_error) or (
                site.via in (Via.JSX_SCRIPT, Via.HEAD_CONFIG, Via.DYNAMIC_INJECTION) and self._broken_body(site)
            ):
                dead.append(
                    Inactive(
                        site.vendor,
                        site.node,
                        f"{site.evidence}, but the snippet does not parse as JavaScript (a copy-paste error): it never runs",
                    )
                )
            else:
                brackets = self.code.get("value_token_brackets", frozenset()) if site.via not in _BUNDLE_VIAS else frozenset()
                token = _substitution_token(self.prog, site.node, brackets)
                live.append(dataclasses.replace(site, token=token) if token else site)
        return live, dead

    def _empty_id(self, site: CodeSite) -> str | None:
        """The ``[sdk] id_options`` key a start sets to an empty string (``projectKey: ""``), in
        the start's own text or in the constructor of the instance it is called on
        (``const t = new Tracker({projectKey: ""}); t.start()``), options held in a constant
        followed; a template literal with a substitution is not empty."""
        prog = self.prog
        keys = set(site.vendor.sdk.id_options)
        roots = [site.node]
        callee = prog.callee(site.node) if site.node.type == "call_expression" else None
        receiver = callee.child_by_field_name("object") if callee is not None and callee.type == "member_expression" else None
        if receiver is not None and receiver.type == "identifier":
            made = jsshapes.constant_value(prog, receiver)
            if made is not receiver and made.type == "new_expression":
                roots.append(made)
        stack, seen = roots, 0
        while stack and seen < 2000:
            n = stack.pop()
            seen += 1
            if n.type == "identifier" and n is not site.node:
                value = jsshapes.constant_value(prog, n)
                if value is not n and value.type == "object":
                    stack.append(value)
                continue
            if n.type == "pair" and prog.key_of(n) in keys:
                value = unparen(jsshapes.constant_value(prog, n.child_by_field_name("value") or n))
                if value.type in STRING_TYPES and not value.named_children:
                    return prog.key_of(n)
            stack.extend(n.named_children)
        return None

    def _written(self, node: Node, mark: str) -> bool:
        """Is this placeholder in the file as written? Always, unless the code was read from a
        template whose output tags were filled with zeros: then a run of zeros counts only where
        the template itself has it, inside the start's own text."""
        if self.template_lines is None or set(mark) != {"0"}:
            return True
        text, source = self.prog.text(node), self.prog.parsed.source
        at = text.find(mark)
        while at >= 0:
            line, col = source.position(node.start_byte + len(text[:at].encode("utf-8", "surrogatepass")))
            if 0 < line <= len(self.template_lines) and self.template_lines[line - 1][col - 1 : col - 1 + len(mark)] == mark:
                return True
            at = text.find(mark, at + 1)
        return False

    def _carried_text(self, node: Node) -> str:
        """The start's text with the constants it substitutes: ``${HOTJAR_ID}``, ``hjid: SITE_ID``,
        ``${this.hotjarId}`` (a class field): an id left as the docs wrote it may sit in any."""
        prog = self.prog
        text = prog.text(node)[:20000]
        if node.end_byte - node.start_byte > 20000:
            return text
        extra: list[str] = []
        stack, seen = [node], 0
        while stack and seen < 400:
            n = stack.pop()
            seen += 1
            if n.type == "identifier" and n.end_byte > n.start_byte:
                value = prog.constant(n)
                if value:
                    extra.append(value)
            elif n.type == "member_expression":
                obj = n.child_by_field_name("object")
                if obj is not None and obj.type == "this":
                    value = self._field_value(n)
                    if value:
                        extra.append(value)
                    continue
            stack.extend(n.named_children)
        return text + "\n" + "\n".join(extra) if extra else text

    def _field_value(self, member: Node) -> str | None:
        """``this.hotjarId`` read in a class whose field ``hotjarId = '…'`` holds a string."""
        prop = member.child_by_field_name("property")
        name = self.prog.text(prop) if prop is not None else ""
        for anc in reversed(self.prog.chain(member)):
            if anc.type != "class_body":
                continue
            for field in anc.named_children:
                if field.type in ("field_definition", "public_field_definition"):
                    key = field.child_by_field_name("name") or field.child_by_field_name("property")
                    value = field.child_by_field_name("value")
                    if key is not None and self.prog.text(key) == name and value is not None and value.type in STRING_TYPES:
                        return self.prog.text(value)
            return None
        return None

    def _broken_body(self, site: CodeSite) -> bool:
        """A snippet kept as script text (a ``<Script>`` body, ``__html``, ``script.innerHTML =``)
        that does not parse: its substitutions read as a name, the rest parsed on its own."""
        for group, _ in site.vendor.snippets:
            anchor = max(group, key=len).encode()
            at = self.prog.parsed.source.data.find(anchor, site.node.start_byte, site.node.end_byte)
            if at < 0:
                continue
            chain = self.prog.tree.path(at, at + len(anchor))
            i = _string_index(chain)
            if i is None:
                return False
            literal = chain[i]
            body = (
                "".join("_" if c.type == "template_substitution" else self.prog.text(c) for c in literal.named_children)
                if literal.type == "template_string"
                else self.prog.string_value(literal) or ""
            )
            if len(body) > 20000 or len(body) < 120 or not snippet_hit(site.vendor, body) or "<script" in body.lower():
                return False  # not a whole snippet held as script text
            return jsparse.parse(jsparse.JsSource(body)).has_error
        return False

    def _outside_sdk(self, vendor: Vendor, sites: list[CodeSite]) -> list[CodeSite]:
        """Without a source map, a loader or snippet found inside the vendor's own bundled SDK
        (its innermost function holds the SDK's strings: LogRocket's npm package injects
        logger-1.min.js itself) is the SDK at work, not the app's start: the start is looked for
        from it outwards; the SDK's site stays only when none is found."""
        spans = self._spans(vendor)
        if not spans:
            return sites
        inner = [
            s
            for s in sites
            if s.via in (Via.DYNAMIC_INJECTION, Via.SNIPPET)
            and (
                self._in_sdk_code(s.node, spans)
                or _covers(s.node, spans)
                and s.node.end_byte - s.node.start_byte < _WRAPPER_SHARE * len(self.prog.parsed.source.data)
                or self._in_sdk_module(s.node, spans)
            )
        ]
        if not inner:
            return sites
        rest = [s for s in sites if s not in inner]
        if rest:
            return rest
        found, _ = self._bundled(vendor)
        return found or inner

    def _in_sdk_module(self, node: Node, spans: list[int]) -> bool:
        """Is ``node`` at the top level of a bundler's module factory that holds the SDK's strings?
        Such a module is the SDK package's code (``@fullstory/browser`` keeps its snippet in an IIFE
        beside the functions holding its strings), or the SDK with the app's code hoisted into it,
        whose start the walk out of the SDK finds."""
        fn = next((f for f in reversed(self.prog.chain(node)[:-1]) if f.type in FUNCTION_TYPES), None)
        if fn is None or not bundler_exports.module_factory(self.prog, fn):
            return False
        return any(fn.start_byte <= at < fn.end_byte for at in spans)

    def _sdk_owned(self, node: Node, spans: list[int]) -> bool:
        """Is ``node`` the SDK's own code: by the source map when there is one, else inside one of
        the functions holding the SDK's strings (``spans``)?"""
        return self.in_sdk(node) if self.in_sdk is not None else self._in_sdk_code(node, spans)

    def _in_sdk_code(self, node: Node, spans: list[int]) -> bool:
        """Is ``node`` inside one of the functions that hold the SDK's strings? A function that
        wraps nearly the whole file (a bundle's IIFE, a UMD wrapper) holds everything and so is
        no evidence of the SDK."""
        ranges = self._sdk_ranges.get(tuple(spans[:1]) + (len(spans),))
        if ranges is None:
            size = max(1, len(self.prog.parsed.source.data))
            found = []
            for at in spans:
                chain = self.prog.tree.path(at, at + 1)
                i = next(
                    (
                        i
                        for i in range(len(chain) - 1, -1, -1)
                        if chain[i].type in FUNCTION_TYPES
                        and (chain[i].end_byte - chain[i].start_byte) < _WRAPPER_SHARE * size
                        and not bundler_exports.module_factory(self.prog, chain[i])
                        and not bundler_exports.entry_module(self.prog, chain[i])
                    ),
                    None,
                )
                if i is None:
                    continue
                # A method of the SDK's API object (or class): the object's other methods are the SDK's too.
                j = i - 1
                while j >= 0 and chain[j].type in ("pair", "method_definition"):
                    j -= 1
                holder = chain[j] if j >= 0 and j < i and chain[j].type in ("object", "class_body") else chain[i]
                if holder.end_byte - holder.start_byte >= _WRAPPER_SHARE * size:
                    holder = chain[i]
                found.append((holder.start_byte, holder.end_byte))
            ranges = self._sdk_ranges[tuple(spans[:1]) + (len(spans),)] = found
        return any(a <= node.start_byte and node.end_byte <= b for a, b in ranges)

    def _init_candidates(self, vendor: Vendor) -> list[Node]:
        """Calls that may start the vendor: by its init names, and by the local names of what is
        imported from its packages (``import { init as start } from '@fullstory/browser'``)."""
        packages = set(vendor.sdk.packages)
        names = {s.name for s in vendor.sdk.init_calls} | {
            local for local, imp in self.prog.imports.items() if _pkg(imp.package) in packages
        }
        if packages and any(_pkg(imp.package) in packages for imp in self.prog.imports.values()):
            names |= init_methods(vendor)
        found: dict[int, Node] = {}
        for name in sorted(names):
            for call in self.prog.calls_named(name):
                found.setdefault(call.id, call)
        return sorted(found.values(), key=lambda n: n.start_byte)

    def _bundled(self, vendor: Vendor) -> tuple[list[CodeSite], list[Inactive]]:
        """A minified bundle: the SDK is recognised by strings that survive minification. Its
        start is (1) found by following the functions holding those strings outwards, through
        the bindings and objects that carry them, to the first call from application code (by
        the source map when there is one, else a call through an init-named property such as
        ``h.init(…)``); (2) a call of the shape the vendor's start keeps once renamed
        (``[sdk] bundle_calls``: ``*({dsn})``, ``*.init('^phc_')``) outside the SDK's own code;
        (3) failing both, where the SDK sits behind a module system this cannot follow (a webpack
        registry, a UMD wrapper), an init-named call whose receiver is built from the code
        holding the SDK's strings. A start whose options turn replay off is inactive."""
        spans = self._spans(vendor)
        if not spans:
            return self._split_off(vendor)
        methods = init_methods(vendor)
        label = next(b for b in vendor.sdk.bundle_strings if self._in_code(b.encode()))[:50]
        how = "source map" if self.in_sdk else "init-named call"
        # The start's shape is cheap to look for; only without one is the SDK walked out of.
        found: dict[int, tuple[Node, str]] = {}
        shaped: set[int] = set()
        for call, shape, made in self._shaped(vendor, spans):
            found.pop(made.id, None)  # the constructor of an instance whose start() is the start
            found.setdefault(call.id, (call, f"a call shaped {shape}"))
            shaped.add(call.id)
        for call, alias in self._client_inits(vendor, spans):
            found.setdefault(call.id, (call, f"a call of {alias}, its client's init exported under a new name"))
        if not found:
            found = {c.id: (c, how) for c in self._walk_out(spans, methods)}
        via = Via.BUNDLE_INIT
        if not found:
            # The weakest reading: a guess that yields to a start found elsewhere in the scan.
            found = {c.id: (c, "init-named call on the SDK's module") for c in self._init_named_from(spans, methods)}
            via = Via.BUNDLE_SDK_CALL
        sites: list[CodeSite] = []
        inactive: list[Inactive] = []
        for call, why in sorted(found.values(), key=lambda f: f[0].start_byte):
            evidence = f"{vendor.name} SDK code (recognised by {label!r}) started here ({why})"
            held = self._held_init(vendor, call, evidence, sites, inactive, via)
            if held is True:
                continue
            replay, option = ("on", held) if held else self._replay_state(vendor, call)
            if replay == "off":
                inactive.append(Inactive(vendor, call, f"{evidence}, with replay off ({option})", replay_off=True))
                continue
            built = self._integration_built(vendor, call, spans) if call.id in shaped else []
            if built:  # the init carries no integrations: replay starts where its integration is built
                sites += [
                    CodeSite(
                        vendor,
                        b,
                        via,
                        f"{evidence}, with no {vendor.sdk.integrations_option} option; its replay integration is built here"
                        f"{f' ({option})' if option else ''}",
                        replay,
                    )
                    for b in built
                ]
            else:
                sites.append(CodeSite(vendor, call, via, f"{evidence}{f' ({option})' if option else ''}", replay))
        return sites, inactive

    def _integration_built(self, vendor: Vendor, init: Node, spans: list[int]) -> list[Node]:
        """Where the app builds the replay integration (``[sdk] integration_strings``) that an
        init leaves out: its options, an object of plain ``key: value`` pairs, have no
        ``integrations_option``, so replay runs only once the app builds the integration and
        adds it (``Sentry.addIntegration(Sentry.replayIntegration())`` after consent). Walked out
        of the integration's own code, through calls that pass variables, to the calls with
        written-out (or no) arguments outside the SDK's code. Empty, and the init stays the
        start, when the init may carry integrations or any way the integration is reached is
        not a call this file shows."""
        sdk, prog = vendor.sdk, self.prog
        if not sdk.integration_strings or sdk.integrations_option is None:
            return []
        args = prog.args(init)
        opts = jsshapes.constant_value(prog, args[0]) if args else None
        if opts is None or opts.type != "object":
            return []
        entries = [c for c in opts.named_children if c.type != "comment"]
        if any(c.type != "pair" for c in entries) or sdk.integrations_option in prog.pairs(opts):
            return []  # a spread or shorthand may carry integrations
        data = prog.parsed.source.data
        frontier = self._holding_functions([at for text in sdk.integration_strings for at in _occurrences(data, text.encode(), limit=8)])
        seen = {f.id for f in frontier}
        built: dict[int, Node] = {}
        for _ in range(4):
            nxt: list[Node] = []
            for fn in frontier:
                for use in self.flow.uses(fn):
                    if use.kind != "call":
                        return []
                    call = use.node
                    outside = not self._sdk_owned(call, spans) and not self._in_sdk_code(call, spans)
                    if outside and (not prog.args(call) or _configuration(prog, call)):
                        built[call.id] = call
                        continue
                    outer = prog.enclosing_function(call)
                    if outer is None:
                        return []
                    if outer.id not in seen:
                        seen.add(outer.id)
                        nxt.append(outer)
            frontier = nxt
            if not frontier:
                break
        if frontier:
            return []
        return sorted(built.values(), key=lambda n: n.start_byte)

    def _split_off(self, vendor: Vendor) -> tuple[list[CodeSite], list[Inactive]]:
        """The app's chunk when the SDK was split into another (webpack splitChunks, Next.js):
        no SDK strings here, so only a start shape with object keys counts (``new *({info,
        loader_config})``, ``*({dsn})``), written out as configuration."""
        sites: list[CodeSite] = []
        inactive: list[Inactive] = []
        core = next((c for c in vendor.sdk.core_strings if self._in_code(c.encode())), None)
        for shape in vendor.sdk.bundle_calls:
            if not shape.anchor_keys:
                continue
            for call in self._shape_candidates(shape):
                if not jsshapes.matches(self.prog, call, shape):
                    continue
                for start in self._then(call, shape.then) if shape.then else [call]:
                    if core is not None:  # the SDK is here, built without its recorder
                        inactive.append(
                            Inactive(
                                vendor,
                                start,
                                f"{vendor.name} started here, but this build of its SDK has no recorder (its core is here: {core!r}; none "
                                "of its recorder's strings)",
                            )
                        )
                        continue
                    replay, option = self._replay_state(vendor, start)
                    evidence = f"{vendor.name} start shaped {shape.text} (its SDK is in another chunk)"
                    if replay == "off":
                        inactive.append(Inactive(vendor, start, f"{evidence}, with replay off ({option})", replay_off=True))
                    else:
                        # Through the registry, the module called is read first (resolve.registry):
                        # one that provably holds none of the SDK's code starts nothing.
                        key = self._registry_callee(call, shape)
                        sites.append(
                            CodeSite(
                                vendor,
                                start,
                                Via.BUNDLE_INIT,
                                f"{evidence}{f' ({option})' if option else ''}",
                                replay,
                                registry=_registry_key(key, shape) if key else None,
                                registry_keep=True,
                            )
                        )
        return sites, inactive

    def _registry_callee(self, call: Node, shape: jsshapes.CallShape, chunks: bool = False) -> tuple[str, str] | None:
        """(module id, export) when the shape's ``*`` is an export of a module webpack's registry
        hands over by id: ``(0, r.Ts)(key)`` for ``*(…)``, ``r.A.init(key)`` for ``*.init(…)``;
        with ``chunks``, also (specifier, export path) when it is read off a binding another ES
        module chunk exports: ``Oe.clarity.init(key)`` with ``import{e as Oe}from"./vendor.js"``
        is ("./vendor.js", "e.clarity")."""
        callee = self.prog.callee(call)
        if callee is None:
            return None
        if shape.method is not None:
            if callee.type != "member_expression":
                return None
            callee = callee.child_by_field_name("object")
            if callee is None:
                return None
        # webpack's only: the resolve stage reads which Turbopack modules hold an SDK only for consent checks.
        found = bundler_exports.registry_export(self.prog, callee, turbopack=False)
        if found is None and chunks:
            found = bundler_exports.chunk_export(self.prog, callee)
        return found

    def registry_starts(self, vendors: list[Vendor], found: list[CodeSite]) -> list[CodeSite]:
        """Starts called through webpack's module registry with the SDK in another chunk (webpack
        ``splitChunks``): a call of one of the vendor's start shapes whose ``*`` is an export of a
        module fetched by id (``(0, r.Ts)('<api key>', {…})``, ``r.A.init('<token>')``), for the
        vendors whose SDK code is not read here (an option name the app writes, such as Mixpanel's
        ``record_mask_text_selector``, is one of its strings without being its code). Each is open: the resolve stage keeps it only
        when the chunk defining the module holds the vendor's SDK and the export is its start.
        ``found``: the starts ``run`` found, whose vendors are left to it. Shapes with object keys
        are ``_split_off``'s for the vendors the prefilter saw here without their SDK's strings.

        An ES module chunk (Vite, Rollup, esbuild) calls another chunk's export through a static
        import instead (``import{e as Oe}from"./vendor.js"; Oe.clarity.init('<id>')``): a call of
        a method-named shape (``*.init(…)``) on such a binding is open the same way, keyed by the
        specifier and the export path (``"./vendor.js:e.clarity.init"``), and the resolve stage
        keeps it only where that export in the chunk is a function holding the vendor's code."""
        webpack = bundler_exports.webpack_runtime(self.prog)
        if not webpack and not self.prog.imports:
            return []
        seen = {v.id for v in self.vendors}
        started = {s.vendor.id for s in found}
        sites: list[CodeSite] = []
        for vendor in vendors:
            if vendor.id in started:
                continue
            split_off = vendor.id in seen and not self._spans(vendor)
            for shape in vendor.sdk.bundle_calls:
                if shape.then or (shape.anchor_keys and split_off) or (not webpack and shape.method is None):
                    continue
                for call in self._shape_candidates(shape):
                    key = self._registry_callee(call, shape, chunks=not webpack)
                    if key is None or not jsshapes.matches(self.prog, call, shape):
                        continue
                    replay, option = self._replay_state(vendor, call)
                    if replay == "off":
                        continue
                    evidence = (
                        f"{vendor.name} start shaped {shape.text}, called through webpack's module registry (export {key[1]} of "
                        f"module {key[0]}; its SDK is in another chunk)"
                        if webpack
                        else f"{vendor.name} start shaped {shape.text}, called on {key[1]} imported from the chunk {key[0]} (its SDK "
                        "is in that chunk)"
                    )
                    sites.append(
                        CodeSite(
                            vendor,
                            call,
                            Via.BUNDLE_INIT,
                            f"{evidence}{f' ({option})' if option else ''}",
                            replay,
                            registry=_registry_key(key, shape),
                            registry_keep=webpack and bool(shape.anchor_keys),
                        )
                    )
        return _one_per_call(sites)

    def _spans(self, vendor: Vendor) -> list[int]:
        """Byte offsets of the vendor's bundle strings in this code (a few of each), found once per
        vendor (asked for at every step of the detection, once per site for some)."""
        found = self._span_memo.get(vendor.id)
        if found is None:
            data = self.prog.parsed.source.data
            found = self._span_memo[vendor.id] = sorted(
                {at for b in vendor.sdk.bundle_strings for at in _occurrences(data, b.encode(), limit=8)}
            )
        return found

    def _shaped(self, vendor: Vendor, spans: list[int]) -> list[tuple[Node, str, Node]]:
        """Calls with one of the vendor's start shapes, outside the SDK's own functions, each with
        the call the shape matched (the constructor, for ``new *(…) -> start``)."""
        out: list[tuple[Node, str, Node]] = []
        for shape in vendor.sdk.bundle_calls:
            for call in self._shape_candidates(shape):
                if self.in_sdk is not None and self.in_sdk(call):
                    continue
                if self.in_sdk is None and self._in_sdk_code(call, spans):
                    continue
                if jsshapes.matches(self.prog, call, shape):
                    out += [(c, shape.text, call) for c in self._then(call, shape.then)] if shape.then else [(call, shape.text, call)]
        return out

    def _client_inits(self, vendor: Vendor, spans: list[int]) -> list[tuple[Node, str]]:
        """Calls of the SDK client's init through the alias its package exports it under
        (``[sdk] bundle_client``): ``var pf=pe.add,…,hf=pe.init,…`` then ``hf(t, {…})``. The alias
        is a declaration whose value reads an init-named member off an object, that object's other
        members read in the file name at least three of the client's methods (a different
        object with an ``init``, the app's or another library's, names none), the alias is used
        only in direct calls (one reassigned, exported to another chunk or handed on may be called
        where this file does not show), and the call is outside the SDK's own code. Each with the
        alias as written (``hf = pe.init``)."""
        members = set(vendor.sdk.bundle_client)
        if not members:
            return []
        prog = self.prog
        need = min(3, len(members))
        client: dict[int, bool] = {}
        out: dict[int, tuple[Node, str]] = {}
        for method in sorted(init_methods(vendor)):
            width = len(method.encode())
            for offset in prog.tree.occurrences(method):
                chain = prog.tree.path(offset, offset + width)
                if len(chain) < 4 or chain[-1].type != "property_identifier" or chain[-2].type != "member_expression":
                    continue
                member, decl = chain[-2], chain[-3]
                if decl.type != "variable_declarator" or decl.child_by_field_name("value") != member:
                    continue
                name, obj = decl.child_by_field_name("name"), member.child_by_field_name("object")
                if name is None or name.type != "identifier" or obj is None or obj.type != "identifier":
                    continue
                prog.remember(chain[:-1])
                owner = prog.lookup(obj)
                if owner is None:
                    continue
                if owner.key not in client:
                    client[owner.key] = len(self._members_read(owner) & members) >= need
                alias = prog.lookup(name)
                if not client[owner.key] or alias is None or alias.value != member:
                    continue
                calls: list[Node] = []
                for ref in prog.scopes.references(alias):
                    parent = ref[-2] if len(ref) >= 2 else None
                    if ref[-1].id == name.id:
                        continue
                    if parent is None or parent.type != "call_expression" or prog.callee(parent) != ref[-1]:
                        # Reassigned, exported to another chunk, passed or stored: the calls here
                        # are not all of its calls, and judging only them could read a gate that
                        # another way in does not pass.
                        calls = []
                        break
                    prog.remember(ref[:-1])
                    calls.append(parent)
                for call in calls:
                    if not self._sdk_owned(call, spans):
                        out.setdefault(call.id, (call, f"{prog.text(name)} = {prog.text(member)}"))
        return sorted(out.values(), key=lambda f: f[0].start_byte)

    def _members_read(self, binding: Binding) -> set[str]:
        """The property names read off a binding in the file (``pe.add``, ``pe.revenue``)."""
        names: set[str] = set()
        for ref in self.prog.scopes.references(binding)[:400]:
            parent = ref[-2] if len(ref) >= 2 else None
            if parent is not None and parent.type == "member_expression" and parent.child_by_field_name("object") == ref[-1]:
                prop = parent.child_by_field_name("property")
                if prop is not None:
                    names.add(self.prog.text(prop))
        return names

    def _passed(self, obj_chain: list[Node]) -> list[list[Node]]:
        """Where an object literal is handed to a call, as paths ending in the ``arguments``
        node: directly, or through the constant it initialises."""
        parent = obj_chain[-2] if len(obj_chain) >= 2 else None
        if parent is not None and parent.type == "arguments":
            return [obj_chain[:-1]]
        if parent is not None and parent.type == "variable_declarator" and parent.child_by_field_name("value") == obj_chain[-1]:
            name = parent.child_by_field_name("name")
            binding = self.prog.lookup(name) if name is not None and name.type == "identifier" else None
            refs = self.prog.scopes.references(binding)[:20] if binding is not None else []
            return [ref[:-1] for ref in refs if len(ref) >= 3 and ref[-2].type == "arguments"]
        return []

    def _then(self, made: Node, method: str) -> list[Node]:
        """``const t = new Tracker({…}); t.start()``: the ``method`` calls on the binding the
        instance goes to; the constructor itself when there are none."""
        chain = self.prog.chain(made)
        holder = chain[-2] if len(chain) >= 2 else None
        target = None
        if holder is not None and holder.type == "variable_declarator" and holder.child_by_field_name("value") == made:
            target = holder.child_by_field_name("name")
        elif holder is not None and holder.type == "assignment_expression" and holder.child_by_field_name("right") == made:
            target = holder.child_by_field_name("left")
        binding = self.prog.lookup(target) if target is not None and target.type == "identifier" else None
        calls: list[Node] = []
        for ref in self.prog.scopes.references(binding) if binding is not None else []:
            if len(ref) < 3:
                continue
            member, call = ref[-2], ref[-3]
            if member.type == "member_expression" and call.type == "call_expression" and self.prog.callee(call) == member:
                prop = member.child_by_field_name("property")
                if prop is not None and self.prog.text(prop) == method:
                    self.prog.remember(ref[:-2])
                    calls.append(call)
        return calls or [made]

    def _shape_candidates(self, shape: jsshapes.CallShape) -> list[Node]:
        if shape.method is not None:
            return self.prog.calls_named(shape.method)
        found: dict[int, Node] = {}
        if shape.anchor_keys:
            key = shape.anchor_keys[0]
            for offset in self.prog.tree.occurrences(key):
                chain = self.prog.tree.path(offset, offset + len(key.encode()))
                if len(chain) < 4 or chain[-2].type != "pair" or chain[-3].type != "object":
                    continue
                # key -> pair -> object -> arguments -> call, or an object held in a constant
                # that is passed on (const options = {…}; new BrowserAgent(options)).
                for args_chain in self._passed(chain[:-2]):
                    call = args_chain[-2]
                    if call.type in ("call_expression", "new_expression") and call.id not in found:
                        found[call.id] = call
                        self.prog.remember(args_chain[:-1])
        elif shape.anchor_string is None and shape.anchor_pattern is not None:
            body = shape.anchor_pattern.pattern.removeprefix("^").removesuffix("$").encode()
            for m in re.finditer(rb"[\"'`](" + body + rb")[\"'`]", self.prog.parsed.source.data):
                if len(found) >= 200:
                    break
                self._note_argument_call(m.start(), m.end(), found)
        else:
            text = shape.anchor_string or ""
            for quote in ('"', "'", "`"):
                needle = f"{quote}{text}{quote}".encode()
                for offset in _occurrences(self.prog.parsed.source.data, needle, limit=50):
                    self._note_argument_call(offset, offset + len(needle), found)
        return sorted(found.values(), key=lambda n: n.start_byte)

    def _note_argument_call(self, start: int, end: int, found: dict[int, Node]) -> None:
        """The call a string literal at ``start``-``end`` is a direct argument of, added to ``found``
        (by node id, first seen kept)."""
        chain = self.prog.tree.path(start, end)
        at = _string_index(chain)
        if at is None or at < 2 or chain[at - 1].type != "arguments" or chain[at - 2].type not in ("call_expression", "new_expression"):
            return
        call = chain[at - 2]
        if call.id not in found:
            found[call.id] = call
            self.prog.remember(chain[: at - 1])

    def _holding_functions(self, offsets: list[int]) -> list[Node]:
        """The innermost function around each offset, each once, in the offsets' order."""
        out: list[Node] = []
        for at in offsets:
            chain = self.prog.tree.path(at, at + 1)
            fn = next((n for n in reversed(chain) if n.type in FUNCTION_TYPES), None)
            if fn is not None and all(f.id != fn.id for f in out):
                self.prog.remember(chain[: chain.index(fn) + 1])
                out.append(fn)
        return out

    def _walk_out(self, spans: list[int], methods: set[str]) -> list[Node]:
        frontier = self._holding_functions(spans)
        seen = {f.id for f in frontier}
        starts: dict[int, Node] = {}
        for _ in range(8):
            nxt: list[Node] = []
            for fn in frontier:
                for use in self.flow.uses(fn):
                    if use.kind not in ("call", "callback"):
                        continue
                    call = use.node
                    if not _is_iife(self.prog, call) and not self._from_sdk(call, methods, spans):
                        starts[call.id] = call
                        continue
                    outer = self.prog.enclosing_function(call)
                    if outer is not None and outer.id not in seen:
                        seen.add(outer.id)
                        nxt.append(outer)
            frontier = nxt
            if not frontier:
                break
        return sorted(starts.values(), key=lambda n: n.start_byte)

    def _init_named_from(self, spans: list[int], methods: set[str]) -> list[Node]:
        """Init-named member calls (``x.init(…)``, ``x.default.init(…)``) outside the SDK's own
        code whose receiver's definition, followed through bindings, helper calls and module
        ids, spans one of the SDK's strings."""
        out: list[Node] = []
        for name in sorted(methods):
            for call in self.prog.calls_named(name):
                callee = self.prog.callee(call)
                if callee is None or callee.type != "member_expression" or _covers(call, spans):
                    continue
                if self.in_sdk is not None and self.in_sdk(call):
                    continue
                receiver = callee.child_by_field_name("object")
                if receiver is not None and self._built_from(receiver, spans):
                    out.append(call)
        return out

    def _built_from(self, expr: Node, spans: list[int]) -> bool:
        """Does the value of ``expr`` come from code that spans one of ``spans``? Followed through
        member reads, identifiers' initialisers and assignments, calls' callees and arguments, and
        numeric module ids keying a factory (webpack's ``n(123)``), a few steps deep."""
        stack, seen = [(expr, 0)], set()
        while stack:
            node, depth = stack.pop()
            if node.id in seen or depth > 6:
                continue
            seen.add(node.id)
            self.prog.budget.spend()
            if node.type in FUNCTION_TYPES or node.type in ("object", "class", "class_declaration"):
                if _covers(node, spans):
                    return True
                continue
            if node.type in ("member_expression", "subscript_expression"):
                obj = node.child_by_field_name("object")
                if obj is not None:
                    stack.append((obj, depth))
            elif node.type == "identifier":
                binding = self.prog.lookup(node)
                if binding is not None:
                    if binding.value is not None:
                        stack.append((binding.value, depth + 1))
                    for ref in self.prog.scopes.references(binding)[:50]:
                        parent = ref[-2]
                        if parent.type == "assignment_expression" and parent.child_by_field_name("left") == ref[-1]:
                            right = parent.child_by_field_name("right")
                            if right is not None:
                                stack.append((right, depth + 1))
            elif node.type in ("call_expression", "new_expression", "parenthesized_expression", "sequence_expression", "await_expression"):
                for child in node.named_children:
                    if child.type == "arguments":
                        stack.extend((a, depth + 1) for a in child.named_children)
                    else:
                        stack.append((child, depth + 1))
            elif node.type in ("number", "string"):
                factory = self._module_factory(node)
                if factory is not None:
                    stack.append((factory, depth + 1))
        return False

    def _module_factory(self, key: Node) -> Node | None:
        """The function a bundler's module registry stores under this id (``{123: function(e,t,n)
        {…}}``, ``"./src/x.js": (e,t,n) => {…}``): webpack and its relatives."""
        raw = self.prog.string_value(key) if key.type == "string" else self.prog.text(key)
        if not raw:
            return None
        data = self.prog.parsed.source.data
        for pattern in (raw + ":", f'"{raw}":', f"'{raw}':"):
            for at in _occurrences(data, pattern.encode(), limit=4):
                chain = self.prog.tree.path(at, at + len(pattern) - 1)
                pair = next((n for n in reversed(chain) if n.type == "pair"), None)
                value = pair.child_by_field_name("value") if pair is not None else None
                if value is not None and value.type in FUNCTION_TYPES:
                    return value
        return None

    def _from_sdk(self, call: Node, methods: set[str], spans: list[int]) -> bool:
        """Is this call still inside the SDK (keep walking up) rather than the app's start? With a
        source map, the map says. Without, the app is the one that writes its configuration out:
        a call through an init-named property (``h.init('acme/shop')``), or a call at the top of
        the bundle (a minifier inlined ``Hotjar.init`` into ``r(3900401, 6, {debug: !1})``), each
        with literal arguments; an SDK's own plumbing passes variables."""
        if self.in_sdk is not None:
            return self.in_sdk(call)
        if not _configuration(self.prog, call) or self._in_sdk_code(call, spans):
            return True
        fn = self.prog.callee(call)
        last = self.prog.path(fn).rsplit(".", 1)[-1] if fn is not None else ""
        if last in methods:
            return not _id_like(self.prog, call)
        if self._top_level(call):
            return False
        # Deeper in the app's code, a renamed call: only a key-like literal (letters and digits,
        # 8+ long: a project key, a site id) tells the app's call from the SDK's plumbing.
        return not _id_like(self.prog, call, key=True)

    def _top_level(self, node: Node) -> bool:
        """At the top of the file, or inside nothing but a wrapper around the whole bundle."""
        size = max(1, len(self.prog.parsed.source.data))
        return all(f.end_byte - f.start_byte >= _WRAPPER_SHARE * size for f in self.prog.chain(node)[:-1] if f.type in FUNCTION_TYPES)

    def _init_call(self, vendor: Vendor, call: Node) -> str | None:
        prog = self.prog
        fn = prog.callee(call)
        if fn is None:
            return None
        path = prog.path(fn)
        packages = set(vendor.sdk.packages)
        methods = init_methods(vendor)
        if "." in path:
            head, method = path.split(".", 1)[0], path.rsplit(".", 1)[1]
            imp = prog.imports.get(head)
            if imp is not None and _pkg(imp.package) in packages and method in methods:
                return f"{path}() on {imp.package}"
        elif path:
            imp = prog.imports.get(path)
            if imp is not None and _pkg(imp.package) in packages and (imp.imported or "") in methods:
                return f"{path}() imported from {imp.package}"
        if path.startswith(("this.", "super.")):
            return None  # a class calling its own member: the SDK at work, not the app's start
        first = prog.string_value(prog.args(call)[0]) if prog.args(call) else None
        item = _first_item(prog, call)
        aliased: tuple[str, str] | None | bool = False  # looked up once, only for a call that could be one
        for spec in vendor.sdk.init_calls:
            if not _spec_matches(spec, path, first, item):
                if spec.obj is not None and path.endswith("." + spec.name) and self._global_read(spec.obj):
                    if aliased is False:
                        aliased = self._global_alias(fn)
                    if isinstance(aliased, tuple) and _spec_matches(spec, aliased[0], first, item):
                        return f"{path}() ({aliased[1]})"  # const heapIO = window.heap; heapIO.load(id)
                continue
            if spec.obj is not None:
                if self._built_here(fn):
                    continue  # rrweb's own `const H = new Pn(…); H.init()` is not Highlight's global H
                return f"{path}()"
            if spec.name in _GENERIC_NAMES and path not in prog.imports:
                continue
            imp = prog.imports.get(path)
            if imp is not None and _pkg(imp.package) not in packages:
                continue  # the app's own initHotjar(), imported from its code
            if imp is None and fn.type == "identifier" and prog.lookup(fn) is not None:
                continue  # …or defined in this file
            return f"{path}({f'{first!r}' if spec.arg else ''})"
        return None

    def _global_read(self, obj: str) -> bool:
        """Is the vendor's global ``obj`` read as a property anywhere in the file (``window.heap``,
        ``(window as any).heap``)? Without that, no local can alias it (memoised per file: a
        minified bundle has hundreds of init-named calls, each an expensive scope look-up)."""
        found = self._global_reads.get(obj)
        if found is None:
            found = self._global_reads[obj] = re.search(rb"\." + re.escape(obj.encode()) + rb"(?![\w$])", self.prog.tree.data) is not None
        return found

    def _global_alias(self, fn: Node) -> tuple[str, str] | None:
        """``heapIO.load`` where ``const heapIO = window.heap`` (casts and parentheses aside): the call
        read on the global it aliases (``window.heap.load``), and how. Only a name declared once
        with a global object's member (``window.heap`` / ``globalThis.heap``, a name of four
        characters or more, as the prefilter's needles) as its value, never assigned again, is
        such an alias."""
        head = chain_head(fn)
        if head is None or fn.type != "member_expression":
            return None
        binding = self.prog.lookup(head)
        if binding is None or binding.kind not in ("const", "let", "var") or binding.value is None:
            return None
        target = self.prog.path(binding.value)
        if target.partition(".")[0] not in GLOBAL_OBJECTS or "." not in target or len(target.rsplit(".", 1)[-1]) < 4:
            return None  # a one- or three-letter global (window.H) is too common a name to be the vendor's
        if self.prog.reassigned(binding):
            return None  # not only the global
        name = self.prog.text(head)
        return target + self.prog.path(fn)[len(name) :], f"{name} = {target}"

    def _built_here(self, fn: Node) -> bool:
        """Is the object of ``H.init`` a value this file builds (a local bound to ``new …``, an object,
        array, function or class), so not the vendor's global? An alias of the global (``const ph =
        window.posthog``), an import, a parameter or an undeclared name is not."""
        head = chain_head(fn)
        if head is None:
            return False
        binding = self.prog.lookup(head)
        if binding is None:
            return False
        if binding.kind in ("class", "function"):
            return True
        return binding.kind in ("var", "let", "const") and binding.value is not None and binding.value.type in _BUILT_VALUES

    def _replay_state(self, vendor: Vendor, call: Node) -> tuple[str, str]:
        """on / off / settings for this init call, and the option that decided it.

        In order: a disable option in the call's arguments (``disable_session_recording: true``);
        a replay option there (``sessionReplaySampleRate: 0`` turns it off, any other value on);
        a replay integration anywhere in the file (``Sentry.replayIntegration()`` built apart);
        else the vendor's documented default.
        """
        sdk = vendor.sdk
        default = sdk.replay_default
        args = norm(self._arguments_text(call)).replace("!0", "true").replace("!1", "false")
        for opt in sdk.disable_options:
            key = norm(opt)
            if (":" in key and key in args) or re.search(re.escape(key) + r"'?\]?:(true|!0|1)\b", args):
                return "off", opt if ":" in key else f"{opt}: true"
        off = None
        for opt in sdk.replay_options:
            key = norm(opt)
            if ":" in key:
                if key in args:
                    return "on", opt
                continue
            m = re.search(re.escape(key) + r"'?\]?(:([^,}\]]*))?", args)
            if m:
                if m.group(2) in ("0", "false", "!1", "0.0"):
                    off = off or f"{opt}: {m.group(2)}"  # another option (replaysOnErrorSampleRate: 1) may still turn it on
                    continue
                return "on", opt
        if off:
            return "off", off
        for opt in sdk.replay_options:
            if ":" not in opt and norm(opt).endswith(("Integration", "(")) and norm(opt) in self.norm_text:
                return "on", f"{opt} elsewhere in the file"
        for shape in sdk.bundle_replay:
            found = self._replay_call(shape)
            if found:
                return "on", found
        if default == "off":
            return "off", "no replay option"
        return default, "" if default == "on" else "replay depends on the project's settings"

    def _arguments_text(self, call: Node) -> str:
        """The call's arguments as written, a constant's value in place of its name
        (``new BrowserAgent(options)`` with ``const options = {init: {session_replay: …}}``).
        Each argument is cut at 20,000 characters; an options object longer than that is written
        property by property, each cut alike, so that a minifier's inlined integration (Sentry's
        ``integrations: [new class {…}(…)]``, tens of KB) does not hide the options after it."""
        args = call.child_by_field_name("arguments")
        if args is None:
            return self.prog.text(call)
        parts = []
        for a in self.prog.args(call):
            value = jsshapes.constant_value(self.prog, a)
            text = self.prog.text(value)
            if len(text) > _ARGUMENT_CHARS:
                cut = (self.prog.text(p)[:_ARGUMENT_CHARS] for p in value.named_children)
                text = "{" + ",".join(cut) + "}" if value.type == "object" else text[:_ARGUMENT_CHARS]
            parts.append(text)
        return "(" + ",".join(parts) + ")"

    def _replay_call(self, shape: jsshapes.CallShape) -> str | None:
        """A call elsewhere in the file that turns replay on (``[sdk] bundle_replay``: Amplitude's
        ``sessionReplayPlugin({sampleRate: 1})``, renamed): its first option must not be zero."""
        for call in self._shape_candidates(shape):
            if not jsshapes.matches(self.prog, call, shape):
                continue
            args = self.prog.args(call)
            obj = args[0] if args and args[0].type == "object" else None
            value = self.prog.pairs(obj).get(shape.anchor_keys[0]) if obj is not None and shape.anchor_keys else None
            text = norm(self.prog.text(value)) if value is not None else ""
            if text not in ("0", "0.0", "!1", "false"):
                return f"{self.prog.text(call)[:60]} elsewhere in the file"
        return None

    def _injections(self, vendor: Vendor) -> list[CodeSite]:
        out = []
        prog = self.prog
        for node in prog.assignments_to("src"):
            left = prog.path(node.child_by_field_name("left"))
            url = self._vendor_url(vendor, node.child_by_field_name("right"))
            if url:
                out.append(CodeSite(vendor, node, Via.DYNAMIC_INJECTION, f"{left or 'src'} = a URL on {url}"))
        out += self._through_loaders(vendor)
        for call in prog.calls_named("setAttribute"):
            args = prog.args(call)
            if len(args) >= 2 and prog.string_value(args[0]) == "src":
                url = self._vendor_url(vendor, args[1])
                if url:
                    out.append(CodeSite(vendor, call, Via.DYNAMIC_INJECTION, f"setAttribute('src', a URL on {url})"))
        injectors = sorted({i.rsplit(".", 1)[-1] for i in self.code["injectors"]} | {"import"})
        for name in injectors:
            for call in prog.calls_named(name):
                fn = call.child_by_field_name("function")
                path = prog.path(prog.callee(call))
                dynamic_import = fn is not None and fn.type == "import"
                if not (dynamic_import or path in self.code["injectors"]):
                    continue
                args = prog.args(call)
                url = self._vendor_url(vendor, args[0]) if args else None
                if url:
                    out.append(CodeSite(vendor, call, Via.DYNAMIC_INJECTION, f"{path or 'import'}() of a URL on {url}"))
        seen: set[int] = set()  # a loadScript(url) call is both a known injector and a loader call
        out.sort(key=lambda s: s.node.start_byte)
        kept: list[CodeSite] = []
        for o in out:
            if o.node.id not in seen:
                seen.add(o.node.id)
                kept.append(o)
        return kept

    def _loaders(self) -> list[tuple[Node, int]]:
        """Hand-written loaders: functions that set a script's src from one of their parameters
        (``function load(src) { s.src = src; … }``), with that parameter's index. Memoised."""
        if self._loader_cache is None:
            prog, found = self.prog, []
            for node in prog.assignments_to("src"):
                right = node.child_by_field_name("right")
                if right is None or right.type != "identifier":
                    continue
                fn = prog.enclosing_function(node)
                if fn is None:
                    continue
                binding = prog.lookup(right)
                if binding is None or binding.kind != "param" or binding.scope.id != fn.id:
                    continue
                params = prog.scopes._parameter_names(fn)
                index = next((i for i, p in enumerate(params) if p.id == binding.node.id), None)
                if index is not None:
                    found.append((fn, index))
            self._loader_cache = found
        return self._loader_cache

    def _through_loaders(self, vendor: Vendor) -> list[CodeSite]:
        """Calls of a hand-written loader with a vendor URL: the call is the start (its guards decide)."""
        out = []
        for fn, index in self._loaders():
            for use in self.flow.uses(fn):
                call = use.node
                if use.kind != "call" or call.type not in ("call_expression", "new_expression"):
                    continue
                args = self.prog.args(call)
                url = self._vendor_url(vendor, args[index]) if index < len(args) else None
                if url:
                    name = ", ".join(sorted(self.flow.own_names(fn))) or "a loader"
                    out.append(CodeSite(vendor, call, Via.DYNAMIC_INJECTION, f"{name}() sets a script's src to a URL on {url}"))
        return out

    def _vendor_url(self, vendor: Vendor, node: Node | None) -> str | None:
        node = _url_object_source(self.prog, node) if node is not None else None
        if node is None:
            return None
        if node.type == "identifier":  # a constant holding the URL
            const = self.prog.lookup(node)
            if const is not None and const.value is not None and const.kind == "const":
                node = const.value
        static = self.prog.static_text(node).lower() if node.end_byte - node.start_byte < 8192 else ""
        if not static:
            return None
        bare = static.split("/", 1)[0]  # 'cdn.mouseflow.com/projects/…' with the scheme added at runtime
        split = split_url(static if "//" in static[:12] else f"//{static}")
        if split is not None and outranked(vendor, split, self.vendors):
            return None  # another vendor's path on this host (Hotjar's csq- loader on a Contentsquare host)
        if bare and (bare in vendor.urls.exact or any(bare.endswith(s) for s in vendor.urls.suffixes)):
            return bare
        return inline_url_hit(vendor, static, self.vendors)

    def _jsx(self, vendor: Vendor) -> list[CodeSite]:
        out: list[CodeSite] = []
        prog = self.prog
        if not self._in_code(b"<Script") and not self._in_code(b"<script"):
            return out
        for el in prog.jsx:
            opening = el if el.type == "jsx_self_closing_element" else el.child_by_field_name("open_tag")
            if opening is None:
                continue
            name = opening.child_by_field_name("name")
            if name is None or prog.text(name) not in ("Script", "script"):
                continue
            attrs = jsx_attributes(prog, opening)
            src = attrs.get("src")
            hit = self._vendor_url(vendor, src) if src is not None else None
            body = prog.text(el) + self._constants_used(el)
            note = hit and f"<{prog.text(name)} src> on {hit}"
            if not note and snippet_hit(vendor, body):
                note = f"<{prog.text(name)}> holding the {vendor.name} snippet"
            if note:
                props = tuple(
                    (k, prog.string_value(v) or "") for k, v in attrs.items() if v is not None and prog.string_value(v) is not None
                )
                out.append(CodeSite(vendor, el, Via.JSX_SCRIPT, note, props=props))
        return out

    def _plugins(self, vendor: Vendor) -> list[CodeSite]:
        """Wrapper plugins ([sdk] plugins): named in a framework config (``plugins:
        ['gatsby-plugin-hotjar']``, ``{resolve: '…'}``, ``['posthog-docusaurus', {…}]``) or
        imported and registered (``app.use(VueHotjar, {…})``, ``NgxHotjarModule.forRoot('…')``).
        A vendor whose replay is off unless an option turns it on (Metrica's ``webvisor: true``)
        counts only a registration whose own options turn it on (``Vue.use(VueYandexMetrika,
        {options: {webvisor: true}})``): a config entry names no options."""
        plugins = set(vendor.sdk.plugins)
        replay = vendor.sdk.replay_default
        if not plugins:
            return []
        prog, out = self.prog, []
        for name in sorted(plugins) if replay != "off" else ():
            for node, chain in self._strings_holding(name.encode()):
                if prog.string_value(node) != name or len(chain) < 2:
                    continue
                parent = chain[-2]
                key = parent.child_by_field_name("key") if parent.type == "pair" else None
                if parent.type == "array" or (key is not None and prog.text(key).strip("'\"") in self.code["plugin_keys"]):
                    out.append(CodeSite(vendor, node, Via.PLUGIN, f"the {name} plugin is registered in the framework config", replay))
        registrations = sorted(self.code["plugin_use"] | self.code["plugin_register"])
        for local, imp in prog.imports.items():
            if _pkg(imp.package) not in plugins:
                continue
            for method in registrations:
                for call in prog.calls_named(method):
                    path = prog.path(prog.callee(call))
                    args = prog.args(call)
                    registered = method in self.code["plugin_use"] and any(prog.text(a) == local for a in args)
                    if registered or (path.startswith(local + ".") and method in self.code["plugin_register"]):
                        state, option = self._replay_state(vendor, call) if replay == "off" else (replay, "")
                        if state == "off":
                            continue
                        with_option = f", with {option}" if option else ""
                        out.append(
                            CodeSite(
                                vendor,
                                call,
                                Via.PLUGIN,
                                f"the {imp.package} plugin is registered: {prog.text(call)[:60]}{with_option}",
                                state,
                            )
                        )
        return out

    def _components(self, vendor: Vendor) -> list[CodeSite]:
        """JSX components of the vendor's packages that start it when rendered ([sdk] components:
        ``FullStory``, ``PostHogProvider[apiKey]`` — with ``client={…}`` it starts nothing)."""
        specs = vendor.sdk.components
        if not specs or not self.prog.jsx:
            return []
        packages = vendor.sdk.brought_by
        replay = vendor.sdk.replay_default
        if replay == "off":
            return []
        out = []
        for el in self.prog.jsx:
            opening = el if el.type == "jsx_self_closing_element" else el.child_by_field_name("open_tag")
            name = opening.child_by_field_name("name") if opening is not None else None
            local = self.prog.text(name) if name is not None else ""
            imp = self.prog.imports.get(local)
            if imp is None or _pkg(imp.package) not in packages:
                continue
            exported = imp.imported or local
            for spec in specs:
                comp, prop = spec.name, spec.prop
                # opening is None only in a broken tree (an element without its open_tag): no attribute to match
                if exported == comp and (prop is None or (opening is not None and prop in jsx_attributes(self.prog, opening))):
                    out.append(
                        CodeSite(
                            vendor,
                            el,
                            Via.COMPONENT,
                            f"<{local}{f' {prop}' if prop else ''}> from {imp.package} starts {vendor.name} when rendered",
                            replay,
                        )
                    )
        return out

    def _head_entries(self, vendor: Vendor) -> list[CodeSite]:
        """Script tags declared as head configuration (VitePress ``head``, Nuxt/unhead ``script``,
        Docusaurus ``scripts``/``headTags``, Starlight ``head``): found from the vendor's hosts and
        snippet anchors, judged like a ``<Script>`` with the entry's static attributes."""
        data = self.prog.parsed.source.data
        needles = [h.encode() for h in vendor.urls.literals() if h and "." in h]
        needles += [max(group, key=len).encode() for group, _ in vendor.snippets if anchors.group_present(group, data)]
        out: dict[int, CodeSite] = {}
        for needle in needles:
            for node, chain in self._strings_holding(needle):
                i = len(chain) - 1
                while i >= 1 and chain[i - 1].type in ("binary_expression", "parenthesized_expression"):
                    i -= 1  # 'https://cdn.mouseflow.com/projects/' + id + '.js'
                node = chain[i]
                entry = headconfig.entry_of(self.prog, node, self.code)
                if entry is None or entry.node.id in out:
                    continue
                if entry.role == "src":
                    hit = self._vendor_url(vendor, node)
                    note = hit and f"{entry.shape} loading {hit}"
                else:
                    note = snippet_hit(vendor, self.prog.text(node)) and f"{entry.shape} holding the {vendor.name} snippet"
                if note:
                    out[entry.node.id] = CodeSite(vendor, entry.node, Via.HEAD_CONFIG, note, props=entry.attrs)
        return list(out.values())

    def _strings_holding(self, needle: bytes) -> list[tuple[Node, list[Node]]]:
        """The string literals in which ``needle`` occurs (at most 20 occurrences are looked at),
        each with its path from the root; found once per needle (a vendor's hosts are asked for by
        the head-configuration and the markup-string readers alike)."""
        found = self._holding_memo.get(needle)
        if found is not None:
            return found
        out: list[tuple[Node, list[Node]]] = []
        for offset in _occurrences(self.prog.parsed.source.data, needle, limit=20):
            chain = self.prog.tree.path(offset, offset + len(needle))
            at = _string_index(chain)
            if at is not None and all(n.id != chain[at].id for n, _ in out):
                self.prog.remember(chain[: at + 1])
                out.append((chain[at], chain[: at + 1]))
        self._holding_memo[needle] = out
        return out

    def _constants_used(self, el: Node) -> str:
        """Text of the string constants an element names (``__html: CLARITY_SNIPPET``)."""
        texts: list[str] = []
        stack = [el]
        while stack:
            n = stack.pop()
            self.prog.budget.spend()
            if n.type == "identifier":
                text = self.prog.constant(n)
                if text is not None:
                    texts.append(text)
            stack.extend(n.named_children)
        return "".join("\n" + t for t in texts)

    def _markup_strings(self, vendor: Vendor) -> list[CodeSite]:
        """A ``<script>`` tag for the vendor held in a string: written with ``document.write`` or a
        jQuery inserter (``$('head').append('<script …>')``), it runs there; returned from a
        function (a consent manager's module registry, a template helper), it runs wherever the
        caller inserts it, which this file does not show (unverifiable). Elsewhere (innerHTML, which
        never runs scripts; a code sample) it stays data."""
        data = self.prog.parsed.source.data
        if not any(self._in_code(opener) for opener in _SCRIPT_OPENERS):
            return []
        out: list[CodeSite] = []
        needles = [h.encode() for h in vendor.urls.literals() if h and "." in h]
        needles += [n.replace(b"/", b"\\/") for n in needles if b"/" in n]  # JSON-escaped: edge.fullstory.com\/s\/fs.js
        needles += [max(group, key=len).encode() for group, _ in vendor.snippets if anchors.group_present(group, data)]
        seen: set[int] = set()
        for needle in needles:
            for node, chain in self._strings_holding(needle):
                i = len(chain) - 1
                while i >= 1 and chain[i - 1].type in ("binary_expression", "parenthesized_expression", "template_substitution"):
                    i -= 1  # '<script src="' + url + '"></script>'
                whole = chain[i]
                text = _unescaped(self.prog.text(whole))  # \u003Cscript in a JSON-escaped tag (a built gtm.js)
                if whole.id in seen or "<script" not in text.lower():
                    continue
                if not (self._vendor_url(vendor, node) or inline_url_hit(vendor, text, self.vendors) or snippet_hit(vendor, text)):
                    continue
                seen.add(whole.id)
                site = self._markup_use(vendor, chain[: i + 1])
                if site is not None:
                    out.append(site)
        return out

    def _container_tags(self, vendor: Vendor) -> list[CodeSite]:
        """A built Google Tag Manager container (a saved ``gtm.js``) lists its tags as data,
        ``{"function": "__hjtc", "vtp_hotjar_site_id": …}``: a vendor's built-in tag type there
        (``[detect] gtm_tag_types``) is a start the container fires on its own triggers. The tag
        template's code (the runtime's strings) is the container's, not a snippet of the page."""
        out: list[CodeSite] = []
        data = self.prog.parsed.source.data
        for typ in vendor.gtm_tag_types:
            name = f"__{typ}"
            for offset in _occurrences(data, f'"{name}"'.encode(), limit=20):
                chain = self.prog.tree.path(offset, offset + len(name) + 2)
                at = _string_index(chain)
                if at is None or at < 2 or chain[at - 1].type != "pair" or chain[at - 2].type != "object":
                    continue
                pair = chain[at - 1]
                if self.prog.key_of(pair) != "function" or self.prog.string_value(chain[at]) != name:
                    continue
                self.prog.remember(chain[:at])
                out.append(
                    CodeSite(
                        vendor,
                        pair,
                        Via.GTM_TAG,
                        f"a {vendor.name} tag ({name}) in a built Google Tag Manager container",
                    )
                )
        return out

    def _markup_use(self, vendor: Vendor, chain: list[Node]) -> CodeSite | None:
        parent = chain[-2] if len(chain) >= 2 else None
        if parent is not None and parent.type == "arguments" and len(chain) >= 3:
            call = chain[-3]
            callee = self.prog.callee(call)
            name = self.prog.path(callee).rsplit(".", 1)[-1] if callee is not None else ""
            if name in self.code.get("html_runners", frozenset()):
                return CodeSite(
                    vendor,
                    call,
                    Via.DYNAMIC_INJECTION,
                    f"a <script> tag for {vendor.name} written by {self.prog.path(callee) or name}(), which runs it",
                )
            return None
        if parent is not None and (
            parent.type == "return_statement" or (parent.type == "arrow_function" and parent.child_by_field_name("body") == chain[-1])
        ):
            return CodeSite(
                vendor,
                chain[-1],
                Via.MARKUP_STRING,
                f"a <script> tag for {vendor.name} returned as a string: it runs wherever the caller inserts it",
            )
        key = self._markup_key(chain)
        if key is not None:
            return CodeSite(
                vendor,
                chain[-1],
                Via.MARKUP_STRING,
                f"a <script> tag for {vendor.name} held as the value of '{key}'",
                props=(("held", key),),
            )
        return None

    def _markup_key(self, chain: list[Node]) -> str | None:
        """The property a markup string is the value of, when its name says it holds code or markup
        (``{"code": "<script>…"}`` in a Piwik PRO container, ``"vtp_html": ["template", "<script…"]``
        in a built gtm.js): ``[code] markup_keys``. Other properties (a label, a code sample's
        caption) keep the string as data."""
        at = len(chain) - 2
        if at >= 1 and chain[at].type == "array" and chain[at - 1].type == "pair":
            at -= 1  # a tag manager's typed value: ["template", "<script…"]
        if at < 0 or chain[at].type != "pair" or chain[at].child_by_field_name("value") != chain[at + 1]:
            return None
        key = self.prog.key_of(chain[at])
        return key if key in self.code.get("markup_keys", frozenset()) else None

    def _snippets(self, vendor: Vendor) -> list[CodeSite]:
        """Pasted snippets: for each matching anchor group, the statement that runs it.

        From the group's longest anchor, climb out of immediately-invoked functions (snippets are
        IIFEs) to the statement that calls them; a snippet reached that way is preferred over one
        that is only configuration lines (``window['_fs_org'] = …``). Anchors in comments are
        skipped; a snippet kept as text in a code string is data, unless the string is written
        into a script element (``script.innerHTML = `…` ``), which runs it.
        """
        data = self.prog.parsed.source.data
        found: list[tuple[bool, Node, str, Via]] = []
        replay_on = dict(vendor.snippet_replay_on)
        for group, note in vendor.snippets:
            if not anchors.group_present(group, data):
                continue
            settings = replay_on.get(group)
            moved = self._settings_sites(vendor, settings, note or " + ".join(group)) if settings else None
            if moved is not None:
                # A snippet that carries the app's settings, which keep replay off (the suite runs,
                # nothing is recorded: ``_snippet_off``, filed as RL130) or move its start to the
                # calls that force or release it.
                self._settings_starts += [m for m in moved if all(m.node.id != k.node.id for k in self._settings_starts)]
                continue
            for offset, width in anchors.occurrences(data, max(group, key=len), limit=20):
                chain = self.prog.tree.path(offset, offset + width)
                if chain[-1].type == "comment" or _own_member(self.prog, offset):
                    continue
                literal = _code_string(self.prog, chain)
                if literal is not None:
                    lit_chain = chain[: literal + 1]
                    written = _written_to_script(self.prog, lit_chain, self.code)
                    if written is not None:
                        found.append((True, written, f"{note or ' + '.join(group)}, written into a script element", Via.DYNAMIC_INJECTION))
                        continue
                    passed = _passed_as_script(self.prog, lit_chain, self.code)
                    if passed is not None:
                        how = self.prog.path(self.prog.callee(passed)) or "a call"
                        found.append(
                            (True, passed, f"{note or ' + '.join(group)}, passed as script text to {how}()", Via.DYNAMIC_INJECTION)
                        )
                        continue
                    handed = jshanded.handed_to_script(self.prog, lit_chain, self.code)
                    if handed is not None:
                        found.append((True, handed[0], f"{note or ' + '.join(group)}, {handed[1]}", Via.DYNAMIC_INJECTION))
                    continue  # else a snippet held as data (a dangerouslySetInnerHTML string): not code here
                if _in_data(chain):
                    continue  # an anchor in an array of data (a built tag manager's template code): no statement runs it
                stmt, via_iife = _snippet_statement(chain)
                self.prog.remember(chain[: next(i for i, n in enumerate(chain) if n.id == stmt.id) + 1])
                if group in vendor.second_stage:
                    self._second_stage[stmt.id] = _group_span(data, group, stmt)
                found.append((via_iife, stmt, note or " + ".join(group), Via.SNIPPET))
        if not found:
            return []
        # Each pasted copy is a site (a file may hold two: one per environment); of the matches
        # inside one copy, the smallest IIFE stands for it, else its first configuration line.
        iife = [f for f in found if f[0]]
        picked = sorted(iife, key=lambda f: f[1].end_byte - f[1].start_byte) if iife else found[:1]
        out: list[CodeSite] = []
        for _, stmt, note, via in picked:
            if any(inside(s.node, stmt) or inside(stmt, s.node) for s in out):
                continue
            out.append(CodeSite(vendor, stmt, via, note))
        return sorted(out, key=lambda s: s.node.start_byte)

    def _settings_off(self, settings: SnippetSettings) -> tuple[Node, str, bool, bool] | None:
        """The statement that assigns a snippet's settings object (``NREUM.init = {…}``,
        ``(window.NREUM||(NREUM={})).init = {…}``), why those settings keep replay off (None when
        they may turn it on), whether only the sampling rates do, and whether they defer replay
        (``replay_deferred`` a false literal); None when no such assignment is in the file (the
        settings are elsewhere). A key path left out or a false literal is off; anything but a
        literal may be on. With two assignments (one per environment) both must keep it off (and
        both defer it)."""
        prog = self.prog
        head, _, key = settings.settings.rpartition(".")
        found: list[tuple[Node, str | None, bool, bool]] = []
        for offset in list(prog.tree.occurrences(head))[:64]:
            prog.budget.spend()
            chain = prog.tree.path(offset, offset + len(head.encode()))
            assigned = _assigned_property(prog, chain, key)
            if assigned is None or any(a.id == assigned.id for a, *_ in found):
                continue
            obj = jsshapes.constant_value(prog, assigned.child_by_field_name("right") or assigned)
            why, by_rates = _settings_why(prog, obj, settings)
            written = _key_path(prog, obj, settings.deferred) if settings.deferred else None
            deferred = written is not None and written[0] == "off" and written[1] is not None  # a false literal written out
            found.append((assigned, why, by_rates, deferred))
        if not found:
            return None
        off = all(f[1] is not None for f in found)
        return (
            _statement(prog.chain(found[0][0])),
            (found[0][1] or "") if off else "",
            off and all(f[2] for f in found),
            all(f[3] for f in found),
        )

    def _settings_sites(self, vendor: Vendor, settings: SnippetSettings, note: str) -> list[CodeSite] | None:
        """Where a snippet whose settings object keeps replay off or defers it records: None when
        its settings neither keep it off nor defer it (the snippet is the start); [] when replay is
        off (filed in ``_snippet_off``). With only the sampling rates at 0, each call that forces a
        replay (``replay_forced``: ``newrelic.recordReplay()``) is a start; with replay deferred,
        each ``deferred_release`` call (``newrelic.start()``), and with none in the file the
        snippet stays, unverifiable: another file may start it."""
        read = self._settings_off(settings)
        if read is None:
            return None
        stmt, why, by_rates, deferred = read
        if why:
            forced = self._calls_matching(settings.forced) if by_rates else []
            if not forced:
                if not any(i.node.id == stmt.id for i in self._snippet_off):
                    self._snippet_off.append(Inactive(vendor, stmt, f"{note} with replay off ({why})", True))
                return []
            return [
                CodeSite(
                    vendor,
                    c,
                    Via.RELEASE_CALL,
                    f"{self.prog.text(c)[:60]} forces a replay that the {note}'s rates ({why}) would not record",
                )
                for c in forced
            ]
        if not deferred:
            return None
        held = f"{settings.deferred} = false"
        calls = self._calls_matching(settings.deferred_release)
        if not calls:
            first = settings.deferred_release[0].text if settings.deferred_release else "its start call"
            return [
                CodeSite(
                    vendor,
                    stmt,
                    Via.SNIPPET,
                    f"{note}, replay deferred ({held})",
                    open=f"replay is deferred ({held}) until {first}), which this file does not call: another file may",
                )
            ]
        return [
            CodeSite(vendor, c, Via.RELEASE_CALL, f"{self.prog.text(c)[:60]} starts the replay deferred by {held}", hold=held)
            for c in calls
        ]

    def _calls_matching(self, specs: tuple[CallSpec, ...]) -> list[Node]:
        """The calls in this file that match one of ``specs`` (release specs, as written)."""
        names = sorted({r.name for r in specs if r.path is not None})
        candidates = {c.id: c for name in names for c in self.prog.calls_named(name)}
        return sorted((c for c in candidates.values() if any(self._releases(c, r) for r in specs)), key=lambda n: n.start_byte)

    def _merge(self, precise: list[CodeSite], snippets: list[CodeSite]) -> list[CodeSite]:
        """A pasted snippet is one site: the injection inside it folds into it. A snippet match
        that holds an init call or a <Script> (anchors in its props), or that is only configuration
        next to a precise start elsewhere, gives way to the precise sites."""
        out = []
        for snip in snippets:
            if snip.node.id in self._second_stage:
                # The vendor's own second-stage script: its script and frame loads are its internals.
                start, end = self._second_stage[snip.node.id]
                out.append(snip)
                precise = [
                    p for p in precise if not (p.via == Via.DYNAMIC_INJECTION and start <= p.node.start_byte and p.node.end_byte <= end)
                ]
                continue
            inner = [p for p in precise if inside(p.node, snip.node)]
            if any(p.via != Via.DYNAMIC_INJECTION for p in inner):
                continue
            if any(inside(snip.node, p.node) for p in precise if p.via in _TAG_VIAS):
                continue  # the snippet is the body of a <Script> or head entry already reported
            if inner or not precise:
                out.append(snip)
                precise = [p for p in precise if p not in inner]
        if out and (not precise or precise[0].vendor.category != "replay-addon"):  # a suite's init decides whether it records
            precise = [p for p in precise if not (p.via == Via.INIT_CALL and any(self._same_start(p, snip) for snip in out))]
        return precise + out

    def _same_start(self, init: CodeSite, snippet: CodeSite) -> bool:
        """A vendor's init call beside its own loader snippet in one function (Smartlook's
        ``smartlook('init', key)`` after the stub, Inspectlet's ``__insp.push(['wid', …])`` before
        the loader it defines): one recorder, reported at the snippet. Outside the snippet's own
        function (or nested in it) the call may stand behind a check of its own, so it stays."""
        at = self.prog.enclosing_function(init.node)
        snip = self.prog.enclosing_function(snippet.node)
        while (
            snip is not None
            and snip.id != (at.id if at is not None else None)
            and inside(snippet.node, snip)
            and self._is_iife_or_local(snip, at)
        ):
            snip = self.prog.enclosing_function(snip)
        return (at is None and snip is None) or (at is not None and snip is not None and at.id == snip.id)

    def _is_iife_or_local(self, fn: Node, outer: Node | None) -> bool:
        """Is ``fn`` the snippet's own wrapper (an IIFE) or a helper defined inside ``outer``?"""
        parent = fn.parent
        while parent is not None and parent.type == "parenthesized_expression":
            parent = parent.parent
        if parent is not None and parent.type == "call_expression":
            return True
        return outer is not None and inside(fn, outer)

    def _held_init(self, vendor: Vendor, init: Node, how: str, released: list[CodeSite], inactive: list[Inactive], via: Via) -> bool | str:
        """An init whose options hold recording back (``[[sdk.init_hold]]``: Sentry with both
        replay sample rates 0 or left out) records nothing by itself: its start is each release
        call (``replay.start()`` on the replay integration), added to ``released``; with none in
        this file the SDK is inactive, unless the instance leaves the file (exported, or set on a
        global): then the init stands for the starts elsewhere, unverifiable unless it is itself
        gated (True: handled). False when no hold of the vendor holds
        this init: the init is the start, whatever the app releases later. A string when the
        init's options would hold but the instance is built with options that record anyway
        (Sentry 7's ``new Replay({sessionSampleRate: 0.1})``): the init is the start, for that reason."""
        for hold in vendor.sdk.init_hold:
            if not self._holds(init, hold):
                continue
            override = next((c for c in self._instance_calls(hold) if self._overrides(c, hold)), None)
            if override is not None:
                return f"{self.prog.text(override)[:60]} sets {' or '.join(hold.instance_options)}"
            held = f"{' and '.join(hold.options)} {hold.value} or left out"
            calls = self._instance_releases(vendor, hold)
            left = self._instance_leaves(hold)  # started here or not, it may also be started elsewhere
            if left is not None:
                why = f"recording held ({held}), and the instance that starts it is {left}: it may be started where this file does not show"
                released.append(CodeSite(vendor, init, via, f"{how}, with {why}", open=f"{self.prog.text(init)[:40]}… holds {why}"))
            elif not calls:
                inactive.append(Inactive(vendor, init, f"{how}, with recording held ({held}) and never started here", replay_off=True))
            known = {r.node.id for r in released}
            released += [
                CodeSite(
                    vendor, c, Via.RELEASE_CALL, f"{self.prog.text(c)[:60]} starts the recording held by {held} in the init", hold=held
                )
                for c in calls
                if c.id not in known  # a second held init (one per environment) shares the releases
            ]
            return True
        return False

    def _instance_leaves(self, hold: InitHold) -> str | None:
        """How an instance the app builds leaves this file (``export const replay =
        Sentry.replayIntegration()``, ``window.replay = replay``), if it does."""
        for call in self._instance_calls(hold):
            for use in self.flow.uses(call):
                if use.kind in ("export", "global"):
                    return f"{'exported' if use.kind == 'export' else 'set on the global'} {use.key or ''}".rstrip()
        return None

    def _orphan_releases(self, vendor: Vendor) -> list[CodeSite]:
        """Release calls in a file without the vendor's init (``Sentry.getReplay()?.start()`` in
        a consent module, the init in another file): whether that init holds recording is not
        visible here, so each is a start of its own. An init above zero records from its own
        file anyway, where it is reported; one that holds records only from such a call. Only on
        an instance the app names (``getReplay``, ``replayIntegration`` from the SDK's package,
        ``getIntegrationByName('Replay')``), and only in a file without the SDK's code (whose own
        calls of its instance are plumbing)."""
        if not vendor.sdk.init_hold or self._spans(vendor):
            return []
        out: dict[int, CodeSite] = {}
        for hold in vendor.sdk.init_hold:
            for call in self._instance_releases(vendor, hold, bundled=False):
                out.setdefault(
                    call.id,
                    CodeSite(
                        vendor,
                        call,
                        Via.RELEASE_CALL,
                        f"{self.prog.text(call)[:60]} starts the recording (the init is not in this file: with "
                        f"{' and '.join(hold.options)} {hold.value} or left out, this call is its start)",
                    ),
                )
        return sorted(out.values(), key=lambda site: site.node.start_byte)

    def _holds(self, init: Node, hold: InitHold) -> bool:
        """Does the init's options object hold every one of the hold's options at its value or
        leave it out? A value must be that literal (a variable may be anything). A spread may
        carry any key: after the last one, every hold option must be written out
        (``{...base, replaysSessionSampleRate: 0, replaysOnErrorSampleRate: 0}`` holds). A
        shorthand or a method names its one key: ``{app, dsn}`` (Vue's app) leaves the rates
        out, ``{replaysSessionSampleRate}`` sets one to a variable."""
        prog = self.prog
        args = prog.args(init)
        opts = jsshapes.constant_value(prog, args[0]) if args else None
        if opts is None or opts.type != "object":
            return False
        entries = [c for c in opts.named_children if c.type != "comment"]
        named = {prog.text(c) for c in entries if c.type == "shorthand_property_identifier"}
        if named & set(hold.options):
            return False
        keyed = ("pair", "shorthand_property_identifier", "method_definition")
        last_open = max((i for i, c in enumerate(entries) if c.type not in keyed), default=-1)
        pairs = prog.pairs(opts)
        if last_open >= 0:
            after = {prog.key_of(c) for c in entries[last_open + 1 :] if c.type == "pair"}
            if not all(o in after for o in hold.options):
                return False
        return all(_is_value(prog, jsshapes.constant_value(prog, pairs[o]), hold.value) for o in hold.options if o in pairs)

    def _instance_calls(self, hold: InitHold) -> list[Node]:
        return [c for name in sorted({s.name for s in hold.instance}) for c in self.prog.calls_named(name)]

    def _overrides(self, call: Node, hold: InitHold) -> bool:
        """Does this instance call set one of the hold's ``instance_options`` to anything but its value?"""
        args = self.prog.args(call)
        opts = jsshapes.constant_value(self.prog, args[0]) if args else None
        if not hold.instance_options or opts is None or opts.type != "object":
            return False
        if any(c.type not in ("pair", "comment") for c in opts.named_children):
            return True  # a spread may set them
        pairs = self.prog.pairs(opts)
        return any(
            not _is_value(self.prog, jsshapes.constant_value(self.prog, pairs[o]), hold.value) for o in hold.instance_options if o in pairs
        )

    def _instance_releases(self, vendor: Vendor, hold: InitHold, bundled: bool = True) -> list[Node]:
        """Calls of the hold's release methods on the instance the SDK records with (``replay.start()``
        with ``const replay = Sentry.replayIntegration()``, ``Sentry.getReplay()?.start()``; in a
        bundle, on a value the instance's own class builds), outside the SDK's own code.
        ``bundled=False``: only on an instance call the app writes."""
        prog = self.prog
        data = prog.parsed.source.data
        strings = hold.instance_strings if bundled else ()
        spans = sorted({at for text in strings for at in _occurrences(data, text.encode(), limit=8)})
        sdk_spans = self._spans(vendor)
        found: dict[int, Node] = {}
        for method in hold.release:
            for call in prog.calls_named(method):
                callee = prog.callee(call)
                if call.type != "call_expression" or callee is None or callee.type != "member_expression":
                    continue
                prop = callee.child_by_field_name("property")
                receiver = callee.child_by_field_name("object")
                if prop is None or prog.text(prop) != method or receiver is None:
                    continue
                if self._sdk_owned(call, sdk_spans):
                    continue
                if self._instance(vendor, hold, receiver, spans):
                    found[call.id] = call
        return sorted(found.values(), key=lambda n: n.start_byte)

    def _instance(self, vendor: Vendor, hold: InitHold, expr: Node, spans: list[int]) -> bool:
        """Is the value of ``expr`` the instance the hold's release is called on? Followed through
        bindings and assignments, parentheses, and the values small functions return (a bundle's
        ``Ka = e => new Ya(e)``), to one of the hold's instance calls or, in a bundle, to a class
        (or constructor) holding the instance's strings."""
        prog = self.prog
        stack, seen = [(expr, 0)], set()
        while stack:
            node, depth = stack.pop()
            if node.id in seen or depth > 6:
                continue
            seen.add(node.id)
            prog.budget.spend()
            kind = node.type
            if kind in ("parenthesized_expression", "sequence_expression", "await_expression", "non_null_expression", "as_expression"):
                if node.named_children:
                    stack.append((node.named_children[-1], depth))
            elif kind == "identifier":
                binding = prog.lookup(node)
                if binding is None or binding.kind not in ("var", "let", "const"):
                    continue
                if binding.value is not None:
                    stack.append((binding.value, depth + 1))
                for ref in prog.scopes.references(binding)[:50]:
                    parent = ref[-2] if len(ref) >= 2 else None
                    if parent is not None and parent.type == "assignment_expression" and parent.child_by_field_name("left") == ref[-1]:
                        right = parent.child_by_field_name("right")
                        if right is not None:
                            stack.append((right, depth + 1))
            elif kind in ("class", "class_declaration"):
                if spans and _covers(node, spans):
                    return True
            elif kind in ("call_expression", "new_expression"):
                if self._instance_call(vendor, hold, node):
                    return True
                callee = prog.callee(node)
                if callee is None:
                    continue
                if callee.type == "identifier":
                    binding = prog.lookup(callee)
                    callee = binding.value if binding is not None else None
                if callee is None:
                    continue
                callee = unparen(callee)
                if callee.type in ("class", "class_declaration") or (kind == "new_expression" and callee.type in FUNCTION_TYPES):
                    if spans and _covers(callee, spans):
                        return True
                elif callee.type in FUNCTION_TYPES and callee.end_byte - callee.start_byte <= _RETURNING_FUNCTION:
                    stack += [(r, depth + 1) for r in _returned(callee)]
        return False

    def _instance_call(self, vendor: Vendor, hold: InitHold, call: Node) -> bool:
        """A call (or ``new``) of one of the hold's instance specs: with a string argument, by its
        name and that argument on any object (``getIntegrationByName('Replay')``); else by its name
        on the SDK's import or global (``Sentry.replayIntegration(…)``, ``S.getReplay()``,
        ``replayIntegration(…)`` imported from the SDK's package)."""
        prog = self.prog
        callee = prog.callee(call)
        if callee is None:
            return False
        name = jsshapes.member_name(prog, callee) if callee.type != "identifier" else prog.text(callee)
        args = prog.args(call)
        first = prog.string_value(args[0]) if args and args[0].type in STRING_TYPES else None
        if any(spec.arg is not None and name == spec.name and first == spec.arg for spec in hold.instance):
            return True
        path = prog.path(callee)
        while "." in path and path.split(".", 1)[0] in GLOBAL_OBJECTS:
            path = path.split(".", 1)[1]
        if not path:
            return False
        head, _, _ = path.partition(".")
        for spec in hold.instance:
            if spec.arg is not None:
                continue
            imp = prog.imports.get(head)
            from_sdk = imp is not None and _pkg(imp.package) in vendor.sdk.brought_by
            if "." in path:
                if (
                    name == spec.name
                    and path.count(".") == 1
                    and (from_sdk or (imp is None and head == spec.obj and _global_head(prog, callee)))
                ):
                    return True
            elif from_sdk and imp is not None and (imp.imported or "") == spec.name:
                return True
        return False

    def _apply_holds(self, vendor: Vendor, sites: list[CodeSite]) -> list[CodeSite]:
        """A switch that holds recording back moves the start to the release calls: named as
        written (``posthog.opt_in_capturing()``) or, in a bundle that renamed the API, by their
        shape (``[sdk.hold] bundle_release``: FullStory's ``Oe("start")``)."""
        holds = [h for h in vendor.sdk.hold if self._in_code(h.switch.encode())]
        code = self._booleans() if holds else ""
        for hold in holds:
            switch, value = hold.switch_norm, hold.value_norm
            if not any(f"{switch}{sep}{value}" in code for sep in ("=", ":", "']=", "':", "]=")):
                continue
            releases = hold.release
            names = sorted({r.name for r in releases if r.path is not None})
            candidates = {c.id: c for name in names for c in self.prog.calls_named(name)}
            calls = [c for c in candidates.values() if any(self._releases(c, r) for r in releases)]
            chosen: dict[int, Node] = {}  # release calls whose argument picks the releasing value: that branch
            for c in candidates.values():
                branch = None if any(c.id == k.id for k in calls) else self._chosen_release(c, releases)
                if branch is not None:
                    chosen[c.id] = branch
                    calls.append(c)
            spans = self._spans(vendor)
            for shape in hold.bundle_release:
                for call in self._shape_candidates(shape):
                    if (
                        call.id not in {c.id for c in calls}
                        and not self._in_sdk_code(call, spans)
                        and (self.in_sdk is None or not self.in_sdk(call))
                        and jsshapes.matches(self.prog, call, shape)
                    ):
                        calls.append(call)
            calls.sort(key=lambda n: n.start_byte)
            held = f"{hold.switch} = {hold.value}"
            if not calls:
                return [CodeSite(vendor, s.node, s.via, s.evidence, s.replay, hold=held) for s in sites] if sites else []
            return [
                CodeSite(
                    vendor,
                    c,
                    Via.RELEASE_CALL,
                    f"{self.prog.text(c)[:60]} releases recording held by {held}"
                    + (f" when it passes {self.prog.text(chosen[c.id])}" if c.id in chosen else ""),
                    hold=held,
                    judged=chosen.get(c.id),
                )
                for c in calls
            ]
        return sites

    def _chosen_release(self, call: Node, releases: tuple[CallSpec, ...]) -> Node | None:
        """The branch of a release call's argument that releases: ``setTrackingConsent(ok ? 'granted' :
        'not-granted')`` releases only when the ternaries around its argument pick the release's
        value. The one literal that equals it, when every other branch is a literal that does not
        (a branch that may hold anything, or two that release, leave the call unrecognised)."""
        args = call.child_by_field_name("arguments")
        first = next((a for a in args.named_children if a.type != "comment"), None) if args is not None else None
        if first is None:
            return None
        callee = self.prog.callee(call)
        path = self.prog.path(callee) if callee is not None else ""
        for release in releases:
            if release.path is None or release.arg is None or path.rsplit(".", 1)[-1] != release.name:
                continue
            if release.obj is not None and path != release.path and not path.endswith(f".{release.path}"):
                continue
            leaves = jsexpr.choices(first)
            values = [self._literal(leaf) for leaf in leaves]
            if None in values or len(leaves) < 2:
                continue
            granting = [leaf for leaf, value in zip(leaves, values, strict=True) if value == release.arg]
            if len(granting) == 1:
                return granting[0]
        return None

    def _literal(self, node: Node) -> str | None:
        """A string literal's value (a template literal only without substitutions)."""
        return self.prog.literal(node)

    def _releases(self, call: Node, release: CallSpec) -> bool:
        """Does ``call`` match a release spec (``posthog.opt_in_capturing(``,
        ``setTrackingConsent('granted'``)? As written, or by its last name and arguments when the
        object it is called on is a renamed binding (``Zh.setTrackingConsent(`granted`)``)."""
        text = norm(self.prog.text(call))
        callee = self.prog.callee(call)
        path = self.prog.path(callee) if callee is not None else ""
        if text.startswith(release.text) or release.text in norm(path + "("):
            return True
        if release.path is None or release.obj is not None:
            return False  # "mouseflow.start(": the object is part of what identifies it
        args = call.child_by_field_name("arguments")
        return f"{path.rsplit('.', 1)[-1]}{norm(self.prog.text(args)) if args is not None else '('}".startswith(release.text)

    def _imported_only(self, vendor: Vendor) -> list[Inactive]:
        packages = vendor.sdk.brought_by
        return [
            Inactive(vendor, node, f"{source} is imported but never started here")
            for node, source in self.prog.import_nodes
            if _pkg(source) in packages
        ]


def _attribute(sites: list[CodeSite], inactive: list[Inactive], present: dict[str, Vendor]) -> tuple[list[CodeSite], list[Inactive]]:
    """An SDK that ships another recorder's library (Mixpanel, PostHog, Sentry … embed rrweb;
    Highlight carries Amplitude and Mixpanel loaders: ``[sdk] embeds``) is that vendor: where its
    code is in the file (``present``: vendors whose bundle strings occur), the embedded
    library's sites are its own start's, or, when its own start was not found, its sites."""
    hosts: dict[str, Vendor] = {}
    for vendor in present.values():
        for embedded in vendor.sdk.embeds:
            hosts.setdefault(embedded, vendor)
    if not hosts:
        return sites, inactive
    reported = {s.vendor.id for s in sites} | {i.vendor.id for i in inactive}
    kept: list[CodeSite] = []
    seen = {(s.vendor.id, s.node.id) for s in sites if s.vendor.id not in hosts}
    for site in sites:
        host = hosts.get(site.vendor.id)
        if host is None or site.via not in _EMBEDDED_VIAS:
            kept.append(site)
            continue
        if host.id in reported or (host.id, site.node.id) in seen:
            continue  # the host's own start (or its replay-off start) is what is reported
        seen.add((host.id, site.node.id))
        kept.append(
            CodeSite(
                host,
                site.node,
                site.via,
                f"{host.name} (its SDK ships {site.vendor.name}): {site.evidence}",
                host.sdk.replay_default,
                site.hold,
            )
        )
    return kept, [i for i in inactive if i.vendor.id not in hosts]


_BUNDLE_VIAS = frozenset({Via.BUNDLE_INIT, Via.BUNDLE_SDK_CALL})
_EMBEDDED_VIAS = _BUNDLE_VIAS | {Via.SNIPPET, Via.DYNAMIC_INJECTION}


_RETURNING_FUNCTION = 4000  # bytes of a function whose returned values are followed (a wrapper, not an SDK's body)


def _returned(fn: Node) -> list[Node]:
    """What a function returns: an arrow's expression body, else the values of the ``return``
    statements in its own body (not in functions nested in it)."""
    body = fn.child_by_field_name("body")
    if body is None:
        return []
    if body.type != "statement_block":
        return [body]
    out: list[Node] = []
    stack = list(body.named_children)
    while stack:
        n = stack.pop()
        if n.type in FUNCTION_TYPES or n.type in ("class", "class_declaration"):
            continue
        if n.type == "return_statement":
            out += [c for c in n.named_children if c.type != "comment"][:1]
            continue
        stack.extend(n.named_children)
    return out


def _global_head(prog: Program, expr: Node) -> bool:
    """Is the leftmost name of a member chain (``Sentry`` of ``Sentry.getReplay``, ``window`` of
    ``window.Sentry.getReplay``) a global, declared nowhere in this file?"""
    head = chain_head(expr)
    return head is not None and prog.lookup(head) is None


def _url_object_source(prog: Program, node: Node) -> Node:
    """The URL a ``URL`` object was built from, where a script's src is set from the object:
    ``url.toString()``, ``url.href``, ``String(url)`` or ``url`` itself, with ``const url = new
    URL(`https://static.hotjar.com/c/hotjar-${id}.js`)`` (query parameters added with
    ``url.searchParams.set`` change no host). Anything else is returned as it is."""
    inner = unparen(node)
    if inner.type == "call_expression":
        callee = prog.callee(inner)
        args = prog.args(inner)
        if callee is not None and callee.type == "member_expression" and not args:
            prop = callee.child_by_field_name("property")
            if prop is not None and prog.text(prop) == "toString":
                inner = unparen(callee.child_by_field_name("object") or inner)
        elif callee is not None and callee.type == "identifier" and prog.text(callee) == "String" and len(args) == 1:
            inner = unparen(args[0])
    elif inner.type == "member_expression":
        prop = inner.child_by_field_name("property")
        if prop is not None and prog.text(prop) == "href":
            inner = unparen(inner.child_by_field_name("object") or inner)
    made = jsshapes.constant_value(prog, inner) if inner.type == "identifier" else inner
    if made.type == "new_expression":
        ctor = made.child_by_field_name("constructor")
        made_args = made.child_by_field_name("arguments")
        first = next((a for a in made_args.named_children if a.type != "comment"), None) if made_args is not None else None
        if ctor is not None and prog.text(ctor) in ("URL", "window.URL") and first is not None:
            return first
    return node


# A bundle's start carries the SDK's own strings (message formats such as "{count}"), not a template's.
_BUNDLE_VIAS = frozenset({Via.BUNDLE_INIT, Via.BUNDLE_SDK_CALL})


def _substitution_token(prog: Program, node: Node, brackets: frozenset[str]) -> str | None:
    """A string literal in the start whose whole value is a name between a pair of ``[code]
    value_token_brackets`` (``"{site_ID}"``, as a plugin's ``str_replace`` fills it): no id a
    vendor issues looks so, and a placeholder the docs print is ``placeholder_ids``' case."""
    if not brackets:
        return None
    stack, seen = [node], 0
    while stack and seen < 4000:
        n = stack.pop()
        seen += 1
        if n.type == "string":
            value = prog.string_value(n) or ""
            if (
                2 < len(value) <= 64
                and value[0] + value[-1] in brackets
                and value[1:-1].replace("_", "a").isalnum()
                and not value[1].isdigit()
            ):
                return value
            continue
        stack.extend(n.named_children)
    return None


def _is_value(prog: Program, node: Node, value: str) -> bool:
    """Is ``node`` the literal ``value`` (a number compared as a number: ``0``, ``0.0``, ``.0``)?"""
    text = norm(prog.text(node))
    if node.type == "number":
        try:
            return float(text) == float(value)
        except ValueError:
            return False
    return text == value


def _spec_matches(spec: CallSpec, path: str, first: str | None, item: str | None = None) -> bool:
    """Does a call of ``path`` (first argument ``first`` when a string, ``item`` the first item of an
    array handed first) fit the spec? A global's name also fits read off the global object
    (``window.ym(…)``, ``window['smartlook']('init', …)``)."""
    if spec.item is not None and item != spec.item:
        return False  # a queue push of another command (``_uxa.push(['trackDynamicVariable', …])``)
    if spec.obj is not None:
        return path == f"{spec.obj}.{spec.name}" or path.endswith(f".{spec.obj}.{spec.name}")
    head, _, rest = path.partition(".")
    if rest and head in GLOBAL_OBJECTS and "." not in rest:
        path = rest
    return path == spec.name and (spec.arg is None or first == spec.arg)


def _first_item(prog: Program, call: Node) -> str | None:
    """The first item of an array a call is handed first, when a string (``push(['wid', …])`` -> "wid")."""
    args = prog.args(call)
    if not args or args[0].type != "array":
        return None
    items = [c for c in args[0].named_children if c.type != "comment"]
    return prog.string_value(items[0]) if items else None


def _occurrences(data: bytes, needle: bytes, limit: int) -> list[int]:
    out: list[int] = []
    at = data.find(needle)
    while at >= 0 and len(out) < limit:
        out.append(at)
        at = data.find(needle, at + 1)
    return out


_ARGUMENT_CHARS = 20000  # of one argument (or one property of an options object) read for replay options
_WRAPPER_SHARE = 0.9  # a function over this share of the file wraps the bundle, not an SDK
_LITERAL_ARGS = frozenset({"string", "number", "true", "false", "object", "array", "template_string", "unary_expression"})


def _configuration(prog: Program, call: Node) -> bool:
    """Arguments written out as literals, or constants holding literals (an app configures an
    SDK; the SDK's own plumbing passes variables): at least one, and all such."""
    args = prog.args(call)
    return bool(args) and all(_literal(prog, a) for a in args) and any(a.type != "unary_expression" for a in args)


_ID = re.compile(r"^[A-Za-z0-9_./:@-]{6,128}$")


def _id_like(prog: Program, call: Node, key: bool = False) -> bool:
    """The first argument is (or, for an options object, holds) a project key, site id or DSN:
    a string of 6+ id characters, or a number of 4+ digits (constants followed). An SDK calling
    its own init passes variables or small literals (``de.init(1, {debug: !0})``)."""
    args = prog.args(call)
    if not args:
        return False
    arg = _followed(prog, args[0])
    if arg.type == "object":
        return any(_id_value(prog, _followed(prog, v), key) for v in prog.pairs(arg).values())
    return _id_value(prog, arg, key)


def _followed(prog: Program, node: Node) -> Node:
    if node.type == "identifier":
        binding = prog.lookup(node)
        if binding is not None and binding.value is not None:
            return binding.value
    return node


def _id_value(prog: Program, arg: Node, key: bool = False) -> bool:
    """``key``: a random-looking key (8+ characters with letters and digits), stricter than an id."""
    if arg.type == "number":
        return len(prog.text(arg).strip()) >= (6 if key else 4)
    value = prog.string_value(arg) if arg.type in STRING_TYPES else None
    if value is None or _ID.match(value) is None:
        return False
    return not key or (len(value) >= 8 and any(c.isdigit() for c in value) and any(c.isalpha() for c in value))


def _literal(prog: Program, arg: Node) -> bool:
    if arg.type in _LITERAL_ARGS:
        return True
    if arg.type == "identifier":
        binding = prog.lookup(arg)
        return binding is not None and binding.value is not None and binding.value.type in _LITERAL_ARGS
    return False


def _is_iife(prog: Program, call: Node) -> bool:
    """``(function () {…})()`` / ``(() => {…})()``: module scaffolding, not an app's start."""
    callee = prog.callee(call)
    return callee is not None and callee.type in FUNCTION_TYPES


_SCRIPT_OPENERS = (b"<script", b"<SCRIPT", b"\\u003Cscript", b"\\u003cscript", b"\\x3Cscript", b"\\x3cscript")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_ESCAPED = {"n": "\n", "r": "\r", "t": "\t"}


def _unescaped(text: str) -> str:
    """``text`` with JavaScript string escapes decoded (``\\u003C`` -> ``<``, ``\\/`` -> ``/``)."""
    if "\\" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        esc = m.group(1)
        return chr(int(esc[1:], 16)) if len(esc) > 1 else _ESCAPED.get(esc, esc)

    return _ESCAPE.sub(one, text)


def _covers(node: Node, spans: list[int]) -> bool:
    i = bisect.bisect_left(spans, node.start_byte)
    return i < len(spans) and spans[i] < node.end_byte


def _string_index(chain: list[Node]) -> int | None:
    """Index in ``chain`` of the string or template literal around its last node, if any."""
    for i in range(len(chain) - 1, max(-1, len(chain) - 4), -1):
        if chain[i].type in STRING_TYPES:
            return i
    return None


def _code_string(prog: Program, chain: list[Node]) -> int | None:
    """Index of the string literal around the chain's end if it holds code (long, with ';' or 'function')."""
    at = _string_index(chain)
    if at is None:
        return None
    body = prog.text(chain[at])
    return at if len(body) >= 120 and (";" in body or "function" in body) else None


def _written_to_script(prog: Program, chain: list[Node], code: dict[str, frozenset[str]]) -> Node | None:
    """``el.innerHTML = `…` `` (or .text / .textContent, or ``+=`` onto it): the assignment that makes the code run."""
    literal, parent = chain[-1], chain[-2] if len(chain) >= 2 else None
    if parent is not None and _sets_or_appends(prog, parent) and parent.child_by_field_name("right") == literal:
        target = prog.path(parent.child_by_field_name("left"))
        if target.rsplit(".", 1)[-1] in code["script_text"]:
            return parent
    return None


def _sets_or_appends(prog: Program, node: Node) -> bool:
    """``x = …`` or ``x += …``."""
    if node.type == "assignment_expression":
        return True
    op = node.child_by_field_name("operator") if node.type == "augmented_assignment_expression" else None
    return op is not None and prog.text(op) == "+="


def _passed_as_script(prog: Program, chain: list[Node], code: dict[str, frozenset[str]]) -> Node | None:
    """The call a JavaScript snippet string is handed to as script text: ``injectScript('hotjar',
    {text: `…`})``, ``addScript({content: `…`})``, ``eval(`…`)``, ``new Function(`…`)``. A string
    holding ``<script`` tags is HTML (shown or copied, and never run by innerHTML): not this."""
    literal = chain[-1]
    if "<script" in prog.text(literal).lower():
        return None
    up = lambda k: chain[-1 - k] if len(chain) > k else None  # noqa: E731
    parent = up(1)
    if parent is not None and parent.type == "pair":
        key = parent.child_by_field_name("key")
        name = (prog.string_value(key) or prog.text(key)) if key is not None else ""
        obj, args = up(2), up(3)
        if name in code["script_text"] and obj is not None and obj.type == "object" and args is not None and args.type == "arguments":
            return up(4)
        return None
    call = up(2)
    if parent is not None and parent.type == "arguments" and call is not None:
        callee = prog.path(call.child_by_field_name("function") or call.child_by_field_name("constructor"))
        if callee.rsplit(".", 1)[-1] in code["evaluators"]:
            return call
    return None


_IDENT = re.compile(rb"[A-Za-z_$][\w$]*")


def _own_member(prog: Program, offset: int) -> bool:
    """Does an anchor starting at ``offset`` name a library's own member (``get rrwebRecord()`` in a
    class, ``this.rrwebRecord(…)``) rather than the page's global (``window.rrwebRecord(…)``)?"""
    name = _IDENT.match(prog.parsed.source.data, offset)
    if name is None:
        return False
    chain = prog.tree.path(offset, name.end())
    if len(chain) < 2 or chain[-1].type != "property_identifier":
        return False
    parent = chain[-2]
    if parent.type == "member_expression":
        obj = parent.child_by_field_name("object")
        return obj is not None and prog.text(obj) not in GLOBAL_OBJECTS
    return parent.type in ("method_definition", "field_definition", "public_field_definition")


def _group_span(data: bytes, group: tuple[str, ...], stmt: Node) -> tuple[int, int]:
    """Bytes a second-stage script covers: from the first of its anchors to the end of the
    statement that runs it or of its last anchor, whichever is later."""
    firsts = [hits[0][0] for a in group if (hits := anchors.occurrences(data, a, 1))]
    lasts = [at + width for a in group for at, width in anchors.occurrences(data, a, 20)[-1:]]
    return min(firsts + [stmt.start_byte]), max(lasts + [stmt.end_byte])


def _assigned_property(prog: Program, chain: list[Node], key: str) -> Node | None:
    """The assignment of ``key`` on the global that the chain's end names: from ``NREUM`` in
    ``NREUM.init = …``, ``window.NREUM.init = …`` or ``(window.NREUM||(NREUM={})).init = …``."""
    i = len(chain) - 1
    if i < 1 or chain[i].type not in ("identifier", "property_identifier"):
        return None
    while i >= 1:
        cur, parent = chain[i], chain[i - 1]
        kind = parent.type
        if kind == "member_expression" and parent.child_by_field_name("property") == cur:
            obj = parent.child_by_field_name("object")
            if obj is None or prog.text(obj) not in GLOBAL_OBJECTS:
                return None  # window.NREUM is the same global; foo.NREUM is not
        elif kind == "member_expression" and parent.child_by_field_name("object") == cur:
            prop = parent.child_by_field_name("property")
            if prop is None or prog.text(prop) != key or i < 2:
                return None
            up = chain[i - 2]
            if up.type == "assignment_expression" and up.child_by_field_name("left") == parent:
                return up
            return None
        elif kind == "parenthesized_expression":
            pass
        elif kind == "binary_expression" and prog.text(parent.child_by_field_name("operator") or parent) in ("||", "??"):
            pass
        elif kind == "assignment_expression" and parent.child_by_field_name("left") == cur:
            pass  # (NREUM = {}): its value is the global
        else:
            return None
        i -= 1
    return None


def _settings_why(prog: Program, obj: Node, settings: SnippetSettings) -> tuple[str | None, bool]:
    """Why a settings object keeps replay off (None: it may record), and whether only its sampling
    rates do. Each ``replay_on`` path must be left out or a false literal, or every ``rates`` path
    the literal 0."""
    name = settings.settings
    values = [_key_path(prog, obj, path) for path in settings.replay_on]
    if all(v is not None and v[0] != "on" for v in values):
        return "; ".join(
            f"{name} {'leaves out' if v[1] is None else 'sets'} {path}{'' if v[1] is None else ': ' + v[1]}"
            for v, path in zip(values, settings.replay_on, strict=True)
            if v is not None
        ), False
    rates = [_key_path(prog, obj, path) for path in settings.rates]
    if rates and all(r is not None and r[0] == "off" and r[1] is not None and r[1][-1:].isdigit() for r in rates):  # 0 written out
        return f"{name} sets {' and '.join(settings.rates)} to 0", True
    return None, False


def _key_path(prog: Program, obj: Node, path: str) -> tuple[str, str | None] | None:
    """The value at a key path of an object literal: ("off", text) for a false literal or 0,
    ("on", text) for anything else written, ("off", None) when the path is left out; None when a
    spread or a value that is not an object literal on the way may hold it."""
    node = obj
    for part in path.split("."):
        node = unparen(jsshapes.constant_value(prog, node))
        if node.type != "object":
            return None
        pairs = prog.pairs(node)
        if part not in pairs:
            if any(c.type not in ("pair", "comment") for c in node.named_children):
                return None  # a spread or a shorthand may set it
            return ("off", None)
        node = pairs[part]
    text = norm(prog.text(node))
    value = unparen(node)
    if text in ("false", "!1", "null", "void0", "undefined") or (value.type == "number" and _is_value(prog, value, "0")):
        return ("off", text)
    return ("on", text)


def _snippet_statement(chain: list[Node]) -> tuple[Node, bool]:
    """The statement that runs the chain's end: out of IIFEs to their calling statement. True
    when an IIFE was left on the way (a pasted snippet), False for plain statements."""
    current, left_iife = chain[-1], False
    for i in range(len(chain) - 2, -1, -1):
        anc = chain[i]
        if anc.type in FUNCTION_TYPES:
            j = i - 1
            while j >= 0 and chain[j].type == "parenthesized_expression":
                j -= 1
            wrapper = chain[j] if j >= 0 else None
            if wrapper is None or wrapper.type != "call_expression":
                if left_iife:
                    return current, True  # the IIFE is the body of a function (() => (function(h,o,…){…})(…)): it runs when that runs
                break
            left_iife, current = True, wrapper
        elif anc.type == "program":
            break
        else:
            if left_iife and anc.type == "sequence_expression":
                # one IIFE of a comma-joined run (a minifier's or Angular's concatenated scripts)
                return current, True
            current = anc
            if anc.type == "call_expression" and _invokes_function(anc):
                left_iife = True  # the anchor is an argument of the IIFE: (function(h,o,t,j){…})(…, 'https://…')
        if left_iife and current.type == "expression_statement":
            return current, True
    return _statement(chain), False


def _in_data(chain: list[Node]) -> bool:
    """Is the chain's end a string element of an array literal that no call receives before the
    enclosing function or the program: data held in a variable (a built gtm.js keeps each tag
    template's code as nested arrays, ``["d", [0, "https://static.hotjar.com/c/hotjar-", …]]``),
    not code that an IIFE around it runs? A snippet never keeps its anchors as array elements."""
    at = _string_index(chain)
    if at is None or at < 1 or chain[at - 1].type != "array":
        return False
    for anc in reversed(chain[: at - 1]):
        if anc.type in ("call_expression", "new_expression", "assignment_expression", "augmented_assignment_expression"):
            return False
        if anc.type in FUNCTION_TYPES or anc.type == "program":
            return True
    return True


def _invokes_function(call: Node) -> bool:
    fn = call.child_by_field_name("function")
    while fn is not None and fn.type == "parenthesized_expression" and fn.named_children:
        fn = fn.named_children[-1]
    return fn is not None and fn.type in FUNCTION_TYPES


def _pkg(spec: str) -> str:
    """The package name of a module specifier (``@scope/name/sub`` -> ``@scope/name``)."""
    parts = spec.split("/")
    return "/".join(parts[:2]) if spec.startswith("@") else parts[0]


def jsx_attributes(prog: Program, opening: Node) -> dict[str, Node]:
    """A JSX opening tag's attributes by name: the value's expression (``{…}`` unwrapped) or string, the name node for a bare one."""
    out: dict[str, Node] = {}
    for attr in opening.named_children:
        if attr.type != "jsx_attribute":
            continue
        kids = attr.named_children
        if not kids:
            continue
        value = kids[1] if len(kids) > 1 else None
        if value is not None and value.type == "jsx_expression" and value.named_children:
            value = value.named_children[0]
        out[prog.text(kids[0])] = value if value is not None else kids[0]
    return out
