"""A consent value read by its name is no gate when it is true on a first visit, but only where the scan can show
what the value is then (an independent review of s42, finding 5: real gates lost to a confident "ungated"). A default
whose members an IIFE or an init function called at load writes, a parameter left out that takes its default, and a
function declaration replaced later are not what their literal says: the check keeps its reading by name. A write
that runs only when the visitor acts (a click handler), or in a branch that is false on a first visit, leaves the
default as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

_HOTJAR = (
    "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:3817264,hjsv:6};"
    "a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;"
    "a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"
)
_IF = f"if (consent.analytics) {{ {_HOTJAR} }}\n"
_IF_HELPER = f"if (hasConsent('analytics')) {{ {_HOTJAR} }}\n"


def _status(root: Path, script: str) -> list[str]:
    (root / "index.html").write_text(f"<html><head></head><body>\n<script>\n{script}</script>\n</body></html>\n")
    return [d.verdict.status.value for d in run(ScanOptions(paths=(str(root),))).detections]


@pytest.mark.parametrize(
    ("script", "status"),
    [
        pytest.param(
            "var consent = {analytics: true};\n"
            "(function(){ var s = localStorage.getItem('an'); consent.analytics = s === 'yes'; })();\n" + _IF,
            "gated",
            id="iife-writes-default",
        ),
        pytest.param(
            "const consent = {analytics: true};\n"
            "function loadConsent(){ var s = JSON.parse(localStorage.getItem('consent')); consent.analytics = !!(s && s.analytics); }\n"
            "loadConsent();\n" + _IF,
            "gated",
            id="init-function-writes-default",
        ),
        pytest.param(
            "const consent = {analytics: true};\n"
            "function restore(){ Object.assign(consent, JSON.parse(localStorage.getItem('c')) || {analytics: false}); }\n"
            "restore();\n" + _IF,
            "gated",
            id="init-function-assigns-default",
        ),
        pytest.param(
            "function hasConsent(cat, strict = true){ if (!strict) return true; "
            "return localStorage.getItem('consent_' + cat) === 'yes'; }\n" + _IF_HELPER,
            "gated",
            id="parameter-default-refuses",
        ),
        pytest.param(
            "function hasConsent(c){ return true; }\n"
            "hasConsent = function(c){ return localStorage.getItem('consent_' + c) === 'yes'; };\n" + _IF_HELPER,
            "gated",
            id="function-replaced",
        ),
        pytest.param(
            "const consent = {analytics: true};\n"
            "if (document.cookie.indexOf('c=') > -1) consent.analytics = document.cookie.indexOf('c=yes') > -1;\n" + _IF,
            "gated",
            id="write-in-branch-not-ruled-out",
        ),
        # look-alikes whose value is known on a first visit: no gate
        pytest.param(
            "const consent = {analytics: true};\n"
            "document.getElementById('decline').addEventListener('click', function(){ consent.analytics = false; });\n" + _IF,
            "ungated",
            id="write-only-on-click",
        ),
        pytest.param(
            "const consent = {analytics: true};\nconst saved = JSON.parse(localStorage.getItem('c'));\n"
            "if (saved) { consent.analytics = saved.analytics; }\n" + _IF,
            "ungated",
            id="write-in-branch-false-on-first-visit",
        ),
        pytest.param(
            "function hasConsent(cat, strict = false){ if (!strict) return true; "
            "return localStorage.getItem('consent_' + cat) === 'yes'; }\n" + _IF_HELPER,
            "ungated",
            id="parameter-default-grants",
        ),
        pytest.param(
            "function hasConsent(c){ return localStorage.getItem('consent_' + c) !== 'no'; }\n" + _IF_HELPER,
            "ungated",
            id="function-not-replaced",
        ),
    ],
)
def test_first_visit_value(tmp_path: Path, script: str, status: str) -> None:
    assert _status(tmp_path, script) == [status]
