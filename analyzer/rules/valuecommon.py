"""Wording shared by the rules on values printed as page text (RL320-RL322)."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.resolve.exposure import ValueReport
from analyzer.rules.base import FieldContext


def value_findings(
    ctx: FieldContext, report: ValueReport, rule: str, name: str, high: Severity, low: Severity, legal: tuple[str, ...] = ()
) -> Iterator[Finding]:
    """One finding per recorder whose text masking lets the printed value through: each vendor has
    its own fix (the attribute or option that masks it)."""
    v = report.value
    c = v.classification
    category = ctx.db.fields[c.category].label
    reasons = dict(report.reasons)
    fixes = dict(report.fixes)
    for vendor in report.exposed:
        vname = ctx.db.vendors[vendor].name
        gated = vendor not in report.ungated
        yield Finding(
            rule=rule,
            name=name,
            severity=low if gated else high,
            location=Location(path=report.path, line=v.line, column=v.column),
            message=f"'{v.expression}' prints {category} ({'.'.join(v.path)}) as page text that {vname} records"
            + (" (behind consent: consent does not cover this data)" if gated and ctx.db.fields[c.category].art9 else ""),
            evidence=f"{vendor}: <{v.element}> {'.'.join(v.path)} -> {c.category}; {reasons.get(vendor, '')}",
            remediation=f"{vname}: {fixes[vendor]}"
            if fixes.get(vendor)
            else f"Mask the element for {vname}, or do not print the value on recorded pages.",
            legal=legal,
            vendor=vendor,
        )
