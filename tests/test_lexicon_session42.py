"""Words from the forty-second session's development batch D42 (README item 117), in the twelve languages where the
batch showed one: a dating form's options written as sentences ("Jag är intresserad av… / Män / Kvinnor / Båda", "Ich
bin eine Frau und suche einen Mann") say "I am" and "and" in every language, as English "I'm interested in women"
already did; nightmares and being easily startled (a PTSD screen's items) are health."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "sv-intresserad-prompt": (
        field(label="Intresserad av", type_="select", options="Jag är intresserad av... / Män / Kvinnor / Båda"),
        "sex-life",
    ),
    "de-ich-bin-suche": (
        field(
            label="Ich bin / Ich suche",
            type_="select",
            options="Ich bin eine Frau und suche einen Mann / Ich bin ein Mann und suche eine Frau / Ich bin ein Mann und suche einen Mann",
        ),
        "sex-life",
    ),
    "fr-je-suis-cherche": (
        field(
            label="Je cherche",
            type_="select",
            options="Je suis une femme et je cherche un homme / Je suis un homme et je cherche une femme",
        ),
        "sex-life",
    ),
    "es-soy-busco": (field(label="Busco", type_="select", options="Soy mujer y busco hombre / Soy hombre y busco mujer"), "sex-life"),
    "sv-mardrommar": (
        field(label="Haft mardrömmar om det, eller tänkt på det när du inte ville?", type_="radio", options="Nej Ja"),
        "health",
    ),
    "sv-lattskramd": (field(label="Varit konstant vaksam eller lättskrämd?", type_="radio", options="Nej Ja"), "health"),
    "en-nightmares": (field(label="Had nightmares about it or thought about it when you did not want to?", type_="radio"), "health"),
    "de-albtraeume": (field(label="Hatten Sie Albträume?", type_="radio", options="Ja Nein"), "health"),
    "fr-cauchemars": (field(label="Avez-vous fait des cauchemars ?", type_="radio", options="Oui Non"), "health"),
    "ru-koshmary": (field(label="Вас мучили ночные кошмары?", type_="radio", options="Да Нет"), "health"),
}

LOOKALIKES = {
    "en-nightmare-tickets": (field(label="Nightmare before Christmas tickets", type_="number"), "health"),
    "de-shop-suche": (field(label="Ich suche", type_="select", options="Ich bin ein Mann und suche Schuhe / Jacken / Hosen"), "sex-life"),
    "sv-storlek": (field(label="Storlek", type_="select", options="Jag är / Män / Kvinnor / Barn"), "sex-life"),
    "en-shop-and": (field(label="Looking for", type_="select", options="Men and women / Kids and babies"), "sex-life"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
