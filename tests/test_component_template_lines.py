"""Lines and controls of component templates. A self-closed textarea (``<Textarea v-model="…" />``, shadcn-vue's and
PrimeVue's, Svelte's ``<textarea bind:value={…} />``): the HTML parser reads a textarea's content as raw text up to the
next ``</textarea>``, so such a box swallowed the controls after it and moved the ones it did not swallow. Each is now
read with its end tag (``jsxmarkup._closed_textareas``), at its own line. Only component templates are written so: an
HTML page is read as it was. And a value printed over several lines keeps the lines of what follows it
(``rendered.marked``)."""

from __future__ import annotations

from pathlib import Path

from analyzer.facts import rendered
from analyzer.facts.jsxmarkup import _closed_textareas
from tests.conftest import every_control

_WORKSPACE = """<script setup lang="ts">
import { Textarea } from '@/components/ui/textarea';
</script>

<template>
  <h3>Visite médicale</h3>
  <div class="grid gap-1.5">
    <Label
      class="text-brand"
      >Motif de visite</Label
    ><Textarea
        v-model="consultationForm.motif"
        rows="5"
        :disabled="!canEdit"
        placeholder="Saisir motif de visite…"
    />
  </div>
  <div class="grid gap-1.5">
    <Label>Diagnostic</Label
    ><Textarea v-model="consultationForm.diagnostic" rows="5" />
  </div>
  <div class="grid gap-1.5">
    <label for="religion">Religion</label>
    <input id="religion" v-model="consultationForm.religion">
  </div>
</template>
"""


def test_each_self_closed_textarea_is_one_box_and_the_controls_after_it_are_read(tmp_path: Path, db) -> None:
    found = {f.name: (f.line, f.classification.category) for f in every_control(tmp_path, _WORKSPACE, db, "Workspace.vue")}
    assert found.get("diagnostic") == (20, "health"), found  # the box after the first, at its own line
    assert found.get("religion") == (24, "religion"), found  # and a native control after both
    assert found.get("motif", (0,))[0] == 11, found


def test_a_tag_over_several_lines_gives_its_indentation_for_its_end_tag(db) -> None:
    text = '<div>\n  <Textarea\n        v-model="a"\n        rows="5"\n    />\n  <input name=b>'
    closed = _closed_textareas(text)
    assert closed.endswith("></textarea>\n  <input name=b>") and len(closed) == len(text)
    assert closed.count("\n") == text.count("\n")
    # its "/>" indented deeper than the end tag needs: blanks keep the length
    deep = '<Textarea\n  v-model="a"\n                              />\n<input name=b>'
    assert len(_closed_textareas(deep)) == len(deep) and _closed_textareas(deep).endswith("\n<input name=b>")


def test_one_written_on_one_line_moves_the_rest_of_its_line_only(db) -> None:
    text = '<Textarea v-model="a" /><input name=b>\n<p>after</p>'
    closed = _closed_textareas(text)
    assert closed.startswith('<Textarea v-model="a"></textarea><input name=b>\n')
    assert closed.split("\n")[1] == "<p>after</p>"


def test_a_textarea_with_its_end_tag_and_a_slash_in_a_value_are_left_as_written(db) -> None:
    text = '<textarea name="x" placeholder="a/b"></textarea><textarea :title="a > b/">x</textarea>'
    assert _closed_textareas(text) == text


_PRINTED_OVER_LINES = """<template>
  <p class="truncate">
    <span class="font-mono">{{
        patient.patient_number
    }}</span>
  </p>
  <label for="dx">Diagnostic</label>
  <input id="dx" v-model="form.diagnostic">
</template>
"""


def test_a_value_printed_over_several_lines_keeps_the_lines_after_it(tmp_path: Path, db) -> None:
    # rendered.marked stands a printed personal value in with a marker of the same length; its line breaks are kept,
    # or every control after a three-line {{ … }} was reported two lines up
    assert rendered.marked("a{{\n x.ssn\n }}b", [(1, 14)]).count("\n") == 2
    found = {f.name: f.line for f in every_control(tmp_path, _PRINTED_OVER_LINES, db, "Patient.vue")}
    assert found.get("diagnostic") == 8, found
