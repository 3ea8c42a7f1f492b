"""YAML composed into nodes, for the readers of YAML files (docassemble interviews, YAML data and front matter).

PyYAML's safe composer (libyaml's when PyYAML was built with it) gives each node's kind, value and place in the text;
no node is constructed into an object, so no tag runs anything. PyYAML is imported when a file is read, not with the
signatures at every start. A text that is not valid YAML, or nests too deeply to compose, gives None.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml


def compose(text: str) -> yaml.Node | None:
    """The one document of ``text`` as a node (None when empty or not valid YAML)."""
    import yaml  # noqa: PLC0415 - only a file read as YAML pays for PyYAML's import

    try:
        return yaml.compose(text, Loader=_loader(yaml))
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def compose_all(text: str) -> list[yaml.Node] | None:
    """Each document of ``text`` as a node, empty ones left out (None when not valid YAML)."""
    import yaml  # noqa: PLC0415

    try:
        return [d for d in yaml.compose_all(text, Loader=_loader(yaml)) if d is not None]
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def kind(node: yaml.Node | None) -> str:
    """A node's kind: "scalar", "sequence" or "mapping" (PyYAML's ``Node.id``); "" for none."""
    return str(getattr(node, "id", "")) if node is not None else ""


def _loader(yaml: ModuleType) -> type:
    """libyaml's safe loader when PyYAML was built with it, else PyYAML's own."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
