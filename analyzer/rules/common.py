"""Wording shared by the recorder rules: locations, remediation for the CMP on the page, legal notes."""

from __future__ import annotations

import functools

from analyzer.model import Detection, Finding, Severity, Status
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


CODE_VIAS = frozenset({"init-call", "component", "snippet", "dynamic-injection", "jsx-script", "release-call"})


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
    if d.via == "plugin":
        return (
            f"This plugin starts {name} on every page, before any choice. Remove it and start "
            f"{name} from your consent manager's analytics callback (e.g. {_code_examples(ctx)}), "
            "or register the plugin only inside such a check."
        )
    if d.via == "head-config":
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
    inline = d.via in ("inline-snippet", "inline-loader")
    what = "the inline snippet's <script> tag" if inline else "the <script> tag"
    if cmps:
        cmp = ctx.db.cmps[cmps[0]]
        assert cmp.markup is not None
        return f"This page loads {cmp.name}: change {what} to <script {cmp.markup.fix} …> so {cmp.name} runs it only after analytics consent."
    example = next((c for c in _examples(ctx.db) if c.markup is not None), None)
    fix = f" (with {example.name}: <script {example.markup.fix} …>)" if example is not None else ""
    return (
        f"No consent manager was found on this page. Load {name} only after the visitor accepts "
        f"analytics: mark {what} with your consent manager's blocking markup{fix}, or start it from the "
        "consent manager's analytics-consent callback."
    )


# What each consent mechanism id (detections' `consent.mechanism` in the JSON) means, in the words a
# finding's message uses: the ids are the machine contract, people read these.
MECHANISM_WORDS = {
    # gated
    "cmp-markup": "held back by the consent manager's markup",
    "code-guard": "started inside a consent check",
    "vendor-hold-released-on-consent": "the vendor's own hold is released on consent",
    "declared-autoblock": "the consent manager blocks it, as the configuration declares",
    "server-side-consent": "the template renders it only after consent",
    "gtm-consent-settings": "Tag Manager's consent settings hold it back",
    "gtm-trigger": "decided by its Tag Manager trigger",
    # ungated
    "none": "nothing holds it back",
    "no-consent-check": "the code starts it without a consent check",
    "look-alike-type": "its script type only looks like a consent gate",
    "negated-category": "a negated consent category runs it when consent is refused",
    "necessary-category": "filed as strictly necessary, which needs no consent",
    "exempt-marker": "marked as exempt from blocking",
    "category-without-inert-type": "a consent category but an executable script type",
    "cmp-loader-missing-or-late": "no consent manager loads before it",
    "cmp-loader-async": "the consent manager loads asynchronously and may come after it",
    "autoblocker-after-recorder": "the consent manager's auto-blocker loads after it",
    "autoblocker-async": "the consent manager's auto-blocker loads asynchronously and may come after it",
    "noscript": "a <noscript> request no consent manager can stop",
    "always-run-hook": "added by a hook the framework runs on every page, with no consent check",
    # unverifiable
    "autoblocker": "depends on how the consent manager's auto-blocker classifies it",
    "unknown-category": "a consent category this tool does not know",
    "inert-without-cmp": "held back, but nothing says what releases it",
    "inert-markup-elsewhere": "gated only on pages that load the consent manager",
    "injected-inert-markup": "injected after the consent manager may have run",
    "injected-elsewhere": "returned as markup; the page that inserts it decides",
    "code-unresolved": "the consent check in the code cannot be resolved",
    "analysis-budget": "the analysis stopped before reaching the start",
    "not-analysed": "the file could not be analysed",
    "partial-includers-decide": "a partial whose includers render it under a condition this tool cannot read",
    "gtm-no-trigger": "the Tag Manager tag has no firing trigger",
    "held-as-data": "held as data in code; the code that renders or includes it decides",
    "gtm-template-file": "a Tag Manager template; the container's triggers and consent settings decide",
    "text-scan": "found by a text scan of a file whose syntax is not read",
}


def mechanism_words(mechanism: str) -> str:
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
