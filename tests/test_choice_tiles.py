"""Choice tiles (analyzer/facts/choice_tiles.py, ui_components.toml ``jsx_bindings`` click_props / selection_props):
buttons, chips and cards that set a field to their value when clicked and are drawn as chosen while it holds it are
the form's radios (``state === value``) or checkboxes (``state.includes(value)``), under the question their wrapper
or heading asks. Look-alikes that must stay out: a page's tabs (a view's own state), a lone toggle, a button whose
highlight has nothing to do with what it hands over, and an icon named like a control (lucide-react's ``<Check />``)."""

from __future__ import annotations

from analyzer.facts import fieldfacts
from tests.conftest import scan_text

_ONBOARDING = """import { Check } from "lucide-react";
const DENOMINATIONS = ["Catholique", "Protestante", "Orthodoxe", "Évangélique"];

function ChoiceChip({ active, onClick, label }) {
  return (
    <button type="button" onClick={onClick} className={active ? "chip on" : "chip"}>
      <span>{label}{active && <Check className="w-4 h-4" />}</span>
    </button>
  );
}

export function FaithStep({ data, update }) {
  return (
    <div>
      <Field label="Confession / Dénomination">
        <div className="grid">
          {DENOMINATIONS.map((d) => (
            <ChoiceChip key={d} active={data.denomination === d} onClick={() => update("denomination", d)} label={d} />
          ))}
        </div>
        {data.other && <Input value={data.denominationOther} onChange={(e) => update("denominationOther", e.target.value)} />}
      </Field>
      <p>Do you smoke?</p>
      <button className={smoking === "yes" ? "on" : ""} onClick={() => setSmoking("yes")}>Yes</button>
      <button className={smoking === "no" ? "on" : ""} onClick={() => setSmoking("no")}>No</button>
      <h3>Which symptoms do you have?</h3>
      {SYMPTOMS.map((s) => (
        <Chip key={s} selected={chosen.includes(s)} onClick={() => toggle(s)}>{s}</Chip>
      ))}
    </div>
  );
}
"""

_LOOKALIKES = """import { Check } from "lucide-react";
export function Portal() {
  return (
    <div>
      <button className={activeTab === "records" ? "tab on" : "tab"} onClick={() => setActiveTab("records")}>Health records</button>
      <button className={activeTab === "diagnoses" ? "tab on" : "tab"} onClick={() => setActiveTab("diagnoses")}>Diagnoses</button>
      <button className={expanded === true ? "open" : ""} onClick={() => setExpanded(!expanded)}>Mental health services</button>
      {CLINICS.map((c) => (
        <Card key={c.id} active={current === c.id} onClick={() => navigate("/clinics/" + slug)}>{c.name}</Card>
      ))}
      <p>Diagnosis <Check className="tick" /></p>
    </div>
  );
}
"""


def _every(tmp_path, source: str, db, name: str) -> tuple:
    """Every control the file's reading extracts, those no reading classifies too (category "-")."""
    with fieldfacts.every_control("-"):
        return scan_text(tmp_path, source, db, name).fields


def _by_name(tmp_path, source: str, db, name: str) -> dict:
    return {s.name: s for s in _every(tmp_path, source, db, name)}


def test_mapped_chips_are_a_radio_group_under_their_wrappers_question(tmp_path, db) -> None:
    sites = _by_name(tmp_path, _ONBOARDING, db, "FaithStep.tsx")
    chip = sites["denomination"]
    assert (chip.tag, chip.type) == ("input", "radio"), chip
    assert chip.classification.category == "religion", chip
    # The wrapper asks the group; the "other" box after it does not take its question away.
    assert chip.texts.get("question") == "Confession / Dénomination", chip.texts
    assert "Catholique" in chip.texts.get("options", ""), chip.texts


def test_written_out_buttons_and_membership_chips(tmp_path, db) -> None:
    sites = _by_name(tmp_path, _ONBOARDING, db, "FaithStep.tsx")
    assert (sites["smoking"].type, sites["smoking"].classification.category) == ("radio", "health"), sites["smoking"]
    assert sites["smoking"].texts.get("question") == "Do you smoke?", sites["smoking"].texts
    assert (sites["chosen"].type, sites["chosen"].classification.category) == ("checkbox", "health"), sites["chosen"]


def test_the_icon_inside_a_chip_is_no_checkbox(tmp_path, db) -> None:
    found = _every(tmp_path, _ONBOARDING, db, "FaithStep.tsx")
    assert not [s for s in found if s.type == "checkbox" and not s.name], found


def test_tabs_toggles_links_and_icons_are_no_answers(tmp_path, db) -> None:
    found = _every(tmp_path, _LOOKALIKES, db, "Portal.tsx")
    assert not found, found


def test_a_kits_check_component_stays_a_checkbox(tmp_path, db) -> None:
    source = """import { Form } from "react-bootstrap";
export const Consent = () => <Form><Form.Check name="hiv" label="I am HIV positive" /></Form>;
"""
    sites = _by_name(tmp_path, source, db, "Consent.jsx")
    assert sites["hiv"].type == "checkbox" and sites["hiv"].classification.category == "health", sites


def test_a_wrapper_around_two_groups_asks_neither(tmp_path, db) -> None:
    source = """export const Q = () => (
  <Field label="Religion and politics">
    <button className={faith === "a" ? "on" : ""} onClick={() => setFaith("a")}>A</button>
    <button className={faith === "b" ? "on" : ""} onClick={() => setFaith("b")}>B</button>
    <button className={party === "x" ? "on" : ""} onClick={() => setParty("x")}>X</button>
    <button className={party === "y" ? "on" : ""} onClick={() => setParty("y")}>Y</button>
  </Field>
);
"""
    sites = _by_name(tmp_path, source, db, "Q.jsx")
    assert {"faith", "party"} <= sites.keys(), sites
    assert not sites["faith"].texts.get("question") and not sites["party"].texts.get("question"), sites


_FAITH_DATING = """export function Faith({ data, update }) {
  const pick = (field, items) => items.map((o) => (
    <ChoiceChip key={o} active={data[field] === o} onClick={() => update(field, o)} label={o} />
  ));
  return (
    <div>
      <Field label="Confession / Dénomination">
        {["Catholique", "Protestante"].map((o) => (
          <ChoiceChip key={o} active={data.denomination === o} onClick={() => update("denomination", o)} label={o} />
        ))}
      </Field>
      <Field label="Baptisé(e) ?">
        {["Oui", "Non"].map((o) => (
          <ChoiceChip key={o} active={data.baptized === o} onClick={() => update("baptized", o)} label={o} />
        ))}
      </Field>
      <Field label="Fréquence à l'église">
        <select value={data.churchAttendance} onChange={(e) => update("churchAttendance", e.target.value)}>
          <option>Chaque semaine</option><option>Rarement</option>
        </select>
      </Field>
      <Field label="Votre église">
        <Input value={data.church} onChange={(e) => update("church", e.target.value)} placeholder="Église du Christ, Anglicane…" />
      </Field>
      <Field label="Intention par rapport au mariage">
        {["Dans 1 à 2 ans", "Ouvert, sans échéance"].map((o) => (
          <ChoiceChip key={o} active={data.marriageIntent === o} onClick={() => update("marriageIntent", o)} label={o} />
        ))}
      </Field>
    </div>
  );
}
"""


def test_a_marriage_intention_among_faith_questions_is_no_mass_intention(tmp_path, db) -> None:
    """French "intention" is weak religion (a Mass intention, "intention de messe"): among a faith dating profile's
    questions it would take the form's religion, but a marriage intention says when to marry (religion.toml exclude)."""
    sites = _by_name(tmp_path, _FAITH_DATING, db, "Faith.tsx")
    assert sites["denomination"].classification.category == "religion", sites
    assert sites["marriageIntent"].type == "radio", sites
    assert sites["marriageIntent"].classification.category != "religion", sites["marriageIntent"]
