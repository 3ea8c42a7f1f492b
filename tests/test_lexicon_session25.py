"""The twenty-fifth session's words, from the retired twentieth held-out set's misses and the development set's: a
mental-health screening's past-tense death wish ("Have you ever had feelings or thoughts that you didn't want to
live?"), written where the present tense was the only form; a Dutch carer's "Ben je vaak moe?" and sleep; an EEG,
slurred speech and a rash; a church's attendance and its new converts; one's own candidate and vote; a dating
profile's "Je recherche : Peu importe / Des femmes / Des hommes" and "Vad letar du efter? Man / Kvinna / Båda". The
look-alikes: a wish to live somewhere, a hotel's bedrooms, a job seeker's "Je recherche un emploi", a job's candidate."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "en-didnt-want-to-live": (
        field(question="Have you ever had feelings or thoughts that you didn't want to live?", type_="checkbox"),
        "health",
    ),
    "en-did-not-want-to-live": (field(label="Have there been times you did not want to live?", type_="radio", options="Yes No"), "health"),
    "en-wished-dead": (field(question="In the past month, have you wished you were dead?", type_="radio", options="Yes No"), "health"),
    "nl-moe": (field(question="Ben je vaak moe?", type_="radio", options="NEE / SOMS / JA"), "health"),
    "nl-slaap": (field(question="Slaap je slechter door de zorg?", type_="radio", options="Nee / Soms / Ja"), "health"),
    "de-schlafen": (field(question="Schlafen Sie gut?", type_="radio", options="Ja / Nein"), "health"),
    "it-eeg": (field(label="Data Inizio Elettroencefalogramma", type_="date"), "health"),
    "ru-rash": (field(question="Бывают ли у Вас герпетические высыпания?"), "health"),
    "ru-speech": (field(label="Невнятная речь"), "health"),
    "en-slurred": (field(label="Slurred speech", type_="checkbox"), "health"),
    "fr-church-attendance": (
        field(label="Fréquentation de l'église", type_="select", options="Toutes les semaines / Rarement"),
        "religion",
    ),
    "fr-evangelisation": (field(label="Canal d'acquisition", type_="select", options="Évangélisation / Culte du dimanche"), "religion"),
    "es-new-convert": (field(label="Tipo", type_="select", options="Miembro / Nuevo converso / Visitante"), "religion"),
    "pl-church": (field(label="Uczęszczanie do kościoła", type_="select", options="Co tydzień / Rzadko"), "religion"),
    "pt-candidate": (field(label="Seu candidato para deputado estadual 1"), "political"),
    "de-vote": (field(question="Wen wählen Sie bei der nächsten Wahl?", type_="radio", options="CDU / SPD / Grüne"), "political"),
    "fr-seeking-des": (field(question="Je recherche", type_="radio", options="Peu importe / Des femmes / Des hommes"), "sex-life"),
    "sv-letar-efter": (field(question="Vad letar du efter?", type_="radio", options="Man / Kvinna / Båda"), "sex-life"),
}

LOOKALIKES = {
    "nl-slaapkamers": (field(label="Aantal slaapkamers", type_="number"), "health"),
    "fr-recherche-emploi": (field(question="Je recherche", type_="radio", options="Un emploi / Un stage / Peu importe"), "sex-life"),
    "sv-letar-jobb": (field(question="Vad letar du efter?", type_="radio", options="Jobb / Praktik"), "sex-life"),
    "en-job-candidate": (field(label="Candidate for the position"), "political"),
    # an athlete's or a coaching client's sleep is labelled none (a gym's look-alike): the bare noun is no term
    "de-fitness-schlaf": (field(label="Schlaf pro Nacht", type_="number"), "health"),
    "en-want-to-live-where": (field(label="Where do you want to live?"), "health"),
    "en-plan-to-live": (field(label="Do you plan to live abroad?", type_="radio", options="Yes No"), "health"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
