"""The check stage: every rule runs exactly once, on final facts.

Input: every file's facts (``FileFacts``), the resolve stage's final verdicts and links, the
configuration. Rules run by scope (``analyzer.rules.SCOPES``), in this order:

- ``page``: each file's facts with its recorders' final verdicts (RL1xx, RL130, RL310, RL140);
- ``fields``: each page's sensitive fields, printed values and topic against the recorders that
  record the page (``exposure``);
- ``compliance``: the whole site: disclosure, legal basis, masking off, withdrawal (``compliance``);
- ``suppressions``: the inline suppressions, against the findings above that the configuration
  selects (a directive that covers none is unused).

Nothing is filtered here (that is ``policy``), and no verdict changes (that was ``resolve``).
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.config import Config
from analyzer.facts.records import FileFacts
from analyzer.model import Detection, Diagnostic, Finding
from analyzer.parse import suppress
from analyzer.parse.suppress import Directive
from analyzer.read.discover import SourceFile
from analyzer.resolve import Resolved, compliance, exposure
from analyzer.resolve.exposure import FieldReport
from analyzer.rules import BY_SCOPE, RULES
from analyzer.rules.base import FieldContext, PageContext
from analyzer.signatures import SignatureDB


@dataclass(frozen=True)
class SuppressionContext:
    """What the suppression rules read: every directive and the ones that covered a finding."""

    directives: tuple[tuple[str, Directive], ...]
    used: frozenset[tuple[str, int]]


@dataclass(frozen=True)
class Checked:
    findings: tuple[Finding, ...]
    fields: tuple[FieldReport, ...]
    policies: tuple  # policy_pages.PolicyPage, for the report
    directives: tuple[tuple[str, Directive], ...]  # as the configuration reads them (reasons required)
    diagnostics: tuple[Diagnostic, ...]


def run(files: list[SourceFile], facts: list[FileFacts], resolved: Resolved, db: SignatureDB, config: Config, site: bool) -> Checked:
    """Every rule once; ``site``: a folder was scanned (not only files named one by one)."""
    by_path: dict[str, list[Detection]] = {}
    for d in resolved.detections:
        by_path.setdefault(d.location.path, []).append(d)
    findings: list[Finding] = []
    for f in facts:
        findings += page_findings(f, by_path.get(f.path, ()), db)
    fields: list[FieldReport] = []
    if any(p.assessed for p in resolved.pages.values()):
        real = {f.real: f.display for f in files if f.kind in ("js", "ts")}
        code_by_real = {r: (display, resolved.pages[display].code if display in resolved.pages else "") for r, display in real.items()}
        fields, contexts = exposure.assess(resolved.pages, by_path, code_by_real, db)
        field_rules = BY_SCOPE["fields"]
        for page in contexts:
            field_ctx = FieldContext(path=page.path, fields=page.fields, db=db, values=page.values, visit=page.visit)
            for rule in field_rules:
                findings.extend(rule.check(field_ctx))
    policies, found, diagnostics = _compliance(facts, resolved, fields, db, site)
    findings += found
    directives = suppress.known_ids([(f.path, d) for f in facts for d in f.directives], frozenset(RULES))
    if config.require_suppression_reason:
        directives = suppress.required_reasons(directives)
    _, used = suppress.match([f for f in findings if config.selects(f.rule)], directives)
    sup = SuppressionContext(tuple(directives), frozenset(used))
    for rule in BY_SCOPE["suppressions"]:
        findings.extend(rule.check(sup))
    return Checked(tuple(findings), tuple(fields), tuple(policies), tuple(directives), tuple(diagnostics))


def page_findings(facts: FileFacts, detections, db: SignatureDB) -> list[Finding]:
    """The page rules on one file's facts and its recorders' (final) verdicts."""
    ctx = PageContext(path=facts.path, facts=facts, detections=tuple(detections), db=db)
    return [finding for rule in BY_SCOPE["page"] for finding in rule.check(ctx)]


def _compliance(
    facts: list[FileFacts], resolved: Resolved, fields: list[FieldReport], db: SignatureDB, site: bool
) -> tuple[list, list[Finding], list[Diagnostic]]:
    """The policy pages read and the RL5xx findings over the whole site. A failure here is
    reported and leaves the other results as they were."""
    held = {f.path: f.compliance for f in facts if f.compliance is not None}
    if not held and not resolved.detections:
        return [], [], []
    try:
        ctx = compliance.context(list(resolved.detections), held, fields, resolved.users, db, site)
        found = [finding for rule in BY_SCOPE["compliance"] for finding in rule.check(ctx)]
    except Exception as exc:  # noqa: BLE001 - a post-pass bug must not lose the scan's results
        return [], [], [Diagnostic(path=".", code="internal-error", message=f"compliance pass skipped: {type(exc).__name__}: {exc}")]
    return list(ctx.policies), found, []
