"""A family history asked as a grid (docs/fields.md, "Which relatives had it"): under each condition a choice
of relatives, on a page or form about health. Each choice is the family's medical history, whatever the
condition is called; the same relatives on a page about something else, or under a label that asks who the
person is to someone, keep their own reading."""

from __future__ import annotations

from analyzer.signatures.lexicon import classify
from tests.conftest import page_fields

_GRID = """<h1>Historia clínica</h1>
<form aria-label="Antecedentes heredofamiliares">
  <fieldset><legend>Malformaciones</legend>
    <label><input type=checkbox name=malf_madre> Madre</label>
    <label><input type=checkbox name=malf_padre> Padre</label>
    <label><input type=checkbox name=malf_abuelos> Abuelos</label>
  </fieldset>
  <input type=checkbox id=cardio name=cardio><label for=cardio>Cardiopatías</label>
  <select name=cardio_select multiple><option>Abuelos</option><option>Padre</option><option>Madre</option>
    <option>Hermanos</option><option>Otro</option></select>
  <label for=rel>Parentesco del acompañante</label>
  <select id=rel name=rel><option>Madre</option><option>Padre</option><option>Hermano</option></select>
</form>"""


def test_which_relatives_had_a_condition_is_health_on_a_medical_form(db) -> None:
    sites = page_fields(db, _GRID)
    # A condition the lexicon does not know ("Malformaciones") still asks which relatives had it ...
    for name in ("malf_madre", "malf_padre", "malf_abuelos"):
        assert sites.get(name) == "health", (name, sites)
    # ... and so does the unlabelled select of relatives that follows a condition's checkbox.
    assert sites.get("cardio_select") == "health", sites
    # Who accompanies the patient is a relationship, not a history.
    assert sites.get("rel") is None, sites


_SCHOOL = """<h1>Inscripción escolar</h1>
<form aria-label="Datos del alumno">
  <label for=vive>Vive con</label>
  <select id=vive name=vive><option>Madre</option><option>Padre</option><option>Abuelos</option></select>
  <fieldset><legend>Autorizados para recoger</legend>
    <label><input type=checkbox name=rec_madre> Madre</label>
    <label><input type=checkbox name=rec_padre> Padre</label>
  </fieldset>
</form>"""


def test_the_same_relatives_on_a_school_form_are_not_health(db) -> None:
    sites = page_fields(db, _SCHOOL)
    for name in ("vive", "rec_madre", "rec_padre"):
        assert sites.get(name) is None, (name, sites)


def test_the_grid_in_other_languages_and_its_limits(db) -> None:
    from analyzer.signatures.lexicon import Topic

    health = Topic("health", "form 'Family history'")
    ctx = db.field_context

    def read(texts: dict[str, str], typ: str, topic: Topic | None = health) -> str | None:
        found = classify(texts, db.fields, typ, "", db.consent_words, topic, ctx)
        return found.category if found else None

    # Rows whose condition says nothing on its own ("Sonstiges", none at all, "Другое").
    assert read({"question": "Sonstiges", "options": "Mutter Vater Geschwister Keine"}, "radio") == "health"
    assert read({"options": "Mother Father Sibling Grandparent Other"}, "select") == "health"
    assert read({"question": "Другое", "label": "Мать"}, "checkbox") == "health"
    # Only "Other" and "None" are not a list of relatives; one relative is not a choice among them.
    assert read({"label": "Family", "options": "Other None"}, "select") is None
    assert read({"label": "X", "options": "Mother Unknown"}, "select") is None
    # A relative among options that are not relatives ("Mother / Friend / Neighbour") asks something else.
    assert read({"label": "Who referred you?", "options": "Mother Friend Neighbour"}, "select") is None
    # A label that asks the relationship keeps its reading; without a health topic nothing is read.
    assert read({"label": "Relationship to patient", "options": "Mother Father Sibling"}, "select") is None
    assert read({"label": "Lives with", "options": "Mother Father Grandparents"}, "select", None) is None
