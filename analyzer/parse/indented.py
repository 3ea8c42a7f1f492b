"""The output lines of indentation-based Ruby templates (Slim, Haml), for the form helpers they call.

Slim and Haml write markup without angle brackets (``p = @member.name``, ``%p= f.text_field :diagnosis``), so they
are read as text for recorders (``analyzer.facts.textscan``); their form helpers are still Rails' (``= f.text_field
:diagnosis``, ``= f.collection_radio_buttons :religion, …``, the GOV.UK form builder's ``= f.govuk_text_area
:allergies``), written as the controls they print by ``analyzer.parse.form_helpers``. A line prints when its code
follows ``=`` (``==``, ``!=``, ``&=``), alone or after a tag (``p =``, ``%td=``, ``.col=``, ``%p{class: "x"}=``);
sources: slim-template.github.io (Output =, Output without HTML escaping ==), haml.info/docs/yardoc/file.REFERENCE.html
(Inserting Ruby: =). A line that starts with ``<`` is passed through as it stands, HTML written among the template's
own lines (haml.info: Plain Text; slim-template.github.io: Inline html), so its controls are read too.
"""

from __future__ import annotations

import re

from analyzer.parse.positions import blank
from analyzer.parse.templates import Region

SUFFIXES = (".slim", ".haml")
_OUTPUT = re.compile(
    r"(?m)^[ \t]*(?:[%.#]?[A-Za-z][\w.#:-]*(?:\{[^}\n]{0,300}\}|\([^)\n]{0,300}\))?[ \t]*)?(?P<mark>==|!=|&=|=)(?!=)[ \t]*(?P<code>[^\n]+)$"
)


def output_regions(text: str) -> list[Region]:
    """Each line's printed code, as an output region of its own that starts at its ``=`` (no text a person reads:
    the control it prints may be written over it)."""
    return [Region(m.start("mark"), m.end("code"), "output", m.group("code")) for m in _OUTPUT.finditer(text)]


_RAW_LINE = re.compile(r"(?m)^[ \t]*<[^\n]*$")


def raw_markup(text: str) -> str:
    """``text`` blank (same length) but for its lines of raw HTML (those that start with ``<``): the page a Slim or
    Haml template's own markup leaves for a reader of HTML."""
    out = list(blank(text))
    for m in _RAW_LINE.finditer(text):
        out[m.start() : m.end()] = text[m.start() : m.end()]
    return "".join(out)
