"""Consent written by hand (issue 9.6): the site's own accept control and the record it stores.

The fixtures in fixtures/js/consent-by-hand/ are whole sites; these cases vary one thing each, and
most are look-alikes that must not read as gated (a false "gated" is the worst error).
"""

from __future__ import annotations

import pytest

from analyzer.parse import anchors
from tests.conftest import scan_text

HOTJAR = """(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:3512345,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"""


def _verdict(tmp_path, db, code: str, name: str = "banner.js") -> tuple[str, str]:
    result = scan_text(tmp_path, code.replace("SNIPPET", HOTJAR), db, name)
    assert len(result.detections) == 1, result.detections
    det = result.detections[0]
    return det.verdict.status.value, det.verdict.evidence


ACCEPT = """
document.getElementById('accept-cookies').addEventListener('click', function () {
  localStorage.setItem('cookieConsent', 'true');
  start();
});
"""


def test_a_truthy_read_proves_acceptance_when_only_acceptance_is_ever_stored(tmp_path, db) -> None:
    status, evidence = _verdict(tmp_path, db, "function start() { SNIPPET }\nif (localStorage.getItem('cookieConsent')) start();" + ACCEPT)
    assert status == "gated"
    assert "localStorage 'cookieConsent'" in evidence and "accept-cookies" in evidence


def test_a_truthy_read_proves_nothing_when_a_refusal_is_stored_too(tmp_path, db) -> None:
    """'false' is a truthy string: the read is true after a refusal as well."""
    refuse = "document.getElementById('refuse').addEventListener('click', function () { localStorage.setItem('cookieConsent', 'false'); });"
    status, _ = _verdict(
        tmp_path, db, "function start() { SNIPPET }\nif (localStorage.getItem('cookieConsent')) start();" + ACCEPT + refuse
    )
    assert status != "gated"


def test_the_else_of_a_refusal_comparison_is_not_consent(tmp_path, db) -> None:
    """Unset is neither accepted nor refused: `=== 'false'` … else runs on a first visit."""
    status, _ = _verdict(
        tmp_path, db, "function start() { SNIPPET }\nif (localStorage.getItem('cookieConsent') === 'false') {} else { start(); }" + ACCEPT
    )
    assert status != "gated"


def test_a_load_event_is_not_a_user_action(tmp_path, db) -> None:
    code = "window.addEventListener('load', function () { localStorage.setItem('cookieConsent', 'true'); SNIPPET });"
    status, _ = _verdict(tmp_path, db, code)
    assert status == "ungated"


def test_a_click_handler_that_stores_a_refusal_is_no_accept_control(tmp_path, db) -> None:
    code = (
        "document.getElementById('decline').addEventListener('click', function () { localStorage.setItem('cookieConsent', 'declined'); "
        "SNIPPET });"
    )
    status, evidence = _verdict(tmp_path, db, code)
    assert status == "ungated" and "records no acceptance" in evidence


def test_an_onclick_property_is_a_user_action(tmp_path, db) -> None:
    code = (
        "var ok = document.querySelector('.cookie-accept');\nok.onclick = function () { document.cookie = 'cookie_consent=accepted; "
        "path=/'; SNIPPET };"
    )
    status, evidence = _verdict(tmp_path, db, code)
    assert status == "gated" and "the cookie 'cookie_consent'" in evidence


def test_a_helper_storing_the_choice_counts_only_when_called_from_user_actions(tmp_path, db) -> None:
    code = """
function save() { localStorage.setItem('consent', 'granted'); }
function start() { SNIPPET }
save();
if (localStorage.getItem('consent') === 'granted') start();
"""
    status, evidence = _verdict(tmp_path, db, code)
    assert status == "ungated"
    assert "not a consent check" in evidence or "assumed" in evidence or "top level" in evidence


def test_a_key_written_by_a_computed_value_proves_nothing(tmp_path, db) -> None:
    code = """
function start() { SNIPPET }
document.getElementById('consent-toggle').addEventListener('click', function (e) { localStorage.setItem('consent', e.target.checked); });
if (localStorage.getItem('consent') === 'true') start();
"""
    status, _ = _verdict(tmp_path, db, code)
    assert status != "gated"


def test_an_unrelated_key_stored_on_an_unrelated_click_proves_nothing(tmp_path, db) -> None:
    code = """
function start() { SNIPPET }
document.getElementById('play').addEventListener('click', function () { localStorage.setItem('videoPlayed', 'true'); });
if (localStorage.getItem('videoPlayed') === 'true') start();
"""
    status, _ = _verdict(tmp_path, db, code)
    assert status == "ungated"


def test_jsx_accept_button(tmp_path, db) -> None:
    code = """
import Clarity from '@microsoft/clarity';
export function Banner() {
  const accept = () => { localStorage.setItem('analytics-consent', 'yes'); Clarity.init('k3x9q2m7pa'); };
  return <button onClick={accept}>Accept analytics</button>;
}
"""
    result = scan_text(tmp_path, code, db, "Banner.jsx")
    assert [d.verdict.status.value for d in result.detections] == ["gated"]


# -- snippets as a formatter left them -----------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "text", "found"),
    [
        ("(c,l,a,r,i,t,y)", "(function (c, l, a, r, i, t, y) {", True),
        ('"clarity"', "})(window, document, 'clarity', 'script', 'abc');", True),
        ("h._hjSettings={hjid:", "h._hjSettings = { hjid: 123", True),
        ("(c,l,a,r,i,t,y)", "(c, l, a, r, i, t)", False),
        ("hjid", "h j i d", False),  # words are not split
    ],
)
def test_a_reformatted_anchor_still_matches(anchor: str, text: str, found: bool) -> None:
    assert anchors.group_present(("host.example", anchor), ("host.example " + text).encode()) is found


def test_a_group_with_no_exact_anchor_is_not_searched() -> None:
    """The flexible reading runs only where one anchor is present as written."""
    assert anchors.group_present(("clarity.ms/tag/", "(c,l,a,r,i,t,y)"), b"(c, l, a, r, i, t, y) clarity . ms/tag/") is False


def test_a_prettier_formatted_snippet_is_one_snippet_site(tmp_path, db) -> None:
    code = """(function (c, l, a, r, i, t, y) {
  c[a] = c[a] || function () { (c[a].q = c[a].q || []).push(arguments); };
  t = l.createElement(r); t.async = 1; t.src = 'https://www.clarity.ms/tag/' + i;
  y = l.getElementsByTagName(r)[0]; y.parentNode.insertBefore(t, y);
})(window, document, 'clarity', 'script', 'k3x9q2m7pa');
"""
    result = scan_text(tmp_path, code, db, "clarity.js")
    assert [(d.location.line, d.via) for d in result.detections] == [(1, "snippet")]
