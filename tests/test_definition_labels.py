"""A field definition's label is its question, whatever key names it, before its placeholder (``{ pregunta: "TA 1er.
toma (mmHg):", placeholder: "TA-1" }`` asks the blood pressure; "TA-1" only shows in the box), and a question written
as JSX (``pregunta: (<>Cuestionario … <br /> 1. ¿Alguno de sus hermanos padece diabetes?</>)``) reads as its text; a keyed
field's ``text`` labels it (``'0complaints': { text: 'Жалобы: …', elementType: 'input', elementConfig: { placeholder } }``)."""

from __future__ import annotations

from tests.conftest import controls_by_name

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
    return controls_by_name(tmp_path, _QUESTIONS, db, "preguntas7.jsx")


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


_KEYED = """export const EntryProfileForm = {
    '0complaints': {
        text: 'Жалобы: на жжение, болезненность слизистой оболочки рта',
        elementType: 'input',
        elementConfig: { type: 'text', placeholder: 'Жалобы' },
        value: ''
    },
    '1colour': {
        text: 'Любимый цвет',
        elementType: 'input',
        elementConfig: { type: 'text', placeholder: 'Цвет' },
        value: ''
    },
};
"""


def test_a_keyed_fields_text_labels_it(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _KEYED, db, "EntryProfileForm.js")
    assert sites["0complaints"].texts.get("label", "").startswith("Жалобы: на жжение"), sites["0complaints"].texts
    assert sites["0complaints"].classification.category == "health", sites["0complaints"]
    assert sites["1colour"].texts.get("label") == "Любимый цвет" and sites["1colour"].classification.category == "-"
