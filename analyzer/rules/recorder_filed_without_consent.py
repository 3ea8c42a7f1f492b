"""RL504 recorder-filed-without-consent: a consent-manager configuration files a recorder where no consent is asked.

**What it finds.** In a consent manager's configuration (Klaro services, CookieConsent v3 categories,
a hand-written service registry, a cookie-classification table), an entry for a recorder that is filed
under an always-on category (necessary, essential, strictly necessary, functional, technical ...), on
an entry or category the visitor cannot refuse (CookieConsent `readOnly: true`, Klaro `required: true`
or `optOut: true`, Silktide `required: true`: the same flags the consent-code analysis reads from
`signatures/consent/*.toml`), or as a legitimate-interest purpose (TCF `legIntPurposes`, a `legalBasis`
that cites Art. 6(1)(f)). When the recorder is started inside that category's callback, the consent
rules already report it as ungated and this rule stays silent.

**Why it matters.** Whatever the banner shows, a recorder filed this way runs for every visitor, and
the cookie declaration generated from the configuration tells visitors it is strictly necessary, which
session replay and heatmaps are not (ePrivacy Art. 5(3): only what is strictly necessary for a service
the visitor asked for is exempt from consent).

**How to fix.** File the recorder under the analytics / statistics category (Klaro `purposes:
['analytics']`, `required: false`, `optOut: false`, `default: false`; CookieConsent a category without
`readOnly`), and remove any legitimate-interest purpose for it.

**Fires on:**

    services: [{ name: 'hotjar', title: 'Hotjar', purposes: ['analytics'], required: true }]

**Does not fire on:**

    services: [{ name: 'hotjar', title: 'Hotjar', purposes: ['analytics'], required: false, optOut: false }]
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity, Status
from analyzer.rules.common import legal_notes

ID = "RL504"
NAME = "recorder-filed-without-consent"
SEVERITY = "medium"
SUMMARY = "A consent-manager configuration files a recorder where no consent is asked"
SCOPE = "compliance"


def check(ctx) -> Iterator[Finding]:
    """One finding per vendor and file whose consent configuration files it where no consent is asked
    (not when it is already reported as ungated there)."""
    for path, facts in sorted(ctx.facts.items()):
        seen: set[str] = set()
        for filing in facts.filings:
            if not filing.problem or filing.vendor in seen or _reported_as_ungated(ctx, path, filing.vendor):
                continue
            seen.add(filing.vendor)  # one finding per vendor and file: a cookie table files each cookie
            vendor = ctx.db.vendors[filing.vendor]
            yield Finding(
                rule=ID,
                name=NAME,
                severity=Severity.MEDIUM,
                location=Location(path=path, line=filing.line, column=filing.column),
                message=f"{vendor.name} is configured so that no consent is asked: {filing.problem}",
                evidence=f"{filing.vendor}: {filing.problem}" + (f" [{filing.cmp}]" if filing.cmp else ""),
                remediation=(
                    f"File {vendor.name} under the analytics / statistics category, refusable and off by default "
                    "(Klaro: purposes ['analytics'], required: false, optOut: false, default: false; CookieConsent: "
                    "a category without readOnly), with consent as its basis."
                ),
                legal=legal_notes(ctx, "legal-basis"),
                vendor=filing.vendor,
            )


def _reported_as_ungated(ctx, path: str, vendor: str) -> bool:
    """A start of this vendor in the same file that the consent analysis already found ungated
    because its category cannot be refused."""
    return any(
        d.location.path == path and d.vendor == vendor and d.verdict.status is Status.UNGATED and "cannot refuse" in d.verdict.evidence
        for d in ctx.detections
    )
