"""Issue 11, exit codes and summaries: the end-of-run summary groups recorder sites by vendor and
consent status and findings by rule, goes to stderr when the report goes to a file, counts what
suppressions and the baseline left out in every format, and speaks plain words.

Each test names what the run printed before the fix.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.rules.common import MECHANISM_WORDS

ROOT = Path(__file__).resolve().parent.parent
UNGATED = '<html><head>\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n</head></html>\n'
GATED = (
    '<html><head>\n<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>\n'
    '<script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n</head></html>\n'
)
CLARITY = '<html><head>\n<script src="https://www.clarity.ms/tag/abcdef"></script>\n</head></html>\n'
SUPPRESSED = (
    "<html><head>\n<!-- replaylint: ignore[RL101] -- blocked by our edge worker until consent -->\n"
    '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n</head></html>\n'
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "dist").mkdir()
    return tmp_path / "dist"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _three_vendors(site: Path) -> None:
    (site / "a.html").write_text(UNGATED)
    (site / "b.html").write_text(GATED)
    (site / "c.html").write_text(CLARITY)
    (site / "d.html").write_text(UNGATED)


def test_summary_groups_sites_by_vendor_and_status_and_findings_by_rule(site, capsys) -> None:
    """Before: one line, '4 recorder site(s) (1 gated, 3 ungated) of 2 vendor(s): clarity, hotjar'."""
    _three_vendors(site)
    code, out, _ = run(capsys, "scan", "dist")
    assert code == 1
    lines = out.splitlines()
    table = lines.index(next(line for line in lines if line.strip().startswith("recorder sites")))
    assert lines[table].split() == ["recorder", "sites", "ungated", "unverifiable", "gated"]
    assert lines[table + 1].split() == ["Hotjar", "2", "-", "1"]  # display names, worst status first
    assert lines[table + 2].split() == ["Microsoft", "Clarity", "1", "-", "-"]
    rules = lines.index("  findings by rule")
    assert [line.split()[:2] for line in lines[rules + 1 : rules + 3]] == [["3", "RL101"], ["1", "RL100"]]
    assert lines[-1] == "replaylint: 5 findings (3 high, 2 info); 3 at or above high: the check fails"


def test_a_scan_without_recorders_never_reads_empty_parentheses(site, capsys) -> None:
    """Before: '0 recorder site(s) () of 0 vendor(s)'."""
    (site / "index.html").write_text("<html><body><p>Hello</p></body></html>\n")
    code, out, _ = run(capsys, "scan", "dist")
    assert code == 0
    assert "()" not in out and "of 0 vendor" not in out
    assert "  no session recorder found" in out.splitlines()
    assert out.splitlines()[-1] == "replaylint: no findings; none at or above high: the check passes"


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "text"])
def test_with_an_output_file_the_summary_goes_to_stderr(site, capsys, fmt: str) -> None:
    """Before: `-o` wrote the file, printed nothing and exited 1 without a word."""
    _three_vendors(site)
    code, out, err = run(capsys, "scan", "dist", "--format", fmt, "-o", f"report.{fmt}")
    assert (code, out) == (1, "")
    assert "  findings by rule" in err.splitlines()
    assert "replaylint: 5 findings (3 high, 2 info); 3 at or above high: the check fails" in err.splitlines()
    assert err.splitlines()[-1] == f"replaylint: report written to report.{fmt}"


def test_quiet_with_an_output_file_still_says_whether_the_check_fails(site, capsys) -> None:
    _three_vendors(site)
    code, out, err = run(capsys, "scan", "dist", "--format", "json", "-o", "r.json", "--quiet")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "replaylint: 5 findings (3 high, 2 info); 3 at or above high: the check fails",
        "replaylint: report written to r.json",
    ]


def _suppressed_and_baselined(site: Path, capsys) -> None:
    (site / "old.html").write_text(CLARITY)
    assert run(capsys, "baseline", "base.json", "dist")[0] == 0
    (site / "kept.html").write_text(SUPPRESSED)
    (site / "new.html").write_text(UNGATED)


def test_suppressed_and_baselined_findings_are_counted_in_the_text_summary(site, capsys) -> None:
    """Before: suppressed findings were not counted anywhere; the baseline only in text."""
    _suppressed_and_baselined(site, capsys)
    code, out, _ = run(capsys, "scan", "dist", "--baseline", "base.json")
    assert code == 1
    assert "  not reported: 1 suppressed inline, 1 in the baseline" in out.splitlines()


def test_suppressed_and_baselined_findings_are_counted_in_every_format(site, capsys) -> None:
    _suppressed_and_baselined(site, capsys)
    doc = json.loads(run(capsys, "scan", "dist", "--baseline", "base.json", "--format", "json")[1])
    assert (doc["summary"]["suppressed"], doc["summary"]["baselined"]) == (1, 1)
    sarif = json.loads(run(capsys, "scan", "dist", "--baseline", "base.json", "--format", "sarif")[1])
    assert sarif["runs"][0]["properties"] == {"suppressed": 1, "baselined": 1}
    github = run(capsys, "scan", "dist", "--baseline", "base.json", "--format", "github")[1]
    assert "  not reported: 1 suppressed inline, 1 in the baseline" in github.splitlines()
    markdown = run(capsys, "scan", "dist", "--baseline", "base.json", "--format", "markdown")[1]
    assert "not reported: 1 suppressed inline, 1 in the baseline" in markdown
    assert run(capsys, "scan", "dist", "--baseline", "base.json", "--format", "html", "-o", "r.html")[0] == 1
    html = (site.parent / "r.html").read_text(encoding="utf-8")
    assert re.search(r"suppressed inline</dt><dd>1</dd>", html) and re.search(r"in the baseline</dt><dd>1</dd>", html)


def test_json_summary_has_vendor_by_status_and_rule_statistics(site, capsys) -> None:
    _three_vendors(site)
    summary = json.loads(run(capsys, "scan", "dist", "--format", "json")[1])["summary"]
    assert summary["vendor_consent"] == {
        "clarity": {"gated": 0, "ungated": 1, "unverifiable": 0},
        "hotjar": {"gated": 1, "ungated": 2, "unverifiable": 0},
    }
    assert summary["rules"] == {"RL100": 1, "RL101": 3, "RL502": 1}  # RL502: no privacy page in dist
    assert summary["vendors"] == {"clarity": 1, "hotjar": 3}  # the old keys stay


# -- plain words ------------------------------------------------------------------------------

JARGON = re.compile(r"\((none|no-consent-check|cmp-markup|code-guard|autoblocker|look-alike-type|[a-z]+(-[a-z]+)+)\)")


def test_the_text_report_names_no_mechanism_id(site, capsys) -> None:
    """Before: 'Hotjar loads without waiting for consent (none)', '… (no-consent-check)'."""
    _three_vendors(site)
    (site / "app.js").write_text("import LogRocket from 'logrocket';\nLogRocket.init('acme/app');\n")
    (site / "auto.html").write_text(
        '<html><head>\n<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-blockingmode="auto"></script>\n'
        '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n</head></html>\n'
    )
    _, out, _ = run(capsys, "scan", "dist", "--fail-on", "info")
    messages = [line for line in out.splitlines() if re.match(r"dist/\S+:\d+:\d+: RL10[012] ", line)]
    assert len(messages) == 6
    assert not [m for m in messages if JARGON.search(m)], messages
    assert "dist/a.html:2:1: RL101 high Hotjar loads without waiting for consent (nothing holds it back)" in messages
    assert (
        "dist/app.js:2:1: RL101 high LogRocket loads without waiting for consent (the code starts it without a consent check)" in messages
    )


def test_every_consent_mechanism_has_plain_words() -> None:
    """A mechanism added to the analyzer without words would reach the user as its id. Every
    mechanism the analyzer can give is a member of analyzer.kinds.Mechanism (tests/test_kinds.py
    checks no id is written as a literal)."""
    from analyzer.kinds import Mechanism

    assert set(Mechanism) <= set(MECHANISM_WORDS), sorted(set(Mechanism) - set(MECHANISM_WORDS))
