"""Human-readable output: ``path:line:col: RULE severity message``, then evidence and fix."""

from __future__ import annotations

from analyzer.model import Finding, Severity, site_key
from analyzer.report import ReportOptions
from analyzer.report.escape import text as esc
from analyzer.scan import ScanResult

_COLORS = {Severity.HIGH: "\x1b[31m", Severity.MEDIUM: "\x1b[33m", Severity.LOW: "\x1b[36m", Severity.INFO: "\x1b[2m"}
_RESET = "\x1b[0m"


def _finding(f: Finding, opts: ReportOptions) -> list[str]:
    sev = f.severity.label
    if opts.color:
        sev = f"{_COLORS[f.severity]}{sev}{_RESET}"
    loc = f.location
    lines = [f"{esc(loc.path)}:{loc.line}:{loc.column}: {f.rule} {sev} {esc(f.message)}"]
    if opts.quiet:
        return lines
    if f.evidence:
        lines.append(f"    evidence: {esc(f.evidence)}")
    if f.remediation:
        lines.append(f"    fix: {esc(f.remediation)}")
    if f.legal:
        lines.append(f"    why: see {f.legal[0].split(': ', 1)[-1]} and replaylint explain {f.rule}")
    return lines


def render(result: ScanResult, opts: ReportOptions) -> str:
    out: list[str] = []
    pages = {site_key(d): d.pages for d in result.detections if d.pages}
    for f in result.findings:
        if opts.quiet and f.severity < opts.fail_on:
            continue
        out += _finding(f, opts)
        loaded = pages.get(site_key(f))
        if loaded and not opts.quiet:
            more = f" (+{len(loaded) - 5} more)" if len(loaded) > 5 else ""
            out.append(f"    loaded by: {esc(', '.join(loaded[:5]))}{more}")
    if not opts.quiet:
        for d in result.diagnostics:
            where = f"{esc(d.path)}:{d.line}" if d.line else esc(d.path)
            out.append(f"{where}: {'error' if d.level == 'error' else 'note'}: {d.code}: {esc(d.message)}")
        out.append(_summary(result, opts))
    return "\n".join(out) + ("\n" if out else "")


def _summary(result: ScanResult, opts: ReportOptions) -> str:
    counts = result.counts()
    by_status: dict[str, int] = {}
    for d in result.detections:
        by_status[d.verdict.status.value] = by_status.get(d.verdict.status.value, 0) + 1
    vendors = sorted({d.vendor for d in result.detections})
    recorder = (
        f"{len(result.detections)} recorder site(s) ({', '.join(f'{n} {s}' for s, n in sorted(by_status.items()))}) "
        f"of {len(vendors)} vendor(s){': ' + ', '.join(vendors) if vendors else ''}"
    )
    findings = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no findings"
    exposed = sum(1 for r in result.fields if r.exposed)
    fields = f"{len(result.fields)} sensitive field(s) on recorded pages, {exposed} captured; " if result.fields else ""
    base = f" ({result.baselined} in the baseline)" if result.baselined else ""
    errors = f", {result.errors} internal error(s)" if result.errors else ""
    return (
        f"replaylint: {result.files} file(s) scanned, {result.parsed} parsed, in {result.seconds:.2f}s; {recorder}; "
        f"{fields}{findings}{base}; {len(result.diagnostics)} diagnostic(s){errors}; failing on {opts.fail_on.label} and above."
    )
