"""Wording shared by the field rules."""

from __future__ import annotations

from analyzer.model import Finding, Location, Severity
from analyzer.resolve.exposure import FieldReport
from analyzer.rules.base import FieldContext


def vendor_names(ctx: FieldContext, ids: tuple[str, ...]) -> str:
    """The display names of the vendors ``ids``, comma-separated."""
    return ", ".join(ctx.db.vendors[v].name for v in ids)


def field_finding(ctx: FieldContext, report: FieldReport, rule: str, name: str, severity: Severity, legal: tuple[str, ...] = ()) -> Finding:
    """The finding for a field the vendors ``report.exposed`` capture: why each captures it and how each
    masks it."""
    f = report.field
    c = f.classification
    category = ctx.db.fields[c.category].label
    who = vendor_names(ctx, report.exposed)
    reasons = "; ".join(r for v, r in report.reasons if v in report.exposed)
    fixes = "; ".join(f"{ctx.db.vendors[v].name}: {fix}" for v, fix in report.fixes if v in report.exposed and fix)
    gated = "" if report.ungated else " (behind consent: consent does not cover this data)"
    # A field whose category comes from where it stands names that place: "free text; form
    # heading 'Allergy record' (allerg*)".
    context = f"; {c.context}" if c.context else ""
    return Finding(
        rule=rule,
        name=name,
        severity=severity,
        location=Location(path=report.path, line=f.line, column=f.column),
        message=f"field '{f.label[:60]}' ({category}: {', '.join(c.words[:3])}{context}) is recorded by {who}{gated}",
        evidence=f'<{f.tag} name="{f.name}"> {category}, confidence {c.confidence:.2f}{context}; {reasons}',
        remediation=f"Mask the field for every recorder on the page: {fixes}"
        if fixes
        else "Mask the field for every recorder on the page.",
        legal=legal,
        vendor=report.exposed[0] if report.exposed else None,
    )
