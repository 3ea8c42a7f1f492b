"""The tenth session's vocabulary round (h-voc19, read from the retired eighth held-out set and the development
set): a psychological assessment or report, the first period, addiction and being sick, a pupil's special-needs
plan, a newborn's Apgar score, lasting impairment, a church wedding's blessing and verse, a church's offices, the
sex of the partner sought and (from the tenth development batch) the sex assigned at birth, an anaesthesia
consultation, being medically unable to work, a disease gene, a raw DNA file and a dimissorial letter, each
concept written in the twelve languages; a Russian vital signs' heart rate and a political group one belongs to;
with the look-alikes met while writing the words."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "es-assessment": (field(label="Evaluación Psicológica:", type_="textarea"), "health"),
    "en-assessment": (field(label="Psychological assessment"), "health"),
    "de-report": (field(label="Psychologisches Gutachten", type_="textarea"), "health"),
    "fr-assessment": (field(label="Bilan psychologique"), "health"),
    "it-report": (field(label="Relazione psicologica", type_="textarea"), "health"),
    "pt-report": (field(label="Laudo psicológico"), "health"),
    "nl-assessment": (field(label="Psychologisch onderzoek"), "health"),
    "pl-opinion": (field(label="Opinia psychologiczna"), "health"),
    "cs-examination": (field(label="Psychologické vyšetření"), "health"),
    "sv-assessment": (field(label="Psykologisk bedömning"), "health"),
    "da-assessment": (field(label="Psykologisk vurdering"), "health"),
    "ru-conclusion": (field(label="Психологическое заключение"), "health"),
    "es-menarche": (field(label="MENARQUIA", type_="number"), "health"),
    "it-menarche": (field(label="Età menarca:", type_="number"), "health"),
    "fr-menarche": (field(label="Âge des ménarches"), "health"),
    "ru-heart-rate": (field(label="ЧСС", type_="number"), "health"),
    "pt-political-group": (field(label="Grupo político"), "political"),
    "fr-political-group": (field(label="Groupe politique", options="Renew PPE S&D", type_="select"), "political"),
    # addiction and being sick, a pupil's special-needs plan, a newborn's score, lasting impairment
    "en-addicted": (field(label="Are you addicted to alcohol?", options="No Yes Sometimes", type_="select"), "health"),
    "es-addicted": (field(label="¿Es usted adicto a alguna sustancia?", options="Sí No", type_="select"), "health"),
    "pl-addicted": (field(label="Czy jest Pan uzależniony od alkoholu?", options="Tak Nie", type_="select"), "health"),
    "es-sick": (field(label="Necesidades del Enfermo", type_="textarea"), "health"),
    "es-curriculum": (field(question="¿Tiene alguna adecuación curricular?", options="Sí No", type_="radio"), "health"),
    "de-compensation": (field(label="Nachteilsausgleich beantragt?", type_="checkbox"), "health"),
    "it-pdp": (field(label="Piano didattico personalizzato", type_="checkbox"), "health"),
    "fr-apgar": (field(label="Score APGAR", type_="number"), "health"),
    "da-impairment": (field(label="AES skal vurdere", options="Mén Tab af erhvervsevne", type_="radio"), "health"),
    "fr-incapacity": (field(label="Taux d'incapacité permanente"), "health"),
    # a church wedding's blessing and verse
    "fr-blessing": (field(label="Date de la bénédiction nuptiale", type_="date"), "religion"),
    "fr-verse": (field(label="Verset de mariage"), "religion"),
    "de-verse": (field(label="Trauspruch"), "religion"),
    "nl-verse": (field(label="Trouwtekst"), "religion"),
    # a church's offices and a believer's conversion
    "pt-presbyter": (field(label="Presbítero em:", type_="date"), "religion"),
    "pt-evangelist": (field(label="Evangelista em:", type_="date"), "religion"),
    "es-missionary": (field(label="Misionero desde"), "religion"),
    "nl-elder": (field(label="Ouderling sinds"), "religion"),
    "pl-deacon": (field(label="Diakon w parafii"), "religion"),
    "pt-conversion": (field(label="Local da Conversão:"), "religion"),
    # the sex of the partner sought, asked as whom one wants to see, with a prompt or a repeated question as the
    # first option, or as a bride or a groom
    "fr-who-to-see": (field(question="Qui voulez-vous voir ?", options="Femme Homme Tous", type_="radio"), "sex-life"),
    "pl-sex-sought": (field(label="Poszukiwana płeć do relacji", options="Mężczyzna Kobieta Inna Dowolna", type_="select"), "sex-life"),
    "es-prompt": (field(label="Buscando...", options="Selecciona tu preferencia Hombre Mujer", type_="select"), "sex-life"),
    "en-bride-groom": (field(label="Looking For", options="Looking For * Bride (Female) Groom (Male)", type_="select"), "sex-life"),
    # from the tenth development batch: the sex assigned at birth, an anaesthesia consultation, being medically
    # unable to work, a disease gene, a raw DNA file, choosing a party, a dimissorial letter
    "en-gender-at-birth": (field(label="Gender at Birth *", options="Male Female Intersex", type_="select"), "sex-life"),
    "es-sex-at-birth": (field(label="Sexo asignado al nacer", options="Hombre Mujer", type_="select"), "sex-life"),
    "fr-asa": (field(label="Classe ASA :", options="I II III IV", type_="select"), "health"),
    "fr-mallampati": (field(label="Mallampati :", options="1 2 3 4", type_="select"), "health"),
    "es-intubation": (field(label="Intubación difícil", type_="checkbox"), "health"),
    "en-medically-unable": (field(question="Are you medically UNABLE to work?", options="Yes No", type_="radio"), "health"),
    "pl-circulation": (field(question="Czy cierpi Pan/-i na zaburzenia ukrwienia?", options="Tak Nie", type_="radio"), "health"),
    "es-brca": (field(label="Conocida con Gen BRCA 1", type_="checkbox"), "health"),
    "en-hereditary": (field(label="Hereditary conditions in your family"), "health"),
    "de-hereditary": (field(label="Erbkrankheiten in der Familie"), "health"),
    "en-dna-file": (field(label="Upload your 23andMe raw DNA file"), "genetic"),
    "en-dna-sample": (field(label="DNA sample code"), "genetic"),
    "de-party-choice": (field(question="Wählen Sie eine Partei", options="SPD CDU Grüne", type_="radio"), "political"),
    "fr-party-choice": (field(label="Choisissez un parti", type_="select"), "political"),
    "de-dimissorial": (field(label="Dimissoriale benötigt", type_="checkbox"), "religion"),
}

LOOKALIKES = {
    # a psychology degree is an education, a school's "group" is a class
    "en-psychology-degree": (field(label="Degree", options="Psychology Law Economics", type_="select"), "health"),
    "es-study-group": (field(label="Grupo de estudio"), "political"),
    "pt-ethics-group": (field(label="Grupo de ética"), "political"),
    # a game's or a brand's addicts, a patient's guide, a poem's verse
    "en-game-addicts": (field(label="Newsletter for puzzle addicts", type_="checkbox"), "health"),
    "en-verse-poem": (field(label="Favourite poem (first verse)"), "religion"),
    "es-nurse": (field(label="Enfermera responsable"), "religion"),
    # a currency's or a sale's conversion, a shop's evangelist
    "pt-currency": (field(label="Taxa de conversão"), "religion"),
    "en-brand-evangelist": (field(label="Are you a product evangelist?", type_="checkbox"), "religion"),
    # a wedding shop's department and a shop's "Looking for" with children's wear
    "en-wedding-shop": (field(label="Department", options="Bride Groom Guests", type_="select"), "sex-life"),
    "es-shop": (field(label="Buscando...", options="Selecciona tu preferencia Hombre Mujer Niños", type_="select"), "sex-life"),
    # a birthday party's theme, a football match, a batch of goods, a page of a site, a date of birth
    "en-party-theme": (field(label="Choose a party theme", options="Pirates Princesses", type_="select"), "political"),
    "es-match": (field(label="Elige un partido", options="Real Madrid - Barcelona", type_="select"), "political"),
    "pl-batch": (field(label="Wybierz partię towaru"), "political"),
    "cs-side": (field(label="Vyberte stranu", options="Levá Pravá", type_="select"), "political"),
    "en-date-of-birth": (field(label="Date of birth", type_="date"), "sex-life"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
