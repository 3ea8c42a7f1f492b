"""RL100 recorder-gated: a recorder is present and its markup holds it back until consent.

**What it finds.** Every recorder whose tag is inert until the consent manager activates it for
an analytics / statistics category (or the named service), or that a server template renders only
inside a consent check (`{% if consent.analytics %}`): an inventory entry, at info level, so
an audit lists every recorder on the site. Gated recorders still see form fields once the visitor
consents: the field rules apply to them. A raw or verbatim block (Liquid's and Jinja's `{% raw %}`,
Twig's, Nunjucks' and Django's `{% verbatim %}`, Blade's `@verbatim`, Handlebars' `{{{{raw}}}}`) is
printed as it is written, and so is an escaped tag (Blade's `@@if`, Handlebars' `\\{{#if}}`), so an `{% if %}` or `@if`
there is text the browser gets, not a condition: it gates nothing. Nor does a condition written around a
`{% block %}` of a template that extends another (Django, Jinja, Twig, Nunjucks `{% extends %}`, Latte `{layout}`):
the engine renders a child's block wherever its parent places it, whatever surrounds it; a condition inside
the block gates it.

**Why it matters.** Knowing what records visitors is the first question of any privacy review.

**How to fix.** Nothing to fix for consent. Check the fields the recorder can see.

**Fires on:**

    <script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>

**Does not fire on:**

    <script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Severity, Status
from analyzer.rules.base import PageContext
from analyzer.rules.common import mechanism_words

ID = "RL100"
NAME = "recorder-gated"
SEVERITY = "info"
SUMMARY = "A recorder is present and waits for consent"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One inventory entry per gated recorder site of the page."""
    for d in ctx.detections:
        if d.verdict.status is not Status.GATED:
            continue
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.INFO,
            location=d.location,
            message=f"{ctx.db.vendors[d.vendor].name} waits for consent ({mechanism_words(d.verdict.mechanism)})",
            evidence=f"{d.evidence}; {d.verdict.evidence}",
            vendor=d.vendor,
        )
