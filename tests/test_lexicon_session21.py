"""The twenty-first session's words: core health concepts (medical conditions, treatment, conditions and care) and intake questions
that a coverage matrix of the twelve languages found missing, each written as a visitor reads it; with the
look-alikes that kept the ambiguous ones out (Czech "závislost" is also employment income, German "sucht"
is "looks for", Swedish "skador" is a car's damage, Polish "złamanie" breaks a rule)."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    "es-condiciones": (field(label="Condiciones medicas", type_="textarea"), "health"),
    "it-condizioni": (field(label="Condizioni mediche"), "health"),
    "pt-condicoes": (field(label="Condições médicas pré-existentes"), "health"),
    "fr-problemes": (field(label="Problèmes médicaux connus"), "health"),
    "de-probleme": (field(label="Medizinische Probleme"), "health"),
    "de-medikation": (field(label="Aktuelle Medikation"), "health"),
    "pl-schorzenia": (field(label="Schorzenia przewlekłe"), "health"),
    "sv-symtom": (field(label="Symtom"), "health"),
    "da-laegemidler": (field(label="Lægemidler"), "health"),
    "ru-preparaty": (field(label="Принимаемые препараты"), "health"),
    "ru-diabetes": (field(label="Сахарный диабет", type_="checkbox"), "health"),
    "ru-fractures": (field(label="Переломы", type_="checkbox"), "health"),
    "fr-hiv": (field(label="Êtes-vous séropositif ?", type_="radio", options="Oui Non"), "health"),
    "es-presion": (field(label="Presión alta", type_="checkbox"), "health"),
    "pt-psico": (field(label="Faz acompanhamento psicológico?", type_="radio", options="Sim Não"), "health"),
    "nl-inenting": (field(label="Inentingen"), "health"),
    "cs-zraneni": (field(label="Zranění"), "health"),
    "da-syn": (field(label="Synsnedsættelse", type_="checkbox"), "health"),
    "de-zoeliakie": (field(label="Zöliakie", type_="checkbox"), "health"),
    "pl-uzywki": (field(label="Czy stosujesz używki?", type_="radio", options="Tak Nie"), "health"),
    # intake questions asked as questions (a radio of yes / no)
    "en-care": (field(label="Are you currently under a doctor's care?", type_="radio", options="Yes No"), "health"),
    "de-behandlung": (field(label="Sind Sie zurzeit in ärztlicher Behandlung?", type_="radio", options="Ja Nein"), "health"),
    "fr-suivi": (field(label="Êtes-vous actuellement suivi par un médecin ?", type_="radio", options="Oui Non"), "health"),
    "fr-mal": (field(label="Où avez-vous mal ?"), "health"),
    "es-dolor": (field(label="¿Dónde siente dolor?"), "health"),
    "pt-dor": (field(label="Onde sente dor?"), "health"),
    "nl-pijn": (field(label="Waar heeft u pijn?"), "health"),
    "pl-uczulony": (field(label="Czy jest Pan uczulony na coś?", type_="radio", options="Tak Nie"), "health"),
    "pl-lekarz": (field(label="Czy jest Pan obecnie pod opieką lekarza?", type_="radio", options="Tak Nie"), "health"),
    "sv-ont": (field(label="Var har du ont?"), "health"),
    "da-ondt": (field(label="Hvor har du ondt?"), "health"),
    "ru-vrach": (field(label="Наблюдаетесь ли вы у врача?", type_="radio", options="Да Нет"), "health"),
    # church attendance, a union and the sexes a dating profile is interested in
    "de-kirche": (field(label="Gehen Sie regelmäßig in die Kirche?", type_="radio", options="Ja Nein"), "religion"),
    "es-misa": (field(label="¿Asiste a misa?", type_="radio", options="Sí No"), "religion"),
    "pl-kosciol": (field(label="Czy chodzi Pan do kościoła?", type_="radio", options="Tak Nie"), "religion"),
    "da-kirke": (field(label="Går du i kirke?", type_="radio", options="Ja Nej"), "religion"),
    "ru-tserkov": (field(label="Посещаете ли вы церковь?", type_="radio", options="Да Нет"), "religion"),
    "sv-facket": (field(label="Är du med i facket?", type_="radio", options="Ja Nej"), "union"),
    "en-interested": (field(label="Interested in", type_="radio", options="Men Women"), "sex-life"),
    # diseases named by their medical word-formation, as the head of a compound
    "es-nefropatias": (field(options="NEFROPATÍAS.", type_="checkbox"), "health"),
    "es-dislipidemias": (field(options="DISLIPIDEMIAS.", type_="checkbox"), "health"),
    "cs-kardiopatie": (field(label="Kardiopatie", type_="checkbox"), "health"),
    "en-arthritis": (field(label="Rheumatoid arthritis", type_="checkbox"), "health"),
    "de-mastektomie": (field(label="Mastektomie", type_="checkbox"), "health"),
    "it-neuropatia": (field(label="Neuropatia periferica", type_="checkbox"), "health"),
    "pl-neuropatii": (field(label="Objawy neuropatii"), "health"),
    "ru-fibromialgia": (field(label="Фибромиалгия", type_="checkbox"), "health"),
    "fr-paraplegie": (field(label="Paraplégie", type_="checkbox"), "health"),
    "es-fumas": (field(label="¿Fumas?", type_="radio", options="Sí No"), "health"),
    "es-fumado": (field(label="¿Ha fumado alguna vez?", type_="radio", options="Sí No"), "health"),
    "fr-confirmation": (field(label="Date de confirmation religieuse", type_="date"), "religion"),
}

LOOKALIKES = {
    # an emergency phone "for the case of an injury" is a contact detail
    "cs-phone-injury": (field(label="Telefon alternativní (pro případ zranění)", type_="tel"), "health"),
    "de-sucht": (field(label="Wer sucht eine Mitfahrgelegenheit?"), "health"),
    "sv-skador": (field(label="Skador på fordonet"), "health"),
    "pl-regulamin": (field(label="Złamanie regulaminu"), "health"),
    "cs-zavislost": (field(label="Příjmy ze závislé činnosti"), "health"),
    "pl-hospital-job": (field(label="Doświadczenie: praca w szpitalu"), "health"),
    # a wedding's transport to the church and a church wedding are not a visitor's faith
    "pl-wedding-transport": (field(label="Czy potrzebujesz transportu do kościoła?", type_="radio", options="Tak Nie"), "religion"),
    "nl-wedding-transport": (field(label="Vervoer naar de kerk", type_="checkbox"), "religion"),
    "da-wedding": (field(label="Vielse i kirke", type_="checkbox"), "religion"),
    "en-interested-topics": (field(label="Interested in", type_="checkbox", options="Newsletter Events"), "sex-life"),
    # feelings whose words end like a disease
    "en-empathy": (field(label="Empathy"), "health"),
    "es-simpatia": (field(label="Simpatía"), "health"),
    "pl-sympatia": (field(label="Sympatia polityczna"), "health"),
    "ru-simpatia": (field(label="Симпатия"), "health"),
    "de-nostalgie": (field(label="Nostalgie"), "health"),
    "pt-website": (field(label="Website"), "health"),
    "it-polizza": (field(label="Polizza infortuni", type_="checkbox"), "health"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
