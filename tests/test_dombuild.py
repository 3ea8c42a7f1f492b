"""Forms built through the DOM (``analyzer/facts/dombuild.py``): ``document.createElement`` and the literals a script
gives the elements' properties are written back as the controls they make, each where its creation stands; what the
script computes is left out, and a script that builds no control gives none."""

from __future__ import annotations

import time

from tests.conftest import every_control, scan_text

_INTAKE = """function buildMedication(container) {
  const question = document.createElement("label");
  question.textContent = "Czy Pacjent przyjmuje leki?";
  container.appendChild(question);

  const yes = document.createElement("input");
  yes.type = "radio";
  yes.name = "leki";
  const labelYes = document.createElement("label");
  labelYes.textContent = "Tak";
  labelYes.prepend(yes);

  const no = document.createElement("input");
  no.setAttribute("type", "radio");
  no.setAttribute("name", "leki");
  const labelNo = document.createElement("label");
  labelNo.append(no, "Nie");

  const details = document.createElement("textarea");
  details.id = "lekiOpis";
  details.placeholder = "Przyjmowane leki wraz z dawkami";
  container.append(labelYes, labelNo, details);
}
"""

_SELECT = """const heading = document.createElement("h2");
heading.innerText = "Dane pacjenta";

const bloodLabel = document.createElement("label");
bloodLabel.htmlFor = "blood";
bloodLabel.textContent = "Grupa krwi";

const blood = document.createElement("select");
blood.id = "blood";
blood.name = "blood";
blood.add(new Option("A Rh+"));
const zero = document.createElement("option");
zero.appendChild(document.createTextNode("0 Rh-"));
blood.appendChild(zero);

const first = document.createElement("input");
first.name = "imie";
first.placeholder = "Imię";
"""

_LOOK_ALIKES = """// A file picker, a search box built from data, and a layout of divs: no question about the visitor.
const picker = document.createElement("input");
picker.type = "file";

const search = document.createElement("input");
search.placeholder = config.searchPlaceholder;
search.name = config.searchName;

const card = document.createElement("div");
card.textContent = "Diagnosis and treatment of depression";
const link = document.createElement("a");
link.textContent = "Read more about HIV testing";
"""


def test_a_radio_question_built_through_the_dom_is_read_with_its_choices(tmp_path, db) -> None:
    found = every_control(tmp_path, _INTAKE, db, "intake.js")
    radios = [s for s in found if s.type == "radio"]  # one group, "leki", reported at its first box
    assert [(s.line, s.box_lines) for s in radios] == [(6, (13,))], found
    leki = radios[0]
    assert leki.classification.category == "health", leki
    assert leki.texts["question"] == "Czy Pacjent przyjmuje leki?" and leki.texts["options"] == "Tak / Nie", leki
    details = next(s for s in found if s.tag == "textarea")
    assert details.line == 19 and details.classification.category == "health", details


def test_a_select_and_its_options_and_a_labelled_input(tmp_path, db) -> None:
    found = {s.name: s for s in every_control(tmp_path, _SELECT, db, "patient.js")}
    assert found.keys() == {"blood", "imie"}, found
    blood = found["blood"]
    assert blood.line == 8 and blood.texts["label"] == "Grupa krwi", blood
    assert blood.texts["options"] == "A Rh+ 0 Rh-" and blood.classification.category == "health", blood
    assert found["imie"].classification.category == "-", found["imie"]


def test_computed_text_a_file_picker_and_divs_give_no_sensitive_control(tmp_path, db) -> None:
    found = every_control(tmp_path, _LOOK_ALIKES, db, "widgets.js")
    assert found == [], found  # the search box's texts are computed: nothing is said of it


def test_a_script_that_creates_too_many_elements_is_read_up_to_the_bound(tmp_path, db) -> None:
    lines = [f'const e{i} = document.createElement("input");\ne{i}.name = "f{i}";' for i in range(6_000)]
    text = "\n".join(lines) + '\nconst last = document.createElement("input");\nlast.placeholder = "Diagnose";\n'
    start = time.perf_counter()
    scanned = scan_text(tmp_path, text, db, "many.js")
    assert time.perf_counter() - start < 30
    assert any(d.code == "analysis-budget" and "through the DOM" in d.message for d in scanned.facts.diagnostics), scanned


def test_reacts_create_element_is_left_to_the_element_call_reader(tmp_path, db) -> None:
    # React.createElement takes its props in the call (read as an element call, once); the DOM reader does not
    # write a second control for it.
    text = """const field = React.createElement("input", { name: "diagnosis", placeholder: "Diagnosis" });
field.name = "other";
const box = document.createElement("input");
box.name = "allergies";
box.placeholder = "Allergies";
"""
    found = every_control(tmp_path, text, db, "fields.js")
    assert sorted((s.line, s.name) for s in found) == [(1, "diagnosis"), (3, "allergies")], found


def test_a_createelement_on_another_document_is_read_once(tmp_path, db) -> None:
    # An iframe's or a node's document creates elements as document does: read by the DOM reader alone, not also as an
    # element call (whose reader had written a second, unnamed control at the same place).
    text = """const doc = frame.contentDocument;
const box = doc.createElement("input");
box.name = "allergies";
box.placeholder = "Allergies";
const other = node.ownerDocument.createElement("textarea");
other.name = "diagnosis";
"""
    found = every_control(tmp_path, text, db, "frame.js")
    assert sorted((s.line, s.name) for s in found) == [(2, "allergies"), (5, "diagnosis")], found


# A card app's helpers (D46): a class whose constructor makes one control from its parameters, and a function that does
# the same for a select, each called with literals; a select filled by a string of options.
_HELPERS = """class Input {
    constructor(type, name, classList, value, placeholder) {
        const input = document.createElement('input')
        input.type = type
        input.className = classList
        if (name) input.name = name
        if (placeholder) input.placeholder = placeholder
        return input
    }
}
function makeSelect(name, prompt, options) {
    const select = document.createElement('select')
    select.setAttribute('name', name)
    const first = document.createElement('option')
    first.innerText = prompt
    select.appendChild(first)
    for (const opt of options) {
        const o = document.createElement('option')
        o.innerText = opt
        select.appendChild(o)
    }
    return select
}
class VisitForm {
    constructor(data) {
        const doctor = makeSelect('doctor', 'Выберите врача', ['Кардиолог', 'Терапевт'])
        const pressure = new Input('text', 'bp', 'form-control', data ? data.bp : null, '* Обычное давление')
        const notes = new Input('text', 'notes', 'form-control', null, null)
        notes.placeholder = 'Комментарии'
        const city = new Input('text', 'city', 'form-control', null, 'Город')
        this.kind = document.createElement('select')
        this.kind.insertAdjacentHTML('beforeend', `<option disabled>Тип визита</option><option>Первичный</option>`)
        this.kind.name = 'kind'
    }
}
"""

# A helper that makes a control from nothing it is given (its parameters set no attribute), and a call given only
# computed values: nothing is said of either control.
_HELPER_LOOK_ALIKES = """function box(parent) {
    const input = document.createElement('input')
    input.className = 'box'
    parent.appendChild(input)
    return input
}
function field(type, name) {
    const input = document.createElement('input')
    input.type = type
    input.name = name
    return input
}
box(document.body)
field(config.type, config.name)
"""


def test_a_helper_that_makes_a_control_from_its_parameters_is_written_at_each_call(tmp_path, db) -> None:
    found = {s.name: s for s in every_control(tmp_path, _HELPERS, db, "forms.js")}
    assert set(found) == {"doctor", "bp", "notes", "city", "kind"}, found  # not the helpers' own controls
    assert found["doctor"].line == 26 and found["doctor"].tag == "select", found["doctor"]
    assert found["doctor"].texts["options"].startswith("Выберите врача Кардиолог"), found["doctor"]
    assert found["bp"].line == 27 and found["bp"].texts["placeholder"] == "* Обычное давление", found["bp"]
    assert found["bp"].classification.category == "health", found["bp"]
    assert found["notes"].texts["placeholder"] == "Комментарии", found["notes"]  # set on the element the call made
    assert found["city"].classification.category == "-", found["city"]
    assert found["kind"].texts["options"] == "Тип визита Первичный", found["kind"]


def test_a_helper_given_nothing_it_sets_or_computed_values_writes_no_control(tmp_path, db) -> None:
    assert every_control(tmp_path, _HELPER_LOOK_ALIKES, db, "helpers.js") == []


# An exam request built through the DOM (D44): each label's text is a member of an object the script declares, and each
# label is created after its control but appended before it to their div; the page shows the label first.
_EXAM = """function render(wrapper) {
    let div = '', label = '', select = '';
    let textLabel = { tipo: 'Tipo de Exame', rec: 'Recomendações' };
    select = document.createElement('select');
    div = document.createElement('div');
    label = document.createElement('label');
    label.textContent = textLabel.tipo;
    div.appendChild(label);
    select.setAttribute('name', 'TipoExame');
    select.add(new Option('Ecocardiograma'));
    div.appendChild(select);
    let textarea = document.createElement('textarea');
    div = document.createElement('div');
    label = document.createElement('label');
    label.textContent = textLabel.rec;
    div.appendChild(label);
    textarea.setAttribute('name', 'recomende');
    div.appendChild(textarea);
    let city = document.createElement('input');
    city.name = 'city';
    label = document.createElement('label');
    label.textContent = textLabel.nothing;
    wrapper.append(city, label);
}
"""


def test_a_label_from_a_constant_created_after_its_control_but_put_before_it(tmp_path, db) -> None:
    found = {s.name: s for s in every_control(tmp_path, _EXAM, db, "solicitar_exame.js")}
    assert found["TipoExame"].line == 4 and found["TipoExame"].texts["label"] == "Tipo de Exame", found["TipoExame"]
    assert found["TipoExame"].classification.category == "health", found["TipoExame"]
    assert found["recomende"].texts["label"] == "Recomendações", found["recomende"]
    # a label appended after its box, and a member the object does not hold, label nothing
    assert "label" not in found["city"].texts, found["city"]
