"""RL120 recorder-commented-out: a recorder snippet sits in an HTML comment.

**What it finds.** A vendor snippet or `<script src>` inside `<!-- … -->`. It does not run, so it
is not a detection; it is a note, because commented-out tracking code is often switched back on
by the next edit, and it ships the site id to every visitor.

**Why it matters.** Informational.

**How to fix.** Delete the comment, or keep the snippet in version control history instead.

**Fires on:**

    <!-- <script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script> -->

**Does not fire on:**

    <!-- analytics: see the cookie policy -->
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.base import PageContext

ID = "RL120"
NAME = "recorder-commented-out"
SEVERITY = "info"
SUMMARY = "A recorder snippet is commented out"


def check(ctx: PageContext) -> Iterator[Finding]:
    for item in ctx.facts.commented:
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.INFO,
            location=Location(path=ctx.path, line=item.comment.line, column=item.comment.column),
            message=f"a commented-out {item.vendor.name} snippet (not active)",
            evidence=item.evidence,
            remediation="Delete the commented-out snippet.",
            vendor=item.vendor.id,
        )
