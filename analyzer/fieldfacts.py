"""Form fields of a parsed page, with every text that says what they ask (docs/fields.md).

For each input, textarea, select and contenteditable region: type, name, id, autocomplete, the
label (``for=``, wrapping, ``aria-label``, ``aria-labelledby``), the enclosing fieldset's legend,
the question text before a radio/checkbox group, option labels, placeholder and title; and the
attributes and classes on the field and its ancestors (masking markers live there).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

import lxml.etree

from analyzer.htmldoc import Page
from analyzer.lexicon import Category, Classification, TermIndex, classify, tokens

_CLASSIFIED: dict[tuple, object] = {}
_MISSING = object()
SKIP_TYPES = frozenset({"hidden", "submit", "button", "image", "reset", "file"})
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "label", "span", "div", "strong", "b", "dt", "th", "td", "li")
_MAX_TEXT = 300


@dataclass(frozen=True)
class FieldSite:
    classification: Classification
    line: int
    column: int
    tag: str
    type: str
    name: str
    id: str
    autocomplete: str
    texts: dict[str, str]
    attrs: dict[str, str]  # on the field itself
    ancestor_attrs: tuple[tuple[str, str], ...] = ()  # (name, value) on the field's ancestors
    ancestor_classes: frozenset[str] = field(default_factory=frozenset)

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.attrs.get("class", "").split())

    @property
    def control(self) -> str:
        """text | radio | checkbox | select | range | contenteditable | password."""
        if self.tag == "select":
            return "select"
        if self.tag == "contenteditable":
            return "contenteditable"
        if self.type in ("radio", "checkbox", "range", "password"):
            return self.type
        return "text"

    @property
    def label(self) -> str:
        for src in ("label", "question", "legend", "placeholder", "title"):
            if self.texts.get(src):
                return self.texts[src]
        return self.name or self.id


def _text(el: lxml.etree._Element) -> str:
    parts = [t.strip() for t in el.itertext() if t and t.strip()]
    return " ".join(parts)[:_MAX_TEXT]


class _IdLookup:
    """Elements by id, looked up only when a field uses aria-labelledby (a dict of every id
    would walk the whole tree through Python for each page with a form)."""

    def __init__(self, root: lxml.etree._Element) -> None:
        self.root = root

    def get(self, ident: str) -> lxml.etree._Element | None:
        found = self.root.xpath("//*[@id=$v]", v=ident)
        return found[0] if found else None


def _labels(root: lxml.etree._Element) -> dict[str, str]:
    by_for: dict[str, str] = {}
    for label in root.iter("label"):
        target = label.get("for")
        if target:
            by_for.setdefault(target, _text(label))
    return by_for


def _is_control(el: lxml.etree._Element) -> bool:
    """A form control, or an element holding one or labelling one (``<label for=…>``)."""
    if el.tag in ("input", "select", "textarea") or (el.tag == "label" and el.get("for")):
        return True
    return any(el.find(f".//{t}") is not None for t in ("input", "select", "textarea"))


def _question(el: lxml.etree._Element, name: str, group_first: dict[str, lxml.etree._Element]) -> str:
    """The text just before a radio/checkbox group: the nearest preceding block with text. The
    walk stops at another form control: text above that belongs to it, not to this group."""
    node = group_first.get(name, el)
    for _ in range(6):
        sibling = node.getprevious()
        while sibling is not None:
            if isinstance(sibling.tag, str) and sibling.tag != "br":
                if _is_control(sibling):
                    return ""
                text = _text(sibling)
                if text:
                    return text
            sibling = sibling.getprevious()
        parent = node.getparent()
        if parent is None or parent.tag in ("form", "body", "fieldset"):
            break
        if parent.text and parent.text.strip() and parent.tag != "label":
            return parent.text.strip()[:_MAX_TEXT]
        node = parent
    return ""


def _ancestors(el: lxml.etree._Element) -> tuple[tuple[tuple[str, str], ...], frozenset[str], str, str]:
    attrs: list[tuple[str, str]] = []
    classes: set[str] = set()
    legend = wrap = ""
    for anc in el.iterancestors():
        if not isinstance(anc.tag, str):
            continue
        for k, v in anc.attrib.items():
            if k == "class":
                classes.update((v or "").split())
            elif k.startswith(("data-", "aria-")) or k in ("contenteditable",):
                attrs.append((k, v or ""))
        if anc.tag == "fieldset" and not legend:
            lg = anc.find("legend")
            legend = _text(lg) if lg is not None else ""
        if anc.tag == "label" and not wrap:
            wrap = _text(anc)
    return tuple(attrs), frozenset(classes), legend, wrap


_EDITABLE = re.compile("contenteditable", re.I)


def extract(page: Page, categories: dict[str, Category], consent: TermIndex | None = None) -> list[FieldSite]:
    """The page's sensitive fields (benign ones are classified and dropped), positioned."""
    root = page.root
    if root is None:
        return []
    # Attribute names are case-insensitive (React writes contentEditable). A case-insensitive regex
    # costs 0.2 ms on a 42 KB page; two plain searches rule most pages out first.
    text = page.text
    editable = ("ditable" in text or "DITABLE" in text) and _EDITABLE.search(text) is not None
    if next(root.iter("input", "select", "textarea"), None) is None and not editable:
        return []  # most pages have no form (lxml's C iteration beats scanning the text)
    by_for = _labels(root)
    ids = _IdLookup(root)
    elements = [el for el in root.iter("input", "textarea", "select")]
    group_first: dict[str, lxml.etree._Element] = {}
    for el in elements:
        if el.tag == "input" and (el.get("type") or "").lower() in ("radio", "checkbox") and el.get("name"):
            group_first.setdefault(el.get("name"), el)
    for tag in ("input", "textarea", "select"):
        page.register(tag, [el.sourceline or 0 for el in root.iter(tag)])
    index = {tag: 0 for tag in ("input", "textarea", "select")}
    out = []
    radio_groups: set[str] = set()
    for el in elements:
        i = index[el.tag]
        index[el.tag] += 1
        typ = (el.get("type") or ("text" if el.tag == "input" else el.tag)).lower()
        if el.tag == "input" and typ in SKIP_TYPES:
            continue
        if typ == "radio" and el.get("name"):
            # One answer per radio group: report the group once, at its first choice.
            if el.get("name") in radio_groups:
                continue
            radio_groups.add(el.get("name"))
        out.append(_site(page, el, el.tag, i, typ, by_for, ids, group_first, categories, consent))
    for el in root.xpath("//*[@contenteditable]") if editable else ():
        if (el.get("contenteditable") or "").lower() in ("", "true", "plaintext-only"):
            out.append(_site(page, el, "contenteditable", -1, "contenteditable", by_for, ids, group_first, categories, consent))
    return [f for f in out if f is not None]


def _site(page: Page, el, tag: str, index: int, typ: str, by_for: dict, ids: dict, group_first: dict, categories: dict, consent: TermIndex | None = None) -> FieldSite | None:
    attrs = {k: v or "" for k, v in el.attrib.items()}
    anc_attrs, anc_classes, legend, wrap = _ancestors(el)
    texts: dict[str, str] = {}
    label = by_for.get(attrs.get("id", ""), "") or wrap or attrs.get("aria-label", "")
    if attrs.get("aria-labelledby"):
        label = " ".join(filter(None, [label] + [_text(e) for e in (ids.get(i) for i in attrs["aria-labelledby"].split()) if e is not None]))
    texts["label"] = label
    if typ in ("radio", "checkbox"):
        texts["question"] = _question(el, attrs.get("name", ""), group_first)
        texts["options"] = wrap or by_for.get(attrs.get("id", ""), "") or attrs.get("value", "")
        texts["label"] = "" if texts["options"] == label else label
    if tag == "select":
        texts["options"] = " ".join(_text(o) for o in el.iter("option"))[:_MAX_TEXT]
    texts["legend"] = legend
    texts["placeholder"] = attrs.get("placeholder", "")
    texts["title"] = attrs.get("title", "")
    texts["name"] = attrs.get("name", "")
    texts["id"] = attrs.get("id", "")
    texts = {k: v for k, v in texts.items() if v}
    # Keyed on the words the classifier reads, not the raw texts: "email17" and "email18" are
    # one classification (a generated form of 200k numbered fields once classified each).
    key = (id(categories), id(consent), tuple(sorted((k, tokens(v)) for k, v in texts.items())), typ, attrs.get("autocomplete", ""))
    found = _CLASSIFIED.get(key, _MISSING)
    if found is _MISSING:  # forms repeat across a site's pages (layout newsletter, login): classify once
        found = classify(texts, categories, typ, attrs.get("autocomplete", ""), consent)
        if len(_CLASSIFIED) > 16384:
            _CLASSIFIED.clear()
        _CLASSIFIED[key] = found
    if found is None:
        return None
    line, column = page.locate(tag, index) if index >= 0 else (el.sourceline or 1, 1)
    return FieldSite(
        classification=found,
        line=line,
        column=column,
        tag=tag,
        type=typ,
        name=attrs.get("name", "") or attrs.get("id", ""),
        id=attrs.get("id", ""),
        autocomplete=attrs.get("autocomplete", ""),
        texts=texts,
        attrs=attrs,
        ancestor_attrs=anc_attrs,
        ancestor_classes=anc_classes,
    )
