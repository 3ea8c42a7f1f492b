"""Words from the forty-sixth session, taken from the words missed by D45, D44 and the retired thirty-second set (each
checked in the twelve languages): keloids, sleep quality, an emotional state, the PHQ-9 and GAD-7 items not yet read,
breathing discomfort, accessibility needs, a Portuguese pacemaker (strong); a head circumference and contraindications
(weak: a hat's size, a drug's leaflet); a dating form's "I wish to meet" and "my partner should be" over the sexes; and a
church membership wizard's words (D46): the Bible and the Gospel where a language lacked them, the fruits of the Spirit, a
disciple of Jesus, a prayer group; prayer where it is also a grammatical sentence (oração), sins and churches in the
plural are weak."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "fr-courbatures": (field(question="Avez-vous eu des courbatures inhabituelles ?", type_="radio", options="Oui / Non"), "health"),
    "pt-marcapasso": (field(label="Portador de marcapasso?", type_="radio", options="Sim Não"), "health"),
    "pt-queloide": (field(label="Quelóide?", type_="radio", options="Sim Não"), "health"),
    "fr-cheloide": (field(label="Tendance aux chéloïdes", type_="checkbox"), "health"),
    "pl-bliznowiec": (field(label="Skłonność do bliznowców", type_="checkbox"), "health"),
    "pt-sono": (field(label="Qualidade do sono", type_="select", options="Boa / Regular / Ruim"), "health"),
    "de-schlaf": (field(label="Schlafqualität", type_="select", options="gut / mittel / schlecht"), "health"),
    "ru-son": (field(label="Качество сна", type_="text"), "health"),
    "pt-emocional": (field(label="Estado emocional atual:", type_="text"), "health"),
    "fr-emotionnel": (field(label="État émotionnel", type_="textarea"), "health"),
    "pl-emocjonalny": (field(label="Stan emocjonalny", type_="text"), "health"),
    "en-phq9-item6": (
        field(question="Feeling bad about yourself - or that you are a failure", type_="radio", options="Not at all / Several days"),
        "health",
    ),
    "en-phq9-item8": (field(question="Moving or speaking so slowly that other people could have noticed?", type_="radio"), "health"),
    "en-gad7-item2": (field(question="Not being able to stop or control worrying", type_="radio"), "health"),
    "en-gad7-item4": (field(question="Trouble relaxing", type_="radio", options="Not at all / Several days"), "health"),
    "fr-gene-respiratoire": (
        field(question="Avez-vous vu apparaître une gêne respiratoire ?", type_="select", options="oui non"),
        "health",
    ),
    "pt-desconforto": (field(label="Desconforto respiratório", type_="checkbox"), "health"),
    "pt-acessibilidade": (field(label="Necessidade de acessibilidade", type_="text"), "health"),
    "fr-acces": (field(label="Besoins d'accessibilité", type_="textarea"), "health"),
    "fr-je-souhaite-rencontrer": (
        field(question="Je souhaite rencontrer", type_="radio", options="un homme / une femme / Peu importe"),
        "sex-life",
    ),
    "it-partner-deve-essere": (field(label="Il mio partner deve essere:", type_="select", options="Uomo / Donna"), "sex-life"),
    "pl-chce-poznac": (field(label="Chcę poznać", type_="radio", options="kobietę / mężczyznę"), "sex-life"),
    "pt-biblia": (field(label="Leu a Bíblia toda?", type_="select", options="Sim / Não"), "religion"),
    "es-biblia": (field(label="¿Lee la Biblia a diario?", type_="radio", options="Sí / No"), "religion"),
    "ru-bibliya": (field(label="Читаете ли вы Библию?", type_="radio"), "religion"),
    "pt-evangelho": (field(label="Como você define o evangelho?", type_="textarea"), "religion"),
    "it-vangelo": (field(label="Il tuo passo preferito del Vangelo", type_="text"), "religion"),
    "pt-frutos": (field(label="Frutos do Espírito na sua vida", type_="textarea"), "religion"),
    "pt-discipulo": (field(label="O que te faz convicto de ser discípulo de Jesus?", type_="textarea"), "religion"),
    "es-grupo-oracion": (field(label="¿Participa en un grupo de oración?", type_="radio", options="Sí / No"), "religion"),
}

LOOKALIKES = {
    "de-kopfumfang-shop": (field(label="Kopfumfang (cm) für die Mütze", type_="number"), "health"),
    "en-contraindications-product": (field(label="Contraindications", type_="textarea"), "health"),
    "es-conocer-curso": (field(label="Quiero conocer", type_="select", options="Horarios / Precios / Profesores"), "sex-life"),
    "fr-rencontrer-jour": (field(question="Je souhaite rencontrer un conseiller", type_="radio", options="Lundi / Mardi"), "sex-life"),
    "en-emotional-intelligence": (field(label="Emotional intelligence course", type_="checkbox"), "health"),
    "en-sleep-number": (field(label="Mattress firmness", type_="select", options="Soft / Medium / Firm"), "health"),
    "pt-oracao-gramatica": (field(label="Classifique a oração subordinada", type_="text"), "religion"),
    "es-iglesias-apellido": (field(label="Apellido: Iglesias", type_="text"), "religion"),
    "sv-syndrom": (field(label="Har du något syndrom?", type_="text"), "religion"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
