"""Pug templates (``.pug``, ``.jade``, a Vue component's ``<template lang="pug">``) read as the HTML they render, each
control at its own line (``analyzer.parse.pug``): tags with ``.class`` / ``#id`` shorthands and an implied div, attribute
lists (commas or blanks, quoted values, bare boolean attributes, over several lines, Vue's bindings), inline and piped
text, text blocks, block expansion, comments, mixins, includes, conditionals, loops and case, interpolation and output.
Look-alikes (a commented-out control, a control's Pug written as text of a script or a text block) are no controls, and
malformed input is read quickly, without an exception."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from analyzer.parse import pug
from analyzer.parse.templates import OUTPUT_FILL
from analyzer.read.discover import classify
from tests.conftest import FIXTURES, every_control, scan_file, scan_text, site_fields

DATA = FIXTURES / "pug"


def _lines(text: str) -> list[str]:
    out = pug.html(text)
    assert out is not None
    assert out.count("\n") == text.count("\n")
    return out.split("\n")


# -- the converter, construct by construct -----------------------------------------------------------------------------


def test_tags_shorthands_and_implied_div() -> None:
    lines = _lines("#page.wrap\n  input#dx.form-control.wide(type='text' name='dx')\n  p.lead Hello\n")
    assert lines[0] == '<div class="wrap" id="page">'
    assert lines[1] == '<input class="form-control wide" id="dx" type="text" name="dx">'
    assert lines[2] == '<p class="lead">Hello</p></div>'


def test_attributes_commas_blanks_booleans_and_expressions() -> None:
    lines = _lines(
        "input(type=\"checkbox\", name='hiv' checked disabled=false value=user ? user.hiv : '' data-n=3)\n"
        "a(href=`/p/${id}` class={active: on}) Link\n"
    )
    printed = OUTPUT_FILL * len("user ? user.hiv : ''")
    assert lines[0] == f'<input type="checkbox" name="hiv" checked value="{printed}" data-n="3">'
    assert lines[1].startswith('<a href="/p/') and lines[1].endswith(">Link</a>")


def test_vue_bindings_stay_attributes() -> None:
    line = _lines('v-text-field(v-model="form.dx" :label="\'Diagnosis\'" @click.stop="open()" #default="{ item }")\n')[0]
    assert line == '<v-text-field v-model="form.dx" :label="\'Diagnosis\'" @click.stop="open()" #default="{ item }"></v-text-field>'


def test_multi_line_attribute_list_opens_on_its_first_line() -> None:
    lines = _lines('form\n  textarea(\n    name="notes",\n    rows="3"\n  ) Notes\n  p after\n')
    assert lines[1] == '<textarea name="notes" rows="3">'
    assert lines[2] == lines[3] == ""
    assert lines[4] == "Notes</textarea>"
    assert lines[5] == "<p>after</p></form>"


def test_template_string_over_several_lines() -> None:
    lines = _lines('div\n  input(name="meta" data-json=`\n    {"a": "b)"}\n  `)\n  textarea(name="notes")\n')
    assert lines[1].startswith('<input name="meta" data-json="')
    assert lines[4] == '<textarea name="notes"></textarea></div>'


def test_text_forms_and_block_expansion() -> None:
    lines = _lines("label\n  | Religion\nli: a(href='/x') Go\np.\n  Some #{who} text\n  #[strong bold] end\n")
    assert lines[1] == "Religion</label>"
    assert lines[2] == '<li><a href="/x">Go</a></li>'
    assert lines[3] == "<p>"
    assert lines[4] == f"  Some {OUTPUT_FILL * 3} text"
    assert lines[5] == "  <strong>bold</strong> end</p>"


def test_output_is_written_as_template_output() -> None:
    lines = _lines("h2= title\np!= raw\n= csrf\n")
    assert lines == [f"<h2>{OUTPUT_FILL * 5}</h2>", f"<p>{OUTPUT_FILL * 3}</p>", OUTPUT_FILL * 4, ""]


def test_keywords_comments_mixins_and_includes_write_no_tag() -> None:
    text = (
        "extends layout\ninclude partials/head\nmixin row(x)\n  td= x\nblock content\n  if a\n    p A\n  else if b\n    p B\n"
        "  each x in xs\n    +row(x)\n  case k\n    when 1: p One\n    default\n      p Other\n  //- p hidden\n  //\n    p hidden too\n"
        "  - var y = 1\n  -\n    p not markup\n"
    )
    lines = _lines(text)
    assert [n for n, line in enumerate(lines) if line] == [3, 6, 8, 12, 14]
    assert lines[12] == "<p>One</p>"
    assert "hidden" not in "".join(lines) and "not markup" not in "".join(lines)


def test_references_name_pug_files() -> None:
    refs = pug.references("extends ../layout\ninclude:markdown-it notes.md\ninclude 'partials/form'\n")
    assert [(r.kind, r.name) for r in refs] == [("extends", "../layout.pug"), ("include", "notes.md"), ("include", "partials/form.pug")]


def test_component_template_is_written_in_place() -> None:
    text = '<template lang="pug">\n  div\n    input(v-model="x")\n</template>\n<script>\nexport default {}\n</script>\n'
    out = pug.component(text)
    assert out is not None
    assert out.split("\n")[2] == '<input v-model="x"></div>'
    assert out.endswith("</template>\n<script>\nexport default {}\n</script>\n")


# -- end to end: every control at its line -----------------------------------------------------------------------------

_INTAKE_LINES = {
    "diagnosis": (19, "health"),
    "hiv": (21, "health"),
    "religion": (24, "religion"),
    "medication": (30, "health"),
    "allergies": (32, "health"),
    "partner_sexuality": (34, "sex-life"),
    "therapy_goal": (36, "health"),
    "ethnicity": (38, "racial-ethnic"),
    "union": (44, "union"),
}


def test_every_construct_reads_its_controls_at_their_lines(db) -> None:
    result = scan_file(DATA / "intake.pug", db)
    found = {f.name: (f.line, f.classification.category) for f in result.fields}
    for name, want in _INTAKE_LINES.items():
        assert found.get(name) == want, (name, found)
    assert found["religion"][0] == 24
    by_name = {f.name: f for f in result.fields}
    assert by_name["diagnosis"].texts["label"] == "Current diagnosis"
    assert by_name["diagnosis"].texts["legend"] == "Your health"
    assert by_name["ethnicity"].texts["placeholder"] == "Ethnic origin"
    assert result.page_topic is not None and result.page_topic.line == 11  # h1 Psychotherapy intake
    assert not [d for d in result.diagnostics if d.code in ("internal-error", "analysis-budget")]


def test_look_alikes_are_no_controls(tmp_path: Path, db) -> None:
    names = {f.name for f in every_control(tmp_path, (DATA / "intake.pug").read_text(encoding="utf-8"), db, name="intake.pug")}
    assert not names & {"commented_out", "block_comment", "in_text_block", "in_script"}
    text = (
        "//- input(type='text' name='religion')\n"
        "script.\n"
        "  var tpl = \"input(type='text' name='diagnosis')\";\n"
        "p.\n"
        "  input(type='text' name='ethnicity') is how Pug writes it\n"
        "style.\n"
        "  input { color: red }\n"
    )
    assert every_control(tmp_path, text, db, name="lookalike.pug") == []


def test_jade_suffix_and_discovery(tmp_path: Path, db) -> None:
    assert classify(Path("views/a.pug")) == classify(Path("views/a.jade")) == "template"
    text = "form\n  label(for='r') Religion\n  select#r(name='religion')\n    option Catholic\n"
    found = every_control(tmp_path, text, db, name="a.jade")
    assert [(f.name, f.line) for f in found] == [("religion", 3)]


def test_vue_component_with_pug_template(db) -> None:
    result = scan_file(DATA / "Anamnesis.vue", db)
    found = {f.name: (f.line, f.classification.category) for f in result.fields}
    assert found == {"religion": (6, "religion"), "diagnosis": (8, "health"), "pregnant": (10, "health"), "medication": (12, "health")}
    by_name = {f.name: f for f in result.fields}
    assert by_name["religion"].texts["options"] == "Catholic Muslim Jewish"  # v-for over the script's list
    assert by_name["diagnosis"].texts["label"] == "Diagnosis"


def test_vue_component_with_jade_template(tmp_path: Path, db) -> None:
    text = '<template lang="jade">\n  form\n    label Religion\n    select(v-model="user.religion")\n      option Catholic\n</template>\n'
    found = every_control(tmp_path, text, db, name="Profile.vue")
    assert [(f.name, f.line, f.classification.category) for f in found] == [("religion", 4, "religion")]


def test_a_view_extending_a_recorded_layout_is_recorded(tmp_path: Path) -> None:
    layout = (
        "doctype html\nhtml\n  head\n    title Clinic\n"
        '    script(async src="https://cdn.mouseflow.com/projects/0a1b2c3d.js")\n  body\n    block content\n'
    )
    view = 'extends layout\n\nblock content\n  form\n    label(for="dx") Diagnosis\n    textarea#dx(name="diagnosis")\n'
    fields = site_fields(tmp_path, {"views/layout.pug": layout, "views/intake.pug": view})
    assert fields == {"diagnosis": ("health", 6, "Diagnosis")}


def test_recorders_are_still_found_by_the_text_scan(tmp_path: Path, db) -> None:
    text = 'html\n  head\n    script(async src="https://cdn.mouseflow.com/projects/0a1b2c3d.js")\n'
    result = scan_text(tmp_path, text, db, name="layout.pug")
    assert [(d.vendor, d.location.line, d.verdict.mechanism) for d in result.detections] == [("mouseflow", 3, "text-scan")]


# -- malformed input ---------------------------------------------------------------------------------------------------


def _timed(tmp_path: Path, db, text: str | bytes, name: str = "bad.pug"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    result = scan_file(path, db)
    return result, time.perf_counter() - start


def test_unclosed_parenthesis_over_ten_thousand_lines(tmp_path: Path, db) -> None:
    text = "form\n  input(type='text', name='religion'\n" + "".join(f"    data-x{i}='v' flag\n" for i in range(10_000))
    result, took = _timed(tmp_path, db, text)
    assert took < 10
    assert not [d for d in result.diagnostics if d.code == "internal-error"]
    assert [(f.name, f.line) for f in result.fields] == [("religion", 2)]  # the list read as ending with its line


def test_every_line_unclosed_gives_up_with_a_diagnostic(tmp_path: Path, db) -> None:
    text = "".join(f"{' ' * (i % 5)}input(type='text{i}' name=(x\n" for i in range(10_000))
    assert pug.html(text) is None
    result, took = _timed(tmp_path, db, text)
    assert took < 10
    assert [d.code for d in result.diagnostics] == ["analysis-budget"]
    assert result.fields == ()


def test_tabs_and_spaces_mixed(tmp_path: Path, db) -> None:
    text = "form\n\tlabel(for='r') Religion\n  \tselect#r(name='religion')\n\t\t  option Catholic\n" + "".join(
        ("\t" * (i % 4) if i % 2 else " " * (i % 7)) + f"div.c{i}(x='1') text\n" for i in range(5_000)
    )
    result, took = _timed(tmp_path, db, text)
    assert took < 10
    assert not [d for d in result.diagnostics if d.code == "internal-error"]
    assert ("religion", 3) in [(f.name, f.line) for f in result.fields]


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(1, 256)) * 800,  # no NUL byte: read as (lossy) text
        b"form\n  input(type='text' name='x')\x00\n" * 100,  # NUL bytes: binary
        ("p #[" * 20_000 + "\n" + "p #{" * 20_000 + "\n" + "(" * 50_000 + "\na(" + "[" * 50_000 + "\n").encode(),
    ],
    ids=["high-bytes", "nul-bytes", "brackets"],
)
def test_binary_and_bracket_soup(data: bytes, tmp_path: Path, db) -> None:
    result, took = _timed(tmp_path, db, data)
    assert took < 10
    assert not [d for d in result.diagnostics if d.code == "internal-error"]


def test_a_large_file_converts_in_linear_time() -> None:
    block = (
        "section.card\n  h2 Section\n  form(action='/s', method='post')\n    label(for='f') Field #[em required]\n"
        "    input#f(type='text', name='field', placeholder='Value #{n}' required)\n    if show\n      select(name='c')\n"
        "        each o in opts\n          option(value=o)= o\n    //- input(type='text' name='dead')\n    p.\n      Some #{n} text\n"
    )
    small, large = block * 200, block * 4_000
    start = time.perf_counter()
    assert pug.html(small) is not None
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    out = pug.html(large)
    t_large = time.perf_counter() - start
    assert out is not None and out.count("<input") == 4_000
    assert t_large < max(40 * t_small, 0.5) * 1.5
