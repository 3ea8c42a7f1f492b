"""After the scan: which recorder on each page captures which sensitive field.

A page's recorders are its own detections plus those of the bundles it loads (linking); the
code that may change a vendor's masking is the page's inline code and the bundles' code. Gating
does not matter for exposure (a gated recorder sees the field once the visitor consents); it
only lowers the severity.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analyzer.facts.fieldfacts import FieldSite
from analyzer.facts.pagecontext import PageTopic
from analyzer.facts.rendered import RenderedValue
from analyzer.model import Detection, Status
from analyzer.resolve.masking import effective_default, effective_text_default, evaluate, evaluate_text
from analyzer.signatures import SignatureDB


@dataclass(frozen=True)
class FieldReport:
    """One sensitive field on a page and, per recorder on that page, whether it captures it."""

    path: str
    field: FieldSite
    exposed: tuple[str, ...]  # vendor ids that record it
    masked: tuple[str, ...]
    unknown: tuple[str, ...]  # masking set in the vendor's dashboard
    reasons: tuple[tuple[str, str], ...]  # (vendor id, why)
    fixes: tuple[tuple[str, str], ...]  # (vendor id, the attribute/option that masks it)
    ungated: tuple[str, ...]  # exposing vendors that load without a proven consent gate


@dataclass(frozen=True)
class ValueReport:
    """One value printed as page text (``analyzer.facts.rendered``) and, per recorder, whether its text
    masking lets it through."""

    path: str
    value: RenderedValue
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
    topic: PageTopic
    recorders: tuple[str, ...]
    ungated: tuple[str, ...]


@dataclass(frozen=True)
class PageExposure:
    """One page's field reports, printed values and visit, for the field rules."""

    path: str
    fields: tuple[FieldReport, ...]
    values: tuple[ValueReport, ...] = ()
    visit: VisitReport | None = None


@dataclass
class PageInfo:
    """What the post-pass keeps of a file: its sensitive fields, code text and loaded scripts."""

    fields: list[FieldSite] = field(default_factory=list)
    code: str = ""
    loads: list[str] = field(default_factory=list)
    uses: list[str] = field(default_factory=list)  # templates rendered with this one (layouts, includes)
    rendered: list[RenderedValue] = field(default_factory=list)  # personal data printed as text
    topic: PageTopic | None = None  # the special category visiting the page reveals

    @property
    def assessed(self) -> bool:
        """Something on the page a recorder could capture: a field, a printed value, the visit."""
        return bool(self.fields or self.rendered or self.topic)


def _recorders(detections: list[Detection]) -> dict[str, bool]:
    """vendor id -> True when at least one of its sites is not proven gated."""
    out: dict[str, bool] = {}
    for d in detections:
        out[d.vendor] = out.get(d.vendor, False) or d.verdict.status is not Status.GATED
    return out


def assess(
    pages: dict[str, PageInfo],
    detections: dict[str, list[Detection]],
    code_by_real: dict[str, tuple[str, str]],
    db: SignatureDB,
) -> tuple[list[FieldReport], list[PageExposure]]:
    """Field reports, and each page's exposure for the field rules, for every page with sensitive
    fields, printed personal data or a special-category subject.

    ``code_by_real`` maps a loaded script's real path to (its display path, its code text).
    """
    reports: list[FieldReport] = []
    contexts: list[PageExposure] = []
    for path, info in sorted(pages.items()):
        if not info.assessed:
            continue
        dets = list(detections.get(path, []))
        code = [info.code]  # searched part by part: joining megabyte bundles per page cost seconds
        for real in info.loads:
            display, text = code_by_real.get(real, ("", ""))
            dets += detections.get(display, [])
            code.append(text)
        for used in info.uses:
            dets += detections.get(used, [])
            code.append(pages[used].code if used in pages else "")
        recorders = _recorders(dets)
        if not recorders:
            continue
        defaults = {v: effective_default(db.vendors[v], code) for v in recorders}
        page_reports = tuple(_report(path, f, recorders, defaults, db) for f in info.fields)
        reports += page_reports
        text_defaults = {v: effective_text_default(db.vendors[v], code) for v in recorders} if info.rendered else {}
        values = tuple(_value_report(path, v, recorders, text_defaults, db) for v in info.rendered)
        visit = (
            VisitReport(path, info.topic, tuple(sorted(recorders)), tuple(v for v in sorted(recorders) if recorders[v]))
            if info.topic
            else None
        )
        contexts.append(PageExposure(path=path, fields=page_reports, values=values, visit=visit))
    return reports, contexts


def _value_report(path: str, value: RenderedValue, recorders: dict[str, bool], defaults: dict, db: SignatureDB) -> ValueReport:
    exposures = [evaluate_text(value, db.vendors[v], defaults[v]) for v in sorted(recorders)]
    return ValueReport(path=path, value=value, **_outcome(exposures, recorders))


def _report(path: str, site: FieldSite, recorders: dict[str, bool], defaults: dict, db: SignatureDB) -> FieldReport:
    exposures = [evaluate(site, db.vendors[v], defaults[v]) for v in sorted(recorders)]
    return FieldReport(path=path, field=site, **_outcome(exposures, recorders))


def _outcome(exposures: list, recorders: dict[str, bool]) -> dict[str, tuple]:
    """What the recorders of a page do with one field or printed value: who records it, who masks
    it, who may, why, the fix per vendor, and which of the recorders start without consent."""
    exposed = tuple(e.vendor for e in exposures if e.exposed)
    return {
        "exposed": exposed,
        "masked": tuple(e.vendor for e in exposures if e.exposed is False),
        "unknown": tuple(e.vendor for e in exposures if e.exposed is None),
        "reasons": tuple((e.vendor, e.reason) for e in exposures),
        "fixes": tuple((e.vendor, e.fix) for e in exposures),
        "ungated": tuple(v for v in exposed if recorders[v]),
    }
