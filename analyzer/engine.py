"""Analyse one file: read, prefilter, parse, extract facts, judge consent, run the rules.

Every failure on the way becomes a diagnostic on that file; nothing here raises for bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analyzer import consent_markup, detect, htmldoc, prefilter, reading
from analyzer.discover import SourceFile
from analyzer.model import Detection, Diagnostic, Finding, Location
from analyzer.rules import RULES, PageContext
from analyzer.signatures import SignatureDB

HTML_KINDS = frozenset({"html", "template"})


@dataclass
class FileResult:
    path: str
    detections: list[Detection] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parsed: bool = False
    size: int = 0


def analyze(source: SourceFile, db: SignatureDB, max_bytes: int) -> FileResult:
    result = FileResult(path=source.display)
    data = reading.read_bytes(source.path, source.display, max_bytes)
    if isinstance(data, Diagnostic):
        result.diagnostics.append(data)
        return result
    result.size = len(data)
    if reading.looks_binary(data):
        result.diagnostics.append(Diagnostic(path=source.display, code="binary", message="skipped: binary content (NUL bytes)"))
        return result
    if source.kind in HTML_KINDS:
        _html_file(source.display, data, db, result)
    return result


def _html_file(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """Pages are always parsed (lxml parses a page as fast as a raw-bytes prefilter scans it); the
    signature literals are then searched in the page's code and URLs only, not in its prose."""
    text = reading.decode(data)
    if text.lossy:
        result.diagnostics.append(
            Diagnostic(path=path, code="decode-lossy", message=f"some bytes are not valid {text.encoding}; they were replaced")
        )
    page = htmldoc.parse(text.text)
    result.parsed = True
    if page.degraded:
        result.diagnostics.append(
            Diagnostic(
                path=path,
                code="parse-degraded",
                message=f"the HTML parser hit a resource limit (nesting too deep?); {page.degraded} element(s) were recovered one by one",
            )
        )
    candidates = prefilter.for_db(db).candidates("\n".join(htmldoc.strings(page)).encode("utf-8", "surrogatepass"))
    if candidates.vendors:
        _analyze_html(path, page, candidates, db, result)


def _analyze_html(path: str, page: htmldoc.Page, candidates: prefilter.Candidates, db: SignatureDB, result: FileResult) -> None:
    vendors = [db.vendors[v] for v in sorted(candidates.vendors)]
    cmps = [db.cmps[c] for c in sorted(candidates.cmps)]
    facts = detect.page_facts(page, vendors, cmps, db)
    verdicts = tuple((site, consent_markup.verdict(site, facts, db)) for site in facts.sites)
    for site, verdict in verdicts:
        result.detections.append(
            Detection(
                vendor=site.vendor.id,
                location=Location(path=path, line=site.element.line, column=site.element.column),
                via=site.via,
                evidence=site.evidence,
                verdict=verdict,
                element=site.element.tag,
            )
        )
    ctx = PageContext(path=path, facts=facts, verdicts=verdicts, db=db)
    for rule in RULES.values():
        result.findings.extend(rule.check(ctx))
