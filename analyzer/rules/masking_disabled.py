"""RL505 masking-disabled: an option or attribute turns a recorder's input masking off wholesale.

**What it finds.** An init option that makes a recorder capture form input it would otherwise mask,
or spells out that it captures it: PostHog / Sentry `maskAllInputs: false`, Mixpanel
`record_mask_all_inputs: false`, New Relic `mask_all_inputs: false`, Datadog `defaultPrivacyLevel:
'allow'`, Amplitude `defaultMaskLevel: 'light'`, Highlight `privacySetting: 'none'`, OpenReplay
`defaultInputMode: 0`, Smartlook `record({forms: true})`, LiveSession `keystrokes: true`, LogRocket
`dom.inputSanitizer: false`; or an unmask attribute or class on a container for a vendor whose unmask
applies to everything inside it (Datadog `data-dd-privacy="allow"` on a form, Yandex `ym-record-keys`).
It is reported even when the recorder waits for consent, with the sensitive fields it leaves recorded
on the pages that run that code. The vendor's `[masking]` table says which options do this. Not
reported: an unmask on a single field (the field rules RL3xx report that field); Hotjar's
`data-hj-allow` on a form, which Hotjar ignores (it is not recursive and works only on inputs and
textareas); and settings made in a vendor's dashboard (Clarity's masking mode, FullStory's Private by
Default), which a static scan cannot see.

**Why it matters.** Consent to analytics covers the recording, not every piece of data typed into the
site: health, religion or union data typed into a form needs the explicit, specific consent of GDPR
Art. 9(2)(a), and card numbers, passwords and identity numbers should never leave the page. Data
minimisation (Art. 5(1)(c), Art. 25) expects masking by default; the CNIL's draft recommendation on
session replay asks for it explicitly.

**How to fix.** Remove the option (or set the vendor's masking default back: `maskAllInputs: true`,
`defaultPrivacyLevel: 'mask-user-input'`), and unmask only the individual, non-sensitive fields you
need, with the vendor's per-field attribute.

**Fires on:**

    posthog.init('phc_123', { session_recording: { maskAllInputs: false } })

**Does not fire on:**

    posthog.init('phc_123', { session_recording: { maskAllInputs: true } })
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.common import legal_notes

ID = "RL505"
NAME = "masking-disabled"
SEVERITY = "medium"
SUMMARY = "An option or attribute turns a recorder's input masking off wholesale"
SCOPE = "compliance"


def check(ctx) -> Iterator[Finding]:
    """One finding per setting that turns masking off, with the sensitive fields it leaves recorded:
    high when one of them is Art. 9, else medium."""
    for item in ctx.exposed:
        off = item.setting
        vendor = ctx.db.vendors[off.vendor]
        fields = "; ".join(f"{label} ({path}:{line})" for path, line, label in item.fields[:8])
        more = f" and {len(item.fields) - 8} more" if len(item.fields) > 8 else ""
        exposes = (
            f"it exposes {len(item.fields)} sensitive field(s): {fields}{more}"
            if item.fields
            else "no sensitive field was found on the pages it reaches, but every input it records is captured"
        )
        what = f"init option {off.setting}" if off.kind == "option" else f"{off.setting} on <{off.element}>"
        severity = Severity.HIGH if any(_art9(ctx, path, line) for path, line, _ in item.fields) else Severity.MEDIUM
        yield Finding(
            rule=ID,
            name=NAME,
            severity=severity,
            location=Location(path=item.path, line=off.line, column=off.column),
            message=f"{what} turns {vendor.name}'s input masking off ({off.note}); {exposes}",
            evidence=f"{off.vendor}: {off.setting} -> {off.effect}",
            remediation=f"Remove {off.setting} and keep {vendor.name}'s masking on; unmask only single non-sensitive fields. "
            f"{vendor.masking.fix}".strip(),
            legal=legal_notes(ctx, "fields"),
            vendor=off.vendor,
        )


def _art9(ctx, path: str, line: int) -> bool:
    return any(r.path == path and r.field.line == line and ctx.db.fields[r.field.classification.category].art9 for r in ctx.field_reports)
