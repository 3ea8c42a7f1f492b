"""A form about an animal's care (field_context.toml ``animal_care``, ``fieldfacts._animal_patients``): a veterinary
practice's booking or a pet's health record asks about an animal's weight, symptoms and heart, which is no person's
health. Where the page's or the form's title, headings, name or path say so, its controls' health readings are
dropped, in every language; the owner's contact details keep theirs. Look-alikes that stay health: a person's PET
scan, a clinic whose page mentions a pet policy nowhere near its form."""

from __future__ import annotations

from tests.conftest import scan_text


def _fields(tmp_path, text: str, db, name: str) -> dict:
    return {s.name: s.classification.category for s in scan_text(tmp_path, text, db, name).fields}


_VET_DA = """<html><head><title>Mit Dyrs Sundhed</title></head><body>
<h1>Tilføj nyt sundhedseftersyn</h1>
<form>
  <label>Vægt (kg) <input name="weight" type="number"></label>
  <label>Hjerte/lunger <input name="heart"></label>
  <label>Symptomer <textarea name="symptoms"></textarea></label>
  <label>Ejerens e-mail <input type="email" name="email" autocomplete="email"></label>
</form></body></html>"""

_VET_FORM_EN = """<html><head><title>Book online</title></head><body>
<form aria-label="Your pet's visit">
  <label>Symptoms <textarea name="symptoms"></textarea></label>
  <label>Current medication <input name="meds"></label>
</form>
<form aria-label="Your own details">
  <label>Do you have a latex allergy? <input type="checkbox" name="latex"></label>
</form></body></html>"""

_PET_SCAN = """<html><head><title>Radiology: book your PET scan</title></head><body>
<form><label>Symptoms <textarea name="symptoms"></textarea></label>
<label>Are you pregnant? <input type="checkbox" name="pregnant"></label></form></body></html>"""

_VET_JSX = """export default function Booking() {
  return (
    <main>
      <h1>Clinique vétérinaire des Lilas</h1>
      <form>
        <label>Symptômes <textarea name="symptomes" /></label>
        <label>Poids (kg) <input name="poids" type="number" /></label>
      </form>
    </main>
  );
}
"""


def test_a_pets_health_record_asks_no_persons_health(tmp_path, db) -> None:
    got = _fields(tmp_path, _VET_DA, db, "sundhed.html")
    assert "health" not in got.values(), got
    assert got.get("email") == "contact", got


def test_the_form_about_the_pet_not_the_page_beside_it(tmp_path, db) -> None:
    got = _fields(tmp_path, _VET_FORM_EN, db, "book.html")
    assert got.get("symptoms") != "health" and got.get("meds") != "health", got
    # The other form of the page asks about the visitor: its own heading says nothing of an animal.
    assert got.get("latex") == "health", got


def test_a_persons_pet_scan_is_health(tmp_path, db) -> None:
    got = _fields(tmp_path, _PET_SCAN, db, "pet-scan.html")
    assert got.get("symptoms") == "health" and got.get("pregnant") == "health", got


def test_a_veterinary_component(tmp_path, db) -> None:
    got = _fields(tmp_path, _VET_JSX, db, "Booking.jsx")
    assert "health" not in got.values(), got


_HISTORY_ES = """<form><h3>Historial clínico</h3>
<label>Temperatura <input name="temperatura" type="number"></label>
<label>Frecuencia cardiaca <input name="frecuencia_cardiaca" type="number"></label>
<label>Correo <input name="correo" type="email"></label>
</form>
"""


def test_a_path_that_names_the_pet_in_the_singular(tmp_path, db) -> None:
    # A back office's "admin-mascota/historial" page (Spanish "mascota", a pet) records the pet's vital signs.
    got = _fields(tmp_path, _HISTORY_ES, db, "admin-mascota-historial.html")
    assert "health" not in got.values() and got.get("correo") == "contact", got
    assert _fields(tmp_path, _HISTORY_ES, db, "admin-paciente-historial.html").get("temperatura") == "health"
