"""Compound heads (signatures/fields/health.toml, political.toml, ``*word``): a German or Swedish health noun is
most often the last part of a compound ("Lebensmittelunverträglichkeiten", "Hjärtsjukdom"), and so is a German or
Dutch party's name ("Piratenpartei", "Dierenpartij"), so the head is matched after a first part. Heads that end
other compounds too, in any of the twelve languages (every language's terms are tried on every text), are not
heads."""

from __future__ import annotations

import pytest

from analyzer.facts.pagecontext import topic_of
from analyzer.signatures.lexicon import classify


def _category(db, label: str, typ: str = "text") -> str | None:
    found = classify({"label": label}, db.fields, typ, consent=db.consent_words, context=db.field_context)
    return found.category if found else None


@pytest.mark.parametrize(
    "label",
    [
        "Lebensmittelunverträglichkeiten",
        "Nahrungsmittelallergie",
        "Herzerkrankung",
        "Rückenschmerzen",
        "Krampfanfall",
        "Sehbehinderung",
        "Grippeimpfung",
        "Notfallmedikament",
        "Querschnittslähmung",
        "Hjärtsjukdom",
        "Ryggvärk",
        "Glutenintolerans",
        "Ledinflammation",
        "Neuropsykiatrisk funktionsnedsättning",
    ],
)
def test_a_compound_whose_head_is_a_health_noun_is_health(db, label: str) -> None:
    assert _category(db, label) == "health", label


@pytest.mark.parametrize(
    "label",
    [
        "Betriebsstörung melden",
        "Datenschutzverletzung",
        "Kooperation",
        "Kundenbeschwerden",
        "Verkehrsbehinderung",
        "Arbeitsanfall",
        "Wil je begeleiden?",
        "Opleiden",
        "Vattenskada",
        "Driftstörning",
        "Hochdruckreiniger",
    ],
)
def test_a_compound_that_only_ends_like_one_is_not(db, label: str) -> None:
    assert _category(db, label) is None, label


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("Mitgliedsantrag Piratenpartei Deutschland", "political"),
        ("Austritt aus der Tierschutzpartei", "political"),
        ("Word lid van de Piratenpartij", "political"),
        # a contract's, a court case's and a dispute's parties, a batch of goods
        ("Angaben zur Gegenpartei", None),
        ("Vertragspartei", None),
        ("Streitparteien", None),
        ("Wederpartij", None),
        ("Restpartij aanbieding", None),
    ],
)
def test_a_party_named_as_a_compound_is_the_forms_topic(db, heading: str, category: str | None) -> None:
    found = topic_of([("heading", heading)], db.fields)
    assert (found.category if found else None) == category, heading
