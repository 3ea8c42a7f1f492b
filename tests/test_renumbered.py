"""Rule ids regrouped by meaning (RL201 -> RL130, RL401 -> RL140): a user's old ids keep working
in suppressions, configuration, baselines, SARIF alert identity and ``explain``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.model import RENUMBERED, Finding, Location, Severity, current_prefixes, fingerprint
from analyzer.rules import RULES, lookup

INACTIVE = "import LogRocket from 'logrocket';\nexport const x = 1;\n"
GTM = '<html><head><script async src="https://www.googletagmanager.com/gtm.js?id=GTM-ABC123"></script></head></html>\n'


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "app.js").write_text(INACTIVE)
    (tmp_path / "site" / "index.html").write_text(GTM)
    return tmp_path


def _rules(capsys, *args: str) -> list[str]:
    main(["scan", "site", "--format", "json", "--ignore", "RL5", *args])
    return sorted(f["rule"] for f in json.loads(capsys.readouterr().out)["findings"])


def test_every_old_id_points_at_a_registered_rule_and_no_old_id_is_reused() -> None:
    assert all(new in RULES and old not in RULES for old, new in RENUMBERED.items())


def test_the_site_fires_the_new_ids(site, capsys) -> None:
    assert _rules(capsys) == ["RL130", "RL140"]


@pytest.mark.parametrize(
    ("written", "left"), [("RL201", ["RL140"]), ("RL2", ["RL140"]), ("RL401", ["RL130"]), ("RL4", ["RL130"]), ("RL130", ["RL140"])]
)
def test_ignore_accepts_old_ids_and_old_group_prefixes(site, capsys, written: str, left: list[str]) -> None:
    assert _rules(capsys, "--ignore", written) == left


def test_select_and_severity_in_the_config_accept_old_ids(site, capsys) -> None:
    (site / ".replaylint.toml").write_text('select = ["RL201"]\n[severity]\nRL201 = "high"\n')
    main(["scan", "site", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["severity"]) for f in found] == [("RL130", "high")]


def test_an_old_id_in_a_suppression_covers_the_renumbered_rule(site, capsys) -> None:
    (site / "site" / "app.js").write_text("// replaylint: ignore[RL201] -- removed next sprint\n" + INACTIVE)
    assert _rules(capsys) == ["RL140"]


def test_a_prefix_that_matches_nothing_old_or_new_is_still_an_error() -> None:
    assert current_prefixes("RL7", set(RULES)) == ()
    assert current_prefixes("RL2", set(RULES)) == ("RL130",)
    assert current_prefixes("RL1", set(RULES)) == ("RL1",)


def test_fingerprints_keep_the_old_id_so_old_baselines_still_match() -> None:
    f = Finding(
        rule="RL130",
        name="sdk-inactive",
        severity=Severity.INFO,
        location=Location(path="app.js", line=1, column=1),
        message="m",
        evidence="e",
    )
    assert f.fingerprint == fingerprint("RL201", "app.js", "e")
    assert fingerprint("RL101", "a.html", "e") != fingerprint("RL100", "a.html", "e")


def test_a_baseline_whose_entries_name_the_old_ids_still_covers(site, capsys) -> None:
    main(["baseline", "base.json", "site"])
    capsys.readouterr()
    doc = json.loads((site / "base.json").read_text())
    # What a baseline written under the old ids held: same fingerprints, old rule names.
    for entry in doc["findings"]:
        entry["rule"] = {new: old for old, new in RENUMBERED.items()}.get(entry["rule"], entry["rule"])
    (site / "base.json").write_text(json.dumps(doc))
    assert _rules(capsys, "--baseline", "base.json") == []


def test_explain_and_sarif_know_the_old_ids(site, capsys) -> None:
    assert lookup("RL201") is RULES["RL130"] and lookup("rl401") is RULES["RL140"]
    main(["scan", "site", "--format", "sarif"])
    rules = {r["id"]: r for r in json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["RL130"]["deprecatedIds"] == ["RL201"] and "deprecatedIds" not in rules["RL101"]
