"""Words from the forty-second session's development batch D42 (README item 117), in the twelve languages where the
batch showed one: a dating form's options written as sentences ("Jag är intresserad av… / Män / Kvinnor / Båda", "Ich
bin eine Frau und suche einen Mann") say "I am" and "and" in every language, as English "I'm interested in women"
already did."""

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
}

LOOKALIKES = {
    "de-shop-suche": (field(label="Ich suche", type_="select", options="Ich bin ein Mann und suche Schuhe / Jacken / Hosen"), "sex-life"),
    "sv-storlek": (field(label="Storlek", type_="select", options="Jag är / Män / Kvinnor / Barn"), "sex-life"),
    "en-shop-and": (field(label="Looking for", type_="select", options="Men and women / Kids and babies"), "sex-life"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
