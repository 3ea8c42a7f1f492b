"""The tenth session's vocabulary round (h-voc19, read from the retired eighth held-out set): a psychological
assessment or report and the first period, each concept written in the twelve languages, a Russian vital
signs' heart rate, and a political group one belongs to; with the look-alikes met while writing the words."""

from __future__ import annotations

import pytest

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "es-assessment": (field(label="Evaluación Psicológica:", type_="textarea"), "health"),
    "en-assessment": (field(label="Psychological assessment"), "health"),
    "de-report": (field(label="Psychologisches Gutachten", type_="textarea"), "health"),
    "fr-assessment": (field(label="Bilan psychologique"), "health"),
    "it-report": (field(label="Relazione psicologica", type_="textarea"), "health"),
    "pt-report": (field(label="Laudo psicológico"), "health"),
    "nl-assessment": (field(label="Psychologisch onderzoek"), "health"),
    "pl-opinion": (field(label="Opinia psychologiczna"), "health"),
    "cs-examination": (field(label="Psychologické vyšetření"), "health"),
    "sv-assessment": (field(label="Psykologisk bedömning"), "health"),
    "da-assessment": (field(label="Psykologisk vurdering"), "health"),
    "ru-conclusion": (field(label="Психологическое заключение"), "health"),
    "es-menarche": (field(label="MENARQUIA", type_="number"), "health"),
    "it-menarche": (field(label="Età menarca:", type_="number"), "health"),
    "fr-menarche": (field(label="Âge des ménarches"), "health"),
    "ru-heart-rate": (field(label="ЧСС", type_="number"), "health"),
    "pt-political-group": (field(label="Grupo político"), "political"),
    "fr-political-group": (field(label="Groupe politique", options="Renew PPE S&D", type_="select"), "political"),
}

LOOKALIKES = {
    # a psychology degree is an education, a school's "group" is a class
    "en-psychology-degree": (field(label="Degree", options="Psychology Law Economics", type_="select"), "health"),
    "es-study-group": (field(label="Grupo de estudio"), "political"),
    "pt-ethics-group": (field(label="Grupo de ética"), "political"),
}


@pytest.mark.parametrize("case", sorted(CONCEPTS))
def test_concept_is_the_category(case: str, db) -> None:
    test_lexicon_vocab16.test_concept_is_the_category(case, db, CONCEPTS)


@pytest.mark.parametrize("case", sorted(LOOKALIKES))
def test_look_alike_is_not_the_category(case: str, db) -> None:
    test_lexicon_vocab16.test_look_alike_is_not_the_category(case, db, LOOKALIKES)
