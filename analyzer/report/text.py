"""Human-readable output: ``path:line:col: RULE severity message``, then evidence, fix, the pages
that load it and the recorders that mask the field; then notes for sensitive fields that every
recorder reaching them masks, the diagnostics, and the summary (``report.summary``).

``--quiet`` keeps the findings at or above ``--fail-on``, one line each, and counts what it left out.
"""

from __future__ import annotations

from analyzer.model import Finding, ScanResult, Severity, site_key
from analyzer.report import ReportOptions
from analyzer.report.escape import text as esc
from analyzer.report.summary import hidden_line, summary_lines

_COLORS = {Severity.HIGH: "\x1b[31m", Severity.MEDIUM: "\x1b[33m", Severity.LOW: "\x1b[36m", Severity.INFO: "\x1b[2m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _paint(text: str, code: str, opts: ReportOptions) -> str:
    return f"{code}{text}{_RESET}" if opts.color else text


def _finding(f: Finding, opts: ReportOptions) -> list[str]:
    loc = f.location
    sev = _paint(f.severity.label, _COLORS[f.severity], opts)
    lines = [f"{_paint(esc(loc.path), _BOLD, opts)}:{loc.line}:{loc.column}: {f.rule} {sev} {esc(f.message)}"]
    if opts.quiet:
        return lines
    if f.evidence:
        lines.append(f"    evidence: {esc(f.evidence)}")
    if f.remediation:
        lines.append(f"    fix: {esc(f.remediation)}")
    if f.legal:
        lines.append(f"    why: see {f.legal[0].split(': ', 1)[-1]} and replaylint explain {f.rule}")
    return lines


def _masked_by(report, opts: ReportOptions) -> str:
    """``Hotjar (Hotjar masks typed text by default)`` for each recorder that masks the field."""
    reasons = dict(report.reasons)
    return "; ".join(f"{opts.names.vendor(v)} ({reasons[v]})" if v in reasons else opts.names.vendor(v) for v in report.masked)


def _field_name(report) -> str:
    return report.field.label or report.field.name or report.field.tag


def _masked_notes(result: ScanResult, opts: ReportOptions) -> list[str]:
    """A sensitive field on a recorded page that every recorder there masks raises no finding;
    the reader still learns it is there and why it is safe. The same field on many pages (a
    newsletter box in the footer) is one note with the other places counted."""
    groups: dict[tuple, list] = {}
    for r in result.fields:
        if r.exposed or r.unknown or not r.masked:
            continue
        key = (_field_name(r), r.field.classification.category, r.masked, _masked_by(r, opts))
        groups.setdefault(key, []).append(r)
    out = []
    for (name, category, _, masked_by), reports in groups.items():
        first = reports[0]
        out.append(
            f"{esc(first.path)}:{first.field.line}:{first.field.column}: {_paint('note', _DIM, opts)}: field '{esc(name)}' "
            f"({esc(opts.names.category(category))}) is on a recorded page; masked by {esc(masked_by)}"
        )
        if len(reports) > 1:
            more = f" (+{len(reports) - 4} more)" if len(reports) > 4 else ""
            out.append(f"    also on: {esc(', '.join(f'{r.path}:{r.field.line}:{r.field.column}' for r in reports[1:4]))}{more}")
    return out


def render(result: ScanResult, opts: ReportOptions) -> str:
    """The text report: each finding (with the pages that load it and partial masking), then notes,
    diagnostics and the summary; quiet keeps findings at or above fail-on."""
    out: list[str] = []
    pages = {site_key(d): d.pages for d in result.detections if d.pages}
    partly_masked = {(r.path, r.field.line, r.field.column): r for r in result.fields if r.exposed and r.masked}
    for f in result.findings:
        if opts.quiet and f.severity < opts.fail_on:
            continue
        out += _finding(f, opts)
        if opts.quiet:
            continue
        loaded = pages.get(site_key(f))
        if loaded:
            more = f" (+{len(loaded) - 5} more)" if len(loaded) > 5 else ""
            out.append(f"    loaded by: {esc(', '.join(loaded[:5]))}{more}")
        field = partly_masked.get((f.location.path, f.location.line, f.location.column))
        if field is not None:
            out.append(f"    masked by: {esc(_masked_by(field, opts))}")
    if opts.quiet:
        hidden = hidden_line(result, opts)
        out += [hidden] if hidden else []
    else:
        out += _masked_notes(result, opts)
        for d in result.diagnostics:
            where = f"{esc(d.path)}:{d.line}" if d.line else esc(d.path)
            out.append(f"{where}: {'error' if d.level == 'error' else 'note'}: {d.code}: {esc(d.message)}")
        out += summary_lines(result, opts)
    return "\n".join(out) + ("\n" if out else "")
