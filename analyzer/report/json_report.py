"""The JSON report: the stable machine contract documented in docs/json.md."""

from __future__ import annotations

import json
from typing import Any

from analyzer import __version__
from analyzer.model import Detection, Diagnostic, Finding, ScanResult
from analyzer.report import ReportOptions

SCHEMA_VERSION = 1


def detection(d: Detection) -> dict[str, Any]:
    """A recorder site as the JSON report lists it, with its consent verdict."""
    v = d.verdict
    return {
        "vendor": d.vendor,
        "path": d.location.path,
        "line": d.location.line,
        "column": d.location.column,
        "via": d.via,
        "element": d.element,
        "evidence": d.evidence,
        "consent": {"status": v.status.value, "mechanism": v.mechanism, "evidence": v.evidence, "cmp": v.cmp},
        "pages": list(d.pages),
        "original": d.original,
    }


def finding(f: Finding) -> dict[str, Any]:
    """A finding as the JSON report lists it."""
    loc = f.location
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity.label,
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "message": f.message,
        "vendor": f.vendor,
        "evidence": f.evidence,
        "remediation": f.remediation,
        "legal": list(f.legal),
        "fingerprint": f.fingerprint,
    }


def field_entry(r) -> dict[str, Any]:
    """A sensitive field as the JSON report lists it: which vendors capture, mask or may capture it,
    why, and each fix."""
    f = r.field
    c = f.classification
    reasons = dict(r.reasons)
    return {
        "path": r.path,
        "line": f.line,
        "column": f.column,
        "name": f.name,
        "label": f.label,
        "element": f.tag,
        "type": f.type,
        "category": c.category,
        "confidence": round(c.confidence, 2),
        "evidence": list(c.words),
        # What decided the category: the field's own texts, else where it stands ("heading 'Anamnesis'
        # (anamnes*)", "record section: …") or the learned field model ("learned field model, p 0.93").
        "decided_by": c.context or "own texts",
        # A radio or checkbox group is one field, reported at its first box: the lines of its other boxes.
        "box_lines": list(f.box_lines),
        "exposed_to": list(r.exposed),
        "masked_for": list(r.masked),
        "unverifiable_for": list(r.unknown),
        "reason": {v: reasons[v] for v in (*r.exposed, *r.masked, *r.unknown)},
        "fix": {v: fix for v, fix in r.fixes if v in r.exposed or v in r.unknown},
    }


def policy_entry(p) -> dict[str, Any]:
    """A recognised policy page: why, which vendors it names (how, where) and its LI claims."""
    return {
        "path": p.path,
        "kinds": list(p.kinds),
        "signals": list(p.signals),
        "language": p.language,
        "named": [{"vendor": n.vendor, "how": n.how, "line": n.line, "column": n.column, "text": n.text} for n in p.named],
        "delegated_to": list(p.delegated),
        "legitimate_interest": [
            {
                "line": c.line,
                "column": c.column,
                "covers": c.covers,
                "vendors": list(c.vendors),
                "basis": c.basis,
                "quote": c.quote,
                "conditional": c.conditional,
            }
            for c in p.claims
        ],
        "mentions_recording": p.mentions_recording,
    }


def diagnostic(d: Diagnostic) -> dict[str, Any]:
    """A diagnostic as the JSON report lists it."""
    return {"path": d.path, "code": d.code, "message": d.message, "line": d.line, "level": d.level}


def document(result: ScanResult, opts: ReportOptions) -> dict[str, Any]:
    """The whole JSON report: detections, fields, findings, policies, diagnostics and the summary
    counts."""
    by_status = {"gated": 0, "ungated": 0, "unverifiable": 0}
    vendors: dict[str, int] = {}
    vendor_consent: dict[str, dict[str, int]] = {}
    for d in result.detections:
        by_status[d.verdict.status.value] += 1
        vendors[d.vendor] = vendors.get(d.vendor, 0) + 1
        row = vendor_consent.setdefault(d.vendor, {"gated": 0, "ungated": 0, "unverifiable": 0})
        row[d.verdict.status.value] += 1
    rules: dict[str, int] = {}
    for f in result.findings:
        rules[f.rule] = rules.get(f.rule, 0) + 1
    failing = sum(1 for f in result.findings if f.severity >= opts.fail_on)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "replaylint", "version": __version__},
        "detections": [detection(d) for d in result.detections],
        "fields": [field_entry(r) for r in result.fields],
        "findings": [finding(f) for f in result.findings],
        "policies": [policy_entry(p) for p in result.policies],
        "diagnostics": [diagnostic(d) for d in result.diagnostics],
        "summary": {
            "files": result.files,
            "parsed": result.parsed,
            "code_parsed": result.code_parsed,
            "bytes": result.bytes,
            "seconds": round(result.seconds, 3),
            "detections": len(result.detections),
            "consent": by_status,
            "vendors": dict(sorted(vendors.items())),
            "vendor_consent": dict(sorted(vendor_consent.items())),
            "findings": result.counts(),
            "rules": dict(sorted(rules.items())),
            "suppressed": result.suppressed,
            "baselined": result.baselined,
            "diagnostics": len(result.diagnostics),
            "errors": result.errors,
            "fail_on": opts.fail_on.label,
            "failing": failing,
        },
    }


def render(result: ScanResult, opts: ReportOptions) -> str:
    # Compact: with indent, json falls back to its pure-Python encoder (3x slower on large reports).
    """The JSON report as one compact line of text."""
    return json.dumps(document(result, opts), ensure_ascii=False, separators=(",", ":")) + "\n"
