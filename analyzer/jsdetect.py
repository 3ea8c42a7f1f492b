"""Find where code starts a recorder: SDK init calls, snippet stubs, script injection, next/script.

Driven by the vendor signatures (``[sdk]`` and ``[detect]``): no per-vendor Python. Each site
carries the node whose guards decide its consent verdict (``consent_code``). An SDK that is
imported but never started, or started with replay off, is an *inactive* site: an info finding,
not a recorder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node

from analyzer import headconfig
from analyzer.detect import inline_url_hit, snippet_hit
from analyzer.jsfacts import STRING_TYPES, Program
from analyzer.normalise import norm
from analyzer.signatures import Vendor

# Bare function names too common to mean a vendor unless imported from its package.
_GENERIC_NAMES = frozenset({"init", "start", "load", "initialize", "setup", "run", "boot"})
_SPEC = re.compile(r"""^([\w$.]+)\(\s*(?:['"]([^'"]*)['"])?""")
_STATEMENT_END = ("statement", "declaration")
_TAG_VIAS = ("jsx-script", "head-config")  # script tags written as code or data
_STARTS = ("init-call", "plugin", "component") + _TAG_VIAS  # what decides, for a suite, that replay runs


@dataclass(frozen=True)
class CodeSite:
    vendor: Vendor
    node: Node
    via: str  # init-call | plugin | component | snippet | dynamic-injection | jsx-script | head-config | release-call | bundle-init
    evidence: str
    replay: str = "on"  # on | settings (a dashboard decides)
    hold: str | None = None  # a vendor-side switch that held the recording until this release
    props: tuple[tuple[str, str], ...] = ()  # a <Script>'s static props (type, strategy, CMP attributes)


@dataclass(frozen=True)
class Inactive:
    vendor: Vendor
    node: Node
    reason: str


@dataclass(frozen=True)
class PiiPush:
    """An identify-style call that sends personal data to a recorder."""

    vendor: Vendor
    node: Node
    call: str
    keys: tuple[tuple[str, str], ...]  # (argument key or expression, field category)


@dataclass(frozen=True)
class _InitSpec:
    obj: str | None  # "LogRocket" in LogRocket.init
    name: str  # method or function name
    arg0: str | None  # smartlook('init' -> "init"


def _specs(vendor: Vendor, key: str = "init_calls") -> list[_InitSpec]:
    cached = _SPEC_CACHE.get((id(vendor), key))
    if cached is None:
        cached = _SPEC_CACHE[(id(vendor), key)] = _parse_specs(vendor, key)
    return cached


_SPEC_CACHE: dict[tuple[int, str], list["_InitSpec"]] = {}


def _parse_specs(vendor: Vendor, key: str) -> list[_InitSpec]:
    out = []
    for raw in vendor.raw.get("sdk", {}).get(key, []):
        m = _SPEC.match(raw.strip()) if "(" in raw else None
        if m:
            path, arg0 = m.group(1), m.group(2)
        else:
            path, arg0 = raw.strip(), None
        obj, _, name = path.rpartition(".")
        out.append(_InitSpec(obj or None, name, arg0))
    return out


def _init_methods(vendor: Vendor) -> set[str]:
    return {s.name for s in _specs(vendor)} | {"init"}


def _statement(node: Node) -> Node:
    n = node
    while n.parent is not None and not n.type.endswith(_STATEMENT_END) and n.parent.type != "program":
        n = n.parent
    return n


class Detector:
    def __init__(self, prog: Program, vendors: list[Vendor], code: dict[str, frozenset[str]], in_sdk: Callable[[Node], bool] | None = None) -> None:
        self.prog = prog
        self.code = code  # signatures/script_types.toml [code]: injectors, evaluators, script_text, …
        self.vendors = vendors
        self.in_sdk = in_sdk  # from a source map: does this node come from node_modules?
        self._loader_cache: list | None = None
        self.text = prog.parsed.source.text
        self.norm_text = norm(self.text)

    def run(self) -> tuple[list[CodeSite], list[Inactive]]:
        sites: list[CodeSite] = []
        inactive: list[Inactive] = []
        for vendor in self.vendors:
            found, off = self._vendor(vendor)
            sites += found
            inactive += off
        return sites, inactive

    def identify_calls(self, categories: dict) -> list[PiiPush]:
        """identify-style calls whose arguments name personal data (email, national ID, health…)."""
        from analyzer.lexicon import classify

        out = []
        for vendor in self.vendors:
            specs = _specs(vendor, "identify_calls")
            if not specs:
                continue
            for call in self.prog.calls:
                path = self.prog.path(self.prog.callee(call))
                args = self.prog.args(call)
                first = self.prog.string_value(args[0]) if args else None
                if not any(_spec_matches(spec, path, first) for spec in specs):
                    continue
                keys = []
                for name in self._argument_names(call):
                    found = classify({"name": name}, categories)
                    if found is not None and found.category != "credentials":
                        keys.append((name, found.category))
                if keys:
                    out.append(PiiPush(vendor, call, path, tuple(keys)))
        return out

    def _argument_names(self, call: Node) -> list[str]:
        """Object keys, identifiers and member names in the call's arguments."""
        names: list[str] = []
        stack = list(self.prog.args(call))
        while stack:
            n = stack.pop()
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
        for call in self.prog.calls:
            how = self._init_call(vendor, call)
            if how:
                replay, why = self._replay_state(vendor, call)
                if replay == "off":
                    inactive.append(Inactive(vendor, call, f"{how} with replay off ({why})"))
                else:
                    sites.append(CodeSite(vendor, call, "init-call", f"{how}{f' ({why})' if why else ''}", replay))
        inits = list(sites)
        sites = self._merge(sites + self._plugins(vendor) + self._components(vendor) + self._injections(vendor) + self._jsx(vendor) + self._head_entries(vendor), self._snippets(vendor))
        if (inits or inactive) and vendor.category == "replay-addon":
            # For a suite, the loader only fetches it: the init call decides whether replay runs.
            sites = [s for s in sites if s.via in _STARTS] if inits else []
        sites = self._apply_holds(vendor, sites)
        if self.in_sdk is not None:  # with a source map: code inside the SDK is not the app's start
            sites = [s for s in sites if not self.in_sdk(s.node)]
        if not sites and not inactive:
            sites += self._bundled(vendor)
        if not sites and not inactive:
            inactive += self._imported_only(vendor)
        return sites, inactive

    def _bundled(self, vendor: Vendor) -> list[CodeSite]:
        """A minified bundle: the SDK is recognised by strings that survive minification; its
        start is found by walking the call graph up from the functions holding those strings to
        the first call from application code (by the source map when there is one, else a call
        through an init-named property such as ``h.init(…)``)."""
        data = self.prog.parsed.source.data
        strings = [b.encode() for b in vendor.raw.get("sdk", {}).get("bundle_strings", []) if b.encode() in data]
        if not strings:
            return []
        frontier = []
        for raw in strings:
            at = data.find(raw)
            node = self.prog.parsed.root.descendant_for_byte_range(at, at + len(raw))
            fn = self.prog.enclosing_function(node) if node is not None else None
            if fn is not None and fn not in frontier:
                frontier.append(fn)
        methods = _init_methods(vendor)
        seen = {id(f) for f in frontier}
        starts: dict[int, Node] = {}
        for _ in range(6):
            nxt = []
            for fn in frontier:
                for call in self.prog.callers(fn):
                    if not self._from_sdk(call, fn, methods):
                        starts[call.id] = call
                        continue
                    outer = self.prog.enclosing_function(call)
                    if outer is not None and id(outer) not in seen:
                        seen.add(id(outer))
                        nxt.append(outer)
            frontier = nxt
        how = "source map" if self.in_sdk else "init-named call"
        return [CodeSite(vendor, c, "bundle-init", f"{vendor.name} SDK code (recognised by {strings[0].decode()[:50]!r}) started here ({how})") for c in starts.values()]

    def _from_sdk(self, call: Node, target: object, methods: set[str]) -> bool:
        """Is this call still inside the SDK (keep walking up) rather than the app's start?"""
        if self.in_sdk is not None:
            return self.in_sdk(call)
        fn = self.prog.callee(call)
        last = self.prog.path(fn).rsplit(".", 1)[-1] if fn is not None else ""
        return last not in methods

    def _init_call(self, vendor: Vendor, call: Node) -> str | None:
        prog = self.prog
        fn = prog.callee(call)
        if fn is None:
            return None
        path = prog.path(fn)
        packages = set(vendor.raw.get("sdk", {}).get("packages", []))
        methods = _init_methods(vendor)
        if "." in path:
            head, method = path.split(".", 1)[0], path.rsplit(".", 1)[1]
            imp = prog.imports.get(head)
            if imp is not None and _pkg(imp.package) in packages and method in methods:
                return f"{path}() on {imp.package}"
        elif path:
            imp = prog.imports.get(path)
            if imp is not None and _pkg(imp.package) in packages and (imp.imported or "") in methods:
                return f"{path}() imported from {imp.package}"
        first = prog.string_value(prog.args(call)[0]) if prog.args(call) else None
        for spec in _specs(vendor):
            if not _spec_matches(spec, path, first):
                continue
            if spec.obj is not None:
                return f"{path}()"
            if spec.name in _GENERIC_NAMES and path not in prog.imports:
                continue
            imp = prog.imports.get(path)
            if (imp is not None and _pkg(imp.package) not in packages) or path in prog.by_name:
                continue  # the app's own initHotjar(), imported from its code or defined here
            return f"{path}({f'{first!r}' if spec.arg0 else ''})"
        return None

    def _replay_state(self, vendor: Vendor, call: Node) -> tuple[str, str]:
        """on / off / settings for this init call, and the option that decided it.

        In order: a disable option in the call's arguments (``disable_session_recording: true``);
        a replay option there (``sessionReplaySampleRate: 0`` turns it off, any other value on);
        a replay integration anywhere in the file (``Sentry.replayIntegration()`` built apart);
        else the vendor's documented default.
        """
        sdk = vendor.raw.get("sdk", {})
        default = _replay_default(vendor)
        args = norm(self.prog.text(call.child_by_field_name("arguments") or call))
        for opt in sdk.get("disable_options", []):
            key = norm(opt)
            if (":" in key and key in args) or re.search(re.escape(key) + r"'?\]?:(true|!0|1)\b", args):
                return "off", opt if ":" in key else f"{opt}: true"
        for opt in sdk.get("replay_options", []):
            key = norm(opt)
            if ":" in key:
                if key in args:
                    return "on", opt
                continue
            m = re.search(re.escape(key) + r"'?\]?(:([^,}\]]*))?", args)
            if m:
                if m.group(2) in ("0", "false", "!1", "0.0"):
                    return "off", f"{opt}: {m.group(2)}"
                return "on", opt
        for opt in sdk.get("replay_options", []):
            if ":" not in opt and norm(opt).endswith(("Integration", "(")) and norm(opt) in self.norm_text:
                return "on", f"{opt} elsewhere in the file"
        if default == "off":
            return "off", "no replay option"
        return default, "" if default == "on" else "replay depends on the project's settings"

    def _injections(self, vendor: Vendor) -> list[CodeSite]:
        out = []
        prog = self.prog
        for node in prog.assignments:
            left = prog.path(node.child_by_field_name("left"))
            if left.endswith(".src") or left == "src":
                url = self._vendor_url(vendor, node.child_by_field_name("right"))
                if url:
                    out.append(CodeSite(vendor, node, "dynamic-injection", f"{left} = a URL on {url}"))
        out += self._through_loaders(vendor)
        for call in prog.calls:
            path = prog.path(prog.callee(call))
            args = prog.args(call)
            if path.endswith("setAttribute") and len(args) >= 2 and prog.string_value(args[0]) == "src":
                url = self._vendor_url(vendor, args[1])
                if url:
                    out.append(CodeSite(vendor, call, "dynamic-injection", f"setAttribute('src', a URL on {url})"))
            elif (path in self.code["injectors"] or call.child_by_field_name("function") is not None and prog.text(call.child_by_field_name("function")) == "import") and args:
                url = self._vendor_url(vendor, args[0])
                if url:
                    out.append(CodeSite(vendor, call, "dynamic-injection", f"{path or 'import'}() of a URL on {url}"))
        seen: set[int] = set()  # a loadScript(url) call is both a known injector and a loader call
        return [o for o in out if not (o.node.id in seen or seen.add(o.node.id))]

    def _loaders(self) -> list[tuple[object, int]]:
        """Hand-written loaders: functions that set a script's src from one of their parameters
        (``function load(src) { s.src = src; … }``), with that parameter's index. Memoised."""
        if self._loader_cache is None:
            prog, found = self.prog, []
            for node in prog.assignments:
                left = prog.path(node.child_by_field_name("left"))
                right = node.child_by_field_name("right")
                if not (left.endswith(".src") and right is not None and right.type == "identifier"):
                    continue
                fn = prog.enclosing_function(node)
                params = fn.node.child_by_field_name("parameters") if fn is not None else None
                if params is None and fn is not None:
                    params = fn.node.child_by_field_name("parameter")  # x => …
                names = [prog.text(p).split("=")[0].split(":")[0].strip() for p in (params.named_children if params is not None and params.type == "formal_parameters" else [params] if params is not None else [])]
                if prog.text(right) in names:
                    found.append((fn, names.index(prog.text(right))))
            self._loader_cache = found
        return self._loader_cache

    def _through_loaders(self, vendor: Vendor) -> list[CodeSite]:
        """Calls of a hand-written loader with a vendor URL: the call is the start (its guards decide)."""
        out = []
        for fn, index in self._loaders():
            for call in self.prog.callers(fn):
                args = self.prog.args(call) if call.type in ("call_expression", "new_expression") else []
                url = self._vendor_url(vendor, args[index]) if index < len(args) else None
                if url:
                    name = ", ".join(sorted(fn.names | fn.props)) or "a loader"
                    out.append(CodeSite(vendor, call, "dynamic-injection", f"{name}() sets a script's src to a URL on {url}"))
        return out

    def _vendor_url(self, vendor: Vendor, node: Node | None) -> str | None:
        if node is None:
            return None
        static = self.prog.static_text(node).lower()
        if not static:
            return None
        bare = static.split("/", 1)[0]  # 'cdn.mouseflow.com/projects/…' with the scheme added at runtime
        if bare and (bare in vendor.urls.exact or any(bare.endswith(s) for s in vendor.urls.suffixes)):
            return bare
        return inline_url_hit(vendor, static)

    def _jsx(self, vendor: Vendor) -> list[CodeSite]:
        out = []
        prog = self.prog
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
                props = tuple((k, prog.string_value(v) or "") for k, v in attrs.items() if v is not None and prog.string_value(v) is not None)
                out.append(CodeSite(vendor, el, "jsx-script", note, props=props))
        return out

    def _plugins(self, vendor: Vendor) -> list[CodeSite]:
        """Wrapper plugins ([sdk] plugins): named in a framework config (``plugins:
        ['gatsby-plugin-hotjar']``, ``{resolve: '…'}``, ``['posthog-docusaurus', {…}]``) or
        imported and registered (``app.use(VueHotjar, {…})``, ``NgxHotjarModule.forRoot('…')``)."""
        sdk = vendor.raw.get("sdk", {})
        plugins = set(sdk.get("plugins", []))
        replay = _replay_default(vendor)
        if not plugins or replay == "off":
            return []
        prog, out = self.prog, []
        for name in sorted(plugins):
            for node in self._strings_holding(name.encode()):
                if prog.string_value(node) != name or node.parent is None:
                    continue
                parent = node.parent
                key = parent.child_by_field_name("key") if parent.type == "pair" else None
                if parent.type == "array" or (key is not None and prog.text(key).strip("'\"") in self.code["plugin_keys"]):
                    out.append(CodeSite(vendor, node, "plugin", f"the {name} plugin is registered in the framework config", replay))
        for local, imp in prog.imports.items():
            if _pkg(imp.package) not in plugins:
                continue
            for call in prog.calls:
                path = prog.path(prog.callee(call))
                args = prog.args(call)
                method = path.rsplit(".", 1)[-1]
                registered = method in self.code["plugin_use"] and any(prog.text(a) == local for a in args)
                if registered or (path.startswith(local + ".") and method in self.code["plugin_register"]):
                    out.append(CodeSite(vendor, call, "plugin", f"the {imp.package} plugin is registered: {prog.text(call)[:60]}", replay))
        return out

    def _components(self, vendor: Vendor) -> list[CodeSite]:
        """JSX components of the vendor's packages that start it when rendered ([sdk] components:
        ``FullStory``, ``PostHogProvider[apiKey]`` — with ``client={…}`` it starts nothing)."""
        sdk = vendor.raw.get("sdk", {})
        specs = [(c.split("[")[0], c[c.index("[") + 1 : -1] if "[" in c else None) for c in sdk.get("components", [])]
        if not specs or not self.prog.jsx:
            return []
        packages = _packages(vendor)
        replay = _replay_default(vendor)
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
            for comp, prop in specs:
                if exported == comp and (prop is None or prop in jsx_attributes(self.prog, opening)):
                    out.append(CodeSite(vendor, el, "component", f"<{local}{f' {prop}' if prop else ''}> from {imp.package} starts {vendor.name} when rendered", replay))
        return out

    def _head_entries(self, vendor: Vendor) -> list[CodeSite]:
        """Script tags declared as head configuration (VitePress ``head``, Nuxt/unhead ``script``,
        Docusaurus ``scripts``/``headTags``, Starlight ``head``): found from the vendor's hosts and
        snippet anchors, judged like a ``<Script>`` with the entry's static attributes."""
        data = self.prog.parsed.source.data
        needles = [h.encode() for h in vendor.urls.literals() if h and "." in h]
        needles += [max(group, key=len).encode() for group, _ in vendor.snippets if all(s.encode() in data for s in group)]
        out: dict[int, CodeSite] = {}
        for needle in needles:
            for node in self._strings_holding(needle):
                while node.parent is not None and node.parent.type in ("binary_expression", "parenthesized_expression"):
                    node = node.parent  # 'https://cdn.mouseflow.com/projects/' + id + '.js'
                entry = headconfig.entry_of(self.prog, node, self.code)
                if entry is None or entry.node.id in out or _in_comment(entry.node):
                    continue
                if entry.role == "src":
                    hit = self._vendor_url(vendor, node)
                    note = hit and f"{entry.shape} loading {hit}"
                else:
                    note = snippet_hit(vendor, self.prog.text(node)) and f"{entry.shape} holding the {vendor.name} snippet"
                if note:
                    out[entry.node.id] = CodeSite(vendor, entry.node, "head-config", note, props=entry.attrs)
        return list(out.values())

    def _strings_holding(self, needle: bytes) -> list[Node]:
        """The string literals in which ``needle`` occurs (at most 20 occurrences are looked at)."""
        out = []
        for offset in _occurrences(self.prog.parsed.source.data, needle, limit=20):
            node = _string_around(self.prog.parsed.root.descendant_for_byte_range(offset, offset + len(needle)))
            if node is not None and node not in out:
                out.append(node)
        return out

    def _constants_used(self, el: Node) -> str:
        """Text of the string constants an element names (``__html: CLARITY_SNIPPET``)."""
        names = set()
        stack = [el]
        while stack:
            n = stack.pop()
            if n.type == "identifier":
                names.add(self.prog.text(n))
            stack.extend(n.named_children)
        return "".join("\n" + text for name, text in self.prog.constants.items() if name in names)

    def _snippets(self, vendor: Vendor) -> list[CodeSite]:
        """Pasted snippets: for each matching anchor group, the statement that runs it.

        From the group's longest anchor, climb out of immediately-invoked functions (snippets are
        IIFEs) to the statement that calls them; a snippet reached that way is preferred over one
        that is only configuration lines (``window['_fs_org'] = …``). Anchors in comments are
        skipped; a snippet kept as text in a code string is data, unless the string is written
        into a script element (``script.innerHTML = `…` ``), which runs it.
        """
        data = self.prog.parsed.source.data
        found: list[tuple[bool, Node, str, str]] = []
        for group, note in vendor.snippets:
            if not all(s.encode() in data for s in group):
                continue
            anchor = max(group, key=len).encode()
            for offset in _occurrences(data, anchor, limit=20):
                node = self.prog.parsed.root.descendant_for_byte_range(offset, offset + len(anchor))
                if node is None or _in_comment(node):
                    continue
                literal = _code_string(self.prog, node)
                if literal is not None:
                    written = _written_to_script(self.prog, literal, self.code)
                    if written is not None:
                        found.append((True, written, f"{note or ' + '.join(group)}, written into a script element", "dynamic-injection"))
                        break
                    passed = _passed_as_script(self.prog, literal, self.code)
                    if passed is not None:
                        how = self.prog.path(self.prog.callee(passed)) or "a call"
                        found.append((True, passed, f"{note or ' + '.join(group)}, passed as script text to {how}()", "dynamic-injection"))
                        break
                    continue  # a snippet held as data (a dangerouslySetInnerHTML string): not code here
                stmt, via_iife = _snippet_statement(self.prog, node)
                found.append((via_iife, stmt, note or " + ".join(group), "snippet"))
                break
        if not found:
            return []
        iife = [f for f in found if f[0]]
        _, stmt, note, via = min(iife, key=lambda f: f[1].end_byte - f[1].start_byte) if iife else found[0]
        return [CodeSite(vendor, stmt, via, note)]

    def _merge(self, precise: list[CodeSite], snippets: list[CodeSite]) -> list[CodeSite]:
        """A pasted snippet is one site: the injection inside it folds into it. A snippet match
        that holds an init call or a <Script> (anchors in its props), or that is only configuration
        next to a precise start elsewhere, gives way to the precise sites."""
        out = []
        for snip in snippets:
            inner = [p for p in precise if _inside(p.node, snip.node)]
            if any(p.via != "dynamic-injection" for p in inner):
                continue
            if any(_inside(snip.node, p.node) for p in precise if p.via in _TAG_VIAS):
                continue  # the snippet is the body of a <Script> or head entry already reported
            if inner or not precise:
                out.append(snip)
                precise = [p for p in precise if p not in inner]
        return precise + out

    def _apply_holds(self, vendor: Vendor, sites: list[CodeSite]) -> list[CodeSite]:
        """A switch that holds recording back moves the start to the release calls."""
        for hold in vendor.raw.get("sdk", {}).get("hold", []):
            switch, value = norm(hold["switch"]), norm(hold["value"])
            if not any(f"{switch}{sep}{value}" in self.norm_text for sep in ("=", ":", "']=", "':", "]=")):
                continue
            releases = [norm(r) for r in hold["release"]]
            calls = [c for c in self.prog.calls if any(norm(self.prog.text(c)).startswith(r) or r in norm(self.prog.path(self.prog.callee(c)) + "(") for r in releases)]
            held = f"{hold['switch']} = {hold['value']}"
            if not calls:
                return [CodeSite(vendor, s.node, s.via, s.evidence, s.replay, hold=held) for s in sites] if sites else []
            return [CodeSite(vendor, c, "release-call", f"{self.prog.text(c)[:60]} releases recording held by {held}", hold=held) for c in calls]
        return sites

    def _imported_only(self, vendor: Vendor) -> list[Inactive]:
        packages = _packages(vendor)
        return [
            Inactive(vendor, node, f"{source} is imported but never started here")
            for node, source in self.prog.import_nodes
            if _pkg(source) in packages
        ]


def _spec_matches(spec: _InitSpec, path: str, first: str | None) -> bool:
    if spec.obj is not None:
        return path == f"{spec.obj}.{spec.name}" or path.endswith(f".{spec.obj}.{spec.name}")
    return path == spec.name and (spec.arg0 is None or first == spec.arg0)


def _replay_default(vendor: Vendor) -> str:
    """Whether a start with no replay option records: the signature's replay_default, else "on"
    for recorders and "settings" for suites where replay is one module."""
    return vendor.raw.get("sdk", {}).get("replay_default", "settings" if vendor.category == "replay-addon" else "on")


def _packages(vendor: Vendor) -> set[str]:
    """The npm packages that bring the vendor in: its SDKs and its wrapper plugins."""
    sdk = vendor.raw.get("sdk", {})
    return set(sdk.get("packages", [])) | set(sdk.get("plugins", []))


def _occurrences(data: bytes, needle: bytes, limit: int) -> list[int]:
    out, at = [], data.find(needle)
    while at >= 0 and len(out) < limit:
        out.append(at)
        at = data.find(needle, at + 1)
    return out


def _in_comment(node: Node) -> bool:
    n: Node | None = node
    while n is not None:
        if n.type == "comment":
            return True
        n = n.parent
    return False


def _string_around(node: Node | None) -> Node | None:
    """The string or template literal ``node`` is in, if any."""
    while node is not None and node.type not in STRING_TYPES:
        node = node.parent
    return node


def _code_string(prog: Program, node: Node) -> Node | None:
    """The string literal around ``node`` if it holds code (long, with ';' or 'function')."""
    n = _string_around(node)
    if n is None:
        return None
    body = prog.text(n)
    return n if len(body) >= 120 and (";" in body or "function" in body) else None


def _written_to_script(prog: Program, literal: Node, code: dict[str, frozenset[str]]) -> Node | None:
    """``el.innerHTML = `…` `` (or .text / .textContent): the assignment that makes the code run."""
    parent = literal.parent
    if parent is not None and parent.type == "assignment_expression" and parent.child_by_field_name("right") == literal:
        target = prog.path(parent.child_by_field_name("left"))
        if target.rsplit(".", 1)[-1] in code["script_text"]:
            return parent
    return None


def _passed_as_script(prog: Program, literal: Node, code: dict[str, frozenset[str]]) -> Node | None:
    """The call a JavaScript snippet string is handed to as script text: ``injectScript('hotjar',
    {text: `…`})``, ``addScript({content: `…`})``, ``eval(`…`)``, ``new Function(`…`)``. A string
    holding ``<script`` tags is HTML (shown or copied, and never run by innerHTML): not this."""
    if "<script" in prog.text(literal).lower():
        return None
    parent = literal.parent
    if parent is not None and parent.type == "pair":
        key = parent.child_by_field_name("key")
        name = (prog.string_value(key) or prog.text(key)) if key is not None else ""
        obj = parent.parent
        args = obj.parent if obj is not None and obj.type == "object" else None
        if name in code["script_text"] and args is not None and args.type == "arguments":
            return args.parent
        return None
    if parent is not None and parent.type == "arguments" and parent.parent is not None:
        call = parent.parent
        callee = prog.path(call.child_by_field_name("function") or call.child_by_field_name("constructor"))
        if callee.rsplit(".", 1)[-1] in code["evaluators"]:
            return call
    return None


def _inside(node: Node, container: Node) -> bool:
    return container.start_byte <= node.start_byte and node.end_byte <= container.end_byte


def _snippet_statement(prog: Program, node: Node) -> tuple[Node, bool]:
    """The statement that runs ``node``: out of IIFEs to their calling statement. True when an
    IIFE was left on the way (a pasted snippet), False for plain statements."""
    from analyzer.jsfacts import FUNCTION_TYPES

    current, left_iife = node, False
    anc = node.parent
    while anc is not None:
        if anc.type in FUNCTION_TYPES:
            wrapper = anc.parent
            while wrapper is not None and wrapper.type == "parenthesized_expression":
                wrapper = wrapper.parent
            if wrapper is None or wrapper.type != "call_expression":
                break
            left_iife, current = True, wrapper
        elif anc.type == "program":
            break
        else:
            current = anc
        anc = anc.parent
        if left_iife and current.type == "expression_statement":
            return current, True
    return _statement(node), False


def _pkg(spec: str) -> str:
    """The package name of a module specifier (``@scope/name/sub`` -> ``@scope/name``)."""
    parts = spec.split("/")
    return "/".join(parts[:2]) if spec.startswith("@") else parts[0]


def jsx_attributes(prog: Program, opening: Node) -> dict[str, Node]:
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
