"""Parse JavaScript / TypeScript / TSX with tree-sitter, keeping positions true to the host file.

An inline ``<script>`` or a single-file component's script block is parsed on its own and carries
the line and column where it starts in its file, so every position reported is the file's.
Grammars load on first use: the pre-commit path for an HTML file never imports them.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

import tree_sitter


@functools.lru_cache(maxsize=4)
def language(dialect: str) -> tree_sitter.Language:
    """The tree-sitter grammar of a dialect: ``js``, ``tsx``, else TypeScript (built once)."""
    if dialect == "js":
        import tree_sitter_javascript

        return tree_sitter.Language(tree_sitter_javascript.language())
    import tree_sitter_typescript

    raw = tree_sitter_typescript.language_tsx() if dialect == "tsx" else tree_sitter_typescript.language_typescript()
    return tree_sitter.Language(raw)


def dialect_for(path: str, lang: str | None = None) -> str:
    """js, ts or tsx from a file name (or an SFC's ``lang`` attribute)."""
    name = (lang or path).lower()
    if name.endswith("tsx"):
        return "tsx"
    if name.endswith(("ts", "mts", "cts")):
        return "ts"
    return "js"


@dataclass
class JsSource:
    """A piece of code and where it sits in its file (1-based line and column of its first char)."""

    text: str
    line0: int = 1
    col0: int = 1
    dialect: str = "js"
    data: bytes = field(init=False)
    _starts: list[int] | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.data = self.text.encode("utf-8", "surrogatepass")

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            starts, at = [0], self.data.find(b"\n")
            while at >= 0:
                starts.append(at + 1)
                at = self.data.find(b"\n", at + 1)
            self._starts = starts
        return self._starts

    def position(self, byte_offset: int) -> tuple[int, int]:
        """File line and (character) column of a byte offset in this code: the line by binary
        search over the line starts (a bundle asks for many positions), the column by decoding
        only the part of the line before the offset."""
        starts = self._line_starts()
        row = bisect.bisect_right(starts, byte_offset) - 1
        prefix = self.data[starts[row] : byte_offset]
        col = len(prefix) if prefix.isascii() else len(prefix.decode("utf-8", "replace"))
        return self.line0 + row, (self.col0 + col if row == 0 else col + 1)


@dataclass
class Parsed:
    source: JsSource
    tree: tree_sitter.Tree

    @property
    def root(self) -> tree_sitter.Node:
        """The root node of the tree."""
        return self.tree.root_node

    @property
    def has_error(self) -> bool:
        """Whether tree-sitter recovered from a syntax error somewhere (the tree is still whole)."""
        return self.tree.root_node.has_error

    def text(self, node: tree_sitter.Node) -> str:
        """The source text of ``node`` (invalid UTF-8 replaced)."""
        return self.source.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def position(self, node: tree_sitter.Node) -> tuple[int, int]:
        """File line and column of ``node``'s start."""
        return self.source.position(node.start_byte)

    def string_value(self, node: tree_sitter.Node | None) -> str | None:
        """The value of a string literal (template literals: their static parts), else None."""
        if node is None or node.type not in ("string", "template_string"):
            return None
        return "".join(self.text(c) for c in node.named_children if c.type in ("string_fragment", "escape_sequence")) or (
            self.text(node)[1:-1] if node.type == "string" else ""
        )

    def key_of(self, pair: tree_sitter.Node) -> str:
        """The key of an object pair as written (``a`` / ``'a'`` / ``"a"`` -> ``a``)."""
        key = pair.child_by_field_name("key")
        return "" if key is None else self.string_value(key) or self.text(key)

    def literal(self, node: tree_sitter.Node | None) -> str | None:
        """The value of a string literal, a template literal's only when it has no substitution (what the code always
        holds, not a text built at run time), else None."""
        if node is not None and node.type == "template_string" and any(c.type == "template_substitution" for c in node.named_children):
            return None
        return self.string_value(node)


def parse(source: JsSource) -> Parsed:
    """The syntax tree of a piece of code, with the grammar of its dialect."""
    parser = tree_sitter.Parser(language(source.dialect))
    return Parsed(source, parser.parse(source.data))
