"""A component that wraps a native control and renders its label from a ``label`` prop (docs/fields.md, the
``label`` row of "What the classifier reads"): Ant Design's ``<Form.Item label="Allergies"><Input /></Form.Item>``,
a project's own ``<Field label="Naam"><input …/></Field>``, a Blade component ``<x-form-group label=…>``, a Vue or
Svelte wrapper ``<FormRow label=…>``. The prop names the one control (or the one choice group) inside; a wrapper
around several controls names none of them, and an ``<option label>`` is the option's own text."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc
from tests.conftest import scan_text

_FILES = {
    "Intake.tsx": (
        "import { Form, Input } from 'antd';\nexport default function Intake() {\n  return (<Form>\n"
        '<Form.Item label="Bekannte Allergien" name="feld1"><Input /></Form.Item>\n'
        '<Field label="Aktuelle Diagnose"><input className="input" value={p.feld2} onChange={(e) => set(e.target.value)} /></Field>\n'
        "</Form>);\n}\n"
    ),
    "Intake.vue": (
        '<template>\n<form>\n<form-row label="Bekannte Allergien"><input v-model="form.feld1" /></form-row>\n'
        '<form-row label="Aktuelle Diagnose"><textarea v-model="form.feld2"></textarea></form-row>\n</form>\n</template>\n'
    ),
    "Intake.svelte": (
        '<form>\n<FormRow label="Bekannte Allergien"><input bind:value={feld1} name="feld1" /></FormRow>\n'
        '<FormRow label="Aktuelle Diagnose"><textarea name="feld2"></textarea></FormRow>\n</form>\n'
    ),
    "intake.blade.php": (
        '<form method="post">@csrf\n<x-form-group label="Bekannte Allergien"><input name="feld1" /></x-form-group>\n'
        '<x-form-group label="Aktuelle Diagnose"><textarea name="feld2"></textarea></x-form-group>\n</form>\n'
    ),
    "intake.html": (
        '<form>\n<my-field label="Bekannte Allergien"><input name="feld1" /></my-field>\n'
        '<my-field label="Aktuelle Diagnose"><textarea name="feld2"></textarea></my-field>\n</form>\n'
    ),
}


@pytest.mark.parametrize("name", sorted(_FILES))
def test_a_wrappers_label_prop_labels_its_control(tmp_path: Path, db, name: str) -> None:
    found = {s.name: s for s in scan_text(tmp_path, _FILES[name], db, name).fields}
    assert found.get("feld1") is not None and found["feld1"].classification.category == "health", found
    assert found.get("feld2") is not None and found["feld2"].classification.category == "health", found
    assert found["feld1"].texts.get("label") == "Bekannte Allergien"


def _texts(db, html: str) -> dict[str, dict[str, str]]:
    page = htmldoc.parse(html)
    return {c.texts.get("name", ""): c.texts for c in fieldfacts._controls(page, page.root, False, db.field_context)}


def test_a_wrapper_asks_its_choice_groups_question(db) -> None:
    html = (
        '<form><div label="Vorerkrankungen"><label><input type="checkbox" name="vor" value="d" /> Diabetes</label>'
        '<label><input type="checkbox" name="vor" value="a" /> Asthma</label></div></form>'
    )
    page = htmldoc.parse(html)
    boxes = [c.texts for c in fieldfacts._controls(page, page.root, False, db.field_context)]
    # The boxes of one name are one question, read once at its first box with every box's text as its options.
    assert [(t["question"], t["options"]) for t in boxes] == [("Vorerkrankungen", "Diabetes / Asthma")], boxes


def test_a_wrapper_of_several_controls_or_an_options_label_names_nothing(db) -> None:
    several = '<form><div label="Bekannte Allergien"><input name="a" /><input name="b" /></div></form>'
    assert all("label" not in t for t in _texts(db, several).values())
    # A label of the control's own, or one a label element ties to it, is kept.
    own = '<form><div label="Allergien"><label for="c">Name des Kindes</label><input id="c" name="c" /></div></form>'
    assert _texts(db, own)["c"]["label"] == "Name des Kindes"
    # <option label> is the option's text, not a wrapper's.
    option = '<form><select name="s"><option label="Diabetes" value="d"></option></select><input name="t" /></form>'
    assert "label" not in _texts(db, option)["t"]


def test_a_formik_field_with_children_is_a_wrapper_and_without_is_a_field(tmp_path: Path, db) -> None:
    source = (
        "export default function F() {\n  return (<form>\n"
        '<Field name="allergies" label="Bekannte Allergien" />\n'
        '<Field label="Aktuelle Diagnose"><textarea name="feld9" /></Field>\n'
        "</form>);\n}\n"
    )
    found = {s.name: s for s in scan_text(tmp_path, source, db, "F.tsx").fields}
    assert found["allergies"].classification.category == "health"
    assert found["feld9"].texts.get("label") == "Aktuelle Diagnose", found


def test_a_form_library_field_s_label_prop_is_what_its_renderer_prints(tmp_path: Path, db) -> None:
    # redux-form / react-final-form: <Field label=… component={renderCheckbox}>; the label reaches the visitor.
    source = (
        "export default function F() {\n  return (<form>\n"
        '<Field\n  label="I identify as transgender"\n  name="transId"\n  type="checkbox"\n  component={renderCheckbox}\n/>\n'
        '<Field label="Preferred contact time" name="slot" component={renderSelect} />\n'
        "</form>);\n}\n"
    )
    found = {s.name: s for s in scan_text(tmp_path, source, db, "F.jsx").fields}
    # a lone checkbox's text is its one option, as <label><input type=checkbox> Text</label> reads
    assert "I identify as transgender" in found["transId"].texts.values(), found["transId"].texts
    assert found["transId"].classification.category == "sex-life"
    assert "slot" not in found
