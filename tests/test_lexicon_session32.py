"""The thirty-second session's words. A Swedish "stämmer" (is right, agrees), read without its accent, is the English
"stammer" no longer; a stammer asked as one stays health. A French pupil's disability support at school (an AESH, a
PPS) is health; Les Ulis, a town, is not an ULIS class. The sections of a physical exam are health on an exam form
only. A carer of one's own sex is no sex life; a same-sex relationship is. The thirty-third session's: a gender
identity asked as such, BDSM and a sexual role are sex life; a criminal record (Art. 10) is no special category
whatever offences it names. The thirty-sixth session's: a health-insurance card's company, ID and group on a health
form, and physical or activity restrictions, are health; the same insurance words on a car insurance quote are not.
The thirty-seventh session's: clinical scales, lab values, dysphagia and blood donation are health; a member number
and a severity only on a health page."""

from __future__ import annotations

import pytest

from analyzer.signatures.lexicon import Topic, classify

_EXAM = Topic("health", "heading 'Esame obiettivo' (esame obiettivo)")
_CLINIC = Topic("health", "title 'Przychodnia' (przychodnia*)")
_HEALTH_FORM = Topic("health", "form heading 'Health information' (health)")
_COMPASS = Topic("political", "path 'wahlomat-frontend/src/app/register' (wahlomat)")

# case: (texts, input type, page topic, the category read, or None for "not this category": the one named after "!")
CASES: dict[str, tuple[dict[str, str], str, Topic | None, str]] = {
    # a stammer asked, and a Swedish agreement read without its accent
    "en-stammering": ({"label": "History of stammering"}, "textarea", None, "health"),
    "en-a-stammer": ({"label": "Does your child have a stammer?"}, "textarea", None, "health"),
    "en-you-stammer": ({"label": "Do you stammer when you are nervous?"}, "textarea", None, "health"),
    "sv-stammer-bra": ({"label": "Tycker kompassen stämmer bra?"}, "textarea", None, "!health"),
    "sv-stammer-det": ({"label": "Stämmer uppgifterna ovan?"}, "textarea", None, "!health"),
    # a pupil's disability support at school; a town
    "fr-aesh": ({"question": "Votre enfant a-t-il un AESH actuellement ?", "options": "Oui / Non"}, "radio", None, "health"),
    "fr-pps": ({"question": "Bénéficie-t-il d'un projet personnalisé de scolarisation ?", "options": "Oui / Non"}, "radio", None, "health"),
    "fr-les-ulis": ({"label": "Ville", "options": "Les Ulis / Orsay / Massy"}, "select", None, "!health"),
    # the sections of a physical examination, in the twelve languages, on an exam form
    "en-exam": ({"label": "Abdomen"}, "text", _EXAM, "health"),
    "de-exam": ({"label": "Lymphknoten"}, "text", _EXAM, "health"),
    "fr-exam": ({"label": "Ganglions lymphatiques"}, "text", _EXAM, "health"),
    "it-exam": ({"label": "Addome"}, "text", _EXAM, "health"),
    "es-exam": ({"label": "Extremidades"}, "text", _EXAM, "health"),
    "pt-exam": ({"label": "Abdome"}, "text", _EXAM, "health"),
    "nl-exam": ({"label": "Lymfeklieren"}, "text", _EXAM, "health"),
    "pl-exam": ({"label": "Węzły chłonne"}, "text", _EXAM, "health"),
    "cs-exam": ({"label": "Břicho"}, "text", _EXAM, "health"),
    "sv-exam": ({"label": "Bukstatus"}, "text", _EXAM, "health"),
    "da-exam": ({"label": "Lymfeknuder"}, "text", _EXAM, "health"),
    "ru-exam": ({"label": "Лимфоузлы"}, "text", _EXAM, "health"),
    # alone, without an exam form's topic, such a word is no health reading (a gym's measurements, a map)
    "en-abdomen-alone": ({"label": "Abdomen"}, "text", None, "!health"),
    "es-extremidades-alone": ({"label": "Extremidades"}, "text", None, "!health"),
    "it-addome-alone": ({"label": "Addome"}, "text", None, "!health"),
    "pl-konczyny-alone": ({"label": "Kończyny"}, "text", None, "!health"),
    "pl-buk-town": ({"label": "Miejscowość", "options": "Buk / Poznań / Luboń"}, "select", _CLINIC, "!health"),
    # a preference for a carer or doctor of one's own sex; a same-sex relationship
    "de-carer": ({"label": "Besonderheiten (Wunsch nach gleichgeschlechtlicher Pflege)"}, "text", None, "!sex-life"),
    "en-carer": ({"label": "Do you prefer a same-sex carer?"}, "text", None, "!sex-life"),
    "fr-carer": ({"label": "Souhaitez-vous un soignant du même sexe ?"}, "text", None, "!sex-life"),
    "es-carer": ({"label": "¿Prefiere un cuidador del mismo sexo?"}, "text", None, "!sex-life"),
    "nl-carer": ({"label": "Voorkeur voor een verzorger van hetzelfde geslacht"}, "text", None, "!sex-life"),
    "en-relationship": ({"label": "Are you in a same-sex relationship?"}, "text", None, "sex-life"),
    "de-relationship": ({"label": "Gleichgeschlechtliche Partnerschaft"}, "text", None, "sex-life"),
    "es-relationship": ({"label": "Pareja del mismo sexo"}, "text", None, "sex-life"),
    # a contact detail of who treats the person (a GP's, a pharmacy's) is health on any page; the person's own is not
    "en-physician-phone": ({"label": "Physician's phone"}, "tel", None, "health"),
    "en-pharmacy-address": ({"label": "Pharmacy address"}, "text", None, "health"),
    "fr-medecin-phone": ({"label": "Téléphone du médecin traitant"}, "tel", None, "health"),
    "en-own-phone": ({"label": "Your phone"}, "tel", None, "contact"),
    "en-emergency-phone": ({"label": "Emergency contact phone"}, "tel", None, "contact"),
    "en-arts-address": ({"label": "Arts & crafts club address"}, "text", None, "contact"),
    # the thirty-third session: a gender identity asked as such, BDSM and a sexual role on a dating profile
    "en-gender-identity": ({"placeholder": "Share your gender identity"}, "text", None, "sex-life"),
    "en-bdsm": ({"label": "BDSM Interest"}, "select", None, "sex-life"),
    "en-sex-role": ({"label": "Sex Role"}, "select", None, "sex-life"),
    "en-partner-gender": ({"label": "Preferred Partner Gender"}, "select", None, "sex-life"),
    "en-gender-alone": ({"label": "Gender", "options": "Male / Female"}, "select", None, "!sex-life"),
    "en-role-alone": ({"label": "Role", "options": "Volunteer / Coach"}, "select", None, "!sex-life"),
    # a criminal record (Art. 10) whatever offences it names; a religious conviction, a heart attack, a drug asked
    "en-arrested": (
        {"question": "Have you ever been arrested for a criminal offense (sexual, abuse, fraud, drugs)?", "options": "Yes / No"},
        "radio",
        None,
        "!health",
    ),
    "en-arrested-sex": (
        {"question": "Have you ever been arrested for a criminal offense (sexual, abuse, fraud, drugs)?", "options": "Yes / No"},
        "radio",
        None,
        "!sex-life",
    ),
    "en-convicted": (
        {"question": "Have you been convicted of driving under the influence of alcohol or drugs?", "options": "Yes / No"},
        "radio",
        None,
        "!health",
    ),
    "en-charges": ({"label": "Criminal charges involving the patient's mental health"}, "textarea", _CLINIC, "!health"),
    "de-verurteilt": ({"question": "Wurden Sie wegen Drogendelikten verurteilt?", "options": "Ja / Nein"}, "radio", None, "!health"),
    # German "wählen" is "to choose" in every select's placeholder ("Fachbereich wählen") on an election compass's
    # sign-up; the vote asked for stays political
    "de-choose": ({"label": "Fachbereich", "placeholder": "Fachbereich wählen"}, "select", _COMPASS, "!political"),
    "de-vote": ({"label": "Welche Partei würden Sie wählen?"}, "select", None, "political"),
    # a canvasser's note of a voter's turnout is no vote
    "en-turnout": ({"label": "Voting Likelihood", "options": "Unknown / High / Medium / Low"}, "select", None, "!political"),
    "en-turnout-frequency": ({"label": "Vote Frequency", "options": "Every election / Sometimes / Never"}, "select", None, "!political"),
    "en-vote-for": ({"label": "Who did you vote for in the last election?"}, "text", None, "political"),
    "en-religious-conviction": ({"label": "What are your religious convictions?"}, "text", None, "religion"),
    "en-heart-attack": ({"question": "Have you ever had a heart attack?", "options": "Yes / No"}, "radio", None, "health"),
    "en-drugs": ({"question": "Do you use recreational drugs?", "options": "Yes / No"}, "radio", None, "health"),
    # a health-insurance card's fields on a health form; restrictions on what the person may do
    "en-insurance-company": ({"label": "Insurance Company Name:", "name": "insuranceCompany"}, "text", _HEALTH_FORM, "health"),
    "en-insurance-id": ({"label": "Insurance ID #:", "name": "insuranceId"}, "text", _HEALTH_FORM, "health"),
    "en-insurance-group": ({"label": "Insurance Group # (if any):", "name": "insuranceGroup"}, "text", _HEALTH_FORM, "health"),
    "en-activity-restrictions": ({"label": "Physical or activity restrictions (list activities)"}, "textarea", _HEALTH_FORM, "health"),
    "en-physical-restrictions": ({"label": "Any physical restrictions?"}, "textarea", None, "health"),
    "en-car-insurance-company": ({"label": "Insurance company", "name": "insurer_name"}, "text", None, "!health"),
    "en-car-insurance-group": ({"label": "Insurance group", "options": "1 / 2 / 3 / 4 / 5"}, "select", None, "!health"),
    "en-activity-restrictions-park": ({"label": "Activity restrictions in the park"}, "text", None, "!health"),
    "fr-spo2": ({"label": "SpO₂ (%)"}, "number", None, "health"),
    "en-spo2": ({"label": "SpO2"}, "number", None, "health"),
    "en-spo2-lower": ({"label": "spo2"}, "number", None, "health"),
    "en-hba1c": ({"label": "HbA1c (%)"}, "number", None, "health"),
    "en-egfr": ({"label": "eGFR (ml/min)"}, "number", None, "health"),
    "es-automedicacion": ({"label": "Automedicación"}, "text", None, "health"),
    "de-selbstmedikation": ({"label": "Selbstmedikation"}, "text", None, "health"),
    "es-habitos-toxicos": ({"label": "Hábitos tóxicos"}, "textarea", None, "health"),
    "ru-nikturia": ({"label": "Никтурия (если есть)"}, "number", None, "health"),
    "es-fonasa": ({"label": "Tramo FONASA", "options": "A / B / C / D"}, "select", None, "health"),
    "pt-discipulado": ({"label": "Curso de Discipulado"}, "checkbox", None, "religion"),
    "es-habitos-estudio": ({"label": "Hábitos de estudio"}, "textarea", None, "!health"),
    "en-nocturnal": ({"label": "Nocturnal shift"}, "checkbox", None, "!health"),
    "en-self-service": ({"label": "Self-service kiosk"}, "checkbox", None, "!health"),
    "es-curso": ({"label": "Curso de cocina"}, "checkbox", None, "!religion"),
    # HIV pre-exposure prophylaxis; "PrEP" as written, so a meal prep, a test prep or a PREP school stay out
    "en-prep": ({"question": "Are you on PrEP?", "options": "Yes / No"}, "radio", None, "health"),
    "es-profilaxis": ({"label": "¿Usas profilaxis preexposición?"}, "checkbox", None, "health"),
    "en-paO2": ({"label": "PaO2 (kPa)"}, "number", None, "health"),
    "en-meal-prep": ({"label": "Meal prep preference"}, "select", None, "!health"),
    "en-test-prep": ({"label": "Test prep course"}, "checkbox", None, "!health"),
    "en-prep-school": ({"label": "PREP school attended"}, "text", None, "!health"),
    # the thirty-seventh session: clinical scales and scores, lab values, dysphagia and swallowing, blood donation;
    # a health insurer's member number and a symptom's severity are weak (a health page completes them)
    "pt-meem": ({"label": "MEEM (0–30)"}, "number", None, "health"),
    "pt-mna-sf": ({"label": "MNA-SF (0–14)"}, "number", None, "health"),
    "en-moca": ({"label": "MoCA score"}, "number", None, "health"),
    "es-barthel": ({"label": "Índice de Barthel"}, "number", None, "health"),
    "en-ldh": ({"label": "LDH (U/L)"}, "number", None, "health"),
    "pl-kreatynina": ({"label": "Kreatynina"}, "number", None, "health"),
    "ru-glotanie": ({"label": "Глотание"}, "select", None, "health"),
    "en-dysphagia": ({"label": "Dysphagia"}, "checkbox", None, "health"),
    "es-donacion": ({"label": "Última donación de sangre"}, "date", None, "health"),
    "es-afiliado-clinic": ({"label": "Nº de Afiliado"}, "text", _HEALTH_FORM, "health"),
    "en-member-id-clinic": ({"label": "Member ID"}, "text", _HEALTH_FORM, "health"),
    "es-gravedad-clinic": ({"label": "Gravedad"}, "select", _HEALTH_FORM, "health"),
    "es-afiliado-party": ({"label": "Nº de Afiliado"}, "text", _COMPASS, "!health"),
    "en-member-id-alone": ({"label": "Member ID"}, "text", None, "!health"),
    "en-severity-alone": ({"label": "Severity", "options": "Low / Medium / High"}, "select", None, "!health"),
    "en-apache": ({"label": "Apache version"}, "text", None, "!health"),
    "en-sofa": ({"label": "Sofa colour"}, "select", None, "!health"),
    "fr-plaquette": ({"label": "Plaquettes commerciales à envoyer"}, "number", None, "!health"),
    "en-speech-alone": ({"label": "Title of your speech"}, "text", None, "!health"),
    # vaccinated as a participle, unfit for work, where the language lacked them; instilling a skill is no vaccine
    "de-geimpft": ({"label": "Mein Kind ist gegen Zecken geimpft."}, "checkbox", None, "health"),
    "ru-privit": ({"question": "Ребёнок привит?", "options": "Да / Нет"}, "radio", None, "health"),
    "fr-inapte": ({"question": "Êtes-vous reconnu inapte au travail ?", "options": "Oui / Non"}, "radio", None, "health"),
    "ru-privitie": ({"label": "Привитие навыков"}, "text", None, "!health"),
    # the person's own church, and skin colour asked with a possessive; a bare skin colour and a municipality stay out
    "pt-sua-igreja": ({"label": "Nome da sua Igreja"}, "text", None, "religion"),
    "fr-votre-eglise": ({"label": "Votre église"}, "text", None, "religion"),
    "da-din-kirke": ({"label": "Din kirke"}, "text", None, "religion"),
    "es-tu-color-de-piel": ({"label": "¿Cuál es tu color de piel?"}, "select", None, "racial-ethnic"),
    "en-my-skin-color": ({"label": "My Skin Color"}, "select", None, "racial-ethnic"),
    "en-skin-colour-alone": ({"label": "Skin colour", "options": "Pale / Flushed / Cyanotic"}, "select", None, "!racial-ethnic"),
    "de-ihre-gemeinde": ({"label": "Ihre Gemeinde"}, "text", None, "!religion"),
    "ru-vash-prikhod": ({"label": "Ваш приход на работу"}, "time", None, "!religion"),
    # sexual practices named as such; oral hygiene and an anal fissure are no sex life
    "cs-klasicky-sex": ({"label": "Klasický sex"}, "checkbox", None, "sex-life"),
    "en-oral-sex": ({"label": "Oral sex"}, "checkbox", None, "sex-life"),
    "es-sexo-anal": ({"label": "Sexo anal"}, "checkbox", None, "sex-life"),
    "de-dreier": ({"label": "Dreier"}, "checkbox", None, "sex-life"),
    "en-oral-hygiene": ({"label": "Oral hygiene"}, "text", None, "!sex-life"),
    "en-anal-fissure": ({"label": "Anal fissure"}, "checkbox", None, "!sex-life"),
    # a denomination asked with a possessive, a Salafi creed, a union's plural, another party; "its name" stays out
    "pt-sua-denominacao": ({"label": "Qual é a sua denominação?"}, "text", None, "religion"),
    "fr-salafi": ({"question": "Suivez-vous le minhaj salafi ?", "options": "Oui / Non"}, "radio", None, "religion"),
    "fr-syndicaux": ({"label": "Engagements syndicaux"}, "textarea", None, "union"),
    # a profession of faith holds a consent word and is no consent; consent to the terms stays a decision
    "es-acepto-a-cristo": ({"label": "Acepto a Cristo en su corazón"}, "checkbox", None, "religion"),
    "en-accepted-jesus": ({"label": "I have accepted Jesus as my Lord and Saviour"}, "checkbox", None, "religion"),
    "es-acepto-terminos-iglesia": (
        {"label": "Acepto los términos de la iglesia y el tratamiento de mis datos"},
        "checkbox",
        None,
        "!religion",
    ),
    "de-andere-partei": ({"label": "Ich bin bereits Mitglied in einer anderen Partei"}, "checkbox", None, "political"),
    "es-su-denominacion-its-name": (
        {"question": "¿Ha ostentado algún cargo público, cualquiera que sea su denominación?", "options": "Si / No"},
        "radio",
        None,
        "!religion",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_word_reads_as_it_should(db, case: str) -> None:
    texts, typ, topic, expected = CASES[case]
    found = classify(texts, db.fields, typ, "", db.consent_words, topic, db.field_context)
    category = found.category if found is not None else None
    if expected.startswith("!"):
        assert category != expected[1:], (case, found)
    else:
        assert category == expected, (case, found)
