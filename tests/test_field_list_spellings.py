"""A field definition's members are read in either spelling a project names them: ``questionText`` or
``question_text``, ``fieldName`` or ``field_name`` (the snake_case spelling of each camelCase key of ``[field_lists]``,
``signatures._spellings``); a question's choices under ``answers``. A list of plain records (a menu, a table's rows)
stays out."""

from __future__ import annotations

from analyzer import signatures
from tests.conftest import controls_by_name

_QUESTIONS = """{
  "questions": [
    {
      "id": "is_heartburn_known",
      "question_text": "Is your heartburn previously known?",
      "answers": [
        {"id": "is_heartburn_known_yes", "label": "Yes", "score": 5},
        {"id": "is_heartburn_known_no", "label": "No", "score": 0}
      ]
    },
    {
      "id": "favourite_colour",
      "question_text": "Which colour do you like best?",
      "answers": [{"id": "blue", "label": "Blue"}, {"id": "red", "label": "Red"}]
    }
  ],
  "outcomes": [
    {"id": "low", "title": "Low risk", "max_score": 10}
  ]
}
"""


def test_snake_case_keys_are_spellings_of_the_camel_case_ones(db) -> None:
    lists = db.field_lists
    assert "question_text" in lists.label_keys and "questionText" in lists.label_keys
    assert lists.label_keys.index("questionText") < lists.label_keys.index("question_text")  # each after its own
    assert "field_name" in lists.name_keys and "data_index" in lists.not_form_keys
    assert signatures._spellings(["Header", "label"]) == ("Header", "label")  # nothing to split


def test_a_questionnaire_in_json_with_snake_case_keys_is_read(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _QUESTIONS, db, "data.json")
    assert sites.keys() == {"is_heartburn_known", "favourite_colour"}, sites
    heartburn = sites["is_heartburn_known"]
    assert heartburn.classification.category == "health" and heartburn.texts.get("options") == "Yes No", heartburn
    assert sites["favourite_colour"].classification.category == "-", sites["favourite_colour"]
