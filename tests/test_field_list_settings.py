"""A field definition that keeps its settings in an inner object (analyzer/facts/fieldlists.py, docs/fields.md "Forms
built from data"): a JSON form renderer's ``{ "component": "TextField", "params": { "name", "label", "options",
"components": […] } }`` and ngx-formly's ``{ key, props: { label, options } }`` are read with those settings, the
definition's own members first; a group's inner list is read on its own, under the group's title. The look-alike: a
router's routes, whose ``params`` hold no control."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from tests.conftest import every_control

_JSON_FORM = """{
  "title": "Ferienfreizeit - Anmeldung",
  "sections": [
    {
      "title": "Gesundheit",
      "components": [
        {
          "component": "Group",
          "params": {
            "title": "Gesundheit meines Kindes",
            "components": [
              {
                "component": "TextField",
                "params": {
                  "label": "Allergien",
                  "name": "health__allergies"
                }
              },
              {
                "component": "Select",
                "params": {
                  "label": "Braucht Ihr Kind regelmäßig Medikamente?",
                  "name": "health__medication",
                  "options": [
                    { "label": "Ja", "value": 1 },
                    { "label": "Nein", "value": 0 }
                  ]
                }
              },
              {
                "component": "TextField",
                "params": {
                  "label": "Vorname",
                  "name": "base__forename"
                }
              }
            ]
          }
        }
      ]
    }
  ]
}
"""

_ROUTES = """export const routes = [
  { path: "/patients", name: "patients", params: { label: "Patienten", name: "list" } },
  { path: "/patients/:id", name: "patient", params: { label: "Patient", name: "detail" } },
  { path: "/diagnoses", name: "diagnoses", params: { label: "Diagnosen", name: "dx" } },
];
"""


def test_a_definitions_settings_object_gives_its_name_label_and_choices(tmp_path: Path) -> None:
    got = {f.name: f for f in every_control(tmp_path, _JSON_FORM, signatures.load(), "form-data.json")}
    assert {"health__allergies", "health__medication", "base__forename"} <= set(got), sorted(got)
    assert got["health__allergies"].texts.get("label") == "Allergien"
    assert got["health__allergies"].classification.category == "health"
    assert got["health__medication"].tag == "select" and "Ja" in got["health__medication"].texts.get("options", "")
    assert got["health__medication"].classification.category == "health"
    assert got["base__forename"].classification.category == "-"
    # each where its definition stands: at the item's opening brace, a few lines above its label
    label_line = next(i for i, line in enumerate(_JSON_FORM.splitlines(), 1) if "Allergien" in line)
    assert label_line - 3 <= got["health__allergies"].line < label_line


def test_a_routers_params_are_no_controls(tmp_path: Path) -> None:
    assert every_control(tmp_path, _ROUTES, signatures.load(), "routes.js") == []


# A list input beside the others: entries typed one by one into a text field and kept as a list ("DynamicList"), in a
# list that names no list of controls, whose other item is a section.
_LIST_INPUTS = """{
  "components": [
    {
      "component": "DynamicList",
      "params": {
        "title": "Allergien",
        "name": "conditions__allergies",
        "textField": { "component": "TextField", "params": { "label": "Neuer Eintrag", "placeholder": "z. B. Heuschnupfen" } }
      }
    },
    {
      "component": "DynamicList",
      "params": {
        "title": "Krankheiten",
        "name": "conditions__diseases",
        "textField": { "component": "TextField", "params": { "label": "Neuen Eintrag hinzufügen" } }
      }
    },
    {
      "component": "Group",
      "params": {
        "title": "Hitze",
        "components": [
          { "component": "Checkbox", "params": { "label": "Hitzeempfindlich", "name": "heat" } },
          { "component": "Checkbox", "params": { "label": "Sonnenallergie", "name": "sun" } }
        ]
      }
    }
  ]
}
"""


def test_a_list_input_is_a_control(tmp_path: Path) -> None:
    got = {f.name: f for f in every_control(tmp_path, _LIST_INPUTS, signatures.load(), "form-data.json")}
    assert {"conditions__allergies", "conditions__diseases", "heat"} <= got.keys(), got
    assert got["conditions__allergies"].classification.category == "health", got
    assert got["conditions__diseases"].texts.get("label") == "Krankheiten", got
