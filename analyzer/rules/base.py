"""What every rule module provides, and the page context the HTML rules read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from analyzer.detect import PageFacts, RecorderSite
from analyzer.model import Finding, Verdict
from analyzer.signatures import SignatureDB


@dataclass(frozen=True)
class PageContext:
    """One parsed page: its path, facts, the verdict of each recorder site and the signatures."""

    path: str
    facts: PageFacts
    verdicts: tuple[tuple[RecorderSite, Verdict], ...]
    db: SignatureDB
    inactive: tuple = ()  # code_scan.CodeResult without a verdict: SDKs present but not recording


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str  # the default; some rules derive it per finding from signatures/severity.toml
    summary: str
    doc: str
    check: Callable[[PageContext], Iterator[Finding]]

    @classmethod
    def from_module(cls, module: ModuleType) -> "Rule":
        return cls(
            id=module.ID,
            name=module.NAME,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            doc=(module.__doc__ or "").strip(),
            check=module.check,
        )
