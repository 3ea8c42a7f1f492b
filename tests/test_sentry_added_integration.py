"""Sentry's replay added apart from the init (``Sentry.addIntegration(Sentry.replayIntegration())``),
in a minified bundle where both calls are renamed: an init whose options carry no ``integrations``
starts no replay, so the start is where the app builds the replay integration ([sdk]
integration_strings / integrations_option in signatures/vendors/sentry.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import scan_text

# The SDK as a bundler leaves it: the init keeps its warning, the replay integration's class its
# constructor message; replayIntegration is a renamed arrow that builds the class.
SDK = (
    "function Du(e={}){console.warn('Replay is disabled because neither `replaysSessionSampleRate` nor "
    "`replaysOnErrorSampleRate` are set.');return e}"
    "function ur(t){let n=L();n&&n.addIntegration(t)}function L(){return window.__c}"
    "var o_=(e=>new s_(e)),s_=class{constructor({maskAllInputs:e=!0}={}){this.m=e;"
    "if(window.__r)throw Error(`Multiple Sentry Session Replay instances are not supported`);window.__r=!0}};"
)
INIT = "Du({dsn:`https://0000000000000000000000000003900311@o1.ingest.sentry.io/1`,replaysSessionSampleRate:.1%s});"


def _statuses(tmp_path: Path, db, app: str, init_extra: str = "") -> list[tuple[str, str, int]]:
    text = SDK + (INIT % init_extra) + app
    result = scan_text(tmp_path, text, db, name="main.js")
    return [(d.vendor, d.verdict.status.value, d.location.column) for d in result.detections if d.vendor == "sentry"]


def _column(app: str, needle: str, init_extra: str = "") -> int:
    return (SDK + (INIT % init_extra) + app).index(needle) + 1


GATED = "window.OptanonWrapper=function(){(window.OnetrustActiveGroups||``).indexOf(`,C0002,`)!==-1&&ur(o_({maskAllInputs:!0}))};"


def test_integration_added_under_a_consent_check_is_the_start(tmp_path: Path, db) -> None:
    got = _statuses(tmp_path, db, GATED)
    assert got == [("sentry", "gated", _column(GATED, "o_({mask"))], got


@pytest.mark.parametrize(
    "app",
    [
        "ur(o_({maskAllInputs:!0}));",  # added at once
        "ur(o_());",  # no options
    ],
)
def test_integration_added_at_the_top_level_is_ungated(tmp_path: Path, db, app: str) -> None:
    got = _statuses(tmp_path, db, app)
    assert got == [("sentry", "ungated", _column(app, "o_("))], got


@pytest.mark.parametrize(
    "extra",
    [
        ",integrations:[o_()]",  # the init carries integrations: it is the start, as before
        ",...window.__opts",  # a spread may carry them
    ],
)
def test_an_init_that_may_carry_integrations_stays_the_start(tmp_path: Path, db, extra: str) -> None:
    got = _statuses(tmp_path, db, GATED, extra)
    assert got == [("sentry", "ungated", _column(GATED, "Du({dsn", extra))], got


def test_an_integration_built_where_its_calls_cannot_be_followed_keeps_the_init(tmp_path: Path, db) -> None:
    app = "window.__make=o_;"  # the factory escapes: where it is built is not shown
    got = _statuses(tmp_path, db, app)
    assert got == [("sentry", "ungated", _column(app, "Du({dsn"))], got
