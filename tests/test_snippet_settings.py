"""A snippet that carries the app's settings (``[[detect.snippet]] settings / replay_on``): New
Relic's copy-paste agent records only when the object assigned to ``NREUM.init`` enables
session_replay with a sampling rate above 0; the agent's own code (inlined after it) names the
same keys and must not count."""

from __future__ import annotations

import pytest

from tests.conftest import scan_text

AGENT = (
    '(()=>{var e={session_replay:{autoStart:!0,enabled:!1,sampling_rate:10,error_sampling_rate:100}},t={sessionReplay:"session_replay"};'
    'function n(r){var s=document.createElement("script");s.src="https://js-agent.newrelic.com/"+r;document.head.appendChild(s)}'
    'n("nr-spa-1.293.0.min.js")})();'
)
LOADER = '(window.NREUM||(NREUM={})).loader_config={accountID:"1000000",agentID:"2000000",licenseKey:"NRJS-0",applicationID:"2000000"};'


def page(settings: str, assign: str = "(window.NREUM||(NREUM={})).init=") -> str:
    return f"<html><head><script>{assign}{settings};{LOADER}\n{AGENT}</script></head><body></body></html>"


@pytest.mark.parametrize(
    ("settings", "why"),
    [
        ("{privacy:{cookies_enabled:true},distributed_tracing:{enabled:true}}", "leaves out session_replay.enabled"),
        ("{session_replay:{sampling_rate:10}}", "leaves out session_replay.enabled"),
        ("{session_replay:{enabled:!1,sampling_rate:10}}", "sets session_replay.enabled: !1"),
        ("{session_replay:{enabled:false}}", "sets session_replay.enabled: false"),
        ("{session_replay:{enabled:true,sampling_rate:0,error_sampling_rate:0.0}}", "to 0"),
    ],
)
def test_settings_that_keep_replay_off_make_the_agent_inactive(tmp_path, db, settings: str, why: str) -> None:
    result = scan_text(tmp_path, page(settings), db)
    assert result.detections == []
    (note,) = [f for f in result.findings if f.rule == "RL130"]
    assert why in note.message


@pytest.mark.parametrize(
    "settings",
    [
        "{session_replay:{enabled:true,sampling_rate:10,error_sampling_rate:100}}",
        "{session_replay:{enabled:!0}}",  # rates left out: the agent's defaults (10, 100)
        "{session_replay:{enabled:true,sampling_rate:0,error_sampling_rate:100}}",  # replays on errors
        "{session_replay:{enabled:replayOn}}",  # a variable may be true
        "{...window.nrSettings}",  # a spread may carry session_replay
        "{session_replay:nrReplay}",
        "nrSettings",  # a global set elsewhere
    ],
)
def test_settings_that_may_record_leave_the_agent_a_recorder(tmp_path, db, settings: str) -> None:
    result = scan_text(tmp_path, page(settings), db)
    assert [(d.vendor, d.verdict.status.value) for d in result.detections] == [("newrelic", "ungated")]


@pytest.mark.parametrize("assign", ["NREUM.init=", "window.NREUM.init=", ";window.NREUM||(NREUM={});NREUM.init="])
def test_each_way_of_assigning_the_settings_is_read(tmp_path, db, assign: str) -> None:
    text = page("{distributed_tracing:{enabled:true}}", assign).replace("(window.NREUM||(NREUM={})).loader_config", "NREUM.loader_config")
    result = scan_text(tmp_path, text, db)
    assert result.detections == []
    assert [f.rule for f in result.findings if f.rule == "RL130"] == ["RL130"]
