"""The control a project's own component or builder names by the end of its name (``component_suffix`` in
signatures/ui_components.toml): read alike for a JSX component (``analyzer.facts.jsxmarkup``) and a Flutter builder
(``analyzer.parse.flutter``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar


class Control(Protocol):
    """A control an ending names (``signatures.UiComponent``): its tag, its input type, whether the ending is generic."""

    @property
    def tag(self) -> str:
        """The native control: "input", "select", "textarea"."""

    @property
    def type(self) -> str | None:
        """An input's type: "checkbox", "radio"; None for a text input."""

    @property
    def named_only(self) -> bool:
        """A generic ending ("Field"): read only when given a field name of its own."""


C = TypeVar("C", bound=Control)


def named_control(name: str, suffixes: Sequence[tuple[str, C, tuple[str, ...]]]) -> tuple[C | None, tuple[str, ...]]:
    """The control ``name`` names and the props that may label it: the control word the name ends nearest
    (``MultiSelectCheckboxes``: "Checkbox", not "Select"; ``_buildDropdown``: "Dropdown"), else the generic ending's
    ("…Field": an input); None when ``suffixes`` has no generic ending either."""
    named = [(name.rfind(w), len(w), comp, said) for suffix, comp, said in suffixes if len(w := suffix.rstrip("s")) > 4 and w in name]
    _, _, comp, label_props = max(named, key=lambda t: (t[0], t[1]), default=(0, 0, None, ()))
    if comp is None or comp.named_only:
        return next(((c, said) for _, c, said in suffixes if c.named_only), (None, ()))
    return comp, label_props
