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

The scan skips them (``--include-tests`` / ``include-tests = true`` scans them as site code); a
test file named on the command line is skipped with a ``test-file`` diagnostic, so an empty
report for it is explained.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

FOLDERS = frozenset({"test", "tests", "__tests__", "__mocks__", "spec", "specs", "e2e", "cypress", "step_definitions"})
_NAME = re.compile(
    r"(?:\.(?:spec|test|cy)\.[cm]?[jt]sx?"  # Jest, Vitest, Cypress
    r"|_spec\.rb|_test\.go|Test\.php|\.feature"  # RSpec, Go, PHPUnit, Cucumber
    r"|^test_[^/]*\.py|_test\.py)$"  # pytest
)
_PROJECT_MARKERS = (".git", ".hg", ".svn", "package.json", "pyproject.toml", "composer.json", "Gemfile", "go.mod")


def is_test(rel: str) -> bool:
    """Whether a path below the scanned folder (forward slashes) is a test file."""
    parts = rel.split("/")
    return _NAME.search(parts[-1]) is not None or any(p.lower() in FOLDERS for p in parts[:-1])


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
