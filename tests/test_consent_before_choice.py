"""A hand-written consent check read by its name (``consent.analytics``, ``hasConsent('analytics')``) gates a recorder only
if the value behind it is false until the visitor chooses (an adversarial review's false "gated" verdicts, s42 c03). Where
the file, or the page's script that defines a global helper, shows the value, it is read as it is on a first visit:
a default that grants, or a helper whose answer holds when nothing was stored, is no gate. A default that refuses, a
helper that needs a stored ``true``, and a value the scan cannot see keep the check's reading by its name."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

_INIT = "import Hotjar from '@hotjar/browser';\n"
_CLARITY = (
    "(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};"
    't=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;'
    'y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);})(window, document, "clarity", "script", "fk3clr0a11");'
)
_READ = "function readConsent() {\n  try { return JSON.parse(localStorage.getItem('site-consent')) || {}; } catch (e) { return {}; }\n}\n"
_PAGE = '<!DOCTYPE html><html><head>\n<script src="/consent.js"></script>\n<script src="/analytics.js"></script>\n</head></html>\n'


def _scan(root: Path, files: dict[str, str]) -> list[tuple[str, str]]:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return [(d.verdict.status.value, d.verdict.evidence) for d in run(ScanOptions(paths=(str(root),))).detections]


def _helper_page(returns: str) -> dict[str, str]:
    consent = f"{_READ}function hasConsent(category) {{\n  return {returns};\n}}\n"
    return {"index.html": _PAGE, "consent.js": consent, "analytics.js": f"if (hasConsent('analytics')) {{\n{_CLARITY}\n}}\n"}


_IF = "if (consent.analytics) Hotjar.init(1, 6);\n"
_SAVED = "const saved = JSON.parse(localStorage.getItem('site-consent') || 'null');\nif (saved) Object.assign(consent, saved);\n"


@pytest.mark.parametrize(
    ("files", "status"),
    [
        pytest.param(
            {"app.js": f"{_INIT}const consent = {{ necessary: true, analytics: true }};\n{_SAVED}{_IF}"},
            "ungated",
            id="default-object-grants",
        ),
        pytest.param(
            {
                "Analytics.tsx": "import { useEffect, useState } from 'react';\n"
                + _INIT
                + "export default function Analytics() {\n  const [consent, setConsent] = useState({ analytics: true });\n"
                "  useEffect(() => { const s = localStorage.getItem('c'); if (s) setConsent(JSON.parse(s)); }, []);\n"
                "  useEffect(() => { if (consent.analytics) Hotjar.init(1, 6); }, [consent]);\n  return null;\n}\n"
            },
            "ungated",
            id="react-state-grants",
        ),
        pytest.param(
            {
                "app.js": f"{_INIT}function hasConsent(category) {{\n"
                "  const saved = JSON.parse(localStorage.getItem('site-consent') || '{}');\n  return saved[category] !== false;\n}\n"
                "if (hasConsent('analytics')) Hotjar.init(1, 6);\n"
            },
            "ungated",
            id="helper-same-file-not-false",
        ),
        pytest.param(_helper_page("readConsent()[category] !== false"), "ungated", id="helper-other-script-not-false"),
        pytest.param(
            {"app.js": f"{_INIT}const consent = {{ analytics: true }};\nif (consent.analytics === true) Hotjar.init(1, 6);\n"},
            "ungated",
            id="default-compared-with-true",
        ),
        pytest.param(
            {
                "app.js": f"{_INIT}const consent = JSON.parse(localStorage.getItem('c')) || {{ analytics: true }};\n"
                "if (consent.analytics) Hotjar.init(1, 6);\n"
            },
            "ungated",
            id="stored-or-granting-default",
        ),
        # look-alikes that stay gated
        pytest.param(
            {"app.js": f"{_INIT}const consent = {{ necessary: true, analytics: false }};\n{_SAVED}{_IF}"},
            "gated",
            id="default-object-refuses",
        ),
        pytest.param(_helper_page("readConsent()[category] === true"), "gated", id="helper-other-script-needs-true"),
        pytest.param(
            {
                "app.js": f"{_INIT}function hasConsent(category) {{\n"
                "  const saved = JSON.parse(localStorage.getItem('site-consent') || '{}');\n  return saved[category] === true;\n}\n"
                "if (hasConsent('analytics')) Hotjar.init(1, 6);\n"
            },
            "gated",
            id="helper-same-file-needs-true",
        ),
        pytest.param(
            {
                "app.js": f"{_INIT}const consent = {{ analytics: true }};\n"
                "Object.assign(consent, JSON.parse(localStorage.getItem('c') || '{{\"analytics\": false}}'));\n"
                "if (consent.analytics) Hotjar.init(1, 6);\n"
            },
            "gated",
            id="default-overwritten-at-load",
        ),
        pytest.param(
            {
                "app.js": f"{_INIT}let consent = {{ analytics: true }};\n"
                "consent = JSON.parse(localStorage.getItem('c')) || {{ analytics: false }};\n"
                "if (consent.analytics) Hotjar.init(1, 6);\n"
            },
            "gated",
            id="default-reassigned",
        ),
        pytest.param(
            {"index.html": _PAGE, "analytics.js": f"if (hasConsent('analytics')) {{\n{_CLARITY}\n}}\n"},
            "gated",
            id="helper-not-scanned",
        ),
    ],
)
def test_named_check_read_before_choice(tmp_path: Path, files: dict[str, str], status: str) -> None:
    found = _scan(tmp_path, files)
    assert [s for s, _ in found] == [status], found


def test_evidence_says_why(tmp_path: Path) -> None:
    [(status, evidence)] = _scan(tmp_path, _helper_page("readConsent()[category] !== false"))
    assert status == "ungated"
    assert "hasConsent('analytics') is true before the visitor chooses" in evidence
    assert "readConsent()[category] !== false" in evidence
