"""The output lines of indentation-based Ruby templates (Slim, Haml), for the form helpers they call.

Slim and Haml write markup without angle brackets (``p = @member.name``, ``%p= f.text_field :diagnosis``), so they
are read as text for recorders (``analyzer.facts.textscan``); their form helpers are still Rails' (``= f.text_field
:diagnosis``, ``= f.collection_radio_buttons :religion, …``, the GOV.UK form builder's ``= f.govuk_text_area
:allergies``), written as the controls they print by ``analyzer.parse.form_helpers``. A line prints when its code
follows ``=`` (``==``, ``!=``, ``&=``), alone or after a tag (``p =``, ``%td=``, ``.col=``, ``%p{class: "x"}=``);
sources: slim-template.github.io (Output =, Output without HTML escaping ==), haml.info/docs/yardoc/file.REFERENCE.html
(Inserting Ruby: =).
"""

from __future__ import annotations

import re

from analyzer.parse.templates import Region

SUFFIXES = (".slim", ".haml")
_OUTPUT = re.compile(
    r"(?m)^[ \t]*(?:[%.#]?[A-Za-z][\w.#:-]*(?:\{[^}\n]{0,300}\}|\([^)\n]{0,300}\))?[ \t]*)?(?P<mark>==|!=|&=|=)(?!=)[ \t]*(?P<code>[^\n]+)$"
)


def output_regions(text: str) -> list[Region]:
    """Each line's printed code, as an output region of its own that starts at its ``=`` (no text a person reads:
    the control it prints may be written over it)."""
    return [Region(m.start("mark"), m.end("code"), "output", m.group("code")) for m in _OUTPUT.finditer(text)]
