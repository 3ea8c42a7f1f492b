"""Which arrays of definitions are a form's (``analyzer/facts/fieldlists.py``, ``[field_lists]``):

- a list named by a compound whose first or last word means "questions" (``anamneseQuestions``, ``intake_questions``,
  ``preguntasSalud``) is named as a list, as ``questions`` is; ``tableFields`` is not (a table's columns);
- an entry holding its answer's text (an FAQ's ``{ question, answer: "…" }``) is no control;
- a yes / no type (``type: 'yesno'``) names a control;
- a form's list that holds a heading block (``children``) or a link beside its controls keeps the controls, while a
  table's columns and a menu's links stay out;
- a dropdown's choices under ``data`` (React Native's ``[{ label, value }]``) are its options.
"""

from __future__ import annotations

from tests.conftest import controls_by_name

_COMPOUND = """export const anamneseQuestions = [
  { id: 'a1', label: 'Nasceu de gestação planejada?', fieldKey: 'plannedPregnancy' },
  { id: 'a2', label: 'Houve complicações no parto?', fieldKey: 'deliveryComplications' },
  { id: 'a3', label: 'Toma medicamentos?', fieldKey: 'takesMedication' },
];

export const preguntasSalud = [
  { id: 'p1', pregunta: '¿Padece alguna enfermedad crónica?' },
  { id: 'p2', pregunta: '¿Cuál es su grupo sanguíneo?' },
];
"""

_NOT_LISTS = """export const faqQuestions = [
  { id: 'q1', question: 'Is the HIV test confidential?', answer: 'Yes, results are only shared with you.' },
  { id: 'q2', question: 'Do I need a referral for therapy?', answer: 'No, you can book directly.' },
  { id: 'q3', question: 'How long does a depression screening take?', answer: 'About twenty minutes.' },
];

export const tableFields = [
  { key: 'diagnosis', label: 'Diagnosis' },
  { key: 'medication', label: 'Medication' },
  { key: 'allergies', label: 'Allergies' },
];
"""

_YESNO = """const intake = {
  title: 'Anamnese',
  steps: [
    { name: 'pregnant', label: 'Are you pregnant?', type: 'yesno' },
    { name: 'smoker', label: 'Do you smoke?', type: 'yes_no' },
    { name: 'mood', label: 'How would you rate your mood?', type: 'yesno' },
  ],
};
"""

_MIXED = """export const onboardingConfig = [
  {
    name: 'title',
    component: 'text',
    type: 'title',
    children: 'Tell us a bit more about yourself',
  },
  {
    name: 'sexuality',
    component: 'dropdown',
    label: 'What is your sexuality?',
    data: [
      {label: 'Heterosexual', value: 'Heterosexual'},
      {label: 'Bisexual', value: 'Bisexual'},
      {label: 'Homosexual', value: 'Homosexual'},
    ],
  },
  {
    name: 'hasDisability',
    component: 'dropdown',
    label: 'Do you consider yourself to have a disability?',
    data: [
      {label: 'No', value: 'No'},
      {label: 'Yes, a lot', value: 'Yes, a lot'},
    ],
  },
  {
    name: 'postcode',
    component: 'input',
    placeholder: 'What post code did you grow up in?',
  },
];
"""

_MENUS_AND_COLUMNS = """export const clinicMenu = [
  { name: 'diagnosis', label: 'Diagnoses', to: '/diagnoses', type: 'link' },
  { name: 'medication', label: 'Medication', to: '/medication', type: 'link' },
  { name: 'contact', label: 'Contact us', type: 'text' },
];

export const patientColumns = [
  { key: 'diagnosis', label: 'Diagnosis', sortable: true, type: 'text' },
  { key: 'medication', label: 'Medication', sortable: true, type: 'text' },
  { key: 'religion', label: 'Religion', type: 'select' },
];
"""


def test_a_list_named_by_a_compound_of_questions_is_read(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _COMPOUND, db, "questions.ts")
    assert {"a1", "a2", "a3", "p1", "p2"} <= sites.keys(), sites
    assert sites["a3"].classification.category == "health", sites["a3"]
    # an item that names no control of its own and asks a sentence is a question the page answers with its own choices
    assert sites["a1"].texts["question"] == "Nasceu de gestação planejada?" and sites["a1"].type == "radio"
    assert sites["p1"].classification.category == "health", sites["p1"]


def test_an_faq_and_a_tables_fields_are_no_controls(tmp_path, db) -> None:
    assert controls_by_name(tmp_path, _NOT_LISTS, db, "faq.ts") == {}


def test_a_yes_no_type_names_a_control(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _YESNO, db, "intake.js")
    assert sites.keys() == {"pregnant", "smoker", "mood"}, sites
    assert sites["pregnant"].type == "checkbox" and sites["pregnant"].classification.category == "health"


def test_a_heading_block_beside_the_controls_does_not_rule_the_list_out(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _MIXED, db, "onboardingConfig.js")
    assert sites.keys() == {"sexuality", "hasDisability", "postcode"}, sites  # not the heading block
    assert sites["sexuality"].classification.category == "sex-life", sites["sexuality"]
    assert sites["sexuality"].texts["options"] == "Heterosexual Bisexual Homosexual"
    assert sites["hasDisability"].classification.category == "health", sites["hasDisability"]


def test_a_menu_and_a_tables_columns_stay_out(tmp_path, db) -> None:
    # Most items of each carry a link's or a column's key: the one plain item left does not make a form.
    assert controls_by_name(tmp_path, _MENUS_AND_COLUMNS, db, "nav.js") == {}


_NAMED_BY_HOLDER = """export const anamneseQuestions = [
  { id: 'a1', label: 'Observações', type: 'textarea', fieldKey: 'notes' },
  { id: 'a2', label: 'Nome do responsável', type: 'text', fieldKey: 'guardian' },
];

export const newsletterQuestions = [
  { id: 'n1', label: 'Observações', type: 'textarea', fieldKey: 'notes' },
  { id: 'n2', label: 'Nome', type: 'text', fieldKey: 'name' },
];
"""


def test_a_lists_own_name_names_its_form(tmp_path, db) -> None:
    # Without a title from the object holding it, "anamneseQuestions" names an anamnesis: its free-text box takes the
    # form's topic, with the form named as the evidence; a newsletter's does not, and a name stays a name.
    sites = controls_by_name(tmp_path, _NAMED_BY_HOLDER, db, "questions.ts")
    assert sites["a1"].classification.category == "health", sites["a1"]
    assert "anamnese" in sites["a1"].classification.context, sites["a1"].classification
    assert sites["n1"].classification.category == "-", sites["n1"]
    assert sites["a2"].classification.category == "-", sites["a2"]


def test_adhd_is_named_in_the_languages_that_abbreviate_it_otherwise(tmp_path, db) -> None:
    page = """<form>
<label>Diagnóstico de TDAH? <input type="checkbox" name="a"></label>
<label>ADHS-Diagnose vorhanden <input type="checkbox" name="b"></label>
<label>Есть ли у ребёнка СДВГ? <input type="checkbox" name="c"></label>
</form>
"""
    sites = controls_by_name(tmp_path, page, db)
    assert {n: s.classification.category for n, s in sites.items()} == {"a": "health", "b": "health", "c": "health"}


# A matchmaking questionnaire's questions kept in a list named for a questionnaire: the generic form noun names no topic,
# so nothing is read as health for the form's name; an anamnesis questionnaire's list is still named by its topic.
_QUESTIONNAIRES = """const QUESTIONNAIRE_STRUCTURE = [
  {
    id: 'q7_hygiene',
    label: "À quel point l'hygiène corporelle est-elle importante pour toi ?",
    type: 'radio',
    options: ['Très important', 'Important', 'Peu important'],
  },
  {
    id: 'q10_rythme',
    label: 'Ton rythme de vie (lever/coucher) ?',
    type: 'radio',
    options: ['Plutôt du matin', 'Flexible', 'Plutôt du soir'],
  },
  {
    id: 'q12_remarques',
    label: 'Remarques',
    type: 'textarea',
  },
];

export const anamneseFragebogen = [
  { id: 'h1', label: 'Bemerkungen', type: 'textarea', fieldKey: 'notes' },
  { id: 'h2', label: 'Name', type: 'text', fieldKey: 'name' },
];
"""


def test_a_questionnaire_is_no_topic_of_the_list_it_names(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _QUESTIONNAIRES, db, "Questionnaire.js")
    assert {n: sites[n].classification.category for n in ("q7_hygiene", "q10_rythme", "q12_remarques")} == {
        "q7_hygiene": "-",
        "q10_rythme": "-",
        "q12_remarques": "-",
    }, {n: s.classification for n, s in sites.items()}
    # "anamneseFragebogen" is read as a list of controls, named by its topic ("anamnese")
    assert sites["h1"].classification.category == "health", sites["h1"]
    assert sites["h2"].classification.category == "-", sites["h2"]
