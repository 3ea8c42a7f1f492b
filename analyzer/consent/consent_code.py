"""The consent verdict of a recorder start in code: does every path to it pass a consent check?

From the start node, walk up the syntax tree. An ``if`` / ``&&`` / ``?:`` / early ``return`` whose
condition *implies* an analytics-consent check (``signatures/consent/*.toml`` ``js.analytics_checks``)
gates the path. At a function boundary, follow how the function runs: an IIFE or a callback runs
where its call is (a listener on a CMP's generic event such as ``CookiebotOnAccept`` fires on any
choice, so it is noted and the walk goes on); a named function runs at each of its callers in the
file, and every caller must be gated. A path that reaches the top level unguarded is ``ungated``;
one that leaves the file (an exported function never called here) is ``unverifiable``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import deque
from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.consent.consent_records import ConsentRecords
from analyzer.consent.first_visit import FirstVisit
from analyzer.facts.jsdetect import CodeSite
from analyzer.kinds import Mechanism, Via
from analyzer.model import Status, Verdict
from analyzer.parse import bundler_exports, jsfacts
from analyzer.parse.budget import BudgetExhausted
from analyzer.parse.jsexpr import MAX_EXPR, canonical, held_calls, temporaries
from analyzer.parse.jsfacts import FUNCTION_TYPES, Program, returned_expression, unparen
from analyzer.parse.jsflow import GLOBAL_OBJECTS, Flow, Use
from analyzer.parse.jsshapes import function_shape
from analyzer.parse.normalise import norm
from analyzer.signatures import CategoryCallbackSpec, Cmp, OptionGate, SignatureDB, StatusParameter
from analyzer.signatures.checktext import NAME, assigned_after, granted_after, occurs
from analyzer.signatures.lexicon import tokens

_TRUTHY = frozenset({"true", "granted", "allow", "accepted", "1", "ACCEPT", "yes", "!0"})
_FALSY = frozenset({"false", "denied", "deny", "0", "DENY", "no", "!1", "DENIED"})
_NULLISH = frozenset({"undefined", "null", "void 0"})

# Calls that answer with a position, -1 when not found: truthy either way, asked without a comparison.
_POSITION_CALLS = frozenset({"indexOf", "lastIndexOf", "search", "findIndex", "findLastIndex"})
# Built-in functions and namespaces whose result's truth is not their argument's (String(false) is "false", truthy).
_WRAPPERS = frozenset({"String", "Number", "Array", "Object", "encodeURIComponent", "encodeURI", "escape", "parseInt", "parseFloat"})
_GLOBALS = frozenset({"Object", "JSON", "String", "Array", "Number", "Reflect", "Math"})
# A string's methods: a check turned into text ("false".toString() is truthy).
_STRING_METHODS = frozenset({"toString", "toLowerCase", "toUpperCase", "trim", "toLocaleString", "padStart", "padEnd"})
# The nodes that may mask a check inside a condition, and how many of a condition's nodes are looked at.
_MASKING_TYPES = frozenset(
    {"unary_expression", "ternary_expression", "array", "object", "template_string", "new_expression", "call_expression"}
)
_MASK_NODES = 400


@dataclass(frozen=True)
class ConsentVocabulary:
    checks: tuple[tuple[str, str], ...]  # (normalised check, CMP name)
    generic_events: tuple[tuple[str, str], ...]
    fail_open: tuple[tuple[str, str], ...]
    consent_words: tuple[str, ...] = ()
    hooks: dict[str, str] = field(default_factory=dict)  # framework lifecycle hooks: name -> who calls it
    category_callbacks: tuple[CategoryCallback, ...] = ()
    triggers: dict[str, str] = field(default_factory=dict)  # consent-trigger function -> its option
    stores: frozenset[str] = frozenset()  # methods that store what they are handed (arr.push(fn))
    class_hooks: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # method -> (what runs it, where it must stand)
    factories: frozenset[str] = frozenset()  # element factories (createElement, jsx, h): code that renders
    consent_parameters: dict[str, tuple[int, str, str]] = field(
        default_factory=dict
    )  # callback key -> (index of its consent argument, sibling key the object must have, CMP name)
    bundled_api: tuple[tuple[str, str, str], ...] = ()  # (API name, function-shape fragment, CMP) as bundles rename them
    anchors: re.Pattern[str] | None = None  # every word of every check
    needs: tuple[frozenset[str], ...] = ()  # per check, the words any text holding it holds
    records: dict[str, frozenset[str]] = field(default_factory=dict)  # a hand-written banner's storage ([consent_record])
    categories: frozenset[str] = frozenset()  # CMPs' analytics category names ([markup] analytics_values), lower-cased
    option_gates: tuple[tuple[OptionGate, str], ...] = ()  # ([js.option_gate], CMP name): checks only under proven options
    status_parameters: tuple[tuple[StatusParameter, str], ...] = ()  # ([js.status_parameter], CMP name)
    member_tables: frozenset[str] = frozenset()  # options-object keys whose functions are members (Vue's methods)
    settings_checks: tuple[tuple[str, str], ...] = ()  # ([js] settings_checks, CMP name): consent only under outside settings
    # ([js] state_cookies, lower-cased) of the CMPs named: a cookie that lists every category with its state, so a check
    # of theirs found in text that reads a cookie holds only with the granted state after it ("C0002:1", "C0002%3A1")
    state_cookies: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)  # (cookies, granted states)
    # ([js] stored_choices, lower-cased) a cookie or localStorage key that keeps one category's choice -> its granted value:
    # read bare, or found in document.cookie, it holds on refusal too ('deny', 'false' are truthy strings)
    stored: dict[str, str] = field(default_factory=dict)
    # ([js] consent_reads, normalised, each split at "+": its parts all present) a read of every service's choice: a
    # condition holding one that no check ties to a recorder is consent naming no category, whatever it compares
    consent_reads: tuple[tuple[str, ...], ...] = ()

    def may_check(self, text: str) -> bool:
        """Can this (lower-cased) condition text hold an analytics check at all? The words of a
        check survive compilation (global member chains and category strings are not renamed;
        a renamed library API is left out of its words), so a text missing one of each check's
        words is no check, and the full reading (temporaries, renamed APIs) is skipped."""
        if self.anchors is None:
            return True
        present = set(self.anchors.findall(text))
        return any(need <= present for need in self.needs)


def vocabulary(db: SignatureDB) -> ConsentVocabulary:
    """The consent checks, events, callbacks and renamed APIs of the CMPs that gate recorders, compiled once per database;
    the checks longest first."""
    checks, events, fail, words, callbacks, api = [], [], [], [], [], []
    settings: list[tuple[str, str]] = []
    state_cookies: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    stored: dict[str, str] = {}
    gates: list[tuple[OptionGate, str]] = []
    statuses: list[tuple[StatusParameter, str]] = []
    parameters: dict[str, tuple[int, str, str]] = {}
    for cmp in db.cmps.values():
        if not cmp.gates_recorders:
            continue
        js = cmp.js
        for p in js.consent_parameters:
            parameters[p.key] = (p.index, p.sibling, cmp.name)
        for a in js.bundled_api:
            api.append((a.name, a.shape, cmp.name))
        if js.option_gate is not None:
            gates.append((js.option_gate, cmp.name))
        if js.status_parameter is not None:
            statuses.append((js.status_parameter, cmp.name))
        callbacks += [CategoryCallback(spec, cmp) for spec in js.category_callbacks]
        words += [w.lower() for w in js.consent_words]
        checks += [(norm(c).lower(), cmp.name) for c in js.analytics_checks]
        events += [(e, cmp.name) for e in js.generic_events]
        fail += [(norm(f).lower(), cmp.name) for f in js.fail_open]
        settings += [(norm(f), cmp.name) for f in js.settings_checks]
        if js.state_cookies:
            state_cookies[cmp.name] = (tuple(c.lower() for c in js.state_cookies), js.granted_states)
        stored.update((k.lower(), v.lower()) for k, v in js.stored_choices)
    checks.sort(key=lambda c: -len(c[0]))
    renamed = {name.lower() for name, _, _ in api}
    needs = tuple(
        dict.fromkeys(
            [
                *(_needs(c, renamed) for c, _ in checks),
                *(frozenset({g.method.lower()}) for g, _ in gates),
                *(frozenset({v}) for s, _ in statuses for v in s.granted),
            ]
        )
    )
    every = sorted({w for need in needs for w in need}, key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![a-z0-9_$])(?:" + "|".join(re.escape(w) for w in every) + r")(?![a-z0-9_$])") if every and all(needs) else None
    )
    categories = frozenset(
        v
        for cmp in db.cmps.values()
        if cmp.gates_recorders and cmp.markup is not None
        for v in cmp.markup.analytics
        if len(v) >= 4 and not v.isdigit()
    )
    return ConsentVocabulary(
        tuple(checks),
        tuple(events),
        tuple(fail),
        tuple(words),
        db.script_types.lifecycle_hooks,
        tuple(callbacks),
        db.script_types.consent_triggers,
        db.script_types.code.get("stores", frozenset()),
        db.script_types.class_hooks,
        db.script_types.code.get("element_factories", frozenset()),
        parameters,
        tuple(api),
        pattern,
        needs,
        db.script_types.consent_record,
        categories,
        tuple(gates),
        tuple(statuses),
        db.script_types.code.get("member_tables", frozenset()),
        tuple(settings),
        state_cookies,
        stored,
        tuple(tuple(norm(r).lower().split("+")) for cmp in db.cmps.values() if cmp.gates_recorders for r in cmp.js.consent_reads),
    )


def _granted_state(text: str, check: str, cookies: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Whether ``check`` found in ``text`` (lower-cased) is a check: always, unless the text reads a cookie (``document.cookie``
    or one of the CMP's state cookies by name), where the category is listed refused too and only its granted state checks."""
    names, states = cookies
    if "document.cookie" not in text and not any(c in text for c in names):
        return True
    return granted_after(text, check.strip(","), states)


def _stored_value(text: str, key: str, granted: str) -> bool:
    """Whether ``text`` (lower-cased) finds the key that keeps a choice with its granted value (``cmplz_statistics=allow``,
    ``%3D`` where the cookie is read undecoded): a cookie's ``key=value``, read as a state cookie's granted state is."""
    return assigned_after(text, key, granted)


def _needs(check: str, renamed: set[str]) -> frozenset[str]:
    """The words a text holding ``check`` holds once compiled: property names, method names and
    strings survive; the base of a member chain may be a renamed local (``{preferences: e}`` ->
    ``e.measurement``) and a library API a bundle renames is left out, unless nothing else is left."""
    body = re.sub(r"[a-z0-9_$]*" + re.escape(NAME) + r"[a-z0-9_$]*", " ", check.lstrip("^"))  # a name's word is any
    words = re.findall(r"[a-z0-9_$]{3,}", body)
    if re.match(r"[a-z_$][a-z0-9_$]*\.", body) and len(words) > 1:
        words = words[1:]
    kept = frozenset(w for w in words if w not in renamed)
    return kept or frozenset(words)


@dataclass(frozen=True)
class CategoryCallback:
    """A CMP's category callback with the CMP, whose ``[js] category_flags`` go with it."""

    spec: CategoryCallbackSpec
    cmp: Cmp


@dataclass(frozen=True)
class Note:
    """A remark made on the way to a start, shown in parentheses after the evidence. ``generic``:
    a consent check that names no analytics category (an open path that passed one is
    unverifiable, not ungated: ``_settle``)."""

    text: str
    generic: bool = False
    registry: str | None = None  # the check is a call of a bundled module's export by id ("7587:Sc"), read in another chunk
    helper: str | None = None  # the check is a call of a global function another script defines (resolve.globals)


# The entry of a start whose function is a script's global, called from other scripts of its pages.
GLOBAL_PREFIX = "global:"
# A gated start reached through a classic script's global function that its own file calls inside a consent check: the
# other scripts of its pages may call the global too (resolve.globals reads them).
GLOBAL_ALSO_PREFIX = "global-also:"
# A start gated by a check read by its name that calls a global function another script defines (``if (hasConsent(
# 'analytics'))``): resolve.globals reads the function there and undoes the gate if it returns true before any choice.
GLOBAL_HELPER_PREFIX = "global-helper:"


@dataclass
class Path:
    """The outcome of one path from a recorder start to the top of the file."""

    status: Status
    evidence: str
    notes: list[Note] = field(default_factory=list)
    mismatch: tuple[str, str] | None = None  # (CMP id, category) when gated on a non-analytics category
    entry: tuple[str, ...] = ()  # unresolved: the names the exported function leaves the file under
    budget: bool = False  # the analysis ran out of budget on the way
    load: bool = False  # the open path ends at the top level of the file: it runs when the file loads
    registry: tuple[str, ...] = ()  # unresolved: consent checks called through the module registry ("7587:Sc")
    helpers: tuple[str, ...] = ()  # unresolved: consent checks that call a global function of another script


@dataclass(frozen=True)
class RegistryApi:
    """What an export of a bundled module turned out to be, once its chunk was read (resolve stage):
    the consent library API its function is (``acceptedCategory``), and where it was found."""

    name: str
    cmp: str
    where: str


class GuardAnalysis:
    """The consent walk over one program: each function judged once (memoised), cycles cut."""

    def __init__(
        self,
        prog: Program,
        vocab: ConsentVocabulary,
        registry: dict[str, RegistryApi] | None = None,
        externals: dict[str, tuple[int, str]] | None = None,
        unchosen: dict[str, str] | None = None,
    ) -> None:
        self.prog = prog
        self.vocab = vocab
        self.registry = registry or {}  # "7587:Sc" -> the API that export is (resolve.registry)
        # A global function another script of the page defines -> what its returned check reads as (resolve.globals).
        self.externals = externals or {}
        # A global function another script of the page defines -> why it returns true before any choice (resolve.globals).
        self.unchosen = unchosen or {}
        self._unchosen: dict[int, tuple[int, int, str | None]] = {}  # condition -> (its span, why it holds before a choice)
        self._gate_helpers: dict[int, str] = {}  # a gate's node -> the global function its check calls by name
        self.flow = Flow(prog, vocab.stores, queues=True, member_tables=vocab.member_tables)
        self.records = ConsentRecords(prog, self.flow, vocab.records)
        # handed the records' own method, not a closure over self: a cycle through self kept each file's whole syntax tree
        # alive until the collector ran (15 MiB more at the peak of a 500-page scan)
        self.first_visit = FirstVisit(prog, vocab.records.get("readers", frozenset()), self.records.runs_on_action)
        self._segments: dict[int, _Segment] = {}
        self._ways_memo: dict[tuple[int, int], list[_Way]] = {}
        self._region_flows: dict[int, Flow] = {}
        self._aliases: dict[int, str | None] = {}
        self._returns: dict[int, list[tuple[int, str]]] = {}
        self._open_returns: dict[int, list[tuple[int, Note]]] = {}  # early returns on a registry call (_open_registry)
        self._option_calls: dict[str, tuple[list[Node], str | None]] = {}  # [js.option_gate] init calls, and why they prove nothing
        self._helpers: dict[int, tuple[int, str | None]] = {}
        self._helpers_active: set[int] = set()
        self._also_global: dict[int, tuple[str, ...]] = {}  # a global function this file calls -> its names
        self._rendering: tuple[bool, bool] | None = None
        self._minified: bool | None = None
        self._judging: set[int] = set()

    def _alias(self, ident: Node) -> str | None:
        """The name a bundle renamed away: a library API (``qe`` -> ``acceptedCategory``: its
        text's shape holds a fragment of ``[js] bundled_api``), or a CMP callback's consent
        argument (Klaro's ``callback: e => e ? start() : stop()``: ``[js] consent_parameters``).
        Memoised per binding."""
        if not self.vocab.bundled_api and not self.vocab.consent_parameters:
            return None
        binding = self.prog.lookup(ident)
        if binding is None:
            return None
        if binding.kind == "param":
            return self._consent_parameter(binding)
        if binding.key not in self._aliases:
            api = bundled_api(self.prog, binding.value, self.vocab)
            self._aliases[binding.key] = api[0] if api else None
        return self._aliases[binding.key]

    # -- conditions -----------------------------------------------------------------------------
    def _consent_parameter(self, binding) -> str | None:
        if binding.key not in self._aliases:
            found = None
            spec = self._parameter_callback(binding.scope)
            if spec is not None:
                params = self.prog.scopes._parameter_names(binding.scope)
                if spec[0] < len(params) and params[spec[0]].id == binding.node.id:
                    found = "consent"
            self._aliases[binding.key] = found
        return self._aliases[binding.key]

    def _parameter_callback(self, fn: Node) -> tuple[int, str, str] | None:
        """``[js] consent_parameters``: (index of the consent argument, sibling key, CMP) when ``fn``
        is a consent manager's callback that receives the consent as an argument (Klaro's service
        ``callback(consent, service)`` next to its ``purposes``)."""
        chain = self.prog.chain(fn)
        holder = chain[-2] if len(chain) >= 2 else None
        method = fn.child_by_field_name("name") if fn.type == "method_definition" else None
        if holder is not None and holder.type == "pair":
            key, obj = self.prog.key_of(holder), chain[-3] if len(chain) >= 3 else None
        elif method is not None:
            key, obj = self.prog.text(method), holder
        else:
            return None
        spec = self.vocab.consent_parameters.get(key)
        if spec is None or obj is None or obj.type != "object" or spec[1] not in self.prog.pairs(obj):
            return None
        return spec

    def _ignores_consent(self, fn: Node) -> str | None:
        """The CMP whose consent callback ``fn`` is, when the callback never reads its consent
        argument: the CMP runs it at every page load and choice (Klaro: with each service's
        consent, accepted or not), so what it starts runs whatever the visitor chose. A callback
        that hands the argument on (``helper(consent)``) is not this: the check may be there."""
        spec = self._parameter_callback(fn)
        if spec is None:
            return None
        params = self.prog.scopes._parameter_names(fn)
        if spec[0] < len(params):
            binding = self.prog.lookup(params[spec[0]])
            if binding is None or self.prog.scopes.references(binding):
                return None  # read somewhere in the callback
        return spec[2]

    def _check_in(self, node: Node, env: dict[str, Node] | None = None, truthy: bool = False) -> str | None:
        """The analytics check this expression contains. Case-insensitive (``cookieConsent.analytics``
        holds the generic ``consent.analytics``); a check written ``^name`` must be the whole
        expression (Klaro passes a service's consent as the callback's ``consent`` argument).
        Optional chaining reads the same value: ``Cookiebot?.consent?.statistics``, and so does
        its down-levelled form (``(t=window.Cookiebot)==null?void 0:t.consent``). ``truthy``: the expression is read for
        its truth alone (no value compared), where a key that keeps the choice ([js] stored_choices) checks only with its
        granted value written after it (``document.cookie.includes('cmplz_statistics=allow')``)."""
        resolved = self._registry_text(node, env)
        text = (
            resolved[0]
            if resolved
            else canonical(self.prog, node, env, self._alias).replace("?.(", "(").replace("?.[", "[").replace("?.", ".")
        )
        for check, cmp in self.vocab.checks:
            if (text == check[1:]) if check.startswith("^") else occurs(check, text):
                if cmp in self.vocab.state_cookies and not _granted_state(text, check, self.vocab.state_cookies[cmp]):
                    continue
                if truthy and check in self.vocab.stored and not _stored_value(text, check, self.vocab.stored[check]):
                    return None  # nor a shorter check inside the key ("consent.analytics" in "stcm.consent.analytics")
                return f"{check.lstrip('^')} ({cmp})" + (f" ({resolved[1]})" if resolved else "")
        return self._option_check(node) if self.vocab.option_gates else None

    # -- [js.option_gate]: a consent call that the init call's options make an analytics check -------
    def _option_check(self, node: Node) -> str | None:
        """``popup.hasConsented()`` (or a ``const`` holding it) where the popup is one this file creates
        (``this`` in a callback of the options, the complete callback's parameter, ``const p = new
        cookieconsent.Popup({…})``), and every init call of the file has a literal options object that
        proves the method means analytics consent ([js.option_gate]); anything else is no check."""
        node = unparen(node)
        if node.type == "identifier":
            binding = self.prog.lookup(node)
            if binding is None or binding.kind != "const" or binding.value is None:
                return None
            node = unparen(binding.value)
        if node.type != "call_expression" or self.prog.args(node):
            return None
        callee = self.prog.callee(node)
        if callee is None or callee.type != "member_expression":
            return None
        prop, receiver = callee.child_by_field_name("property"), callee.child_by_field_name("object")
        if prop is None or receiver is None:
            return None
        for gate, cmp in self.vocab.option_gates:
            if self.prog.text(prop) != gate.method:
                continue
            calls, refused = self._gate_calls(gate)
            if refused is not None:
                continue
            call = self._popup_of(unparen(receiver), gate, calls)
            if call is not None:
                return f"{gate.method}() of the popup created at line {self._line(call)}: {gate.why} ({cmp})"
        return None

    def _gate_calls(self, gate: OptionGate) -> tuple[list[Node], str | None]:
        """The file's init calls (``window.cookieconsent.initialise(…)``, ``new cookieconsent.Popup(…)``)
        and why their options prove nothing (None when every one of them, at least one, proves the gate):
        the popups share one status cookie, so one banner that can dismiss makes every popup's method lie."""
        found = self._option_calls.get(gate.method)
        if found is None:
            calls = [
                c
                for name in gate.calls
                for c in self.prog.calls_named(name.rsplit(".", 1)[-1])
                if jsfacts.names(self.prog.path(self.prog.callee(c)), name)
            ]
            refused = next((why for c in calls if (why := self._options_refusal(c, gate)) is not None), None)
            found = self._option_calls[gate.method] = (calls, refused if calls else "no init call in this file")
        return found

    def _options_refusal(self, call: Node, gate: OptionGate) -> str | None:
        """Why the call's options do not prove the gate, or None: its first argument must be an object
        literal (no spread, computed key or shorthand standing for an option), with each required option
        the string literal asked, the auto-dismiss options absent or ``false`` / ``!1``, the template
        options absent, the one-of options absent or a listed string, and none of the forbidden text."""
        args = self.prog.args(call)
        opts = unparen(args[0]) if args else None
        if opts is None or opts.type != "object":
            return "its options are not an object literal"
        text = self.prog.text(opts)
        bad = next((t for t in gate.forbidden_text if t in text), None)
        if bad:
            return f"its options hold {bad}"
        values: dict[str, Node] = {}
        for child in opts.named_children:
            if child.type == "comment":
                continue
            key = child.child_by_field_name("key") if child.type == "pair" else child.child_by_field_name("name")
            if child.type == "shorthand_property_identifier":
                values[self.prog.text(child)] = child  # a variable: not a literal
            elif child.type in ("pair", "method_definition") and key is not None and key.type != "computed_property_name":
                values[self.prog.string_value(key) or self.prog.text(key)] = child.child_by_field_name("value") or child
            else:
                return f"its options hold {self.prog.text(child)[:40]}"
        for option, want in gate.require:
            value = values.get(option)
            if value is None or value.type != "string" or self.prog.string_value(value) != want:
                return f"{option} is not '{want}'"
        for option in gate.false_or_absent:
            value = values.get(option)
            if value is not None and norm(self.prog.text(value)) not in ("false", "!1"):
                return f"{option} is {self.prog.text(value)[:40]}"
        present = next((o for o in gate.absent if o in values), None)
        if present:
            return f"{present} is set"
        for option, allowed in gate.one_of:
            value = values.get(option)
            if value is not None and (value.type != "string" or self.prog.string_value(value) not in allowed):
                return f"{option} is {self.prog.text(value)[:40]}"
        return None

    def _popup_of(self, receiver: Node, gate: OptionGate, calls: list[Node]) -> Node | None:
        """The init call whose popup ``receiver`` is: ``this`` in a (non-arrow) function under one of
        ``gate.callbacks`` in the call's options, the first parameter of the function passed as its
        ``complete_argument``, or a ``const`` holding ``new …Popup(…)``; else None."""
        ids = {c.id: c for c in calls}
        if receiver.type == "this":
            fn = next(
                (a for a in reversed(self.prog.chain(receiver)[:-1]) if a.type in FUNCTION_TYPES and a.type != "arrow_function"), None
            )
            if fn is None:
                return None
            found = self._options_callback(fn)
            if found is None or found[0] not in gate.callbacks or found[1].id not in ids:
                return None
            return found[1]
        if receiver.type != "identifier":
            return None
        binding = self.prog.lookup(receiver)
        if binding is None:
            return None
        if binding.kind == "const" and binding.value is not None:
            made = unparen(binding.value)
            return made if made.type == "new_expression" and made.id in ids else None
        if binding.kind != "param" or gate.complete_argument is None:
            return None
        fn = binding.scope
        params = self.prog.scopes._parameter_names(fn)
        if not params or params[0].id != binding.node.id:
            return None
        chain = self.prog.chain(fn)
        if len(chain) < 3 or chain[-2].type != "arguments" or chain[-3].id not in ids:
            return None
        call = chain[-3]
        args = self.prog.args(call)
        return call if len(args) > gate.complete_argument and args[gate.complete_argument] == fn else None

    def registry_call(self, node: Node) -> str | None:
        """``"7587:Sc"`` for a call of an export of a module the bundle's registry hands over by id:
        ``r.Sc(…)`` or ``(0, r.Sc)(…)`` with ``r = n(7587)`` in a webpack module factory ``(e, t, n)``,
        or ``n(7587).Sc(…)`` on the spot. The export's function is in the module's factory, often
        in another chunk (a ``splitChunks`` vendor chunk); webpack renames the export."""
        node = unparen(node)
        if node.type != "call_expression":
            return None
        callee = self.prog.callee(node)
        if callee is None or callee.type != "member_expression":
            return None
        found = bundler_exports.registry_export(self.prog, callee)
        return f"{found[0]}:{found[1]}" if found else None

    def _registry_text(self, node: Node, env: dict[str, Node] | None) -> tuple[str, str] | None:
        """A call through the registry whose export the resolve stage read (``self.registry``), written
        as the API it is: (``acceptedcategory('analytics')``, where that was found)."""
        if not self.registry:
            return None
        key = self.registry_call(node)
        api = self.registry.get(key) if key else None
        if api is None or key is None:
            return None
        node = unparen(node)
        args = ", ".join(canonical(self.prog, a, env, self._alias) for a in self.prog.args(node))
        module, export = key.split(":", 1)
        return f"{api.name}({args})".lower(), f"{export} of module {module} is {api.cmp}'s {api.name} in {api.where}"

    def _generic_consent(self, cond: Node) -> bool:
        """A consent check that names no category (``choice === 'accepted'``, ``cookieConsent``):
        not proof of analytics consent, but not an open path either. In ``a && b`` either side
        may be it (``type == 'opt-in' && didConsent``)."""
        inner = unparen(cond)
        if inner.type == "binary_expression" and (op := inner.child_by_field_name("operator")) is not None and self.prog.text(op) == "&&":
            sides = [inner.child_by_field_name("left"), inner.child_by_field_name("right")]
            return any(side is not None and self._generic_consent(side) for side in sides)
        text = canonical(self.prog, cond, None, self._alias)
        if text.startswith("!"):
            return False
        if any(all(part in text for part in parts) for parts in self.vocab.consent_reads):
            return True
        if self._category_call(cond) or self._settings_check(cond):
            return True
        consent = set(self.vocab.consent_words)
        # A name standing for a consent call (const ok = this.hasConsented(); … ok && …).
        if any(set(tokens(held)) & consent for held in held_calls(self.prog, cond)):
            return True
        if (
            not set(tokens(text)) & consent and not set(tokens(self.prog.text(cond)[:_SHORT])) & consent
        ):  # identifiers split (camelCase in the source): "cookieConsent" -> cookie, consent; "Cookiebot" stays whole
            return False
        m = re.search(r"(===?|!==?)'?([\w-]+)'?", text)
        return m is None or (m.group(1).startswith("=") and m.group(2) in _TRUTHY | {"all", "accept"})

    def _settings_check(self, cond: Node, depth: int = 0) -> str | None:
        """``FP.isAllowedToLoad('insp', ['stats'], ['id'])``, or a helper of this file that returns
        one (``allow_loading_insp()``): a consent manager's call that answers with the visitor's
        choice only under settings this file does not show (``[js] settings_checks``). The call,
        with its consent manager, or None."""
        inner = unparen(cond)
        if not self.vocab.settings_checks or inner.type != "call_expression" or depth > 3:
            return None
        callee = self.prog.callee(inner)
        if callee is None:
            return None
        name = norm(self.prog.text(callee))
        found = next((f"{name}() ({cmp})" for check, cmp in self.vocab.settings_checks if name == check), None)
        if found or callee.type != "identifier":
            return found
        binding = self.prog.lookup(callee)
        body = returned_expression(binding.value) if binding is not None and binding.value is not None else None
        return self._settings_check(body, depth + 1) if body is not None else None

    def _generic_note(self, cond: Node) -> Note:
        if (setting := self._settings_check(cond)) is not None:
            return Note(
                f"line {self._line(cond)}: {self.prog.text(cond)[:60]} asks {setting}, which answers with the visitor's "
                "consent only under settings outside this file (it lets the tool load without a choice under others)",
                generic=True,
            )
        if self._category_call(cond):
            return Note(
                f"line {self._line(cond)}: {self.prog.text(cond)[:60]} may ask for the analytics category, but the function it calls is "
                "not in this file",
                generic=True,
                registry=self.registry_call(cond),
            )
        return Note(
            f"line {self._line(cond)}: {self.prog.text(cond)[:60]} checks consent but names no analytics category",
            generic=True,
            helper=self._global_helper(cond),
        )

    def _global_helper(self, cond: Node) -> str | None:
        """The name of the global function a condition calls (``hasConsent()``) when no scope of this
        file declares it: another script of the page defines it (resolve.globals reads it there)."""
        cond = unparen(cond)
        fn = self.prog.callee(cond) if cond.type == "call_expression" else None
        if fn is None or fn.type != "identifier" or self.prog.lookup(fn) is not None:
            return None
        return self.prog.text(fn)

    def _category_call(self, cond: Node) -> bool:
        """``r.Sc("analytics")``, ``consent.has('statistics')``: a call this file cannot resolve (a
        renamed API of a consent library bundled into another chunk, a helper imported from
        another module) asked about an analytics category. It may be the check; what it returns
        is not visible here."""
        cond = unparen(cond)
        if cond.type != "call_expression":
            return False
        args = [a for a in (cond.child_by_field_name("arguments") or cond).named_children if a.type != "comment"]
        value = self.prog.string_value(args[0]) if len(args) == 1 else None
        if value is None or value.lower() not in self.vocab.categories:
            return False
        callee = self.prog.callee(cond)
        if callee is None or callee.type not in ("identifier", "member_expression"):
            return False
        if callee.type == "identifier":
            binding = self.prog.lookup(callee)
            return binding is None or binding.value is None or binding.value.type not in FUNCTION_TYPES
        return True

    def _fail_open(self, cond: Node) -> str | None:
        text = norm(self.prog.text(cond)[:MAX_EXPR]).lower()
        return next((f"{f} ({cmp})" for f, cmp in self.vocab.fail_open if f in text), None)

    def polarity(self, cond: Node, env: dict[str, Node] | None = None, quick: bool = False) -> tuple[int, str | None]:
        """+1 when the condition being true guarantees analytics consent, -1 when it guarantees
        its absence, 0 otherwise; with the check it rests on. ``env`` holds the compiler
        temporaries assigned inside the whole condition. A condition whose text holds no check's
        words is read ``quick``ly: only the helpers it calls can make it a check."""
        self.prog.budget.spend()
        if env is None:
            text = self.prog.text(cond)[:MAX_EXPR]
            lowered = text.lower()
            quick = len(text) > _SHORT and not self.vocab.may_check(lowered) and not self.records.may_read(lowered)
            if quick and not _calls_inside(cond):
                return 0, None
            env = {} if quick else temporaries(self.prog, cond)
        t = cond.type
        if t in ("parenthesized_expression", "sequence_expression"):
            inner = [c for c in cond.named_children if c.type != "comment"]
            return self.polarity(inner[-1], env, quick) if inner else (0, None)
        if t == "assignment_expression":
            right = cond.child_by_field_name("right")
            return self.polarity(right, env, quick) if right is not None else (0, None)
        if t == "unary_expression" and self.prog.text(cond).startswith("!"):
            arg = cond.child_by_field_name("argument")
            if norm(self.prog.text(cond)) in ("!0", "!1"):
                return 0, None
            pol, check = self.polarity(arg, env, quick) if arg is not None else (0, None)
            return -pol, check
        if t == "binary_expression":
            op_node = cond.child_by_field_name("operator")
            op = self.prog.text(op_node) if op_node is not None else ""
            left, right = cond.child_by_field_name("left"), cond.child_by_field_name("right")
            if left is None or right is None:
                return 0, None
            if op in ("&&", "||"):
                (pa, ca), (pb, cb) = self.polarity(left, env, quick), self.polarity(right, env, quick)
                if op == "&&":  # a refusal anywhere wins, as in the server-side reading (template_gate)
                    return (-1, ca if pa == -1 else cb) if -1 in (pa, pb) else (1, ca if pa == 1 else cb) if 1 in (pa, pb) else (0, None)
                return (pa, ca) if pa == pb and pa != 0 else (0, None)
            return (0, None) if quick else self._comparison(op, left, right, env)
        if t == "call_expression" and quick:
            return self._helper(cond)
        if quick or self._fail_open(cond) or self._masks_a_check(cond):
            return 0, None
        check = self._check_in(cond, env, truthy=True)
        if check:
            return (0, None) if self._before_choice(cond) else (1, check)
        pol, record = self.records.polarity(cond)
        if pol:
            return pol, record
        if t == "call_expression":
            return self._helper(cond)
        return 0, None

    def _before_choice(self, cond: Node) -> str | None:
        """Why a check read by its name is true before the visitor chooses, where its value can be read: a default that
        grants (``const consent = {analytics: true}``), a helper whose answer holds when nothing was stored (``return
        saved[c] !== false``), in this file or, for a global function of another script, as resolve.globals read it
        there (``self.unchosen``). None: false before a choice, or not known (the check keeps its name)."""
        found = self._unchosen.get(cond.id)
        if found is None:
            inner = unparen(cond)
            fn = self.prog.callee(inner) if inner.type == "call_expression" else None
            name = self.prog.text(fn) if fn is not None and fn.type == "identifier" else ""
            why: str | None
            if fn is not None and name in self.unchosen and self.prog.lookup(fn) is None:
                why = f"{self.prog.text(cond)[:60]} is true before the visitor chooses ({name}() {self.unchosen[name]})"
            else:
                why = self.first_visit.grants(inner)
            found = self._unchosen[cond.id] = (cond.start_byte, cond.end_byte, why)
        return found[2]

    def _unchosen_in(self, cond: Node) -> Note | None:
        """The note for a condition that holds a check true before any choice (:meth:`_before_choice`)."""
        why = next((w for s, e, w in self._unchosen.values() if w and cond.start_byte <= s and e <= cond.end_byte), None)
        return Note(f"line {self._line(cond)}: {why}, so it does not wait for consent") if why else None

    def _masks_a_check(self, cond: Node) -> bool:
        """Whether the condition holds a check only inside something whose truth is not the check's, at its top or
        anywhere inside it (``Boolean(String(c))``, ``String(c).length``): ``typeof``, ``void``, a sign or ``~`` in
        front of it (``~x.indexOf(…)`` asks whether it was found: a check), an array, object, template string or
        ``new Boolean(…)`` around it (all truthy, "false" too), a ternary, a built-in function given it (``String(c)``,
        ``Object.keys(c)``, ``globalThis.String(c)``; ``Boolean(c)`` reads it), a string method of it
        (``c.toString()``), a method of a literal given it (``[].concat(c)``), or ``indexOf`` / ``search`` /
        ``findIndex`` asked bare (-1, "not found", is truthy). A ternary that is optional chaining down-levelled
        (``(t = C) == null ? void 0 : t.consent``) reads the check."""
        if self._mask(cond):
            return True
        seen = 0
        stack = list(cond.named_children)
        while stack and seen < _MASK_NODES:
            node = stack.pop()
            seen += 1
            if node.type in _MASKING_TYPES and self._mask(node, top=False) and self._check_in(node):
                return True
            stack.extend(node.named_children)
        return False

    def _mask(self, node: Node, top: bool = True) -> bool:
        """Whether this node, whatever it holds, has a truth that is not its operand's (:meth:`_masks_a_check`); a
        position call masks only as the whole condition (inside, ``~`` or a comparison reads it)."""
        t = node.type
        if t == "unary_expression":
            op = self.prog.text(node)[:1]
            if op == "~":  # ~x.indexOf(…): 0 when not found, a check; ~ of anything else is always truthy
                arg = node.child_by_field_name("argument")
                callee = self.prog.callee(unparen(arg)) if arg is not None and unparen(arg).type == "call_expression" else None
                prop = callee.child_by_field_name("property") if callee is not None and callee.type == "member_expression" else None
                return prop is None or self.prog.text(prop) not in _POSITION_CALLS
            return op != "!"
        if t == "ternary_expression":  # but not optional chaining down-levelled: (t = C) == null ? void 0 : t.consent
            consequence = node.child_by_field_name("consequence")
            return consequence is None or " ".join(self.prog.text(consequence).split()) not in _NULLISH
        if t in ("array", "object", "template_string", "new_expression"):
            return True
        if t != "call_expression":
            return False
        callee = self.prog.callee(node)
        if callee is None:
            return False
        prop = callee.child_by_field_name("property") if callee.type == "member_expression" else None
        name = self.prog.text(prop if prop is not None else callee).strip("'\"`")
        if prop is None and callee.type == "subscript_expression":  # window['String'](c)
            index = callee.child_by_field_name("index")
            name = self.prog.string_value(index) or "" if index is not None else ""
        if (top and name in _POSITION_CALLS) or name in _STRING_METHODS:
            return True
        # A function given the check (String(c), Object.keys(c), globalThis.String(c)); not a method of the value that
        # holds it (OnetrustActiveGroups.includes(",C0002,")), nor a helper of the file's (read by _helper).
        owner = callee.child_by_field_name("object") if callee.type in ("member_expression", "subscript_expression") else None
        owner_text = self.prog.text(owner) if owner is not None else ""
        if owner is not None and unparen(owner).type in ("array", "object", "string", "template_string"):
            return any(self._check_in(a) for a in self.prog.args(node))
        wraps = name in _WRAPPERS and (owner is None or owner_text in GLOBAL_OBJECTS) or owner_text in _GLOBALS
        return wraps and any(self._check_in(a) for a in self.prog.args(node))

    def _helper(self, call: Node) -> tuple[int, str | None]:
        """``performanceCookiesAllowed()``: a function of this file whose one returned expression
        is a consent check reads as that check (three helpers deep at most)."""
        fn = self.prog.callee(call)
        binding = self.prog.lookup(fn) if fn is not None and fn.type == "identifier" else None
        if binding is None and fn is not None and fn.type == "identifier" and self.prog.text(fn) in self.externals:
            return self.externals[self.prog.text(fn)]
        if binding is None or binding.key in self._helpers_active:
            return 0, None
        if binding.key not in self._helpers:
            self._helpers_active.add(binding.key)
            try:
                body = returned_expression(binding.value)
                found = self.polarity(body) if body is not None and len(self._helpers_active) <= 3 else (0, None)
            finally:
                self._helpers_active.discard(binding.key)
            pol, check = found
            self._helpers[binding.key] = (pol, f"{check} via {binding.name}()" if check else None)
        return self._helpers[binding.key]

    def _when_false(self, cond: Node) -> tuple[int, str | None]:
        """-1 with the check when the condition being *false* guarantees consent: what the right
        side of ``a || b`` and the code after ``if (a) return`` need. ``d || !allowed()`` is false
        only when ``allowed()`` holds, whatever ``d`` is: one disjunct of a refusal is enough."""
        parts = _disjuncts(cond)
        found = [self.polarity(p) for p in parts]
        if any(pol == 1 for pol, _ in found):
            return 0, None
        return next(((pol, check) for pol, check in found if pol == -1 and check), (0, None))

    def _comparison(self, op: str, left: Node, right: Node, env: dict[str, Node]) -> tuple[int, str | None]:
        if self.vocab.status_parameters:
            status = self._status_comparison(op, left, right, env)
            if status is not None:
                return status
        side, other = (left, right) if self._check_in(left, env) else (right, left)
        check = self._check_in(side, env)
        if check is None:
            return self.records.comparison(op, left, right)
        pol, _ = self.polarity(side, env)
        value = canonical(self.prog, other, env).strip().strip("'\"")
        eq, ne, gt = op in ("===", "=="), op in ("!==", "!="), op in (">", ">=")
        if value in _NULLISH:
            return 0, None  # "!== undefined" tests that a CMP is present, not what the visitor chose
        key = next((k for k in self.vocab.stored if check.startswith(k + " (")), None)
        if key is not None and value != "-1":  # a key that keeps the choice: its granted value, or a refusal's
            if value == self.vocab.stored[key]:
                return (1, check) if eq else (-1, check) if ne else (0, None)
            return (-1, check) if eq else (0, None)
        if value == "-1":  # indexOf(',C0002,') > -1 / !== -1 / === -1
            if self._check_in(side, env, truthy=True) is None:  # indexOf('cmplz_statistics'): found when refused too
                return 0, None
            return (1, check) if ne or gt else (-1, check) if eq else (0, None)
        if value in _TRUTHY_LOWER:
            return (pol, check) if eq else (-pol, check) if ne else (0, None)
        if value in _FALSY_LOWER:
            return (-pol, check) if eq else (0, None)  # "!== false" lets undefined through
        return (1, check) if eq and pol == 1 else (0, None)

    # -- [js.status_parameter]: a callback's status argument compared with a consenting status ----
    def _status_comparison(self, op: str, left: Node, right: Node, env: dict[str, Node]) -> tuple[int, str | None] | None:
        """None when neither side is a status argument; else the comparison's polarity: ``status ==
        cookieconsent.status.allow`` (or ``'allow'``) in ``onInitialise(status)`` is the check,
        ``!= 'allow'`` its refusal, ``== 'deny'`` a refusal, and a comparison with anything else
        (``dismiss``, a variable) proves nothing."""
        for side, other in ((left, right), (right, left)):
            found = self._status_argument(side)
            if found is None:
                continue
            spec, cmp, callback = found
            value = canonical(self.prog, other, env).strip().strip("'\"`")
            for path, status in spec.constants:
                if jsfacts.names(value, path):
                    value = status
                    break
            eq, ne = op in ("===", "=="), op in ("!==", "!=")
            check = f"{self.prog.text(side)} {op} {self.prog.text(other)[:40]} in {callback}() ({cmp}: {spec.why})"
            if value in spec.granted:
                return (1, check) if eq else (-1, check) if ne else (0, None)
            if value in spec.refused:
                return (-1, check) if eq else (0, None)
            return 0, None
        return None

    def _options_callback(self, fn: Node) -> tuple[str, Node] | None:
        """(its key, the call) when ``fn`` is a method, or a function under a key, of an object literal
        that is the first argument of a call (``cookieconsent.initialise({onInitialise(status) {…}})``,
        ``new Popup({onAccept: function () {…}})``)."""
        chain = self.prog.chain(fn)
        if fn.type == "method_definition":
            name, obj_at = fn.child_by_field_name("name"), len(chain) - 2
        else:
            holder = chain[-2] if len(chain) >= 2 else None
            if holder is None or holder.type != "pair" or holder.child_by_field_name("value") != fn:
                return None
            name, obj_at = holder.child_by_field_name("key"), len(chain) - 3
        if name is None or obj_at < 2:
            return None
        obj, arguments, call = chain[obj_at], chain[obj_at - 1], chain[obj_at - 2]
        if obj.type != "object" or arguments.type != "arguments" or call.type not in ("call_expression", "new_expression"):
            return None
        if self.prog.args(call)[:1] != [obj]:
            return None
        return self.prog.string_value(name) or self.prog.text(name), call

    def _status_argument(self, node: Node) -> tuple[StatusParameter, str, str] | None:
        """(spec, CMP, callback key) when ``node`` is the status argument of a ``[js.status_parameter]``
        callback: a function under one of its keys in an object literal that is the first argument of
        one of its init calls (``window.cookieconsent.initialise({onInitialise: function (status) …})``)."""
        node = unparen(node)
        if node.type != "identifier":
            return None
        binding = self.prog.lookup(node)
        if binding is None or binding.kind != "param":
            return None
        fn = binding.scope
        params = self.prog.scopes._parameter_names(fn)
        found = self._options_callback(fn)
        if found is None:
            return None
        key, call = found
        callee = self.prog.callee(call)
        path = self.prog.path(callee) if callee is not None else ""
        for spec, cmp in self.vocab.status_parameters:
            if key not in spec.callbacks or spec.index >= len(params) or params[spec.index].id != binding.node.id:
                continue
            if any(jsfacts.names(path, c) for c in spec.calls):
                return spec, cmp, key
        return None

    # -- the walk -------------------------------------------------------------------------------
    def judge(self, node: Node) -> Path:
        """The outcome of every path to ``node`` (budget permitting)."""
        try:
            seg = self._segment(node)
            found = seg.path if seg.fn is None else self._reach(seg, seg.fn)
        except BudgetExhausted as exc:
            return Path(
                Status.UNVERIFIABLE, f"analysis budget exhausted ({exc}); the file is too large or too convoluted to follow", budget=True
            )
        if found is None:
            return Path(Status.UNVERIFIABLE, "it is reached only through a recursive call chain")
        return _settle(found)

    def _at_load(self, node: Node) -> bool:
        """Does every page load reach ``node`` (its walk ends open at the top of the file)? Asked
        of a consent record's write; a write under the check being judged is not followed again."""
        if node.id in self._judging:
            return False
        self._judging.add(node.id)
        try:
            path = self.judge(node)
        finally:
            self._judging.discard(node.id)
        return path.status is Status.UNGATED and path.load

    def _segment(self, node: Node) -> _Segment:
        """From ``node`` up to the first gate, the enclosing function, or the top of the file
        (memoised per node: many uses share their walk)."""
        found = self._segments.get(node.id)
        if found is not None:
            return found
        notes: list[Note] = []
        chain = self.prog.chain(node)
        seg = None
        module = False
        for i in range(len(chain) - 2, -1, -1):
            anc, child = chain[i], chain[i + 1]
            gate = self._gate_at(anc, child, notes)
            if gate:
                helper = self._gate_helpers.get(anc.id)
                entry = (GLOBAL_HELPER_PREFIX + helper,) if helper else ()
                seg = _Segment(Path(Status.GATED, gate, list(notes), entry=entry), None, tuple(notes))
                break
            if anc.type in FUNCTION_TYPES:
                module = bundler_exports.module_factory(self.prog, anc)  # its body is the module's top level
                if not module:
                    seg = _Segment(None, anc, tuple(notes))
                break
        if seg is None and module:
            seg = _Segment(
                Path(
                    Status.UNGATED,
                    "it runs at the top level of its bundled module (the chunk's module factory runs when the page loads the module)",
                    list(notes),
                    load=True,
                ),
                None,
                tuple(notes),
            )
        if seg is None:
            seg = _Segment(Path(Status.UNGATED, "it runs at the top level of the file", list(notes), load=True), None, tuple(notes))
        self._segments[node.id] = seg
        return seg

    def _reach(self, start: _Segment, fn: Node) -> Path | None:
        """Every way into ``fn``, the function ``start`` ends in, searched breadth-first over (function,
        passed-a-check-naming-no-category, context) states; each state is expanded once, so the cost is
        linear in the states reached, cycles included. The worst outcome decides; the first
        ungated one ends the search.

        The context is the stack of calls that handed the walked function in as an argument
        (``Use.via``): inside such a callee the walk follows only how the parameter's call is
        reached within it, and every way out of the callee, its own callers included, leads back
        to the call that handed the function in. A function passed to ``g`` at one call is ``g``'s
        parameter only in what that call started, so it runs after that call whoever calls ``g``
        (tslib's ``__awaiter`` / ``__generator``, a preload helper): the walk does not fan out to
        every async function of a bundle."""
        first: _State = (fn.id, _generic(start.notes), ())
        states: dict[_State, tuple[Node, _State | None, Node | None, tuple[Note, ...], _Context]] = {
            first: (fn, None, None, start.notes, ())
        }
        queue = deque([first])
        ends: list[tuple[Path, _State]] = []
        while queue:
            key = queue.popleft()
            fnode, _, _, _, ctx = states[key]
            generic = key[1]
            self.prog.budget.spend()
            at_callee = bool(ctx) and fnode.id == ctx[0][1].id
            ways = [self._back(ctx[0][0])] if at_callee else self._ways(fnode, ctx[0][1] if ctx else None)
            for way in ways:
                left = at_callee or way[0] == "leave"  # back out of the innermost callee
                how, path, nxt, use, via = self._back(ctx[0][0]) if way[0] == "leave" else way
                inner = ctx[1:] if left else via + ctx
                if how == "end":
                    assert path is not None  # an "end" way carries its outcome (_ways)
                    path = _adjust(path, generic)
                    ends.append((path, key))
                    if path.status is Status.UNGATED:
                        return self._build(path, key, states, start)
                    continue
                assert nxt is not None and nxt.fn is not None  # a "next" way carries a segment that ends in a function (_ways)
                state = (nxt.fn.id, generic or _generic(nxt.notes), tuple((c.id, f.id) for c, f in inner))
                if state not in states:
                    states[state] = (nxt.fn, key, use, nxt.notes, inner)
                    queue.append(state)
        if not ends:
            return None
        return self._summarise(ends, states, start)

    def _back(self, call: Node) -> _Way:
        """The way back to the call that handed the walked function in (see _reach)."""
        seg = self._segment(call)
        if seg.fn is None:
            return ("end", seg.path, None, call, ())
        return ("next", None, seg, call, ())

    def _ways(self, fnode: Node, region: Node | None = None) -> list[_Way]:
        """How one function is reached: ("end", outcome) for a way that ends here (a gate, the
        top of the file, a callback the CMP calls, an export), ("next", segment) for a call from
        inside another function, each with the calls that handed it in on the way (memoised per
        function). Within a ``region`` (a callee that was handed the walked function, see _reach),
        only the ways inside it, and ("leave",) for every way out of it."""
        memo = (fnode.id, region.id if region is not None else 0)
        found = self._ways_memo.get(memo)
        if found is not None:
            return found
        out: list[_Way] = []
        category = self._category_callback(fnode, [])
        if category is not None:
            out.append(("end", category, None, None, ()))
        else:
            uses = (self.flow if region is None else self._within(region)).uses(fnode)
            runs = [u for u in uses if u.kind in _RUNS]
            leaves = [u for u in uses if u.kind in _LEAVES] if region is not None else []
            if leaves:
                out.append(("leave", None, None, leaves[0].node, ()))
            elif not runs:
                names = self.flow.own_names(fnode) | {u.key for u in uses if u.key and u.kind in ("global", "export")}
                out.append(("end", self._uncalled(fnode, uses, names, []), None, None, ()))
            for use in runs:
                notes: list[Note] = []
                action = self.records.action(use, fnode) if use.kind in ("callback", "handler") else None
                if action is not None:
                    accepts = self.records.handler_accepts(action)
                    if accepts:
                        out.append(
                            (
                                "end",
                                Path(Status.GATED, f"started by {action.describe()}, which stores the visitor's acceptance: {accepts}"),
                                None,
                                use.node,
                                (),
                            )
                        )
                        continue
                    if self.records.reads_as_consent(action):
                        notes.append(
                            Note(f"{action.describe()} reads as an accept control, but what it records is not visible", generic=True)
                        )
                    else:
                        notes.append(Note(f"it starts from {action.describe()}, which records no acceptance"))
                if use.kind == "callback":
                    self._note_event(use.node, notes)
                seg = self._segment(use.node)
                seg = dataclasses.replace(
                    seg,
                    notes=tuple(notes) + seg.notes,
                    path=None if seg.path is None else dataclasses.replace(seg.path, notes=notes + seg.path.notes),
                )
                if seg.fn is None:
                    out.append(("end", seg.path, None, use.node, ()))
                else:
                    out.append(("next", None, seg, use.node, use.via))
            if runs and region is None:
                # A classic script's global that this file calls: the page's other scripts (and its on… attributes) may
                # call it too; a gated walk through it names it (GLOBAL_ALSO_PREFIX) for resolve.globals to check them.
                held = self._global_name(fnode)
                if held:
                    self._also_global[fnode.id] = (held,)
            escapes = [u for u in uses if u.kind == "escape"]
            if runs and escapes and region is None:
                out.append(
                    (
                        "end",
                        Path(
                            Status.UNVERIFIABLE,
                            f"it is also stored where its calls cannot be followed (line {self._line(escapes[0].node)})",
                        ),
                        None,
                        None,
                        (),
                    )
                )
        self._ways_memo[memo] = out
        return out

    def _within(self, region: Node) -> Flow:
        found = self._region_flows.get(region.id)
        if found is None:
            found = self._region_flows[region.id] = self.flow.within(region)
        return found

    def _route(self, key: _State, states, start: _Segment) -> tuple[list[str], list[Note]]:
        """The call lines from the start's function out to the state ``key``, and their notes."""
        lines: list[str] = []
        notes: list[Note] = list(start.notes)
        while True:
            fnode, prev, use, seg_notes, _ = states[key]
            if prev is None:
                break
            lines.append(self._line(use))
            notes += list(seg_notes)
            key = prev
        return lines, notes

    def _build(self, end: Path, key: _State, states, start: _Segment) -> Path:
        lines, notes = self._route(key, states, start)
        where = list(reversed(lines))
        evidence = end.evidence
        if where:
            shown = where[:6] + (["…"] if len(where) > 6 else [])
            evidence = f"called at line {' <- '.join(shown)}: {end.evidence}"
        return Path(end.status, evidence, notes + end.notes, end.mismatch, end.entry, end.budget, end.load)

    def _summarise(self, ends: list[tuple[Path, _State]], states, start: _Segment) -> Path:
        worst = _worst([p for p, _ in ends])
        if worst.status is not Status.GATED:
            path, key = (
                next((p, k) for p, k in ends if p.status is worst.status and not p.entry)
                if any(p.status is worst.status and not p.entry for p, _ in ends)
                else next((p, k) for p, k in ends if p.status is worst.status)
            )
            return self._build(path, key, states, start)
        gates = list(dict.fromkeys(p.evidence for p, _ in ends))
        mismatch = next((p.mismatch for p, _ in ends if p.mismatch), None)
        notes = list(start.notes) + [n for p, _ in ends for n in p.notes]
        shown = "; ".join(gates[:3]) + (f"; and {len(gates) - 3} more" if len(gates) > 3 else "")
        lead = "every way in is gated" if len(ends) > 1 else "its caller is gated"
        also = sorted({k for fnode, *_ in states.values() for k in self._also_global.get(fnode.id, ())})
        helpers = [e for p, _ in ends for e in p.entry if e.startswith(GLOBAL_HELPER_PREFIX)]
        entry = tuple(dict.fromkeys([*(GLOBAL_ALSO_PREFIX + k for k in also), *helpers]))
        return Path(Status.GATED, f"{lead}: {shown}", list(dict.fromkeys(notes)), mismatch, entry=entry)

    def _line(self, node: Node) -> str:
        """ "12", or "1:3480" on long (minified) lines where the line alone says little."""
        line, col = self.prog.parsed.position(node)
        return f"{line}:{col}" if col > 200 else str(line)

    def _gate_at(self, anc: Node, child: Node, notes: list[Note]) -> str | None:
        t = anc.type
        if t == "if_statement":
            cond = anc.child_by_field_name("condition")
            if cond is None:
                return None
            branch = (
                "then"
                if child == anc.child_by_field_name("consequence")
                else "else"
                if child == anc.child_by_field_name("alternative")
                else None
            )
            pol, check = self.polarity(cond)
            if check and ((branch == "then" and pol == 1) or (branch == "else" and pol == -1)):
                if (helper := self._global_helper(cond)) is not None:
                    self._gate_helpers[anc.id] = helper
                return f"guarded by {self.prog.text(cond)[:80]} (line {self._line(cond)}): {check}"
            if branch:
                why = self._fail_open(cond)
                unchosen = self._unchosen_in(cond) if not why and branch == "then" else None
                assumed = self.records.assumed(cond, self._at_load) if not why and not unchosen and branch == "then" else None
                if unchosen:
                    notes.append(unchosen)
                elif assumed:
                    notes.append(Note(f"line {self._line(cond)}: {self.prog.text(cond)[:60]} reads a consent record, but {assumed}"))
                elif not why and branch == "then" and self._generic_consent(cond):
                    notes.append(self._generic_note(cond))
                else:
                    notes.append(
                        Note(
                            f"line {self._line(cond)}: {self.prog.text(cond)[:60]} is "
                            f"{'a fail-open branch: ' + why if why else 'not a consent check'}"
                        )
                    )
        elif t == "ternary_expression":
            cond = anc.child_by_field_name("condition")
            if cond is not None:
                pol, check = self.polarity(cond)
                want = (
                    1 if child == anc.child_by_field_name("consequence") else -1 if child == anc.child_by_field_name("alternative") else 0
                )
                if check and want and pol == want:
                    return f"guarded by {self.prog.text(cond)[:80]} (line {self._line(cond)}): {check}"
                if want and (note := self._open_registry(cond, want)) is not None:
                    notes.append(note)
        elif t == "binary_expression" and child == anc.child_by_field_name("right"):
            op_node = anc.child_by_field_name("operator")
            op = self.prog.text(op_node) if op_node is not None else ""
            left = anc.child_by_field_name("left")
            if left is not None and op in ("&&", "||"):
                pol, check = self.polarity(left) if op == "&&" else self._when_false(left)
                if check and pol == (1 if op == "&&" else -1):
                    return f"guarded by {self.prog.text(left)[:80]} {op} … (line {self._line(left)}): {check}"
                if op == "&&" and (unchosen := self._unchosen_in(left)) is not None:
                    notes.append(unchosen)
                elif op == "&&" and self._generic_consent(left):
                    notes.append(self._generic_note(left))
                elif op == "||" and (note := self._open_registry(left, -1)) is not None:
                    notes.append(note)
        elif t == "statement_block" or t == "program":
            return self._early_return(anc, child, notes)
        return None

    def _open_registry(self, cond: Node, want: int) -> Note | None:
        """A condition that would gate the path if the call in it were an analytics check, where
        the call is of a bundled module's export by id asked about an analytics category
        (``r.Sc('analytics') ? start() : …``, ``if (!r.Sc('analytics')) return``): noted (the
        open path is unverifiable, not ungated) with the check, which the resolve stage reads in
        the module's chunk. ``want``: 1 when the call itself must hold, -1 when its negation."""
        cond = unparen(cond)
        if want == -1:
            arg = cond.child_by_field_name("argument") if cond.type == "unary_expression" else None
            if arg is None or not self.prog.text(cond).startswith("!"):
                return None
            cond = arg
        key = self.registry_call(cond) if self._category_call(cond) else None
        return self._generic_note(cond) if key else None

    def _early_return(self, block: Node, child: Node, notes: list[Note]) -> str | None:
        """``if (!consent) return;`` before the statement, in the same block. The block's early
        returns are found once (a minified function body has hundreds of statements)."""
        gates = self._returns.get(block.id)
        if gates is None:
            gates = self._returns[block.id] = self._block_returns(block)
        for start, gate in gates:
            if start >= child.start_byte:
                break
            return gate
        notes += [note for start, note in self._open_returns.get(block.id, ()) if start < child.start_byte]
        return None

    def _block_returns(self, block: Node) -> list[tuple[int, str]]:
        found = []
        for stmt in block.named_children:
            self.prog.budget.spend()
            if stmt.type != "if_statement":
                continue
            body = stmt.child_by_field_name("consequence")
            if body is None or not _exits(body):
                continue
            cond = stmt.child_by_field_name("condition")
            if cond is None:
                continue
            pol, check = self._when_false(cond)
            if check and pol == -1:
                found.append(
                    (stmt.start_byte, f"early return unless consent: {self.prog.text(cond)[:80]} (line {self._line(cond)}): {check}")
                )
            else:
                note = next((n for d in _disjuncts(cond) if (n := self._open_registry(d, -1)) is not None), None)
                if note is not None:
                    self._open_returns.setdefault(block.id, []).append((stmt.start_byte, note))
        return found

    def _category_callback(self, fnode: Node, notes: list[Note]) -> Path | None:
        """A CMP's per-category callback ([js] category_callbacks): ``{id: 'analytics', onAccept()
        {…}}`` (a sibling key names the category) or ``categories: {analytics: {services: {hj:
        {onAccept() {…}}}}}`` (an enclosing key does). It runs when that one category is accepted:
        another category is gated with a mismatch; the CMP's flags on the category object
        (``required: true``, ``readOnly: true``, ``defaultValue: true``) say when it is no gate."""
        if not self.vocab.category_callbacks:
            return None
        chain = self.prog.chain(fnode)
        parent = chain[-2] if len(chain) >= 2 else None
        if parent is None or parent.type not in ("pair", "object"):
            return None
        pair_key = parent.child_by_field_name("key") if parent.type == "pair" else fnode.child_by_field_name("name")
        obj_at = len(chain) - (3 if parent.type == "pair" else 2)
        obj = chain[obj_at] if obj_at >= 0 else None
        if pair_key is None or obj is None or obj.type != "object":
            return None
        prop = self.prog.string_value(pair_key) or self.prog.text(pair_key)
        for callback in self.vocab.category_callbacks:
            spec, cmp = callback.spec, callback.cmp
            if spec.callback != prop:
                continue
            found = self._category_of(chain[: obj_at + 1], spec)
            if found is None:
                continue
            category, holder = found
            where = f"{prop} of the {cmp.name} category '{category}' (line {self._line(holder)})"
            flags = self._values(holder)
            for flag in cmp.js.category_flags:
                if flags.get(flag.flag) == flag.value:
                    why = (
                        "the visitor cannot refuse it"
                        if flag.status is Status.UNGATED
                        else "pre-ticked, and a pre-ticked box is not consent"
                    )
                    return Path(flag.status, f"{where}: {flag.flag}: {flag.value} ({why})", notes)
            if category != spec.value:
                return Path(
                    Status.GATED, f"{where} runs only after that category, not '{spec.value}', is accepted", notes, (cmp.id, category)
                )
            return Path(Status.GATED, f"{where} runs only after that category is accepted", notes)
        return None

    def _values(self, obj: Node) -> dict[str, str]:
        """An object literal's values as lowercased text, by key (flags such as ``required: true``)."""
        return {k: (self.prog.string_value(v) or self.prog.text(v)[:200]).strip().lower() for k, v in self.prog.pairs(obj).items()}

    def _category_of(self, obj_chain: list[Node], spec: CategoryCallbackSpec) -> tuple[str, Node] | None:
        """The category the callback's object belongs to, and the object holding its flags."""
        obj = obj_chain[-1]
        if spec.key:  # sibling form
            value = self._values(obj).get(spec.key)
            return (value, obj) if value else None
        # Path form: match the enclosing keys, innermost last, against e.g. categories.{category}.services.*
        keys: list[tuple[str, Node]] = []
        i = len(obj_chain) - 1
        while i >= 2 and obj_chain[i].type == "object" and len(keys) < len(spec.path):
            pair = obj_chain[i - 1]
            if pair.type != "pair" or pair.child_by_field_name("key") is None:
                break
            keys.append((self.prog.key_of(pair), obj_chain[i]))
            i -= 2
        keys.reverse()
        if len(keys) != len(spec.path):
            return None
        category: tuple[str, Node] | None = None
        for (key, holder), part in zip(keys, spec.path, strict=False):
            if part == "{category}":
                category = (key.lower(), holder)
            elif part != "*" and part != key:
                return None
        return category

    def _uncalled(self, fnode: Node, uses: list[Use], names: set[str], notes: list[Note]) -> Path:
        """A function nothing in this file calls: known callback and hook names decide, an
        export leaves the verdict to the importers, anything else is unverifiable."""
        name = ", ".join(sorted(names)) or "an anonymous function"
        ignored = self._ignores_consent(fnode)
        if ignored:
            return Path(
                Status.UNGATED,
                f"{name} is a {ignored} consent callback that runs at every page load and choice and never reads its consent argument",
                notes,
            )
        lowered = {n.lower() for n in names}
        cmp_cb = next((f"{e} ({cmp})" for e, cmp in self.vocab.generic_events if e.lower() in lowered), None)
        if cmp_cb:
            return Path(Status.UNGATED, f"{name} is a consent manager callback that runs on every page load and choice: {cmp_cb}", notes)
        fail_cb = next((f"{f} ({cmp})" for f, cmp in self.vocab.fail_open if f in lowered), None)
        if fail_cb:
            return Path(Status.UNGATED, f"{name} is a fail-open consent callback (it also runs when no consent is asked): {fail_cb}", notes)
        hook = next((f"{n}: {self.vocab.hooks[n]}" for n in sorted(names) if n in self.vocab.hooks), None) or self._class_hook(fnode)
        if hook:
            return Path(Status.UNGATED, f"{hook}, whatever the visitor chose", notes)
        exports = [u for u in uses if u.kind == "export"]
        if exports and self._built():
            # Built code: local names are minified (an uppercase one means nothing); the export's
            # own name and what the function itself calls (a hook, an element factory) decide.
            keys = {u.key for u in exports if u.key}
            own = self.prog.text(fnode)
            renders = next((c for c in self._built_render_calls() if c in own), None)
            if (any(k[:1].isupper() for k in keys) or "default" in keys) and renders:
                return Path(Status.UNGATED, f"{name} is a component (it calls {renders}): it runs whenever the page renders it", notes)
        elif exports and _is_component(names, exports, self._renders()):
            return Path(Status.UNGATED, f"{name} is a component: it runs whenever the page renders it", notes)
        if exports:
            module = bundler_exports.module_id(self.prog, fnode)  # its callers may be in other chunks, by module id
            entry = tuple(
                sorted(names | {u.key for u in exports if u.key} | ({bundler_exports.MODULE_PREFIX + module} if module else set()))
            )
            return Path(Status.UNVERIFIABLE, f"{name} is exported; its callers are outside this file", notes, entry=entry)
        globals_ = [u for u in uses if u.kind == "global"]
        if globals_:
            # The function is the global's own value (not a member of a global object): the other
            # scripts of the pages that load this one are its callers (resolve.globals).
            entry = tuple(sorted({GLOBAL_PREFIX + u.key for u in globals_ if self._holds_global(u, fnode)}))
            if len(entry) != len(globals_):
                entry = ()
            return Path(Status.UNVERIFIABLE, f"{name} is a global ({globals_[0].key}); other scripts call it", notes, entry=entry)
        escapes = [u for u in uses if u.kind == "escape"]
        if escapes:
            return Path(
                Status.UNVERIFIABLE, f"{name} is stored where its calls cannot be followed (line {self._line(escapes[0].node)})", notes
            )
        return Path(Status.UNVERIFIABLE, f"{name} is never called in this file", notes)

    def _global_name(self, fnode: Node) -> str | None:
        """The name of the global a classic script's top level makes ``fnode`` (``function load() {…}``, ``var load =
        function () {…}``, ``const load = () => {…}``: the page's other classic scripts see it), else None (a module's,
        a block's or a function's own names are not shared)."""
        if self.prog.is_module:
            return None
        node, parent = fnode, fnode.parent
        if fnode.type in ("function_declaration", "generator_function_declaration"):
            name = fnode.child_by_field_name("name")
            return self.prog.text(name) if name is not None and parent is not None and parent.type == "program" else None
        if parent is not None and parent.type == "variable_declarator" and parent.child_by_field_name("value") == node:
            decl = parent.parent
            name = parent.child_by_field_name("name")
            # var, and let / const too: a classic script's top-level lexical names are shared with the page's others
            holder = decl.parent if decl is not None and decl.type in ("variable_declaration", "lexical_declaration") else None
            top = holder is not None and holder.type == "program"
            return self.prog.text(name) if top and name is not None and name.type == "identifier" else None
        return None

    def _holds_global(self, use: Use, fnode: Node) -> bool:
        """Is ``fnode`` itself the value of the global ``use.key`` (``function key() {…}`` or
        ``var key = …`` at a script's top level, ``key = …``, ``window.key = …``)?"""
        node = use.node
        if node.type in ("function_declaration", "generator_function_declaration"):
            name = node.child_by_field_name("name")
            return node.id == fnode.id and name is not None and self.prog.text(name) == use.key
        if node.type == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            return name is not None and self.prog.text(name) == use.key and value is not None and unparen(value).id == fnode.id
        if node.type == "assignment_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            target = self.prog.path(left)
            head, _, rest = target.partition(".")
            named = target == use.key or (head in GLOBAL_OBJECTS and rest == use.key)
            return named and right is not None and unparen(right).id == fnode.id
        return False

    def _class_hook(self, fnode: Node) -> str | None:
        """A method a framework calls for a class that stands where the hook says: ``render`` of a
        class extending a base (React, Next.js ``_document``), the ``constructor`` of a class
        decorated ``@Injectable`` / ``@Component`` (Angular creates it)."""
        name = fnode.child_by_field_name("name") if fnode.type == "method_definition" else None
        if name is None:
            return None
        spec = self.vocab.class_hooks.get(self.prog.text(name))
        if spec is None:
            return None
        chain = self.prog.chain(fnode)
        cls = chain[-3] if len(chain) >= 3 and chain[-2].type == "class_body" else None
        if cls is None:
            return None
        runs, where = spec
        if "subclass" in where and any(c.type == "class_heritage" for c in cls.children):
            return f"{self.prog.text(name)}: {runs}"
        holder = chain[-4] if len(chain) >= 4 and chain[-4].type == "export_statement" else cls
        decorators = [c for c in list(holder.children) + list(cls.children) if c.type == "decorator"]
        for decorator in decorators:
            called = decorator.named_children[0] if decorator.named_children else None
            head = self.prog.callee(called) if called is not None and called.type == "call_expression" else called
            if head is not None and self.prog.path(head).rsplit(".", 1)[-1] in where:
                return f"{self.prog.text(name)} of an @{self.prog.path(head)} class: {runs}"
        return None

    def _built_render_calls(self) -> tuple[str, ...]:
        """What a component's own body calls once built: a hook (its name survives as a property,
        ``(0,t.useEffect)(…)``) or an element factory of [code] element_factories (``(0,r.jsx)(``)."""
        return (*sorted(_HOOKS), *(f".{f})(" for f in sorted(self.vocab.factories)))

    def _built(self) -> bool:
        if self._minified is None:
            self._minified = jsfacts.minified(self.prog.parsed.source.data)
        return self._minified

    def _renders(self) -> tuple[bool, bool]:
        """(markup, hooks): does this code render markup (a TSX file, JSX, compiled createElement /
        jsx / h calls), and does it call React hooks (a component may render nothing: ``useEffect(
        start); return null``)? A function is a component only in such code."""
        if self._rendering is None:
            markup = (
                self.prog.parsed.source.dialect == "tsx"
                or bool(self.prog.jsx)
                or any(_renders_element(self.prog, c) for f in sorted(self.vocab.factories) for c in self.prog.calls_named(f))
            )
            self._rendering = (markup, any(self.prog.calls_named(h) for h in sorted(_HOOKS)))
        return self._rendering

    def _note_event(self, call: Node, notes: list[Note]) -> None:
        text = self.prog.text(call)[:200]
        for event, cmp in self.vocab.generic_events:
            if event in text:
                notes.append(Note(f"line {self._line(call)}: {event} ({cmp}) fires on any consent choice, not only analytics"))
                return


_RUNS = frozenset({"call", "callback", "jsx", "handler"})
# Ways out of a region (Flow.within): back to the call that handed the walked function in.
_LEAVES = frozenset({"leave", "escape", "global", "export"})
_HOOKS = frozenset({"useEffect", "useLayoutEffect", "useState", "useRef", "onMounted", "onMount"})  # component-only calls
_SHORT = 40  # conditions this short are read in full (a renamed name may stand for a check)


_Context = tuple[tuple[Node, Node], ...]  # (call, callee) pairs, innermost first (Use.via)
_State = tuple[int, bool, tuple[tuple[int, int], ...]]  # (function, passed a generic check, context)


@dataclass(frozen=True)
class _Segment:
    """The walk from a node up to its first gate (``path`` gated), the top of the file (``path``
    ungated), or the function it stands in (``fn``), with the notes made on the way."""

    path: Path | None
    fn: Node | None
    notes: tuple[Note, ...] = ()


_Way = tuple[str, "Path | None", "_Segment | None", "Node | None", _Context]  # (how, outcome, segment, use, via)


def _generic(notes) -> bool:
    return any(n.generic for n in notes)


def _adjust(path: Path, generic: bool) -> Path:
    """An open way that passed a consent check naming no category is unverifiable (_settle)."""
    if generic and path.status is Status.UNGATED:
        return Path(
            Status.UNVERIFIABLE,
            f"a consent check on the way is not known to ask for the analytics category; otherwise {path.evidence}",
            list(path.notes),
        )
    return path


_TRUTHY_LOWER = frozenset(v.lower() for v in _TRUTHY) | {"true"}
_FALSY_LOWER = frozenset(v.lower() for v in _FALSY) | {"false"}


def _renders_element(prog: Program, call: Node) -> bool:
    """``React.createElement(…)``, ``jsx(…)``, ``h(…)``: an element factory called on its own or on
    a UI library, not ``document.createElement('script')`` (or a snippet's ``o.createElement``)."""
    path = prog.path(prog.callee(call))
    return "." not in path or path.split(".", 1)[0] in ("React", "preact", "Vue", "vue", "_react", "react")


def _is_component(names: set[str], exports: list[Use], renders: tuple[bool, bool]) -> bool:
    """A React/Preact/Solid component or Next.js page/layout: a PascalCase function in code that
    renders markup or calls hooks, or the default export of code that renders markup (a library
    module's exported function, PascalCase or not, is a plain function: InspectLet() that only
    injects a script)."""
    markup, hooks = renders
    return ((markup or hooks) and any(n[:1].isupper() for n in names)) or (markup and any(u.key == "default" for u in exports))


def _settle(path: Path) -> Path:
    """An open path that passed a consent check naming no category is unverifiable, not ungated.
    The checks on the way that call a bundled module's export by id stay listed (``registry``)."""
    generic = [n for n in path.notes if n.generic]
    registry = tuple(dict.fromkeys(n.registry for n in generic if n.registry))
    helpers = tuple(dict.fromkeys(n.helper for n in generic if n.helper))
    notes = [Note(n.text) for n in path.notes]  # settled: no later walk reads the flag again
    if generic and path.status is Status.UNGATED:
        return Path(
            Status.UNVERIFIABLE,
            f"{generic[0].text}; otherwise {path.evidence}",
            [n for n in notes if n.text != generic[0].text],
            registry=registry,
            helpers=helpers,
        )
    return dataclasses.replace(path, notes=notes, registry=registry, helpers=helpers)


def _calls_inside(cond: Node) -> bool:
    """Does the condition call something (a helper that may return a check)? Checked on its
    text: a call is a name or ')' followed by '('."""
    text = cond.text or b""
    return len(text) <= MAX_EXPR and re.search(rb"[\w$)]\s*\(", text) is not None


def _disjuncts(cond: Node) -> list[Node]:
    """``a || b || c`` (parenthesised or not) as [a, b, c]; anything else as [cond]."""
    cond = unparen(cond)
    if cond.type == "binary_expression":
        op = cond.child_by_field_name("operator")
        left, right = cond.child_by_field_name("left"), cond.child_by_field_name("right")
        if op is not None and op.type == "||" and left is not None and right is not None:
            return _disjuncts(left) + _disjuncts(right)
    return [cond]


def _exits(body: Node) -> bool:
    if body.type in ("return_statement", "throw_statement"):
        return True
    kids = [c for c in body.named_children if c.type != "comment"]
    return bool(kids) and kids[0].type in ("return_statement", "throw_statement")


_RANK = {Status.UNGATED: 0, Status.UNVERIFIABLE: 1, Status.GATED: 2}


def _worst(paths: list[Path]) -> Path:
    return min(paths, key=lambda p: _RANK[p.status])


def _trigger(site: CodeSite, prog: Program, vocab: ConsentVocabulary) -> Verdict | None:
    """A consent trigger in the start's own arguments (``useScriptHotjar({…, scriptOptions:
    {trigger: useScriptTriggerConsent({consent: X})}})``): the script loads when X turns true, so
    X decides. A literal ``true`` resolves at once (no gate); X with an analytics check gates; any
    other X (a ref the app sets) is unverifiable."""
    if site.via != Via.INIT_CALL or not vocab.triggers:
        return None
    stack = list(prog.args(site.node)) if site.node.type in ("call_expression", "new_expression") else []
    while stack:
        n = stack.pop()
        if n.type == "call_expression":
            name = prog.path(prog.callee(n)).rsplit(".", 1)[-1]
            if name in vocab.triggers:
                option = vocab.triggers[name]
                arg = next((a for a in prog.args(n) if a.type == "object"), None)
                value = prog.pairs(arg).get(option) if arg is not None else None
                text = prog.text(value) if value is not None else "(none)"
                if value is None or value.type == "true":
                    return None  # resolves immediately: the path decides
                pol, check = GuardAnalysis(prog, vocab).polarity(value)
                if pol == 1 and check:
                    return Verdict(
                        status=Status.GATED,
                        mechanism=Mechanism.CODE_GUARD,
                        evidence=f"{name}({{{option}: {text[:60]}}}) loads it only when that is true: {check}",
                    )
                return Verdict(
                    status=Status.UNVERIFIABLE,
                    mechanism=Mechanism.CODE_UNRESOLVED,
                    evidence=f"{name}({{{option}: {text[:60]}}}) loads it when that value turns true; whether only analytics consent sets "
                    "it is not visible here",
                )
        stack.extend(n.named_children)
    return None


def verdict(site: CodeSite, prog: Program, vocab: ConsentVocabulary, guard: GuardAnalysis | None = None) -> Verdict:
    """Gated only when every path to the start passes an analytics-consent check (or a consent
    trigger passed to the start decides). ``guard`` is the program's analysis, shared by its
    sites so that each function is judged once."""
    triggered = _trigger(site, prog, vocab)
    if triggered is not None:
        return triggered
    return path_verdict((guard or GuardAnalysis(prog, vocab)).judge(site.judged or site.node), bool(site.hold))


def path_verdict(path: Path, hold: bool = False) -> Verdict:
    """The verdict a judged path gives (``hold``: the start releases a vendor's hold)."""
    notes = f" ({'; '.join(n.text for n in path.notes)})" if path.notes else ""
    mechanism = {
        Status.GATED: Mechanism.CODE_GUARD,
        Status.UNGATED: Mechanism.NO_CONSENT_CHECK,
        Status.UNVERIFIABLE: Mechanism.CODE_UNRESOLVED,
    }[path.status]
    if path.budget:
        mechanism = Mechanism.ANALYSIS_BUDGET
    if hold and path.status is Status.GATED:
        mechanism = Mechanism.VENDOR_HOLD_RELEASED_ON_CONSENT
    mismatch = path.mismatch if path.status is Status.GATED else None
    return Verdict(
        status=path.status,
        mechanism=mechanism,
        evidence=f"{path.evidence}{notes}",
        cmp=mismatch[0] if mismatch else None,
        category_mismatch=mismatch[1] if mismatch else None,
        entry=path.entry
        if path.status is Status.UNVERIFIABLE
        else tuple(e for e in path.entry if e.startswith((GLOBAL_ALSO_PREFIX, GLOBAL_HELPER_PREFIX))),
        load=path.load and path.status is Status.UNGATED,
        registry=path.registry if path.status is Status.UNVERIFIABLE else (),
        helpers=path.helpers if path.status is Status.UNVERIFIABLE else (),
    )


def bundled_api(prog: Program, fn: Node | None, vocab: ConsentVocabulary) -> tuple[str, str] | None:
    """(API name, CMP) when ``fn`` is a consent library's function as a bundle renamed it: its
    text's shape holds a fragment of ``[js] bundled_api`` (``acceptedCategory = _.o.D?[]:_.o.R``)."""
    if fn is None or fn.type not in FUNCTION_TYPES or fn.end_byte - fn.start_byte > MAX_EXPR:
        return None
    shape = function_shape(prog.text(fn))
    for name, fragment, cmp in vocab.bundled_api:
        if shape == fragment[1:] if fragment.startswith("^") else fragment in shape:
            return name, cmp
    return None
