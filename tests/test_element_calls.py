"""A form built by element calls (analyzer/facts/hyperscript.py): ``h('input', {…})``, ``React.createElement``,
compiled JSX's ``jsx()``, Mithril's selectors, Vue 2's ``attrs`` group. Each control is read where its call stands, with
the label and heading calls around it; look-alikes stay out: the DOM's ``document.createElement('input')`` (its
attributes are set afterwards), an event listener's ``'input'``, a builder handed no tag string."""

from __future__ import annotations

from analyzer.facts import fieldfacts
from tests.conftest import every_control, scan_text

_TAB = """function build() {
  const card = h('section', { class: 'card' }, [
    h('h2', {}, ['Dane podstawowe']),
    h('div', { class: 'field' }, [
      h('label', { class: 'ctl' }, ['Ciśnienie tętnicze (mmHg)']),
      h('input', { type: 'number', id: 'f-cisnienie', 'data-state': 'cisnienie' })
    ]),
    h('div', { class: 'field' }, [
      h('label', { text: 'Ulubiony kolor' }),
      h('input', { type: 'text', id: 'f-kolor', onInput: update })
    ])
  ]);
  const extra = React.createElement('textarea', { name: 'diagnosis', placeholder: 'Diagnosis' });
  const minified = (0, r.jsx)("select", { name: "religion", children: [(0, r.jsx)("option", { children: "Catholic" })] });
  const mithril = m('input#allergies.form-control[type=text][placeholder=Allergies]');
  const vue = h('input', { attrs: { type: 'text', name: 'medication', placeholder: 'Current medication' } });
  const dom = document.createElement('input');
  el.addEventListener('input', onInput);
  return [card, extra, minified, mithril, vue, dom];
}
"""


def _sites(tmp_path, db) -> list:
    return every_control(tmp_path, _TAB, db, "tab1.js")


def test_controls_built_by_element_calls_are_read_where_the_calls_stand(tmp_path, db) -> None:
    by_id = {s.id or s.name: s for s in _sites(tmp_path, db)}
    pressure = by_id["f-cisnienie"]
    assert (pressure.line, pressure.tag, pressure.classification.category) == (6, "input", "health"), pressure
    assert pressure.texts.get("label") == "Ciśnienie tętnicze (mmHg)", pressure.texts
    colour = by_id["f-kolor"]
    assert colour.texts.get("label") == "Ulubiony kolor" and colour.classification.category == "-", colour
    assert (by_id["diagnosis"].tag, by_id["diagnosis"].line, by_id["diagnosis"].classification.category) == ("textarea", 13, "health")
    assert by_id["religion"].tag == "select" and "Catholic" in by_id["religion"].texts.get("options", ""), by_id["religion"]
    assert by_id["religion"].classification.category == "religion", by_id["religion"]
    assert (by_id["allergies"].line, by_id["allergies"].classification.category) == (15, "health"), by_id["allergies"]
    assert by_id["medication"].classification.category == "health", by_id["medication"]


def test_the_doms_create_element_and_an_event_name_are_no_controls(tmp_path, db) -> None:
    lines = sorted(s.line for s in _sites(tmp_path, db))
    assert lines == [6, 10, 13, 14, 15, 16], lines


def test_a_huge_or_deep_call_tree_is_read_in_bounded_time(tmp_path, db) -> None:
    import time

    siblings = "const f = h('form', {}, [\n" + ",\n".join(f"  h('input', {{ name: 'f{i}' }})" for i in range(30_000)) + "\n]);\n"
    deep = "const g =\n" + "h('div', {}, [\n" * 2_000 + "h('input', { name: 'deep' })\n" + "])\n" * 2_000 + ";\n"
    for source in (siblings, deep):
        started = time.perf_counter()
        with fieldfacts.every_control("-"):
            found = scan_text(tmp_path, source, db, "huge.js")
        assert time.perf_counter() - started < 30.0
        # read up to the element budget (siblings), or as deep as the depth bound lets it (the deep input is past it),
        # and said so
        assert len(found.fields) == (19_999 if source is siblings else 0), len(found.fields)
        assert [d.code for d in found.diagnostics] == ["analysis-budget"], found.diagnostics
