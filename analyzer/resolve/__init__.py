"""The resolve stage: final verdicts and links, as functions over every file's facts.

Input: the ``FileFacts`` of every file (first-pass verdicts, scripts loaded, imports, template
references) and the declared facts of the configuration. Output: a ``Resolved`` record holding each
detection with its final verdict and the pages that load it, and, per page, the code and templates
it is recorded with. In order:

0. SDK starts called through a bundler's module registry, kept only where the chunk that defines
   the module holds the vendor's SDK code (``registry``);
1. page <-> bundle links: the scripts a page loads and every chunk they import;
   markup verdicts read again with the consent manager's configuration the page holds or loads
   (``cmp_configs``);
2. consent checks called through a bundler's module registry, read in the chunk that defines the
   module (``registry``); chunk starts judged at the pages and ``import()`` sites that load the
   chunk (``chunks``);
3. a recorder library's chunk loaded only by its host SDK is the host's; a guessed SDK start
   yields to a start of the same vendor, or of a vendor that embeds it, found elsewhere;
4. exported starts judged at their callers in other files (``crossfile``); starts in a script's
   global function judged at the calls of the other scripts of the pages that load it (``globals``);
5. template composition: partials included only inside consent branches (``composition``); the
   topic a form page's layout names, for its free-text controls (``layouts``);
6. declared facts of the configuration ("our auto-blocker blocks Hotjar");
7. app linking: a component's form is recorded by the recorders its app starts anywhere.

No finding is made here: the check stage runs the rules once, on what this stage returns.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from analyzer.config import ConfigError, DeclaredFact
from analyzer.facts.records import FileFacts
from analyzer.kinds import Mechanism, Via
from analyzer.model import Detection, Diagnostic, Status, Verdict, site_key
from analyzer.parse import indented, links
from analyzer.read.discover import TEXT_SUFFIXES, SourceFile, app_root
from analyzer.resolve import chunks, cmp_configs, composition, crossfile, layouts, model_forms, registry
from analyzer.resolve import globals as globals_
from analyzer.resolve.exposure import PageInfo
from analyzer.signatures import SignatureDB

SiteKey = tuple[str, int, int, str]


@dataclass(frozen=True)
class Resolved:
    """Final verdicts and links for the check stage."""

    detections: tuple[Detection, ...]
    pages: dict[str, PageInfo]  # files with fields, code or templates, with what they are recorded with
    users: dict[str, list[str]]  # a code file -> itself and the pages that load or render it
    diagnostics: tuple[Diagnostic, ...]


def resolve(
    files: list[SourceFile], facts: list[FileFacts], db: SignatureDB, max_bytes: int, declared: tuple[DeclaredFact, ...] = ()
) -> Resolved:
    """Every step above, in order; a step that fails is reported and leaves the verdicts as they were."""
    by_path = {f.path: f for f in facts}
    diagnostics: list[Diagnostic] = []
    programs = registry.code_files(files, max_bytes)
    detections = [d for f in facts for d in f.detections] + _registry_starts(facts, programs, db, diagnostics)
    imports = {f.path: f.imports for f in facts if f.imports}
    judged = {f.path: f.dynamic_imports for f in facts if f.dynamic_imports is not None}
    page_loads = {f.path: list(f.loads) for f in facts if f.loads}
    pages = {
        f.path: PageInfo(list(f.fields), f.code, list(f.loads), rendered=list(f.rendered), topic=f.page_topic) for f in facts if f.page_like
    }
    chunk_imports = _chunk_imports(files, imports)
    loaded_by: dict[str, list[str]] = {}
    closures: dict[str, list[str]] = {}
    for page, loads in page_loads.items():
        closure = closures[page] = _closure(loads, chunk_imports)
        for script in closure:
            loaded_by.setdefault(script, []).append(page)
        if page in pages:
            pages[page].loads = closure
    real = {f.display: f.real for f in files if f.kind in ("js", "ts")}
    detections = _link_pages(detections, real, loaded_by)
    displayed = {f.real: f.display for f in files}
    detections = _guarded(
        "consent-manager configuration pass", detections, diagnostics, lambda ds: cmp_configs.link(ds, facts, closures, displayed)
    )
    direct: dict[str, list[str]] = {}
    for page, loads in page_loads.items():
        for script in loads:
            direct.setdefault(script, []).append(page)
    detections = _guarded("registry pass", detections, diagnostics, lambda ds: registry.link(ds, programs, db), level="warning")
    programs.release()  # the chunks' trees are not needed after the registry passes: not held through the next ones
    detections = _guarded(
        "chunk pass", detections, diagnostics, lambda ds: chunks.link(ds, files, imports, direct, db, max_bytes, judged), level="warning"
    )
    detections = _drop(detections, _embedded(detections, by_path, chunk_imports, real, db))
    detections = _drop(detections, _superseded_guesses(detections, db))
    detections = _guarded("cross-file pass", detections, diagnostics, lambda ds: crossfile.link(ds, files, imports, db, max_bytes))
    detections = _guarded("page globals pass", detections, diagnostics, lambda ds: globals_.link(ds, files, facts, direct, db, max_bytes))
    templates = {f.path: f.template for f in facts if f.template is not None}
    if templates:
        graph = composition.build(templates, db.template_conventions, [f.display for f in files if f.kind in ("html", "template")])
        detections = with_verdicts(detections, composition.regate(detections, graph))
        for path, info in pages.items():
            if path in graph.uses:
                info.uses = sorted(composition.context(graph, path))
    try:  # a form page's topic named in the layout it extends
        layouts.place(facts, pages, db, files)
        layouts.animal_projects(facts, pages, db, files)  # a veterinary app's "weight" and "temperature" are its patients'
    except Exception as exc:  # noqa: BLE001 - reported, the scan goes on
        diagnostics.append(
            Diagnostic(path=".", code="internal-error", message=f"layout topics skipped: {type(exc).__name__}: {exc}", level="warning")
        )
    if declared:
        detections = with_verdicts(detections, declared_verdicts(detections, declared))
    _link_app_code(detections, files, pages, db.component_files.templates)
    sources = {f.display: f for f in files}
    try:  # a ModelForm's fields read where its form is written, with the model fields of its app
        model_forms.link(facts, sources, pages, db)
    except Exception as exc:  # noqa: BLE001 - reported, the scan goes on
        diagnostics.append(
            Diagnostic(path=".", code="internal-error", message=f"ModelForm fields skipped: {type(exc).__name__}: {exc}", level="warning")
        )
    # A form class or models module is printed by its app's templates, a Flutter screen by its app; a Slim or Haml
    # view is rendered in its app's layout, itself read as text and so not composed with its views.
    conventions = db.component_files
    endings = conventions.model_modules + conventions.app_screens
    _link_printed(detections, sources, pages, lambda p: p.lower().endswith(endings) or conventions.is_form_class(p), served_too=False)
    _link_printed(detections, sources, pages, lambda p: p.lower().endswith(indented.SUFFIXES), served_too=True)
    return Resolved(tuple(detections), pages, _users(files, pages, loaded_by), tuple(diagnostics))


def _registry_starts(
    facts: list[FileFacts], programs: registry.Programs, db: SignatureDB, diagnostics: list[Diagnostic]
) -> list[Detection]:
    """Starts called through webpack's module registry, kept where the module they call is the
    vendor's SDK (``registry.starts``); if that pass fails, those the read stage would keep."""
    opened = [s for f in facts for s in f.registry_starts]
    if not opened:
        return []
    try:
        return registry.starts(opened, programs, db)
    except Exception as exc:  # noqa: BLE001 - reported, the scan goes on
        diagnostics.append(
            Diagnostic(path=".", code="internal-error", message=f"registry starts skipped: {type(exc).__name__}: {exc}", level="warning")
        )
        return [s.detection for s in opened if s.keep]


def with_verdicts(detections: list[Detection], changed: dict[SiteKey, Verdict]) -> list[Detection]:
    """The detections with the verdicts a step changed."""
    if not changed:
        return detections
    return [dataclasses.replace(d, verdict=changed[site_key(d)]) if site_key(d) in changed else d for d in detections]


def _guarded(
    step: str,
    detections: list[Detection],
    diagnostics: list[Diagnostic],
    run: Callable[[list[Detection]], dict[SiteKey, Verdict]],
    level: str = "error",
) -> list[Detection]:
    """A post-pass bug must not lose the scan's results: reported, and the verdicts stay."""
    try:
        changed = run(detections)
    except Exception as exc:  # noqa: BLE001 - reported, the scan goes on
        diagnostics.append(Diagnostic(path=".", code="internal-error", message=f"{step} skipped: {type(exc).__name__}: {exc}", level=level))
        return detections
    return with_verdicts(detections, changed)


def _chunk_imports(files: list[SourceFile], imports: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Built scripts' imports of other scanned chunks (static and ``import()``), by real path."""
    out: dict[str, list[str]] = {}
    for f in files:
        specs = imports.get(f.display)
        if specs and f.kind in ("js", "ts"):
            found = links.imported_files(specs, f.real, str(f.root) if f.root is not None else None)
            if found:
                out[f.real] = found
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


def _link_pages(detections: list[Detection], real: dict[str, str], loaded_by: dict[str, list[str]]) -> list[Detection]:
    """A bundle's detections list the pages that load it (the finding stays at the code)."""
    if not loaded_by:
        return detections
    return [
        dataclasses.replace(d, pages=tuple(sorted(loaded_by[real[d.location.path]]))) if real.get(d.location.path) in loaded_by else d
        for d in detections
    ]


def _drop(detections: list[Detection], keys: set[SiteKey]) -> list[Detection]:
    return [d for d in detections if site_key(d) not in keys] if keys else detections


def _embedded(
    detections: list[Detection], by_path: dict[str, FileFacts], chunk_imports: dict[str, list[str]], real: dict[str, str], db: SignatureDB
) -> set[SiteKey]:
    """A recorder library's chunk loaded only by its host SDK is the host's (chunks.embedded)."""
    if not chunk_imports:
        return set()
    held = {path: {i.vendor for i in f.inactive} | set(f.literals) for path, f in by_path.items() if f.inactive or f.literals}
    return chunks.embedded(detections, held, chunk_imports, real, db)


def _superseded_guesses(detections: list[Detection], db: SignatureDB) -> set[SiteKey]:
    """A ``bundle-sdk-call`` (an init-named call on the code holding an SDK, the weakest reading of
    a bundle) yields to a start of the same vendor found elsewhere in the scan: the app's chunk
    starts the SDK that another chunk holds (Next.js ``import('@sentry/browser')``). So does a
    guess at a recorder library that a vendor started elsewhere embeds (rrweb in New Relic's
    lazily loaded recorder chunk): it is that vendor's recorder, reported at its start."""
    found = {d.vendor for d in detections if d.via != Via.BUNDLE_SDK_CALL}
    hosts = chunks.embedding_hosts(db)
    return {
        site_key(d) for d in detections if d.via == Via.BUNDLE_SDK_CALL and (d.vendor in found or hosts.get(d.vendor, frozenset()) & found)
    }


def check_declared(facts: tuple[DeclaredFact, ...], db: SignatureDB) -> None:
    """Declared facts must name known ids; checked before a scan, so a typo costs no scan."""
    for fact in facts:
        if fact.cmp not in db.cmps:
            raise ConfigError(f"facts: '{fact.cmp}' is not a known consent manager id")
        unknown = [v for v in fact.blocks if v not in db.vendors]
        if unknown:
            raise ConfigError(f"facts: '{unknown[0]}' is not a known vendor id")


def declared_verdicts(detections: list[Detection], facts: tuple[DeclaredFact, ...]) -> dict[SiteKey, Verdict]:
    """A fact the scan cannot see ("our Cookiebot auto-blocking blocks Hotjar") turns the matching
    unverifiable auto-blocker verdicts into gated, and says it was declared."""
    changed = {}
    for d in detections:
        fact = next(
            (f for f in facts if d.verdict.mechanism == Mechanism.AUTOBLOCKER and d.verdict.cmp == f.cmp and d.vendor in f.blocks), None
        )
        if fact is not None:
            changed[site_key(d)] = Verdict(
                status=Status.GATED,
                mechanism=Mechanism.DECLARED_AUTOBLOCK,
                evidence=f"declared in the configuration: {fact.reason} (was: {d.verdict.evidence})",
                cmp=fact.cmp,
            )
    return changed


def _link_app_code(detections: list[Detection], files: list[SourceFile], pages: dict[str, PageInfo], templates: tuple[str, ...]) -> None:
    """A component's form is recorded by the recorders its app starts anywhere: in a single-page
    app one start (layout, _app, main.ts) records every route; an Angular component's template
    (``intake.component.html``: ``templates``, component_templates in template_conventions.toml) is such a
    component. The app is the nearest folder with
    a package manifest (package.json …), else the scanned folder; components of one app in a
    monorepo are not linked to another app's recorders. A JSON form definition (SurveyJS, Form.io) is rendered by its
    app's code as a component is."""
    code = {f.display: f for f in files if f.kind in ("js", "ts", "sfc", "json") or f.display.endswith(templates)}
    with_fields = [p for p, info in pages.items() if info.assessed and p in code]
    if not with_fields:
        return
    _link_to_app(pages, with_fields, sorted({d.location.path for d in detections if d.location.path in code}), code)


def _link_printed(
    detections: list[Detection],
    sources: dict[str, SourceFile],
    pages: dict[str, PageInfo],
    printed_by: Callable[[str], bool],
    served_too: bool,
) -> None:
    """Files ``printed_by`` their app that hold fields are rendered by it, not served alone (a Symfony form type, a
    Django forms or models module: ``form_classes``, ``form_folders`` and ``model_modules`` in template_conventions.toml;
    a Slim or Haml view): their fields are recorded by the recorders that the served pages of their app load (the app as
    for components: the nearest folder with a manifest). ``served_too``: such files are served pages themselves (a
    Slim layout), else never a recorder's page."""
    printed = [p for p, info in pages.items() if info.assessed and p in sources and printed_by(p)]
    if not printed:
        return
    served = {p for p, f in sources.items() if _page_kind(f) and (served_too or not printed_by(p))}
    _link_to_app(pages, printed, sorted({d.location.path for d in detections if d.location.path in served}), sources)


def _page_kind(f: SourceFile) -> bool:
    """A file a visitor is served as a page: HTML, a template, or a template language read as text (Latte, Volt…)."""
    return f.kind in ("html", "template") or (f.kind == "text" and f.display.lower().endswith(TEXT_SUFFIXES))


def _link_to_app(pages: dict[str, PageInfo], printed: list[str], starters: list[str], sources: dict[str, SourceFile]) -> None:
    """Each file of ``printed`` (a component, a form class: rendered by its app, not served itself) takes the
    recorders that ``starters`` of its own app start."""
    if not starters:
        return
    for path in printed:
        app = app_root(sources[path])
        linked = [s for s in starters if s != path and app_root(sources[s]) == app]
        pages[path].uses = sorted(set(pages[path].uses) | set(linked))


def _users(files: list[SourceFile], pages: dict[str, PageInfo], loaded_by: dict[str, list[str]]) -> dict[str, list[str]]:
    """Which pages load or render each code file (itself included): the fields a masking option
    written in that file exposes."""
    users: dict[str, list[str]] = {}
    for f in files:
        if f.kind in ("js", "ts", "sfc"):
            users[f.display] = [f.display] + loaded_by.get(f.real, [])
    for page, info in pages.items():
        for used in info.uses:
            users.setdefault(used, [used]).append(page)
    return users
