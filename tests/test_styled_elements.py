"""Components declared as styled elements (analyzer/parse/styled_elements.py): ``styled.input`…``` renders an
<input>, ``styled.label`` a label, ``styled.h1`` a heading, in the file that declares them or in a form file that
imports them from the project's own module (own_components); a styled <div> or button, and a carousel wrapped by
``styled(Slider)``, are none."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import controls_by_name, every_control, finishes_within, site_fields

_CLARITY = "import Clarity from '@microsoft/clarity';\nClarity.init('abcdefghij');\n"

# A union's join form whose elements are declared in a module beside it (styled-components), as a project writes it.
_ELEMENTS = """import styled from "styled-components";
import { Link as LinkR } from "react-router-dom";

export const FormStyled = styled.form`
  display: flex;
`;
export const H1styled = styled.h1`
  font-size: 2rem;
`;
export const LabelStyled = styled.label`
  color: #333;
`;
export const InputStyled = styled.input`
  padding: 8px;
`;
export const CheckStyled = styled.input.attrs({ type: "checkbox" })`
  margin: 4px;
`;
export const AreaStyled = styled("textarea")`
  width: 100%;
`;
export const ButtonStyled = styled.button`
  padding: 8px;
`;
export const Redir = styled(LinkR)`
  color: blue;
`;
"""

_FORM = (
    _CLARITY
    + """import React from "react";
import { FormStyled, H1styled, LabelStyled, InputStyled, CheckStyled, AreaStyled, ButtonStyled, Redir } from "./FormElements";

const JoinForm = () => (
  <FormStyled>
    <H1styled>Afiliación al sindicato</H1styled>
    <LabelStyled>Nombre:</LabelStyled>
    <InputStyled name="nombre" />
    <LabelStyled>Diagnóstico médico:</LabelStyled>
    <InputStyled name="diagnostico" />
    <LabelStyled><CheckStyled name="embarazada" /> Estoy embarazada</LabelStyled>
    <LabelStyled>Enfermedades crónicas:</LabelStyled>
    <AreaStyled name="enfermedades" />
    <ButtonStyled>Enviar</ButtonStyled>
    <Redir to="../">cancelar</Redir>
  </FormStyled>
);
export default JoinForm;
"""
)


def test_styled_elements_imported_from_the_project_are_the_controls_and_labels_they_style(tmp_path: Path) -> None:
    found = site_fields(tmp_path, {"src/join/FormElements.js": _ELEMENTS, "src/join/index.js": _FORM})
    assert found["diagnostico"] == ("health", 12, "Diagnóstico médico:"), found
    assert found["embarazada"][:2] == ("health", 13), found
    assert found["enfermedades"] == ("health", 15, "Enfermedades crónicas:"), found
    assert "nombre" not in found, found


_LOCAL = """import styled from '@emotion/styled';
import { TextField } from '@mui/material';

const Entry = styled.input({ padding: 8 });
const Caption = styled('label')`font-weight: bold;`;
const Wide = styled(TextField)(({ theme }) => ({ margin: theme.spacing(1) }));
const Box = styled.div`display: grid;`;
const Carousel = styled(Slider)`height: 200px;`;

export default function Intake() {
  return (
    <form>
      <Caption htmlFor="allergies">Allergies</Caption>
      <Entry id="allergies" name="allergies" />
      <Wide name="medication" label="Current medication" />
      <Box name="diagnosis">Diagnosis</Box>
      <Carousel name="conditions" />
    </form>
  );
}
"""


def test_styled_elements_declared_in_the_form_s_own_file(tmp_path: Path, db) -> None:
    # Emotion's object styles, styled('label'), and styled(TextField) rendering the kit's TextField with its label prop;
    # a styled <div> and a styled carousel render no control.
    found = controls_by_name(tmp_path, _LOCAL, db, "Intake.jsx")
    assert (found["allergies"].line, found["allergies"].texts.get("label")) == (14, "Allergies"), found
    assert found["allergies"].classification.category == "health", found
    assert (found["medication"].line, found["medication"].texts.get("label")) == (15, "Current medication"), found
    assert set(found) == {"allergies", "medication"}, found


def test_no_styled_factory_no_control(tmp_path: Path, db) -> None:
    # A `styled` that is no factory's call (an object's member read, a theme helper), and a name that is no element.
    text = (
        "const styled = { input: 'x' };\nconst A = styled.input;\nconst B = styled.inputWrapper`x`;\n"
        "const C = css`color: red;`;\n"
        "export default () => (<div><A name='diagnosis' /><B name='allergies' /><C name='religion' /></div>);\n"
    )
    assert every_control(tmp_path, text, db, "Look.jsx") == []


def test_many_styled_declarations_are_read_within_bounds(tmp_path: Path, db) -> None:
    declarations = "".join(f"const S{i} = styled(S{i - 1})`x`;\n" for i in range(1, 1500))
    text = "import styled from 'styled-components';\nconst S0 = styled.input`x`;\n" + declarations
    text += "export default () => (<form><S1499 name='diagnosis' /></form>);\n"
    with finishes_within(20, "1,500 chained styled declarations"):
        found = controls_by_name(tmp_path, text, db, "Chain.jsx")
    assert found["diagnosis"].tag == "input", found


def test_a_styled_wrapper_of_a_component_is_that_component_wherever_it_is_read(tmp_path: Path) -> None:
    # styled(CampoTexto) exported from a styles module wraps the project's own component imported there: a form importing
    # the wrapper reads CampoTexto's control; styled(motion.input), which reads as nothing, keeps the wrapper's own
    # reading (its name and props: an input given a name by a component_suffix ending); thousands of styled boxes
    # exported beside them do not push the project's inputs out of the components' cap.
    boxes = "".join(f"export const Box{i} = styled.div`x`;\n" for i in range(1800))
    files = {
        "src/campos/CampoTexto.jsx": "export default function CampoTexto({ rotulo, nome }) {\n"
        "  return (<div><label>{rotulo}</label><input type='text' name={nome} /></div>);\n}\n",
        "src/a_boxes/one.js": "import styled from 'styled-components';\n" + boxes,
        "src/a_boxes/two.js": "import styled from 'styled-components';\n" + boxes,
        "src/a_boxes/three.js": "import styled from 'styled-components';\n" + boxes,
        "src/campos/styles.js": "import styled from 'styled-components';\nimport CampoTexto from './CampoTexto';\n"
        "export const CampoEstilizado = styled(CampoTexto)`margin: 4px;`;\n",
        "src/Ficha.jsx": _CLARITY + "import styled from 'styled-components';\nimport { motion } from 'framer-motion';\n"
        "import { CampoEstilizado } from './campos/styles';\nconst AnimatedInput = styled(motion.input)``;\n"
        "export default function Ficha() {\n  return (<form>\n"
        "    <CampoEstilizado rotulo='Religião' nome='religiao' />\n"
        "    <AnimatedInput name='diagnosis' placeholder='Diagnosis' />\n  </form>);\n}\n",
    }
    found = site_fields(tmp_path, files)
    assert found.get("diagnosis", ("",))[0] == "health", found
    assert any(v[0] == "religion" and v[1] == 9 for v in found.values()), found
