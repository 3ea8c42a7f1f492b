"""Run a scan, stage by stage: discover the files; read each one into facts (in a process pool when
asked; ``engine``); resolve verdicts and links over all of them (``resolve``); run every rule once
(``checks``). The filter stage (``policy``) and the formatters (``report``) come after, in the CLI."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from analyzer import resolve, signatures
from analyzer.config import Config
from analyzer.facts import fallback, own_components
from analyzer.facts.records import FileFacts
from analyzer.model import Diagnostic, ScanResult, site_key
from analyzer.parse import messages, php_builders, php_constants, reading, script_constants, symfony_forms, view_models
from analyzer.parse.reading import DEFAULT_MAX_BYTES
from analyzer.read import engine
from analyzer.read.discover import SourceFile, discover
from analyzer.read.engine import FileResult, analyze
from analyzer.rules import checks


@dataclass(frozen=True)
class ScanOptions:
    paths: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    jobs: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES
    signature_dirs: tuple[str, ...] = ()
    follow_outside: bool = False  # follow symlinks and source maps that leave the scanned folders
    include_tests: bool = False  # scan test files as site code (analyzer/read/testpaths.py)
    config: Config = field(default_factory=Config)  # declared facts, rule selection, suppression reasons


# The cyclic collector's thresholds while a scan runs. Reading a bundle allocates millions of
# short-lived containers (node paths, memo entries) that reference counting frees; at the default
# thresholds the collector ran ~2,000 times over a 51 MB dist and traversed every fact kept so far
# in each full pass (1.8 s of CPU, 3%; 0.75 s at 50000/20/100 with the loaded signatures frozen).
# Nothing the scan builds relies on the collector: peak RSS was the same with it off.
_SCAN_THRESHOLDS = (50000, 20, 100)


@contextlib.contextmanager
def _collector_for_scan() -> Iterator[None]:
    """Fewer collector passes, and none over what was loaded before the scan (the signature
    database, the modules): frozen out of the collector's generations. Restored afterwards, for
    a program that runs scans in-process."""
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(*_SCAN_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if not frozen:  # a caller's own frozen objects stay frozen
            gc.unfreeze()


@dataclass(frozen=True)
class _SiteWide:
    """What a scan reads from the whole site before its pages, for every file it reads: the message catalogues
    (analyzer/parse/messages.py), the PHP form builders (analyzer/parse/php_builders.py), the choice lists its
    scripts export (analyzer/parse/script_constants.py), its PHP classes' constants (analyzer/parse/php_constants.py),
    the input components its scripts export (analyzer/facts/own_components.py), its C# classes' display names
    (analyzer/parse/view_models.py) and its Symfony form types (analyzer/parse/symfony_forms.py). Installed in the
    scanning process and in each worker."""

    catalogue: messages.Messages = messages.EMPTY
    builders: php_builders.Builders = php_builders.EMPTY
    constants: script_constants.Constants = script_constants.EMPTY
    classes: php_constants.Constants = php_constants.EMPTY
    components: own_components.Components = own_components.EMPTY
    models: view_models.ViewModels = view_models.EMPTY
    form_types: symfony_forms.FormTypes = symfony_forms.EMPTY

    def install(self) -> None:
        messages.install(self.catalogue)
        php_builders.install(self.builders)
        script_constants.install(self.constants)
        php_constants.install(self.classes)
        own_components.install(self.components)
        view_models.install(self.models)
        symfony_forms.install(self.form_types)


def _setup_worker(
    signature_dirs: tuple[str, ...], max_bytes: int, site: _SiteWide, field_model: bool
) -> tuple[signatures.SignatureDB, int]:
    db = _database(signature_dirs, field_model)
    site.install()
    gc.freeze()  # a worker lives for one scan: its collector is set once
    gc.set_threshold(*_SCAN_THRESHOLDS)
    return db, max_bytes


def _database(signature_dirs: tuple[str, ...], field_model: bool) -> signatures.SignatureDB:
    """The signature database a scan reads with: the learned field model off when the configuration says
    ``field-model = false``."""
    db = signatures.load(signature_dirs)
    return db if field_model else dataclasses.replace(db, field_model=False)


def _work(state: tuple[signatures.SignatureDB, int], source: SourceFile) -> FileFacts:
    db, max_bytes = state
    return _safe_analyze(source, db, max_bytes)


def _safe_analyze(source: SourceFile, db: signatures.SignatureDB, max_bytes: int) -> FileFacts:
    """A bug on one file must not end the scan, hide the other files' results, or hide the
    recorders this file's literals show (kept as unverifiable: fail closed)."""
    result = FileResult(path=source.display)
    try:
        return analyze(source, db, max_bytes, result).freeze()
    except RecursionError:
        diag = Diagnostic(
            path=source.display,
            code="too-complex",
            message="structure nested too deeply to analyse; recorders found by literal are kept as unverifiable",
        )
        reason = "nested too deeply to analyse"
    except Exception as exc:  # noqa: BLE001 - reported per file, the scan goes on
        diag = Diagnostic(
            path=source.display, code="internal-error", message=f"analysis failed: {type(exc).__name__}: {exc}", level="error"
        )
        reason = f"analysis failed ({type(exc).__name__}: {exc})"
    result.diagnostics.append(diag)
    _keep_literals(source, db, max_bytes, reason, result)
    return result.freeze()


def _keep_literals(source: SourceFile, db: signatures.SignatureDB, max_bytes: int, reason: str, result: FileResult) -> None:
    """The prefilter's vendors for a file whose analysis did not finish (never raises)."""
    try:
        data = reading.read_bytes(source.path, source.display, max_bytes)
        if isinstance(data, bytes):
            engine.keep_found(source.display, fallback.first_hits(reading.as_utf8(data), db), reason, db, result)
    except Exception as exc:  # noqa: BLE001 - the diagnostic already says the file failed
        result.diagnostics.append(
            Diagnostic(
                path=source.display, code="internal-error", message=f"literal search failed too: {type(exc).__name__}", level="error"
            )
        )


def _results(
    files: list[SourceFile], opts: ScanOptions, db: signatures.SignatureDB, notes: list[Diagnostic] | None = None
) -> Iterator[FileFacts]:
    """Each file's facts, read with the site's message catalogues (analyzer/parse/messages.py), its PHP form
    builders (analyzer/parse/php_builders.py), the choice lists its scripts export (analyzer/parse/script_constants.py)
    and its PHP classes' constants (analyzer/parse/php_constants.py); a file whose messages, builders, lists or classes
    could not be read gets a diagnostic in ``notes`` (the scan goes on without them)."""
    unread: list[tuple[str, Exception]] = []
    catalogue = messages.collect(_catalogues(files, db, opts.max_bytes), unread, db.component_files.message_scripts)
    unbuilt: list[tuple[str, Exception]] = []
    builders = php_builders.collect(_php_sources(files, opts.max_bytes), unbuilt)
    unlisted: list[tuple[str, Exception]] = []
    keys = (db.jsx_bindings.choice_keys, db.jsx_bindings.choice_key_prefixes)
    constants = script_constants.collect(_script_sources(files, opts.max_bytes), *keys, unlisted, db.component_files.module_aliases)
    unclassed: list[tuple[str, Exception]] = []
    classes = php_constants.collect(_class_sources(files, opts.max_bytes), db.component_files.class_list_calls, unclassed)
    undefined: list[tuple[str, Exception]] = []
    components = own_components.collect(
        _component_sources(files, opts.max_bytes, db.jsx_bindings.toggle_states),
        undefined,
        db.component_files.module_aliases,
        db.jsx_bindings,
    )
    unmodelled: list[tuple[str, Exception]] = []
    models = view_models.collect(_csharp_sources(files, opts.max_bytes, db.view_models), db.view_models, unmodelled)
    untyped: list[tuple[str, Exception]] = []
    form_types = symfony_forms.collect(_form_type_sources(files, opts.max_bytes, db), db.form_types, db.form_helpers, untyped)
    if notes is not None:
        notes += [_unread(path, "its form type", exc) for path, exc in untyped]
        notes += [_unread(path, "its messages", exc) for path, exc in unread]
        notes += [_unread(path, "its form builders", exc) for path, exc in unbuilt]
        notes += [_unread(path, "its exported lists", exc) for path, exc in unlisted]
        notes += [_unread(path, "its class constants", exc) for path, exc in unclassed]
        notes += [_unread(path, "its input components", exc) for path, exc in undefined]
        notes += [_unread(path, "its view models", exc) for path, exc in unmodelled]
    site = _SiteWide(catalogue, builders, constants, classes, components, models, form_types)
    site.install()
    try:
        yield from _read_all(files, opts, db, site)
    finally:
        _SiteWide().install()


def _unread(path: str, what: str, exc: Exception) -> Diagnostic:
    """A file read before the pages that failed: nested deeper than a parser recurses is the input's doing
    (too-complex, as for a page); anything else is ours (internal-error)."""
    message = f"{what} could not be read ({type(exc).__name__}: {str(exc)[:200]})"
    if isinstance(exc, RecursionError):
        return Diagnostic(path=path, code="too-complex", message=message)
    return Diagnostic(path=path, code="internal-error", message=message, level="error")


def _read_before(
    files: list[SourceFile], wanted: Callable[[str], bool], cap: int, max_bytes: int, worth: Callable[[bytes], bool]
) -> Iterator[tuple[str, bytes]]:
    """The bytes of the files a pre-pass reads (``wanted`` by their path, ``worth`` reading by their bytes), in path
    order, at most ``cap`` files of at most ``max_bytes`` each; one that cannot be read is left to its own reading,
    which reports why."""
    found = sorted((f for f in files if wanted(f.display)), key=lambda f: f.display)
    for f in found[:cap]:
        data = reading.read_bytes(f.path, f.display, max_bytes)
        if isinstance(data, bytes) and worth(data) and not reading.looks_binary(data):
            yield f.display, data


def _php_sources(files: list[SourceFile], max_bytes: int) -> Iterator[tuple[str, str]]:
    """The texts of the PHP files that may define a form builder."""
    wanted = lambda path: path.lower().endswith(php_builders.SUFFIXES)  # noqa: E731
    limit = min(max_bytes, php_builders.MAX_FILE_BYTES)
    for path, data in _read_before(files, wanted, php_builders.MAX_FILES, limit, lambda d: b"function" in d):
        yield path, reading.decode(data).text


def _form_type_sources(files: list[SourceFile], max_bytes: int, db: signatures.SignatureDB) -> Iterator[tuple[str, str]]:
    """The texts of the project's Symfony form types (analyzer/parse/symfony_forms.py)."""
    wanted = lambda path: path.lower().endswith(db.form_types.files) if db.form_types.files else False  # noqa: E731
    limit = min(max_bytes, symfony_forms.MAX_FILE_BYTES)
    marker = db.form_types.marker
    for path, data in _read_before(files, wanted, symfony_forms.MAX_FILES, limit, lambda d: marker in d):
        yield path, reading.decode(data).text


def _class_sources(files: list[SourceFile], max_bytes: int) -> Iterator[tuple[str, str]]:
    """The texts of the project's PHP files that may define a class constant or an enum."""
    limit = min(max_bytes, php_constants.MAX_FILE_BYTES + 1)
    for path, data in _read_before(files, php_constants.is_source, php_constants.MAX_FILES, limit, php_constants.worth_reading):
        yield path, reading.decode(data).text


def _csharp_sources(files: list[SourceFile], max_bytes: int, annotations: view_models.Annotations) -> Iterator[tuple[str, str]]:
    """The texts of the project's C# files that may declare a view model (``view_models``), none of a build's output."""
    limit = min(max_bytes, view_models.MAX_FILE_BYTES + 1)
    source = functools.partial(view_models.is_source, annotations=annotations)
    for path, data in _read_before(files, source, view_models.MAX_FILES, limit, view_models.worth_reading):
        yield path, reading.decode(data).text


def _script_sources(files: list[SourceFile], max_bytes: int) -> Iterator[tuple[str, bytes]]:
    """The bytes of the scripts that may export a choice list."""
    limit = min(max_bytes, script_constants.MAX_FILE_BYTES + 1)
    return _read_before(files, script_constants.is_script, script_constants.MAX_FILES, limit, script_constants.worth_reading)


def _component_sources(files: list[SourceFile], max_bytes: int, toggle_states: tuple[str, ...] = ()) -> Iterator[tuple[str, bytes]]:
    """The bytes of the scripts that may export an input component (``own_components``)."""
    limit = min(max_bytes, own_components.MAX_FILE_BYTES + 1)
    toggles = tuple(state.encode() for state in toggle_states)
    worth = functools.partial(own_components.worth_reading, toggles=toggles)
    return _read_before(files, script_constants.is_script, own_components.MAX_FILES, limit, worth)


def _catalogues(files: list[SourceFile], db: signatures.SignatureDB, max_bytes: int) -> Iterator[tuple[str, bytes]]:
    """The message catalogues among the files, those written as data before those written as scripts (an editor
    library's dozens of lang/*.js files must not take the file budget from the site's own catalogues), those in a
    language the lexicon reads first, then in path order, each read within the byte budget; one that cannot be read is
    left to its own reading, which reports why."""
    conventions = db.component_files
    found = sorted(
        (f for f in files if conventions.is_catalogue(f.display)),
        key=lambda f: (
            messages.is_script(f.display),
            messages.known_language_first(f.display, conventions.message_languages),
            f.display,
        ),
    )
    for f in found[: messages.MAX_FILES]:
        data = reading.read_bytes(f.path, f.display, min(max_bytes, messages.MAX_FILE_BYTES))
        if isinstance(data, bytes) and not reading.looks_binary(data):
            yield f.display, data


def _read_all(
    files: list[SourceFile],
    opts: ScanOptions,
    db: signatures.SignatureDB,
    site: _SiteWide,
) -> Iterator[FileFacts]:
    jobs = max(1, min(opts.jobs, len(files), os.cpu_count() or 1)) if opts.jobs > 0 else (os.cpu_count() or 1)
    if jobs == 1 or len(files) < 8:
        for f in files:
            yield _safe_analyze(f, db, opts.max_bytes)
        return
    batch = max(1, min(64, len(files) // (jobs * 8) or 1))

    def died(source: SourceFile, exitcode: int | None) -> FileFacts:
        return _worker_died(source, exitcode, db, opts.max_bytes)

    from analyzer.read import workers  # multiprocessing's import (~45 ms) only for a scan that uses workers

    yield from workers.run(
        files,
        jobs,
        _setup_worker,
        (opts.signature_dirs, opts.max_bytes, site, opts.config.field_model),
        _work,
        died,
        batch,
    )


def _worker_died(source: SourceFile, exitcode: int | None, db: signatures.SignatureDB, max_bytes: int) -> FileFacts:
    """The file a worker process died on (killed for memory, a crash in a C library) fails alone,
    keeping what its literals show."""
    how = f"killed by signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
    result = FileResult(path=source.display)
    result.diagnostics.append(
        Diagnostic(path=source.display, code="worker-died", message=f"the worker process analysing this file died ({how})", level="error")
    )
    _keep_literals(source, db, max_bytes, f"its worker process died ({how})", result)
    return result.freeze()


def run(opts: ScanOptions, progress: Callable[[int, int], None] | None = None) -> ScanResult:
    """Read every file (facts), resolve the verdicts and links, run every rule once."""
    start = time.perf_counter()
    db = _database(opts.signature_dirs, opts.config.field_model)  # fails fast (exit 2) on a broken signature file
    with _collector_for_scan():
        return _run(opts, db, start, progress)


def _run(opts: ScanOptions, db: signatures.SignatureDB, start: float, progress: Callable[[int, int], None] | None) -> ScanResult:
    matched: set[str] = set()
    files, diags = discover(opts.paths, opts.excludes, opts.follow_outside, matched, opts.include_tests)
    result = ScanResult(diagnostics=list(diags), signature_dirs=opts.signature_dirs, excludes_matched=frozenset(matched))
    facts: list[FileFacts] = []
    for i, f in enumerate(_results(files, opts, db, result.diagnostics), 1):
        facts.append(f)
        result.files += 1
        result.parsed += f.parsed
        result.code_parsed += f.code_parsed
        result.bytes += f.size
        result.diagnostics += f.diagnostics
        if progress:
            progress(i, len(files))
    resolved = resolve.resolve(files, facts, db, opts.max_bytes, opts.config.facts)
    checked = checks.run(files, facts, resolved, db, opts.config, any(os.path.isdir(p) for p in opts.paths))
    result.diagnostics += resolved.diagnostics + checked.diagnostics
    result.detections = sorted(resolved.detections, key=site_key)
    result.findings = sorted(checked.findings, key=lambda f: (f.location.path, f.location.line, f.location.column, f.rule))
    result.fields = list(checked.fields)
    result.policies = list(checked.policies)
    result.directives = list(checked.directives)
    result.seconds = time.perf_counter() - start
    return result
