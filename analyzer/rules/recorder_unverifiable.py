"""RL102 recorder-unverifiable: whether a recorder waits for consent depends on something the markup does not show.

**What it finds.** A recorder whose gating rests on a consent manager's *auto-blocking* (Cookiebot
`data-blockingmode="auto"`, OneTrust `OtAutoBlock.js`, Usercentrics `autoblocker.js`, iubenda,
Termly, Osano, consentmanager…): the blocker holds it back only if the CMP's dashboard classifies
this vendor as non-necessary. Also an inert script with no consent-manager attribute (whatever
activates it decides), an unknown category value, and an inline snippet whose gating is code
(it references a consent API). And a server template's condition that names consent in a form
this tool does not follow, each of which can hold without consent: a test (`is false`,
`is not defined`), a membership (`in ['', none]`), an ordering, a default (`?? true`,
`| default(true)`), a predicate of absence (`.nil?`, `empty(…)`), `xor`, a function-style
comparison (`eq .x false`); a setting of the site or theme (`settings.analytics_cookies_enabled`)
is no visitor's consent at all.

**Why it matters.** Auto-blockers let unclassified services through (Cookiebot loads elements
that set only unclassified cookies; Usercentrics does not block services unknown to its scanner).
A static check cannot see the dashboard, so it cannot prove the gate.

**How to fix.** Prefer explicit blocking markup on the recorder tag (the finding gives it for the
CMP on the page); it works whatever the dashboard says. Or declare the fact in the configuration
once you have checked the CMP's classification.

**Fires on:**

    <script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-blockingmode="auto"></script>
    <script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>

**Does not fire on:**

    <script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Status
from analyzer.rules.base import PageContext
from analyzer.rules.common import consent_finding, mechanism_words, vendor_label

ID = "RL102"
NAME = "recorder-unverifiable"
SEVERITY = "medium"
SUMMARY = "A recorder's consent gating cannot be proven from the markup"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One finding per recorder site of the page whose consent gating cannot be verified."""
    for d in ctx.detections:
        if d.verdict.status is Status.UNVERIFIABLE:
            yield consent_finding(
                ctx, d, ID, NAME, f"{vendor_label(ctx, d)}: consent gating cannot be verified ({mechanism_words(d.verdict.mechanism)})"
            )
