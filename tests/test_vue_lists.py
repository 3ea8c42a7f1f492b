"""Vue's v-for over a list its own script writes (analyzer/facts/vfor.py): a select's options one per item, and a
form built from a list of field definitions one control per definition. Look-alikes: a list the script fetches
(no literal) leaves the element as written, and a repeated menu gives no control."""

from __future__ import annotations

from pathlib import Path

_SFC = """<template>
  <form>
    <label for="rel">Religion</label>
    <select id="rel" v-model="form.religion">
      <option v-for="r in religions" :key="r" :value="r">{{ r }}</option>
    </select>
    <label>Blutgruppe</label>
    <select v-model="form.blood">
      <option v-for="b in bloodTypes" :key="b.value" :value="b.value">{{ b.label }}</option>
    </select>
    <div v-for="(f, i) in fields" :key="f.name">
      <label :for="f.name">{{ f.label }}</label>
      <input :id="f.name" v-model="form[f.name]" />
    </div>
    <select v-model="form.clinic"><option v-for="c in clinics" :key="c.id">{{ c.name }}</option></select>
    <nav><a v-for="l in links" :key="l.href" :href="l.href">{{ l.text }}</a></nav>
  </form>
</template>
<script setup>
import { ref } from 'vue'
const religions = ['Katholisch', 'Evangelisch', 'Muslimisch', 'Keine']
const bloodTypes = ref([{ value: 'a', label: 'A+' }, { value: 'b', label: 'B+' }])
const fields = [{ name: 'diagnosis', label: 'Diagnose' }, { name: 'allergies', label: 'Allergien' }]
const clinics = ref(await fetchClinics())
const links = [{ href: '/', text: 'Start' }, { href: '/kontakt', text: 'Kontakt' }]
</script>
"""


def _read_controls(path: Path, text: str) -> list:
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path.write_text(text, encoding="utf-8")
    with fieldfacts.every_control("-"):
        return analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields


def test_v_for_over_a_scripts_list_renders_one_option_or_control_per_item(tmp_path: Path) -> None:
    read = {s.name: (s.line, s.tag, s.texts, s.classification.category) for s in _read_controls(tmp_path / "Intake.vue", _SFC)}
    assert read["religion"][2]["options"] == "Katholisch Evangelisch Muslimisch Keine" and read["religion"][3] == "religion"
    assert read["blood"][2]["options"] == "A+ B+", read
    # One control per field definition, named by its path and labelled by its own label, at the repeated line.
    assert read["diagnosis"][:2] == (13, "input") and read["diagnosis"][2]["label"] == "Diagnose" and read["diagnosis"][3] == "health"
    assert read["allergies"][2]["label"] == "Allergien", read
    # A fetched list is not a literal: the option keeps its template text; a repeated menu is no control.
    assert read["clinic"][2]["options"] == "{{ c.name }}", read
    assert set(read) == {"religion", "blood", "diagnosis", "allergies", "clinic"}, read


def test_a_long_list_is_written_up_to_its_bound() -> None:
    from analyzer.facts import vfor
    from analyzer.parse import htmldoc

    page = htmldoc.parse('<select v-model="x"><option v-for="o in opts">{{ o }}</option></select>')
    vfor.expand(page.root, {"opts": [f"Item {i}" for i in range(200)]})
    options = [o.text for o in page.root.iter("option")]
    assert len(options) == 60 and options[0] == "Item 0" and options[-1] == "Item 59"


def test_the_text_after_a_repeated_element_stays_once() -> None:
    from analyzer.facts import vfor
    from analyzer.parse import htmldoc

    page = htmldoc.parse('<p><span v-for="x in xs">{{ x }}</span> after</p>')
    vfor.expand(page.root, {"xs": ["a", "b"]})
    assert " ".join(next(page.root.iter("p")).itertext()).split() == ["a", "b", "after"]


def test_a_large_repeated_block_is_bounded_by_the_elements_it_copies() -> None:
    from analyzer.facts import vfor
    from analyzer.parse import htmldoc

    block = "".join(f"<span>{i}</span>" for i in range(499))  # 500 elements with its div
    page = htmldoc.parse(f'<form><div v-for="x in xs">{block}<input :name="x"></div></form>')
    vfor.expand(page.root, {"xs": [f"f{i}" for i in range(60)]})
    assert len(list(page.root.iter("input"))) == 3  # 3 copies of 501 elements fit in the page's 2,000


_AS_CONST = """<script setup lang="ts">
const sections = [
  { key: 'reason_for_visit', label: 'Motif de consultation' },
  { key: 'diagnosis_assessment', label: 'Diagnostic et évaluation' },
] as const;
const kinds = ['Dossier', 'Rendez-vous'] satisfies string[];
</script>
<template>
  <div v-for="section in sections" :key="section.key">
    <label :for="section.key">{{ section.label }}</label>
    <textarea :id="section.key" v-model="form[section.key]"></textarea>
  </div>
</template>
"""


def test_a_typescript_list_written_as_const_is_read_as_its_array(tmp_path: Path) -> None:
    # "[…] as const" (and "satisfies"): a TypeScript cast around the literal, the list a consultation form's
    # boxes are written from (the retired twenty-ninth set's EncounterForm.vue read one box labelled "{{ section.label }}")
    from analyzer.facts import vfor
    from analyzer.parse import jsparse
    from analyzer.parse.jsfacts import Program
    from analyzer.parse.sfc import script_blocks

    lists = vfor.arrays([Program(jsparse.parse(p)) for p in script_blocks(_AS_CONST, "Encounter.vue")])
    assert [i["label"] for i in lists["sections"] if isinstance(i, dict)] == ["Motif de consultation", "Diagnostic et évaluation"]
    assert lists["kinds"] == ["Dossier", "Rendez-vous"]
    found = {s.name: s.classification.category for s in _read_controls(tmp_path / "Encounter.vue", _AS_CONST)}
    assert found == {"reason_for_visit": "health", "diagnosis_assessment": "health"}, found
