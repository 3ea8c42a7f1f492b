"""Apache Tapestry 5 templates (``.tml``): the form components a page writes, read as the controls they render
(``tapestry`` in ``signatures/ui_components.toml``).

A Tapestry page writes its controls as components: ``<t:textfield t:id="diagnosis" value="patient.diagnosis"/>``
or an HTML element naming one (``<input t:type="textfield" t:id="diagnosis"/>``). Tapestry renders each as the
native control, named by its component id; its label is the ``label`` parameter, else the page's message
catalogue entry ``diagnosis-label``, else the id made readable ("Diagnosis"), printed where a Label component
names the field (``<t:label for="diagnosis"/>``, which prints its own body instead when it has one). A RadioGroup
names the radios inside it; a Select whose model is a literal list (``model="literal:Ja,Nein"``) shows those
choices. The page's tree is changed in place before its fields are read (``analyzer.facts.fieldfacts.extract``),
each component at the line where it is written, as ``template_components`` does for other kits.
"""

from __future__ import annotations

import re

import lxml.etree

from analyzer.facts.template_components import RENAMED, member_path, texts_substituted
from analyzer.parse import messages
from analyzer.parse.form_helpers import key_words, message_words
from analyzer.parse.htmldoc import Page
from analyzer.parse.positions import LineIndex
from analyzer.parse.templates import Reference
from analyzer.signatures import TapestryKit

_COMPONENT = re.compile(r"[a-z][\w]{0,60}(?:\.[a-z][\w]{0,60}){0,6}")  # layout, examples.component.mycomponent
_MAX_REFERENCES = 200
_EXPANSION = re.compile(r"\$\{\s*message:([\w.-]{1,200})\s*\}")  # ${message:patient.diagnosis}: the catalogue's text


def is_tapestry(path: str, source: str, kit: TapestryKit) -> bool:
    """Whether a page is a Tapestry template: by its file's ending, else by the namespace it declares."""
    return bool(kit.types) and (path.lower().endswith(kit.suffixes) or any(m in source for m in kit.namespaces))


def components(page: Page, kit: TapestryKit) -> list[Reference]:
    """The page's own components a template renders (``<html t:type="layout">``, ``<t:layout>``, ``<t:site.footer/>``):
    each a reference to the component's template (``components/Layout.tml``), so a page is rendered with the recorders
    its layout loads (``analyzer.resolve.composition``). The component wrapping the whole page is its layout; the
    others are included where they stand. Tapestry's own components (a form, its fields, ``t:if``) name no file of the
    site and are left out; a name no scanned template has links nothing."""
    root = page.root
    if root is None:
        return []
    lines = LineIndex(page.source)
    seen: set[str] = set()
    out: list[Reference] = []
    for el in root.iter():
        name = _type(el)
        if not name or name in seen or name in kit.types or name in kit.groups or name in kit.labels or name in kit.forms:
            continue
        if not _COMPONENT.fullmatch(name) or len(out) >= _MAX_REFERENCES:
            continue
        seen.add(name)
        # the page's outermost element (<html t:type="layout">, or <t:layout> the parser put in an <html><body>) wraps it
        outermost = el is root or all(a.tag in ("html", "body") and not _type(a) for a in el.iterancestors())
        kind = "extends" if outermost and not out else "include"
        out.append(Reference(lines.offset(max(int(el.sourceline or 1), 1), 1), kind, name))
    return out


def native(page: Page, kit: TapestryKit) -> None:
    """Rename the page's Tapestry components to the controls and labels they render (see the module's text)."""
    root = page.root
    if root is None:
        return
    if "${" in page.text:
        _expanded_messages(root)
    shown: dict[str, str] = {}  # a field's id -> the label Tapestry gives it
    for group in [el for el in root.iter() if _type(el) in kit.groups]:
        name = _field_id(group)
        if name:
            for choice in group.iter():
                if kit.types.get(_type(choice)) == ("input", "radio"):
                    choice.set("data-replaylint-group", name)
    for el in list(root.iter()):
        kind = _type(el)
        if kind in kit.forms:
            _rename(el, "form")
            continue
        control = kit.types.get(kind)
        if control is None:
            continue
        field_id = _field_id(el)
        given = _label_parameter(el)
        for attr in ("t:label", "label"):  # a parameter: Tapestry renders no such attribute
            el.attrib.pop(attr, None)
        shown[field_id] = given or _default_label(field_id)
        tag, typ = control
        _rename(el, tag)
        if typ:
            el.set("type", typ)
        name = el.attrib.pop("data-replaylint-group", None) or field_id
        if name:
            el.set("name", name)  # Tapestry writes the control's name: a name written for a preview is replaced
        if field_id and not el.get("id"):
            el.set("id", field_id)
        if given and not el.get("aria-label"):
            el.set("aria-label", given[:200])
        if tag == "select" and len(el) == 0:
            _literal_options(el)
    for el in [el for el in root.iter() if _type(el) in kit.labels]:
        target = el.get("t:for") or el.get("for") or ""
        _rename(el, "label")
        if target:
            el.set("for", target)
        if not "".join(el.itertext()).strip() and target:
            el.text = shown.get(target) or _default_label(target)


def _type(el: lxml.etree._Element) -> str:
    """The component an element is: ``<t:textfield>``'s name or ``t:type="TextField"`` (lower case); "" for none."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.startswith("t:"):
        return tag[2:]
    return (el.get("t:type") or "").strip().lower()


def _rename(el: lxml.etree._Element, tag: str) -> None:
    if el.tag != tag:
        el.set(RENAMED, str(el.tag))  # located by the parser's line, not paired with the text's n-th "<input"
        el.tag = tag


def _field_id(el: lxml.etree._Element) -> str:
    """A component's id (``t:id``), else the property its value parameter binds (``value="patient.diagnosis"``:
    "diagnosis"), the name a developer gave the field."""
    given = (el.get("t:id") or "").strip()
    if given:
        return given
    bound = (el.get("t:value") or el.get("value") or "").strip()
    parts = member_path(bound.removeprefix("prop:"))  # literal:H, a radio's own value, names no property
    return parts[-1] if parts else ""


def _label_parameter(el: lxml.etree._Element) -> str:
    """The field's ``label`` parameter: a literal unless prefixed (``message:key`` is the catalogue's text, else the
    key's words); a property's or an expansion's value is not known here."""
    said = " ".join((el.get("t:label") or el.get("label") or "").split())
    if not said:
        return ""
    prefix, colon, rest = said.partition(":")
    if colon and prefix == "literal":
        return rest.strip()
    if colon and prefix == "message":
        return message_words(rest.strip())
    if (colon and re.fullmatch(r"[a-z]+", prefix)) or "${" in said:
        return ""
    return said


def _default_label(field_id: str) -> str:
    """What Tapestry labels a field with no label parameter: its catalogue entry ``<id>-label``, else its id made
    readable ("firstName": "First Name")."""
    if not field_id:
        return ""
    text = messages.installed().text(f"{field_id}-label")
    if text:
        return text
    return " ".join(w[:1].upper() + w[1:] for w in key_words(field_id).split())


def _literal_options(select: lxml.etree._Element) -> None:
    """A Select whose model is a literal list (``model="literal:Red,Green,Blue"``) shows those choices."""
    model = (select.get("t:model") or select.get("model") or "").strip()
    if not model.startswith("literal:"):
        return
    for choice in model[len("literal:") :].split(",")[:100]:
        text = choice.strip()
        if text:
            option = lxml.etree.SubElement(select, "option")
            option.text = text
            option.set("value", text)


def _expanded_messages(root: lxml.etree._Element) -> None:
    """``${message:key}`` in a text prints the catalogue's text for the key (else the key's words)."""

    def said(m: re.Match[str]) -> str:
        return message_words(m.group(1))

    for el in root.iter():
        texts_substituted(el, _EXPANSION, said, "${")
        for attr, value in el.attrib.items():
            if "${message:" in value:
                el.set(attr, _EXPANSION.sub(said, value))
