"""An SDK started through the alias its package exports its client's init under (analyzer/facts/
jsdetect.py ``Detector._client_inits``, ``[sdk] bundle_client``): @amplitude/analytics-browser
exports ``export var add = client.add, init = client.init, …``, which esbuild, Rollup and Vite keep
as ``var pf=pe.add,…,hf=pe.init,…``; the app's ``hf(apiKey, {…})`` is the start even when the key is
passed in from another chunk (code-split behind consent: ``import('./replay.js').then(m =>
m.startAnalytics(KEY))``). The start is judged at the ``import()`` that loads it; the rrweb chunk
the plugin loads is Amplitude's, never a recorder of its own.

Built as esbuild ``--splitting`` writes it (no source map): the fires cases next to those that must
not fire, and never a "gated" that the code does not prove."""

from __future__ import annotations

import shutil
from pathlib import Path

from analyzer.model import Status
from analyzer.scan import ScanOptions, run
from tests.conftest import FIXTURES

KEY = "fake00000000000000000000003900213"
RRWEB = next((FIXTURES / "bundles" / "corpus" / "esb-amplitude-split-cookiebot" / "dist" / "build" / "chunks").glob("rrweb-record-*.js"))

# The replay plugin (its recorder's strings, loading rrweb's chunk), the analytics client and the
# package's export aliases, then the app's module: add(sessionReplayPlugin({sampleRate})) + init().
SDK = (
    'var Xv=function(){function t(e){this.options=e}return t.prototype.setup=function(){return import("./rrweb-record-QRRRLXMO.js")'
    '.then(function(r){return r.record({emit:function(){}})})},t.prototype.url=function(){return"https://api-sr.amplitude.com/sessions/v2'
    '/track"},t.pluginName="@amplitude/plugin-session-replay-browser",t}();var Hi=function(t){return new Xv(t)};'
    "var vf=function(){function t(){this.plugins=[]}return t.prototype.init=function(e,r){this.key=e,this.cfg=r;"
    'return fetch("https://api2.amplitude.com/2/httpapi")},t.prototype.add=function(e){this.plugins.push(e)},t}();'
    "var Ig=function(){var t=new vf;return{init:t.init.bind(t),add:t.add.bind(t),extendSession:function(){},"
    "groupIdentify:function(){},revenue:function(){},setOptOut:function(){},setTransport:function(){}}},pe=Ig();"
)
ALIASES = "var pf=pe.add,vx=pe.extendSession,yx=pe.groupIdentify,hf=pe.init,Ax=pe.revenue,Rx=pe.setOptOut,Lx=pe.setTransport;"
APP = "function WR(t){pf(Hi({sampleRate:.5})),hf(t,{autocapture:{elementInteractions:!0}})}export{WR as startAnalytics};"

LOAD = f'var u="{KEY}",n;function d(){{return n!=null||(n=import("./chunks/replay-X6MMJMD6.js").then(e=>e.startAnalytics(u))),n}}'
COOKIEBOT_STATISTICS = (
    LOAD + "function m(){var e,t;(t=(e=window.Cookiebot)==null?void 0:e.consent)!=null&&t.statistics&&d()}"
    'window.addEventListener("CookiebotOnConsentReady",m);'
)


def _scan(tmp_path: Path, main: str, replay: str = SDK + ALIASES + APP):
    dist = tmp_path / "dist"
    chunks = dist / "build" / "chunks"
    chunks.mkdir(parents=True)
    (dist / "index.html").write_text('<!DOCTYPE html><script type="module" src="/build/main.js"></script>')
    (dist / "build" / "main.js").write_text(main)
    (chunks / "replay-X6MMJMD6.js").write_text(replay)
    shutil.copyfile(RRWEB, chunks / "rrweb-record-QRRRLXMO.js")
    return run(ScanOptions(paths=(str(dist),))).detections


def test_the_init_alias_under_a_cookiebot_statistics_import_is_gated(tmp_path: Path) -> None:
    found = _scan(tmp_path, COOKIEBOT_STATISTICS)
    assert [(d.vendor, d.verdict.status) for d in found] == [("amplitude", Status.GATED)], found
    d = found[0]
    assert d.location.path.endswith("replay-X6MMJMD6.js") and "hf = pe.init" in d.evidence, d
    assert "statistics" in d.verdict.evidence and d.pages and d.pages[0].endswith("index.html")


def test_an_unguarded_import_makes_it_ungated(tmp_path: Path) -> None:
    found = _scan(tmp_path, LOAD + "d();")
    assert [(d.vendor, d.verdict.status) for d in found] == [("amplitude", Status.UNGATED)], found


def test_a_listener_on_any_cookiebot_choice_is_not_a_gate(tmp_path: Path) -> None:
    found = _scan(tmp_path, LOAD + 'window.addEventListener("CookiebotOnAccept",d);')
    assert [(d.vendor, d.verdict.status) for d in found] == [("amplitude", Status.UNGATED)], found


def test_a_check_of_another_category_is_not_an_analytics_gate(tmp_path: Path) -> None:
    found = _scan(tmp_path, LOAD + "window.Cookiebot&&window.Cookiebot.consent.preferences&&d();")
    assert found and all(d.verdict.status is not Status.GATED for d in found), found


def test_the_start_called_at_the_chunks_top_level_is_judged_where_the_chunk_loads(tmp_path: Path) -> None:
    top = APP.replace("function WR(t){", "").replace("}export{WR as startAnalytics};", ";").replace("hf(t,", f'hf("{KEY}",')
    gated = 'window.Cookiebot&&window.Cookiebot.consent.statistics&&import("./chunks/replay-X6MMJMD6.js");'
    found = _scan(tmp_path, gated, SDK + ALIASES + top)
    assert [(d.vendor, d.verdict.status) for d in found] == [("amplitude", Status.GATED)], found
    found = _scan(tmp_path / "open", 'import("./chunks/replay-X6MMJMD6.js");', SDK + ALIASES + top)
    assert [(d.vendor, d.verdict.status) for d in found] == [("amplitude", Status.UNGATED)], found


def test_without_the_replay_plugin_nothing_records(tmp_path: Path) -> None:
    # init alone: Amplitude's replay is off unless the plugin is added with a sample rate.
    found = _scan(tmp_path, LOAD + "d();", SDK + ALIASES + APP.replace("pf(Hi({sampleRate:.5})),", ""))
    assert found == [], found


def test_an_init_read_off_an_object_that_is_not_the_client_is_no_start(tmp_path: Path) -> None:
    # The app's own object with an init (and the usual track/identify) is not Amplitude's client.
    own = "var ap={init:function(e,r){},track:function(){},identify:function(){}};var pf=pe.add,hf=ap.init,tx=ap.track,ix=ap.identify;"
    found = _scan(tmp_path, COOKIEBOT_STATISTICS, SDK + own + APP)
    assert not [d for d in found if d.verdict.status is Status.GATED], found


def test_an_alias_assigned_again_is_no_longer_the_init(tmp_path: Path) -> None:
    again = ALIASES + "hf=function(e){console.log(e)};"
    found = _scan(tmp_path, COOKIEBOT_STATISTICS, SDK + again + APP)
    assert not [d for d in found if d.verdict.status is Status.GATED], found


def test_an_alias_exported_to_another_chunk_is_not_judged_by_its_calls_here_alone(tmp_path: Path) -> None:
    # Another chunk may import hf and call it unguarded: the gated call here is not every way in.
    exported = APP.replace("export{WR as startAnalytics};", "export{WR as startAnalytics,hf as c};")
    found = _scan(tmp_path, COOKIEBOT_STATISTICS, SDK + ALIASES + exported)
    assert not [d for d in found if d.verdict.status is Status.GATED], found


def test_an_alias_handed_on_as_a_callback_is_not_judged_by_its_calls_alone(tmp_path: Path) -> None:
    handed = APP + f'window.addEventListener("load",()=>setTimeout(hf,0,"{KEY}"));'
    found = _scan(tmp_path, COOKIEBOT_STATISTICS, SDK + ALIASES + handed)
    assert not [d for d in found if d.verdict.status is Status.GATED], found
