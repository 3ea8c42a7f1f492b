"""A control made once through the DOM and named differently in each branch of the script (a class whose constructor
creates one element, then gives it a name, a placeholder and a label in one ``if`` block per field) is one control per
branch, written where the branch stands; a control a branch only qualifies stays one."""

from __future__ import annotations

import time
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


def test_thousands_of_named_branches_with_nested_ones_are_read_in_linear_time(tmp_path, db) -> None:
    """Each of 4,400 cases names the box and sets its placeholder in a nested if: every case is one control with its
    placeholder, each nested branch found by one binary search. The first reading compared every pair: four times the
    cases took four times as long here (1,100: 1.7 s; 4,400: 6.7 s, the pairs' share growing with the square); now
    under twice (1.4 s; 2.2 s)."""
    times = []
    for n in (1100, 4400):
        (tmp_path / str(n)).mkdir()
        start = time.perf_counter()
        with finishes_within(60, f"{n} named branches"):
            got = every_control(tmp_path / str(n), _cases(n), db, "make.js")
        times.append(time.perf_counter() - start)
        assert len(got) == n and got[-1].texts.get("placeholder") == f"Pregunta {n - 1}"
    assert times[1] < 3 * times[0], times
