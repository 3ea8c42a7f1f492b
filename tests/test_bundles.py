"""Minified bundles built from real npm SDKs (fixtures/bundles): the start is found through the
renamed call graph and mapped back to the original source by the source map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, scan_file

CASES = sorted(p.parent for p in (FIXTURES / "bundles").glob("*/expected.json"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bundle_start_verdict_and_original_line(case: Path, db) -> None:
    expected = json.loads((case / "expected.json").read_text())
    result = scan_file(case / "dist" / "app.js", db)
    got = [(d.vendor, d.verdict.status.value, d.via) for d in result.detections]
    assert got == [(expected["vendor"], expected["status"], "bundle-init")], result.detections
    original = result.detections[0].original
    assert original is not None and original.endswith(expected["original"]), original


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bundle_without_source_map_still_finds_the_start(case: Path, tmp_path: Path, db) -> None:
    expected = json.loads((case / "expected.json").read_text())
    bundle = tmp_path / "app.js"
    text = (case / "dist" / "app.js").read_text()
    bundle.write_text(text.replace("//# sourceMappingURL=app.js.map", ""))
    result = scan_file(bundle, db)
    statuses = {(d.vendor, d.verdict.status.value) for d in result.detections}
    assert (expected["vendor"], expected["status"]) in statuses or not result.detections
    assert all(d.original is None for d in result.detections)


def test_there_are_bundles() -> None:
    assert len(CASES) >= 4
