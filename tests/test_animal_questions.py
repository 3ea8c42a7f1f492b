"""A form that asks about an animal by its own controls (field_context.toml ``animal_questions``,
``pagecontext.asks_about_an_animal``): a veterinary practice's "new patient" dialog or a pet's anamnesis asks for the
animal's species, breed, name or whether it is neutered, whatever its page is called ("Neuen Patienten anlegen",
"Anamnese"). Its other controls' health readings ("Diagnose", "Peso (kg)") are no person's health, in a page, in a
component and through a layout's topic; the owner's contact details keep theirs. Look-alikes that stay health: an
intake form's "Raça/Cor" (a person's race, the same word as a breed), a payment "em espécie" (in cash) beside a
diagnosis, and a species in another form of the page."""

from __future__ import annotations

import pytest

from analyzer.facts.pagecontext import asks_about_an_animal
from analyzer.scan import ScanOptions, run
from tests.conftest import scan_text


def _fields(tmp_path, text: str, db, name: str) -> dict:
    return {s.name: s.classification.category for s in scan_text(tmp_path, text, db, name).fields}


_VET_DE = """<html><head><title>Neuen Patienten anlegen</title></head><body>
<h1>Patient</h1>
<form>
  <label>Tierart <select name="tierart"><option>Hund</option><option>Katze</option></select></label>
  <label>Diagnose <input name="diagnose"></label>
  <label>Indikation <textarea name="indikation"></textarea></label>
  <label>Medikation <input name="medikation"></label>
  <label>E-Mail des Besitzers <input type="email" name="email"></label>
</form></body></html>"""

_VET_PT_JSX = """export function NovoPaciente() {
  return (
    <form>
      <h2>Anamnese</h2>
      <label>Nome do animal <input name="nome" /></label>
      <label>Castrado <input type="checkbox" name="castrado" /></label>
      <label>Peso (kg) <input name="peso" type="number" /></label>
      <label>Alergias <textarea name="alergias" /></label>
    </form>
  );
}
"""

_INTAKE_PT = """<html><head><title>Ficha do paciente</title></head><body><form>
  <label>Raça/Cor <select name="raca"><option>Branca</option><option>Parda</option></select></label>
  <label>Diagnóstico <input name="diagnostico"></label>
  <label>Pagamento em espécie <input type="checkbox" name="especie"></label>
  <label>Alergias <textarea name="alergias"></textarea></label>
</form></body></html>"""

_TWO_FORMS_EN = """<html><head><title>Clinic</title></head><body>
<form aria-label="Your pet"><label>Species <input name="species"></label>
<label>Symptoms <textarea name="pet_symptoms"></textarea></label></form>
<form aria-label="You"><label>Your diagnosis <input name="diagnosis"></label></form>
</body></html>"""


def test_a_vets_new_patient_form_asks_no_persons_health(tmp_path, db) -> None:
    got = _fields(tmp_path, _VET_DE, db, "patient.html")
    assert "health" not in got.values(), got
    assert got.get("email") == "contact", got


def test_a_pets_anamnesis_component(tmp_path, db) -> None:
    got = _fields(tmp_path, _VET_PT_JSX, db, "NovoPaciente.jsx")
    assert "health" not in got.values(), got


def test_a_persons_race_and_a_cash_payment_ask_about_no_animal(tmp_path, db) -> None:
    got = _fields(tmp_path, _INTAKE_PT, db, "ficha.html")
    assert got.get("diagnostico") == "health" and got.get("alergias") == "health", got


def test_only_the_form_that_asks_about_the_animal(tmp_path, db) -> None:
    got = _fields(tmp_path, _TWO_FORMS_EN, db, "book.html")
    assert got.get("pet_symptoms") != "health", got
    assert got.get("diagnosis") == "health", got


def test_the_words_themselves(db) -> None:
    ctx = db.field_context
    assert asks_about_an_animal([{"label": "Spezies"}], ctx)
    assert asks_about_an_animal([{"name": "pet_name"}, {"label": "Notes"}], ctx)
    assert asks_about_an_animal([{"label": "Кличка"}], ctx)
    assert not asks_about_an_animal([{"label": "Raça/Cor"}, {"label": "Race / ethnicity"}, {"label": "Rasse"}], ctx)
    assert not asks_about_an_animal([{"label": "Pagamento em espécie"}, {"label": "Paiement en espèce"}], ctx)
    # "A kind": an INSS benefit's type, a document's; the species alone as a label is the animal's
    assert not asks_about_an_animal([{"label": "Espécie do benefício"}, {"label": "Especie de documento"}], ctx)
    assert asks_about_an_animal([{"label": "Espécie *"}], ctx) and asks_about_an_animal([{"name": "especie"}], ctx)
    assert asks_about_an_animal([{"label": "Espécie do animal"}], ctx)
    # A choice answers; it does not say what is asked ("Cat" among the pets a household keeps).
    assert not asks_about_an_animal([{"label": "Household", "options": "Species of fish / Breed of dog"}], ctx)
    # An animal's fleas (a pet groomer's booking: "Tem pulga ou carrapato?"); a person's tick bite is not one.
    assert asks_about_an_animal([{"question": "Tem pulga ou carrapato?"}], ctx)
    assert asks_about_an_animal([{"label": "Flohbefall"}], ctx) and asks_about_an_animal([{"label": "Has fleas?"}], ctx)
    assert not asks_about_an_animal([{"label": "Zeckenstich in den letzten 4 Wochen?"}, {"label": "Tick bite?"}], ctx)


_HOTJAR = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
_HOME = "<html><head><title>Praxis Dr. Weber</title></head><body><h1>Willkommen</h1></body></html>\n"
_NOTES = '<label for="m">Anmerkungen</label><textarea id="m" name="m"></textarea>\n'


def _notes_reading(tmp_path, page: str, head: str, asks: str = ""):
    """The reading of a stand-alone page's "Anmerkungen" box, beside a home page that names a practice (a health
    topic, analyzer/resolve/layouts.py), or None."""
    (tmp_path / "index.html").write_text(_HOME, encoding="utf-8")
    (tmp_path / page).write_text(f"<html><head>{head}{_HOTJAR}</head><body><form>\n{asks}{_NOTES}</form></body></html>\n", encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    return next((r.field.classification for r in result.fields if r.field.name == "m"), None)


@pytest.mark.parametrize("asks", ["", '<label for="s">Tierart</label><input id="s" name="s">\n'])
def test_a_home_pages_topic_does_not_reach_a_form_about_an_animal(tmp_path, asks) -> None:
    # A stand-alone form page names nothing; its "Notes" box takes the home page's topic, unless its form asks about
    # an animal.
    got = _notes_reading(tmp_path, "neu.html", "", asks)
    if asks:
        assert got is None, got
    else:  # the look-alike: the home page's topic reaches a person's notes
        assert got is not None and got.category == "health" and got.context.startswith("site home page "), got


def test_a_home_pages_topic_does_not_reach_a_page_about_an_animal(tmp_path) -> None:
    # The page says it is a vet's ("Tierarzt"), though none of its controls reads as health: its free text waits for the
    # home page's topic, and must not take health from it.
    assert _notes_reading(tmp_path, "termin.html", "<title>Tierarzt: Termin</title>") is None
