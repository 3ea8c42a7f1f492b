"""RL303 field-contact-recorded: a recorder captures contact details typed into a form.

**What it finds.** An e-mail, phone, street address or postal-code field that a recorder on the
page would capture (typed text is visible in the replay).

**Why it matters.** Contact details identify the visitor, which turns every recording of the
session into personal data tied to a person; vendors' terms usually forbid sending them.
Low when a capturing recorder loads without a proven gate, info when all are gated.

**How to fix.** Add the vendor's mask attribute or class (listed in the finding), or enable
input masking in the init options.

**Fires on:**

    <input type="email" name="email">   <!-- with LogRocket's default options -->

**Does not fire on:**

    <input type="email" name="email">   <!-- with Hotjar, which suppresses keystrokes -->
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.base import FieldContext
from analyzer.rules.fieldcommon import field_finding

ID = "RL303"
NAME = "field-contact-recorded"
SEVERITY = "low"
SUMMARY = "A recorder captures a contact-details field"
SCOPE = "fields"


def check(ctx: FieldContext) -> Iterator[Finding]:
    """One finding per contact field (e-mail, phone, address, postal code) a recorder captures: low when
    one loads ungated, else info."""
    for report in ctx.fields:
        if report.exposed and report.field.classification.category == "contact":
            yield field_finding(ctx, report, ID, NAME, Severity.LOW if report.ungated else Severity.INFO)
