"""The eighth session's vocabulary round (h-voc17, read from the retired sixth held-out set and the development
set's Russian forms): each concept written in the twelve languages, so each takes its category in several of them,
and the look-alikes met while writing the words do not."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field
from tests.test_lexicon_vocab16 import _classify

CONCEPTS = {
    # physical limitations, hospital stays, the pill, dental x-rays, a disability ID
    "es-physical-limitation": (field(question="¿Presenta alguna limitación física?", options="Sí No", type_="radio"), "health"),
    "de-physical-limitation": (field(label="Körperliche Einschränkungen"), "health"),
    "sv-physical-limitation": (field(label="Fysiska begränsningar"), "health"),
    "es-hospitalised": (field(question="¿Fue internado alguna vez?", options="Sí No", type_="radio"), "health"),
    "pl-stayed-in-hospital": (field(question="Czy przebywałaś/przebywałeś w szpitalu?", options="Tak Nie", type_="radio"), "health"),
    "fr-the-pill": (field(question="Prenez-vous actuellement la pilule ?", options="Oui Non", type_="radio"), "health"),
    "cs-the-pill": (field(label="Užíváte hormonální antikoncepci?"), "health"),
    "fr-dental-x-rays": (field(question="A-t-on déjà effectué des radios dentaires ?", options="Oui Non", type_="radio"), "health"),
    "en-pwd-id": (field(label="PWD ID Number (Optional)", name="pwdNumber"), "health"),
    # a diagnosis code of the WHO classification
    "en-icd-code": (field(label="ICD-10 code"), "health"),
    "es-cie-code": (field(label="Código CIE-10"), "health"),
    "pt-cid-code": (field(label="CID-10"), "health"),
    "cs-mkn-code": (field(label="Kód MKN"), "health"),
    "ru-mkb-code": (field(label="Шифр по МКБ-10:"), "health"),
    # the Holy Spirit, the church one came from, an Orthodox commemoration
    "es-received-the-spirit": (field(question="Recibió el Espíritu Santo", options="Sí No", type_="radio"), "religion"),
    "es-other-church": (field(question="Asistía antes a otra Iglesia ?", options="Sí No", type_="radio"), "religion"),
    "pt-previous-church": (field(label="Igreja anterior"), "religion"),
    "ru-commemoration": (field(label="Поминовение:"), "religion"),
    # heading a party's list
    "es-head-of-list": (field(label="Cabeza de lista (1)"), "political"),
    "pt-head-of-list": (field(label="Cabeça de lista"), "political"),
}

LOOKALIKES = {
    # "Espírito Santo" is a Brazilian state; "pwd" alone is a password
    "pt-state-espirito-santo": (field(label="Estado", options="Bahia Espírito Santo Minas Gerais", type_="select"), "religion"),
    "en-password": (field(label="Pwd", type_="password"), "health"),
    # how one came to the practice: a channel, whatever its options
    "fr-how-you-found-the-practice": (field(label="Comment avez-vous connu le cabinet ?", type_="textarea"), "health"),
    "de-how-you-found-us": (
        field(question="Wie haben Sie unsere Praxis gefunden?", options="Internet Empfehlung Hausarzt Telefonbuch", type_="checkbox"),
        "health",
    ),
    "nl-how-you-came-to-me": (field(label="Hoe ben je bij mij terechtgekomen? Via de huisarts?"), "health"),
    "en-referral-source": (field(label="Referral Source", options="Doctor Friend Google", type_="select"), "health"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)


def test_a_referring_physician_is_not_a_referral_question(db) -> None:
    result = _classify(field(label="Name of referring physician"), db)
    assert result is not None and result.category == "health", result
