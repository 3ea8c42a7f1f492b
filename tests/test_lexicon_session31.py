"""The thirty-first session's words (the coverage matrix of tests/test_lexicon_matrix.py), with the look-alikes that
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
}


@pytest.mark.parametrize("text", NOT_SENSITIVE.values(), ids=NOT_SENSITIVE.keys())
def test_a_bare_stem_is_no_health_word(db, text: str) -> None:
    found = classify({"label": text}, db.fields, "text", "", db.consent_words)
    assert found is None or found.category != "health", (text, found)
