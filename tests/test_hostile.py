"""Hostile input costs time linear in its size (issue 13): each shape that once took minutes runs
at a size where the old quadratic code took over 30 s, under a deadline far below that.

The sizes of issue 13's "Done when" (200k fields, a 20k-tag export, 100 KB soups) run with
``pytest -m slow`` and in ``bench/hostile.py``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from analyzer.facts import fieldfacts
from tests import hostile
from tests.conftest import scan_file


def _timed(tmp_path: Path, item: tuple[str, bytes], db, deadline: float):
    name, data = item
    path = tmp_path / name
    path.write_bytes(data)
    start = time.perf_counter()
    result = scan_file(path, db)
    took = time.perf_counter() - start
    assert took < deadline, f"{name}: {took:.1f} s"
    return result


def test_twenty_thousand_form_fields_are_placed_in_linear_time(tmp_path: Path, db) -> None:
    """20k inputs took 41 s: each field's line was counted from offset 0 (positions.line_col,
    htmldoc._end_line) and its scanned start found with list.index (htmldoc._cursor)."""
    result = _timed(tmp_path, hostile.form_fields(20_000), db, 6.0)
    assert len(result.fields) == 20_000
    assert [f.line for f in result.fields[:3]] == [2, 3, 4]
    assert result.fields[-1].line == 20_001 and result.fields[-1].column == 1


@pytest.mark.slow
def test_two_hundred_thousand_form_fields(tmp_path: Path, db) -> None:
    assert len(_timed(tmp_path, hostile.form_fields(200_000), db, 10.0).fields) == 200_000


def test_twenty_thousand_sibling_choice_tiles_are_read_in_linear_time(tmp_path: Path, db) -> None:
    """20k buttons acting as one question's radios took 104 s when each tile listed all its siblings to find a twin
    (choice_tiles._has_twin); neighbours are looked at up to 20 on each side, each element's comparison once."""
    with fieldfacts.every_control("-"):
        result = _timed(tmp_path, hostile.tile_row(20_000), db, 30.0)
    assert [(f.line, f.name, f.type) for f in result.fields] == [(2, "faith", "radio")], result.fields[:3]


def test_two_hundred_thousand_unclosed_braces_are_read_in_linear_time(tmp_path: Path, db) -> None:
    """Svelte's braced attribute values are quoted in place (jsxmarkup._quoted_braces): an unbalanced brace gives up
    on what it scanned, which is not scanned again."""
    _timed(tmp_path, hostile.unbalanced_braces(200_000), db, 10.0)


def test_an_eight_thousand_tag_gtm_export_is_read_in_linear_time(tmp_path: Path, db) -> None:
    """20k Custom HTML tags took 45-58 s (8k: 14 s): gtm._position searched from offset 0 and
    compiled two regexes per tag. Each tag is still placed at its own name."""
    result = _timed(tmp_path, hostile.gtm_export(8_000), db, 6.0)
    assert len(result.detections) == 8_000
    text = (tmp_path / "container.json").read_text().splitlines()
    last = result.detections[-1]
    assert '"name": "Hotjar 7999"' in text[last.location.line - 1]


@pytest.mark.slow
def test_twenty_thousand_tag_gtm_export(tmp_path: Path, db) -> None:
    assert len(_timed(tmp_path, hostile.gtm_export(20_000), db, 10.0).detections) == 20_000


def _template_stage(name: str, data: bytes, db) -> float:
    """Neutralise, read the branches and references, and judge a gate in the middle and at the end."""
    from analyzer.consent import template_gate
    from analyzer.parse import templates

    text = data.decode()
    start = time.perf_counter()
    dialect = templates.dialect(name, text)
    assert dialect, name
    _, tpl = templates.analyse(text, dialect)
    for offset in (len(text) // 2, len(text) - 20):
        template_gate.gate(tpl, offset, template_gate.vocabulary(db))
    return time.perf_counter() - start


@pytest.mark.parametrize("case", [name for name, _ in hostile.soups(10)])
def test_template_soup_is_scanned_in_linear_time(case: str, db) -> None:
    """Unclosed openers repeated ('<%<%<%…', '{%{%…') took 45-92 s on 100 KB: each regex
    alternative searched to the end of the file from every opener (templates._COMPILED)."""
    [(fname, data)] = [item for name, item in hostile.soups(50_000) if name == case]
    assert _template_stage(fname, data, db) < 2.5


@pytest.mark.parametrize("case", sorted(hostile.PADDED))
def test_a_construct_padded_with_100kb_of_blanks_is_read_in_linear_time(case: str, tmp_path: Path, db) -> None:
    """'{% render' + blanks, '<?php include' + blanks, '<%= if' + blanks, a PHP 'if (a … b)':
    regexes with adjacent blank runs (templates _REFS, _ERB_OPENS, the if/do heads,
    template_gate _OR/_AND) backtracked quadratically; each took minutes."""
    result = _timed(tmp_path, hostile.padded(case, 100_000), db, 5.0)
    assert [d.vendor for d in result.detections] == ["hotjar"]


@pytest.mark.slow
@pytest.mark.parametrize("case", [name for name, _ in hostile.soups(10)])
def test_template_soup_of_100kb_through_the_whole_engine(case: str, tmp_path: Path, db) -> None:
    [item] = [item for name, item in hostile.soups(100_000) if name == case]
    assert [d.vendor for d in _timed(tmp_path, item, db, 10.0).detections] == ["hotjar"]
