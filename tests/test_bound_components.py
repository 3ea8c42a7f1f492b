"""A project's component that no ending names, read as a control when it acts as one (jsxmarkup ``_bound_component``):
bound to a member of the form's state that it changes, and writing no markup through its props; labelled by its label
prop, else by the text before it (React Native's ``<Text>…?</Text><YesNo value={hl.x} onChange={…}/>``). The control is
the one its name names last (``MultiSelectCheckboxes``: boxes), else an input (a select when given choices). Look-alikes
that stay out: a view's state in a bare variable (``value={tab}``), a display without a change handler."""

from __future__ import annotations

from tests.conftest import controls_by_name

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
    return controls_by_name(tmp_path, _PROFILE, db, "Profile.tsx")


def test_bound_components_are_the_controls_their_names_say(tmp_path, db) -> None:
    sites = _sites(tmp_path, db)
    boxes = sites["conditions"]
    assert (boxes.type, boxes.classification.category, boxes.line) == ("checkbox", "health", 4), boxes
    assert "HIV" in boxes.texts.get("options", ""), boxes.texts
    assert sites["pain"].classification.category == "health" and sites["pain"].texts.get("label") == "Pain level today", sites
    # A placeholder stays one: the wrapper's label is the control's.
    assert sites["dealbreakers"].texts.get("label") == "Dealbreakers", sites["dealbreakers"].texts


def test_a_views_state_and_a_display_are_not(tmp_path, db) -> None:
    sites = _sites(tmp_path, db)
    # The editor bound to form.notes is a control too, with no label: a free-text box of a form that asks for health.
    assert sites.keys() == {"conditions", "dealbreakers", "pain", "notes"}, sites
    assert "label" not in sites["notes"].texts and "other field" in sites["notes"].classification.context, sites["notes"]


_NATIVE_SCREEN = """export default function Step4() {
  const hl = useStore((s) => s.health);
  return (
    <View style={cs.card}>
      <Text style={cs.cardTitle}>Niepełnosprawność</Text>
      <Text style={cs.fieldLabel}>Orzeczenie o niepełnosprawności?</Text>
      <YesNo
        value={hl.has_disability_certificate}
        onChange={(v) => store.updateHealth({ has_disability_certificate: v })}
      />
      <Text style={cs.fieldLabel}>Ulubiony kolor</Text>
      <YesNo value={hl.likes_blue} onChange={(v) => store.updateHealth({ likes_blue: v })} />
    </View>
  );
}
"""


def test_an_unlabelled_bound_component_is_labelled_by_the_text_before_it(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _NATIVE_SCREEN, db, "step4.tsx")
    certificate = sites["has_disability_certificate"]
    assert (certificate.line, certificate.classification.category) == (7, "health"), certificate
    assert certificate.texts.get("label", "").endswith("Orzeczenie o niepełnosprawności?"), certificate.texts
    assert sites["likes_blue"].classification.category == "-", sites["likes_blue"]


_TABLE_SCREEN = """export default function History({ vaccinationHistory, updateVaccinationHistory, open, setOpen }) {
  return (
    <Row>
      <Col style={styles.headerLightGray}>
        <Text>Is the child up to date on all vaccines?</Text>
      </Col>
      <Col>
        <SimpleQuestion
          options={["yes", "no"]}
          checked={vaccinationHistory.updateOnAllVaccines}
          setChecked={(text) => updateVaccinationHistory({ updateOnAllVaccines: text })}
        />
      </Col>
      <Col>
        <Text>Had a previous admission?</Text>
        <SimpleQuestion options={["yes", "no"]} checked={open} setChecked={setOpen} />
        <ConsentRow checked={vaccinationHistory.consented} onCheckedChange={(v) => updateVaccinationHistory({ consented: v })} />
      </Col>
    </Row>
  );
}
"""


def test_a_component_changed_through_set_checked_or_on_checked_change_is_bound(tmp_path, db) -> None:
    # A pediatric intake's table cells (React Native): the question in one cell, its yes/no component in the next, changed
    # through setChecked; Radix's and shadcn's onCheckedChange is a change handler too. A bare state variable is none.
    sites = controls_by_name(tmp_path, _TABLE_SCREEN, db, "history.tsx")
    vaccines = sites["updateOnAllVaccines"]
    assert (vaccines.type, vaccines.classification.category) == ("select", "health"), vaccines
    assert vaccines.texts.get("label") == "Is the child up to date on all vaccines?", vaccines.texts
    assert "consented" in sites and sites["consented"].classification.category == "-", sites
    assert "open" not in sites, sites
