"""Walk the given paths and classify each file by name (and, where the name says nothing, content).

Skips VCS and dependency folders, follows directory symlinks once (a loop becomes a diagnostic),
and applies ``--exclude`` globs to the file name, to the path relative to the scan root, or (an
absolute pattern, as the CLI anchors them at the project root) to the absolute path.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from analyzer.model import Diagnostic
from analyzer.parse import indented, pug
from analyzer.parse.hoststrings import LANGUAGE_BY_SUFFIX
from analyzer.parse.templates import DIALECT_BY_SUFFIX, READ_AS_HTML
from analyzer.read import testpaths

TEXT_SUFFIXES = (
    ".gsp",
    ".nunjucks",
    ".jst",
    ".cfm",
    ".cfml",
    ".cfc",
    ".volt",
    ".ss",
    ".dust",
    ".eco",
    *indented.SUFFIXES,  # Slim and Haml: text, their form helpers read from their output lines
    ".mako",
    ".tt",
    ".ep",
    ".marko",
    ".vash",
    ".xsl",
    ".xslt",
    ".asp",
    ".shtm",
    ".stm",
)

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "bower_components",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".dart_tool",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
    }
)

# Extension (lower-case, longest first where it matters) -> kind.
_KINDS: tuple[tuple[str, str], ...] = (
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".shtml", "html"),
    # Templates: every suffix with a dialect (EEx/HEEx, JSP and ASP.NET scriptlets share ERB's
    # <% %>), then those read as plain HTML.
    *((suffix, "template") for suffix, _ in DIALECT_BY_SUFFIX),
    *((suffix, "template") for suffix in READ_AS_HTML),
    # Pug: its controls read from the HTML it renders (analyzer/parse/pug.py), its recorders by a text scan.
    *((suffix, "template") for suffix in pug.SUFFIXES),
    (".js", "js"),
    (".mjs", "js"),
    (".cjs", "js"),
    (".jsx", "js"),
    (".ts", "ts"),
    (".mts", "ts"),
    (".cts", "ts"),
    (".tsx", "ts"),
    (".vue", "sfc"),
    (".svelte", "sfc"),
    (".astro", "sfc"),
    (".json", "json"),
    # Flutter's message catalogues (lib/l10n/app_de.arb: JSON; analyzer/parse/messages.py).
    (".arb", "json"),
    # Java resource bundles and YAML files: message catalogues (analyzer/parse/messages.py, read before the
    # pages), and searched as text like any file of no reader of its own (a CMS's Settings.yaml holding a
    # recorder's loader).
    (".properties", "text"),
    # ASP.NET's resource files (Mensagem.pt-BR.resx): message catalogues of Web Forms and Razor views.
    (".resx", "text"),
    (".yml", "text"),
    (".yaml", "text"),
    (".map", "sourcemap"),
    # Flutter screens: their form widgets read as the controls they render (analyzer/parse/flutter.py).
    (".dart", "dart"),
    # Markdown sources of pages (Hugo, Jekyll, Astro, Docusaurus content): read as a privacy or cookie
    # policy (analyzer/facts/policy_pages.py) and for the forms their raw HTML writes (parse/markdown_html.py).
    (".md", "prose"),
    (".markdown", "prose"),
    (".mdx", "prose"),
    # Server code (Python, Ruby, Drupal's PHP): read for recorder snippets held in its strings
    # (analyzer/consent/code_data.py).
    *((suffix, "hostcode") for suffix, _ in LANGUAGE_BY_SUFFIX),
    # C# source: read before the pages for its classes' display names, the labels a Razor view prints for the
    # properties it binds (analyzer/parse/view_models.py); nothing else is read in it.
    (".cs", "csharp"),
    # Template dialects with no reader of their own: read as a page when they hold markup, else
    # scanned as text for strong fingerprints only (analyzer/facts/textscan.py).
    *((suffix, "text") for suffix in TEXT_SUFFIXES),
)


@dataclass(frozen=True)
class SourceFile:
    path: Path
    display: str
    kind: str
    root: Path | None = None  # the folder the scan walked: where a page's "/assets/x.js" lives
    boundary: str | None = None  # real path nothing is read beyond (source maps); None: no limit

    @property
    def real(self) -> str:
        """The file's absolute, normalised path: how a page's resolved ``src`` names it."""
        return os.path.normpath(os.path.abspath(self.path))


def classify(path: Path) -> str | None:
    """The reader for a file by its suffix (html, template, js, …); None for a file no reader takes and for ``.d.ts`` declarations."""
    name = path.name.lower()
    if name.endswith(".d.ts"):
        return None
    return next((kind for ext, kind in _KINDS if name.endswith(ext)), None)


def display_path(path: Path) -> str:
    """Relative to the current directory when below it, with forward slashes."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = str(path)
    if rel.startswith(".." + os.sep) and path.is_absolute():
        rel = str(path)
    return valid_text(rel).replace(os.sep, "/")


def valid_text(name: str) -> str:
    """A name that is not valid UTF-8 (surrogate-escaped by the OS layer) with \\xNN escapes:
    every report format can then carry it, and writing a report never fails on it."""
    return os.fsencode(name).decode("utf-8", "backslashreplace") if any("\udc80" <= c <= "\udcff" for c in name) else name


def _excluded(rel: str, patterns: tuple[str, ...], absolute: str = "", matched: set[str] | None = None) -> bool:
    """Whether an entry is excluded. A relative pattern matches the path below the scan root or
    the entry's name; an absolute one (the CLI anchors a pattern with a "/" at the project root)
    matches the entry's absolute path, "/**/" also matching no folder at all."""
    name = rel.rsplit("/", 1)[-1]
    for p in patterns:
        if p.startswith("/"):
            hit = bool(absolute) and (
                fnmatch.fnmatch(absolute, p)
                or ("/**/" in p and fnmatch.fnmatch(absolute, p.replace("/**/", "/")))
                or absolute.startswith(p.rstrip("/") + "/")
            )
        else:
            hit = fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or rel.startswith(p.rstrip("/") + "/")
        if hit:
            if matched is not None:
                matched.add(p)
            return True
    return False


def _inside(path: str, boundary: str) -> bool:
    return path == boundary or path.startswith(boundary.rstrip(os.sep) + os.sep)


def _walk(
    root: Path,
    excludes: tuple[str, ...],
    diags: list[Diagnostic],
    follow_outside: bool = False,
    matched: set[str] | None = None,
    include_tests: bool = False,
) -> Iterator[SourceFile]:
    seen: set[tuple[int, int]] = set()
    boundary = os.path.realpath(root)
    # Folders stay the strings scandir gave: Path() would drop a leading "./" and break the
    # prefix arithmetic below when the root is ".".
    stack: list[tuple[str, frozenset[tuple[int, int]]]] = [(str(root), frozenset())]
    root_display = display_path(root).rstrip("/")
    root_str = str(root).rstrip(os.sep)
    anchored = any(p.startswith("/") for p in excludes)
    served = not include_tests and testpaths.served_root(root)
    skipped: list[str] = []  # test files left out, for the diagnostic that says so
    while stack:
        folder, ancestors = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            diags.append(Diagnostic(path=display_path(Path(folder)), code="unreadable", message=f"skipped folder: {exc.strerror or exc}"))
            continue
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            diags.append(
                Diagnostic(
                    path=display_path(Path(folder)), code="symlink-loop", message="skipped: a symlink leads back to a folder above it"
                )
            )
            continue
        if key in seen:  # the same folder reached through another symlink: scanned once already
            continue
        seen.add(key)
        inner = ancestors | {key}
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            diags.append(Diagnostic(path=display_path(Path(folder)), code="unreadable", message=f"skipped folder: {exc.strerror or exc}"))
            continue
        subdirs: list[str] = []
        for entry in entries:
            rel = entry.path[len(root_str) + 1 :].replace(os.sep, "/")
            if excludes and _excluded(rel, excludes, os.path.abspath(entry.path).replace(os.sep, "/") if anchored else "", matched):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if (
                entry.is_symlink()
                and not follow_outside
                and os.path.exists(entry.path)
                and not _inside(os.path.realpath(entry.path), boundary)
            ):
                where = f"{root_display}/{rel}" if root_display != "." else rel
                diags.append(
                    Diagnostic(
                        path=where,
                        code="outside-root",
                        message="skipped: a symlink that leads outside the scanned folder (--follow-outside-root follows it)",
                    )
                )
                continue
            if is_dir:
                if entry.name not in SKIP_DIRS:
                    subdirs.append(entry.path)
                continue
            kind = classify(Path(entry.name))
            if kind is None:
                continue
            if not include_tests and testpaths.is_test(rel, served):
                skipped.append(rel)
                continue
            display = valid_text(f"{root_display}/{rel}" if root_display != "." else rel)
            if entry.is_symlink() and not os.path.exists(entry.path):
                diags.append(Diagnostic(path=display, code="unreadable", message="skipped: broken symlink"))
                continue
            yield SourceFile(Path(entry.path), display, kind, root, None if follow_outside else boundary)
        stack.extend((d, inner) for d in reversed(subdirs))
    if skipped:
        diags.append(_tests_skipped(root_display, skipped))


def _tests_skipped(root_display: str, skipped: list[str]) -> Diagnostic:
    """Says that the walk left test files out: a page in a folder called ``tests`` that the scan took for a test
    would otherwise vanish from the report without a word."""
    count = f"{len(skipped)} test file" + ("s" if len(skipped) > 1 else "")
    return Diagnostic(
        path=root_display,
        code="tests-skipped",
        message=f"skipped {count} (in a test folder or named as a test, first: {valid_text(min(skipped))}): "
        "read as a test suite, whose recorders are mocks; --include-tests (include-tests = true) scans them as site code",
    )


def discover(
    paths: Iterable[str | Path],
    excludes: tuple[str, ...] = (),
    follow_outside: bool = False,
    matched: set[str] | None = None,
    include_tests: bool = False,
) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Files to scan, in a stable order, and diagnostics for paths that could not be walked.
    ``matched`` collects the exclude patterns that excluded something. Test files (tests, specs,
    mocks: analyzer/read/testpaths.py) are skipped unless ``include_tests``."""
    files: list[SourceFile] = []
    diags: list[Diagnostic] = []
    seen: set[Path] = set()
    paths = list(paths)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = _walk(path, excludes, diags, follow_outside, matched, include_tests)
        elif (path.exists() or path.is_symlink()) and not include_tests and testpaths.is_test_file(path):
            diags.append(
                Diagnostic(
                    path=display_path(path),
                    code="test-file",
                    message="skipped: a test file (its recorders are mocks, not site code); --include-tests scans it",
                )
            )
            continue
        elif path.exists() or path.is_symlink():
            kind = classify(path) or "text"  # a file named on the command line is read even without a known extension
            boundary = None if follow_outside else os.path.realpath(path.parent)
            found = iter([SourceFile(path, display_path(path), kind, path.parent, boundary)])
        else:
            diags.append(Diagnostic(path=display_path(path), code="not-found", message="no such file or folder"))
            continue
        if len(paths) == 1:  # nothing to de-duplicate across arguments: skip the resolve() per file
            files.extend(found)
            continue
        for f in found:
            key = f.path.resolve() if not f.path.is_symlink() else f.path.absolute()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, diags


# Files that mark the root of an app or package (its own dependencies, its own import aliases).
APP_MARKERS = ("package.json", "deno.json", "tsconfig.json", "jsconfig.json", "composer.json", "Gemfile", "pubspec.yaml")


@functools.lru_cache(maxsize=4096)
def _app_folder(folder: str, stop: str) -> str:
    if folder == stop or any(os.path.exists(os.path.join(folder, m)) for m in APP_MARKERS):
        return folder
    parent = os.path.dirname(folder)
    return folder if parent == folder else _app_folder(parent, stop)


def app_root(source: SourceFile) -> str:
    """The app a file belongs to: the nearest folder above it with a package manifest, else the
    folder the scan walked (in a monorepo, each app is its own)."""
    stop = os.path.abspath(source.root) if source.root is not None else ""
    return _app_folder(os.path.dirname(os.path.abspath(source.path)), stop)
