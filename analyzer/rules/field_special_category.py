"""RL301 field-special-category-recorded: a recorder captures a GDPR Art. 9 answer.

**What it finds.** A form field that asks for special-category data (health, genetic, biometric,
racial or ethnic origin, political opinions, religious or philosophical beliefs, trade-union
membership, sex life or sexual orientation), decided from its label, question, legend, options,
placeholder and name in twelve languages (else from the page's or form's topic, else, last, by the
learned field model: the evidence then says `learned field model, p 0.93` and names the words that
weighed most; docs/fields.md), that a recorder on the page would capture: its typed
text (LogRocket, Mouseflow, PostHog with `maskAllInputs: false`, an input unmasked with
`data-hj-allow`…) or its choice (radio and checkbox choices are recorded by Clarity, Hotjar,
FullStory…).

**Why it matters.** Consent to analytics does not make processing special-category data lawful
(GDPR Art. 9 needs explicit consent for that purpose or another Art. 9(2) ground), so the field
must be masked even behind a consent gate. Severity is high when a recorder that captures it
loads without a proven gate, medium when every such recorder is gated.

**How to fix.** Add each vendor's mask attribute or class to the field or its container (the
finding lists them: `data-hj-suppress`, `data-clarity-mask="true"`, `class="fs-exclude"`,
`data-private`…), or enable input masking in the vendor's init options.

**Fires on:**

    <p>Are you pregnant?</p>
    <label><input type="radio" name="pregnant" value="yes"> Yes</label>   <!-- with Clarity on the page -->

**Does not fire on:**

    <fieldset data-clarity-mask="true"><p>Are you pregnant?</p> <input type="radio" name="pregnant"> …</fieldset>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.base import FieldContext
from analyzer.rules.common import legal_notes
from analyzer.rules.fieldcommon import field_finding

ID = "RL301"
NAME = "field-special-category-recorded"
SEVERITY = "high"
SUMMARY = "A recorder captures a GDPR Art. 9 special-category field"
SCOPE = "fields"


def check(ctx: FieldContext) -> Iterator[Finding]:
    """One finding per Art. 9 field a recorder captures: high when one loads ungated, else medium."""
    legal = legal_notes(ctx, "fields")
    for report in ctx.fields:
        if report.exposed and ctx.db.fields[report.field.classification.category].art9:
            severity = Severity.HIGH if report.ungated else Severity.MEDIUM
            yield field_finding(ctx, report, ID, NAME, severity, legal)
