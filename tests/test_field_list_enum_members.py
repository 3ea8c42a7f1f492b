"""A definition whose name or type is an enum's or a constants object's member (``analyzer/facts/fieldlists.py``
``_said``): a patient-intake project's ``{ name: FieldName.Religion, label: "Religion", input: FieldInputType.Text }`` is
read by the member's last part, as a component's ``fieldType={FormFieldType.SELECT}`` prop is, and ``input`` is a type
key. Look-alikes: a list whose items are a table's columns stays none, and a member of a call or a nested object
(``config.fields.name``) gives no name."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import controls_by_name

_DEFINITIONS = """import { FieldInputType } from "./field-input-type.constant";
import { FieldName } from "./field-name.constant";

export const FIELD_DEFINITIONS: readonly FieldDefinition[] = [
  {
    name: FieldName.FirstName,
    label: "First name",
    required: true,
    input: FieldInputType.Text,
  },
  {
    name: FieldName.DateOfBirth,
    label: "Date of birth",
    required: true,
    input: FieldInputType.Date,
  },
  {
    name: FieldName.Religion,
    label: "Religion",
    required: false,
    input: FieldInputType.Text,
  },
  {
    name: FieldName.MedicalHistory,
    label: "Medical history",
    required: false,
    input: FieldInputType.Textarea,
  },
] as const;
"""

_COLUMNS = """export const COLUMNS = [
  { key: Columns.Diagnosis, label: "Diagnosis", sortable: true, width: 120 },
  { key: Columns.Religion, label: "Religion", sortable: true, width: 120 },
  { key: Columns.Medication, label: "Medication", sortable: false, width: 200 },
];
"""


def test_an_enum_member_names_the_field_and_its_control(tmp_path: Path, db) -> None:
    found = controls_by_name(tmp_path, _DEFINITIONS, db, "patient-fields.constant.ts")
    assert found["Religion"].classification.category == "religion", found
    assert found["MedicalHistory"].tag == "textarea" and found["MedicalHistory"].classification.category == "health", found
    assert found["DateOfBirth"].type == "date", found  # a three-word label is no statement when its type is known
    assert found["Religion"].line == 17, found  # where its definition opens


def test_a_tables_columns_named_by_members_stay_none(tmp_path: Path, db) -> None:
    assert controls_by_name(tmp_path, _COLUMNS, db, "columns.ts") == {}


def test_a_nested_objects_member_names_no_field(tmp_path: Path, db) -> None:
    text = _DEFINITIONS.replace("FieldName.Religion", "config.fields.name")
    found = controls_by_name(tmp_path, text, db, "patient-fields.constant.ts")
    assert "Religion" not in found and "name" not in found, found
