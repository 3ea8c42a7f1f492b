"""A field definition's label is its question, whatever key names it, before its placeholder (``{ pregunta: "TA 1er.
toma (mmHg):", placeholder: "TA-1" }`` asks the blood pressure; "TA-1" only shows in the box), and a question written
as JSX (``pregunta: (<>Cuestionario … <br /> 1. ¿Alguno de sus hermanos padece diabetes?</>)``) reads as its text."""

from __future__ import annotations

from analyzer.facts import fieldfacts
from tests.conftest import scan_text

_QUESTIONS = """const Preguntas = [
  {
    pregunta: "TA 1er. toma (mmHg):",
    preguntaInputName: "cardio3",
    placeholder: "TA-1",
    opciones: [],
  },
  {
    pregunta: (
      <>
        CUESTIONARIO DE FACTORES DE RIESGO <br />
        1. ¿Alguno de sus hermanos padece o padeció diabetes mellitus?{" "}SI=1
      </>
    ),
    preguntaInputName: "cardio8",
    opciones: [{ valor: "Si " }, { valor: "No " }],
  },
  {
    pregunta: "Color favorito",
    preguntaInputName: "color",
    placeholder: "Diabetes",
    opciones: [],
  },
];

export default Preguntas;
"""


def _sites(tmp_path, db) -> dict:
    with fieldfacts.every_control("-"):
        return {s.name: s for s in scan_text(tmp_path, _QUESTIONS, db, "preguntas7.jsx").fields}


def test_the_question_labels_a_definition_before_its_placeholder(tmp_path, db) -> None:
    sites = _sites(tmp_path, db)
    pressure = sites["cardio3"]
    assert pressure.texts.get("label") == "TA 1er. toma (mmHg):" and pressure.classification.category == "health", pressure
    # A placeholder is a placeholder: the question names the field.
    assert sites["color"].texts.get("label") == "Color favorito", sites["color"].texts


def test_a_question_written_as_jsx_reads_as_its_text(tmp_path, db) -> None:
    family = _sites(tmp_path, db)["cardio8"]
    assert "hermanos padece o padeció diabetes mellitus? SI=1" in family.texts.get("label", ""), family.texts
    assert family.classification.category == "health", family
