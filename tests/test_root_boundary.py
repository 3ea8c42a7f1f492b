"""Issue 13, "the root is a boundary": nothing outside the scanned folder is read unless asked,
special files are never opened, and a broken source map never costs the bundle's recorder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run
from tests.conftest import FIXTURES, ROOT, scan_file

BUNDLE = FIXTURES / "bundles" / "hotjar-toplevel" / "dist"
SNIPPET = '<html><head><script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head></html>'


def _bundle(folder: Path, map_text: str | None, url: str | None = "app.js.map") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (BUNDLE / "app.js").read_text().replace("//# sourceMappingURL=app.js.map", f"//# sourceMappingURL={url}" if url else "")
    (folder / "app.js").write_text(text)
    if map_text is not None:
        (folder / "app.js.map").write_text(map_text)
    return folder / "app.js"


@pytest.mark.parametrize(
    "map_text",
    [
        "[1, 2, 3]",
        '{"version": 3, "sources": ["a.js"], "mappings": "gggggg;AAAA"}',
        '{"version": 3, "sources": "a.js", "mappings": 5}',
        '{"version": 3, "sources": [null, 5], "sourceRoot": [], "mappings": "AAAA,CCCC"}',
        '{"version": 3, "sources": ["a.js"], "mappings": "' + "g" * 5000 + 'A"}',
        "[" * 100_000 + "]" * 100_000,
    ],
    ids=["json-list", "continuation-only", "wrong-types", "null-sources", "huge-vlq", "deep-json"],
)
def test_a_broken_source_map_does_not_cost_the_bundle_its_recorder(map_text: str, tmp_path: Path, db) -> None:
    """A map that is a JSON list, or a VLQ segment of continuation digits only, raised
    AttributeError / IndexError in sourcemap and the bundle's recorder was gone."""
    result = scan_file(_bundle(tmp_path, map_text), db)
    assert [d.vendor for d in result.detections] == ["hotjar"]
    assert not [d for d in result.diagnostics if d.code in ("internal-error", "too-complex")]


@pytest.mark.parametrize("url", ["../outside/app.js.map", "ABSOLUTE"])
def test_a_source_map_outside_the_root_is_not_read_unless_asked(url: str, tmp_path: Path) -> None:
    """sourceMappingURL=../../etc/passwd (or an absolute path) was opened, and a valid map outside
    the root was used: its source names appeared in the report."""
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(BUNDLE / "app.js.map", outside / "app.js.map")
    site = tmp_path / "site"
    _bundle(site, None, str(outside / "app.js.map") if url == "ABSOLUTE" else url)
    result = run(ScanOptions(paths=(str(site),)))
    assert [(d.vendor, d.original) for d in result.detections] == [("hotjar", None)]
    assert [d.code for d in result.diagnostics] == ["outside-root"]
    followed = run(ScanOptions(paths=(str(site),), follow_outside=True))
    assert followed.detections[0].original is not None and not followed.diagnostics


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_symlink_leaving_the_root_is_not_followed_unless_asked(kind: str, tmp_path: Path) -> None:
    """File and folder symlinks leaving the root were followed and their content appeared in evidence."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.html").write_text(SNIPPET)
    site = tmp_path / "site"
    site.mkdir()
    (site / "own.html").write_text("<html><body>own</body></html>")
    target, link = (outside / "secret.html", site / "link.html") if kind == "file" else (outside, site / "linked")
    os.symlink(target, link)
    result = run(ScanOptions(paths=(str(site),)))
    assert not result.detections
    assert [(Path(d.path).name, d.code) for d in result.diagnostics] == [(link.name, "outside-root")]
    assert [d.vendor for d in run(ScanOptions(paths=(str(site),), follow_outside=True)).detections] == ["hotjar"]


def test_a_symlink_inside_the_root_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "page.html").write_text(SNIPPET)
    os.symlink(tmp_path / "real" / "page.html", tmp_path / "alias.html")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert sorted(Path(d.location.path).name for d in result.detections) == ["alias.html", "page.html"]
    assert not result.diagnostics


@pytest.mark.skipif(not os.path.exists("/proc/kmsg"), reason="needs /proc/kmsg")
@pytest.mark.parametrize("named", [False, True], ids=["in-folder", "named"])
def test_a_symlink_to_proc_kmsg_never_blocks_the_scan(named: bool, tmp_path: Path) -> None:
    """kmsg.html -> /proc/kmsg blocked the whole scan forever (a regular file of size 0 whose
    read waits for kernel messages)."""
    (tmp_path / "good.html").write_text(SNIPPET)
    os.symlink("/proc/kmsg", tmp_path / "kmsg.html")
    target = tmp_path / "kmsg.html" if named else tmp_path
    proc = subprocess.run(
        [sys.executable, "-m", "analyzer.cli", "scan", "--format", "json", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode in (0, 1, 2), proc.stderr
    report = json.loads(proc.stdout)
    if not named:
        assert [d["vendor"] for d in report["detections"]] == ["hotjar"]
