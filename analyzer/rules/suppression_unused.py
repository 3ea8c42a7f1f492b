"""RL902 suppression-unused: an inline suppression that suppresses nothing.

**What it finds.** A valid `replaylint: ignore[…]` directive with no finding of the listed rules
on its line or the next one.

**Why it matters.** Stale suppressions outlive the code they excused and would hide the next
real finding at that place.

**How to fix.** Delete the directive, or move it to the line above the element it is about.

**Fires on:**

    <!-- replaylint: ignore[RL101] -- legacy -->
    <p>No recorder here any more.</p>

**Does not fire on:**

    <!-- replaylint: ignore[RL101] -- blocked by our edge worker until consent -->
    <script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity

ID = "RL902"
NAME = "suppression-unused"
SEVERITY = "low"
SUMMARY = "An inline suppression suppresses nothing"
SCOPE = "suppressions"


def check(ctx) -> Iterator[Finding]:
    """One finding per well-formed suppression directive that covered no finding."""
    for path, directive in ctx.directives:
        if directive.problem is None and (path, directive.line) not in ctx.used:
            yield Finding(
                rule=ID,
                name=NAME,
                severity=Severity.LOW,
                location=Location(path=path, line=directive.line, column=directive.column),
                message=f"unused suppression: ignore[{','.join(directive.rules)}] matches no finding here",
                evidence=f"replaylint: ignore[{','.join(directive.rules)}]",
                remediation="Delete the directive or move it next to the finding it is meant for.",
            )
