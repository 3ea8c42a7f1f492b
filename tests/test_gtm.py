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


def _container(tags: list[dict], triggers: list[dict] | None = None) -> str:
    return json.dumps({"exportFormatVersion": 2, "containerVersion": {"tag": tags, "trigger": triggers or []}})


_HOTJAR_NEEDED = {
    "tagId": "10",
    "name": "Hotjar",
    "type": "hjtc",
    "parameter": [{"type": "TEMPLATE", "key": "hotjar_site_id", "value": "3817264"}],
    "firingTriggerId": ["2147479553"],
    "consentSettings": {
        "consentStatus": "NEEDED",
        "consentType": {"type": "LIST", "list": [{"type": "TEMPLATE", "value": "analytics_storage"}]},
    },
}


def _defaults(call: str) -> dict:
    html = f"<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}{call}</script>"
    return {"tagId": "1", "name": "Consent defaults", "type": "html", "parameter": [{"type": "TEMPLATE", "key": "html", "value": html}]}


@pytest.mark.parametrize(
    ("call", "status"),
    [
        ("gtag('consent','default',{analytics_storage:'granted'});", "ungated"),  # fires before any choice
        ("gtag('consent', 'default', {'ad_storage': 'denied', 'analytics_storage': 'granted'});", "ungated"),
        ("gtag('consent','default',{analytics_storage:'denied'});", "gated"),
        ("gtag('consent','default',{analytics_storage:'granted', region: ['US']});", "gated"),  # granted outside the EU only
    ],
    ids=["granted", "granted-quoted", "denied", "granted-in-a-region"],
)
def test_a_consent_default_of_granted_in_the_container_defeats_its_consent_settings(tmp_path: Path, call: str, status: str) -> None:
    (tmp_path / "container.json").write_text(_container([_defaults(call), _HOTJAR_NEEDED]))
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [d.verdict.status.value for d in result.detections] == [status], [d.verdict.evidence for d in result.detections]


def _filtered(kind: str, arg0: str, arg1: str) -> list[dict]:
    params = [{"type": "TEMPLATE", "key": "arg0", "value": arg0}, {"type": "TEMPLATE", "key": "arg1", "value": arg1}]
    return [{"triggerId": "5", "name": "PV", "type": "PAGEVIEW", "filter": [{"type": kind, "parameter": params}]}]


@pytest.mark.parametrize(
    ("kind", "arg0", "arg1"),
    [
        ("CONTAINS", "{{Cookie - OptanonConsent}}", "C0002:0"),  # analytics refused
        ("EQUALS", "{{Cookiebot.consent.statistics}}", "false"),
        ("MATCH_REGEX", "{{OnetrustActiveGroups}}", "C0001|C0002"),  # the necessary group is always active
        ("CONTAINS", "{{Cookie - cmplz_statistics}}", "deny"),
        ("CONTAINS", "{{Cookie - OptanonConsent}}", "C0002%3A0"),  # the cookie as stored, URI-encoded
        ("MATCH_REGEX", "{{Cookie - OptanonConsent}}", "C0002:[01]"),
        ("CONTAINS", "{{Cookie - OptanonConsent}}", "C0002"),  # the cookie lists the refused groups too
    ],
    ids=["refused-group", "equals-false", "either-group", "deny", "encoded-refusal", "class", "bare-group-in-cookie"],
)
def test_a_trigger_filter_that_holds_without_analytics_consent_gates_nothing(tmp_path: Path, kind: str, arg0: str, arg1: str) -> None:
    tag = {k: v for k, v in _HOTJAR_NEEDED.items() if k != "consentSettings"} | {"firingTriggerId": ["5"]}
    (tmp_path / "container.json").write_text(_container([tag], _filtered(kind, arg0, arg1)))
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [d.verdict.status.value for d in result.detections] != ["gated"], [d.verdict.evidence for d in result.detections]


def test_a_trigger_filter_on_the_analytics_group_granted_still_gates(tmp_path: Path) -> None:
    tag = {k: v for k, v in _HOTJAR_NEEDED.items() if k != "consentSettings"} | {"firingTriggerId": ["5"]}
    (tmp_path / "container.json").write_text(_container([tag], _filtered("CONTAINS", "{{Cookie - OptanonConsent}}", "C0002:1")))
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [d.verdict.status.value for d in result.detections] == ["gated"], [d.verdict.evidence for d in result.detections]


def test_a_strict_pattern_on_the_active_groups_still_gates(tmp_path: Path) -> None:
    tag = {k: v for k, v in _HOTJAR_NEEDED.items() if k != "consentSettings"} | {"firingTriggerId": ["5"]}
    trigger = _filtered("MATCH_REGEX", "{{OnetrustActiveGroups}}", "(^|,)C0002(,|$)")
    (tmp_path / "container.json").write_text(_container([tag], trigger))
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [d.verdict.status.value for d in result.detections] == ["gated"], [d.verdict.evidence for d in result.detections]
