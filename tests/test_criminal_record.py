"""A criminal record (GDPR Art. 10, not a special category of Art. 9; eval/forms/README.md labels convictions none):
a question about convictions, charges or arrests reveals no special category by the offences it names, on any
form (``criminal_record`` in signatures/field_context.toml). Look-alikes keep their reading: a religious conviction,
a heart condition, a drug asked about on its own."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import classify

_CASES = [
    # (label or question, input type, expected category or None)
    ("Have you ever been arrested for a criminal offense (sexual, abuse, fraud, drugs)?", "radio", None),
    ("Have you recently been convicted of driving under the influence of alcohol or drugs?", "radio", None),
    ("Criminal charges involving the patient's mental health", "textarea", None),
    ("Wurden Sie wegen Drogendelikten verurteilt?", "radio", None),
    ("What are your religious convictions?", "text", "religion"),
    ("Have you ever had a heart attack?", "radio", "health"),
    ("Do you use recreational drugs?", "radio", "health"),
]


@pytest.mark.parametrize(("asked", "typ", "expected"), _CASES)
def test_a_criminal_record_is_no_special_category(db, asked, typ, expected) -> None:
    texts = {"label": asked, "options": "Yes / No" if typ == "radio" else ""}
    found = classify(texts, db.fields, typ, "", db.consent_words, context=db.field_context)
    assert (found.category if found else None) == expected, found
