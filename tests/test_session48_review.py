"""Session 48 review: faults found in the change 2e3eaf20..f17ff606 (kit web components in script strings, TypeScript read
for markup, DOM-built controls split per branch and put inside labels, questionnaires written as data, lexicon words,
the scoring rule) by a reviewer who wrote none of it. Each test failed on the code as reviewed and passes after its mend; each
docstring says what a user saw."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import signatures
from tests.conftest import every_control


@pytest.fixture(scope="module")
def db() -> signatures.SignatureDB:
    return signatures.load()


def _controls(tmp_path: Path, db: signatures.SignatureDB, text: str, name: str) -> list[tuple[int, str, str, str]]:
    """Every control one file gives: (line, name, label, category)."""
    return [(c.line, c.name, c.texts.get("label", ""), c.classification.category) for c in every_control(tmp_path, text, db, name)]


# -- 1. fieldlists._field_name: an item of a list named as questions whose label key asks a question is a control ----

_FAQ = """export const questions = [
  { id: 1, title: "Is my HIV test result confidential?", content: "Yes. Results are shared only with you." },
  { id: 2, title: "Do I need to stop my medication before the blood test?", content: "No, keep taking it." },
  { id: 3, title: "Can I bring my child to the appointment?", content: "Of course." },
];
"""


def test_a_clinics_faq_list_named_questions_is_no_questionnaire(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A clinic's FAQ data file (``questions = [{ id, title: "Is my HIV test result confidential?", content: "Yes…" }]``)
    is reported as three radio fields, two of them Art. 9 health (lines 2 and 3). Any item whose title ends with "?"
    in a list named ``questions``/``elements``/``preguntas`` is now a control (fieldlists._field_name's ``asks``); only
    an answer under one of ``answer_keys`` (answer, respuesta…) keeps an FAQ out, and FAQs commonly say content, body,
    text or description."""
    got = _controls(tmp_path, db, _FAQ, "faq.js")
    assert got == [], got


# -- 2-5. dombuild: controls split per branch, controls put inside a label ------------------------------------------

_ELSE_IF = """export class Field {
    constructor(kind) {
        this._elem = document.createElement("input");
        if (kind === "fullName") {
            this._elem.setAttribute("name", "fullName");
            this._elem.setAttribute("placeholder", "Full name");
        } else if (kind === "diagnosis") {
            this._elem.setAttribute("name", "diagnosis");
            this._label = document.createElement("label");
            this._label.innerText = "Diagnosis";
            this._label.append(this._elem);
            return this._label;
        }
        return this._elem;
    }
}
"""


def test_an_else_if_branchs_label_does_not_label_the_branch_before_it(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """The same class as tests/test_dom_branches.py, written with ``else if``: the user sees the full-name box reported
    as an Art. 9 health field labelled "Diagnosis" (line 4). The branch of an ``if`` is the whole if_statement
    (dombuild._branch), which holds its ``else`` too, so the first branch takes the label the else-branch makes
    (_split_branches: ``branch.start_byte <= h.call.start_byte < branch.end_byte``)."""
    got = {name: (line, label, category) for line, name, label, category in _controls(tmp_path, db, _ELSE_IF, "classes.js")}
    full = got.get("fullName", (0, "", "-"))
    assert full[1] != "Diagnosis" and full[2] != "health", got


_LABEL_OUTSIDE = """function field(kind) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    label.append(input);
    if (kind === 'name') {
        label.textContent = 'Full name';
        input.name = 'fullName';
    } else {
        label.textContent = 'Diagnosis';
        input.name = 'diagnosis';
    }
    return label;
}
"""


def test_a_label_made_once_does_not_label_every_branchs_control_with_every_branchs_text(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """One label and one input made before the branches, each branch naming the input and wording the label. The
    user sees the full-name box reported as health, labelled "Full name Diagnosis" (line 5). The control is split per
    branch, but its label is not: taken out of the label (_split_branches removes the control from its parent), the
    label is written on its own with both branches' texts, and labels the next control. Before the change: one
    control (diagnosis), health."""
    got = {name: (line, label, category) for line, name, label, category in _controls(tmp_path, db, _LABEL_OUTSIDE, "field.js")}
    assert got.get("fullName", (0, "", "-"))[2] != "health", got


_ONE_BOX_TWO_IDS = """function diagnosisBox(isEdit) {
    const input = document.createElement('textarea');
    input.placeholder = 'Diagnosis';
    if (isEdit) {
        input.id = 'diagnosis-edit';
    } else {
        input.id = 'diagnosis-new';
    }
    return input;
}
"""


def test_one_box_given_an_id_per_mode_is_reported_once(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A diagnosis box made once and given one id when editing, another when creating: the user sees two Art. 9
    findings (lines 4 and 6) for one textarea the page shows once. _split_branches splits any control given a
    different name *or id* in two branches, though only the name says which field it is."""
    got = _controls(tmp_path, db, _ONE_BOX_TWO_IDS, "box.js")
    assert len(got) == 1, got


_HELPER_IN_LABEL = """function notesBox(name) {
    const label = document.createElement('label');
    label.textContent = 'Medical history notes';
    const area = document.createElement('textarea');
    area.name = name;
    label.appendChild(area);
    return label;
}
const form = document.getElementById('intake');
form.append(notesBox('history_notes'));
"""


def test_a_helpers_own_control_put_in_its_label_is_not_written(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A helper that makes a textarea from its parameter and puts it in a label ("Medical history notes"), called once.
    The user sees a nameless health textarea at line 4 (inside the helper, which the page never shows as such) and
    the real one, ``history_notes`` at line 10, no longer classified (before: health, labelled). _write's label branch
    writes every control inside a label (dombuild.py:514-520) before the check that skips a helper's own control
    (``made_inside``, line 523)."""
    got = _controls(tmp_path, db, _HELPER_IN_LABEL, "notes.js")
    assert [(line, name, category) for line, name, _, category in got] == [(10, "history_notes", "health")], got


_CAPTION_IN_LABEL = """const form = document.createElement('form');
const wrap = document.createElement('label');
wrap.className = 'field';
const caption = document.createElement('span');
caption.textContent = 'Current diagnosis';
wrap.appendChild(caption);
const input = document.createElement('input');
input.type = 'text';
input.name = 'dx';
wrap.appendChild(input);
form.appendChild(wrap);
document.body.appendChild(form);
"""


def test_a_control_in_a_label_whose_text_is_a_caption_span_keeps_its_label(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """``<label><span>Current diagnosis</span><input name="dx"></label>`` built through the DOM: the user no longer sees
    the diagnosis box (line 7) as health; before the change it was, labelled "Current diagnosis". A control put inside a
    label is now written inside it with the label's own text only (dombuild._write, line 520): the caption span's
    text, written where the span is made, is outside the (empty) label that now holds the control."""
    got = _controls(tmp_path, db, _CAPTION_IN_LABEL, "form.js")
    assert got == [(7, "dx", "Current diagnosis", "health")], got


# -- 7. signatures/fields/health.toml: the session's words, tried on every field in every language ---------------------


@pytest.mark.parametrize(
    ("label", "options", "why"),
    [
        ("Class", ("Wheel throwing", "Raku firing", "Glazing"), "Polish 'raku' (cancer, locative) is raku pottery"),
        ("Loueur actuel", ("ALD Automotive", "Arval", "LeasePlan"), "French 'ald' is ALD Automotive, a car lessor"),
        ("Tjänst", ("Klippning", "Raka huvudet", "Skäggtrimning"), "Polish 'raka' is Swedish 'to shave'"),
        ("Plato", ("Tacos de carnitas", "Frijoles borrachos", "Pollo borracho"), "Spanish 'borracho' names dishes"),
    ],
)
def test_a_session_48_word_does_not_make_an_everyday_choice_health(tmp_path: Path, db: signatures.SignatureDB, label, options, why) -> None:
    """A pottery studio's class select (Raku firing), a fleet site's current lessor (ALD Automotive), a Swedish
    barber's service (Raka huvudet: shave the head), a Mexican restaurant's order (Frijoles borrachos, Pollo
    borracho): the user sees each select reported as an Art. 9 health field. The words added as strong (every
    language's terms are tried on every field, health.toml's own note) are common words elsewhere; before the change
    none of these was health."""
    page = (
        f'<form><label for="f">{label}</label><select id="f" name="choice">'
        + "".join(f"<option>{o}</option>" for o in options)
        + "</select></form>\n"
    )
    got = _controls(tmp_path, db, page, "order.html")
    assert [category for *_, category in got] != ["health"], (why, got)


# -- 8. fieldlists._choice_lines: a group's box lines -----------------------------------------------------------------

_COMMENTED_CHOICES = """const questionnaire = [
  {
    question: 'Do you have allergies to any of these?',
    type: 'checkbox',
    answers: [
      // foods first
      { title: 'Food' },
      { title: 'Pollen' },
      // TODO: add 'Dust'
    ],
  },
  { question: 'Do you smoke?', type: 'radio', answers: [{ title: 'Yes' }, { title: 'No' }] },
];
"""


def test_a_comment_among_a_questions_choices_is_no_box_line(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """The allergy question's two boxes stand on lines 7 and 8; the JSON and SARIF reports give its box_lines as
    6, 7, 8, 9: the comments ("// foods first", "// TODO") are counted as choices. _choice_lines (fieldlists.py:858)
    takes every named child of the choices' array, and tree-sitter's comments are named children."""
    controls = every_control(tmp_path, _COMMENTED_CHOICES, db, "questionnaire.js")
    assert (controls[0].line, controls[0].box_lines) == (2, (7, 8)), (controls[0].line, controls[0].box_lines)


# -- 9. engine.py `markup = not built`: TypeScript's DOM calls --------------------------------------------------------

_TS_DOM = """export function medicationBox(): HTMLElement {
    const box = document.createElement('input') as HTMLInputElement;
    box.name = 'medication';
    box.placeholder = 'Current medication';
    return box;
}
"""


def test_a_typescript_control_made_with_a_type_assertion_is_read(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """TypeScript files are now read for the forms their DOM calls build (commit 909e924c), but the way TypeScript
    writes such a call, ``document.createElement('input') as HTMLInputElement`` (or ``<HTMLInputElement>…``), gives no
    control: the user sees nothing for the medication box. dombuild._Reader._held_in (dombuild.py:343) looks for the
    creation's variable one parenthesis up only; an ``as_expression`` (or ``type_assertion``, ``non_null_expression``)
    between them hides it."""
    got = _controls(tmp_path, db, _TS_DOM, "medication.ts")
    assert [(line, name, category) for line, name, _, category in got] == [(2, "medication", "health")], got


# -- 10. dombuild._split_branches: the element bound ------------------------------------------------------------------


def test_a_control_named_in_thousands_of_branches_stays_within_the_element_bound(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """A generated script that makes one input and names it in 20,000 ``if`` blocks (1.2 MB) gives 20,000 controls;
    at 50,000 blocks (3.2 MB) 50,000 controls in 15.7 s (12,500: 4.5 s; the code before the change: one control,
    3.6 s). dombuild bounds its work at _MAX_ELEMENTS (5,000) elements made, but _split_branches makes a control per
    branch after that bound, without any."""
    from analyzer.facts import dombuild

    lines = ["function make(kind) {", "  const el = document.createElement('input');"]
    lines += [f"  if (kind === 'f{i}') {{ el.setAttribute('name', 'f{i}'); }}" for i in range(20_000)]
    lines.append("  return el;\n}\n")
    got = every_control(tmp_path, "\n".join(lines), db, "generated.js")
    assert len(got) <= dombuild._MAX_ELEMENTS, len(got)


# -- 11. eval/forms/score.py _same_question ---------------------------------------------------------------------------


def test_a_repeated_follow_up_question_does_not_take_another_records_field() -> None:
    """A questionnaire asks "¿Cuál?" after several yes/no questions; the tool reads one of them (line 10, unnamed),
    the records name two (lines 10 and 14, by the renderer's name). The score counts both as found: _same_question
    (score.py:486) looks 8 lines above for the same words and takes the field at line 10, another record's own line,
    which every other rule of _match leaves to that record (session 33: ``others``)."""
    import importlib.util
    from types import SimpleNamespace as Site

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("eval_forms_score_review48", ROOT / "eval" / "forms" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    cual = Site(name="", texts={"question": "¿Cuál?"})
    found = {10: [cual]}
    first = {"line": 10, "name": "pregunta3", "id": "", "path": "src/data/preguntas.js", "question": "¿Cuál?"}
    second = dict(first, line=14, name="pregunta5")
    assert score._match(first, found, (10, 14)) is cual
    assert score._match(second, found, (10, 14)) is None


_NESTED_IN_BRANCH = """function field(kind, lang) {
    const el = document.createElement('input');
    switch (kind) {
        case 'name':
            el.name = 'q1';
            if (lang === 'ru') el.placeholder = 'ФИО';
            else el.placeholder = 'Full name';
            break;
        case 'illnesses':
            el.name = 'q2';
            if (lang === 'ru') el.placeholder = 'Перенесенные заболевания';
            else el.placeholder = 'Past illnesses';
            break;
    }
    return el;
}
"""


def test_an_attribute_given_in_an_if_inside_a_named_branch_stays_with_its_control(tmp_path: Path, db: signatures.SignatureDB) -> None:
    """Each case names the input and words its placeholder per language (an ``if`` inside the case). The user no longer
    sees the past-illnesses box as health (before: health, at line 2): split per case, each control keeps only the
    attributes its case gives directly and those given outside any branch. _branch gives the placeholder to the
    innermost branch (the inner ``if``/``else``), which names nothing, so _split_branches drops it."""
    got = {name: (line, category) for line, name, _, category in _controls(tmp_path, db, _NESTED_IN_BRANCH, "field.js")}
    assert got.get("q2", (0, "-"))[1] == "health", got
