"""react-admin's inputs (signatures/ui_components.toml: ``component_suffix``, ``name_props``): each names the record's
field it edits by ``source`` and is labelled by ``label`` (marmelab.com/react-admin/Inputs.html). A ``BooleanInput`` is
a yes/no box, a ``DateInput`` a date, a ``RadioButtonGroupInput`` radios, a ``SelectArrayInput`` a select (D46's church
membership form: "Já é membro da IPB?", "Data do Batismo Infantil"). Look-alike: a React Native image's ``source``."""

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


def test_react_admin_inputs_are_controls_named_by_their_source(tmp_path, db) -> None:
    found = {s.name: s for s in every_control(tmp_path, _FORM, db, "church-membership-form.tsx")}
    assert set(found) == {"isMember", "pedobaptismDate", "city", "status", "ministries"}, found
    assert found["isMember"].type == "checkbox" and found["isMember"].classification.category == "religion", found["isMember"]
    assert found["pedobaptismDate"].classification.category == "religion", found["pedobaptismDate"]
    assert found["status"].type == "radio" and found["ministries"].tag == "select", found


def test_an_image_source_is_no_field(tmp_path, db) -> None:
    assert every_control(tmp_path, _IMAGE, db, "Logo.jsx") == []
