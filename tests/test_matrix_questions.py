"""A matrix question asks each of its rows (SurveyJS's "matrix" and "matrixdropdown"): each row is read as a radio
question of its own, at its line, its choices the matrix's columns, its name the row's value within the matrix's."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from tests.conftest import every_control

_PARQ = """var survey_JSON = {
  showQuestionNumbers: "off",
  elements: [
    {
      type: "matrix",
      name: "parq",
      title: "Appréciation de la disposition à l'activité physique",
      rows: [
        { value: "parq01", text: "Un médecin a-t-il constaté chez vous un problème cardiaque ?" },
        { value: "parq02", text: "Ressentez-vous des douleurs thoraciques lors d'efforts physiques ?" },
        "Prenez-vous des médicaments contre l'hypertension ?"
      ],
      columns: [{ value: 1, text: "Oui" }, { value: 0, text: "Non" }],
    },
  ],
};
"""


def _read(tmp_path: Path, db: signatures.SignatureDB, text: str, name: str) -> list[tuple[int, str, str, str, str]]:
    return [
        (c.line, c.name, c.texts.get("question", ""), c.texts.get("options", ""), c.classification.category)
        for c in every_control(tmp_path, text, db, name)
    ]


def test_a_survey_of_one_matrix_question_is_read_row_by_row(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """Before, the file gave no control: a list of one definition was no list, and the matrix was no question."""
    got = _read(tmp_path, db, _PARQ, "parq.js")
    assert [(line, name, options) for line, name, _, options, _ in got] == [
        (9, "parq[parq01]", "Oui / Non"),
        (10, "parq[parq02]", "Oui / Non"),
        (11, "parq[Prenez-vous des médicaments contre l'hypertension ?]", "Oui / Non"),
    ]
    assert {category for *_, category in got} == {"health"}


def test_a_matrix_in_json_beside_other_questions(tmp_path: Path, db: signatures.SignatureDB) -> None:
    text = """{
  "pages": [{
    "elements": [
      {"type": "text", "name": "email", "title": "E-mail"},
      {"type": "matrix", "name": "mood", "title": "Over the last two weeks, how often have you been bothered by",
       "columns": ["Not at all", "Several days", "More than half the days", "Nearly every day"],
       "rows": [
         {"value": "q1", "text": "Little interest or pleasure in doing things"},
         {"value": "q2", "text": "Feeling down, depressed, or hopeless"}
       ]}
    ]
  }]
}
"""
    got = _read(tmp_path, db, text, "phq.json")
    assert [(line, name) for line, name, *_ in got] == [(4, "email"), (8, "mood[q1]"), (9, "mood[q2]")]
    assert got[2][3] == "Not at all / Several days / More than half the days / Nearly every day"
    assert got[2][4] == "health"


def test_a_dynamic_matrix_and_a_numeric_one_are_not_rows_of_questions(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A dynamic matrix's rows are added by the visitor; a grid whose rows are a count asks nothing per row."""
    text = """const questions = [
  { type: "matrixdynamic", name: "medications", title: "Medications", rowCount: 1,
    columns: [{ name: "drug", title: "Drug" }, { name: "dose", title: "Dose" }] },
  { type: "matrix", name: "grid", title: "Seats", rows: 3, columns: 4 },
];
"""
    names = [name for _, name, *_ in _read(tmp_path, db, text, "questions.js")]
    assert not any("[" in n for n in names), names
