"""RL104 recorder-noscript: a `<noscript>` pixel or frame calls a recorder's host without consent.

**What it finds.** An `<img>` or `<iframe>` inside `<noscript>` whose URL is a recorder's
collection endpoint (Yandex Metrica's watch pixel, for example).

**Why it matters.** Browsers with scripting off request it on every page view, and no consent
manager can hold back `<noscript>` content (Usercentrics documents that its blocker does not act
on it). It sends the visit to the vendor, with its cookies, before any choice.

**How to fix.** Remove the `<noscript>` fallback, or render it server-side only for visitors whose
consent cookie grants analytics.

**Fires on:**

    <noscript><img src="https://mc.yandex.ru/watch/12345678" alt=""></noscript>

**Does not fire on:**

    <noscript><p>Please enable JavaScript.</p></noscript>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.kinds import Via
from analyzer.model import Finding, Severity, Status
from analyzer.rules.base import PageContext
from analyzer.rules.common import legal_notes

ID = "RL104"
NAME = "recorder-noscript"
SEVERITY = "low"
SUMMARY = "A <noscript> pixel calls a recorder's host without consent"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One finding per ungated ``<noscript>`` pixel or frame of the page."""
    for d in ctx.detections:
        if d.via != Via.NOSCRIPT_PIXEL or d.verdict.status is not Status.UNGATED:
            continue
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.LOW,
            location=d.location,
            message=f"{ctx.db.vendors[d.vendor].name} <noscript> {d.element} is requested without consent",
            evidence=f"{d.evidence}; {d.verdict.evidence}",
            remediation="Remove the <noscript> fallback or render it only when the consent cookie grants analytics.",
            legal=legal_notes(ctx),
            vendor=d.vendor,
        )
