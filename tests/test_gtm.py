"""GTM container exports (fixtures/gtm): each recorder tag's vendor and verdict, from its consent
settings and firing triggers; and the note on pages that only load a tag manager."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run
from tests.conftest import FIXTURES

EXPORTS = sorted((FIXTURES / "gtm").glob("*.expected.json"))


@pytest.mark.parametrize("expected", EXPORTS, ids=[p.name.split(".")[0] for p in EXPORTS])
def test_export_tags_and_verdicts(expected: Path) -> None:
    export = expected.with_name(expected.name.replace(".expected.json", ".json"))
    want = sorted((e["tag"], e["vendor"], e["status"]) for e in json.loads(expected.read_text()))
    result = run(ScanOptions(paths=(str(export),)))
    got = sorted((d.evidence.split("'")[1], d.vendor, d.verdict.status.value) for d in result.detections)
    assert got == want, [d.verdict.evidence for d in result.detections]


def test_wrong_consent_category_in_gtm_is_flagged() -> None:
    result = run(ScanOptions(paths=(str(FIXTURES / "gtm" / "consent-mode-trap.json"),)))
    assert [f.vendor for f in result.findings if f.rule == "RL103"] == ["logrocket"]


def test_page_with_only_a_tag_manager_gets_the_opaque_note() -> None:
    result = run(ScanOptions(paths=(str(FIXTURES / "gtm" / "page-with-gtm-only.html"),)))
    assert result.detections == [] and [f.rule for f in result.findings] == ["RL140"]


def test_broken_export_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "gtm.json").write_text('{"exportFormatVersion": 2, "containerVersion": {"tag": [}')
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [d.code for d in result.diagnostics] == ["gtm-export-invalid"]


def test_a_tag_is_placed_at_its_own_name_even_when_written_raw_and_named_elsewhere_first(tmp_path: Path) -> None:
    doc = json.loads((FIXTURES / "gtm" / "community-template.json").read_text())
    tags = doc["containerVersion"]["tag"]
    recorder = next(t for t in tags if t.get("tagId") == "12")
    recorder["name"] = "Clarity – Tracking"  # an en dash, written raw below
    # A tag before it whose setup reference carries the same name.
    tags.insert(0, {"tagId": "99", "name": "Setup", "type": "html", "setupTag": [{"tagName": "Clarity – Tracking"}], "parameter": []})
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    (tmp_path / "container.json").write_text(text, encoding="utf-8")
    [d] = [d for d in run(ScanOptions(paths=(str(tmp_path / "container.json"),))).detections if d.vendor == "clarity"]
    lines = text.splitlines()
    assert '"name": "Clarity – Tracking"' in lines[d.location.line - 1]
