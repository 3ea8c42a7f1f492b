"""The eleventh session's vocabulary round (h-voc20, read from the retired ninth held-out set): a dating profile's
relationship intention that is about sex life (an open relationship, sex dating, a fling), each concept written
in the twelve languages, a blood donor's pre-check as a health form, and a therapy named as a German, Dutch,
Swedish or Danish compound;
with the look-alikes met while writing the words."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.conftest import page_fields
from tests.test_classifier import field

_LOOKING_FOR = "Looking for"
CONCEPTS = {
    "en-open": (field(label=_LOOKING_FOR, options="Serious relationship Open relationship Friendship", type_="select"), "sex-life"),
    "da-sex-dating": (field(label="Til", options="Kæreste dating Sex dating Venskab", type_="select"), "sex-life"),
    "de-open": (field(label="Beziehung", options="ernsthafte Beziehung offene Beziehung", type_="select"), "sex-life"),
    "de-fling": (field(label="Ich suche", options="Freundschaft Seitensprung", type_="radio"), "sex-life"),
    "fr-free": (field(label="Pour", options="Relation sérieuse Relation libre Amitié", type_="select"), "sex-life"),
    "it-open": (field(label="Cerco", options="Relazione seria Relazione aperta Amicizia", type_="select"), "sex-life"),
    "es-open": (field(label="Busco", options="Relación seria Relación abierta Amistad", type_="select"), "sex-life"),
    "pt-open": (field(label="Procuro", options="Namoro Relacionamento aberto Amizade", type_="select"), "sex-life"),
    "nl-open": (field(label="Ik zoek", options="Vaste relatie Open relatie Vriendschap", type_="select"), "sex-life"),
    "pl-open": (field(label="Szukam", options="Stały związek Otwarty związek Przyjaźń", type_="select"), "sex-life"),
    "cs-open": (field(label="Hledám", options="Vážný vztah Otevřený vztah Přátelství", type_="select"), "sex-life"),
    "sv-open": (field(label="Söker", options="Seriöst förhållande Öppet förhållande Vänskap", type_="select"), "sex-life"),
    "ru-open": (field(label="Ищу", options="Серьёзные отношения Свободные отношения Дружба", type_="select"), "sex-life"),
    # a therapy named as a compound
    "nl-relationship-therapy": (field(label="Wat wil je bereiken met de relatietherapie?", type_="textarea"), "health"),
    "de-trauma-therapy": (field(label="Bisherige Traumatherapie"), "health"),
    "sv-talk-therapy": (field(label="Har du gått i samtalsterapi?", options="Ja Nej", type_="radio"), "health"),
    "da-couples-therapy": (field(label="Har I tidligere gået i parterapi?", options="Ja Nej", type_="radio"), "health"),
}

LOOKALIKES = {
    # a ministry's, a student office's or a scandal's "affairs", a novel, treason, a dance, a customer relation
    "en-foreign-affairs": (field(label="Department", options="Foreign affairs Student affairs", type_="select"), "sex-life"),
    "de-affaere": (field(label="Thema", options="Politik Spendenaffäre Sport", type_="select"), "sex-life"),
    "pl-novel": (field(label="Ulubiony gatunek", options="Kryminał Romans Fantastyka", type_="select"), "sex-life"),
    "ru-treason": (field(label="Статья", options="Измена Родине Шпионаж", type_="select"), "sex-life"),
    "en-swing": (field(label="Class", options="Swing Salsa Tango", type_="select"), "sex-life"),
    "fr-customer-relation": (field(label="Relation client"), "sex-life"),
    "de-open-positions": (field(label="Offene Stellen", type_="checkbox"), "sex-life"),
    "es-open-bar": (field(label="Tipo de evento", options="Barra abierta Cena", type_="select"), "sex-life"),
    # a course that trains therapy dogs names no one's therapy
    "de-therapy-dog-course": (field(label="Kurs", options="Therapiehundeausbildung Welpenkurs", type_="select"), "health"),
    # a donation to a charity is not a blood donation
    "de-donation": (field(label="Spendenbetrag", type_="number"), "health"),
    "en-donation": (field(label="Donation amount", type_="number"), "health"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)


def test_a_blood_donors_pre_check_is_a_health_form(db) -> None:
    pages = {
        "de": ("Blutspende Vorab-Check", "Fühlen Sie sich gesund?", "Nachricht"),
        "fr": ("Don du sang : questionnaire", "Vous sentez-vous en bonne santé ?", "Remarques"),
        "pl": ("Krwiodawstwo – ankieta", "Czy czuje się Pan zdrowy?", "Uwagi"),
    }
    for lang, (title, question, notes) in pages.items():
        html = f"""<h1>{title}</h1><form>
          <p>{question}</p><label><input type=radio name=q1 value=j>Ja</label><label><input type=radio name=q1 value=n>Nein</label>
          <label for=m>{notes}</label><textarea id=m name=m></textarea></form>"""
        sites = page_fields(db, html)
        assert sites.get("m") == "health", (lang, sites)


def test_a_charitys_donation_form_is_not(db) -> None:
    html = """<h1>Spenden Sie jetzt</h1><form><label for=b>Betrag</label><input id=b name=b type=number>
      <label for=m>Nachricht</label><textarea id=m name=m></textarea></form>"""
    assert page_fields(db, html).get("m") is None
