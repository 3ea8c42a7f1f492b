"""Form fixtures (fixtures/forms): every sensitive field is annotated with its category and the
recorders that would capture it; benign fields get no entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES

CASES = sorted((FIXTURES / "forms").glob("*.html"))


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_fields_match_annotations(path: Path) -> None:
    expected = [e for e in parse(path.read_text(encoding="utf-8")) if e.kind == "field"]
    result = run(ScanOptions(paths=(str(path),)))
    got = {r.field.line: r for r in result.fields}
    want = {e.line: e for e in expected}
    assert sorted(got) == sorted(want), (
        f"field lines differ: got {[(r.field.line, r.field.name, r.field.classification) for r in result.fields]}"
    )
    for line, exp in want.items():
        report = got[line]
        exposed = sorted(report.exposed)
        wanted = sorted(v for v in exp.options.get("exposed", "none").split(",") if v and v != "none")
        assert (report.field.classification.category, exposed) == (exp.subject, wanted), (
            f"line {line} {report.field.name}: {report.field.classification} exposed={exposed} reasons={report.reasons}"
        )


def test_there_are_form_fixtures() -> None:
    assert len(CASES) >= 10


def test_contenteditable_is_found_whatever_its_case(tmp_path: Path) -> None:
    page = tmp_path / "notes.html"
    page.write_text(
        '<html><head><script src="https://cdn.lr-ingest.com/LogRocket.min.js"></script>'
        "<script>LogRocket.init('a/b');</script></head><body>"
        '<div contentEditable="true" aria-label="Your medical diagnosis"></div></body></html>'
    )
    [report] = run(ScanOptions(paths=(str(page),))).fields
    assert report.field.classification.category == "health"


def test_what_a_php_tag_printed_is_not_a_label(tmp_path: Path) -> None:
    # The template reader writes an output tag's text as "0"s; a label made of them is no label, and the text
    # a person reads before the control ("Diagnose") labels it instead. Numbers written in the page stay.
    page = tmp_path / "intake.php"
    page.write_text(
        '<html><head><script src="https://cdn.lr-ingest.com/LogRocket.min.js"></script>'
        "<script>LogRocket.init('a/b');</script></head><body><form>\n"
        '<p>Diagnose</p><label for="f1"><?php echo $labels[$i]; ?></label><input id="f1" name="f1">\n'
        '<label for="f2">Dosis (mg/100 ml)</label><input id="f2" name="f2">\n'
        "</form></body></html>\n"
    )
    got = {r.field.name: (r.field.label, r.field.classification.category) for r in run(ScanOptions(paths=(str(page),))).fields}
    assert got["f1"] == ("Diagnose", "health"), got
    assert "0" not in got["f1"][0]
