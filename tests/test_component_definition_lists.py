"""A single-file component's field definitions (Vue, Svelte): read where they stand when the component hands them to a
renderer (vue-form-generator's schema, a project's generic form component), in its template when it maps them itself."""

from __future__ import annotations

from tests.conftest import controls_by_name

_SVELTE = """<script>
	import { get } from 'svelte/store';
	import { t } from '$lib/i18n';
	import FormWrapper from './FormWrapper.svelte';
	export const fieldSchema = [
		{
			titre: 'Identification',
			fields: [
				{ id: 'niss', name: 'niss', inputType: 'text', titre: get(t)('form.patient', 'label.niss') },
				{ id: 'adresse', name: 'adresse', inputType: 'text', titre: get(t)('shared', 'address') },
				{ id: 'diagnostic', name: 'diagnostic', inputType: 'textarea', titre: 'Diagnostic médical' },
			],
		},
	];
</script>

<FormWrapper formSchema={{ fields: fieldSchema }} />
"""

_SCHEMA_VUE = """<template>
  <vue-form-generator :schema="schema" :model="model" />
</template>
<script>
export default {
  data() {
    return {
      model: {},
      schema: {
        fields: [
          { type: "input", inputType: "text", label: "Diagnosis", model: "diagnosis" },
          { type: "input", inputType: "email", label: "E-mail", model: "email" },
        ],
      },
    };
  },
};
</script>
"""

_MAPPED_VUE = """<template>
  <form>
    <div v-for="f in fields" :key="f.name">
      <label>{{ f.label }}</label>
      <input :name="f.name" :type="f.type" />
    </div>
  </form>
</template>
<script>
export default {
  data() {
    return { fields: [{ name: "diagnosis", label: "Diagnosis", type: "text" }, { name: "email", label: "Email", type: "email" }] };
  },
};
</script>
"""


def test_a_svelte_components_definitions_handed_to_a_renderer_are_read(tmp_path, db) -> None:
    # "titre" labels a definition; get(t)(namespace, key) is svelte/store's read of the translation function.
    sites = controls_by_name(tmp_path, _SVELTE, db, "PatientForm.svelte")
    assert {k: (s.line, s.classification.category) for k, s in sites.items()} == {
        "niss": (9, "government-id"),
        "adresse": (10, "contact"),
        "diagnostic": (11, "health"),
    }, sites
    assert sites["adresse"].texts.get("label") == "address", sites["adresse"].texts


def test_a_vue_form_generator_schema_is_read(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _SCHEMA_VUE, db, "Intake.vue")
    assert {k: (s.line, s.classification.category) for k, s in sites.items()} == {
        "diagnosis": (11, "health"),
        "email": (12, "contact"),
    }, sites


def test_a_list_the_template_maps_is_read_there_once(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _MAPPED_VUE, db, "Form.vue")
    assert {k: s.line for k, s in sites.items()} == {"diagnosis": 5, "email": 5}, sites


def test_a_wordpress_translation_call_given_a_text_domain_is_its_text(tmp_path, db) -> None:
    # __('Diagnosis', 'my-plugin'): the text, then the plugin's text domain (not a namespace and a key).
    text = (
        "import { __ } from '@wordpress/i18n';\nexport const fields = [\n"
        "  { name: 'dx', label: __('Diagnosis', 'my-plugin'), type: 'text' },\n"
        "  { name: 'mail', label: __('Email', 'my-plugin'), type: 'email' },\n];\n"
    )
    sites = controls_by_name(tmp_path, text, db, "fields.js")
    assert sites["dx"].texts.get("label") == "Diagnosis" and sites["dx"].classification.category == "health", sites


def test_a_translation_calls_default_value_is_shown_only_where_no_catalogue_holds_the_key(tmp_path, db) -> None:
    # i18next's t(key, defaultValue): the catalogue's text for the key where one holds it, else the default.
    (tmp_path / "src/locales").mkdir(parents=True)
    (tmp_path / "src/locales/en.json").write_text('{"profile": {"q7": "Sexual orientation"}}', encoding="utf-8")
    form = (
        'import Script from "next/script";\n'
        'export const Hj = () => <Script src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6" />;\n'
        "export const fields = [\n"
        "  { name: 'q7', label: t('profile.q7', 'Question seven'), type: 'text' },\n"
        "  { name: 'q9', label: t('profile.q9', 'Your religion'), type: 'text' },\n];\n"
    )
    (tmp_path / "src/ProfileForm.jsx").write_text(form, encoding="utf-8")
    from analyzer.scan import ScanOptions, run

    found = {r.field.name: r.field.classification.category for r in run(ScanOptions(paths=(str(tmp_path),))).fields}
    assert found == {"q7": "sex-life", "q9": "religion"}, found
