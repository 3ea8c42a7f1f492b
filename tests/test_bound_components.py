"""A project's component that no ending names, read as a control when it acts as one (jsxmarkup ``_bound_component``):
given a label or a placeholder, bound to a member of the form's state that it changes, and writing no markup through
its props. The control is the one its name names last (``MultiSelectCheckboxes``: boxes), else an input (a select when
given choices). Look-alikes that stay out: a view's state in a bare variable (``value={tab}``), a display without a
change handler, an editor without a label."""

from __future__ import annotations

from analyzer.facts import fieldfacts
from tests.conftest import scan_text

_PROFILE = """export function Profile({ form, setForm, tab, setTab }) {
  return (
    <div>
      <MultiSelectCheckboxes label="Chronic conditions" options={["Asthma", "Diabetes", "HIV"]} value={getArrayValue(form.conditions)}
        onChange={(v) => setForm({ ...form, conditions: v })} />
      <Field label="Dealbreakers">
        <TagPicker value={form.dealbreakers} onChange={(v) => setForm({ ...form, dealbreakers: v })} placeholder="Something else…" />
      </Field>
      <Slider label="Pain level today" value={form.pain} onChange={(v) => setForm({ ...form, pain: v })} />
      <SegmentedControl label="Diagnoses view" value={tab} onChange={setTab} />
      <Viewer label="Diagnosis" value={form.diagnosis} />
      <RichEditor value={form.notes} onChange={(v) => setForm({ ...form, notes: v })} />
    </div>
  );
}
"""


def _sites(tmp_path, db) -> dict:
    with fieldfacts.every_control("-"):
        return {s.name: s for s in scan_text(tmp_path, _PROFILE, db, "Profile.tsx").fields}


def test_bound_components_are_the_controls_their_names_say(tmp_path, db) -> None:
    sites = _sites(tmp_path, db)
    boxes = sites["conditions"]
    assert (boxes.type, boxes.classification.category, boxes.line) == ("checkbox", "health", 4), boxes
    assert "HIV" in boxes.texts.get("options", ""), boxes.texts
    assert sites["pain"].classification.category == "health" and sites["pain"].texts.get("label") == "Pain level today", sites
    # A placeholder stays one: the wrapper's label is the control's.
    assert sites["dealbreakers"].texts.get("label") == "Dealbreakers", sites["dealbreakers"].texts


def test_a_views_state_a_display_and_an_unlabelled_editor_are_not(tmp_path, db) -> None:
    sites = _sites(tmp_path, db)
    assert sites.keys() == {"conditions", "dealbreakers", "pain"}, sites
