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

Not every block tag is a definition of the child's: the blocks inside a Twig or Latte ``{% embed %}…{% endembed %}``
override the embedded template and render where the embed stands, and Latte's anonymous ``{block}`` /
``{block|filter}`` and ``{block local name}`` render in place (latte.nette.org/en/template-inheritance); such a block
opens no block here, and the conditions around it gate as anywhere in the child's block that holds it.

A block nested in another block of the child is rendered where its outer block puts it, under the conditions
between the two, and also wherever the parent places a block of its name, under none of them (jinja_check.py of the
review s42, finding 4: the parent decides). Conditions around the top-level block gate nothing; those inside the
innermost block gate; those between the top-level and the nested block (``Block.top``) gate only when no template the
child extends defines a block of its name, which the composition pass reads (``Definitions.names``).

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
    top: int  # the body_start of the child's top-level block that holds this one (its own when it is top-level)


# Per dialect, on a tag's inner text: the tag that makes the template a child, a block's opening tag (local, name,
# rest), and its closing tag. Jinja's "{% block name scoped %}" / "required" have a body; Twig's shortcut
# "{% block title page_title|title %}" has none. Latte's "{layout none}" names no parent; its anonymous
# "{block|strip}" and "{block local name}" open blocks that render in place. An embed's blocks are the embedded
# template's.
_CHILD = {
    "jinja": re.compile(r"^extends\s"),
    "latte": re.compile(r"^(?:layout|extends)\s+(?!none\b)\S"),
}
_OPEN = {
    "jinja": re.compile(r"^block\s+()([\w-]+)\s*(.*)$", re.S),
    "latte": re.compile(r"^block\b(?:\s+(local\s+)?([\w$-]+))?\s*(.*)$", re.S),
}
_CLOSE = {"jinja": re.compile(r"^endblock\b"), "latte": re.compile(r"^/block\b")}
_EMBED = {"jinja": (re.compile(r"^embed\s"), re.compile(r"^endembed\b")), "latte": (re.compile(r"^embed\s"), re.compile(r"^/embed\b"))}
_BODY_MODIFIERS = frozenset({"", "scoped", "required", "scoped required", "required scoped"})


@dataclass
class _Open:
    kind: str  # "block" (the child's definition), "in place" (a block rendered where it stands) or "embed"
    name: str
    tag: str
    body_start: int
    top: int | None  # the body_start of the child's top-level block that holds this one, if any
    embedded: bool  # inside an embed (this one or one around it)


@dataclass(frozen=True)
class Definitions:
    child: bool  # the template extends another
    blocks: list[Block]  # a child's blocks; none when the template extends no other
    names: frozenset[str]  # the names of the blocks the template defines, child or parent (where a parent places its child's)


def block_definitions(regions: list[Region], dialect: str, end: int, inner_of: Callable[[str], str]) -> Definitions:
    """The blocks a template defines, given its regions and how a tag's inner text is read (``inner_of``); none when its
    dialect renders blocks where they stand."""
    child = _CHILD.get(dialect)
    if child is None:
        return Definitions(False, [], frozenset())
    inner = [inner_of(r.body) if r.kind == "code" else "" for r in regions]
    found = _definitions(regions, inner, dialect, end)
    extends = any(child.match(i) for i in inner)
    return Definitions(extends, found if extends else [], frozenset(b.name for b in found))


def _definitions(regions: list[Region], inner: list[str], dialect: str, end: int) -> list[Block]:
    opener, closer = _OPEN[dialect], _CLOSE[dialect]
    embed, unembed = _EMBED[dialect]
    stack: list[_Open] = []
    found: list[Block] = []
    for r, text in zip(regions, inner, strict=True):
        if r.kind != "code":
            continue
        if m := opener.match(text):
            if dialect == "jinja" and m.group(3).strip() not in _BODY_MODIFIERS:
                continue  # Twig's shortcut: the block's content is written in its tag
            embedded = bool(stack) and stack[-1].embedded
            in_place = bool(m.group(1)) or not m.group(2) or embedded
            top = stack[-1].top if stack else None
            kind = "in place" if in_place else "block"
            stack.append(_Open(kind, m.group(2) or "", r.body, r.end, r.end if top is None and not in_place else top, embedded))
        elif embed.match(text):
            stack.append(_Open("embed", "", r.body, r.end, stack[-1].top if stack else None, True))
        elif closer.match(text) and stack and stack[-1].kind != "embed":
            _close(stack.pop(), r.start, found)
        elif unembed.match(text) and stack and stack[-1].embedded:
            while stack.pop().kind != "embed":
                pass
    for o in stack:
        _close(o, end, found)
    return found


def _close(o: _Open, end: int, blocks: list[Block]) -> None:
    if o.kind == "block":
        blocks.append(Block(o.name, o.tag, o.body_start, end, o.body_start if o.top is None else o.top))
