"""RL120 recorder-commented-out: a recorder snippet is commented out.

**What it finds.** A vendor snippet, a loader URL written as code (in quotes or a `<script>`
tag), or a vendor's start called with an argument (`// posthog.init(key, {…})`; not prose naming
`posthog.init()`, not a docs placeholder), inside a comment of any syntax the scan reads: HTML `<!-- … -->` (pages, templates and
Vue / Svelte / Astro markup); JavaScript `//` line by line and `/* … */`, in an inline script of
any type (an inert `type="text/plain"` block too), in a template's script helper block
(`<%= javascript_tag do %>`) and in JS/TS/JSX files (`//`-commented `<Script>` code in a
component); PHP `//`, `#` and `/* … */`; template comments, line by line or as a block:
Django/Jinja/Twig `{# … #}` and `{% comment %}…{% endcomment %}`, ERB `<%# … %>`, Blade
`{{-- … --}}`, Liquid `{% comment %}`, Handlebars `{{!-- … --}}` and `{{! … }}`, Go templates
`{{/* … */}}`, Latte `{* … *}`; HAML `-#` and `/` (the line and every line indented below it). Comments next
to each other are read as one, so a snippet commented out line by line is seen whole; two versions
commented out one after the other, or two snippets in one block comment, are two notes, each where
its snippet starts. It
does not run, so it is not a detection; it is a note, because commented-out tracking code is
often switched back on by the next edit, and it ships the site id to every visitor.

**Why it matters.** Informational.

**How to fix.** Delete the comment, or keep the snippet in version control history instead.

**Fires on:**

    <!-- <script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script> -->
    {# <script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script> #}
    // r.src='https://static.hotjar.com/c/hotjar-1234567.js?sv=6';

**Does not fire on:**

    <!-- analytics: see the cookie policy -->
    // Hotjar loads from static.hotjar.com once the visitor consents
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
    """One note per commented-out snippet of the page."""
    for item in ctx.facts.commented:
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.INFO,
            location=Location(path=ctx.path, line=item.line, column=item.column),
            message=f"a commented-out {ctx.db.vendors[item.vendor].name} snippet (not active)",
            evidence=item.evidence,
            remediation="Delete the commented-out snippet.",
            vendor=item.vendor,
        )
