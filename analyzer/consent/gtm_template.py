"""Google Tag Manager community template files (``template.tpl``, issue 9 group 1).

A template file holds the tag's sandboxed JavaScript in its ``___SANDBOXED_JS_FOR_WEB_TEMPLATE___``
section; the tag loads a vendor with ``injectScript(url)``, the URL often built on an earlier line
from the vendor's prefix and a field (``const url = 'https://www.clarity.ms/tag/' + projectId``).
Each such call is a recorder site, ``unverifiable``: when the tag fires (and whether it waits for
consent) is decided by the container's triggers and consent settings, not by the template. The
section's permissions (``___WEB_PERMISSIONS___`` URL patterns) are declarations, not loads.
"""

from __future__ import annotations

import re

from analyzer.facts import detect
from analyzer.facts.detect import CodeSpot, RecorderSite
from analyzer.kinds import Mechanism, Via
from analyzer.model import Status, Verdict
from analyzer.parse.positions import LineIndex
from analyzer.signatures import SignatureDB, Vendor

MARKER = "___SANDBOXED_JS_FOR_WEB_TEMPLATE___"
_SECTION_END = re.compile(r"^___[A-Z_]{3,60}___[ \t]*$", re.M)
# sandboxed JS gets its APIs by name: const inject = require('injectScript')
_ALIAS = re.compile(r"\b(?:const|let|var)\s+([A-Za-z_$][\w$]{0,80})\s*=\s*require\(\s*['\"]injectScript['\"]\s*\)")
_DEFINE = r"\b(?:const|let|var)\s+{name}\s*=\s*([^;\n]{{1,400}})"
_STRING = re.compile(r"'([^'\n]{0,400})'|\"([^\"\n]{0,400})\"")
_IDENT = re.compile(r"[A-Za-z_$][\w$]{0,80}")

VERDICT = Verdict(
    status=Status.UNVERIFIABLE,
    mechanism=Mechanism.GTM_TEMPLATE_FILE,
    evidence="a Tag Manager community template: when the tag fires, and whether it waits for consent, is decided by the container's "
    "triggers and consent settings",
)


def is_template(data: bytes) -> bool:
    """Cheap, on the raw bytes: does the file hold a GTM custom template's sandboxed code section?"""
    return MARKER.encode() in data


def sites(text: str, vendors: list[Vendor]) -> list[tuple[RecorderSite, Verdict]]:
    """Every ``injectScript`` call of the sandboxed code whose URL is a vendor's loader."""
    start = text.find(MARKER)
    if start < 0:
        return []
    start += len(MARKER)
    end_m = _SECTION_END.search(text, start)
    end = end_m.start() if end_m else len(text)
    code = text[start:end]
    index = LineIndex(text)
    names = {"injectScript"} | {m.group(1) for m in _ALIAS.finditer(code)}
    out = []
    for name in sorted(names):
        for call in re.finditer(r"(?<![\w$.])" + re.escape(name) + r"\s*\(\s*", code):
            url = _argument_url(code, call.end())
            if url is None:
                continue
            for vendor in vendors:
                if (detect.url_matches(vendor.urls, url) or detect.inline_url_hit(vendor, url, vendors)) and not (
                    (split := detect.split_url(url)) is not None and detect.outranked(vendor, split, vendors)
                ):
                    line, column = index.line_col(start + call.start())
                    out.append(
                        (
                            RecorderSite(
                                vendor,
                                CodeSpot(line, column, tag="gtm-template"),
                                Via.GTM_TEMPLATE,
                                f"{name}('{url}') in the template's sandboxed code",
                                url,
                            ),
                            VERDICT,
                        )
                    )
    return out


def _argument_url(code: str, at: int) -> str | None:
    """The URL the first argument holds: a string, or a name defined earlier from strings, other
    such names and fields (each field read as a placeholder "0")."""
    lit = _STRING.match(code, at)
    if lit:
        return lit.group(1) if lit.group(1) is not None else lit.group(2)
    ident = _IDENT.match(code, at)
    if not ident:
        return None
    url = _value_of(code[:at], ident.group(0), depth=3)
    return url if url and "//" in url else None


def _value_of(code: str, name: str, depth: int) -> str | None:
    """The text a ``const``/``let``/``var`` defined in ``code`` builds from ``+``-joined parts."""
    defs = list(re.finditer(_DEFINE.format(name=re.escape(name)), code))
    if not defs or depth == 0:
        return None
    before = code[: defs[-1].start()]
    parts = []
    for part in defs[-1].group(1).split("+")[:20]:
        part = part.strip()
        lit = _STRING.fullmatch(part)
        if lit:
            parts.append(lit.group(1) if lit.group(1) is not None else lit.group(2))
        elif _IDENT.fullmatch(part):
            parts.append(_value_of(before, part, depth - 1) or "0")
        else:
            parts.append("0")  # a field, a call (encodeUri(data.siteId)): a value at run time
    return "".join(parts) if any(p != "0" for p in parts) else None


def analyse(text: str, db: SignatureDB, candidates: frozenset[str]) -> list[tuple[RecorderSite, Verdict]]:
    """``sites`` for the vendors the prefilter named (``candidates``: vendor ids), in id order."""
    return sites(text, [db.vendors[v] for v in sorted(candidates)])
