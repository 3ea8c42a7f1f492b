"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request diff,
then the summary as plain lines for the job's log (``--quiet``: the count of what it left out)."""

from __future__ import annotations

from analyzer.model import ScanResult, Severity
from analyzer.report import ReportOptions
from analyzer.report.escape import text as esc
from analyzer.report.summary import hidden_line, summary_lines

_COMMAND = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "notice", Severity.INFO: "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = esc(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render(result: ScanResult, opts: ReportOptions) -> str:
    """GitHub workflow commands: an annotation per finding (quiet: at or above fail-on only) and per
    diagnostic, then the summary."""
    lines = []
    for f in result.findings:
        if opts.quiet and f.severity < opts.fail_on:
            continue
        loc = f.location
        props = f"file={_escape(loc.path, True)},line={loc.line},col={loc.column},title={_escape(f'{f.rule} {f.name}', True)}"
        body = f.message + (f"\n{f.remediation}" if f.remediation else "")
        lines.append(f"::{_COMMAND[f.severity]} {props}::{_escape(body)}")
    for d in result.diagnostics:
        lines.append(f"::{d.level} file={_escape(d.path, True)},title=replaylint {d.code}::{_escape(d.message)}")
    if opts.quiet:
        hidden = hidden_line(result, opts)
        lines += [hidden] if hidden else []
    else:
        lines += summary_lines(result, opts)
    return "\n".join(lines) + ("\n" if lines else "")
