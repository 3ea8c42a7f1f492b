"""The thirtieth session's words, from the retired twenty-sixth held-out set's misses: a Muslim matrimony profile's
practice questions (the Qur'an, the hijab, prayer, the Sunnah, born Muslim or reverted), caste and gotra, a Polish
retreat ("rekolekcje"), a preventive check-up ("Vorsorgeuntersuchung"), an eating-disorder screen's vomiting and an
intake's "What brings you in today?", a Russian medical record's sick leave, polyclinic and Mantoux test, a recent
operation, injured body parts. The look-alikes: "Jesus" as a given name or an example e-mail address, halal as a
meal option (labelled ``none`` by the project's rules), a theatre's cast, "Vorsorge" as a pension's savings."""

from __future__ import annotations

import pytest

from tests import test_lexicon_vocab16
from tests.conftest import page_fields
from tests.test_classifier import field

CONCEPTS = {
    "en-quran": (field(label="Read Quran :", type_="select", options="Daily / Occasionally / Only during Ramadan"), "religion"),
    "en-hijab": (field(label="Do you wear a Hijab?", type_="radio", options="Yes / No"), "religion"),
    "en-salaah": (field(label="How often do you perform Salaah?", type_="select", options="Always / Sometimes"), "religion"),
    "en-sunnah": (field(label="Sunnah beard?", type_="radio", options="Yes / No"), "religion"),
    "en-reverted": (field(label="Born or Reverted :", type_="select", options="Born / Reverted"), "religion"),
    "en-caste": (field(label="Caste", type_="select", options="General / OBC / SC / ST / Other"), "racial-ethnic"),
    "en-sub-caste": (field(label="Sub-Caste"), "racial-ethnic"),
    "en-gotra": (field(label="Gotra :"), "racial-ethnic"),
    "pl-rekolekcje": (field(label="Nazwa rekolekcji"), "religion"),
    "de-vorsorgeuntersuchung": (
        field(question="Haben Sie bereits eine Vorsorgeuntersuchung in Anspruch genommen?", type_="radio", options="Ja / Nein"),
        "health",
    ),
    "it-vomitare": (field(label="Ti fai vomitare perché ti senti eccessivamente piena/o?", type_="radio", options="Sì / No"), "health"),
    "en-brings-you-in": (field(label="What brings you in today?"), "health"),
    "ru-sick-leave": (field(label="Временная нетрудоспособность"), "health"),
    "ru-polyclinic": (field(label="Поликлиника прикрепления"), "health"),
    "ru-mantoux": (field(label="Проба Манту: размер реакции (мм)"), "health"),
    "en-tuberculin": (field(label="Tuberculin skin test result"), "health"),
    "es-recent-operation": (field(question="¿Alguna operación reciente?", type_="radio", options="Sí / No"), "health"),
    "fr-incapacity": (field(label="Incapacité de travail (jours)"), "health"),
    "de-injured-body-parts": (field(label="Welche Körperteile sind verletzt?"), "health"),
    "ru-commemoration": (field(label="Имена для поминания"), "religion"),
}

LOOKALIKES = {
    "pt-jesus-as-a-name": (field(label="NOME", name="nome_usr"), "religion"),
    "es-jesus-given-name": (field(label="Nombre del padrino", options="Jesús"), "religion"),
    "en-halal-meal": (field(label="Meal preference", type_="select", options="Standard / Vegetarian / Halal"), "religion"),
    "en-theatre-cast": (field(label="Cast and crew notes"), "racial-ethnic"),
    "de-vorsorge-kapital": (field(label="Bisheriges Vorsorge-Kapital (€)"), "health"),
    "it-rekolekcje-free": (field(label="Nome del ritiro aziendale"), "religion"),
    "de-data-protection-violated": (field(label="Wurde der Datenschutz verletzt?"), "health"),
    "es-operation-of-a-bank": (field(label="Tipo de operación bancaria"), "health"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)


@pytest.mark.parametrize(
    "title,category",
    [
        ("Adhérer - Renouveau Social Démocrate", "political"),
        ("Регистрация наблюдателем на выборах мэра", "political"),
        ("Diventa Rappresentante di Lista", "political"),
        ("Adhérer - Club de tennis de Lyon", None),
        ("Регистрация на марафон", None),
    ],
)
def test_a_social_democrats_or_observers_page_makes_its_message_political(db, title: str, category: str | None) -> None:
    html = f'<title>{title}</title><form><label for="m">Message / Commentaires</label><textarea id="m" name="message"></textarea></form>'
    assert page_fields(db, html).get("message") == category
