"""Forms written in components (JSX, Vue templates, Angular templates; UI-kit components read as the
native controls they render): fields are classified where they are written
and exposed to the recorders their own app starts (fixtures/apps, two apps with a package.json each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES, finishes_within

APPS = FIXTURES / "apps"
SOURCES = sorted(p for p in APPS.rglob("*") if p.suffix in (".tsx", ".jsx", ".vue", ".js") or p.name.endswith(".component.html"))


@pytest.fixture(scope="module")
def scan():
    return run(ScanOptions(paths=(str(APPS),)))


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(APPS)) for p in SOURCES])
def test_component_fields_match_annotations(path: Path, scan) -> None:
    want = {e.line: e for e in parse(path.read_text(encoding="utf-8")) if e.kind == "field"}
    got = {r.field.line: r for r in scan.fields if Path(r.path).resolve() == path.resolve()}
    assert sorted(got) == sorted(want), f"field lines differ: got {[(r.field.line, r.field.name) for r in got.values()]}"
    for line, exp in want.items():
        report = got[line]
        wanted = sorted(v for v in exp.options.get("exposed", "none").split(",") if v and v != "none")
        assert (report.field.classification.category, sorted(report.exposed)) == (exp.subject, wanted), (
            f"line {line} {report.field.name}: {report.reasons}"
        )


def test_another_apps_recorder_does_not_expose_a_form(scan) -> None:
    assert not [r for r in scan.fields if "/shop/" in r.path]


def test_a_component_scanned_alone_has_no_recorder_to_expose_it() -> None:
    alone = run(ScanOptions(paths=(str(APPS / "clinic" / "src" / "components" / "IntakeForm.tsx"),)))
    assert alone.fields == [] and alone.findings == []


def test_field_positions_point_at_the_start_tag(scan) -> None:
    text = (APPS / "clinic" / "src" / "components" / "IntakeForm.tsx").read_text().splitlines()
    checked = 0
    for r in scan.fields:
        if r.path.endswith("IntakeForm.tsx"):
            line = text[r.field.line - 1]
            assert line[r.field.column - 1] == "<", (r.field.line, r.field.column, line)
            checked += 1
    assert checked >= 2, "no IntakeForm.tsx field came out: the positions were not checked"


def test_a_component_rendered_as_a_select_or_textarea_is_that_control(tmp_path: Path) -> None:
    # Formik's as="select", MUI's select / multiline props: the choices belong to the select, and the
    # textarea after it is not labelled by the last of them.
    fields = _fields_of(
        tmp_path / "Form.tsx",
        'import { Field } from "formik";\nimport TextField from "@mui/material/TextField";\n'
        "export const F = () => (\n  <form>\n"
        '    <Field name="faith" as="select"><option>Catholic</option><option>Muslim</option></Field>\n'
        '    <textarea name="notes" placeholder="Describe your symptoms" />\n'
        '    <TextField select label="Blood group" name="blood"><option>A</option><option>0</option></TextField>\n'
        '    <TextField multiline label="Current medication" name="meds" />\n'
        "  </form>\n);\n",
    )
    got = {s.name: (s.tag, s.texts.get("label"), s.texts.get("options")) for s in fields}
    assert got["faith"] == ("select", None, "Catholic Muslim"), got
    assert got["notes"][0] == "textarea" and got["notes"][1] is None, got
    assert got["meds"][0] == "textarea" and got["blood"][0] == "select", got


def test_server_side_form_tags_and_bindings_name_their_controls(tmp_path: Path) -> None:
    # Thymeleaf th:field, ASP.NET Core asp-for, Spring's form:input path, JSF h:inputText value="#{…}",
    # Livewire wire:model, Alpine x-model: each names the control it is on (or renders), at its own line,
    # native <input>s and renamed tags mixed (each located at its own line, not paired with another's).
    fields = _fields_of(
        tmp_path / "intake.html",
        '<form th:object="${patient}">\n'
        '<label for="dx">Diagnosis</label><input id="dx" th:field="*{diagnosis}">\n'
        '<label>Allergies <input asp-for="Allergies" /></label>\n'
        '<form:input path="medication" />\n'
        '<h:inputText value="#{patient.religion}" />\n'
        '<input wire:model.defer="condition" placeholder="Chronic condition">\n'
        '<input x-model="form.city" placeholder="City">\n'
        "</form>\n",
    )
    got = {s.name: (s.classification.category, s.line) for s in fields}
    assert got == {
        "diagnosis": ("health", 2),
        "Allergies": ("health", 3),
        "medication": ("health", 4),
        "religion": ("religion", 5),
        "condition": ("health", 6),
    }, got


def test_asp_net_web_forms_controls_are_the_controls_they_render(tmp_path: Path) -> None:
    # A parish's confirmation enrolment in ASP.NET Web Forms: server controls, labelled by asp:Label's Text
    # (tied by AssociatedControlID or standing before the control); the candidate's name stays unreported.
    fields = _fields_of(
        tmp_path / "Confirmacion.aspx",
        '<%@ Page Language="C#" %>\n<form id="f" runat="server">\n'
        '<asp:Label runat="server" Text="¿Está bautizado?" AssociatedControlID="ddlB" />\n'
        '<asp:DropDownList ID="ddlB" runat="server"><asp:ListItem Text="Sí" /><asp:ListItem Text="No" /></asp:DropDownList>\n'
        '<asp:Label runat="server" Text="Parroquia de bautismo"></asp:Label>\n'
        '<asp:TextBox ID="txtParroquia" runat="server"></asp:TextBox>\n'
        '<asp:Label runat="server" Text="Nombre"></asp:Label><asp:TextBox ID="txtNombre" runat="server" />\n'
        "</form>\n",
    )
    got = {s.name: (s.classification.category, s.line, s.texts.get("label")) for s in fields}
    assert got == {"ddlB": ("religion", 4, "¿Está bautizado?"), "txtParroquia": ("religion", 6, "Parroquia de bautismo")}, got


def _fields_of(path: Path, text: str) -> list:
    """The fields one file gives, read as a scan reads it (no recorder needed)."""
    from analyzer import signatures
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path.write_text(text, encoding="utf-8")
    return analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields


def test_preact_and_solid_keyword_attributes_do_not_hide_the_form(tmp_path: Path) -> None:
    # tree-sitter-javascript rejects class= and for= on JSX elements; Preact and Solid write them.
    fields = _fields_of(
        tmp_path / "Religion.js",
        "export function Religion({ onChange }) {\n  return (\n    <div class='box'>\n"
        '      <label class="q" for="rel">Religion</label>\n'
        '      <select class="input" onChange={onChange} name="q1" id="rel"><option>Christian</option><option>Muslim</option></select>\n'
        "    </div>\n  );\n}\n",
    )
    assert [(s.name, s.line, s.classification.category) for s in fields] == [("q1", 5, "religion")]


@pytest.mark.parametrize(
    ("taglib", "category"),
    [
        ('<%@ taglib prefix="f" uri="http://www.springframework.org/tags/form" %>', "health"),  # Spring's form tags as f:
        ('<%@ taglib uri="http://www.springframework.org/tags/form" prefix="sf" %>', "health"),  # either order
        # A project's own tags named f: are not Spring's; one named for a control and bound by path is read as that
        # control all the same, as any own component bound to a field is (template_components._own_component).
        ('<%@ taglib prefix="f" tagdir="/WEB-INF/tags" %>', "health"),
    ],
)
def test_a_jsp_reads_a_tag_librarys_own_prefix(tmp_path: Path, taglib: str, category: str | None) -> None:
    prefix = "sf" if 'prefix="sf"' in taglib else "f"
    fields = _fields_of(
        tmp_path / "addmedicalhistory.jsp",
        f'<%@ page contentType="text/html; charset=UTF-8" %>\n{taglib}\n'
        f'<{prefix}:form method="post" modelAttribute="history">\n'
        f'<{prefix}:input placeholder="Medication:" path="medication" />\n'
        f'<{prefix}:password path="secret" />\n'
        f"</{prefix}:form>\n",
    )
    got = {s.name: s.classification.category for s in fields}
    assert got.get("medication") == category, got
    # Spring's password tag is known by its list only (its name ends in no control): read under Spring's prefix alone.
    assert got.get("secret") == ("credentials" if "springframework" in taglib else None), got


_IONIC = """import { IonItem, IonLabel, IonRadio, IonRadioGroup, IonSelect, IonSelectOption } from '@ionic/react';
export const Verwijzing = () => {
  const [specialist, setSpecialist] = useState('');
  const [eerderBehandeld, setEerderBehandeld] = useState('');
  return (
    <IonList>
      <IonItem>
        <IonLabel>Specialist:</IonLabel>
        <IonSelect value={specialist} placeholder="Selecteer een specialist" onIonChange={e => setSpecialist(e.detail.value)}>
          <IonSelectOption value="Cardioloog">Cardioloog</IonSelectOption>
          <IonSelectOption value="Oncoloog">Oncoloog</IonSelectOption>
        </IonSelect>
      </IonItem>
      <IonItem>
        <IonRadioGroup value={eerderBehandeld} onIonChange={e => setEerderBehandeld(e.detail.value)}>
          <div><p>Bent u al eerder voor deze klacht behandeld?</p></div>
          <IonItem lines="none"><IonLabel slot="end">Ja</IonLabel><IonRadio slot="end" value="Ja" /></IonItem>
          <IonItem lines="none"><IonLabel slot="end">Nee</IonLabel><IonRadio slot="end" value="Nee" /></IonItem>
        </IonRadioGroup>
      </IonItem>
      <IonRadioGroup value={zichtbaar}><IonRadio value="a" /><IonRadio value="b" /></IonRadioGroup>
    </IonList>
  );
};
"""


def test_ionic_react_controls_and_a_bound_radio_group(tmp_path: Path) -> None:
    # IonSelect with IonSelectOption is a select labelled by its item's IonLabel; the radios of an IonRadioGroup bound to
    # state are one group named by that state, each choice labelled by the IonLabel in its own IonItem.
    read = {s.name: (s.line, s.tag, s.texts) for s in _read_controls(tmp_path / "Verwijzing.tsx", _IONIC)}
    line, tag, texts = read["specialist"]
    assert (line, tag, texts.get("label"), texts.get("options")) == (9, "select", "Specialist:", "Cardioloog Oncoloog"), read
    line, tag, texts = read["eerderBehandeld"]
    assert (line, texts.get("choices")) == (17, "Ja / Nee"), read
    assert texts["question"].startswith("Bent u al eerder voor deze klacht behandeld?"), texts
    # A group bound to any state names its radios by it, labelled or not: one control with its two choices.
    assert read["zichtbaar"][2].get("choices") == "a / b"


def _read_controls(path: Path, text: str) -> list:
    """Every control one file gives, classified or not (the scan reports only the sensitive ones)."""
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path.write_text(text, encoding="utf-8")
    with fieldfacts.every_control("-"):
        return analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields


_MUI_RADIOS = """import { FormControlLabel, Radio, RadioGroup } from '@mui/material';
const FREQUENCY = ["Daily", "Weekly", "Monthly"];
export const Questions = ({ values, setFieldValue }) => (
  <form>
    <p>Do you smoke any tobacco products?</p>
    <RadioGroup row value={values.useTobacco} onChange={(e) => setFieldValue("useTobacco", e.target.value)}>
      <FormControlLabel value={true} control={<Radio />} label="Yes" />
      <FormControlLabel value={false} control={<Radio />} label="No" />
    </RadioGroup>
    <p>How often?</p>
    <RadioGroup value={values.tobaccoFrequency}>
      {FREQUENCY.map((f) => (
        <FormControlLabel key={f} value={f} control={<Radio />} label={f} />
      ))}
    </RadioGroup>
  </form>
);
"""


def test_mui_radios_handed_to_form_control_labels(tmp_path: Path) -> None:
    # MUI writes a radio's text as the FormControlLabel that is handed the radio (control={<Radio />}); a RadioGroup
    # whose radios are mapped from an array is still their group, not a radio of its own.
    read = {s.name: (s.line, s.texts) for s in _read_controls(tmp_path / "Questions.tsx", _MUI_RADIOS)}
    assert read["useTobacco"][1].get("choices") == "Yes / No", read
    line, texts = read["tobaccoFrequency"]
    assert line == 13 and texts.get("options") == "Daily / Weekly / Monthly", read
    assert texts["question"].startswith("How often?"), texts
    assert set(read) == {"useTobacco", "tobaccoFrequency"}, read


_HELPERS = """import { Input, Label } from '@/components/ui';
export function MemberForm({ form, set }) {
  const field = (label: string, fieldName: keyof Member, type = 'text') => (
    <div>
      <Label>{label}</Label>
      <Input type={type} value={String(form[fieldName] ?? '')} onChange={e => set(fieldName, e.target.value)} placeholder={label} />
    </div>
  )
  function choice({ label, name, options }) {
    return (
      <div><Label>{label}</Label>
        <select value={form[name]}>{options.map(o => <option key={o}>{o}</option>)}</select>
      </div>
    )
  }
  const renderContact = () => (
    <div><Label>E-mail</Label><Input type="email" value={form.email} /></div>
  )
  return (
    <form>
      {field('Origem Religiosa', 'origem_religiosa')}
      {field('Data de Batismo', 'data_batismo', 'date')}
      {choice({ label: 'Tipo Sanguíneo', name: 'tipo_sanguineo', options: ['A+', 'B+', 'O-'] })}
      {renderContact()}
      {FIELDS.map(f => field(f.label, f.key))}
    </form>
  )
}
"""


def test_render_helpers_are_read_at_each_call(tmp_path: Path) -> None:
    # A function of the component that returns a field's markup is written where it is called with literals, its
    # parameters standing for the call's arguments (positional, defaulted, or a destructured object).
    read = {s.name: (s.line, s.tag, s.texts) for s in _read_controls(tmp_path / "MemberForm.tsx", _HELPERS)}
    line, tag, texts = read["origem_religiosa"]
    assert (line, tag, texts.get("label"), texts.get("placeholder")) == (21, "input", "Origem Religiosa", "Origem Religiosa"), read
    assert read["data_batismo"][0] == 22 and read["data_batismo"][2].get("label") == "Data de Batismo", read
    line, tag, texts = read["tipo_sanguineo"]
    assert (line, tag, texts.get("label"), texts.get("options")) == (23, "select", "Tipo Sanguíneo", "A+ B+ O-"), read
    # A section written as a function and called bare stays where it is written.
    assert read["email"][0] == 17, read
    # The helpers' own bodies, where they are written, are no controls: no field named by a parameter.
    assert not {"fieldName", "name", "label"} & set(read), read
    assert all(line > 16 for line, _, _ in read.values()), read


def test_render_helpers_are_classified_at_the_call(tmp_path: Path) -> None:
    read = {(s.name, s.line, s.classification.category) for s in _read_controls(tmp_path / "MemberForm.tsx", _HELPERS)}
    assert {("origem_religiosa", 21, "religion"), ("tipo_sanguineo", 23, "health")} <= read, read


def test_a_camel_case_message_key_reads_as_its_words(tmp_path: Path) -> None:
    # Without the site's catalogue, t("sexualOrientation") shows its key: read as the words it joins.
    source = (
        "export const P = ({ form }) => { const { t } = useTranslation();\n"
        "  return (<div><label>{t('sexualOrientation')}</label>\n"
        "    <input value={form.so} /></div>) }\n"
    )
    read = {s.name: (s.texts.get("label"), s.classification.category) for s in _read_controls(tmp_path / "P.jsx", source)}
    assert read["so"] == ("sexual Orientation", "sex-life"), read


_FIELDS = """export const Anamnese = ({ values }) => (
  <form>
    <h2>Anamnese fonoaudiológica</h2>
    <LanguageSkillField label="Diagnóstico anterior" name="history.previousDiagnosis" />
    <NotesField name="medicationNotes" label="Medicação em uso" type="textarea" />
    <VerifiedField label="Diagnóstico" value={values.diagnosis} />
    <DetailField label="Religião" value={values.religion} />
    <ConfigFormField id="religiao" label="Religião" value={values.religiao} onChange={(v) => set("religiao", v)} />
  </form>
);
"""


def test_a_project_field_component_given_a_name_is_a_control(tmp_path: Path) -> None:
    # A component whose name ends in "Field" and that is given a field name is a control (a textarea when its type
    # prop says so); one that shows a value it is given (a review page's <VerifiedField value={…}>) is not.
    read = {s.name: (s.line, s.tag, s.texts.get("label"), s.classification.category) for s in _read_controls(tmp_path / "A.tsx", _FIELDS)}
    assert read["history.previousDiagnosis"] == (4, "input", "Diagnóstico anterior", "health"), read
    assert read["medicationNotes"][1:] == ("textarea", "Medicação em uso", "health"), read
    # Bound to a field it changes (a value and a change handler), it is an input too.
    assert read["religiao"][1:] == ("input", "Religião", "religion"), read
    assert set(read) == {"history.previousDiagnosis", "medicationNotes", "religiao"}, read


_OPTION_CHILDREN = """import { SelectItem } from "@/components/ui/select";
export const Register = ({ form, doctors }) => (
  <form>
    <CustomFormField fieldType={FormFieldType.SELECT} control={form.control} name="primaryPhysician" label="Lekarz prowadzący">
      {doctors.map((d) => (<SelectItem key={d.id} value={d.name}><p>{d.name}</p></SelectItem>))}
    </CustomFormField>
    <CustomFormField fieldType={FormFieldType.SELECT} control={form.control} name="plan" label="Plan">
      <SelectItem value="basic">Basic</SelectItem>
      <SelectItem value="gold">Gold</SelectItem>
    </CustomFormField>
    <CustomFormField control={form.control} name="notes" label="Leki">
      <input name="meds" />
    </CustomFormField>
  </form>
);
"""


def test_a_project_field_component_holding_only_options_is_the_choice(tmp_path: Path) -> None:
    # A field component whose children are only options (a kit's <SelectItem>, written or mapped) renders the choice
    # itself: a select, named and labelled by its props; one that holds a control stays its wrapper.
    read = {
        s.name: (s.line, s.tag, s.texts.get("label"), s.classification.category)
        for s in _read_controls(tmp_path / "R.tsx", _OPTION_CHILDREN)
    }
    assert read["primaryPhysician"] == (4, "select", "Lekarz prowadzący", "health"), read
    assert read["plan"][1:] == ("select", "Plan", "-"), read
    assert "notes" not in read and read["meds"][1] == "input", read


def test_a_blade_field_component_given_a_name_is_a_control(tmp_path: Path) -> None:
    blade = (
        '<x-form-section title="Identifikační údaje">\n'
        "  <x-form-field name=\"gender\" label=\"Pohlaví\" type=\"select\" :options=\"['M' => 'Muž', 'Z' => 'Žena']\" />\n"
        '  <x-form-field name="specific_needs" type="textarea" label="Zdravotní znevýhodnění" />\n'
        '  <x-info-field label="Vyznání" :value="$application->faith" />\n'
        '  <x-form-field wire:model="allergies" label="Alergie" />\n'
        "</x-form-section>\n"
    )
    (tmp_path / "views").mkdir()
    path = tmp_path / "views" / "personal.blade.php"
    read = {s.name: (s.line, s.tag, s.texts.get("label"), s.classification.category) for s in _read_controls(path, blade)}
    assert read["gender"][:3] == (2, "select", "Pohlaví"), read
    assert read["specific_needs"] == (3, "textarea", "Zdravotní znevýhodnění", "health"), read
    assert read["allergies"][1:] == ("input", "Alergie", "health"), read  # bound both ways (Livewire's wire:model)
    assert set(read) == {"gender", "specific_needs", "allergies"}, read


_CONFIG_FORM = """const FIELDS = [
  { name: "diagnosis", label: "Current diagnosis", type: "text" },
  { name: "religion", label: "Religion" },
  { name: "email", label: "E-mail", type: "email" },
];
const HISTORY = [{ key: "surgeries", title: "Previous surgeries" }, { key: "allergies", title: "Allergies" }];
const SEXES = ["Female", "Male", "Other"];
export const Form = ({ values }) => (
  <form>
    {FIELDS.map((f) => (
      <div key={f.name}>
        <label htmlFor={f.name}>{f.label}</label>
        <input id={f.name} name={f.name} type={f.type} value={values[f.name]} />
      </div>
    ))}
    {HISTORY.map(({ key, title }) => <textarea key={key} name={key} placeholder={title} />)}
    <p>Sex</p>
    {SEXES.map((s) => <label key={s}><input type="radio" name="sex" value={s} />{s}</label>)}
  </form>
);
"""


def test_a_form_built_from_a_list_of_field_definitions_is_one_control_per_definition(tmp_path: Path) -> None:
    # FIELDS.map((f) => <input name={f.name} …/>): each definition is a control of its own, named and labelled by it
    # (a destructured ({ key, title }) too); the boxes of one question mapped from its choices stay one question.
    read = {s.name: (s.line, s.tag, s.texts, s.classification.category) for s in _read_controls(tmp_path / "Form.tsx", _CONFIG_FORM)}
    assert read["diagnosis"][2].get("label") == "Current diagnosis" and read["diagnosis"][3] == "health", read
    assert read["religion"][3] == "religion" and read["email"][3] == "contact", read
    assert read["allergies"][1:2] == ("textarea",) and read["allergies"][2].get("placeholder") == "Allergies", read
    assert read["surgeries"][3] == "health", read
    assert read["sex"][2].get("options") == "Female / Male / Other", read
    assert set(read) == {"diagnosis", "religion", "email", "surgeries", "allergies", "sex"}, read
    # Each is reported where its markup is written, and defined at its item's line (the JSON report's box_lines).
    lines = {s.name: (s.line, s.box_lines) for s in _read_controls(tmp_path / "Form.tsx", _CONFIG_FORM)}
    assert lines["diagnosis"] == (13, (2,)) and lines["religion"] == (13, (3,)), lines
    assert lines["surgeries"] == (16, (6,)) and lines["allergies"] == (16, (6,)), lines
    assert lines["sex"] == (18, (7,)), lines  # one question, its boxes defined at its choices' line


_LISTED_OBJECTS = """const clinical = {
  0: {
    title: "Antecedentes",
    fields: {
      "Antecedentes familiares": "",
      Medicacion: "",
    },
  },
  1: {
    title: "Plan",
    fields: { Diagnostico: "", Observaciones: "" },
  },
};
const QUESTIONS = {
  smoker: { label: "Do you smoke?" },
  pregnant: { label: "Are you pregnant?" },
};
const PATIENT = { name: "Ana", city: "Lima" };
export default function Historia({ step, notes, answers }) {
  return (
    <form>
      {Object.keys(clinical[step].fields).map((field) => (
        <label key={field}>
          <span>{field}</span>
          <textarea value={notes[step]?.[field] ?? ""} onChange={(e) => update(step, field, e.target.value)} />
        </label>
      ))}
      {Object.entries(QUESTIONS).map(([key, q]) => (
        <label key={key}>{q.label}<input type="checkbox" name={key} checked={answers[key]} /></label>
      ))}
      {Object.values(QUESTIONS).map((q) => <p key={q.label}>{q.label}</p>)}
      <dl>{Object.entries(PATIENT).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}</dl>
      {Object.keys(window.lookup).map((k) => <input key={k} name={k} value={answers[k]} />)}
    </form>
  );
}
"""


def test_an_objects_keys_or_entries_mapped_to_controls_are_one_control_each(tmp_path: Path) -> None:
    # {Object.keys(defaults[step].fields).map((field) => <label>{field}<textarea value={notes[step][field]}/></label>)}:
    # each key of the object (of whichever step shows) is a control labelled by it, defined at its key's line; so is each
    # entry of Object.entries(QUESTIONS) destructured as ([key, q]). A list of entries shown as text is no control, and
    # an object this file does not hold is left to the markup as written (one control, named by nothing it knows).
    found = _read_controls(tmp_path / "Historia.jsx", _LISTED_OBJECTS)
    # (a lone checkbox's text is its own: its options)
    read = {s.name: (s.line, s.box_lines, s.texts.get("label") or s.texts.get("options"), s.classification.category) for s in found}
    assert read["Antecedentes familiares"] == (25, (5,), "Antecedentes familiares", "health"), read
    assert read["Medicacion"][1:] == ((6,), "Medicacion", "health"), read
    assert read["Diagnostico"][1:3] == ((11,), "Diagnostico") and read["Observaciones"][1] == (11,), read
    assert read["smoker"][1:] == ((15,), "Do you smoke?", "health"), read
    assert read["pregnant"][1:] == ((16,), "Are you pregnant?", "health"), read
    assert set(read) - {""} == {"Antecedentes familiares", "Medicacion", "Diagnostico", "Observaciones", "smoker", "pregnant"}, read
    assert "name" not in read and "city" not in read, read
    # The definitions the markup writes are not read again as a list of their own (fieldlists: as for FIELDS.map).
    assert [s.line for s in found if s.name == "smoker"] == [29], found


_REGISTERED_FORM = """import { useForm } from "react-hook-form";
const fields = [
  { name: "medicacao", label: "Medicação em uso" },
  { name: "cirurgias", label: "Cirurgias anteriores" },
];
const SEXOS = ["Feminino", "Masculino"];
export default function Anamnese() {
  const { register } = useForm();
  return (
    <form>
      {fields.map(({ name, label }) => (
        <TextField key={name} label={label} {...register(name)} />
      ))}
      <p>Sexo</p>
      {SEXOS.map((s) => <label key={s}><input type="radio" value={s} {...register("sexo")} />{s}</label>)}
    </form>
  );
}
"""


def test_a_list_of_definitions_mapped_to_controls_named_by_react_hook_form_is_one_control_per_definition(tmp_path: Path) -> None:
    # {fields.map(({ name, label }) => <TextField label={label} {...register(name)} />)}: register names each control by
    # the item, as name={f.name} does; register("sexo") over a list of choices names one question's boxes.
    found = _read_controls(tmp_path / "Anamnese.jsx", _REGISTERED_FORM)
    read = {s.name: (s.line, s.tag, s.texts, s.classification.category) for s in found}
    assert read["medicacao"][2].get("label") == "Medicação em uso" and read["medicacao"][3] == "health", read
    assert read["cirurgias"][2].get("label") == "Cirurgias anteriores" and read["cirurgias"][3] == "health", read
    assert read["sexo"][2].get("options") == "Feminino / Masculino", read
    assert set(read) == {"medicacao", "cirurgias", "sexo"}, read


_DROPDOWNS = """import { Dropdown } from "primereact/dropdown";
import { Dropdown as Menu } from "antd";
import { Dropdown as BMenu } from "react-bootstrap";
const BLOOD_TYPES = ["A+", "A-", "B+", "O+"];
export default function Donor() {
  return (
    <form>
      <Dropdown options={BLOOD_TYPES} placeholder="Tipo sanguíneo" />
      <Menu menu={{ items: [{ key: "1", label: "Diagnóstico" }] }}><a>Mais</a></Menu>
      <BMenu><BMenu.Toggle>Alergias</BMenu.Toggle></BMenu>
      <AccountDropdown items={[{ label: "My health record", href: "/health" }, { label: "Sign out", href: "/logout" }]} />
    </form>
  );
}
"""


def test_a_choice_component_given_its_choices_is_a_select_and_a_menu_is_not(tmp_path: Path) -> None:
    # PrimeReact's <Dropdown options={…} placeholder="…"/> asks for one of its choices though nothing names or binds it;
    # Ant Design's and React-Bootstrap's <Dropdown> menus are given no choices, an account menu its items (links): none.
    found = _read_controls(tmp_path / "Donor.jsx", _DROPDOWNS)
    read = [(s.line, s.tag, s.texts.get("options"), s.classification.category) for s in found]
    assert read == [(8, "select", "A+ A- B+ O+", "health")], read


_SCALE = """import { Form, Radio } from "antd";
import { items as imported } from "./gad7.catalog";
const ITEMS = ["Feeling nervous, anxious or on edge", "Not being able to stop or control worrying"];
const CHOICES = ["Agree", "Disagree"];
export default function Scale() {
  return (
    <div>
      <h4>GAD-7</h4>
      <Form name="gad7">
        {ITEMS.map((q, i) => (
          <Form.Item label={q} name={i}>
            <Radio.Group>
              <Radio value={0}>Not at all</Radio>
              <Radio value={1}>Several days</Radio>
              <Radio value={2}>Nearly every day</Radio>
            </Radio.Group>
          </Form.Item>
        ))}
        {imported.map((q, i) => (
          <Form.Item label={q} name={i}>
            <Radio.Group>
              <Radio value={0}>Not at all</Radio>
              <Radio value={1}>Several days</Radio>
            </Radio.Group>
          </Form.Item>
        ))}
        {CHOICES.map((c, i) => <Radio key={i} value={c}>{c}</Radio>)}
      </Form>
    </div>
  );
}
"""


def test_a_list_mapped_into_controls_named_by_their_index_is_a_question_per_item(tmp_path: Path) -> None:
    # ITEMS.map((q, i) => <Form.Item label={q} name={i}><Radio.Group>…): each item is a question of its own, its radios
    # named by the item's number (Ant Design's Form.Item names the control inside it); a list another file exports is
    # one block whose name is the list's ("imported[i]"), its items as its label. Look-alike: the choices of one
    # question mapped by index (CHOICES.map((c, i) => <Radio key={i}>)), not named by it, are no question each.
    read = {s.name: (s.texts.get("question", ""), s.classification.category) for s in _fields_of(tmp_path / "Scale.jsx", _SCALE)}
    assert read["0"] == ("Feeling nervous, anxious or on edge", "health"), read
    assert read["1"][1] == "health", read
    # read alone, the imported list's items are not known; the choices mapped by index are one control ("c"), not a
    # question each, which the learned model (session 46) reads as health by its page, a GAD-7
    assert set(read) - {"c"} == {"0", "1"}, read
    # In a scan of the app (whose entry starts Hotjar, which records its components), the imported list is known.
    (tmp_path / "gad7.catalog.js").write_text('export const items = ["Trouble relaxing", "Becoming easily annoyed"];\n', encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "screening"}\n', encoding="utf-8")
    (tmp_path / "main.jsx").write_text('import Hotjar from "@hotjar/browser";\nHotjar.init(3456781, 6);\n', encoding="utf-8")
    scanned = {r.field.name: r.field for r in run(ScanOptions(paths=(str(tmp_path),))).fields}
    block = scanned["imported[i]"]
    assert block.texts.get("question") == "Trouble relaxing / Becoming easily annoyed", block.texts
    assert block.classification.category == "health", block.classification


def test_render_helpers_written_out_are_bounded_by_the_elements_they_copy(tmp_path: Path) -> None:
    # A helper of 2,000 elements called 30 times would write 60,000; the file's budget (20,000) stops at nine calls.
    spans = "\n".join(f"      <span>{{label}} {i}</span>" for i in range(1999))
    calls = "\n".join(f"      {{field('Label {i}', 'name{i}')}}" for i in range(30))
    source = (
        "export const F = () => {\n  const field = (label, name) => (<div>\n"
        f"{spans}\n      <input name={{name}} placeholder={{label}} /></div>)\n"
        f"  return (<form>\n{calls}\n  </form>)\n}}\n"
    )
    read = _read_controls(tmp_path / "Huge.jsx", source)
    assert len(read) == 9 and {s.name for s in read} == {f"name{i}" for i in range(9)}


def test_a_generic_field_component_renders_the_control_its_type_prop_names(tmp_path: Path) -> None:
    # The CarePulse pattern: one CustomFormField told its control by fieldType={FormFieldType.…}. A consent box is a
    # decision (no health field), a TEXTAREA a textarea; a type the data does not know (PHONE_INPUT) keeps the input.
    fields = _fields_of(
        tmp_path / "RegisterForm.tsx",
        'import CustomFormField, { FormFieldType } from "../CustomFormField";\n'
        "export const RegisterForm = ({ form }) => (\n  <form>\n"
        "    <CustomFormField fieldType={FormFieldType.TEXTAREA} control={form.control}\n"
        '      name="currentMedication" label="Current medication" />\n'
        '    <CustomFormField fieldType={FormFieldType.CHECKBOX} control={form.control} name="disclosureConsent"\n'
        '      label="I consent to the use and disclosure of my health information for treatment purposes." />\n'
        '    <CustomFormField fieldType={FormFieldType.PHONE_INPUT} control={form.control} name="phone" label="Phone number" />\n'
        '    <CustomFormField fieldType="select" control={form.control} name="bloodGroup" label="Blood group" />\n'
        "  </form>\n);\n",
    )
    got = {s.name: (s.tag, s.classification.category) for s in fields}
    assert got.get("currentMedication") == ("textarea", "health"), got
    assert got.get("bloodGroup", ("",))[0] == "select", got
    assert got.get("phone", ("",))[0] == "input" and "disclosureConsent" not in got, got


def test_a_jsp_tag_librarys_field_tags_named_by_their_bean_property(tmp_path: Path) -> None:
    # A JSP tag library's field tag names the form bean's property it binds (Struts 1's html tags and the in-house
    # libraries modelled on them): <msh:textField property="…" label="…">, <msh:autoComplete property="…">. A tag whose
    # name ends in no control (<msh:panel property="…">) and HTML's own <meta property> are no fields.
    fields = _fields_of(
        tmp_path / "edit.jsp",
        '<%@ taglib uri="http://www.nuzmsh.ru/tags/msh" prefix="msh" %>\n'
        '<html><head><meta property="og:title" content="Диагноз" /></head><body>\n'
        '<msh:form action="/save.do">\n'
        '  <msh:panel property="diagnosisPanel" label="Диагноз">\n'
        '    <msh:textField property="diagnosis" label="Диагноз" />\n'
        '    <msh:autoComplete vocName="vaccine" property="vaccine" label="Вакцина" />\n'
        '    <msh:textField property="lastname" label="Фамилия" />\n'
        "  </msh:panel>\n</msh:form>\n</body></html>\n",
    )
    got = {s.name: (s.tag, s.classification.category) for s in fields}
    assert got.get("diagnosis") == ("input", "health"), got
    assert got.get("vaccine") == ("select", "health"), got
    assert "diagnosisPanel" not in got and "og:title" not in got, got


def test_a_control_written_once_for_every_item_of_a_mapped_list_stands_at_each_item_s_line(tmp_path: Path) -> None:
    # {CONDITIONS.map((c) => <tr><td>{c.labelDe}</td><td><Checkbox …/></td></tr>)}: the markup is written once, reading
    # every item's text as its own; the visitor gets one box per item, each defined at its item's line (box_lines).
    fields = _fields_of(
        tmp_path / "FamilyHistory.tsx",
        "const CONDITIONS = [\n"
        '  { key: "bp", labelDe: "Hoher Blutdruck" },\n'
        '  { key: "mi", labelDe: "Herzinfarkt" },\n'
        '  { key: "dm", labelDe: "Diabetes" },\n'
        "];\n"
        "export const FamilyHistory = ({ update }) => (\n  <table><tbody>\n"
        "    {CONDITIONS.map((c) => (\n"
        "      <tr key={c.key}><td>{c.labelDe}</td>\n"
        '        <td><input type="checkbox" onChange={(e) => update(c.key, e.target.checked)} /></td></tr>\n'
        "    ))}\n  </tbody></table>\n);\n",
    )
    [box] = [s for s in fields if s.type == "checkbox"]
    assert (box.line, box.box_lines, box.classification.category) == (10, (2, 3, 4), "health"), box
    assert "data-replaylint-items" not in box.attrs


_NESTED_TEMPLATE = """export default function Membros({ formData }) {
  return (
    <form>
      {[
        { key: "pretoVelho", label: "Preto Velho" },
        { key: "exu", label: "Exu" },
      ].map(({ key, label }) => (
        <div key={key}>
          {[0, 1].map((idx) => (
            <Input key={`${key}-${idx}`} placeholder={`${label} ${idx + 1}`} value={formData.umbanda[key]?.[idx] || ""} />
          ))}
        </div>
      ))}
    </form>
  );
}
"""


def test_a_template_literal_in_a_mapped_definitions_markup_prints_what_the_definition_gives(tmp_path: Path) -> None:
    # placeholder={`${label} ${idx + 1}`} inside a map over [0, 1], itself inside a map over definitions: the definition's
    # label is printed (the outer callback's parameter, seen from the inner one), the index left out.
    found = _read_controls(tmp_path / "Membros.tsx", _NESTED_TEMPLATE)
    said = sorted(s.texts.get("placeholder", "") for s in found)
    assert said == ["Exu", "Preto Velho"], [(s.line, s.texts) for s in found]


_READ_REVIEW = {
    # a callback that takes each entry whole: the markup as written, once (not per entry, not lost)
    "Whole.jsx": """const HEALTH = {
  diagnosis: { label: "Diagnosis" },
  medication: { label: "Current medication" },
};
export default function Whole() {
  return (
    <form>
      <h2>Medical history</h2>
      {Object.entries(HEALTH).map((entry) => (
        <label key={entry[0]}>{entry[1].label}<textarea name={entry[0]} /></label>
      ))}
    </form>
  );
}
""",
    # an object of computed keys: nothing to expand, the markup as written, once
    "Computed.jsx": """import { DIAGNOSIS, MEDICATION } from "./keys";
const LABELS = { [DIAGNOSIS]: "Diagnosis", [MEDICATION]: "Current medication" };
export default function Computed({ values }) {
  return (
    <form>
      <h2>Medical history</h2>
      {Object.keys(LABELS).map((k) => (
        <label key={k}>{LABELS[k]}<textarea name={k} value={values[k]} /></label>
      ))}
    </form>
  );
}
""",
    # an object listed to build state, and handed to a renderer: still the file's list of definitions (fieldlists)
    "State.jsx": """const QUESTIONS = {
  religion: { name: "religion", label: "Religion", type: "text" },
  diagnosis: { name: "diagnosis", label: "Current diagnosis", type: "text" },
};
export default function State() {
  const [values, setValues] = useState(Object.fromEntries(Object.keys(QUESTIONS).map((k) => [k, ""])));
  return <div><DynamicForm fields={QUESTIONS} values={values} onChange={setValues} /></div>;
}
""",
    # the call broken before .map (Prettier): written by the markup once per entry, and not read again as a list
    "Broken.jsx": """const QUESTIONS = {
  religion: { label: "Religion", type: "text" },
  diagnosis: { label: "Diagnosis", type: "text" },
};
export default function Broken({ v }) {
  return (
    <form>
      {Object.entries(QUESTIONS)
        .map(([key, q]) => (
          <label key={key}>{q.label}<input name={key} type={q.type} value={v[key]} /></label>
        ))}
    </form>
  );
}
""",
}


@pytest.mark.parametrize("name", sorted(_READ_REVIEW))
def test_listed_objects_the_markup_cannot_expand_are_read_as_before(tmp_path: Path, name: str) -> None:
    found = [(s.line, s.name, s.classification.category) for s in _read_controls(tmp_path / name, _READ_REVIEW[name])]
    expected = {
        "Whole.jsx": [(10, "", "health")],
        "Computed.jsx": [(8, "", "health")],
        "State.jsx": [(2, "religion", "religion"), (3, "diagnosis", "health")],
        "Broken.jsx": [(10, "religion", "religion"), (10, "diagnosis", "health")],
    }[name]
    assert [(line, cat) for line, _, cat in found] == [(line, cat) for line, _, cat in expected], found


def test_an_object_mapped_thousands_of_times_costs_what_one_map_does(tmp_path: Path) -> None:
    # 2,000 maps over one object of 20,000 keys: each map reads at most _MAX_MAPPED of its members, read once.
    keys = ",\n".join(f"k{i}: 1" for i in range(20_000))
    maps = "\n".join("{Object.keys(B).map((k) => <input name={k} value={v[k]} />)}" for _ in range(2000))
    text = f"const B = {{{keys}}};\nexport default function Big({{ v }}) {{ return (<form>\n{maps}\n</form>); }}\n"
    with finishes_within(15, "2,000 Object.keys maps over 20,000 keys"):
        _read_controls(tmp_path / "Big.jsx", text)
