"""Regenerate docs/report.png: the HTML report of the example site, as headless Chromium shows it.

    python docs/report_screenshot.py            # needs Debian's chromium and the [test] extras

The report is opened the way the browser tests open it: every request the page makes is refused
(it makes none), and the top of the page (verdict, charts and the first findings) is kept.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.cli import main  # noqa: E402

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def screenshot(out: Path, width: int = 1280, height: int = 1500) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        main(["scan", "fixtures/site/dist", "--format", "html", "-o", str(report)])
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda r: r.continue_() if r.request.url == report.as_uri() else r.abort())
            page.goto(report.as_uri())
            page.screenshot(path=str(out))
            browser.close()


if __name__ == "__main__":
    import os

    os.chdir(ROOT)  # paths in the report relative to the repository, as in the README's example
    screenshot(ROOT / "docs" / "report.png")
    print("wrote docs/report.png")
