"""The ninth session's vocabulary round (h-voc18, read from the retired seventh held-out set): a blood count's
cells and values and a labour record's obstetric findings and drugs, each concept written in the twelve
languages, and the look-alikes met while writing the words."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    # a blood count
    "ru-lymphocytes": (field(label="Лимфоциты:", type_="number"), "health"),
    "en-white-cells": (field(label="White blood cell count"), "health"),
    "de-blood-picture": (field(label="Kleines Blutbild"), "health"),
    "fr-hemoglobin": (field(label="Hémoglobine (g/dl)"), "health"),
    "it-neutrophils": (field(label="Neutrofili %"), "health"),
    "es-hemogram": (field(label="Hemograma completo"), "health"),
    "pt-platelets": (field(label="Plaquetas"), "health"),
    "nl-thrombocytes": (field(label="Trombocyten"), "health"),
    "pl-blood-morphology": (field(label="Morfologia krwi"), "health"),
    "cs-blood-picture": (field(label="Krevní obraz"), "health"),
    "sv-white-cells": (field(label="Vita blodkroppar"), "health"),
    "da-hemoglobin": (field(label="Hæmoglobin"), "health"),
    # a labour record
    "it-oligohydramnios": (field(label="Oligoidramnios", type_="checkbox"), "health"),
    "it-labour-onset": (field(label="Insorgenza travaglio", options="Spontaneo Indotto", type_="select"), "health"),
    "en-induction": (field(label="Induction of labour", type_="checkbox"), "health"),
    "de-rupture": (field(label="Vorzeitiger Blasensprung"), "health"),
    "fr-rupture": (field(label="Rupture prématurée des membranes"), "health"),
    "es-rupture": (field(label="Rotura prematura de membranas"), "health"),
    "pl-oligohydramnios": (field(label="Małowodzie"), "health"),
    "ru-oligohydramnios": (field(label="Маловодие"), "health"),
    "en-misoprostol": (field(label="Cytotec (misoprostol) doses"), "health"),
}

LOOKALIKES = {
    # a bishop is a church's (or a chess piece), "Travaglio" an Italian surname, the prom a school dance
    "en-bishop": (field(label="Bishop", options="Bishop Knight Rook", type_="select"), "health"),
    "it-surname-travaglio": (field(label="Cognome", name="travaglio"), "health"),
    "en-prom": (field(label="Prom date"), "health"),
    # pallets on a shipping form are no platelets
    "en-pallets": (field(label="Number of pallets"), "health"),
}


GOD = {
    "es-god": (field(label="En relación a Dios, ¿qué servicio le agrada?"), "religion"),
    "pt-god": (field(question="Acredita em Deus?", options="Sim Não", type_="radio"), "religion"),
    "fr-god": (field(question="Croyez-vous en Dieu ?", options="Oui Non", type_="radio"), "religion"),
    "cs-god": (field(question="Věříte v Boha?", options="Ano Ne", type_="radio"), "religion"),
    "sv-god": (field(question="Tror du på Gud?", options="Ja Nej", type_="radio"), "religion"),
    "ru-god": (field(label="Верите ли вы в Бога?"), "religion"),
}

GOD_LOOKALIKES = {
    # a hospital, a greeting, wealth, a farewell, a city, a first name
    "fr-hotel-dieu": (field(label="Hôpital", options="Hôtel-Dieu de Paris Pitié-Salpêtrière", type_="select"), "religion"),
    "de-greeting": (field(label="Grüß Gott! Ihr Name"), "religion"),
    "ru-wealth": (field(label="Богатство"), "religion"),
    "es-farewell": (field(label="Mensaje de despedida (Adiós)"), "religion"),
    "es-city": (field(label="Ciudad", options="Bogotá Medellín Cali", type_="select"), "religion"),
    "pl-first-name": (field(label="Imię", options="Bogusław Bogdan", type_="select"), "religion"),
}


CONCEPTS |= GOD
LOOKALIKES |= GOD_LOOKALIKES


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)


def test_spanish_gave_is_not_italian_god(db) -> None:
    spec = field(question="¿Leyó la hoja de información que se le dio en la sala de espera?", options="Sí No", type_="radio")
    assert test_lexicon_vocab16._classify(spec, db) is None
