"""How a form's controls are read together (analyzer/facts/pagecontext, docs/fields.md "Context"): its own
answers as its topic (the controls that already ask for something else, e-mail, phone, address, do not
dilute the share of Art. 9 answers, and two such answers in a long job application still do not make
it a health form), identifier words most of its controls share, which name the form, a checklist of
yes/no questions, and which of a free-text control's texts say it is free text."""

from __future__ import annotations

import functools

import pytest

from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc
from tests.conftest import finishes_within, page_fields

_CONTACT_BLOCK = (
    "<label for=fn>First name</label><input id=fn name=fn>"
    "<label for=ln>Last name</label><input id=ln name=ln>"
    "<label for=em>E-mail</label><input id=em name=em type=email>"
    "<label for=ph>Phone</label><input id=ph name=ph type=tel>"
    "<label for=st>Street address</label><input id=st name=st>"
    "<label for=pc>Postcode</label><input id=pc name=pc>"
    "<label for=db>Date of birth</label><input id=db name=db type=date>"
)


# The fields of a form written without its <form> tag.
_sites = functools.partial(page_fields, in_form=True)


def test_a_contact_block_does_not_hide_what_a_questionnaire_asks(db) -> None:
    # 11 controls, 2 of them health by a strong word: fewer than a quarter of all controls, but the
    # four contact fields ask for something else, and half of the rest is a quarter and more.
    sites = _sites(
        db,
        _CONTACT_BLOCK + "<label for=me>Current medication</label><input id=me name=me>"
        "<label for=al>Known allergies</label><input id=al name=al>"
        "<label for=no>Notes</label><textarea id=no name=no></textarea>"
        "<label for=dy>Preferred day</label><input id=dy name=dy>",
    )
    assert sites["me"] == sites["al"] == "health"
    assert sites.get("no") == "health", sites
    assert "dy" not in sites and "fn" not in sites


def test_two_health_questions_in_a_long_application_do_not_make_it_a_health_form(db) -> None:
    sites = _sites(
        db,
        _CONTACT_BLOCK + "<label for=em2>Current employer</label><input id=em2 name=em2>"
        "<label for=po>Position applied for</label><input id=po name=po>"
        "<label for=sd>Earliest start date</label><input id=sd name=sd type=date>"
        "<label for=ye>Years of experience</label><input id=ye name=ye>"
        "<label for=np>Notice period</label><input id=np name=np>"
        "<label for=di>Do you have a disability?</label><input id=di name=di>"
        "<label for=ra>Do you need reasonable adjustments for the interview?</label><input id=ra name=ra>"
        "<label for=co>Comments</label><textarea id=co name=co></textarea>",
    )
    assert sites["di"] == sites["ra"] == "health"
    assert "co" not in sites, sites


def test_a_word_every_identifier_shares_names_the_form_not_the_field(db) -> None:
    # Every id ends with the form's name ("Anamnese"): the age and name fields ask nothing about health.
    fields = [("nome", "Nome do paciente"), ("idade", "Idade"), ("nascimento", "Data de nascimento"), ("fumante", "É fumante?")]
    fields += [("alergia", "Alergia?"), ("gestante", "Gestante?")]
    form = "".join(f"<label for={n}FichaAnamnese>{label}</label><input id={n}FichaAnamnese name={n}Anamnese>" for n, label in fields)
    sites = _sites(db, form)
    assert {"fumanteAnamnese", "alergiaAnamnese", "gestanteAnamnese"} <= set(sites)
    assert not {"nomeAnamnese", "idadeAnamnese", "nascimentoAnamnese"} & set(sites), sites


def test_a_small_form_keeps_what_its_identifiers_say(db) -> None:
    # Four controls are too few to tell a form's name from what its fields share: "allergy" stays.
    form = "".join(
        f"<label for=allergy_{n}>{label}</label><input id=allergy_{n} name=allergy_{n}>"
        for n, label in (("substance", "Substance"), ("reaction", "Reaction"), ("severity", "Severity"), ("since", "Since"))
    )
    assert set(_sites(db, form).values()) == {"health"} and len(_sites(db, form)) == 4


def _review_of_systems(items: list[str]) -> str:
    return "".join(
        f"<p>{q}</p>" + "".join(f"<input type=radio name=r{i} value={v}> {v.upper()}" for v in "ynp") for i, q in enumerate(items)
    )


def test_a_checklist_of_conditions_gives_its_unknown_items_its_category(db) -> None:
    # Three bare conditions with Y/N/P are health by their own words; the two the lexicon does not
    # know are items of the same checklist. A yes/no sentence ("...reported?") is not an item.
    sites = _sites(
        db, _review_of_systems(["Asthma", "Tuberculosis", "Shortness of breath", "Pneumothorax", "Sarcoidosis", "Accident reported?"])
    )
    assert sites == {f"r{i}": "health" for i in range(5)}, sites


def test_a_section_that_rules_the_checklists_category_out_keeps_its_rows(db) -> None:
    # A dental history: its pathological section is a checklist of diseases (two the lexicon does not know
    # are items of it); the housing, food and hygiene rows of its non-pathological section are not.
    patho = _review_of_systems(["Diabetes", "Asthma", "Epilepsia", "Tuberculosis", "Sarcoidosis"])
    other = "".join(
        f"<p>{q}</p>" + "".join(f"<input type=radio name=n{i} value={v}> {v.upper()}" for v in "ynp")
        for i, q in enumerate(["Habitación", "Alimentación", "Higiene"])
    )
    html = f"<form><h3>Antecedentes personales patológicos</h3>{patho}<h3>Antecedentes personales no patológicos</h3>{other}</form>"
    sites = _sites(db, html)
    assert {f"r{i}" for i in range(5)} <= set(sites) and not {"n0", "n1", "n2"} & set(sites), sites


def test_a_yes_no_list_mostly_about_other_things_is_no_checklist(db) -> None:
    sites = _sites(db, _review_of_systems(["Asthma", "Diabetes", "Epilepsy", "Hired", "Relocated", "Full time", "Overtime", "Contract"]))
    assert set(sites) == {"r0", "r1", "r2"}, sites


def test_an_identifier_does_not_make_a_labelled_textarea_free_text(db) -> None:
    # A copied name="message" under "Name" and "Documents" on a patient form; a question whose
    # placeholder says "Describe here" asks the question, not "anything you like".
    sites = _sites(
        db,
        "<h2>Patient medical history</h2>"
        "<label for=dg>Diagnosis</label><input id=dg name=dg><label for=me>Medication</label><input id=me name=me>"
        "<label for=n1>Name</label><textarea id=n1 name=message></textarea>"
        "<label for=n2>Documents</label><textarea id=n2 name=message2></textarea>"
        "<label for=ex>What exercise do you do?</label><textarea id=ex name=ex placeholder='Describe here'></textarea>"
        "<label for=ds>Description</label><textarea id=ds name=ds></textarea>"
        "<textarea name=message3></textarea>",
    )
    assert sites.get("ds") == sites.get("message3") == "health", sites
    assert not {"message", "message2", "ex"} & set(sites), sites


def test_a_text_control_under_a_section_legend_needs_a_question_of_its_own(db) -> None:
    # The legend "Uw klachten" (your complaints) and the form's topic are both context: a hobby
    # question under them asks nothing about health.
    sites = _sites(
        db,
        "<label for=dg>Diagnose</label><input id=dg name=dg><label for=me>Medicatie</label><input id=me name=me>"
        "<label for=al>Allergieën</label><input id=al name=al>"
        "<fieldset><legend>Uw klachten</legend><label for=hb>Heeft u nog andere hobby's?</label>"
        "<textarea id=hb name=hb></textarea></fieldset>",
    )
    assert "hb" not in sites and sites["dg"] == "health", sites


def test_a_checkbox_list_of_interests_names_subjects_not_the_visitor(db) -> None:
    boxes = "".join(
        f"<label><input type=checkbox name=interests value={i}> {s}</label>" for i, s in enumerate(["Disability", "Mental health", "Arts"])
    )
    assert _sites(db, "<p>Areas of interest</p>" + boxes) == {}
    assert _sites(db, "<p>Which apply to you?</p>" + boxes) == {"interests": "health"}


def test_whose_phone_it_is_on_a_patient_form(db) -> None:
    # The physician's phone tells who treats the visitor; the visitor's own phone stays contact.
    sites = _sites(
        db,
        "<h2>New patient form</h2>"
        "<label for=dg>Diagnosis</label><input id=dg name=dg><label for=me>Current medication</label><input id=me name=me>"
        "<label for=pp>Your physician's phone</label><input id=pp name=pp>"
        "<label for=ph>Your phone</label><input id=ph name=ph>",
    )
    assert sites["pp"] == "health" and sites["ph"] == "contact", sites


def test_a_clinical_abbreviation_in_an_identifier_is_a_clue_on_a_patient_form(db) -> None:
    form = "<label for=dg>Diagnosis</label><input id=dg name=dg><select name=had_surg_y><option>Year</option></select>"
    assert _sites(db, "<h2>Patient intake</h2>" + form).get("had_surg_y") == "health"
    assert "had_surg_y" not in _sites(db, "<h2>Newsletter</h2><select name=had_surg_y><option>Year</option></select>")


def test_a_doctors_appointment_page_gives_its_message_box_health(db) -> None:
    form = "<label for=n>Name</label><input id=n name=n><label for=m>Nachricht</label><textarea id=m name=m></textarea>"
    assert _sites(db, "<h2>Arzttermin vereinbaren</h2>" + form) == {"m": "health"}
    assert _sites(db, "<h2>Kontakt</h2>" + form) == {}


_PATIENT = "<label for=fn>First name</label><input id=fn name=fn><label for=ph>Phone</label><input id=ph name=ph type=tel>"
_PHYSICIAN = (
    "<label for=pn>Referring physician</label><input id=pn name=pn>"
    "<label for=ps>Street address</label><input id=ps name=ps><label for=pt>Phone</label><input id=pt name=pt type=tel>"
)


def test_contact_details_in_a_later_section_naming_the_physician_are_health(db) -> None:
    # The second section's heading says whose address and phone they are (and its first control asks
    # for the physician by its own words); the visitor's own stay contact.
    sites = _sites(db, "<h2>New patient form</h2>" + _PATIENT + "<h3>Referring physician information</h3>" + _PHYSICIAN)
    assert sites["ps"] == sites["pt"] == "health", sites
    assert sites["ph"] == "contact" and "fn" not in sites


def test_a_section_heading_that_only_names_the_domain_or_the_form_leaves_contact_alone(db) -> None:
    # "Patient details" names the domain; a heading above the form (or before its first control) is the
    # form's title, not a section; "Emergency contacts" is about contacts itself.
    assert _sites(db, "<h2>New patient form</h2>" + _PATIENT + "<h3>Patient details</h3>" + _PHYSICIAN)["pt"] == "contact"
    sites = page_fields(db, "<h1>Ask our physician</h1><form>" + _PATIENT + "</form>")
    assert sites.get("ph") == "contact", sites
    sites = _sites(db, "<h3>Ask our physician</h3>" + _PATIENT)
    assert sites.get("ph") == "contact", sites


def test_a_section_under_the_form_s_title_reads_the_title_wherever_it_stands(db) -> None:
    # "Physician and emergency contacts" names no topic; it stands in the section of the form's title, which names
    # one. The title is read alike as the page's <h1>, above the form or inside it (the page's outline): the section
    # asks for the physician by its first control's own words, so its address and phone are the physician's.
    section = _PATIENT + "<h3>Physician and emergency contacts</h3>" + _PHYSICIAN
    for page in (
        "<h1>New patient form</h1><form>" + section + "</form>",
        "<h2>New patient form</h2><form>" + section + "</form>",
        "<form><h2>New patient form</h2>" + section + "</form>",
    ):
        sites = page_fields(db, page)
        assert sites["ps"] == sites["pt"] == "health" and sites["ph"] == "contact", (page, sites)


def test_a_section_about_the_visitors_previous_church_gives_its_address_religion(db) -> None:
    form = (
        "<h2>Membership application</h2>"
        + _PATIENT
        + "<legend>Religious background</legend><label for=cn>Church's name</label><input id=cn name=cn>"
        + _PHYSICIAN
    )
    sites = _sites(db, form)
    assert sites["cn"] == sites["ps"] == sites["pt"] == "religion", sites
    assert sites["ph"] == "contact"


_JOIN = (
    "<label for=fn>First name</label><input id=fn name=fn>"
    "<label for=em>E-mail</label><input id=em name=em type=email>"
    "<label for=iv>Invited by</label><input id=iv name=iv>"
    "<label for=ms>Member since</label><input id=ms name=ms type=date>"
    "<label for=br>Branch</label><select id=br name=br><option>North</option><option>South</option></select>"
    "<label for=fee>Membership fee</label><input id=fee name=fee>"
)


def test_a_membership_field_on_a_church_party_or_union_form_takes_its_category(db) -> None:
    for heading, category in (
        ("Join our church", "religion"),
        ("Adhérer au parti politique", "political"),
        ("Join the union", "union"),
    ):
        sites = _sites(db, f"<h2>{heading}</h2>" + _JOIN)
        assert sites["iv"] == sites["ms"] == sites["br"] == category, (heading, sites)
        # The visitor's name and e-mail keep theirs; a membership fee is a payment, not a belonging.
        assert "fn" not in sites and sites["em"] == "contact", (heading, sites)
        # (On a union's form "member" is a union word of its own: its fee is read as union already.)
        assert category == "union" or sites.get("fee") != category, (heading, sites)


def test_a_membership_type_whose_choices_cost_something_is_still_membership(db) -> None:
    # "Type d'adhésion: Gratuite / Donateur (paiement sur place)" asks which membership; a choice that
    # mentions a payment does not make the question a payment. The fee field itself stays one.
    form = (
        "<h2>Adhérer au parti politique</h2>"
        "<label for=ty>Type d'adhésion :</label><select id=ty name=ty>"
        "<option>Gratuite</option><option>Donateur (paiement sur place)</option></select>"
        "<label for=fee>Montant de la cotisation</label><input id=fee name=fee>"
    )
    sites = _sites(db, form)
    assert sites.get("ty") == "political" and sites.get("fee") != "political", sites


def test_membership_words_without_such_a_topic_say_nothing(db) -> None:
    # A gym's or a club's join form, a product called "Union", a church site's plain account sign-up.
    assert _sites(db, "<h2>Join our gym</h2>" + _JOIN).keys() <= {"em", "fee"}
    assert _sites(db, "<h2>Union Pro 3000 – register your product</h2>" + _JOIN).keys() <= {"em", "fee"}
    signup = (
        "<h2>Create your account – St Mary's Church</h2>"
        "<label for=un>Username</label><input id=un name=un><label for=em>E-mail</label><input id=em name=em type=email>"
        "<label for=pw>Password</label><input id=pw name=pw type=password>"
    )
    assert _sites(db, signup) == {"em": "contact", "pw": "credentials"}


def test_a_renewal_and_a_local_section_on_a_party_form_are_political(db) -> None:
    form = (
        "<h2>Adhérer au parti politique</h2><label for=n>Nom</label><input id=n name=n>"
        "<label><input type=checkbox name=renouvellement> Renouvellement de mon adhésion</label>"
        "<label for=sl>Je rejoins la section locale</label><select id=sl name=sl><option>Paris</option></select>"
    )
    sites = _sites(db, form)
    assert sites["renouvellement"] == sites["sl"] == "political", sites


def test_adherence_to_the_statute_is_part_of_joining_a_party_not_a_club(db) -> None:
    question = "<label for=st>Você leu o Estatuto e o Manifesto? Concorda com seus termos?</label><textarea id=st name=st></textarea>"
    assert _sites(db, "<h2>Filie-se ao partido</h2><label for=n>Nome</label><input id=n name=n>" + question) == {"st": "political"}
    assert _sites(db, "<h2>Ficha de sócio do clube de futebol</h2><label for=n>Nome</label><input id=n name=n>" + question) == {}


def test_a_bold_line_standing_alone_heads_its_section(db) -> None:
    # A section title written as a bold paragraph gives its topic to the controls under it; a bold
    # table-cell label does not (it labels a control), nor a bold word inside a sentence.
    rows = "<label for=iv>Invited by</label><input id=iv name=iv><label for=n>Notes</label><textarea id=n name=n></textarea>"
    sites = _sites(db, "<h2>Cadastro</h2><label for=a>Nome</label><input id=a name=a><p><strong>Funções no Partido</strong></p>" + rows)
    assert sites == {"iv": "political", "n": "political"}, sites
    table = "<table><tr><td><b>Funções no Partido</b></td><td><input name=f></td></tr></table>"
    sites = _sites(db, "<h2>Cadastro</h2>" + table + rows)
    assert "iv" not in sites and "n" not in sites, sites  # (the cell's own control is political by its label)
    assert _sites(db, "<h2>Cadastro</h2><p>Veja as <b>Funções no Partido</b> abaixo.</p>" + rows) == {}


def test_joining_the_parti_pirate_is_a_political_topic(db) -> None:
    form = "<label for=sl>Je rejoins la section locale</label><select id=sl name=sl><option>Paris</option></select>"
    assert page_fields(db, f"<h2>J'adhère en ligne au Parti Pirate</h2><form>{form}</form>") == {"sl": "political"}
    assert page_fields(db, f"<h2>Inscription au club de pétanque</h2><form>{form}</form>") == {}


def test_a_later_section_must_itself_ask_about_the_category(db) -> None:
    # One form around a whole clinic page (ASP.NET wraps every page in one): the "Ask our doctors"
    # section asks nothing about health by its own words, so the visitor's phone there stays contact.
    page = (
        "<h2>New patient form</h2><label for=dg>Diagnosis</label><input id=dg name=dg>"
        "<h3>Ask our doctors</h3><label for=n>Name</label><input id=n name=n>"
        "<label for=ph>Phone</label><input id=ph name=ph type=tel><label for=m>Message</label><textarea id=m name=m></textarea>"
    )
    sites = page_fields(db, f"<h1>Riverside Clinic</h1><form>{page}</form>")
    assert sites["ph"] == "contact", sites


def test_sections_of_controls_outside_any_form(db) -> None:
    # A framework writes the <form> tag at run time (CodeIgniter's form_open()): the page's controls
    # are read as one form, and its later sections as sections.
    page = (
        "<h1>Application for membership</h1><label for=fn>First name</label><input id=fn name=fn>"
        "<label for=ph>Phone</label><input id=ph name=ph type=tel>"
        "<h4>D. Religious background</h4><label for=ch>Previous church's name</label><input id=ch name=ch>"
        "<label for=ca>Address</label><input id=ca name=ca><label for=ct>Tel. no.</label><input id=ct name=ct type=tel>"
    )
    sites = page_fields(db, page)
    assert sites["ch"] == sites["ca"] == sites["ct"] == "religion", sites
    assert sites["ph"] == "contact"


def test_eight_answers_of_one_category_make_a_long_form_about_it(db) -> None:
    # Twelve faith questions among sixty controls are under a quarter, but no job application asks eight.
    faith = "".join(
        f"<label for=f{i}>{q}</label><input id=f{i} name=f{i}>"
        for i, q in enumerate(
            [
                "Baptism date",
                "Church attended",
                "Pastor's name",
                "Prayer needs",
                "Name of your church",
                "Date of first communion",
                "Confirmation name",
                "Home church",
            ]
        )
    )
    other = "".join(f"<label for=o{i}>School {i}</label><input id=o{i} name=o{i}>" for i in range(30))
    sites = _sites(db, other + faith + "<label for=iv>Invited by</label><input id=iv name=iv>")
    assert sites.get("iv") == "religion", sites
    assert "iv" not in _sites(db, other + faith[: faith.index("<label for=f3>")] + "<label for=iv>Invited by</label><input id=iv name=iv>")


def test_a_date_in_three_boxes_of_a_nested_table_reads_the_cell_to_its_left(db) -> None:
    date = "<table><tr><td><input name=d_dia></td><td>/</td><td><input name=d_mes></td><td>/</td><td><input name=d_ano></td></tr></table>"
    sites = _sites(db, f"<table><tr><td>Data da Profissão de Fé:</td><td>{date}</td></tr></table>")
    assert sites == {"d_dia": "religion", "d_mes": "religion", "d_ano": "religion"}, sites
    # The cell to the left holding another control is not a label.
    sites = _sites(db, f"<table><tr><td><input name=other></td><td>{date}</td></tr></table>")
    assert sites == {}, sites


def _checkbox_list(heading: str, items: list[str], question: str = "") -> str:
    boxes = "".join(f"<div><input type=checkbox name=c{i} id=c{i}><label for=c{i}>{t}</label></div>" for i, t in enumerate(items))
    return f"<h2>{heading}</h2><label for=nm>Nome</label><input id=nm name=nm>" + (f"<p>{question}</p>" if question else "") + boxes


def test_unknown_items_of_a_checkbox_list_of_conditions_take_its_category(db) -> None:
    # Herpes, glaucoma, psoriasis and lupus are health by their own words; "Queloide" and
    # "Dermografismo" are items of the same list under an anamnesis heading. The consent box and an
    # item that says something of its own stay out.
    items = ["Herpes", "Glaucoma", "Psoríase", "Lúpus", "Queloide", "Dermografismo", "Concordo com o tratamento dos dados"]
    sites = page_fields(db, "<form>" + _checkbox_list("Anamnese", items, "Selecione se você tem ou já teve os seguintes:") + "</form>")
    assert sites == {f"c{i}": "health" for i in range(6)}, sites


def test_a_checkbox_list_on_a_page_about_something_else_keeps_its_unknown_items(db) -> None:
    # A studio's "Why did you come?" mixes health reasons with others; the page names no health topic.
    items = ["Depression", "Back pain", "Asthma", "Loneliness", "Curiosity"]
    sites = page_fields(db, "<form>" + _checkbox_list("Your visit", items, "Why did you decide to visit us?") + "</form>")
    assert sites == {"c0": "health", "c1": "health", "c2": "health"}, sites


def test_a_new_question_starts_a_new_checkbox_list(db) -> None:
    # Three conditions, then three goals under a question of their own: read as one run, half of six
    # items would name health; the goals are a list of their own, and none of them names it.
    html = (
        "<h2>Medical history</h2><form><p>Do you have any of these?</p>"
        "<div><input type=checkbox name=a id=a><label for=a>Asthma</label></div>"
        "<div><input type=checkbox name=b id=b><label for=b>Diabetes</label></div>"
        "<div><input type=checkbox name=e id=e><label for=e>Epilepsy</label></div>"
        "<p>What are your goals?</p>"
        "<div><input type=checkbox name=g1 id=g1><label for=g1>Learn to dance</label></div>"
        "<div><input type=checkbox name=g2 id=g2><label for=g2>Meet people</label></div>"
        "<div><input type=checkbox name=g3 id=g3><label for=g3>Keep fit</label></div></form>"
    )
    assert page_fields(db, html) == {"a": "health", "b": "health", "e": "health"}


def test_lifestyle_words_are_clues_in_every_language_on_a_health_page(db) -> None:
    # Smoking, alcohol, sleep and an insurance number are weak words in every language: on an
    # anamnesis page the page topic is the second clue; on a party-planning form they say nothing.
    fields = (
        "<label for=ra>Rauchen</label><select id=ra name=ra><option>Nein</option><option>Täglich</option></select>"
        "<label for=al>Alkohol</label><select id=al name=al><option>Selten</option><option>Regelmäßig</option></select>"
        "<label for=sc>Schlaf</label><select id=sc name=sc><option>Gut</option><option>Schlecht</option></select>"
        "<label for=vz>Verzekeringsnummer</label><input id=vz name=vz>"
        "<label for=dr>Drinkt u?</label><select id=dr name=dr><option>Ja</option><option>Nee</option></select>"
    )
    health = page_fields(db, f"<title>Anamnesebogen für Neupatienten</title><h1>Anamnesebogen</h1><form>{fields}</form>")
    assert health == {k: "health" for k in ("ra", "al", "sc", "vz", "dr")}, health
    party = page_fields(db, f"<title>Sommerfest 2025 – Anmeldung</title><h1>Unser Sommerfest</h1><form>{fields}</form>")
    # A habit asked with how often says the person smokes or drinks on any page (the labelling rules: "smoking and drug
    # use, dating profile and insurance quote alike"; the forty-first session's habit rule); sleep, an insurance number
    # and a yes / no drink say nothing there.
    assert party == {"ra": "health", "al": "health"}, party


def test_a_party_youth_wing_and_a_pilgrimage_are_topics(db) -> None:
    # The Young Liberals' congress: its district-branch choice records membership; the Red Cross's
    # district branch does not. A pilgrimage's intentions page: the intention is a prayer's.
    branch = "<label for=kv>Kreisverband auswählen</label><select id=kv name=kv><option>Kiel</option><option>Lübeck</option></select>"
    julis = page_fields(db, f"<title>Anmeldung Landeskongress - Junge Liberale Schleswig-Holstein</title><form>{branch}</form>")
    assert julis == {"kv": "political"}, julis
    drk = page_fields(db, f"<title>Anmeldung Blutspende - DRK Schleswig-Holstein</title><form>{branch}</form>")
    assert drk == {}, drk
    intention = "<label for=t>Twoja intencja:</label><textarea id=t name=t></textarea>"
    pilgrimage = page_fields(db, f"<title>Pielgrzymka Wyry-Częstochowa</title><h1>Intencje</h1><form>{intention}</form>")
    assert pilgrimage == {"t": "religion"}, pilgrimage
    shop = page_fields(db, f"<title>Sklep z rowerami</title><h1>Zamówienie</h1><form>{intention}</form>")
    assert shop == {}, shop


def test_mood_screening_questions_are_health_on_a_health_page(db) -> None:
    # A mental-health screen asks in everyday words (sad, hopeless, nervous, worries, unrested, forgetting,
    # falling asleep): weak words that a health page completes; thoughts of not wanting to live, hearing
    # voices and losing control over one's use are health anywhere. The same moods asked on a shop's
    # feedback form say nothing.
    yes_no = "<option>Ja</option><option>Nein</option>"
    screen = (
        f"<label for=tr>Fühlten Sie sich häufig traurig?</label><select id=tr name=tr>{yes_no}</select>"
        f"<label for=ne>Leiden Sie unter ständiger Nervosität?</label><select id=ne name=ne>{yes_no}</select>"
        f"<label for=ve>Vergessen Sie häufiger Dinge?</label><select id=ve name=ve>{yes_no}</select>"
        f"<label for=ei>Spontanes Einschlafen</label><select id=ei name=ei>{yes_no}</select>"
    )
    health = page_fields(db, f"<title>Anamnese</title><h1>Gesundheitsfragen</h1><form>{screen}</form>")
    assert health == {k: "health" for k in ("tr", "ne", "ve", "ei")}, health
    shop = page_fields(db, f"<title>Kundenumfrage</title><h1>Ihre Bestellung</h1><form>{screen}</form>")
    assert shop == {}, shop
    strong = (
        f"<label for=le>Hatten Sie Gedanken, nicht mehr leben zu wollen?</label><select id=le name=le>{yes_no}</select>"
        "<label for=vo>¿Ha llegado a oír voces que otros no oyen?</label>"
        "<select id=vo name=vo><option>Sí</option><option>No</option></select>"
    )
    assert page_fields(db, f"<title>Kundenumfrage</title><form>{strong}</form>") == {"le": "health", "vo": "health"}


def test_a_routes_parameters_are_not_words_of_its_path(db) -> None:
    # "/patient/{id}/operation" read as words was "patient id operation": "patient id" is an excluded phrase
    # (an identifier, not a health fact), which cancelled the patient topic of the whole path.
    from analyzer.facts.pagecontext import path_words, topic_of

    routes = (
        "/patient/{id}/operation/create",
        "app/patient/[id]/operation/page.tsx",
        "/patient/:id/operation",
        "/patient/<int:id>/operation",
    )
    for route in routes:
        assert "id" not in path_words(route).replace("/", " ").split(), route
        assert topic_of([("path", path_words(route))], db.fields) is not None, route
    assert path_words("views/ENFERMERA/tratamientos.php") == "views/ENFERMERA/tratamientos"


def test_a_selects_prompt_option_and_not_stated_are_no_answers_of_their_own(db) -> None:
    # "Selecione... / Sim / Não / Não informado" only answers its question, as "Sim / Não" does: the
    # selects make a checklist whose unknown items take its category. A select whose options say something
    # ("Selecione... / Solteira / Casada") is no checklist item.
    opts = "<option>Selecione...</option><option>Sim</option><option>Não</option><option>Não informado</option>"
    items = ["Diabetes gestacional", "Hipertensão", "Infecção urinária", "Sangramento", "Sofrimento fetal", "Exames alterados"]
    form = "".join(f"<label for=s{i}>{q}</label><select id=s{i} name=s{i}>{opts}</select>" for i, q in enumerate(items))
    form += "<label for=ec>Estado civil</label><select id=ec name=ec><option>Selecione...</option><option>Solteira</option>"
    form += "<option>Casada</option></select>"
    sites = _sites(db, form)
    assert sites == {f"s{i}": "health" for i in range(6)}, sites


def test_sessions_and_more_infos_on_a_health_page_are_health(db) -> None:
    # A course of treatment's sessions and a "Weitere Infos" box take a therapy page's topic; on a
    # language school's course form they say nothing.
    fields = (
        "<label for=se>N° sesiones planificadas</label><input id=se name=se type=number>"
        "<label for=wi>Weitere Infos:</label><textarea id=wi name=wi></textarea>"
    )
    therapy = page_fields(db, f"<title>Centro psicológico – Ficha del paciente</title><form>{fields}</form>")
    assert therapy == {"se": "health", "wi": "health"}, therapy
    school = page_fields(db, f"<title>Escuela de idiomas – Inscripción al curso</title><form>{fields}</form>")
    assert school == {}, school


def test_why_one_joins_a_political_collective_records_joining(db) -> None:
    # "Why do you want to join?" on an antifascist collective's sign-up is part of joining it; on a choir's
    # sign-up it is not a special category.
    why = "<label for=mo>Perché vuoi unirti a noi?</label><textarea id=mo name=mo></textarea>"
    collective = page_fields(db, f"<title>Iscriviti - Officina Giovani Antifascisti</title><form>{why}</form>")
    assert collective == {"mo": "political"}, collective
    choir = page_fields(db, f"<title>Iscriviti - Coro polifonico cittadino</title><form>{why}</form>")
    assert choir == {}, choir


def test_height_is_a_clue_on_a_patient_form_and_a_size_in_a_shop(db) -> None:
    # German "Größe", Italian "Altezza", Portuguese "Altura" are weak like "height": a patient registration
    # completes them; a clothes shop's size choice stays nothing.
    fields = (
        "<label for=gr>Größe</label><input id=gr name=gr type=number>"
        "<label for=al>Altezza</label><input id=al name=al type=number>"
        "<label for=au>Altura</label><input id=au name=au type=number>"
    )
    patient = page_fields(db, f"<title>Anamnese – Registrierung als Patient</title><form>{fields}</form>")
    assert patient == {"gr": "health", "al": "health", "au": "health"}, patient
    shop = page_fields(db, f"<title>Damenmode – Jacke bestellen</title><form>{fields}</form>")
    assert shop == {}, shop


def test_an_enrolment_date_written_without_its_preposition_is_membership(db) -> None:
    # Italian labels drop the "di": "Data iscrizione" on a parish's sacrament register records enrolment, as
    # "Data di iscrizione" does; at a gym it is nothing.
    date = "<label for=di>Data iscrizione</label><input id=di name=di>"
    parish = page_fields(db, f"<title>Oratorio – Scheda sacramenti (cresima)</title><form>{date}</form>")
    assert parish == {"di": "religion"}, parish
    gym = page_fields(db, f"<title>Palestra – Scheda iscritto</title><form>{date}</form>")
    assert gym == {}, gym


def test_a_check_code_and_polish_applications_are_not_clinical_words_on_a_clinic_page(db) -> None:
    # "Codice di controllo" is a CAPTCHA and "Wnioski" are applications: on a clinic's booking page
    # they stay benign; a visit's conclusions are health there.
    fields = (
        "<label for=cc>Codice di controllo</label><input id=cc name=cc>"
        "<label for=wn>Wnioski</label><input id=wn name=wn>"
        "<label for=co>Conclusioni</label><textarea id=co name=co></textarea>"
    )
    sites = page_fields(
        db, f"<title>Prenotazione visita - Poliambulatorio San Luca</title><h1>Prenota una visita medica</h1><form>{fields}</form>"
    )
    assert sites == {"co": "health"}, sites


def test_a_clinic_visit_s_diary_and_a_nutritionist_s_client_record_take_health(db) -> None:
    # "Diario:" of a new visit in an outpatient clinic is the clinical diary; a class diary on a school's page
    # is nothing. A nutritionist's client record makes height and weight health; a gym's sign-up does not.
    diary = "<h3>Nuova visita</h3><label for=di>Diario:</label><textarea id=di name=di></textarea>"
    clinic = page_fields(db, f"<title>Ambulatorio</title><form>{diary}</form>")
    assert clinic == {"di": "health"}, clinic
    school = page_fields(db, f"<title>Registro elettronico – Classe 3B</title><form>{diary}</form>")
    assert school == {}, school
    body = (
        "<label for=al>Altezza (cm)</label><input id=al name=al type=number>"
        "<label for=pe>Peso iniziale (kg)</label><input id=pe name=pe type=number>"
    )
    nutritionist = page_fields(db, f"<title>Studio nutrizionista – Nuovo cliente</title><form>{body}</form>")
    assert nutritionist == {"al": "health", "pe": "health"}, nutritionist
    gym = page_fields(db, f"<title>Palestra Fitness – Nuovo iscritto</title><form>{body}</form>")
    assert gym == {}, gym


def test_a_flemish_message_box_on_a_gp_practice_page_is_health(db) -> None:
    box = "<label for=b>Boodschap</label><textarea id=b name=b></textarea>"
    assert page_fields(db, f"<title>Huisartsenpraktijk – Contact</title><form>{box}</form>") == {"b": "health"}
    assert page_fields(db, f"<title>Bakkerij – Contact</title><form>{box}</form>") == {}


def _questionnaire(description: str) -> str:
    return f"""<html><head><title>Jaké Brno chcete?</title><meta name="description" content="{description}"></head>
<body><h1>Jaké Brno chcete?</h1><form>
  <div>H3. Peníze, které dává město na sport, by měly přednostně směřovat na:</div>
  <label><input type=radio name=h3 value=a> běžná sportoviště pro veřejnost</label>
  <label><input type=radio name=h3 value=b> velké projekty (stadion)</label>
  <label><input type=radio name=h3 value=c> nemám vyhraněný názor</label>
  <div>I1. Cítíte se v Brně bezpečně?</div>
  <label><input type=radio name=i1 value=a> naprosto bezpečně</label>
  <label><input type=radio name=i1 value=b> spíše nebezpečně</label>
  <div>E1. Jezdíte po městě na kole?</div>
  <label><input type=radio name=e1 value=a> ano</label><label><input type=radio name=e1 value=b> ne</label>
  <label for=l2>L2. Co se v Brně v žádném případě nesmí stát?</label><textarea id=l2 name=l2></textarea>
  <label for=tr>Máte záznam v trestním rejstříku?</label><textarea id=tr name=tr></textarea>
</form></body></html>"""


def test_a_partys_programme_questionnaire_records_political_opinions(db) -> None:
    # The page's description says the answers make a party's election programme: an open answer and a choice
    # on an opinion scale ("no firm opinion") are political opinions sent to the party; whether one feels safe
    # or cycles ("kolo", a bicycle, not the Polish party "koło"), and a candidate's criminal record, are not.
    party = page_fields(db, _questionnaire("Z odpovědí vznikne volební program Zelených pro komunální volby."))
    assert party == {"h3": "political", "l2": "political"}, party
    # The same questions in a city's transport survey, or a clinic's, are no party's.
    city = page_fields(db, _questionnaire("Dotazník města o dopravě a sportovištích."))
    assert city == {}, city


def test_a_planned_first_visit_to_a_church_is_religion_to_a_gym_nothing(db) -> None:
    # "Plan your visit" on a church's site: the date a newcomer plans to come (its identifier says so) is
    # religion, as a church application's "Date first visited" is; a gym's first visit is nothing.
    visit = (
        "<label for=n>Jméno</label><input id=n name=name><label for=d>Plánované datum</label><input id=d name=planned_visit_date type=date>"
    )
    church = page_fields(db, f"<title>Jsem tu poprvé — církev Kolín</title><form>{visit}</form>")
    assert church == {"planned_visit_date": "religion"}, church
    gym = page_fields(db, f"<title>Fitness Kolín – první návštěva zdarma</title><form>{visit}</form>")
    assert gym == {}, gym
    first = "<label for=f>Date of your first visit</label><input id=f name=first type=date>"
    assert page_fields(db, f"<title>Plan your visit – Grace Community Church</title><form>{first}</form>") == {"first": "religion"}
    assert page_fields(db, f"<title>Plan your visit – Riverside Climbing Gym</title><form>{first}</form>") == {}


@pytest.mark.parametrize(
    ("title", "category"),
    [
        ("Vandermaas for State Senate", "political"),
        ("Maria Lopez for City Council – Volunteer", "political"),
        ("Mit Anna Weber in den Landtag", "political"),
        ("Candidata a alcaldesa de Alcorcón", "political"),
        ("Komitet Wyborczy Jana Nowaka", "political"),
        ("Kandidát na starostu Brna", "political"),
        ("Registration for Congress 2026 of the European Society of Cardiology", None),
        ("Tickets for Congress Centre events", None),
        ("Shipping paid for by the seller", None),
        ("Apply for membership of the tennis club", None),
    ],
)
def test_a_candidate_for_office_names_a_campaign(title: str, category: str | None, db) -> None:
    from analyzer.facts.pagecontext import topic_of

    found = topic_of([("page title", title)], db.fields)
    assert (found.category if found else None) == category, (title, found)


@pytest.mark.parametrize(
    ("path", "title", "fired"),
    [
        # A coach's health questionnaire: its file is named "formSante" and nothing in the markup says so.
        ("front/sections/formSante.php", "", True),
        ("forms/formulaire_sante.php", "", True),
        ("views/form.php", "Fiche sanitaire de liaison", True),
        ("views/form.php", "Cuestionario de salud", True),
        ("views/form.php", "Анкета здоровья", True),
        ("views/form.php", "Hälsoenkät", True),
        # "santé" alone, a shop's or a magazine's, names no health form.
        ("front/sections/formContact.php", "", False),
        ("views/form.php", "Boutique Santé Naturelle - Contact", False),
        ("sante/contact.php", "", False),
    ],
)
def test_a_health_form_is_named_in_the_twelve_languages_and_in_its_file_name(db, path, title, fired) -> None:
    html = f"<title>{title}</title><form><label for=p>Poids en kg</label><input id=p name=poids></form>"
    found = fieldfacts.extract(htmldoc.parse(html), db.fields, db.consent_words, path, db.field_context)
    assert {s.name: s.classification.category for s in found} == ({"poids": "health"} if fired else {})


def test_a_block_whose_class_says_title_heads_its_section(db) -> None:
    # A school's enrolment file: the medical tab's blocks are titled by <div class="section-title">, not a heading tag.
    rows = "<label for=d>Dosering</label><input id=d name=d><label for=t>Opmerkingen</label><textarea id=t name=t></textarea>"
    start = "<h2>Inschrijving</h2><label for=k>Klas</label><input id=k name=k>"
    for title in (
        '<div class="section-title">Medicatie</div>',
        '<div class="card-header">Medicatie</div>',
        '<span class="form__title">Medicatie</span>',
        '<div role="heading" aria-level="3">Medicatie</div>',
    ):
        assert _sites(db, start + title + rows) == {"d": "health", "t": "health"}, title
    # Not a title: a class that only contains the word, a long paragraph, a block holding a control, a link.
    for block in (
        '<div class="titlebar">Medicatie</div>',
        '<div class="section-title">' + "Lees eerst de voorwaarden over medicatie op school. " * 6 + "</div>",
        '<div class="section-header">Medicatie <input name=zoek></div>',
        '<a class="nav-title" href="/medicatie">Medicatie</a>',
    ):
        sites = _sites(db, start + block + rows)
        assert "d" not in sites and "t" not in sites, (block, sites)


def test_a_section_title_by_class_in_a_large_page_is_read_in_bounded_time(db) -> None:
    # Title-classed blocks that wrap the whole form, and thousands of them with the controls: each is walked for at
    # most a few dozen elements, not for all it holds.
    rows = '<div class="card-header">Medicatie</div><label for=d>Dosering</label><input id=d name=d>' * 3000
    page = "<h2>Inschrijving</h2>" + '<div class="x-header"><div class="y-title">' * 100 + rows + "</div></div>" * 100
    with finishes_within(20, "a page of 3,000 title blocks and controls inside 200 title-classed wrappers"):
        sites = _sites(db, page)
    assert sites == {"d": "health"}, sites


def test_a_block_the_developer_named_names_its_section(db) -> None:
    # <div id="reglagesPatient"> around weight and height: the block's id names the section, as a form's id names the form.
    rows = "<label for=w>Poids</label><input id=w name=w type=number><label for=h>Taille</label><input id=h name=h type=number>"
    assert page_fields(db, f'<h1>DICOM</h1><div id="reglagesPatient">{rows}</div>') == {"w": "health", "h": "health"}
    # A block named for nothing sensitive, or a class (styling, not a name), gives nothing.
    assert page_fields(db, f'<h1>DICOM</h1><div id="main-content">{rows}</div>') == {}
    assert page_fields(db, f'<h1>DICOM</h1><div class="patient">{rows}</div>') == {}
    # Inside a form, a block outside the form is not the form's section.
    assert page_fields(db, f'<h1>DICOM</h1><div id="reglagesPatient"><form>{rows}</form></div>') == {}


def test_boxes_named_apart_answer_the_question_written_once_before_the_first(db) -> None:
    # An equal-opportunity section: each box has a name of its own and the question stands once before the
    # first. "White" and "Asian" say nothing alone; they are answers to "Race", as the named races are.
    races = ["White", "Asian", "Black or African American", "American Indian or Alaska Native", "Native Hawaiian"]
    boxes = "".join(f"<div class=cc><input type=checkbox name=r{i} id=r{i}><label for=r{i}> {t}</label></div>" for i, t in enumerate(races))
    question = "<div><label><b>2. Race</b> (Select all applicable boxes)</label></div>"
    html = f"<form><label for=nm>Name</label><input id=nm name=nm>{question}<div>{boxes}</div></form>"
    assert page_fields(db, html) == {f"r{i}": "racial-ethnic" for i in range(5)}


def test_a_grid_of_boxes_across_table_rows_is_one_list(db) -> None:
    # A pharmacovigilance report lays its boxes out two to a row; the question heads the table once.
    cells = [["Interazione", "Errore terapeutico"], ["Abuso", "Misuso"], ["Overdose", "Off label"]]
    asked = "7. Indicare se la reazione osservata deriva da"
    rows = "".join("<tr>" + "".join(f"<td><input type=checkbox name={t[:3].lower()}> {t}</td>" for t in row) + "</tr>" for row in cells)
    html = f"<form><table><tr><td>{asked}</td></tr><tr><td><table>{rows}</table></td></tr></table></form>"
    with fieldfacts.every_control("none"):
        page = htmldoc.parse(html)
        sites = fieldfacts.extract(page, db.fields, db.consent_words, context=db.field_context, learned=False)
    assert {s.name: s.texts.get("question") for s in sites} == {t[:3].lower(): asked for row in cells for t in row}


def test_a_question_or_a_control_between_boxes_starts_something_else(db) -> None:
    # "Race" heads its own boxes; the newsletter box after a question of its own, and the box after a text
    # field, are not answers to it.
    html = (
        "<form><p>Race (select all that apply)</p>"
        "<div><input type=checkbox name=w id=w><label for=w>White</label></div>"
        "<div><input type=checkbox name=a id=a><label for=a>Asian</label></div>"
        "<div><input type=checkbox name=b id=b><label for=b>Black or African American</label></div>"
        "<div><input type=checkbox name=i id=i><label for=i>American Indian or Alaska Native</label></div>"
        "<p>How should we keep in touch?</p>"
        "<div><input type=checkbox name=n id=n><label for=n>Weekly letter</label></div>"
        "<label for=t>Town</label><input id=t name=t>"
        "<div><input type=checkbox name=k id=k><label for=k>Keep me posted</label></div></form>"
    )
    with fieldfacts.every_control("none"):
        page = htmldoc.parse(html)
        sites = {s.name: s for s in fieldfacts.extract(page, db.fields, db.consent_words, context=db.field_context, learned=False)}
    assert sites["a"].texts.get("question") == "Race (select all that apply)"
    assert sites["n"].texts.get("question") == "How should we keep in touch?" and "question" not in sites["k"].texts
    assert {n: s.classification.category for n, s in sites.items()} == {
        "w": "racial-ethnic",
        "a": "racial-ethnic",
        "b": "racial-ethnic",
        "i": "racial-ethnic",
        "n": "none",
        "t": "none",
        "k": "none",
    }


def test_a_login_role_in_a_churchs_or_unions_back_office_is_no_post_held(db) -> None:
    # "Role: admin / user" sets what an account may do in the site; "Role: Deacon / Elder" is a post in the church.
    for heading in ("Add a member of the union", "Add a church member"):
        form = (
            f"<h2>{heading}</h2>"
            "<label for=ro>Role</label><select id=ro name=ro><option>admin</option><option>user</option></select>"
            "<label for=po>Role</label><select id=po name=po><option>Deacon</option><option>Elder</option><option>Steward</option></select>"
        )
        sites = _sites(db, form)
        assert "ro" not in sites and sites.get("po") in ("union", "religion"), (heading, sites)


def test_an_example_address_in_a_placeholder_names_no_category(db) -> None:
    # placeholder="membro@igreja.org.br" on a church's member form: the e-mail box is the member's address
    form = (
        "<h2>Cadastro de membro</h2>"
        "<label for=em>E-mail</label><input id=em name=em type=email placeholder='membro@igreja.org.br'>"
        "<label for=si>Site</label><input id=si name=si placeholder='https://www.igreja-batista.org.br/paroquia'>"
    )
    sites = _sites(db, form)
    assert sites.get("em") == "contact" and sites.get("si") in (None, "contact"), sites


def test_who_may_see_a_request_is_a_setting_not_a_fact(db) -> None:
    # "Who can see your prayer request?" is decided, like a consent; the request itself is the believer's.
    form = (
        "<h2>Prayer request</h2><label for=rq>Your prayer request</label><textarea id=rq name=rq></textarea>"
        "<p>Who can see your prayer request?</p>"
        "<label><input type=radio name=vis value=all> Visible to everyone</label>"
        "<label><input type=radio name=vis value=me> Private</label>"
    )
    sites = _sites(db, form)
    assert sites.get("rq") == "religion" and "vis" not in sites, sites
    # a bare "visible" is no setting: visible symptoms are the patient's health
    clinic = (
        "<h2>Dermatology intake</h2><p>Visible rash or lesions?</p>"
        "<label><input type=radio name=rash value=y> Yes</label><label><input type=radio name=rash value=n> No</label>"
    )
    assert _sites(db, clinic).get("rash") == "health"
    skin = clinic.replace("Visible rash or lesions?", "Is the rash visible to others?")
    assert _sites(db, skin).get("rash") == "health"
