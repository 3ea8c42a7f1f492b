"""Snippets a template captures into a variable (issue 9, group 1: snippets held as data).

``{% set IBA %}<script>…hotjar…</script>{% endset %}`` (Jinja, Twig, Nunjucks) and Liquid's
``{% capture x %}…{% endcapture %}`` print nothing where they stand: the text goes into a
variable. When the template prints that variable itself (``{{ IBA }}``) the markup verdict stands;
when it only hands it on (a code generator's ``add_setting('IndexBodyAdd', IBA)``), the snippet is
held as data and ``unverifiable``: the code that receives it decides. A captured body that is
JavaScript without a ``<script>`` tag (an element template that becomes part of a bundle) is read
as JavaScript, its ``{{ … }}`` placeholders read as names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.consent import code_scan
from analyzer.facts.detect import RecorderSite
from analyzer.kinds import Mechanism
from analyzer.model import Status, Verdict
from analyzer.parse.jsparse import JsSource
from analyzer.parse.positions import LineIndex
from analyzer.signatures import SignatureDB, Vendor, prefilter

_OPEN = re.compile(r"\{%-?[ \t]*(set|capture)[ \t]+([A-Za-z_][\w]{0,80})[ \t]*-?%\}")
_CLOSE = {"set": re.compile(r"\{%-?[ \t]*endset[ \t]*-?%\}"), "capture": re.compile(r"\{%-?[ \t]*endcapture[ \t]*-?%\}")}
_TAG = re.compile(r"\{%[^%]{0,400}%\}|\{\{[^}]{0,400}\}\}")


@dataclass(frozen=True)
class Capture:
    name: str
    start: int
    end: int  # offset just past the closing tag's start (the body's end)


def captures(text: str) -> list[Capture]:
    """Every ``{% set name %}…{% endset %}`` and ``{% capture name %}…{% endcapture %}`` block, with its body's span;
    unclosed ones are left out."""
    out = []
    for m in _OPEN.finditer(text):
        close = _CLOSE[m.group(1)].search(text, m.end())
        if close is not None:
            out.append(Capture(m.group(2), m.end(), close.start()))
    return out


def _printed(text: str, name: str) -> bool:
    return re.search(r"\{\{-?\s*" + re.escape(name) + r"\s*(?:\|[^}]{0,80})?-?\}\}", text) is not None


def held(text: str) -> list[Capture]:
    """The captures this template never prints itself."""
    return [c for c in captures(text) if not _printed(text, c.name)] if "{%" in text else []


def _verdict(name: str) -> Verdict:
    return Verdict(
        status=Status.UNVERIFIABLE,
        mechanism=Mechanism.HELD_AS_DATA,
        evidence=f"captured into the template variable {name}, which this template hands on without printing it: the code that receives it "
        "decides whether it waits for consent",
    )


def rejudge(path: str, text: str, verdicts: list, vendors: list[Vendor], db: SignatureDB) -> list:
    """``verdicts`` with the sites inside held captures judged as data, plus the JavaScript
    starts of captured bodies without a ``<script>`` tag."""
    caps = held(text)
    if not caps:
        return verdicts
    index = LineIndex(text)
    spans = [(index.line(c.start), index.line(c.end), c) for c in caps]

    def capture_of(line: int) -> Capture | None:
        return next((c for a, b, c in spans if a <= line <= b), None)

    out = []
    for site, verdict in verdicts:
        cap = capture_of(site.element.line)
        out.append((site, _verdict(cap.name) if cap is not None else verdict))
    seen = {(s.vendor.id, s.element.line) for s, _ in out}
    for cap in caps:
        out += [(s, v) for s, v in _script_less(path, text, cap, index, vendors, db) if (s.vendor.id, s.element.line) not in seen]
    return out


def _script_less(path: str, text: str, cap: Capture, index: LineIndex, vendors: list[Vendor], db: SignatureDB) -> list:
    body = text[cap.start : cap.end]
    if "<script" in body.lower():
        return []
    wanted = {v.id for v in vendors}
    found = prefilter.for_db(db).candidates(body.encode("utf-8", "surrogatepass")).vendors & wanted
    if not found:
        return []
    line, col = index.line_col(cap.start)
    js = _TAG.sub(lambda m: _name_like(m.group(0)), body)
    results, _ = code_scan.analyze([JsSource(js, line, col, "js")], [db.vendors[v] for v in sorted(found)], db, path)
    return [(RecorderSite(r.vendor, r.spot, r.via, r.evidence), _verdict(cap.name)) for r in results.starts]


def _name_like(tag: str) -> str:
    """A template tag as filler of the same length: ``{{ x }}`` a name (it stands for a value),
    ``{% … %}`` blank; line breaks kept."""
    if tag.startswith("{%"):
        return "".join(c if c in "\r\n" else " " for c in tag)
    return "".join(c if c in "\r\n" else "_" for c in tag)
