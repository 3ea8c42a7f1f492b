"""A choice that gives or refuses consent is a decision, and a section about how data are processed is no record
(docs/fields.md, "Record sections"; the retired twenty-sixth held-out set's summer camp form): "Tratamiento de datos
de salud y cesión a centros sanitarios: (o) Sí, autorizo (o) No, no autorizo" read as health by its legend's
"tratamiento", and "Confirmación de que se ha leído…: (o) Sí, he leído y comprendo…" as religion by its legend's
"confirmación" (the sacrament). Look-alikes: a treatment section's own controls, a radio whose question says
"aceito" (accepted) without giving consent, and a confirmation class's date. Also a standard screening questionnaire's
name as the page's topic (PHQ-9, GAD-7), and "Jesus" as a name's and an e-mail's example."""

from __future__ import annotations

from tests.conftest import page_fields

_RADIO = '<label><input type="radio" name="{n}" value="{v}"> {t}</label>'


def _pair(name: str, legend: str, yes: str, no: str) -> str:
    return f"<fieldset><legend>{legend}</legend>{_RADIO.format(n=name, v='yes', t=yes)}{_RADIO.format(n=name, v='no', t=no)}</fieldset>"


CAMP = (
    "<h1>Reserva de plaza – Campamento 2026</h1><form>"
    '<label for="al">Alergias o intolerancias</label><input id="al" name="allergies">'
    '<label for="mn">Otras enfermedades o información médica relevante</label><textarea id="mn" name="medical_notes"></textarea>'
    + _pair(
        "consent_health",
        "Tratamiento de datos de salud y cesión a centros sanitarios en caso de urgencia*",
        "Sí, autorizo. (Obligatorio para participar)",
        "No, no autorizo.",
    )
    + _pair(
        "consent_media",
        "Tratamiento de imágenes y vídeos en el ámbito interno del campamento*",
        "Sí, autorizo el uso interno de imágenes y vídeos.",
        "No, no autorizo el uso interno de imágenes y vídeos.",
    )
    + _pair(
        "consent_rules",
        "Confirmación de que se ha leído y comprendido esta información*",
        "Sí, he leído, comprendo y acepto la normativa de la actividad",
        "No, no acepto la normativa",
    )
    + "</form>"
)


def test_consent_choices_under_a_processing_or_confirmation_legend_are_decisions(db) -> None:
    got = page_fields(db, CAMP)
    assert got.get("allergies") == "health" and got.get("medical_notes") == "health"
    for name in ("consent_health", "consent_media", "consent_rules"):
        assert name not in got, name


def test_a_processing_heading_stops_the_record_reading_a_treatment_heading_gives(db) -> None:
    html = (
        "<h1>Ficha del paciente</h1><form><fieldset><legend>Tratamiento</legend>"
        '<label for="f">Frecuencia</label><input id="f" name="frecuencia"></fieldset>'
        "<fieldset><legend>Tratamiento de datos personales</legend>"
        '<label for="d">Delegado de protección</label><input id="d" name="delegado"></fieldset></form>'
    )
    got = page_fields(db, html)
    assert got.get("frecuencia") == "health" and "delegado" not in got


def test_a_question_that_says_accepted_gives_no_consent(db) -> None:
    html = "<h1>Anamnese neuropsicológica</h1><form>" + _pair("aceito", "Foi bem aceito(a) no núcleo familiar?", "Sim", "Não") + "</form>"
    assert page_fields(db, html).get("aceito") == "health"


def test_a_confirmation_class_date_keeps_its_record(db) -> None:
    html = (
        "<h1>Parroquia San José</h1><form><fieldset><legend>Confirmación</legend>"
        '<label for="g">Grupo de catequesis</label><select id="g" name="grupo"><option>Lunes</option><option>Martes</option></select>'
        "</fieldset></form>"
    )
    assert page_fields(db, html).get("grupo") == "religion"


_GAD = (
    "<title>{title}</title><form>"
    + "".join(
        _pair(f"q{i}", q, "Nunca", "Varios días")
        for i, q in enumerate(
            (
                "Se ha sentido nervioso(a) o con los nervios de punta",
                "No ha sido capaz de parar o controlar su preocupación",
                "Se ha preocupado demasiado por motivos diferentes",
            )
        )
    )
    + "</form>"
)


def test_a_screening_questionnaire_named_by_its_scale_is_a_health_topic(db) -> None:
    got = page_fields(db, _GAD.format(title="Encuesta GAD-7"))
    assert [got.get(f"q{i}") for i in range(3)] == ["health"] * 3
    assert page_fields(db, _GAD.replace("<title>{title}</title>", "<title>PHQ-9 y GAD-7</title>")).get("q1") == "health"


def test_the_same_worries_in_a_course_survey_are_nothing(db) -> None:
    got = page_fields(db, _GAD.format(title="Encuesta de satisfacción del curso"))
    assert not any(got.get(f"q{i}") for i in range(3)), got


def test_jesus_as_an_example_name_or_address_is_no_religion(db) -> None:
    html = (
        "<h1>Inscrição - Acampamento</h1><form>"
        '<label for="n">NOME</label><input id="n" name="nome_usr" placeholder="Ex: Jesus">'
        '<label for="m">E-MAIL</label><input id="m" type="email" name="mail_usr" placeholder="jesus@holemail.com"></form>'
    )
    got = page_fields(db, html)
    assert "nome_usr" not in got and got.get("mail_usr") == "contact"


def test_a_select_whose_options_give_consent_is_a_decision_too(db) -> None:
    html = (
        "<h1>Inscripción al campamento</h1><form>"
        '<label for="c">¿Autoriza la administración de medicación para la alergia?</label>'
        '<select id="c" name="consent_health"><option>Sí, autorizo</option><option>No autorizo</option></select></form>'
    )
    assert "consent_health" not in page_fields(db, html)
