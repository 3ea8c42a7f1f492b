"""Issue 11, docs: the GitHub Action (`action.yml`) runs as written, the configuration reference
covers every key with examples that load, and the README says how to install from the repository.

The action's scan step is run as Actions runs it (bash, the step's env with the inputs filled in)
against this environment's `replaylint`; the install step, a fresh virtual environment built from
the checkout, runs in the slow tier (`pytest -m slow`) and in `.ci/run`'s own install.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")  # pre-commit's own dependency, in the test extras

from analyzer import config as configmod  # noqa: E402
from analyzer.rules import RULES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
UNGATED = '<html><head>\n<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n</head></html>\n'
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def _step_env(step: dict, inputs: dict[str, str], tmp: Path) -> dict[str, str]:
    action = _action()
    values = {f"inputs.{k}": str(v.get("default", "")) for k, v in action["inputs"].items()}
    values.update({f"inputs.{k}": v for k, v in inputs.items()})
    values["github.action_path"] = str(ROOT)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_", "NO_COLOR", "FORCE_COLOR"))}
    env.update({k: EXPRESSION.sub(lambda m: values[m.group(1)], str(v)) for k, v in step.get("env", {}).items()})
    env.update(
        GITHUB_ACTIONS="true",
        GITHUB_ACTION_PATH=str(ROOT),
        GITHUB_OUTPUT=str(tmp / "github_output"),
        GITHUB_PATH=str(tmp / "github_path"),
        GITHUB_STEP_SUMMARY=str(tmp / "step_summary.md"),
        RUNNER_TEMP=str(tmp / "runner"),
    )
    (tmp / "runner").mkdir(exist_ok=True)
    return env


def _run_step(step: dict, inputs: dict[str, str], workspace: Path, bin_dir: Path) -> subprocess.CompletedProcess:
    assert step["shell"] == "bash"
    env = _step_env(step, inputs, workspace.parent)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    script = workspace.parent / f"step-{step.get('id', 'x')}.sh"
    script.write_text(step["run"], encoding="utf-8")
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "workspace"
    (ws / "dist").mkdir(parents=True)
    (ws / "dist" / "index.html").write_text(UNGATED)
    (ws / "dist" / "clean.html").write_text("<html><body>hello</body></html>\n")
    return ws


def _scan_step() -> dict:
    return next(s for s in _action()["runs"]["steps"] if s.get("id") == "scan")


def test_the_action_is_composite_and_installs_from_its_own_checkout() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "fail-on", "sarif"} <= set(action["inputs"])
    install = action["runs"]["steps"][0]
    assert (
        "pip install" in install["run"]
        and "$ACTION_PATH" in install["run"]
        and install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    )
    assert "pip install replaylint" not in install["run"]  # not on PyPI


def test_the_scan_step_annotates_writes_sarif_and_fails_on_findings(workspace: Path) -> None:
    done = _run_step(_scan_step(), {"paths": "dist", "sarif": "out.sarif"}, workspace, Path(sys.executable).parent)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith(
        "::error file=dist/index.html,line=2,col=1,title=RL101 recorder-ungated::Hotjar loads without waiting for consent"
    )
    assert done.stdout.splitlines()[-1] == "replaylint: 2 findings (1 high, 1 info); 1 at or above high: the check fails"
    sarif = json.loads((workspace / "out.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["RL101", "RL502"]  # RL502: no policy page among the scanned files
    assert (workspace.parent / "github_output").read_text() == "sarif=out.sarif\n"
    assert (workspace.parent / "step_summary.md").read_text().startswith("## replaylint: ")


def test_the_scan_step_passes_a_clean_path_and_takes_extra_args(workspace: Path) -> None:
    done = _run_step(
        _scan_step(),
        {"paths": "dist/clean.html\n", "format": "text", "args": "--fail-on-error --sort severity"},
        workspace,
        Path(sys.executable).parent,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "replaylint: no findings; none at or above high: the check passes"
    assert not (workspace.parent / "github_output").exists()


def test_the_scan_step_stops_on_a_tool_failure_before_the_report(workspace: Path) -> None:
    done = _run_step(_scan_step(), {"paths": "dsit", "sarif": "out.sarif"}, workspace, Path(sys.executable).parent)
    assert done.returncode == 2
    assert done.stderr == "replaylint: no such file or folder: dsit\n" and done.stdout == ""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("python3") is None, reason="needs python3 on PATH, as the runner has")
def test_the_whole_action_installs_and_scans(workspace: Path) -> None:
    steps = _action()["runs"]["steps"]
    install = _run_step(steps[0], {}, workspace, Path("/nonexistent"))
    assert install.returncode == 0, install.stdout + install.stderr
    bin_dir = Path((workspace.parent / "github_path").read_text().strip())
    assert (bin_dir / "replaylint").exists()
    done = _run_step(steps[1], {"paths": "dist"}, workspace, bin_dir)
    assert done.returncode == 1 and "::error file=dist/index.html" in done.stdout


# -- configuration reference ------------------------------------------------------------------

CONFIG_DOC = ROOT / "docs" / "configuration.md"


def test_the_configuration_reference_lists_every_key_with_type_and_default() -> None:
    text = CONFIG_DOC.read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| \[`([a-z-]+)`\]\([^)]*\) \|[^|]+\|[^|]+\|[^|]+\|$", text, re.M)}
    assert set(rows) == configmod._KEYS
    for key in configmod._KEYS:
        assert f"\n### {key}" in text or any(
            f"### {key} and" in line or f"and {key}" in line for line in text.splitlines() if line.startswith("###")
        ), key


def test_every_example_of_the_configuration_reference_loads(tmp_path: Path) -> None:
    """Each TOML example is written as the file it shows (pyproject.toml or .replaylint.toml) and
    loaded: a key renamed in the code and not in the page fails here."""
    (tmp_path / "replaylint-signatures").mkdir()
    blocks = re.findall(r"```toml\n(.*?)```", CONFIG_DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 12
    for block in blocks:
        name = "pyproject.toml" if "[tool.replaylint" in block else ".replaylint.toml"
        path = tmp_path / name
        path.write_text(block, encoding="utf-8")
        cfg = configmod.load(path, frozenset(RULES))
        assert cfg.source is not None
        path.unlink()


def test_the_config_docstring_points_to_the_reference() -> None:
    assert "docs/configuration.md" in (configmod.__doc__ or "")


# -- README -----------------------------------------------------------------------------------

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(text: str, title: str) -> str:
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_the_readme_keeps_exactly_two_set_up_commands() -> None:
    commands = re.findall(r"```sh\n(.*?)```", _section(README, "Set-up"), re.S)
    assert [c.strip().splitlines() for c in commands] == [
        ["python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/replaylint scan fixtures/site/dist"],
        ["python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest -q"],
    ]


def test_install_from_the_repository_is_documented_and_the_registry_is_not_implied() -> None:
    install = _section(README, "Install in another project")
    assert "pip install git+https://github.com/replaylint/replaylint" in install and "not on PyPI" in install
    for doc in (README, (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")):
        assert not re.search(r"pip install replaylint\b", doc)
        assert "https://…" not in doc and "rev: v0.1.0" not in doc
