"""A select component handed its choices under ``list`` (a project's own ``<Select label="Raça:" list={raceList}>``) shows
them as a select's options, as under ``options``: a weak word of the label ("Raça") is confirmed by them."""

from __future__ import annotations

from tests.conftest import every_control

_PAGE = """const raceList = [
  { value: 'branca', label: 'Branca' },
  { value: 'preta', label: 'Preta' },
  { value: 'parda', label: 'Parda' },
  { value: 'amarela', label: 'Amarela' },
  { value: 'indigena', label: 'Indígena' },
];
const colourList = [{ value: 'azul', label: 'Azul' }, { value: 'verde', label: 'Verde' }];

export default function Register() {
  return (
    <form>
      <Select label="Raça:" list={raceList} value={race} selectFunc={setRace} />
      <Select label="Cor preferida:" list={colourList} value={colour} selectFunc={setColour} />
    </form>
  );
}
"""


def test_a_select_handed_its_choices_under_list_reads_them(tmp_path, db) -> None:
    sites = {s.texts.get("label"): s for s in every_control(tmp_path, _PAGE, db, "Register.jsx")}
    race = sites["Raça:"]
    assert (race.tag, race.line, race.classification.category) == ("select", 13, "racial-ethnic"), race
    assert "Parda" in race.texts.get("options", ""), race.texts
    assert sites["Cor preferida:"].classification.category == "-", sites["Cor preferida:"]
