"""Issue 13, "a recorder hidden from the gate": input that once lost a file's recorder (or made
the scan trust nothing) now keeps it, with a diagnostic that says what was wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import scan_file

RECORDER = '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>'


def _export(tag_changes: dict, cv_changes: dict | None = None) -> str:
    tag = {"tagId": "1", "name": "Hotjar", "type": "html", "firingTriggerId": ["2147479553"],
           "parameter": [{"type": "TEMPLATE", "key": "html", "value": RECORDER}]}
    tag.update(tag_changes)
    cv = {"containerId": "1", "tag": [tag], "trigger": []}
    cv.update(cv_changes or {})
    return json.dumps({"exportFormatVersion": 2, "containerVersion": cv}, indent=1)


def _gtm(tmp_path: Path, db, text: str):
    path = tmp_path / "container.json"
    path.write_text(text)
    return scan_file(path, db)


def test_a_trigger_id_written_as_a_string_is_one_trigger(tmp_path: Path, db) -> None:
    """'2147479553' was read as ten one-character trigger ids: the All Pages tag became unverifiable."""
    result = _gtm(tmp_path, db, _export({"firingTriggerId": "2147479553"}))
    assert [(d.vendor, d.verdict.status.value) for d in result.detections] == [("hotjar", "ungated")]


@pytest.mark.parametrize(
    "tag_changes, cv_changes, where",
    [
        ({"parameter": "html"}, None, "containerVersion.tag[0].parameter is not a list"),
        ({"consentSettings": "NEEDED"}, None, "containerVersion.tag[0].consentSettings is not an object"),
        ({"consentSettings": {"consentType": []}}, None, "containerVersion.tag[0].consentSettings.consentType is not an object"),
        ({"firingTriggerId": [{"id": 1}]}, None, "containerVersion.tag[0].firingTriggerId[0] is not an id"),
        ({}, {"trigger": {"1": {}}}, "containerVersion.trigger is not a list"),
        ({}, {"trigger": ["PAGEVIEW"]}, "containerVersion.trigger[0] is not an object"),
        ({}, {"customTemplate": "x"}, "containerVersion.customTemplate is not a list"),
    ],
)
def test_a_malformed_export_is_reported_as_invalid_and_what_it_holds_is_kept(tmp_path: Path, db, tag_changes, cv_changes, where) -> None:
    """Strings or dicts where GTM writes objects raised AttributeError: an internal error, the file lost."""
    result = _gtm(tmp_path, db, _export(tag_changes, cv_changes))
    assert [(d.code, d.message.split(";")[0]) for d in result.diagnostics] == [("gtm-export-invalid", where)]
    if "parameter" not in tag_changes:
        assert [d.vendor for d in result.detections] == ["hotjar"]


def test_a_tag_list_of_strings_is_invalid_not_an_internal_error(tmp_path: Path, db) -> None:
    result = _gtm(tmp_path, db, _export({}, {"tag": ["html", 5, None]}))
    assert [d.code for d in result.diagnostics] == ["gtm-export-invalid"]
