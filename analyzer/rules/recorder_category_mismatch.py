"""RL103 recorder-category-mismatch: a recorder is gated on a consent category other than analytics.

**What it finds.** A recorder held back by consent-manager markup whose category is not the
analytics / statistics one: e.g. `data-cookieconsent="marketing"` or OneTrust `C0004`
(Targeting) for Hotjar; or started in a consent manager's per-category callback of another
category (a `marketing` service's `onAccept` in CookieConsent v3, a Silktide consent type, a Civic
`optionalCookies` entry), or in a GTM tag fired by another category's trigger.

**Why it matters.** Consent must be specific and informed. A visitor who accepts "statistics" but
refuses "marketing" expects session recording (a measurement purpose) to follow the statistics
choice; filing it under another purpose misdescribes it in the banner and the cookie declaration.

**How to fix.** Use the analytics / statistics category value of your consent manager (the
finding names it) and declare the vendor under that category in the CMP.

**Fires on:**

    <script type="text/plain" data-cookieconsent="marketing" src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>

**Does not fire on:**

    <script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.base import PageContext

ID = "RL103"
NAME = "recorder-category-mismatch"
SEVERITY = "low"
SUMMARY = "A recorder is gated on a non-analytics consent category"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One finding per recorder site of the page gated on a consent manager's category other than
    analytics."""
    for d in ctx.detections:
        verdict = d.verdict
        name = ctx.db.vendors[d.vendor].name
        if not verdict.category_mismatch or verdict.cmp is None:
            continue
        cmp = ctx.db.cmps[verdict.cmp]
        wanted = ", ".join(sorted(cmp.markup.analytics)) if cmp.markup else "analytics"
        fix = cmp.markup.fix if cmp.markup else f"start {name} from the callback of that category instead"
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.LOW,
            location=d.location,
            message=f"{name} is gated on '{verdict.category_mismatch}', not {cmp.name}'s analytics category",
            evidence=verdict.evidence,
            remediation=f"Use {cmp.name}'s analytics value ({wanted}): {fix}",
            vendor=d.vendor,
        )
