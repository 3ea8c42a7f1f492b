"""The twenty-seventh session's words: Portuguese and Spanish plurals of a term written in the singular
(``signatures/field_inflection.toml`` [lang.pt] and [lang.es]): "Medicações em uso" is the plural of "medicação",
"Etnias" of "etnia"; the plural does not change a word's gender or reach a sports match ("Partidos jugados")."""

from __future__ import annotations

import pytest

from tests.conftest import page_fields


@pytest.mark.parametrize(
    "label,category",
    [
        ("Medicações em uso", "health"),
        ("Etnias con las que se identifica", "racial-ethnic"),
        ("Partidos jugados esta temporada", None),
        ("Partidas jogadas", None),
        ("Razas de perro", None),
    ],
)
def test_a_plural_reaches_its_singular_term(db, label: str, category: str | None) -> None:
    html = f'<form><label for="x">{label}</label><input id="x" name="x"></form>'
    found = page_fields(db, html)
    assert found.get("x") in ((None, "none") if category is None else (category,)), found
