"""Issue 11, linter manners: what a user of ruff, eslint or semgrep expects of the command line.

`exclude` resolved against the project root (ruff), a notice for a pattern that matches nothing,
NO_COLOR / FORCE_COLOR / --color, findings by file then severity with --sort, `explain` listing
and suggesting, `vendors --cmps` and public sources, suppressions that need a reason. Each test
names what the tool did before the fix.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.report.terminal import use_color
from analyzer.rules import RULES

UNGATED = '<html><head>\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n</head></html>\n'
# RL303 (low, an e-mail field recorded by LogRocket) on line 5, RL101 (high) on line 2.
MIXED = (
    "<html><head>\n"
    '<script src="https://cdn.logr-in.com/LogRocket.min.js"></script>\n'
    "<script>window.LogRocket && window.LogRocket.init('acme/app');</script>\n"
    '</head><body><form>\n<label for="e">Email</label><input id="e" name="email" type="email">\n'
    "</form></body></html>\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "site" / "drafts").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text(UNGATED)
    (tmp_path / "site" / "drafts" / "old.html").write_text(UNGATED)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    # These sites have no privacy page, so every scan would also carry the site-level RL502 (tested in
    # test_disclosure*.py); leaving the RL5xx rules out keeps these tests about what they test.
    if args and args[0] == "scan":
        args = (*args, "--ignore", "RL5")
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _paths(out: str) -> list[str]:
    return [f["path"] for f in json.loads(out)["findings"]]


# -- exclude ----------------------------------------------------------------------------------


def test_config_exclude_is_relative_to_the_config_file(project, capsys) -> None:
    """Before: 'site/drafts' was matched against paths below each scanned root ('drafts/old.html')
    and excluded nothing; the output printed the path the pattern spelt."""
    (project / ".replaylint.toml").write_text('exclude = ["site/drafts"]\n')
    code, out, err = run(capsys, "scan", "site", "--format", "json")
    assert (_paths(out), err) == (["site/index.html"], "")


def test_config_exclude_is_relative_to_the_config_file_from_any_folder(project, capsys, monkeypatch) -> None:
    (project / ".replaylint.toml").write_text('exclude = ["site/drafts/*"]\n')
    (project / "elsewhere").mkdir()
    monkeypatch.chdir(project / "elsewhere")
    _, out, _ = run(capsys, "scan", "../site", "--format", "json")
    assert _paths(out) == ["../site/index.html"]


def test_command_line_exclude_is_relative_to_the_current_folder(project, capsys) -> None:
    """Before: '--exclude site/drafts' excluded nothing (the root 'site' is not below itself)."""
    _, out, _ = run(capsys, "scan", "site", "--format", "json", "--exclude", "site/drafts")
    assert _paths(out) == ["site/index.html"]


def test_a_bare_name_still_matches_at_any_depth(project, capsys) -> None:
    _, out, err = run(capsys, "scan", "site", "--format", "json", "--exclude", "drafts")
    assert (_paths(out), err) == (["site/index.html"], "")


def test_an_exclude_that_matches_nothing_is_reported(project, capsys) -> None:
    """Before: a typo ('draft/*') or a pattern relative to the wrong folder said nothing."""
    (project / ".replaylint.toml").write_text('exclude = ["drafts/*"]\n')
    code, out, err = run(capsys, "scan", "site", "--format", "json")
    assert code == 1 and len(_paths(out)) == 2
    assert err == (
        f"replaylint: exclude pattern 'drafts/*' ({project / '.replaylint.toml'}) matched nothing; "
        f"a pattern with a '/' is relative to {project.resolve()}\n"
    )


def test_files_named_one_by_one_get_no_exclude_notice(project, capsys) -> None:
    """pre-commit passes staged files: no folder is walked, so no pattern could match."""
    (project / ".replaylint.toml").write_text('exclude = ["site/drafts"]\n')
    code, _, err = run(capsys, "scan", "site/index.html", "--quiet")
    assert (code, err) == (1, "")


# -- colour -----------------------------------------------------------------------------------

RED = "\x1b[31mhigh\x1b[0m"


@pytest.mark.parametrize(
    "args,env,coloured",
    [
        ((), {}, False),  # not a terminal
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
    ],
    ids=["pipe", "force-color", "no-color-wins", "always", "never"],
)
def test_colour_follows_the_flag_then_no_color_then_force_color(project, capsys, monkeypatch, args, env, coloured) -> None:
    """Before: FORCE_COLOR and NO_COLOR were ignored and there was no --color."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _, out, _ = run(capsys, "scan", "site", *args)
    assert (RED in out) is coloured
    assert ("\x1b" in out) is coloured


def test_never_colour_a_report_file(project, capsys, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    run(capsys, "scan", "site", "-o", "report.txt")
    assert "\x1b" not in (project / "report.txt").read_text()


class _Tty:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "env,expected",
    [
        ({}, True),
        ({"TERM": "dumb"}, False),
        ({"NO_COLOR": "1"}, False),
        ({"NO_COLOR": ""}, True),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "0"}, True),
    ],
    ids=["terminal", "term-dumb", "no-color", "empty-no-color-ignored", "force-beats-dumb", "force-color-0-is-not-forcing"],
)
def test_colour_on_a_terminal(env: dict, expected: bool) -> None:
    assert use_color("auto", _Tty(), env) is expected


# -- order ------------------------------------------------------------------------------------


def _located(out: str) -> list[tuple[str, str, int]]:
    return [(f["path"], f["severity"], f["line"]) for f in json.loads(out)["findings"]]


def test_findings_are_ordered_by_file_then_severity(project, capsys) -> None:
    """Before: by file then line, so a low finding above a high one came first."""
    (project / "site" / "a.html").write_text(
        '<html><body><form><label for="e">Email</label><input id="e" name="email" type="email"></form>\n'
        '<script src="https://cdn.logr-in.com/LogRocket.min.js"></script>\n'
        "<script>window.LogRocket && window.LogRocket.init('acme/app');</script>\n</body></html>\n"
    )
    _, out, _ = run(capsys, "scan", "site", "--format", "json", "--exclude", "drafts")
    assert _located(out) == [("site/a.html", "high", 2), ("site/a.html", "low", 1), ("site/index.html", "high", 2)]
    _, text, _ = run(capsys, "scan", "site", "--exclude", "drafts")
    assert [line.split(": ")[0] for line in text.splitlines() if line.startswith("site/")] == [
        "site/a.html:2:1",
        "site/a.html:1:47",
        "site/index.html:2:1",
    ]


def test_sort_by_severity_and_by_rule(project, capsys) -> None:
    (project / "site" / "a.html").write_text(MIXED)
    _, out, _ = run(capsys, "scan", "site", "--format", "json", "--exclude", "drafts", "--sort", "severity")
    assert [sev for _, sev, _ in _located(out)] == ["high", "high", "low"]
    _, out, _ = run(capsys, "scan", "site", "--format", "json", "--exclude", "drafts", "--sort", "rule")
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["RL101", "RL101", "RL303"]


# -- explain and vendors ----------------------------------------------------------------------


def test_explain_without_an_argument_lists_the_rules(capsys) -> None:
    """Before: 'Error: Missing argument RULE_ID', exit 2."""
    code, out, err = run(capsys, "explain")
    assert (code, err) == (0, "")
    listed = [line.split()[0] for line in out.splitlines() if re.match(r"RL\d{3} ", line)]
    assert listed == list(RULES)
    assert "RL101  recorder-ungated" in out


@pytest.mark.parametrize("typo,nearest", [("RL3O1", "RL301"), ("recorder-ungatd", "RL101"), ("suppresion-invalid", "RL901")])
def test_an_unknown_rule_suggests_the_nearest(capsys, typo: str, nearest: str) -> None:
    """Before: 'unknown rule' and every id in one line."""
    code, out, err = run(capsys, "explain", typo)
    assert (code, out) == (2, "")
    assert f"Did you mean {nearest} ({RULES[nearest].name})?" in err


def test_vendors_cmps_lists_the_consent_managers(capsys) -> None:
    """Before: no way to list them ('No such option: --cmps')."""
    code, out, _ = run(capsys, "vendors", "--cmps", "--format", "json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 0 and {"cookiebot", "onetrust", "usercentrics", "didomi", "klaro"} <= set(rows)
    assert rows["cookiebot"]["gates_by"] == ["markup", "auto-blocking", "code"]
    assert rows["google-consent-mode"]["gates_by"] == []  # recognised, but never gates a recorder
    code, text, _ = run(capsys, "vendors", "--cmps")
    assert text.splitlines()[-1] == f"{len(rows)} consent managers"


def test_vendors_show_public_sources_only(capsys) -> None:
    """Before: 'source: find_string capturly (Capturly WordPress plugin …, id 44072802027)'."""
    _, out, _ = run(capsys, "vendors")
    sources = [line.split("source: ", 1)[1] for line in out.splitlines() if "source: " in line]
    assert sources and all(s.startswith(("https://", "http://", "no public page")) for s in sources)
    assert "find_string" not in out and "shared/research" not in out
    rows = json.loads(run(capsys, "vendors", "--format", "json")[1])
    assert all(src.startswith(("https://", "http://")) for r in rows for src in r["sources"])
    assert sum(1 for r in rows if r["sources"]) >= len(rows) - 10


# -- suppressions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "directive,rules",
    [
        ("<!-- replaylint: ignore[RL101] -- our edge worker strips it until consent -->", []),
        ("<!-- replaylint: ignore[RL101] -->", ["RL101", "RL901"]),
        ("<!-- replaylint: ignore[RL101] -- -->", ["RL101", "RL901"]),
    ],
    ids=["with-reason", "no-reason", "empty-reason"],
)
def test_a_suppression_needs_a_reason(project, capsys, directive: str, rules: list[str]) -> None:
    """Before: a suppression without '-- reason' was accepted silently."""
    (project / "site" / "index.html").write_text(UNGATED.replace("<head>\n", f"<head>\n{directive}\n"))
    _, out, _ = run(capsys, "scan", "site", "--format", "json", "--exclude", "drafts")
    findings = json.loads(out)["findings"]
    assert sorted(f["rule"] for f in findings) == rules
    if rules:
        assert next(f for f in findings if f["rule"] == "RL901")["message"].startswith("malformed suppression: no reason")


def test_the_reason_can_be_made_optional(project, capsys) -> None:
    (project / ".replaylint.toml").write_text("require-suppression-reason = false\n")
    (project / "site" / "index.html").write_text(UNGATED.replace("<head>\n", "<head>\n<!-- replaylint: ignore[RL101] -->\n"))
    code, out, _ = run(capsys, "scan", "site", "--format", "json", "--exclude", "drafts")
    assert (code, json.loads(out)["findings"], json.loads(out)["summary"]["suppressed"]) == (0, [], 1)


def test_require_suppression_reason_must_be_a_boolean(project, capsys) -> None:
    (project / ".replaylint.toml").write_text('require-suppression-reason = "no"\n')
    code, _, err = run(capsys, "scan", "site")
    assert code == 2 and "'require-suppression-reason' must be true or false" in err
