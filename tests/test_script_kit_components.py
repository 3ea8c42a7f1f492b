"""A kit's web components written in a script's template strings: lit's and Polymer's html`…`, a Vue component's
``template:`` string, an AngularJS component's template. Vaadin, Polymer's paper elements and Material Web Components
(mwc-*) are kit data (``ui_components.toml``) like Shoelace's; a ``.js`` file that writes only them is read for its
form as one that writes ``<input>`` is."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from tests.conftest import every_control

_ART9 = {"health", "genetic", "biometric", "racial-ethnic", "political", "religion", "union", "sex-life"}


def _read(tmp_path: Path, db: signatures.SignatureDB, text: str, name: str) -> list[tuple[int, str, str, str]]:
    """(line, type, label or question, category) of every control the file's reading extracts."""
    return [
        (c.line, c.type, c.texts.get("label") or c.texts.get("question", ""), c.classification.category)
        for c in every_control(tmp_path, text, db, name)
    ]


_POLYMER = """import { PolymerElement, html } from '@polymer/polymer/polymer-element.js';
class FichaPaciente extends PolymerElement {
  static get template() {
    return html`
      <paper-input label="Alergias" value="{{paciente.alergias}}"></paper-input>
      <paper-dropdown-menu label="Religión">
        <paper-listbox slot="dropdown-content">
          <paper-item>Católica</paper-item>
          <paper-item>Evangélica</paper-item>
        </paper-listbox>
      </paper-dropdown-menu>
      <vaadin-radio-group label="¿Está embarazada?">
        <vaadin-radio-button value="si" label="Sí"></vaadin-radio-button>
      </vaadin-radio-group>
      <mwc-textarea label="Tratamiento psiquiátrico"></mwc-textarea>`;
  }
}
"""


def test_a_polymer_element_writing_only_kit_components_is_read(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """No native control in the file: before, nothing of it was read (the file was not even parsed for a form)."""
    got = _read(tmp_path, db, _POLYMER, "ficha-paciente.js")
    assert (5, "text", "Alergias", "health") in got
    assert (6, "select", "Religión", "religion") in got
    assert (13, "radio", "Sí", "health") in got  # the group's label is the radio's question
    assert (15, "textarea", "Tratamiento psiquiátrico", "health") in got


def test_a_vue_template_string_reads_its_kit_select_and_binds_names(tmp_path: Path, db: signatures.SignatureDB) -> None:
    text = """Vue.component('ficha', {
  data() { return { alergias: '', religion: '' } },
  template: `
    <div>
      <label>Alergias</label>
      <input v-model="alergias" type="text">
      <v-select label="Religión" v-model="religion" :items="religiones"></v-select>
    </div>`
});
"""
    controls = {c.line: c for c in every_control(tmp_path, text, db, "ficha.js")}
    assert controls[7].type == "select" and controls[7].classification.category == "religion"
    assert controls[6].name == "alergias"  # named by its v-model, as in a .vue template


def test_an_angularjs_template_reads_ionic_items(tmp_path: Path, db: signatures.SignatureDB) -> None:
    text = """angular.module('app').component('historia', {
  template: `
    <ion-list>
      <ion-item><ion-label>Medicación actual</ion-label><ion-input ng-model="$ctrl.medicacion"></ion-input></ion-item>
    </ion-list>`
});
"""
    assert _read(tmp_path, db, text, "historia.js") == [(4, "text", "Medicación actual", "health")]


def test_a_shops_lit_checkout_is_not_special_category(tmp_path: Path, db: signatures.SignatureDB) -> None:
    text = """class Checkout extends LitElement {
  render() {
    return html`<vaadin-text-field label="Dirección de envío"></vaadin-text-field>
      <vaadin-combo-box label="Talla"></vaadin-combo-box>`;
  }
}
"""
    got = _read(tmp_path, db, text, "checkout.js")
    assert [(line, typ) for line, typ, _, _ in got] == [(3, "text"), (4, "select")]
    assert not {cat for _, _, _, cat in got} & _ART9


def test_kit_tags_that_are_no_control_write_no_field(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A menu of paper-items outside any dropdown, a grid and a button: no control."""
    text = """class Nav extends LitElement {
  render() {
    return html`<paper-listbox><paper-item>Salud mental</paper-item><paper-item>Contacto</paper-item></paper-listbox>
      <vaadin-grid .items=${this.rows}></vaadin-grid><vaadin-button>Enviar</vaadin-button>`;
  }
}
"""
    assert _read(tmp_path, db, text, "nav.js") == []


def test_a_custom_element_named_in_a_message_takes_no_category(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A string that names a kit component in a message (as one naming <input> does) is at most a control with no
    words: the message's text after the tag is not its label."""
    text = "const q = document.querySelector('vaadin-text-field');\nconsole.warn('<vaadin-text-field> missing: diagnosis');\n"
    assert [cat for _, _, _, cat in _read(tmp_path, db, text, "warn.js")] in ([], ["-"])


_ANGULAR_TS = """import { Component } from '@angular/core';
@Component({
  selector: 'app-anamnesis',
  template: `
    <mat-form-field><mat-label>Alergias</mat-label><input matInput formControlName="alergias"></mat-form-field>
    <label for="d">Diagnóstico</label><input id="d" name="diagnostico">
  `
})
export class AnamnesisComponent {
  private items: Array<string> = [];
  cast = <any>this.items;
}
"""


def test_an_angular_components_inline_template_in_typescript_is_read(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """TypeScript was never read for markup (it writes no JSX), so an inline template's form went unseen."""
    got = _read(tmp_path, db, _ANGULAR_TS, "anamnesis.component.ts")
    assert got == [(5, "text", "Alergias", "health"), (6, "text", "Diagnóstico", "health")]


def test_a_lit_element_in_typescript_is_read(tmp_path: Path, db: signatures.SignatureDB) -> None:
    text = """import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
@customElement('health-form')
export class HealthForm extends LitElement {
  render() {
    return html`<sl-input label="Medicación actual" name="medicacion"></sl-input>`;
  }
}
"""
    assert _read(tmp_path, db, text, "health-form.ts") == [(6, "text", "Medicación actual", "health")]


def test_typescript_generics_and_type_assertions_are_no_markup(tmp_path: Path, db: signatures.SignatureDB) -> None:
    text = """export class Store {
  inputs: Array<Input> = [];
  selected = <Select>this.inputs[0];
  map: Map<string, Textarea> = new Map();
  diagnosis(): Promise<Input> { return Promise.resolve(this.inputs[0]); }
}
"""
    assert _read(tmp_path, db, text, "store.ts") == []
