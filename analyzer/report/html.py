"""The HTML report: one self-contained file for a person (a privacy officer) to read and print.

Rendered from the JSON document (``docs/json.md``) with Jinja2, autoescaping every value: file names,
evidence and field labels come from the scanned site and may hold markup. Nothing leaves the page:
CSS, JavaScript and the SVG charts are inline, and a Content-Security-Policy allows only the page's
own style and script (by hash), so even a slip in escaping could not run or fetch anything. The
JavaScript only adds sorting, filtering and saving the embedded JSON; without it the report reads
in full.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

from analyzer.report.view import SEVERITIES, STATUS_WORDS, STATUSES, Names, View, build

# SVG chart geometry (user units; the SVG scales to the column width).
CHART_WIDTH = 640
LABEL_WIDTH = 190
VALUE_WIDTH = 56
ROW_HEIGHT = 30
BAR_HEIGHT = 20
_LEGAL = re.compile(r"^(?P<name>.*?):\s*(?P<url>https://\S+)$")


@dataclass(frozen=True)
class Segment:
    key: str  # status or state, also the CSS class
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    total: int
    segments: tuple[Segment, ...]
    y: float


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    height: float
    keys: tuple[str, ...]


@dataclass(frozen=True)
class LegalRef:
    number: int
    name: str
    url: str


def json_for_script(doc: dict[str, Any]) -> Markup:
    """The document as JSON safe to place inside a ``<script type="application/json">`` element."""
    # No '<' may close the element (or open a comment), no '&' start an entity; the escapes are JSON
    # string escapes of the same characters, so the data parses back unchanged. (str.replace: 10x
    # faster than str.translate on a report of several megabytes.)
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def bar_chart(rows: list[tuple[str, dict[str, int]]], keys: tuple[str, ...]) -> Chart:
    """Horizontal stacked bars, one per row, on a common scale (the largest row spans the plot)."""
    plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    scale = max((sum(c.get(k, 0) for k in keys) for _, c in rows), default=0) or 1
    bars = []
    for i, (label, counts) in enumerate(rows):
        x, segments = float(LABEL_WIDTH), []
        for key in keys:
            n = counts.get(key, 0)
            if n:
                width = max(plot * n / scale, 2.0)
                segments.append(Segment(key, n, round(x, 1), round(width, 1)))
                x += width
        bars.append(Bar(label, sum(counts.get(k, 0) for k in keys), tuple(segments), i * ROW_HEIGHT + 4))
    return Chart(tuple(bars), len(rows) * ROW_HEIGHT + 8, keys)


def legal_refs(findings: list[dict[str, Any]]) -> tuple[list[LegalRef], dict[str, int]]:
    """Each distinct legal note once, numbered in order of first use (findings repeat them)."""
    refs: list[LegalRef] = []
    numbers: dict[str, int] = {}
    for f in findings:
        for note in f.get("legal", []):
            if note not in numbers:
                numbers[note] = len(refs) + 1
                m = _LEGAL.match(note)
                refs.append(LegalRef(numbers[note], m["name"] if m else note, m["url"] if m else ""))
    return refs, numbers


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _size(n: float) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


def _path(path: str) -> Markup:
    """A path that may wrap after each '/' (long paths otherwise wrap mid-name or widen the table)."""
    return Markup("/<wbr>").join(escape(part) for part in path.split("/"))


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("analyzer.report", "templates"),
        autoescape=True,  # every value, in every template: site content is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["size"] = _size
    env.filters["plural"] = _plural
    env.filters["path"] = _path
    env.filters["n"] = "{:,}".format
    return env


@functools.cache
def _static(name: str) -> str:
    return resources.files("analyzer.report").joinpath("templates", name).read_text(encoding="utf-8")


def _charts(view: View) -> dict[str, Chart]:
    return {
        "vendors": bar_chart([(r.name, dict(r.pages)) for r in view.vendors], STATUSES),
        "pages": bar_chart([("All recorded pages", dict(view.page_status))], STATUSES),
        "fields": bar_chart(
            [(c.label, {"captured": c.captured, "unverifiable": c.unverifiable, "masked": c.masked}) for c in view.categories],
            ("captured", "unverifiable", "masked"),
        ),
    }


def render_html(doc: dict[str, Any], names: Names | None = None) -> str:
    """The report as one HTML document. ``names`` adds vendor and category display names."""
    view = build(doc, names)
    css, js = _static("report.css"), _static("report.js")
    refs, ref_numbers = legal_refs(view.findings)
    csp = f"default-src 'none'; style-src '{_csp_hash(css)}'; script-src '{_csp_hash(js)}'; base-uri 'none'; form-action 'none'"
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            v=view,
            charts=_charts(view),
            refs=refs,
            ref_numbers=ref_numbers,
            severities=SEVERITIES,
            statuses=STATUSES,
            status_words=STATUS_WORDS,
            tool=doc.get("tool", {}),
            css=Markup(css),  # package files, not site content
            js=Markup(js),
            data=json_for_script(doc),
            csp=csp,
            chart_width=CHART_WIDTH,
            label_width=LABEL_WIDTH,
            value_width=VALUE_WIDTH,
            bar_height=BAR_HEIGHT,
        )
    )
