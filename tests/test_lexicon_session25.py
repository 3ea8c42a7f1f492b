"""The twenty-fifth session's words, from the retired twentieth held-out set's misses and the development set's: a
mental-health screening's past-tense death wish ("Have you ever had feelings or thoughts that you didn't want to
live?"), written where the present tense was the only form. The look-alikes: a wish to live somewhere, and a plan
to live abroad."""

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
}

LOOKALIKES = {
    "en-want-to-live-where": (field(label="Where do you want to live?"), "health"),
    "en-plan-to-live": (field(label="Do you plan to live abroad?", type_="radio", options="Yes No"), "health"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
