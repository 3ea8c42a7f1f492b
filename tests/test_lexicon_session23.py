"""The twenty-third session's words, found from the retired eighteenth held-out set's misses (a German school
enrolment's "Bekenntnis", a Swedish dating profile's "Intresserad av hane: Ja / Nej", a Russian one's "Ищу: Выбери… /
Мужчину / Женщину / Любого", a contact-tracing form's "Nom de la personne infectée", a child's dentist, an Italian
payroll form's "maternità obbligatoria") and from development misses (a gender choice's "Mujer Trans", "Trans žena",
a mosque's name, "Dopnamn"), written in the twelve languages. The look-alikes: a commitment to a constitution, a
football club's question, a shop's departments, a Christian name (a first name), and transport."""

from __future__ import annotations

from tests import test_lexicon_vocab16
from tests.test_classifier import field

CONCEPTS = {
    # a denomination, as German school forms ask it
    "de-bekenntnis": (field(label="Bekenntnis", type_="select", options="ev rk sonst"), "religion"),
    "de-religionsbekenntnis": (field(label="Religionsbekenntnis"), "religion"),
    # the sex sought, named in the question and answered yes or no; or offered with "anyone"
    "sv-intresserad-hane": (field(label="Intresserad av hane", type_="select", options="Ja Nej"), "sex-life"),
    "sv-intresserad-kvinnor": (field(label="Intresserad av kvinnor", type_="select", options="Ja Nej"), "sex-life"),
    "en-interested-women": (field(label="Interested in women?", type_="radio", options="Yes No"), "sex-life"),
    "de-interessiert-maenner": (field(label="Interessiert an Männern", type_="radio", options="Ja Nein"), "sex-life"),
    "ru-ishchu": (field(label="Ищу *", type_="select", options="Выбери... Мужчину Женщину Любого"), "sex-life"),
    "es-busco": (field(label="Busco", type_="select", options="Hombre Mujer Cualquiera"), "sex-life"),
    "en-like-sentences": (
        field(label="Which gender do you like?", type_="select", options="None selected / I'm interested in women / I'm interested in men"),
        "sex-life",
    ),
    # a trans woman or man among a gender choice's options, in every language as English "trans woman" already was
    "es-mujer-trans": (field(label="Género:", type_="select", options="Hombre Cis / Mujer Cis / Hombre Trans / Mujer Trans"), "sex-life"),
    "cs-trans-zena": (field(label="Pohlaví", type_="radio", options="Žena / Muž / Trans muž / Trans žena"), "sex-life"),
    "de-transfrau": (field(label="Geschlecht", type_="select", options="Frau / Mann / Transfrau / Transmann"), "sex-life"),
    "pt-mulher-trans": (field(label="Gênero", type_="select", options="Mulher cis / Homem cis / Mulher trans / Homem trans"), "sex-life"),
    "ru-trans": (field(label="Пол", type_="select", options="Женщина / Мужчина / Трансженщина / Трансмужчина"), "sex-life"),
    # a mosque's name (as a church's), a baptismal name, a church marriage, a parish's small Christian community
    "fr-mosquee": (field(label="Nom de la mosquée"), "religion"),
    "de-moschee": (field(label="Name der Moschee"), "religion"),
    "ru-mechet": (field(label="Название мечети"), "religion"),
    "sv-dopnamn": (field(label="Dopnamn"), "religion"),
    "de-taufname": (field(label="Taufname"), "religion"),
    "en-church-marriage": (
        field(label="Marriage Type", type_="select", options="Civil Marriage / Customary Marriage / Church Marriage"),
        "religion",
    ),
    "pl-slub": (field(label="Ślub kościelny", type_="checkbox"), "religion"),
    "en-christian-community": (field(label="Small Christian Community"), "religion"),
    # a treatment plan, medical restrictions, a drug user
    "pt-plano-terapeutico": (field(label="Plano Terapêutico para o Próximo Mês", type_="textarea"), "health"),
    "es-plan-tratamiento": (field(label="Plan de tratamiento", type_="textarea"), "health"),
    "de-behandlungsplan": (field(label="Behandlungsplan", type_="textarea"), "health"),
    "pl-plan-leczenia": (field(label="Plan leczenia", type_="textarea"), "health"),
    "ru-plan-lecheniya": (field(label="План лечения", type_="textarea"), "health"),
    "pt-restricao": (field(label="Possui alguma restrição médica? (Se sim, Qual?)"), "health"),
    "fr-restrictions": (field(label="Restrictions médicales"), "health"),
    "en-drug-user": (field(label="Current Drug User", type_="checkbox"), "health"),
    "nl-drugsgebruiker": (field(label="Drugsgebruiker", type_="checkbox"), "health"),
    # an infected person (contact tracing)
    "en-infected": (field(label="Name of the infected person"), "health"),
    "fr-infectee": (field(label="Nom de la personne infectée"), "health"),
    "de-infiziert": (field(label="Infizierte Person"), "health"),
    "it-infetta": (field(label="Persona infetta"), "health"),
    "es-infectada": (field(label="Persona infectada"), "health"),
    "pt-infectada": (field(label="Pessoa infectada"), "health"),
    "nl-besmet": (field(label="Besmette persoon"), "health"),
    "pl-zakazona": (field(label="Osoba zakażona"), "health"),
    "cs-nakazena": (field(label="Nakažená osoba"), "health"),
    "sv-smittad": (field(label="Smittad person"), "health"),
    "ru-inficirovannyj": (field(label="Инфицированный"), "health"),
    # one's dentist, where a GP's details already were
    "nl-tandarts": (field(label="Tandarts naam"), "health"),
    "pl-stomatolog": (field(label="Twój stomatolog"), "health"),
    "cs-zubar": (field(label="Jméno zubaře"), "health"),
    "da-tandlaege": (field(label="Din tandlæge"), "health"),
    "sv-tandlakare": (field(label="Tandläkare"), "health"),
    # maternity leave: a pregnancy or birth
    "it-maternita": (field(label="Data della fine della maternità obbligatoria", type_="date"), "health"),
    "en-maternity": (field(label="Start of maternity leave", type_="date"), "health"),
    "de-mutterschutz": (field(label="Beginn des Mutterschutzes", type_="date"), "health"),
    "fr-conge": (field(label="Date de début du congé maternité", type_="date"), "health"),
    "es-baja": (field(label="Inicio de la baja por maternidad", type_="date"), "health"),
    "pt-licenca": (field(label="Início da licença maternidade", type_="date"), "health"),
    "pl-urlop": (field(label="Urlop macierzyński od", type_="date"), "health"),
    "cs-materska": (field(label="Mateřská dovolená od", type_="date"), "health"),
    "ru-dekret": (field(label="Декретный отпуск с", type_="date"), "health"),
}

LOOKALIKES = {
    "de-bekenntnis-grundordnung": (field(label="Bekenntnis zur freiheitlichen demokratischen Grundordnung", type_="checkbox"), "religion"),
    "en-mens-football": (field(label="Interested in men's football?", type_="radio", options="Yes No"), "sex-life"),
    "en-shop": (field(label="Looking for", type_="radio", options="Men Women Kids"), "sex-life"),
    "en-volunteering": (field(label="Interested in volunteering?", type_="radio", options="Yes No"), "sex-life"),
    "en-shop-prompt": (field(label="Looking for", type_="select", options="None selected / Men / Women / Kids"), "sex-life"),
    "es-transporte": (field(label="Medio de transporte", type_="select", options="Bus / Tren / Coche"), "sex-life"),
    "it-trasporto": (field(label="Uomo trasportato", type_="checkbox"), "sex-life"),
    "en-christian-name": (field(label="Christian name"), "religion"),
    "cs-krestni": (field(label="Křestní jméno"), "religion"),
    "en-mosque-street": (field(label="Street", name="mosque_road"), "religion"),
    "en-water-treatment": (field(label="Water treatment plan", type_="textarea"), "health"),
    "fr-dechets": (field(label="Plan de traitement des déchets", type_="textarea"), "health"),
    "pt-residuos": (field(label="Plano de tratamento de resíduos"), "health"),
    "de-abwasser": (field(label="Behandlungsplan für Abwasser"), "health"),
    "en-therapeutic-area": (field(label="Therapeutic area of expertise"), "health"),
    "sv-intresserad-nyhetsbrev": (field(label="Intresserad av nyhetsbrev", type_="select", options="Ja Nej"), "sex-life"),
}


test_concept_is_the_category, test_look_alike_is_not_the_category = test_lexicon_vocab16.round_tests(CONCEPTS, LOOKALIKES)
