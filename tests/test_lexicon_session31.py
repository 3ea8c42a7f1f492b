"""The thirty-first session's words (the coverage matrix of tests/test_lexicon_matrix.py, and words of one language that
another's stem read), with the look-alikes that
kept their bare stems out: Czech "závislost" alone is also a dependency of any kind and "porucha" a breakdown, French
"trouble" alone is a disorder of anything, and a lone Polish "zależność" or Danish "intolerance" says nothing of health."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import classify

NOT_SENSITIVE = {
    "cs-zavislost": "Příjmy ze závislé činnosti",
    "cs-porucha": "Nahlásit poruchu",
    "fr-trouble": "Trouble de l'affichage ? Signalez-le",
    "da-intolerance": "Nul tolerance over for chikane",
    "de-demo": "Demo-Termin vereinbaren",
    "pt-acidente": "Acidente de trânsito: data",
    # words of one language that another's stem read (the retired twenty-sixth set's false readings)
    "nl-genomen": "Ik heb kennis genomen van de privacyverklaring",
    "cs-hosta": "Jméno hosta",
    "en-hosta": "Hosta",
    "pt-tia": "Tia (parentesco)",
}


@pytest.mark.parametrize("text", NOT_SENSITIVE.values(), ids=NOT_SENSITIVE.keys())
def test_a_bare_stem_is_no_health_word(db, text: str) -> None:
    found = classify({"label": text}, db.fields, "text", "", db.consent_words)
    assert found is None or found.category not in ("health", "genetic"), (text, found)


def test_a_place_named_for_a_word_is_a_place(db) -> None:
    # Cuba's province of Ciego de Ávila among a profile's provinces; a blind person stays blind.
    provinces = classify({"label": "Provincia", "options": "Pinar del Río / Artemisa / Ciego de Ávila / La Habana"}, db.fields, "select")
    assert provinces is None, provinces
    blind = classify({"label": "Ciego", "options": ""}, db.fields, "checkbox")
    assert blind is not None and blind.category == "health"


@pytest.mark.parametrize("question", ["Har du hosta eller feber?", "Heeft u ooit een TIA of beroerte gehad?"])
def test_a_symptom_asked_in_its_own_language_is_still_one(db, question: str) -> None:
    found = classify({"question": question, "options": "Ja / Nej"}, db.fields, "radio")
    assert found is not None and found.category == "health", found


# Words of one language that another language's stem read, found by matching every term against the development set's
# texts in the other languages (the session's collision list): each must not read, and its own language's use still must.
COLLISIONS = {
    "sv-rut": (("Har du anlitat företag för ROT- eller RUT-arbete?", "Ja / Nej", "radio"), None),
    "da-dette": (("Omtrent hvor ofte skjer dette?", "", "textarea"), None),
    "fr-dettes": (("Montant de vos dettes", "", "text"), "financial"),
    "it-occupati": (("Condizione lavorativa", "Lavoratori autonomi / Lavoratori dipendenti / Non occupati", "select"), None),
    "da-neuropati": (("Neuropati", "", "checkbox"), "health"),
    "da-god": (("Fremlæg argumentation for, hvorfor forslaget er en god idé", "", "textarea"), None),
    "en-god": (("Do you believe in God?", "Yes / No", "radio"), "religion"),
}


@pytest.mark.parametrize(("given", "category"), COLLISIONS.values(), ids=COLLISIONS.keys())
def test_a_word_is_read_in_its_own_language_only(db, given: tuple[str, str, str], category: str | None) -> None:
    label, options, typ = given
    found = classify({"label": label, "options": options}, db.fields, typ, "", db.consent_words)
    assert (found.category if found is not None else None) == category, (label, found)
