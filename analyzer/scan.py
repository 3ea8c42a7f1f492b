"""Run a scan: discover files, analyse them (in a process pool when asked), gather the results."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from analyzer import chunks, composition, compliance, crossfile, engine, fallback, links, reading, rescore, signatures, workers
from analyzer.discover import SourceFile, app_root, discover
from analyzer.engine import FileResult, analyze
from analyzer.exposure import PageInfo, assess
from analyzer.kinds import Via
from analyzer.model import Detection, Diagnostic, Finding, Severity, site_key
from analyzer.reading import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class ScanOptions:
    paths: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    jobs: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES
    signature_dirs: tuple[str, ...] = ()
    follow_outside: bool = False  # follow symlinks and source maps that leave the scanned folders
    include_tests: bool = False  # scan test files as site code (analyzer/testpaths.py)


@dataclass
class ScanResult:
    detections: list[Detection] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fields: list = field(default_factory=list)  # FieldReport per sensitive field on a page with a recorder
    policies: list = field(default_factory=list)  # policy_pages.PolicyPage per privacy / cookie / subprocessor page
    directives: list = field(default_factory=list)  # (path, suppress.Directive)
    baselined: int = 0
    suppressed: int = 0  # findings an inline suppression covered (counted in every format's summary)
    excludes_matched: frozenset[str] = frozenset()  # the exclude patterns that excluded something
    signature_dirs: tuple[str, ...] = ()
    files: int = 0
    parsed: int = 0
    code_parsed: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def add(self, r: FileResult) -> None:
        self.files += 1
        self.parsed += r.parsed
        self.code_parsed += r.code_parsed
        self.bytes += r.size
        self.detections += r.detections
        self.findings += r.findings
        self.diagnostics += r.diagnostics
        self.directives += [(r.path, d) for d in r.directives]

    @property
    def errors(self) -> int:
        """Diagnostics of level error: the tool failed somewhere (exit 2 unless configured otherwise)."""
        return sum(1 for d in self.diagnostics if d.level == "error")

    def counts(self) -> dict[str, int]:
        out = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            out[f.severity.label] += 1
        return out


def _setup_worker(signature_dirs: tuple[str, ...], max_bytes: int) -> tuple[signatures.SignatureDB, int]:
    return signatures.load(signature_dirs), max_bytes


def _work(state: tuple[signatures.SignatureDB, int], source: SourceFile) -> FileResult:
    db, max_bytes = state
    return _safe_analyze(source, db, max_bytes)


def _safe_analyze(source: SourceFile, db: signatures.SignatureDB, max_bytes: int) -> FileResult:
    """A bug on one file must not end the scan, hide the other files' results, or hide the
    recorders this file's literals show (kept as unverifiable: fail closed)."""
    result = FileResult(path=source.display)
    try:
        return analyze(source, db, max_bytes, result)
    except RecursionError:
        diag = Diagnostic(path=source.display, code="too-complex", message="structure nested too deeply to analyse; recorders found by literal are kept as unverifiable")
        reason = "nested too deeply to analyse"
    except Exception as exc:  # noqa: BLE001 - reported per file, the scan goes on
        diag = Diagnostic(path=source.display, code="internal-error", message=f"analysis failed: {type(exc).__name__}: {exc}", level="error")
        reason = f"analysis failed ({type(exc).__name__}: {exc})"
    result.diagnostics.append(diag)
    _keep_literals(source, db, max_bytes, reason, result)
    return result


def _keep_literals(source: SourceFile, db: signatures.SignatureDB, max_bytes: int, reason: str, result: FileResult) -> None:
    """The prefilter's vendors for a file whose analysis did not finish (never raises)."""
    try:
        data = reading.read_bytes(source.path, source.display, max_bytes)
        if isinstance(data, bytes):
            engine.keep_found(source.display, fallback.first_hits(reading.as_utf8(data), db), reason, db, result)
    except Exception as exc:  # noqa: BLE001 - the diagnostic already says the file failed
        result.diagnostics.append(Diagnostic(path=source.display, code="internal-error", message=f"literal search failed too: {type(exc).__name__}", level="error"))


def _results(files: list[SourceFile], opts: ScanOptions) -> Iterator[FileResult]:
    jobs = max(1, min(opts.jobs, len(files), os.cpu_count() or 1)) if opts.jobs > 0 else (os.cpu_count() or 1)
    if jobs == 1 or len(files) < 8:
        db = signatures.load(opts.signature_dirs)
        for f in files:
            yield _safe_analyze(f, db, opts.max_bytes)
        return
    batch = max(1, min(64, len(files) // (jobs * 8) or 1))

    def died(source: SourceFile, exitcode: int | None) -> FileResult:
        return _worker_died(source, exitcode, opts)

    yield from workers.run(files, jobs, _setup_worker, (opts.signature_dirs, opts.max_bytes), _work, died, batch)


def _worker_died(source: SourceFile, exitcode: int | None, opts: ScanOptions) -> FileResult:
    """The file a worker process died on (killed for memory, a crash in a C library) fails alone,
    keeping what its literals show."""
    how = f"killed by signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
    result = FileResult(path=source.display)
    result.diagnostics.append(Diagnostic(path=source.display, code="worker-died", message=f"the worker process analysing this file died ({how})", level="error"))
    _keep_literals(source, signatures.load(opts.signature_dirs), opts.max_bytes, f"its worker process died ({how})", result)
    return result


def _chunk_imports(files: list[SourceFile], imports: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Built scripts' imports of other scanned chunks (static and ``import()``), by real path."""
    out: dict[str, list[str]] = {}
    for f in files:
        specs = imports.get(f.display)
        if specs and f.kind in ("js", "ts"):
            real = os.path.normpath(os.path.abspath(f.path))
            found = links.imported_files(specs, real, str(f.root) if f.root is not None else None)
            if found:
                out[real] = found
    return out


def _closure(loads: list[str], chunk_imports: dict[str, list[str]]) -> list[str]:
    """The scripts a page loads and every chunk they import, transitively."""
    seen: dict[str, None] = {}
    stack = list(reversed(loads))
    while stack:
        script = stack.pop()
        if script in seen:
            continue
        seen[script] = None
        stack.extend(reversed(chunk_imports.get(script, [])))
    return list(seen)


def _link_pages(result: ScanResult, files: list[SourceFile], loaded_by: dict[str, list[str]]) -> None:
    """A bundle's detections list the pages that load it (the finding stays at the code)."""
    if not loaded_by:
        return
    real = {f.display: os.path.normpath(os.path.abspath(f.path)) for f in files if f.kind in ("js", "ts")}
    result.detections = [
        dataclasses.replace(d, pages=tuple(sorted(loaded_by.get(real.get(d.location.path, ""), []))))
        if real.get(d.location.path) in loaded_by
        else d
        for d in result.detections
    ]


def _compose(result: ScanResult, pages: dict[str, PageInfo], facts: dict, db: signatures.SignatureDB, nodes: list[str]) -> None:
    """Templates: gate partials included only inside consent branches; give each template the
    recorders of its layout chain and includes (for the field pass)."""
    graph = composition.build(facts, db.template_conventions, nodes)
    rescore.regate(result, composition.regate(result.detections, graph), db)
    for path, info in pages.items():
        if path in graph.uses:
            info.uses = sorted(composition.context(graph, path))


def _link_chunks(result: ScanResult, files: list[SourceFile], imports: dict[str, tuple[str, ...]], page_loads: dict[str, list[str]], opts: ScanOptions) -> None:
    """Starts at the top level of a built chunk judged at the pages and import() sites that
    load the chunk (chunks). A failure here is reported and leaves the verdicts as they were."""
    direct: dict[str, list[str]] = {}
    for page, loads in page_loads.items():
        for script in loads:
            direct.setdefault(script, []).append(page)
    db = signatures.load(opts.signature_dirs)
    try:
        changed = chunks.link(result.detections, files, imports, direct, db, opts.max_bytes)
    except Exception as exc:  # noqa: BLE001 - a post-pass bug must not lose the scan's results
        result.diagnostics.append(Diagnostic(path=".", code="internal-error", message=f"chunk pass skipped: {type(exc).__name__}: {exc}"))
        return
    rescore.regate(result, changed, db)


def _drop_embedded_chunks(result: ScanResult, files: list[SourceFile], chunk_imports: dict[str, list[str]], opts: ScanOptions) -> None:
    """A recorder library's chunk loaded only by its host SDK is the host's (chunks.embedded)."""
    if not chunk_imports:
        return
    real = {f.display: os.path.normpath(os.path.abspath(f.path)) for f in files if f.kind in ("js", "ts")}
    inactive: dict[str, set[str]] = {}
    for f in result.findings:
        if f.rule == "RL201" and f.vendor:
            inactive.setdefault(f.location.path, set()).add(f.vendor)
    drop = chunks.embedded(result.detections, inactive, chunk_imports, real, signatures.load(opts.signature_dirs))
    if drop:
        result.detections = [d for d in result.detections if site_key(d) not in drop]
        result.findings = [f for f in result.findings if f.rule not in ("RL100", "RL101", "RL102") or site_key(f) not in drop]


def _drop_superseded_guesses(result: ScanResult) -> None:
    """A ``bundle-sdk-call`` (an init-named call on the code holding an SDK, the weakest reading of
    a bundle) yields to a start of the same vendor found elsewhere in the scan: the app's chunk
    starts the SDK that another chunk holds (Next.js ``import('@sentry/browser')``)."""
    found = {d.vendor for d in result.detections if d.via != Via.BUNDLE_SDK_CALL}
    drop = {site_key(d) for d in result.detections if d.via == Via.BUNDLE_SDK_CALL and d.vendor in found}
    if drop:
        result.detections = [d for d in result.detections if site_key(d) not in drop]
        result.findings = [f for f in result.findings if f.rule not in ("RL100", "RL101", "RL102") or site_key(f) not in drop]


def _link_exports(result: ScanResult, files: list[SourceFile], imports: dict[str, tuple[str, ...]], opts: ScanOptions) -> None:
    """Exported starts judged at their callers in other files (crossfile). A failure here is
    reported and leaves the per-file verdicts as they were."""
    db = signatures.load(opts.signature_dirs)
    try:
        changed = crossfile.link(result.detections, files, imports, db, opts.max_bytes)
    except Exception as exc:  # noqa: BLE001 - a post-pass bug must not lose the scan's results
        result.diagnostics.append(Diagnostic(path=".", code="internal-error", message=f"cross-file pass skipped: {type(exc).__name__}: {exc}", level="error"))
        return
    rescore.regate(result, changed, db)


def _link_app_code(result: ScanResult, files: list[SourceFile], pages: dict[str, PageInfo]) -> None:
    """A component's form is recorded by the recorders its app starts anywhere: in a single-page
    app one start (layout, _app, main.ts) records every route. The app is the nearest folder with
    a package manifest (package.json …), else the scanned folder; components of one app in a
    monorepo are not linked to another app's recorders."""
    code = {f.display: f for f in files if f.kind in ("js", "ts", "sfc")}
    with_fields = [p for p, info in pages.items() if info.assessed and p in code]
    if not with_fields:
        return
    starters = sorted({d.location.path for d in result.detections if d.location.path in code})
    if not starters:
        return
    for path in with_fields:
        app = app_root(code[path])
        linked = [s for s in starters if s != path and app_root(code[s]) == app]
        pages[path].uses = sorted(set(pages[path].uses) | set(linked))


def _assess_fields(result: ScanResult, files: list[SourceFile], pages: dict[str, PageInfo]) -> None:
    if not any(p.assessed for p in pages.values()):
        return
    by_path: dict[str, list[Detection]] = {}
    for d in result.detections:
        by_path.setdefault(d.location.path, []).append(d)
    real = {os.path.normpath(os.path.abspath(f.path)): f.display for f in files if f.kind in ("js", "ts")}
    code_by_real = {r: (display, pages[display].code if display in pages else "") for r, display in real.items()}
    db = signatures.load(result.signature_dirs)
    result.fields, findings = assess(pages, by_path, code_by_real, db)
    result.findings += findings


def _check_compliance(result: ScanResult, files: list[SourceFile], facts: dict, pages: dict[str, PageInfo], loaded_by: dict[str, list[str]], site: bool) -> None:
    """Disclosure, legal basis, masking off and withdrawal over the whole site (analyzer.compliance).
    A failure here is reported and leaves the other results as they were."""
    if not facts and not result.detections:
        return
    real = {f.display: os.path.normpath(os.path.abspath(f.path)) for f in files if f.kind in ("js", "ts", "sfc")}
    users: dict[str, list[str]] = {}
    for display, path in real.items():
        users[display] = [display] + loaded_by.get(path, [])
    for page, info in pages.items():
        for used in info.uses:
            users.setdefault(used, [used]).append(page)
    try:
        result.policies, findings = compliance.check(result.detections, facts, result.fields, users, signatures.load(result.signature_dirs), site)
    except Exception as exc:  # noqa: BLE001 - a post-pass bug must not lose the scan's results
        result.diagnostics.append(Diagnostic(path=".", code="internal-error", message=f"compliance pass skipped: {type(exc).__name__}: {exc}"))
        return
    result.findings += findings


def run(opts: ScanOptions, progress: Callable[[int, int], None] | None = None) -> ScanResult:
    start = time.perf_counter()
    signatures.load(opts.signature_dirs)  # fail fast (exit 2) on a broken signature file
    matched: set[str] = set()
    files, diags = discover(opts.paths, opts.excludes, opts.follow_outside, matched, opts.include_tests)
    result = ScanResult(diagnostics=list(diags), signature_dirs=opts.signature_dirs, excludes_matched=frozenset(matched))
    loaded_by: dict[str, list[str]] = {}
    pages: dict[str, PageInfo] = {}
    template_facts = {}
    imports: dict[str, tuple[str, ...]] = {}
    chunk_imports: dict[str, list[str]] = {}
    page_loads: dict[str, list[str]] = {}
    compliance_facts: dict = {}
    for i, r in enumerate(_results(files, opts), 1):
        result.add(r)
        if r.compliance is not None:
            compliance_facts[r.path] = r.compliance
        if r.loads:
            page_loads[r.path] = r.loads
        if r.fields or r.code or r.template or r.rendered or r.page_topic:
            pages[r.path] = PageInfo(r.fields, r.code, r.loads, rendered=r.rendered, topic=r.page_topic)
        if r.template is not None:
            template_facts[r.path] = r.template
        if r.imports:
            imports[r.path] = r.imports
        if progress:
            progress(i, len(files))
    chunk_imports = _chunk_imports(files, imports)
    for page, loads in page_loads.items():
        for script in _closure(loads, chunk_imports):
            loaded_by.setdefault(script, []).append(page)
        if page in pages:
            pages[page].loads = _closure(loads, chunk_imports)
    _link_pages(result, files, loaded_by)
    _link_chunks(result, files, imports, page_loads, opts)
    _drop_embedded_chunks(result, files, chunk_imports, opts)
    _drop_superseded_guesses(result)
    _link_exports(result, files, imports, opts)
    if template_facts:
        nodes = [f.display for f in files if f.kind in ("html", "template")]
        _compose(result, pages, template_facts, signatures.load(opts.signature_dirs), nodes)
    _link_app_code(result, files, pages)
    _assess_fields(result, files, pages)
    _check_compliance(result, files, compliance_facts, pages, loaded_by, any(os.path.isdir(p) for p in opts.paths))
    result.seconds = time.perf_counter() - start
    result.findings.sort(key=lambda f: (f.location.path, f.location.line, f.location.column, f.rule))
    result.detections.sort(key=site_key)
    return result
