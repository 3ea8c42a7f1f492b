"""SARIF 2.1.0 for code scanning: rules from the registry with help text and links, results with
partial fingerprints from the finding fingerprint, levels from severity, 1-based regions."""

from __future__ import annotations

import json
from typing import Any

from analyzer import __version__
from analyzer.model import Finding, Severity
from analyzer.report import ReportOptions
from analyzer.report.escape import uri
from analyzer.rules import RULES
from analyzer.scan import ScanResult

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
DOCS = "https://github.com/replaylint/replaylint/blob/main/docs/rules/"
LEVELS = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note", Severity.INFO: "note"}


def _rule(rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.split("\n\n", 1)[0]},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "helpUri": f"{DOCS}{rule.id}.md",
        "defaultConfiguration": {"level": LEVELS[Severity.parse(rule.severity)]},
        "properties": {"tags": ["privacy", rule.name.split("-")[0]]},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": f.location.line, "startColumn": f.location.column}
    if f.location.end_line:
        region["endLine"] = f.location.end_line
    if f.location.end_column:
        region["endColumn"] = f.location.end_column
    text = f.message + (f"\nFix: {f.remediation}" if f.remediation else "")
    return {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(f.location.path)}, "region": region}}],
        "partialFingerprints": {"replaylint/v1": f.fingerprint},
        "properties": {"severity": f.severity.label, **({"vendor": f.vendor} if f.vendor else {})},
    }


def render(result: ScanResult, opts: ReportOptions) -> str:
    rules = list(RULES.values())
    index = {r.id: i for i, r in enumerate(rules)}
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
                "results": [_result(f, index) for f in result.findings],
                "invocations": [{"executionSuccessful": result.errors == 0, "toolExecutionNotifications": [
                    {"level": d.level, "message": {"text": f"{d.code}: {d.message}"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(d.path)}}}]}
                    for d in result.diagnostics
                ]}],
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
