"""Would this vendor capture this field? The vendor's masking model (``[masking]`` in its TOML),
the init options visible in the page's code, and the attributes on the field and its ancestors.

Order of the questions: a mask/block marker on the field or an ancestor; an unmask marker on the
field; password (every vendor masks it); the attribute words that make a vendor exclude a field
(Clarity); then the default, as changed by an init option found in code. Dashboard-only settings
are not visible: the documented default is assumed and the reason says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.facts.fieldfacts import FieldSite
from analyzer.signatures import Vendor

if TYPE_CHECKING:
    from collections.abc import Sequence

    from analyzer.facts.rendered import RenderedValue

CHOICES = frozenset({"radio", "checkbox", "select", "range"})


@dataclass(frozen=True)
class Exposure:
    vendor: str
    exposed: bool | None  # None: cannot tell (masking configured in the vendor's dashboard)
    reason: str
    fix: str


def _masked_by_marker(field: FieldSite, vendor: Vendor) -> str | None:
    for mark in vendor.masks:
        if mark.matches(field.attrs, field.classes):
            return f"{mark.describe()} on the field"
        if mark.matches({}, field.ancestor_classes) or any(mark.matches({k: v}, frozenset()) for k, v in field.ancestor_attrs):
            return f"{mark.describe()} on an enclosing element"
    return None


def _unmasked_by_marker(field: FieldSite, vendor: Vendor) -> str | None:
    own = next((mark.describe() for mark in vendor.unmasks if mark.matches(field.attrs, field.classes)), None)
    if own or vendor.masking.unmask_scope != "subtree":
        return own
    # The vendor's unmask applies to a whole subtree: a marker on a form or fieldset unmasks its fields.
    for mark in vendor.unmasks:
        if mark.matches({}, field.ancestor_classes) or any(mark.matches({k: v}, frozenset()) for k, v in field.ancestor_attrs):
            return f"{mark.describe()} on an enclosing element"
    return None


def _found(needle: str, code: Sequence[str]) -> bool:
    return any(needle in part for part in code)


def effective_default(vendor: Vendor, code: Sequence[str]) -> tuple[str, str | None]:
    """The masking default once init options found in ``code`` (the page's code texts, normalised)
    are applied."""
    m = vendor.masking
    for option in m.options:
        if _found(option.match_norm, code):
            return option.effect, option.note
    return m.default, None


def evaluate(field: FieldSite, vendor: Vendor, default: tuple[str, str | None]) -> Exposure:
    """Whether ``vendor`` captures ``field``, given its masking default on this page
    (:func:`effective_default`, computed once per page and vendor)."""
    m = vendor.masking
    fix = m.fix
    name = vendor.name
    masked = _masked_by_marker(field, vendor)
    if masked:
        return Exposure(vendor.id, False, f"masked for {name} by {masked}", fix)
    kind = field.control
    unmask = _unmasked_by_marker(field, vendor)
    if unmask and kind not in CHOICES:
        return Exposure(vendor.id, True, f"{unmask} unmasks this field for {name}", fix)
    if kind == "password":
        return Exposure(vendor.id, False, f"{name} never records password inputs", fix)
    # Words in attribute values that make the vendor drop the field (Clarity), minus the attributes
    # and input types the vendor leaves out of that rule.
    ignore = m.attribute_words_ignore
    values = " ".join(v for k, v in field.attrs.items() if k not in ignore).lower()
    words = [w for w in m.masked_attribute_words if w in values] if kind not in m.attribute_words_exempt else []
    if words:
        return Exposure(vendor.id, False, f"{name} excludes fields whose attributes contain '{words[0]}'", fix)
    mode, option = default
    via = f" ({option})" if option else ""
    choice = kind in CHOICES or kind == "contenteditable"
    recorded_controls = m.unmasked_controls
    if mode in ("dashboard", "unknown"):
        return Exposure(
            vendor.id, None, f"{name}'s masking is set in its dashboard (not visible here); its documented default is not known", fix
        )
    if mode == "none":
        return Exposure(vendor.id, True, f"{name} records form input{via}", fix)
    if mode == "password-only":
        return Exposure(vendor.id, True, f"{name} masks only password inputs{via}", fix)
    if mode == "by-type":
        types = m.masked_types
        auto = m.masked_autocomplete
        if field.type in types or set(field.autocomplete.lower().split()) & auto:
            return Exposure(vendor.id, False, f"{name} masks this input type by default", fix)
        return Exposure(vendor.id, True, f"{name} masks only some input types and this is not one of them{via}", fix)
    if kind in recorded_controls:
        what = {
            "radio": "radio choices",
            "checkbox": "checkbox choices",
            "select": "select choices",
            "range": "range values",
            "contenteditable": "editable regions",
        }[kind]
        return Exposure(vendor.id, True, f"{what} are recorded by {name}{via}", fix)
    if mode == "keystrokes-suppressed" and choice:
        return Exposure(vendor.id, False, f"{name} suppresses this control's input{via}", fix)
    return Exposure(vendor.id, False, f"{name} masks {'typed text' if mode == 'keystrokes-suppressed' else 'inputs'} by default{via}", fix)


# -- page text: values a template or component prints (analyzer.facts.rendered) ---------------------------
def effective_text_default(vendor: Vendor, code: Sequence[str]) -> tuple[str, str | None]:
    """The vendor's page-text default once init options found in ``code`` (the page's code texts,
    normalised) apply."""
    t = vendor.masking.text
    if t is None:
        return "unknown", None
    for option in t.options:
        if _found(option.match_norm, code):
            return option.effect, option.note
    return t.default, None


def evaluate_text(value: RenderedValue, vendor: Vendor, default: tuple[str, str | None]) -> Exposure:
    """Whether ``vendor`` records a printed value as page text (:func:`effective_text_default`)."""
    t = vendor.masking.text
    fix = t.fix if t is not None else ""
    name = vendor.name
    for mark in t.marks if t is not None else ():
        if mark.matches({}, value.classes) or any(mark.matches({k: v}, frozenset()) for k, v in value.attrs):
            return Exposure(vendor.id, False, f"masked for {name} by {mark.describe()} on the element or an ancestor", fix)
    state, option = default
    via = f" ({option})" if option else ""
    if state in ("dashboard", "unknown"):
        what = "set in its dashboard (not visible here)" if state == "dashboard" else "not known"
        return Exposure(vendor.id, None, f"{name}'s page-text masking is {what}", fix)
    if state == "masked":
        return Exposure(vendor.id, False, f"{name} masks page text by default{via}", fix)
    scrubbed = t.scrubbed if t is not None else frozenset()
    if value.kind in scrubbed or (value.kind == "cards" and "digits" in scrubbed):
        return Exposure(vendor.id, False, f"{name} scrubs {value.kind} from page text", fix)
    unverified = "" if t is not None and t.verified else " (unverified)"
    return Exposure(vendor.id, True, f"{name} records page text as it appears{via}{unverified}", fix)
