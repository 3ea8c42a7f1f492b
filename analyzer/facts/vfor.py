"""Vue's ``v-for`` over an array its own script writes, as a visitor's browser renders it.

``<option v-for="r in religions">{{ r }}</option>`` with ``religions: ['Katholisch', 'Evangelisch']`` in
``data()`` (or ``const religions = [...]``, ``ref([...])``) shows one option per item; a block repeated over a
list of field definitions (``<div v-for="f in fields"><label>{{ f.label }}</label><input v-model="form[f.name]">``)
shows one control per definition. :func:`arrays` reads the script's array literals, :func:`expand` writes each
repeated element once per item in the parsed template (at most ``_MAX_ITEMS`` items, ``_MAX_EXPANDED`` elements a page), its ``{{ x }}`` /
``{{ x.key }}`` texts and ``:attr="x.key"`` bindings filled in. An array the script does not write as a
literal (fetched, computed, imported) leaves the element as it is.
"""

from __future__ import annotations

import copy
import re

import lxml.etree
from tree_sitter import Node

from analyzer.parse.jsfacts import STRING_TYPES, Program, bare

Item = str | dict[str, str]
_MAX_ITEMS = 60  # items written for one v-for
_MAX_EXPANDED = 2000  # elements written out per page (a repeated block counts all its elements)
_V_FOR = re.compile(r"^\s*\(?\s*([A-Za-z_$][\w$]*)\s*(?:,\s*[A-Za-z_$][\w$]*\s*){0,2}\)?\s+(?:in|of)\s+([A-Za-z_$][\w$.]*)\s*$")
_MUSTACHE = re.compile(r"\{\{\s*([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*)|\[\s*['\"]([\w$]+)['\"]\s*\])?\s*\}\}")
_WRAPPERS = frozenset({"ref", "reactive", "shallowRef", "readonly", "Object.freeze"})


def arrays(programs: list[Program]) -> dict[str, list[Item]]:
    """Each name the scripts give an array literal (a ``data()`` member, a ``const``, a ``ref([...])``): its items,
    a string or an object's string members; the first literal of a name counts."""
    out: dict[str, list[Item]] = {}
    for prog in programs:
        stack = [prog.parsed.root]
        while stack:
            n = stack.pop()
            stack.extend(reversed(n.named_children))
            if n.type == "pair":
                key, value = n.child_by_field_name("key"), n.child_by_field_name("value")
            elif n.type == "variable_declarator":
                key, value = n.child_by_field_name("name"), n.child_by_field_name("value")
            else:
                continue
            value = _unwrapped(prog, value)
            if key is None or value is None or value.type != "array":
                continue
            name = prog.text(key).strip("'\"")
            if name not in out:
                out[name] = [item for item in (_item(prog, v) for v in value.named_children[:_MAX_ITEMS]) if item is not None]
    return out


def _unwrapped(prog: Program, value: Node | None) -> Node | None:
    """``ref([...])``, ``reactive([...])``, ``[...] as const``: the array inside."""
    value = bare(value) if value is not None else None
    if value is not None and value.type == "call_expression":
        fn = value.child_by_field_name("function")
        args = value.child_by_field_name("arguments")
        if fn is not None and prog.text(fn) in _WRAPPERS and args is not None and args.named_children:
            return args.named_children[0]
    return value


def _item(prog: Program, node: Node) -> Item | None:
    if node.type in STRING_TYPES:
        return prog.string_value(node) or ""
    if node.type == "number":
        return prog.text(node)
    if node.type == "object":
        members: dict[str, str] = {}
        for pair in node.named_children:
            key, val = pair.child_by_field_name("key"), pair.child_by_field_name("value")
            if pair.type == "pair" and key is not None and val is not None and val.type in (*STRING_TYPES, "number"):
                members[prog.text(key).strip("'\"")] = prog.string_value(val) or prog.text(val)
        return members
    return None


def expand(root: lxml.etree._Element, lists: dict[str, list[Item]]) -> None:
    """Write each ``v-for`` element over a known list once per item, in place of the one written."""
    if not lists:
        return
    written = 0
    for el in list(root.iter()):
        loop = el.get("v-for") if isinstance(el.tag, str) else None
        m = _V_FOR.match(loop or "")
        parent = el.getparent()
        if m is None or parent is None:
            continue
        items = lists.get(m.group(2).split(".")[-1])
        if not items:
            continue
        var = m.group(1)
        at = parent.index(el)
        size = sum(1 for _ in el.iter())  # a repeated block is copied whole: its elements count against the budget
        kept = items[: min(_MAX_ITEMS, (_MAX_EXPANDED - written) // size)]
        if not kept:
            return
        for i, item in enumerate(kept):
            clone = copy.deepcopy(el)
            del clone.attrib["v-for"]
            clone.tail = el.tail if i == len(kept) - 1 else None  # the text after the element follows the last item
            for node in clone.iter():
                if isinstance(node.tag, str):
                    _fill(node, var, item)
            parent.insert(at + 1 + i, clone)
        written += len(kept) * size
        el.tail = None
        parent.remove(el)


def _fill(node: lxml.etree._Element, var: str, item: Item) -> None:
    """The item's texts where the element prints it (``{{ r }}``, ``{{ f.label }}``) or binds an attribute to it
    (``:value="r"``, ``:name="f.name"``, ``v-model="form[f.name]"``)."""

    def said(m: re.Match[str]) -> str:
        if m.group(1) != var:
            return m.group(0)
        key = m.group(2) or m.group(3)
        value = (item.get(key, "") if key else "") if isinstance(item, dict) else ("" if key else item)
        return value if value else m.group(0)

    if node.text and "{{" in node.text:
        node.text = _MUSTACHE.sub(said, node.text)
    if node.tail and "{{" in node.tail:
        node.tail = _MUSTACHE.sub(said, node.tail)
    for name, value in list(node.attrib.items()):
        if not name.startswith((":", "v-bind:", "v-model")):
            continue
        filled = _bound(value, var, item)
        if filled is None:
            continue
        if name.startswith("v-model"):  # v-model="form[f.name]": the field it binds is named by the item
            node.set(name, filled)
        else:
            del node.attrib[name]
            node.set(name.split(":", 1)[1], filled)


_PATH = re.compile(r"^\s*([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?\s*$")
_INDEXED = re.compile(r"^\s*([A-Za-z_$][\w$.]*)\[\s*([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?\s*\]\s*$")


def _bound(value: str, var: str, item: Item) -> str | None:
    """What ``:attr="x"`` / ``:attr="x.key"`` gives for this item, and ``form[x.key]`` the path it names; None when
    the expression is not the item's."""
    m = _PATH.match(value)
    if m is not None and m.group(1) == var:
        return _member(item, m.group(2))
    m = _INDEXED.match(value)
    if m is not None and m.group(2) == var:
        key = _member(item, m.group(3))
        return f"{m.group(1)}.{key}" if key else None
    return None


def _member(item: Item, key: str | None) -> str | None:
    if isinstance(item, dict):
        return item.get(key) if key else None
    return None if key else item
