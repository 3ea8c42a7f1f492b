"""A conditional in markup written for one definition or one helper call (analyzer/facts/jsxmarkup.py, docs/fields.md
"Forms in components"): when its test compares what a parameter stands for with a literal (``type === "select" ?
<Select …/> : <Input …/>``, ``kind !== "radio" && …``), only the branch the page shows is written, so each definition
is one control with its own label, not a select and an input sharing it. A test that depends on state (``open ?
<A/> : <B/>``) still writes both branches: either may be on the page."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from tests.conftest import every_control

_MAPPED = """import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export default function BaptismForm() {
  const [data, setData] = useState({});
  const fields = [
    { label: "Sacerdote", name: "sacerdote" },
    { label: "Sexo", name: "sexo", type: "select" },
    { label: "Fecha de bautismo", name: "fecha_bautismo", type: "date" },
    { label: "Observaciones", name: "notas", type: "textarea" },
    { label: "Padrino", name: "padrino" },
  ];
  return (
    <form>
      {fields.map(({ label, name, type = "text" }) => (
        <div key={name}>
          <label>{label}</label>
          {type === "select" ? (
            <Select value={data[name]} onValueChange={(v) => setData({ ...data, [name]: v })}>
              <SelectTrigger><SelectValue placeholder="Seleccione" /></SelectTrigger>
              <SelectContent>
                <SelectItem value="m">Niño</SelectItem>
                <SelectItem value="f">Niña</SelectItem>
              </SelectContent>
            </Select>
          ) : type === "textarea" ? (
            <textarea name={name} />
          ) : (
            <Input name={name} type={type} value={data[name]} />
          )}
          {type !== "select" && type !== "textarea" && <small>{label}</small>}
        </div>
      ))}
    </form>
  );
}
"""

_HELPER = """export default function Intake() {
  const [open, setOpen] = useState(false);
  const renderField = (name, label, kind) => (
    <div>
      <label htmlFor={name}>{label}</label>
      {kind === "select" ? (
        <select id={name} name={name}><option>Ja</option><option>Nein</option></select>
      ) : (
        <input id={name} name={name} type="text" />
      )}
    </div>
  );
  return (
    <form>
      {renderField("diagnose", "Diagnose", "text")}
      {renderField("raucher", "Raucher", "select")}
      {open ? <input name="details" /> : <textarea name="details_long" />}
    </form>
  );
}
"""


def _fields(tmp_path: Path, text: str, name: str = "Form.jsx") -> list:
    return every_control(tmp_path, text, signatures.load(), name)


def test_each_mapped_definition_is_the_one_control_its_type_chooses(tmp_path: Path) -> None:
    got = [(f.tag, f.name, f.texts.get("label")) for f in _fields(tmp_path, _MAPPED)]
    assert ("input", "sacerdote", "Sacerdote") in got, got
    assert ("input", "padrino", "Padrino") in got, got
    assert ("textarea", "notas", "Observaciones") in got, got
    assert [(t, label) for t, n, label in got if label == "Sexo"] == [("select", "Sexo")], got
    # no definition is written as a control of another type too: one control per definition
    assert sorted(label for _, _, label in got) == ["Fecha de bautismo", "Observaciones", "Padrino", "Sacerdote", "Sexo"], got
    assert [t for t, n, _ in got if n == "fecha_bautismo"] == ["input"], got


def test_a_helper_calls_known_kind_chooses_its_branch_and_a_state_test_keeps_both(tmp_path: Path) -> None:
    got = {(f.tag, f.name) for f in _fields(tmp_path, _HELPER)}
    assert ("input", "diagnose") in got and ("select", "diagnose") not in got, got
    assert ("select", "raucher") in got and ("input", "raucher") not in got, got
    # open is state, not a parameter: the page may show either control, so both are read
    assert {("input", "details"), ("textarea", "details_long")} <= got, got
