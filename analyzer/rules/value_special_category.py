"""RL320 value-special-category-rendered: a page prints special-category data as text a recorder records.

**What it finds.** A template output (`{{ patient.diagnosis }}`, `<%= @member.union %>`,
`<?= $applicant->ethnicity ?>`, `{{ .Patient.Diagnosis }}`) or a component expression
(`{user.religion}` in JSX, `{{ patient.diagnosis }}` in Vue, `{member.union}` in Svelte) whose
variable path names GDPR Art. 9 data, printed as page text on a page a recorder records, when
that recorder's page-text masking lets it through: one finding per such recorder. Account and
confirmation pages typically print back what a form collected. Each vendor's text-masking model
(its default, the attributes and classes that mask an element's text, the init options that
change it) is `[masking.text]` in its signature file, with sources; a model marked unverified
says so in the finding.

**Why it matters.** Most recorders copy page text into the recording unless text masking is on
(Hotjar, Clarity's default mode, FullStory without Private by Default, LogRocket, PostHog…):
the diagnosis a page shows is in every replay of it. Consent to analytics is not the explicit
consent Art. 9(2)(a) requires. High when a recorder that captures it loads without a proven gate,
medium when every such recorder is gated.

**How to fix.** Put the vendor's text mask on the element that prints the value or on its
container (the finding names it: `data-hj-suppress`, `data-clarity-mask="true"`,
`class="fs-mask"`, `data-private`, `class="ph-mask"`…), or turn on the vendor's text masking
(`dom.textSanitizer: true`, `maskAllText`), or keep the recorder off the page.

**Fires on:**

    <p>Diagnosis: {{ patient.diagnosis }}</p>   {# with Hotjar on the page #}

**Does not fire on:**

    <p data-hj-suppress>Diagnosis: {{ patient.diagnosis }}</p>
    <p>Your union: Union</p>   {# a product named "Union" is literal text, not a value #}
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity
from analyzer.rules.base import FieldContext
from analyzer.rules.common import legal_notes
from analyzer.rules.valuecommon import value_findings

ID = "RL320"
NAME = "value-special-category-rendered"
SEVERITY = "high"
SUMMARY = "A page prints GDPR Art. 9 data as text that a recorder captures"
SCOPE = "fields"


def check(ctx: FieldContext) -> Iterator[Finding]:
    """One finding per special-category value the page prints and recorder that captures it as text:
    high when that recorder loads ungated, else medium."""
    legal = legal_notes(ctx, "fields")
    for report in ctx.values:
        if report.exposed and ctx.db.fields[report.value.classification.category].art9:
            yield from value_findings(ctx, report, ID, NAME, Severity.HIGH, Severity.MEDIUM, legal)
