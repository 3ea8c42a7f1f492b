"""Faults an independent review found in the forty-sixth session's readers (dombuild's helpers, labels and constants;
string markup's questionnaire items; fieldlists leaving them to it; template wrappers), each reproduced before its
mend: a helper never called by its plain name keeps its control, a banner's markup is no newsletter box's label, a box's
own trailing label is not the next control's, a select's options come from the loop that adds options, a help text
that names a tag drops no definition, a grid column's filter template takes no title, a Vue component's questionnaire
keeps its items, a choice group given its options by a prop stays a control, and a script that creates thousands of
controls in one function is read in bounded time."""

from __future__ import annotations

import time
from pathlib import Path

from analyzer.scan import ScanOptions, run
from tests.conftest import every_control

_EXPORTED = """export function createEmailField(name) {
  const label = document.createElement('label');
  label.textContent = 'Your e-mail address';
  const input = document.createElement('input');
  input.type = 'email';
  input.name = name;
  input.placeholder = 'you@example.com';
  label.appendChild(input);
  document.getElementById('signup').appendChild(label);
  return input;
}
"""

_BANNER = """const templates = {
  banner: '<div class="banner">Free HIV testing this week at our clinic</div>',
  newsletter: '<input type="email" name="newsletter" placeholder="Subscribe">',
};
document.getElementById('top').innerHTML = templates.banner;
document.getElementById('foot').innerHTML = templates.newsletter;
"""

_BOX_LABEL = """const form = document.createElement('div');
const hiv = document.createElement('input');
hiv.type = 'checkbox';
hiv.name = 'hiv_test';
const notes = document.createElement('input');
notes.type = 'text';
notes.name = 'nickname';
notes.placeholder = 'Nickname';
const hivLabel = document.createElement('label');
hivLabel.textContent = 'I have had an HIV test';
form.appendChild(hiv);
form.appendChild(hivLabel);
form.appendChild(notes);
document.body.appendChild(form);
"""

_SELECT_CLASSES = """function makeSelect(name, choices, classes) {
  const select = document.createElement('select');
  select.name = name;
  choices.forEach((c) => {
    const o = document.createElement('option');
    o.textContent = c;
    select.appendChild(o);
  });
  classes.forEach((c) => select.classList.add(c));
  document.body.appendChild(select);
  return select;
}
makeSelect('blood_type', ['A+', 'A-', 'B+', 'O-'], ['form-control', 'wide']);
"""

_HELP_TEXT = """export const fields = [
  { name: 'full_name', label: 'Full name', type: 'text', required: true },
  { name: 'diagnosis', label: 'Primary diagnosis', type: 'select', options: ['Diabetes', 'Asthma', 'Hypertension'],
    help: 'Pick one value in the <select> list; leave the <input> below empty if unsure.' },
  { name: 'email', label: 'Email', type: 'email', required: true },
];
"""

_GRID = """$("#grid").jsGrid({
  fields: [
    { name: "patient", type: "text", title: "Patient" },
    { name: "hiv_status", type: "select", title: "HIV status", items: ["Positive", "Negative", "Unknown"],
      filterTemplate: '<select class="filter"></select>' },
  ],
});
"""

_QUIZ_VUE = """<template>
  <div>
    <div v-for="q in questions" :key="q.id">
      <p>{{ q.question }}</p>
      <div v-html="q.rep"></div>
    </div>
  </div>
</template>
<script>
export default {
  data() {
    return {
      questions: [
        { id: 1, question: 'Fumez-vous ?', rep: '<input type=radio name=fume value=oui> Oui <input type=radio name=fume value=non> Non' },
        { id: 2, question: 'Êtes-vous enceinte ?', rep: '<input type=radio name=enc value=o> Oui <input type=radio name=enc value=n> Non' },
      ],
    };
  },
};
</script>
"""

_GROUPS_VUE = """<template>
  <b-form>
    <b-form-group label="Do you smoke?">
      <b-form-radio-group v-model="form.smoker" :options="smokeOptions" name="smoker"></b-form-radio-group>
    </b-form-group>
    <el-checkbox-group v-model="form.conditions" name="conditions">
      <el-checkbox label="Diabetes"></el-checkbox>
      <el-checkbox label="Asthma"></el-checkbox>
    </el-checkbox-group>
    <v-radio-group v-model="form.pregnant" label="Are you pregnant?" name="pregnant">
      <v-radio label="Yes" value="yes"></v-radio>
      <v-radio label="No" value="no"></v-radio>
    </v-radio-group>
  </b-form>
</template>
<script>
export default {
  data() {
    return { form: { smoker: null, conditions: [], pregnant: null },
      smokeOptions: [{ text: 'Yes', value: 'yes' }, { text: 'No', value: 'no' }] };
  },
};
</script>
"""


def _read(tmp_path, text: str, db, name: str) -> dict[str, tuple]:
    return {
        s.name: (
            s.tag,
            s.type,
            s.texts.get("label") or s.texts.get("question") or "",
            s.texts.get("options", ""),
            s.classification.category,
        )
        for s in every_control(tmp_path, text, db, name)
    }


def test_a_helper_never_called_by_its_name_keeps_its_own_control(tmp_path, db) -> None:
    read = every_control(tmp_path, _EXPORTED, db, "form.js")
    assert [(s.type, s.texts.get("label")) for s in read] == [("email", "Your e-mail address")], read


def test_a_banner_s_markup_is_no_newsletter_box_s_label(tmp_path, db) -> None:
    read = _read(tmp_path, _BANNER, db, "widgets.js")
    assert read["newsletter"][4] == "contact" and "HIV" not in read["newsletter"][2], read


def test_a_box_s_own_label_after_it_is_not_the_next_control_s(tmp_path, db) -> None:
    read = _read(tmp_path, _BOX_LABEL, db, "build.js")
    assert read["nickname"][4] == "-" and read["nickname"][2] == "", read


def test_a_helper_select_s_options_come_from_the_loop_that_adds_options(tmp_path, db) -> None:
    assert _read(tmp_path, _SELECT_CLASSES, db, "sel.js")["blood_type"][3] == "A+ A- B+ O-"


def test_a_help_text_naming_a_tag_drops_no_definition(tmp_path, db) -> None:
    read = _read(tmp_path, _HELP_TEXT, db, "fields.js")
    assert read["diagnosis"][:3] == ("select", "select", "Primary diagnosis") and read["diagnosis"][4] == "health", read


def test_a_grid_column_s_filter_template_takes_no_title(tmp_path, db) -> None:
    read = every_control(tmp_path, _GRID, db, "cols.js")
    assert sorted(s.name for s in read if s.classification.category == "health") == ["hiv_status"], read
    assert {"patient", "hiv_status"} <= {s.name for s in read}, read


def test_a_vue_component_s_questionnaire_keeps_its_items(tmp_path, db) -> None:
    read = every_control(tmp_path, _QUIZ_VUE, db, "Quiz.vue")
    assert {s.classification.category for s in read} == {"health"} and len(read) == 2, read


def test_a_choice_group_given_its_options_by_a_prop_stays_a_control(tmp_path, db) -> None:
    read = _read(tmp_path, _GROUPS_VUE, db, "Survey.vue")
    assert read["smoker"][1] == "radio" and read["smoker"][4] == "health", read


def test_thousands_of_controls_built_in_one_function_are_read_in_bounded_time(tmp_path: Path) -> None:
    body = "\n".join(
        f"  const i{n} = document.createElement('input');\n  i{n}.name = 'f{n}';\n  i{n}.placeholder = T.k{n};" for n in range(3000)
    )
    keys = ", ".join(f"k{n}: 'Label {n}'" for n in range(3000))
    (tmp_path / "big.js").write_text(f"const T = {{ {keys} }};\nfunction build(root) {{\n{body}\n}}\n", encoding="utf-8")
    start = time.perf_counter()
    run(ScanOptions(paths=(str(tmp_path),)))
    assert time.perf_counter() - start < 20
