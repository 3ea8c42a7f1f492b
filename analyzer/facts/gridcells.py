"""A form laid out as a grid: what a control alone in a table cell is asked by its row and its column.

A family history ("PATOLOGÍA | Madre | Padre | Abuelos | Notas", then a row per condition with a checkbox
under each relative and a textarea under "Notas"), a symptom diary (a row per symptom, a column per day), an
opinion scale (a row per statement, a column per answer) put no label beside a control: a person reads the
row's first cell as the question and the header row's cell above as the answer or the field. Only a table
whose header row names two columns or more is read so; a form laid out as "label | control" rows has its
label beside the control already, and a title cell spanning the table names no column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import lxml.etree

_CELLS = ("td", "th")
_SECTIONS = ("thead", "tbody", "tfoot")
_ROWS_UP = 40  # rows walked up to the header row at most (a long grid's last rows still find it)


@dataclass(frozen=True)
class GridHeaders:
    row: str  # the row's first cell: the question ("Diabetes")
    column: str  # the header row's cell in the control's column: the answer or the field ("Madre", "Notas")


class GridReader:
    """Reads a page's grids: built once per page, it finds each table's header rows in one pass over the table
    (a 600-row grid's 6,000 boxes do not each walk 40 rows up) and reads each control's cell against them.
    ``text`` and ``is_control`` are the field reader's own (what a person reads in an element, and whether it
    is or holds a control)."""

    def __init__(self, text: Callable[[lxml.etree._Element], str], is_control: Callable[[lxml.etree._Element], bool]) -> None:
        self.text = text
        self.is_control = is_control
        self._headers: dict[lxml.etree._Element, lxml.etree._Element | None] = {}  # row -> its header row
        self._indexed: set[lxml.etree._Element] = set()  # tables whose rows are in _headers

    def headers(self, el: lxml.etree._Element) -> GridHeaders | None:
        """The row and column headers of the cell ``el`` stands alone in (its only control), when the table's
        header row (the nearest row above with two text cells or more, none spanning columns and none holding a
        control) has a text cell in the control's column, and either the row's first cell holds text and no
        control (the question) or the row is a data grid's, a control in every cell (no question: the column's
        header names the field)."""
        cell = el.getparent()
        while cell is not None and cell.tag not in _CELLS:
            if cell.tag in ("table", "tr", "form", "body"):
                return None
            cell = cell.getparent()
        row = cell.getparent() if cell is not None else None
        if row is None or row.tag != "tr":
            return None
        header = self._header_of(row)  # most tables have none: nothing else is read then
        if header is None or self.text(cell) or sum(1 for _ in cell.iter("input", "select", "textarea")) != 1:
            return None
        cells = _cells(row)
        if not cells:
            return None
        first = cells[0]
        # A data grid's row (every cell an entry: "Zeitraum von | Zeitraum bis | Art der Beschäftigung" above
        # a row of boxes per job) asks no question of its own: the column's header alone names the field.
        question = "" if first is cell or self.is_control(first) else self.text(first)
        if not question and not self._entry_row(cells, cell):
            return None
        above = cell_at(header, column_of(cell))
        if above is None or self.is_control(above):
            return None
        answer = self.text(above)
        return GridHeaders(question, answer) if answer else None

    def _entry_row(self, cells: list[lxml.etree._Element], cell: lxml.etree._Element) -> bool:
        """Whether a row whose first cell asks nothing is a data grid's row: its first cell holds a control (or
        is this one), and every cell of it holds a control or nothing."""
        if not (cells[0] is cell or self.is_control(cells[0])):
            return False
        return all(c is cell or self.is_control(c) or not self.text(c) for c in cells)

    def _header_of(self, row: lxml.etree._Element) -> lxml.etree._Element | None:
        table = next(row.iterancestors("table"), None)
        if table is None:
            return None
        if table not in self._indexed:
            self._indexed.add(table)
            self._index(table)
        return self._headers.get(row)

    def _index(self, table: lxml.etree._Element) -> None:
        """Each row of ``table`` (across thead/tbody/tfoot, not a nested table's) with the nearest header row
        above it, at most ``_ROWS_UP`` rows up. Rows with a control (the grid's body) and caption rows (one
        text, "Antecedentes personales") are passed."""
        last: lxml.etree._Element | None = None
        last_at = 0
        for at, row in enumerate(_rows(table)):
            self._headers[row] = last if last is not None and at - last_at <= _ROWS_UP else None
            cells = _cells(row)
            if any(self.is_control(c) for c in cells):
                continue
            named = [c for c in cells if self.text(c)]
            if len(named) >= 2 and all(_span(c) == 1 for c in named):
                last, last_at = row, at


def _rows(table: lxml.etree._Element) -> Iterator[lxml.etree._Element]:
    """The table's own rows in order: its ``tr`` children and those of its sections."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in _SECTIONS:
            yield from (r for r in child if isinstance(r.tag, str) and r.tag == "tr")


def _cells(row: lxml.etree._Element) -> list[lxml.etree._Element]:
    return [c for c in row if isinstance(c.tag, str) and c.tag in _CELLS]


def _span(cell: lxml.etree._Element) -> int:
    span = cell.get("colspan") or "1"
    return int(span) if span.isdigit() else 1


def column_of(cell: lxml.etree._Element) -> int:
    """The column a table cell starts in, its row's earlier cells' spans counted."""
    return sum(_span(c) for c in cell.itersiblings(preceding=True) if isinstance(c.tag, str) and c.tag in _CELLS)


def cell_at(row: lxml.etree._Element, column: int) -> lxml.etree._Element | None:
    """The cell of ``row`` that starts in ``column``; None when a cell spanning it starts before it."""
    at = 0
    for c in _cells(row):
        if at == column:
            return c
        at += _span(c)
        if at > column:
            return None
    return None
