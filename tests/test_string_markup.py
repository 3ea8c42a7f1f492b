"""Forms written in JavaScript strings (analyzer/facts/jsxmarkup.py ``string_markup``): a lit ``html`…` `` template,
an innerHTML assignment, a jQuery ``.append('<input …>')``. Each control is read at its own line, also when it
stands in a template nested in another's ``${…}`` (lit's conditional parts), below substitutions that span lines."""

from __future__ import annotations

from analyzer.facts import fieldfacts
from tests.conftest import scan_text

_LIT = """import { LitElement, html } from 'lit';

class PatientDetails extends LitElement {
  render() {
    return html`
      <h2>Patient ${this.patient ? this.patient.id : ""}</h2>
      ${this.patient ? html`
        <details-table .patient="${this.patient}"
                       @changed="${this.handleChange}">
        </details-table>
      ` : ""}
      <form @submit="${this.save}">
        <label for="complaint">Presenting complaint</label>
        <input type="text" id="complaint" name="complaint">
        ${this.detailed ? html`
          <label for="medication">Current medication</label>
          <input type="text" id="medication" name="medication">
          ${this.smoker ? '<input type="text" name="cigarettes">' : ''}
          ${this.extra ? html`<label for="allergy">Allergies</label>
            <input type="text" id="allergy" name="allergy">` : ''}
        ` : html`<p>${'<input name="decoy">'.length}</p>`}
        <label for="city">City</label>
        <input type="text" id="city" name="city">
      </form>
    `;
  }
}
"""


def _lines(text: str, name: str, tmp_path, db) -> dict[str, int]:
    with fieldfacts.every_control("unclassified"):
        fields = scan_text(tmp_path, text, db, name=name).fields
    return {f.name: f.line for f in fields}


def test_controls_in_nested_templates_keep_their_lines(tmp_path, db) -> None:
    lines = _lines(_LIT, "patient-details.js", tmp_path, db)
    source = _LIT.split("\n")
    for name in ("complaint", "medication", "cigarettes", "allergy", "city"):
        assert name in lines, lines
        assert f'name="{name}"' in source[lines[name] - 1], (name, lines[name])


def test_markup_in_a_substitutions_code_is_not_a_control(tmp_path, db) -> None:
    # A string used as a value inside ${…} (its length here) is written nowhere: only literals the template prints.
    assert "decoy" not in _lines(_LIT, "patient-details.js", tmp_path, db)
