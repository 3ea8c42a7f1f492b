"""What an ES module's ``export … from`` statement re-exports, read once for every reader that follows re-exports (the
resolve stage's module uses, ``analyzer.resolve.module_uses``; a project's own input components through a folder's index,
``analyzer.facts.own_components``).
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from analyzer.parse.jsfacts import Program


@dataclass(frozen=True)
class Reexport:
    """An ``export … from`` statement: everything but the default (``export * from``: ``names`` empty, ``namespace``
    ""), the whole module under one name (``export * as ns from``: ``namespace``), or these names (``export { a as b }
    from``: ``names`` of (the module's name, the name exported))."""

    source: str
    names: tuple[tuple[str, str], ...] = ()
    namespace: str = ""

    @property
    def everything(self) -> bool:
        """``export * from``: every name of the module but its default."""
        return not self.names and not self.namespace


def read(prog: Program, stmt: Node) -> Reexport | None:
    """The re-export an ``export_statement`` with a ``source`` makes, else None (an export of the module's own)."""
    source = stmt.child_by_field_name("source") if stmt.type == "export_statement" else None
    spec = prog.string_value(source) if source is not None else None
    if not spec:
        return None
    clause = next((c for c in stmt.named_children if c.type in ("export_clause", "namespace_export")), None)
    if clause is None:
        return Reexport(spec)
    if clause.type == "namespace_export":
        ident = next((c for c in clause.named_children if c.type in ("identifier", "string")), None)
        return Reexport(spec, namespace=(prog.string_value(ident) or prog.text(ident)) if ident is not None else "")
    names: list[tuple[str, str]] = []
    for item in clause.named_children:
        name = item.child_by_field_name("name") if item.type == "export_specifier" else None
        if name is None:
            continue
        alias = item.child_by_field_name("alias") or name
        key, as_ = (prog.string_value(n) or prog.text(n) for n in (name, alias))
        names.append((key, as_))
    return Reexport(spec, tuple(names))
