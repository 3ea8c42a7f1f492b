"""A consent call's category passed through a name that holds a string and is never written again reads as that string
(``var cat = 'analytics'; … acceptedService('hotjar', cat)``: an independent review of s42, finding 9, where a real
gate had dropped to "unverifiable"). A name written again, or holding another category, proves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

_LOADER = '<script src="https://cdn.jsdelivr.net/gh/orestbida/cookieconsent@3.0.1/dist/cookieconsent.umd.js"></script>'
_HOTJAR = (
    "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:3817264,hjsv:6};"
    "a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;"
    "a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"
)


def _status(root: Path, script: str) -> list[str]:
    check = f"if (CookieConsent.acceptedService('hotjar', cat)) {{ {_HOTJAR} }}"
    page = f"<html><head>{_LOADER}</head><body>\n<script>\n{script}\n{check}\n</script>\n</body></html>\n"
    (root / "index.html").write_text(page)
    return [d.verdict.status.value for d in run(ScanOptions(paths=(str(root),))).detections]


@pytest.mark.parametrize(
    ("script", "status"),
    [
        pytest.param("var cat = 'analytics';", "gated", id="var-analytics"),
        pytest.param("const cat = 'analytics';", "gated", id="const-analytics"),
        # look-alikes that prove nothing
        pytest.param("var cat = 'analytics';\ncat = 'necessary';", "unverifiable", id="var-written-again"),
        pytest.param("const cat = 'necessary';", "unverifiable", id="const-necessary"),
    ],
)
def test_constant_category(tmp_path: Path, script: str, status: str) -> None:
    assert _status(tmp_path, script) == [status]
