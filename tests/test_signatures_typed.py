"""Signatures are compiled once into typed records at load: no module but the loader reads raw TOML.

Every fact a module needs from a vendor or consent-manager signature is a typed field of the record
(``Vendor.sdk``, ``Vendor.masking``, ``Cmp.js`` …), filled in ``analyzer/signatures/__init__.py``; small
grammars in the data (``Name.method('arg'``, ``Name[prop]``, ``flag=value:status``) are parsed there too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzer.signatures import SignatureError, _cmp_js, init_spec, load, release_spec

PACKAGE = Path(__file__).resolve().parent.parent / "analyzer"
LOADER = "signatures/__init__.py"

# Modules being rewritten elsewhere that still read ``.raw``; each has a typed field waiting for it
# (Cmp.js.example, Vendor.masking.page_exclusion / .fix, Vendor.self_hosted, Vendor.disclosure,
# Vendor.storage_keys). Empty this list as they switch; once empty, drop ``raw`` from the records.

_RAW = re.compile(r"\.raw\b")


def _readers() -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == LOADER:
            continue
        lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if _RAW.search(line)]
        if lines:
            out[rel] = lines
    return out


def test_no_module_but_the_loader_reads_raw_signature_tables() -> None:
    readers = _readers()
    assert not readers, f"read the typed fields of the signature records instead of .raw: {readers}"


def test_compiled_records_keep_no_raw_table() -> None:
    db = load()
    assert not any(hasattr(r, "raw") for r in [*db.vendors.values(), *db.cmps.values()])


def test_call_specs_are_parsed_at_load() -> None:
    assert init_spec("LogRocket.init") == init_spec(" LogRocket.init ")
    spec = init_spec("smartlook('init'")
    assert (spec.path, spec.obj, spec.name, spec.arg) == ("smartlook", None, "smartlook", "init")
    dotted = init_spec("posthog.init(")
    assert (dotted.obj, dotted.name, dotted.arg) == ("posthog", "init", None)
    release = release_spec('FS( "start"')
    assert (release.text, release.path, release.arg) == ("FS('start'", "FS", "start")
    assert release_spec("(0, x)(").path is None


def test_vendor_records_carry_their_compiled_sdk_and_masking() -> None:
    db = load()
    fullstory = db.vendors["fullstory"]
    assert any(c.name == "FullStory" for c in fullstory.sdk.components)
    assert fullstory.sdk.hold and all(r.text for h in fullstory.sdk.hold for r in h.release)
    assert all(shape.text for v in db.vendors.values() for shape in v.sdk.bundle_calls)
    logrocket = db.vendors["logrocket"]
    assert "LogRocket.init" in logrocket.sdk.init_starts
    assert logrocket.masking.text is not None and logrocket.masking.text.marks
    assert any(v.self_hosted for v in db.vendors.values())
    assert any(c.js.example for c in db.cmps.values())


@pytest.mark.parametrize(
    ("js", "message"),
    [
        ({"category_flags": ["required=true:ungatd"]}, "category_flags"),
        ({"consent_parameters": ["callback:first:purposes"]}, "consent_parameters"),
    ],
)
def test_a_malformed_js_spec_fails_at_load(js: dict, message: str) -> None:
    with pytest.raises(SignatureError, match=message):
        _cmp_js(js, "consent manager x")
