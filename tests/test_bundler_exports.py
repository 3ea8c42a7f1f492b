"""Exports written by a bundler's runtime (analyzer/parse/bundler_exports.py): a function in a webpack or
Turbopack module factory reaches the outside as an export under its name, not as a lost value."""

from __future__ import annotations

import pytest

from analyzer.parse import jsfacts, jsparse
from analyzer.parse.jsflow import Flow
from analyzer.parse.jsscope import FUNCTION_TYPES


def _uses(code: str, marker: str) -> list[tuple[str, str]]:
    """(kind, key) of the uses of the innermost function around ``marker``."""
    prog = jsfacts.Program(jsparse.parse(jsparse.JsSource(code)))
    at = code.encode().index(marker.encode())
    chain = prog.tree.path(at, at + len(marker))
    fn = next(n for n in reversed(chain) if n.type in FUNCTION_TYPES)
    return sorted((u.kind, u.key) for u in Flow(prog).uses(fn))


WEBPACK = (
    '(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[185],{5170:function(e,t,n){"use '
    'strict";n.r(t),n.d(t,{default:function(){return a}});var r=n(7294);function a(){START()}}}]);'
)
WEBPACK_ARROW = (
    '(self.webpackChunk_app=self.webpackChunk_app||[]).push([[1],{42:(e,t,n)=>{"use '
    'strict";n.d(t,{startRecorder:()=>a});function a(){START()}}}]);'
)
TURBOPACK = (
    '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([document.currentScript,41001,e=>{"use strict";var '
    't=e.i(71645);e.s(["default",0,function(){START()}])}]);'
)
TURBOPACK_GETTER = (
    '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([document.currentScript,41002,e=>{"use strict";function '
    'a(){START()}e.s(["startLater",()=>a])}]);'
)


@pytest.mark.parametrize(
    ("code", "key"),
    [(WEBPACK, "default"), (WEBPACK_ARROW, "startRecorder"), (TURBOPACK, "default"), (TURBOPACK_GETTER, "startLater")],
    ids=["webpack-getter", "webpack-arrow-getter", "turbopack-value", "turbopack-getter"],
)
def test_a_bundled_modules_export_is_an_export(code: str, key: str) -> None:
    assert ("export", key) in _uses(code, "START()")


@pytest.mark.parametrize(
    "code",
    [
        # The app's own x.d(y, {...}) in source code: no bundler runtime in the file.
        "function setup(n, t){ n.d(t, {default: function(){ return a }}) } function a(){ START() }",
        # e.s([...]) outside a Turbopack chunk.
        "function reg(e){ e.s(['default', 0, function(){ START() }]) }",
        # Inside a webpack chunk, d() called on something that is not the factory's parameter.
        "(self.webpackChunk_x=self.webpackChunk_x||[]).push([[1],{1:function(e,t,n){registry.d(t,{default:function(){return a}});function "
        "a(){START()}}}]);",
    ],
    ids=["source-d-call", "source-s-call", "not-the-runtime"],
)
def test_look_alikes_are_not_exports(code: str) -> None:
    assert not any(kind == "export" for kind, _ in _uses(code, "START()"))


def _factory(code: str, marker: str) -> bool:
    from analyzer.parse import bundler_exports

    prog = jsfacts.Program(jsparse.parse(jsparse.JsSource(code)))
    at = code.encode().index(marker.encode())
    chain = prog.tree.path(at, at + len(marker))
    fn = next(n for n in reversed(chain) if n.type in FUNCTION_TYPES)
    return bundler_exports.module_factory(prog, fn)


@pytest.mark.parametrize(
    ("code", "marker", "factory"),
    [
        (WEBPACK, "n.r(t)", True),
        (WEBPACK, "START()", False),  # the module's function a(), not its factory
        (TURBOPACK, "e.s(", True),
        (
            "(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([document.currentScript,49078,e=>{var h=e.i(1);START()}]);",
            "START()",
            True,
        ),
        # A function pushed to the app's own queue in a file without a bundler runtime.
        ("var queue = []; queue.push(function () { START() });", "START()", False),
        # Inside a webpack chunk, a function nested in a factory is not itself a factory.
        (
            "(self.webpackChunk_x=self.webpackChunk_x||[]).push([[1],{1:function(e,t,n){[0].forEach(function(){START()})}}]);",
            "START()",
            False,
        ),
    ],
    ids=["webpack-factory", "webpack-inner", "turbopack-factory-with-export", "turbopack-factory", "own-queue", "nested-function"],
)
def test_module_factories(code: str, marker: str, factory: bool) -> None:
    assert _factory(code, marker) is factory


# webpack 5's production bootstrap: the module registry, its require, then the entry module run inlined.
BOOTSTRAP = (
    "(()=>{var e={506(e){e.exports={setup(){}}}},t={};function n(r){var o=t[r];if(void 0!==o)return o.exports;"
    'var i=t[r]={exports:{}};return e[r](i,i.exports,n),i.exports}n.g=globalThis,(()=>{"use strict";var a=n(506);%s})()})();'
)


def _entry(code: str, marker: str) -> bool:
    from analyzer.parse import bundler_exports

    prog = jsfacts.Program(jsparse.parse(jsparse.JsSource(code)))
    at = code.encode().index(marker.encode())
    chain = prog.tree.path(at, at + len(marker))
    fn = next(n for n in reversed(chain) if n.type in FUNCTION_TYPES)
    return bundler_exports.entry_module(prog, fn)


@pytest.mark.parametrize(
    ("code", "marker", "entry"),
    [
        (BOOTSTRAP % "START()", "START()", True),
        (BOOTSTRAP % "function f(){START()}f()", "START()", False),  # a function of the entry module
        (BOOTSTRAP % "START()", "e.exports", False),  # a module factory of the registry
        # An IIFE next to an object the file never calls as a registry.
        ('(()=>{var e={1(){}},t={};(()=>{"use strict";START()})()})();', "START()", False),
        # An IIFE that takes arguments: a scope of the app's code, not webpack's entry.
        (BOOTSTRAP % "(function(w){START()})(window)", "START()", False),
    ],
    ids=["entry", "entry-function", "registry-factory", "no-registry", "iife-with-arguments"],
)
def test_webpack_entry_module(code: str, marker: str, entry: bool) -> None:
    assert _entry(code, marker) is entry


def _detection(vendor: str, path: str, via: str):
    from analyzer.model import Detection, Location, Status, Verdict

    return Detection(
        vendor=vendor,
        location=Location(path=path, line=1, column=1),
        via=via,
        evidence="",
        verdict=Verdict(status=Status.UNVERIFIABLE, mechanism="code-unresolved", evidence=""),
    )


def test_a_guess_in_the_sdk_chunk_yields_to_the_apps_start() -> None:
    from analyzer import signatures
    from analyzer.model import site_key
    from analyzer.resolve import _superseded_guesses

    found = [
        _detection("sentry", "chunks/app.js", "bundle-init"),
        _detection("sentry", "chunks/sdk.js", "bundle-sdk-call"),
        _detection("logrocket", "chunks/other.js", "bundle-sdk-call"),
    ]
    dropped = _superseded_guesses(found, signatures.load())
    # The guess of another vendor, with no start of its own (and not a library Sentry embeds), stays.
    assert [(d.vendor, d.location.path) for d in found if site_key(d) not in dropped] == [
        ("sentry", "chunks/app.js"),
        ("logrocket", "chunks/other.js"),
    ]


def test_a_guess_at_an_embedded_recorder_library_yields_to_its_hosts_start() -> None:
    """rrweb read in New Relic's lazily loaded recorder chunk is New Relic's recorder, reported at
    New Relic's start; an rrweb guess with no host started anywhere stays."""
    from analyzer import signatures
    from analyzer.model import site_key
    from analyzer.resolve import _superseded_guesses

    db = signatures.load()
    assert "rrweb" in db.vendors["newrelic"].sdk.embeds
    host = [_detection("newrelic", "js/main.js", "bundle-init"), _detection("rrweb", "js/recorder.chunk.js", "bundle-sdk-call")]
    assert [d.vendor for d in host if site_key(d) not in _superseded_guesses(host, db)] == ["newrelic"]
    alone = [_detection("rrweb", "js/recorder.chunk.js", "bundle-sdk-call")]
    assert _superseded_guesses(alone, db) == set()


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("H.init('1234');", ["highlight"]),  # the global the script tag defines
        ("const h = window.H; h.init('1234');", []),  # not an init spec's name: stays as before
        ("var H = window.H || {}; H.init('1234');", ["highlight"]),  # an alias of the global
        ("function f(){ const H = new Pn({mirror: 1}); H.init(); }", []),  # rrweb's own object
        ("const H = {init(){}}; H.init();", []),
        ("class H { static init(){} } H.init();", []),
    ],
)
def test_an_init_call_on_an_object_the_file_builds_is_not_the_vendors_global(code: str, found: list[str], tmp_path) -> None:
    from analyzer.scan import ScanOptions, run

    (tmp_path / "app.js").write_text(code + "\n// highlight.run\n")
    assert [d.vendor for d in run(ScanOptions(paths=(str(tmp_path / "app.js"),))).detections] == found
