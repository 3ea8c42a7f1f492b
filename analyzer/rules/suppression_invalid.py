"""RL901 suppression-invalid: an inline suppression that does not parse, names no known rule, or gives no reason.

**What it finds.** A `replaylint:` comment that is not `replaylint: ignore[RULE,…] -- reason`:
brackets that are empty or name a rule id (or id prefix) that does not exist, or no reason after
`--` (unless the configuration sets `require-suppression-reason = false`).

**Why it matters.** A suppression that silently matches nothing (or everything, as flake8's
malformed `noqa` does) hides the state of the code from the reviewer, and one without a reason
leaves the next reviewer guessing whether the recorder or the field was accepted on purpose. A
malformed directive never suppresses anything here, and it is an error so that it gets fixed.

**How to fix.** Write `replaylint: ignore[RL101] -- why this is acceptable` in the file's comment
syntax (`<!-- -->`, `//`, `{# #}`, `{% comment %}`, `{{!-- --}}`, `<%# %>`, `{{-- --}}`).

**Fires on:**

    <!-- replaylint: ignore hotjar -->
    <!-- replaylint: ignore[RL101] -->

**Does not fire on:**

    <!-- replaylint: ignore[RL101] -- blocked by our edge worker until consent -->
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity

ID = "RL901"
NAME = "suppression-invalid"
SEVERITY = "high"
SUMMARY = "An inline suppression is malformed"
SCOPE = "suppressions"


def check(ctx) -> Iterator[Finding]:
    """One finding per malformed suppression directive."""
    for path, directive in ctx.directives:
        if directive.problem:
            yield Finding(
                rule=ID,
                name=NAME,
                severity=Severity.HIGH,
                location=Location(path=path, line=directive.line, column=directive.column),
                message=f"malformed suppression: {directive.problem}",
                evidence=f"replaylint: {'ignore[' + ','.join(directive.rules) + ']' if directive.rules else '…'}",
                remediation="Write 'replaylint: ignore[RULE,…] -- reason' with existing rule ids.",
            )
