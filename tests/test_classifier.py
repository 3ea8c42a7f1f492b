"""The sensitive-field classifier, both directions, as tables named after the mistake they guard
against; and its precision and recall on the labelled set (fixtures/fields/labelled.jsonl)."""

from __future__ import annotations

import json

import pytest

from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc
from analyzer.parse.clipping import clip
from analyzer.signatures.lexicon import classify, tokens
from tests.conftest import FIXTURES, page_fields


def field(
    label: str = "", name: str = "", question: str = "", options: str = "", type_: str = "text", autocomplete: str = "", legend: str = ""
) -> dict:
    texts = {"label": label, "name": name, "question": question, "options": options, "legend": legend}
    return {"texts": {k: v for k, v in texts.items() if v}, "type": type_, "autocomplete": autocomplete}


MUST_FLAG = {
    "english-diagnosis-label": (field(label="Current diagnosis"), "health"),
    "german-diagnose": (field(label="Diagnose"), "health"),
    "french-diagnostic": (field(label="Diagnostic médical"), "health"),
    "polish-inflected-diagnoza": (field(label="Rozpoznanie / diagnozy"), "health"),
    "german-beschwerden": (field(label="Aktuelle Beschwerden"), "health"),
    "german-krankenkasse": (field(label="Krankenkasse"), "health"),
    "czech-phrase-zdravotni-stav": (field(label="Zdravotní stav"), "health"),
    "radio-question-pregnant": (field(question="Are you pregnant?", options="Yes", type_="radio"), "health"),
    "camelcase-dev-name-only": (field(name="preExistingConditions"), "health"),
    "snake-case-hiv-status": (field(name="hiv_status"), "health"),
    "russian-diagnoz": (field(label="Диагноз"), "health"),
    "swedish-deaf-written-out": (field(label="Är du döv eller har du nedsatt hörsel?"), "health"),
    "danish-deafness": (field(label="Døvhed eller høretab"), "health"),
    "danish-baptism-date": (field(label="Dåbsdato"), "religion"),
    "polish-tobacco": (field(label="Czy palisz tytoń?"), "health"),
    "polish-loss-of-smell": (field(label="Utrata węchu"), "health"),
    "religion-select-with-options": (field(label="Konfession", options="römisch-katholisch evangelisch muslimisch keine"), "religion"),
    "union-membership-radio": (field(question="Sind Sie Gewerkschaftsmitglied?", type_="radio", options="Ja"), "union"),
    "sexual-orientation": (field(label="Sexual orientation"), "sex-life"),
    "ethnic-origin": (field(label="Ethnic origin"), "racial-ethnic"),
    "political-party-membership": (field(label="Political party membership"), "political"),
    "genetic-test": (field(label="Have you had a genetic test?", type_="radio"), "genetic"),
    "card-number-autocomplete": (field(label="Card", autocomplete="cc-number"), "financial"),
    "iban": (field(label="IBAN"), "financial"),
    "ssn": (field(label="Social security number"), "government-id"),
    "pesel": (field(label="PESEL"), "government-id"),
    "password-type": (field(label="Password", type_="password"), "credentials"),
    "email-type": (field(label="E-mail", type_="email"), "contact"),
    "portuguese-elected-office": (field(label="Já exerceu algum cargo eletivo?"), "political"),
    "spanish-elected-office": (field(label="¿Ha ocupado un cargo electivo?"), "political"),
    "portuguese-post-in-the-party": (field(label="Cargo no partido"), "political"),
    "portuguese-profession-of-faith": (field(label="Data da profissão de fé"), "religion"),
    "spanish-catechist": (field(label="Catequista asignado"), "religion"),
    "portuguese-church-and-member-weak-pair": (field(label="Igreja da qual é membro"), "religion"),
    "french-one-night-option": (
        field(question="Vous cherchez", options="Relation sérieuse Rencontre d'un soir Amitié", type_="radio"),
        "sex-life",
    ),
    "polish-partner-sex-preference": (field(label="Preferujesz kobiety?"), "sex-life"),
    "portuguese-union-affiliation-is-not-political": (field(label="Filiação sindical", name="filiacao"), "union"),
    # Symptoms and conditions by concept, in every language (a review of systems lists them bare).
    "english-bare-symptom-cough": (field(question="Cough", options="Y N P", type_="radio"), "health"),
    "german-pneumonia": (field(label="Lungenentzündung"), "health"),
    "french-mood-swings": (field(label="Sautes d'humeur"), "health"),
    "spanish-cardiovascular-problems": (field(label="Problemas cardiovasculares"), "health"),
    "spanish-overweight": (field(label="Problemas de sobrepeso"), "health"),
    "polish-memory-problems": (field(label="Problemy z pamięcią"), "health"),
    "czech-bronchitis": (field(label="Zánět průdušek"), "health"),
    "swedish-sleeping-pills": (field(label="Sömntabletter"), "health"),
    "danish-pneumonia": (field(label="Lungebetændelse"), "health"),
    "dutch-supplements": (field(label="Gebruikt u voedingssupplementen?"), "health"),
    "russian-cough": (field(label="Кашель"), "health"),
    "english-drink-alcohol-question": (field(question="Do you drink alcohol?", options="Yes No", type_="radio"), "health"),
    "english-tranquilizers": (field(question="Tranquilizers", options="Yes No", type_="radio"), "health"),
    "spanish-infections": (field(label="Infecciones"), "health"),
    "dental-history-stays-health": (field(label="Dental history"), "health"),
    # A review of systems' items, one concept in several languages each.
    "english-blood-clots": (field(question="Blood clots", options="Yes No", type_="radio"), "health"),
    "german-shortness-of-breath": (field(label="Atemnot"), "health"),
    "french-heartburn": (field(label="Brûlures d'estomac"), "health"),
    "italian-constipation": (field(label="Stitichezza"), "health"),
    "portuguese-anxiety": (field(label="Ansiedade"), "health"),
    "dutch-weight-loss": (field(label="Gewichtsverlies"), "health"),
    "czech-diarrhoea": (field(label="Průjem"), "health"),
    "swedish-heart-problems": (field(label="Hjärtproblem"), "health"),
    "danish-menopause": (field(label="Overgangsalder"), "health"),
    "russian-shortness-of-breath": (field(label="Одышка"), "health"),
    "portuguese-religion": (field(label="Religião"), "religion"),
    "dutch-religion": (field(label="Godsdienst"), "religion"),
    "polish-religion": (field(label="Religia"), "religion"),
    "practising-muslim-weak-pair": (field(label="Are you a practising Muslim?"), "religion"),
    # The sex of the partner sought on a dating form.
    "french-partner-sought": (field(label="Je cherche", options="Un Homme Une Femme", type_="select"), "sex-life"),
    "english-interested-in-meeting": (
        field(question="I am interested in meeting:", options="Females Males Both", type_="radio"),
        "sex-life",
    ),
    "polish-partner-sought": (field(label="Szukam", options="Kobiety Mężczyzny", type_="select"), "sex-life"),
    "english-i-look-for": (field(label="I look for", options="a man a woman a man or a woman", type_="select"), "sex-life"),
    # A blood test asked for or described (a GP app's "Bloedonderzoek"), and a witness's preaching report.
    "dutch-blood-test": (field(label="Bloedonderzoek: doel van het onderzoek"), "health"),
    "german-blood-sample": (field(label="Datum der letzten Blutabnahme"), "health"),
    "french-preaching-report": (field(label="Rapport de prédication"), "religion"),
    # A common misspelling of baptism, a work-injury claim, a Russian health insurer written with "мед.".
    "spanish-baptism-misspelt": (field(label="Fecha Bautizmo"), "religion"),
    "english-workers-compensation": (
        field(question="Have you ever filed for or received workman's compensation?", options="YES NO", type_="radio"),
        "health",
    ),
    "russian-health-insurer-abbreviated": (field(label="Наименование страховой мед. организации:"), "health"),
    # Pronouns asked in every language, as "pronouns" is in English; a Czech and a German health-insurer code;
    # an RNA sample's concentration; the parish office one belongs to.
    "polish-pronouns": (field(label="Zaimki", options="on/jego ona/jej", type_="select"), "sex-life"),
    "german-pronouns": (field(label="Mit welchen Pronomen möchtest du angesprochen werden?"), "sex-life"),
    "czech-vzp": (field(label="VZP"), "health"),
    "german-kk-number": (field(label="KK-Nr."), "health"),
    "czech-rna-concentration": (field(label="koncentrace RNA"), "genetic"),
    "german-parish-office": (field(label="Zuständiges Pfarramt"), "religion"),
    # A Colombian health insurer named (EPS), Mexican social-security entitlement, the date of the last period written short,
    # a joint disease of haemophilia, a physically disabled person.
    "spanish-eps-named": (field(label="Nombre de la EPS a la que está afiliado"), "health"),
    "spanish-derechohabiencia": (field(label="Derechohabiencia"), "health"),
    "spanish-last-period-abbreviation": (field(label="F.U.M"), "health"),
    "spanish-arthropathy": (field(label="Artropatia Hemolitica", options="Sí No", type_="select"), "health"),
    "portuguese-physically-disabled": (field(question="Deficiente Físico", options="Sim Não", type_="radio"), "health"),
    # A Russian medical institution (ЛПУ), a member removed from a church by excommunication, a thumb enrolled.
    "russian-medical-institution": (field(label="ЛПУ по месту жительства"), "health"),
    "english-removed-by-excommunication": (
        field(label="Removed By", options="Death Excommunication Inactivity Moved", type_="select"),
        "religion",
    ),
    "english-thumb-enrolment": (field(label="Confirm to Register this Thumb", type_="checkbox"), "biometric"),
    # Argentina's and Mexico's bank account codes.
    "spanish-cbu": (field(label="CBU"), "financial"),
    # Special (educational) needs, written in each language as "special needs" is in English.
    "czech-specific-needs": (field(label="Specifické potřeby"), "health"),
    "french-specific-needs": (field(label="Avez-vous des besoins spécifiques ?"), "health"),
    "german-special-needs": (field(label="Besondere Bedürfnisse"), "health"),
    # A dating profile's drinking habit is alcohol use, whatever page it stands on.
    "english-do-you-drink": (field(label="Do you drink?", options="I will tell you later No Rarely Often", type_="select"), "health"),
    "spanish-drinking-habit": (field(label="Habito de bebida:", options="No tomo De vez en cuando", type_="select"), "health"),
    "dutch-drinking-habits": (field(label="Drinkgewoontes", options="Ik drink vaak Sociaal Ik drink nooit", type_="select"), "health"),
    # A box of its own that says whom one seeks ("Seeking men", then "Seeking women").
    "english-seeking-box": (field(options="Seeking women", type_="checkbox"), "sex-life"),
    "danish-tired-and-appetite-weak-pair": (
        field(question="Føler du dig træt og uden appetit?", options="Ja Nej", type_="radio"),
        "health",
    ),
    "french-religious-education": (field(label="Enseignement religieux"), "religion"),
    "english-neurodivergent": (field(label="Are you neurodivergent?"), "health"),
    "french-mdph-disability-file": (field(label="Numéro de dossier MDPH"), "health"),
    "polish-operated": (field(question="Czy był Pan operowany?", options="Tak Nie", type_="radio"), "health"),
    "a-consent-question-does-not-hide-a-radio-answer": (
        field(question="I agree to answer: do you have diabetes?", options="Yes No", type_="radio"),
        "health",
    ),
}

MUST_NOT_FLAG = {
    "first-name": field(label="First name", name="first_name", autocomplete="given-name"),
    "city": field(label="City", name="city", autocomplete="address-level2"),
    "search": field(label="Search", name="q", type_="search"),
    "coupon-code-is-not-a-credential": field(label="Coupon code", name="coupon"),
    "promo-code-is-not-a-credential": field(label="Promo code", name="promoCode"),
    "newsletter-opt-in": field(label="Subscribe to our newsletter", name="newsletter", type_="checkbox"),
    "terms-and-conditions-is-not-health": field(label="I accept the terms and conditions", name="terms", type_="checkbox"),
    "race-distance-is-not-ethnicity": field(label="Race distance", name="race_distance", options="5 km 10 km Half marathon"),
    "party-size-is-not-politics": field(label="Party size", name="party_size", options="1 2 3 4"),
    "order-history": field(label="Order history", name="orders"),
    "company-name": field(label="Company name", name="company", autocomplete="organization"),
    "message-subject": field(label="Subject", name="subject"),
    "consent-checkbox-naming-health-data": field(
        label="Ich willige in die Verarbeitung meiner Gesundheitsdaten ein", name="consent", type_="checkbox"
    ),
    "english-consent-checkbox": field(label="I agree to the processing of my medical information", name="agree", type_="checkbox"),
    "godparent-name-keeps-its-category": field(label="Nome do padrinho", name="nome_padrinho"),
    "no-sexual-content-rule-is-not-sex-life": field(label="Description (no sexual content)", name="description"),
    "job-candidate-alone-is-not-political": field(label="Nome do candidato", name="candidato"),
    "ministry-alone-is-not-religion": field(label="Ministério", name="ministerio"),
    "parentage-on-an-exam-form-is-not-political": field(label="Filiação (nome da mãe)", name="filiacao", legend="Dados do candidato"),
    "matches-on-a-club-form-are-not-political": field(
        label="Partidos jugados por semana", name="partidos", legend="Formulario de adhesión"
    ),
    # "doctor*" once matched "Doctorate" in an education select.
    "doctorate-is-not-a-doctor": field(
        label="Highest level of education", name="education", options="High school diploma Bachelor's degree Master's degree Doctorate"
    ),
    # The identifier restates the label in another language: one clue, not two (a dating profile).
    "height-label-and-identifier-are-one-clue": field(label="Taille", name="height_cm"),
    "weight-label-and-identifier-are-one-clue": field(label="Poids", name="weight"),
    "hostel-is-not-a-cough": field(label="Hostel name", name="hostel"),
    "yes-no-question-that-is-not-a-condition": field(question="Accident reported", options="Yes No", type_="radio"),
    # Permissions under a consent question are decisions, like a consent box's own label.
    "consent-question-over-a-group-of-boxes": field(
        question="Ich bin damit einverstanden, dass meinem Kind:",
        options="bei Verletzungen ein Pflaster verabreicht wird",
        type_="checkbox",
    ),
    # A choice of subjects to hear about is not what the visitor is.
    "areas-of-interest-is-not-health": field(question="Areas of interest", options="Arts Disability Health Human rights", type_="checkbox"),
    "spanish-topics-of-interest-is-not-religion": field(label="Áreas de interés", options="Deporte Religión Política", type_="select"),
    "own-gender-is-not-sex-life": field(label="Gender", options="Male Female", type_="select"),
    "shop-department-looking-for": field(label="Looking for", options="Men Women Kids Home", type_="select"),
    # One sex beside a verb among a labelled select's options is a shop's filter, not a partner sought.
    "shop-filter-one-sex": field(label="Categoria", options="Cerca Uomo", type_="select"),
    "earnings-per-share-is-not-a-health-insurer": field(label="Earnings per share (EPS)"),
    # "EPS" alone is weak: an admin's billing page sorts and filters by insurer ("Orden: Num. Cuenta / Fecha / Eps").
    "billing-sort-by-insurer": field(label="Orden:", options="Num. Cuenta Fecha Eps", type_="select"),
    # A drink named, or a drink chosen, is no alcohol habit.
    "english-do-you-drink-coffee": field(label="Do you drink coffee?"),
    "english-drink-with-dinner": field(label="What do you drink with dinner?"),
    "dutch-favourite-drink": field(label="Wat drink je het liefst?"),
    "french-pastry-is-not-dutch-religion": field(label="Religieuse au chocolat (quantité)", name="qte_religieuse"),
    "one-sleep-word-alone-is-not-health": field(label="Sleep", name="sleep"),
    "advice-topic-sleep-is-not-health": field(
        label="What would you like advice on?", options="Skincare routine Sleep and relaxation Travel essentials", type_="select"
    ),
    "addressing-a-problem-is-not-an-address": field(label="Are you addressing problems at work?", name="problem"),
    # Stems of one language that are words of another.
    "french-very-is-not-czech-tremor": field(label="État", options="Neuf Très bon état Bon état"),
    "french-taste-is-not-gout": field(label="Vos goûts"),
    "german-stammen-is-not-danish-stuttering": field(label="Woher stammen Sie?"),
    "crampons-are-not-cramps": field(label="Crampons size"),
    "flight-operated-by": field(label="Vol opéré par"),
    # Accent folding makes a stem of one language another's common word: Swedish "döv*" (deaf) was Italian
    # "dove" (where) and Czech "dovednosti" (skills); Polish "tyto*" (tytoń) Czech "tyto" (these); Polish
    # "węch*" (smell) German "Wechsel"; Danish "dåb*" (baptism) German "dabei".
    "italian-where-is-not-swedish-deaf": field(label="Dove abiti?", name="citta"),
    "czech-skills-are-not-swedish-deaf": field(question="Dovednosti", options="Programování Mechanika", type_="checkbox"),
    "czech-these-is-not-polish-tobacco": field(label="Tyto údaje jsou povinné"),
    "german-change-is-not-polish-smell": field(label="Wechseldatum"),
    "german-dabei-is-not-danish-baptism": field(label="Wie oft warst du dabei?"),
    # A currency select's crowns are not the virus.
    "italian-crown-currency-is-not-corona": field(
        label="Valuta", options="EURO CORONA DANIMARCA CORONA SVEZIA DOLLARO USA", type_="select"
    ),
    # "Dental" names a domain (floss, a coverage plan), not a question.
    "dental-floss-is-not-health": field(question="¿Utiliza hilo dental?", options="Si No", type_="radio"),
}


def _classify(case: dict, db):
    return classify(case["texts"], db.fields, case["type"], case["autocomplete"], db.consent_words, context=db.field_context)


@pytest.mark.parametrize("case", sorted(MUST_FLAG))
def test_must_flag(case: str, db) -> None:
    spec, category = MUST_FLAG[case]
    result = _classify(spec, db)
    assert result is not None and result.category == category, result


@pytest.mark.parametrize("case", sorted(MUST_NOT_FLAG))
def test_must_not_flag(case: str, db) -> None:
    assert _classify(MUST_NOT_FLAG[case], db) is None


@pytest.mark.parametrize(
    "text,limit,expected",
    [
        ("Seleziona ANGOLA BOLIVIA", 21, "Seleziona ANGOLA"),  # not "BOLI": Czech "bolí", it hurts
        ("Seleziona ANGOLA BOLIVIA", 17, "Seleziona ANGOLA"),  # the cut falls on the space
        ("short", 300, "short"),
        ("x" * 400, 300, ""),  # one unbroken token: nothing of it is a word
    ],
)
def test_a_clipped_text_ends_on_a_whole_word(text: str, limit: int, expected: str) -> None:
    assert clip(text, limit) == expected


def test_a_long_country_select_is_not_read_by_its_broken_last_word(db) -> None:
    # The field reader keeps a select's first 300 characters of choices; the cut once left "BOLI" of
    # "BOLIVIA", Czech "bolí" (it hurts), and a bank transfer's country select was health.
    choices = ["Seleziona", *(f"PAESE{i:03d}" for i in range(31)), "ANGOLA", "BOLIVIA", "BRASILE"]
    assert " ".join(choices)[:300].endswith(" BOLI")
    options = "".join(f"<option>{c}</option>" for c in choices)
    html = f"<form><label for=n>Nazione beneficiario</label><select id=n name=nazione>{options}</select></form>"
    found = fieldfacts.extract(htmldoc.parse(html), db.fields, db.consent_words, context=db.field_context)
    assert [s.name for s in found] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("preExistingConditions", ("pre", "existing", "conditions")),
        ("hiv_status", ("hiv", "status")),
        ("date-of-birth2", ("date", "of", "birth", "2")),  # numbers are words: "legge 104", "top 09"
        ("Zdravotní stav", ("zdravotni", "stav")),
        ("Przyjmowane leki", ("przyjmowane", "leki")),
        ("Straße", ("strasse",)),
    ],
)
def test_tokens_split_identifiers_and_fold_accents(text: str, expected: tuple) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("Autorizzo il trattamento dati Reg.to UE 2016/679 - GDPR LEGGE PRIVACY", None),  # not "legge 104"
        ("Beneficiario della legge 104?", "health"),
        ("Formulaire d'adhésion", None),  # not the Dutch party D66
        ("Ja, ik ga akkoord", None),  # not the Dutch party JA21
        ("Top 3 priorities", None),  # not the Czech party TOP 09
    ],
)
def test_a_term_with_a_number_needs_the_number(label: str, category: str | None, db) -> None:
    found = classify({"label": label}, db.fields)
    assert (found.category if found and found.confidence >= 0.6 else None) == category, (label, found)


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("Blut Gruppe", "health"),  # Blutgruppe written in two words
        ("Glaubens Gemeinschaft", "religion"),
        ("Patienten Dossier", "health"),  # as "Patiëntendossier" is
        ("Call the rapist hotline", None),  # parts of three letters are not joined: no "therapist"
        ("Schaden Meldung", None),
    ],
)
def test_a_compound_written_in_two_words_is_one(label: str, category: str | None, db) -> None:
    found = classify({"label": label}, db.fields)
    assert (found.category if found and found.confidence >= 0.6 else None) == category, (label, found)


@pytest.mark.parametrize(
    ("label", "category"),
    [("Groupage et Rhésus", "health"), ("Fattore Rh", "health"), ("Резус-фактор", "health")],
)
def test_the_rhesus_factor_is_health(label: str, category: str, db) -> None:
    found = classify({"label": label}, db.fields)
    assert found is not None and found.category == category, (label, found)


def test_a_party_named_with_a_number_is_a_topic_only_with_its_number(db) -> None:
    from analyzer.facts.pagecontext import topic_of

    assert topic_of([("form", "Lid worden van D66")], db.fields).category == "political"
    assert topic_of([("form", "Formulaire d'adhésion")], db.fields) is None


def _labelled():
    path = FIXTURES / "fields" / "labelled.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_precision_and_recall_on_the_labelled_set(db) -> None:
    tp = fp = fn = 0
    wrong = []
    for item in _labelled():
        texts = {k: item.get(k) or "" for k in ("label", "question", "legend", "placeholder", "name", "id")}
        texts["options"] = " ".join(item.get("options") or [])
        texts = {k: v for k, v in texts.items() if v}
        got = classify(texts, db.fields, item.get("type", ""), item.get("autocomplete", ""))
        got_cat = got.category if got else "none"
        want = item["expected"]
        if got_cat == want:
            tp += want != "none"
            continue
        fp += got_cat != "none"
        fn += want != "none"
        wrong.append((item.get("lang"), item.get("label") or item.get("name"), want, got_cat))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"\nclassifier on {len(_labelled())} labelled fields: precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    for w in wrong[:40]:
        print("  miss:", w)
    assert precision >= 0.9 and recall >= 0.85, (precision, recall)


def test_held_out_set_written_without_seeing_the_lexicon(db) -> None:
    """fixtures/fields/heldout.jsonl was labelled by someone who never saw signatures/fields; it is
    not used to tune the lexicon. Measured when it arrived: precision 0.972, recall 0.785."""
    path = FIXTURES / "fields" / "heldout.jsonl"
    tp = fp = fn = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        texts = {k: item.get(k) or "" for k in ("label", "question", "legend", "placeholder", "name", "id")}
        texts["options"] = " ".join(item.get("options") or [])
        got = classify(
            {k: v for k, v in texts.items() if v}, db.fields, item.get("type", ""), item.get("autocomplete", ""), db.consent_words
        )
        got_cat, want = (got.category if got else "none"), item["expected"]
        if got_cat == want:
            tp += want != "none"
            continue
        fp += got_cat != "none"
        fn += want != "none"
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\nheld-out: precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert precision >= 0.95 and recall >= 0.75, (precision, recall)


@pytest.mark.parametrize(
    ("identifier", "words"),
    [
        ("PPhoneNumberHome", ("p", "phone", "number", "home")),  # a one-letter prefix (the patient's) on a model property
        ("HIVStatus", ("hiv", "status")),
        ("healthNotes", ("health", "notes")),
        ("SSN", ("ssn",)),
        ("field2Name", ("field", "2", "name")),
    ],
)
def test_an_identifier_splits_at_a_capital_run_before_a_capitalised_word(identifier: str, words: tuple[str, ...]) -> None:
    assert tokens(identifier) == words


def test_a_prefixed_model_propertys_name_is_read_as_its_words(db) -> None:
    # Razor's @Html.EditorFor(model => model.PPhoneNumberHome): the control is named by the property.
    assert page_fields(db, "<form><input name=PPhoneNumberHome><input name=PEmail></form>") == {
        "PPhoneNumberHome": "contact",
        "PEmail": "contact",
    }
