"""A React file's own components (analyzer/facts/jsxmarkup.py, docs/fields.md "Forms in components"): a component
defined in the file and used as an element with string props (``<SacramentBlock field="hasBaptism" label="Baptism"/>``)
renders its markup where it is used, each destructured prop standing for what the element gives it, as a render
helper called with literals does; and a kit's control inside a wrapper component (``<Field label="Email"><TextInput
…/></Field>``) is one control labelled by the wrapper, not two. The look-alikes: a component given no string prop (a
data row), one whose markup holds no control, and a wrapper around plain text."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from analyzer.read.discover import SourceFile, classify
from analyzer.read.engine import analyze

_REGISTRY = """import { Field, TextInput, Checkbox } from './ui.jsx';

function SacramentBlock({ mv, field, dateField, label, extra }) {
  const checked = !!mv[field];
  return (
    <div>
      <label><Checkbox checked={checked} onChange={mv.set(field)} /><span>{label}</span></label>
      {checked && <input type="date" name={dateField} />}
      {extra && extra()}
    </div>
  );
}

function MemberRow({ member }) {
  return <tr><td>{member.name}</td><td><input type="checkbox" name="selected" /></td></tr>;
}

function Badge({ text }) {
  return <span className="badge">{text}</span>;
}

export default function Registration({ mv, members }) {
  return (
    <form>
      <h2>Sacramental records</h2>
      <Field label="Household email"><TextInput type="email" placeholder="optional" name="email" /></Field>
      <SacramentBlock mv={mv} field="hasBaptism" dateField="baptismDate" label="Baptism" />
      <SacramentBlock
        mv={mv} field="hasMatrimony" dateField="matDate" label="Matrimony"
        extra={() => <select name="matType"><option>Catholic</option><option>Convalidation</option></select>}
      />
      {members.map((m) => <MemberRow key={m.id} member={m} />)}
      <Badge text="Parish member" />
    </form>
  );
}
"""


def _line(marker: str) -> int:
    return next(i for i, line in enumerate(_REGISTRY.splitlines(), 1) if marker in line)


def _fields(tmp_path: Path, text: str) -> list:
    path = tmp_path / "Registration.jsx"
    path.write_text(text, encoding="utf-8")
    return analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields


def test_a_component_of_the_file_renders_its_controls_where_it_is_used(tmp_path: Path) -> None:
    got = {(s.line, s.name, s.texts.get("options") or s.texts.get("label") or "") for s in _fields(tmp_path, _REGISTRY)}
    baptism, matrimony, select = _line('label="Baptism"'), _line("<SacramentBlock"), _line('name="matType"')
    matrimony = next(i for i, line in enumerate(_REGISTRY.splitlines(), 1) if i > baptism and "<SacramentBlock" in line)
    # each use's box with its own text, at the use; its date input named by the prop; the render prop's select after it
    # the box named by the field its change handler is called with (set(field), the use's field="hasBaptism")
    assert (baptism, "hasBaptism", "Baptism") in got and (matrimony, "hasMatrimony", "Matrimony") in got, got
    assert any(line == baptism and n == "baptismDate" for line, n, _ in got), got
    assert any(line == matrimony and n == "matDate" for line, n, _ in got), got
    assert any(line == select and n == "matType" for line, n, _ in got), got


def test_a_wrapper_around_a_kits_control_labels_that_one_control(tmp_path: Path) -> None:
    fields = [s for s in _fields(tmp_path, _REGISTRY) if s.line == _line("Household email")]
    assert [(s.name, s.texts.get("label")) for s in fields] == [("email", "Household email")], fields


def test_components_given_no_string_or_holding_no_control_are_not_written_as_controls(tmp_path: Path) -> None:
    lines = {s.line for s in _fields(tmp_path, _REGISTRY)}
    # MemberRow is given a variable (a data row) and Badge prints text only: neither shows a sensitive control where it
    # is used, and the component bodies show nothing sensitive where they are written
    body_end = _line("export default function")
    assert not lines & {_line("<MemberRow"), _line("<Badge")} and not any(n < body_end for n in lines), lines


# A class component's form, as React tutorials write one: render helpers called on this, one a method, one a field
# holding an arrow function; a method called bare of the same name is not it, nor one of another class.
_CLASS_FORM = """import React, { Component } from "react";
class Form extends Component {
  renderInput(name, label, type = "text") {
    return (
      <div className="form-group">
        <label htmlFor={name}>{label}</label>
        <input id={name} name={name} type={type} onChange={this.handleChange} />
      </div>
    );
  }
  renderSelect = (name, label, options) => (
    <div>
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name}>{options.map((o) => <option key={o}>{o}</option>)}</select>
    </div>
  );
  render() {
    return (
      <form>
        {this.renderInput("diagnosis", "Current diagnosis")}
        {this.renderInput("email", "E-mail", "email")}
        {this.renderSelect("faith", "Religion", ["Catholic", "Muslim"])}
        {this.props.renderInput("other", "Medication")}
      </form>
    );
  }
}
class Other extends Component {
  renderInput(name) { return <input name={name} />; }
}
export default Form;
"""


def test_a_class_components_own_render_methods_write_their_controls_at_each_call(tmp_path: Path) -> None:
    found = {s.name: (s.line, s.tag, s.texts.get("label"), s.classification.category) for s in _fields(tmp_path, _CLASS_FORM)}
    lines = _CLASS_FORM.splitlines()
    at = {n: next(i for i, line in enumerate(lines, 1) if f'("{n}"' in line) for n in ("diagnosis", "email", "faith")}
    assert found["diagnosis"] == (at["diagnosis"], "input", "Current diagnosis", "health"), found
    assert found["email"][:2] == (at["email"], "input") and found["email"][3] == "contact", found
    assert found["faith"][:3] == (at["faith"], "select", "Religion") and found["faith"][3] == "religion", found
    # the bodies write nothing where they stand (no control named by the parameter itself), nor does a prop's call
    assert "name" not in found and "other" not in found, found
