"""React's controlled controls (ui_components.toml ``jsx_bindings``, docs/fields.md "Forms in components"): a JSX
control with no ``name`` is named by the state its value prop holds or the field its change handler is called
with, and ``{L.firstName}`` from a table of labels prints that label (the strings the file's object literals give
the member). Look-alikes: a flag (``checked={isSelected}``), a value that names nothing (``value={value}``), a
member of an object that is not a label table (``{user.religion}`` prints a value, not a label)."""

from __future__ import annotations

from tests.conftest import scan_text

_FORM = """const LABELS = {
  de: { firstName: "Vorname", insuranceName: "Krankenkasse", meds: "Aktuelle Medikamente" },
  en: { firstName: "First name", insuranceName: "Health insurer", meds: "Current medication" },
};

export default function Anamnese({ lang }) {
  const L = LABELS[lang] || LABELS.de;
  const [form, setForm] = useState({});
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  return (
    <form>
      <h2>Anamnesebogen</h2>
      <label><span>{L.firstName}</span><input type="text" value={form.firstName} onChange={set("firstName")} /></label>
      <label><span>{L.insuranceName}</span><input type="text" value={form.insuranceName} onChange={set("insuranceName")} /></label>
      <label><span>{L.meds}</span><textarea onChange={set("medications")} /></label>
      <label><input type="checkbox" checked={isSelected} onChange={toggle} /> Newsletter</label>
      <input type="text" value={value} onChange={onChange} />
      <p>{user.religion}</p>
    </form>
  );
}
"""


def test_controlled_inputs_are_named_and_labelled(tmp_path, db) -> None:
    sites = {s.name: s.classification for s in scan_text(tmp_path, _FORM, db, "Anamnese.jsx").fields}
    # The label table's texts label the controls; the bound state names them.
    assert sites["insuranceName"].category == "health", sites
    assert sites["medications"].category == "health", sites
    # A first name is who the person is, not the record's: it has a name and a label now, and stays out.
    assert "firstName" not in sites or sites["firstName"].category != "health", sites
    # A flag and a value that names nothing give no name.
    assert "isSelected" not in sites and "value" not in sites, sites


def test_a_member_of_another_object_is_not_a_label(tmp_path, db) -> None:
    found = scan_text(tmp_path, _FORM, db, "Anamnese.jsx")
    # {user.religion} is a printed value (Values rendered as text), not a label written into the page.
    assert all("religion" not in (s.classification.words or ()) for s in found.fields), found.fields


_BILINGUAL = """export default function Anamnese({ lang }) {
  const de = lang === "de";
  return (
    <form>
      <Input name="feld1" label={de ? "Bekannte Allergien" : "Known allergies"} />
      <input type="text" name="feld2" placeholder={de ? "Aktuelle Beschwerden" : "Current complaints"} />
      <input type="text" name="feld3" placeholder={de ? hint.de : "Current complaints"} className={de ? "wide" : "narrow"} />
    </form>
  );
}
"""


def test_a_prop_chosen_between_two_strings_shows_both(tmp_path, db) -> None:
    sites = {s.name: s for s in scan_text(tmp_path, _BILINGUAL, db, "Anamnese.jsx").fields}
    assert sites["feld1"].classification.category == "health", sites
    assert sites["feld2"].texts.get("placeholder") == "Aktuelle Beschwerden / Current complaints", sites
    # A branch that is not a string: what it shows cannot be told, and nothing is read.
    assert "feld3" not in sites or "placeholder" not in sites["feld3"].texts, sites


_MAPPED = """export default function Vorerkrankungen({ lang }) {
  return (
    <form>
      <p>Vorerkrankungen</p>
      {[
        { field: "asthma", labelDe: "Asthma", labelEn: "Asthma" },
        { field: "epilepsie", labelDe: "Epilepsie", labelEn: "Epilepsy" },
      ].map((option) => (
        <label key={option.field}><input type="checkbox" name="vorerkrankung" />{lang === "de" ? option.labelDe : option.labelEn}</label>
      ))}
      {[{ id: 1, size: "S" }, { id: 2, size: "M" }].map((o) => (
        <label key={o.id}><input type="checkbox" name="groesse" /></label>
      ))}
    </form>
  );
}
"""


def test_boxes_mapped_from_an_array_written_in_place_read_its_labels(tmp_path, db) -> None:
    sites = {s.name: s for s in scan_text(tmp_path, _MAPPED, db, "Vorerkrankungen.tsx").fields}
    assert sites["vorerkrankung"].classification.category == "health", sites
    # The mapped box prints its own choice: it reads every choice as its own text, and the question above stays.
    assert "Epilepsie / Epilepsy" in sites["vorerkrankung"].texts.get("options", ""), sites["vorerkrankung"].texts
    assert sites["vorerkrankung"].texts.get("question") == "Vorerkrankungen", sites["vorerkrankung"].texts
    # Objects with no label: no text is made up for their boxes.
    assert "groesse" not in sites, sites


def test_a_label_tables_member_in_a_label_prop_is_its_text(tmp_path, db) -> None:
    source = _FORM.replace(
        '<label><span>{L.meds}</span><textarea onChange={set("medications")} /></label>',
        '<Field label={L.meds}><textarea name="feld4" /></Field>',
    )
    assert "feld4" in source
    sites = {s.name: s for s in scan_text(tmp_path, source, db, "Anamnese.jsx").fields}
    assert sites["feld4"].texts.get("label") == "Aktuelle Medikamente / Current medication", sites
    assert sites["feld4"].classification.category == "health"


def test_mapped_boxes_that_print_nothing_stand_under_the_arrays_texts(tmp_path, db) -> None:
    source = """const CONDITIONS = ["Asthma", "Epilepsie", "Diabetes"];
export default function F() {
  return (<form>{CONDITIONS.map((c) => (<input type="checkbox" key={c} name="cond" value={c} />))}</form>);
}
"""
    sites = {s.name: s for s in scan_text(tmp_path, source, db, "F.jsx").fields}
    # key= and value= use the parameter but print nothing: the array's texts are what the boxes stand under.
    assert sites["cond"].texts.get("question") == "Asthma / Epilepsie / Diabetes", sites["cond"].texts
    assert sites["cond"].classification.category == "health"


_SHADCN = """export function Miembro({ form }) {
  return (
    <Form {...form}>
      <FormField control={form.control} name="q12" render={({ field }) => (
        <FormItem>
          <FormLabel>Enfermedades</FormLabel>
          <FormControl>
            <MultiSelectWithChips options={opciones} value={field.value} onChange={field.onChange} placeholder="Seleccionar..." />
          </FormControl>
        </FormItem>
      )} />
      <FormField control={form.control} name="q13" render={({ field }) => (
        <FormItem>
          <FormLabel>Religión</FormLabel>
          <FormControl>
            <div><ReligionHelp /><Picker value={field.value} /></div>
          </FormControl>
        </FormItem>
      )} />
      <FormControl fullWidth>
        <InputLabel>Diagnóstico</InputLabel>
        <DiagnosisPickerWidget value={dx} />
      </FormControl>
      <FormControl><PregnancyBadge /></FormControl>
    </Form>
  );
}
"""


def test_the_one_child_of_a_form_items_control_slot_is_the_control(tmp_path, db) -> None:
    sites = {s.name: s.classification.category for s in scan_text(tmp_path, _SHADCN, db, "Miembro.tsx").fields}
    # shadcn/ui's <FormControl> hands the field to its one child, whatever component it is: a select by its name.
    assert sites.get("q12") == "health", sites
    # A slot holding markup, not a component; MUI's FormControl (a label and a control, no FormItem); a slot
    # outside a FormItem: no control is made up.
    assert "q13" not in sites and len(sites) == 1, sites


def test_a_projects_own_input_bound_to_a_field_is_that_fields_control(tmp_path, db) -> None:
    form = """export function Aide({ form, setForm }) {
  return (
    <form>
      <FloatInput id="a1" label="Allergies connues" value={form.allergies} onChange={(v) => setForm({ ...form, allergies: v })} />
      <FloatInput id="a2" label="Traitement en cours" />
    </form>
  );
}
"""
    sites = {s.name: s.classification.category for s in scan_text(tmp_path, form, db, "Aide.tsx").fields}
    # Bound to form.allergies: the component is the control its name says, named by what it is bound to.
    assert sites.get("allergies") == "health", sites
    # Bound to nothing and named nothing: whether it is a control cannot be told; it stays out.
    assert len(sites) == 1, sites


def test_a_projects_own_checkbox_spelt_with_a_capital_b_is_a_checkbox(tmp_path, db) -> None:
    # A dating profile's FormCheckBox (a project's wrapper of MUI's Checkbox in another file), given a field name.
    form = """export const About = ({ isChecked, onChange }) => (
  <div>
    <FormCheckBox title="I am looking for" name="sexualOrientation" isChecked={isChecked} label={['Woman', 'Man']} />
    <PhoneTextBox label="Phone" name="phone" />
    <CheckBoxLegend title="Interests" />
  </div>
);
"""
    sites = {s.name: (s.tag, s.texts.get("label"), s.classification.category) for s in scan_text(tmp_path, form, db, "About.js").fields}
    assert sites.get("sexualOrientation") == ("input", "I am looking for", "sex-life"), sites
    assert sites.get("phone", ("",))[0] == "input", sites
    # a component whose name only holds the word (CheckBoxLegend) and is given no field name is no control
    assert set(sites) == {"sexualOrientation", "phone"}, sites


def test_a_components_literal_options_are_its_choices_and_a_type_prop_makes_it_a_select(tmp_path, db) -> None:
    # A parish register's FormInput told type="select" and given options={[{ value, label }]}; a project Select given
    # strings; one given a variable (its choices are not known here).
    form = """export function Member({ data, setData, faiths }) {
  return (
    <form>
      <FormInput id="marriage_type" label="Marriage Type" type="select" value={data.marriage_type}
        onChange={(v) => setData("marriage_type", v)}
        options={[{ value: "civil", label: "Civil Marriage" }, { value: "church", label: "Church Marriage" }]} />
      <CustomSelect name="blood" label="Group" options={["A+", "A-", "B+", "0+"]} />
      <CustomSelect name="faith" label="Choose one" options={faiths} />
      <FormInput id="visit_date" label="Visit date" type="date" value={data.visit_date} onChange={(v) => setData("visit_date", v)} />
    </form>
  );
}
"""
    sites = {s.name: s for s in scan_text(tmp_path, form, db, "Member.tsx").fields}
    assert sites["marriage_type"].tag == "select" and sites["marriage_type"].classification.category == "religion", sites
    assert "Church Marriage" in sites["marriage_type"].texts.get("options", ""), sites["marriage_type"].texts
    # a choice named by nothing sensitive stays out of the report; one of unknown choices is no religion
    assert "faith" not in sites or sites["faith"].classification.category != "religion", sites


_RADIOS = """export default function ChurchDetailsForm({ watch, setValue }) {
  const memberType = watch('churchDetails.memberType');
  const [name, setName] = useState('');
  return (
    <div>
      <h2>Church Details</h2>
      <label>Ministry</label>
      <label><input type="radio" value="Choir" checked={memberType === 'Choir'}
        onChange={() => setValue('churchDetails.ministry', 'Choir')} /> Choir</label>
      <label><input type="radio" value="Ushers" checked={memberType === 'Ushers'}
        onChange={() => { setValue('churchDetails.ministry', 'Ushers'); }} /> Ushers</label>
      <label>Your name<input type="text" value={name} onChange={(e) => setName(e.target.value)} /></label>
    </div>
  );
}
"""


def test_radios_whose_arrow_handler_sets_one_field_are_one_named_group(tmp_path, db) -> None:
    # react-hook-form's setValue('field', value) in an arrow handler names the controls; the two radios are one
    # question's choices. A handler that passes the event's value names nothing (the text input keeps its value's name).
    from analyzer.facts import fieldfacts

    with fieldfacts.every_control("-"):
        fields = scan_text(tmp_path, _RADIOS, db, "ChurchDetailsForm.jsx").fields
    radios = [s for s in fields if s.type == "radio"]
    assert [s.name for s in radios] == ["churchDetails.ministry"], [(s.name, s.texts) for s in fields]
    assert "Choir" in radios[0].texts.get("options", "") and "Ushers" in radios[0].texts.get("options", ""), radios[0].texts
