"""After the scan: the rest of the compliant pattern (issue 12) over the whole site.

Input: every detection of the scan, the per-file facts the workers returned
(``analyzer.facts.compliance_facts``: policy pages, stop calls, masking-off settings, consent-manager filings),
the field reports of the field pass, and which pages load or render which code. Output: the context
the RL5xx rules (``SCOPE = "compliance"``) read, with the policy pages read, for the report.

- disclosure (RL501, RL502): every recorder detected anywhere must be named on a policy page;
- legal basis (RL503, RL504): legitimate interest claimed for recording in a policy, a recorder filed
  where no consent is asked in a consent-manager configuration;
- masking (RL505): an option or attribute that turns masking off wholesale, with the fields it exposes;
- withdrawal (RL506): a code-started recorder that nothing stops when consent is refused or withdrawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from analyzer.facts.compliance_facts import ComplianceFacts
from analyzer.facts.policy_pages import PolicyPage
from analyzer.facts.unmasking import MaskingOff
from analyzer.facts.withdrawal import Unstopped, unstopped
from analyzer.model import Detection, site_key
from analyzer.resolve.exposure import FieldReport
from analyzer.signatures import SignatureDB


@dataclass(frozen=True)
class Exposed:
    """A masking-off setting and the sensitive fields it leaves recorded (path, line, label)."""

    setting: MaskingOff
    path: str
    fields: tuple[tuple[str, int, str], ...]


@dataclass(frozen=True)
class ComplianceContext:
    """What the RL5xx rules read."""

    db: SignatureDB
    detections: tuple[Detection, ...]
    policies: tuple[PolicyPage, ...]
    facts: dict[str, ComplianceFacts] = field(default_factory=dict)
    exposed: tuple[Exposed, ...] = ()
    unstopped: tuple[Unstopped, ...] = ()
    field_reports: tuple[FieldReport, ...] = ()
    site: bool = True  # a folder was scanned (not only files named one by one, as pre-commit does)

    def first_detection(self, vendor: str) -> Detection | None:
        """The vendor's first recorder site in file, line, column order, else None."""
        found = [d for d in self.detections if d.vendor == vendor]
        return min(found, key=site_key) if found else None

    @property
    def recorders(self) -> list[str]:
        """The ids of the vendors detected on the site, sorted."""
        return sorted({d.vendor for d in self.detections})


def context(
    detections: list[Detection],
    facts: dict[str, ComplianceFacts],
    fields: list[FieldReport],
    users: dict[str, list[str]],
    db: SignatureDB,
    site: bool = True,
) -> ComplianceContext:
    """What the RL5xx rules read. ``users`` maps a file to the pages that load or render it
    (itself included), for the fields a masking option in code exposes."""
    policies = sorted((f.policy for f in facts.values() if f.policy is not None), key=lambda p: p.path)
    stops = {path: f.stops for path, f in facts.items() if f.stops}
    hooks = {path: f.hooks for path, f in facts.items() if f.hooks}
    ctx = ComplianceContext(
        db=db,
        detections=tuple(sorted(detections, key=site_key)),
        policies=tuple(policies),
        facts=facts,
        exposed=tuple(_exposed(facts, fields, users, detections)),
        unstopped=tuple(unstopped(sorted(detections, key=site_key), stops, hooks, db)),
        field_reports=tuple(fields),
        site=site,
    )
    return ctx


def _exposed(
    facts: dict[str, ComplianceFacts], fields: list[FieldReport], users: dict[str, list[str]], detections: list[Detection]
) -> Iterable[Exposed]:
    by_page: dict[str, list[FieldReport]] = {}
    for report in fields:
        by_page.setdefault(report.path, []).append(report)
    recorders: dict[str, set[str]] = {}
    for d in detections:
        for page in users.get(d.location.path, [d.location.path]):
            recorders.setdefault(page, set()).add(d.vendor)
    for path, f in sorted(facts.items()):
        for off in f.unmasking:
            pages = users.get(path, [path]) if off.kind == "option" else [path]
            if off.kind == "attribute" and off.vendor not in recorders.get(path, set()):
                continue  # the vendor does not record this page: the marker is inert here
            hit = []
            for page in pages:
                for report in by_page.get(page, []):
                    if off.vendor in report.exposed and (off.kind == "option" or _under(report, off)):
                        hit.append((page, report.field.line, report.field.label[:60] or report.field.name))
            yield Exposed(off, path, tuple(sorted(set(hit))))


def _under(report: FieldReport, off: MaskingOff) -> bool:
    """Is this field inside an element carrying the unmask marker?"""
    marker = off.setting
    f = report.field
    if marker.startswith('class="'):
        return marker[7:-1] in f.ancestor_classes
    name, _, value = marker.partition("=")
    return any(k == name and (not value or v == value.strip('"')) for k, v in f.ancestor_attrs)
