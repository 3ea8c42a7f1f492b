"""A page template's title set in its layout's title block (analyzer/parse/title_blocks.py, docs/fields.md "Context"):
``{% block title %}``, Blade's ``@section('title', …)``, Rails' ``provide(:title, …)``, Go's ``{{ define "title" }}``
and a layout component given ``title="…"`` are the page's title, so a free-text box on an intake page extending a
layout takes the page's topic as it would with a ``<title>`` of its own. Look-alikes: a title that names no topic, a
block of another name, and the layout's own ``<title>`` around its default block."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import signatures
from analyzer.parse import templates, title_blocks
from tests.conftest import every_control

_FORM = """<form method="post">
  <label for="n">Bemerkungen</label>
  <textarea id="n" name="notes"></textarea>
  <button>Senden</button>
</form>
"""

_PAGES = {
    "jinja": (
        "templates/intake.html",
        '{% extends "base.html" %}\n{% block title %}Anamnesebogen{% endblock %}\n{% block content %}\n' + _FORM + "{% endblock %}\n",
    ),
    "blade": (
        "intake.blade.php",
        "@extends('layouts.app')\n@section('title', 'Anamnesebogen')\n@section('content')\n" + _FORM + "@endsection\n",
    ),
    "blade block": (
        "intake.blade.php",
        "@extends('layouts.app')\n@section('title')\n  Anamnesebogen\n@endsection\n@section('content')\n" + _FORM + "@endsection\n",
    ),
    # a block named in the project's language (Laravel projects in Spanish write @section('titulo'))
    "blade titulo": (
        "intake.blade.php",
        "@extends('layouts.app')\n@section('titulo', 'Anamnesebogen')\n@section('content')\n" + _FORM + "@endsection\n",
    ),
    "erb": ("intake.html.erb", '<% provide(:title, "Anamnesebogen") %>\n' + _FORM),
    "go": ("templates/intake.gohtml", '{{ define "title" }}Anamnesebogen{{ end }}\n{{ define "main" }}\n' + _FORM + "{{ end }}\n"),
    "jsx layout": (
        "src/pages/Intake.jsx",
        'import Layout from "../components/Layout";\nexport default function Intake() {\n  return (\n'
        '    <AppLayout title="Anamnesebogen">\n      <form method="post">\n        <label htmlFor="n">Bemerkungen</label>\n'
        '        <textarea id="n" name="notes"></textarea>\n      </form>\n    </AppLayout>\n  );\n}\n',
    ),
    "jsx seo": (
        "src/pages/intake.tsx",
        'export default function Intake() {\n  return (\n    <main>\n      <Seo title="Anamnesebogen" />\n'
        '      <form method="post">\n        <label htmlFor="n">Bemerkungen</label>\n'
        '        <textarea id="n" name="notes"></textarea>\n      </form>\n    </main>\n  );\n}\n',
    ),
    "layout component": ("intake.blade.php", '<x-layouts.app title="Anamnesebogen">\n' + _FORM + "</x-layouts.app>\n"),
}


def _notes(tmp_path: Path, name: str, text: str):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    return next(f for f in every_control(tmp_path, text, signatures.load(), name) if f.name == "notes")


@pytest.mark.parametrize("dialect", sorted(_PAGES))
def test_a_title_block_is_the_pages_title_and_gives_its_forms_their_topic(tmp_path: Path, dialect: str) -> None:
    name, text = _PAGES[dialect]
    notes = _notes(tmp_path, name, text)
    assert notes.classification.category == "health", (dialect, notes.classification)
    assert "Anamnesebogen" in notes.classification.context, notes.classification.context
    # the control stays on its own line
    assert notes.line == next(i for i, line in enumerate(text.splitlines(), 1) if "<textarea" in line)


def test_a_title_that_names_no_topic_and_a_block_of_another_name_give_none(tmp_path: Path) -> None:
    plain = '{% extends "base.html" %}\n{% block title %}Kontakt{% endblock %}\n{% block content %}\n' + _FORM + "{% endblock %}\n"
    assert _notes(tmp_path, "templates/contact.html", plain).classification.category == "-"
    other = '{% extends "base.html" %}\n{% block subtitle %}Anamnesebogen{% endblock %}\n' + _FORM
    assert "page title" not in _notes(tmp_path, "templates/other.html", other).classification.context


def test_a_component_that_holds_no_title_or_a_title_not_written_gives_none(tmp_path: Path) -> None:
    # A card is no layout: its title is not the page's. It is the heading it shows over what it holds (section_title_props).
    card = _PAGES["jsx layout"][1].replace("AppLayout", "Card")
    held = _notes(tmp_path, "src/pages/Intake.jsx", card).classification
    assert "page title" not in held.context and held.context.startswith("heading 'Anamnesebogen'"), held
    bound = _PAGES["jsx layout"][1].replace('title="Anamnesebogen"', "title={pageTitle}")
    assert _notes(tmp_path, "src/pages/Other.jsx", bound).classification.category == "-"
    blade = _PAGES["layout component"][1].replace('title="Anamnesebogen"', 'title="{{ $title }}"')
    assert _notes(tmp_path, "other.blade.php", blade).classification.category == "-"


def test_the_layouts_own_title_around_its_block_stays_one_title() -> None:
    names = signatures.load().component_files.title_blocks
    base = "<html><head><title>{% block title %}Praxis Weber{% endblock %}</title></head>\n<body></body></html>\n"
    neutral, _ = templates.analyse(base, "jinja")
    assert title_blocks.write(base, neutral, names) == neutral


def test_the_written_title_keeps_the_texts_length_and_line_breaks() -> None:
    names = signatures.load().component_files.title_blocks
    for name, text in _PAGES.values():
        dialect = templates.dialect(name, text) if not name.endswith((".jsx", ".tsx")) else None
        if dialect is None:
            continue
        neutral, _ = templates.analyse(text, dialect)
        written = title_blocks.write(text, neutral, names)
        assert len(written) == len(text) and [i for i, c in enumerate(written) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
        assert "<title>" in written or "<x-layouts.app" in text, (name, written)
