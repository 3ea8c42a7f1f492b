"""RL501 recorder-undisclosed: a recorder the site loads is not named in any privacy or cookie policy.

**What it finds.** A session recorder or heatmap detected anywhere in the scan (a page, a template, a
bundle, a GTM export) whose name appears on none of the scanned policy pages: the privacy policy, the
cookie policy or declaration, the subprocessor list (recognised by path, title or a consent manager's
cookie-declaration embed, in twelve languages). A vendor counts as named by its product or former name,
its legal entity, a link to its domain, or one of its cookies in a cookie table (`_hjSessionUser_*`
names Hotjar), in the page's text, tables, lists and links: a policy page that loads the recorder in a
`<script>` does not name it by doing so. One finding per vendor, at its first detection, listing the
pages checked. When a page's cookie list is filled by a consent manager in the browser (Cookiebot
`cd.js`, OneTrust `#ot-sdk-cookie-policy`, CookieYes, Complianz, iubenda, Termly) the finding is `info`:
only that live list can show the vendor.

**Why it matters.** GDPR Art. 13(1)(e) requires telling visitors who receives their data, and ePrivacy
Art. 5(3) consent is only informed when the visitor knows which tools read their device. A recorder
vendor processes what the visitor does on the site on the operator's behalf; a policy that does not
name it cannot support the consent the banner asks for.

**How to fix.** Name the vendor in the cookie policy (its cookies and their duration) and in the
privacy policy's list of recipients / processors (product, legal entity and country, what it records,
and that it runs only with consent). The remediation gives the vendor's entity and cookie names.

**Fires on:**

    <!-- layout.html loads static.hotjar.com; privacy.html names only Google Analytics -->

**Does not fire on:**

    <!-- cookies.html: | _hjSessionUser_{site_id} | Hotjar | 1 year | -->
    <!-- privacy.html: We use Hotjar (Hotjar Ltd., Malta) to record visits, with your consent. -->
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.common import legal_notes

ID = "RL501"
NAME = "recorder-undisclosed"
SEVERITY = "medium"
SUMMARY = "A recorder the site loads is not named in any privacy or cookie policy"
SCOPE = "compliance"


def check(ctx) -> Iterator[Finding]:
    """One finding per recorder of the site that no policy page names (nothing when the scan holds no
    policy page: RL502's case)."""
    if not ctx.policies:
        return
    checked = ", ".join(p.path for p in ctx.policies[:6]) + (f" and {len(ctx.policies) - 6} more" if len(ctx.policies) > 6 else "")
    delegated = sorted({(cmp, p.path) for p in ctx.policies for cmp in p.delegated})
    for vendor_id in ctx.recorders:
        if _named(ctx, vendor_id):
            continue
        vendor = ctx.db.vendors[vendor_id]
        first = ctx.first_detection(vendor_id)
        severity = Severity.INFO if delegated else Severity.MEDIUM
        live = "; ".join(
            f"{cmp} fills the cookie list of {path} in the browser: check that it lists {vendor.name}" for cmp, path in delegated
        )
        yield Finding(
            rule=ID,
            name=NAME,
            severity=severity,
            location=first.location,
            message=f"{vendor.name} is loaded here but no privacy or cookie policy in the scan names it (checked: {checked})"
            + (f"; {live}" if live else ""),
            evidence=f"{vendor_id} not named on: {', '.join(p.path for p in ctx.policies)}",
            remediation=remediation(ctx, vendor_id),
            legal=legal_notes(ctx, "disclosure"),
            vendor=vendor_id,
        )


def _named(ctx, vendor_id: str) -> bool:
    self_hosted = ctx.db.vendors[vendor_id].self_hosted
    for page in ctx.policies:
        if any(n.vendor == vendor_id for n in page.named):
            return True
        if self_hosted and page.mentions_recording:
            return True  # a self-hosted recorder has no vendor to name: describing the recording is the disclosure
    return False


def remediation(ctx, vendor_id: str) -> str:
    """What to write in the policies about ``vendor_id``: its name and entity, what it records, and its
    cookies."""
    vendor = ctx.db.vendors[vendor_id]
    d = vendor.disclosure
    entities = [e for e in (d.entities if d else ()) if e.status != "unverified"]
    name = d.names[0] if d and d.names else vendor.name
    who = f"{name} ({entities[0].name}{', ' + entities[0].country if entities[0].country else ''})" if entities else vendor.name
    cookies = [k for k in vendor.storage_keys if k not in (d.weak_cookies if d else ())][:4]
    cookie_text = f" and its cookies ({', '.join(cookies)})" if cookies else ""
    return (
        f"Name {who} in the privacy policy's recipients / processors, with what it records (sessions, clicks, "
        f"form interactions) and that it runs only with consent, and list it{cookie_text} in the cookie policy."
    )
