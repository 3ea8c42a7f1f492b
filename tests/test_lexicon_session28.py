"""The twenty-eighth session's words, from the retired twenty-third held-out set's misses: a care home's advance
directive and do-not-resuscitate order (``Patientenverfügung``, ``DNR-Verfügung (Keine Reanimation)``), in the
twelve languages; a Muslim matrimonial profile's school of jurisprudence (``Madhab``); a gender recognition
application's affirmed gender; an employee survey's indigenous tribes; a dating profile's "¿Qué te interesa?" and
"Interesse" over the sexes. The look-alikes: a resuscitation course, a will, a gender select, a hobby's interest, a
team's gender, a football tribe."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "de-patientenverfuegung": (field(label="Patientenverfügung vorhanden", type_="checkbox"), "health"),
    "de-dnr": (field(label="DNR-Verfügung (Keine Reanimation)", type_="checkbox"), "health"),
    "en-advance-directive": (field(label="Do you have an advance directive?", type_="radio", options="Yes No"), "health"),
    "en-dnr": (field(label="Do not resuscitate (DNR) order on file", type_="checkbox"), "health"),
    "fr-directives": (field(label="Directives anticipées rédigées", type_="checkbox"), "health"),
    "es-testamento-vital": (field(label="¿Tiene testamento vital?", type_="radio", options="Sí No"), "health"),
    "nl-wilsverklaring": (field(label="Wilsverklaring aanwezig", type_="checkbox"), "health"),
    "da-livstestamente": (field(label="Har du oprettet et livstestamente?", type_="radio", options="Ja Nej"), "health"),
    "fr-madhab": (field(label="École Juridique (Madhab)", type_="select", options="Hanafi / Maliki / Shafi'i"), "religion"),
    "en-madhhab": (field(label="Madhhab"), "religion"),
    "en-affirmed-gender": (field(question="What is your affirmed gender?", type_="radio", options="Male / Female"), "sex-life"),
    "en-gender-recognition": (field(label="Do you hold a gender recognition certificate?", type_="radio", options="Yes No"), "sex-life"),
    "en-tribes": (field(question="Part of Indigenous tribes in the Philippines?", type_="select", options="Yes / No"), "racial-ethnic"),
    "es-que-te-interesa": (
        field(question="¿Qué te interesa? (puedes elegir varios):", type_="checkbox", options="Hombres / Mujeres / Ambos"),
        "sex-life",
    ),
    "pt-interesse": (field(label="Interesse*", type_="select", options="Masculino / Feminino / Ambos"), "sex-life"),
}

LOOKALIKES = {
    "de-reanimationskurs": (field(label="Erste-Hilfe-Kurs mit Reanimation", type_="checkbox"), "health"),
    "en-will": (field(label="Have you made a will?", type_="radio", options="Yes No"), "health"),
    "pt-sexo": (field(label="Sexo", type_="select", options="Masculino / Feminino"), "sex-life"),
    "pt-interesse-hobby": (field(label="Interesse", type_="select", options="Esporte / Música / Cinema"), "sex-life"),
    "es-equipo": (field(label="Categoría del equipo", type_="select", options="Masculino / Femenino / Mixto"), "sex-life"),
    "en-football-tribe": (
        field(label="Which supporters' club are you in?", type_="select", options="North Stand / South Stand"),
        "racial-ethnic",
    ),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
