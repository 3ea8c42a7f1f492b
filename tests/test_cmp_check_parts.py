"""A consent manager's API named in a condition gates a recorder only with the part that carries the visitor's choice
(an adversarial review's false "gated" verdicts, s42 c06): the service Usercentrics' ``getServicesBaseInfo().find()``
returns is truthy whether or not it is consented (its ``consent.status`` is the choice), ``some(s =>
s.consent.status)`` holds once any service is, and orestbida's ``acceptedService(service, 'necessary')`` holds after
"Reject all". ``…`` in a signature's check stands for any balanced code (``analyzer/signatures/checktext.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run
from analyzer.signatures.checktext import occurs

_INIT = "import Hotjar from '@hotjar/browser';\n"


def _uc(cond: str) -> str:
    return f"{_INIT}window.addEventListener('UC_UI_INITIALIZED', () => {{\n  if ({cond}) {{\n    Hotjar.init(1, 6);\n  }}\n}});\n"


def _cc(category: str) -> str:
    return (
        f"import * as CookieConsent from 'vanilla-cookieconsent';\n{_INIT}CookieConsent.run({{\n"
        "  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },\n"
        f"  onConsent: () => {{ if (CookieConsent.acceptedService('hotjar', '{category}')) Hotjar.init(1, 6); }},\n}});\n"
    )


@pytest.mark.parametrize(
    ("source", "status"),
    [
        pytest.param(_uc("UC_UI.getServicesBaseInfo().find((s) => s.name === 'Hotjar')"), "ungated", id="usercentrics-find-no-status"),
        pytest.param(_uc("UC_UI.getServicesBaseInfo().some((s) => s.consent.status)"), "unverifiable", id="usercentrics-any-service"),
        pytest.param(_cc("necessary"), "unverifiable", id="orestbida-service-in-necessary"),
        # look-alikes that stay gated
        pytest.param(
            _uc("UC_UI.getServicesBaseInfo().find((s) => s.name === 'Hotjar').consent.status"), "gated", id="usercentrics-find-status"
        ),
        pytest.param(_cc("analytics"), "gated", id="orestbida-service-in-analytics"),
    ],
)
def test_cmp_check_needs_the_choice(tmp_path: Path, source: str, status: str) -> None:
    (tmp_path / "app.js").write_text(source)
    found = [(d.verdict.status.value, d.verdict.evidence) for d in run(ScanOptions(paths=(str(tmp_path),))).detections]
    assert [s for s, _ in found] == [status], found


@pytest.mark.parametrize(
    ("check", "text", "found"),
    [
        ("getservicesbaseinfo().find(…).consent.status", "x.getservicesbaseinfo().find((s)=>s.name==='a').consent.status", True),
        ("getservicesbaseinfo().find(…).consent.status", "getservicesbaseinfo().find((s)=>s.consent.status)", False),
        ("acceptedservice(…,'analytics')", "acceptedservice('hj','analytics')", True),
        # the gap never leaves the call it is in
        ("acceptedservice(…,'analytics')", "acceptedservice('hj','necessary')&&f('x','analytics')", False),
        ("acceptedservice(…,'analytics')", "acceptedservice(')','necessary')", False),
        ("consent.analytics", "x.consent.analytics", True),
    ],
)
def test_gap_in_check(check: str, text: str, found: bool) -> None:
    assert occurs(check, text) is found
