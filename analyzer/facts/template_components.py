"""Form components of Vue, Angular and web-component kits in a template, read as the native controls
they render (``template_component`` / ``template_wrapper`` in ``signatures/ui_components.toml``).

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

import re

import lxml.etree

from analyzer.parse.form_helpers import SHORT
from analyzer.signatures import TemplateKit

_CONTROLS = ("input", "select", "textarea")
# Set on an element renamed here (its original tag): the raw text has no "<input" for it, so it is located
# by the parser's line, not paired with the text's n-th "<input" (analyzer/facts/fieldfacts.py).
RENAMED = "data-replaylint-component"
# Bindings that name what a control holds, as the HTML parser gives them (lower-case): Vue, Angular
# (formControlName, ngModel), Svelte, Thymeleaf (th:field="*{diagnosis}"), ASP.NET Core tag helpers
# (asp-for), Spring form tags (path), Livewire (wire:model), Alpine (x-model); a JSF component's value
# expression (value="#{patient.diagnosis}"). Modifiers are allowed (v-model.trim, wire:model.defer).
_BINDINGS = ("formcontrolname", "ngmodel", "[(ngmodel)]", "ng-model", "bind:value", ":name", "v-bind:name", "th:field", "asp-for", "path")
_BINDING_PREFIXES = ("v-model", "wire:model", "x-model")
_EXPRESSION = re.compile(r"^[#$*]\{[^}]*\}$")
_LAST_PART = re.compile(r"[A-Za-z_$][\w$]*(?=\W*$)")


_TAG = re.compile(r"<([A-Za-z][\w:-]*)")
_BOUND = re.compile(r"v-model|formcontrolname|ngmodel|ng-model|th:field|asp-for|wire:model|x-model", re.I)


def worth_reading(text: str, kit: TemplateKit) -> bool:
    """Whether a template writes one of the kit's components or wrappers, binds a control, or holds a
    form helper's control written short (one pass over its tag names, stopping at the first)."""
    if _BOUND.search(text) is not None or f"<{SHORT} " in text:
        return True
    names = kit.names
    return any(m.group(1).lower() in names for m in _TAG.finditer(text))


def native(root: lxml.etree._Element | None, kit: TemplateKit) -> None:
    """Rename the kit's components under ``root`` to the controls they render, with their labels."""
    if root is None:
        return
    for el in list(root.iter()):
        tag = el.tag if isinstance(el.tag, str) else ""
        component = kit.components.get(tag)
        if component is not None:
            _as_native(el, component.tag, component.type, component.label_prop)
        elif tag == SHORT:  # a form helper's control (analyzer/parse/form_helpers.py)
            _as_native(el, "input", None, None)
    for el in list(root.iter()):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in kit.wrapper_props or tag in kit.wrapper_children:
            text = _wrapper_label(el, kit.wrapper_props.get(tag), kit.wrapper_children.get(tag, ()))
            if not text:
                continue
            choices = False
            for control in el.iter(*_CONTROLS):
                if (control.get("type") or "").lower() in ("radio", "checkbox"):
                    choices = True  # a group's label is its question: the text before its choices
                    if not control.get("name") and _bound(el):  # <v-radio-group v-model="form.pregnant">
                        control.set("name", _bound(el))
                elif not control.get("aria-label") and next(control.iterancestors("label"), None) is None:
                    control.set("aria-label", text)
            if choices:
                el.text = f"{text} {el.text or ''}"
    for control in root.iter(*_CONTROLS):
        if not control.get("name") and _bound(control):
            control.set("name", _bound(control))


def _bound(el: lxml.etree._Element) -> str:
    """The last part of what an element is bound to (``v-model="form.diagnosis"``: "diagnosis")."""
    bound = next((el.get(b) for b in _BINDINGS if el.get(b)), "")
    if not bound:
        bound = next((v for k, v in el.attrib.items() if str(k).startswith(_BINDING_PREFIXES) and v), "")
    if not bound and _EXPRESSION.match((el.get("value") or "").strip()):
        bound = el.get("value", "")
    last = _LAST_PART.search(bound.strip())
    return last.group() if last else ""


def _as_native(el: lxml.etree._Element, tag: str, typ: str | None, label_prop: str | None) -> None:
    own = " ".join("".join(el.itertext()).split())
    label = (el.get(label_prop) if label_prop else None) or ""
    el.set(RENAMED, str(el.tag))
    el.tag = tag
    if typ and not el.get("type"):
        el.set("type", typ)
    if tag in ("option", "label"):  # <el-option label="…">, JSF <h:outputLabel value="…">, <asp:Label Text="…">
        if label and not own:
            el.text = label
        if tag == "label" and el.get("associatedcontrolid") and not el.get("for"):
            el.set("for", el.get("associatedcontrolid", ""))
        return
    said = label or (own if typ in ("checkbox", "radio") else "")
    if said and not el.get("aria-label"):
        el.set("aria-label", said[:200])


def _wrapper_label(el: lxml.etree._Element, prop: str | None, children: tuple[str, ...]) -> str:
    if prop and el.get(prop):
        return " ".join(el.get(prop, "").split())
    for child in el.iter(*children) if children else ():
        text = " ".join("".join(child.itertext()).split())
        if text:
            return text
    return ""
