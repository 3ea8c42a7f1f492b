"""Test files are not site code (issue 9): a recorder in a test is a mock, a fixture or an
assertion's expected output, never something a visitor's browser runs.

A file is a test by its folder (a segment of its path below the project) or by its name, after
the test runners' own discovery conventions:

- Jest ``testMatch`` default: ``**/__tests__/**``, ``*.spec.js``/``*.test.js`` (and ts, jsx, tsx,
  mjs, cjs) — https://jestjs.io/docs/configuration#testmatch-arrayString
- Vitest ``include`` default: ``**/*.{test,spec}.?(c|m)[jt]s?(x)`` — https://vitest.dev/config/#include
- Mocha's default spec folder ``./test`` — https://mochajs.org/#the-test-directory
- pytest discovery: ``test_*.py`` and ``*_test.py`` in ``tests`` — https://docs.pytest.org/en/stable/explanation/goodpractices.html#test-discovery
- RSpec ``spec/**/*_spec.rb`` — https://rspec.info/features/3-12/rspec-core/command-line/pattern/
- Cucumber feature files ``features/**/*.feature`` and their step definitions — https://cucumber.io/docs/gherkin/reference/
- Cypress ``cypress/`` with ``*.cy.js`` specs — https://docs.cypress.io/app/core-concepts/writing-and-organizing-tests
- PHPUnit ``*Test.php`` in ``tests/`` — https://docs.phpunit.de/en/11.0/organizing-tests.html
- Go ``*_test.go`` — https://pkg.go.dev/cmd/go#hdr-Test_packages

A folder a site is served from or built into is no test suite, whatever its subfolders are called: its paths are
the site's URLs, and ``/tests/…`` (a lab's test kits), ``/specs/…`` (product specifications) or ``/spec/…`` (API
docs) are ordinary pages that static builds mirror as folders (Vite, Astro and Angular ``dist/``, Create React App
and Docusaurus ``build/``, Next.js ``out/``, Jekyll and Eleventy ``_site/``, Hugo and Gatsby ``public/``, Nuxt
``.output/``, a web server's ``public_html/``, ``htdocs/``, ``www/``, ASP.NET's ``wwwroot/``). Below such a folder (in
the path under the scan root, or the scan root itself inside one, up to its repository) the folder names that are
also URL words (``test``, ``tests``, ``spec``, ``specs``, ``e2e``) make no test; the tooling's own folders
(``__tests__``, ``__mocks__``, ``cypress``) and a test file's name (``*.spec.js``, a compiled test) still do, and a
served folder below a test folder (``tests/fixtures/dist/``) is a fixture. A source app that happens to be called
``www`` or ``public`` in a monorepo is read the same way: its ``tests/`` folder is scanned (its specs, named as
such, are still skipped), a false "ungated" at worst, where taking a built page for a test hid a recorder.

The scan skips them (``--include-tests`` / ``include-tests = true`` scans them as site code), and says how many
files a folder scan skipped (a ``tests-skipped`` diagnostic); a test file named on the command line is skipped with
a ``test-file`` diagnostic, so an empty report for it is explained.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

FOLDERS = frozenset({"test", "tests", "__tests__", "__mocks__", "spec", "specs", "e2e", "cypress", "step_definitions"})
SERVED = frozenset({"dist", "build", "out", "_site", "public", "public_html", "htdocs", "www", "wwwroot", ".output"})
_URL_WORDS = frozenset({"test", "tests", "spec", "specs", "e2e"})  # test folders whose names are ordinary URL words
_NAME = re.compile(
    r"(?:\.(?:spec|test|cy)\.[cm]?[jt]sx?"  # Jest, Vitest, Cypress
    r"|_spec\.rb|_test\.go|Test\.php|\.feature"  # RSpec, Go, PHPUnit, Cucumber
    r"|^test_[^/]*\.py|_test\.py)$"  # pytest
)
_PROJECT_MARKERS = (".git", ".hg", ".svn", "package.json", "pyproject.toml", "composer.json", "Gemfile", "go.mod")
_VCS = _PROJECT_MARKERS[:3]


def is_test(rel: str, served: bool = False) -> bool:
    """Whether a path below the scanned folder (forward slashes) is a test file; ``served``: the scanned folder is
    inside a folder the site is served from (``served_root``)."""
    parts = rel.split("/")
    for part in parts[:-1]:
        low = part.lower()
        if low in SERVED:
            served = True
        elif low in FOLDERS and not (served and low in _URL_WORDS):
            return True
    return _NAME.search(parts[-1]) is not None


def served_root(folder: Path) -> bool:
    """Whether a scanned folder is a folder the site is served from, or inside one, below its repository's root (a
    repository's own name is not read: a clone called ``www`` holds its test suite as any other)."""
    current = Path(os.path.abspath(folder))
    for _ in range(32):
        if any(os.path.exists(current / m) for m in _VCS) or current.parent == current:
            return False
        if current.name.lower() in SERVED:
            return True
        if any(os.path.exists(current / m) for m in _PROJECT_MARKERS):
            return False
        current = current.parent
    return False


def is_test_file(path: Path) -> bool:
    """A file named on the command line: its name, and its folders up to the project's root (the
    nearest folder with a VCS folder or a package manifest), never above it."""
    return is_test(_below_project(path))


def _below_project(path: Path) -> str:
    parts = [path.name]
    folder = Path(os.path.abspath(path)).parent
    for _ in range(32):
        if any(os.path.exists(folder / m) for m in _PROJECT_MARKERS) or folder.parent == folder:
            break
        parts.append(folder.name)
        folder = folder.parent
    return "/".join(reversed(parts))
