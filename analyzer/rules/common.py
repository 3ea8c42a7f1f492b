"""Wording shared by the recorder rules: locations, remediation for the CMP on the page, legal notes."""

from __future__ import annotations

import functools

from analyzer.kinds import Mechanism, Via
from analyzer.model import Detection, Finding, Severity
from analyzer.rules.base import FieldContext, PageContext
from analyzer.signatures import Cmp, SignatureDB


def severity_for(ctx: PageContext, d: Detection) -> Severity:
    """A consent finding's severity, by verdict and vendor category (signatures/severity.toml)."""
    table = ctx.db.severity.get(d.verdict.status.value, {})
    return Severity.parse(table.get(ctx.db.vendors[d.vendor].category, "medium"))


@functools.lru_cache(maxsize=8)
def _notes(db: SignatureDB, scope: str) -> tuple[str, ...]:
    return tuple(f"{a.name} ({a.jurisdiction}): {a.url}" for a in db.authorities if scope in a.applies_to)


def legal_notes(ctx: PageContext | FieldContext, scope: str = "recorder") -> tuple[str, ...]:
    """One shared tuple per scope: thousands of findings must not each carry their own copy."""
    return _notes(ctx.db, scope)


CODE_VIAS = frozenset({Via.INIT_CALL, Via.COMPONENT, Via.SNIPPET, Via.DYNAMIC_INJECTION, Via.JSX_SCRIPT, Via.RELEASE_CALL})


@functools.lru_cache(maxsize=8)
def _examples(db: SignatureDB) -> tuple[Cmp, ...]:
    """The consent managers a fix cites as examples: those whose signature gives a code example."""
    return tuple(c for c in db.cmps.values() if c.js.example)


def _code_examples(ctx: PageContext) -> str:
    """This page's consent manager's analytics check if it has one, else every example's."""
    own = [ctx.db.cmps[c] for c in ctx.facts.cmps if ctx.db.cmps[c].js.example]
    return ", ".join(c.js.example or "" for c in own or _examples(ctx.db))


def _markup_examples(db: SignatureDB) -> str:
    return "; ".join(f"with {c.name}: {c.markup.fix}" for c in _examples(db) if c.markup is not None)


def remediation(ctx: PageContext, d: Detection) -> str:
    """The exact markup or code to write, for the consent manager this page loads (or, from the
    signatures, the consent managers that give an example)."""
    name = ctx.db.vendors[d.vendor].name
    if d.via == Via.PLUGIN:
        return (
            f"This plugin starts {name} on every page, before any choice. Remove it and start "
            f"{name} from your consent manager's analytics callback (e.g. {_code_examples(ctx)}), "
            "or register the plugin only inside such a check."
        )
    if d.via == Via.HEAD_CONFIG:
        return (
            f"Give this head entry your consent manager's blocking attributes so the rendered tag stays inert "
            f"until analytics consent ({_markup_examples(ctx.db)}), and make sure the consent "
            f"manager loads on every page; or remove the entry and start {name} from the consent "
            "manager's analytics-consent callback."
        )
    if d.via in CODE_VIAS:
        return (
            f"Start {name} only after analytics consent: call it inside your consent manager's "
            f"analytics check, both on load for returning visitors and on the consent event, e.g. {_code_examples(ctx)}. "
            "An environment check or a generic 'consent given' event is not enough."
        )
    cmps = ctx.facts.cmps
    inline = d.via in (Via.INLINE_SNIPPET, Via.INLINE_LOADER)
    what = "the inline snippet's <script> tag" if inline else "the <script> tag"
    if cmps:
        cmp = ctx.db.cmps[cmps[0]]
        assert cmp.markup is not None
        return (
            f"This page loads {cmp.name}: change {what} to <script {cmp.markup.fix} …> so {cmp.name} runs it only after analytics consent."
        )
    example = next((c for c in _examples(ctx.db) if c.markup is not None), None)
    fix = f" (with {example.name}: <script {example.markup.fix} …>)" if example is not None and example.markup is not None else ""
    return (
        f"No consent manager was found on this page. Load {name} only after the visitor accepts "
        f"analytics: mark {what} with your consent manager's blocking markup{fix}, or start it from the "
        "consent manager's analytics-consent callback."
    )


# What each consent mechanism id (detections' `consent.mechanism` in the JSON) means, in the words a
# finding's message uses: the ids are the machine contract, people read these.
MECHANISM_WORDS = {
    # gated
    Mechanism.CMP_MARKUP: "held back by the consent manager's markup",
    Mechanism.CODE_GUARD: "started inside a consent check",
    Mechanism.VENDOR_HOLD_RELEASED_ON_CONSENT: "the vendor's own hold is released on consent",
    Mechanism.DECLARED_AUTOBLOCK: "the consent manager blocks it, as the configuration declares",
    Mechanism.SERVER_SIDE_CONSENT: "the template renders it only after consent",
    Mechanism.GTM_CONSENT_SETTINGS: "Tag Manager's consent settings hold it back",
    Mechanism.GTM_TRIGGER: "decided by its Tag Manager trigger",
    # ungated
    Mechanism.NONE: "nothing holds it back",
    Mechanism.NO_CONSENT_CHECK: "the code starts it without a consent check",
    Mechanism.LOOK_ALIKE_TYPE: "its script type only looks like a consent gate",
    Mechanism.NEGATED_CATEGORY: "a negated consent category runs it when consent is refused",
    Mechanism.NECESSARY_CATEGORY: "filed as strictly necessary, which needs no consent",
    Mechanism.EXEMPT_MARKER: "marked as exempt from blocking",
    Mechanism.CATEGORY_WITHOUT_INERT_TYPE: "a consent category but an executable script type",
    Mechanism.CMP_LOADER_MISSING_OR_LATE: "no consent manager loads before it",
    Mechanism.CMP_LOADER_ASYNC: "the consent manager loads asynchronously and may come after it",
    Mechanism.AUTOBLOCKER_AFTER_RECORDER: "the consent manager's auto-blocker loads after it",
    Mechanism.AUTOBLOCKER_ASYNC: "the consent manager's auto-blocker loads asynchronously and may come after it",
    Mechanism.NOSCRIPT: "a <noscript> request no consent manager can stop",
    Mechanism.ALWAYS_RUN_HOOK: "added by a hook the framework runs on every page, with no consent check",
    Mechanism.CMP_CONFIG: "the consent manager's configuration runs it without waiting for consent",
    # unverifiable
    Mechanism.AUTOBLOCKER: "depends on how the consent manager's auto-blocker classifies it",
    Mechanism.UNKNOWN_CATEGORY: "a consent category this tool does not know",
    Mechanism.INERT_WITHOUT_CMP: "held back, but nothing says what releases it",
    Mechanism.INERT_MARKUP_ELSEWHERE: "gated only on pages that load the consent manager",
    Mechanism.INJECTED_INERT_MARKUP: "injected after the consent manager may have run",
    Mechanism.INJECTED_ELSEWHERE: "returned as markup; the page that inserts it decides",
    Mechanism.CODE_UNRESOLVED: "the consent check in the code cannot be resolved",
    Mechanism.ANALYSIS_BUDGET: "the analysis stopped before reaching the start",
    Mechanism.NOT_ANALYSED: "the file could not be analysed",
    Mechanism.PARTIAL_INCLUDERS_DECIDE: "a partial whose includers render it under a condition this tool cannot read",
    Mechanism.PARENT_TEMPLATE_DECIDES: "a nested block of a child template, under a consent condition its parent template may bypass",
    Mechanism.GTM_NO_TRIGGER: "the Tag Manager tag has no firing trigger",
    Mechanism.HELD_AS_DATA: "held as data in code; the code that renders or includes it decides",
    Mechanism.GTM_TEMPLATE_FILE: "a Tag Manager template; the container's triggers and consent settings decide",
    Mechanism.TEXT_SCAN: "found by a text scan of a file whose syntax is not read",
    Mechanism.SYNTAX_ERROR: "the script has a syntax error, and a browser runs none of a script that does not parse",
}


def mechanism_words(mechanism: Mechanism) -> str:
    """The plain-language reason for a verdict (a mechanism id never reaches a message)."""
    return MECHANISM_WORDS.get(mechanism, mechanism.replace("-", " "))


def vendor_label(ctx: PageContext, d: Detection) -> str:
    """The vendor's name; for suites where replay is one module, say that recording depends on config."""
    vendor = ctx.db.vendors[d.vendor]
    if vendor.category == "replay-addon":
        return f"{vendor.name} (replay-capable suite; whether it records depends on its configuration)"
    return vendor.name


def consent_finding(ctx: PageContext, d: Detection, rule: str, name: str, message: str) -> Finding:
    """A finding about a recorder's consent verdict: severity by vendor category, CMP-specific fix, legal notes."""
    if d.original:
        message = f"{message} [original: {d.original}]"
    return Finding(
        rule=rule,
        name=name,
        severity=severity_for(ctx, d),
        location=d.location,
        message=message,
        evidence=f"{d.evidence}; {d.verdict.evidence}",
        remediation=remediation(ctx, d),
        legal=legal_notes(ctx),
        vendor=d.vendor,
    )
