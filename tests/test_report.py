"""The HTML report and the Markdown summary, rendered from the JSON document (no browser here).

The example site's expected figures come from its README (fixtures/site/README.md): ungated
recorders on blog/, pricing/ and quote/ (LogRocket, Clarity, Mouseflow), Crazy Egg unverifiable
on contact/, Hotjar gated on the home page and on quote/. The browser tests are in
test_report_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import lxml.html
import pytest

from analyzer import signatures
from analyzer.cli import main
from analyzer.report.html import bar_chart, json_for_script, render_html
from analyzer.report.markdown import code, render_markdown, text
from analyzer.report.view import Names, build, names_from_signatures
from tests.report_fixtures import HOSTILE, IMG, SCRIPT, STYLE, poisoned, write_hostile_site

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "fixtures" / "site" / "dist"


@pytest.fixture(scope="session")
def site_doc(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("site") / "report.json"
    assert main(["scan", str(SITE), "--format", "json", "-o", str(out)]) == 1
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def names() -> Names:
    return names_from_signatures(signatures.load())


def _tree(html: str):
    return lxml.html.document_fromstring(html)


def _with_diagnostic(doc: dict) -> dict:
    return {**doc, "diagnostics": [{"path": "dist/big.js", "code": "file-too-large", "message": "skipped: larger than 10M", "line": None}]}


# --- the figures ---------------------------------------------------------------------------------


def test_example_site_pages_by_worst_status(site_doc, names) -> None:
    view = build(site_doc, names)
    assert dict(view.page_status) == {"ungated": 3, "unverifiable": 1, "gated": 1}
    assert view.root.endswith("fixtures/site/dist/")
    quote = next(p for p in view.pages if p.path.endswith("quote/index.html"))
    assert quote.recorders == {"hotjar": "gated", "mouseflow": "ungated"}
    assert quote.status == "ungated"
    assert (
        view.headline() == f"Recorders load before consent on 3 of 5 recorded pages; {view.captured_fields} sensitive fields are captured"
    )


def test_example_site_vendors_worst_first_with_display_names(site_doc, names) -> None:
    view = build(site_doc, names)
    rows = {r.vendor: r for r in view.vendors}
    assert rows["crazyegg"].name == "Crazy Egg" and dict(rows["crazyegg"].pages) == {"unverifiable": 1}
    assert dict(rows["hotjar"].pages) == {"gated": 2}
    assert [r.vendor for r in view.vendors][-1] == "hotjar"  # gated everywhere: last
    assert view.categories[0].category == "health" and view.categories[0].art9


def test_a_bundle_recorder_counts_on_every_page_that_loads_it() -> None:
    doc = {
        "detections": [
            {
                "vendor": "logrocket",
                "path": "dist/assets/app.js",
                "consent": {"status": "ungated"},
                "pages": ["dist/a.html", "dist/b.html"],
            },
            {"vendor": "hotjar", "path": "dist/a.html", "consent": {"status": "gated"}, "pages": []},
        ],
        "fields": [],
        "findings": [],
        "diagnostics": [],
        "summary": {},
    }
    view = build(doc)
    assert {p.path: p.status for p in view.pages} == {"dist/a.html": "ungated", "dist/b.html": "ungated"}
    assert dict(view.vendors[0].pages) == {"ungated": 2} and dict(view.vendors[0].sites) == {"ungated": 1}


def test_bar_chart_shares_one_scale() -> None:
    chart = bar_chart([("a", {"ungated": 2, "gated": 2}), ("b", {"gated": 1})], ("ungated", "unverifiable", "gated"))
    a, b = chart.bars
    plot = sum(s.width for s in a.segments)
    assert [s.key for s in a.segments] == ["ungated", "gated"] and a.total == 4
    assert b.segments[0].width == pytest.approx(plot / 4, abs=0.2)
    assert b.y > a.y and chart.height > b.y


# --- HTML ----------------------------------------------------------------------------------------


def test_html_report_of_the_example_site_holds_every_section(site_doc, names) -> None:
    tree = _tree(render_html(site_doc, names))
    assert [h.text_content() for h in tree.iter("h2")] == [
        "Verdict",
        "Findings",
        "Page by page",
        "Field by field",
        "Scope of the scan",
        "Legal references",
    ]
    assert len(tree.get_element_by_id("findings-table").find("tbody")) == len(site_doc["findings"])
    assert len(tree.get_element_by_id("fields-table").find("tbody")) == len(site_doc["fields"])
    assert len(tree.get_element_by_id("pages-table").find("tbody")) == 5
    body = tree.body.text_content()
    assert "Microsoft Clarity" in body and "Crazy Egg" in body
    assert len(tree.xpath("//svg[@role='img']")) == 3


def test_html_report_loads_nothing(site_doc, names) -> None:
    html = render_html(_with_diagnostic(site_doc), names)
    tree = _tree(html)
    assert not tree.xpath("//*[@src] | //link | //img | //iframe | //object | //embed | //*[@style] | //*[@srcset]")
    for a in tree.iter("a"):
        assert a.get("href").startswith(("#", "https://")), a.get("href")
    css = tree.find(".//style").text
    assert "url(" not in css and "@import" not in css
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert csp.startswith("default-src 'none';")


def test_csp_allows_exactly_the_inline_style_and_script(site_doc) -> None:
    tree = _tree(render_html(site_doc))
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    code_scripts = [s for s in tree.iter("script") if s.get("type") is None]
    assert len(code_scripts) == 1
    assert f"script-src {digest(code_scripts[0].text)}" in csp
    assert f"style-src {digest(tree.find('.//style').text)}" in csp


def test_html_escapes_every_value_of_the_document(site_doc) -> None:
    doc = poisoned(_with_diagnostic(site_doc))
    html = render_html(doc)
    assert SCRIPT not in html and "<img" not in html
    assert html.count(STYLE) == 1  # the report's own stylesheet ends
    tree = _tree(html)
    assert len(tree.xpath("//script")) == 2 and len(tree.xpath("//style")) == 1 and not tree.xpath("//img")
    body = tree.body.text_content()
    for hostile in HOSTILE:
        assert body.count(hostile) >= len(doc["findings"])


def test_embedded_json_parses_back_to_the_document(site_doc) -> None:
    doc = poisoned(_with_diagnostic(site_doc))
    tree = _tree(render_html(doc))
    data = tree.get_element_by_id("replaylint-data")
    assert data.get("type") == "application/json"
    assert json.loads(data.text) == doc
    assert "<" not in json_for_script({"a": "</script><!--"}) and "&" not in json_for_script({"a": "&amp;"})


def test_html_of_a_clean_scan(names) -> None:
    doc = {
        "schema_version": 1,
        "tool": {"name": "replaylint", "version": "0"},
        "detections": [],
        "fields": [],
        "findings": [],
        "diagnostics": [],
        "summary": {"files": 1, "parsed": 1, "findings": {}, "fail_on": "high", "failing": 0},
    }
    tree = _tree(render_html(doc, names))
    body = tree.body.text_content()
    assert "No session recorder found." in body and "The check passes" in body and "No findings." in body
    assert tree.get_element_by_id("findings-table", None) is None


# --- Markdown ------------------------------------------------------------------------------------


def test_markdown_summary_of_the_example_site(site_doc, names) -> None:
    md = render_markdown(site_doc, names)
    lines = md.splitlines()
    assert lines[0] == "## replaylint: Recorders load before consent on 3 of 5 recorded pages; 6 sensitive fields are captured"
    assert lines[2].startswith("**The check fails**: 8 findings at or above `high` (8 high, 1 medium, 1 low, 4 info). 9 files scanned")
    assert "| Crazy Egg | – | 1 | – | 1 |" in lines
    assert "| Hotjar | – | – | 2 | 2 |" in lines
    assert any(line.startswith("| high | RL101 | `pricing/index.html:31` | Microsoft Clarity loads") for line in lines)
    # The contact page's message box is health data by the home page's title (a health-insurance broker), masked by Crazy Egg.
    assert "| health data (GDPR Art. 9) | 5 | 6 | Mouseflow (5), Hotjar (3) |" in lines
    assert lines[-1] == "Paths are relative to `" + build(site_doc).root + "`."


def test_markdown_caps_the_findings_and_counts_the_rest(site_doc) -> None:
    md = render_markdown(site_doc, limit=2)
    rows = [line for line in md.splitlines() if line.startswith("| high |")]
    assert len(rows) == 2
    assert "…and 12 more findings (6 high, 1 medium, 1 low, 4 info) in the full report." in md


def test_markdown_groups_one_message_in_many_files() -> None:
    findings = [
        {"severity": "high", "rule": "RL101", "vendor": "clarity", "message": "Clarity loads", "path": f"dist/p{i}.html", "line": 3}
        for i in range(5)
    ]
    md = render_markdown({"detections": [], "fields": [], "findings": findings, "diagnostics": [], "summary": {"failing": 5}})
    assert "| high | RL101 | `p0.html:3` and 4 more | Clarity loads |" in md
    assert "more findings" not in md


def test_markdown_shows_site_content_literally(site_doc) -> None:
    md = render_markdown(poisoned(_with_diagnostic(site_doc)))
    prose = re.sub(r"(`+).*?\1", "", md)  # a code span shows '<' as it is: only the rest needs entities
    assert "<" not in prose and ">" not in prose
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in prose
    assert f"`pricing/index.html {SCRIPT} {IMG} {STYLE}:31`" in md
    assert text("a | b *c* [d](e) @sentry/react") == "a \\| b \\*c\\* \\[d\\](e) `@sentry/react`"
    assert code("a`b|c") == "``a`b\\|c``"


# --- the command line ----------------------------------------------------------------------------


def test_cli_writes_the_html_report(tmp_path, capsys) -> None:
    out = tmp_path / "report.html"
    assert main(["scan", str(SITE), "--format", "html", "-o", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "Microsoft Clarity" in html
    assert capsys.readouterr().out == ""


def test_cli_prints_the_markdown_summary(capsys) -> None:
    assert main(["scan", str(SITE), "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("## replaylint: Recorders load before consent on 3 of 5 recorded pages")


def test_github_mode_appends_the_summary_to_the_step_summary(tmp_path, monkeypatch, capsys) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["scan", str(SITE)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::")  # the annotations still go to stdout
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## replaylint: Recorders load before consent")


def test_github_mode_without_a_step_summary_writes_none(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert main(["scan", str(SITE)]) == 1
    assert list(tmp_path.iterdir()) == []
    capsys.readouterr()


def test_an_unwritable_step_summary_warns_and_keeps_the_exit_code(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    assert main(["scan", str(SITE)]) == 1
    assert "replaylint: cannot write the step summary" in capsys.readouterr().err


def test_the_hostile_site_reaches_the_report_as_text(tmp_path, capsys) -> None:
    write_hostile_site(tmp_path / "site")
    out = tmp_path / "report.json"
    assert main(["scan", str(tmp_path / "site"), "--format", "json", "-o", str(out)]) == 1
    doc = json.loads(out.read_text(encoding="utf-8"))
    for hostile in HOSTILE:  # the fixture does put markup where the brief says
        assert any(hostile in f["path"] for f in doc["findings"])
        assert any(hostile in d["evidence"] for d in doc["detections"])
        assert any(hostile in f["label"] for f in doc["fields"])
    html = render_html(doc)
    assert SCRIPT not in html and IMG not in html and html.count(STYLE) == 1
