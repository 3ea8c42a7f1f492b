"""Precision of the field classifier (issue 14, the development set's false positives by cause): an
identity label, a decision, an attestation, a heading that rules a category out, and words that are a
category's words only in some sense. Each mechanism has a control it must leave alone and a look-alike
it must still classify (docs/fields.md)."""

from __future__ import annotations

import pytest

from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc
from tests.conftest import page_fields


def test_an_identity_label_outranks_a_category_word_in_the_identifier(db) -> None:
    # A godparent's surname, an age on a form whose identifiers all name the anamnesis: the label says
    # what is asked, the identifier only whose it is.
    html = (
        "<h1>Registro de bautizo</h1><form>"
        "<label for=a>Apellido</label><input id=a name=padrino>"
        "<label for=b>Edad</label><input id=b name=edad_anamnesis>"
        "<label for=c>Padrino</label><input id=c name=c>"
        "<label for=d>Observaciones</label><input id=d name=diagnostico>"
        "<label for=e>Name</label><input id=e name=medication_name>"
        "</form>"
    )
    found = page_fields(db, html)
    assert "padrino" not in found and "edad_anamnesis" not in found
    # The label's own category word, and an identifier under a label that asks nothing else (a bare
    # "Name" is anything's name: the identifier says whose), still count.
    assert found["c"] == "religion"
    assert found["diagnostico"] == "health" and found["medication_name"] == "health"


def test_a_question_that_asks_for_a_decision_is_no_data(db) -> None:
    html = (
        "<form><h3>Present Complaint</h3>"
        "<label for=o>Onset of pain</label><input id=o name=o>"
        "<p>Would you like us to send your records to your family physician?</p>"
        "<input type=radio name=send id=s1><label for=s1>Yes</label><input type=radio name=send id=s2><label for=s2>No</label>"
        "<p>Do you have a family physician?</p>"
        "<input type=radio name=has id=h1><label for=h1>Yes</label><input type=radio name=has id=h2><label for=h2>No</label>"
        "<label for=n>Would you like us to notify you when your prescription is ready?</label>"
        "<select id=n name=notify><option>No thanks</option><option>Yes, by e-mail</option></select>"
        "<label for=w>Sollen wir Ihren Hausarzt informieren?</label>"
        "<select id=w name=hausarzt><option>Ja</option><option>Nein</option></select>"
        "<p>Wilt u vooraf contact met de arts hierover?</p>"
        "<input type=radio name=contact id=c1><label for=c1>Ja</label><input type=radio name=contact id=c2><label for=c2>Nee</label>"
        "<label for=d>May we ask whether you have a disability?</label>"
        "<select id=d name=disability><option>Yes</option><option>No</option></select>"
        "</form>"
    )
    found = page_fields(db, html)
    assert "send" not in found and "notify" not in found and "hausarzt" not in found  # not even as a record section's answer
    assert "contact" not in found  # asking to be contacted by the doctor
    # The same request as a lone box's own text, under a referral's heading, beside boxes that ask for health.
    box = (
        "<form><h2>Doorverwijzing</h2>"
        "<label><input type=checkbox name=eerder> Bent u al eerder voor deze klacht behandeld?</label>"
        "<label><input type=checkbox name=spec> Bent u al eerder bij deze specialist geweest?</label>"
        "<label><input type=checkbox name=onderzocht> Bent u hier al eerder op onderzocht?</label>"
        "<label><input type=checkbox name=bellen> Wilt u vooraf contact met de arts hierover?</label></form>"
    )
    boxes = page_fields(db, box)
    assert boxes.get("eerder") == "health" and "bellen" not in boxes, boxes
    # Asking permission to ask is asking for the fact.
    assert found["has"] == "health" and found["o"] == "health" and found["disability"] == "health"


def test_attesting_that_the_answers_are_true_is_a_declaration(db) -> None:
    html = (
        "<form><h2>Medical form</h2>"
        "<label><input type=checkbox name=ok> I confirm the above medical information is accurate to the best of my knowledge.</label>"
        "<label><input type=checkbox name=heart> I have a heart condition</label>"
        "</form>"
    )
    found = page_fields(db, html)
    assert "ok" not in found and found["heart"] == "health"


def test_a_heading_that_rules_a_category_out_holds_for_the_page_and_the_form_too(db) -> None:
    questions = (
        "<p>¿Cepilla sus dientes?</p><input type=radio name=dientes id=d1><label for=d1>Sí</label>"
        "<input type=radio name=dientes id=d2><label for=d2>No</label>"
        "<label for=f>¿Fuma?</label><select id=f name=fuma><option>Sí</option><option>No</option></select>"
        "<label for=a>¿Consume bebidas alcohólicas?</label><select id=a name=alcohol><option>Sí</option><option>No</option></select>"
        "<label for=e>¿Está embarazada?</label><select id=e name=embarazo><option>Sí</option><option>No</option></select>"
    )
    page = "<title>Consultorio | Paciente</title><h2>{}</h2><form>" + questions + "</form>"
    # "No patológicos": hygiene and habits, not illness; neither the page's title nor the form's other
    # answers make tooth-brushing health again. The questions that name health themselves keep it.
    found = page_fields(db, page.format("Antecedentes personales no patológicos"))
    assert "dientes" not in found
    assert found["fuma"] == found["alcohol"] == found["embarazo"] == "health"
    # The same question under a heading that names the domain is health.
    assert page_fields(db, page.format("Antecedentes personales patológicos"))["dientes"] == "health"


def test_electing_a_benefits_plan_is_no_health_data(db) -> None:
    html = (
        "<form><h3>Medical / Vision / Dental Insurance</h3>"
        "<label><input type=checkbox name=elect> I hereby elect the following medical/vision coverage under the plan</label>"
        "<label><input type=checkbox name=vision> I have vision problems</label>"
        "</form>"
    )
    found = page_fields(db, html)
    assert "elect" not in found and found["vision"] == "health"


def test_words_that_are_health_words_only_in_some_sense(db) -> None:
    services = (
        "<p>Quali servizi offri?</p>"
        "<label><input type=checkbox name=servizi value=1> Massaggio prostatico</label>"
        "<label><input type=checkbox name=servizi2 value=2> Rapporto sessuale</label>"
    )
    found = page_fields(db, f"<form>{services}</form>")
    assert found.get("servizi") != "health"
    assert page_fields(db, "<form><label for=p>Problemi alla prostata</label><input id=p name=p></form>") == {"p": "health"}
    # A godparent's certificate of suitability is a parish document; a sports-medicine one is health.
    parish = (
        "<form><fieldset><legend>Dati padrino/madrina</legend>"
        "<label><input type=checkbox name=ci> Certificato di idoneità</label></fieldset></form>"
    )
    assert page_fields(db, parish).get("ci") != "health"
    sport = "<form><label><input type=checkbox name=cs> Certificato di idoneità sportiva</label></form>"
    assert page_fields(db, sport) == {"cs": "health"}


def test_handedness_and_the_place_keep_their_reading_in_a_record_section(db) -> None:
    html = (
        "<form><h3>Historia clínica</h3>"
        "<label for=l>Lugar</label><input id=l name=lugar>"
        "<label for=lf>Lugar y fecha</label><input id=lf name=lugar_fecha>"
        "<label for=m>Mano dominante</label><select id=m name=mano><option>Derecha</option><option>Izquierda</option></select>"
        "<label for=t>Tiempo de evolución</label><input id=t name=evolucion>"
        "</form>"
    )
    found = page_fields(db, html)
    assert "lugar" not in found and "lugar_fecha" not in found and "mano" not in found
    assert found["evolucion"] == "health"  # an answer of the record that names nothing else


def test_the_choices_and_example_of_an_occupation_name_jobs(db) -> None:
    html = (
        "<form><label for=o>Occupation</label>"
        "<select id=o name=occupation><option>Doctor</option><option>Nurse</option><option>Physiotherapist</option></select>"
        "<label for=p>Profissão</label><input id=p name=profissao placeholder='Ex: enfermeira, psicóloga'>"
        "<label for=b>Beruf</label><select id=b name=beruf><option>Arzt</option><option>Krankenpfleger</option></select>"
        "<label for=t>Occupational therapy sessions</label><input id=t name=ot>"
        "<label for=c>Treating physician</label><select id=c name=doctor><option>Dr. Ruiz</option></select>"
        "<label for=s>Seen by</label><select id=s name=seen><option>Physiotherapist</option><option>Nurse</option></select>"
        "</form>"
    )
    found = page_fields(db, html)
    assert "occupation" not in found and "profissao" not in found and "beruf" not in found
    # The label's own words, and options under a label that is no occupation, still count.
    assert found["ot"] == "health" and found["seen"] == "health"


def test_a_choice_of_clothing_sizes_is_a_t_shirt_not_the_visitor(db) -> None:
    sizes = "".join(f"<option>{s}</option>" for s in ("6", "8", "10", "adulto S", "adulto M", "adulto L", "adulto XL"))
    parish = f"<form><h3>Parroquia — Catequesis</h3><label for=t>Talla</label><select id=t name=talla>{sizes}</select></form>"
    assert "talla" not in page_fields(db, parish)
    clinic = (
        "<title>Clínica San José</title><form><h3>Historia clínica</h3>"
        f"<label for=c>Talla</label><select id=c name=camiseta>{sizes}</select>"
        "<label for=h>Talla</label><input id=h name=altura_cm>"
        "</form>"
    )
    found = page_fields(db, clinic)
    assert "camiseta" not in found and found["altura_cm"] == "health"  # the patient's height is health


def test_radio_groups_sharing_ids_keep_their_own_labels(db) -> None:
    # Copied markup: each question's choices are id="y"/id="n" with labels for them. The k-th control
    # with an id reads the k-th label for it, however often its text is asked for (the group's record
    # and its choices), so the second group does not get the first group's leftovers or its labels.
    page = htmldoc.parse(
        "<form><p>Do you smoke?</p>"
        "<input type=radio name=smoke id=y value=1><label for=y>Yes, daily</label>"
        "<input type=radio name=smoke id=n value=0><label for=n>No, never</label>"
        "<p>Are you a member of a trade union?</p>"
        "<input type=radio name=union id=y value=1><label for=y>Yes, a member</label>"
        "<input type=radio name=union id=n value=0><label for=n>Not a member</label></form>"
    )
    sites = {s.name: s for s in fieldfacts.extract(page, db.fields, db.consent_words)}
    assert sites["smoke"].texts["choices"] == "Yes, daily / No, never"
    assert sites["union"].texts["choices"] == "Yes, a member / Not a member"


def test_a_choice_of_document_is_not_the_document_number(db) -> None:
    # Which identity document, or whether one has it, is asked by a choice; the number is typed in. On a
    # sacrament register the document type is who the person is, not the record.
    html = (
        "<form><h2>Inscripción a la confirmación</h2>"
        "<label for=t>Tipo de documento</label><select id=t name=tipo><option>DNI</option><option>NIE</option>"
        "<option>Pasaporte</option></select>"
        "<label for=n>Número de DNI</label><input id=n name=numero>"
        "<label><input type=checkbox name=pas> Tengo pasaporte</label>"
        "<label for=pw>Password</label><input id=pw name=pw type=password></form>"
    )
    found = page_fields(db, html)
    assert "tipo" not in found and "pas" not in found, found
    assert found["numero"] == "government-id" and found["pw"] == "credentials", found


@pytest.mark.parametrize(
    "declaration",
    [
        "Ich bestätige, dass alle Angaben vollständig sind, der Wahrheit entsprechen und dass meine Gesundheitsdaten erhoben werden.",
        "Je certifie que les informations de santé ci-dessus correspondent à la vérité.",
        "Dichiaro che i dati sanitari indicati corrispondono al vero.",
        "Declaro que los datos de salud indicados corresponden a la verdad.",
        "Oświadczam, że podane informacje o zdrowiu odpowiadają prawdzie.",
        "Подтверждаю, что сведения о здоровье соответствуют действительности.",
    ],
)
def test_attesting_that_the_answers_correspond_to_the_truth_is_a_declaration(db, declaration) -> None:
    # The box's text follows it (its option): a declaration about the form, not the health it names.
    html = f"<form><h2>Gesundheitsblatt</h2><div><input type=checkbox name=ok>\n{declaration}\n</div></form>"
    assert "ok" not in page_fields(db, html)


def test_a_box_naming_a_condition_beside_a_truth_word_is_still_data(db) -> None:
    # "Wahrheit" alone is no declaration: a box that names a condition stays health.
    html = "<form><h2>Anamnese</h2><label><input type=checkbox name=dx> Diabetes (bitte der Wahrheit nach ankreuzen)</label></form>"
    assert page_fields(db, html).get("dx") == "health"
