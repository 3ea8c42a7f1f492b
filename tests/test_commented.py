"""Commented-out snippets in every comment syntax (issue 9, group 3): RL120, never a recorder,
never silence. Fixtures: fixtures/comments/, one per syntax, with look-alikes that must stay
quiet (a prose comment naming the host, a URL in a string, a live snippet holding a comment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import signatures
from analyzer.consent import template_gate
from analyzer.facts import commented
from analyzer.parse import templates
from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES

CASES = sorted((FIXTURES / "comments").iterdir())
HOTJAR = (
    "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
    "h._hjSettings={hjid:1,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');"
    "r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);"
    "})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"
)


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_commented_snippets_are_rl120_and_nothing_else(path: Path) -> None:
    expected = parse(path.read_text(encoding="utf-8"))
    result = run(ScanOptions(paths=(str(path),)))
    got = sorted((d.location.line, d.vendor, d.verdict.status.value) for d in result.detections)
    assert got == sorted((e.line, e.subject, e.status) for e in expected if e.kind == "detection")
    rl120 = sorted(f.location.line for f in result.findings if f.rule == "RL120")
    assert rl120 == sorted(e.line for e in expected if e.kind == "finding" and e.subject == "RL120")
    assert not [d for d in result.diagnostics if d.level == "error" or d.code == "js-parse-error"]


@pytest.fixture(scope="module")
def hotjar() -> list:
    return [signatures.load().vendors["hotjar"]]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (HOTJAR, True),
        ("r.src='https://static.hotjar.com/c/hotjar-1.js'", True),  # a loader URL written as code
        ('<script src="https://static.hotjar.com/c/hotjar-1.js"></script>', True),
        ("Hotjar loads from https://static.hotjar.com/c/hotjar-ID.js after consent", False),  # prose
        ("see static.hotjar.com", False),
    ],
    ids=["snippet", "url-in-quotes", "script-tag", "prose-url", "prose-host"],
)
def test_a_comment_is_a_snippet_only_when_it_holds_code(text: str, fires: bool, hotjar) -> None:
    assert bool(commented.hits(text, hotjar)) is fires


def test_a_url_in_a_string_is_code_not_a_comment(hotjar) -> None:
    code, found = commented.script_body("var u = 'https://static.hotjar.com/c/hotjar-1.js'; // done", hotjar)
    assert found == [] and "static.hotjar.com" in code


def test_two_versions_commented_one_after_the_other_are_two_reports(hotjar) -> None:
    lines = [
        "// old version",
        *(f"// {line}" for line in HOTJAR.split(";")),
        "// newer version",
        *(f"// {line}" for line in HOTJAR.split(";")),
    ]
    code, found = commented.script_body("\n".join(lines) + "\n", hotjar)
    assert len(found) == 2 and code.strip() == ""
    first, second = sorted(start for start, _, _ in found)
    assert "\n".join(lines)[first:].startswith("// (function(") and "\n".join(lines)[second:].startswith("// (function(")


def test_a_liquid_raw_block_is_printed_not_commented(hotjar) -> None:
    text = "{% raw %}<script>" + HOTJAR + "</script>{% endraw %}"
    _, tpl = templates.analyse(text, "liquid")
    assert commented.in_template(tpl, text, hotjar) == []


def test_a_django_comment_with_a_note_is_a_comment(hotjar) -> None:
    text = '{% comment "disabled" %}<script>' + HOTJAR + "</script>{% endcomment %}<p>{{ x }}</p>"
    neutral, tpl = templates.analyse(text, "jinja")
    assert "hotjar" not in neutral and len(commented.in_template(tpl, text, hotjar)) == 1


@pytest.mark.parametrize(
    ("condition", "needs_true", "kind"),
    [
        ('cookies[:consent_analytics] == "granted"', True, "gated"),
        ("cookies[:tracking_ok]", True, "unknown"),
        ("session[:gdpr_choice]", True, "unknown"),
        ("Rails.env.production?", True, "open"),
        ("ENV['HOTJAR']", True, "open"),
        ('cookies[:consent_analytics] == "granted"', False, "unknown"),  # unless consent: runs without it
    ],
    ids=["consent-cookie", "unknown-cookie", "gdpr-session", "environment", "env-var", "unless-consent"],
)
def test_a_condition_on_the_include_itself(condition: str, needs_true: bool, kind: str) -> None:
    vocab = template_gate.vocabulary(signatures.load())
    gated, unknown = template_gate.inline_gate(condition, needs_true, vocab)
    assert {"gated": (True, False), "unknown": (False, True), "open": (False, False)}[kind] == (gated is not None, unknown is not None)


@pytest.mark.parametrize(
    ("body", "condition", "needs_true"),
    [
        ('<%= render "shared/hotjar" if cookies[:ok] %>', "cookies[:ok]", True),
        ('<%= render "shared/hotjar" unless Rails.env.test? -%>', "Rails.env.test?", False),
        ('<%= render "shared/hotjar" %>', None, True),
        ("@includeWhen($consented, 'partials.hotjar')", "$consented", True),
        ("@includeUnless($optedOut, 'partials.hotjar')", "$optedOut", False),
    ],
)
def test_the_include_carries_its_own_condition(body: str, condition: str | None, needs_true: bool) -> None:
    dialect = "erb" if body.startswith("<%") else "blade"
    _, tpl = templates.analyse(body, dialect)
    [ref] = [r for r in tpl.references if "hotjar" in r.name]
    assert (ref.condition, ref.needs_true) == (condition, needs_true)


@pytest.mark.parametrize(
    "text",
    [
        "<!-- <script>" + HOTJAR + "</script> -->",
        "<!-- <script>" + HOTJAR + "</script> -->\n<p>x</p>",
        "<html><body></body></html>\n<!-- <script>" + HOTJAR + "</script> -->",
    ],
    ids=["comment-only", "before-the-root", "after-the-root"],
)
def test_html_comments_outside_the_root_element_are_read(text: str) -> None:
    from analyzer.parse import htmldoc

    page = htmldoc.parse(text)
    assert (
        len(page.comments) == 1
        and "hotjar" in page.comments[0].text
        and page.comments[0].line == text.count("\n", 0, text.index("<!--")) + 1
    )


def test_long_runs_of_comments_are_read_in_linear_time(hotjar) -> None:
    """Adjacent comments are joined once per run, not once per comment (20k lines each way)."""
    import time

    n = 20_000
    erb = "\n".join(f"<%# note {i}: static.hotjar.com %>" for i in range(n)) + "\n<p><%= x %></p>"
    js = "\n".join(f"// line {i} r.src='https://static.hotjar.com/c/hotjar-1.js'" for i in range(n))
    start = time.perf_counter()
    _, tpl = templates.analyse(erb, "erb")
    assert commented.in_template(tpl, erb, hotjar) == []
    assert len(commented.script_body(js, hotjar)[1]) == 1  # one run longer than MAX_SPLIT: one report
    assert time.perf_counter() - start < 5.0


HOTJAR_SNIPPET = """<script>
(function(h,o,t,j,a,r){
    h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
    h._hjSettings={hjid:%s,hjsv:6};
    a=o.getElementsByTagName('head')[0];
    r=o.createElement('script');r.async=1;
    r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
    a.appendChild(r);
})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>"""


def test_each_snippet_in_one_block_comment_is_reported_where_it_starts(tmp_path: Path) -> None:
    """One Blade block around two snippets: two RL120, each at its <script> line, not both at {{--."""
    text = "{{--\n@if(config('hotjar'))\n" + HOTJAR_SNIPPET % "1111111" + "\n@endif\n\n" + HOTJAR_SNIPPET % "2222222" + "\n--}}\n"
    path = tmp_path / "tracking.blade.php"
    path.write_text(text)
    result = run(ScanOptions(paths=(str(path),)))
    lines = text.splitlines()
    scripts = [i + 1 for i, line in enumerate(lines) if line == "<script>"]
    assert sorted(f.location.line for f in result.findings if f.rule == "RL120") == scripts
    assert not result.detections


def test_a_template_named_on_its_own_is_still_in_its_folder(tmp_path: Path, monkeypatch) -> None:
    """``replaylint scan hotjar.html`` inside templates/: the folder makes it a template, so its
    {# #}-commented snippet is RL120, not a live recorder."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "hotjar.html").write_text("\n".join("{#" + line + "#}" for line in (HOTJAR_SNIPPET % "3333333").splitlines()) + "\n")
    monkeypatch.chdir(folder)
    result = run(ScanOptions(paths=("hotjar.html",)))
    assert not result.detections
    assert [f.rule for f in result.findings if f.rule.startswith("RL1")] == ["RL120"]


@pytest.mark.parametrize(
    ("comment", "reported"),
    [
        ("// LogRocket.init('acme/prod');", True),
        ("//   posthog.init(process.env.NEXT_PUBLIC_POSTHOG_KEY!, {\n//     api_host: 'https://eu.i.posthog.com',\n//   })", True),
        ("// Call LogRocket.init() only after the visitor accepts.", False),
        ("// posthog.init('<ph_project_api_key>', { api_host: '<ph_client_api_host>' })", False),
    ],
    ids=["literal-argument", "commented-block", "prose", "docs-placeholder"],
)
def test_a_commented_out_start_call_is_rl120(comment: str, reported: bool, tmp_path: Path) -> None:
    path = tmp_path / "analytics.js"
    path.write_text("import LogRocket from 'logrocket';\nimport posthog from 'posthog-js';\n" + comment + "\nexport const ready = true;\n")
    result = run(ScanOptions(paths=(str(path),)))
    assert not result.detections
    assert any(f.rule == "RL120" for f in result.findings) is reported
