"""Reading a consent manager's configuration costs its size (analyzer/facts/cmp_config.py): s42 review finding 3, where
8,000 categories sharing ``...base`` took 75 s because every entry re-read the whole configuration's ``mode`` and
re-searched the references of ``base``. A large configuration keeps its verdicts (one category that overrides the
shared object, the last definition winning), a configuration read past the file's budget is left unread with a
diagnostic and the markup verdict stands, and a minified ``readOnly: !0`` means ``true`` to RL504's filings as it does
to the markup verdict (one truth rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.facts import cmp_filing
from analyzer.kinds import Mechanism
from analyzer.model import Status
from analyzer.parse import budget
from analyzer.scan import ScanOptions, run
from tests.conftest import finishes_within

LOADER = '<script src="https://cdn.jsdelivr.net/gh/orestbida/cookieconsent@3.1.0/dist/cookieconsent.umd.js"></script>'
RECORDER = '<script type="text/plain" data-category="analytics" src="https://static.hotjar.com/c/hotjar-3581204.js?sv=6"></script>'


def _config(base: str, mode: str, analytics: str, count: int) -> str:
    """``count`` categories that spread ``base``, then the analytics category (read last)."""
    others = ", ".join(f"c{i}: {{enabled: false, ...base}}" for i in range(count))
    return f"const base = {base};\nCookieConsent.run({{mode: '{mode}', categories: {{ {others}, analytics: {analytics} }}}});\n"


def _scan(tmp_path: Path, config: str, inline: bool = False):
    if inline:
        head = f"{LOADER}<script>{config}</script>{RECORDER}"
    else:
        (tmp_path / "cc.js").write_text(config)
        head = f'{LOADER}<script src="/cc.js"></script>{RECORDER}'
    (tmp_path / "index.html").write_text(f"<!DOCTYPE html><html><head>{head}</head><body><p>x</p></body></html>\n")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    [d] = [d for d in result.detections if d.vendor == "hotjar"]
    return d.verdict, result.diagnostics


def test_a_configuration_of_8000_categories_is_read_in_linear_time(tmp_path: Path) -> None:
    config = _config("{readOnly: false}", "opt-out", "{enabled: true, ...base}", 8000)
    with finishes_within(20, "a configuration of 8,000 categories sharing one spread"):
        verdict, _ = _scan(tmp_path, config)
    assert (verdict.status, verdict.mechanism) == (Status.UNGATED, Mechanism.CMP_CONFIG), verdict
    assert "mode: 'opt-out' and enabled: true on the category 'analytics'" in verdict.evidence


CASES = {  # (base, mode, analytics, status)
    "spread-read-only": ("{readOnly: true}", "opt-in", "{enabled: false, ...base}", Status.UNGATED),
    "spread-after-an-own-flag-wins": ("{readOnly: true}", "opt-in", "{readOnly: false, ...base}", Status.UNGATED),
    "own-flag-after-the-spread-wins": ("{readOnly: true}", "opt-in", "{...base, readOnly: false}", Status.GATED),
    "opt-out-analytics-off": ("{readOnly: false}", "opt-out", "{enabled: false, ...base}", Status.GATED),
    "opt-in-analytics-on": ("{readOnly: false}", "opt-in", "{enabled: true, ...base}", Status.GATED),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_large_configuration_keeps_its_verdicts(tmp_path: Path, case) -> None:
    base, mode, analytics, status = case
    # the other categories share the spread (read-only ones run without consent too); the recorder's category decides
    verdict, _ = _scan(tmp_path, _config(base, mode, analytics, 500))
    if status is Status.GATED:
        assert (verdict.status, verdict.mechanism) == (Status.GATED, Mechanism.CMP_MARKUP), verdict
    else:
        assert (verdict.status, verdict.mechanism) == (status, Mechanism.CMP_CONFIG), verdict


def test_a_configuration_past_the_budget_is_left_unread_with_a_diagnostic(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(budget, "BASE_STEPS", 0)
    monkeypatch.setattr(budget, "STEPS_PER_BYTE", 0)
    verdict, diagnostics = _scan(tmp_path, _config("{readOnly: true}", "opt-out", "{enabled: true}", 10), inline=True)
    # unread, the configuration changes nothing: the markup verdict stands (no crash, no verdict the markup does not give)
    assert (verdict.status, verdict.mechanism) == (Status.GATED, Mechanism.CMP_MARKUP), verdict
    notes = [d for d in diagnostics if d.code == "analysis-budget" and "consent manager's configuration" in d.message]
    assert [(Path(n.path).name, n.line) for n in notes] == [("index.html", 1)], diagnostics


@pytest.mark.parametrize(
    ("flag", "filed"),
    [("readOnly: !0", True), ("readOnly:!0", True), ("readOnly: true", True), ("readOnly: !1", False), ("readOnly: false", False)],
)
def test_a_minified_flag_means_the_same_to_the_filings(flag: str, filed: bool, db) -> None:
    text = f"CookieConsent.run({{categories: {{statistics: {{{flag}, services: {{hotjar: {{label: 'Hotjar'}}}}}}}}}});"
    problems = [f.problem for f in cmp_filing.filings(text, "js", db) if f.problem]
    assert bool(problems) is filed, problems
    if filed:
        assert problems == ["readOnly: true on the category (the visitor cannot refuse it)"]
