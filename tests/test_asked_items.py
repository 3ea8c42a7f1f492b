"""A questionnaire's item whose text is written as a question is a control under any label key: ``preguntas: [{
idpregunta: 1, texto: "¿Se asusta con facilidad?" }]`` (a list named as questions, no type, no question key), and a
``{ text: "Pensez-vous avoir de la fièvre ?", choices: `<input type="radio" …>` }`` item whose control is written as
markup beside it. A text that asks nothing, or a list that is not named as questions, stays none."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from tests.conftest import every_control


def _read(tmp_path: Path, db: signatures.SignatureDB, text: str, name: str) -> list[tuple[int, str, str]]:
    return [
        (c.line, c.texts.get("question") or c.texts.get("label", ""), c.classification.category)
        for c in every_control(tmp_path, text, db, name)
    ]


_ANXIETY = """const preguntas = [
    {
      idpregunta: 1,
      numeropregunta: "pregunta1",
      texto: "¿Tienes frecuentes dolores de cabeza?",
    },
    {
      idpregunta: 2,
      numeropregunta: "pregunta2",
      texto: "¿Sufre de temblor de manos?",
    },
];
export default preguntas;
"""


def test_a_list_of_questions_keyed_texto_is_read_item_by_item(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """Before, nothing of the file was read: `texto` was no label key, and an item with no type, no question key and no
    choices was no control."""
    got = _read(tmp_path, db, _ANXIETY, "preguntasAnsiedad.js")
    assert [(line, text) for line, text, _ in got] == [
        (2, "¿Tienes frecuentes dolores de cabeza?"),
        (7, "¿Sufre de temblor de manos?"),
    ]
    assert got[0][2] == "health"


def test_a_list_of_statements_that_ask_nothing_is_no_form(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """Slides of tips under `texto` (not questions, not a list named as questions) stay out, as does an FAQ's list."""
    text = """const slides = [
  { id: 1, texto: "¿Sabías que la ansiedad se puede tratar?" },
  { id: 2, texto: "Consulta a tu médico." },
];
const preguntas = [
  { id: 1, texto: "¿Es confidencial la prueba?", respuesta: "Sí, siempre." },
];
"""
    assert _read(tmp_path, db, text, "slides.js") == []


_COVID = """const questionsList = [
	{
		text: 'Pensez-vous avoir ou avoir eu de la fièvre ces derniers jours (frissons, sueurs) ?',
		choices: `<label for="oui">Oui</label>
        <input type="radio" value="oui" id="oui" name="choice"><br>
        <label for="non">Non</label>
        <input type="radio" id="non" value="non" name="choice"><br>`,
		number: 1,
	},
];
"""


def test_an_items_question_under_text_labels_the_markup_beside_it(tmp_path: Path, db: signatures.SignatureDB) -> None:
    got = _read(tmp_path, db, _COVID, "QuestionsList.js")
    assert got == [(5, "Pensez-vous avoir ou avoir eu de la fièvre ces derniers jours (frissons, sueurs) ?", "health")]


def test_a_title_that_asks_nothing_does_not_label_the_markup_beside_it(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A block's heading beside its newsletter box is not the box's question."""
    text = """const blocks = [
  { title: 'Salud mental', html: '<input type="email" name="correo" placeholder="Tu correo">' },
];
"""
    got = _read(tmp_path, db, text, "blocks.js")
    assert [(line, category) for line, _, category in got] == [(2, "contact")]


def _scan(folder: Path, files: dict[str, str]) -> list:
    from tests.conftest import site_controls

    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return site_controls(folder)


_KEYED_QUESTIONS = """const questions = [
  { id: "breathing", question: "common:q.questions.breathing.question", type: "radio",
    answers: [{ id: "b.well", answer: "common:q.questions.breathing.well" }, { id: "b.bad", answer: "common:q.questions.breathing.bad" }] },
  { id: "hypertension", question: "common:q.questions.hypertension.question", type: "radio",
    answers: [{ id: "h.yes", answer: "common:q.yes" }, { id: "h.no", answer: "common:q.no" }] },
];
export default questions;
"""
_IT_COMMON = """{"q": {"yes": "sì", "no": "no", "questions": {
  "breathing": {"question": "Respirazione", "well": "respiro bene", "bad": "respiro a fatica"},
  "hypertension": {"question": "Soffri di ipertensione?"}}}}
"""


def test_a_lists_questions_written_as_catalogue_keys_read_as_their_texts(tmp_path: Path) -> None:
    """An i18next project writes its questionnaire's texts as keys (ns:path) and translates them where it draws the
    list: the site's catalogues give what the visitor reads."""
    got = {c.name: c for c in _scan(tmp_path, {"src/questions.js": _KEYED_QUESTIONS, "src/translations/it/common.json": _IT_COMMON})}
    assert got["hypertension"].texts["question"].startswith("Soffri di ipertensione?")
    assert got["breathing"].texts["options"] == "respiro bene / respiro a fatica"
    assert got["hypertension"].classification.category == "health"


def test_a_key_the_catalogues_do_not_hold_is_read_as_written(tmp_path: Path) -> None:
    text = _KEYED_QUESTIONS.replace("hypertension.question", "smoking.question")
    got = {c.name: c for c in _scan(tmp_path, {"src/questions.js": text, "src/translations/it/common.json": _IT_COMMON})}
    assert got["hypertension"].texts["question"] == "common:q.questions.smoking.question"


def test_an_items_plain_question_is_the_legend_of_a_control_with_a_label_of_its_own(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A text box labelled by its unit ("degrée") is asked the item's question: a legend around the item's markup."""
    text = """const questionsList = [
	{
		text: 'Ces dernières 48 heures, quelle a été votre température corporelle la plus élevée ?',
		choices: `<label for="numerique">degrée</label>
        <input type="text" id="numerique">`,
	},
	{
		text: 'Avez-vous une toux ?',
		choices: `<label for="oui">Oui</label><input type="radio" value="oui" id="oui" name="toux">`,
	},
];
"""
    controls = every_control(tmp_path, text, db, "QuestionsList.js")
    assert [(c.line, c.texts.get("label"), c.texts.get("legend")) for c in controls][0] == (
        5,
        "degrée",
        "Ces dernières 48 heures, quelle a été votre température corporelle la plus élevée ?",
    )
    assert controls[1].texts.get("question") == "Avez-vous une toux ?"


def test_a_group_written_as_data_answers_for_each_of_its_choices_lines(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """Reported where its question is defined, a group answers for each choice's line too, as a group in markup answers
    for each of its boxes: "Food" and "Pollen" below are boxes of the allergy question."""
    text = """const questionnaire = [
  {
    question: 'Do you have allergies to any of these?',
    type: 'checkbox',
    answers: [
      { title: 'Food' },
      { title: 'Animal hair' },
      { title: 'Pollen' },
    ],
  },
  { question: 'Do you smoke?', type: 'radio', answers: [{ title: 'Yes' }, { title: 'No' }] },
];
"""
    controls = every_control(tmp_path, text, db, "questionnaire.js")
    assert (controls[0].line, controls[0].box_lines) == (2, (6, 7, 8))
    assert (controls[1].line, controls[1].box_lines) == (11, ())  # its choices stand on its own line
