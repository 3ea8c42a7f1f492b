"""Words from the forty-fifth session's development batch D45 (README item 128): the Afro-Brazilian religions' and
Spiritism's words (a Umbanda terreiro's member record asks for the person's orixás, spirit guides and initiations; its
consultations record the offering and the preto velho who gave them), which name a religion in Portuguese as a church's
words do; a medical examination in the twelve languages (a recruiter's "Informations de la visite médicale"), oxygen
saturation abbreviated ("Sat O2 (%)"), the church a member comes from in French ("Église de provenance"), and a dating
form's words: heterosexual cut short among a swingers' site's profile types, a select's first option that repeats
what it asks ("Je cherche: Sexe / Un homme / Une femme"). A bare "terreiro" (a coffee farm's drying yard) and
"travesti" (a costume ball) are weak."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "pt-orixas": (field(label="Orixás (com qualidade)", type_="text"), "religion"),
    "pt-terreiro": (
        field(label="Terreiro de Umbanda *", type_="select", options="Selecione / Casa de Oxalá / Tenda Pai Joaquim"),
        "religion",
    ),
    "pt-terreiro-weak": (field(label="Terreiro", type_="select", options="Umbanda / Candomblé"), "religion"),
    "pt-ebo": (field(label="Selecione Tipo de Ebó", type_="select", options="Limpeza / Abertura de caminhos"), "religion"),
    "pt-preto-velho": (field(label="Insira o preto velho que deu a consulta", type_="text"), "religion"),
    "pt-pai-de-santo": (field(label="Nome do pai de santo", type_="text"), "religion"),
    "pt-centro-espirita": (field(label="Frequenta algum centro espírita?", type_="radio", options="Sim Não"), "religion"),
    "fr-visite-medicale": (field(label="Informations de la visite médicale", type_="textarea"), "health"),
    "es-reconocimiento": (field(label="Fecha del último reconocimiento médico", type_="date"), "health"),
    "pt-exame-medico": (field(label="Resultado do exame médico", type_="textarea"), "health"),
    "de-untersuchung": (field(label="Ergebnis der ärztlichen Untersuchung", type_="textarea"), "health"),
    "pl-badanie": (field(label="Data badania lekarskiego", type_="date"), "health"),
    "cs-prohlidka": (field(label="Lékařská prohlídka", type_="textarea"), "health"),
    "nl-keuring": (field(label="Uitslag medische keuring", type_="text"), "health"),
    "sv-lakarundersokning": (field(label="Läkarundersökning", type_="textarea"), "health"),
    "da-laegeundersoegelse": (field(label="Lægeundersøgelse", type_="textarea"), "health"),
    "ru-osmotr": (field(label="Медицинский осмотр", type_="textarea"), "health"),
    "en-sat-o2": (field(label="Sat O2 (%)", type_="number"), "health"),
    "fr-eglise-provenance": (field(label="Église de provenance", type_="text"), "religion"),
    "fr-type-de-profil": (
        field(label="Type de profil :", type_="select", options="Tous / Couple F Bi / Couple hétéro / Femme hétéro / Homme Bi / Travesti"),
        "sex-life",
    ),
    "fr-je-cherche-sexe": (field(label="Je cherche", type_="select", options="Sexe / Un homme / Une femme"), "sex-life"),
}

LOOKALIKES = {
    "pt-terreno": (field(label="Tamanho do terreno (m²)", type_="number"), "religion"),
    "pt-caboclo": (field(label="Sobrenome Caboclo", type_="text"), "religion"),
    "pt-preto": (field(label="Cor do veículo", type_="select", options="Preto / Branco / Prata"), "religion"),
    "pt-santo": (field(label="Bairro", type_="select", options="Espírito Santo / Santo Amaro / Vila Velha"), "religion"),
    "fr-examen": (field(label="Date de l'examen", type_="date"), "health"),
    "es-examen-conducir": (field(label="Examen de conducir", type_="text"), "health"),
    "de-untersuchung-fahrzeug": (field(label="Hauptuntersuchung des Fahrzeugs", type_="date"), "health"),
    "fr-provenance": (field(label="Provenance", type_="select", options="France / Belgique / Suisse"), "religion"),
    "fr-own-sex": (field(label="Genre", type_="select", options="Sexe / Homme / Femme"), "sex-life"),
    "es-interes-cursos": (field(label="Interés en", type_="select", options="Yoga / Pilates / Ambos"), "sex-life"),
    "es-interes-seccion": (field(label="Interés en", type_="select", options="Sexo / Hombre / Mujer"), "sex-life"),
    "pt-terreiro-cafe": (field(label="Terreiro", type_="select", options="Terreiro 1 (cimento) / Terreiro 2 (chão)"), "religion"),
    "pt-terreiro-area": (field(label="Área do terreiro (m²)", type_="number"), "religion"),
    "it-travestito": (field(label="Verrai travestito?", type_="select", options="Sì / No"), "sex-life"),
    "fr-bal-travesti": (field(label="Costume pour le bal travesti", type_="text"), "sex-life"),
    "fr-bi-weekly": (field(label="Fréquence", type_="select", options="Hebdomadaire / Bi-mensuel"), "sex-life"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
