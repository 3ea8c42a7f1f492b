"""A condition around a child template's block gates nothing (analyzer/parse/template_blocks.py): the engines of
Django, Jinja, Twig, Nunjucks and Latte render a child's block wherever its parent places it, whatever surrounds
the block; a condition inside the block still gates (hunt s42, case c04)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

HOTJAR = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'

_JINJA_IF = ("{% if consent.analytics %}", "{% endif %}")
_JINJA_PARENT = "<html><head>{% block tracking %}{% endblock %}</head><body>{% block content %}{% endblock %}</body></html>\n"
_LATTE_PARENT = "<html><head>{block tracking}{/block}</head><body>{block content}{/block}</body></html>\n"


@dataclass(frozen=True)
class Dialect:
    child: str  # the child template's file
    parent: str  # its parent's file
    parent_text: str
    extends: str  # how the child names its parent
    block: tuple[str, str]  # the block's opening and closing tags
    branch: tuple[str, str] = _JINJA_IF  # a consent condition's opening and closing tags


_DIALECTS = {
    "django": Dialect(
        "templates/landing.html",
        "templates/base.html",
        _JINJA_PARENT,
        '{% extends "base.html" %}',
        ("{% block tracking %}", "{% endblock %}"),
    ),
    "jinja-scoped": Dialect(
        "templates/landing.jinja",
        "templates/base.jinja",
        _JINJA_PARENT,
        "{%- extends 'base.jinja' -%}",
        ("{% block tracking scoped %}", "{% endblock tracking %}"),
    ),
    "twig": Dialect(
        "templates/landing.html.twig",
        "templates/base.html.twig",
        _JINJA_PARENT,
        "{% extends 'base.html.twig' %}",
        ("{% block tracking %}", "{% endblock %}"),
    ),
    "nunjucks": Dialect(
        "views/landing.njk", "views/base.njk", _JINJA_PARENT, '{% extends "base.njk" %}', ("{% block tracking %}", "{% endblock %}")
    ),
    "latte": Dialect(
        "app/templates/landing.latte",
        "app/templates/layout.latte",
        _LATTE_PARENT,
        "{layout 'layout.latte'}",
        ("{block tracking}", "{/block}"),
        ("{if $consent->analytics}", "{/if}"),
    ),
}


def _scan(tmp_path: Path, dialect: str, body: str) -> list[tuple[str, int, str]]:
    d = _DIALECTS[dialect]
    (tmp_path / d.child).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / d.parent).write_text(d.parent_text)
    (tmp_path / d.child).write_text(f"{d.extends}\n{body}")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    return [(Path(d.location.path).name, d.location.line, d.verdict.status) for d in result.detections]


@pytest.mark.parametrize("dialect", list(_DIALECTS))
def test_a_condition_around_a_child_templates_block_gates_nothing(tmp_path: Path, dialect: str) -> None:
    d = _DIALECTS[dialect]
    found = _scan(tmp_path, dialect, f"{d.branch[0]}\n{d.block[0]}\n{HOTJAR}\n{d.block[1]}\n{d.branch[1]}\n")
    assert found == [(Path(d.child).name, 4, "ungated")]
    detection = run(ScanOptions(paths=(str(tmp_path),))).detections[0]
    assert "gates nothing: the template extends another" in detection.verdict.evidence


@pytest.mark.parametrize("dialect", list(_DIALECTS))
def test_a_condition_inside_a_child_templates_block_still_gates(tmp_path: Path, dialect: str) -> None:
    d = _DIALECTS[dialect]
    found = _scan(tmp_path, dialect, f"{d.block[0]}\n{d.branch[0]}\n{HOTJAR}\n{d.branch[1]}\n{d.block[1]}\n")
    assert found == [(Path(d.child).name, 4, "gated")]


def test_a_condition_between_an_outer_and_an_inner_block_gates_nothing(tmp_path: Path) -> None:
    # The inner block is also rendered wherever the parent places a block of its name: only conditions inside the
    # innermost block count.
    inner = "{% if consent.analytics %}\n{% block tracking %}\n" + HOTJAR + "\n{% endblock %}\n{% endif %}"
    body = "{% block head %}\n" + inner + "\n{% endblock %}\n"
    assert _scan(tmp_path, "django", body) == [("landing.html", 5, "ungated")]


def test_twigs_shortcut_block_has_no_body_and_leaves_the_next_block_read(tmp_path: Path) -> None:
    body = "{% block title page_title|title %}\n{% block tracking %}{% if consent.analytics %}\n" + HOTJAR + "\n{% endif %}{% endblock %}\n"
    assert _scan(tmp_path, "twig", body) == [("landing.html.twig", 4, "gated")]


def test_a_template_that_extends_nothing_renders_its_block_under_its_condition(tmp_path: Path) -> None:
    # Look-alike: in a base template the block is printed where it stands, so the condition around it gates it.
    (tmp_path / "templates").mkdir()
    page = "<html><head>{% if consent.analytics %}{% block tracking %}\n" + HOTJAR + "\n{% endblock %}{% endif %}</head></html>\n"
    (tmp_path / "templates" / "base.html").write_text(page)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [(d.location.line, d.verdict.status) for d in result.detections] == [(2, "gated")]


def test_latte_layout_none_names_no_parent_so_the_condition_gates(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    page = "{layout none}\n{if $consent->analytics}{block tracking}\n" + HOTJAR + "\n{/block}{/if}\n"
    (tmp_path / "app" / "page.latte").write_text(page)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [(d.location.line, d.verdict.status) for d in result.detections] == [(3, "gated")]


def test_a_partial_included_in_a_child_block_under_a_condition_around_the_block_is_not_gated(tmp_path: Path) -> None:
    (tmp_path / "templates" / "partials").mkdir(parents=True)
    (tmp_path / "templates" / "partials" / "hotjar.html").write_text(HOTJAR + "\n")
    body = '{% if consent.analytics %}\n{% block tracking %}{% include "partials/hotjar.html" %}{% endblock %}\n{% endif %}\n'
    assert _scan(tmp_path, "django", body) == [("hotjar.html", 1, "ungated")]
