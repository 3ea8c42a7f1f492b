"""Slim and Haml views (analyzer/parse/indented.py): their markup is no HTML, so they are read as text for
recorders, but the Rails form helpers their output lines call (``= f.collection_radio_buttons :religion``, the GOV.UK
form builder's ``= f.govuk_text_area :allergies``) are the controls they print, each at its line, recorded by the
recorders the app's layout loads. Look-alikes: a helper in a Haml comment block, a line of text with an equals sign,
a view of an app whose layout loads no recorder."""

from __future__ import annotations

from analyzer.parse import indented
from tests.conftest import site_fields

_CLARITY = (
    "(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};t=l.createElement(r);t.async=1;"
    't.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);})'
    '(window, document, "clarity", "script", "k2x9mzq3ab");'
)
_LAYOUT = f"""doctype html
html
  head
    javascript:
      {_CLARITY}
  body
    == yield
"""

_SLIM = """h1 Equality and diversity
p Religion = what you believe, if anything
= form_for @diversity do |f|
  = f.collection_radio_buttons :religion, Diversity::RELIGIONS, :to_s, :to_s
  .govuk-form-group
    = f.govuk_text_area :allergies, label: { text: "Any allergies?" }
  = f.govuk_text_field :first_name
"""

_HAML = """%h1 Member
= form_for @member do |f|
  %p= f.text_area :medical_conditions
  -#
    = f.text_field :diagnosis
"""


def test_slim_and_haml_form_helpers_are_their_controls(tmp_path) -> None:
    files = {
        "Gemfile": "source 'https://rubygems.org'\n",
        "app/views/layouts/application.html.slim": _LAYOUT,
        "app/views/diversities/_religion.html.slim": _SLIM,
        "app/views/members/edit.html.haml": _HAML,
    }
    fields = site_fields(tmp_path, files)
    assert fields["religion"][:2] == ("religion", 4), fields
    assert fields["allergies"] == ("health", 6, "Any allergies?"), fields  # the GOV.UK builder's label: { text: }
    assert fields["medical_conditions"][:2] == ("health", 3), fields
    # A helper in a Haml comment block is never rendered; a benign field is not reported.
    assert "diagnosis" not in fields and "first_name" not in fields, fields


def test_views_of_an_app_that_loads_no_recorder_are_not_reported(tmp_path) -> None:
    files = {"app/views/diversities/_religion.html.slim": _SLIM, "app/views/layouts/application.html.slim": "== yield\n"}
    assert site_fields(tmp_path, files) == {}


def test_only_output_lines_are_read() -> None:
    bodies = [r.body for r in indented.output_regions(_SLIM + _HAML)]
    assert bodies[0] == "form_for @diversity do |f|" and 'f.govuk_text_area :allergies, label: { text: "Any allergies?" }' in bodies
    assert not any("what you believe" in b for b in bodies)  # text after a tag is no code
    assert "f.text_area :medical_conditions" in bodies  # after a Haml tag


def test_a_helper_written_short_is_still_a_control(tmp_path, db) -> None:
    # "= f.input :medical_history" (simple_form) has room only for the short stand-in (<rl name=…>), which is an input on
    # a page written from code, and no container of the next line's control.
    from analyzer.facts import fieldfacts
    from tests.conftest import scan_text

    text = '= f.input :medical_history\n= f.label :city, "City"\n= f.text_field :city\n'
    with fieldfacts.every_control("unclassified"):
        fields = {f.name: (f.line, f.texts.get("label", "")) for f in scan_text(tmp_path, text, db, name="_form.html.slim").fields}
    assert fields == {"medical_history": (1, ""), "city": (3, "City")}, fields


def test_a_haml_view_holding_raw_html_reads_its_helpers_and_its_html(tmp_path, db) -> None:
    # Haml passes a line that starts with "<" through as HTML: the view is still Haml, its helpers still print controls.
    from analyzer.facts import fieldfacts
    from tests.conftest import scan_text

    text = (
        "%h2 Apply\n= form_for(@application) do |f|\n  .form-group\n    = f.text_area :diagnosis, class: 'form-control'\n"
        '  .payment\n    %label Card number\n    <input type="text" name="allergies" class="form-control" />\n'
    )
    with fieldfacts.every_control("unclassified"):
        fields = {f.name: (f.line, f.classification.category) for f in scan_text(tmp_path, text, db, name="new.haml").fields}
    assert fields == {"diagnosis": (4, "health"), "allergies": (7, "health")}, fields
