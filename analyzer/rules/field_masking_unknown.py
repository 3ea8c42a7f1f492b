"""RL304 field-masking-unverifiable: a special-category field's masking depends on a vendor dashboard.

**What it finds.** A GDPR Art. 9 field on a page with a recorder whose masking is configured only
in the vendor's dashboard and has no documented default this tool can rely on (for example
Contentsquare, Quantum Metric, Heap), so whether it captures the field cannot be decided here.

**Why it matters.** Special-category data must be masked even behind consent; with no visible
setting, only the dashboard can prove it.

**How to fix.** Add the vendor's mask attribute or class to the field (it works whatever the
dashboard says), or check the dashboard's masking rules and record the decision in a
suppression with the reason.

**Fires on:**

    <textarea name="diagnosis"></textarea>   <!-- with a dashboard-configured recorder -->

**Does not fire on:**

    <textarea name="diagnosis" data-cs-mask></textarea>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.base import FieldContext
from analyzer.rules.fieldcommon import vendor_names

ID = "RL304"
NAME = "field-masking-unverifiable"
SEVERITY = "low"
SUMMARY = "A special-category field's masking depends on a vendor dashboard"
SCOPE = "fields"


def check(ctx: FieldContext) -> Iterator[Finding]:
    """One finding per Art. 9 field whose masking only a vendor dashboard decides, naming those vendors."""
    for report in ctx.fields:
        c = report.field.classification
        if report.unknown and ctx.db.fields[c.category].art9:
            f = report.field
            yield Finding(
                rule=ID,
                name=NAME,
                severity=Severity.LOW,
                location=Location(path=report.path, line=f.line, column=f.column),
                message=f"field '{f.label[:60]}' ({ctx.db.fields[c.category].label}) may be recorded by "
                f"{vendor_names(ctx, report.unknown)}: masking is set in the vendor dashboard",
                evidence=f'<{f.tag} name="{f.name}"> {", ".join(c.words[:3])}',
                remediation="; ".join(f"{ctx.db.vendors[v].name}: {fix}" for v, fix in report.fixes if v in report.unknown and fix)
                or "Mask the field with the vendor's attribute.",
                vendor=report.unknown[0],
            )
