"""Which block tags of a child template bypass the conditions around them (analyzer/parse/template_blocks.py, review
s42 finding 4): only the child's own block definitions do. The blocks of a Twig ``{% embed %}`` override the embedded
template and render where the embed stands; Latte's anonymous ``{block}`` / ``{block|filter}`` and ``{block local x}``
render in place; a block nested in another block renders under the conditions between the two unless a template the
child extends defines a block of its name (then it renders there, whatever surrounds it), and when that template is not
scanned the parent decides (unverifiable)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

HOTJAR = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
_BASE = "<html><head>{% block tracking %}{% endblock %}</head><body>{% block content %}{% endblock %}</body></html>\n"
_LATTE_BASE = "<html><head>{block tracking}{/block}</head><body>{block content}{/block}</body></html>\n"


def _scan(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, str]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    return [(Path(d.location.path).name, d.verdict.status, d.verdict.mechanism) for d in result.detections]


def test_a_twig_embeds_block_renders_where_the_embed_stands(tmp_path: Path) -> None:
    child = (
        "{% extends 'base.html.twig' %}{% block content %}{% if consent.analytics %}{% embed 'card.html.twig' %}"
        "{% block inner %}" + HOTJAR + "{% endblock %}{% endembed %}{% endif %}{% endblock %}"
    )
    files = {
        "templates/base.html.twig": _BASE,
        "templates/card.html.twig": "<div>{% block inner %}{% endblock %}</div>",
        "templates/landing.html.twig": child,
    }
    assert _scan(tmp_path, files) == [("landing.html.twig", "gated", "server-side-consent")]


def test_a_condition_around_the_top_level_block_that_holds_an_embed_gates_nothing(tmp_path: Path) -> None:
    # Look-alike: the condition stands outside the child's block, which the parent renders whatever surrounds it.
    child = (
        "{% extends 'base.html.twig' %}{% if consent.analytics %}{% block content %}{% embed 'card.html.twig' %}"
        "{% block inner %}" + HOTJAR + "{% endblock %}{% endembed %}{% endblock %}{% endif %}"
    )
    files = {
        "templates/base.html.twig": _BASE,
        "templates/card.html.twig": "<div>{% block inner %}{% endblock %}</div>",
        "templates/landing.html.twig": child,
    }
    assert [s for _, s, _ in _scan(tmp_path, files)] == ["ungated"]


@pytest.mark.parametrize("opener", ["{block|strip}", "{block}", "{block local helper}"])
def test_latte_anonymous_and_local_blocks_render_in_place(tmp_path: Path, opener: str) -> None:
    child = "{layout 'layout.latte'}{block content}{if $consent->analytics}" + opener + HOTJAR + "{/block}{/if}{/block}"
    files = {"app/templates/layout.latte": _LATTE_BASE, "app/templates/landing.latte": child}
    assert _scan(tmp_path, files) == [("landing.latte", "gated", "server-side-consent")]


def test_a_latte_named_block_around_which_the_condition_stands_still_gates_nothing(tmp_path: Path) -> None:
    # Look-alike: a named block at the child's top level is hoisted, whatever surrounds it.
    child = "{layout 'layout.latte'}{if $consent->analytics}{block tracking}" + HOTJAR + "{/block}{/if}"
    files = {"app/templates/layout.latte": _LATTE_BASE, "app/templates/landing.latte": child}
    assert [s for _, s, _ in _scan(tmp_path, files)] == ["ungated"]


def _nested(name: str, extends: str = "'base.html'") -> str:
    return (
        f"{{% extends {extends} %}}{{% block content %}}{{% if consent.analytics %}}{{% block {name} %}}"
        + HOTJAR
        + "{% endblock %}{% endif %}{% endblock %}"
    )


def test_a_nested_block_the_parent_lacks_renders_only_under_the_condition(tmp_path: Path) -> None:
    files = {"templates/base.html": _BASE, "templates/landing.html": _nested("analytics")}
    assert _scan(tmp_path, files) == [("landing.html", "gated", "server-side-consent")]


def test_a_nested_block_the_parent_defines_renders_there_ungated(tmp_path: Path) -> None:
    files = {"templates/base.html": _BASE, "templates/landing.html": _nested("tracking")}
    assert [s for _, s, _ in _scan(tmp_path, files)] == ["ungated"]


def test_a_nested_block_a_grandparent_defines_renders_there_ungated(tmp_path: Path) -> None:
    files = {
        "templates/root.html": _BASE,
        "templates/base.html": "{% extends 'root.html' %}{% block content %}<main></main>{% endblock %}",
        "templates/landing.html": _nested("tracking"),
    }
    assert [s for _, s, _ in _scan(tmp_path, files)] == ["ungated"]


@pytest.mark.parametrize("extends", ["'missing.html'", "layout_name"])
def test_a_nested_block_whose_parent_is_not_scanned_is_unverifiable(tmp_path: Path, extends: str) -> None:
    files = {"templates/landing.html": _nested("analytics", extends)}
    assert _scan(tmp_path, files) == [("landing.html", "unverifiable", "parent-template-decides")]
    evidence = run(ScanOptions(paths=(str(tmp_path),))).detections[0].verdict.evidence
    assert "the parent decides" in evidence
