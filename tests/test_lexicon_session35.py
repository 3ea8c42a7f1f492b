"""The thirty-fifth session's words: a box labelled for medical notes or information in short (a leisure camp's
"Medizinische Hinweise", a matrimony profile's "Votre santé physique / morale") is health by its own words, as
"medical information" was. A bare "Notes" or "Hinweise" asks nothing by itself, and a translation key's namespace read
as a label's words ("health Info Form last Name", from healthInfoForm.lastName) makes no field health."""

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
