"""The thirty-second session's words. A Swedish "stämmer" (is right, agrees), read without its accent, is the English
"stammer" no longer; a stammer asked as one stays health. A French pupil's disability support at school (an AESH, a
PPS) is health; Les Ulis, a town, is not an ULIS class. The sections of a physical exam are health on an exam form
only. A carer of one's own sex is no sex life; a same-sex relationship is."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import Topic, classify

SCHOOL_SUPPORT = {
    "fr-aesh": "Votre enfant a-t-il un AESH actuellement ?",
    "fr-pps": "Bénéficie-t-il d'un projet personnalisé de scolarisation ?",
}
STAMMER = {
    "en-stammering": "History of stammering",
    "en-a-stammer": "Does your child have a stammer?",
    "en-you-stammer": "Do you stammer when you are nervous?",
}
AGREES = {
    "sv-stammer-bra": "Tycker kompassen stämmer bra?",
    "sv-stammer-det": "Stämmer uppgifterna ovan?",
}


@pytest.mark.parametrize("text", STAMMER.values(), ids=STAMMER.keys())
def test_a_stammer_asked_is_health(db, text: str) -> None:
    found = classify({"label": text}, db.fields, "textarea", "", db.consent_words)
    assert found is not None and found.category == "health", (text, found)


@pytest.mark.parametrize("text", AGREES.values(), ids=AGREES.keys())
def test_a_swedish_agreement_is_no_stammer(db, text: str) -> None:
    found = classify({"label": text}, db.fields, "textarea", "", db.consent_words)
    assert found is None or found.category != "health", (text, found)


@pytest.mark.parametrize("text", SCHOOL_SUPPORT.values(), ids=SCHOOL_SUPPORT.keys())
def test_a_pupils_disability_support_is_health(db, text: str) -> None:
    found = classify({"question": text, "options": "Oui / Non"}, db.fields, "radio", "", db.consent_words)
    assert found is not None and found.category == "health", (text, found)


def test_a_town_named_ulis_is_no_health(db) -> None:
    found = classify({"label": "Ville", "options": "Les Ulis / Orsay / Massy"}, db.fields, "select", "", db.consent_words)
    assert found is None or found.category != "health", found


# The sections of a physical examination, in the twelve languages: weak words, read as health on an exam form only.
EXAM_SECTIONS = {
    "en": "Abdomen",
    "de": "Lymphknoten",
    "fr": "Ganglions lymphatiques",
    "it": "Addome",
    "es": "Extremidades",
    "pt": "Abdome",
    "nl": "Lymfeklieren",
    "pl": "Węzły chłonne",
    "cs": "Břicho",
    "sv": "Bukstatus",
    "da": "Lymfeknuder",
    "ru": "Лимфоузлы",
}


@pytest.mark.parametrize("text", EXAM_SECTIONS.values(), ids=EXAM_SECTIONS.keys())
def test_an_exam_section_is_health_on_an_exam_form_only(db, text: str) -> None:
    exam = Topic("health", "heading 'Esame obiettivo' (esame obiettivo)")
    found = classify({"label": text}, db.fields, "text", "", db.consent_words, exam, db.field_context)
    assert found is not None and found.category == "health", (text, found)


@pytest.mark.parametrize("text", ["Abdomen", "Extremidades", "Addome", "Kończyny"])
def test_an_exam_section_alone_says_nothing(db, text: str) -> None:
    # a gym's measurements, a map's extremities: without an exam form's topic the word is no health reading
    assert classify({"label": text}, db.fields, "text", "", db.consent_words, None, db.field_context) is None


def test_a_polish_town_named_for_a_tree_is_no_exam_section(db) -> None:
    clinic = Topic("health", "title 'Przychodnia' (przychodnia*)")
    found = classify({"label": "Miejscowość", "options": "Buk / Poznań / Luboń"}, db.fields, "select", "", db.consent_words, clinic)
    assert found is None or found.category != "health", found


# A preference for a carer or doctor of one's own sex asks about the carer; a same-sex relationship stays sex life.
SAME_SEX_CARER = {
    "de": "Besonderheiten (Wunsch nach gleichgeschlechtlicher Pflege)",
    "en": "Do you prefer a same-sex carer?",
    "fr": "Souhaitez-vous un soignant du même sexe ?",
    "es": "¿Prefiere un cuidador del mismo sexo?",
    "nl": "Voorkeur voor een verzorger van hetzelfde geslacht",
}


@pytest.mark.parametrize("text", SAME_SEX_CARER.values(), ids=SAME_SEX_CARER.keys())
def test_a_same_sex_carer_is_no_sex_life(db, text: str) -> None:
    found = classify({"label": text}, db.fields, "text", "", db.consent_words)
    assert found is None or found.category != "sex-life", (text, found)


@pytest.mark.parametrize("text", ["Are you in a same-sex relationship?", "Gleichgeschlechtliche Partnerschaft", "Pareja del mismo sexo"])
def test_a_same_sex_relationship_is_sex_life(db, text: str) -> None:
    found = classify({"label": text}, db.fields, "text", "", db.consent_words)
    assert found is not None and found.category == "sex-life", (text, found)
