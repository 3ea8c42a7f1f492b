"""The twenty-fourth session's words, found from the retired nineteenth held-out set's misses (an Ecuadorian census
form's "En estado de gestación", a dating app's "Show me: Women / Men / Everyone" and "Visa mig", its "Drinking: Sober
curious", a Polish pilgrimage's "Imię i nazwisko pielgrzyma", an interests list's "Mental Health Awareness"), written
in the languages that lacked them. The look-alikes: a pilgrim's name and contact details (who the person is), a
shop's filter, a cause among interests, and "gestión" (management)."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    # gestation, the pregnancy asked by its noun, where a language lacked it
    "es-gestacion": (field(label="En estado de gestación:"), "health"),
    "es-semanas": (field(label="Gestación (semanas)", type_="number"), "health"),
    "en-gestation": (field(label="Gestation", type_="number"), "health"),
    "en-weeks-gestation": (field(label="Weeks of gestation", type_="number"), "health"),
    "fr-gestation": (field(label="Semaines de gestation", type_="number"), "health"),
    "nl-gestatie": (field(label="Gestatieduur", type_="number"), "health"),
    "da-svangerskab": (field(label="Svangerskabsuge", type_="number"), "health"),
    "sv-havandeskap": (field(label="Havandeskap", type_="radio", options="Ja Nej"), "health"),
    # a clinical measurement's unit, written alike in every language
    "es-mmhg": (field(label="TA 1er. toma (mmHg):", type_="number"), "health"),
    "fr-mmhg": (field(label="Tension (mm Hg)", type_="number"), "health"),
    "en-mmol": (field(label="Fasting glucose (mmol/L)", type_="number"), "health"),
    "pt-mgdl": (field(label="Colesterol (mg/dL)", type_="number"), "health"),
    # the expected date of delivery, as an Italian obstetric anaesthesia record writes it
    "it-presunto-parto": (field(label="Data presunto parto (*):", type_="date"), "health"),
    "it-prevista-parto": (field(label="Data prevista del parto", type_="date"), "health"),
    # a pilgrimage (not a pilgrim) stays religion
    "pl-pielgrzymka": (field(label="Zapisy na pielgrzymkę", type_="checkbox"), "religion"),
    "pl-pielgrzymowanie": (field(label="Ile razy pielgrzymowałeś?", type_="number"), "religion"),
    # the sexes a dating app shows, with "everyone"
    "en-show-me": (field(label="Show me *", type_="select", options="Women / Men / Everyone"), "sex-life"),
    "sv-visa-mig": (field(label="Visa mig", type_="radio", options="Män / Kvinnor / Alla"), "sex-life"),
    "de-zeig-mir": (field(label="Zeig mir", type_="radio", options="Frauen / Männer / Alle"), "sex-life"),
    "fr-montre-moi": (field(label="Montre-moi", type_="radio", options="Femmes / Hommes / Tout le monde"), "sex-life"),
    "es-muestrame": (field(label="Muéstrame", type_="radio", options="Mujeres / Hombres / Todos"), "sex-life"),
    "pl-pokaz-mi": (field(label="Pokaż mi", type_="radio", options="Kobiety / Mężczyzn / Wszystkich"), "sex-life"),
    "nl-toon-mij": (field(label="Toon mij", type_="radio", options="Vrouwen / Mannen / Iedereen"), "sex-life"),
    "ru-pokazyvat": (field(label="Показывать", type_="radio", options="Женщин / Мужчин / Всех"), "sex-life"),
    # a dating app's relationship goals, one of them casual sex by another name
    "en-short-term-fun": (
        field(label="Looking for", type_="select", options="Long-term partner / Short-term, open to long / Short-term fun / New friends"),
        "sex-life",
    ),
    # abstinence from alcohol as a profile's drinking answer
    "en-sober-curious": (field(label="Drinking", type_="select", options="Not for me / Sober / Sober curious / Most nights"), "health"),
    "en-sobriety": (field(label="Sobriety date", type_="date"), "health"),
}

LOOKALIKES = {
    "pl-pielgrzym-name": (field(label="Imię i nazwisko pielgrzyma"), "religion"),
    "pl-pielgrzym-email": (field(label="E-mail pielgrzyma", type_="email"), "religion"),
    "pl-pielgrzym-phone": (field(label="Telefon pielgrzyma", type_="tel"), "religion"),
    "en-shop-show-me": (field(label="Show me", type_="select", options="Men / Women / Kids"), "sex-life"),
    "en-show-results": (field(label="Show me", type_="select", options="10 results / 20 results"), "sex-life"),
    "en-awareness": (field(label="Interests", type_="checkbox", options="Mental Health Awareness"), "health"),
    "en-cancer-awareness": (field(label="Causes you support", type_="checkbox", options="Breast Cancer Awareness"), "health"),
    "es-gestion": (field(label="Gestión de citas"), "health"),
    "it-parto-da": (field(label="Parto da (città)"), "health"),
    "en-dose-mg": (field(label="Package size (mg)", type_="number"), "health"),
    "en-short-term-rental": (field(label="Short-term rental", type_="select", options="Yes / No"), "sex-life"),
    "en-fun-run": (field(label="Which event?", type_="select", options="Fun run / Short course"), "sex-life"),
    "en-congestion": (field(label="Traffic congestion on your route"), "health"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
