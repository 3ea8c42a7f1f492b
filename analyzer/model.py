"""The records that flow out of a scan: detections, findings and diagnostics.

All are frozen and keyword-only. Lines and columns are 1-based. A finding's fingerprint leaves the
line number out so that baselines survive edits that move code around.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity '{text}' (use info, low, medium or high)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


SEVERITY_NAMES = tuple(s.name.lower() for s in Severity)  # "info", "low", "medium", "high"


class Status(str, enum.Enum):
    """The consent verdict of one recorder site."""

    GATED = "gated"
    UNGATED = "ungated"
    UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True, kw_only=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """Whether a recorder waits for consent, by what mechanism, and the evidence for it."""

    status: Status
    mechanism: str
    evidence: str
    cmp: str | None = None
    category_mismatch: str | None = None
    # Code only: the names of the exported function whose callers are in other files (resolved
    # after the scan by following imports; not part of the report).
    entry: tuple[str, ...] = field(default=(), compare=False)
    # Code only: the start runs when its file loads (module top level), so the pages and
    # import() sites that load the file decide (resolved after the scan; not part of the report).
    load: bool = field(default=False, compare=False)


@dataclass(frozen=True, kw_only=True)
class Detection:
    """One place where a page or file loads or starts a recorder."""

    vendor: str
    location: Location
    via: str
    evidence: str
    verdict: Verdict
    element: str = "script"
    pages: tuple[str, ...] = ()
    original: str | None = None  # original source file:line, through the bundle's source map


@dataclass(frozen=True, kw_only=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    location: Location
    message: str
    evidence: str = ""
    remediation: str = ""
    legal: tuple[str, ...] = ()
    vendor: str | None = None
    fingerprint: str = field(default="")

    def __post_init__(self) -> None:
        if not self.fingerprint:
            object.__setattr__(self, "fingerprint", fingerprint(self.rule, self.location.path, self.evidence))


@dataclass(frozen=True, kw_only=True)
class Diagnostic:
    """A file the scan could not fully read or parse; the scan goes on."""

    path: str
    code: str
    message: str
    line: int | None = None
    # "error": the tool failed on this file (an internal error, a worker that died): the run exits
    # 2 unless configured otherwise. "warning": the input was damaged or limited the analysis.
    level: str = "warning"


_LINES = re.compile(r"\b(lines?|caller|callers) [\d:, ]+|\(line [\d:]+\)|<- [\d:]+")


def fingerprint(rule: str, path: str, evidence: str) -> str:
    """Rule + path + evidence with whitespace folded and line references dropped: stable across
    edits that only shift lines (evidence names guard lines, such as "(line 12)")."""
    normal = " ".join(_LINES.sub("#", evidence).split())
    digest = hashlib.sha256(f"{rule}\0{path}\0{normal}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:32]


def site_key(item: "Detection | Finding") -> tuple[str, int, int, str]:
    """What ties a detection to its findings (and a verdict change to both): path, line, column, vendor."""
    return (item.location.path, item.location.line, item.location.column, item.vendor or "")
