"""Which doctor the visitor sees (signatures/field_context.toml ``care_providers``, docs/fields.md "Page and form
context"): on a page or form whose topic is health, a control whose label says nothing but a doctor, a dentist or a
therapist ("Médico *", "Выберите врача", "Seleccione el especialista") takes health, with the topic as its evidence: the
choice tells what care the visitor seeks. A label that says more ("Médico responsable", "Filtrar por médico"), and the
same choice on a page about nothing of the kind, are left as they are."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import Topic, classify
from tests.conftest import page_fields

_CLINIC = Topic("health", "page title 'Clínica San José'")


@pytest.mark.parametrize(
    ("label", "typ"),
    [
        ("Médico *", "select"),
        ("Выберите врача", "select"),
        ("Seleccione el especialista", "select"),
        ("Lekarz:", "select"),
        ("Profissional", "select"),
        ("Vælg læge:", "select"),
        ("Seleziona il Medico", "radio"),
        ("Arzt:", "text"),
        ("Your preferred doctor", "select"),
    ],
)
def test_the_doctor_chosen_on_a_health_form_is_health(db, label, typ) -> None:
    found = classify({"label": label}, db.fields, typ, "", db.consent_words, _CLINIC, db.field_context)
    assert found is not None and found.category == "health" and found.context == _CLINIC.evidence, found


@pytest.mark.parametrize(
    ("label", "typ"),
    [
        ("Médico Responsable", "select"),
        ("Filtrar por médico", "select"),
        ("Nombre", "text"),
        ("Médico", "checkbox"),
        ("Fecha de la cita", "date"),
    ],
)
def test_what_says_more_than_the_doctor_is_not_that_choice(db, label, typ) -> None:
    found = classify({"label": label}, db.fields, typ, "", db.consent_words, _CLINIC, db.field_context)
    assert found is None or found.words != ("care provider chosen",), found


def test_the_choice_takes_the_pages_topic_and_only_a_health_one(db) -> None:
    booking = """<title>Clínica Dental Sonrisa – Reservar cita</title><h1>Reservar cita</h1>
<form><label for=m>Médico *</label><select id=m name=medico><option>Seleccione</option></select>
<label for=n>Nombre</label><input id=n name=nombre></form>"""
    assert page_fields(db, booking) == {"medico": "health"}
    bakery = booking.replace("Clínica Dental Sonrisa", "Panadería Sol").replace("Reservar cita", "Encargar tarta")
    assert page_fields(db, bakery) == {}


@pytest.mark.parametrize(
    ("label", "typ", "options"),
    [
        ("Profesional", "select", "Médico / Enfermero / Administrativo"),  # a job application's trade
        ("Profesional", "select", "Todos / Ana / Luis"),  # a report's filter
        ("Profissional", "text", ""),  # a trade typed in a box
    ],
)
def test_a_trade_or_a_reports_filter_is_not_the_doctor_seen(db, label, typ, options) -> None:
    found = classify({"label": label, "options": options}, db.fields, typ, "", db.consent_words, _CLINIC, db.field_context)
    assert found is None or found.words != ("care provider chosen",), found


def test_a_generic_professional_is_the_doctor_seen_only_as_a_choice(db) -> None:
    found = classify(
        {"label": "Profissional", "options": "Dra. Ana / Dr. Luis"}, db.fields, "select", "", db.consent_words, _CLINIC, db.field_context
    )
    assert found is not None and found.words == ("care provider chosen",), found
