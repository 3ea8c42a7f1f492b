"""Change detections' verdicts after the per-file pass (declared facts, template composition,
cross-file callers) and keep their findings consistent with them.

The consent findings (RL100 gated, RL101 ungated, RL102 unverifiable) of a changed detection are
produced again by the rule modules themselves, so message, severity (signatures/severity.toml),
evidence and the ``[original: …]`` suffix stay those of a first-pass finding. A page-specific fix
the first pass wrote (it knew which consent manager the page loads) is kept.
"""

from __future__ import annotations

import dataclasses

from analyzer.detect import CodeSpot, PageFacts, RecorderSite
from analyzer.model import Detection, Finding, Status, Verdict, site_key
from analyzer.rules import recorder_gated, recorder_ungated, recorder_unverifiable
from analyzer.rules.base import PageContext
from analyzer.signatures import SignatureDB

_RULES = {Status.GATED: recorder_gated, Status.UNGATED: recorder_ungated, Status.UNVERIFIABLE: recorder_unverifiable}
_CONSENT_RULES = frozenset(m.ID for m in _RULES.values())
_NO_FACTS = PageFacts((), (), (), ())


def regate(result, changed: dict[tuple[str, int, int, str], Verdict], db: SignatureDB) -> None:
    """Give detections their new verdicts and their consent findings the rule the verdict calls for."""
    if not changed:
        return
    detections = {}
    for i, d in enumerate(result.detections):
        if site_key(d) in changed:
            result.detections[i] = detections[site_key(d)] = dataclasses.replace(d, verdict=changed[site_key(d)])
    findings = []
    for f in result.findings:
        d = detections.get(site_key(f))
        if d is None or f.rule not in _CONSENT_RULES or _RULES[d.verdict.status].ID == f.rule:
            findings.append(f)
            continue
        findings += [_keep_fix(new, f) for new in _RULES[d.verdict.status].check(_context(d, db))]
    result.findings = findings


def _context(d: Detection, db: SignatureDB) -> PageContext:
    site = RecorderSite(db.vendors[d.vendor], CodeSpot(d.location.line, d.location.column, tag=d.element), d.via, d.evidence, original=d.original)
    return PageContext(path=d.location.path, facts=_NO_FACTS, verdicts=((site, d.verdict),), db=db)


def _keep_fix(new: Finding, old: Finding) -> Finding:
    """A first-pass fix names the page's consent manager; the re-run has no page facts."""
    if new.remediation and old.remediation:
        return dataclasses.replace(new, remediation=old.remediation)
    return new
