"""Settings that turn a recorder's input masking off wholesale: consent to the recorder does not make
the form data it then captures lawful (special-category data above all), so each is reported on its own,
gated or not.

The masking model is the vendor's ``[masking]`` table (``analyzer/resolve/masking.py`` evaluates one field
against it): an init option whose ``effect`` records form input (``password-only`` or ``none``:
PostHog / Sentry ``maskAllInputs: false``, Datadog ``defaultPrivacyLevel: 'allow'``, Amplitude
``defaultMaskLevel: 'light'``, LogRocket ``inputSanitizer: false`` ...), or an unmask attribute / class on
a container for vendors whose unmask applies to everything inside the element (``unmask_scope =
"subtree"``: Datadog ``data-dd-privacy="allow"``, Yandex ``ym-record-keys``). An unmask on the field
itself is a field finding (RL3xx), and an element-only unmask on a form (Hotjar's ``data-hj-allow`` is
not recursive) unmasks nothing.

Per file (in the worker): where each such option or attribute is, found in the code of files that start
the vendor and in the markup of pages. After the scan the fields it exposes are attached from the field
pass (``analyzer/resolve/exposure.py``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analyzer.parse.positions import LineIndex, line_col
from analyzer.signatures import SignatureDB, Vendor

OFF = frozenset({"password-only", "none"})
_FIELDS = frozenset({"input", "textarea", "select"})


@dataclass(frozen=True)
class MaskingOff:
    vendor: str
    kind: str  # "option" (init option in code) or "attribute" (unmask marker on a container)
    setting: str  # the option as matched, or the attribute / class
    effect: str  # the masking default it leaves: password-only / none
    note: str
    line: int
    column: int
    element: str = ""  # attribute: the container's tag


def _loose(match: str) -> re.Pattern[str]:
    """A [masking.option] match as a regex over source text: whitespace allowed between tokens,
    any quote for ', an optional quote around keys, !1 / !0 for false / true."""
    out = []
    for token in re.findall(r"[A-Za-z_$][\w$]*|\d+|'|\S", match):
        if token == "'":
            out.append(r"[\"'`]")
        elif token == "false":
            out.append(r"(?:false|!1)")
        elif token == "true":
            out.append(r"(?:true|!0)")
        elif token == ":":
            out.append(r"[\"'`]?\s*:")
        else:
            out.append(re.escape(token))
    return re.compile(r"\s*".join(out))


@functools.lru_cache(maxsize=4)
def _options(db: SignatureDB) -> dict[str, tuple[tuple[str, str, str, re.Pattern[str]], ...]]:
    """vendor id -> (match, effect, note, regex) of its options that record form input."""
    out = {}
    for vendor in db.vendors.values():
        found = tuple((o.match, o.effect, o.note, _loose(o.match)) for o in vendor.masking.options if o.effect in OFF)
        if found:
            out[vendor.id] = found
    return out


def options_in(text: str, vendors: set[str], db: SignatureDB) -> list[MaskingOff]:
    """Options in ``text`` (a file or page that starts these vendors) that turn their masking off."""
    out = []
    for vendor in sorted(vendors):
        for match, effect, note, pattern in _options(db).get(vendor, ()):
            key = re.findall(r"[A-Za-z_$][\w$]*", match)[0]
            if key not in text:
                continue
            m = pattern.search(text)
            if m:
                line, col = line_col(text, m.start())
                out.append(MaskingOff(vendor, "option", match, effect, note, line, col))
    return out


@functools.lru_cache(maxsize=4)
def _subtree_marks(db: SignatureDB) -> tuple[tuple[Vendor, str], ...]:
    """(vendor, literal) for the unmask markers that apply to a whole subtree."""
    out = []
    for vendor in db.vendors.values():
        if vendor.masking.unmask_scope != "subtree":
            continue
        for mark in vendor.unmasks:
            out.append((vendor, mark.cls or mark.attr or ""))
    return tuple(out)


def attributes_in(fields, text: str, db: SignatureDB) -> list[MaskingOff]:
    """Containers (a form, a fieldset, the body) that carry a subtree unmask marker around a sensitive
    field of the page (``fieldfacts`` keeps each field's ancestors' attributes and classes, so no
    extra pass over the page is needed); each container once, at its start tag."""
    marks = _subtree_marks(db)
    if not marks or not fields:
        return []
    out: dict[tuple[str, int], MaskingOff] = {}
    index: LineIndex | None = None  # built once, and only when a field is inside an unmasked container
    vendors = [db.vendors[vid] for vid in dict.fromkeys(v.id for v, _ in marks)]
    for f in fields:
        for vendor in vendors:
            mark = next(
                (
                    m
                    for m in vendor.unmasks
                    if m.matches({}, f.ancestor_classes) or any(m.matches({k: v}, frozenset()) for k, v in f.ancestor_attrs)
                ),
                None,
            )
            if mark is None:
                continue
            index = index or LineIndex(text)
            at = index.offset(f.line, f.column)
            where = text.rfind(mark.cls or mark.attr or "", 0, at)
            tag_at = text.rfind("<", 0, where) if where >= 0 else -1
            line, col = index.line_col(tag_at) if tag_at >= 0 else (f.line, f.column)
            tag = re.match(r"<([A-Za-z][\w-]*)", text[tag_at : tag_at + 40]) if tag_at >= 0 else None
            note = f"{mark.describe()} unmasks everything inside the element for {vendor.name}"
            out.setdefault(
                (vendor.id, line),
                MaskingOff(vendor.id, "attribute", mark.describe(), "none", note, line, col, tag.group(1).lower() if tag else "element"),
            )
    return sorted(out.values(), key=lambda m: (m.line, m.vendor))
