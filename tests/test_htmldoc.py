"""Positions and resilience of the HTML layer."""

from __future__ import annotations

from analyzer.parse import htmldoc


def test_position_is_the_start_tag_not_where_lxml_says_it_ends() -> None:
    page = htmldoc.parse('<html><head>\n<script async\n  src="https://x.example/a.js"></script></head></html>')
    script = page.elements[0]
    assert (script.line, script.column) == (2, 1)


def test_several_scripts_on_one_minified_line_get_their_own_columns() -> None:
    page = htmldoc.parse("<html><head><script>a</script><script>b</script><script src=c></script></head></html>")
    assert [(e.line, e.column) for e in page.elements] == [(1, 13), (1, 31), (1, 49)]


def test_script_text_inside_a_script_string_is_not_an_element() -> None:
    page = htmldoc.parse("<html><body><script>document.write('<script src=a></'+'script>')</script><script src=b></script></body></html>")
    assert [e.attrs.get("src") for e in page.elements] == [None, "b"]


def test_lines_past_lxml_65535_cap_stay_true() -> None:
    text = "<html><body>" + "<p>x</p>\n" * 70000 + "<script src=a></script></body></html>"
    (el,) = htmldoc.parse(text).elements
    assert el.line == 70001


def test_elements_below_libxml2_depth_limit_are_recovered() -> None:
    depth = 3000
    text = "<html><body>" + "<div>" * depth + "<script src=deep></script>" + "</div>" * depth + "<script src=after></script></body></html>"
    page = htmldoc.parse(text)
    assert [e.attrs.get("src") for e in page.elements] == ["deep", "after"]
    assert page.degraded == 2


def test_comments_are_collected_with_positions() -> None:
    page = htmldoc.parse("<html>\n  <!-- hello --></html>")
    assert [(c.text, c.line, c.column) for c in page.comments] == [(" hello ", 2, 3)]


def test_only_noscript_images_are_kept_and_positions_stay_aligned() -> None:
    page = htmldoc.parse('<html><body><img src="q.gif"><noscript><img src="p.gif"></noscript></body></html>')
    imgs = [e for e in page.elements if e.tag == "img"]
    assert [(e.attrs["src"], e.in_noscript, e.column) for e in imgs] == [("p.gif", True, 40)]


def test_empty_and_whitespace_documents_have_no_elements() -> None:
    assert htmldoc.parse("").elements == []
    assert htmldoc.parse("   \n").elements == []


def test_unclosed_and_broken_markup_still_yields_scripts() -> None:
    page = htmldoc.parse('<html><head><script src="a.js"><div><p><script src="b.js"')
    assert [e.attrs.get("src") for e in page.elements][:1] == ["a.js"]


def test_positions_after_characters_that_lowercase_longer() -> None:
    """ "İ".lower() is two characters: offsets found in a lowercased copy would drift."""
    from analyzer.parse import htmldoc

    text = "<p>" + "İ" * 50 + "</p><script>var a = 1;</script><link rel=preconnect href=https://static.hotjar.com>"
    page = htmldoc.parse(text)
    link = next(e for e in page.elements if e.tag == "link")
    assert link.position == (1, text.index("<link") + 1)


def test_a_template_that_prints_two_whole_pages_has_both_bodies_read() -> None:
    # if (…) { ?><html>…waiting page…</html><?php exit; } ?><html>…the form…</html>: libxml2 stops at the first </html>.
    text = (
        "<!DOCTYPE html><html><head><title>Wait</title></head><body><p>Waiting</p></body></html>\n"
        "<!DOCTYPE html><html><head><title>Form</title></head><body>\n<form><input name=allergies></form>\n</body></html>\n"
    )
    page = htmldoc.parse(text)
    assert [(el.get("name"), el.sourceline) for el in page.root.iter("input")] == [("allergies", 3)]


def test_one_page_keeps_its_end_tags() -> None:
    from analyzer.parse.htmldoc import _joined_documents

    data = b"<html><body><p>x</p></body></html>"
    assert _joined_documents(data) is data


def test_an_arrow_inside_a_quoted_attribute_does_not_end_the_start_tag() -> None:
    # An inline handler's `=>` is inside a quoted value: the start tag ends at the `>` after it, so each
    # element keeps its own line instead of the next one's.
    text = (
        "<html><head>\n"
        '<script src="a.js"\n  onload="[1].map(c=>c)"\n  async></script>\n'
        '<script src="b.js" onerror=\'x => y\' data-x="1"></script>\n'
        "<script src=c.js></script>\n"
        "</head></html>"
    )
    assert [(e.attrs["src"], e.line) for e in htmldoc.parse(text).elements] == [("a.js", 2), ("b.js", 5), ("c.js", 6)]


def test_tag_end_skips_quoted_values_only_after_an_equals_sign() -> None:
    assert htmldoc.tag_end('<a title="x > y">', 0) == 16
    assert htmldoc.tag_end("<a it's>", 0) == 7  # an apostrophe in a name is text, not a quote
    assert htmldoc.tag_end('<a title="never closed>', 0) == 22  # an unclosed value ends at the first `>`
    assert htmldoc.tag_end("<a b = 'c>d' >", 0) == 13
    assert htmldoc.tag_end("<a", 0) == -1


def test_form_fields_after_an_inline_arrow_handler_keep_their_own_lines(tmp_path) -> None:
    from tests.conftest import site_fields

    handler = "oninput=\"this.value=this.value.replace(/[^a-z']/g,'').replace(/\\b\\w/g,c=>c.toUpperCase())\""
    page = (
        '<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script><form>\n'
        '<label for="n">Primer Nombre</label>\n'
        f'<input type="text" id="n" wire:model="primer_nombre"\n       {handler}\n       class="w-full" />\n'
        '<label for="b">Fecha de Bautismo</label>\n'
        '<input type="date" id="b" wire:model="fecha_bautismo"\n       class="w-full" />\n'
        '<label for="r">Religión</label>\n'
        f'<input type="text" id="r" wire:model="religion" {handler} />\n'
        '<label for="e">Correo</label>\n'
        '<input type="email" id="e" wire:model="email" />\n'
        "</form>\n"
    )
    fields = site_fields(tmp_path, {"bautismo.blade.php": page})
    assert {name: line for name, (_, line, _) in fields.items()} == {"fecha_bautismo": 7, "religion": 10, "email": 12}


def test_a_body_written_after_the_html_end_tag_is_read() -> None:
    # libxml2 stops at </html>; a browser puts what follows into the body (a Spring Boot template's stray </html>).
    text = "<!DOCTYPE html>\n<html>\n<head><title>x</title></head>\n</html>\n<body>\n<form><input name=diagnosis></form>\n</body>\n"
    page = htmldoc.parse(text)
    assert [el.get("name") for el in page.root.iter("input")] == ["diagnosis"]
    assert len(page.text) == len(text)  # positions stay true: the end tag is blanked, not removed
    # A page that ends at its </html> is read as before.
    whole = htmldoc.parse("<html><body><form><input name=a></form></body></html>\n<!-- end -->\n")
    assert [el.get("name") for el in whole.root.iter("input")] == ["a"]
