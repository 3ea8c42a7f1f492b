"""A template condition's infix ``not in`` (Jinja, Django, Twig, Nunjucks, Python) negates the membership:
``{% if 'C0002:1' not in request.COOKIES.OptanonConsent %}`` renders exactly when analytics was not granted, so it
gates nothing (review s42, finding 1); ``'analytics' in …`` and ``not x in y`` keep their reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

HOTJAR = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'


def _scan(tmp_path: Path, page: str) -> tuple[str, str]:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text(f"<html><head>{page}</head><body></body></html>\n")
    (detection,) = run(ScanOptions(paths=(str(tmp_path),))).detections
    return detection.verdict.status, detection.verdict.evidence


@pytest.mark.parametrize(
    "condition",
    [
        "'C0002:1' not in request.COOKIES.OptanonConsent",
        "'analytics' not in request.COOKIES.cookie_consent",
        "'analytics' not in consent.categories",
        "'analytics'  NOT  IN consent.categories",
        "user.is_authenticated and 'analytics' not in consent.categories",
    ],
)
def test_a_negated_membership_renders_without_consent(tmp_path: Path, condition: str) -> None:
    status, evidence = _scan(tmp_path, f"{{% if {condition} %}}{HOTJAR}{{% endif %}}")
    assert status == "ungated"
    assert "holds when consent is missing" in evidence


def test_the_else_of_a_negated_membership_gates(tmp_path: Path) -> None:
    page = f"{{% if 'analytics' not in consent.categories %}}{{% else %}}{HOTJAR}{{% endif %}}"
    assert _scan(tmp_path, page)[0] == "gated"


@pytest.mark.parametrize(
    ("condition", "status"),
    [
        ("'analytics' in consent.categories", "gated"),
        ("'C0002:1' in request.COOKIES.OptanonConsent", "gated"),
        ("'analytics' in request.COOKIES.cookie_consent", "gated"),
        ("not 'analytics' in consent.categories", "ungated"),
        ("not ('analytics' in consent.categories)", "ungated"),
        ("not 'C0002:1' in request.COOKIES.OptanonConsent", "ungated"),
    ],
)
def test_look_alikes_keep_their_reading(tmp_path: Path, condition: str, status: str) -> None:
    assert _scan(tmp_path, f"{{% if {condition} %}}{HOTJAR}{{% endif %}}")[0] == status
