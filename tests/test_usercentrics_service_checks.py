"""Usercentrics ``getServicesBaseInfo()`` lists every configured service, consented or not, so a check gates a recorder
only when its predicate picks the recorder's service by name, and nothing else, and reads that service's
``consent.status`` (an independent review of s42, findings 2 and 6). A predicate that picks another service (an
essential one: consented for everyone) was a false "gated"; the ``filter(…)[0]`` and ``some(…)`` shapes of the right
check had become an "ungated" accusation. A read of the list no check ties to a recorder is consent naming no
category: unverifiable."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run
from analyzer.signatures.checktext import occurs

_LOADER = '<script id="usercentrics-cmp" src="https://app.usercentrics.eu/browser-ui/latest/loader.js" data-settings-id="x" async></script>'
_HOTJAR = (
    "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:3817264,hjsv:6};"
    "a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;"
    "a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"
)


def _status(root: Path, cond: str) -> list[str]:
    (root / "index.html").write_text(
        f"<html><head>{_LOADER}</head><body>\n<script>\nif ({cond}) {{ {_HOTJAR} }}\n</script>\n</body></html>\n"
    )
    return [d.verdict.status.value for d in run(ScanOptions(paths=(str(root),))).detections]


@pytest.mark.parametrize(
    ("cond", "status"),
    [
        pytest.param(
            "UC_UI.getServicesBaseInfo().find(function(s){return s.isEssential}).consent.status", "unverifiable", id="find-essential"
        ),
        pytest.param(
            "UC_UI.getServicesBaseInfo().find(s => s.name === 'Usercentrics Consent Management Platform').consent.status",
            "unverifiable",
            id="find-other-service",
        ),
        pytest.param(
            "UC_UI.getServicesBaseInfo().find(s => s.isEssential || s.name === 'Hotjar').consent.status",
            "unverifiable",
            id="find-or-essential",
        ),
        pytest.param("UC_UI.getServicesBaseInfo().some(s => s.consent.status)", "unverifiable", id="some-any-service"),
        pytest.param(
            "UC_UI.getServicesBaseInfo().filter(function(x){return x.name==='Hotjar'})[0].consent.status", "gated", id="filter-first-hotjar"
        ),
        pytest.param(
            "UC_UI.getServicesBaseInfo().some(function(x){return x.name==='Hotjar' && x.consent.status})",
            "gated",
            id="some-hotjar-consented",
        ),
        # look-alikes that stay gated
        pytest.param("UC_UI.getServicesBaseInfo().find(s => s.name === 'Hotjar').consent.status", "gated", id="find-hotjar-arrow"),
        pytest.param(
            "UC_UI.getServicesBaseInfo().find(function (svc) { return svc.name === 'Hotjar'; })?.consent?.status",
            "gated",
            id="find-hotjar-function-optional",
        ),
    ],
)
def test_service_check(tmp_path: Path, cond: str, status: str) -> None:
    assert _status(tmp_path, cond) == [status]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("find(s=>s.name==='hotjar')", True),
        ("find(s=>t.name==='hotjar')", False),  # another name than the parameter
        ("find(s=>s.isessential||s.name==='hotjar')", False),
    ],
)
def test_name_stands_for_one_name(text: str, found: bool) -> None:
    assert occurs("find(‹x›=>‹x›.name==='hotjar')", text) is found
