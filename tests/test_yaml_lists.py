"""Questionnaires kept as YAML data (``analyzer.parse.yaml_lists``): a quiz's questions in a ``.yaml`` file and a
page's YAML front matter are read as the field definitions they are, each at its own line; a navigation list, a CI
workflow, a Compose file and a message catalogue are not, and malformed or hostile YAML costs a bounded time and no
result."""

from __future__ import annotations

import time

from analyzer.parse import yaml_lists
from tests.conftest import every_control, scan_file

_QUIZ = """# Le quiz du militant
- question: Quel parti politique soutenez-vous ?
  choix:
  - reponse: Parti A
  - reponse: Parti B
- question: Quelle est votre couleur préférée ?
  choix:
  - reponse: Bleu
  - reponse: Rouge
"""

_FRONT_MATTER = """---
layout: intake
title: Anamnese
questions:
  - name: medication
    label: Welche Medikamente nehmen Sie ein?
    type: textarea
  - name: allergies
    label: Haben Sie Allergien?
    type: yesno
---

Bitte füllen Sie den Bogen vor dem Termin aus.
"""

_LOOK_ALIKES = {
    "_data/navigation.yml": """- title: Home
  url: /
- title: Diagnosis and treatment
  url: /treatment/
- title: Contact
  url: /contact/
""",
    ".github/workflows/ci.yml": """name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - name: Run the health checks
        run: make check
      - name: Lint
        run: make lint
""",
    "docker-compose.yml": """services:
  db:
    image: postgres
    labels:
      - "com.example.description=Patient database"
""",
    "config/locales/pt.yml": """pt:
  form:
    - label: Diagnóstico
      question: Tem alguma doença?
    - label: Medicação
      question: Toma medicamentos?
""",
}


def test_a_yaml_quiz_is_read_where_each_question_stands(tmp_path, db) -> None:
    found = every_control(tmp_path, _QUIZ, db, "quiz.yaml")
    assert [(s.line, s.tag) for s in found] == [(2, "select"), (6, "select")], found
    party, colour = found
    assert party.classification.category == "political" and party.texts["options"] == "Parti A Parti B", party
    assert colour.classification.category == "-", colour


def test_questions_in_a_pages_yaml_front_matter_are_read(tmp_path, db) -> None:
    found = {s.name: s for s in every_control(tmp_path, _FRONT_MATTER, db, "anamnese.md")}
    assert found.keys() == {"medication", "allergies"}, found
    assert found["medication"].line == 5 and found["medication"].tag == "textarea"
    assert found["allergies"].classification.category == "health", found["allergies"]


def test_navigation_workflows_compose_files_and_catalogues_hold_no_controls(tmp_path, db) -> None:
    for rel, text in _LOOK_ALIKES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        assert every_control(tmp_path, text, db, rel) == [], rel


def test_malformed_yaml_gives_nothing_and_does_not_fail(tmp_path, db) -> None:
    broken = "- question: Haben Sie Schmerzen?\n  choix: [Ja, Nein\n- question: : :\n\t- label: x\n"
    assert yaml_lists.script(broken) is None
    assert every_control(tmp_path, broken, db, "broken.yml") == []


def test_aliases_and_large_documents_cost_a_bounded_time(tmp_path, db) -> None:
    # Each level refers to the one before nine times: expanding it would write 9**9 nodes.
    laughs = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    laughs += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    recursive = "- &loop\n  label: Loop\n  items: [*loop]\n  question: Again?\n"
    big = "".join(f"- question: Frage {i}?\n  label: Feld {i}\n  type: text\n" for i in range(5_000))
    for name, text in (("laughs.yml", "\n".join(laughs) + "\nquestion: x\n- a\n"), ("loop.yml", recursive), ("big.yml", big)):
        start = time.perf_counter()
        every_control(tmp_path, text, db, name)
        assert time.perf_counter() - start < 10, name
    assert yaml_lists.script("\n".join(laughs)) is None  # over the node budget: nothing, not a partial literal


def test_a_yaml_file_with_broken_bytes_is_read_and_its_decoding_reported_once(tmp_path, db) -> None:
    path = tmp_path / "quiz.yml"
    path.write_bytes(_QUIZ.encode("utf-8") + b"# \xff\xfe broken\n")
    scanned = scan_file(path, db)
    codes = [d.code for d in scanned.facts.diagnostics]
    assert len(codes) == len(set(codes)), codes  # the text scan reports its decoding; the definitions' reading does not again
    assert [s.classification.category for s in scanned.fields] == ["political"], scanned.fields
