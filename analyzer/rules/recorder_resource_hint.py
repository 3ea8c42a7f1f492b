"""RL110 recorder-resource-hint: a `<link>` hint contacts a recorder's host before consent.

**What it finds.** `preconnect`, `dns-prefetch`, `preload`, `modulepreload` or `prefetch` links
to a recorder host. A preload fetches the recorder file itself; a preconnect opens a connection
(and so discloses the visitor's IP address) whatever the consent state. Next.js emits such a
preload for `<Script strategy="afterInteractive">` even when the script is `type="text/plain"`.

**Why it matters.** Informational: the hint does not run the recorder, but it contacts the vendor
before consent and often marks a recorder loaded elsewhere (tag manager, bundle).

**How to fix.** Drop the hint, or emit it only after consent.

**Fires on:**

    <link rel="preconnect" href="https://static.hotjar.com">

**Does not fire on:**

    <link rel="preconnect" href="https://fonts.gstatic.com">
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.base import PageContext

ID = "RL110"
NAME = "recorder-resource-hint"
SEVERITY = "info"
SUMMARY = "A resource hint contacts a recorder host before consent"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One note per ``<link>`` hint of the page to a recorder host."""
    for hint in ctx.facts.hints:
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.INFO,
            location=Location(path=ctx.path, line=hint.line, column=hint.column),
            message=f'rel="{hint.rel}" contacts {ctx.db.vendors[hint.vendor].name} before consent',
            evidence=f'<link rel="{hint.rel}" href="{hint.url}">',
            remediation="Remove the hint or emit it only after analytics consent.",
            vendor=hint.vendor,
        )
