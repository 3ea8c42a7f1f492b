"""OneTrust's OptanonConsent cookie lists every group with its state ("groups=C0001:1,C0002:0", URL-encoded as
"C0002%3A0" in ``document.cookie``): a bare "C0002" found in it, or in ``document.cookie``, holds when the visitor
refused too, so it gates nothing (``[js] state_cookies``). The granted state ("C0002:1", "C0002%3A1") and the active
groups' list (``OnetrustActiveGroups``) still gate. So with a key that keeps one category's choice (``[js]
stored_choices``): read bare, its refusal is a truthy string."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

_HJS = (
    "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:3817264,hjsv:6};"
    "a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;"
    "a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"
)
_OT = '<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-domain-script="x"></script>'


def _status(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    return d.verdict.status.value


def _script(cond: str) -> str:
    return f"{_OT}\n<script>\nif ({cond}) {{ {_HJS} }}\n</script>\n"


@pytest.mark.parametrize(
    "cond",
    [
        "document.cookie.indexOf('C0002') !== -1",
        "document.cookie.includes('C0002')",
        "document.cookie.match(/C0002/)",
        "getCookie('OptanonConsent').indexOf('C0002') > -1",
        "document.cookie.indexOf('C0002:0') === -1 && document.cookie.includes('C0002')",
    ],
)
def test_a_bare_group_in_a_cookie_gates_nothing(tmp_path: Path, cond: str) -> None:
    assert _status(tmp_path, "index.html", _script(cond)) != "gated"


@pytest.mark.parametrize(
    "cond",
    [
        "document.cookie.indexOf('C0002%3A1') !== -1",
        "decodeURIComponent(document.cookie).includes('C0002:1')",
        "OnetrustActiveGroups.indexOf(',C0002,') !== -1",
        "window.OptanonActiveGroups.includes('C0002')",
    ],
)
def test_the_granted_state_or_the_active_groups_gate(tmp_path: Path, cond: str) -> None:
    assert _status(tmp_path, "index.html", _script(cond)) == "gated"


_TAG = '<script src="https://static.hotjar.com/c/hotjar-3817264.js?sv=6" async></script>'


@pytest.mark.parametrize(
    ("cond", "gated"),
    [
        ("'C0002' in request.COOKIES.OptanonConsent", False),
        ("'C0002' in request.cookies.get('OptanonConsent', '')", False),
        ("'C0002:1' in request.COOKIES.OptanonConsent", True),
        ("'C0002%3A1' in request.COOKIES['OptanonConsent']", True),
        # another CMP's cookie is read as before
        ("request.COOKIES.get('cookieconsent_statistics') == 'true'", True),
    ],
)
def test_a_template_condition_on_the_state_cookie(tmp_path: Path, cond: str, gated: bool) -> None:
    page = f"<html><body>\n{{% if {cond} %}}\n{_TAG}\n{{% endif %}}\n</body></html>\n"
    assert (_status(tmp_path, "templates/base.jinja", page) == "gated") is gated


# A cookie or localStorage key that keeps one category's choice ([js] stored_choices): Complianz's cmplz_statistics
# ("allow" / "deny"), Silktide's silktideCookieChoice_analytics and stcm.consent.analytics ("true" / "false"). Read bare
# (or found in document.cookie) it holds on refusal too; its granted value gates.
@pytest.mark.parametrize(
    ("cond", "gated"),
    [
        ("document.cookie.indexOf('cmplz_statistics') > -1", False),
        ("getCookie('cmplz_statistics')", False),
        ("Cookies.get('cmplz_statistics')", False),
        ("localStorage.getItem('silktideCookieChoice_analytics')", False),
        ("localStorage.getItem('stcm.consent.analytics')", False),
        ("document.cookie.includes('silktideCookieChoice_analytics')", False),
        ("getCookie('cmplz_statistics') === 'deny'", False),
        ("getCookie('cmplz_statistics') !== 'deny'", False),
        ("getCookie('cmplz_statistics') !== 'allow'", False),
        ("document.cookie.indexOf('cmplz_statistics=allow') > -1", True),
        ("document.cookie.indexOf(\"cmplz_statistics='allow'\") > -1", True),  # a quote around the value, as before
        ("getCookie('cmplz_statistics') === 'allow'", True),
        ("localStorage.getItem('silktideCookieChoice_analytics') === 'true'", True),
        ("localStorage.getItem('stcm.consent.analytics') == 'true'", True),
        ("cmplz_has_consent('statistics')", True),
    ],
)
def test_a_stored_choice_gates_only_with_its_granted_value(tmp_path: Path, cond: str, gated: bool) -> None:
    page = f"<script>\nif ({cond}) {{ {_HJS} }}\n</script>\n"
    assert (_status(tmp_path, "index.html", page) == "gated") is gated


@pytest.mark.parametrize(
    ("cond", "gated"),
    [
        ("isset($_COOKIE['cmplz_statistics'])", False),
        ("!empty($_COOKIE['cmplz_statistics'])", False),
        ("$_COOKIE['cmplz_statistics'] === 'deny'", False),
        ("$_COOKIE['cmplz_statistics'] == 'allow'", True),
        ("isset($_COOKIE['cmplz_statistics']) && $_COOKIE['cmplz_statistics'] === 'allow'", True),
    ],
)
def test_a_php_condition_on_a_stored_choice(tmp_path: Path, cond: str, gated: bool) -> None:
    page = f"<html><body>\n<?php if ({cond}): ?>\n{_TAG}\n<?php endif; ?>\n</body></html>\n"
    assert (_status(tmp_path, "index.php", page) == "gated") is gated
