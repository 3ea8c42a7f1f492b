"""RL506 recorder-not-stopped: a recorder started after a consent check is never stopped when consent is withdrawn.

**What it finds.** A recorder that code starts only after a consent check (an `if` on the consent
manager's analytics consent, a consent callback, a vendor hold released on consent) where no code in
the scan calls the vendor's stop or opt-out API (`[withdrawal] calls` of its signature: PostHog
`opt_out_capturing()` / `stopSessionRecording()`, FullStory `FS('shutdown')`, Clarity `consentv2` with
`analytics_Storage: 'denied'`, Sentry `getReplay().stop()`, Datadog `setTrackingConsent('not-granted')`,
Mixpanel `opt_out_tracking()`, Smartlook `disable`, ...) and, for vendors that have none (Hotjar, Crazy
Egg, Mouseflow ...), no code that handles consent reloads the page. The finding names the missing call
and the consent-change listeners of the start's file (each consent manager's change / decline events),
where the call belongs. Recorders gated by consent-manager markup (`type="text/plain"` +
category) are left to the consent manager, which blocks or reloads on withdrawal, and are not reported.

**Why it matters.** Withdrawing consent must be as easy as giving it (GDPR Art. 7(3)), and after it the
recording must stop: a recorder started on "accept" keeps sending the session for the rest of the page
view, single-page apps included, when the visitor changes their mind in the cookie settings.

**How to fix.** In the consent manager's change / decline handler, call the vendor's stop API when
analytics consent is no longer given (or reload the page for vendors without one), e.g.
`window.addEventListener('CookiebotOnDecline', () => posthog.opt_out_capturing())`.

**Fires on:**

    if (Cookiebot.consent.statistics) { posthog.init('phc_123', {}) }   // and no opt_out_capturing anywhere

**Does not fire on:**

    if (Cookiebot.consent.statistics) { posthog.init('phc_123', {}) }
    window.addEventListener('CookiebotOnDecline', () => posthog.opt_out_capturing())
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.common import legal_notes

ID = "RL506"
NAME = "recorder-not-stopped"
SEVERITY = "low"
SUMMARY = "A recorder started after a consent check is never stopped when consent is withdrawn"
SCOPE = "compliance"


def check(ctx) -> Iterator[Finding]:
    """One finding per consent-checked start with no stop, opt-out or reload on withdrawal, naming the
    missing call."""
    for item in ctx.unstopped:
        d = item.detection
        vendor = ctx.db.vendors[d.vendor]
        if item.calls:
            missing = " or ".join(c + ")" if c.endswith("(") else c for c in item.calls[:3])
            need = f"nothing in the scan calls {missing}"
        else:
            missing = "location.reload()"
            need = f"{vendor.name} has no stop call and no consent-handling code reloads the page"
        hooks = ", ".join(sorted({f"{h.name} ({h.cmp}, line {h.line})" for h in item.hooks})[:3])
        where = (
            f"; this file listens to {hooks}, where the call belongs" if hooks else "; no consent-change listener was found in this file"
        )
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.LOW,
            location=d.location,
            message=f"{vendor.name} starts after a consent check but is never stopped when consent is refused or withdrawn: {need}{where}",
            evidence=f"{d.vendor} started ({d.verdict.mechanism}); missing: {missing}",
            remediation=f"On the consent manager's change / decline event, when analytics consent is gone: {item.summary}",
            legal=legal_notes(ctx, "withdrawal"),
            vendor=d.vendor,
        )
