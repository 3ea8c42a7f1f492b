"""RL101 recorder-ungated: a session recorder or heatmap loads before the visitor consents.

**What it finds.** A `<script>` (external `src`, inline snippet, or inline code that injects the
vendor's script) that runs as soon as the page loads: no consent-manager blocking markup, an exempt
marker (`data-cookieconsent="ignore"`, `data-ot-ignore`, …), a look-alike type that runs anyway
(`text/partytown`, delay-JS plugin types), a negated (`!analytics`) or strictly-necessary category,
a category attribute on an executable script, or an auto-blocker that loads after the recorder or
`async`.

**Why it matters.** Loading a recorder stores and reads information on the visitor's device
(ePrivacy Directive Art. 5(3)); EU regulators hold that session replay and heatmaps are not
strictly necessary, so they need prior consent. Consent collected after recording started does
not cure it (the US wiretap cases make the same point).

**How to fix.** Mark the tag with your consent manager's blocking markup for the analytics /
statistics category (the finding gives the exact attributes for the CMP on the page), or start
the recorder from the CMP's analytics-consent callback.

**Fires on:**

    <script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
    <script type="text/partytown" data-cookieconsent="statistics" src="https://www.clarity.ms/tag/abc"></script>

**Does not fire on:**

    <script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.kinds import Via
from analyzer.model import Finding, Status
from analyzer.rules.base import PageContext
from analyzer.rules.common import consent_finding, mechanism_words, vendor_label

ID = "RL101"
NAME = "recorder-ungated"
SEVERITY = "high"
SUMMARY = "A session recorder or heatmap loads before consent"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One finding per ungated recorder site of the page (noscript pixels are RL104's)."""
    for d in ctx.detections:
        if d.verdict.status is Status.UNGATED and d.via != Via.NOSCRIPT_PIXEL:
            yield consent_finding(
                ctx, d, ID, NAME, f"{vendor_label(ctx, d)} loads without waiting for consent ({mechanism_words(d.verdict.mechanism)})"
            )
