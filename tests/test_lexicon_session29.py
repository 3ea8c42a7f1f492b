"""The twenty-ninth session's words, from the retired twenty-fifth held-out set's misses: a speech therapist's
anamnesis ("Haben Sie den Eindruck, dass Ihr Kind stottert?", "War oder ist Ihr Kind in logopädischer Behandlung?"):
stuttering, speech and language disorders and their therapy (logopedics), in the twelve languages, where a language
lacked them. The look-alikes: "to come from" in Danish and Swedish ("stammer fra", "stammar från", which English
"stammer*" would read), German "stammen", Polish "jaka" (what a folded "jąka*" would have read), a programming
language called Lisp, a language course."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "de-stottert": (field(question="Haben Sie den Eindruck, dass Ihr Kind stottert?", type_="radio", options="Ja / Nein"), "health"),
    "de-logopaedie": (field(label="War oder ist Ihr Kind in logopädischer Behandlung?", type_="radio", options="Ja / Nein"), "health"),
    "de-sprachentwicklung": (field(label="Sprachentwicklungsstörung bekannt?", type_="checkbox"), "health"),
    "en-speech-delay": (field(label="Has your child been diagnosed with a speech delay?", type_="radio", options="Yes No"), "health"),
    "fr-orthophonie": (field(label="Suivi en orthophonie", type_="checkbox"), "health"),
    "fr-begaie": (field(question="Votre enfant bégaie-t-il ?", type_="radio", options="Oui / Non"), "health"),
    "it-balbetta": (field(question="Il bambino balbetta?", type_="radio", options="Sì / No"), "health"),
    "es-tartamudez": (field(label="¿Presenta tartamudez?", type_="radio", options="Sí No"), "health"),
    "pt-gagueja": (field(question="Seu filho gagueja?", type_="radio", options="Sim / Não"), "health"),
    "pt-fonoaudiologia": (field(label="Faz acompanhamento fonoaudiológico?", type_="checkbox"), "health"),
    "nl-stottert": (field(label="Stottert uw kind?", type_="radio", options="Ja / Nee"), "health"),
    "pl-wada-wymowy": (field(question="Czy dziecko ma wadę wymowy?", type_="radio", options="Tak / Nie"), "health"),
    "cs-logoped": (field(label="Navštěvuje dítě logopeda?", type_="checkbox"), "health"),
    "sv-sprakstorning": (field(label="Har barnet en språkstörning?", type_="radio", options="Ja / Nej"), "health"),
    "da-logopaed": (field(label="Går barnet hos en logopæd?", type_="radio", options="Ja / Nej"), "health"),
    "ru-logoped": (field(label="Занимается ли ребёнок с логопедом?", type_="radio", options="Да / Нет"), "health"),
}

LOOKALIKES = {
    "da-stammer-fra": (field(label="Hvilket land stammer du fra?"), "health"),
    "sv-stammar-fran": (field(label="Vilket land stammar du från?"), "health"),
    "de-stammen": (field(label="Woher stammen Sie?"), "health"),
    "pl-jaka": (field(label="Jaka jest Twoja ulubiona potrawa?"), "health"),
    "en-lisp": (field(label="Programming languages you know", type_="select", options="Lisp / Haskell / Python"), "health"),
    "en-language-course": (
        field(label="Which language course would you like to book?", type_="select", options="French / German"),
        "health",
    ),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
