"""Recorder starts called through webpack's module registry with the SDK in another chunk
(analyzer/facts/jsdetect.py ``registry_starts``, analyzer/resolve/registry.py ``starts``): the app's
chunk calls ``(0, n.Ts)('<api key>', {…})`` with ``n = r(676)``, and module 676 sits in a
``splitChunks`` vendor chunk. The call is a start only when that module holds the vendor's SDK code
and its export is the SDK's init; a module that provably holds none of it starts nothing."""

from __future__ import annotations

from pathlib import Path

from analyzer.model import Status
from analyzer.scan import ScanOptions, run

PUSH = "(self.webpackChunk_app=self.webpackChunk_app||[]).push([[{chunk}],{{{modules}}}]);"
KEY = "fake00000000000000000000003900520"

# @amplitude/analytics-browser as a bundle leaves it: its client's init read into the export Ts;
# the replay plugin (module 444) carries the recorder's strings.
AMPLITUDE = (
    "676(e,t,n){n.d(t,{WQ:()=>Ps,Ts:()=>Rs});var i=n(629);"
    "const Os={init:function(e,t){return i.Cl(fetch('https://api2.amplitude.com/2/httpapi',{body:e}),t)},add:function(e){}};"
    "var Ps=Os.add,Rs=Os.init},"
    "629(e,t,n){n.d(t,{Cl:()=>x});function x(e,t){return e}},"
    "444(e,t,n){n.d(t,{jO:()=>dn});function dn(e){return{url:'https://api-sr.amplitude.com/sessions/v2/track',e}}}"
)
# Same exports, no Amplitude anywhere in the module or what it requires: an app's own helper module.
LOOKALIKE = (
    "676(e,t,n){n.d(t,{WQ:()=>Ps,Ts:()=>Rs});var i=n(629);"
    "const Os={init:function(e,t){localStorage.setItem('k',i.Cl(e,t))},add:function(e){}};var Ps=Os.add,Rs=Os.init},"
    "629(e,t,n){n.d(t,{Cl:()=>x});function x(e,t){return e}},"
    "444(e,t,n){n.d(t,{jO:()=>dn});function dn(e){return e}}"
)


def _vendor_chunk(modules: str) -> str:
    return PUSH.format(chunk=121, modules=modules)


def _app(start: str = f'(0,n.Ts)("{KEY}",{{serverZone:"EU"}})', module: str = "676") -> str:
    body = f"var n=r({module}),o=r(444);(0,n.WQ)((0,o.jO)({{sampleRate:.5}}));{start}"
    return PUSH.format(chunk=792, modules=f"95(e,t,r){{{body}}}")


def _scan(tmp_path: Path, vendor: str | None, app: str, vendor_id: str = "amplitude"):
    dist = tmp_path / "dist"
    (dist / "js").mkdir(parents=True, exist_ok=True)
    (dist / "index.html").write_text('<script defer src="/js/vendor.js"></script><script defer src="/js/main.js"></script>')
    if vendor is not None:
        (dist / "js" / "vendor.js").write_text(vendor)
    (dist / "js" / "main.js").write_text(app)
    result = run(ScanOptions(paths=(str(dist),)))
    return [d for d in result.detections if d.vendor == vendor_id]


def test_an_init_called_through_the_registry_is_the_vendors_start(tmp_path: Path) -> None:
    found = _scan(tmp_path, _vendor_chunk(AMPLITUDE), _app())
    assert len(found) == 1, found
    d = found[0]
    assert d.location.path.endswith("main.js") and d.verdict.status is Status.UNGATED
    assert "Ts of module 676 is Os.init" in d.evidence and "api2.amplitude.com" in d.evidence
    assert len(d.pages) == 1 and d.pages[0].endswith("index.html")


def test_the_start_through_the_registry_is_judged_by_the_guard_analysis(tmp_path: Path) -> None:
    gated = f'window.Cookiebot&&window.Cookiebot.consent.statistics&&(0,n.Ts)("{KEY}",{{serverZone:"EU"}})'
    found = _scan(tmp_path, _vendor_chunk(AMPLITUDE), _app(gated))
    assert [d.verdict.status for d in found] == [Status.GATED], found
    negated = f'window.Cookiebot&&window.Cookiebot.consent.statistics||(0,n.Ts)("{KEY}",{{serverZone:"EU"}})'
    found = _scan(tmp_path / "negated", _vendor_chunk(AMPLITUDE), _app(negated))
    assert [d.verdict.status for d in found] != [Status.GATED] and found, found


def test_a_module_holding_none_of_the_sdk_starts_nothing(tmp_path: Path) -> None:
    assert _scan(tmp_path, _vendor_chunk(LOOKALIKE), _app()) == []


def test_an_export_that_is_not_the_sdks_init_starts_nothing(tmp_path: Path) -> None:
    # Ts names the client's add(), not its init: the key passed to it starts nothing.
    add = AMPLITUDE.replace("Ts:()=>Rs", "Ts:()=>Ps")
    assert _scan(tmp_path, _vendor_chunk(add), _app()) == []


def test_without_the_vendor_chunk_nothing_is_claimed(tmp_path: Path) -> None:
    """What the tool said before: a key passed to an unknown module's export is no start; never gated."""
    gated = f'window.Cookiebot&&window.Cookiebot.consent.statistics&&(0,n.Ts)("{KEY}",{{serverZone:"EU"}})'
    assert _scan(tmp_path, None, _app()) == []
    assert _scan(tmp_path / "gated", None, _app(gated)) == []


def test_a_method_called_on_an_export_of_the_sdks_module(tmp_path: Path) -> None:
    # mixpanel-browser's default export (A) with its init called on it: o.A.init(token, {…}).
    mixpanel = _vendor_chunk(
        "523(e,t,r){var n;if(r.d(t,{A:()=>By}),'undefined'==typeof window){n={}}const By={init(e,t){}};var q='record_block_class'}"
    )
    app = PUSH.format(chunk=792, modules=f'855(e,t,r){{var o=r(523);o.A.init("{KEY}",{{record_sessions_percent:100}})}}')
    found = _scan(tmp_path, mixpanel, app, "mixpanel")
    assert len(found) == 1 and found[0].verdict.status is Status.UNGATED, found
    assert "A of module 523 is defined in" in found[0].evidence


SENTRY_START = '(0,r.init)({dsn:"https://abc@o123.ingest.sentry.io/456",replaysSessionSampleRate:1})'


def _sentry_app() -> str:
    return PUSH.format(chunk=792, modules=f"95(e,t,n){{var r=n(7000);{SENTRY_START}}}")


def test_a_dsn_passed_to_a_module_that_is_not_sentry_is_no_sentry_start(tmp_path: Path) -> None:
    other = _vendor_chunk("7000(e,t,n){n.d(t,{init:()=>i});function i(e){console.log(e.dsn)}}")
    assert _scan(tmp_path, other, _sentry_app(), "sentry") == []


def test_a_dsn_passed_to_sentrys_module_stays_a_start(tmp_path: Path) -> None:
    sentry = _vendor_chunk("7000(e,t,n){n.d(t,{init:()=>i});function i(e){return'sentryReplaySession'}}")
    found = _scan(tmp_path, sentry, _sentry_app(), "sentry")
    assert [d.verdict.status for d in found] == [Status.UNGATED], found


def test_a_dsn_passed_to_a_module_no_scanned_chunk_defines_stays_as_before(tmp_path: Path) -> None:
    found = _scan(tmp_path, None, _sentry_app(), "sentry")
    assert len(found) == 1 and found[0].verdict.status is not Status.GATED, found


def test_a_module_whose_requires_are_not_all_scanned_proves_nothing(tmp_path: Path) -> None:
    # 7000 requires 7001, which no scanned chunk defines: Sentry may be there, so the start stays.
    partial = _vendor_chunk("7000(e,t,n){n.d(t,{init:()=>i});var s=n(7001);function i(e){return s.init(e)}}")
    found = _scan(tmp_path, partial, _sentry_app(), "sentry")
    assert len(found) == 1, found


def test_an_id_searched_on_its_own_is_found_where_the_index_of_every_id_finds_it() -> None:
    """The first ids a scan asks for are searched for one at a time (their digits first); what
    that finds must be what the one-pass index of every registry key finds, spelling by spelling."""
    from analyzer.resolve import registry

    chunks = {
        "a.js": b"{7587(e,t,n){},12:function(){},\"34\" :0, '56'\t(1),\n78\n:1,x987587:1,17587:1,75870:1}",
        "b.js": b'[7587:1],{ 7587 :2},f(7587:3),{ "12"(){}},a?1,7587:0:0,{\r\n"7587"\r\n:1}\t{0:1,00:2}',
        "c.js": b"7587:1",
        # Turbopack's registry array: an id then its factory.
        "d.js": b'(globalThis.TURBOPACK||=[]).push(["s.js", 7587, e=>{}, 944, function(e){}, 12 ,(t)=>1, 5,x=>1,'
        b"17587,e=>1, 44, 7587,e=>{},1,2,e=>0,3 , function (){}, 66,$=>1,77, (a) =>1, 8, 9])",
    }

    class Data:
        def data(self, display: str) -> bytes:
            return chunks[display]

    ids = [
        "7587",
        "12",
        "34",
        "56",
        "78",
        "987587",
        "17587",
        "75870",
        "0",
        "00",
        "1",
        "2",
        "x",
        "",
        "７",
        "944",
        "5",
        "44",
        "3",
        "66",
        "77",
        "8",
    ]
    for module in ids:
        alone = registry._Modules(dict.fromkeys(chunks), Data())  # type: ignore[arg-type]
        indexed = registry._Modules(dict.fromkeys(chunks), Data())  # type: ignore[arg-type]
        indexed._looked_up = registry._ONE_BY_ONE
        assert alone._keyed(module) == indexed._keyed(module), module
        assert alone._keys is None and indexed._keys is not None
    assert [k[0] for k in registry._Modules(dict.fromkeys(chunks), Data())._keyed("7587")] == [
        "a.js",
        "b.js",
        "b.js",
        "b.js",
        "d.js",
        "d.js",
    ]  # type: ignore[arg-type]
