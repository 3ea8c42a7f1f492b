"""A project's own form components in templates (analyzer/facts/template_components.py, ``component_suffix`` in
signatures/ui_components.toml): a Vue single-file component's ``<form-input name="…" label="…">`` or
``<FormTextarea>``, a Blade anonymous component ``<x-select name="…">``, is read as the control its name says when
it is given a field name, labelled by its first label prop, as JSX's ``<FormInput>`` already was. A component
without a name, one whose name ends in no control, and a native control keep their reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import finishes_within, scan_text

_VUE = """<template>
  <h1>Taufe bearbeiten</h1>
  <fieldset>
    <legend>Täufling</legend>
    <form-input name="first_contact_with" label="Erstkontakt mit" v-model="baptism.first_contact_with"/>
    <FormTextarea name="diagnosis" label="Diagnose"/>
    <form-select name="confession" :label="'Konfession'" :options="confessions"/>
    <form-input label="Diagnose ohne Namen"/>
    <user-profile name="allergies" title="Allergien"/>
    <select name="religion"><option>evangelisch</option><option>katholisch</option></select>
  </fieldset>
</template>
"""


def _fields(one) -> dict[str, str]:
    return {f.name: f.classification.category for f in one.fields}


def test_a_vue_projects_own_form_components_are_the_controls_they_name(tmp_path: Path, db) -> None:
    fields = _fields(scan_text(tmp_path, _VUE, db, "BaptismEditor.vue"))
    assert fields.get("diagnosis") == "health", fields
    assert fields.get("confession") == "religion", fields
    assert fields.get("religion") == "religion", fields  # a native select, as before
    # A component with no field name stays a wrapper; one whose name ends in no control is not a control.
    assert "allergies" not in fields, fields


@pytest.mark.parametrize(
    ("name", "page", "field", "category", "not_a_field"),
    [
        # A Blade anonymous component is the control it names; a text field elsewhere on the page is no health data.
        (
            "anamnese.blade.php",
            '<h1>Anamnese</h1>\n<form>\n  <x-forms.textarea name="allergies" label="Allergien"/>\n'
            '  <x-forms.text-field name="city" label="Ort"/>\n</form>\n',
            "allergies",
            "health",
            "city",
        ),
        # A yes/no question component and a checkbox group field (US Web Design System claim forms): the controls they
        # render, labelled by their question and legend props; a review of a yes/no answer renders none.
        (
            "Disability.tsx",
            "export const Disability = () => (\n  <form>\n"
            '    <CheckboxGroupField legend="Have you applied for disability benefits?" name="disability_applied"/>\n'
            '    <YesNoQuestion question="Were you disabled in the last four weeks?" name="disabled_before"/>\n'
            '    <ReviewYesNo label="Were you disabled in the last four weeks?" name="review_disabled"/>\n'
            "  </form>\n);\n",
            "disabled_before",
            "health",
            "review_disabled",
        ),
        # A control qualified by what comes with it ("InputWithButton", a Vue "textarea-with-counter") is that control; a
        # component named only by what it comes with (WithTooltip) is none.
        (
            "Registration.tsx",
            "export const Registration = ({ register }) => (\n  <form>\n"
            '    <InputWithButton label="Medikamente" {...register("medications")} />\n'
            '    <WithTooltip label="Allergien" name="allergy_hint" />\n'
            "  </form>\n);\n",
            "medications",
            "health",
            "allergy_hint",
        ),
        # A control's name with "Component" after it (a matrimony profile's MetadataSelectComponent) is that control; a
        # component named "Component" alone, or for no control (ProfileCardComponent), is none.
        (
            "ProfileGeneral.tsx",
            "export const ProfileGeneral = ({ register }) => (\n  <form>\n"
            '    <label>Religion</label>\n    <MetadataSelectComponent type="religion" {...register("religion")} />\n'
            '    <ProfileCardComponent label="Religion" name="religion_card" />\n'
            "  </form>\n);\n",
            "religion",
            "religion",
            "religion_card",
        ),
        (
            "Anamnese.vue",
            '<template>\n  <h1>Anamnese</h1>\n  <textarea-with-counter name="allergies" label="Allergien"/>\n'
            '  <with-tooltip name="hint" label="Allergien"/>\n</template>\n',
            "allergies",
            "health",
            "hint",
        ),
        # A Formik project's wrapper of a Material UI control (TextfieldWrapper, label and name as string expressions) is
        # that control; a wrapper named for no control (FormWrapper) is none.
        (
            "SpiritualInfForm.js",
            "export default function SpiritualInfForm() {\n  return (\n    <Form>\n"
            '      <TextfieldWrapper label={"Nombre de la Iglesia"} name={"churchName"} />\n'
            '      <FormWrapper label={"Nombre de la Iglesia"} name={"churchForm"} />\n'
            "    </Form>\n  );\n}\n",
            "churchName",
            "religion",
            "churchForm",
        ),
        # A Selectize component is a select; "selectize" in the middle of a name is not its end.
        (
            "Baptism.vue",
            '<template>\n  <h1>Taufe</h1>\n  <form-selectize label="Konfession" name="parish" :options="confessions"/>\n'
            '  <user-selectize-avatar name="avatar" label="Bild"/>\n</template>\n',
            "parish",
            "religion",
            "avatar",
        ),
    ],
)
def test_a_named_own_component_is_the_control_its_name_ends_with(
    tmp_path: Path, db, name: str, page: str, field: str, category: str, not_a_field: str
) -> None:
    fields = _fields(scan_text(tmp_path, page, db, name))
    assert fields.get(field) == category, fields
    assert not_a_field not in fields, fields


_MULTILINE = """<template>
  <h1>Anamnese</h1>
  <v-text-field
    label="Diagnosis"
    v-model="form.diagnosis"
  />
  <FormTextarea
    name="allergies"
    label="Allergies"
  />
</template>
"""


def test_a_component_written_over_several_lines_is_reported_where_it_starts(tmp_path: Path, db) -> None:
    one = scan_text(tmp_path, _MULTILINE, db, "Anamnese.vue")
    lines = {f.name: (f.line, f.column) for f in one.fields}
    # lxml gives the line a start tag ends on; the finding points at "<v-text-field" and "<FormTextarea".
    assert lines.get("diagnosis") == (3, 3), lines
    assert lines.get("allergies") == (7, 3), lines


_BOUND = """<script>
  let form = {};
</script>
<h1>Scheda paziente</h1>
<form>
  <PresetTextArea label="Visita odierna" placeholder="Esame obiettivo" bind:value={form.visita} />
  <FormSelect label="Gruppo sanguigno" bind:value={form.campo2} />
  <PresetTextArea label="Diagnosi senza campo" />
  <UserAvatar label="Allergie" bind:value={form.avatar} />
</form>
"""


def test_an_own_component_bound_to_a_field_is_that_fields_control(tmp_path: Path, db) -> None:
    fields = _fields(scan_text(tmp_path, _BOUND, db, "PatientDetail.svelte"))
    # Bound with bind:value and given no name: named by the binding, labelled by its label prop.
    assert fields.get("visita") == "health", fields
    assert fields.get("campo2") == "health", fields
    # Bound to nothing and named nothing: a wrapper; a component whose name ends in no control: not a control.
    assert "avatar" not in fields, fields
    assert len(fields) == 2, fields


_NATIVE_NAMED = """<template>
  <h1>Anmeldung</h1>
  <form>
    <Input label="Medikamente" v-model="form.feld3" />
    <TextArea :label="'Allergien'" v-model="form.feld4" />
    <input label="Religion" title="Stadt" name="stadt" aria-label="Stadt" />
    <input title="Konfession (optional)" name="konf" />
    <select name="land"><option label="Katholisch">kath</option></select>
  </form>
</template>
"""


def test_a_component_named_as_a_native_control_reads_its_label_prop(tmp_path: Path, db) -> None:
    one = scan_text(tmp_path, _NATIVE_NAMED, db, "Anmeldung.vue")
    fields = _fields(one)
    # lxml reads <Input> and <TextArea> as native controls; HTML gives them no label attribute, so it is the prop.
    assert fields.get("feld3") == "health", fields
    assert fields.get("feld4") == "health", fields
    # A control's own aria-label is kept over a label prop; its title is read as before; an option's label is an option's.
    assert "stadt" not in fields, fields
    assert fields.get("konf") == "religion", fields
    assert "land" not in fields, fields


_DATA_DRIVEN = """<template>
  <h1>Sindicalização</h1>
  <form>
    <InputForm v-model="cData.bank.value" :label="cData.bank.label" :name="cData.bank.name" />
    <RadioForm v-model="cData.member.value" :label="cData.member.label" :name="cData.member.name" />
    <InputForm v-model="cData.q7.value" :label="cData.q7.label" />
    <InputForm v-model="cData.missing.value" :label="cData.missing.label" />
    <ContactForm v-model="cData.contact" :label="cData.q7.label" />
  </form>
</template>
<script setup lang="ts">
import { reactive } from 'vue'
const state = reactive({ inputs: {
  bank: { value: null as null | string, label: 'Banco', name: 'bank', required: true },
  member: { value: null, label: 'Já foi associado a outro sindicato?', name: 'f_21', required: true },
  q7: { value: '', label: 'Religião' },
} })
const cData = state.inputs
</script>
"""


def test_a_bound_prop_reads_what_the_components_own_object_literals_give(tmp_path: Path, db) -> None:
    fields = {
        f.name: (f.classification.category, f.texts.get("label", "")) for f in scan_text(tmp_path, _DATA_DRIVEN, db, "Join.vue").fields
    }
    # :label and :name read from the script's literal for that member; v-model's last part ".value" names nothing.
    assert fields.get("f_21") == ("union", "Já foi associado a outro sindicato?"), fields
    assert fields.get("q7") == ("religion", "Religião"), fields
    # A path no literal gives has no label (its words name nothing sensitive); a whole "ContactForm" is no control.
    assert "missing" not in fields and "contact" not in fields, fields


def test_many_bound_props_over_a_long_script_are_read_in_bounded_time(tmp_path: Path, db) -> None:
    rows = "".join(f'    <InputForm v-model="d.f{i}.value" :label="d.f{i}.label" :name="d.f{i}.name" />\n' for i in range(3000))
    members = "".join(f"  f{i}: {{ value: '', label: 'Religião {i}', name: 'campo_{i}' }},\n" for i in range(3000))
    page = f"<template>\n  <form>\n{rows}  </form>\n</template>\n<script setup>\nconst d = {{\n{members}}}\n</script>\n"
    with finishes_within(30, "3,000 bound props looked up in a script of 3,000 members"):
        fields = scan_text(tmp_path, page, db, "Big.vue").fields
    # Each prop reads its own member's literal: 3,000 religion fields named by the script.
    assert len(fields) == 3000 and {f.name for f in fields} == {f"campo_{i}" for i in range(3000)}, len(fields)


_DATE_PICKERS = """<template>
  <form>
    <form-group label="Wann wurdest du getauft?">
      <datepicker v-model="record.konfi.taufe.datum" typeable input-format="dd.MM.yyyy" />
    </form-group>
    <form-group label="Diagnose gestellt am">
      <DateTimePicker v-model="form.diagnose_datum" />
    </form-group>
    <form-group label="Seit wann besteht die Allergie?">
      <color-picker v-model="form.allergie_farbe" />
    </form-group>
  </form>
</template>
"""


def test_a_date_picker_bound_to_a_field_is_an_input(tmp_path: Path, db) -> None:
    fields = _fields(scan_text(tmp_path, _DATE_PICKERS, db, "Anmeldung.vue"))
    # vuejs-datepicker's <datepicker> and a kit's DateTimePicker are inputs, labelled by the group around them.
    assert fields.get("datum") == "religion" and fields.get("diagnose_datum") == "health", fields
    # A picker of anything else is no control.
    assert "allergie_farbe" not in fields, fields


def test_a_component_named_by_another_prop_is_that_field_s_control(tmp_path: Path, db) -> None:
    # A Spanish project's Blade components name their field nombre=, and its copy of Jetstream's <x-input> prints a label.
    page = (
        "<form>\n"
        '  <x-input tipo="text" nombre="alergias" label="Alergias conocidas" valor=""/>\n'
        '  <x-select nombre="religion" label="Religión" titulo="..."/>\n'
        '  <x-card nombre="Ficha" titulo="Datos"/>\n'  # a layout component named so is no control
        "</form>\n"
    )
    one = scan_text(tmp_path, page, db, "create.blade.php")
    fields = {f.name: f for f in one.fields}
    assert fields["alergias"].classification.category == "health", fields
    assert fields["alergias"].texts.get("label") == "Alergias conocidas"
    assert fields["religion"].classification.category == "religion", fields
    assert "Ficha" not in fields
