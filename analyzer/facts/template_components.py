"""Form components of Vue, Angular and web-component kits in a template, read as the native controls
they render (``template_component``, ``template_wrapper`` and ``bindings`` in
``signatures/ui_components.toml``).

``<v-text-field v-model="form.diagnosis" label="Diagnosis">`` renders an ``<input>`` labelled
"Diagnosis"; ``<el-form-item label="Religion"><el-select v-model="form.religion">`` a labelled
``<select>``; ``<mat-form-field><mat-label>Allergies</mat-label><input matInput formControlName="allergies">``
an input labelled by its ``mat-label``. The page's tree is changed in place before its fields are read
(``analyzer.facts.fieldfacts.extract``), so each component is read as what the visitor's browser
shows, at the line where it is written. A control without a ``name`` takes the last part of what it is
bound to (``v-model``, ``formControlName``, ``ngModel``): the identifier a developer gave it, read as a
``name`` is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import lxml.etree

from analyzer.parse import messages, symfony_forms, view_models
from analyzer.parse.form_helpers import KEY_MARKS, SHORT, display_text, message_words
from analyzer.parse.htmldoc import Page
from analyzer.parse.markup_out import HTML_ELEMENTS
from analyzer.signatures import TemplateKit, UiComponent, control_stem

_CONTROLS = ("input", "select", "textarea")
_NATIVE_ATTRIBUTES = frozenset({"title", "placeholder"})  # what HTML's own controls take: never a component's prop
# Set on an element renamed here (its original tag): the raw text has no "<input" for it, so it is located
# by the parser's line, not paired with the text's n-th "<input" (analyzer/facts/fieldfacts.py).
RENAMED = "data-replaylint-component"
# Set on a control written once for every item of a list its markup maps (``{CONDITIONS.map((c) => <label>{c.label}
# <input type="checkbox"/></label>)}``, jsxmarkup): the lines of the items, where each box the visitor gets is defined.
ITEM_LINES = "data-replaylint-items"
_EXPRESSION = re.compile(r"^[#$*]\{[^}]*\}$")  # "#{patient.diagnosis}", "${…}", "*{…}"
_LAST_PART = re.compile(r"[A-Za-z_$][\w$]*(?=\W*$)")
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)")


def native(
    page: Page,
    kit: TemplateKit,
    member: Callable[[str, str], str] | None = None,
    label_objects: frozenset[str] = frozenset(),
    component_text: str = "",
) -> None:
    """Rename the kit's components in the page's tree to the controls they render, with their labels
    and names, when its text writes one of them, binds a control, or holds a form helper's control
    written short (``analyzer.parse.form_helpers``). ``member``: for a single-file component, the string its
    script's object literals give an owner's prop (``:label="cData.bank.label"`` with ``bank: { label: 'Banco' }``:
    ``member("bank", "label")``); ``label_objects``: the names a component gives its table of messages (``{t.form.service}``
    prints the catalogue's text for ``form.service``), read in the component as written (``component_text``: its loops, its braces)."""
    members = _Members(member)
    if page.root is None:
        return
    if label_objects and "{" in page.text and _MEMBER_PATH.search(page.text) is not None:
        source = component_text or page.source
        looped = {m.group(1) or m.group(2) or m.group(3) or m.group(4) for m in _LOOP_VARIABLE.finditer(source)}
        _printed_members(page.root, label_objects - looped, source)
    if "taglib" in page.source and kit.taglibs:
        _listed_prefixes(page, kit.taglibs)
    if "{{" in page.text or KEY_MARKS[0] in page.text:
        _printed_messages(page.root, kit.printed_message)
    if not _worth_reading(page.text, kit):
        _section_titles(page.root, page.text, kit)
        return
    root = page.root
    for el in list(root.iter()):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and not el.get("name") and kit.name_props:
            # <x-select nombre="genero">: a project's component (or its copy of a kit's) named by another prop
            given = next((el.get(p) for p in kit.name_props if el.get(p)), None)
            if given and (tag in kit.components or (tag not in kit.names and _own_component(tag, kit) is not None)):
                el.set("name", given)
        component = kit.components.get(tag)
        if component is not None:
            id_prop = kit.id_props.get(tag)
            if id_prop and el.get(id_prop) and not el.get("id"):  # <p-checkbox inputId="hiv">: <label for="hiv"> names it
                el.set("id", el.get(id_prop, ""))
            _as_native(el, component.tag, component.type, component.label_prop, kit.for_props.get(tag), kit.key_props.get(tag), kit.literal)
        elif tag == SHORT:
            _short_control(el)
        elif (
            (el.get("name") or (tag not in kit.names and _bound(el, kit, members)))
            # a kit's wrapper named for the field it holds (<UFormField name="…"><UInput/>) labels that control; one that
            # holds none (<b-form-radio-group :options=… name="smoker">) is the control
            and not ((tag in kit.wrapper_props or tag in kit.wrapper_children) and _holds_control(el, kit))
            and (own := _own_component(tag, kit)) is not None
            and (el.get("name") or not own[0].named_only or _two_way(el, kit))
        ):
            # Given a field name, or bound to a field (<PresetTextArea label="Visita odierna" bind:value={form.visita}>,
            # named by the binding below); one bound to nothing and named nothing stays a wrapper, as does a kit's
            # wrapper bound to the group it holds (<v-radio-group v-model="form.pregnant">). A generic "…Field" must be
            # given a name (<x-form-field name="gender" label="Pohlaví" type="select">), its type prop choosing a select
            # or a textarea.
            given = next((p for p in own[1] if el.get(p) or el.get(f":{p}")), None)
            chosen = (el.get("type") or "").lower() if own[0].named_only else ""
            if chosen in ("select", "textarea"):
                del el.attrib["type"]
            _as_native(el, chosen if chosen in ("select", "textarea") else own[0].tag, own[0].type, given, None, None, kit.literal, members)
        elif tag in _CONTROLS and not el.get("aria-label") and (prop := _component_prop(el, tag, kit)):
            # <Input label="Medico specializzando" bind:value={…}>, <TextArea label="Conclusioni">: a component named as a
            # native control, which lxml reads as one (tag names lose their case). HTML gives these no label
            # attribute, so one written is the component's label prop.
            _as_native(el, tag, None, prop, None, None, kit.literal, members)
    for el in list(root.iter()):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in kit.wrapper_props or tag in kit.wrapper_children:
            _label_inside(el, _wrapper_label(el, kit.wrapper_props.get(tag), kit.wrapper_children.get(tag, ())), kit)
    written = tuple(a for a in kit.label_bindings if a in page.text)  # most templates bind no label: no walk
    if written:
        _model_labels(root, written, view_models.installed().for_view(page.source))
    for control in root.iter(*_CONTROLS):
        if not control.get("name"):
            bound = _bound(control, kit, members)
            if bound:
                control.set("name", bound)
    _section_titles(root, page.text, kit)


def _section_titles(root: lxml.etree._Element, text: str, kit: TemplateKit) -> None:
    """A project's own section, card or panel component around controls shows its title over them (``section_title_props``,
    as JSX's ``<SectionCard title="…">``): ``<app-section-form [title]="'God Father Details'">``, ``<v-card
    title="Antecedentes">``, ``<p-fieldset legend="Anamnèse">``. Written as an ``<h2>`` that opens it, the heading of the
    controls it holds; a native element's title (a tooltip) and a component holding no control show none."""
    props = kit.section_title_props
    if not props or _COMPONENT_TAG.search(text) is None:
        return  # a page of HTML's own elements only (a built page): nothing to look for
    # HTML's own attributes name no section on a native element (a title is a tooltip); a component named like one
    # (Svelte's <Section heading="…">, lower-cased to "section") is known by a prop HTML does not have
    own_props = tuple(p for p in props if p != "title")
    for el in _titled(props)(root):  # the elements given one of the props (one pass in lxml, not one in Python)
        given = own_props if el.tag in HTML_ELEMENTS else props
        title = next((t for p in given if (t := _literal_title(el, p, kit.literal))), "")
        if not title or next(el.iter(*_CONTROLS), None) is None:
            continue
        heading = lxml.etree.Element("h2")
        heading.text, heading.tail, el.text = title, el.text, None
        heading.sourceline = el.sourceline
        el.insert(0, heading)


# A component's start tag: a custom element's name (<app-section-form>, <v-card>, <x-card>) or a capitalised one
# (<SectionCard>, Svelte's <Section>): a template that writes none holds no section component.
_COMPONENT_TAG = re.compile(r"<(?:[a-z][a-z0-9]*-|[A-Z])")


@functools.lru_cache(maxsize=4)
def _titled(props: tuple[str, ...]) -> lxml.etree.XPath:
    """The elements that hold one of the props, written as it is or bound (``:title``, ``[title]``, ``v-bind:title``)."""
    names = " or ".join(f'name()="{n}"' for p in props for n in (p, f":{p}", f"[{p}]", f"v-bind:{p}"))
    return lxml.etree.XPath(f"//*[@*[{names}]]")


def _literal_title(el: lxml.etree._Element, prop: str, literal: re.Pattern[str]) -> str:
    """A prop's text given as written (``title="…"``) or bound to a string literal, bare or translated, as a bound label
    is read (``_literal``: ``:title="'…'"``, ``[title]="'…'"``, ``v-bind:title``, ``:title="$t('…')"``); a bound
    expression is no title (its text is not known here)."""
    plain = (el.get(prop) or "").strip()
    if plain and "{{" not in plain:
        return plain
    return next((t.strip() for bound in (f":{prop}", f"v-bind:{prop}", f"[{prop}]") if (t := _literal(el.get(bound), literal))), "")


_TAGLIB = re.compile(r"<%@\s*taglib\b([^%]{0,300})%>")
_TAGLIB_ATTR = re.compile(r"""\b(prefix|uri)\s*=\s*["']([^"']{1,200})["']""")


def _listed_prefixes(page: Page, taglibs: dict[str, str]) -> None:
    """A JSP's own prefix for a tag library listed in ``taglibs`` (``<%@ taglib prefix="f" uri="…/tags/form" %>``):
    its tags (``<f:input>``) are renamed to the listed prefix's (``<form:input>``), as the kit knows them."""
    renamed: dict[str, str] = {}
    for m in _TAGLIB.finditer(page.source):
        attrs = {a.group(1): a.group(2) for a in _TAGLIB_ATTR.finditer(m.group(1))}
        listed = taglibs.get(attrs.get("uri", ""))
        own = attrs.get("prefix", "").lower()
        if listed and own and own != listed:
            renamed[own] = listed
    if not renamed or page.root is None:
        return
    for el in page.root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        prefix, colon, rest = tag.partition(":")
        if colon and prefix in renamed:
            el.tag = f"{renamed[prefix]}:{rest}"


def _model_labels(root: lxml.etree._Element, attributes: tuple[str, ...], shown: view_models.Shown) -> None:
    """``<label asp-for="Input.Email"></label>`` before ``<input asp-for="Input.Email">``: the framework prints the
    bound property's display name in the label and ties the two by the id it gives the control. The empty label takes
    the display name the view's model gives the property (``shown``), else the property's words ("Email"), and label
    and control are tied by the property they name."""
    for el in root.iter("label", *_CONTROLS):
        bound = next((el.get(a) for a in attributes if el.get(a)), "")
        if not bound:
            continue
        if el.tag != "label":
            if not el.get("id"):
                el.set("id", bound)
            continue
        if not el.get("for"):
            el.set("for", bound)
        if not "".join(el.itertext()).strip():
            last = _LAST_PART.search(bound.strip())
            el.text = display_text(shown(bound)) or (message_words(last.group()) if last else "")


def _printed_messages(root: lxml.etree._Element, printed: re.Pattern[str]) -> None:
    """Write what a component template's translated messages print in their place: ``{{ $t('form.q7') }}``
    is the text the site's catalogue holds for the key, else the key's words (``message_words``); so is a
    key a server template's call left between ``KEY_MARKS`` (its text was longer than the call), also in an
    attribute's value (ASP.NET's ``<asp:Label Text="<%$ Resources:Mensagem, q5 %>">``, the label a server control
    shows). Texts and values only: the tree's elements keep their lines."""

    def said(m: re.Match[str]) -> str:
        return message_words(m.group("key") or m.group("piped") or m.group("marked"))

    pattern = _with_marked_keys(printed.pattern)
    marked = _with_marked_keys(_NOTHING)
    for el in root.iter():
        if el.text and ("{{" in el.text or KEY_MARKS[0] in el.text):
            el.text = pattern.sub(said, el.text)
        if el.tail and ("{{" in el.tail or KEY_MARKS[0] in el.tail):
            el.tail = pattern.sub(said, el.tail)
        for name, value in el.attrib.items():
            if KEY_MARKS[0] in value:
                el.set(name, marked.sub(said, value))


def texts_substituted(el: lxml.etree._Element, pattern: re.Pattern[str], said: Callable[[re.Match[str]], str], marker: str) -> None:
    """An element's text and tail with each match of ``pattern`` written as ``said`` gives it (only a text that holds
    ``marker``: most hold no expression)."""
    if el.text and marker in el.text:
        el.text = pattern.sub(said, el.text)
    if el.tail and marker in el.tail:
        el.tail = pattern.sub(said, el.tail)


# {t.appointment.form.service} (Astro, Svelte), {{ i18n.form.service }} (Vue): a member path of a table of messages
_MEMBER_PATH = re.compile(r"\{\{?\s*(?P<root>[A-Za-z_$][\w$]*)(?P<path>\??\.[A-Za-z_$][\w$.?]{0,200})\s*\}\}?")


# The names a template's loops give each item ({#each treatments as t}, v-for="(t, i) in items", *ngFor="let t of
# items", items.map((t) => …)): such a name is an item, not a table of messages.
_LOOP_VARIABLE = re.compile(
    r"\bas\s{1,20}([A-Za-z_$][\w$]{0,60})|v-for=[\"']\(?\s{0,20}([A-Za-z_$][\w$]{0,60})"
    r"|\blet\s{1,20}([A-Za-z_$][\w$]{0,60})\s{1,20}of\b|\.map\(\s{0,20}\(?\s{0,20}([A-Za-z_$][\w$]{0,60})"
)


def _printed_members(root: lxml.etree._Element, objects: frozenset[str], source: str = "") -> None:
    """Write what a component's table of messages prints in its place: ``{t.appointment.form.service}``, where ``t`` is
    one of ``objects`` (``jsx_bindings.label_objects``) and the site's catalogues hold the key ``appointment.form.service``
    (an ``i18n/es.ts`` of nested objects), is that text (``message_words``); a path no catalogue holds is left as written
    (``{patient.profile.diagnosis}`` prints a value, not a message). Texts, and attribute values that are only such a path."""
    catalogue = messages.installed()

    def said(m: re.Match[str]) -> str:
        key = m.group("path").replace("?", "").lstrip(".")
        if m.group("root") not in objects or "" in key.split(".") or catalogue.text(key) is None:
            return m.group(0)
        return message_words(key)

    for el in root.iter():
        texts_substituted(el, _MEMBER_PATH, said, "{")
        for name, value in el.attrib.items():
            # placeholder={t.form.x}, its braces taken off with its value quoted (jsxmarkup.sfc_html): the bare path
            bare = value.strip().strip("{}")
            # written as an expression in the source ({t.form.x}), not a literal that only looks like a path
            whole = _MEMBER_PATH.fullmatch("{" + bare + "}") if "." in value and "{" + bare in source else None
            got = said(whole) if whole is not None else ""
            if got and not got.startswith("{"):
                el.set(name, got)


_NOTHING = r"(?P<key>(?!))(?P<piped>(?!))"  # no printed call: only the marked keys (what an attribute's value holds)


@functools.lru_cache(maxsize=4)
def _with_marked_keys(printed: str) -> re.Pattern[str]:
    return re.compile(f"{printed}|{KEY_MARKS[0]}(?P<marked>[^{KEY_MARKS[1]}]{{1,200}}){KEY_MARKS[1]}")


def _worth_reading(text: str, kit: TemplateKit) -> bool:
    """One pass over the template's tag names, stopping at the first of the kit's or of a project's own form
    components; else a binding."""
    if f"<{SHORT} " in text:
        return True
    # Each tag name once: a page's few dozen names, not its thousands of tags, are compared with the suffixes.
    names = {m.group(1).lower() for m in _TAG.finditer(text)}
    if any(n in kit.names or _own_component(n, kit) for n in names):
        return True
    return kit.bound.search(text) is not None


def _two_way(el: lxml.etree._Element, kit: TemplateKit) -> bool:
    """Whether the element is bound both ways to a field (``v-model``, ``wire:model``, ``formControlName``,
    ``[(ngModel)]``, ``bind:value``, ``th:field``, ``asp-for``, or a one-way binding with a handler that hands its value
    back): what an input is, not a display shown a value."""
    attrs = [str(k) for k in el.attrib]
    if any((a in kit.bindings and a not in kit.one_way_bindings) or a.startswith(kit.binding_prefixes) for a in attrs):
        return True
    # A one-way binding whose new value a handler hands back (:checked="smoker" @input="$emit('update:smoker', $event)")
    return bool(kit.update_events) and any(a in kit.one_way_bindings for a in attrs) and any(a.startswith(kit.update_events) for a in attrs)


def _holds_control(el: lxml.etree._Element, kit: TemplateKit) -> bool:
    """Whether an element holds a native control, a kit's component or a project's own control component."""
    for inner in el.iterdescendants():
        tag = inner.tag if isinstance(inner.tag, str) else ""
        if tag in _CONTROLS or tag in kit.components or (tag and _own_component(tag, kit) is not None):
            return True
    return False


def _own_component(tag: str, kit: TemplateKit) -> tuple[UiComponent, tuple[str, ...]] | None:
    """A project's own form component named for the control it renders (``<form-input>``, ``<FormTextarea>``
    as lxml reads it, ``<x-select>``: ``component_suffix`` in ui_components.toml, as in JSX), by the end of its
    name without hyphens (``<InputForm>``, ``<Checkbox>``: the suffix alone is a component too); never a native
    control itself."""
    if not tag or tag in _CONTROLS:
        return None
    flat = tag.replace("-", "").replace(":", "").replace(".", "")
    stem = control_stem(flat, kit.name_qualifiers, kit.name_endings)
    return next(((comp, props) for suffix, comp, props in kit.suffixes if flat.endswith(suffix) or (stem and stem.endswith(suffix))), None)


def _component_prop(el: lxml.etree._Element, tag: str, kit: TemplateKit) -> str | None:
    """The label prop a native-named control is given (``<Input label=…>``, ``<Select :label="'Konfession'">``): one of
    the label props of the ``component_suffix`` entry that ends with its name, less the attributes HTML defines."""
    props = next((props for suffix, _, props in kit.suffixes if suffix == tag), ())
    return next((p for p in props if p not in _NATIVE_ATTRIBUTES and (el.get(p) or el.get(f":{p}"))), None)


def _label_inside(wrapper: lxml.etree._Element, text: str, kit: TemplateKit) -> None:
    """A wrapper's label for the controls inside it that have none of their own; for a radio or checkbox
    group, its question: the text before its choices (and its binding names them)."""
    if not text:
        return
    choices = False
    for control in wrapper.iter(*_CONTROLS):
        if (control.get("type") or "").lower() in ("radio", "checkbox"):
            choices = True
            if not control.get("name"):  # <v-radio-group v-model="form.pregnant">
                bound = _bound(wrapper, kit)
                if bound:
                    control.set("name", bound)
        elif not control.get("aria-label") and next(control.iterancestors("label"), None) is None:
            control.set("aria-label", text)
    if choices:
        wrapper.text = f"{text} {wrapper.text or ''}"


def _bound(el: lxml.etree._Element, kit: TemplateKit, members: _Members | None = None) -> str:
    """The last part of what an element is bound to (``v-model="form.diagnosis"``: "diagnosis") that names
    something (``v-model="cData.bank.value"``: "bank"); a bound name the component's own object literals give
    (``:name="cData.bank.name"`` with ``bank: { name: 'bank_account' }``) first."""
    given = members.said(el.get(":name")) if members is not None else ""
    if given and _FIELD_NAME.match(given):
        return given
    bound = next((el.get(b) for b in kit.bindings if el.get(b)), "")
    if not bound:
        bound = next((v for k, v in el.attrib.items() if str(k).startswith(kit.binding_prefixes) and v), "")
    if not bound:
        bound = next((el.get(b, "") for b in kit.binding_expressions if _EXPRESSION.match((el.get(b) or "").strip())), "")
    named = [p for p in member_path(bound.strip().strip("#$*{}")) if p not in kit.generic]
    if named:
        return named[-1]
    last = _LAST_PART.search(bound.strip())
    return last.group() if last else ""


class _Members:
    """What a bound prop's member path names in a single-file component: ``cData.bank.label`` is the string its
    script gives ``label`` in the object literal it gives ``bank`` (``jsfacts.Program.object_members``); a path whose
    last two parts no literal gives says nothing."""

    def __init__(self, member: Callable[[str, str], str] | None) -> None:
        self.member = member

    def said(self, expression: str | None) -> str:
        if self.member is None or not expression:
            return ""
        path = member_path(expression.strip())
        if len(path) < 3:  # an object, its member, the member's prop: cData.bank.label
            return ""
        return " ".join(self.member(path[-2], path[-1]).split())[:200]


_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]{0,80}")
_FIELD_NAME = re.compile(r"[A-Za-z_][\w.\[\]-]{0,80}")


def member_path(expression: str) -> list[str]:
    """The names of a member path (``cData.bank?.value``: cData, bank, value); empty for any other expression (the
    bindings of Vue, Angular and Tapestry templates)."""
    parts = [p.rstrip("?") for p in expression.split(".")]
    return parts if len(parts) <= 12 and all(_IDENTIFIER.fullmatch(p) for p in parts) else []


def short_controls(root: lxml.etree._Element) -> None:
    """Every control a form helper wrote short (``analyzer.parse.form_helpers.SHORT``) read as the input it stands
    for: on a page written from code, which no kit's components are read on."""
    for el in list(root.iter(SHORT)):
        _short_control(el)


def _short_control(el: lxml.etree._Element) -> None:
    """A control written short (``<rl name=x>``) as an input, or as the field of a Symfony form type it stands for
    (``<rl f=12>``, analyzer/parse/symfony_forms.py). HTML knows no such void element, so the parser put
    what follows it inside it: its text and children move after it, in order, as an input's would."""
    parent = el.getparent()
    if parent is not None and (len(el) or el.text):
        kids, text, tail = list(el), el.text or "", el.tail or ""
        el.text = None
        at = parent.index(el)
        for k, child in enumerate(kids):
            parent.insert(at + 1 + k, child)
        if kids:
            el.tail = text
            kids[-1].tail = (kids[-1].tail or "") + tail
        else:
            el.tail = text + tail
    if el.get(symfony_forms.SHORT_FIELD, "").isdigit():
        _form_type_field(el)
        return
    _as_native(el, "input", None, None, None)


def _form_type_field(el: lxml.etree._Element) -> None:
    """The stand-in of a Symfony form type's field as that field's control: its name, type, choices and label (its
    text, or its message key's catalogue text, ``message_words``). A number the scan's types do not hold is an input."""
    fields = symfony_forms.installed().fields
    at = int(el.attrib.pop(symfony_forms.SHORT_FIELD))
    if at >= len(fields):
        _as_native(el, "input", None, None, None)
        return
    f = fields[at]
    tag, _, typ = f.renders.partition(":")
    el.set("name", f.name)
    if f.label and el.attrib.pop(symfony_forms.LABELLED, None) is None:  # the template's own label stands before it
        el.set("aria-label", message_words(f.label)[:200])
    for text in f.options if tag == "select" else ():
        lxml.etree.SubElement(el, "option").text = text
    _as_native(el, tag, typ or None, None, None)


def _as_native(
    el: lxml.etree._Element,
    tag: str,
    typ: str | None,
    label_prop: str | None,
    for_prop: str | None,
    key_prop: str | None = None,
    literal: re.Pattern[str] | None = None,
    members: _Members | None = None,
) -> None:
    own = " ".join("".join(el.itertext()).split())
    bound = _literal(el.get(f":{label_prop}"), literal) if label_prop and literal is not None else ""
    if not bound and label_prop and members is not None:  # :label="cData.bank.label": the script's literal
        bound = members.said(el.get(f":{label_prop}"))
    label = ((el.get(label_prop) or bound) if label_prop else None) or ""
    if not label and key_prop and el.get(key_prop):  # <spring:message code="patient.religion.label"/>: the key's words
        label = message_words(el.get(key_prop, ""))
    el.set(RENAMED, str(el.tag))
    el.tag = tag
    if typ and not el.get("type"):
        el.set("type", typ)
    if tag in ("option", "label", "span"):  # <el-option label="…">, JSF <h:outputLabel value="…">, <asp:Label Text="…">, a message
        if label and not own:
            el.text = label
        if for_prop and el.get(for_prop) and not el.get("for"):
            el.set("for", el.get(for_prop, ""))
        return
    said = label or (own if typ in ("checkbox", "radio") else "")
    if said and not el.get("aria-label"):
        el.set("aria-label", said[:200])


def _literal(expression: str | None, literal: re.Pattern[str]) -> str:
    """The text a bound label attribute shows when it is a string literal, bare or translated
    (``TemplateKit.literal``): ``:value="__('Email')"`` (Blade), ``:label="$t('Diagnosis')"``, ``:label="'Diagnosis'"`` (Vue);
    a translated key (``$t('form.q7')``) is its catalogue's text, else its words."""
    m = literal.match((expression or "").strip())
    if m is None:
        return ""
    return message_words(m.group("text")) if m.group("call") else m.group("text")


def _wrapper_label(el: lxml.etree._Element, prop: str | None, children: tuple[str, ...]) -> str:
    if prop and el.get(prop):
        return " ".join(el.get(prop, "").split())
    for child in el.iter(*children) if children else ():
        text = " ".join("".join(child.itertext()).split())
        if text:
            return text
    return ""
