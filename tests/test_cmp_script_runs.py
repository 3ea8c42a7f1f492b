"""A consent manager's script that never runs as the page loads (in <noscript> or <template>, of an inert type, or
nomodule) holds nothing back; one loaded as a module runs after the page is parsed, as a deferred script does (an
adversarial review's false "gated" verdicts: CookieYes's attribute on the recorder does nothing without its script)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

_CY = '<script id="cookieyes" src="https://cdn-cookieyes.com/client_data/abc123/script.js"{attrs}></script>'
_REC = '<script data-cookieyes="cookieyes-analytics" src="https://static.hotjar.com/c/hotjar-3817264.js?sv=6"></script>'


def _status(tmp_path: Path, head: str) -> str:
    (tmp_path / "index.html").write_text(f"<html><head>{head}{_REC}</head><body></body></html>\n")
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    return d.verdict.status.value


@pytest.mark.parametrize(
    "head",
    [
        "<noscript>" + _CY.format(attrs="") + "</noscript>",
        "<template>" + _CY.format(attrs="") + "</template>",
        _CY.format(attrs=' type="text/plain"'),
        _CY.format(attrs=" nomodule"),
        _CY.format(attrs=' type="module"'),
    ],
    ids=["noscript", "template", "inert-type", "nomodule", "module"],
)
def test_a_consent_manager_that_does_not_run_first_holds_nothing_back(tmp_path: Path, head: str) -> None:
    assert _status(tmp_path, head) != "gated"


def test_the_consent_manager_loaded_first_still_holds_it_back(tmp_path: Path) -> None:
    assert _status(tmp_path, _CY.format(attrs="")) == "gated"


def test_an_inert_recorder_stays_gated_behind_a_module_consent_manager(tmp_path: Path) -> None:
    # Markup blocking does not depend on when the consent manager runs: the recorder stays inert until it activates it.
    cookiebot = '<script type="module" id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>'
    inert = '<script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/hotjar-3817264.js?sv=6"></script>'
    (tmp_path / "index.html").write_text(f"<html><head>{cookiebot}{inert}</head></html>\n")
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert d.verdict.status.value == "gated"
