"""A page of a built or served site in a folder called ``tests`` is a page, not a test fixture, and the scan says how
many test files it skipped (analyzer/read/testpaths.py; hunt s42, case c07)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.read import testpaths
from analyzer.read.discover import discover
from analyzer.scan import ScanOptions, run

HOTJAR = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>\n'


@pytest.mark.parametrize(
    ("rel", "is_test"),
    [
        # pages of a built or served site: the folder is a URL path
        ("dist/tests/hiv-home-test/index.html", False),
        ("build/specs/widget-pro/index.html", False),
        ("out/spec/api/index.html", False),
        ("_site/test/index.html", False),
        ("public/e2e/index.html", False),
        ("apps/shop/.output/public/tests/kit.html", False),
        ("public_html/tests/index.php", False),
        # test suites stay tests: a source repository's tests, the tooling's folders, test files by name
        ("tests/fixtures/page.html", True),
        ("tests/fixtures/dist/index.html", True),  # a served folder inside a test suite is a fixture
        ("dist/__tests__/page.html", True),
        ("dist/cypress/fixtures/page.html", True),
        ("dist/tests/app.spec.js", True),
        ("src/components/__tests__/Hotjar.test.tsx", True),
        ("spec/helpers/tag_spec.rb", True),
    ],
)
def test_a_test_folder_under_a_served_folder_is_a_url_path(rel: str, is_test: bool) -> None:
    assert testpaths.is_test(rel) is is_test


def test_a_scan_of_the_built_folder_itself_reads_its_tests_pages(tmp_path: Path) -> None:
    dist = tmp_path / "shop" / "dist"
    (dist / "tests" / "hiv-home-test").mkdir(parents=True)
    (tmp_path / "shop" / "package.json").write_text("{}")
    (dist / "tests" / "hiv-home-test" / "index.html").write_text(HOTJAR)
    result = run(ScanOptions(paths=(str(dist),)))
    assert [(Path(d.location.path).parent.name, d.verdict.status) for d in result.detections] == [("hiv-home-test", "ungated")]
    assert [d.code for d in result.diagnostics] == []


def test_a_repository_named_like_a_served_folder_keeps_its_test_suite_out(tmp_path: Path) -> None:
    repo = tmp_path / "www"
    (repo / ".git").mkdir(parents=True)
    (repo / "tests").mkdir()
    (repo / "tests" / "page.html").write_text(HOTJAR)
    files, _ = discover([repo])
    assert files == []


def test_skipped_test_files_are_counted_in_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "tests" / "fixtures").mkdir(parents=True)
    (tmp_path / "src").mkdir()
    (tmp_path / "index.html").write_text("<p>home</p>\n")
    (tmp_path / "tests" / "fixtures" / "page.html").write_text(HOTJAR)
    (tmp_path / "src" / "hotjar.spec.ts").write_text("expect(1).toBe(1);\n")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert result.detections == []
    [diag] = [d for d in result.diagnostics if d.code == "tests-skipped"]
    assert diag.level == "warning"
    assert diag.message.startswith("skipped 2 test files (in a test folder or named as a test, first: src/hotjar.spec.ts)")
    assert "--include-tests" in diag.message
    included = run(ScanOptions(paths=(str(tmp_path),), include_tests=True))
    assert [d.code for d in included.diagnostics] == [] and len(included.detections) == 1


def test_a_built_page_under_tests_is_reported_beside_the_gated_home_page(tmp_path: Path) -> None:
    # The hunt's case: the home page is gated by Cookiebot's markup, the page under dist/tests/ is not.
    dist = tmp_path / "dist"
    (dist / "tests" / "kit").mkdir(parents=True)
    gated = '<script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>\n'
    (dist / "index.html").write_text(gated)
    (dist / "tests" / "kit" / "index.html").write_text(HOTJAR)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    found = sorted((Path(d.location.path).relative_to(tmp_path).as_posix(), d.verdict.status) for d in result.detections)
    assert found == [("dist/index.html", "gated"), ("dist/tests/kit/index.html", "ungated")]
