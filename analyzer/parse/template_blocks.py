"""The blocks a child template defines: a condition written around one of them gates nothing.

A template that extends another (Jinja, Django, Twig and Nunjucks: ``{% extends "base.html" %}``; Latte:
``{layout '@layout.latte'}`` or ``{extends …}``) renders its parent, and each ``{% block name %}`` it defines
replaces the parent's block of that name wherever the parent places it. The engines collect a child's block
definitions when they compile it, whatever tag surrounds them, and print nothing else of the child's top level:
Django's ``ExtendsNode`` takes every ``BlockNode`` of the child's node list, Jinja and Nunjucks compile every block
of the file into a function of its own (``find_all(nodes.Block)``, ``findAll(nodes.Block)``), and Twig's and Latte's
manuals say it in words ("this template does not define a block conditionally", twig.symfony.com/doc/3.x/tags/
extends.html, "How do blocks work?"; "a block will always be created regardless of whether the surrounding {if}
condition is evaluated to be true or false", latte.nette.org/en/template-inheritance). So
``{% if consent %}{% block tracking %}<script>…</script>{% endblock %}{% endif %}`` in a child renders the script
for every visitor; an ``{% if %}`` inside the block gates it as in any template.

A block nested in another block is rendered both where its outer block puts it and wherever the parent places a
block of its name, so only the conditions inside the innermost block count.

Not read this way: Liquid (Shopify has no block inheritance; LiquidJS's ``{% layout %}`` renders the child's blocks
as it runs, so a condition around one decides whether it is defined), Blade (``@section`` runs in order, with
``@extends`` rendered at the end of the file), and Nette's automatic ``@layout.latte`` (a presenter's template
without a ``{layout}`` tag): a template that names no parent is read as rendering its blocks in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from analyzer.parse.templates import Region


@dataclass(frozen=True)
class Block:
    name: str
    tag: str  # the opening tag as written, for evidence
    body_start: int  # the end of the opening tag
    end: int  # the start of the closing tag (the end of the text when the block is left open)


# Per dialect, on a tag's inner text: the tag that makes the template a child, a block's opening tag (name, rest),
# and its closing tag. Jinja's "{% block name scoped %}" / "required" have a body; Twig's shortcut
# "{% block title page_title|title %}" has none. Latte's "{layout none}" names no parent; its anonymous
# "{block|strip}" and "{block local name}" open blocks too.
_CHILD = {
    "jinja": re.compile(r"^extends\s"),
    "latte": re.compile(r"^(?:layout|extends)\s+(?!none\b)\S"),
}
_OPEN = {
    "jinja": re.compile(r"^block\s+([\w-]+)\s*(.*)$", re.S),
    "latte": re.compile(r"^block\b(?:\s+(?:local\s+)?([\w$-]+))?\s*(.*)$", re.S),
}
_CLOSE = {"jinja": re.compile(r"^endblock\b"), "latte": re.compile(r"^/block\b")}
_BODY_MODIFIERS = frozenset({"", "scoped", "required", "scoped required", "required scoped"})


def child_blocks(regions: list[Region], dialect: str, end: int, inner_of: Callable[[str], str]) -> list[Block]:
    """The blocks of a child template, given its regions and how a tag's inner text is read (``inner_of``); none when
    the template extends no other or its dialect renders blocks where they stand."""
    child = _CHILD.get(dialect)
    if child is None:
        return []
    inner = [inner_of(r.body) if r.kind == "code" else "" for r in regions]
    if not any(child.match(i) for i in inner):
        return []
    opener, closer = _OPEN[dialect], _CLOSE[dialect]
    stack: list[tuple[str, str, int]] = []
    blocks: list[Block] = []
    for r, text in zip(regions, inner, strict=True):
        if r.kind != "code":
            continue
        if m := opener.match(text):
            if dialect == "jinja" and m.group(2).strip() not in _BODY_MODIFIERS:
                continue  # Twig's shortcut: the block's content is written in its tag
            stack.append((m.group(1) or "", r.body, r.end))
        elif closer.match(text) and stack:
            name, tag, body_start = stack.pop()
            blocks.append(Block(name, tag, body_start, r.start))
    blocks += [Block(name, tag, body_start, end) for name, tag, body_start in stack]
    return blocks
