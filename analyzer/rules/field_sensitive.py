"""RL302 field-sensitive-recorded: a recorder captures financial, identity or credential data.

**What it finds.** A field asking for a card number, IBAN, income or loan amount, a national ID,
passport, tax or social-security number, or a secret (password, PIN, security answer) that a
recorder on the page would capture under its masking model and the options visible in code.

**Why it matters.** Recordings are stored by a third party and replayed by staff; these values
enable fraud and identity theft, and card data in recordings breaks PCI DSS scope. Severity is
medium when a capturing recorder loads without a proven gate, low when all are gated.

**How to fix.** Add the vendor's mask attribute or class to the field (listed in the finding),
or turn on input masking in the init options (LogRocket `dom.inputSanitizer: true`, PostHog
`maskAllInputs: true`, Datadog `defaultPrivacyLevel: 'mask-user-input'`).

**Fires on:**

    <input name="iban" autocomplete="off">   <!-- with LogRocket's default options -->

**Does not fire on:**

    <input name="iban" data-private>   <!-- LogRocket masks data-private -->
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.base import FieldContext
from analyzer.rules.fieldcommon import field_finding

ID = "RL302"
NAME = "field-sensitive-recorded"
SEVERITY = "medium"
SUMMARY = "A recorder captures a financial, identity-number or credential field"
SCOPE = "fields"
CATEGORIES = frozenset({"financial", "government-id", "credentials"})


def check(ctx: FieldContext) -> Iterator[Finding]:
    """One finding per financial, identity or credential field a recorder captures: medium when one
    loads ungated, else low."""
    for report in ctx.fields:
        if report.exposed and report.field.classification.category in CATEGORIES:
            yield field_finding(ctx, report, ID, NAME, Severity.MEDIUM if report.ungated else Severity.LOW)
