"""A project's own section, card or panel component in a template shows its title over the controls it holds
(``template_components._section_titles``, ``section_title_props`` in signatures/ui_components.toml, as JSX's
``<SectionCard title="…">``): Angular's ``[title]="'…'"``, Vue's ``title="…"`` and ``:title="'…'"``, Svelte's and
Blade's components, PrimeVue's ``legend``. Look-alikes: a native element's title (a tooltip), a component that holds no
control, a title bound to an expression."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import every_control


def _notes(tmp_path: Path, db, text: str, name: str) -> tuple[str, str]:
    found = {f.name: f.classification for f in every_control(tmp_path, text, db, name)}
    c = found["notes"]
    return c.category, c.context


_SECTIONS = {
    "angular": (
        "intake.component.html",
        """<form [formGroup]="form">
  <app-section-form [title]="'Medical History'" formGroupName="history">
    <label>Notes</label><textarea formControlName="notes"></textarea>
  </app-section-form>
</form>""",
    ),
    "vue": (
        "Intake.vue",
        """<template><form>
  <SectionCard title="Antecedentes médicos">
    <label>Notas</label><textarea v-model="f.notes" name="notes"></textarea>
  </SectionCard>
</form></template>""",
    ),
    "vue-bound": (
        "Intake.vue",
        """<template><form>
  <base-panel :title="'Anamnèse'">
    <label>Remarques</label><textarea v-model="f.notes" name="notes"></textarea>
  </base-panel>
</form></template>""",
    ),
    "primevue-legend": (
        "Intake.vue",
        """<template><form>
  <p-fieldset legend="Krankengeschichte">
    <label>Bemerkungen</label><textarea v-model="f.notes" name="notes"></textarea>
  </p-fieldset>
</form></template>""",
    ),
    "svelte": (
        "Intake.svelte",
        """<form>
  <Section heading="Historia clínica">
    <label>Notas</label><textarea bind:value={notes} name="notes"></textarea>
  </Section>
</form>""",
    ),
    "blade": (
        "intake.blade.php",
        """<form method="post">
  <x-card title="Medical history">
    <label>Notes</label><textarea name="notes"></textarea>
  </x-card>
</form>""",
    ),
}


@pytest.mark.parametrize("case", _SECTIONS)
def test_a_section_components_title_is_the_heading_of_the_controls_it_holds(tmp_path: Path, db, case: str) -> None:
    name, text = _SECTIONS[case]
    category, context = _notes(tmp_path, db, text, name)
    assert category == "health", (case, category, context)
    assert context.startswith("heading"), context


_NOT_SECTIONS = {
    "tooltip-on-a-native-element": """<template><form>
  <div title="Medical history">
    <label>Notes</label><textarea v-model="f.notes" name="notes"></textarea>
  </div>
</form></template>""",
    "a-bound-expression": """<template><form>
  <SectionCard :title="section.name">
    <label>Notes</label><textarea v-model="f.notes" name="notes"></textarea>
  </SectionCard>
</form></template>""",
    "a-component-with-no-control": """<template><form>
  <InfoBox title="Medical history" />
  <label>Notes</label><textarea v-model="f.notes" name="notes"></textarea>
</form></template>""",
}


@pytest.mark.parametrize("case", _NOT_SECTIONS)
def test_a_tooltip_an_expression_or_an_empty_component_is_no_heading(tmp_path: Path, db, case: str) -> None:
    category, context = _notes(tmp_path, db, _NOT_SECTIONS[case], "Notes.vue")
    assert category != "health", (case, context)


def test_a_title_bound_with_v_bind_is_read_as_the_short_form_is(tmp_path: Path, db) -> None:
    text = """<template><form>
  <base-panel v-bind:title="'Antecedentes médicos'">
    <label>Notas</label><textarea v-model="f.notes" name="notes"></textarea>
  </base-panel>
</form></template>"""
    assert _notes(tmp_path, db, text, "Intake.vue")[0] == "health"


def test_a_translated_title_is_read_as_a_translated_label_is(tmp_path: Path, db) -> None:
    # :title="$t('sections.medical_history')": the key's words, as a bound label's translated literal (TemplateKit.literal).
    text = """<template><form>
  <base-panel :title="$t('sections.medical_history')">
    <label>Notes</label><textarea v-model="f.notes" name="notes"></textarea>
  </base-panel>
</form></template>"""
    assert _notes(tmp_path, db, text, "Intake.vue")[0] == "health"
