"""Exported recorder starts are judged at their callers in other files (fixtures/crossfile)."""

from __future__ import annotations

from pathlib import Path

from analyzer.model import Status
from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES

APP = FIXTURES / "crossfile" / "portal"
LIB = APP / "src" / "lib" / "analytics.ts"


def _expected() -> set[tuple[str, int, str, str]]:
    out = set()
    for path in APP.rglob("*"):
        if path.suffix in (".ts", ".tsx"):
            for e in parse(path.read_text(encoding="utf-8")):
                if e.kind == "detection":
                    out.add((path.name, e.line, e.subject, e.status))
    return out


def test_exported_starts_take_their_callers_verdicts() -> None:
    result = run(ScanOptions(paths=(str(APP),)))
    got = {(Path(d.location.path).name, d.location.line, d.vendor, d.verdict.status.value) for d in result.detections}
    assert got == _expected()


def test_findings_follow_the_new_verdicts() -> None:
    result = run(ScanOptions(paths=(str(APP),)))
    rules = {(f.vendor, f.rule) for f in result.findings if f.rule.startswith("RL10")}
    assert ("mouseflow", "RL101") in rules and ("clarity", "RL100") in rules and ("smartlook", "RL102") in rules
    assert ("mouseflow", "RL102") not in rules and ("clarity", "RL102") not in rules


def test_the_module_alone_leaves_every_start_unverifiable() -> None:
    result = run(ScanOptions(paths=(str(LIB),)))
    assert {d.verdict.status for d in result.detections} == {Status.UNVERIFIABLE}
    assert len(result.detections) == 4


def test_callers_are_named_in_the_evidence() -> None:
    result = run(ScanOptions(paths=(str(APP),)))
    clarity = next(d for d in result.detections if d.vendor == "clarity")
    assert "ConsentBridge.tsx" in clarity.verdict.evidence and "cookiebot" in clarity.verdict.evidence.lower()
