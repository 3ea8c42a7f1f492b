"""Formatters: each takes a ScanResult and a ReportOptions and returns the text to write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from analyzer.model import ScanResult, Severity
from analyzer.report.view import Names


@dataclass(frozen=True)
class ReportOptions:
    fail_on: Severity
    quiet: bool = False
    color: bool = False
    names: Names = field(default_factory=Names, compare=False)  # display names of vendors and field categories


Formatter = Callable[[ScanResult, ReportOptions], str]


def formatter(name: str) -> Formatter:
    """The render function of an output format: json, sarif, github, else text."""
    if name == "json":
        from analyzer.report.json_report import render
    elif name == "sarif":
        from analyzer.report.sarif import render
    elif name == "github":
        from analyzer.report.github import render
    else:
        from analyzer.report.text import render
    return render


FORMATS = ("text", "json", "sarif", "github")
