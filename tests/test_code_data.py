"""Snippets held as data (issue 9, group 1): server-code strings, template captures, GTM template
files; and test files, which are not site code (group 3). Case ids name the shape they guard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.consent import code_data
from analyzer.parse import hoststrings
from analyzer.read import testpaths
from analyzer.read.discover import SourceFile, classify, discover
from analyzer.read.engine import analyze
from tests.conftest import FIXTURES, scan_file, scan_text

DATA = FIXTURES / "codedata"

# (fixture, [(line, vendor, status, mechanism)]): exactly these detections.
CASES = [
    (
        "analytics_tags.py",
        [
            (16, "hotjar", "unverifiable", "held-as-data"),
            (28, "mouseflow", "unverifiable", "held-as-data"),
            (39, "clarity", "unverifiable", "held-as-data"),
        ],
    ),
    ("dashboard_app.py", [(8, "hotjar", "ungated", "always-run-hook"), (31, "mouseflow", "ungated", "always-run-hook")]),
    ("consent_app.py", [(7, "hotjar", "unverifiable", "held-as-data")]),
    ("tracking_helper.rb", [(6, "hotjar", "unverifiable", "held-as-data")]),
    (
        "acme_tracking.module",
        [
            (14, "hotjar", "ungated", "always-run-hook"),
            (33, "clarity", "unverifiable", "held-as-data"),
            (40, "mouseflow", "unverifiable", "held-as-data"),
        ],
    ),
    ("HeadService.php", [(11, "hotjar", "unverifiable", "held-as-data")]),
    # An inline script added from a wp_enqueue_scripts callback runs on every page; a function
    # that echoes markup is the template reading's, and one this file never calls or hooks prints
    # it only where another file calls it (code_data.in_uncalled_php).
    ("wp-recorder.php", [(11, "hotjar", "ungated", "always-run-hook"), (15, "mouseflow", "unverifiable", "held-as-data")]),
    # A Joomla system plugin's onBeforeRender runs on every request; the loader's URL is in a variable
    # assigned one literal and its site id comes from a call. The same method in a class that does
    # not extend the plugin base is only held as data.
    ("plg_system_recorder.php", [(13, "luckyorange", "ungated", "always-run-hook")]),
    ("RecorderRenderer.php", [(9, "luckyorange", "unverifiable", "held-as-data")]),
    ("element.tpl", [(3, "hotjar", "unverifiable", "held-as-data"), (17, "posthog", "unverifiable", "held-as-data")]),
    ("printed-capture.njk", [(3, "hotjar", "ungated", "none")]),
    (
        "gtm/template.tpl",
        [(29, "mouseflow", "unverifiable", "gtm-template-file")],
    ),  # load = require("injectScript"); url = base + id + ".js"
    ("gtm/no-loader.tpl", []),
    # group 2: files of no known kind, walked by suffix
    ("text/recorder.pug", [(6, "mouseflow", "unverifiable", "text-scan")]),
    ("text/head.jst", [(4, "hotjar", "unverifiable", "text-scan")]),
    ("text/_recorder.gsp", [(3, "hotjar", "ungated", "none")]),
    ("text/headers.pug", []),
]


@pytest.mark.parametrize(("name", "want"), CASES, ids=[c[0] for c in CASES])
def test_snippets_held_as_data(name: str, want: list, db) -> None:
    path = DATA / name
    result = analyze(SourceFile(path, path.as_posix(), classify(path) or "text"), db, 10 * 1024 * 1024)
    got = sorted((d.location.line, d.vendor, d.verdict.status.value, d.verdict.mechanism) for d in result.detections)
    assert got == sorted(want), result.detections
    assert not [d for d in result.diagnostics if d.code == "internal-error"]


def test_held_evidence_names_the_language_and_the_function(db) -> None:
    result = scan_file(DATA / "HeadService.php", db)
    assert "held as data in a PHP string in register()" in result.detections[0].verdict.evidence


def test_always_run_evidence_names_the_hook(db) -> None:
    result = scan_file(DATA / "acme_tracking.module", db)
    first = min(result.detections, key=lambda d: d.location.line)
    assert "hook_page_attachments" in first.verdict.evidence and "Drupal" in first.verdict.evidence


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "docstring-only",
            '"""Install:\n\n    <script>(function(h,o,t,j,a,r){h._hjSettings={hjid:1};})(window,document,\'https://static.hotjar.com/c/hotjar-\',\'.js?sv=\');</script>\n"""\n',
        ),
        ("bare-host-in-csp", "CSP = \"script-src 'self' https://static.hotjar.com https://www.clarity.ms\"\n"),
        (
            "comment-sample",
            "# <script>(function(h,o,t,j,a,r){h._hjSettings={hjid:1};})"
            "(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>\nX = 1\n",
        ),
        ("block-list", 'BLOCKED = ["static.hotjar.com", "script.hotjar.com", "cdn.mouseflow.com"]\n'),
    ],
)
def test_python_look_alikes_stay_clean(name: str, text: str, tmp_path: Path, db) -> None:
    assert scan_text(tmp_path, text, db, name="settings.py").detections == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "content_security_policy.rb",
            'Rails.application.config.content_security_policy do |policy|\n  policy.script_src :self, "https://static.hotjar.com", "https://cdn.mouseflow.com/projects/"\nend\n',
        ),
        (
            "privacy.php",
            "<?php\n$text = __('We use Hotjar (https://www.hotjar.com/legal/policies/privacy/) to understand visits.');\necho $text;\n",
        ),
        (
            "blocklist.module",
            "<?php\nfunction acme_blocked_hosts() {\n  return ['static.hotjar.com', 'script.hotjar.com', 'www.clarity.ms'];\n}\n",
        ),
    ],
)
def test_server_code_look_alikes_stay_clean(name: str, text: str, tmp_path: Path, db) -> None:
    assert scan_text(tmp_path, text, db, name=name).detections == []


def test_a_python_syntax_error_reports_nothing_and_does_not_fail(tmp_path: Path, db) -> None:
    result = scan_text(tmp_path, "X = '''<script src=\"https://cdn.mouseflow.com/projects/a.js\"></script>\n", db, name="broken.py")
    assert result.detections == [] and not [d for d in result.diagnostics if d.code == "internal-error"]


def test_php_heredoc_nowdoc_and_concatenation_are_strings() -> None:
    text = "<?php\n$a = <<<'JS'\nnowdoc body\nJS;\n$b = \"x:\" . $id . \"y\";\necho 'printed';\n"
    found = hoststrings.lex(text, "php").strings
    assert [s.text for s in found] == ["nowdoc body\n", "x:0y", "printed"]
    assert [s.printed for s in found] == [False, False, True]


def test_ruby_heredoc_body_starts_on_the_next_line() -> None:
    text = "def tag\n  <<~HTML\n    <b>x</b>\n  HTML\nend\n"
    (s,) = hoststrings.lex(text, "ruby").strings
    assert s.text == "    <b>x</b>\n"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("tags.py", "hostcode"),
        ("helper.rb", "hostcode"),
        ("acme.module", "hostcode"),
        ("page.php", "template"),
        ("types.d.ts", None),
        ("_hotjar.gsp", "text"),
        ("layout.nunjucks", "text"),
        ("notes.txt", None),
    ],
)
def test_server_code_is_classified(name: str, kind: str | None) -> None:
    assert classify(Path(name)) == kind


# -- test files (group 3) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "is_test"),
    [
        ("tests/unit/test_tag_hotjar.py", True),
        ("features/hotjar.feature", True),
        ("src/lib/hotjar.initializer.spec.ts", True),
        ("__tests__/index.spec.ts", True),
        ("test/lib/fullstory.js", True),
        ("src/App.test.jsx", True),
        ("cypress/e2e/home.cy.js", True),
        ("spec/helpers/tag_spec.rb", True),
        ("tests/TrackingTest.php", True),
        # look-alikes: a word in a name, a page about testing, a latest/ folder
        ("src/contest.js", False),
        ("pages/testimonials.html", False),
        ("latest/index.html", False),
        ("src/attestation.ts", False),
        ("fixtures/js/loader.js", False),
    ],
)
def test_test_paths(rel: str, is_test: bool) -> None:
    assert testpaths.is_test(rel) is is_test


def _tree(tmp_path: Path) -> Path:
    snippet = '<script src="https://cdn.mouseflow.com/projects/abc.js"></script>\n'
    (tmp_path / "site" / "__tests__").mkdir(parents=True)
    (tmp_path / "site" / "package.json").write_text("{}")
    (tmp_path / "site" / "index.html").write_text(snippet)
    (tmp_path / "site" / "__tests__" / "page.spec.html").write_text(snippet)
    (tmp_path / "site" / "widget.test.js").write_text("document.write('" + snippet.strip() + "');\n")
    return tmp_path / "site"


def test_a_walk_skips_test_files_unless_asked(tmp_path: Path) -> None:
    site = _tree(tmp_path)
    files, _ = discover([site])
    assert [f.path.name for f in files if f.kind != "json"] == ["index.html"]
    files, _ = discover([site], include_tests=True)
    assert sorted(f.path.name for f in files if f.kind != "json") == ["index.html", "page.spec.html", "widget.test.js"]


def test_a_test_file_named_on_the_command_line_is_skipped_with_a_diagnostic(tmp_path: Path) -> None:
    site = _tree(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "analyzer.cli", "scan", str(site / "widget.test.js"), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=site,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["detections"] == [] and [d["code"] for d in report["diagnostics"]] == ["test-file"]
    run = subprocess.run(
        [sys.executable, "-m", "analyzer.cli", "scan", str(site / "widget.test.js"), "--format", "json", "--include-tests"],
        capture_output=True,
        text=True,
        cwd=site,
    )
    assert [d["vendor"] for d in json.loads(run.stdout)["detections"]] == ["mouseflow"]


def test_a_walk_reads_template_dialects_without_a_reader(tmp_path: Path) -> None:
    for name in ("_hotjar.gsp", "layout.nunjucks", "Tags.ss", "index.volt", "policy.txt"):
        (tmp_path / name).write_text("x")
    files, _ = discover([tmp_path])
    assert sorted(f.path.name for f in files) == ["Tags.ss", "_hotjar.gsp", "index.volt", "layout.nunjucks"]


def test_code_data_toml_is_schema_checked() -> None:
    from analyzer.signatures.sigschema import CODE_DATA_SCHEMA, SignatureError, validate

    with pytest.raises(SignatureError, match="unknown key 'name_sufixes'"):
        validate(
            {"schema": 1, "consent_words": [], "hook": [{"lang": "php", "framework": "x", "name_sufixes": [], "runs": "r", "sources": []}]},
            CODE_DATA_SCHEMA,
            "x.toml",
        )


@pytest.mark.parametrize(
    "rule",
    [
        "example.org#%#(function(h,o,t,j,a,r){h.hj=function(){};h._hjSettings={hjid:1};})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');",
        "example.org#@%#(function(h,o,t,j,a,r){h.hj=function(){};h._hjSettings={hjid:1};})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');",
    ],
    ids=["scriptlet", "scriptlet-exception"],
)
def test_a_content_blockers_rule_holding_a_snippet_is_data(rule: str, tmp_path: Path, db) -> None:
    """An AdGuard scriptlet rule (domain#%#code) holds code for the blocker to inject, not a page's start."""
    from analyzer.scan import ScanOptions, run

    path = tmp_path / "filters.txt"
    path.write_text("! Title: filters\n" + rule + "\n")
    assert run(ScanOptions(paths=(str(path),))).detections == []


def test_the_same_snippet_outside_a_filter_rule_is_found(tmp_path: Path, db) -> None:
    text = "(function(h,o,t,j,a,r){h.hj=function(){};h._hjSettings={hjid:1};})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');\n"
    from analyzer.scan import ScanOptions, run

    path = tmp_path / "snippet.txt"
    path.write_text(text)
    assert [d.vendor for d in run(ScanOptions(paths=(str(path),))).detections] == ["hotjar"]


_HAML_SNIPPET = """  (function(h,o,t,j,a,r){
      h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
      h._hjSettings={hjid:163381,hjsv:5};
      a=o.getElementsByTagName('head')[0];
      r=o.createElement('script');r.async=1;
      r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
      a.appendChild(r);
  })(window,document,'//static.hotjar.com/c/hotjar-','.js?sv=');
"""


@pytest.mark.parametrize(
    ("head", "live"),
    [("-#:javascript", False), ("/ :javascript", False), (":javascript", True)],
    ids=["silent-comment", "html-comment", "live-filter"],
)
def test_haml_comment_blocks_hide_the_snippet_nested_under_them(head: str, live: bool, tmp_path: Path) -> None:
    """HAML's -# (and /) comment the line and every line indented below it: RL120, not a recorder."""
    from analyzer.scan import ScanOptions, run

    path = tmp_path / "_hotjar.html.haml"
    path.write_text("%div\n" + head + "\n" + _HAML_SNIPPET)
    result = run(ScanOptions(paths=(str(path),)))
    assert bool(result.detections) is live
    assert any(f.rule == "RL120" for f in result.findings) is not live


def test_php_functions_this_file_never_runs() -> None:
    # Run: called at the top level, called from a function that runs, hooked anywhere (even from a
    # method nothing here calls), a constructor of a class instantiated here. Not run: a function
    # whose only mention is its own head, a comment, or a call from a function that never runs.
    php = """<?php
// helper_in_comment() is only named in this comment
function called_here() { from_called(); }
function from_called() {}
function from_unreached() {}
function unreached() { from_unreached(); }
function helper_in_comment() {}
class Pixel {
    public function __construct() {}
    public function wire() { add_action('wp_head', array($this, 'hooked')); }
    public function hooked() {}
    public static function alone() {}
}
called_here();
new Pixel();
"""
    names = sorted(f.name for f in code_data.php_unreached(php))
    assert names == ["alone", "from_unreached", "helper_in_comment", "unreached", "wire"]
