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


_JQUERY = """$(function () {
  var form = $('<form id="anamnese"></form>');
  form.append($('<label>', { for: 'alergias', text: 'Alergias' }));
  form.append($('<input>', { type: 'text', id: 'alergias', name: 'alergias' }));
  form.append($('<input/>', { type: 'text', name: 'medicamentos', placeholder: 'Medicamentos em uso' }));
  form.append(jQuery('<textarea>', { name: 'notas', placeholder: notaPadrao }));
  form.append($('<input>', { type: 'text', name: 'cidade', placeholder: 'Cidade' }).addClass('campo'));
  $('#saida').text('<input name="decoy">');
});
"""


def test_a_lone_tag_created_by_jquery_takes_its_attributes(tmp_path, db) -> None:
    # $('<input>', { name: 'alergias' }): jQuery creates the tag with the object's attributes, its "text" the text; a
    # value the script computes is left out (the textarea keeps its name, not a placeholder); a string jQuery only
    # prints as text ($(…).text('<input …>')) is markup in a string still, read as before.
    with fieldfacts.every_control("-"):
        found = {f.name: (f.line, f.texts, f.classification.category) for f in scan_text(tmp_path, _JQUERY, db, name="anamnese.js").fields}
    assert found["alergias"][0] == 4 and found["alergias"][1].get("label") == "Alergias" and found["alergias"][2] == "health", found
    assert found["medicamentos"][1].get("placeholder") == "Medicamentos em uso" and found["medicamentos"][2] == "health", found
    assert found["notas"][1].get("placeholder") is None and found["cidade"][2] == "-", found


# A questionnaire's items, each an object whose question is one member and its control's markup another (D46's
# COVID self-test: { question: '<p>…</p>', rep: '<input type="radio" …>' }); a plain question under a label key reads
# the same. A member written after the control, a member that is an id, and an object holding no control give no text.
_ITEMS = """const Questions = [
  {
    "question": '<p class="form__question"> Avez-vous une toux ces derniers jours ? </p>',
    "rep": '<input type="radio" name="q1" value="Oui"><label>Oui</label> <input type="radio" name="q1" value="Non"><label>Non</label>',
  },
  {
    question: "Êtes-vous diabétique ?",
    rep: '<input type="radio" name="q2" value="Oui"><label>Oui</label><input type="radio" name="q2" value="Non"><label>Non</label>',
  },
  {
    id: "Diabète de type 2",
    rep: '<input type="text" name="q3">',
    question: "Prenez-vous de l'insuline ?",
  },
  { title: "Cancer", body: '<p>Read about cancer screening</p>' },
];
"""


def test_a_questionnaire_items_question_member_is_written_before_its_control(tmp_path, db) -> None:
    with fieldfacts.every_control("-"):
        fields = {f.name: f for f in scan_text(tmp_path, _ITEMS, db, name="questions.js").fields}
    assert fields["q1"].line == 4 and "toux" in fields["q1"].texts.get("question", ""), fields["q1"]
    assert fields["q1"].classification.category == "health", fields["q1"]
    assert fields["q2"].classification.category == "health", fields["q2"]
    # the id before it names nothing and the question after it is not its text
    said = " ".join(fields["q3"].texts.values())
    assert fields["q3"].classification.category == "-" and "Diabète" not in said and "insuline" not in said, fields["q3"]
    # the items are read where their markup stands, not again as a list of definitions
    assert set(fields) == {"q1", "q2", "q3"}, fields
