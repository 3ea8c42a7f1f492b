"""Any text file (issue 9, group 2): template dialects and files replaylint has no reader for.

A file of an unknown kind that holds markup (a Grails ``.gsp``, a ColdFusion ``.cfm``, a
``.nunjucks`` layout) is read as an HTML page with its own syntax left as text, as a file named
on the command line always was. One without markup (a ``.jst`` or Pug template, a HAML
``:javascript`` block) gets a text scan with strong fingerprints only: a snippet's anchor group
(the ``_hjSettings`` + ``hotjar.com/c/hotjar-`` pair …), or a vendor loader URL with its path
(a URL pattern, never a bare host) on a line that loads it (``src``, an injection call). A CSP
header, a privacy policy, a block list or a technology-fingerprint file names hosts, and stays
clean. What the scan finds is ``unverifiable``: the syntax around it is not read.
"""

from __future__ import annotations

import re

from analyzer.facts import detect
from analyzer.facts.detect import CodeSpot, RecorderSite
from analyzer.kinds import Mechanism, Via
from analyzer.model import Status, Verdict
from analyzer.parse import anchors
from analyzer.parse.positions import LineIndex
from analyzer.signatures import SignatureDB, Vendor

_MARKUP = re.compile(rb"<(?:!doctype|html|head|body|script|div|form|input|meta|link|template|section|span|p|a|g:|cf)[\s>/:]", re.I)
# A source attribute or property: src="…", src: "…" (HAML), (src=…) (Pug); not CSP's "script-src https:…".
_SRC = re.compile(r"\bsrc\s*[=:]")
# A URL with a path (``//cdn.mouseflow.com/projects/x.js``); a bare host (a CSP source, a block
# list's ``||host^``) never matches.
# Content-blocker filter syntax on a line: AdGuard / uBlock scriptlet and cosmetic rules
# (``example.org#%#(function(){…})()``, ``##``, ``#$#``, ``#@#``), network rules (``||host^``).
_FILTER_RULE = re.compile(r"#[%$@]?#|#@[%$]#|^\s*@?@?\|\|")
_URL = re.compile(r"(?:https?:)?//([a-z0-9.-]{1,253})(/[^\s'\"<>()*]{2,400})")

VERDICT = Verdict(
    status=Status.UNVERIFIABLE,
    mechanism=Mechanism.TEXT_SCAN,
    evidence="found by a text scan of a file whose syntax replaylint does not read: where and when it runs is not known",
)


def looks_like_markup(data: bytes) -> bool:
    """Does the file's first 200 KB hold an HTML tag (then it is read as a page, not scanned as text)?"""
    return _MARKUP.search(data[:200_000]) is not None


def sites(text: str, vendors: list[Vendor], db: SignatureDB) -> list[tuple[RecorderSite, Verdict]]:
    """At most one site per vendor: a snippet's anchor group, else a loader URL on a line that loads it; each ``unverifiable``."""
    index = LineIndex(text)
    out = []
    lower = text.lower()
    clues = tuple(c.lower() for c in db.script_types.injection_clues)
    for vendor in vendors:
        hit = _snippet(vendor, text) or _loader(vendor, lower, clues)
        if hit is not None:
            offset, note = hit
            line, column = index.line_col(offset)
            out.append((RecorderSite(vendor, CodeSpot(line, column, tag="text"), Via.TEXT_SCAN, note), VERDICT))
    return out


def _snippet(vendor: Vendor, text: str) -> tuple[int, str] | None:
    note = detect.snippet_hit(vendor, text)
    if note is None:
        return None
    group = next(g for g, _ in vendor.snippets if anchors.group_present_text(g, text))
    at = min((text.find(a) for a in group if text.find(a) >= 0), default=0)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    if _FILTER_RULE.search(text[start : end if end >= 0 else len(text)]):
        return None  # a content blocker's rule (AdGuard's domain#%#script stub): data for the blocker
    return at, note


def _loader(vendor: Vendor, lower: str, clues: tuple[str, ...]) -> tuple[int, str] | None:
    """A vendor URL with a path on a line that loads it (``src``, an injection call)."""
    for m in _URL.finditer(lower):
        host, path = m.group(1), m.group(2)
        if not vendor.urls.matches(host, host + path):
            continue
        start = lower.rfind("\n", 0, m.start()) + 1
        end = lower.find("\n", m.end())
        line = lower[start : end if end >= 0 else len(lower)]
        if _SRC.search(line) or any(c in line for c in clues):
            return m.start(), f"a loader URL //{host}{path} on a line that loads it"
    return None


def _haml_comment(line: str) -> bool:
    """HAML: a ``-#`` (silent) or ``/`` (HTML, not ``//`` or ``/*``) comment line, which hides itself
    and every line indented below it. Read by hand: a leading-blanks regex is quadratic when searched."""
    body = line.lstrip(" \t")
    return body.startswith("-#") or (body.startswith("/") and not body.startswith(("//", "/*")))


def haml_comments(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text with HAML comment blocks blanked (same length, newlines kept) and each block as
    (offset, text): a snippet nested under ``-#`` is never rendered."""
    lines = text.split("\n")
    out = list(lines)
    blocks: list[tuple[int, str]] = []
    offset, i = 0, 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    while i < len(lines):
        line = lines[i]
        if _haml_comment(line) and line.strip():
            indent = len(line) - len(line.lstrip(" \t"))
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip(" \t")) > indent):
                j += 1
            blocks.append((starts[i], "\n".join(lines[i:j])))
            for k in range(i, j):
                out[k] = " " * len(lines[k])
            i = j
            continue
        i += 1
    return "\n".join(out), blocks
