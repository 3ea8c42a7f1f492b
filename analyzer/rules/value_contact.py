"""RL322 value-contact-rendered: a page prints a person's name or contact details as recorded text.

**What it finds.** A template output or component expression that prints a person's name, e-mail
address, phone number or street address (`{{ user.name }}`, `<%= @customer.email %>`,
`{profile.phone}`) as page text that a recorder's text masking lets through: one finding per such
recorder. Only an attribute of a person-like object counts (`user`, `member`, `customer`,
`patient`…): `product.name` is not a person's name.

**Why it matters.** A name or an e-mail address in the page ties every recording of the session to
a person: the recording becomes personal data about that visitor. Low when a capturing recorder
loads without a proven gate, info when all are gated.

**How to fix.** Put the vendor's text mask on the element that prints it (listed in the finding),
or leave the greeting out of recorded pages.

**Fires on:**

    <span class="greeting">Hello {{ user.name }}</span>   {# with Hotjar on the page #}

**Does not fire on:**

    <h2>{{ product.name }}</h2>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.base import FieldContext
from analyzer.rules.valuecommon import value_findings

ID = "RL322"
NAME = "value-contact-rendered"
SEVERITY = "low"
SUMMARY = "A page prints a person's name or contact details as text that a recorder captures"
SCOPE = "fields"


def check(ctx: FieldContext) -> Iterator[Finding]:
    """One finding per contact value the page prints and recorder that captures it as text: low when
    that recorder loads ungated, else info."""
    for report in ctx.values:
        if report.exposed and report.value.classification.category == "contact":
            yield from value_findings(ctx, report, ID, NAME, Severity.LOW, Severity.INFO)
