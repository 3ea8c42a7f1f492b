"""cookieconsent 3 (signatures/consent/cookieconsent3.toml [js.option_gate]): popup.hasConsented() is
true after Allow and after a dismiss, and an info banner's button, the close control and the
auto-dismiss options all set dismiss. It is an analytics check only on the popup of an init call
whose options are a literal proving an opt-in banner that nothing but Allow can answer with
"consented"; everywhere else it stays a consent check naming no category (unverifiable)."""

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


def _init(options: str, callback: str = "onStatusChange: function () { if (this.hasConsented()) " + START + "; }") -> str:
    return "window.cookieconsent.initialise({" + options + (", " if options else "") + callback + "});"


FIRES = {
    "this-in-callbacks": _init(
        "type: 'opt-in'",
        "onInitialise: function () { if (this.hasConsented()) " + START + "; },\n"
        "onStatusChange: function (status) { if (this.hasConsented()) " + START + "; }",
    ),
    "method-shorthand-and": 'cookieconsent.initialise({type: "opt-in", onStatusChange() { this.hasConsented() && ' + START + " }})",
    "const-held-with-type-test": _init(
        "type: 'opt-in', palette: {popup: {background: '#000'}}",
        "onInitialise: function () { const type = this.options.type; const ok = this.hasConsented(); "
        "if (type === 'opt-in' && ok) " + START + "; }",
    ),
    "explicit-false-and-default-layout": _init(
        "type: 'opt-in', dismissOnScroll: false, dismissOnTimeout: false, dismissOnWindowClick: false, layout: 'basic-header'"
    ),
    "complete-callback": "window.cookieconsent.initialise({type: 'opt-in'}, function (popup) { if (popup.hasConsented()) "
    + START
    + "; });",
    "new-popup": "const p = new window.cookieconsent.Popup({type: 'opt-in'});\nif (p.hasConsented()) " + START + ";",
    "minified": 'window.cookieconsent.initialise({type:"opt-in",dismissOnScroll:!1,dismissOnTimeout:!1,content:{deny:"No"},'
    'onInitialise:function(){const e=this.options.type,t=this.hasConsented();"opt-in"===e&&t&&n()},'
    'onStatusChange:function(){const e=this.options.type,t=this.hasConsented();"opt-in"===e&&t&&n()}});'
    'let i=!1;function n(){i||(i=!0,LogRocket.init("a/b"))}',
}


@pytest.mark.parametrize("code", FIRES.values(), ids=FIRES.keys())
def test_has_consented_on_a_proven_opt_in_popup_is_an_analytics_check(code: str, db, vocab) -> None:
    statuses = _statuses(code, db, vocab)
    assert statuses and all(s == "gated" for s in statuses), statuses


MUST_NOT = {
    "type-info": _init("type: 'info'"),
    "type-opt-out": _init("type: 'opt-out'"),
    "no-type": _init(""),
    "type-variable": _init("type: kind"),
    "type-twice-last-info": _init("type: 'opt-in', type: 'info'"),
    "dismiss-on-scroll": _init("type: 'opt-in', dismissOnScroll: 100"),
    "dismiss-on-timeout": _init("type: 'opt-in', dismissOnTimeout: 5000"),
    "dismiss-on-timeout-zero": _init("type: 'opt-in', dismissOnTimeout: 0"),
    "dismiss-on-window-click": _init("type: 'opt-in', dismissOnWindowClick: true"),
    "dismiss-variable": _init("type: 'opt-in', dismissOnScroll: cfg.scroll"),
    "dismiss-shorthand": _init("type: 'opt-in', dismissOnScroll"),
    "computed-key": _init("type: 'opt-in', [key]: 100"),
    "spread": _init("...base, type: 'opt-in'"),
    "close-layout": _init("type: 'opt-in', layout: 'basic-close'"),
    "custom-layouts": _init("type: 'opt-in', layouts: {basic: '{{messagelink}}{{compliance}}{{close}}'}"),
    "custom-compliance": _init("type: 'opt-in', compliance: {'opt-in': '<div>{{dismiss}}</div>'}"),
    "dismiss-class-in-content": _init("type: 'opt-in', content: {message: 'ok <a class=\"cc-btn cc-dismiss\">x</a>'}"),
    "options-variable": "const o = {type: 'opt-in', onStatusChange: function () { if (this.hasConsented()) " + START + "; }};\n"
    "window.cookieconsent.initialise(o);",
    "options-computed": "window.cookieconsent.initialise(Object.assign({type: 'opt-in'}, extra, "
    "{onStatusChange: function () { if (this.hasConsented()) " + START + "; }}));",
    "second-banner-info": _init("type: 'opt-in'") + "\nwindow.cookieconsent.initialise({type: 'info'});",
    "arrow-callback": _init("type: 'opt-in'", "onStatusChange: () => { if (this.hasConsented()) " + START + "; }"),
    "not-a-popup-callback": _init("type: 'opt-in'", "onNoCookieLaw: function () { if (this.hasConsented()) " + START + "; }"),
    "another-object": _init("type: 'opt-in'", "onStatusChange: function () { if (window.banner.hasConsented()) " + START + "; }"),
    "no-initialise": "function f() { if (this.hasConsented()) " + START + "; }\nf();",
    "no-initialise-popup": "if (window.popup.hasConsented()) " + START + ";",
    "minified-timeout": 'window.cookieconsent.initialise({type:"opt-in",dismissOnTimeout:5e3,'
    'onStatusChange:function(){const t=this.hasConsented();t&&LogRocket.init("a/b")}});',
    "minified-window-click": 'window.cookieconsent.initialise({type:"opt-in",dismissOnWindowClick:!0,'
    'onStatusChange:function(){const t=this.hasConsented();t&&LogRocket.init("a/b")}});',
    "minified-info": 'window.cookieconsent.initialise({type:"info",'
    'onStatusChange:function(){const t=this.hasConsented();t&&LogRocket.init("a/b")}});',
}


@pytest.mark.parametrize("code", MUST_NOT.values(), ids=MUST_NOT.keys())
def test_has_consented_without_proven_options_is_consent_naming_no_category(code: str, db, vocab) -> None:
    assert _statuses(code, db, vocab) == ["unverifiable"], code


PAGE = """<!DOCTYPE html><html><head>
<script src="https://cdnjs.cloudflare.com/ajax/libs/cookieconsent2/3.1.1/cookieconsent.min.js"></script>
<script>
function startClarity() {
  (function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};t=l.createElement(r);t.async=1;
  t.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);})(window,document,"clarity","script","abcdefghij");
}
window.cookieconsent.initialise({
  TYPE
  onInitialise: function (status) { if (this.hasConsented()) startClarity(); },
  onStatusChange: function (status) { if (this.hasConsented()) startClarity(); }
});
</script></head><body></body></html>
"""


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ("type: 'opt-in',", "gated"),
        ("type: 'info',", "unverifiable"),
        ("type: 'opt-in', dismissOnScroll: 200,", "unverifiable"),
    ],
    ids=["opt-in", "info", "opt-in-dismiss-on-scroll"],
)
def test_a_page_with_the_cdn_library_is_read_the_same(options: str, status: str, tmp_path, db) -> None:
    from tests.conftest import scan_text

    result = scan_text(tmp_path, PAGE.replace("TYPE", options), db)
    assert [(d.vendor, d.verdict.status.value) for d in result.detections] == [("clarity", status)]
