"""cookieconsent 3 (signatures/consent/cookieconsent3.toml [js.status_parameter]): onInitialise(status)
and onStatusChange(status) receive the popup's status; only ``allow`` (set by the Allow control alone)
is consent. The argument compared with ``allow`` is an analytics check; the bare argument, a
comparison with ``dismiss`` / ``deny`` / a variable, or the same shape outside the library's init
call, is not. Also: a custom ``revokeBtn`` (no dismiss or close control in its HTML) no longer
refuses the ``hasConsented()`` option gate."""

from __future__ import annotations

import pytest

from analyzer.consent import consent_code
from analyzer.facts import jsdetect
from analyzer.parse import jsfacts, jsparse
from analyzer.parse.jsparse import JsSource

START = "LogRocket.init('a/b')"


@pytest.fixture(scope="module")
def vocab(db) -> consent_code.ConsentVocabulary:
    return consent_code.vocabulary(db)


def _statuses(code: str, db, vocab) -> list[str]:
    prog = jsfacts.Program(jsparse.parse(JsSource(code)))
    sites, _ = jsdetect.Detector(prog, [db.vendors["logrocket"]], db.script_types.code).run()
    assert sites, code
    guard = consent_code.GuardAnalysis(prog, vocab)
    return [consent_code.verdict(s, prog, vocab, guard).status.value for s in sites]


def _init(callbacks: str, options: str = "type: 'info'", call: str = "window.cookieconsent.initialise") -> str:
    return call + "({" + options + ", " + callbacks + "});"


FIRES = {
    "constant-on-initialise": _init("onInitialise: function (status) { if (status == cookieconsent.status.allow) " + START + "; }"),
    "window-constant": _init("onStatusChange: function (s) { if (s === window.cookieconsent.status.allow) " + START + "; }"),
    "string-on-status-change": _init("onStatusChange: function (status, chosenBefore) { if ('allow' === status) " + START + "; }"),
    "method-shorthand": _init("onStatusChange(status) { status == 'allow' && " + START + "; }"),
    "early-return": _init("onInitialise: function (status) { if (status != 'allow') return; " + START + "; }"),
    "new-popup": "new cookieconsent.Popup({onStatusChange: function (st) { if (st == 'allow') " + START + "; }});",
    "opt-in-custom-revoke-button": "window.cookieconsent.initialise({type: 'opt-in', revokeBtn: '<div class=\"cc-revoke\">Privacy</div>', "
    "onStatusChange: function () { if (this.hasConsented()) " + START + "; }});",
}


@pytest.mark.parametrize("code", FIRES.values(), ids=FIRES.keys())
def test_status_compared_with_allow_is_an_analytics_check(code: str, db, vocab) -> None:
    statuses = _statuses(code, db, vocab)
    assert statuses and all(s == "gated" for s in statuses), statuses


MUST_NOT = {
    "bare-status": _init("onInitialise: function (status) { if (status) " + START + "; }"),
    "dismiss": _init("onStatusChange: function (status) { if (status == 'dismiss') " + START + "; }"),
    "dismiss-constant": _init("onStatusChange: function (status) { if (status == cookieconsent.status.dismiss) " + START + "; }"),
    "not-deny": _init("onStatusChange: function (status) { if (status !== 'deny') " + START + "; }"),
    "variable": _init("onStatusChange: function (status) { if (status == wanted) " + START + "; }"),
    "second-argument": _init("onStatusChange: function (status, chosenBefore) { if (chosenBefore == 'allow') " + START + "; }"),
    "other-callback": _init("onPopupOpen: function (status) { if (status == 'allow') " + START + "; }"),
    "other-library": _init("onInitialise: function (status) { if (status == 'allow') " + START + "; }", call="window.banner.initialise"),
    "options-not-first-argument": "window.cookieconsent.initialise(base, {onInitialise: function (status) { if (status == 'allow') "
    + START
    + "; }});",
    "plain-function": "function onInitialise(status) { if (status == 'allow') " + START + "; }\nonInitialise(window.s);",
}


@pytest.mark.parametrize("code", MUST_NOT.values(), ids=MUST_NOT.keys())
def test_other_status_readings_are_no_check(code: str, db, vocab) -> None:
    assert "gated" not in _statuses(code, db, vocab), code


def test_a_revoke_button_with_a_dismiss_control_still_refuses_the_option_gate(db, vocab) -> None:
    code = (
        "window.cookieconsent.initialise({type: 'opt-in', "
        'revokeBtn: \'<div class="cc-revoke"><a class="cc-btn cc-dismiss">x</a></div>\', '
        "onStatusChange: function () { if (this.hasConsented()) " + START + "; }});"
    )
    assert _statuses(code, db, vocab) == ["unverifiable"]
