"""Follow-up controls (docs/fields.md "Context", analyzer/facts/pagecontext.followed_up): a control whose label,
else placeholder, only follows up the question before it ("Other", "Others:", "Since when?", "Outras",
"Welke dan?") takes that question, and when the first reading leaves it unclassified, the Art. 9 category the
question names by strong words, which may sit in a select's options or a checkbox's own item rather than in
the question text. Checked in three template dialects (Jinja, Blade, ERB) and two component frameworks (JSX,
Vue); look-alikes (a country select, a sports select, a question that only hints at health) must not fire."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from analyzer.facts.pagecontext import followed_up
from analyzer.signatures.lexicon import only_follow_up
from tests.conftest import INTAKE_DIALECTS, page_fields, scan_text

# The select's question names nothing; its options are conditions. The "Other" box after it and the
# "Since when?" after that continue it.
_FIRES = """<label for="ap">Which of these apply to you?</label>
<select id="ap" name="ap"><option>Asthma</option><option>Epilepsy</option><option>Diabetes</option></select>
<input name="ap_other" placeholder="Other" />
<label for="since">Since when?</label>
<input id="since" name="since" />"""

_COUNTRY = """<label for="co">Country of residence</label>
<select id="co" name="co"><option>France</option><option>Spain</option><option>Italy</option></select>
<input name="co_other" placeholder="Other" />
<label for="since">Since when?</label>
<input id="since" name="since" />"""

_SPORT = """<label for="sp">Favourite sport</label>
<select id="sp" name="sp"><option>Football</option><option>Swimming</option><option>Tennis</option></select>
<input name="sp_other" placeholder="Other" />
<label for="how">How often?</label>
<input id="how" name="how" />"""

_DIALECTS = INTAKE_DIALECTS


def _scan(tmp_path: Path, db, name: str, form: str) -> dict[str, tuple[str, str]]:
    if name.endswith(".tsx"):
        form = form.replace('for="', 'htmlFor="')
    found = scan_text(tmp_path, _DIALECTS[name].replace("@@", form), db, name).fields
    return {s.name: (s.classification.category, s.classification.context) for s in found}


@pytest.mark.parametrize("name", sorted(_DIALECTS))
def test_a_follow_up_takes_the_category_its_question_names(tmp_path, db, name) -> None:
    sites = _scan(tmp_path, db, name, _FIRES)
    assert sites.get("ap", ("none", ""))[0] == "health", sites
    assert sites.get("ap_other", ("none", ""))[0] == "health", sites
    assert sites["ap_other"][1].startswith("follows up"), sites
    assert sites.get("since", ("none", ""))[0] == "health", sites


@pytest.mark.parametrize("name", sorted(_DIALECTS))
@pytest.mark.parametrize("form", [_COUNTRY, _SPORT], ids=["country", "sport"])
def test_a_follow_up_of_a_question_that_names_no_category_stays_benign(tmp_path, db, name, form) -> None:
    assert _scan(tmp_path, db, name, form) == {}


# The fields of a form written without its <form> tag.
_sites = functools.partial(page_fields, in_form=True)


def test_others_after_a_checklist_of_conditions_is_another_condition(db) -> None:
    items = "".join(f"<label><input type=checkbox name=c{i}> {c}</label>" for i, c in enumerate(["Tuberculosis", "Measles", "Typhoid"]))
    html = "<p>Please check the items that apply to you.</p>" + items + "<label for=o>Others:</label><textarea id=o name=o></textarea>"
    assert _sites(db, html).get("o") == "health"
    hobbies = "".join(f"<label><input type=checkbox name=h{i}> {c}</label>" for i, c in enumerate(["Reading", "Chess", "Hiking"]))
    assert _sites(db, "<p>Your hobbies</p>" + hobbies + "<label for=o>Others:</label><textarea id=o name=o></textarea>") == {}


def test_follow_up_words_in_more_languages(db) -> None:
    # pt "Outras" after a yes/no about a disease, es "¿Por cuánto tiempo?", nl "Welke dan?".
    yes_no = "<option>Sim</option><option>Não</option>"
    assert (
        _sites(db, f"<label for=v>Varicela</label><select id=v name=v>{yes_no}</select><label for=o>Outras</label><input id=o name=o>")["o"]
        == "health"
    )
    es = "<label for=d>¿Padece alguna enfermedad crónica?</label><input id=d name=d>"
    es += "<label for=t>¿Por cuánto tiempo?</label><input id=t name=t>"
    assert _sites(db, es).get("t") == "health"
    nl = "<label for=l>Heeft de leerling leerproblemen zoals dyslexie?</label><input id=l name=l>"
    nl += "<label for=w>Welke dan?</label><input id=w name=w>"
    assert _sites(db, nl).get("w") == "health"


def test_only_a_strong_reading_is_passed_on(db) -> None:
    from analyzer.signatures.lexicon import Classification

    weak = Classification("health", 0.6, ("patient",))
    assert followed_up(weak, {"label": "Relationship to the patient"}, db.fields) is None
    strong = Classification("health", 0.9, ("asthma",))
    got = followed_up(strong, {"label": "Which apply?", "options": "Asthma Epilepsy"}, db.fields)
    assert got is not None and got.category == "health" and got.context == "follows up 'Which apply?'"
    chained = followed_up(got, {"placeholder": "Other"}, db.fields)
    assert chained is not None and chained.context == got.context
    assert followed_up(Classification("contact", 0.9, ("email",)), {"label": "E-mail"}, db.fields) is None
    assert only_follow_up("Other", db.field_context) and only_follow_up("Outras", db.field_context)
    assert not only_follow_up("Other comments about your stay", db.field_context)


# Two radios named apart that answer one question ("¿Fuma? (o) Sí (o) No" as name=f1 and name=f2): the second
# answers the first one's question, and the follow-up after it continues that question.
_SPLIT = """<div><label for="q">¿Padece usted diabetes?</label></div>
<div class="form-check"><input type="radio" name="d1" id="d1" value="1"><label for="d1">Sí</label>
<input type="radio" name="d2" id="d2" value="2"><label for="d2">No</label></div>
<input type="text" name="d_cual" placeholder="¿Cuál?">"""

# The same radios in two rows of their own: the second is another question's answer, left unread.
_APART = """<div><label for="q">¿Padece usted diabetes?</label></div>
<div class="form-check"><input type="radio" name="d1" id="d1" value="1"><label for="d1">Sí</label></div>
<div class="form-check"><input type="radio" name="n2" id="n2" value="2"><label for="n2">Newsletter</label></div>"""


def test_a_radio_named_apart_answers_the_question_beside_it(db) -> None:
    sites = page_fields(db, _SPLIT)
    assert sites.get("d1") == "health" and sites.get("d2") == "health", sites
    assert sites.get("d_cual") == "health", sites
    assert page_fields(db, _APART).get("n2") is None


def test_the_second_part_of_one_entry_reads_the_first_ones_label(db) -> None:
    # Blood pressure in two boxes with only "/" between them: the diastolic box's label is the separator, and the
    # reading of the pair is the first box's.
    pair = (
        "<form><label for=sys>Tension arterial mm Hg:</label><input type=number id=sys name=sys>/<input type=number id=dia name=dia></form>"
    )
    assert page_fields(db, pair) == {"sys": "health", "dia": "health"}
    # A separator that stands before a word of its own, or a field with its own placeholder, is no second part; nor
    # is a box after a word ("Town / [ ]" reads "Town /").
    apart = (
        "<form><label for=sys>Tension arterial mm Hg:</label><input type=number id=sys name=sys>"
        "/<input name=town placeholder='Town'> Ciudad / <input name=city></form>"
    )
    assert page_fields(db, apart) == {"sys": "health"}
