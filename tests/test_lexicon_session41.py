"""The forty-first session's words and rules, from development batch D41: a church wedding and the laying on of hands
are religion; a free-text word inside a label that asks who the person is does not make it a free-text box."""

from __future__ import annotations

import pytest

from tests.conftest import page_fields

_MEMBER = """<html><head><title>Registro de miembros</title></head><body><h1>Registro de miembros de la iglesia</h1><form>
<label for="fb">Fecha boda eclesiástica</label><input type="date" id="fb" name="fb">
<label for="im">Bajo imposición de manos de:</label><input id="im" name="im">
<label for="ac">Apellido de Casada (Nota: Sólo si se desea que aparezca con Apellido de Casada.)</label><input id="ac" name="ac">
<label for="no">Notas</label><textarea id="no" name="no"></textarea>
</form></body></html>"""


def test_a_church_wedding_and_the_laying_on_of_hands_are_religion(db) -> None:
    found = page_fields(db, _MEMBER)
    assert found.get("fb") == "religion" and found.get("im") == "religion", found


def test_a_surname_with_a_note_in_its_label_takes_no_topic_and_a_notes_box_does(db) -> None:
    found = page_fields(db, _MEMBER)
    assert found.get("ac") in (None, "none"), found
    assert found.get("no") == "religion", found


@pytest.mark.parametrize("label", ["Fecha boda civil", "Lugar de la boda", "Matrimonio civil"])
def test_a_civil_wedding_is_no_religion(db, label: str) -> None:
    html = f'<form><label for="w">{label}</label><input id="w" name="w"></form>'
    assert page_fields(db, html).get("w") in (None, "none")


def test_a_surname_with_a_note_in_a_later_section_of_the_form_takes_no_topic(db) -> None:
    # A later section's heading makes its unclassified controls read again with the form's topic (classify's own
    # free-text reading, not takes_topic): the surname with a note in its label stays a surname there too.
    html = _MEMBER.replace('<label for="ac">', '<h3>Datos del matrimonio</h3><label for="ac">')
    found = page_fields(db, html)
    assert found.get("ac") in (None, "none"), found
    assert found.get("no") == "religion", found


@pytest.mark.parametrize(
    "label", ["Funkcje poznawcze (0-10):", "Cognitive function", "Fonctions cognitives", "Deterioro cognitivo", "Когнитивные функции"]
)
def test_cognitive_function_is_health(db, label: str) -> None:
    html = f'<form><label for="c">{label}</label><select id="c" name="c"><option>0</option><option>10</option></select></form>'
    assert page_fields(db, html).get("c") == "health"


def test_a_church_forms_ministries_take_its_religion_topic_and_a_ministry_of_health_does_not(db) -> None:
    church = """<html><head><title>Registro de miembros - Iglesia Ebenezer</title></head><body><h1>Registro de miembros</h1><form>
<label for="b">Bautizado</label><input type="checkbox" id="b" name="bautizado">
<label for="m">Ministerios</label><select id="m" name="ministerios[]"><option>Alabanza</option><option>Jóvenes</option></select>
</form></body></html>"""
    assert page_fields(db, church).get("ministerios[]") == "religion"
    office = """<html><head><title>Trámites</title></head><body><h1>Solicitud</h1><form>
<label for="m">Ministerios</label><select id="m" name="ministerios[]"><option>Salud</option><option>Educación</option></select>
</form></body></html>"""
    assert page_fields(db, office).get("ministerios[]") in (None, "none")


@pytest.mark.parametrize(
    ("label", "options"),
    [
        ("Smoking (Optional)", ["Never", "Occasionally", "Regularly"]),
        ("Drink", ["No", "Sometimes", "Yes"]),
        ("Bebida", ["Frecuentemente", "Socialmente", "Raramente", "Nunca"]),
        ("Stosunek do alkoholu:", ["W ogóle", "Okazjonalnie", "Często"]),
        ("Rauchen Sie?", ["Nie", "Gelegentlich", "Täglich"]),
    ],
)
def test_a_habit_asked_with_how_often_is_health(db, label: str, options: list[str]) -> None:
    opts = "".join(f"<option>{o}</option>" for o in options)
    html = f'<form><label for="h">{label}</label><select id="h" name="h">{opts}</select></form>'
    assert page_fields(db, html).get("h") == "health"


@pytest.mark.parametrize(
    ("label", "options"),
    [
        ("Smoking", ["Yes", "No"]),  # a hotel's room: no answer says how often
        ("Room preference", ["Smoking", "Non-smoking"]),
        ("How often do you drink coffee?", ["Never", "Sometimes", "Often"]),
        ("Drinks package", ["Never", "Daily"]),  # a cruise's drinks package: more than the habit is asked
    ],
)
def test_a_smoking_room_coffee_or_a_drinks_package_is_no_habit(db, label: str, options: list[str]) -> None:
    opts = "".join(f"<option>{o}</option>" for o in options)
    html = f'<form><label for="h">{label}</label><select id="h" name="h">{opts}</select></form>'
    assert page_fields(db, html).get("h") in (None, "none")


@pytest.mark.parametrize(
    ("label", "options"),
    [
        ("Drinks", ["Daily smoothie", "Weekly juice box", "Never mind"]),  # a lunch-box order
        ("Weed", ["Weekly", "Monthly", "Never"]),  # lawn care
    ],
)
def test_a_shops_drinks_and_a_lawns_weeds_are_no_habit(db, label: str, options: list[str]) -> None:
    opts = "".join(f"<option>{o}</option>" for o in options)
    html = f'<form><label for="h">{label}</label><select id="h" name="h">{opts}</select></form>'
    assert page_fields(db, html).get("h") in (None, "none")
