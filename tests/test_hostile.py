"""Hostile input costs time linear in its size (issue 13): each shape that once took minutes runs
at a size where the old quadratic code took over 30 s, under a deadline far below that.

The sizes of issue 13's "Done when" (200k fields, a 20k-tag export, 100 KB soups) run with
``pytest -m slow`` and in ``bench/hostile.py``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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


def test_a_two_thousand_tag_gtm_export_is_read_in_linear_time(tmp_path: Path, db) -> None:
    """20k Custom HTML tags took 45-58 s: gtm._position searched from offset 0 and compiled two
    regexes per tag. Each tag is still placed at its own name."""
    result = _timed(tmp_path, hostile.gtm_export(4_000), db, 8.0)
    assert len(result.detections) == 4_000
    text = (tmp_path / "container.json").read_text().splitlines()
    last = result.detections[-1]
    assert '"name": "Hotjar 3999"' in text[last.location.line - 1]


@pytest.mark.slow
def test_twenty_thousand_tag_gtm_export(tmp_path: Path, db) -> None:
    assert len(_timed(tmp_path, hostile.gtm_export(20_000), db, 10.0).detections) == 20_000
