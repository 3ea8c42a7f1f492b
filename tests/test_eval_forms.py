"""The real-form evaluation sets of issue 14 (eval/forms): records well formed, the held-out and
development sets split by repository, and score.py handing classify the texts the extractor builds."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc
from tests.conftest import ROOT

EVAL = ROOT / "eval" / "forms"
CATEGORIES = {
    "health",
    "genetic",
    "biometric",
    "racial-ethnic",
    "political",
    "religion",
    "union",
    "sex-life",
    "financial",
    "government-id",
    "credentials",
    "contact",
    "none",
}
LANGS = {"en", "de", "fr", "it", "es", "nl", "pt", "pl", "cs", "sv", "da", "ru"}


def _score():
    spec = importlib.util.spec_from_file_location("eval_forms_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def score():
    return _score()


def test_sets_are_well_formed_and_large_enough(score) -> None:
    for name in score.SETS:
        _well_formed(score, name, *((30, 250) if name == "dev" else (40, 400)))


def _well_formed(score, name: str, min_forms: int, min_fields: int) -> None:
    records = score.load(name)
    keys = set(score.RECORD_KEYS)
    for rec in records:
        assert keys <= rec.keys(), (rec["form"], keys - rec.keys())
        assert rec["expected"] in CATEGORIES and rec["lang"] in LANGS, rec
        assert rec["tag"] in ("input", "select", "textarea", "contenteditable"), rec
        assert isinstance(rec["expected_by_context"], bool) and isinstance(rec["options"], list)
        assert re.fullmatch(r"[0-9a-f]{40}", rec["commit"]) and rec["line"] > 0, rec
        assert {"title", "headings", "form", "route"} <= rec["context"].keys()
        assert not (rec["expected_by_context"] and rec["expected"] == "none"), rec
    assert len({r["form"] for r in records}) >= min_forms and len(records) >= min_fields
    assert len({r["lang"] for r in records}) >= 6


def test_held_out_and_development_sets_share_no_repository(score) -> None:
    sets = [{r["repo"].lower() for r in score.load(name)} for name in score.SETS]
    assert all(sets)
    assert all(not a & b for i, a in enumerate(sets) for b in sets[i + 1 :])


def test_score_hands_classify_the_texts_the_extractor_collects(score, db) -> None:
    page = htmldoc.parse(
        "<form><label for=d>Current diagnosis</label><input id=d name=diag>"
        "<label for=r>Religion</label><select id=r name=rel><option>Catholic</option><option>Muslim</option></select>"
        "<label><input type=checkbox name=latex> I have a latex allergy</label>"
        "<textarea name=meds placeholder='Medication you take'></textarea></form>"
    )
    sites = {s.name: s for s in fieldfacts.extract(page, db.fields, db.consent_words)}
    records = {
        "diag": {"tag": "input", "type": "text", "name": "diag", "id": "d", "label": "Current diagnosis", "options": []},
        "rel": {"tag": "select", "type": "select-one", "name": "rel", "id": "r", "label": "Religion", "options": ["Catholic", "Muslim"]},
        "latex": {"tag": "input", "type": "checkbox", "name": "latex", "id": "", "label": "I have a latex allergy", "options": []},
        "meds": {
            "tag": "textarea",
            "type": "textarea",
            "name": "meds",
            "id": "",
            "label": "",
            "placeholder": "Medication you take",
            "options": [],
        },
    }
    assert set(sites) == set(records)
    for name, rec in records.items():
        assert score.texts_for(rec) == sites[name].texts, name
        assert score.control_type(rec) == sites[name].type, name


def test_score_reads_follow_up_questions_as_the_extractor_does(score, db) -> None:
    page = htmldoc.parse(
        "<form><label for=q1>When did you receive Christ as your Savior?</label><input id=q1 name=rel1when>"
        "<label for=q2>Where?</label><input id=q2 name=rel1where>"
        "<label for=q3>Through whom?</label><input id=q3 name=rel1whom></form>"
    )
    sites = {s.name: s for s in fieldfacts.extract(page, db.fields, db.consent_words, "", db.field_context)}
    first = {
        "tag": "input",
        "type": "text",
        "name": "rel1when",
        "id": "q1",
        "label": "When did you receive Christ as your Savior?",
        "options": [],
    }
    where = {"tag": "input", "type": "text", "name": "rel1where", "id": "q2", "label": "Where?", "options": []}
    whom = {"tag": "input", "type": "text", "name": "rel1whom", "id": "q3", "label": "Through whom?", "options": []}
    previous = score.what_it_asks(score.texts_for(first, "", db))
    texts = score.texts_for(where, previous, db)
    assert texts["question"] == first["label"] and texts == sites["rel1where"].texts
    assert score.texts_for(whom, score.what_it_asks(texts), db) == sites["rel1whom"].texts
    assert {s.classification.category for s in sites.values()} == {"religion"}


def test_a_select_follows_up_but_not_across_a_section_of_its_own(score, db) -> None:
    """A select whose label only follows up ("If yes, check where applicable") takes the previous
    question, as a text input does; a control under a legend of its own ("Preferred date and time"
    after a question about the vaccine) reads its legend, not the previous section's question."""
    page = htmldoc.parse(
        "<form><p>Are you having any problems with your sleep habits?</p>"
        "<label><input type=radio name=sleep value=y>Yes</label><label><input type=radio name=sleep value=n>No</label>"
        "<label for=sc>If yes, check where applicable:</label>"
        "<select id=sc name=sleepcheck><option>Sleeping too little</option><option>Poor quality sleep</option></select>"
        "<fieldset><legend>Your vaccine</legend><label for=qu>Which vaccine did you have before?</label><input id=qu name=qu></fieldset>"
        "<fieldset><legend>Preferred date and time for the appointment</legend><label for=da>Date</label>"
        "<input id=da name=da type=date></fieldset></form>"
    )
    found = fieldfacts.extract(page, db.fields, db.consent_words, "", db.field_context)
    sites = {s.name: s for s in found}
    sleep = {"tag": "input", "type": "radio", "name": "sleep", "id": "", "label": "", "options": ["Yes"]}
    sleep["question"] = "Are you having any problems with your sleep habits?"
    check = {
        "tag": "select",
        "type": "select-one",
        "name": "sleepcheck",
        "id": "sc",
        "label": "If yes, check where applicable:",
        "options": ["Sleeping too little", "Poor quality sleep"],
    }
    texts = score.texts_for(check, score.what_it_asks(score.texts_for(sleep, "", db)), db)
    assert texts["question"] == sleep["question"] and texts == sites["sleepcheck"].texts
    assert sites["sleepcheck"].classification.category == "health"
    vaccine = {"tag": "input", "type": "text", "name": "qu", "id": "qu", "label": "Which vaccine did you have before?"}
    vaccine.update(options=[], legend="Your vaccine")
    date = {"tag": "input", "type": "date", "name": "da", "id": "da", "label": "Date", "options": []}
    date["legend"] = "Preferred date and time for the appointment"
    texts = score.texts_for(date, score.what_it_asks(score.texts_for(vaccine, "", db)), db, "Your vaccine")
    assert "question" not in texts and "da" not in sites


def test_a_record_matches_the_reported_field_of_its_name_nearest_first(score) -> None:
    from types import SimpleNamespace as Site

    found = {10: [Site(name="")], 14: [Site(name="poids")], 20: [Site(name="")], 21: [Site(name="")]}
    # an unnamed "Non" box one line below the group's first box, as the tool reports the pair
    assert score._match({"line": 11, "name": "", "id": ""}, found) is found[10][0]
    assert score._match({"line": 12, "name": "", "id": "poids"}, found) is found[14][0]
    assert score._match({"line": 16, "name": "", "id": ""}, found) is None  # nothing unnamed within 3 lines
    assert score._match({"line": 19, "name": "x", "id": ""}, found) is None  # another name


def test_a_nameless_record_leaves_the_field_at_another_records_line_to_that_record(score) -> None:
    from types import SimpleNamespace as Site

    # "LAST NAME" (line 21, read as nothing) above "BLOOD-TYPE" (line 24, reported): both records have no name
    found = {24: [Site(name="")]}
    assert score._match({"line": 24, "name": "", "id": ""}, found, (21, 24, 27)) is found[24][0]
    assert score._match({"line": 21, "name": "", "id": ""}, found, (21, 24, 27)) is None
    assert score._match({"line": 21, "name": "", "id": ""}, found, (21, 27)) is found[24][0]  # no record of its own there


def test_a_record_inside_a_data_definition_matches_the_field_reported_where_it_opens(score) -> None:
    """A field defined as data ({ "component": "DynamicList", "params": { "title": …, "name": … } }) is reported at the
    line its definition opens on; the record names its name member's, four lines below."""
    from types import SimpleNamespace as Site

    found = {466: [Site(name="conditions__allergies")], 480: [Site(name="other")]}
    rec = {"line": 470, "name": "conditions__allergies", "id": "", "path": "static/form-data.json"}
    assert score._match(rec, found) is found[466][0]
    assert score._match(dict(rec, path="templates/form.html"), found) is None  # markup: the start tag's lines only
    assert score._match(dict(rec, line=476), found) is None  # more than eight lines below
    # a group of choices is reported at its first choice, below the definition's opening the record names (session 44)
    assert score._match(dict(rec, line=462), found) is found[466][0]
    assert score._match(dict(rec, line=456), found) is None  # more than eight lines above
    assert score._match(dict(rec, line=462, path="templates/form.html"), found) is None  # markup: the start tag's lines only


def test_a_record_named_by_its_renderer_matches_the_unnamed_definition_asking_its_question(score) -> None:
    """A questionnaire's item recorded under the name its renderer gives it (name={p.numeropregunta}: "pregunta4") at
    its text member's line matches the definition the tool read without a name three lines above, when that asks the
    record's very question; another question, a named field or markup does not."""
    from types import SimpleNamespace as Site

    asks = Site(name="", texts={"question": "¿Se asusta con facilidad?"})
    by_text = Site(name="¿Sufre de temblor de manos?", texts={"question": "¿Sufre de temblor de manos?"})
    named = Site(name="tremor", texts={"question": "¿Llora con mucha frecuencia?"})
    found = {18: [asks], 23: [by_text], 28: [named]}
    rec = {"line": 21, "name": "pregunta4", "id": "", "path": "src/data/preguntas.js", "question": "¿Se asusta con  facilidad?"}
    assert score._match(rec, found) is asks
    assert score._match(dict(rec, line=26, question="¿Sufre de temblor de manos?"), found) is by_text
    assert score._match(dict(rec, line=31, question="¿Llora con mucha frecuencia?"), found) is None  # the tool's own name
    assert score._match(dict(rec, question="¿Se siente triste?"), found) is None  # another question
    assert score._match(dict(rec, path="templates/form.html"), found) is None  # markup: its own rules only
    # the record takes the item for one box of a larger question, labelled by the item's text
    assert score._match(dict(rec, question="¿Cuáles de estos síntomas tiene?", label="¿Se asusta con facilidad?"), found) is asks


def test_a_nameless_record_of_a_list_matches_the_definition_that_opens_above_it(score) -> None:
    """A statement of a list, recorded without a name at its text member's line, is the definition reported nearest
    above it, unless another record of the file stands between (that one's definition, not reported, opened there)."""
    from types import SimpleNamespace as Site

    found = {3: [Site(name="1")], 17: [Site(name="3")]}
    rec = {"line": 8, "name": "", "id": "", "path": "public/data/data.json"}
    assert score._match(rec, found, (8, 15, 22)) is found[3][0]
    assert score._match(dict(rec, line=22), found, (8, 15, 22)) is found[17][0]
    # items four lines long: item 2 (record at line 9) was not reported, and the definition above it is item 1's, whose
    # record (line 5) stands between
    assert score._match(dict(rec, line=9), found, (5, 9)) is None
    assert score._match(dict(rec, line=5), found, (5, 9)) is found[3][0]
    assert score._match(dict(rec, path="index.html"), found, (8, 15, 22)) is None  # markup: the start tag's lines only


def test_the_label_audit_counts_controls_no_text_names(tmp_path) -> None:
    """eval/forms/label_audit.py: a control that takes input and has no visible text counts as unnamed; a hidden
    input is not counted; the comparison lists a text gained."""
    spec = importlib.util.spec_from_file_location("label_audit", EVAL / "label_audit.py")
    assert spec is not None and spec.loader is not None
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    tree = tmp_path / "trees" / "owner+repo@0123456789ab" / "repo"
    tree.mkdir(parents=True)
    (tree / "form.html").write_text(
        '<form><label for="a">Allergien</label><input id="a" name="a">'
        '<input name="b"><input type="hidden" name="c"><p>Medikamente<br><textarea name="d"></textarea></p></form>',
        encoding="utf-8",
    )
    out = tmp_path / "audit.jsonl"
    reader = fieldfacts._site
    counts = audit.audit(tmp_path / "trees", 5, 1, out)
    assert fieldfacts._site is reader  # the audit keeps every control only while it runs
    assert counts == {(".html", "all"): 3, (".html", "unnamed"): 1}
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r[6].get("name"), r[5]) for r in rows] == [("a", True), ("b", False), ("d", True)]


def test_a_record_named_as_rendered_matches_the_field_its_form_class_declares(score) -> None:
    from types import SimpleNamespace

    found = {88: [SimpleNamespace(name="tradeUnionCommitment")], 91: [SimpleNamespace(name="associativeCommitment")]}
    rec = {"line": 87, "name": "appbundle_joining[tradeUnionCommitment]", "id": ""}
    assert score._match(rec, found).name == "tradeUnionCommitment"
    # Another field's last part does not match, and a plain name is matched as before.
    assert score._match({"line": 87, "name": "appbundle_joining[comments]", "id": ""}, found) is None
    assert score._match({"line": 90, "name": "associativeCommitment", "id": ""}, found).name == "associativeCommitment"


def test_a_framework_names_the_declared_field_around(score) -> None:
    # The name a form class declares, inside what its framework renders around it (the scorer's _match).
    assert score._last_name("appbundle_joining[tradeUnionCommitment]") == "tradeUnionCommitment"
    assert score._last_name("Patient.Allergies") == "Allergies"
    assert score._last_name("2-child_allergy") == "child_allergy"  # a Django wizard's third step
    assert score._last_name("form-0-diagnosis") == "diagnosis"  # a Django formset's first form
    assert score._last_name("first-name") == "first-name" and score._last_name("covid-19") == "covid-19"
