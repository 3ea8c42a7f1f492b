"""The twentieth session's words (read from the retired fifteenth held-out set and the session's development batch):
the clinical specialty a patient is booked into or seen by, in the twelve languages, a neurological finding
(dysarthria), a cancer patient's performance status (ECOG), an abbreviated national identity number (NIN) and French
"jeûne"; with the look-alikes met while writing them. The
specialties are weak words: two of them (a choice of departments), or one on a health page, decide."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "fr-service": (field(label="Service", options="Cardiologie Dermatologie Médecine générale", type_="select"), "health"),
    "en-clinic": (field(label="Clinic", options="Cardiology Rheumatology", type_="radio"), "health"),
    "de-fach": (field(label="Fachbereich", options="Kardiologie Urologie Gastroenterologie", type_="select"), "health"),
    "es-especialidad": (field(label="Especialidad", options="Cardiología Reumatología Nefrología", type_="select"), "health"),
    "it-reparto": (field(label="Reparto", options="Cardiologia Ematologia", type_="select"), "health"),
    "pt-especialidade": (field(label="Especialidade", options="Cardiologia Endocrinologia", type_="select"), "health"),
    "nl-afdeling": (field(label="Afdeling", options="Cardiologie Oogheelkunde", type_="select"), "health"),
    "pl-poradnia": (field(label="Poradnia", options="Kardiologiczna Endokrynologiczna", type_="select"), "health"),
    "cs-ambulance": (field(label="Ambulance", options="Kardiologie Revmatologie", type_="select"), "health"),
    "ru-otdelenie": (field(label="Отделение", options="Кардиология Эндокринология", type_="select"), "health"),
    "fr-dysarthria": (field(label="Dysarthrie", type_="checkbox"), "health"),
    "sv-ecog": (field(label="ECOG (0-5)", type_="number"), "health"),
    # the UK's National Insurance number and Nigeria's National Identification Number, abbreviated
    "en-nin": (field(label="NIN:"), "government-id"),
}

LOOKALIKES = {
    # a shop's and a software's words that share no stem with a specialty
    "en-cardio-class": (field(label="Class", options="Cardio Yoga Pilates", type_="select"), "health"),
    "de-urlaub": (field(label="Urlaubsart", options="Urlaub Dienstreise", type_="select"), "health"),
    "en-ecology": (field(label="Topic", options="Ecology Economy", type_="select"), "health"),
    # one specialty alone names a society or a congress, not a patient's care (the words are weak)
    "en-congress": (field(label="Congress of the European Society of Cardiology", type_="checkbox"), "health"),
    "es-nina": (field(label="Nombre de la niña"), "government-id"),  # "niña" folds to "nina", not "nin"
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)


def test_a_young_person_s_contact_on_a_parish_form_is_contact_and_fasting_is_religion(db) -> None:
    # "jeûne" (a fast) and "jeune" (a young person) fold alike: only the verb's forms are words.
    from analyzer.signatures.lexicon import Topic, classify

    parish = Topic("religion", "form 'Inscription au catéchisme'")
    for label in ("Téléphone du jeune (si lycéen)", "Email du jeune", "Adresse où vit le jeune"):
        got = classify({"label": label}, db.fields, "text", "", db.consent_words, parish, db.field_context)
        assert got is not None and got.category == "contact", (label, got)
    fast = classify({"label": "Jeûnez-vous ?", "options": "Oui Non"}, db.fields, "radio", "", db.consent_words, parish, db.field_context)
    assert fast is not None and fast.category == "religion", fast
