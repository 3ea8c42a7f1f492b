"""Script tags declared as data in framework head configuration.

Static-site and SSR frameworks take the page head as data and render it into every page:

- VitePress / VuePress ``head: [['script', {src: …, async: ''}, 'inline code']]``
- Nuxt / unhead ``app.head.script`` and ``useHead({script: [{src: …, innerHTML: …}]})``,
  Docusaurus ``scripts: ['https://…', {src: …}]``
- Docusaurus ``headTags`` / ``injectHtmlTags`` ``{tagName: 'script', attributes: {…}, innerHTML}``,
  Astro Starlight ``head: [{tag: 'script', attrs: {…}, content: …}]``
- compiled JSX and render functions: ``React.createElement('script', {src, dangerouslySetInnerHTML:
  {__html}})``, ``jsx('script', {…})``, ``h('script', {…})`` (Gatsby plugins ship this form)

Given a string literal, :func:`entry_of` says whether it is a script entry's URL or inline body and
returns the entry with its static attributes, so the entry can be judged like a ``<script>`` tag.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from analyzer.parse.jsfacts import STRING_TYPES, Program

# The key names come from signatures/script_types.toml [code] (head_lists, head_tag_keys,
# head_attr_keys, script_text, element_factories), passed in as ``code``.
Conventions = dict[str, frozenset[str]]


@dataclass(frozen=True)
class Entry:
    node: Node  # the entry (object literal, tuple or bare URL string) to report and judge
    role: str  # "src" | "body"
    attrs: tuple[tuple[str, str], ...]  # static string attributes (type, async, data-category, …)
    shape: str  # how the framework spells it, for the evidence


def _static_attrs(prog: Program, obj: Node | None) -> tuple[tuple[str, str], ...]:
    if obj is None or obj.type != "object":
        return ()
    out = []
    for name, value in prog.pairs(obj).items():
        if value.type in STRING_TYPES:
            out.append((name, prog.string_value(value) or ""))
        elif value.type == "true":
            out.append((name, ""))
    return tuple(out)


def _parent(node: Node) -> Node | None:
    p = node.parent
    while p is not None and p.type in ("parenthesized_expression", "as_expression", "satisfies_expression"):
        p = p.parent
    return p


def _in_script_list(prog: Program, array: Node | None, code: Conventions) -> bool:
    pair = _parent(array) if array is not None and array.type == "array" else None
    return pair is not None and pair.type == "pair" and prog.key_of(pair) in code["head_lists"]


def _tag_entry(prog: Program, obj: Node, code: Conventions) -> Node | None:
    """``{tagName: 'script', …}`` / ``{tag: 'script', …}``."""
    pairs = prog.pairs(obj)
    return obj if any(prog.string_value(pairs.get(k)) == "script" for k in code["head_tag_keys"]) else None


def _factory_call(prog: Program, obj: Node | None, code: Conventions) -> Node | None:
    """The ``createElement('script', obj)`` call (or jsx/h) whose props ``obj`` is, else None."""
    args = _parent(obj) if obj is not None else None
    call = args.parent if args is not None and args.type == "arguments" else None
    if args is None or call is None or call.type != "call_expression":
        return None
    callee = prog.path(prog.callee(call))
    items = [c for c in args.named_children if c.type != "comment"]
    factory = (
        callee.rsplit(".", 1)[-1] in code["element_factories"]
        and len(items) >= 2
        and items[1] == obj
        and prog.string_value(items[0]) == "script"
    )
    return call if factory else None


def entry_of(prog: Program, literal: Node, code: Conventions) -> Entry | None:
    """The script entry whose URL or inline body ``literal`` is, else None."""
    parent = _parent(literal)
    if parent is None:
        return None
    # VitePress tuple: ['script', {attrs}, 'body'].
    if parent.type == "array":
        items = [c for c in parent.named_children if c.type != "comment"]
        if len(items) >= 2 and prog.string_value(items[0]) == "script":
            if len(items) >= 3 and items[2] == literal:
                return Entry(parent, "body", _static_attrs(prog, items[1]), "['script', {…}, code] head entry")
        if literal.type in STRING_TYPES and _in_script_list(prog, parent, code):
            return Entry(literal, "src", (), "scripts: ['…'] entry")
        return None
    if parent.type != "pair":
        return None
    key = prog.key_of(parent)
    obj = _parent(parent)
    if obj is None or obj.type != "object" or key not in code["script_text"] | {"src", "__html"}:
        return None
    role = "src" if key == "src" else "body"
    holder = _parent(obj)
    # createElement('script', {src}) / {dangerouslySetInnerHTML: {__html}}.
    if key == "__html" and holder is not None and holder.type == "pair" and prog.key_of(holder) == "dangerouslySetInnerHTML":
        obj, holder = _parent(holder), None
        if obj is None or obj.type != "object":
            return None
    if (call := _factory_call(prog, obj, code)) is not None:
        return Entry(call, role, _static_attrs(prog, obj), "createElement('script', {…})")
    if holder is None:
        return None
    # VitePress tuple attributes: ['script', {src: …}].
    if holder is not None and holder.type == "array" and key == "src":
        items = [c for c in holder.named_children if c.type != "comment"]
        if len(items) >= 2 and items[1] == obj and prog.string_value(items[0]) == "script":
            return Entry(holder, role, _static_attrs(prog, obj), "['script', {src}] head entry")
    # Docusaurus/Starlight: {tagName: 'script', attributes: {src}} or {tag: 'script', content}.
    if holder is not None and holder.type == "pair" and prog.key_of(holder) in code["head_attr_keys"] and key == "src":
        entry = _parent(holder)
        if entry is not None and entry.type == "object" and _tag_entry(prog, entry, code) is not None:
            return Entry(entry, role, _static_attrs(prog, obj), "{tagName: 'script', attributes} head tag")
    if _tag_entry(prog, obj, code) is not None:
        attrs_node = next((v for k, v in prog.pairs(obj).items() if k in code["head_attr_keys"]), None)
        return Entry(obj, role, _static_attrs(prog, attrs_node), "{tagName: 'script'} head tag")
    # Nuxt/unhead/Docusaurus: script: [{src, …}] / scripts: [{src}].
    if _in_script_list(prog, holder, code):
        return Entry(obj, role, _static_attrs(prog, obj), "script: [{…}] head entry")
    return None
