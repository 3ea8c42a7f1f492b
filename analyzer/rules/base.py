"""What every rule module provides, and the contexts the rules read (built by the check stage
from final facts)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from typing import TYPE_CHECKING

from analyzer.facts import FileFacts
from analyzer.model import Detection, Finding
from analyzer.signatures import SignatureDB

if TYPE_CHECKING:
    from analyzer.fieldfacts import FieldSite
    from analyzer.pagecontext import PageTopic
    from analyzer.rendered import RenderedValue


@dataclass(frozen=True)
class PageContext:
    """One file: its facts, its recorders with their final verdicts, and the signatures."""

    path: str
    facts: FileFacts
    detections: tuple[Detection, ...]
    db: SignatureDB


@dataclass(frozen=True)
class FieldReport:
    """One sensitive field on a page and, per recorder on that page, whether it captures it."""

    path: str
    field: "FieldSite"
    exposed: tuple[str, ...]  # vendor ids that record it
    masked: tuple[str, ...]
    unknown: tuple[str, ...]  # masking set in the vendor's dashboard
    reasons: tuple[tuple[str, str], ...]  # (vendor id, why)
    fixes: tuple[tuple[str, str], ...]  # (vendor id, the attribute/option that masks it)
    ungated: tuple[str, ...]  # exposing vendors that load without a proven consent gate


@dataclass(frozen=True)
class ValueReport:
    """One value printed as page text (``analyzer.rendered``) and, per recorder, whether its text
    masking lets it through."""

    path: str
    value: "RenderedValue"
    exposed: tuple[str, ...]
    masked: tuple[str, ...]
    unknown: tuple[str, ...]
    reasons: tuple[tuple[str, str], ...]
    fixes: tuple[tuple[str, str], ...]
    ungated: tuple[str, ...]


@dataclass(frozen=True)
class VisitReport:
    """A page whose subject is a special category, and the recorders that record a visit to it."""

    path: str
    topic: "PageTopic"
    recorders: tuple[str, ...]
    ungated: tuple[str, ...]


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
    # "fields": each page's field exposure; "compliance": the whole site (analyzer/compliance.py);
    # "suppressions": the inline suppressions and the findings they cover. Every rule has a check.
    scope: str = "page"

    @classmethod
    def from_module(cls, module: ModuleType) -> "Rule":
        return cls(
            id=module.ID,
            name=module.NAME,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            doc=(module.__doc__ or "").strip(),
            check=module.check,
            scope=getattr(module, "SCOPE", "page"),
        )
