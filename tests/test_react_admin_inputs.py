"""react-admin's inputs (signatures/ui_components.toml ``component``): each is labelled by ``label``
(marmelab.com/react-admin/Inputs.html). A ``BooleanInput`` is a yes/no box, a ``DateInput`` a date, a
``RadioButtonGroupInput`` radios, a ``SelectArrayInput`` a select (D46's church membership form: "Já é membro da IPB?",
"Data do Batismo Infantil"). Look-alikes: a React Native image's ``source``, and react-admin's display fields in a
Datagrid (``BooleanField``, ``DateField``), which show a record's ``source`` and are no controls."""

from __future__ import annotations

from tests.conftest import every_control

_FORM = """import { BooleanInput, DateInput, TextInput, RadioButtonGroupInput, SelectArrayInput } from "react-admin";

export function ChurchMembershipForm() {
  return (<>
    <BooleanInput source="isMember" label="Já é membro da IPB?" />
    <DateInput source="pedobaptismDate" label="Data do Batismo Infantil" />
    <TextInput source="city" label="Cidade" />
    <RadioButtonGroupInput source="status" label="Situação" choices={[{ id: "a", name: "Ativo" }]} />
    <SelectArrayInput source="ministries" label="Ministérios" choices={[{ id: "m", name: "Louvor" }]} />
  </>);
}
"""

_IMAGE = """import { Image } from "react-native";
export const Logo = () => <Image source={{ uri: "https://church.example/logo.png" }} style={{ width: 40 }} />;
"""


def test_react_admin_inputs_are_controls_labelled_by_their_label(tmp_path, db) -> None:
    found = {s.texts.get("label") or s.texts.get("question"): s for s in every_control(tmp_path, _FORM, db, "church-membership-form.tsx")}
    assert set(found) == {"Já é membro da IPB?", "Data do Batismo Infantil", "Cidade", "Situação", "Ministérios"}, found
    member = found["Já é membro da IPB?"]
    assert member.type == "checkbox" and member.classification.category == "religion", member
    assert found["Data do Batismo Infantil"].classification.category == "religion", found
    assert found["Situação"].type == "radio" and found["Ministérios"].tag == "select", found


_DATAGRID = """import { List, Datagrid, DateField, BooleanField } from "react-admin";
export const PatientList = () => (
  <List><Datagrid rowClick="edit">
    <DateField source="birthdate" label="Date of birth" />
    <BooleanField source="hivPositive" label="HIV positive" />
  </Datagrid></List>
);
"""


def test_react_admin_display_fields_are_no_controls(tmp_path, db) -> None:
    assert every_control(tmp_path, _DATAGRID, db, "PatientList.jsx") == []


def test_an_image_source_is_no_field(tmp_path, db) -> None:
    assert every_control(tmp_path, _IMAGE, db, "Logo.jsx") == []
