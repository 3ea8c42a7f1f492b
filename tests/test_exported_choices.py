"""Choice lists a project's scripts export (analyzer/parse/script_constants.py, docs/fields.md "Exported choice lists"):
a form component that takes its options from another module (``options={genderOptions}`` imported from a config
file, ``Attributes.ethnicityOptions.map(…)`` through a namespace import, a definition's ``options: raceOptionsList``)
shows the visitor that module's texts, and is read with them. Look-alikes: a package's export, an unexported array,
and a list that says nothing sensitive."""

from __future__ import annotations

from pathlib import Path

from analyzer.parse import script_constants
from tests.conftest import finishes_within, site_fields

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


def test_a_list_with_a_fallback_a_conditional_or_a_copy_names_the_lists_it_is_written_from(tmp_path: Path) -> None:
    # A matrimony profile's choices fetched from its API with a default list (`fetched?.map(…) ?? DEFAULT_DRESS_CODES`),
    # a props list with a fallback, a conditional, and a copy made item by item: each shows the visitor the texts of
    # the lists it is written from. Look-alikes: a fallback to nothing this file writes, and a list that says nothing
    # sensitive (a shirt size), stay unclassified.
    files = {
        "src/options.ts": "export const FAITHS = ['Catholic', 'Protestant', 'Muslim', 'Jewish'];\n",
        "src/Profile.tsx": _CLARITY + "import { FAITHS } from './options';\n"
        "const DEFAULT_DRESS_CODES = ['Hijab', 'Niqab', 'Casual Modest'];\n"
        "const RACES = ['Asian', 'Black or African American', 'White'];\n"
        "const SIZES = ['S', 'M', 'L'];\n"
        "export function Profile({ master, props, lgbt }) {\n"
        "  const DRESS_CODES = master?.dressCode?.map((d) => d.value) ?? DEFAULT_DRESS_CODES;\n"
        "  const FETCHED = master?.hobbies ?? [];\n"
        "  return (<form>\n"
        "    <Select label='Dress code' name='dressCode' options={DRESS_CODES} />\n"
        "    <Select label='Background' name='background' options={RACES.map((r) => ({ text: r, value: r }))} />\n"
        "    <Select label='Which one?' name='community' options={props.choices || FAITHS.slice()} />\n"
        "    <Select label='Pick one' name='pick' options={lgbt ? [] : FAITHS.filter(Boolean)} />\n"
        "    <Select label='Hobby' name='hobby' options={FETCHED} />\n"
        "    <Select label='Size' name='size' options={SIZES.map((s) => ({ text: s, value: s })) ?? []} />\n"
        "  </form>);\n}\n",
    }
    found = site_fields(tmp_path, files)
    assert found["dressCode"][0] == "religion", found
    assert found["background"][0] == "racial-ethnic", found
    assert found["community"][0] == "religion", found
    assert found["pick"][0] == "religion", found
    assert "hobby" not in found and "size" not in found, found


def test_a_list_written_from_itself_is_followed_a_bounded_number_of_steps(tmp_path: Path) -> None:
    # const A = B ?? ['x']; const B = A ?? [] (nonsense, but a file may hold it): the reading stops after _MAX_HOPS.
    files = {
        "src/Loop.jsx": _CLARITY + "export function Loop() {\n  const A = B ?? C;\n  const B = A || A;\n  const C = A.map((x) => x);\n"
        "  return (<form><Select label='Religion' name='faith' options={A} /></form>);\n}\n",
    }
    found = site_fields(tmp_path, files)
    assert found["faith"][0] == "religion", found  # its own label, no choices read


def test_a_list_written_from_hundreds_of_copies_is_read_within_a_bound(tmp_path: Path) -> None:
    # const B = A.concat(A, A, … 800 times), used as B.concat(B, … 800 times): each expression is read once, and at most
    # _MAX_VISITS in all (it took 46 s before the bound); the list's own texts are still read.
    copies = ", ".join(["A"] * 800)
    again = ", ".join(["B"] * 800)
    source = (
        _CLARITY + "const A = ['Catholic', 'Muslim', 'Jewish'];\n"
        f"const B = A.concat({copies});\n"
        f"export const P = () => (<form><Select label='Which one?' name='faith' options={{B.concat({again})}} /></form>);\n"
    )
    with finishes_within(10, "a list of 800 copies of 800 copies"):
        found = site_fields(tmp_path, {"src/P.jsx": source})
    assert found["faith"][0] == "religion", found
