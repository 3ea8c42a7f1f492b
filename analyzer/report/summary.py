"""The end-of-run summary: what was scanned, recorder sites by vendor and consent status, findings by
rule (as ruff's ``--statistics``), the sensitive fields, what suppressions and the baseline left
out, and whether the check fails. The text and GitHub formats end with it; with ``-o`` the CLI
prints it on stderr.
"""

from __future__ import annotations

from collections import Counter

from analyzer.model import Finding, ScanResult, Severity
from analyzer.report import ReportOptions
from analyzer.report.escape import text as esc

STATUSES = ("ungated", "unverifiable", "gated")  # worst first


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def severity_counts(findings: list[Finding]) -> str:
    """``3 high, 1 medium``: most severe first, zeros left out."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(f"{counts[s]} {s.label}" for s in sorted(Severity, reverse=True) if counts[s])


def _scope(result: ScanResult) -> str:
    errors = f", {_n(result.errors, 'internal error')}" if result.errors else ""
    return (
        f"replaylint: {_n(result.files, 'file')} scanned ({result.parsed} parsed) in {result.seconds:.2f}s, "
        f"{_n(len(result.diagnostics), 'diagnostic')}{errors}"
    )


def _recorders(result: ScanResult, opts: ReportOptions) -> list[str]:
    if not result.detections:
        return ["  no session recorder found"]
    table: dict[str, Counter] = {}
    for d in result.detections:
        table.setdefault(d.vendor, Counter())[d.verdict.status.value] += 1
    rows = sorted(table.items(), key=lambda kv: (*(-kv[1][s] for s in STATUSES), opts.names.vendor(kv[0]).lower()))
    names = {vid: esc(opts.names.vendor(vid)) for vid in table}
    width = max(len("recorder sites"), *(len(n) + 2 for n in names.values()))
    lines = [f"  {'recorder sites':<{width}}" + "".join(f"  {s:>{len(s)}}" for s in STATUSES)]
    for vid, counts in rows:
        lines.append(f"    {names[vid]:<{width - 2}}" + "".join(f"  {counts[s] or '-':>{len(s)}}" for s in STATUSES))
    return lines


def _rules(findings: list[Finding]) -> list[str]:
    if not findings:
        return []
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    rows = sorted(by_rule.items(), key=lambda kv: (-max(f.severity for f in kv[1]), -len(kv[1]), kv[0]))
    width = max(len(fs[0].name) for fs in by_rule.values())
    digits = len(str(max(len(fs) for fs in by_rule.values())))
    lines = ["  findings by rule"]
    for rule, fs in rows:
        levels = ", ".join(s.label for s in sorted({f.severity for f in fs}, reverse=True))
        lines.append(f"    {len(fs):>{digits}}  {rule}  {fs[0].name:<{width}}  {levels}")
    return lines


def _fields(result: ScanResult) -> list[str]:
    if not result.fields:
        return []
    captured = sum(1 for r in result.fields if r.exposed)
    masked = sum(1 for r in result.fields if not r.exposed and not r.unknown)
    return [
        f"  sensitive fields on recorded pages: {len(result.fields)}; {captured} captured, {masked} masked by every recorder that reaches "
        "them"
    ]


def left_out(result: ScanResult) -> str:
    """``1 suppressed inline, 2 in the baseline``, or '' when nothing was left out."""
    parts = []
    if result.suppressed:
        parts.append(f"{result.suppressed} suppressed inline")
    if result.baselined:
        parts.append(f"{result.baselined} in the baseline")
    return ", ".join(parts)


def verdict_line(result: ScanResult, opts: ReportOptions) -> str:
    """The last line: the findings by severity and whether the check fails at ``--fail-on``."""
    failing = sum(1 for f in result.findings if f.severity >= opts.fail_on)
    found = f"{_n(len(result.findings), 'finding')} ({severity_counts(result.findings)})" if result.findings else "no findings"
    gate = (
        f"{failing} at or above {opts.fail_on.label}: the check fails"
        if failing
        else f"none at or above {opts.fail_on.label}: the check passes"
    )
    return f"replaylint: {found}; {gate}"


def summary_lines(result: ScanResult, opts: ReportOptions) -> list[str]:
    """The whole summary, one string per line (no colour: it may go to a file or a CI log)."""
    lines = [_scope(result), *_recorders(result, opts), *_rules(result.findings), *_fields(result)]
    omitted = left_out(result)
    if omitted:
        lines.append(f"  not reported: {omitted}")
    return [*lines, verdict_line(result, opts)]


def hidden_line(result: ScanResult, opts: ReportOptions) -> str | None:
    """What ``--quiet`` left out, counted (a medium finding is never hidden without a word)."""
    below = [f for f in result.findings if f.severity < opts.fail_on]
    if not below:
        return None
    groups = []
    for sev in sorted({f.severity for f in below}, reverse=True):
        of = [f for f in below if f.severity == sev]
        rules = ", ".join(f"{n} {rule}" if n > 1 else rule for rule, n in sorted(Counter(f.rule for f in of).items()))
        groups.append(f"{len(of)} {sev.label} ({rules})")
    return (
        f"replaylint: {_n(len(below), 'finding')} below {opts.fail_on.label} not shown: {', '.join(groups)}; run without --quiet to see "
        "them"
    )
