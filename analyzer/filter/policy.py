"""The filter stage between the check stage and the reports: select / ignore, inline
suppressions (counted), per-rule severity, then the baseline (counted). It only filters and
re-grades findings: it makes none and changes no verdict. Every output format sees the same result.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from analyzer.config import Config, ConfigError
from analyzer.model import Finding, ScanResult, Severity, identity, legacy_fingerprint, stable_path
from analyzer.parse import suppress
from analyzer.rules import RULES

BASELINE_SCHEMA = 2  # 1: fingerprints of content-hashed bundles held the hash (still read)
SORTS = ("file", "severity", "rule")


@dataclass(frozen=True)
class Baseline:
    """Known findings. A schema-1 file is read as it was written: its fingerprints are compared
    with the schema-1 fingerprint of each finding, and an entry on a content-hashed bundle covers
    that rule in the same bundle whatever its hash is now (its evidence cannot be recovered)."""

    fingerprints: frozenset[str]
    schema: int = BASELINE_SCHEMA
    hashed: frozenset[tuple[str, str]] = frozenset()  # schema 1: (rule, stable path)

    def covers(self, f: Finding) -> bool:
        """Whether the baseline lists ``f``: by its fingerprint; in a schema-1 file also by its schema-1
        fingerprint or by (rule, stable path)."""
        if f.fingerprint in self.fingerprints:
            return True
        if self.schema >= 2:
            return False
        if legacy_fingerprint(f.rule, f.location.path, f.evidence) in self.fingerprints:
            return True
        return (identity(f.rule), stable_path(f.location.path)) in self.hashed


def apply(result: ScanResult, config: Config, baseline: Baseline | set[str] | None = None) -> ScanResult:
    """The scan's result as the reports see it: a new ScanResult whose findings are filtered and
    re-graded, in file, line, column order (``order`` re-sorts); ``result`` is left as it was.
    ``result.directives`` are already read as the configuration says (reasons required or not)."""
    selected = [f for f in result.findings if config.selects(f.rule)]
    # The suppression rules' own findings are not suppressible: they report on the directives.
    about = [f for f in selected if RULES[f.rule].scope == "suppressions"]
    suppressible = [f for f in selected if RULES[f.rule].scope != "suppressions"]
    findings, _ = suppress.match(suppressible, list(result.directives))
    suppressed = len(suppressible) - len(findings)
    findings += about
    # Per-rule severities last, so they reach RL901/RL902 too.
    overrides = dict(config.severity)
    findings = [dataclasses.replace(f, severity=Severity.parse(overrides[f.rule])) if f.rule in overrides else f for f in findings]
    findings.sort(key=lambda f: (f.location.path, f.location.line, f.location.column, f.rule))
    findings = _distinct(findings)
    baselined = 0
    if baseline is not None:
        known = baseline if isinstance(baseline, Baseline) else Baseline(frozenset(baseline))
        kept = [f for f in findings if not known.covers(f)]
        baselined = len(findings) - len(kept)
        findings = kept
    return dataclasses.replace(result, findings=findings, suppressed=suppressed, baselined=baselined)


def order(findings: list[Finding], by: str = "file") -> list[Finding]:
    """``file``: by file, then most severe first, then position; ``severity``: most severe first,
    then file and position; ``rule``: by rule id, then file and position."""
    position = lambda f: (f.location.path, f.location.line, f.location.column, f.rule)  # noqa: E731
    if by == "severity":
        return sorted(findings, key=lambda f: (-f.severity, *position(f)))
    if by == "rule":
        return sorted(findings, key=lambda f: (f.rule, *position(f)))
    return sorted(findings, key=lambda f: (f.location.path, -f.severity, f.location.line, f.location.column, f.rule))


def _distinct(findings: list[Finding]) -> list[Finding]:
    """The same fingerprint twice (two identical snippets in one file, two starts of one SDK in a
    hashed bundle) gets an ordinal from the second on, in file order: each stays its own entry."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.fingerprint, 0)
        seen[f.fingerprint] = n + 1
        if n:
            f = dataclasses.replace(f, fingerprint=hashlib.sha256(f"{f.fingerprint}\0{n}".encode()).hexdigest()[:32])
        out.append(f)
    return out


def write_baseline(path: Path, findings: list[Finding]) -> int:
    """Known findings keyed by fingerprint: sorted, schema-versioned, no lines, no timestamps, and
    no content hash (a hashed bundle's path is written with ``*`` for its hash)."""
    entries = sorted({(f.fingerprint, f.rule, stable_path(f.location.path)) for f in findings})
    doc = {
        "schema_version": BASELINE_SCHEMA,
        "tool": "replaylint",
        "findings": [{"fingerprint": fp, "rule": rule, "path": p} for fp, rule, p in entries],
    }
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> Baseline:
    """The baseline file at ``path`` (schema 1 or the current one); ConfigError when it cannot be read
    or is not a baseline."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: cannot read the baseline (nested too deeply)") from None
    if not isinstance(doc, dict) or doc.get("schema_version") not in (1, BASELINE_SCHEMA) or not isinstance(doc.get("findings"), list):
        raise ConfigError(f"{path}: not a replaylint baseline (schema_version 1 or {BASELINE_SCHEMA})")
    entries = [e for e in doc["findings"] if isinstance(e, dict) and isinstance(e.get("fingerprint"), str)]
    hashed = frozenset(
        (e["rule"], stable_path(e["path"]))
        for e in entries
        if doc["schema_version"] == 1
        and isinstance(e.get("rule"), str)
        and isinstance(e.get("path"), str)
        and stable_path(e["path"]) != e["path"]
    )
    return Baseline(frozenset(e["fingerprint"] for e in entries), doc["schema_version"], hashed)
