"""Change detections' verdicts after the per-file pass (declared facts, template composition) and
keep their findings consistent: a recorder that turns out gated gets RL100 instead of RL101/RL102."""

from __future__ import annotations

import dataclasses

from analyzer.model import Severity, Verdict
from analyzer.signatures import SignatureDB


def _lower(severity: Severity) -> Severity:
    """RL102's severity is one step below RL101's (signatures/severity.toml)."""
    return Severity(max(Severity.LOW, severity - 1))


def _raise(severity: Severity) -> Severity:
    return Severity(min(Severity.HIGH, severity + 1))


def regate(result, changed: dict[tuple[str, int, int, str], Verdict], db: SignatureDB) -> None:
    """Give detections their new verdicts and keep their findings consistent with them: a gated
    recorder's RL101 / RL102 becomes RL100; an ungated one that turns unverifiable gets RL102, an
    unverifiable one that turns ungated RL101."""
    if not changed:
        return
    result.detections = [
        dataclasses.replace(d, verdict=changed[k]) if (k := (d.location.path, d.location.line, d.location.column, d.vendor)) in changed else d
        for d in result.detections
    ]
    findings = []
    for f in result.findings:
        verdict = changed.get((f.location.path, f.location.line, f.location.column, f.vendor or ""))
        if f.rule == "RL101" and verdict is not None and verdict.status.value == "unverifiable":
            findings.append(
                dataclasses.replace(
                    f,
                    rule="RL102",
                    name="recorder-unverifiable",
                    severity=_lower(f.severity),
                    message=f"{db.vendors[f.vendor].name}: consent gating cannot be verified ({verdict.mechanism})",
                    evidence=verdict.evidence,
                    fingerprint="",
                )
            )
        elif f.rule == "RL102" and verdict is not None and verdict.status.value == "ungated":
            findings.append(
                dataclasses.replace(
                    f,
                    rule="RL101",
                    name="recorder-ungated",
                    severity=_raise(f.severity),
                    message=f"{db.vendors[f.vendor].name} loads without waiting for consent ({verdict.mechanism})",
                    evidence=verdict.evidence,
                    fingerprint="",
                )
            )
        elif f.rule in ("RL101", "RL102") and verdict is not None and verdict.status.value == "gated":
            findings.append(
                dataclasses.replace(
                    f,
                    rule="RL100",
                    name="recorder-gated",
                    severity=Severity.INFO,
                    message=f"{db.vendors[f.vendor].name} waits for consent ({verdict.mechanism})",
                    evidence=verdict.evidence,
                    remediation="",
                    legal=(),
                    fingerprint="",
                )
            )
        else:
            findings.append(f)
    result.findings = findings



