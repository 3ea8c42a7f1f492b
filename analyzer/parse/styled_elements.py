"""Components a script declares as a styled element: ``const Input = styled.input`…```.

CSS-in-JS libraries make a component out of an HTML element and its styles: styled-components and Emotion write
``styled.input`…```, ``styled.input.attrs({ type: "checkbox" })`…```, ``styled("input")`…``` or ``styled.input({…})``;
MUI, goober and Stitches write ``styled("input", {…})`` or ``styled(TextField)(…)``. Such a component renders its element
(or the component it wraps) and passes its props through, so ``<InputStyled placeholder="…" />`` is an ``<input>``, a
``<LabelStyled>`` a ``<label>`` and an ``<H1styled>`` a page heading. The factories' names and the calls chained
after them are data (``jsx_bindings.styled_factories`` and ``styled_chains`` in signatures/ui_components.toml).
Sources: styled-components.com/docs/basics, styled-components.com/docs/api#attrs, emotion.sh/docs/styled,
mui.com/system/styled, goober.js.org/api/styled, stitches.dev/docs/styling.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.parse.jsfacts import Program

_HTML_TAG = re.compile(r"[a-z][a-z0-9]*")  # an element's name as the factory is given it: styled.input, styled("h1")
_MAX_CHAIN = 6  # calls and members looked through from the styles back to the factory
_MAX_DECLARATIONS = 2000  # top-level statements looked at in one script
# The elements a styled component is kept for across files: those the field reader uses (controls, what labels or heads
# them, the form). A project's thousands of styled boxes and buttons are not (they would fill the components' cap).
READ_TAGS = frozenset({"input", "select", "textarea", "option", "label", "legend", "fieldset", "form", "h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Styled:
    """What a styled component renders: an HTML element (``tag``, lower case) with the attributes its ``.attrs()``
    gives, or another component (``component``, as written: ``TextField``)."""

    tag: str = ""
    component: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


def hint(factories: frozenset[str]) -> re.Pattern[bytes]:
    """What a script that declares a styled control holds (one search, no parse): ``styled.input``, ``styled("select"``."""
    return _hint(tuple(sorted(factories)))


@functools.lru_cache(maxsize=4)
def _hint(factories: tuple[str, ...]) -> re.Pattern[bytes]:
    names = b"|".join(re.escape(f.encode()) for f in factories) or b"(?!)"
    return re.compile(rb"\b(?:" + names + rb")\s*(?:\.\s*(?:input|select|textarea)\b|\(\s*[\"'`](?:input|select|textarea)[\"'`])")


def declared(prog: Program, factories: frozenset[str], chains: frozenset[str] = frozenset()) -> dict[str, Styled]:
    """The styled components a script declares at its top level (exported or not), by name; later ones that wrap an
    earlier one (``styled(Base)``) render what it renders."""
    out: dict[str, Styled] = {}
    if not factories:
        return out
    for stmt in prog.parsed.root.named_children[:_MAX_DECLARATIONS]:
        decl = stmt.child_by_field_name("declaration") if stmt.type == "export_statement" else stmt
        if decl is None or decl.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for d in (c for c in decl.named_children if c.type == "variable_declarator"):
            name, value = d.child_by_field_name("name"), d.child_by_field_name("value")
            if name is None or name.type != "identifier" or value is None:
                continue
            found = made(prog, value, factories, chains)
            if found is not None:
                inner = out.get(found.component) if found.component else None
                out[prog.text(name)] = Styled(inner.tag, inner.component, {**inner.attrs, **found.attrs}) if inner else found
    return out


def made(prog: Program, value: Node, factories: frozenset[str], chains: frozenset[str] = frozenset()) -> Styled | None:
    """The styled component an expression makes (its styles given as a template or an object), else None; ``chains``:
    the calls that may stand between the factory and the styles (``jsx_bindings.styled_chains``: ``.attrs({…})``)."""
    if value.type != "call_expression":
        return None
    fn = value.child_by_field_name("function")
    attrs: dict[str, str] = {}
    for _ in range(_MAX_CHAIN):
        if fn is None:
            return None
        if fn.type == "member_expression":  # styled.input
            obj, prop = fn.child_by_field_name("object"), fn.child_by_field_name("property")
            if obj is not None and prop is not None and obj.type == "identifier" and prog.text(obj) in factories:
                tag = prog.text(prop)
                return Styled(tag, "", attrs) if _HTML_TAG.fullmatch(tag) else None
            return None
        if fn.type != "call_expression":
            return None
        callee, args = fn.child_by_field_name("function"), fn.child_by_field_name("arguments")
        given = [a for a in args.named_children if a.type != "comment"] if args is not None else []
        if callee is not None and callee.type == "identifier" and prog.text(callee) in factories:
            return _wrapped(prog, given[0], attrs) if given else None  # styled("input"), styled(TextField)
        if callee is not None and callee.type == "member_expression":
            prop = callee.child_by_field_name("property")
            if prop is not None and prog.text(prop) in chains:
                if prog.text(prop) == "attrs" and given and given[0].type == "object":
                    attrs = {**_string_pairs(prog, given[0]), **attrs}
                fn = callee.child_by_field_name("object")
                continue
        return None
    return None


def _wrapped(prog: Program, target: Node, attrs: dict[str, str]) -> Styled | None:
    """What ``styled(target)`` renders: an element named by a string, or a component named by an identifier."""
    literal = prog.literal(target)
    if literal is not None:
        return Styled(literal, "", attrs) if _HTML_TAG.fullmatch(literal) else None
    if target.type in ("identifier", "member_expression"):
        return Styled("", prog.text(target), attrs)
    return None


def _string_pairs(prog: Program, obj: Node) -> dict[str, str]:
    """An ``.attrs({ type: "checkbox", placeholder: "…" })`` object's string members."""
    out: dict[str, str] = {}
    for key, value in prog.pairs(obj).items():
        said = prog.literal(value)
        if said is not None:
            out[key] = said
    return out
