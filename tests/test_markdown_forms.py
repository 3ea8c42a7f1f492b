"""Forms in Markdown pages (analyzer/parse/markdown_html.py): raw HTML is on the built page, code is not,
and every line stays where the source has it."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from analyzer.parse import markdown_html
from analyzer.read.discover import SourceFile
from analyzer.read.engine import analyze


def _lines(text: str) -> list[str]:
    html = markdown_html.page(text)
    assert html.startswith("<html><body>") and html.endswith("</body></html>")
    return html[len("<html><body>") : -len("</body></html>")].split("\n")


def test_every_line_stays_on_its_line() -> None:
    text = "---\ntitle: Intake\nlayout: page\n---\n# Intake\n\n<form>\n<input name=a>\n</form>\n"
    lines = _lines(text)
    assert len(lines) == len(text.split("\n"))
    assert lines[1] == "<title>Intake</title>" and lines[0] == lines[2] == lines[3] == ""
    assert lines[4] == "<h1>Intake</h1>"
    assert lines[7] == "<input name=a>"


def test_code_is_blanked_fenced_indented_and_inline() -> None:
    text = "Intro\n\n```html\n<input name=dx>\n```\n\n    <textarea name=history></textarea>\n\nSee `<input name=religion>` here.\n"
    lines = _lines(text)
    assert "<input" not in "\n".join(lines) and "<textarea" not in "\n".join(lines)
    assert lines[8].startswith("See ") and lines[8].endswith(" here.")


def test_an_html_block_with_blank_lines_and_indented_controls_stays_html() -> None:
    # kramdown and Python-Markdown read a block element to its closing tag: the indented select after a
    # blank line inside the form is markup, not an indented code block.
    text = "<form>\n  <input name=a>\n\n    <select name=b><option>x</option></select>\n</form>\n\n    <input name=code>\n"
    lines = _lines(text)
    assert lines[3].strip().startswith("<select") and lines[6] == ""


def test_a_page_written_as_header_nav_and_main_blocks_keeps_its_indented_form() -> None:
    # A Jekyll page whose whole body is HTML sections with blank lines inside: the indented form in <main> is
    # markup; an indented control after the sections close is code again.
    text = (
        "---\nlayout: page\n---\n<header>\n    <nav>\n        <a href=/>Home</a>\n\n    </nav>\n</header>\n"
        "<main>\n\n    <h1>Skade</h1>\n\n    <fieldset>\n        <input name=diagnose>\n    </fieldset>\n</main>\n"
        "\n    <input name=code>\n"
    )
    page = "\n".join(_lines(text))
    assert "<input name=diagnose>" in page
    assert "<input name=code>" not in page


def test_a_bold_line_is_a_section_title() -> None:
    assert _lines("**Medical information**\n")[0] == "<p><strong>Medical information</strong></p>"


def test_a_markdown_page_without_controls_is_not_read_for_them() -> None:
    assert not markdown_html.has_controls(b"# Privacy policy\n\nWe use Hotjar.\n")
    assert markdown_html.has_controls(b"<form><INPUT name=a></form>")


def test_fields_of_a_markdown_page_are_reported_at_their_lines(tmp_path: Path) -> None:
    page = tmp_path / "signup.md"
    page.write_text(
        "---\ntitle: Sign up\n---\n\n## Sign up\n\n<form>\n  <label for=r>Religion</label>\n  <select id=r name=q1>"
        "<option>Catholic</option><option>Muslim</option></select>\n</form>\n\n```html\n<input name=diagnosis>\n```\n",
        encoding="utf-8",
    )
    db = signatures.load()
    found = analyze(SourceFile(page, "signup.md", "prose"), db, 1 << 20).fields
    assert [(s.line, s.classification.category) for s in found] == [(9, "religion")]
