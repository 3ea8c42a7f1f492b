"""Every annotated fixture: the detections are exactly the annotated ones, with the annotated verdict.

One test per fixture file; the fixture's own comments say what must fire (STYLE.md §12).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.annotations import parse
from tests.conftest import FIXTURES, scan_file

CODE_EXTENSIONS = {".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue", ".svelte", ".astro"}
CASES = sorted(p for sub in ("vendors", "consent", "site", "forms") for p in (FIXTURES / sub).rglob("*.html"))
CASES += sorted(p for sub in ("js", "apps") for p in (FIXTURES / sub).rglob("*") if p.suffix in CODE_EXTENSIONS)


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(FIXTURES)) for p in CASES])
def test_fixture_detections_match_annotations(path: Path, db) -> None:
    expected = parse(path.read_text(encoding="utf-8"))
    result = scan_file(path, db)
    got = sorted((d.location.line, d.vendor, d.verdict.status.value, d.via, d.verdict.cmp) for d in result.detections)
    want_detections = [e for e in expected if e.kind == "detection"]
    assert [(g[0], g[1]) for g in got] == sorted((e.line, e.subject) for e in want_detections), f"detections differ; got {got}"
    for exp in want_detections:
        match = next(g for g in got if g[0] == exp.line and g[1] == exp.subject)
        assert match[2] == exp.status, f"line {exp.line} {exp.subject}: status {match[2]} != {exp.status}; {result.detections}"
        if "via" in exp.options:
            assert match[3] == exp.options["via"]
        if "cmp" in exp.options:
            assert match[4] == exp.options["cmp"]
    findings = {(f.location.line, f.rule) for f in result.findings}
    for exp in (e for e in expected if e.kind == "finding"):
        assert (exp.line, exp.subject) in findings, f"missing {exp.subject} on line {exp.line}; got {sorted(findings)}"
    assert not [d for d in result.diagnostics if d.code == "internal-error"]


def test_there_are_fixtures_to_run() -> None:
    assert len(CASES) >= 20
