"""RL310 pii-sent-to-recorder: code sends personal data to a recorder through its identify API.

**What it finds.** Identify-style calls (`FS.identify` / `FS('setIdentity')`, `LogRocket.identify`,
`hj('identify')`, `__insp.push(['identify', …])`, `posthog.identify`, `smartlook('identify')`, …)
whose arguments carry an e-mail address, a national ID, financial data or special-category data,
recognised by the argument keys and expressions (`email`, `user.ssn`, `diagnosis`).

**Why it matters.** It attaches the visitor's identity to every recording, in the vendor's
systems, and most vendors' terms forbid sending such data; for special-category data consent to
analytics is not a lawful basis.

**How to fix.** Send an opaque, internal user id only; keep e-mail addresses, identity numbers and
health data out of recorder calls.

**Fires on:**

    LogRocket.identify(user.id, { email: user.email, dateOfBirth: user.dob })

**Does not fire on:**

    LogRocket.identify(user.id, { plan: user.plan })
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.base import PageContext

ID = "RL310"
NAME = "pii-sent-to-recorder"
SEVERITY = "medium"
SUMMARY = "Personal data is sent to a recorder's identify API"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One finding per identify call of the page that sends personal data: high when it is Art. 9 data,
    else medium."""
    for item in ctx.facts.pii:
        art9 = any(ctx.db.fields[c].art9 for c in item.categories if c in ctx.db.fields)
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.HIGH if art9 else Severity.MEDIUM,
            location=Location(path=ctx.path, line=item.line, column=item.column),
            message=f"{ctx.db.vendors[item.vendor].name}: {item.evidence}",
            evidence=item.evidence,
            remediation="Identify the visitor with an opaque internal id only; do not send e-mail, identity numbers or special-category "
            "data to the recorder.",
            vendor=item.vendor,
        )
