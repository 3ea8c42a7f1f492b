"""A list named as questions whose items only ask (``field_lists.question_keys``, analyzer/facts/fieldlists.py): a blood
donation centre's eligibility check keeps ``const perguntas = [{ pergunta: "…", ajuda: "" }, …]`` and draws yes / no
buttons for each, so each item is a control labelled by its question, though it names no type, field or choices. The
look-alikes: an FAQ (each item holds its answer's text), a list not named as questions, and an item that asks nothing."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from tests.conftest import every_control

_ELIGIBILITY = """// Each question of the screening, answered with yes / no buttons.
const perguntas = [
  {
    pergunta: "Está com sintomas de gripe, febre ou infecção?",
    ajuda: "",
    respostaIdeal: false
  },
  {
    pergunta: "É usuário de drogas ilícitas?",
    ajuda: "",
    respostaIdeal: false
  },
  {
    pergunta: "Você tem entre 16 e 69 anos?",
    ajuda: "Menores de 18 anos precisam de autorização",
    respostaIdeal: true
  }
];
"""

_FAQ = """const questions = [
  { question: "Is the HIV test confidential?", answer: "Yes, always." },
  { question: "Do I need an appointment for the STI test?", answer: "No." },
];
"""

_SLIDES = """const slides = [
  { pergunta: "Está com sintomas de gripe?", imagem: "gripe.png" },
  { pergunta: "É usuário de drogas ilícitas?", imagem: "drogas.png" },
];
"""


def _controls(tmp_path: Path, text: str) -> list:
    return every_control(tmp_path, text, signatures.load(), "triagem.js")


def test_a_list_of_questions_is_read_as_its_controls(tmp_path) -> None:
    got = _controls(tmp_path, _ELIGIBILITY)
    assert [f.line for f in got] == [3, 8, 13], got
    assert [f.classification.category for f in got][:2] == ["health", "health"], got
    assert got[2].classification.category == "-", got


def test_an_faq_and_a_list_not_named_as_questions_are_none(tmp_path) -> None:
    assert _controls(tmp_path, _FAQ) == []
    assert _controls(tmp_path, _SLIDES) == []
