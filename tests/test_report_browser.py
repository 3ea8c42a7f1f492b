"""The HTML report in a real browser: Debian's Chromium, headless, driven by Playwright.

Each report is opened from a file with every request routed: the report's own file is let through,
anything else the page asks for is recorded and refused, and the test fails on any. (Chromium's own
background connections do not go through the page's routes, and are turned off by the flags below.)
The console must stay free of errors (a Content-Security-Policy violation is one), no dialog may
open, and sorting and filtering must change the rows a reader sees.

Without Chromium the tests skip with the reason; with REPLAYLINT_REQUIRE_BROWSER=1 (set by .ci/run,
which installs Chromium) they fail instead, so CI cannot pass by skipping them.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from analyzer import signatures
from analyzer.cli import main
from analyzer.report.html import render_html
from analyzer.report.view import names_from_signatures
from tests.report_fixtures import HOSTILE, IMG, SCRIPT, STYLE, poisoned, write_hostile_site

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "fixtures" / "site" / "dist"
CHROMIUM = os.environ.get("REPLAYLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Playwright gives every launch a fresh temporary profile (user-data dir) and deletes it on close.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SECTIONS = ["Verdict", "Findings", "Page by page", "Field by field", "Scope of the scan", "Legal references"]


def _unavailable(reason: str) -> None:
    if os.environ.get("REPLAYLINT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and REPLAYLINT_REQUIRE_BROWSER=1")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install '.[test]')")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_quiet(self) -> None:
        assert self.requests == [], "the page made network requests"
        assert self.errors == [], "the console has errors"
        assert self.dialogs == [], "a dialog opened"

    def rows(self, table: str) -> list[Any]:
        return self.page.locator(f"#{table} tbody tr:visible").all()

    def column(self, table: str, index: int) -> list[str]:
        return self.page.eval_on_selector_all(f"#{table} tbody tr", f"rows => rows.map(r => r.cells[{index}].textContent.trim())")

    def count(self, table: str) -> str:
        return self.page.locator(f".controls[data-table={table}] .count").inner_text()


@pytest.fixture
def open_report(browser) -> Iterator[Any]:
    contexts = []

    def opener(path: Path, javascript: bool = True) -> Opened:
        context = browser.new_context(java_script_enabled=javascript, accept_downloads=True, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        url = path.resolve().as_uri()
        opened = Opened(context.new_page())

        def route(r: Any) -> None:
            if r.request.url == url:
                r.continue_()
            else:
                opened.requests.append(r.request.url)
                r.abort()

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        context.route("**/*", route)
        opened.page.on("request", lambda req: req.url != url and opened.requests.append(req.url))
        opened.page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page.on("dialog", dialog)
        opened.page.goto(url)
        return opened

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("example")
    assert main(["scan", str(SITE), "--format", "html", "-o", str(folder / "report.html")]) == 1
    assert main(["scan", str(SITE), "--format", "json", "-o", str(folder / "report.json")]) == 1
    return folder / "report.html", json.loads((folder / "report.json").read_text(encoding="utf-8"))


def _assert_escaped(opened: Opened, findings: int) -> None:
    page = opened.page
    opened.assert_quiet()
    assert page.locator("script").count() == 2  # the JSON data and the report's own script
    assert page.locator("style").count() == 1
    assert page.locator("img, iframe, object, embed, [onerror]").count() == 0
    text = page.locator("body").inner_text()
    for hostile in HOSTILE:
        assert hostile in text
    assert page.evaluate("() => JSON.parse(document.getElementById('replaylint-data').textContent).findings.length") == findings


# --- the example site ----------------------------------------------------------------------------


def test_example_report_renders_with_its_figures(example, open_report) -> None:
    path, doc = example
    opened = open_report(path)
    page = opened.page
    assert page.locator("h1").inner_text() == "Session recording and consent"
    assert page.locator("h2").all_inner_texts() == SECTIONS
    assert page.locator(".headline").inner_text().startswith("Recorders load before consent on 3 of 5 recorded pages")
    figure = page.locator(".figures div", has_text="Pages recorded before consent").locator("dd")
    assert figure.inner_text() == "3"
    assert len(opened.rows("findings-table")) == len(doc["findings"])
    assert len(opened.rows("fields-table")) == len(doc["fields"])
    assert len(opened.rows("pages-table")) == 5
    assert opened.count("findings-table") == f"Showing {len(doc['findings'])} of {len(doc['findings'])}"
    assert page.locator("svg.chart").count() == 3
    opened.assert_quiet()


def test_clicking_a_header_sorts_the_rows(example, open_report) -> None:
    opened = open_report(example[0])
    page = opened.page
    rules = opened.column("findings-table", 1)
    page.get_by_role("button", name="Rule").click()
    assert page.locator("#findings-table th", has_text="Rule").get_attribute("aria-sort") == "ascending"
    assert opened.column("findings-table", 1) == sorted(rules)
    page.get_by_role("button", name="Rule").click()
    assert opened.column("findings-table", 1) == sorted(rules, reverse=True)
    severity = page.get_by_role("button", name="Severity")
    severity.click()
    assert opened.column("findings-table", 0)[0] == "high" and opened.column("findings-table", 0)[-1] == "info"
    severity.click()
    assert opened.column("findings-table", 0)[0] == "info" and opened.column("findings-table", 0)[-1] == "high"
    page.locator("#pages-table").get_by_role("button", name="Page").click()
    pages = opened.column("pages-table", 0)
    assert pages == sorted(pages, key=str.lower) and pages != opened.column("pages-table", 0)[::-1]
    opened.assert_quiet()


def test_typing_in_the_filter_and_choosing_a_severity_filter_the_rows(example, open_report) -> None:
    path, doc = example
    opened = open_report(path)
    page = opened.page
    total = len(doc["findings"])
    pricing = sum(f["path"].endswith("pricing/index.html") for f in doc["findings"])
    page.get_by_label("Filter findings").fill("pricing/index.html")
    page.wait_for_function(f"() => document.querySelector('.controls .count').textContent === 'Showing {pricing} of {total}'")
    assert len(opened.rows("findings-table")) == pricing
    page.get_by_label("Filter findings").fill("")
    page.get_by_label("Severity", exact=True).select_option("high")
    high = sum(f["severity"] == "high" for f in doc["findings"])
    assert len(opened.rows("findings-table")) == high
    page.get_by_label("Vendor", exact=True).select_option("mouseflow")
    both = sum(f["severity"] == "high" and f["vendor"] == "mouseflow" for f in doc["findings"])
    assert 0 < both < high
    assert len(opened.rows("findings-table")) == both
    assert opened.count("findings-table") == f"Showing {both} of {total}"
    page.get_by_label("Status", exact=True).select_option("ungated")
    assert len(opened.rows("pages-table")) == 3
    page.get_by_label("Category", exact=True).select_option("health")
    assert len(opened.rows("fields-table")) == sum(f["category"] == "health" for f in doc["fields"])
    opened.assert_quiet()


def test_print_shows_every_row_and_hides_the_controls(example, open_report) -> None:
    path, doc = example
    opened = open_report(path)
    page = opened.page
    page.get_by_label("Severity", exact=True).select_option("info")
    assert len(opened.rows("findings-table")) < len(doc["findings"])
    page.emulate_media(media="print")
    assert not page.locator(".controls").first.is_visible()
    assert not page.locator("nav").is_visible()
    assert len(opened.rows("findings-table")) == len(doc["findings"])
    assert page.evaluate("() => getComputedStyle(document.querySelector('#findings-table').parentElement).overflow") == "visible"
    opened.assert_quiet()


def test_the_report_reads_without_javascript(example, open_report) -> None:
    path, doc = example
    opened = open_report(path, javascript=False)
    page = opened.page
    assert page.locator("h2").all_inner_texts() == SECTIONS
    assert len(opened.rows("findings-table")) == len(doc["findings"])
    assert page.locator(".controls").first.is_hidden()
    assert page.locator("th button").count() == 0
    opened.assert_quiet()


def test_save_gives_back_the_json_document(example, open_report) -> None:
    path, doc = example
    opened = open_report(path)
    with opened.page.expect_download() as download:
        opened.page.get_by_role("button", name="Save the data as JSON").click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    del saved["summary"]["seconds"]  # the HTML and the JSON came from two scans
    assert saved == {**doc, "summary": {k: v for k, v in doc["summary"].items() if k != "seconds"}}
    opened.assert_quiet()


# --- escaping ------------------------------------------------------------------------------------


def test_markup_in_file_names_evidence_and_labels_stays_text(tmp_path, open_report) -> None:
    write_hostile_site(tmp_path / "site")
    out = tmp_path / "report.html"
    assert main(["scan", str(tmp_path / "site"), "--format", "html", "-o", str(out)]) == 1
    assert main(["scan", str(tmp_path / "site"), "--format", "json", "-o", str(tmp_path / "report.json")]) == 1
    doc = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    opened = open_report(out)
    _assert_escaped(opened, findings=len(doc["findings"]))
    page = opened.page
    assert page.locator("#fields-table .label-text", has_text=SCRIPT).count() == 1
    assert page.locator("#findings-table .evidence", has_text=IMG).count() == 1
    assert page.locator("#pages-table code.loc", has_text=STYLE).count() == 1
    with_img = sum(IMG in f["path"] or IMG in f["message"] or IMG in f["evidence"] for f in doc["findings"])
    assert 0 < with_img < len(doc["findings"])
    page.get_by_label("Filter findings").fill("<img src=x")
    page.wait_for_function(
        f"() => document.querySelector('.controls .count').textContent === 'Showing {with_img} of {len(doc['findings'])}'"
    )
    opened.assert_quiet()


def test_markup_in_every_value_of_the_document_stays_text(tmp_path, example, open_report) -> None:
    doc = poisoned({**example[1], "diagnostics": [{"path": "dist/x.js", "code": "binary", "message": "skipped", "line": None}]})
    out = tmp_path / "report.html"
    out.write_text(render_html(doc), encoding="utf-8")
    opened = open_report(out)
    _assert_escaped(opened, findings=len(doc["findings"]))
    assert opened.page.locator("#diagnostics-table tbody tr").inner_text().count(SCRIPT) == 3  # path, code, message


# --- a large site --------------------------------------------------------------------------------


def test_report_of_a_generated_3000_page_site(tmp_path, open_report) -> None:
    from bench.generate import generate

    # Small pages: the report depends on the pages' recorders and forms, not on their text.
    site = generate(tmp_path / "site", 3000, page_bytes=2_000)
    assert main(["scan", str(site), "--format", "json", "-o", str(tmp_path / "report.json"), "--jobs", "2"]) == 1
    doc = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    html = render_html(doc, names_from_signatures(signatures.load()))
    rendered = time.perf_counter() - started
    out = tmp_path / "report.html"
    out.write_text(html, encoding="utf-8")
    started = time.perf_counter()
    opened = open_report(out)
    loaded = time.perf_counter() - started
    print(
        f"3000 pages: {len(doc['findings'])} findings, rendered in {rendered:.2f} s, {len(html.encode()) / 1e6:.1f} MB, opened in "
        f"{loaded:.1f} s"
    )
    page = opened.page
    assert page.locator(".figures div", has_text="Pages with a recorder").locator("dd").inner_text() == "3,000"
    assert page.locator("#findings-table tbody tr").count() == len(doc["findings"])
    assert page.locator("#pages-table tbody tr").count() == 3000
    assert page.locator("#fields-table tbody tr").count() == len(doc["fields"])
    expected = sum("page-10.html" in f["path"] for f in doc["findings"])
    page.get_by_label("Filter findings").fill("page-10.html")
    page.wait_for_function(
        f"() => document.querySelector('.controls .count').textContent === 'Showing {expected} of {len(doc['findings'])}'", timeout=30_000
    )
    page.locator("#pages-table").get_by_role("button", name="Findings").click()
    assert opened.column("pages-table", 4)[0] == "–" or opened.column("pages-table", 4)[0].startswith("1 ")
    opened.assert_quiet()
