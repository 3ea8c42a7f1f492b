"""What every rule module provides, and the contexts the rules read (built by the check stage
from final facts)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from analyzer.facts.records import FileFacts
from analyzer.model import Detection, Finding
from analyzer.signatures import SignatureDB

if TYPE_CHECKING:
    from analyzer.resolve.exposure import FieldReport, ValueReport, VisitReport


@dataclass(frozen=True)
class PageContext:
    """One file: its facts, its recorders with their final verdicts, and the signatures."""

    path: str
    facts: FileFacts
    detections: tuple[Detection, ...]
    db: SignatureDB


@dataclass(frozen=True)
class FieldContext:
    """Every sensitive field of one page with its exposure, the personal data it prints and what
    visiting it reveals: what the field rules read."""

    path: str
    fields: tuple[FieldReport, ...]
    db: SignatureDB
    values: tuple[ValueReport, ...] = ()
    visit: VisitReport | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str  # the default; some rules derive it per finding from signatures/severity.toml
    summary: str
    doc: str
    check: Callable[..., Iterator[Finding]]
    # What the check stage runs the rule on: "page": each file's facts and final verdicts;
    # "fields": each page's field exposure; "compliance": the whole site (analyzer/resolve/compliance.py);
    # "suppressions": the inline suppressions and the findings they cover. Every rule has a check.
    scope: str = "page"

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        """The rule a rule module declares (ID, NAME, SEVERITY, SUMMARY, check, optional SCOPE; its
        docstring is the doc)."""
        return cls(
            id=module.ID,
            name=module.NAME,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            doc=(module.__doc__ or "").strip(),
            check=module.check,
            scope=getattr(module, "SCOPE", "page"),
        )
