"""Page data (fixtures/pagedata, issue 14): fields that take the page's or form's topic, values a
template or component prints as text, and special-category pages. One scan of the folder; each
file's annotations say which findings (rule and vendor, per line) and which sensitive fields it
must produce, and nothing else of those rules may fire (the look-alikes carry no annotation)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES

ROOT = FIXTURES / "pagedata"
RULES = {"RL320", "RL321", "RL322", "RL330"}
SUFFIXES = {".html", ".erb", ".php", ".hbs", ".gohtml", ".liquid", ".jsx", ".vue", ".svelte"}
FILES = sorted(p for p in ROOT.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


@pytest.fixture(scope="module")
def scan():
    return run(ScanOptions(paths=(str(ROOT),)))


def _mine(items, path: Path):
    return [i for i in items if Path(i.location.path if hasattr(i, "location") else i.path).resolve() == path.resolve()]


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_findings_and_fields_match_annotations(path: Path, scan) -> None:
    expected = parse(path.read_text(encoding="utf-8"))
    want = sorted((e.line, e.subject, e.options.get("vendor", "")) for e in expected if e.kind == "finding")
    got = sorted((f.location.line, f.rule, f.vendor or "") for f in _mine(scan.findings, path) if f.rule in RULES)
    assert got == want, [(f.location.line, f.rule, f.vendor, f.message) for f in _mine(scan.findings, path) if f.rule in RULES]
    fields = {r.field.line: r for r in scan.fields if Path(r.path).resolve() == path.resolve()}
    want_fields = {e.line: e for e in expected if e.kind == "field"}
    assert sorted(fields) == sorted(want_fields), [(r.field.line, r.field.name, r.field.classification) for r in fields.values()]
    for line, exp in want_fields.items():
        report = fields[line]
        exposed = sorted(v for v in exp.options.get("exposed", "none").split(",") if v and v != "none")
        assert (report.field.classification.category, sorted(report.exposed)) == (exp.subject, exposed), (
            line,
            report.field.classification,
            report.reasons,
        )


def test_every_mechanism_has_fixtures_in_three_dialects_and_two_frameworks() -> None:
    """Issue 14: context fields, printed values and sensitive pages each in at least three template
    dialects and two component frameworks."""
    kinds = {"field": set(), "RL32": set(), "RL330": set()}
    for path in FILES:
        flavour = path.suffix if path.suffix != ".html" or "templates" in path.parts else ".page"
        for e in parse(path.read_text(encoding="utf-8")):
            key = "field" if e.kind == "field" else "RL330" if e.subject == "RL330" else "RL32" if e.subject.startswith("RL32") else None
            if key:
                kinds[key].add(flavour)
    for key, flavours in kinds.items():
        assert len(flavours & {".html", ".erb", ".php", ".hbs", ".gohtml", ".liquid"}) >= 3, (key, flavours)
        assert len(flavours & {".jsx", ".vue", ".svelte"}) >= 2, (key, flavours)


def test_the_context_is_named_in_the_finding(scan) -> None:
    booking = ROOT / "jinja" / "templates" / "clinic" / "booking.html"
    [finding] = [f for f in _mine(scan.findings, booking) if f.rule == "RL301"]
    assert "free text" in finding.message and "Dental Clinic" in finding.message, finding.message
