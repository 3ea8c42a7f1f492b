"""Answer buttons (analyzer/facts/answer_buttons.py): plain buttons that answer a question by a click handler handed the
answer, read as a radio group. Found on the retired twenty-sixth held-out set's PAR-Q (a gym's health questionnaire,
"setAnswer(2, 'sim')" beside a hidden input) and the development set's chips ("selectChip(this, 'Ont i ryggen')") and an
Angular stepper ("selectedTreatment('akupunktur')"). Look-alikes: tabs, a language switch, a dialog, links, a lone
button, one value twice."""

from __future__ import annotations

import pytest

from tests.conftest import controls_by_name

PARQ = """<form method="post">
<div class="question-card" data-step="2">
  <h4>2. Você sente dores no peito quando pratica atividade física?</h4>
  <button type="button" class="btn btn-answer" onclick="setAnswer(2, 'sim')">SIM</button>
  <button type="button" class="btn btn-answer" onclick="setAnswer(2, 'nao')">NÃO</button>
  <input type="hidden" name="q2" id="q2">
</div>
</form>
"""


def test_a_row_of_buttons_beside_a_hidden_input_is_a_radio_group_named_by_it(tmp_path, db) -> None:
    got = controls_by_name(tmp_path, PARQ, db, "parq_form.html")
    assert got["q2"].classification.category == "health"
    assert got["q2"].line == 4
    assert "SIM" in got["q2"].texts.get("options", "") and "dores no peito" in got["q2"].texts.get("question", "")


def test_chips_answer_a_heading_named_by_their_handler(tmp_path, db) -> None:
    html = """<div class="bubble">
  <h2>Var har du ont?</h2>
  <div class="chips">
    <button class="chip" onclick="selectChip(this,'Ont i ryggen')">Ont i ryggen</button>
    <button class="chip" onclick="selectChip(this,'Ont i nacken')">Ont i nacken</button>
    <button class="chip" onclick="selectChip(this,'Annat besvär')">Annat</button>
  </div>
</div>
<form><textarea name="msg"></textarea></form>
"""
    got = controls_by_name(tmp_path, html, db, "index.html")
    assert got["chip"].classification.category == "health"


@pytest.mark.parametrize(
    "name,page",
    [
        (
            "booking.component.html",
            '<mat-step label="Vælg behandling"><div class="step"><button (click)="selectedTreatment(\'fysioterapi\')">Fysioterapi'
            '</button></div>\n<div class="step"><button (click)="selectedTreatment(\'akupunktur\')">Akupunktur</button></div></mat-step>',
        ),
        (
            "Booking.vue",
            "<template><div><h3>Vælg behandling</h3><ul><li><button @click=\"selectTreatment('fysioterapi')\">Fysioterapi</button></li>"
            "\n<li><button @click=\"selectTreatment('akupunktur')\">Akupunktur</button></li></ul></div></template>",
        ),
    ],
)
def test_buttons_in_wrappers_of_a_template_are_one_choice(tmp_path, db, name: str, page: str) -> None:
    got = controls_by_name(tmp_path, page, db, name)
    assert got["treatment"].classification.category == "health", got
    assert got["treatment"].line == 1


@pytest.mark.parametrize(
    "buttons",
    [
        "<button onclick=\"showTab('symptoms')\">Symptoms</button><button onclick=\"showTab('diagnosis')\">Diagnosis</button>",
        "<button onclick=\"setLang('en')\">English</button><button onclick=\"setLang('de')\">Deutsch</button>",
        "<button onclick=\"openModal('depression')\">Depression</button><button onclick=\"openModal('anxiety')\">Anxiety</button>",
        "<button onclick=\"go('#depression')\">Depression</button><button onclick=\"go('#anxiety')\">Anxiety</button>",
        "<button onclick=\"pick('depression')\">Depression</button>",
        "<button onclick=\"pick('depression')\">Depression</button><button onclick=\"pick('depression')\">More on depression</button>",
    ],
)
def test_navigation_and_lone_buttons_are_no_answer(tmp_path, db, buttons: str) -> None:
    form = "<form><input name='email' type='email'></form>"
    html = f"<h1>Mental health clinic</h1><div><h2>Which condition?</h2><div>{buttons}</div></div>{form}"
    got = controls_by_name(tmp_path, html, db, "page.html")
    assert set(got) == {"email"}, got
