"""A project's own input components, defined in one script and used by name in another (analyzer/parse/own_components.py,
docs/fields.md "Forms in components"): ``<R_R label="Har du diabetes?" />`` imported from ``../inputs/R_R``, whose markup
renders two radios and prints its ``label`` prop, is a radio question labelled by that prop; so is a named export, one
wrapped in ``memo``, and a project's ``Text`` that shadows a kit's name. Look-alikes: a component of several kinds of
control, one rendering none, a package's component, and a use that gives the component markup of its own."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from analyzer.facts import own_components
from analyzer.scan import ScanOptions, run

_CLARITY = "import Clarity from '@microsoft/clarity';\nClarity.init('abcdefghij');\n"

_R_R = (
    "import React, { useState } from 'react';\ninterface Props { label: string }\n"
    "const R_R: React.FC<Props> = ({ label }) => {\n  const [v, setV] = useState<string | null>(null);\n"
    "  return (<div className='grid'><div>{label}</div>\n"
    "    <input type='radio' value='yes' checked={v === 'yes'} onChange={(e) => setV(e.target.value)} />\n"
    "    <input type='radio' value='no' checked={v === 'no'} onChange={(e) => setV(e.target.value)} />\n  </div>);\n};\n"
    "export default R_R;\n"
)
_TEXT = "const Text = ({ label }) => (<div><span>{label}</span><input type='text' className='border' /></div>);\nexport default Text;\n"
_NAMED = (
    "import { memo } from 'react';\n"
    "export const NoteBox = memo(function NoteBox(props) {\n  return <label>{props.caption}<textarea rows={4} /></label>;\n});\n"
    "export function Composite({ label }) {\n  return <div>{label}<input type='text' /><select><option>A</option></select></div>;\n}\n"
    "export const Badge = ({ label }) => <span className='badge'>{label}</span>;\n"
)


def _read(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, int, str]]:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    return sorted(
        (r.path.rsplit("/", 1)[-1], r.field.texts.get("label", ""), r.field.line, r.field.classification.category) for r in result.fields
    )


def test_a_component_imported_from_the_project_is_the_control_it_renders(tmp_path: Path) -> None:
    files = {
        "src/components/inputs/R_R.tsx": _R_R,
        "src/components/inputs/Text.jsx": _TEXT,
        "src/components/forms/Intake.tsx": _CLARITY + "import R_R from '../inputs/R_R';\nimport Text from '../inputs/Text';\n"
        "export default function Intake() {\n  return (<>\n"
        "    <R_R label={'Har du diabetes?'} />\n"
        "    <R_R label='Har du haft en hjärtinfarkt?' />\n"
        "    <Text label='Vilka mediciner tar du?' />\n"
        "  </>);\n}\n",
    }
    read = _read(tmp_path, files)
    assert ("Intake.tsx", "Har du diabetes?", 7, "health") in read, read
    assert ("Intake.tsx", "Har du haft en hjärtinfarkt?", 8, "health") in read, read
    assert ("Intake.tsx", "Vilka mediciner tar du?", 9, "health") in read, read


def test_a_named_export_and_one_wrapped_in_memo_are_read_and_a_composite_is_not(tmp_path: Path) -> None:
    files = {
        "src/ui/fields.js": _NAMED,
        "src/Form.jsx": _CLARITY + "import { NoteBox, Composite, Badge } from './ui/fields';\n"
        "export const Form = () => (<form>\n"
        "  <NoteBox caption='Describe your symptoms' />\n"
        "  <Composite label='Religion' />\n"
        "  <Badge label='Diagnosis' />\n"
        "</form>);\n",
    }
    read = _read(tmp_path, files)
    assert ("Form.jsx", "Describe your symptoms", 5, "health") in read, read
    assert not any(label in ("Religion", "Diagnosis") for _, label, _, _ in read), read


def test_a_package_s_component_and_a_use_with_markup_of_its_own_are_not_the_project_s(tmp_path: Path) -> None:
    files = {
        "src/inputs/Text.jsx": _TEXT,
        "src/A.jsx": _CLARITY + "import { Text } from 'react-native';\nexport const A = () => <Text label='Diagnosis'>Diagnosis</Text>;\n",
        "src/B.jsx": _CLARITY + "import Text from './inputs/Text';\n"
        "export const B = () => <Text label='Religion'><b>Religion</b> is asked elsewhere</Text>;\n",
    }
    read = _read(tmp_path, files)
    assert not any(path in ("A.jsx", "B.jsx") for path, _, _, _ in read), read


def test_radios_with_one_box_beside_them_are_the_radios_question() -> None:
    # R_R_C: "Nej / Ja" radios and a "currently (last 2 weeks)" tick beside them is a yes / no question; two text boxes
    # and radios (a composite) are no one control.
    r_r_c = (
        "const R_R_C = ({ label }) => (<div><div>{label}</div><input type='radio' value='no' /><input type='radio' value='yes' />"
        "<input type='checkbox' /></div>);\nexport default R_R_C;\n"
    )
    mixed = "export const Mixed = ({ label }) => (<div>{label}<input type='radio' /><input type='radio' /><input /><input /></div>);\n"
    found = own_components.collect([("src/R_R_C.jsx", r_r_c.encode()), ("src/Mixed.jsx", mixed.encode())])
    assert found.controls[("src/R_R_C", "default")].type == "radio"
    assert ("src/Mixed", "Mixed") not in found.controls


def test_what_the_pre_pass_records() -> None:
    found = own_components.collect(
        [("src/inputs/R_R.tsx", _R_R.encode()), ("src/inputs/Text.jsx", _TEXT.encode()), ("src/ui/fields.js", _NAMED.encode())]
    )
    assert found.controls[("src/inputs/R_R", "default")].type == "radio"
    assert found.controls[("src/inputs/R_R", "default")].label_prop == "label"
    assert found.controls[("src/inputs/Text", "default")].tag == "input"
    assert found.controls[("src/ui/fields", "NoteBox")].tag == "textarea"
    assert found.controls[("src/ui/fields", "NoteBox")].label_prop == "caption"
    assert ("src/ui/fields", "Composite") not in found.controls and ("src/ui/fields", "Badge") not in found.controls
    assert found.control("src/forms/Intake.tsx", "../inputs/R_R", "default") is not None
    assert found.control("src/forms/Intake.tsx", "react-native", "Text") is None


def test_a_header_s_title_and_search_box_are_no_field(tmp_path: Path) -> None:
    # Page chrome: a header that prints its title in a heading and holds a search box (type="search", role="search") is
    # no form control; a prop printed in a heading is a title, never the label of the box beside it.
    files = {
        "src/components/Header.jsx": "export const Header = ({ title }) => (<header><h1>{title}</h1>"
        "<input type='search' placeholder='Search patients' /></header>);\n",
        "src/components/Toolbar.jsx": "export default function Toolbar({ heading }) {\n  return (<div><h2>{heading}</h2>"
        "<form role='search'><input type='text' name='q' /></form></div>);\n}\n",
        "src/components/Titled.jsx": "export const Titled = ({ title }) => (\n"
        "  <div><h3>{title}</h3><input type='text' name='filter' /></div>);\n",
        "src/pages/Record.jsx": _CLARITY + "import { Header } from '../components/Header';\nimport Toolbar from '../components/Toolbar';\n"
        "import { Titled } from '../components/Titled';\n"
        "export default function Record() {\n  return (<main>\n"
        "    <Header title='HIV and sexual health history' />\n"
        "    <Toolbar heading='Mental health records' />\n"
        "    <Titled title='Diagnosis' />\n"
        "  </main>);\n}\n",
    }
    read = _read(tmp_path, files)
    assert not any(label in ("HIV and sexual health history", "Mental health records", "Diagnosis") for _, label, _, _ in read), read
    found = own_components.collect([(p, t.encode()) for p, t in files.items() if "components" in p])
    assert ("src/components/Header", "Header") not in found.controls and ("src/components/Toolbar", "default") not in found.controls
    assert found.controls[("src/components/Titled", "Titled")].label_prop is None


# A patient history written with class components (React before hooks): render() prints this.props' label.
_CAMPO_TEXTO = (
    "import React, { Component } from 'react';\nexport default class CampoTexto extends Component {\n  render() {\n"
    "    const { rotulo, nome } = this.props;\n"
    "    return (<div><label>{rotulo}</label><input type='text' name={nome} onChange={this.props.onChange} /></div>);\n"
    "  }\n}\n"
)
_CAMPO_AREA = (
    "import React from 'react';\nclass CampoArea extends React.PureComponent {\n  render() {\n"
    "    return (<label>{this.props.titulo}<textarea name={this.props.nome} /></label>);\n  }\n}\nexport default CampoArea;\n"
)
_NOT_A_COMPONENT = "export default class Validator {\n  render() {\n    return '<input>';\n  }\n}\n"
_ANAMNESE = (
    _CLARITY + "import CampoTexto from './campos/CampoTexto';\nimport CampoArea from './campos/CampoArea';\n"
    "import Validator from './campos/Validator';\n"
    "export default function Anamnese() {\n  return (<form>\n"
    "    <CampoTexto rotulo='Medicamentos em uso' nome='medicamentos' />\n"
    "    <CampoArea titulo='Doenças pré-existentes' nome='doencas' />\n"
    "    <Validator rotulo='Diagnóstico' />\n  </form>);\n}\n"
)


def test_class_components_are_read_by_their_render_method(tmp_path: Path) -> None:
    # render() prints a prop destructured from this.props or read as this.props.x; a class that extends no component
    # is none, though it has a render method.
    files = {
        "src/campos/CampoTexto.jsx": _CAMPO_TEXTO,
        "src/campos/CampoArea.jsx": _CAMPO_AREA,
        "src/campos/Validator.js": _NOT_A_COMPONENT,
        "src/Anamnese.jsx": _ANAMNESE,
    }
    assert _read(tmp_path, files) == [
        ("Anamnese.jsx", "Doenças pré-existentes", 9, "health"),
        ("Anamnese.jsx", "Medicamentos em uso", 8, "health"),
    ]


def test_components_re_exported_by_a_folder_s_index_are_found_through_it(tmp_path: Path) -> None:
    # import { CampoTexto, Escolha } from "./components/form", whose index.ts re-exports them (a named export, a default
    # renamed, and a barrel of barrels with export *); a re-exported name no module defines is none.
    files = {
        "src/components/form/CampoTexto.tsx": "type P = { label: string; name: string };\n"
        "export const CampoTexto = ({ label, name }: P) => (<div><label>{label}</label><input type='text' name={name} /></div>);\n",
        "src/components/form/Escolha.tsx": "export default function Escolha({ pergunta }: { pergunta: string }) {\n"
        "  return (<fieldset><legend>{pergunta}</legend>\n"
        "    <input type='radio' value='s' /> Sim <input type='radio' value='n' /> Não</fieldset>);\n}\n",
        "src/components/form/index.ts": "export { CampoTexto } from './CampoTexto';\nexport { default as Escolha } from './Escolha';\n"
        "export { Nada } from './Nada';\n",
        "src/components/index.ts": "export * from './form';\n",
        "src/Anamnese.tsx": _CLARITY + "import { CampoTexto, Escolha, Nada } from './components';\n"
        "export default function Anamnese() {\n  return (<form>\n"
        "    <CampoTexto label='Medicamentos em uso' name='medicamentos' />\n    <Escolha pergunta='Você é diabético?' />\n"
        "    <Nada label='Diagnóstico' />\n  </form>);\n}\n",
    }
    assert _read(tmp_path, files) == [
        ("Anamnese.tsx", "Medicamentos em uso", 6, "health"),
        ("Anamnese.tsx", "Você é diabético?", 7, "health"),
    ]


def test_many_barrels_are_followed_within_bounds(tmp_path: Path) -> None:
    from tests.conftest import finishes_within

    sources = [("src/inputs/Campo.tsx", b"export const Campo = ({ label }) => (<label>{label}<input type='text' /></label>);\n")]
    sources += [(f"src/b{i}/index.ts", f"export * from '../b{i - 1}';\nexport * from '../inputs/Campo';\n".encode()) for i in range(1, 800)]
    with finishes_within(20, "800 barrels of barrels"):
        found = own_components.collect(sources)
    assert found.control("src/App.tsx", "./b799", "Campo") is not None
    assert found.control("src/App.tsx", "./b5", "Campo") is not None


def test_typescript_and_anonymous_class_components_are_read(tmp_path: Path) -> None:
    # extends React.Component<Props> (TypeScript's type arguments), an anonymous default class, a render arrow field.
    files = {
        "src/campos/CampoTexto.tsx": "import React from 'react';\ntype P = { rotulo: string; nome: string };\n"
        "export default class CampoTexto extends React.Component<P> {\n  render() {\n    const { rotulo, nome } = this.props;\n"
        "    return (<div><label>{rotulo}</label><input name={nome} /></div>);\n  }\n}\n",
        "src/campos/CampoArea.jsx": "import { PureComponent } from 'react';\nexport default class extends PureComponent {\n"
        "  render = () => (<label>{this.props.titulo}<textarea /></label>);\n}\n",
        "src/Ficha.tsx": _CLARITY + "import CampoTexto from './campos/CampoTexto';\nimport CampoArea from './campos/CampoArea';\n"
        "export default function Ficha() {\n  return (<form>\n    <CampoTexto rotulo='Alergias' nome='alergias' />\n"
        "    <CampoArea titulo='Doenças crônicas' />\n  </form>);\n}\n",
    }
    assert _read(tmp_path, files) == [("Ficha.tsx", "Alergias", 7, "health"), ("Ficha.tsx", "Doenças crônicas", 8, "health")]


# D46's obstetric history (hemolat): a line component whose input takes the type its use gives, with its "Otra: ¿Cuál?"
# box and its "SI / NO" radios in other branches; a select with the "¿Cuál?" box its "Otro" shows; a list of checkboxes
# asked by a heading that prints the group's prop.
_LINE = (
    "const InputLine = (props) => (\n  (props.type !== 'radio') ?\n"
    "  (<div><label htmlFor={props.name}>{props.text}</label><input type={props.type} id={props.name} /></div>)\n"
    "  : props.text === 'Otra' ? <div><label>{props.text}</label><input type='text' id={props.text} /></div>\n"
    "  : <div><label>{props.text}</label><input type={props.type} value='SI' /><input type={props.type} value='NO' /></div>\n);\n"
    "export default InputLine;\n"
)
_UNIQUE = (
    "const UniqueSelection = (props) => (<div><label htmlFor={props.item}>{props.text}</label>\n"
    "  <select id={props.item}><option>Seleccione...</option>{props.options.map((o) => <option key={o}>{o}</option>)}</select>\n"
    "  <input type='text' placeholder='¿Cuál?' /></div>);\nexport default UniqueSelection;\n"
)
_MULTIPLE = (
    "const MultipleSelection = (props) => (<ul><li><h5>{props.group}</h5></li>\n"
    "  {props.options.map((o) => <li key={o}><input type='checkbox' value={o} /><label>{o}</label></li>)}\n"
    "  <li><input type='checkbox' value='Otro' /><input type='text' placeholder='¿Cuál?' /></li></ul>);\n"
    "export default MultipleSelection;\n"
)


def test_a_component_typed_by_its_use_a_choice_with_its_other_box_and_a_group_under_its_heading() -> None:
    found = own_components.collect(
        [
            ("src/component/InputLine.js", _LINE.encode()),
            ("src/component/UniqueSelection.js", _UNIQUE.encode()),
            ("src/component/MultipleSelection.js", _MULTIPLE.encode()),
        ]
    )
    line = found.controls[("src/component/InputLine", "default")]
    assert (line.tag, line.type, line.label_prop) == ("input", None, "text"), line
    unique = found.controls[("src/component/UniqueSelection", "default")]
    assert (unique.tag, unique.label_prop) == ("select", "text"), unique
    multiple = found.controls[("src/component/MultipleSelection", "default")]
    assert (multiple.type, multiple.label_prop) == ("checkbox", "group"), multiple


def test_the_uses_are_read_as_those_controls(tmp_path: Path) -> None:
    files = {
        "src/component/InputLine.js": _LINE,
        "src/component/UniqueSelection.js": _UNIQUE,
        "src/page/Historia.js": _CLARITY + "import InputLine from '../component/InputLine';\n"
        "import UniqueSelection from '../component/UniqueSelection';\n"
        "export const Historia = () => (<form>\n"
        "  <InputLine name='gestas' type='number' text='Gestas' />\n"
        "  <UniqueSelection item='etnia' text='Etnia' options={['Afro', 'Indígena', 'Otro']} />\n"
        "  <InputLine name='ciudad' type='text' text='Ciudad' />\n"
        "</form>);\n",
    }
    read = _read(tmp_path, files)
    assert ("Historia.js", "Gestas", 6, "health") in read, read
    assert ("Historia.js", "Etnia", 7, "racial-ethnic") in read, read
    assert not any(label == "Ciudad" for _, label, _, _ in read), read  # read, and no category


def test_a_box_before_a_select_is_a_composite_not_a_choice_and_its_other_box() -> None:
    # A phone number's country select after its box is no "Other" box: the box stands first, so the two are a composite.
    phone = "export const Phone = ({ label }) => (<div>{label}<input type='tel' /><select><option>+33</option></select></div>);\n"
    boxes = "export const Two = ({ label }) => (<div>{label}<select><option>A</option></select><input /><input /></div>);\n"
    found = own_components.collect([("src/Phone.jsx", phone.encode()), ("src/Two.jsx", boxes.encode())])
    assert ("src/Phone", "Phone") not in found.controls and ("src/Two", "Two") not in found.controls


_TOGGLES = (
    "export const YesNoRow = ({ value, onChange, label }) => (\n"
    "  <div className='row'>\n    <span>{label}</span>\n"
    "    {[{ v: true, t: 'Sim' }, { v: false, t: 'Não' }].map(({ v, t }) => (\n"
    "      <button key={t} type='button' onClick={() => onChange(v)} aria-pressed={value === v}>{t}</button>\n"
    "    ))}\n  </div>\n);\n"
    "export function Switch(props) {\n"
    "  return (<label><span>{props.caption}</span>\n"
    "    <div role='switch' aria-checked={props.on} onClick={() => props.onCheckedChange(!props.on)} /></label>);\n}\n"
    # look-alikes: a menu's toggle that opens itself, a close button that hands no value, a tab drawn by a class
    "export function Menu({ title }) {\n  const [open, setOpen] = React.useState(false);\n"
    "  return (<nav><h3>{title}</h3><button aria-pressed={open} onClick={() => setOpen(!open)}>Menu</button></nav>);\n}\n"
    "export const Closer = ({ label, onClose, shown }) => (\n"
    "  <div><span>{label}</span><button aria-pressed={shown} onClick={() => onClose()}>x</button></div>\n);\n"
    "export const Tab = ({ label, onPick, current }) => (\n"
    "  <div><span>{label}</span><button className={current ? 'on' : ''} onClick={() => onPick(label)}>go</button></div>\n);\n"
)


def test_a_toggle_component_is_the_choice_it_asks() -> None:
    # A row of Yes / No buttons drawn pressed by aria-pressed and clicked to hand its value to the component's onChange
    # (a pharmacy's triage questions) asks a choice, as radios do; an ARIA switch handing its new state to a prop is a box.
    db = signatures.load()
    found = own_components.collect([("src/ui/shared.jsx", _TOGGLES.encode())], bindings=db.jsx_bindings)
    assert found.controls[("src/ui/shared", "YesNoRow")] == own_components.Control("input", "radio", "label")
    assert found.controls[("src/ui/shared", "Switch")] == own_components.Control("input", "checkbox", "caption")
    for name in ("Menu", "Closer", "Tab"):
        assert ("src/ui/shared", name) not in found.controls, name
    assert not own_components.worth_reading(_TOGGLES.replace("<input", "").encode())  # no state named: not parsed
    assert own_components.worth_reading(_TOGGLES.encode(), toggles=(b"aria-pressed",))


def test_the_uses_of_a_toggle_component_are_read_as_questions(tmp_path: Path) -> None:
    files = {
        "src/ui/shared.jsx": _TOGGLES,
        "src/triage/History.jsx": _CLARITY + "import { YesNoRow, Menu, Closer } from '../ui/shared';\n"
        "export const History = ({ s }) => (<>\n"
        "  <YesNoRow value={s.chronic} onChange={s.setChronic} label='Doença crônica?' />\n"
        "  <YesNoRow value={s.pregnant} onChange={s.setPregnant} label='Grávida ou amamentando?' />\n"
        "  <Menu title='Diagnóstico' />\n"
        "  <Closer label='Alergias' onClose={s.close} shown />\n"
        "</>);\n",
    }
    read = _read(tmp_path, files)
    assert ("History.jsx", "Doença crônica?", 5, "health") in read, read
    assert ("History.jsx", "Grávida ou amamentando?", 6, "health") in read, read
    assert not any(line in (7, 8) for path, _, line, _ in read if path == "History.jsx"), read
