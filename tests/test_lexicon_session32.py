"""The thirty-second session's words: a Swedish "stämmer" (is right, agrees), read without its accent, is the English
"stammer" no longer; a stammer asked as one stays health."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import classify

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
