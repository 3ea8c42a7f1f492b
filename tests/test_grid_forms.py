"""A form laid out as a grid (docs/fields.md, "Grids"; analyzer/facts/gridcells.py): a control alone in a table
cell, with no label of its own, is asked by its row's first cell and named by the header row's cell above it.
A family history's checkbox under "Madre" on the row "Malformaciones" is a choice of a relative under that
condition; the textarea under "Notas" on that row is a note about it. Checked in three template dialects
(Jinja, Blade, ERB) and two component frameworks (JSX, Vue); look-alikes (a form laid out as "label | control"
rows under a title, a week's timetable, a table whose header spans it) must not read a column as a label."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc
from tests.conftest import scan_text

_GRID = """<h1>Antecedentes heredofamiliares</h1>
<table>
  <thead><tr><th>Patología</th><th>Madre</th><th>Padre</th><th>Hermanos</th><th>Notas</th></tr></thead>
  <tbody>
    <tr><td>Malformaciones</td><td><input type="checkbox" name="m_madre" /></td><td><input type="checkbox" name="m_padre" /></td>
      <td><input type="checkbox" name="m_hermanos" /></td><td><textarea name="m_notas"></textarea></td></tr>
    <tr><td>Otra(s)</td><td><input type="checkbox" name="o_madre" /></td><td><input type="checkbox" name="o_padre" /></td>
      <td><input type="checkbox" name="o_hermanos" /></td><td><textarea name="o_notas"></textarea></td></tr>
  </tbody>
</table>"""

_DIALECTS = {
    "history.html.j2": '{% extends "base.html" %}\n{% block content %}<form method="post">{{ csrf_token() }}\n@@\n</form>{% endblock %}\n',
    "history.blade.php": "@extends('layouts.app')\n@section('content')\n<form method=\"post\">@csrf\n@@\n</form>\n@endsection\n",
    "history.html.erb": "<%= form_with url: '/history' do |f| %>\n@@\n<% end %>\n",
    "History.tsx": "export default function History() {\n  return (<form>\n@@\n</form>);\n}\n",
    "History.vue": "<template>\n<form>\n@@\n</form>\n</template>\n",
}


def _scan(tmp_path: Path, db, name: str, form: str) -> dict[str, str]:
    found = scan_text(tmp_path, _DIALECTS[name].replace("@@", form), db, name).fields
    return {s.name: s.classification.category for s in found}


@pytest.mark.parametrize("name", sorted(_DIALECTS))
def test_a_family_history_grid_is_read_by_its_rows_and_columns(tmp_path, db, name) -> None:
    sites = _scan(tmp_path, db, name, _GRID)
    for row in ("m", "o"):
        for column in ("madre", "padre", "hermanos", "notas"):
            assert sites.get(f"{row}_{column}") == "health", (row, column, sites)


def _texts(db, html: str) -> dict[str, dict[str, str]]:
    page = htmldoc.parse(html)
    return {c.texts.get("name", ""): c.texts for c in fieldfacts._controls(page, page.root, False, db.field_context)}


def test_each_cell_reads_its_row_and_its_column(db) -> None:
    texts = _texts(db, _GRID)
    assert texts["o_padre"]["question"] == "Otra(s)" and texts["o_padre"]["options"] == "Padre"
    assert texts["m_notas"]["question"] == "Malformaciones" and texts["m_notas"]["label"] == "Notas"


# A data grid: no question per row, a box in every cell, the header row names each column (a medication list).
_DATA_GRID = """<table>
  <thead><tr><th>Medikament</th><th>Dosierung</th><th>Seit wann</th></tr></thead>
  <tbody>
    <tr><td><input name="med_1" /></td><td><input name="dos_1" /></td><td><input type="date" name="seit_1" /></td></tr>
    <tr><td><input name="med_2" /></td><td><input name="dos_2" /></td><td><input type="date" name="seit_2" /></td></tr>
  </tbody>
</table>"""


@pytest.mark.parametrize("name", sorted(_DIALECTS))
def test_a_data_grid_names_each_box_by_its_column(tmp_path, db, name) -> None:
    sites = _scan(tmp_path, db, name, _DATA_GRID)
    assert sites.get("med_1") == "health" and sites.get("med_2") == "health", sites


def test_a_data_grid_row_reads_its_column_only(db) -> None:
    texts = _texts(db, _DATA_GRID)
    assert texts["med_2"]["label"] == "Medikament" and "question" not in texts["med_2"], texts
    assert texts["seit_1"]["label"] == "Seit wann"
    # A row with text beside its boxes is not a data grid's row: "kr." is a unit, the column names nothing here.
    units = _texts(db, _DATA_GRID.replace('<td><input name="dos_1" /></td>', '<td><input name="dos_1" /> kr.</td><td>kr.</td>'))
    assert "label" not in units["med_1"], units
    # An order form's grid is read, and says nothing sensitive.
    order = _DATA_GRID.replace("Medikament", "Artikel").replace("Dosierung", "Menge")
    page = htmldoc.parse(order)
    assert _texts(db, order)["med_1"]["label"] == "Artikel"
    assert fieldfacts.extract(page, db.fields, db.consent_words, context=db.field_context) == []


_LAYOUT = """<table>
  <tr><td colspan="2">Inscripción al campamento</td></tr>
  <tr><td>Nombre</td><td><input name="nombre" /></td></tr>
  <tr><td>Talla</td><td><input name="talla" /></td></tr>
</table>"""

_SPANNED = """<table>
  <tr><th colspan="3">Datos del paciente</th></tr>
  <tr><td>Visita</td><td><input name="v1" /></td><td><input name="v2" /></td></tr>
</table>"""

_TIMETABLE = """<h1>Horario semanal</h1>
<table>
  <tr><th></th><th>Lunes</th><th>Martes</th></tr>
  <tr><td>Mañana</td><td><input type="checkbox" name="lu_m" /></td><td><input type="checkbox" name="ma_m" /></td></tr>
</table>"""


def test_look_alikes_keep_their_own_reading(db) -> None:
    # "label | control" rows: the label beside the control stays its label, the title above names no column.
    layout = _texts(db, _LAYOUT)
    assert layout["nombre"]["label"] == "Nombre" and "question" not in layout["nombre"], layout
    # A header spanning the table names no column: the second box has no label.
    spanned = _texts(db, _SPANNED)
    assert "label" not in spanned["v2"] and "question" not in spanned["v2"], spanned
    # A timetable's boxes read their day and time, and say nothing sensitive.
    assert _texts(db, _TIMETABLE)["ma_m"] == {"question": "Mañana", "options": "Martes", "name": "ma_m"}
    page = htmldoc.parse(_TIMETABLE)
    assert fieldfacts.extract(page, db.fields, db.consent_words, context=db.field_context) == []


def test_a_large_table_is_indexed_once_not_walked_per_control() -> None:
    """600 rows of ten boxes: the header rows are found in one pass over the table, so the work grows with the
    table, not with its boxes times the rows above each (each box walked 40 rows up cost 14 times as much)."""
    from analyzer.facts.gridcells import GridReader

    rows = "".join(f"<tr><td>Field {r}</td>" + "".join(f"<td><input name=c{r}_{d}></td>" for d in range(10)) + "</tr>" for r in range(600))
    page = htmldoc.parse(f"<table><tr><td colspan=11>Form</td></tr>{rows}</table>")
    calls = 0

    def is_control(el) -> bool:
        nonlocal calls
        calls += 1
        return fieldfacts._is_control(el)

    reader = GridReader(fieldfacts._text, is_control)
    controls = list(page.root.iter("input"))
    assert all(reader.headers(c) is None for c in controls)
    cells = 601 * 11
    assert calls <= cells + 2 * len(controls), calls  # at most each cell once, and a few per control
