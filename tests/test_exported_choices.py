"""Choice lists a project's scripts export (analyzer/parse/script_constants.py, docs/fields.md "Exported choice lists"):
a form component that takes its options from another module (``options={genderOptions}`` imported from a config
file, ``Attributes.ethnicityOptions.map(…)`` through a namespace import, a definition's ``options: raceOptionsList``)
shows the visitor that module's texts, and is read with them. Look-alikes: a package's export, an unexported array,
and a list that says nothing sensitive."""

from __future__ import annotations

from pathlib import Path

from analyzer.parse import script_constants
from tests.conftest import site_fields

_CLARITY = "import Clarity from '@microsoft/clarity';\nClarity.init('abcdefghij');\n"

_CONFIG = (
    "export const genderOptions = ['Woman', 'Man', 'Non-binary', 'Transgender', 'Other'];\n"
    "export const raceOptions: Option[] = [\n"
    "  { value: 'asian', label: 'Asian' },\n  { value: 'black', label: 'Black or African American' },\n"
    "  { value: 'white', label: 'White' },\n] as const;\n"
    "export const sizeOptions = ['S', 'M', 'L'];\n"
    "const hidden = ['Catholic', 'Muslim', 'Jewish'];\n"
)


def test_a_component_s_options_imported_from_a_config_module_are_read(tmp_path: Path) -> None:
    files = {
        "src/config.ts": _CONFIG,
        "src/components/Application.jsx": _CLARITY + "import { genderOptions, raceOptions as races } from '../config';\n"
        "export default function Application() {\n  return (<form>\n"
        "    <CheckboxInput name='genders' label='Gender (select all that apply)' options={genderOptions} />\n"
        "    <select name='race' aria-label='Which describes you?'>{races.map((r) => <option key={r.value}>{r.label}</option>)}</select>\n"
        "    <select name='size' aria-label='T-shirt'>{sizeOptions.map((s) => <option>{s}</option>)}</select>\n"
        "  </form>);\n}\n",
    }
    found = site_fields(tmp_path, files)
    assert found["genders"][0] == "sex-life", found
    assert found["race"][0] == "racial-ethnic", found
    assert "size" not in found, found


def test_a_namespace_import_and_a_definition_list_s_named_options_are_read(tmp_path: Path) -> None:
    files = {
        "src/attributes/index.js": "export const ethnicityOptions = ['African', 'Asian', 'Caucasian/White', 'Hispanic/Latino'];\n"
        "export const faithOptions = [{ text: 'Catholic' }, { text: 'Protestant' }, { text: 'Orthodox' }];\n",
        "src/Profile.jsx": _CLARITY + "import * as Attributes from './attributes';\n"
        "export const Profile = () => (<form>\n"
        "  <fieldset><legend>Background</legend>{Attributes.ethnicityOptions.map((e) => (\n"
        "    <label key={e}><input type='checkbox' name='ethnicity' value={e} />{e}</label>))}</fieldset>\n"
        "</form>);\n",
        "src/questions.js": _CLARITY + "import { faithOptions } from '@/attributes';\n"
        "export const questions = [\n"
        "  { name: 'denomination', label: 'Which one?', type: 'select', options: faithOptions },\n"
        "  { name: 'email', label: 'E-mail', type: 'email' },\n];\n",
    }
    found = site_fields(tmp_path, files)
    assert found["ethnicity"][0] == "racial-ethnic", found
    assert found["denomination"][0] == "religion", found


def test_a_package_s_export_and_an_unexported_list_are_not_read() -> None:
    constants = script_constants.collect(
        [("src/config.ts", _CONFIG.encode()), ("node_modules/x/index.js", b"export const genderOptions = ['Trans'];")],
        ("label", "text", "value"),
        ("label",),
    )
    assert constants.choices("src/components/Application.jsx", "../config", "genderOptions")[:2] == ("Woman", "Man")
    assert constants.choices("src/components/Application.jsx", "../config.ts", "raceOptions")[0] == "Asian"
    assert constants.choices("src/components/Application.jsx", "x", "genderOptions") == ()  # a package
    assert constants.choices("src/components/Application.jsx", "../config", "hidden") == ()  # not exported
    assert constants.choices("src/App.jsx", "./other", "genderOptions") == ()


def test_the_reading_is_bounded() -> None:
    # An array longer than the byte budget is not read (no closing bracket within it), nor a file over the size budget.
    long = b"export const big = [" + b"'x', " * (script_constants._MAX_ARRAY // 4) + b"];\nexport const ok = ['A', 'B'];\n"
    constants = script_constants.collect([("src/a.js", long)], ("label",), ())
    assert constants.choices("src/b.js", "./a", "big") == ()
    assert constants.choices("src/b.js", "./a", "ok") == ("A", "B")
    assert not script_constants.worth_reading(b"export const a = [];" + b" " * script_constants.MAX_FILE_BYTES)
