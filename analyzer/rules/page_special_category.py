"""RL330 page-special-category-recorded: a recorder runs on a page whose subject is special-category data.

**What it finds.** A page whose path, `<title>` or first-level heading places it in a GDPR Art. 9
category (`/mental-health/self-assessment`, `/hiv-testing/book`, "Book an abortion
consultation", "Prayer requests", "Join the union"), with a recorder on it: one finding per
recorder. The words are each category's `page` list in `signatures/fields/*.toml`, in twelve
languages; ordinary words that only mention a subject ("health" in a gym's newsletter footer,
a product named "Union") are not in them, and footers and `<h2>`s are not read.

**Why it matters.** Every recording holds the page's URL and title: a replay of this page says
that this visitor went there, which is itself health, belief, union or sex-life data (GDPR Art. 9,
Recital 35). Masking the page's fields does not hide the visit. High when the recorder loads
without a proven consent gate, medium when it is gated (consent to analytics is not Art. 9(2)(a)
explicit consent).

**How to fix.** Do not load the recorder on that section of the site (condition the tag on the
path), or exclude the section's URLs in the vendor's settings where the vendor offers it (the
finding gives each vendor's documented way, or says it was not verified).

**Fires on:**

    <!-- dist/mental-health/self-assessment/index.html, with Hotjar on the page -->
    <title>Mental health self-assessment</title>

**Does not fire on:**

    <!-- dist/gym/index.html --> <footer><h4>Health tips newsletter</h4> … </footer>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.base import FieldContext
from analyzer.rules.common import legal_notes

ID = "RL330"
NAME = "page-special-category-recorded"
SEVERITY = "high"
SUMMARY = "A recorder runs on a page whose subject is GDPR Art. 9 data"
SCOPE = "fields"
_GENERIC = "do not load the recorder on this section of the site, or exclude its URLs in the vendor's settings"


def check(ctx: FieldContext) -> Iterator[Finding]:
    """One finding per recorder on a page whose path, title or heading is special-category: high when it
    loads ungated."""
    visit = ctx.visit
    if visit is None:
        return
    legal = legal_notes(ctx, "fields")
    topic = visit.topic
    label = ctx.db.fields[topic.category].label
    where = {"path": "path", "title": "title", "heading": "heading"}[topic.source]
    for vendor in visit.recorders:
        v = ctx.db.vendors[vendor]
        how = v.masking.page_exclusion or _GENERIC
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.HIGH if vendor in visit.ungated else Severity.MEDIUM,
            location=Location(path=visit.path, line=topic.line, column=1),
            message=f"{v.name} records visits to a page about {label}: its {where} '{topic.text}' says so ('{topic.word}')",
            evidence=f"{vendor}: page {where} '{topic.text}' ({topic.category}: {topic.word})",
            remediation=f"{v.name}: {how}",
            legal=legal,
            vendor=vendor,
        )
