"""A symptom questionnaire's frequency scale (docs/fields.md, "Frequency scales"): on a page or form whose topic is
health, a choice that asks a question and is answered only by how often ("Nunca / Varios días / Más de la mitad de los
días / Casi todos los días", "Nunca / Raramente / Algumas vezes / Frequentemente") records a symptom, whatever the item's
own words: a GAD-7's "Ha tenido dificultad para relajarse", an ADHD screen's "Tem dificuldade em organizar tarefas?".
Look-alikes: the same item on a course survey, a clinic page's choice answered yes or no, a frequency scale beside
other answers, a question about who the person is."""

from __future__ import annotations

import pytest

from tests.conftest import page_fields

_RADIOS = "<fieldset><legend>{q}</legend>{boxes}</fieldset>"
_BOX = '<label><input type="radio" name="{n}" value="{i}"> {a}</label>'


def _page(title: str, question: str, answers: list[str], name: str = "item") -> str:
    boxes = "".join(_BOX.format(n=name, i=i, a=a) for i, a in enumerate(answers))
    return f"<title>{title}</title><form>{_RADIOS.format(q=question, boxes=boxes)}</form>"


@pytest.mark.parametrize(
    "title,question,answers",
    [
        (
            "Encuesta GAD-7",
            "Ha tenido dificultad para relajarse",
            ["Nunca", "Varios días", "Más de la mitad de los días", "Casi todos los días"],
        ),
        (
            "Anamnese neuropsicológica",
            "Tem dificuldade em organizar tarefas ou atividades?",
            ["Nunca / Raramente", "Algumas vezes", "Frequentemente", "Muito frequentemente"],
        ),
        (
            "Patient health questionnaire",
            "Trouble concentrating on things",
            ["Not at all", "Several days", "More than half the days", "Nearly every day"],
        ),
        ("Psychotherapie Praxis – Fragebogen", "Ich fühle mich unruhig", ["Nie", "Selten", "Manchmal", "Oft", "Immer"]),
    ],
)
def test_a_frequency_scale_on_a_health_page_records_a_symptom(db, title: str, question: str, answers: list[str]) -> None:
    assert page_fields(db, _page(title, question, answers)).get("item") == "health"


@pytest.mark.parametrize(
    "title,question,answers",
    [
        ("Encuesta de satisfacción del curso", "Ha tenido dificultad para relajarse", ["Nunca", "Varios días", "Casi todos los días"]),
        ("Anamnese neuropsicológica", "Tem dificuldade em organizar tarefas ou atividades?", ["Sim", "Não"]),
        ("Anamnese neuropsicológica", "Como prefere ser contactado?", ["Nunca", "Às vezes", "Por e-mail", "Por telefone"]),
        ("Newsletter preferences", "How often do you read our newsletter?", ["Never", "Sometimes", "Often", "Always"]),
        ("Patient health questionnaire", "Your first name", ["Never", "Sometimes", "Often"]),
    ],
)
def test_look_alikes_of_a_frequency_scale_are_nothing(db, title: str, question: str, answers: list[str]) -> None:
    assert "item" not in page_fields(db, _page(title, question, answers))


def test_an_answer_s_aside_and_daily_are_read_as_the_scale(db) -> None:
    # "Selten (etwa 1× pro Woche)": the aside in parentheses explains the answer; "Täglich" is how often too. A newsletter's
    # "Daily / Weekly / Monthly" on the same page is no symptom's scale (weekly and monthly are not in the list).
    answers = ["Nie / sehr selten", "Selten (etwa 1× pro Woche)", "Häufig (mehrmals pro Woche)", "Täglich"]
    page = _page("Pflegebedürftigkeit einschätzen: Verhaltensweisen und psychische Probleme", "Motorische Unruhe", answers)
    assert page_fields(db, page).get("item") == "health"
    newsletter = _page("Patient health questionnaire", "How often would you like our newsletter?", ["Daily", "Weekly", "Monthly"])
    assert page_fields(db, newsletter).get("item") != "health"
