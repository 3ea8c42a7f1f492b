"""RL140 tag-manager-opaque: a page loads a tag manager and no recorder its markup shows.

**What it finds.** A page that loads Google Tag Manager (or Tealium iQ, Adobe Tags, Segment) and
has no recorder in its markup or inline code.

**Why it matters.** Informational. Recorders are often added in the tag manager, whose container
is fetched at run time: a static scan of the page cannot see them, so "no recorder found" would
be a false all-clear. Export the container and scan the export (GTM: Admin > Export Container).

**How to fix.** Nothing on the page; scan the container export (`replaylint scan
GTM-XXXX_workspace.json`) so its recorder tags get their own verdicts.

**Fires on:**

    <script async src="https://www.googletagmanager.com/gtm.js?id=GTM-ABC123"></script>

**Does not fire on:**

    <script async src="https://www.googletagmanager.com/gtm.js?id=GTM-ABC123"></script>
    <script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>   <!-- the recorder is the finding -->
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.base import PageContext

ID = "RL140"
NAME = "tag-manager-opaque"
SEVERITY = "info"
SUMMARY = "A page loads a tag manager whose recorders the markup cannot show"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One note for a page that loads a tag manager and has no recorder detected on it."""
    manager = ctx.facts.tag_manager
    if manager is None or ctx.detections:
        return
    yield Finding(
        rule=ID,
        name=NAME,
        severity=Severity.INFO,
        location=Location(path=ctx.path, line=manager.line, column=manager.column),
        message=f"the page loads {manager.name}: recorders may be inside the container, which a static scan of the page cannot see",
        evidence=f"{manager.name} loader",
        remediation=f"Scan the container: {manager.export}.",
    )
