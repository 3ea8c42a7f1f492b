"""A concept-driven vocabulary round (docs/fields.md, "Concepts in every language"): each concept is written in the
twelve languages, not only in the words a retired held-out form showed, so each must take its category in several
languages, and each look-alike met while checking the words must not."""

from __future__ import annotations

import re

import pytest

from analyzer.signatures.lexicon import classify
from tests.test_classifier import field

CONCEPTS = {
    # 1. Norwegian Bokmål health words beside the Danish ones
    "no-state-of-health": (field(label="Kort beskrivelse av helsetilstand:"), "health"),
    "no-the-medicine": (field(label="Har du kommet i gang med å bruke den nye medisinen?"), "health"),
    "no-gp": (field(label="Navn på fastlege"), "health"),
    "no-illness-compound": (field(label="Har du hjertesykdom?", options="Ja Nei", type_="radio"), "health"),
    "no-pregnancy": (field(label="Svangerskapsuke"), "health"),
    "no-impairment": (field(label="Har du en funksjonsnedsettelse?", options="Ja Nei", type_="radio"), "health"),
    "no-prescription": (field(label="Resept"), "health"),
    "no-illnesses": (field(label="Hvilke sykdommer har du hatt?"), "health"),
    "no-where-it-hurts": (field(label="Hvor har du vondt?"), "health"),
    "no-cancer": (field(label="Har du hatt kreft?", options="Ja Nei", type_="radio"), "health"),
    # 2. "health data" and "state of health" phrases
    "de-health-data": (field(label="Gesundheitsdaten"), "health"),
    "fr-health-data": (field(label="Données de santé"), "health"),
    "it-health-data": (field(label="Dati sanitari"), "health"),
    "es-health-data": (field(label="Datos de salud"), "health"),
    "pt-health-data": (field(label="Dados de saúde"), "health"),
    "nl-health-data": (field(label="Gezondheidsgegevens"), "health"),
    "sv-health-data": (field(label="Hälsouppgifter"), "health"),
    "no-health-data": (field(label="Helseopplysninger"), "health"),
    "ru-health-data": (field(label="Данные о здоровье"), "health"),
    # 4. obstetric and gynaecological history
    "en-full-term": (field(label="Full Term:"), "health"),
    "en-premature": (field(label="Premature:"), "health"),
    "en-last-delivery": (field(label="Date of Last Delivery:"), "health"),
    "en-dysmenorrhoea": (field(label="Dysmenorrhea", type_="checkbox"), "health"),
    "en-hydatidiform-mole": (field(label="hydatidiform mole (within the last 12 months)", type_="checkbox"), "health"),
    "es-last-delivery": (field(label="Fecha del último parto"), "health"),
    "de-premature-birth": (field(label="Frühgeburt", options="Ja Nein", type_="radio"), "health"),
    "nl-last-delivery": (field(label="Datum laatste bevalling"), "health"),
    "fr-gestity": (field(label="Gestité"), "health"),
    "es-caesareans": (field(label="Cesáreas"), "health"),
    "ru-abortions": (field(label="Аборты"), "health"),
    "pl-premature-birth": (field(label="Porody przedwczesne"), "health"),
    "it-dysmenorrhoea": (field(label="Dismenorrea", type_="checkbox"), "health"),
    # 5. sexual health
    "en-genital-discharge": (field(label="Unsual genital and/or anal discharge", type_="checkbox"), "health"),
    "en-confirmatory-test": (field(label="Confirmatory test result"), "health"),
    "fr-vaginal-discharge": (field(label="Pertes vaginales inhabituelles", type_="checkbox"), "health"),
    "pt-discharge": (field(label="Corrimento", type_="checkbox"), "health"),
    "pl-discharge": (field(label="Upławy", type_="checkbox"), "health"),
    "pt-genital-warts": (field(label="Verrugas genitais", type_="checkbox"), "health"),
    "en-anal-sores": (field(label="Anal sores", type_="checkbox"), "health"),
    "sv-genital-warts": (field(label="Kondylom", type_="checkbox"), "health"),
    # 6. long-term care, a compound diagnosis, an operation ("OP") in a German health question
    "de-care-insurer": (field(label="IK Pflegekasse:"), "health"),
    "de-care-service": (field(label="Ihr Pflegedienst"), "health"),
    "de-suspected-diagnosis": (field(label="Verdachtsdiagnose"), "health"),
    "de-short-diagnosis": (field(label="Kurzdiagnose"), "health"),
    "de-op-recommended": (field(label="Wurde Ihnen vom Spezialisten eine OP empfohlen?", options="Ja Nein", type_="radio"), "health"),
    "es-dependency-grade": (field(label="Grado de dependencia"), "health"),
    "nl-care-indication": (field(label="Wlz-indicatie"), "health"),
    "cs-care-allowance": (field(label="Příspěvek na péči"), "health"),
    # 7. a therapy or an instrumental examination as a label
    "it-therapy": (field(label="Terapia"), "health"),
    "it-instrumental-exam": (field(label="Esame strumentale"), "health"),
    "de-therapy": (field(label="Therapie"), "health"),
    "pl-therapy-start": (field(label="Data rozpoczęcia terapii *"), "health"),
    # 8. church roles and sacraments
    "fr-deacon": (field(label="Diacre", type_="checkbox"), "religion"),
    "fr-parishioner": (field(label="Paroissien(ne)", type_="checkbox"), "religion"),
    "fr-profession-of-faith": (field(label="Profession de Foi", type_="date"), "religion"),
    "es-parishioner": (field(label="Feligrés desde"), "religion"),
    "pt-tithe-payer": (field(label="Dizimista"), "religion"),
    "pl-catechesis": (field(label="Katecheza"), "religion"),
    "cs-deacon": (field(label="Jáhen"), "religion"),
    "es-catechism": (field(label="Catecismo"), "religion"),
    "de-catechumenate": (field(label="Katechumenat seit"), "religion"),
    "sv-first-communion": (field(label="Första kommunion"), "religion"),
    # 9. political commitments, a named movement, leaving a party
    "es-party-charter": (field(label="Me comprometo a respetar y defender la Carta orgánica", type_="checkbox"), "political"),
    "es-principles": (field(label="Me comprometo a respetar y defender la Programa de Principios", type_="checkbox"), "political"),
    "es-movement-name": (field(label="Nombre del movimiento político *"), "political"),
    "de-party-exit": (field(label="Parteiaustritt zum"), "political"),
    "nl-party-programme": (field(label="Ik onderschrijf het partijprogramma", type_="checkbox"), "political"),
    "cs-party-exit": (field(label="Vystoupení ze strany ke dni"), "political"),
    # 10. sex life on a dating profile
    "es-out-of-closet": (field(label="Fuera del armario", options="Si No Para amigos En proceso", type_="radio"), "sex-life"),
    "es-safe-sex": (field(label="Sexo seguro", options="Siempre A veces Nunca", type_="select"), "sex-life"),
    "es-role": (field(label="Rol", options="Activo Versátil mas activo Versátil Versátil mas pasivo Pasivo", type_="select"), "sex-life"),
    "fr-demisexual": (field(label="Demisexual", type_="checkbox"), "sex-life"),
    "nl-out-of-closet": (field(label="Ben je uit de kast?", options="Ja Nee", type_="radio"), "sex-life"),
    "de-outed": (field(label="Bist du geoutet?", options="Ja Nein", type_="radio"), "sex-life"),
    "pl-asexual": (field(label="Aseksualna", type_="checkbox"), "sex-life"),
    "en-fetishes": (field(label="Fetishes"), "sex-life"),
    # 11. racial-ethnic options beside "Raza", "Cor", "Hautfarbe"
    "es-race": (field(label="Raza", options="Caucasico Hispano Arabe Asiatico Negro Mulato Indio", type_="select"), "racial-ethnic"),
    "pt-colour-ibge": (field(label="Cor:", options="selecione Branco Pardo Negro", type_="select"), "racial-ethnic"),
    "de-skin-colour": (field(label="Hautfarbe", options="weiß schwarz asiatisch", type_="select"), "racial-ethnic"),
}

LOOKALIKES = {
    # 1. Norwegian: confirm ends in "kreft"; "krefter" are forces; a gym's "Trening og helse"; Dutch "lege" is empty
    "no-confirm-password": (field(label="Bekreft passord", type_="password"), "health"),
    "no-new-forces": (field(label="Nye krefter"), "health"),
    "no-gym": (field(label="Trening og helse"), "health"),
    "nl-empty-fields": (field(label="Lege velden overslaan"), "health"),
    # 3. authorising the processing of one's data is a decision, not the data ("legge 104" was every "Legge")
    "it-authorise-processing": (
        field(label="Autorizzo il trattamento dati Reg.to UE 2016/679 - GDPR LEGGE PRIVACY", type_="checkbox"),
        "health",
    ),
    "it-law": (field(label="Legge elettorale"), "health"),
    "en-authorise-health-data": (field(label="I authorise the processing of my health data", type_="checkbox"), "health"),
    "no-consent-health-data": (field(label="Jeg samtykker til behandling av helseopplysninger", type_="checkbox"), "health"),
    "cs-consent-health-data": (
        field(question="Souhlas se zpracováním zdravotních údajů", options="Ano Ne", type_="radio"),
        "health",
    ),
    "nl-consent-health-data": (field(question="Toestemming verwerking gezondheidsgegevens", options="Ja Nee", type_="radio"), "health"),
    "sv-consent-health-data": (field(question="Samtycke till behandling av hälsouppgifter", options="Ja Nej", type_="radio"), "health"),
    # 4. an order's last delivery date; a family form's children
    "en-order-delivery": (field(label="Last delivery date"), "health"),
    "en-children": (field(label="Number of living children"), "health"),
    # 6. cosmetics and a car's diagnostics; "OP" alone; Dutch "op"
    "de-body-care": (field(label="Körperpflege-Produkte"), "health"),
    "de-skin-care": (field(label="Hautpflege"), "health"),
    "de-vehicle-diagnosis": (field(label="Fahrzeugdiagnose"), "health"),
    "en-original-poster": (field(label="Reply to OP"), "health"),
    "nl-sort-by-date": (field(label="Sorteer op datum"), "health"),
    "en-plant-care-level": (field(label="Care level"), "health"),
    # 7. a shop's category and retail therapy
    "it-shop-category": (field(label="Categoria", options="Cosmesi Terapia Profumi", type_="select"), "health"),
    "en-retail-therapy": (field(label="Retail therapy"), "health"),
    # 8. a job; an order's confirmation; a godparent's or catechumen's name; the welfare organisation Diakonie
    "fr-profession": (field(label="Profession"), "religion"),
    "en-order-confirmation": (field(label="Order confirmation"), "religion"),
    "fr-godparent-name": (field(label="Nom du parrain"), "religion"),
    "no-godparent-name": (field(label="Fadderens navn"), "religion"),
    "pt-catechumen-name": (field(label="Nome do Catequizando:"), "religion"),
    "de-diakonie": (field(label="Diakonie"), "religion"),
    # 9. a city's charter; leaving a club; a party's contact address is no party's charter; "Top 10", Czech "ano"
    "es-city-charter": (field(label="Carta orgánica municipal"), "political"),
    "de-leave-club": (field(label="Austritt aus dem Verein"), "political"),
    "fr-membership-form": (field(label="Description du poste", legend="Bulletin d'adhésion"), "political"),
    # 10. a favourite dish; coming out of hospital; a role in an app; an active/passive account
    "fr-favourite-dish": (field(label="Votre plat fétiche"), "sex-life"),
    "en-out-of-hospital": (field(label="Came out of hospital on"), "sex-life"),
    "pt-assumed": (field(label="Compromisso assumido"), "sex-life"),
    "es-app-role": (field(label="Rol", options="Administrador Editor Lector", type_="select"), "sex-life"),
    # 11. a dog's breed, a product's colour, a nurse's skin assessment
    "it-shepherd-dog": (field(label="Razza", options="Labrador Pastore tedesco Meticcio", type_="select"), "religion"),
    "fr-gender-parity": (field(label="Parité hommes-femmes"), "health"),
    "en-nonhealth-discharge": (field(label="Discharge"), "health"),
    "es-dog-breed": (field(label="Raza", options="Labrador Mestizo Caniche", type_="select"), "racial-ethnic"),
    "pt-product-colour": (field(label="Cor", options="Branco Preto Azul Vermelho", type_="select"), "racial-ethnic"),
    "en-skin-assessment": (field(label="Skin colour", options="Normal Pale Cyanotic Jaundiced", type_="select"), "racial-ethnic"),
    "es-language": (field(label="Idioma", options="Español Árabe Inglés", type_="select"), "racial-ethnic"),
}


def _classify(spec: dict, db):
    return classify(spec["texts"], db.fields, spec["type"], spec["autocomplete"], db.consent_words, context=db.field_context)


@pytest.mark.parametrize("case", sorted(CONCEPTS))
def test_concept_is_the_category(case: str, db, concepts: dict | None = None) -> None:
    spec, category = (concepts or CONCEPTS)[case]
    result = _classify(spec, db)
    assert result is not None and result.category == category, result


@pytest.mark.parametrize("case", sorted(LOOKALIKES))
def test_look_alike_is_not_the_category(case: str, db, lookalikes: dict | None = None) -> None:
    spec, category = (lookalikes or LOOKALIKES)[case]
    result = _classify(spec, db)
    assert result is None or result.category != category, result


def round_tests(concepts: dict, lookalikes: dict):
    """A later vocabulary round's two parametrized tests over its own tables, asserting as this module's do
    (``test_concept_is_the_category, test_look_alike_is_not_the_category = round_tests(CONCEPTS, LOOKALIKES)``)."""

    @pytest.mark.parametrize("case", sorted(concepts))
    def concept(case: str, db) -> None:
        test_concept_is_the_category(case, db, concepts)

    @pytest.mark.parametrize("case", sorted(lookalikes))
    def look_alike(case: str, db) -> None:
        test_look_alike_is_not_the_category(case, db, lookalikes)

    return concept, look_alike


# Numbers are words of a term: "legge 104", "top 09", "d66" need their number (when tokens dropped digits they
# were "legge", "top" and the "d" of every "d'adhésion"). Every term written with a digit keeps it as a word.
def test_a_term_written_with_a_number_keeps_it(db) -> None:
    written = [t for cat in db.fields.values() for t in (*cat.terms, *cat.topic, *cat.page) if re.search(r"\d", t.text)]
    assert written and all(any(w.isdigit() for w, _ in t.parts) for t in written), [t.text for t in written]
