"""Choice tiles (analyzer/facts/choice_tiles.py, ui_components.toml ``jsx_bindings`` click_props / selection_props):
buttons, chips and cards that set a field to their value when clicked and are drawn as chosen while it holds it are
the form's radios (``state === value``) or checkboxes (``state.includes(value)``), under the question their wrapper
or heading asks. Look-alikes that must stay out: a page's tabs (a view's own state), a lone toggle, a button whose
highlight has nothing to do with what it hands over, and an icon named like a control (lucide-react's ``<Check />``)."""

from __future__ import annotations

from tests.conftest import every_control

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
    return every_control(tmp_path, source, db, name)


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


_VUE = """<template>
  <form>
    <h3>Religion</h3>
    <div class="chips">
      <button v-for="r in religions" :key="r" :class="{ active: form.religion === r }" @click="form.religion = r">{{ r }}</button>
    </div>
    <p>Do you smoke?</p>
    <span :class="{ on: form.smoking === 'yes' }" @click="form.smoking = 'yes'">Yes</span>
    <span :class="{ on: form.smoking === 'no' }" @click="form.smoking = 'no'">No</span>
    <nav>
      <a :class="{ on: tab === 'health' }" @click="tab = 'health'">Health records</a>
      <a :class="{ on: tab === 'other' }" @click="tab = 'other'">Diagnoses</a>
    </nav>
  </form>
</template>
<script>
export default { data() { return { religions: ["Catholic", "Muslim", "Jewish"], form: {}, tab: "health" }; } };
</script>
"""

_ANGULAR = """<form>
  <label>Symptoms</label>
  <div *ngFor="let s of symptoms" class="chip" [class.selected]="chosen.includes(s)" (click)="toggle(s)">{{ s }}</div>
  <h4>Pregnant?</h4>
  <button [class.active]="answers.pregnant === true" (click)="answers.pregnant = true">Yes</button>
  <button [class.active]="answers.pregnant === false" (click)="answers.pregnant = false">No</button>
  <button [class.active]="view === 'list'" (click)="view = 'list'">Diagnoses list</button>
  <button [class.active]="view === 'grid'" (click)="view = 'grid'">Diagnoses grid</button>
</form>
"""

_SVELTE = """<script>
  let form = {};
  const parties = ["Greens", "Liberals", "Labour"];
</script>
<form>
  <h3>Political party</h3>
  {#each parties as party}
    <button class:selected={form.party === party} on:click={() => (form.party = party)}>{party}</button>
  {/each}
</form>
"""


def test_template_tiles_in_vue_angular_and_svelte(tmp_path, db) -> None:
    vue = _by_name(tmp_path, _VUE, db, "Faith.vue")
    assert (vue["religion"].type, vue["religion"].classification.category) == ("radio", "religion"), vue
    assert "Muslim" in vue["religion"].texts.get("options", ""), vue["religion"].texts
    assert (vue["smoking"].type, vue["smoking"].classification.category) == ("radio", "health"), vue
    assert "tab" not in vue and vue.keys() == {"religion", "smoking"}, vue
    angular = _by_name(tmp_path, _ANGULAR, db, "intake.component.html")
    assert (angular["chosen"].type, angular["chosen"].classification.category) == ("checkbox", "health"), angular
    assert (angular["pregnant"].type, angular["pregnant"].classification.category) == ("radio", "health"), angular
    assert "view" not in angular, angular
    svelte = _by_name(tmp_path, _SVELTE, db, "Join.svelte")
    assert (svelte["party"].type, svelte["party"].classification.category) == ("radio", "political"), svelte
    assert svelte["party"].texts.get("question") == "Political party", svelte["party"].texts


def test_a_tiles_line_is_its_own(tmp_path, db) -> None:
    lines = {s.name: s.line for s in _every(tmp_path, _VUE, db, "Faith.vue")}
    assert lines == {"religion": 5, "smoking": 8}, lines


def test_svelte_braced_attributes_do_not_end_the_tag(tmp_path, db) -> None:
    source = """<form>
  <button type="button" on:click={() => step > 1 && back()}>Back</button>
  <label>Current diagnosis <input bind:value={form.diagnosis} class={big ? "a b" : "c"} /></label>
</form>
"""
    sites = _by_name(tmp_path, source, db, "Intake.svelte")
    assert sites["diagnosis"].classification.category == "health", sites
    assert sites["diagnosis"].texts.get("label") == "Current diagnosis", sites["diagnosis"].texts


_HELD = """const OPEN_TO = [
  { value: "men", label: "Men" }, { value: "trans-women", label: "Trans women" }, { value: "nb", label: "Non-binary people" },
];
const GENDERS = [{ value: "m", label: "Man" }, { value: "w", label: "Woman" }];
const IDENTITIES = [{ value: "tm", label: "Trans man" }, { value: "tw", label: "Trans woman" }, { value: "nb", label: "Non-binary" }];
export function SignUp({ community }) {
  return (
    <div>
      <label>Who are you open to dating?</label>
      {OPEN_TO.map((option) => {
        const isSelected = openTo.includes(option.value);
        return (
          <button key={option.value} type="button" className={`chip ${isSelected ? "on" : ""}`}
            onClick={() => setOpenTo((prev) => (prev.includes(option.value)
              ? prev.filter((v) => v !== option.value) : [...prev, option.value]))}>
            {option.label}
          </button>
        );
      })}
      <label>{community ? "Gender identity" : "Gender"}</label>
      {(community ? IDENTITIES : GENDERS).map((option) => (
        <button key={option.value} type="button" onClick={() => setGender(option.value)}
          className={gender === option.value ? "chip on" : "chip"}>{option.label}</button>
      ))}
    </div>
  );
}
"""

_HELD_LOOKALIKE = """const PLANS = [{ id: "basic", label: "Basic" }, { id: "pro", label: "Pro" }];
export function Plans() {
  return PLANS.map((plan) => {
    const isOpen = expanded === plan.id;
    return <button key={plan.id} className={isOpen ? "open" : ""} onClick={() => track("plan_click")}>{plan.label}</button>;
  });
}
"""


def test_a_comparison_held_in_a_constant_of_the_render_makes_a_tile(tmp_path, db) -> None:
    sites = _by_name(tmp_path, _HELD, db, "SignUp.tsx")
    chosen = sites["openTo"]
    assert (chosen.type, chosen.classification.category) == ("checkbox", "sex-life"), chosen
    assert "Trans women" in chosen.texts.get("options", ""), chosen.texts


def test_tiles_mapped_over_either_of_two_lists_offer_the_choices_of_both(tmp_path, db) -> None:
    sites = _by_name(tmp_path, _HELD, db, "SignUp.tsx")
    gender = sites["gender"]
    assert gender.type == "radio" and gender.classification.category == "sex-life", gender
    assert {"Man", "Trans woman"} <= set(gender.texts.get("options", "").split(" / ")), gender.texts


def test_a_constant_whose_comparison_the_click_does_not_hand_over_is_no_tile(tmp_path, db) -> None:
    assert not _every(tmp_path, _HELD_LOOKALIKE, db, "Plans.tsx")


_STEP = """import { OnboardingScreen, SelectableGrid, SelectableCard } from "@/components/onboarding/parts";

const LOOKING_FOR = [
  { value: "women", label: "Women" },
  { value: "men", label: "Men" },
  { value: "everyone", label: "Everyone" },
];

export function LookingForStep({ state }) {
  const [pref, setPref] = useState(state.lookingFor);
  return (
    <OnboardingScreen title="Who would you like to meet?" subtitle="We'll use this to show you the right people.">
      <SelectableGrid>
        {LOOKING_FOR.map((o) => (
          <SelectableCard key={o.value} label={o.label} selected={pref === o.value} onClick={() => setPref(o.value)} />
        ))}
      </SelectableGrid>
    </OnboardingScreen>
  );
}
"""


def test_a_step_made_of_tiles_only_is_read_under_its_screens_title(tmp_path, db) -> None:
    # A dating app's onboarding step: no native control and no control word in a component's name, so the file was not
    # parsed for fields; its screen component's title is the question the tiles answer (section_title_props).
    found = {s.name: s for s in every_control(tmp_path, _STEP, db, "looking-for.tsx")}
    pref = found["pref"]
    assert (pref.type, pref.classification.category) == ("radio", "sex-life"), pref
    assert pref.texts.get("question") == "Who would you like to meet?", pref.texts


def test_a_step_of_plan_tiles_asks_nothing_special(tmp_path, db) -> None:
    plans = _STEP.replace("Who would you like to meet?", "Which plan suits you?").replace('"Women"', '"Basic"')
    plans = plans.replace('"Men"', '"Premium"').replace('"Everyone"', '"Family"')
    found = {s.name: s for s in every_control(tmp_path, plans, db, "plan.tsx")}
    assert found["pref"].classification.category == "-", found["pref"]
