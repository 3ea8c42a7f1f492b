"""Recorder starts called on another ES module chunk's export (analyzer/facts/jsdetect.py
``registry_starts``, analyzer/resolve/registry.py ``_chunk_confirmed``): a Vite / Rollup / esbuild
entry chunk calls ``Oe.clarity.init('<id>')`` with ``import{e as Oe}from"./vendor-….js"``, and the
vendor chunk exports react-microsoft-clarity's object whose ``init`` injects the Clarity tag. The
call is a start, judged by the guards around it, only when that export in that chunk is a function
holding the vendor's code; fixtures/bundles/vite-chunks/ holds the shapes, annotated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analyzer.model import Status
from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES

CASE = FIXTURES / "bundles" / "vite-chunks" / "assets"
FILES = sorted(CASE.glob("*.js"))


def _found(paths: tuple[str, ...]):
    result = run(ScanOptions(paths=paths))
    return sorted((Path(d.location.path).name, d.location.line, d.vendor, d.verdict.status.value) for d in result.detections)


def _annotated(path: Path) -> list[tuple[str, int, str, str | None]]:
    return [(path.name, e.line, e.subject, e.status) for e in parse(path.read_text(encoding="utf-8")) if e.kind == "detection"]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_chunk_named_on_its_own_reads_the_chunks_it_imports(path: Path) -> None:
    # A file named alone may read its own folder (as it reads its source map there).
    assert _found((str(path),)) == _annotated(path)


def test_the_folder_scanned_whole_gives_the_same_starts() -> None:
    assert _found((str(CASE),)) == sorted(a for p in FILES for a in _annotated(p))


def test_the_start_says_what_the_export_is() -> None:
    result = run(ScanOptions(paths=(str(CASE / "app-D4kW8pQe.js"),)))
    (d,) = result.detections
    assert "e.clarity.init" in d.evidence and "vendor-Bq7Lx2Ua.js" in d.evidence and "clarity.ms/tag/" in d.evidence


def test_a_negated_check_does_not_gate_the_call(tmp_path: Path) -> None:
    shutil.copy(CASE / "vendor-Bq7Lx2Ua.js", tmp_path)
    text = (CASE / "consent-Hn2cV0sd.js").read_text(encoding="utf-8")
    (tmp_path / "consent.js").write_text(text.replace("window.Cookiebot.consent.statistics&&", "window.Cookiebot.consent.statistics||"))
    found = _found((str(tmp_path / "consent.js"),))
    assert found and all(s != Status.GATED.value for *_, s in found), found


def test_a_chunk_outside_the_named_files_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    shutil.copy(CASE / "vendor-Bq7Lx2Ua.js", tmp_path)
    text = (CASE / "app-D4kW8pQe.js").read_text(encoding="utf-8").replace('"./vendor-Bq7Lx2Ua.js"', '"../vendor-Bq7Lx2Ua.js"')
    (tmp_path / "assets" / "app.js").write_text(text)
    assert _found((str(tmp_path / "assets" / "app.js"),)) == []
    # Scanned from the folder above, the chunk is inside the scan: the start is found.
    assert [f[:3] for f in _found((str(tmp_path),)) if f[0] == "app.js"] == [("app.js", 7, "clarity")]


def test_a_function_that_calls_the_vendor_code_through_other_names_is_followed(tmp_path: Path) -> None:
    # The export's init reaches the injection two calls deep; a chunk whose init reaches nothing
    # of Clarity's starts nothing (the look-alike fixture's H.analytics.init).
    vendor = (
        (CASE / "vendor-Bq7Lx2Ua.js")
        .read_text(encoding="utf-8")
        .replace("function Y0(e){q0(e)}", "function W0(e){q0(e)}function Y0(e){W0(e)}")
    )
    (tmp_path / "vendor-Bq7Lx2Ua.js").write_text(vendor)
    shutil.copy(CASE / "app-D4kW8pQe.js", tmp_path)
    assert [f[:3] for f in _found((str(tmp_path / "app-D4kW8pQe.js"),))] == [("app-D4kW8pQe.js", 7, "clarity")]
