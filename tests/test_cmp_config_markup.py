"""A consent manager's markup verdict read with its configuration (``[config]`` in signatures/consent/*.toml,
analyzer/facts/cmp_config.py, analyzer/resolve/cmp_configs.py): an adversarial hunt's false "gated" verdicts
(s42 c01, c02). CookieConsent ``mode: 'opt-out'`` runs an enabled category's scripts on the first visit
(v3 and v2), a ``readOnly`` category is accepted on "Reject all" too, and Klaro runs a ``required`` service (or
every service of a ``required`` configuration) before any choice, whether the configuration is inline or in a
script the page loads. Look-alikes whose configuration waits for consent stay gated, and so does a page whose
configuration the scan cannot see."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.kinds import Mechanism
from analyzer.model import Status
from analyzer.scan import ScanOptions, run

HOTJAR = 'src="https://static.hotjar.com/c/hotjar-3581204.js?sv=6"'
CC3 = '<script src="https://cdn.jsdelivr.net/gh/orestbida/cookieconsent@3.1.0/dist/cookieconsent.umd.js"></script>'
CC3_REC = f'<script type="text/plain" data-category="analytics" {HOTJAR}></script>'
CC2 = '<script defer src="https://cdn.jsdelivr.net/gh/orestbida/cookieconsent@v2.9.2/dist/cookieconsent.js"></script>'
CC2_REC = f'<script type="text/plain" data-cookiecategory="analytics" {HOTJAR}></script>'
KLARO = '<script defer src="https://cdn.kiprotect.com/klaro/v0.7/klaro.js"></script>'
KLARO_REC = f'<script type="text/plain" data-type="text/javascript" data-name="hotjar" {HOTJAR}></script>'


def _cc3(options: str, analytics: str) -> str:
    return f"CookieConsent.run({{ {options} categories: {{ necessary: {{ enabled: true, readOnly: true }}, analytics: {analytics} }} }});"


def _cc2(mode: str, toggle: str) -> str:
    return (
        f"var cc = initCookieConsent(); cc.run({{ page_scripts: true, {mode} languages: {{ en: {{ settings_modal: {{ blocks: "
        f"[{{ title: 'Analytics', toggle: {toggle} }}] }} }} }} }});"
    )


def _klaro(top: str, service: str) -> str:
    return f"var klaroConfig = {{ version: 1, {top} services: [{{ name: 'hotjar', purposes: ['analytics']{service} }}] }};"


# (loader, configuration script, recorder markup)
CASES = {
    "cc3-opt-out": (CC3, _cc3("mode: 'opt-out',", "{ enabled: true }"), CC3_REC),
    "cc3-read-only": (CC3, _cc3("", "{ enabled: true, readOnly: true }"), CC3_REC),
    "cc3-config-in-a-variable": (
        CC3,
        "const config = {mode: 'opt-out', categories: {analytics: {enabled: true}}}; CookieConsent.run(config);",
        CC3_REC,
    ),
    "cc2-opt-out": (CC2, _cc2("mode: 'opt-out',", "{ value: 'analytics', enabled: true, readonly: false }"), CC2_REC),
    "cc2-read-only": (CC2, _cc2("", "{ value: 'analytics', enabled: false, readonly: true }"), CC2_REC),
    "klaro-required": (KLARO, _klaro("", ", required: true"), KLARO_REC),
    "klaro-required-minified": (KLARO, _klaro("", ",required:!0"), KLARO_REC),
    "klaro-whole-config-required": (KLARO, _klaro("required: true,", ""), KLARO_REC),
    "klaro-opt-out": (KLARO, _klaro("", ", optOut: true, default: true"), KLARO_REC),
}
LOOKALIKES = {
    "cc3-opt-in": (CC3, _cc3("mode: 'opt-in',", "{ enabled: true }"), CC3_REC),
    "cc3-opt-out-analytics-off": (CC3, _cc3("mode: 'opt-out',", "{ enabled: false }"), CC3_REC),
    "cc3-read-only-on-another-category": (CC3, _cc3("", "{}"), CC3_REC),
    "cc2-opt-in": (CC2, _cc2("mode: 'opt-in',", "{ value: 'analytics', enabled: true, readonly: false }"), CC2_REC),
    "klaro-not-required": (KLARO, _klaro("", ", required: false"), KLARO_REC),
    "klaro-service-overrides-whole-config": (KLARO, _klaro("required: true,", ", required: false"), KLARO_REC),
    "klaro-required-on-another-service": (
        KLARO,
        "var klaroConfig = {services: [{name: 'hotjar'}, {name: 'stripe', required: true}]};",
        KLARO_REC,
    ),
}


def _scan(tmp_path: Path, loader: str, config: str, recorder: str, inline: bool) -> list:
    if inline:
        head = f"{loader}<script>{config}</script>{recorder}"
    else:
        (tmp_path / "consent-config.js").write_text(config + "\n")
        head = f'{loader}<script src="/consent-config.js"></script>{recorder}'
    (tmp_path / "index.html").write_text(f"<!DOCTYPE html><html><head>{head}</head><body><p>x</p></body></html>\n")
    return [d for d in run(ScanOptions(paths=(str(tmp_path),))).detections if d.vendor == "hotjar"]


@pytest.mark.parametrize("inline", [True, False], ids=["inline", "in-a-loaded-script"])
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_configuration_that_runs_the_category_without_consent_is_ungated(tmp_path: Path, case, inline: bool) -> None:
    [d] = _scan(tmp_path, *case, inline)
    assert (d.verdict.status, d.verdict.mechanism) == (Status.UNGATED, Mechanism.CMP_CONFIG), d.verdict
    why = d.verdict.evidence.partition("; but its configuration")[2]
    assert "before the visitor chooses" in why or "runs it without consent" in why, d.verdict.evidence


@pytest.mark.parametrize("inline", [True, False], ids=["inline", "in-a-loaded-script"])
@pytest.mark.parametrize("case", LOOKALIKES.values(), ids=LOOKALIKES.keys())
def test_a_configuration_that_waits_for_consent_stays_gated(tmp_path: Path, case, inline: bool) -> None:
    [d] = _scan(tmp_path, *case, inline)
    assert (d.verdict.status, d.verdict.mechanism) == (Status.GATED, Mechanism.CMP_MARKUP), d.verdict


def test_an_option_the_scan_cannot_read_is_unverifiable(tmp_path: Path) -> None:
    config = "CookieConsent.run({ mode: window.consentMode, categories: { analytics: { enabled: true } } });"
    [d] = _scan(tmp_path, CC3, config, CC3_REC, inline=True)
    assert (d.verdict.status, d.verdict.mechanism) == (Status.UNVERIFIABLE, Mechanism.CMP_CONFIG), d.verdict
    assert "cannot read (mode and enabled on the category 'analytics')" in d.verdict.evidence


@pytest.mark.parametrize(
    "config",
    [
        "CookieConsent.run(window.siteConsentConfig);",  # the object is built elsewhere
        "var klaroConfig = {services: [{name: 'hotjar', required: true}]};",  # another consent manager's configuration
    ],
    ids=["object-not-seen", "other-cmp"],
)
def test_a_configuration_the_scan_cannot_see_leaves_the_verdict(tmp_path: Path, config: str) -> None:
    [d] = _scan(tmp_path, CC3, config, CC3_REC, inline=False)
    assert d.verdict.status is Status.GATED, d.verdict


def test_a_configuration_on_another_page_changes_nothing(tmp_path: Path) -> None:
    opt_out = _cc3("mode: 'opt-out',", "{ enabled: true }")
    (tmp_path / "other.html").write_text(f"<html><head>{CC3}<script>{opt_out}</script></head></html>\n")
    [d] = _scan(tmp_path, CC3, _cc3("mode: 'opt-in',", "{ enabled: true }"), CC3_REC, inline=True)
    assert d.verdict.status is Status.GATED, d.verdict
