"""An examination's findings (lexicon._finding_asked, ``finding_normal`` / ``finding_abnormal`` in
signatures/field_context.toml): on a page or form about health, a choice answered by whether something is normal or not
records what a clinician found. Look-alikes: the same answers on a car's inspection, a choice with only one side of
the scale (a size), and a question about who the person is."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.signatures.lexicon import Topic, classify
from tests.conftest import scan_text

_EXAM = Topic("health", "form 'Wywiad logopedyczny' (logoped*)")

FINDINGS = {
    # (swallowing, "Połykanie", is a health word of its own since the thirty-seventh session: chewing stands for it)
    "pl-chewing": ("Żucie:", "prawidłowe / nieprawidłowe, jakie"),
    "pl-tonsils": ("Migdałki podniebienne", "prawidłowe / powiększone"),
    "de-gait": ("Gangbild", "unauffällig / auffällig"),
    "en-reflexes": ("Reflexes", "Normal / Abnormal"),
    "it-skin": ("Cute", "Normale / Alterata"),
    "ru-reflexes": ("Рефлексы", "в норме / снижены"),
}


@pytest.mark.parametrize(("question", "options"), FINDINGS.values(), ids=FINDINGS.keys())
def test_a_finding_on_an_exam_form_is_health(db, question: str, options: str) -> None:
    texts = {"question": question, "options": options, "choices": options}
    found = classify(texts, db.fields, "radio", "", db.consent_words, _EXAM, db.field_context)
    assert found is not None and found.category == "health" and found.words == ("examination finding",), found
    assert classify(texts, db.fields, "radio", "", db.consent_words, None, db.field_context) is None  # no topic: nothing


@pytest.mark.parametrize(
    ("question", "options"),
    [("Taglia", "Normale / Grande"), ("Zustand", "unauffällig / gut"), ("Geburtsort", "normal / abnormal")],
    ids=["size", "one-side", "identity"],
)
def test_half_a_scale_or_who_the_person_is_is_no_finding(db, question: str, options: str) -> None:
    texts = {"question": question, "options": options, "choices": options}
    found = classify(texts, db.fields, "radio", "", db.consent_words, _EXAM, db.field_context)
    assert found is None or found.words != ("examination finding",), found


def test_the_same_answers_on_two_pages(tmp_path: Path, db) -> None:
    exam = """<html><head><title>Wywiad logopedyczny</title></head><body><form>
<h3>Stan funkcji fizjologicznych</h3>
<p>Połykanie:</p>
<label><input type="radio" name="b11" value="1">prawidłowe</label>
<label><input type="radio" name="b11" value="2">nieprawidłowe</label>
</form></body></html>"""
    sites = {s.name: s for s in scan_text(tmp_path, exam, db, "wywiad.html").fields}
    assert sites["b11"].classification.category == "health", sites
    car = """<html><head><title>Fahrzeugprüfung – Autohaus Huber</title></head><body><form>
<p>Bremsen:</p>
<label><input type="radio" name="bremsen" value="1">unauffällig</label>
<label><input type="radio" name="bremsen" value="2">auffällig</label>
</form></body></html>"""
    checked = scan_text(tmp_path, car, db, "pruefung.html").fields
    assert not [s for s in checked if s.classification is not None], checked  # a car's check is no exam
