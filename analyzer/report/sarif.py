"""SARIF 2.1.0 for code scanning: rules from the registry with help text and links, results with
partial fingerprints from the finding fingerprint, levels from severity, 1-based regions.

GitHub code scanning reads ``properties.security-severity`` (a CVSS-like score: 7.0 and over is
"high", 4.0-6.9 "medium", under 4.0 "low") and the ``security`` tag from each rule, so findings
rank among security alerts. A finding in a bundle with a source map names its original source
position in ``relatedLocations``, and a radio or checkbox group reported at its first box names its other boxes
there. The run's ``properties`` count the findings that inline
suppressions and the baseline left out.
"""

from __future__ import annotations

import json
from typing import Any

from analyzer import __version__
from analyzer.model import RENUMBERED, Finding, ScanResult, Severity, site_key
from analyzer.report import ReportOptions
from analyzer.report.escape import uri
from analyzer.rules import RULES

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
DOCS = "https://github.com/replaylint/replaylint/blob/main/docs/rules/"
LEVELS = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note", Severity.INFO: "note"}
SECURITY_SEVERITY = {Severity.HIGH: "7.5", Severity.MEDIUM: "5.5", Severity.LOW: "3.0", Severity.INFO: "1.0"}


def _rule(rule) -> dict[str, Any]:
    former = [old for old, new in RENUMBERED.items() if new == rule.id]
    return {
        "id": rule.id,
        **({"deprecatedIds": former} if former else {}),
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.split("\n\n", 1)[0]},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "helpUri": f"{DOCS}{rule.id}.md",
        "defaultConfiguration": {"level": LEVELS[Severity.parse(rule.severity)]},
        "properties": {
            "tags": ["security", "privacy", rule.name.split("-")[0]],
            "security-severity": SECURITY_SEVERITY[Severity.parse(rule.severity)],
        },
    }


def _original(original: str) -> dict[str, Any]:
    """``src/main.js:4`` (the detection's ``original``) as a related location."""
    path, _, line = original.rpartition(":")
    location: dict[str, Any] = {"artifactLocation": {"uri": uri(path or original)}}
    if path and line.isdigit() and int(line) >= 1:
        location["region"] = {"startLine": int(line)}
    return {"id": 1, "message": {"text": "original source position, through the bundle's source map"}, "physicalLocation": location}


_MAX_BOXES = 50  # a group's other boxes named as related locations, at most


def _boxes(path: str, lines: tuple[int, ...]) -> list[dict[str, Any]]:
    """The other boxes of a radio or checkbox group reported at its first box, as related locations."""
    return [
        {
            "id": 2 + k,
            "message": {"text": "another box of the same choice group"},
            "physicalLocation": {"artifactLocation": {"uri": uri(path)}, "region": {"startLine": line}},
        }
        for k, line in enumerate(lines[:_MAX_BOXES])
    ]


def _result(f: Finding, index: dict[str, int], originals: dict[tuple, str], boxes: dict[tuple, tuple[int, ...]]) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": f.location.line, "startColumn": f.location.column}
    if f.location.end_line:
        region["endLine"] = f.location.end_line
    if f.location.end_column:
        region["endColumn"] = f.location.end_column
    text = f.message + (f"\nFix: {f.remediation}" if f.remediation else "")
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(f.location.path)}, "region": region}}],
        # The key keeps its name: the value is unchanged except for content-hashed bundles,
        # whose identity now survives a rebuild (model.fingerprint).
        "partialFingerprints": {"replaylint/v1": f.fingerprint},
        "properties": {
            "severity": f.severity.label,
            "security-severity": SECURITY_SEVERITY[f.severity],
            **({"vendor": f.vendor} if f.vendor else {}),
        },
    }
    original = originals.get(site_key(f)) if f.vendor else None
    related = [_original(original)] if original else []
    related += _boxes(f.location.path, boxes.get((f.location.path, f.location.line, f.location.column), ()))
    if related:
        out["relatedLocations"] = related
    return out


def render(result: ScanResult, opts: ReportOptions) -> str:
    """The SARIF 2.1.0 log: every rule of the registry and one result per finding."""
    rules = list(RULES.values())
    index = {r.id: i for i, r in enumerate(rules)}
    originals = {site_key(d): d.original for d in result.detections if d.original}
    boxes = {(r.path, r.field.line, r.field.column): r.field.box_lines for r in result.fields if r.field.box_lines}
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "replaylint",
                        "version": __version__,
                        "informationUri": "https://github.com/replaylint/replaylint",
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "results": [_result(f, index, originals, boxes) for f in result.findings],
                "properties": {"suppressed": result.suppressed, "baselined": result.baselined},
                "invocations": [
                    {
                        "executionSuccessful": result.errors == 0,
                        "toolExecutionNotifications": [
                            {
                                "level": d.level,
                                "message": {"text": f"{d.code}: {d.message}"},
                                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(d.path)}}}],
                            }
                            for d in result.diagnostics
                        ],
                    }
                ],
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
