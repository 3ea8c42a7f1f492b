"""RL321 value-sensitive-rendered: a page prints identity or financial data as text a recorder records.

**What it finds.** A template output or component expression whose variable path names a
national identifier, a card or account number, income or a balance (`{{ user.ssn }}`,
`{{ order.card_last4 }}`, `{applicant.passport_number}`), printed as page text that a recorder's
text masking lets through: one finding per such recorder. Vendors that scrub digits from page
text anyway (Clarity's default mode, Smartlook) or card numbers (Contentsquare, Medallia DXA) do
not count.

**Why it matters.** Recordings are stored by a third party and replayed by staff; identity and
account numbers in them enable fraud and identity theft. Medium when a capturing recorder loads
without a proven gate, low when all are gated.

**How to fix.** Put the vendor's text mask on the element that prints it (listed in the finding),
print a masked form (`•••• 4242` is still a card's last digits: mask it too), or keep the value off
recorded pages.

**Fires on:**

    <td>{{ user.ssn }}</td>   {# with LogRocket's default options #}

**Does not fire on:**

    <td>{{ user.ssn }}</td>   {# with Microsoft Clarity only: its default mode scrubs digits #}
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.base import FieldContext
from analyzer.rules.valuecommon import value_findings

ID = "RL321"
NAME = "value-sensitive-rendered"
SEVERITY = "medium"
SUMMARY = "A page prints identity or financial data as text that a recorder captures"
SCOPE = "fields"
CATEGORIES = ("government-id", "financial", "credentials")


def check(ctx: FieldContext) -> Iterator[Finding]:
    """One finding per financial, identity or credential value the page prints and recorder that
    captures it as text: medium when that recorder loads ungated, else low."""
    for report in ctx.values:
        if report.exposed and report.value.classification.category in CATEGORIES:
            yield from value_findings(ctx, report, ID, NAME, Severity.MEDIUM, Severity.LOW)
