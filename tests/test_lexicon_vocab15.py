"""Vocabulary of the retired third held-out set's and the development set's misses, as word families in every
language they occur in (docs/fields.md, "Vocabulary added from the held-out misses"): each concept must take its
category, and each look-alike met while checking the words against the development set must not."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import Topic, classify
from tests.test_classifier import field

CONCEPTS = {
    # a radiology referral: operations on an organ, kidney values, contrast reactions, thyroid, impairments
    "da-organ-operated": (field(label="Er patienten tidligere nyreopereret?", options="Ja Nej", type_="radio"), "health"),
    "da-proteinuria": (field(label="Har patienten kendt proteinuri?", options="Ja Nej", type_="radio"), "health"),
    "da-creatinine": (field(label="P-Kreatinin"), "health"),
    "da-contrast-reaction": (field(label="Har patienten haft tidligere kontraststofreaktion?", options="Ja Nej", type_="radio"), "health"),
    "da-hyperthyroidism": (field(label="Har patienten kendt hyperthyreoidisme?", options="Ja Nej", type_="radio"), "health"),
    "da-visually-impaired": (field(label="Synshæmmet", type_="checkbox"), "health"),
    "da-amputee": (field(label="Amputeret", type_="checkbox"), "health"),
    "da-dementia": (field(label="Dement", type_="checkbox"), "health"),
    "da-aphasia": (field(label="Afasi", type_="checkbox"), "health"),
    "da-mri": (field(label="Ved MR skanning af børn"), "health"),
    "da-clinical-question": (field(label="Klinisk problemstilling"), "health"),
    "de-aphasia": (field(label="Aphasie", type_="checkbox"), "health"),
    "en-g6pd": (field(label="G6PD (Glucose-6-phosphate)"), "health"),
    "en-congenital": (field(label="Any congenital conditions?"), "health"),
    "en-overdose": (field(label="Overdose", type_="checkbox"), "health"),
    "it-hospitalisation": (field(label="Ospedalizzazione o prolungamento", type_="checkbox"), "health"),
    "it-congenital-anomalies": (field(label="Anomalie congenite / deficit nel neonato", type_="checkbox"), "health"),
    "it-current-therapy": (field(label="Terapia in atto:"), "health"),
    "it-medication-error": (field(label="Errore terapeutico", type_="checkbox"), "health"),
    "nl-chills": (field(label="Heb je rillingen?", options="Ja Nee", type_="radio"), "health"),
    "nl-loss-of-taste": (field(label="Heb je dat smaak of geur wegvalt?", options="Ja Nee", type_="radio"), "health"),
    "nl-breathing": (field(label="Heb je moeite met ademen?", options="Ja Nee", type_="radio"), "health"),
    "nl-behaviour-problems": (field(label="Heeft de leerling gedragsproblemen?", options="Ja Nee", type_="radio"), "health"),
    # behaviour problems, the family of the Dutch "gedragsproblemen", in the other languages
    "en-behavioural-difficulties": (field(label="Has your child any behavioural difficulties?"), "health"),
    "de-behavioural-problems": (field(label="Verhaltensauffälligkeiten"), "health"),
    "pl-behaviour-disorders": (field(label="Zaburzenia zachowania"), "health"),
    "cs-behaviour-disorders": (field(label="Poruchy chování"), "health"),
    "es-conduct-problems": (field(label="¿Presenta problemas de conducta?", options="Sí No", type_="radio"), "health"),
    "nl-developmental-problem": (field(label="Ontwikkelingsproblemen"), "health"),
    "nl-family-doctor": (field(label="Huisdokter"), "health"),
    "nl-reason-for-consultation": (field(label="Reden van consultatie"), "health"),
    "pl-strabismus": (field(label="Zez"), "health"),
    "pl-speech-defect": (field(label="Wada wymowy:"), "health"),
    "cs-which-disability": (field(label="Koho přihlašujete a s jakým postižením?"), "health"),
    "pt-alcoholism": (field(label="Classificação do Etilismo"), "health"),
    "pt-gestational-history": (field(label="Histórico Gestacional"), "health"),
    "pt-birth-problems": (field(label="Problemas durante o parto?"), "health"),
    "es-aphasia": (field(label="Afasia", type_="checkbox"), "health"),
    # the partner sought: an orientation or gender-preference question, and a select's "choose" / "other"
    "nl-partner-sought-other": (field(label="Ik zoek", options="(Maak een keuze) Man Vrouw Andere", type_="select"), "sex-life"),
    "fr-orientation-sexes": (field(question="Orientation", options="Homme Femme", type_="radio"), "sex-life"),
    "nl-gender-preference": (field(label="Geslacht voorkeur", options="Mannen Vrouwen Beide", type_="select"), "sex-life"),
    # running on a party's list, a church's abbreviation
    "es-party-list": (field(label="¿Te gustaría ir en las listas electorales de nuestro partido?"), "political"),
    "en-stand-for-election": (field(label="Would you be willing to stand for election?", options="Yes No", type_="radio"), "political"),
    # a sign-language user or interpreter is an accessibility need; a named specialist treats the visitor
    "en-sign-language-user": (field(label="Yes, I am a British Sign Language user", type_="checkbox"), "health"),
    "de-sign-language-interpreter": (field(label="Gebärdensprachdolmetscher nötig?", options="Ja Nein", type_="radio"), "health"),
    "it-pulmonologist": (field(label="Medico pneumologo", options="-- Nessuno --", type_="select"), "health"),
    "pt-evangelical-abbreviation": (field(label="Nome, Data Nascimento, Evang./Não Evang."), "religion"),
}

LOOKALIKES = {
    # Danish "dementi" is a denial; "uhæmmet" is unrestrained (only impairment compounds are written)
    "da-denial": (field(label="Dementi"), "health"),
    "da-unrestrained": (field(label="Uhæmmet glæde"), "health"),
    # Dutch "trillingen" are vibrations; a shop asks for a preferred scent or taste
    "nl-vibrations": (field(label="Trillingen (Hz)"), "health"),
    "nl-shop-scent": (field(label="Welke geur of smaak heeft uw voorkeur?"), "health"),
    # Polish "zeznanie" (testimony) starts with "zez"
    "pl-testimony": (field(label="Zeznanie świadka"), "health"),
    # Italian "parto da" is where a traveller leaves from: only Portuguese phrases of the birth are written
    "it-leaving-from": (field(label="Parto da"), "health"),
    "en-mr-title": (field(label="Title", options="Mr Mrs Ms Dr", type_="select"), "health"),
    # Danish "bekræft" (confirm) ends in "kræft" (cancer); a golf handicap is a score
    "da-confirm-password": (field(label="Bekræft kodeord", type_="password"), "health"),
    "da-golf-handicap": (field(label="Golfhandicap (begynder = 99)", name="handicap"), "health"),
    "en-golf-handicap": (field(label="Golf handicap"), "health"),
    # being on the electoral roll is no candidacy; a job applicant is a candidate; a party's public list of members
    "es-voter-roll": (field(label="¿Está inscrito en las listas electorales?", options="Sí No", type_="radio"), "political"),
    "en-job-candidate": (field(label="Be a candidate for other positions?", options="Yes No", type_="radio"), "political"),
    "fr-public-list": (field(label="Souhaitez-vous apparaître sur la liste publique ?", options="Oui Non", type_="radio"), "political"),
    # a language one speaks; a student's course names disciplines, not the visitor's health
    "en-languages-spoken": (field(label="Languages spoken", options="English French British Sign Language", type_="checkbox"), "health"),
    "it-student-course": (field(label="Studente", options="Fisioterapia Medicina Psicologia", type_="select"), "health"),
    # a school's behaviour policy and a code of conduct are rules, not the child's behaviour
    "en-behaviour-policy": (field(label="I have read the school's behaviour policy", type_="checkbox"), "health"),
    "en-code-of-conduct": (field(label="Code of conduct", type_="checkbox"), "health"),
    # an orientation session, a shop's "other"
    "en-orientation-session": (field(question="Orientation session", options="Morning Afternoon", type_="radio"), "sex-life"),
    "en-shop-other": (field(label="Looking for", options="Men Women Other Kids", type_="select"), "sex-life"),
}


def _classify(spec: dict, db):
    return classify(spec["texts"], db.fields, spec["type"], spec["autocomplete"], db.consent_words, context=db.field_context)


@pytest.mark.parametrize("case", sorted(CONCEPTS))
def test_vocabulary_concept_is_the_category(case: str, db) -> None:
    spec, category = CONCEPTS[case]
    result = _classify(spec, db)
    assert result is not None and result.category == category, result


@pytest.mark.parametrize("case", sorted(LOOKALIKES))
def test_vocabulary_look_alike_is_not_the_category(case: str, db) -> None:
    spec, category = LOOKALIKES[case]
    result = _classify(spec, db)
    assert result is None or result.category != category, result


# A reaction is a weak word: with its onset it is a health question, and on a health form (an adverse-drug-reaction
# report) the causes ticked for the observed reaction are too; a customer's reaction alone is nothing.
def test_a_reaction_and_its_onset_is_health(db) -> None:
    result = _classify(field(label="4. Data insorgenza reazione"), db)
    assert result is not None and result.category == "health", result


def test_a_reaction_on_a_health_form_is_health(db) -> None:
    spec = field(label="Misuso", question="Indicare se la reazione osservata deriva da", type_="checkbox")
    topic = Topic("health", "form heading 'Scheda di segnalazione di sospetta reazione avversa'")
    result = classify(spec["texts"], db.fields, spec["type"], "", db.consent_words, topic, db.field_context)
    assert result is not None and result.category == "health", result


@pytest.mark.parametrize("label", ["Your reaction to our service", "Reazione del cliente", "Reakce na nabídku"])
def test_a_reaction_alone_is_no_health(label: str, db) -> None:
    result = _classify(field(label=label), db)
    assert result is None or result.category != "health", result
