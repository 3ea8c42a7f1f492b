"""A control made once through the DOM and named differently in each branch of the script (a class whose constructor
creates one element, then gives it a name, a placeholder and a label in one ``if`` block per field) is one control per
branch, written where the branch stands; a control a branch only qualifies stays one."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from tests.conftest import every_control, finishes_within

_CLASSES = """export class Textarea {
    constructor(kind) {
        this._elem = document.createElement("textarea");
        if (kind === "shortDescription") {
            this._elem.setAttribute("name", "shortDescription");
            this._elem.setAttribute("placeholder", "Краткое описание визита");
            return this._elem;
        }
        if (kind === "pastDiseases") {
            this._elem.setAttribute("name", "pastDiseases");
            this._elem.setAttribute("placeholder", "Перенесенные заболевания сердечно-сосудистой системы");
            return this._elem;
        }
    }
}
export class Input {
    constructor(kind) {
        this._elem = document.createElement("input");
        this._elem.classList.add("one-line-input");
        if (kind === "email") {
            this._elem.setAttribute("type", "text");
            this._elem.setAttribute("name", "email");
            this._label = document.createElement("label");
            this._label.innerText = "E-mail";
            this._label.append(this._elem);
            return this._label;
        }
        if (kind === "password") {
            this._elem.setAttribute("type", "password");
            this._elem.setAttribute("name", "password");
            this._label = document.createElement("label");
            this._label.innerText = "Password";
            this._label.append(this._elem);
            return this._label;
        }
        switch (kind) {
            case "fullName":
                this._elem.setAttribute("name", "fullName");
                this._elem.setAttribute("placeholder", "ФИО");
                break;
            case "bloodPressure":
                this._elem.setAttribute("name", "bloodPressure");
                this._elem.setAttribute("placeholder", "Обычное давление");
                break;
        }
    }
}
"""


def _read(tmp_path: Path, db: signatures.SignatureDB, text: str) -> dict[str, tuple]:
    return {
        c.name: (c.line, c.tag, c.type, c.texts.get("label", ""), c.classification.category)
        for c in every_control(tmp_path, text, db, "classes.js")
    }


def test_each_branch_that_names_the_control_is_a_control_where_it_stands(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """Before, the two textareas were one, named by the last branch, at the creation's line; the inputs likewise."""
    got = _read(tmp_path, db, _CLASSES)
    assert got["shortDescription"][:3] == (4, "textarea", "textarea")
    assert got["pastDiseases"][:3] == (9, "textarea", "textarea") and got["pastDiseases"][4] == "health"
    assert got["bloodPressure"][0] == 41 and got["bloodPressure"][4] == "health"
    assert got["fullName"][0] == 37


def test_a_label_a_branch_puts_its_control_in_labels_that_branchs_control(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """Each branch's label labels its own control, not the next branch's ("Password" is not the full name's label)."""
    got = _read(tmp_path, db, _CLASSES)
    assert got["email"][:4] == (20, "input", "text", "E-mail")
    assert got["password"][:4] == (28, "input", "password", "Password")
    assert got["fullName"][3] == ""


def test_a_control_a_branch_only_qualifies_stays_one(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """Named once outside any branch, made required in one and given a placeholder in another: one control, where it
    is made."""
    text = """function diagnosis(required, hint) {
    const el = document.createElement("textarea");
    el.name = "diagnosis";
    if (required) {
        el.setAttribute("required", "required");
    }
    if (hint) {
        el.placeholder = "Diagnóstico";
    } else {
        el.placeholder = "Diagnóstico principal";
    }
    return el;
}
"""
    got = _read(tmp_path, db, text)
    assert list(got) == ["diagnosis"] and got["diagnosis"][0] == 2


def _cases(n: int) -> str:
    lines = ["function make(kind, lang) {", "  const el = document.createElement('input');", "  switch (kind) {"]
    for i in range(n):
        lines += [f"    case 'q{i}':", f"      el.setAttribute('name', 'q{i}');"]
        lines += [f"      if (lang === 'es') {{ el.setAttribute('placeholder', 'Pregunta {i}'); }}", "      break;"]
    return "\n".join([*lines, "  }", "  return el;", "}"]) + "\n"


def test_thousands_of_named_branches_with_nested_ones_are_read_in_linear_work(tmp_path, db, monkeypatch) -> None:
    """Each of 2,000 cases names the box and sets its placeholder in a nested if: every case is one control with its
    placeholder, each nested branch found by one binary search. The first reading compared every pair (4,000,000
    containment tests here; 4,400 cases took 6.7 s against 2.2 s now); the work is counted, not timed."""
    from analyzer.facts import dombuild

    tests = 0
    within = dombuild._within

    def counted(node, body):
        nonlocal tests
        tests += 1
        return within(node, body)

    monkeypatch.setattr(dombuild, "_within", counted)
    with finishes_within(60, "2,000 named branches"):
        got = every_control(tmp_path, _cases(2000), db, "make.js")
    assert len(got) == 2000 and got[-1].texts.get("placeholder") == "Pregunta 1999"
    assert tests < 10 * 2000, tests
