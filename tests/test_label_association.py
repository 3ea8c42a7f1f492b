"""What a person reads as a control's label where the markup does not tie it (docs/fields.md, the ``label`` row
of "What the classifier reads"): a ``<label for=…>`` that names the control's ``name`` because its id was
forgotten, and a small heading that stands right before a control in a block of its own (``<div class="form-group"><h4>Alergias</h4>``).
Checked in three template dialects (Jinja, Blade, ERB) and two component frameworks (JSX, Vue); look-alikes
(a heading above several controls, a page title, a label whose for= is another control's id, two controls
sharing the name) must keep their own reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc
from tests.conftest import INTAKE_DIALECTS, finishes_within, page_fields, scan_text

_DIALECTS = INTAKE_DIALECTS

# The label follows the control and names its name: the id was never written.
_FOR_NAME = '<div><input type="text" name="feld3" /><label for="feld3">Bekannte Allergien</label></div>'
# Two labels name one control: a browser reads both, the section's word and the field's own.
_TWO_LABELS = (
    '<div><label for="m7"><b>DATOS</b></label></div>'
    '<div><label for="m7">Alergias conocidas</label><input type="text" id="m7" name="m7" /></div>'
)
# A small heading is the only text before the one control of its block.
_OWN_HEADING = '<div class="form-group"><h4>Alergias conocidas</h4><input type="text" name="campo7" /></div>'


def _scan(tmp_path: Path, db, name: str, form: str) -> dict[str, str]:
    found = scan_text(tmp_path, _DIALECTS[name].replace("@@", form), db, name).fields
    return {s.name: s.classification.category for s in found}


def _labels(db, html: str) -> dict[str, str]:
    page = htmldoc.parse(html)
    return {c.texts.get("name", ""): c.texts.get("label", "") for c in fieldfacts._controls(page, page.root, False, db.field_context)}


@pytest.mark.parametrize("name", sorted(_DIALECTS))
def test_a_label_for_the_controls_name_labels_it(tmp_path, db, name) -> None:
    assert _scan(tmp_path, db, name, _FOR_NAME).get("feld3") == "health"


@pytest.mark.parametrize("name", sorted(_DIALECTS))
def test_a_small_heading_before_a_lone_control_labels_it(tmp_path, db, name) -> None:
    assert _scan(tmp_path, db, name, _OWN_HEADING).get("campo7") == "health"


def test_a_label_for_a_name_needs_one_control_of_that_name_and_no_such_id(db) -> None:
    assert _labels(db, f"<form>{_FOR_NAME}</form>")["feld3"] == "Bekannte Allergien"
    # Another control's id: the label is that control's.
    taken = '<form><input id="b" name="x" /><textarea name="b"></textarea><label for="b">Beschwerden</label></form>'
    assert _labels(db, taken) == {"x": "Beschwerden", "b": ""}
    # Two controls share the name: whose it is cannot be told.
    shared = '<form><input name="b" /><input name="b" /><label for="b">Beschwerden</label></form>'
    assert set(_labels(db, shared).values()) == {""}


def test_a_small_heading_labels_the_one_control_of_its_section(db) -> None:
    nested = '<form><h4>Alergias conocidas</h4><div class="col-12"><div class="mb-3"><textarea name="campo8"></textarea></div></div></form>'
    assert _labels(db, nested) == {"campo8": "Alergias conocidas"}
    # The next heading ends the section: each of two headed blocks labels its own control.
    two = "<form><h5>Alergias</h5><div><input name='x1' /></div><h5>Medicación actual</h5><div><input name='x2' /></div></form>"
    assert _labels(db, two) == {"x1": "Alergias", "x2": "Medicación actual"}


def test_a_heading_above_a_section_or_a_page_labels_nothing(db) -> None:
    # A heading above several controls heads their section.
    section = '<div><h4>Datos personales</h4><input name="a" /><input name="b" /></div>'
    assert _labels(db, section) == {"a": "", "b": ""}
    # A page's or a form's title is not its first field's label.
    title = '<form><h2>Contact us</h2><input name="q" /></form>'
    assert _labels(db, title) == {"q": ""}
    block = '<div class="form-group"><h2>Historia clínica del paciente</h2><input name="q" /></div>'
    assert _labels(db, block) == {"q": ""}
    # A heading with a control's block between it and the control is not read past that block.
    after = '<div><h4>Alergias</h4><div><input name="a1" /></div><input name="a2" /></div>'
    assert _labels(db, after)["a2"] == ""


# A prompt written as the box's value before HTML5 had placeholders, cleared when the visitor enters the box.
_PROMPT_VALUE = (
    '<div><input type="text" name="feld5" value="Ihre Allergien" '
    "onfocus=\"if(this.value=='Ihre Allergien') this.value=''\" onblur=\"if(this.value=='') this.value='Ihre Allergien'\" /></div>"
)


@pytest.mark.parametrize("name", ["intake.blade.php", "intake.html.erb", "intake.html.j2"])  # a server page's idiom
def test_a_value_cleared_on_focus_is_the_boxs_prompt(tmp_path, db, name) -> None:
    assert _scan(tmp_path, db, name, _PROMPT_VALUE).get("feld5") == "health"


def test_a_value_that_is_not_cleared_is_data_not_a_prompt(db) -> None:
    page = htmldoc.parse(f"<form>{_PROMPT_VALUE}</form>")
    assert [c.texts.get("placeholder") for c in fieldfacts._controls(page, page.root, False, db.field_context)] == ["Ihre Allergien"]
    # A prefilled value (what the visitor entered last time) is the visitor's answer, not the box's prompt.
    prefilled = '<form><input type="text" name="feld6" value="Heuschnupfen" onchange="save(this.value)" /></form>'
    page = htmldoc.parse(prefilled)
    assert "placeholder" not in fieldfacts._controls(page, page.root, False, db.field_context)[0].texts


# Materialize's layout, its for= copied from the first field: the block's one label is its one control's.
_COPIED_FOR = (
    '<div class="input-field"><input type="text" id="nombre" name="nombre" /><label for="nombre">Nombre</label></div>'
    '<div class="input-field"><input type="text" id="campo2" name="campo2" /><label for="nombre">Alergias conocidas</label></div>'
)
# A hidden id between a label and the visible box of an autocomplete.
_HIDDEN_BETWEEN = '<div><label>Alergias conocidas</label><input type="hidden" name="alergia_id" /><input type="text" name="campo3" /></div>'


@pytest.mark.parametrize("name", sorted(_DIALECTS))
def test_a_blocks_one_label_labels_its_one_control(tmp_path, db, name) -> None:
    sites = _scan(tmp_path, db, name, _COPIED_FOR + _HIDDEN_BETWEEN)
    assert sites.get("campo2") == "health" and sites.get("campo3") == "health", sites


def test_a_block_label_needs_one_control_and_one_label(db) -> None:
    labels = _labels(db, f"<form>{_COPIED_FOR}{_HIDDEN_BETWEEN}</form>")
    assert labels["nombre"] == "Nombre" and labels["campo2"] == "Alergias conocidas" and labels["campo3"] == "Alergias conocidas"
    two_controls = '<form><div><input name="a" /><input name="b" /><label for="x">Alergias</label></div></form>'
    assert set(_labels(db, two_controls).values()) == {""}
    two_labels = '<form><div><label for="x">Alergias</label><input name="c" /><label for="y">Notas</label></div></form>'
    assert _labels(db, two_labels)["c"] != "Notas"


_RAZOR = """@model IntakeModel
<form method="post">
  <div class="form-floating"><input asp-for="Input.Email" class="form-control" /><label asp-for="Input.Email"></label></div>
  <div><label asp-for="Patient.KnownAllergies"></label><input asp-for="Patient.KnownAllergies" /></div>
  <div><label asp-for="Patient.Field7">Diagnose</label><input asp-for="Patient.Field7" /></div>
</form>
"""


def test_an_empty_asp_net_label_prints_its_propertys_name(tmp_path, db) -> None:
    sites = {s.name: s for s in scan_text(tmp_path, _RAZOR, db, "Intake.cshtml").fields}
    assert sites["KnownAllergies"].classification.category == "health", sites
    assert sites["KnownAllergies"].texts.get("label") == "Known Allergies"  # the property name, as words
    # A label's own text is what it prints ([Display] or written out), and ties it to its control.
    assert sites["Field7"].texts.get("label") == "Diagnose" and sites["Field7"].classification.category == "health"
    assert sites["Email"].classification.category == "contact"


def test_text_before_a_line_break_and_around_an_empty_label_is_read(db) -> None:
    # "Övriga upplysningar<br><textarea>": the line's text, a <br> between.
    broken = "<form><p>Övriga upplysningar (diet, allergier)<br><textarea name='ovr'></textarea></p></form>"
    assert _labels(db, broken) == {"ovr": "Övriga upplysningar (diet, allergier)"}
    # A textless <label> around the box gives nothing: the cell to the left names it, a spacer cell between.
    cells = "<td><strong>Allergien</strong></td><td>&nbsp;</td><td><label><input name='al' /></label></td>"
    table = f"<form><table><tr>{cells}</tr></table></form>"
    assert _labels(db, table) == {"al": "Allergien"}
    # A label with a text of its own around the box is its label; the cell to the left is not read past it.
    own = "<form><table><tr><td>Allergien</td><td><label>Name <input name='n' /></label></td></tr></table></form>"
    assert _labels(db, own) == {"n": "Name"}


def test_a_checkboxs_label_copied_from_an_example_is_its_own(db) -> None:
    page = htmldoc.parse(
        '<form><div class="form-check"><input type="checkbox" id="epi" name="epi" />'
        '<label class="form-check-label" for="exampleCheck1">Epilepsie</label></div>'
        '<div class="form-check"><input type="checkbox" id="a" name="a" /><label for="b">Asthma</label>'
        '<input type="checkbox" id="b" name="b" /></div></form>'
    )
    texts = {c.texts["name"]: c.texts for c in fieldfacts._controls(page, page.root, False, db.field_context)}
    assert texts["epi"]["options"] == "Epilepsie", texts
    # A label that names another box on the page is that box's.
    assert texts["a"].get("options", "") != "Asthma", texts


def test_a_label_right_before_a_text_control_is_not_the_box_before_it(db) -> None:
    # A box with no caption of its own (a form helper's stand-in for a group of radios), then the next field's
    # <label> and its textarea: the label is the textarea's. A caption followed by the next box is still its box's.
    page = htmldoc.parse(
        "<form><input type=radio name=religion>\n<label>Any allergies?</label><textarea name=allergies></textarea>"
        "<input type=radio name=smoker value=1><label>Smoker</label><input type=radio name=smoker value=0><label>No</label>"
        "</form>"
    )
    texts = [c.texts for c in fieldfacts._controls(page, page.root, False, db.field_context)]
    assert "Any allergies?" not in texts[0].get("options", ""), texts[0]
    assert [t.get("options") for t in texts if t.get("name") == "smoker"] == ["Smoker / No"], texts  # one group


def test_controls_sharing_a_cell_share_its_rows_label(db) -> None:
    table = (
        "<form><table><tr><th>Straat + nr</th><td><input name='straat'> <input name='nr'></td></tr>"
        "<tr><th>Allergieën</th><td><input type='checkbox' name='heeft'> <input name='welke'></td></tr>"
        "<tr><td><input name='a'></td><td><input name='b'> <input name='c'></td></tr></table></form>"
    )
    labels = _labels(db, table)
    assert labels["nr"] == "Straat + nr" and labels["welke"] == "Allergieën", labels
    # The cell to the left holds a control: it is no row label, and nothing is read.
    assert labels["b"] == "" and labels["c"] == "", labels
    # Outside a table, a control after another one is not given anything.
    assert _labels(db, "<form><div><input name='p'> <input name='q'></div></form>") == {"p": "", "q": ""}


def test_a_choices_text_under_its_box_is_read(db) -> None:
    page = htmldoc.parse(
        '<form><p>Rauchen Sie?</p><div class="row"><div class="col"><input type="radio" name="rauch" value="1"><br>Täglich</div>'
        '<div class="col"><input type="radio" name="rauch" value="2"><br>Nie</div></div></form>'
    )
    texts = fieldfacts._controls(page, page.root, False, db.field_context)[0].texts
    assert texts["options"] == "Täglich / Nie", texts


def test_an_inline_forms_text_before_a_box_is_its_question(db) -> None:
    html = (
        "<form>Region:<select name='r'><option>a</option></select><br>Stosuje Pan/Pani leki na nadciśnienie:"
        "<input type='checkbox' name='leki'><br>Płeć:<input type='radio' name='plec' value='k'> K</form>"
    )
    page = htmldoc.parse(html)
    texts = {c.texts["name"]: c.texts for c in fieldfacts._controls(page, page.root, False, db.field_context)}
    assert texts["leki"].get("question") == "Stosuje Pan/Pani leki na nadciśnienie:", texts
    # The next line is not the box's own text, and a choice's trailing text is not the next box's question.
    assert "options" not in texts["leki"], texts
    after_choice = "<form><input type=radio name=a> Tak <input type=radio name=a> Nie<br><input type=checkbox name=b></form>"
    page = htmldoc.parse(after_choice)
    assert "question" not in fieldfacts._controls(page, page.root, False, db.field_context)[1].texts


@pytest.mark.parametrize("name", sorted(_DIALECTS))
def test_a_control_with_two_labels_reads_both(tmp_path, db, name) -> None:
    assert _scan(tmp_path, db, name, _TWO_LABELS).get("m7") == "health"


def test_only_the_labels_beside_a_control_are_its_own(db) -> None:
    assert _labels(db, f"<form>{_TWO_LABELS}</form>") == {"m7": "DATOS Alergias conocidas"}
    # A for= copied onto the next fields' labels: each of those labels has another control between it and this
    # one, and is that control's.
    copied = (
        '<form><label for="full-name">Nome e cognome</label><input id="full-name" name="full-name" />'
        '<label for="full-name">Luogo di nascita</label><input id="birth-place" name="birth-place" /></form>'
    )
    assert _labels(db, copied)["full-name"] == "Nome e cognome"
    # Two controls share the id: the k-th reads the k-th label, as before.
    twice = '<form><label for="h">Altezza</label><input id="h" name="a" /><label for="h">Peso</label><input id="h" name="b" /></form>'
    assert _labels(db, twice) == {"a": "Altezza", "b": "Peso"}


def test_a_blocks_controls_are_counted_once_for_the_page(db) -> None:
    # A block (or a wrapper with a label) whose many controls follow a long text: each control asks whether it is
    # the block's only one, and the block is walked once for all of them, not once per control (10,000 boxes
    # after 100,000 paragraphs took seven seconds so).
    pages = (
        "<form><div>" + "<p>x</p>" * 100_000 + '<input type="text" name="a">' * 10_000 + "</div></form>",
        "<form><div label='Allergies'>" + "<p>x</p>" * 100_000 + '<input type="radio" name="r">' * 3_000 + "</div></form>",
    )
    with finishes_within(5, "reading the block's labels"):
        for html in pages:
            page = htmldoc.parse(html)
            assert fieldfacts.extract(page, db.fields, db.consent_words, "p.html", db.field_context) is not None


def _texts(db, html: str) -> list[dict[str, str]]:
    page = htmldoc.parse(html)
    return [c.texts for c in fieldfacts._controls(page, page.root, False, db.field_context)]


# A school enrolment asks its religion question as loose lines broken by <br>, above the block of choices.
_LOOSE_LINES = (
    '<form><div class="col"><span>SCELTE</span><div><br>ESERCIZIO DEL DIRITTO DI SCEGLIERE SE <br>AVVALERSI O NON AVVALERSI'
    '<br>DELL’INSEGNAMENTO DELLA RELIGIONE CATTOLICA <img src="i.svg">'
    '<div id="lbl"><div><input type="radio" name="ckrel" value="1">&nbsp;mi avvalgo</div>'
    '<div><input type="radio" name="ckrel" value="-1">&nbsp;non mi avvalgo</div></div></div></div></form>'
)


def test_loose_lines_before_a_groups_block_are_its_question(db) -> None:
    (texts,) = _texts(db, _LOOSE_LINES)
    assert texts["question"] == (
        "ESERCIZIO DEL DIRITTO DI SCEGLIERE SE AVVALERSI O NON AVVALERSI DELL’INSEGNAMENTO DELLA RELIGIONE CATTOLICA"
    ), texts
    assert page_fields(db, _LOOSE_LINES) == {"ckrel": "religion"}
    # The text after another control is that control's own: it asks nothing of the group after it.
    after_box = (
        '<form><div><input type="checkbox" name="news"></div> Yes, send me the religious newsletter'
        '<div><div><input type="radio" name="g" value="1"> A</div><div><input type="radio" name="g" value="2"> B</div></div></form>'
    )
    assert "question" not in _texts(db, after_box)[1], _texts(db, after_box)


# A dental anamnesis copies name="gender" (and its values) to every yes/no question.
_COPIED = (
    "<form><label>Usa fio dental?</label><p><input type=radio name=gender value=M> Sim <input type=radio name=gender value=F> Não</p>"
    "<input type=text placeholder='Se sim, quantas vezes por dia?'>"
    "<label>Está usando medicação?</label><p><input type=radio name=gender value=M> Sim <input type=radio name=gender value=F> Não"
    " <input type=radio name=gender value=F> Não sei</p>"
    "<label>Possui diabetes?</label><p><input type=radio name=gender value=M> Sim <input type=radio name=gender value=F> Não</p></form>"
)


def test_a_name_copied_to_every_question_is_one_group_per_question(db) -> None:
    groups = [(t["question"], t["choices"]) for t in _texts(db, _COPIED) if t.get("name") == "gender"]
    assert groups == [
        ("Usa fio dental?", "Sim / Não"),
        ("Está usando medicação?", "Sim / Não / Não sei"),
        ("Possui diabetes?", "Sim / Não"),
    ]
    # One question's choices stay one group: a details box between them, or a lone choice after another control.
    one = (
        "<form><label>Fumas?</label><input type=radio name=f value=s> Sí <input type=text name=cuanto>"
        " <input type=radio name=f value=n> No</form>"
    )
    assert [t.get("choices") for t in _texts(db, one) if t.get("name") == "f"] == ["Sí / No"]


def test_a_question_copied_with_its_ids_is_one_group_per_question(db) -> None:
    # No values, and a details box between the choices of some questions: the ids coming again start each question
    # (a Portuguese anamnesis: every question's radios are name="deweb" id="sim" / id="nao").
    def question(text: str, details: bool) -> str:
        box = "<label>Qual?</label><input type=text name=qual id=qual>" if details else ""
        return (
            f"<div><p><label>{text}</label><label><input type=radio name=deweb id=sim><b>SIM</b></label>{box}"
            "<label><input type=radio name=deweb id=nao><b>NÃO</b></label></p></div>"
        )

    # Before the first copy, the same name's sex question with ids of its own: it ends where the copies' ids start.
    sex = (
        "<div><label>Sexo:</label><label><input type=radio name=deweb id=masculino><b>Masculino</b></label>"
        "<label><input type=radio name=deweb id=feminino><b>Feminino</b></label></div>"
    )
    html = "<form>" + sex + question("Está tomando algum medicamento?", True) + question("Diabetes?", False)
    html += question("Hepatite?", False) + question("Sofre algum tipo de alergia?", True) + "</form>"
    groups = [(t["question"], t["choices"]) for t in _texts(db, html) if t.get("name") == "deweb"]
    assert groups == [
        ("Sexo:", "Masculino / Feminino"),
        ("Está tomando algum medicamento?", "SIM / NÃO"),
        ("Diabetes?", "SIM / NÃO"),
        ("Hepatite?", "SIM / NÃO"),
        ("Sofre algum tipo de alergia?", "SIM / NÃO"),
    ]
    # Ids that never come again leave one group as it was: a scale whose boxes are all named and id'd apart.
    scale = "<form><p>How often do you smoke?</p>" + "".join(
        f"<input type=radio name=smoke id=s{i}><label for=s{i}>{t}</label>" for i, t in enumerate(["Never", "Sometimes", "Often"])
    )
    assert [t.get("choices") for t in _texts(db, scale + "</form>") if t.get("name") == "smoke"] == ["Never / Sometimes / Often"]


def test_a_copied_id_labels_each_control_by_the_label_right_before_it(db) -> None:
    # Every field of a parish form is id="textfield" and every label for="textfield", but some ids were left empty:
    # counting labels and controls in order misreads them; the label right before each control is its.
    html = (
        "<form>"
        '<label for="textfield">Address:</label><input name="address" id="textfield">'
        '<label for="textfield">Date of Baptism:</label><input type="date" name="baptism" id="">'
        '<label for="textfield">Parish:</label><input name="parish" id="textfield">'
        '<label for="textfield">Mobile:</label><input name="mobile" id="textfield">'
        "</form>"
    )
    labels = _labels(db, html)
    assert labels["address"] == "Address:" and labels["parish"] == "Parish:" and labels["mobile"] == "Mobile:", labels


def test_a_label_wrapping_a_select_is_read_without_its_choices(tmp_path: Path, db) -> None:
    # <label>Matchningsmetod: <select>…</select></label>: the label's own words; the choices stay the options.
    page = (
        "<form><label>Matchningsmetod: <select name=method><option>Hybrid</option><option>City-block</option>"
        "<option>Euclidean</option></select></label>"
        "<label>Religion <select name=faith><option>Katolsk</option><option>Muslim</option></select> (valfritt)</label></form>"
    )
    sites = {s.name: s for s in scan_text(tmp_path, page, db, "p.html").fields}
    assert sites["faith"].texts["label"] == "Religion (valfritt)", sites["faith"].texts
    assert sites["faith"].texts["options"] == "Katolsk Muslim"
    assert "method" not in sites  # a setting named by one word: nothing to report


def test_a_radio_group_under_an_empty_legend_takes_the_question_above(tmp_path: Path, db) -> None:
    # A component's radio group written as a fieldset whose legend it left empty: the label above asks its question;
    # a fieldset whose legend says something keeps that legend as its question, not the text above.
    page = (
        '<form><div><label class="question-label">Votre enfant suit-il une psychothérapie ?</label>'
        '<fieldset><legend></legend><label><input type="radio" name="p2">Oui</label>'
        '<label><input type="radio" name="p2">Non</label></fieldset></div>'
        '<div><label class="question-label">Vos allergies</label>'
        '<fieldset><legend>Préférez-vous être rappelé le matin ?</legend><label><input type="radio" name="r">Oui</label>'
        '<label><input type="radio" name="r">Non</label></fieldset></div></form>'
    )
    sites = {s.name: s for s in scan_text(tmp_path, page, db, "q.html").fields}
    assert sites["p2"].texts["question"] == "Votre enfant suit-il une psychothérapie ?", sites["p2"].texts
    assert sites["p2"].classification.category == "health"
    assert "r" not in sites  # its legend asks it: the allergies label above is another block's
