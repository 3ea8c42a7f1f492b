"""The thirty-fifth session's words: a box labelled for medical notes or information in short (a leisure camp's
"Medizinische Hinweise", a matrimony profile's "Votre santé physique / morale") is health by its own words, as
"medical information" was. A bare "Notes" or "Hinweise" asks nothing by itself, and a translation key's namespace read
as a label's words ("health Info Form last Name", from healthInfoForm.lastName) makes no field health. Then the parents'
consanguinity, theological studies and stillbirths where a language lacked them."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import classify

# case: (texts, input type, the category read, or "!category" for "not this category")
CASES: dict[str, tuple[dict[str, str], str, str]] = {
    "en-medical-notes": ({"label": "Medical notes"}, "textarea", "health"),
    "de-medizinische-hinweise": ({"label": "Medizinische Hinweise", "name": "medical_notes"}, "textarea", "health"),
    "de-medizinische-informationen": ({"label": "Medizinische Informationen"}, "textarea", "health"),
    "fr-sante-physique": ({"label": "Votre santé physique / morale", "name": "physicalHealth"}, "text", "health"),
    # look-alikes
    "en-key-namespace": ({"label": "Last Name: / Họ: (health Info Form last Name)", "name": "lastName"}, "text", "!health"),
    "en-key-namespace-card": ({"label": "Cardholder's Name: (health Info Form cardholder Name)"}, "text", "!health"),
    "en-notes": ({"label": "Notes"}, "textarea", "!health"),
    "de-hinweise": ({"label": "Hinweise"}, "textarea", "!health"),
    # The parents' consanguinity (genetic, as the development labels read it), theological studies (religion), stillbirths
    # in an obstetric history (health), in the languages that lacked them; look-alikes stay out.
    "es-consanguinidad": ({"label": "Grado de consanguinidad"}, "text", "genetic"),
    "en-consanguinity": ({"question": "Is there consanguinity between the parents?", "options": "Yes / No"}, "radio", "genetic"),
    "de-blutsverwandtschaft": ({"label": "Blutsverwandtschaft der Eltern"}, "select", "genetic"),
    "es-teologicos": ({"label": "Nombre del instituto teológico"}, "text", "religion"),
    "pt-teologicos": ({"label": "Possui formação teológica?"}, "select", "religion"),
    "en-theological": ({"label": "Theological training completed"}, "textarea", "religion"),
    "es-mortinatos": ({"label": "Mortinatos"}, "number", "health"),
    "pt-natimortos": ({"label": "Natimortos"}, "number", "health"),
    "it-nati-morti": ({"label": "Numero di nati morti"}, "number", "health"),
    "es-seminario": ({"label": "Seminario al que asistirá"}, "select", "!religion"),  # a seminar, not a seminary
    "es-estudios": ({"label": "Estudios realizados"}, "text", "!religion"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_word_reads_as_it_should(db, case: str) -> None:
    texts, typ, expected = CASES[case]
    found = classify(texts, db.fields, typ, "", db.consent_words, None, db.field_context)
    category = found.category if found is not None else None
    if expected.startswith("!"):
        assert category != expected[1:], (case, found)
    else:
        assert category == expected, (case, found)
