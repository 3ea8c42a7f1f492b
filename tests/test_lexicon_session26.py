"""The twenty-sixth session's words, from the retired twenty-first held-out set's misses and the development set's:
a marital status's "Unión libre" / "União estável" / "Union libre" / "Unione civile" is a civil status, not a trade
union, even on a union's or party's membership form; the union's own words there still count."""

from __future__ import annotations

import pytest

from tests.conftest import page_fields

_FORM = """<html><head><title>Afíliate al sindicato</title></head><body><h1>Afíliate al sindicato</h1><form>
<label for="ec">{label}</label><select id="ec" name="ec">{options}</select>
<label for="s">Sindicato al que pertenece</label><select id="s" name="s"><option>CCOO</option><option>UGT</option></select>
</form></body></html>"""


@pytest.mark.parametrize(
    "label,options",
    [
        ("Estado civil", "Soltero/a|Casado/a|Unión libre|Viudo/a"),
        ("Estado civil", "Solteiro(a)|Casado(a)|União estável|Viúvo(a)"),
        ("Situation familiale", "Célibataire|Marié(e)|Union libre|Pacsé(e)"),
        ("Stato civile", "Celibe|Coniugato|Unione civile"),
    ],
)
def test_a_marital_status_is_no_union_membership(db, label: str, options: str) -> None:
    html = _FORM.format(label=label, options="".join(f"<option>{o}</option>" for o in options.split("|")))
    found = page_fields(db, html)
    assert found.get("ec") in (None, "none"), found
    assert found.get("s") == "union", found  # the form's own union question still is one


def test_a_patients_name_in_an_anamnesis_keeps_its_own_reading(db) -> None:
    html = """<form><fieldset><legend>Anamnese</legend>
<label for="pn">Patientenname:</label><input id="pn" name="pn">
<label for="pnl">Patiëntnaam</label><input id="pnl" name="pnl">
<label for="dauer">Seit wann?</label><input id="dauer" name="dauer">
</fieldset></form>"""
    found = page_fields(db, html)
    assert found.get("pn") in (None, "none") and found.get("pnl") in (None, "none"), found
    assert found.get("dauer") == "health", found  # the record's own question takes the record's category


def test_a_companys_legal_name_is_no_free_text_box(db) -> None:
    html = """<html><head><title>Desfiliação de Sindicato</title></head><body><h1>Desfiliação de Sindicato</h1><form>
<label for="rs">Razão Social</label><input id="rs" name="rs">
<label for="mot">Observações</label><textarea id="mot" name="mot"></textarea>
</form></body></html>"""
    found = page_fields(db, html)
    assert found.get("rs") in (None, "none"), found
    assert found.get("mot") == "union", found  # a free-text box on the page still takes its topic


_TOPICS = """<form><label for="pt">Which political topics are most important to you? (Choose 2)</label>
<select id="pt" name="pt"><option>Racial justice</option><option>Climate</option><option>Housing</option></select></form>"""


def test_what_the_question_asks_outranks_what_only_its_choices_say(db) -> None:
    assert page_fields(db, _TOPICS).get("pt") == "political"
