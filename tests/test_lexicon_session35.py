"""The thirty-fifth session's words: the short forms of "medical information" a form's box is labelled with (a youth
registration's "Medical Info", a leisure camp's "Medizinische Hinweise", a matrimony profile's "Votre santé physique /
morale") are health by their own words, as "medical information" was; a service's information desk or line is
not, and a bare "Notes" or "Hinweise" asks nothing by itself."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import classify

# case: (texts, input type, the category read, or "!category" for "not this category")
CASES: dict[str, tuple[dict[str, str], str, str]] = {
    "en-medical-info": ({"label": "Medical Info", "name": "medicalInfo"}, "textarea", "health"),
    "en-medical-notes": ({"label": "Medical notes"}, "textarea", "health"),
    "en-health-info": ({"label": "Health info we should know about"}, "textarea", "health"),
    "de-medizinische-hinweise": ({"label": "Medizinische Hinweise", "name": "medical_notes"}, "textarea", "health"),
    "de-medizinische-informationen": ({"label": "Medizinische Informationen"}, "textarea", "health"),
    "fr-sante-physique": ({"label": "Votre santé physique / morale", "name": "physicalHealth"}, "text", "health"),
    # look-alikes
    "en-info-desk": ({"label": "Medical info desk phone number"}, "text", "!health"),
    "en-info-centre": ({"label": "Medical Info Centre address"}, "text", "!health"),
    "en-info-line": ({"label": "Call our health info line"}, "text", "!health"),
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
