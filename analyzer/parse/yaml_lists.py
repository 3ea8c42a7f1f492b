"""A YAML data file, or a page's YAML front matter, written out as the object literal it is, for the field-list reader.

Sites keep questionnaires as YAML data: a quiz's questions and their choices (``public/quiz.yaml``), a Jekyll
``_data/`` file a layout loops over, a page's front matter listing its questions::

    - question: Quand tu penses à ton engagement, tu t'imagines surtout…
      choix:
      - reponse: Préparer du matériel tranquillement chez moi.
      - reponse: Débattre et partager des arguments solides.

The document is composed by PyYAML's safe composer (libyaml's when PyYAML was built with it): its nodes, never a
constructed object, so no tag runs anything. It is written as the JavaScript literal it is, each node on its own line,
so that ``analyzer.facts.fieldlists`` reads its definitions where they stand in the file. A document that is not valid
YAML is left alone, and the work is bounded (``MAX_BYTES``, ``_NODES``; an alias is written once per path, so a
recursive one ends).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from analyzer.parse import yaml_nodes
from analyzer.parse.markup_out import Out

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 300_000  # a larger YAML file is data, not a form's questions
_NODES = 50_000  # nodes written at most
# A key at a line's start, or at a sequence item's ("- question: …"), unquoted or quoted.
_KEY = re.compile(r"""^[ \t]*(?:-[ \t]+)*["']?([^\s"':#\[\]{},][^"':#\n]*?)["']?[ \t]*:(?:[ \t]|$)""", re.M)
_ITEM = re.compile(r"^[ \t]*-[ \t]", re.M)


def holds_definitions(text: str, label_keys: frozenset[str]) -> bool:
    """Whether a YAML text may hold a list of definitions (the cheap look before composing it): a sequence item, and a
    key that labels a definition (one of ``label_keys``, lower case)."""
    if len(text) > MAX_BYTES or _ITEM.search(text) is None:
        return False
    return any(m.group(1).strip().lower() in label_keys for m in _KEY.finditer(text))


def script(text: str) -> str | None:
    """The YAML text as a parenthesised literal whose first line is the text's, every node on its own line (several
    documents are an array of them); None when the text is not valid YAML or holds more than ``_NODES`` nodes."""
    documents = yaml_nodes.compose_all(text)
    if not documents:
        return None
    writer = _Writer()
    try:
        if len(documents) == 1:
            writer.node(documents[0], frozenset())
        else:
            writer.write("[")
            for i, doc in enumerate(documents):
                writer.write("," if i else "")
                writer.node(doc, frozenset())
            writer.write("]")
    except _TooLarge:
        return None
    return "(" + "".join(writer.parts) + ")"


class _TooLarge(Exception):
    pass


class _Writer(Out):
    """The literal built left to right, each node on its own line (``Out``: an alias's node, defined before, is
    written where it is used)."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes = 0

    def node_at(self, node: yaml.Node) -> None:
        self.at(node.start_mark.line, 0)

    def node(self, node: yaml.Node, path: frozenset[int]) -> None:
        self.nodes += 1
        if self.nodes > _NODES:
            raise _TooLarge
        kind = yaml_nodes.kind(node)
        if id(node) in path and kind in ("mapping", "sequence"):
            self.write("null")  # a recursive alias: written once on its path
            return
        self.node_at(node)
        if kind == "mapping":
            inner = path | {id(node)}
            self.write("{")
            first = True
            for key, value in node.value:
                if yaml_nodes.kind(key) != "scalar":
                    continue  # a complex key names no member
                self.node_at(key)
                self.write(("" if first else ",") + json.dumps(str(key.value), ensure_ascii=False) + ":")
                first = False
                self.node(value, inner)
            self.write("}")
        elif kind == "sequence":
            inner = path | {id(node)}
            self.write("[")
            for i, item in enumerate(node.value):
                self.write("," if i else "")
                self.node(item, inner)
            self.write("]")
        else:
            self.write(json.dumps(str(node.value), ensure_ascii=False))
