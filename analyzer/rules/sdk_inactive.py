"""RL130 sdk-inactive: a recorder SDK is present but this code does not start recording.

**What it finds.** A vendor package imported but never initialised in the file
(`import LogRocket from 'logrocket'` and nothing else), or initialised with session replay
explicitly off or never turned on: `posthog.init(key, {disable_session_recording: true})`,
`Sentry.init({dsn})` without a replay integration, `ym(id, "init", {clickmap: true})` without
`webvisor: true`. Also: New Relic's copy-paste agent whose `NREUM.init` settings leave
`session_replay` off (no `session_replay.enabled`, `enabled: false`, or both sampling rates 0 with
no `newrelic.recordReplay()` call forcing a replay; the agent's own code inlined after it names the
same keys and does not count); a snippet whose id is
left as the docs wrote it (`YOUR_HOTJAR_ID`, or digits no real site has: `hjid:1234567`,
Clarity's `"0000000"`), or a start whose required project id is empty (OpenReplay's
`new Tracker({projectKey: ""})`: the vendor's `[sdk] id_options`).

**Why it matters.** Informational. It is not an active recorder, but the SDK ships to visitors,
and the replay switch is one edit away; the import may also be started in another file.

**How to fix.** Nothing to fix for consent here. Remove the dependency if unused; if replay is
meant to stay off, keep the option explicit.

**Fires on:**

    posthog.init('phc_x', { disable_session_recording: true })

**Does not fire on:**

    posthog.init('phc_x', { api_host: 'https://eu.i.posthog.com' })
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.base import PageContext

ID = "RL130"
NAME = "sdk-inactive"
SEVERITY = "info"
SUMMARY = "A recorder SDK is present but not recording here"


def check(ctx: PageContext) -> Iterator[Finding]:
    """One note per recorder SDK of the page that is present but does not record."""
    for item in ctx.facts.inactive:
        yield Finding(
            rule=ID,
            name=NAME,
            severity=Severity.INFO,
            location=Location(path=ctx.path, line=item.line, column=item.column),
            message=f"{ctx.db.vendors[item.vendor].name} SDK present but not recording: {item.evidence}",
            evidence=item.evidence,
            vendor=item.vendor,
        )
