"""Issue 11, the text report: a sensitive field on a recorded page that the recorder masks is named
(before, only the JSON said so), and `--quiet` counts what it hides (before, a medium RL302 on a
Social Security number field recorded by LogRocket vanished without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.cli import main
from tests.report_fixtures import LOGROCKET_SSN

# Hotjar masks typed text by default; Mouseflow masks only password inputs.
HOTJAR_EMAIL = (
    "<html><head>\n"
    '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n'
    "</head><body>\n<form>\n"
    '<label for="email">Email</label>\n'
    '<input id="email" name="email" type="email">\n'
    "</form>\n</body></html>\n"
)
BOTH_EMAIL = HOTJAR_EMAIL.replace(
    "</head>", '<script src="https://cdn.mouseflow.com/projects/0b5d8e2a-1111-2222-3333-444455556666.js"></script>\n</head>'
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "dist").mkdir()
    return tmp_path / "dist"


def run(capsys, *args: str) -> tuple[int, str, str]:
    # These sites have no privacy page, so every scan would also carry the site-level RL502 (tested in
    # test_disclosure*.py); leaving the RL5xx rules out keeps these tests about what they test.
    if args and args[0] == "scan":
        args = (*args, "--ignore", "RL5")
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_quiet_counts_the_findings_it_hides(site, capsys) -> None:
    (site / "intake.html").write_text(LOGROCKET_SSN)
    code, out, err = run(capsys, "scan", "dist", "--quiet")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "dist/intake.html:2:1: RL101 high LogRocket loads without waiting for consent (nothing holds it back)",
        "replaylint: 2 findings below high not shown: 1 medium (RL302), 1 low (RL303); run without --quiet to see them",
    ]


def test_quiet_with_nothing_hidden_adds_nothing(site, capsys) -> None:
    (site / "intake.html").write_text(LOGROCKET_SSN)
    _, out, _ = run(capsys, "scan", "dist", "--quiet", "--fail-on", "low")
    assert len(out.splitlines()) == 3 and "not shown" not in out


def test_quiet_in_github_mode_counts_too(site, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (site / "intake.html").write_text(LOGROCKET_SSN)
    _, out, _ = run(capsys, "scan", "dist", "--quiet")
    assert out.splitlines()[-1].startswith("replaylint: 2 findings below high not shown: 1 medium (RL302)")


def test_a_field_every_recorder_masks_is_named(site, capsys) -> None:
    """Before: no line of the text report mentioned the e-mail field (no finding fires on it)."""
    (site / "contact.html").write_text(HOTJAR_EMAIL)
    _, out, _ = run(capsys, "scan", "dist")
    assert (
        "dist/contact.html:6:1: note: field 'Email' (contact details) is on a recorded page; masked by Hotjar (Hotjar masks typed text by "
        "default)" in out.splitlines()
    )
    assert "masked by every recorder that reaches them" in out


def test_a_finding_on_a_field_says_which_recorder_masks_it(site, capsys) -> None:
    """Before: 'is recorded by Mouseflow', and nothing about Hotjar, which reaches it too."""
    (site / "contact.html").write_text(BOTH_EMAIL)
    _, out, _ = run(capsys, "scan", "dist")
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if " RL303 " in line)
    assert "is recorded by Mouseflow" in lines[at]
    block = lines[at + 1 : next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("    "))]
    assert "    masked by: Hotjar (Hotjar masks typed text by default)" in block


def test_the_same_masked_field_on_many_pages_is_one_note(site, capsys) -> None:
    for i in range(6):
        (site / f"p{i}.html").write_text(HOTJAR_EMAIL)
    _, out, _ = run(capsys, "scan", "dist")
    notes = [line for line in out.splitlines() if ": note: field 'Email'" in line]
    assert notes == [
        "dist/p0.html:6:1: note: field 'Email' (contact details) is on a recorded page; masked by Hotjar (Hotjar masks typed text by "
        "default)"
    ]
    assert "    also on: dist/p1.html:6:1, dist/p2.html:6:1, dist/p3.html:6:1 (+2 more)" in out.splitlines()
