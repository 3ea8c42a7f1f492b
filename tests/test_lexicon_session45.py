"""Words from the forty-fifth session's development batch D45 (README item 128): the Afro-Brazilian religions' and
Spiritism's words (a Umbanda terreiro's member record asks for the person's orixás, spirit guides and initiations; its
consultations record the offering and the preto velho who gave them), which name a religion in Portuguese as a church's
words do."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "pt-orixas": (field(label="Orixás (com qualidade)", type_="text"), "religion"),
    "pt-terreiro": (field(label="Terreiro *", type_="select", options="Selecione / Casa de Oxalá / Tenda Pai Joaquim"), "religion"),
    "pt-ebo": (field(label="Selecione Tipo de Ebó", type_="select", options="Limpeza / Abertura de caminhos"), "religion"),
    "pt-preto-velho": (field(label="Insira o preto velho que deu a consulta", type_="text"), "religion"),
    "pt-pai-de-santo": (field(label="Nome do pai de santo", type_="text"), "religion"),
    "pt-centro-espirita": (field(label="Frequenta algum centro espírita?", type_="radio", options="Sim Não"), "religion"),
}

LOOKALIKES = {
    "pt-terreno": (field(label="Tamanho do terreno (m²)", type_="number"), "religion"),
    "pt-caboclo": (field(label="Sobrenome Caboclo", type_="text"), "religion"),
    "pt-preto": (field(label="Cor do veículo", type_="select", options="Preto / Branco / Prata"), "religion"),
    "pt-santo": (field(label="Bairro", type_="select", options="Espírito Santo / Santo Amaro / Vila Velha"), "religion"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
