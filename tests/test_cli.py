"""The command line: exit code, stdout and stderr asserted together (yamllint tests/test_cli.py style)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.rules import RULES

UNGATED = '<html><head><script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head></html>'
GATED = (
    '<html><head><script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>'
    '<script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head></html>'
)
AUTOBLOCK = (
    '<html><head><script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-blockingmode="auto"></script>'
    '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head></html>'
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dist").mkdir()
    return tmp_path / "dist"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ungated_recorder_exits_1_with_location_rule_and_fix(site, capsys) -> None:
    (site / "index.html").write_text(UNGATED)
    code, out, err = run(capsys, "scan", "dist")
    assert code == 1
    assert out.startswith("dist/index.html:1:13: RL101 high Hotjar loads without waiting for consent")
    assert "    fix: No consent manager was found on this page." in out
    assert err == ""


def test_gated_recorder_exits_0_and_lists_it_as_info(site, capsys) -> None:
    (site / "index.html").write_text(GATED)
    code, out, err = run(capsys, "scan", "dist")
    assert code == 0
    assert "RL100 info Hotjar waits for consent (held back by the consent manager's markup)" in out
    assert ["Hotjar", "-", "-", "1"] in [line.split() for line in out.splitlines()]
    assert err == ""


def test_fail_on_medium_fails_an_unverifiable_recorder(site, capsys) -> None:
    (site / "index.html").write_text(AUTOBLOCK)
    assert run(capsys, "scan", "dist")[0] == 0
    code, out, _ = run(capsys, "scan", "dist", "--fail-on", "medium")
    assert code == 1
    assert "RL102 medium" in out


def test_quiet_prints_only_failing_findings_one_line_each(site, capsys) -> None:
    (site / "a.html").write_text(UNGATED)
    (site / "b.html").write_text(GATED)
    code, out, err = run(capsys, "scan", "dist", "--quiet")
    assert code == 1
    assert out == (
        "dist/a.html:1:13: RL101 high Hotjar loads without waiting for consent (nothing holds it back)\n"
        "replaylint: 2 findings below high not shown: 2 info (RL100, RL502); run without --quiet to see them\n"
    )


def test_json_contract(site, capsys) -> None:
    (site / "index.html").write_text(UNGATED)
    (site / "bin.html").write_bytes(b"\x00\x01")
    code, out, _ = run(capsys, "scan", "dist", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert set(doc) >= {"detections", "fields", "findings", "diagnostics", "summary"}
    det = doc["detections"][0]
    assert {k: det[k] for k in ("vendor", "path", "line", "column", "via")} == {
        "vendor": "hotjar",
        "path": "dist/index.html",
        "line": 1,
        "column": 13,
        "via": "script-src",
    }
    assert det["consent"]["status"] == "ungated"
    assert doc["findings"][0]["rule"] == "RL101" and len(doc["findings"][0]["fingerprint"]) == 32
    assert doc["diagnostics"] == [
        {"path": "dist/bin.html", "code": "binary", "message": "skipped: binary content (NUL bytes)", "line": None, "level": "warning"}
    ]
    assert doc["summary"]["consent"] == {"gated": 0, "ungated": 1, "unverifiable": 0}


def test_output_file(site, capsys, tmp_path) -> None:
    (site / "index.html").write_text(UNGATED)
    code, out, _ = run(capsys, "scan", "dist", "--format", "json", "--output", "report.json")
    assert (code, out) == (1, "")
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["detections"] == 1


def test_unwritable_output_is_a_tool_failure(site, capsys) -> None:
    (site / "index.html").write_text(UNGATED)
    code, out, err = run(capsys, "scan", "dist", "--output", "no/such/dir/report.txt")
    assert code == 2
    assert "cannot write" in err


def test_usage_error_exits_2(capsys) -> None:
    code, out, err = run(capsys, "scan", "--fail-on", "critical", ".")
    assert code == 2
    assert "Invalid value for '--fail-on'" in err


def test_missing_path_is_a_usage_error(site, capsys) -> None:
    """Issue 13: a CI gate pointed at a folder that does not exist exited 0 (a note only)."""
    code, out, err = run(capsys, "scan", "nothing-here")
    assert (code, out) == (2, "")
    assert err == "replaylint: no such file or folder: nothing-here\n"


def test_explain_every_rule(capsys) -> None:
    for rule_id, rule in RULES.items():
        code, out, _ = run(capsys, "explain", rule_id)
        assert code == 0 and out.startswith(f"{rule_id} {rule.name}") and "**How to fix.**" in out


def test_explain_by_name_and_unknown(capsys) -> None:
    assert run(capsys, "explain", "recorder-ungated")[1].startswith("RL101")
    code, _, err = run(capsys, "explain", "RL999")
    assert code == 2 and "unknown rule 'RL999'" in err


def test_vendors_lists_every_vendor(capsys) -> None:
    code, out, _ = run(capsys, "vendors", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert {"hotjar", "clarity", "fullstory", "logrocket"} <= {r["id"] for r in rows}
    assert all(r["sources"] for r in rows if r["id"] in ("hotjar", "clarity", "fullstory", "logrocket"))


def test_jobs_two_matches_jobs_one(site, capsys) -> None:
    for i in range(20):
        (site / f"p{i}.html").write_text(UNGATED if i % 2 else GATED)
    one = run(capsys, "scan", "dist", "--format", "json", "--jobs", "1")[1]
    two = run(capsys, "scan", "dist", "--format", "json", "--jobs", "2")[1]
    strip = lambda s: {k: v for k, v in json.loads(s).items() if k != "summary"}  # noqa: E731
    assert strip(one) == strip(two)


def test_replay_addon_suite_is_medium_and_says_recording_depends_on_config(site, capsys) -> None:
    (site / "index.html").write_text('<html><head><script src="https://us-assets.i.posthog.com/static/array.js"></script></head></html>')
    code, out, _ = run(capsys, "scan", "dist", "--quiet", "--fail-on", "medium")
    assert code == 1
    assert out == (
        "dist/index.html:1:13: RL101 medium PostHog (replay-capable suite; whether it records depends on its configuration) "
        "loads without waiting for consent (nothing holds it back)\n"
        "replaylint: 1 finding below medium not shown: 1 info (RL502); run without --quiet to see them\n"
    )
