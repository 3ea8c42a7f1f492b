"""Form components of UI kits read as the native controls they render (signatures/ui_components.toml): for each
kit, a form written as its documentation writes one, with a sensitive question, is read as the right control,
label and name and classified; a look-alike of the same kit (a same-named component that is no form control, a
language picker, a search box) is not."""

from __future__ import annotations

from pathlib import Path


def _read_controls(path: Path, text: str) -> list:
    """Every control one file gives, classified or not (the scan reports only the sensitive ones)."""
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path.write_text(text, encoding="utf-8")
    with fieldfacts.every_control("-"):
        return analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields


def _by_name(fields: list) -> dict[str, tuple]:
    return {s.name: (s.line, s.tag, s.type, s.texts.get("label"), s.classification.category) for s in fields}


# PrimeNG (primeng.org, v17.primeng.org): reactive forms, each control labelled by <label for> its inputId names;
# the last three lines as found in an Italian booking form.
_PRIMENG = """<form [formGroup]="form" (ngSubmit)="save()">
  <label for="diagnosis">Diagnosi principale</label>
  <p-autoComplete inputId="diagnosis" formControlName="diagnosi" [suggestions]="codes" (completeMethod)="search($event)" />
  <label for="religion">Religione</label>
  <p-dropdown inputId="religion" formControlName="religione" [options]="religioni" optionLabel="nome" placeholder="Seleziona" />
  <label for="dob">Data di nascita</label>
  <p-calendar inputId="dob" formControlName="nascita" dateFormat="dd/mm/yy" />
  <p-checkbox inputId="hiv" formControlName="hiv" [binary]="true" label="Sieropositività HIV" />
  <label for="pin">PIN</label>
  <p-password inputId="pin" formControlName="pin" [feedback]="false" />
  <p-inputmask formControlName="telefono" mask="999 9999999" />
  <p-radiobutton name="durata" value="15" formControlName="durata" />
  <p-inputnumber formControlName="costo" mode="currency" currency="EUR" />
</form>
"""


def test_primeng_components_are_the_controls_they_render(tmp_path: Path) -> None:
    read = _by_name(_read_controls(tmp_path / "prenotazione.component.html", _PRIMENG))
    assert read["diagnosi"] == (3, "input", "text", "Diagnosi principale", "health"), read
    assert read["religione"][1:4] == ("select", "select", "Religione") and read["religione"][4] == "religion", read
    assert read["nascita"][1:4] == ("input", "text", "Data di nascita"), read
    assert read["hiv"][1:3] == ("input", "checkbox") and read["hiv"][4] == "health", read
    assert read["pin"][1:3] == ("input", "password") and read["pin"][4] == "credentials", read
    assert read["telefono"][1] == "input" and read["costo"][1] == "input", read
    assert read["durata"][1:3] == ("input", "radio"), read


def test_an_input_id_ties_the_rendered_control_to_its_label(tmp_path: Path) -> None:
    # The labels stand apart from the controls, in another order: only the inputId the control takes as its id
    # (id_prop) says which label is whose.
    text = (
        '<form [formGroup]="form">\n  <div class="labels">\n    <label for="dx">Diagnosis</label>\n'
        '    <label for="faith">Religion</label>\n  </div>\n  <div class="controls">\n'
        '    <p-inputmask inputId="faith" formControlName="q1" mask="aaaa" />\n'
        '    <p-inputnumber inputId="dx" formControlName="q2" />\n  </div>\n</form>\n'
    )
    read = _by_name(_read_controls(tmp_path / "grid.component.html", text))
    assert read["q1"] == (7, "input", "text", "Religion", "religion"), read
    assert read["q2"] == (8, "input", "text", "Diagnosis", "health"), read


def test_primeng_language_picker_and_search_box_are_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "topbar.component.html",
            '<div class="topbar">\n  <label for="lang">Language</label>\n'
            '  <p-dropdown inputId="lang" [options]="languages" [(ngModel)]="selectedLanguage" optionLabel="name" />\n'
            '  <p-autoComplete [(ngModel)]="query" [suggestions]="results" (completeMethod)="search($event)" placeholder="Search" />\n'
            '  <p-knob [(ngModel)]="volume" />\n</div>\n',
        )
    )
    assert set(read) == {"selectedLanguage", "query"}, read  # a knob holds no text
    assert read["selectedLanguage"][1:4] == ("select", "select", "Language"), read
    assert all(category == "-" for *_, category in read.values()), read


# PrimeVue (primevue.org, v3 and v4 names): v-model, <label for> the inputId.
_PRIMEVUE = """<template>
  <div class="flex flex-col gap-4">
    <label for="allergies">Allergies</label>
    <MultiSelect v-model="form.allergies" inputId="allergies" :options="allergens" optionLabel="name" />
    <label for="ssn">Social security number</label>
    <InputMask id="ssn" v-model="form.ssn" mask="999-99-9999" />
    <RadioButton v-model="form.pregnant" inputId="pregYes" name="pregnant" value="yes" />
    <label for="pregYes">Pregnant</label>
    <ToggleSwitch v-model="form.smoker" inputId="smoker" />
    <label for="smoker">Smoker</label>
    <label for="faith">Religion</label>
    <Listbox v-model="form.faith" inputId="faith" :options="religions" />
  </div>
</template>
"""


def test_primevue_components_are_the_controls_they_render(tmp_path: Path) -> None:
    read = _by_name(_read_controls(tmp_path / "Intake.vue", _PRIMEVUE))
    assert read["allergies"] == (4, "select", "select", "Allergies", "health"), read
    assert read["ssn"][1:4] == ("input", "text", "Social security number") and read["ssn"][4] == "government-id", read
    assert read["pregnant"][1:3] == ("input", "radio") and read["pregnant"][4] == "health", read
    assert read["smoker"][1:3] == ("input", "checkbox"), read
    assert read["faith"][1:4] == ("select", "select", "Religion") and read["faith"][4] == "religion", read


def test_primevue_named_menu_and_calendar_view_are_no_controls(tmp_path: Path) -> None:
    # floating-vue's <Dropdown> is a menu, v-calendar's <Calendar :attributes> a view of dates: bound to no field,
    # they stay wrappers.
    text = (
        '<template>\n  <Dropdown placement="bottom">\n    <button>Account</button>\n'
        '    <template #popper><a href="/profile">Profile</a></template>\n  </Dropdown>\n'
        '  <Calendar :attributes="appointments" expanded />\n</template>\n'
    )
    assert _read_controls(tmp_path / "Menu.vue", text) == []


# PrimeReact (primereact.org): controlled components, <label htmlFor>.
_PRIMEREACT = """import { InputText } from "primereact/inputtext";
import { InputTextarea } from "primereact/inputtextarea";
import { Calendar } from "primereact/calendar";
import { Dropdown } from "primereact/dropdown";
import { RadioButton } from "primereact/radiobutton";
export default function Intake() {
  return (
    <form>
      <label htmlFor="diagnosis">Diagnosis</label>
      <InputText id="diagnosis" value={form.diagnosis} onChange={(e) => set("diagnosis", e.target.value)} />
      <label htmlFor="allergies">Allergies</label>
      <InputTextarea id="allergies" value={form.allergies} onChange={(e) => set("allergies", e.target.value)} rows={5} />
      <label htmlFor="religion">Religion</label>
      <Dropdown inputId="religion" value={form.religion} onChange={(e) => set("religion", e.value)} options={religions} />
      <label htmlFor="dob">Date of birth</label>
      <Calendar inputId="dob" value={form.birthDate} onChange={(e) => set("birthDate", e.value)} />
      <RadioButton inputId="preg" name="pregnant" value="yes" checked={form.pregnant === "yes"} onChange={onPregnant} />
      <label htmlFor="smoker">Do you smoke?</label>
      <SelectButton id="smoker" value={form.smoker} onChange={(e) => set("smoker", e.value)} options={["Yes", "No"]} />
    </form>
  );
}
"""


def test_primereact_components_are_the_controls_they_render(tmp_path: Path) -> None:
    read = _by_name(_read_controls(tmp_path / "Intake.tsx", _PRIMEREACT))
    assert read["diagnosis"] == (10, "input", "text", "Diagnosis", "health"), read
    assert read["allergies"][1:4] == ("textarea", "textarea", "Allergies") and read["allergies"][4] == "health", read
    assert read["religion"][1:4] == ("select", "select", "Religion") and read["religion"][4] == "religion", read
    assert read["birthDate"][1:4] == ("input", "text", "Date of birth"), read
    assert read["pregnant"][1:3] == ("input", "radio"), read
    assert read["smoker"][1:4] == ("select", "select", "Do you smoke?") and read["smoker"][4] == "health", read  # one choice of buttons


def test_same_named_menu_calendar_and_code_editor_are_not_sensitive_fields(tmp_path: Path) -> None:
    # Ant Design's <Dropdown> is a menu and react-big-calendar's <Calendar> a view of events: no controls; Monaco's
    # <Editor> is a text box (as PrimeReact's is) that asks nothing sensitive.
    text = (
        'import { Dropdown } from "antd";\nimport { Calendar } from "react-big-calendar";\n'
        'import Editor from "@monaco-editor/react";\nexport default function Schedule() {\n  return (\n    <div>\n'
        "      <Dropdown menu={{ items }}><a onClick={(e) => e.preventDefault()}>Account</a></Dropdown>\n"
        '      <Calendar localizer={localizer} events={appointments} startAccessor="start" endAccessor="end" />\n'
        '      <Editor height="90vh" defaultLanguage="javascript" defaultValue="// some comment" />\n'
        "    </div>\n  );\n}\n"
    )
    read = _read_controls(tmp_path / "Schedule.tsx", text)
    assert [(s.tag, s.line, s.classification.category) for s in read] == [("textarea", 9, "-")], read


# react-hook-form-mui (react-hook-form-material-ui.vercel.app): each element named and labelled by its props;
# the first line as found in a Czech booking form.
_RHF_MUI = """import { FormContainer, TextFieldElement, SelectElement, PasswordElement } from "react-hook-form-mui";
import { CheckboxElement, RadioButtonGroup } from "react-hook-form-mui";
import { DatePickerElement } from "react-hook-form-mui/date-pickers";
export default function Reservation() {
  return (
    <FormContainer defaultValues={{ reservationNote: "" }} onSuccess={onSubmit}>
      <TextFieldElement name={"reservationNote"} label={"Poznámka pro lékaře"} multiline />
      <SelectElement name="religion" label="Religion" options={[{ id: "1", label: "Catholic" }, { id: "2", label: "Muslim" }]} />
      <PasswordElement name="password" label="Password" required />
      <DatePickerElement name="birthDate" label="Date of birth" />
      <CheckboxElement name="hiv" label="HIV positive" />
      <RadioButtonGroup name="pregnant" label="Are you pregnant?" options={[{ id: "y", label: "Yes" }, { id: "n", label: "No" }]} />
    </FormContainer>
  );
}
"""


def test_react_hook_form_mui_elements_are_the_controls_they_render(tmp_path: Path) -> None:
    fields = _read_controls(tmp_path / "Reservation.tsx", _RHF_MUI)
    read = _by_name(fields)
    # TextFieldElement takes MUI TextField's props: multiline makes it a textarea.
    assert read["reservationNote"] == (7, "textarea", "textarea", "Poznámka pro lékaře", "health"), read
    assert read["religion"] == (8, "select", "select", "Religion", "religion"), read
    assert read["password"][1:3] == ("input", "password") and read["password"][4] == "credentials", read
    assert read["birthDate"][1:4] == ("input", "text", "Date of birth"), read
    assert read["hiv"] == (11, "input", "checkbox", "HIV positive", "health"), read
    # A radio group given its choices by a prop: one radio per choice under its label, read as the question they answer.
    [pregnant] = [s for s in fields if s.name == "pregnant"]
    asked = (pregnant.line, pregnant.type, pregnant.texts.get("question"), pregnant.texts.get("options"))
    assert asked == (12, "radio", "Are you pregnant?", "Yes / No") and pregnant.classification.category == "health", read


def test_react_hook_form_mui_preferences_are_not_sensitive(tmp_path: Path) -> None:
    text = (
        'import { FormContainer, SelectElement, TextFieldElement, SliderElement } from "react-hook-form-mui";\n'
        "export default function Prefs() {\n  return (\n    <FormContainer onSuccess={save}>\n"
        '      <SelectElement name="language" label="Language" options={[{ id: "en", label: "English" }]} />\n'
        '      <TextFieldElement name="nickname" label="Display name" />\n'
        '      <SliderElement name="fontSize" label="Font size" min={10} max={24} />\n'
        "    </FormContainer>\n  );\n}\n"
    )
    read = _by_name(_read_controls(tmp_path / "Prefs.tsx", text))
    assert set(read) == {"language", "nickname"}, read  # a slider holds no text
    assert all(category == "-" for *_, category in read.values()), read


# Web components in a page: Shoelace / Web Awesome (shoelace.style, webawesome.com), Material Web
# (material-web.dev), UI5 Web Components (sap.github.io/ui5-webcomponents).
def test_shoelace_and_web_awesome_controls(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "intake.html",
            '<form action="/intake" method="post">\n'
            '  <sl-input name="diagnosis" label="Diagnosis" required></sl-input>\n'
            '  <sl-select name="religion" label="Religion"><sl-option value="c">Catholic</sl-option>'
            '<sl-option value="m">Muslim</sl-option></sl-select>\n'
            '  <sl-switch name="smoker">Smoker</sl-switch>\n'
            '  <wa-textarea name="symptoms" label="Symptoms"></wa-textarea>\n</form>\n',
        )
    )
    assert read["diagnosis"] == (2, "input", "text", "Diagnosis", "health"), read
    assert read["religion"] == (3, "select", "select", "Religion", "religion"), read
    assert read["smoker"] == (4, "input", "checkbox", "Smoker", "health"), read
    assert read["symptoms"] == (5, "textarea", "textarea", "Symptoms", "health"), read


def test_shoelace_search_box_and_theme_switch_are_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "header.html",
            '<header>\n  <sl-input name="q" type="search" placeholder="Search the docs"></sl-input>\n'
            '  <sl-switch name="dark">Dark mode</sl-switch>\n'
            '  <sl-select name="lang" label="Language"><sl-option value="en">English</sl-option></sl-select>\n</header>\n',
        )
    )
    assert set(read) == {"q", "dark", "lang"} and read["dark"][2] == "checkbox", read
    assert all(category == "-" for *_, category in read.values()), read


def test_material_web_controls(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "intake.html",
            "<form>\n"
            '  <md-outlined-text-field name="allergies" label="Allergies"></md-outlined-text-field>\n'
            '  <label><md-checkbox name="diabetes" touch-target="wrapper"></md-checkbox> Diabetes</label>\n'
            '  <md-filled-select name="blood" label="Blood type">\n'
            '    <md-select-option value="a"><div slot="headline">A</div></md-select-option>\n'
            "  </md-filled-select>\n</form>\n",
        )
    )
    assert read["allergies"] == (2, "input", "text", "Allergies", "health"), read
    assert read["diabetes"][1:3] == ("input", "checkbox") and read["diabetes"][4] == "health", read
    assert read["blood"][1:4] == ("select", "select", "Blood type"), read


def test_material_web_look_alikes_are_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "settings.html",
            '<form>\n  <md-outlined-select name="unit" label="Units">\n'
            '    <md-select-option value="km"><div slot="headline">Kilometres</div></md-select-option>\n'
            '  </md-outlined-select>\n  <label>Notifications <md-switch name="notify"></md-switch></label>\n</form>\n',
        )
    )
    assert read["unit"][1] == "select" and read["notify"][2] == "checkbox", read
    assert all(category == "-" for *_, category in read.values()), read


def test_ui5_web_components_controls(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "intake.html",
            "<form>\n"
            '  <ui5-label for="med" show-colon>Current medication</ui5-label>\n'
            '  <ui5-input id="med" name="medication"></ui5-input>\n'
            '  <ui5-checkbox name="asthma" text="Asthma"></ui5-checkbox>\n'
            '  <ui5-textarea name="history" accessible-name="Psychiatric history"></ui5-textarea>\n</form>\n',
        )
    )
    assert read["medication"] == (3, "input", "text", "Current medication", "health"), read
    assert read["asthma"] == (4, "input", "checkbox", "Asthma", "health"), read
    assert read["history"][1:4] == ("textarea", "textarea", "Psychiatric history") and read["history"][4] == "health", read


def test_ui5_look_alikes_are_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "filter.html",
            '<div>\n  <ui5-label for="city">City</ui5-label>\n  <ui5-input id="city" name="city"></ui5-input>\n'
            '  <ui5-checkbox name="remember" text="Remember me"></ui5-checkbox>\n</div>\n',
        )
    )
    assert read["city"][3] == "City" and read["remember"][3] == "Remember me", read
    assert all(category == "-" for *_, category in read.values()), read


# Vue kits: Buefy / Oruga (buefy.org, oruga-ui.com), Vuestic (ui.vuestic.dev).
def test_buefy_and_oruga_fields_label_their_controls(tmp_path: Path) -> None:
    read = _read_controls(
        tmp_path / "Intake.vue",
        "<template>\n  <section>\n"
        '    <b-field label="Religion">\n      <b-select v-model="form.religion" placeholder="Select one">\n'
        '        <option value="c">Catholic</option>\n        <option value="m">Muslim</option>\n      </b-select>\n    </b-field>\n'
        '    <b-switch v-model="form.smoker">Smoker</b-switch>\n'
        '    <o-field label="Allergies"><o-input v-model="form.allergies" /></o-field>\n'
        "  </section>\n</template>\n",
    )
    read = _by_name(read)
    assert read["religion"] == (4, "select", "select", "Religion", "religion"), read
    assert read["smoker"] == (9, "input", "checkbox", "Smoker", "health"), read
    assert read["allergies"] == (10, "input", "text", "Allergies", "health"), read


def test_buefy_search_field_is_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Search.vue",
            '<template>\n  <b-field label="Search">\n    <b-input v-model="query" type="search" icon="magnify" />\n'
            '  </b-field>\n  <b-checkbox v-model="exact">Exact match</b-checkbox>\n</template>\n',
        )
    )
    assert read["query"][1:4] == ("input", "search", "Search") and read["exact"][2] == "checkbox", read
    assert all(category == "-" for *_, category in read.values()), read


def test_vuestic_controls_are_labelled_by_their_label(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Intake.vue",
            "<template>\n  <va-form>\n"
            '    <va-textarea v-model="form.symptoms" label="Symptoms" />\n'
            '    <va-switch v-model="form.smoker" label="Smoker" />\n'
            '    <va-radio v-model="form.sex" name="pregnant" option="yes" label="Pregnant" />\n'
            "  </va-form>\n</template>\n",
        )
    )
    assert read["symptoms"] == (3, "textarea", "textarea", "Symptoms", "health"), read
    assert read["smoker"] == (4, "input", "checkbox", "Smoker", "health"), read
    assert read["pregnant"][1:4] == ("input", "radio", "Pregnant") and read["pregnant"][4] == "health", read


def test_vuestic_theme_switch_is_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Settings.vue",
            '<template>\n  <va-switch v-model="dark" label="Dark theme" />\n'
            '  <va-select v-model="locale" label="Language" :options="locales" />\n</template>\n',
        )
    )
    assert read["dark"][1:4] == ("input", "checkbox", "Dark theme") and read["locale"][1] == "select", read
    assert all(category == "-" for *_, category in read.values()), read


# Angular kits: ng-zorro-antd (ng.ant.design), Nebular (akveo.github.io/nebular), Kendo UI for Angular
# (telerik.com/kendo-angular-ui).
def test_ng_zorro_controls_and_form_labels(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "intake.component.html",
            '<form nz-form [formGroup]="form">\n  <nz-form-item>\n'
            '    <nz-form-label nzFor="religion">Religion</nz-form-label>\n    <nz-form-control>\n'
            '      <nz-select id="religion" formControlName="religion">\n'
            '        <nz-option nzValue="c" nzLabel="Catholic"></nz-option>\n'
            '        <nz-option nzValue="m" nzLabel="Muslim"></nz-option>\n'
            "      </nz-select>\n    </nz-form-control>\n  </nz-form-item>\n"
            "  <nz-form-item>\n    <nz-form-label>Week of pregnancy</nz-form-label>\n"
            '    <nz-form-control><nz-input-number formControlName="weight"></nz-input-number></nz-form-control>\n'
            "  </nz-form-item>\n</form>\n",
        )
    )
    assert read["religion"] == (5, "select", "select", "Religion", "religion"), read
    assert read["weight"][1:4] == ("input", "text", "Week of pregnancy") and read["weight"][4] == "health", read


def test_ng_zorro_language_select_is_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "header.component.html",
            "<nz-form-item>\n  <nz-form-label>Language</nz-form-label>\n"
            '  <nz-form-control><nz-select formControlName="language"><nz-option nzValue="en" nzLabel="English">'
            "</nz-option></nz-select></nz-form-control>\n</nz-form-item>\n"
            '<nz-switch formControlName="compact"></nz-switch>\n',
        )
    )
    assert read["language"][1:4] == ("select", "select", "Language") and read["compact"][2] == "checkbox", read
    assert all(category == "-" for *_, category in read.values()), read


def test_nebular_controls_are_labelled_by_their_text(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "intake.component.html",
            '<form [formGroup]="form">\n'
            '  <nb-select placeholder="Blood type" formControlName="bloodType"><nb-option value="a">A</nb-option></nb-select>\n'
            '  <nb-checkbox formControlName="hiv">HIV positive</nb-checkbox>\n'
            '  <nb-toggle formControlName="pregnant">Pregnant</nb-toggle>\n</form>\n',
        )
    )
    assert read["bloodType"][1] == "select" and read["bloodType"][4] == "health", read
    assert read["hiv"] == (3, "input", "checkbox", "HIV positive", "health"), read
    assert read["pregnant"] == (4, "input", "checkbox", "Pregnant", "health"), read


def test_nebular_newsletter_toggle_is_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "footer.component.html",
            '<nb-toggle [(ngModel)]="newsletter">Send me the newsletter</nb-toggle>\n'
            '<nb-select placeholder="Theme" [(ngModel)]="theme"><nb-option value="dark">Dark</nb-option></nb-select>\n',
        )
    )
    assert read["newsletter"][1:3] == ("input", "checkbox") and read["theme"][1] == "select", read
    assert all(category == "-" for *_, category in read.values()), read


def test_kendo_angular_controls_and_labels(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "intake.component.html",
            '<form [formGroup]="form">\n  <kendo-formfield>\n'
            '    <kendo-label [for]="diagnosis" text="Diagnosis"></kendo-label>\n'
            '    <kendo-textbox #diagnosis formControlName="diagnosis"></kendo-textbox>\n  </kendo-formfield>\n'
            '  <kendo-label text="Allergies"><kendo-textarea formControlName="allergies"></kendo-textarea></kendo-label>\n'
            '  <kendo-switch formControlName="smoker"></kendo-switch>\n</form>\n',
        )
    )
    assert read["diagnosis"] == (4, "input", "text", "Diagnosis", "health"), read
    assert read["allergies"] == (6, "textarea", "textarea", "Allergies", "health"), read
    assert read["smoker"][1:3] == ("input", "checkbox"), read


def test_kendo_angular_search_box_is_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "toolbar.component.html",
            '<kendo-label text="Search"><kendo-textbox [(ngModel)]="query"></kendo-textbox></kendo-label>\n'
            '<kendo-dropdownlist [data]="pageSizes" [(ngModel)]="pageSize"></kendo-dropdownlist>\n',
        )
    )
    assert read["query"][3] == "Search" and read["pageSize"][1] == "select", read
    assert all(category == "-" for *_, category in read.values()), read


# JSX kits whose form components share the generic names (HeroUI / NextUI: heroui.com/docs/components; Semantic UI
# React: react.semantic-ui.com, Form.Input → Input) or add their own (Fluent UI React v8: ChoiceGroup, ComboBox,
# SpinButton; KendoReact: DropDownList, ComboBox, NumericTextBox, MaskedTextBox).
def test_heroui_controls_are_labelled_by_their_label_or_text(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Intake.tsx",
            'import { Input, Select, SelectItem, Checkbox, RadioGroup, Radio } from "@heroui/react";\n'
            "export default function Intake() {\n  return (\n    <form>\n"
            '      <Input label="Diagnosis" name="diagnosis" />\n'
            '      <Select label="Religion" name="religion"><SelectItem key="c">Catholic</SelectItem></Select>\n'
            '      <Checkbox name="hiv">HIV positive</Checkbox>\n'
            '      <RadioGroup label="Are you pregnant?" name="pregnant">'
            '<Radio value="y">Yes</Radio><Radio value="n">No</Radio></RadioGroup>\n'
            "    </form>\n  );\n}\n",
        )
    )
    assert read["diagnosis"] == (5, "input", "text", "Diagnosis", "health"), read
    assert read["religion"] == (6, "select", "select", "Religion", "religion"), read
    assert read["hiv"][1:3] == ("input", "checkbox") and read["hiv"][4] == "health", read
    assert read["pregnant"][1:3] == ("input", "radio") and read["pregnant"][4] == "health", read


def test_heroui_search_and_newsletter_are_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Nav.tsx",
            'import { Input, Switch } from "@heroui/react";\nexport const Nav = () => (\n  <nav>\n'
            '    <Input label="Search" name="q" type="search" />\n    <Switch name="newsletter">Newsletter</Switch>\n  </nav>\n);\n',
        )
    )
    assert set(read) == {"q", "newsletter"}, read
    assert all(category == "-" for *_, category in read.values()), read


def test_semantic_ui_form_shorthands_are_their_controls(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Intake.tsx",
            'import { Form } from "semantic-ui-react";\nexport const Intake = () => (\n  <Form>\n'
            '    <Form.Input label="Diagnosis" name="diagnosis" />\n'
            '    <Form.Select label="Religion" name="religion" options={religions} />\n'
            '    <Form.TextArea label="Symptoms" name="symptoms" />\n  </Form>\n);\n',
        )
    )
    assert read["diagnosis"] == (4, "input", "text", "Diagnosis", "health"), read
    assert read["religion"] == (5, "select", "select", "Religion", "religion"), read
    assert read["symptoms"] == (6, "textarea", "textarea", "Symptoms", "health"), read


def test_semantic_ui_menu_dropdown_is_no_control(tmp_path: Path) -> None:
    text = (
        'import { Dropdown } from "semantic-ui-react";\nexport const Menu = () => (\n'
        '  <Dropdown text="File">\n    <Dropdown.Menu>\n      <Dropdown.Item text="New" />\n'
        "    </Dropdown.Menu>\n  </Dropdown>\n);\n"
    )
    assert _read_controls(tmp_path / "Menu.tsx", text) == []


def test_fluent_ui_choice_group_and_combo_box(tmp_path: Path) -> None:
    read = _read_controls(
        tmp_path / "Intake.tsx",
        'import { ChoiceGroup, ComboBox, SpinButton } from "@fluentui/react";\nexport const Intake = () => (\n  <form>\n'
        '    <ChoiceGroup label="Are you pregnant?" options={yesNo} selectedKey={form.pregnant} onChange={onPregnant} />\n'
        '    <ComboBox label="Allergies" options={allergens} selectedKey={form.allergies} />\n'
        '    <SpinButton label="Cigarettes per day" value={form.cigarettes} />\n  </form>\n);\n',
    )
    read = _by_name(read)
    assert read["pregnant"] == (4, "input", "radio", "Are you pregnant?", "health"), read
    assert read["allergies"] == (5, "select", "select", "Allergies", "health"), read
    assert read["cigarettes"][1:4] == ("input", "text", "Cigarettes per day"), read


def test_fluent_ui_look_alikes_are_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Settings.tsx",
            'import { ChoiceGroup, SpinButton } from "@fluentui/react";\nexport const Settings = () => (\n  <div>\n'
            '    <ChoiceGroup label="Theme" options={themes} selectedKey={settings.theme} />\n'
            '    <SpinButton label="Font size" value={settings.fontSize} />\n  </div>\n);\n',
        )
    )
    assert set(read) == {"theme", "fontSize"}, read
    assert all(category == "-" for *_, category in read.values()), read


def test_kendo_react_controls_are_labelled_by_their_label(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Intake.tsx",
            'import { DropDownList, ComboBox } from "@progress/kendo-react-dropdowns";\n'
            'import { MaskedTextBox } from "@progress/kendo-react-inputs";\nexport const Intake = () => (\n  <form>\n'
            '    <DropDownList label="Religion" name="religion" data={religions} />\n'
            '    <ComboBox label="Allergies" name="allergies" data={allergens} />\n'
            '    <MaskedTextBox label="Social security number" name="ssn" mask="000-00-0000" />\n  </form>\n);\n',
        )
    )
    assert read["religion"] == (5, "select", "select", "Religion", "religion"), read
    assert read["allergies"] == (6, "select", "select", "Allergies", "health"), read
    assert read["ssn"] == (7, "input", "text", "Social security number", "government-id"), read


def test_kendo_react_pager_size_is_not_sensitive(tmp_path: Path) -> None:
    read = _by_name(
        _read_controls(
            tmp_path / "Pager.tsx",
            'import { DropDownList } from "@progress/kendo-react-dropdowns";\n'
            'import { NumericTextBox } from "@progress/kendo-react-inputs";\nexport const Pager = () => (\n  <div>\n'
            '    <DropDownList label="Rows per page" name="pageSize" data={[10, 20, 50]} />\n'
            '    <NumericTextBox label="Page" name="page" />\n  </div>\n);\n',
        )
    )
    assert read["pageSize"][1] == "select" and read["page"][1] == "input", read
    assert all(category == "-" for *_, category in read.values()), read


_CARBON = """import { TextInput, RadioButtonGroup, RadioButton, Tile } from '@carbon/react';
import { InputSwitch } from 'primereact/inputswitch';
export const Intake = ({ form }) => (
  <form>
    <TextInput id="dx" labelText="Current diagnosis" value={form.dx} />
    <RadioButtonGroup legendText="Do you smoke?" name="smoker">
      <RadioButton labelText="Yes" value="yes" id="s1" />
      <RadioButton labelText="No" value="no" id="s2" />
    </RadioButtonGroup>
    <label htmlFor="preg">Pregnant</label>
    <InputSwitch inputId="preg" checked={form.pregnant} />
    <Tile labelText="Diagnosis">Our clinic</Tile>
  </form>
);
"""


def test_carbon_label_text_and_primereact_input_id(tmp_path: Path) -> None:
    # Carbon labels its controls by labelText and a radio group by legendText (the group's question, its radios named
    # by the group); PrimeReact's inputId is the rendered control's id, which a <label htmlFor> names.
    read = {f.name: (f.line, f.texts, f.classification.category) for f in _read_controls(tmp_path / "Intake.jsx", _CARBON)}
    assert read["dx"][1].get("label") == "Current diagnosis" and read["dx"][2] == "health", read
    line, texts, category = read["smoker"]
    assert line == 7 and texts.get("question") == "Do you smoke?" and category == "health", read
    assert read["pregnant"][1].get("id") == "preg" and read["pregnant"][2] == "health", read
    # A Carbon Tile is no control, whatever its props say.
    assert set(read) == {"dx", "smoker", "pregnant"}, read


def test_dsfr_and_nuxt_ui_components_and_a_prefixed_project_library(tmp_path: Path) -> None:
    # vue-dsfr's DsfrInputGroup / DsfrCheckboxSet (legend), Nuxt UI's URadioGroup (legend), and a school software's own
    # library (<svws-ui-text-input placeholder :model-value>, <svws-ui-input-number>) bound by Vue 3's :model-value.
    sfc = (
        "<template>\n"
        '  <DsfrInputGroup name="precisionDeficiences" label="Précisions sur les déficiences" :model-value="p" />\n'
        '  <DsfrCheckboxSet v-model="allergies" name="allergies" legend="Allergies connues" :options="opts" />\n'
        '  <URadioGroup v-model="faith" legend="Konfession" :items="items" />\n'
        '  <svws-ui-text-input placeholder="Abmeldung vom Religionsunterricht" :model-value="data.religionabmeldung" />\n'
        '  <svws-ui-input-number placeholder="Zuzugsjahr" :model-value="data.zuzugsjahr" />\n'
        '  <svws-ui-card title="Religion" :model-value="data.card" />\n'
        "</template>\n"
    )
    read = _by_name(_read_controls(tmp_path / "Form.vue", sfc))
    assert read["precisionDeficiences"][1:4] == ("input", "text", "Précisions sur les déficiences"), read
    assert read["allergies"][2] == "checkbox" and read["allergies"][4] == "health", read
    assert read["faith"][2] == "radio" and read["faith"][4] == "religion", read
    assert read["religionabmeldung"][4] == "religion" and read["zuzugsjahr"][1] == "input", read
    assert "card" not in read, read  # a card shown a value is no control


def test_nuxt_ui_s_form_field_labels_the_input_it_holds_and_is_no_control_itself(tmp_path: Path) -> None:
    # <UFormField label name> (UFormGroup before Nuxt UI 3) around a <UInput>: one control, the input, labelled by the
    # field, though the field's name ends like a project's "…Field" component (D46's patient file).
    sfc = (
        '<template>\n  <UForm :state="s">\n'
        '    <UFormField label="Allergies connues" name="allergies">\n'
        '      <UInput v-model="s.allergies" placeholder="ex : pénicilline" />\n    </UFormField>\n'
        '    <UFormGroup label="Traitement en cours" name="treatment"><UTextarea v-model="s.treatment" /></UFormGroup>\n'
        '    <UFormField label="Ville" name="city"><UInput v-model="s.city" /></UFormField>\n'
        "  </UForm>\n</template>\n"
    )
    fields = _read_controls(tmp_path / "new.vue", sfc)
    got = sorted((s.line, s.tag, s.texts.get("label"), s.classification.category) for s in fields)
    assert got == [
        (4, "input", "Allergies connues", "health"),
        (6, "textarea", "Traitement en cours", "health"),
        (7, "input", "Ville", "-"),
    ], got


def test_a_vue_component_bound_by_a_prop_and_its_update_event(tmp_path: Path) -> None:
    # A project's <CheckBox :checked="x" @input="$emit('update:x', $event)">: the prop and the event that hands its new
    # value back are a two-way binding (Vue's v-model on a component), so the box is an input named by the prop.
    sfc = (
        "<template>\n"
        '  <CheckBox :checked="liegtBehinderungVor" @input="$emit(\'update:liegtBehinderungVor\', $event)">\n'
        "    Bei meinem Kind liegt eine Behinderung vor\n  </CheckBox>\n"
        '  <CheckBox :checked="rollstuhl" @change="$emit(\'update:rollstuhl\', $event)">Rollstuhlnutzung</CheckBox>\n'
        '  <AnswerField :checked="diabetes" @update:checked="(v) => $emit(\'update:diabetes\', v)" label="Diabetes" />\n'
        '  <SummaryField :checked="diabetesShown" label="Diabetes" />\n'
        '  <StatusBadge :checked="allergyShown">Allergie</StatusBadge>\n'
        "</template>\n"
    )
    read = _by_name(_read_controls(tmp_path / "Behinderung.vue", sfc))
    assert read["liegtBehinderungVor"][:3] == (2, "input", "checkbox") and read["liegtBehinderungVor"][4] == "health", read
    assert read["rollstuhl"][4] == "health", read
    # A generic "…Field" is an input only when bound both ways; shown a value, it is a display, as is a badge.
    assert read["diabetes"][4] == "health", read
    assert "diabetesShown" not in read and "allergyShown" not in read, read


def test_a_formik_wrapper_named_by_field_name(tmp_path: Path) -> None:
    jsx = (
        'export const P = ({ formik }) => (\n  <form>\n    <SelectField\n      fieldName="bloodType"\n'
        '      fieldValue={formik.values.bloodType}\n      label="Gruppo sanguigno"\n      options={options.bloodType}\n'
        "    />\n  </form>\n);\n"
    )
    read = _by_name(_read_controls(tmp_path / "P.tsx", jsx))
    assert read["bloodType"][1:2] == ("select",) and read["bloodType"][4] == "health", read


def test_a_control_named_by_the_validation_error_it_shows(tmp_path: Path) -> None:
    # AWS Amplify Studio's generated forms name an uncontrolled TextAreaField only through its error props
    # (errorMessage={errors.x?.errorMessage}); react-hook-form with MUI often so too (helperText={errors.x?.message}).
    text = (
        'export default function PatientHistoryCreateForm({ overrides }) {\n  return (\n    <Grid as="form">\n'
        '      <TextAreaField\n        label="Briefly describe your presenting symptoms *"\n'
        "        onChange={(e) => { let { value } = e.target; }}\n"
        "        errorMessage={errors.ph_present_symptoms?.errorMessage}\n"
        "        hasError={errors.ph_present_symptoms?.hasError}\n"
        '        {...getOverrideProps(overrides, "ph_present_symptoms")}\n      ></TextAreaField>\n'
        '      <SwitchField label="ALLERGY to any medication? *" onChange={(e) => {}} hasError={!!formState.errors["ph_allergy"]} />\n'
        '      <MyInput label="Nickname" error={Boolean(errors.nickname)} helperText={errors.nickname?.message} />\n'
        '      <MyInput label="Anything else" helperText="Optional" />\n'
        "    </Grid>\n  );\n}\n"
    )
    read = _by_name(_read_controls(tmp_path / "PatientHistoryCreateForm.jsx", text))
    assert read["ph_present_symptoms"][:2] == (4, "textarea") and read["ph_present_symptoms"][4] == "health", read
    assert read["ph_allergy"][0] == 11 and read["ph_allergy"][4] == "health", read
    assert read["nickname"][:3] == (12, "input", "text"), read
    assert len(read) == 3, read  # a component given no field name nor bound to one stays a wrapper


def test_a_project_s_selector_bound_to_a_field_is_a_choice(tmp_path: Path) -> None:
    # A therapy intake's <HulpvragenSelector value={formData.hulpvragen} …> under its step's heading; a selector bound to
    # nothing (a page's theme switch) stays a wrapper.
    text = (
        "export const Step = () => (\n  <div>\n    <h3>Select Your Areas of Concern</h3>\n"
        "    <HulpvragenSelector value={formData.hulpvragen} onChange={setHulpvragen}\n"
        '      placeholder="Select the areas you\'d like to work on..." />\n'
        "    <ThemeSelector />\n  </div>\n);\n"
    )
    read = _by_name(_read_controls(tmp_path / "IntakeForm.tsx", text))
    assert set(read) == {"hulpvragen"} and read["hulpvragen"][:2] == (4, "select"), read


def test_a_project_s_field_array_given_a_name_and_a_label_is_a_control(tmp_path: Path) -> None:
    # A clinical record's <AdministrationsFieldArray name="oral" label="Orale" /> (a list of the drugs given by that
    # route); Formik's own <FieldArray name="friends" render={…} /> writes its controls through its render prop.
    text = (
        "export const AddPatientForm = () => (\n  <form>\n"
        '    <AdministrationsFieldArray {...{ control, register }} name="intravenous" label="Endovena" />\n'
        '    <FieldArray name="friends" render={(helpers) => <input name="friends.0" aria-label="Friend" />} />\n'
        "  </form>\n);\n"
    )
    read = _by_name(_read_controls(tmp_path / "AddPatientForm.js", text))
    assert read["intravenous"][:2] == (3, "input"), read
    assert "friends" not in read and "friends.0" in read, read
