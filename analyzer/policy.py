"""The filter stage between findings and reports: declared facts, per-rule severity, select /
ignore, inline suppressions, then the baseline. Every output format sees the same result.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from analyzer.config import Config, ConfigError, DeclaredFact
from analyzer.model import Finding, Severity, Status, Verdict, site_key
from analyzer.rules import SUPPRESSION_RULES
from analyzer.scan import ScanResult
from analyzer.signatures import SignatureDB
from analyzer.suppress import Directive
from analyzer.rescore import regate

BASELINE_SCHEMA = 1


@dataclass(frozen=True)
class SuppressionContext:
    directives: tuple[tuple[str, Directive], ...]
    used: frozenset[tuple[str, int]]


def apply(result: ScanResult, config: Config, db: SignatureDB, baseline: set[str] | None = None) -> None:
    """Filter ``result`` in place."""
    if config.facts:
        _declared_facts(result, config.facts, db)
    findings = [f for f in result.findings if _selected(f.rule, config)]
    findings, used = _suppress(findings, result.directives)
    ctx = SuppressionContext(tuple(result.directives), frozenset(used))
    for rule in SUPPRESSION_RULES:
        findings += [f for f in rule.check(ctx) if _selected(f.rule, config)]
    # Per-rule severities last, so they reach RL901/RL902 too.
    overrides = dict(config.severity)
    findings = [dataclasses.replace(f, severity=Severity.parse(overrides[f.rule])) if f.rule in overrides else f for f in findings]
    if baseline is not None:
        result.baselined = sum(1 for f in findings if f.fingerprint in baseline)
        findings = [f for f in findings if f.fingerprint not in baseline]
    findings.sort(key=lambda f: (f.location.path, f.location.line, f.location.column, f.rule))
    result.findings = findings


def _selected(rule: str, config: Config) -> bool:
    if config.select and not any(rule.startswith(p) for p in config.select):
        return False
    return not any(rule.startswith(p) for p in config.ignore)


def _suppress(findings: list[Finding], directives: list[tuple[str, Directive]]) -> tuple[list[Finding], set[tuple[str, int]]]:
    by_path: dict[str, list[Directive]] = {}
    for path, d in directives:
        by_path.setdefault(path, []).append(d)
    kept, used = [], set()
    for f in findings:
        match = next((d for d in by_path.get(f.location.path, ()) if d.covers(f.rule, f.location.line)), None)
        if match is None:
            kept.append(f)
        else:
            used.add((f.location.path, match.line))
    return kept, used


def check_facts(facts: tuple[DeclaredFact, ...], db: SignatureDB) -> None:
    """Declared facts must name known ids; checked before a scan, so a typo costs no scan."""
    for fact in facts:
        if fact.cmp not in db.cmps:
            raise ConfigError(f"facts: '{fact.cmp}' is not a known consent manager id")
        unknown = [v for v in fact.blocks if v not in db.vendors]
        if unknown:
            raise ConfigError(f"facts: '{unknown[0]}' is not a known vendor id")


def _declared_facts(result: ScanResult, facts: tuple[DeclaredFact, ...], db: SignatureDB) -> None:
    """A fact the scan cannot see ("our Cookiebot auto-blocking blocks Hotjar") turns the matching
    unverifiable auto-blocker verdicts into gated, and says it was declared."""
    check_facts(facts, db)
    changed = {}
    for d in result.detections:
        fact = next((f for f in facts if d.verdict.mechanism == "autoblocker" and d.verdict.cmp == f.cmp and d.vendor in f.blocks), None)
        if fact is not None:
            changed[site_key(d)] = Verdict(
                status=Status.GATED,
                mechanism="declared-autoblock",
                evidence=f"declared in the configuration: {fact.reason} (was: {d.verdict.evidence})",
                cmp=fact.cmp,
            )
    regate(result, changed, db)


def write_baseline(path: Path, findings: list[Finding]) -> int:
    """Known findings keyed by fingerprint: sorted, schema-versioned, no lines, no timestamps."""
    entries = sorted({(f.fingerprint, f.rule, f.location.path) for f in findings})
    doc = {
        "schema_version": BASELINE_SCHEMA,
        "tool": "replaylint",
        "findings": [{"fingerprint": fp, "rule": rule, "path": p} for fp, rule, p in entries],
    }
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> set[str]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: cannot read the baseline (nested too deeply)") from None
    if not isinstance(doc, dict) or doc.get("schema_version") != BASELINE_SCHEMA or not isinstance(doc.get("findings"), list):
        raise ConfigError(f"{path}: not a replaylint baseline (schema_version {BASELINE_SCHEMA})")
    return {e["fingerprint"] for e in doc["findings"] if isinstance(e, dict) and isinstance(e.get("fingerprint"), str)}
