"""RL502 policy-page-missing: the scan holds recorders but no privacy or cookie policy page.

**What it finds.** The scan detected at least one recorder but found no page it recognises as a
privacy policy, cookie policy / declaration or subprocessor list (by path, title or a consent
manager's cookie-declaration embed, in twelve languages). Whether the recorders are disclosed cannot
be checked, so this is said once, as information, and nothing is guessed. It is only said when a
folder is scanned: a scan of files named one by one (the pre-commit hook passes the changed files)
is not expected to hold the policy.

**Why it matters.** The disclosure check (RL501) and the legal-basis check (RL503) read the policy
pages. A scan of built output usually includes them; a scan of one folder of a monorepo, of a theme, or
of a site whose policy is hosted elsewhere (a policy generator's URL, a CMS page) does not.

**How to fix.** Scan the folder that holds the policy's source too (Markdown content, templates or
built HTML), e.g. `replaylint scan dist/ content/`, or, if the policy lives outside the repository,
ignore this rule for the project (`ignore = ["RL502"]`) and check the disclosure by hand.

**Fires on:**

    <!-- a scan of theme/ that loads Hotjar, with no privacy page in it -->

**Does not fire on:**

    <!-- the same scan with content/datenschutz.md or dist/privacy/index.html included -->
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity

ID = "RL502"
NAME = "policy-page-missing"
SEVERITY = "info"
SUMMARY = "The scan holds recorders but no privacy or cookie policy page"
SCOPE = "compliance"


def check(ctx) -> Iterator[Finding]:
    """At most one finding, at the first recorder: a folder scan with recorders and no policy page."""
    if ctx.policies or not ctx.detections or not ctx.site:
        return
    first = ctx.detections[0]
    names = ", ".join(ctx.db.vendors[v].name for v in ctx.recorders)
    yield Finding(
        rule=ID,
        name=NAME,
        severity=Severity.INFO,
        location=first.location,
        message=f"no privacy or cookie policy page among the scanned files, so whether the site's recorders ({names}) are disclosed cannot "
        "be checked",
        evidence=f"recorders: {', '.join(ctx.recorders)}; policy pages: none",
        remediation="Scan the policy pages' source too (Markdown content, templates or built HTML), or ignore RL502 for a project whose "
        "policy lives elsewhere and check the disclosure by hand.",
        vendor=first.vendor,
    )
