"""Consent checks called through webpack's module registry (analyzer/resolve/registry.py): the app's
chunk calls ``r.Sc('analytics')`` with ``r = n(7587)``, and module 7587 is in another chunk (a
``splitChunks`` vendor chunk) whose factory exports ``Sc`` as a consent library's renamed function."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.consent import consent_code
from analyzer.model import Status
from analyzer.parse import jsfacts, jsparse
from analyzer.scan import ScanOptions, run

PUSH = "(self.webpackChunk_app=self.webpackChunk_app||[]).push([[{chunk}],{{{modules}}}]);"
# vanilla-cookieconsent 3's acceptedCategory as a bundle renames it (its state properties keep their names).
CMP_STATE = "const v={o:{D:!0,R:[],Y:{}}};function b(e,t){return e.indexOf(t)>-1}"
ACCEPTED = "e=>{const t=v.o.D?[]:v.o.R;return b(t,e)}"
OTHER = "e=>{const t=location.hash.split(',');return b(t,e)}"  # same arity, same call shape: not the CMP's check


def _vendor(exports: str, fn: str = ACCEPTED, module: str = "7587") -> str:
    return PUSH.format(chunk=593, modules=f"{module}(e,t,n){{{CMP_STATE}const _e={fn};{exports}}}")


START = 'window.LogRocket.init("abcdef/app")'


def _app(condition: str = 'r.Sc("analytics")', module: str = "7587", body: str = "{condition}&&{start}") -> str:
    return PUSH.format(
        chunk=792,
        modules=f"944(e,t,n){{var r=n({module});r.eF({{onConsent:()=>{{{body.format(condition=condition, start=START)}}}}})}}",
    )


ARRAY_EXPORTS = 'n.d(t,["Sc",0,_e,"eF",0,function(e){}])'
OBJECT_EXPORTS = "n.d(t,{Sc:()=>_e,eF:()=>function(e){}})"


def _scan(tmp_path: Path, vendor: str | None, app: str):
    dist = tmp_path / "dist"
    (dist / "js").mkdir(parents=True, exist_ok=True)
    (dist / "index.html").write_text('<script defer src="/js/593.js"></script><script defer src="/js/main.js"></script>')
    if vendor is not None:
        (dist / "js" / "593.js").write_text(vendor)
    (dist / "js" / "main.js").write_text(app)
    result = run(ScanOptions(paths=(str(dist),)))
    found = [d for d in result.detections if d.vendor == "logrocket"]
    assert len(found) == 1, result.detections
    return found[0].verdict


@pytest.mark.parametrize(
    ("vendor", "app"),
    [
        (_vendor(ARRAY_EXPORTS), _app()),
        (_vendor(OBJECT_EXPORTS), _app('(0,r.Sc)("analytics")')),
        (_vendor("n.d(t,{Sc:function(){return _e}})"), _app("n(7587).Sc('analytics')")),
        (_vendor(ARRAY_EXPORTS), _app(body="if(!{condition})return;{start}")),
        (_vendor(ARRAY_EXPORTS), _app(body="if(e||!{condition})return;{start}")),
        (_vendor(ARRAY_EXPORTS), _app(body="{condition}?{start}:null")),
        (_vendor(ARRAY_EXPORTS), _app(body="!{condition}||{start}")),
    ],
    ids=[
        "array-exports",
        "object-getter-sequence-call",
        "function-getter-on-the-spot",
        "early-return",
        "early-return-disjunct",
        "ternary",
        "or-negated",
    ],
)
def test_a_registry_import_of_the_cmps_check_gates(tmp_path: Path, vendor: str, app: str) -> None:
    verdict = _scan(tmp_path, vendor, app)
    assert verdict.status is Status.GATED, verdict.evidence
    assert "acceptedCategory" in verdict.evidence and "module 7587" in verdict.evidence


def test_without_the_vendor_chunk_it_stays_unverifiable(tmp_path: Path) -> None:
    verdict = _scan(tmp_path, None, _app())
    assert verdict.status is Status.UNVERIFIABLE
    assert "not in this file" in verdict.evidence


def test_a_same_named_export_of_another_function_stays_unverifiable(tmp_path: Path) -> None:
    verdict = _scan(tmp_path, _vendor(ARRAY_EXPORTS, fn=OTHER), _app())
    assert verdict.status is Status.UNVERIFIABLE
    assert "Sc of module 7587 is the function _e" in verdict.evidence and "not a consent manager's check" in verdict.evidence


def test_another_modules_same_named_export_stays_unverifiable(tmp_path: Path) -> None:
    # The vendor chunk holds the CMP as module 7587 and an unrelated module 1234 that also exports Sc:
    # the app requires 1234.
    vendor = PUSH.format(
        chunk=593,
        modules=f"7587(e,t,n){{{CMP_STATE}const _e={ACCEPTED};{ARRAY_EXPORTS}}},1234(e,t,n){{const _e={OTHER};{ARRAY_EXPORTS}}}",
    ).replace("const v=", "var v=")
    verdict = _scan(tmp_path, vendor, _app(module="1234"))
    assert verdict.status is Status.UNVERIFIABLE
    assert "module 1234" in verdict.evidence and "acceptedCategory" not in verdict.evidence


def test_a_module_id_two_builds_define_differently_stays_unverifiable(tmp_path: Path) -> None:
    (tmp_path / "dist" / "other").mkdir(parents=True)
    (tmp_path / "dist" / "other" / "593.js").write_text(_vendor(ARRAY_EXPORTS, fn=OTHER))
    verdict = _scan(tmp_path, _vendor(ARRAY_EXPORTS), _app())
    assert verdict.status is Status.UNVERIFIABLE
    assert "defined 2 times" in verdict.evidence


@pytest.mark.parametrize(
    "body",
    ["if({condition})return;{start}", "{condition}?null:{start}", "{condition}||{start}", "if(!{condition}){start}"],
    ids=["return-when-consented", "ternary-alternative", "or", "negated-if"],
)
def test_a_resolved_check_the_start_does_not_wait_for_does_not_gate(tmp_path: Path, body: str) -> None:
    verdict = _scan(tmp_path, _vendor(ARRAY_EXPORTS), _app(body=body))
    assert verdict.status is not Status.GATED, verdict.evidence


def test_the_cmps_check_on_another_category_does_not_gate(tmp_path: Path) -> None:
    verdict = _scan(tmp_path, _vendor(ARRAY_EXPORTS), _app('r.Sc("performance")'))
    assert verdict.status is Status.UNVERIFIABLE, verdict.evidence
    assert verdict.evidence.endswith(
        "(Sc of module 7587 is CookieConsent v3 (orestbida)'s acceptedCategory in " + str(tmp_path / "dist/js/593.js)")
    )


def test_the_read_stage_records_the_open_check() -> None:
    from analyzer.signatures import load

    vocab = consent_code.vocabulary(load())
    app = _app()
    prog = jsfacts.Program(jsparse.parse(jsparse.JsSource(app)))
    guard = consent_code.GuardAnalysis(prog, vocab)
    at = app.encode().index(b"window.LogRocket.init(")
    node = next(n for n in reversed(prog.tree.path(at, at + 10)) if n.type == "call_expression")
    verdict = consent_code.path_verdict(guard.judge(node))
    assert verdict.status is Status.UNVERIFIABLE and verdict.registry == ("7587:Sc",)


@pytest.mark.parametrize(
    "code",
    [
        # Source code, not a bundle: n is a plain parameter.
        "function f(n){var r=n(7587); if (r.Sc('analytics')) start()}",
        # In a webpack chunk, but n is not the module factory's require parameter.
        PUSH.format(chunk=1, modules="1(e,t,n){function g(n){var r=n(7587);if(r.Sc('analytics'))start()}}"),
    ],
    ids=["source", "inner-parameter"],
)
def test_look_alikes_are_not_registry_imports(code: str) -> None:
    from analyzer.signatures import load

    prog = jsfacts.Program(jsparse.parse(jsparse.JsSource(code)))
    guard = consent_code.GuardAnalysis(prog, consent_code.vocabulary(load()))
    at = code.encode().index(b"r.Sc(")
    call = next(n for n in reversed(prog.tree.path(at, at + 5)) if n.type == "call_expression")
    assert guard.registry_call(call) is None


def test_a_chunk_saved_with_a_bom_is_read_at_the_right_offsets(tmp_path: Path) -> None:
    """Offsets found in a chunk's text are the parse tree's: a UTF-8 byte order mark on disk (which
    decoding drops) must not shift them."""
    dist = tmp_path / "dist"
    (dist / "js").mkdir(parents=True)
    (dist / "index.html").write_text('<script defer src="/js/593.js"></script><script defer src="/js/main.js"></script>')
    (dist / "js" / "593.js").write_bytes(b"\xef\xbb\xbf" + _vendor(ARRAY_EXPORTS).encode())
    (dist / "js" / "main.js").write_bytes(b"\xef\xbb\xbf" + _app().encode())
    [found] = [d for d in run(ScanOptions(paths=(str(dist),))).detections if d.vendor == "logrocket"]
    assert found.verdict.status is Status.GATED, found.verdict.evidence


# Turbopack (Next.js): the registry is an array of ids and factories ``[script, 7587, e => {…}]``, a
# module imports another with ``e.i(7587)`` and lists its (renamed) exports with ``e.s(["Sc", 0, _e])``.
TURBOPACK = '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,{modules}]);'


def _turbopack_vendor(fn: str = ACCEPTED, module: str = "7587") -> str:
    return TURBOPACK.format(modules=f'{module},e=>{{"use strict";{CMP_STATE}const _e={fn};e.s(["Sc",0,_e,"eF",0,function(e){{}}])}}')


def _turbopack_app(body: str = "{condition}&&{start}", module: str = "7587") -> str:
    start = body.format(condition='(0,r.Sc)("analytics")', start=START)
    return TURBOPACK.format(modules=f'944,e=>{{"use strict";var r=e.i({module});r.eF({{onConsent:()=>{{{start}}}}})}}')


def test_a_turbopack_registry_import_of_the_cmps_check_gates(tmp_path: Path) -> None:
    verdict = _scan(tmp_path, _turbopack_vendor(), _turbopack_app())
    assert verdict.status is Status.GATED, verdict.evidence
    assert "acceptedCategory" in verdict.evidence and "module 7587" in verdict.evidence


@pytest.mark.parametrize(
    ("vendor", "app"),
    [
        (_turbopack_vendor(fn=OTHER), _turbopack_app()),  # the export is another function
        (_turbopack_vendor(), _turbopack_app(body="if({condition})return;{start}")),  # returns when consented
        (_turbopack_vendor(), _turbopack_app(body="{condition}||{start}")),
        (_turbopack_vendor(module="1234"), _turbopack_app()),  # no scanned chunk defines 7587
    ],
    ids=["another-function", "return-when-consented", "or", "module-not-scanned"],
)
def test_a_turbopack_registry_check_that_does_not_hold_does_not_gate(tmp_path: Path, vendor: str, app: str) -> None:
    verdict = _scan(tmp_path, vendor, app)
    assert verdict.status is not Status.GATED, verdict.evidence
