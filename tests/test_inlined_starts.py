"""Starts whose SDK function a minifier inlined into the app's call (terser in webpack builds, where
module concatenation puts the app and the SDK in one scope): the options that turn replay on must
still be read from the call, however large the inlined code around them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import scan_text

# Sentry's init with its body inlined as the callee: the bundle keeps the replay integration's
# strings; replayIntegration() is inlined as a class expression tens of KB long.
SENTRY_SDK = (
    "function Rw(){console.warn('Replay is disabled because neither `replaysSessionSampleRate` nor `replaysOnErrorSampleRate` are set.')}"
)
PADDING = ";".join(f"this.a{i}=t.a{i}||{i}" for i in range(3000))  # ~40 KB of an inlined class body


def _sentry(options: str) -> str:
    return (
        f"(()=>{{{SENTRY_SDK};"
        "(function(t={}){const n=new Map;n.set('client',t);Rw()})"
        f"({{dsn:'https://0000000000000000000000000003900502@o1.ingest.sentry.io/1',"
        f"integrations:[new class{{constructor(t){{{PADDING}}}}}({{}})],{options}}})}})();"
    )


@pytest.mark.parametrize(
    ("options", "active"),
    [
        ("tracesSampleRate:.25,replaysSessionSampleRate:.25,replaysOnErrorSampleRate:1", True),
        ("replaysSessionSampleRate:0,replaysOnErrorSampleRate:1", True),
        ("replaysSessionSampleRate:0,replaysOnErrorSampleRate:0", False),
        ("tracesSampleRate:.25", False),
    ],
)
def test_replay_options_after_a_long_inlined_integration_are_read(tmp_path: Path, db, options: str, active: bool) -> None:
    result = scan_text(tmp_path, _sentry(options), db, name="main.js")
    got = [(d.vendor, d.verdict.status.value) for d in result.detections if d.vendor == "sentry"]
    assert got == ([("sentry", "ungated")] if active else []), result.detections


# Amplitude's sessionReplayPlugin(options) is `new SessionReplayPlugin(options)`; terser inlines it.
AMPLITUDE_SDK = "function Qw(){return'https://api-sr.amplitude.com/sessions/v2/track'}"


def _amplitude(plugin: str) -> str:
    return (
        f"(()=>{{{AMPLITUDE_SDK};var As={{add:function(e){{return Qw()}},init:function(e,t){{return Qw()}}}},Ns=As.add,Fs=As.init;"
        "class jl{constructor(e){this.options=e}}"
        f"{plugin},Fs('fake00000000000000000000003900510',{{serverZone:'EU'}})}})();"
    )


@pytest.mark.parametrize(
    ("plugin", "active"),
    [
        ("Ns(new jl({sampleRate:.2,privacyConfig:{defaultMaskLevel:'medium'}}))", True),
        ("Ns(new jl({sampleRate:0}))", False),
        ("Ns(new jl({privacyConfig:{defaultMaskLevel:'medium'}}))", False),
    ],
)
def test_an_inlined_replay_plugin_constructor_turns_replay_on(tmp_path: Path, db, plugin: str, active: bool) -> None:
    result = scan_text(tmp_path, _amplitude(plugin), db, name="main.js")
    got = [(d.vendor, d.verdict.status.value) for d in result.detections if d.vendor == "amplitude"]
    assert got == ([("amplitude", "ungated")] if active else []), result.detections
