"""A control's section headings are read up the page's outline (``Preceding.over``, docs/fields.md "Context"): the heading
right above a form or a control may be a step or a note ("Etapa 13", "Step 2 of 4") standing in the section whose
heading names the topic ("Avaliação de Depressão"). A later section's heading opens a new section: the heading of the
one before it no longer holds what follows."""

from __future__ import annotations

from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc


def _sites(db, html: str) -> dict[str, tuple[str, str]]:
    found = fieldfacts.extract(htmldoc.parse(html), db.fields, db.consent_words, context=db.field_context)
    return {s.name: (s.classification.category, s.classification.context) for s in found}


def test_a_step_heading_stands_in_the_questionnaire_s_section(db) -> None:
    html = """<h2>Avaliação de Depressão</h2><h3>Etapa 13</h3>
    <form method="post"><label for=obs>Observações</label><textarea id=obs name=obs></textarea></form>"""
    assert _sites(db, html) == {"obs": ("health", "heading 'Avaliação de Depressão' (depressão)")}


def test_a_legend_stands_in_its_step_which_stands_in_the_form_s_section(db) -> None:
    # Two levels up: the legend's section is the step's, the step's the application's.
    html = """<h1>Acme</h1><h2>Trade union membership application</h2><h3>Step 2 of 4</h3>
    <form><fieldset><legend>Anything else</legend><label for=m>Message</label><textarea id=m name=m></textarea></fieldset>
    </form>"""
    got = _sites(db, html)
    assert got["m"][0] == "union", got


def test_a_later_section_s_heading_closes_the_earlier_one(db) -> None:
    # The h3 "Write to us" stands under the h2 "Contact", not under "Psychotherapy" two sections up.
    html = """<h2>Psychotherapy and depression treatment</h2><p>We treat anxiety and depression.</p>
    <h2>Contact</h2><h3>Write to us</h3>
    <form><label for=m>Message</label><textarea id=m name=m></textarea></form>"""
    assert _sites(db, html) == {}


def test_a_heading_after_the_form_is_no_section_of_it(db) -> None:
    html = """<h3>Write to us</h3><form><label for=m>Message</label><textarea id=m name=m></textarea></form>
    <h2>Depression treatment</h2>"""
    assert _sites(db, html) == {}
