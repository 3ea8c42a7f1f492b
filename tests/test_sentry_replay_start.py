"""Sentry's documented consent pattern: ``Sentry.init`` with both replay sample rates 0 (or left
out: the SDK reads a missing rate as 0) installs the replay integration without recording, and
the app starts it after consent with ``replay.start()`` / ``startBuffering()`` / ``flush()`` on
the integration instance, or on ``Sentry.getReplay()`` ([[sdk.init_hold]] in
signatures/vendors/sentry.toml). That call is the start, and its guard decides the verdict. An
init with a rate above 0 records at once, whatever the app starts later; a release call outside
any consent check is ungated. Each case is written as source and as a minified bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import scan_text

DSN = "https://0000000000000000000000000003900506@o3900506.ingest.sentry.io/3900506"


def _sentry(tmp_path: Path, db, text: str) -> list[tuple[str, int, str]]:
    """(status, line, via) of each Sentry start."""
    result = scan_text(tmp_path, text, db, name="main.js")
    return [(d.verdict.status.value, d.location.line, d.via.value) for d in result.detections if d.vendor == "sentry"]


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- source ------------------------------------------------------------------------------------

IMPORT = "import * as Sentry from '@sentry/browser';\n"


def _init(rates: str, integrations: str = "[replay]") -> str:
    return f"Sentry.init({{\n  dsn: '{DSN}',\n  integrations: {integrations},\n{rates}}});\n"


ZERO = "  replaysSessionSampleRate: 0,\n  replaysOnErrorSampleRate: 0,\n"
REPLAY = "const replay = Sentry.replayIntegration({ maskAllText: true });\n"

KLARO_GATED = (
    "Klaro.setup({ services: [{ name: 'sentry-replay', purposes: ['analytics'],\n"
    "  callback: function (consent) {\n    if (consent) replay.start();\n    else replay.stop();\n  } }] });\n"
)
COOKIEBOT = "window.addEventListener('CookiebotOnAccept', () => {\n  if (Cookiebot.consent.statistics) %s;\n});\n"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (IMPORT + "import * as Klaro from 'klaro';\n" + REPLAY + _init(ZERO) + KLARO_GATED, "replay.start()"),
        # Rates left out are 0: the integration waits for start().
        (IMPORT + REPLAY + _init("") + COOKIEBOT % "replay.start()", "replay.start()"),
        (IMPORT + _init(ZERO, "[Sentry.replayIntegration()]") + COOKIEBOT % "Sentry.getReplay()?.start()", "Sentry.getReplay()"),
        (IMPORT + REPLAY + _init(ZERO) + COOKIEBOT % "replay.startBuffering()", "replay.startBuffering()"),
        (IMPORT + REPLAY + _init("  replaysSessionSampleRate: 0.0,\n") + COOKIEBOT % "replay.flush()", "replay.flush()"),
        # Imported by name, under another local name; the instance held in a let assigned later.
        (
            "import { init, replayIntegration as ri } from '@sentry/react';\nlet r;\nr = ri();\n"
            f"init({{ dsn: '{DSN}', integrations: [r], replaysSessionSampleRate: 0 }});\n" + COOKIEBOT % "r.start()",
            "r.start()",
        ),
        # Built by the app's own helper.
        (
            IMPORT
            + "function makeReplay() {\n  return Sentry.replayIntegration({ maskAllText: true });\n}\nconst replay = makeReplay();\n"
            + _init(ZERO)
            + COOKIEBOT % "replay.start()",
            "replay.start()",
        ),
        # The CDN bundle's global; the integration looked up by name on the client.
        (
            f"Sentry.init({{ dsn: '{DSN}', integrations: [Sentry.replayIntegration()] }});\n"
            + COOKIEBOT % "Sentry.getClient().getIntegrationByName('Replay').start()",
            "Sentry.getClient()",
        ),
    ],
)
def test_a_held_replay_started_under_a_consent_check_is_gated_at_the_start(tmp_path: Path, db, text: str, needle: str) -> None:
    starts = _sentry(tmp_path, db, text)
    assert starts == [("gated", _line(text, needle), "release-call")], starts


def test_rates_written_after_a_spread_hold(tmp_path: Path, db) -> None:
    text = IMPORT + REPLAY + f"Sentry.init({{ ...base, dsn: '{DSN}', integrations: [replay],\n{ZERO}}});\n" + COOKIEBOT % "replay.start()"
    starts = _sentry(tmp_path, db, text)
    assert starts == [("gated", _line(text, "replay.start()"), "release-call")], starts


@pytest.mark.parametrize(
    "init",
    [
        f"Sentry.init({{ dsn: '{DSN}', integrations: [replay],\n{ZERO}  ...base }});\n",  # the spread may set a rate
        f"Sentry.init({{ ...base, dsn: '{DSN}', integrations: [replay], replaysSessionSampleRate: 0 }});\n",  # one rate may come from it
    ],
)
def test_a_spread_that_may_set_a_rate_is_no_hold(tmp_path: Path, db, init: str) -> None:
    """Not provably held: the start() after consent is not the start (the rates written out read
    as replay off, as before)."""
    text = IMPORT + "const base = window.sentryOptions;\n" + REPLAY + init + COOKIEBOT % "replay.start()"
    assert [s for s in _sentry(tmp_path, db, text) if s[0] == "gated"] == []


def test_a_held_replay_started_outside_any_consent_check_is_ungated(tmp_path: Path, db) -> None:
    text = IMPORT + REPLAY + _init(ZERO) + "replay.start();\n"
    starts = _sentry(tmp_path, db, text)
    assert starts == [("ungated", _line(text, "replay.start()"), "release-call")], starts


def test_a_start_on_a_click_is_ungated(tmp_path: Path, db) -> None:
    text = IMPORT + _init(ZERO, "[Sentry.replayIntegration()]") + "button.addEventListener('click', () => Sentry.getReplay()?.start());\n"
    starts = _sentry(tmp_path, db, text)
    assert starts == [("ungated", _line(text, "Sentry.getReplay()"), "release-call")], starts


def test_a_klaro_callback_that_does_not_test_its_consent_is_ungated(tmp_path: Path, db) -> None:
    text = (
        IMPORT
        + REPLAY
        + _init(ZERO)
        + "Klaro.setup({ services: [{ name: 'r', purposes: ['analytics'], callback: function (consent) { replay.start(); } }] });\n"
    )
    starts = _sentry(tmp_path, db, text)
    assert starts == [("ungated", _line(text, "replay.start()"), "release-call")], starts


def test_every_release_is_a_start(tmp_path: Path, db) -> None:
    text = IMPORT + REPLAY + _init(ZERO) + COOKIEBOT % "replay.start()" + "if (location.hash === '#debug') replay.start();\n"
    starts = _sentry(tmp_path, db, text)
    assert sorted(starts) == [("gated", _line(text, "replay.start()"), "release-call"), ("ungated", text.count("\n"), "release-call")]


@pytest.mark.parametrize(
    "rates",
    [
        "  replaysSessionSampleRate: 0.1,\n  replaysOnErrorSampleRate: 0,\n",
        "  replaysSessionSampleRate: 0,\n  replaysOnErrorSampleRate: 1.0,\n",  # buffers every session from the init
        "  replaysOnErrorSampleRate: 1,\n",
        "  replaysSessionSampleRate: rate,\n",  # not a literal: may be above 0
        "  replaysSessionSampleRate: import.meta.env.PROD ? 0.1 : 0,\n",
    ],
)
def test_a_rate_above_zero_records_from_the_init_whatever_is_started_later(tmp_path: Path, db, rates: str) -> None:
    text = IMPORT + "const rate = Number(localStorage.rate);\n" + REPLAY + _init(rates) + COOKIEBOT % "replay.start()"
    starts = _sentry(tmp_path, db, text)
    assert starts == [("ungated", _line(text, "Sentry.init"), "init-call")], starts


def test_sentry_7_rates_on_the_integration_record_from_the_init(tmp_path: Path, db) -> None:
    text = IMPORT + "const replay = new Sentry.Replay({ sessionSampleRate: 0.1 });\n" + _init("") + COOKIEBOT % "replay.start()"
    starts = _sentry(tmp_path, db, text)
    assert [s[0] for s in starts] == ["ungated"] and starts[0][2] == "init-call", starts


@pytest.mark.parametrize(
    "app",
    [
        "",  # never started
        "Sentry.flush(2000);\n",  # the SDK's event flush, not the replay's
        "const player = new Player();\nif (Cookiebot.consent.statistics) player.start();\n",  # another object's start()
    ],
)
def test_a_held_replay_that_nothing_starts_records_nothing(tmp_path: Path, db, app: str) -> None:
    text = IMPORT + REPLAY + _init(ZERO) + app
    result = scan_text(tmp_path, text, db, name="main.js")
    assert [d for d in result.detections if d.vendor == "sentry"] == []
    assert any(f.rule == "RL130" for f in result.findings), [f.rule for f in result.findings]


# -- minified ----------------------------------------------------------------------------------

# The SDK as a bundler leaves it: the init keeps its warning, the replay integration's class its
# constructor message and its start methods; replayIntegration is a renamed arrow that builds it.
SDK = (
    "function Du(e={}){console.warn('Replay is disabled because neither `replaysSessionSampleRate` nor "
    "`replaysOnErrorSampleRate` are set.');return e}"
    "var o_=(e=>new s_(e)),s_=class{constructor({maskAllInputs:e=!0}={}){this.m=e;"
    "if(window.__r)throw Error(`Multiple Sentry Session Replay instances are not supported`);window.__r=!0}"
    "start(){this._r&&this._r.start()}startBuffering(){this._r&&this._r.startBuffering()}flush(){this._r&&this._r.start()}};\n"
)
MINI_INIT = "const Vu=o_({maskAllInputs:!0});\nDu({dsn:`" + DSN + "`,integrations:[Vu]%s});\n"
MINI_ZERO = ",replaysSessionSampleRate:0,replaysOnErrorSampleRate:0"
MINI_KLARO = 'Wu.setup({services:[{name:"sentry-replay",purposes:["analytics"],callback:function(e){e?Vu.start():Vu.stop()}}]});\n'


def _mini(rates: str, app: str) -> str:
    return SDK + MINI_INIT % rates + app


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (_mini(MINI_ZERO, MINI_KLARO), "Vu.start()"),
        (
            _mini(",replaysSessionSampleRate:0", "window.OnetrustActiveGroups.indexOf(`,C0002,`)>-1&&Vu.startBuffering();\n"),
            "Vu.startBuffering",
        ),
        # The integration's class inlined into the app's binding (terser with webpack's scope hoisting).
        (
            SDK.replace("var o_=(e=>new s_(e)),s_=class", "const Vu=new class").replace(
                "flush(){this._r&&this._r.start()}};", "flush(){this._r&&this._r.start()}}({maskAllInputs:!0});"
            )
            + "Du({dsn:`"
            + DSN
            + "`,integrations:[Vu]"
            + MINI_ZERO
            + "});\n"
            + MINI_KLARO,
            "Vu.start()",
        ),
    ],
)
def test_minified_held_replay_started_under_a_consent_check_is_gated(tmp_path: Path, db, text: str, needle: str) -> None:
    starts = _sentry(tmp_path, db, text)
    assert starts == [("gated", _line(text, needle), "release-call")], starts


def test_minified_held_replay_started_at_the_top_level_is_ungated(tmp_path: Path, db) -> None:
    text = _mini(MINI_ZERO, "Vu.start();\n")
    starts = _sentry(tmp_path, db, text)
    assert starts == [("ungated", _line(text, "Vu.start()"), "release-call")], starts


def test_minified_klaro_callback_without_its_consent_is_ungated(tmp_path: Path, db) -> None:
    text = _mini(MINI_ZERO, 'Wu.setup({services:[{name:"r",purposes:["analytics"],callback:function(e){Vu.start()}}]});\n')
    starts = _sentry(tmp_path, db, text)
    assert starts == [("ungated", _line(text, "Vu.start()"), "release-call")], starts


@pytest.mark.parametrize("rates", [",replaysSessionSampleRate:.1,replaysOnErrorSampleRate:0", ",replaysOnErrorSampleRate:1"])
def test_minified_rate_above_zero_records_from_the_init(tmp_path: Path, db, rates: str) -> None:
    text = _mini(rates, MINI_KLARO)
    starts = _sentry(tmp_path, db, text)
    assert starts == [("ungated", _line(text, "Du({dsn"), "bundle-init")], starts


def test_minified_start_of_another_object_is_no_release(tmp_path: Path, db) -> None:
    text = _mini(MINI_ZERO, "const P=new class{start(){}};window.Cookiebot.consent.statistics&&P.start();\n")
    result = scan_text(tmp_path, text, db, name="main.js")
    assert [d for d in result.detections if d.vendor == "sentry"] == []


# -- the init in another file ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("app", "status"),
    [
        (COOKIEBOT % "Sentry.getReplay()?.start()", "gated"),
        ("Sentry.getReplay()?.startBuffering();\n", "ungated"),
        ("window.addEventListener('CookiebotOnAccept', () => Sentry.getReplay().start());\n", "ungated"),  # on any choice
    ],
)
def test_a_start_in_a_file_without_the_init_is_judged_where_it_is(tmp_path: Path, db, app: str, status: str) -> None:
    text = IMPORT + app
    starts = _sentry(tmp_path, db, text)
    assert starts == [(status, _line(text, "Sentry.getReplay()"), "release-call")], starts


@pytest.mark.parametrize(
    "app",
    [
        "Sentry.flush(2000);\n",
        "const player = new Player();\nplayer.start();\n",
        # A local object named like the SDK is not the SDK's global.
        "const Sentry = { getReplay: () => player };\nSentry.getReplay().start();\n",
    ],
)
def test_no_start_without_the_init_and_without_the_instance(tmp_path: Path, db, app: str) -> None:
    text = (IMPORT if "const Sentry" not in app else "") + app
    assert _sentry(tmp_path, db, text) == []


def test_the_sdks_own_calls_of_its_instance_are_no_start(tmp_path: Path, db) -> None:
    """In a bundle holding the SDK's code, a start on getIntegrationByName('Replay') with no init
    found is the SDK's plumbing (a feedback widget flushing the replay), not the app's start."""
    text = SDK + 'function Fb(){const e=window.__c;e&&e.getIntegrationByName("Replay")?.flush()}document.body.onclick=Fb;\n'
    assert [s for s in _sentry(tmp_path, db, text) if s[2] == "release-call"] == []


@pytest.mark.parametrize(
    ("declare", "status"),
    [
        ("export const replay = Sentry.replayIntegration();\n", "unverifiable"),
        ("const replay = Sentry.replayIntegration();\nwindow.sentryReplay = replay;\n", "unverifiable"),
    ],
)
def test_a_held_replay_whose_instance_leaves_the_file_is_unverifiable_at_the_init(tmp_path: Path, db, declare: str, status: str) -> None:
    text = IMPORT + declare + _init(ZERO)
    starts = _sentry(tmp_path, db, text)
    assert starts == [(status, _line(text, "Sentry.init"), "init-call")], starts


def test_a_held_replay_exported_from_an_init_under_a_consent_check_is_gated(tmp_path: Path, db) -> None:
    text = IMPORT + "export const replay = Sentry.replayIntegration();\nif (Cookiebot.consent.statistics) {\n" + _init(ZERO) + "}\n"
    starts = _sentry(tmp_path, db, text)
    assert starts == [("gated", _line(text, "Sentry.init"), "init-call")], starts


def test_an_exported_instance_started_here_under_a_check_may_still_be_started_elsewhere(tmp_path: Path, db) -> None:
    text = IMPORT + "export const replay = Sentry.replayIntegration();\n" + _init(ZERO) + COOKIEBOT % "replay.start()"
    starts = _sentry(tmp_path, db, text)
    assert sorted(starts) == [
        ("gated", _line(text, "replay.start()"), "release-call"),
        ("unverifiable", _line(text, "Sentry.init"), "init-call"),
    ]
