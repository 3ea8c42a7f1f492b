"""Hostile inputs, generated: the shapes that once made a scan super-linear, by size.

Each generator takes a size and returns ``(file name, bytes)``. The test suite uses small sizes
(tests/test_hostile.py); ``bench/hostile.py`` runs the sizes of issue 13's "Done when" and times
each one in a child process with a deadline. Every input carries one Hotjar loader, so that a
scan that "finishes" by dropping the file is told apart from one that analyses it.
"""

from __future__ import annotations

import json

RECORDER = '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>'
# Openers repeated into a 100 KB line: each is the start of a construct in some dialect, never closed.
SOUP_OPENERS = ("<%", "{%", "{{", "{", "<?", "{#", "{{!--", "@if(", "<%=", "{{-", "{if ", "{*", '<div n:if="a">', '<p n:syntax="off">')
# One file per template dialect (templates.DIALECT_BY_SUFFIX) and one read as HTML.
SOUP_SUFFIXES = (".php", ".blade.php", ".liquid", ".njk", ".hbs", ".erb", ".eex", ".tmpl", ".jsp", ".latte")
# A construct's head followed by a long run of blanks, never finished (issue 13's worst cases).
PADDED = {  # name: (head, tail, what closes the block after the recorder)
    "if-spaces": ("{% if a", "b %}", "{% endif %}"),
    "if-and-spaces": ("{% if a", "and b %}", "{% endif %}"),
    "render-spaces": ("{% render", " %}", ""),
    "php-include-spaces": ("<?php include", " ?>", ""),
    "eex-if-spaces": ("<%= if", " x %>", "<% end %>"),
    "blade-include-spaces": ("@include(", ")", ""),
    "hbs-partial-spaces": ("{{>", " }}", ""),
    "erb-do-spaces": ("<% foo do", " x %>", "<% end %>"),
    "go-if-spaces": ("{{ if", " x }}", "{{ end }}"),
    "php-if-spaces": ("<?php if (a", "b): ?>", "<?php endif; ?>"),
}


def form_fields(count: int) -> tuple[str, bytes]:
    """A page with ``count`` sensitive inputs, one per line, and a recorder in its head."""
    rows = "\n".join(f'<input name="email{i}" type="email">' for i in range(count))
    return "fields.html", f"<html><head>{RECORDER}</head><body><form>\n{rows}\n</form></body></html>".encode()


def sectioned_fields(count: int) -> tuple[str, bytes]:
    """A health form of ``count`` generic free-text controls, each under its own heading and bold
    line: every one is read again with the topic, from the heading above it."""
    rows = "\n".join(
        f"<h3>Section {i}</h3><p><b>Part {i}</b></p><div><span>Notes {i}</span> <input type=text name=notes{i}></div>" for i in range(count)
    )
    head = f"<title>Patient intake: medical history</title>{RECORDER}"
    return "intake.html", f"<html><head>{head}</head><body><h1>Medical history</h1><form>\n{rows}\n</form></body></html>".encode()


def tile_row(count: int) -> tuple[str, bytes]:
    """A component with ``count`` sibling buttons acting as one question's radios (choice tiles): each looks at its
    neighbours for a tile of the same state."""
    rows = "\n".join(
        f'<button className={{faith === "v{i}" ? "on" : ""}} onClick={{() => setFaith("v{i}")}}>Faith {i}</button>' for i in range(count)
    )
    return "Tiles.jsx", f"export const T = () => (<div><p>Religion</p>\n{rows}\n</div>);\n".encode()


def unbalanced_braces(count: int) -> tuple[str, bytes]:
    """A Svelte component with ``count`` attribute values opened in braces and never closed."""
    return "Braces.svelte", ("<div " + "a={" * count + ">x</div>\n").encode()


def gtm_export(tags: int) -> tuple[str, bytes]:
    """A container export with ``tags`` Custom HTML tags, each loading Hotjar on All Pages."""
    items = [
        {
            "tagId": str(i),
            "name": f"Hotjar {i}",
            "type": "html",
            "parameter": [{"type": "TEMPLATE", "key": "html", "value": RECORDER}],
            "firingTriggerId": ["2147479553"],
        }
        for i in range(tags)
    ]
    doc = {"exportFormatVersion": 2, "containerVersion": {"containerId": "1", "tag": items, "trigger": []}}
    return "container.json", json.dumps(doc, indent=2).encode()


def template_soup(opener: str, suffix: str, size: int) -> tuple[str, bytes]:
    """``opener`` repeated to ``size`` bytes after a recorder, in a file of one dialect."""
    body = opener * max(1, size // len(opener))
    return f"soup{suffix}", f"<html><head>{RECORDER}</head><body>{body}</body></html>".encode()


def padded(name: str, size: int) -> tuple[str, bytes]:
    """A construct's head, ``size`` blanks, then its tail, with the recorder after it (inside
    the block when the head opens one, so that its condition is read): a backtracking trap."""
    head, tail, closer = PADDED[name]
    suffix = {
        "php-include-spaces": ".php",
        "php-if-spaces": ".php",
        "eex-if-spaces": ".eex",
        "blade-include-spaces": ".blade.php",
        "hbs-partial-spaces": ".hbs",
        "erb-do-spaces": ".erb",
        "go-if-spaces": ".tmpl",
        "render-spaces": ".liquid",
    }.get(name, ".njk")
    return f"{name}{suffix}", f"<html><head>{head}{' ' * size}{tail}{RECORDER}{closer}</head></html>".encode()


def soups(size: int) -> list[tuple[str, tuple[str, bytes]]]:
    """Every template soup at ``size`` bytes, named for a test id."""
    out = [(f"{opener}{suffix}", template_soup(opener, suffix, size)) for opener in SOUP_OPENERS for suffix in SOUP_SUFFIXES]
    return out + [(name, padded(name, size)) for name in PADDED]
