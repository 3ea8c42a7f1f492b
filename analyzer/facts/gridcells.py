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


def grid_headers(
    el: lxml.etree._Element, text: Callable[[lxml.etree._Element], str], is_control: Callable[[lxml.etree._Element], bool]
) -> GridHeaders | None:
    """The row and column headers of the cell ``el`` stands alone in (its only control), when the cell is not
    the row's first, the row's first cell holds text and no control, and the table's header row (the first row
    with two text cells or more, none of which spans columns) has a text cell in the control's column."""
    cell = el.getparent()
    while cell is not None and cell.tag not in _CELLS:
        if cell.tag in ("table", "tr", "form", "body"):
            return None
        cell = cell.getparent()
    if cell is None or text(cell) or sum(1 for _ in cell.iter("input", "select", "textarea")) != 1:
        return None
    row = cell.getparent()
    if row is None or row.tag != "tr":
        return None
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in _CELLS]
    if not cells or cells[0] is cell or is_control(cells[0]):
        return None
    question = text(cells[0])
    if not question:
        return None
    column = _column(cell)
    header = _header_row(row, text, is_control)
    if header is None:
        return None
    above = _cell_at(header, column)
    if above is None or is_control(above):
        return None
    answer = text(above)
    return GridHeaders(question, answer) if answer else None


def _span(cell: lxml.etree._Element) -> int:
    span = cell.get("colspan") or "1"
    return int(span) if span.isdigit() else 1


def _column(cell: lxml.etree._Element) -> int:
    return sum(_span(c) for c in cell.itersiblings(preceding=True) if isinstance(c.tag, str) and c.tag in _CELLS)


def _cell_at(row: lxml.etree._Element, column: int) -> lxml.etree._Element | None:
    at = 0
    for c in row:
        if not isinstance(c.tag, str) or c.tag not in _CELLS:
            continue
        if at == column:
            return c
        at += _span(c)
        if at > column:
            return None
    return None


def _header_row(
    row: lxml.etree._Element, text: Callable[[lxml.etree._Element], str], is_control: Callable[[lxml.etree._Element], bool]
) -> lxml.etree._Element | None:
    """The nearest row above ``row`` (in its table, across ``thead``/``tbody``) with two text cells or more, none
    spanning columns and none holding a control. Rows with a control (the grid's body) and caption rows (one
    text, "Antecedentes personales") are passed."""
    for above in _rows_above(row):
        cells = [c for c in above if isinstance(c.tag, str) and c.tag in _CELLS]
        if any(is_control(c) for c in cells):
            continue
        named = [c for c in cells if text(c)]
        if len(named) >= 2 and all(_span(c) == 1 for c in named):
            return above
    return None


def _rows_above(row: lxml.etree._Element) -> Iterator[lxml.etree._Element]:
    """The rows of ``row``'s table above it, nearest first, at most ``_ROWS_UP``."""
    seen = 0
    node = row
    while True:
        prev = node.getprevious()
        while prev is not None:
            if isinstance(prev.tag, str) and prev.tag == "tr":
                found = [prev]
            elif isinstance(prev.tag, str) and prev.tag in _SECTIONS:
                found = [r for r in reversed(prev) if isinstance(r.tag, str) and r.tag == "tr"]
            else:
                found = []
            for r in found:
                seen += 1
                if seen > _ROWS_UP:
                    return
                yield r
            prev = prev.getprevious()
        parent = node.getparent()
        if parent is None or parent.tag not in _SECTIONS:
            return
        node = parent
