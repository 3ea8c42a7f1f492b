"""A FHIR Questionnaire (hl7.org/fhir/R4/questionnaire.html) is a form written as data: its ``item`` array holds
``{ linkId, text, type, answerOption }`` questions, groups hold their own ``item``, and ``display`` items show text
(analyzer/facts/fieldlists.py, ``field_lists`` in signatures/ui_components.toml). Each question is read as the control
its type renders, named by its linkId and labelled by its text, in a TypeScript module and in a JSON resource; a group
is a section, not a control; a display item is none. The look-alikes: the display item's own text, and a
QuestionnaireResponse, whose items hold the answers given (data, not a form)."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from tests.conftest import every_control

_TS = """import { SurveyDefinition } from './types';

export const healthSurvey: SurveyDefinition = {
  resourceType: 'Questionnaire',
  id: 'health-risk-assessment',
  title: 'Gezondheidsrisico-evaluatie',
  status: 'active',
  item: [
    {
      linkId: 'intro',
      type: 'display',
      text: 'Deze vragen gaan over je gezondheid en je medicatie.',
    },
    {
      linkId: 'hypertension_medication',
      type: 'choice',
      required: true,
      text: 'Neem je medicatie voor een te hoge bloeddruk?',
      answerOption: [
        { valueString: 'Ja' },
        { valueString: 'Nee' },
      ],
    },
    {
      linkId: 'weight',
      type: 'decimal',
      text: 'Gewicht (kg)?',
    },
  ],
};
"""

_JSON = """{
  "resourceType": "Questionnaire",
  "title": "Pre-operative assessment",
  "status": "active",
  "item": [
    {
      "linkId": "history",
      "type": "group",
      "text": "Medical history",
      "item": [
        {
          "linkId": "conditions",
          "type": "open-choice",
          "text": "Which conditions have you been diagnosed with?",
          "answerOption": [
            { "valueCoding": { "code": "38341003", "display": "Hypertension" } },
            { "valueCoding": { "code": "73211009", "display": "Diabetes" } }
          ]
        },
        {
          "linkId": "medications",
          "type": "text",
          "text": "List the medication you take"
        }
      ]
    },
    {
      "linkId": "contact-email",
      "type": "string",
      "text": "Email"
    }
  ]
}
"""

_RESPONSE = """{
  "resourceType": "QuestionnaireResponse",
  "status": "completed",
  "item": [
    { "linkId": "diagnosis", "text": "Diagnosis", "answer": [{ "valueString": "Asthma" }] },
    { "linkId": "medication", "text": "Medication", "answer": [{ "valueString": "Salbutamol" }] }
  ]
}
"""


def _controls(tmp_path: Path, text: str, name: str) -> dict[str, tuple[str, str, str]]:
    db = signatures.load()
    return {f.name: (f.tag, f.type, f.classification.category) for f in every_control(tmp_path, text, db, name)}


def test_a_questionnaire_module_is_read_as_its_form(tmp_path) -> None:
    got = _controls(tmp_path, _TS, "health-survey.ts")
    assert got.get("hypertension_medication") == ("input", "radio", "health"), got
    assert got.get("weight", ("", "", ""))[:2] == ("input", "text"), got
    assert "intro" not in got, got  # a display item shows text


def test_a_questionnaire_resource_with_a_group(tmp_path) -> None:
    got = _controls(tmp_path, _JSON, "preop.questionnaire.json")
    assert got.get("conditions", ("", "", ""))[0] == "select" and got["conditions"][2] == "health", got
    assert got.get("medications", ("", "", ""))[2] == "health", got
    assert got.get("contact-email", ("", "", ""))[2] == "contact", got
    assert "history" not in got, got  # the group is a section


def test_a_questionnaire_response_holds_answers_not_controls(tmp_path) -> None:
    assert _controls(tmp_path, _RESPONSE, "response.json") == {}
