"""Forms built from a list of field definitions (analyzer/facts/fieldlists.py, ui_components.toml ``field_lists``):
each definition of a `fields` list, of an ngx-formly or SurveyJS configuration, is the control it describes, written
where the definition stands and named by its name; a table's columns, a menu's links and a list of options are not."""

from __future__ import annotations

import json
from pathlib import Path


def _read_controls(path: Path, text: str, display: str = "") -> dict[str, tuple]:
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path.write_text(text, encoding="utf-8")
    with fieldfacts.every_control("-"):
        fields = analyze(SourceFile(path, display or path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    return {s.name: (s.line, s.tag, s.texts.get("label") or s.texts.get("question"), s.classification.category) for s in fields}


def _answers_for(path: Path, text: str) -> dict[str, set[int]]:
    """The lines each control answers for: its own and its box lines (a group's other boxes)."""
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path.write_text(text, encoding="utf-8")
    with fieldfacts.every_control("-"):
        fields = analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    return {s.name: {s.line, *s.box_lines} for s in fields}


# A dialog filled through innerHTML from a table of forms, as a patient-record app writes it.
_DIALOGS = """const today = new Date().toISOString().slice(0, 10);
const FORMS = {
  medication: {
    title: "Dodaj lek do historii leków",
    fields: [
      { name: "drug", label: "Nazwa leku", required: true },
      { name: "dose", label: "Dawka" },
      { name: "status", label: "Status", kind: "select", options: ["aktywny", "odstawiony"] },
      { name: "story", label: "Historia leczenia", kind: "textarea" }
    ]
  }
};
function open(kind) {
  dialogFields.innerHTML = FORMS[kind].fields.map(renderField).join("");
}
"""


def test_a_list_of_field_definitions_is_one_control_per_definition(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "app.js", _DIALOGS)
    assert read["drug"] == (6, "input", "Nazwa leku", "health"), read
    assert read["dose"][:3] == (7, "input", "Dawka"), read
    assert read["status"][:2] == (8, "select"), read
    assert read["story"] == (9, "textarea", "Historia leczenia", "health"), read


# ngx-formly (formly.dev: key, type, props.label, props.options) and SurveyJS (elements: name, title, choices) in TypeScript.
_FORMLY = """import { FormlyFieldConfig } from '@ngx-formly/core';
export class IntakeComponent {
  fields: FormlyFieldConfig[] = [
    { key: 'religion', type: 'select',
      props: { label: 'Religion', options: [{ label: 'Catholic', value: 'c' }, { label: 'Muslim', value: 'm' }] } },
    { key: 'email', type: 'input', props: { label: 'E-mail', type: 'email' } },
  ];
  survey = {
    elements: [
      { type: 'radiogroup', name: 'smoker', title: 'Do you smoke?', choices: ['Yes', 'No'] },
      { type: 'comment', name: 'notes', title: 'Anything else?' },
    ],
  };
}
"""


def test_formly_and_survey_configurations_are_their_controls(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "intake.component.ts", _FORMLY)
    assert read["religion"] == (4, "select", "Religion", "religion"), read
    assert read["email"][:3] == (6, "input", "E-mail"), read
    assert read["smoker"][1:] == ("input", "Do you smoke?", "health"), read
    assert read["notes"][1] == "textarea", read


# Look-alikes: Bootstrap-Vue's table fields, Ant Design's columns, MUI X DataGrid's columns, a router's menu and an
# options list carry names and labels too, and none is a form.
_LOOKALIKES = """export const tableFields = [
  { key: 'diagnosis', label: 'Diagnosis', sortable: true },
  { key: 'religion', label: 'Religion', sortable: true },
];
export const columns = [
  { title: 'Diagnosis', dataIndex: 'diagnosis', key: 'diagnosis' },
  { title: 'Medication', dataIndex: 'medication', key: 'medication' },
];
export const gridColumns = [
  { field: 'diagnosis', headerName: 'Diagnosis', width: 150 },
  { field: 'allergies', headerName: 'Allergies', width: 150 },
];
export const menu = [
  { name: 'diagnoses', label: 'Diagnoses', to: '/diagnoses', icon: 'stethoscope' },
  { name: 'prescriptions', label: 'Prescriptions', to: '/prescriptions', icon: 'pill' },
];
export const conditions = [
  { id: 'asthma', label: 'Asthma' },
  { id: 'diabetes', label: 'Diabetes' },
];
"""


def test_a_class_field_named_like_a_list_holds_definitions_without_types(tmp_path: Path) -> None:
    # An Angular component's fields = […] (a class field) is a list by its name, as a const or a member is, though its
    # definitions name no control type.
    text = (
        "export class IntakeComponent {\n  fields = [\n"
        "    { key: 'diagnosis', label: 'Current diagnosis' },\n"
        "    { key: 'email', label: 'E-mail' },\n  ];\n}\n"
    )
    read = _read_controls(tmp_path / "intake.component.ts", text)
    assert read["diagnosis"] == (3, "input", "Current diagnosis", "health"), read


def test_definitions_written_in_the_project_s_language_and_keyed_by_name(tmp_path: Path) -> None:
    # Projects name a definition's keys in their own language ({ chave, pergunta }, { preguntaInputName, pregunta,
    # opciones: [{ valor }] }, { id, tipo: "texto", pergunta }), or hold one definition under each field's name.
    text = (
        "const perguntas = [\n"
        '  { chave: "gravida", pergunta: "Está grávida?" },\n'
        '  { chave: "fumante", pergunta: "É fumante?" },\n];\n'
        "const preguntasArray = [\n"
        '  { pregunta: "¿Cuántos cigarrillos fuma usted al día?", preguntaInputName: "autocuidado1",\n'
        '    opciones: [{ valor: "menos de 10" }, { valor: "11-20" }] },\n'
        '  { pregunta: "¿Tiene diabetes?", preguntaInputName: "autocuidado2", opciones: [{ valor: "Sí" }, { valor: "No" }] },\n];\n'
        "const zhaloby = {\n"
        '  zhalobyTrevoga: { label: "тревогу", type: "boolean" },\n'
        '  zhalobyDepressia: { label: "снижение настроения", type: "boolean" },\n};\n'
    )
    read = _read_controls(tmp_path / "perguntas.js", text)
    assert read["gravida"] == (2, "input", "Está grávida?", "health"), read
    assert read["autocuidado1"][:2] == (6, "select") and read["autocuidado1"][3] == "health", read
    assert read["zhalobyTrevoga"][:2] == (11, "input") and read["zhalobyDepressia"][3] == "health", read


def test_a_definition_labelled_under_a_question_label_key_is_read_by_it_not_by_its_prompt(tmp_path: Path) -> None:
    # A job board's application questions: the label under questionLabel, the placeholder only a select's prompt.
    text = (
        "export const nonResumeQuestionsData = [\n"
        "  { questionLabel: 'Disability status', type: 'DROPDOWN', name: 'disability', placeholder: 'Select an option' },\n"
        "  { questionLabel: 'Notice period in days ?', type: 'INPUT', name: 'noticePeriod', placeholder: 'Days' },\n];\n"
    )
    read = _read_controls(tmp_path / "Constants.js", text)
    assert read["disability"][2:] == ("Disability status", "health"), read
    assert read["noticePeriod"][2] == "Notice period in days ?", read


# A convention-registration hook: each definition made by a factory of the same file; some only when configured.
_FACTORY = """import * as yup from 'yup';
function createField(name: string, label: string, options: Partial<FieldConfig>): FieldConfig {
    return { name, label, ...options, validation: options.validation?.label(label) };
}
const makeColumn = (id: string, header: string) => ({ id, header, sortable: true });
export default function useFormConfig(config: Config) {
    const fields = [
        createField('name', 'Vor- und Nachname', { validation: yup.string().required() }),
        createField('allergies', 'Allergien / Unverträglichkeiten', { type: 'textarea' }),
        config.fears && createField('fears', 'Ängste / Phobien', { type: 'textarea' }),
        createField(
            'vaccine',
            'Ich bin vollständig gegen SARS-CoV-2 geimpft',
            { type: 'select', options: ['keine Angabe', 'Ja', 'Nein'] },
        ),
        createField(dynamicKey, 'Religion', {}),
    ].filter(Boolean);
    const columns = [makeColumn('diagnosis', 'Diagnose'), makeColumn('therapy', 'Therapie')];
    return { fields, columns };
}
"""


def test_definitions_made_by_a_factory_of_the_same_file_are_their_controls(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "useFormConfig.ts", _FACTORY)
    assert read["allergies"] == (9, "textarea", "Allergien / Unverträglichkeiten", "health"), read
    assert read["fears"][:2] == (10, "textarea") and read["fears"][3] == "health", read  # behind a condition
    assert read["vaccine"][:2] == (11, "select") and read["vaccine"][3] == "health", read
    # A call naming its field by a variable names none; a factory of table columns makes no form.
    assert set(read) == {"name", "allergies", "fears", "vaccine"}, read


def test_an_object_of_objects_without_labels_or_control_types_is_no_form(tmp_path: Path) -> None:
    # A settings object and a record keyed by id: members holding objects, but no definition of a control.
    text = (
        "const theme = {\n  primary: { main: '#fff', title: 'Primary' },\n  secondary: { main: '#000', title: 'Secondary' },\n};\n"
        "const patients = {\n  p1: { title: 'Diabetes follow-up', status: 'open' },\n  p2: { title: 'Depression', status: 'closed' },\n};\n"
    )
    assert _read_controls(tmp_path / "data.js", text) == {}


def test_table_columns_menus_and_option_lists_are_not_forms(tmp_path: Path) -> None:
    assert _read_controls(tmp_path / "config.ts", _LOOKALIKES) == {}


def test_records_typed_as_no_control_and_a_library_dialog_under_a_clinic_are_not_sensitive_forms(tmp_path: Path) -> None:
    # A demo's records (id, title, type "document") are data, not definitions; an editor library's image dialog
    # (name, label, type "input") is a form, but the clinic's folder it is copied under gives it no topic.
    records = (
        "export const documents = [\n"
        '  { id: "d4", title: "Echo serca kontrolne", type: "document" },\n'
        '  { id: "d5", title: "Morfologia i CRP po infekcji", type: "document" },\n];\n'
    )
    assert _read_controls(tmp_path / "demo-data.js", records) == {}
    plugins = tmp_path / "clinique" / "assets" / "plugins" / "tinymce"
    plugins.mkdir(parents=True)
    dialog = (
        "editor.windowManager.open({ body: { type: 'panel', items: [\n"
        "  { name: 'description', label: 'Description', type: 'input' },\n"
        "  { name: 'height', label: 'Height', type: 'input' },\n] } });\n"
    )
    read = _read_controls(plugins / "plugin.js", dialog)
    assert set(read) == {"description", "height"} and all(v[3] == "-" for v in read.values()), read


def test_a_list_the_markup_maps_is_read_in_the_markup_only(tmp_path: Path) -> None:
    # {FIELDS.map((f) => <input name={f.name} …/>)}: the definitions are the mapped markup's controls, not twice.
    text = (
        'const FIELDS = [{ name: "diagnosis", label: "Diagnosis", type: "text" }, { name: "email", label: "E-mail", type: "email" }];\n'
        "export const Form = () => (\n  <form>\n"
        "    {FIELDS.map((f) => <input key={f.name} name={f.name} type={f.type} aria-label={f.label} />)}\n"
        "  </form>\n);\n"
    )
    read = _read_controls(tmp_path / "Form.tsx", text)
    assert read["diagnosis"][0] == 4 and read["email"][0] == 4, read


def test_a_mapped_list_its_markup_cannot_write_per_definition_is_read_where_it_is_defined(tmp_path: Path) -> None:
    # { chave, pergunta }: no key the mapped markup reads an item's text from, so the markup is written once for all
    # (one pair of radios); each question is read where it is defined, named and labelled, besides that pair.
    text = (
        "const perguntas = [\n"
        '  { chave: "gravida", pergunta: "Está grávida?" },\n'
        '  { chave: "diabetes", pergunta: "Possui diabetes?" },\n'
        '  { chave: "fumante", pergunta: "É fumante?" },\n'
        "];\n"
        "export const Ficha = () => (\n  <form><h2>Anamnese</h2>\n"
        "    {perguntas.map((item) => (\n"
        "      <div key={item.chave}><label>{item.pergunta}</label>\n"
        '        <input type="radio" name={item.chave} value="SIM" /> Sim <input type="radio" name={item.chave} value="NAO" /> Não\n'
        "      </div>\n    ))}\n  </form>\n);\n"
    )
    read = _read_controls(tmp_path / "Ficha.jsx", text)
    assert read.get("gravida", ())[:3] == (2, "input", "Está grávida?"), read
    assert read.get("diabetes", ())[:2] == (3, "input") and read.get("fumante", ())[:2] == (4, "input"), read


def test_the_reading_is_bounded_by_the_script_s_size_and_a_list_s_length(tmp_path: Path) -> None:
    # An array of 600 definitions is data written as code, not a form; a script over MAX_BYTES is generated data, not
    # parsed for lists at all (the three byte searches say no before any parse).
    from analyzer import signatures
    from analyzer.facts import fieldlists

    rows = ",\n".join(f'  {{ name: "diagnosis{i}", label: "Diagnosis {i}", type: "text" }}' for i in range(600))
    assert _read_controls(tmp_path / "data.js", f"export const fields = [\n{rows}\n];\n") == {}
    big = b'const fields = [{ name: "dx", label: "Diagnosis", type: "text" }, { name: "rx", label: "Medication" }];\n'
    lists = signatures.load().field_lists
    assert fieldlists.worth_reading(big, lists)
    assert not fieldlists.worth_reading(big + b"//" + b"x" * fieldlists.MAX_BYTES + b"\n", lists)


# A SurveyJS survey saved as JSON (surveyjs.io: pages[].elements[], each a name, a title given per locale, choices whose
# text is given per locale too), as a site ships it for its renderer to show.
_SURVEY_JSON = """{
  "title": { "es": "Encuesta de participación" },
  "pages": [
    {
      "name": "datos",
      "title": { "es": "Tus datos" },
      "elements": [
        { "type": "text", "name": "correo", "title": { "default": "Correo electrónico", "en": "E-mail" } },
        {
          "type": "radiogroup",
          "name": "tienes_una_discapacidad",
          "title": { "es": "¿Tienes algún tipo de discapacidad?" },
          "choices": [ { "value": "si", "text": { "es": "Sí" } }, { "value": "no", "text": { "es": "No" } } ]
        }
      ]
    },
    {
      "name": "creencias",
      "title": { "es": "Creencias" },
      "elements": [
        { "type": "dropdown", "name": "religion", "title": { "es": "¿Qué religión profesas?" },
          "choices": [ { "value": "c", "text": { "es": "Católica" } }, { "value": "m", "text": { "es": "Musulmana" } } ] },
        { "type": "comment", "name": "otros", "title": { "es": "Comentarios" } }
      ]
    }
  ]
}
"""


def test_a_survey_saved_as_json_is_read_page_by_page_with_its_localised_texts(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "survey-structure.json", _SURVEY_JSON)
    # Each page is a section holding its own list, not a field: its elements are the controls, at their lines.
    assert "datos" not in read and "creencias" not in read, read
    assert read["correo"] == (8, "input", "Correo electrónico", "contact"), read
    # A group is reported where its question is defined, and answers for its first choice's line too (its box lines),
    # as a group written in markup answers for each of its boxes.
    assert read["tienes_una_discapacidad"][:3] == (9, "input", "¿Tienes algún tipo de discapacidad?"), read
    assert 13 in _answers_for(tmp_path / "survey-structure.json", _SURVEY_JSON)["tienes_una_discapacidad"]
    assert read["tienes_una_discapacidad"][3] == "health", read
    assert read["religion"][:2] == (21, "select") and read["religion"][3] == "religion", read
    assert read["otros"][1] == "textarea", read


# A Form.io form definition (help.form.io: components[], each a key, a label and a type; a panel holds components of its
# own; radio and select-boxes choices under "values").
_FORMIO_JSON = """{
  "display": "form",
  "components": [
    { "type": "panel", "key": "patient", "title": "Patient", "components": [
      { "type": "textfield", "key": "fullName", "label": "Full name", "input": true },
      { "type": "selectboxes", "key": "conditions", "label": "Do you have any of these conditions?", "input": true,
        "values": [ { "label": "Asthma", "value": "asthma" }, { "label": "Diabetes", "value": "diabetes" } ] },
      { "type": "textarea", "key": "medication", "label": "Current medication", "input": true }
    ] }
  ]
}
"""


def test_a_form_io_definition_is_read_through_its_panels(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "intake.json", _FORMIO_JSON)
    assert "patient" not in read, read
    assert read["fullName"][:3] == (5, "input", "Full name"), read
    assert read["conditions"][0] == 6 and read["conditions"][3] == "health", read  # where its question is defined
    assert 7 in _answers_for(tmp_path / "intake.json", _FORMIO_JSON)["conditions"]  # and its first choice's line
    assert read["medication"] == (8, "textarea", "Current medication", "health"), read


def test_json_that_is_no_form_definition_is_not_read_as_one(tmp_path: Path) -> None:
    # A message catalogue (its keys label a form written elsewhere), a data file of records and a package manifest.
    (tmp_path / "locales").mkdir()
    catalogue = json.dumps({"fields": {"diagnosis": {"label": "Diagnosis", "type": "text"}, "allergies": {"label": "Allergies"}}})
    assert _read_controls(tmp_path / "locales" / "en.json", catalogue, "locales/en.json") == {}
    records = json.dumps([{"name": "Anna", "title": "Diabetes clinic", "city": "Oslo"}, {"name": "Ben", "title": "HIV clinic"}])
    assert _read_controls(tmp_path / "clinics.json", records) == {}
    manifest = '{ "name": "intake", "version": "1.0.0", "description": "Patient intake form", "dependencies": {} }'
    assert _read_controls(tmp_path / "package.json", manifest) == {}


def test_keyed_definitions_with_an_element_config_are_read(tmp_path: Path) -> None:
    # The order form of the React course that many projects copy: each field under its name, its control type under
    # elementType, its placeholder and options inside elementConfig.
    text = (
        "export const EntryProfileForm = {\n"
        "  complaints: {\n"
        "    elementType: 'input',\n"
        "    elementConfig: { type: 'text', placeholder: 'Аллергия на лекарства' },\n"
        "    value: ''\n  },\n"
        "  email: { elementType: 'input', elementConfig: { type: 'email', placeholder: 'Your E-Mail' }, value: '' },\n"
        "  smoker: {\n"
        "    elementType: 'select',\n"
        "    elementConfig: { options: [{ value: 'y', displayValue: 'I smoke' }, { value: 'n', displayValue: 'I do not smoke' }] },\n"
        "    value: ''\n  },\n};\n"
    )
    read = _read_controls(tmp_path / "EntryProfileForm.js", text)
    assert read["complaints"] == (2, "input", "Аллергия на лекарства", "health"), read
    assert read["email"][:3] == (7, "input", "Your E-Mail"), read
    assert read["smoker"][:2] == (8, "select") and read["smoker"][3] == "health", read


def test_a_json_schema_form_s_properties_are_its_controls(tmp_path: Path) -> None:
    # react-jsonschema-form / JSON Forms: each property under its name, its title the label, an enum its choices.
    schema = json.dumps(
        {
            "title": "Intake",
            "type": "object",
            "properties": {
                "diagnosis": {"type": "string", "title": "Current diagnosis"},
                "religion": {"type": "string", "title": "Religion", "enum": ["Catholic", "Muslim", "None"]},
                "email": {"type": "string", "format": "email", "title": "E-mail"},
            },
        },
        indent=2,
    )
    read = _read_controls(tmp_path / "intake.schema.json", schema)
    assert read["diagnosis"][1:] == ("input", "Current diagnosis", "health"), read
    assert read["religion"][1] == "select" and read["religion"][3] == "religion", read


# A Hugo page edited through a content CMS keeps its questionnaire in its TOML front matter, one array of tables per
# question, rendered by the layout it names.
_HUGO = """+++
title = "Anamnese"
layout = "anamnese"
[[abschnitte]]
titel = "1. Allgemeines"
[[abschnitte.fragen]]
frage = "Körpergröße in cm"
fragentyp = "Zahl"
id = "f-4"
optionen = []
[[abschnitte.fragen]]
frage = "Rauchen Sie?"
fragentyp = "Radio"
id = "f-5"
optionen = ["Ja", "Nein"]
[[abschnitte]]
titel = "2. Erkrankungen"
[[abschnitte.fragen]]
frage = "Nehmen Sie Medikamente?"
id = "f-6"
optionen = ["Ja", "Nein"]
[[abschnitte.fragen]]
frage = "Welche Beschwerden gibt es?"
id = "f-7"
+++
Bitte beantworten Sie alle Fragen.
"""


def test_a_questionnaire_in_a_page_s_toml_front_matter_is_read_where_it_stands(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "anamnese.md", _HUGO)
    assert read["f-5"][:2] == (11, "select") and read["f-5"][3] == "health", read
    assert read["f-6"][0] == 18 and read["f-6"][3] == "health", read
    assert read["f-7"][:3] == (22, "input", "Welche Beschwerden gibt es?"), read
    assert read["f-4"][0] == 6, read


def test_front_matter_that_holds_no_form_is_not_read_as_one(tmp_path: Path) -> None:
    # A menu's entries (name and url), a YAML front matter of tags and links (one holding questions is read:
    # tests/test_yaml_lists.py), and a TOML block that does not parse.
    entries = '[[menu.main]]\nname = "Diagnoses"\nurl = "/diagnoses/"\n[[menu.main]]\nname = "Therapy"\nurl = "/therapy/"\n'
    menu = '+++\ntitle = "Clinic"\n' + entries + "+++\n"
    assert _read_controls(tmp_path / "menu.md", menu) == {}
    yaml = (
        "---\ntitle: Klinik\ntags:\n  - Diagnose\n  - Therapie\n"
        "menu:\n  - title: Diagnosen\n    url: /diagnosen/\n  - title: Therapie\n    url: /therapie/\n---\n"
    )
    assert _read_controls(tmp_path / "yaml.md", yaml) == {}
    broken = '+++\n[[fragen]]\nfrage = "Rauchen Sie?\nid = 1\n[[fragen]]\nfrage = "x"\n+++\n'
    assert _read_controls(tmp_path / "broken.md", broken) == {}


def test_a_question_that_holds_its_follow_ups_is_a_question_and_a_panel_beside_questions_is_read_too(tmp_path: Path) -> None:
    # A question list where one question holds its follow-up questions (fields: […]) is still a list of questions;
    # a panel among them (a section that asks nothing itself) has its own list read, beside them.
    text = (
        "export const questions = [\n"
        "  { name: 'smoker', label: 'Do you smoke?', type: 'radio', options: ['Yes', 'No'],\n"
        "    fields: [{ name: 'cigarettes', label: 'How many a day?', type: 'number' }, { name: 'since', label: 'Since when?' }] },\n"
        "  { name: 'allergies', label: 'Allergies', type: 'textarea' },\n"
        "  { name: 'history', title: 'Medical history', type: 'panel', elements: [\n"
        "    { name: 'diabetes', title: 'Diabetes', type: 'boolean' },\n"
        "    { name: 'asthma', title: 'Asthma', type: 'boolean' },\n  ] },\n"
        "  { name: 'email', label: 'E-mail', type: 'email' },\n];\n"
    )
    read = _read_controls(tmp_path / "questions.js", text)
    assert read["smoker"][:2] == (2, "input") and read["smoker"][3] == "health", read
    assert read["allergies"][:2] == (4, "textarea") and read["email"][0] == 9, read
    assert read["diabetes"][0] == 6 and read["asthma"][3] == "health", read
    assert "history" not in read, read


# A questionnaire whose questions have no name (the answers are kept by position), as a COVID-19 follow-up app keeps
# them, beside lists that are no form: an FAQ, a page builder's blocks, a list of toasts.
_NAMELESS = """export const title0 = "Краткая анкета";
export const shortDB = [
  {
    question: "Группа крови",
    placeholder: "Первая",
    type: "input",
    answer: "",
  },
  {
    question: "Есть ли у Вас ВИЧ?",
    placeholder: "Да/нет",
    type: "input",
    answer: "",
  },
];
export const questions = [
  { question: "Do you have diabetes?", type: "radio", options: ["Yes", "No"] },
  { question: "Current medication", type: "text" },
];
export const faq = [
  { question: "Do you treat HIV?", answer: "Yes." },
  { question: "How do I book a diabetes check?", answer: "Online." },
];
export const blocks = [
  { type: "text", title: "Our diagnosis approach", content: "..." },
  { type: "text", title: "Mental health", content: "..." },
];
export const toasts = [
  { title: "Diagnosis saved", type: "success" },
  { title: "Therapy deleted", type: "error" },
];
"""


def test_questions_without_a_name_are_controls_and_faqs_blocks_and_toasts_are_not(tmp_path: Path) -> None:
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path = tmp_path / "ShortsDb.js"
    path.write_text(_NAMELESS, encoding="utf-8")
    with fieldfacts.every_control("-"):
        fields = analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    got = [(s.line, s.type, s.texts.get("label") or s.texts.get("question"), s.classification.category) for s in fields]
    assert got == [
        (3, "text", "Группа крови", "health"),
        (9, "text", "Есть ли у Вас ВИЧ?", "health"),
        (17, "radio", "Do you have diabetes?", "health"),
        (18, "text", "Current medication", "health"),
    ], got


# A wellness quiz's questions as data: each card has a heading (title), a fact to read, and the question it asks, answered
# by the radios or boxes answerType names, from the answers listed in it.
_QUIZ = """let quizQuestions = [
    {
        questionId: 1,
        question: "How is your blood pressure?",
        title: 'Take Note',
        fact: 'Good digestion is key.',
        answerType: 'radio',
        answers: [
            { answer: 'Poor' },
            { answer: 'Fair' },
            { answer: 'Great' }
        ]
    },
    {
        questionId: 2,
        question: 'Do you have any targeted health goals?',
        title: 'Select All That Apply',
        answerType: 'checkbox',
        answers: [{ answer: 'Blood sugar' }, { answer: 'Joint comfort' }]
    },
];
export default quizQuestions;
"""


def test_a_quiz_item_is_labelled_by_its_question_not_its_card_title_and_answers_for_its_first_answer(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "quizQuestions.js", _QUIZ)
    by_label = {v[2]: v for v in read.values()}
    assert by_label["How is your blood pressure?"][:2] == (2, "input"), read  # where its question is defined
    assert by_label["How is your blood pressure?"][3] == "health", read
    assert by_label["Do you have any targeted health goals?"][:2] == (14, "input"), read
    lines = _answers_for(tmp_path / "quizQuestions.js", _QUIZ)
    assert 9 in lines[by_label["How is your blood pressure?"][2]]  # and its first answer's line (a box line)
    assert 19 in lines[by_label["Do you have any targeted health goals?"][2]]
    assert "Take Note" not in by_label and "Select All That Apply" not in by_label, read


def test_a_list_of_cards_with_titles_and_no_questions_is_still_labelled_by_its_titles(tmp_path: Path) -> None:
    # Look-alike: a SurveyJS-like list whose items' text is their title (no question key) keeps the title as the label.
    text = """const questions = [
  { name: "dx", title: "Diagnosis", type: "text" },
  { name: "meds", title: "Current medication", type: "textarea" },
];
"""
    read = _read_controls(tmp_path / "intake.js", text)
    assert read["dx"][:3] == (2, "input", "Diagnosis") and read["meds"][:3] == (3, "textarea", "Current medication"), read


def test_a_knowledge_quiz_that_marks_its_right_answers_is_no_form(tmp_path: Path) -> None:
    # Look-alike of the wellness quiz: a school's religions and biology quiz asks what the visitor knows, not about the
    # visitor; its questions mark their right answer.
    text = """export const quizQuestions = [
  { question: "Which festival marks the end of Ramadan?", answerType: "radio",
    answers: [{ answer: "Eid al-Fitr", correct: true }, { answer: "Diwali" }] },
  { question: "Which organ produces insulin?", answerType: "radio", correctAnswer: 0,
    answers: [{ answer: "Pancreas" }, { answer: "Liver" }] },
];
"""
    assert _read_controls(tmp_path / "quizQuestions.js", text) == {}


# A questionnaire whose questions carry an icon, as a menu's links do (a health check-up's sections, labels per locale).
_ICONED_QUESTIONS = """export const manQuestionnaire: QuestionnaireSection[] = [
  {
    id: 'health',
    title: { ru: 'Здоровье', en: 'Health' },
    icon: 'heart',
    questions: [
      {
        id: 'digestion',
        type: 'checkbox',
        label: { ru: 'Пищеварение', en: 'Digestion' },
        icon: 'heart',
        options: [{ value: 'heartburn', label: { ru: 'Изжога', en: 'Heartburn' } }],
        required: true,
      },
      {
        id: 'allergies',
        type: 'text',
        label: { ru: 'Аллергия', en: 'Allergy' },
        icon: 'alert',
        required: true,
      },
    ],
  },
];
"""

# A sidebar whose items carry an icon and a type that names no control, and a settings panel's columns with widths.
_ICONED_MENU = """export const navigation = [
  { id: 'diagnoses', title: 'Diagnoses', type: 'item', icon: 'stethoscope' },
  { id: 'allergies', title: 'Allergies', type: 'item', icon: 'alert' },
  { id: 'records', title: 'Records', type: 'collapse', icon: 'folder' },
];
export const layout = [
  { key: 'diagnosis', label: 'Diagnosis', width: 150, align: 'left' },
  { key: 'allergies', label: 'Allergies', width: 150, align: 'left' },
];
"""


def test_a_definition_that_says_it_is_a_control_keeps_its_icon(tmp_path: Path) -> None:
    # An icon or a width rules an item out only when it does not say it is a control: a question with a control's type,
    # `required` and options is one, each read where it stands with its per-locale label.
    read = _read_controls(tmp_path / "questionnaire-data.ts", _ICONED_QUESTIONS)
    assert read["digestion"] == (7, "input", "Пищеварение", "health"), read  # a group: where its question is defined
    assert 12 in _answers_for(tmp_path / "questionnaire-data.ts", _ICONED_QUESTIONS)["digestion"]  # and its first choice
    assert read["allergies"] == (15, "input", "Аллергия", "health"), read


def test_icons_and_widths_of_items_that_ask_nothing_are_no_controls(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "navigation.ts", _ICONED_MENU)
    assert read == {}, read


# A dental anamnesis whose yes/no questions hold the question asked on "yes" (Qual?), and a definition whose nested
# objects are its validation's settings, not questions.
_NESTED_FOLLOW_UPS = """const FORM = {
    historico: [
        { id: 'prefMusical', label: 'Tem preferência musical?', type: 'radio', options: ['Sim', 'Não'], required: true,
          conditional: { sim: { id: 'qualMusica', label: 'Qual?', type: 'text', required: true } } },
        { id: 'tomaMedicacao', label: 'Toma alguma medicação?', type: 'radio', options: ['Sim', 'Não'], required: true,
          conditional: { sim: { id: 'qualMedicacao', label: 'Qual?', type: 'text', required: true } } },
        { id: 'peso', label: 'Peso', type: 'number', required: true,
          rules: { min: { value: 1, message: 'Peso inválido' }, max: { id: 'max', value: 400, message: 'Peso inválido' } } },
    ],
};
"""


def test_a_definition_s_nested_follow_up_is_read_after_it(tmp_path: Path) -> None:
    # "Qual?" asked when the answer to "Toma alguma medicação?" is yes follows that question up where it is defined; the
    # one after a music preference does not take health; a rule's settings objects are no controls.
    read = _read_controls(tmp_path / "script.js", _NESTED_FOLLOW_UPS)
    assert read["qualMedicacao"] == (6, "input", "Qual?", "health"), read
    assert read["qualMusica"] == (4, "input", "Qual?", "-"), read
    assert set(read) == {"prefMusical", "qualMusica", "tomaMedicacao", "qualMedicacao", "peso"}, read


# A clinic's Ext JS panel: its items name their field class by xtype; its grid's columns and toolbar buttons are none.
_EXT_PANEL = """Ext.create('Ext.form.Panel', {
  title: 'Ficha clínica',
  items: [
    { xtype: 'textfield', fieldLabel: 'Alergias', name: 'alergias' },
    { xtype: 'combobox', fieldLabel: 'Grupo sanguíneo', name: 'grupo', store: ['A', 'B', 'O'] },
    { xtype: 'textareafield', fieldLabel: 'Antecedentes', name: 'antecedentes' }
  ]
});
Ext.create('Ext.grid.Panel', {
  columns: [
    { xtype: 'gridcolumn', text: 'Diagnóstico', dataIndex: 'diagnostico' },
    { xtype: 'gridcolumn', text: 'Alergias', dataIndex: 'alergias2' }
  ],
  tbar: [{ xtype: 'button', text: 'Diagnóstico', name: 'dx' }, { xtype: 'button', text: 'Receita', name: 'rx' }]
});
"""


def test_ext_js_items_are_the_fields_their_xtype_names(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "ficha.js", _EXT_PANEL)
    assert read["alergias"] == (4, "input", "Alergias", "health"), read
    assert read["grupo"][:2] == (5, "select") and read["grupo"][3] == "health", read
    assert read["antecedentes"] == (6, "textarea", "Antecedentes", "health"), read
    assert set(read) == {"alergias", "grupo", "antecedentes"}, read


def test_columns_and_settings_menus_typed_like_controls_are_none(tmp_path: Path) -> None:
    # vue-good-table's columns give a type (how a cell is formatted) and a width; a settings menu's toggles an icon and a
    # type: neither says a visitor answers it (no form key beside the type), unlike the questionnaire's questions above.
    text = (
        "export const columns = [\n  { label: 'Name', field: 'name', width: '200px' },\n"
        "  { label: 'Religion', field: 'religion', type: 'text', width: '120px' },\n"
        "  { label: 'Diagnosis', field: 'diagnosis', type: 'text', width: '300px' },\n"
        "  { label: 'Birth date', field: 'birthDate', type: 'date', width: '150px' },\n];\n"
        "export const settings = [\n  { id: 'darkMode', label: 'Dark mode', icon: 'moon', type: 'toggle' },\n"
        "  { id: 'healthTips', label: 'Health tips', icon: 'heart', type: 'checkbox' },\n];\n"
    )
    assert _read_controls(tmp_path / "columns.js", text) == {}


def test_a_nested_definition_under_no_answer_is_no_follow_up(tmp_path: Path) -> None:
    # A preview's, a column's or a confirmation's object under its own key is no question asked on an answer.
    text = (
        "export const fields = [\n"
        "  { id: 'diagnosis', label: 'Diagnosis', type: 'text', required: true,\n"
        "    preview: { id: 'diagnosisPreview', label: 'Diagnosis', type: 'text', readOnly: true } },\n"
        "  { id: 'religion', label: 'Religion', type: 'text', required: true,\n"
        "    meta: { column: { id: 'religionCol', label: 'Religion', type: 'text' } } },\n"
        "  { id: 'smoker', label: 'Do you smoke?', type: 'radio', options: ['Yes', 'No'],\n"
        "    followUp: { id: 'packs', label: 'How many a day?', type: 'number' } },\n"
        "];\n"
    )
    read = _read_controls(tmp_path / "fields.js", text)
    assert set(read) == {"diagnosis", "religion", "smoker", "packs"}, read
    assert read["packs"][0] == 7 and read["packs"][3] == "health", read


def test_a_reducer_s_initial_state_is_named_by_its_file(tmp_path: Path) -> None:
    # A PHQ-9's items held as a Redux reducer's initialState in questions.js are a questionnaire's statements; the same
    # state in a file named for nothing is none.
    text = (
        "export const initialState = [\n"
        "  'Little interest or pleasure in doing things?',\n  'Feeling down, depressed, or hopeless?',\n"
        "  'Trouble falling or staying asleep, or sleeping too much?',\n  'Feeling tired or having little energy?',\n];\n"
        "export default (state = initialState, action) => state;\n"
    )
    read = _read_controls(tmp_path / "questions.js", text)
    assert read["initialState[1]"][0] == 3 and read["initialState[1]"][3] == "health", read
    assert _read_controls(tmp_path / "reducer.js", text) == {}


# A SurveyJS panel exported as a module: its elements' widths lay the form out; a grid's columns of the same shape,
# held by no form section, stay columns.
_SURVEY_PANEL = """export const InsurancePanel = {
  "type": "panel",
  "name": "insurance",
  "elements": [
    { "type": "text", "name": "diagnosis", "width": "66%", "minWidth": "256px", "title": "Current diagnosis" },
    { "type": "text", "name": "medication", "width": "34%", "startWithNewLine": false, "title": "Current medication" },
    { "type": "comment", "name": "address", "width": "100%", "title": "Address" }
  ],
  "title": "Medical information"
};
export const grid = {
  "type": "table",
  "elements": [
    { "type": "text", "name": "diagnosis", "width": "66%", "title": "Diagnosis" },
    { "type": "text", "name": "allergies", "width": "34%", "title": "Allergies" }
  ]
};
"""


def test_a_form_builders_panel_lays_its_controls_out_with_widths(tmp_path: Path) -> None:
    read = _read_controls(tmp_path / "InsurancePanel.js", _SURVEY_PANEL)
    assert read.get("diagnosis", ())[:2] == (5, "input") and read["diagnosis"][3] == "health", read
    assert read.get("medication", ())[3:] == ("health",) and read.get("address", ())[1:2] == ("textarea",), read
    assert "allergies" not in read, read  # the table's columns: no form section holds them


# D46's horoscope questionnaire: each question lists its answers as the radios that answer it, every radio named by the
# question's shared field name; the answers (not that name) are its choices. "answers" says an item asks, as "respuestas"
# and "réponses" do.
_ANSWERS = """export const listQuestionAnswer = [
    {
        question: 'Укажите свой пол:',
        answers: [
            { id: 0, tag: 'input', type: 'radio', name: 'gender', value: 'Женщина' },
            { id: 1, tag: 'input', type: 'radio', name: 'gender', value: 'Мужчина' },
        ],
    },
    {
        question: 'Подскажите, мучает ли Вас бессонница последнее время?',
        answers: [
            { id: 6, tag: 'input', type: 'radio', name: 'insomnia', value: 'Да' },
            { id: 7, tag: 'input', type: 'radio', name: 'insomnia', value: 'Нет' },
        ],
    },
];
"""


def test_a_question_listing_the_radios_that_answer_it_has_their_values_as_choices(tmp_path: Path) -> None:
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path = tmp_path / "listQuestionAnswer.js"
    path.write_text(_ANSWERS, encoding="utf-8")
    with fieldfacts.every_control("-"):
        fields = analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    got = [(s.line, s.texts.get("label") or s.texts.get("question"), s.texts.get("options"), s.classification.category) for s in fields]
    assert got[0][:3] == (2, "Укажите свой пол:", "Женщина Мужчина"), got
    assert got[1][0] == 9 and got[1][3] == "health", got
