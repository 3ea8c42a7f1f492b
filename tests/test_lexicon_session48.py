"""Words from the forty-eighth session, from D48's questionnaires written as data (each checked in the languages where it
is one phrase): cancer in Polish's inflections (raka, raku, rakiem), France's long-term condition (ALD, affection de
longue durée), a child under treatment ("suit-il un traitement ?"), drunkenness in Spanish, being easily startled or
tired and waking at night."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "pl-raka": (field(question="Czy kiedykolwiek miałeś raka?", type_="radio", options="Tak / Nie"), "health"),
    "pl-rakiem": (field(label="Leczenie związane z rakiem", type_="textarea"), "health"),
    "fr-ald": (field(label="N° ALD", type_="text"), "health"),
    "fr-affection-longue-duree": (field(label="Affection de longue durée", type_="checkbox"), "health"),
    "fr-suit-traitement": (field(question="Actuellement l'enfant suit-il un traitement ?", type_="radio", options="Oui / Non"), "health"),
    "es-borracho": (field(question="¿Has estado en riñas o te han detenido estando borracho?", type_="radio"), "health"),
    "es-asusta": (field(question="¿Se asusta con facilidad?", type_="radio", options="Sí / No"), "health"),
    "es-cansa": (field(question="¿Se cansa con facilidad?", type_="radio", options="Sí / No"), "health"),
    "es-despierta": (field(label="b) Se despierta durante la noche", type_="checkbox"), "health"),
    "en-tired-easily": (field(question="Do you get tired easily?", type_="radio", options="Yes / No"), "health"),
    "it-stanca": (field(question="Si stanca facilmente?", type_="radio", options="Sì / No"), "health"),
    "pt-acorda": (field(question="Acorda durante a noite?", type_="radio", options="Sim / Não"), "health"),
}

LOOKALIKES = {
    "pl-rakieta": (field(label="Rakieta tenisowa", type_="select", options="Head / Wilson"), "health"),
    "pl-rakow": (field(label="Miasto: Raków", type_="text"), "health"),
    "fr-ronald": (field(label="Prénom (ex. Ronald)", type_="text"), "health"),
    "fr-traitement-commande": (field(label="Traitement de la commande", type_="select", options="Standard / Express"), "health"),
    "es-despierta-hotel": (field(label="Llamada para despertarse", type_="time"), "health"),
    # how the visitor came to the practice, the practice named instead of "us": a channel, not the visitor's health
    "ru-referral-clinic": (
        field(label="Как Вы узнали о нашей стоматологической клинике?", type_="select", options="2ГИС / Яндекс / ПроДокторов"),
        "health",
    ),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
