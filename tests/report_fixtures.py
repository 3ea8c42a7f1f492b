"""Hostile site content for the report tests: markup in file names, evidence and field labels.

A page's file name, a script URL (which becomes the evidence) and a form label are site content that
the HTML report and the Markdown summary must show as text, never as markup. The files are written
at test time: a file name cannot hold '/', so a '</script>' is a folder '<script>alert(1)<' holding
a folder 'script>', which no checkout on another system should have to carry.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
STYLE = "</style>"
HOSTILE = (SCRIPT, IMG, STYLE)
# A page where LogRocket (ungated) records a Social Security Number field and an email field: the
# smallest site with a high finding and a field report (summary, identity and baseline tests).
LOGROCKET_SSN = (
    "<html><head>\n"
    '<script src="https://cdn.logr-in.com/LogRocket.min.js"></script>\n'
    "<script>window.LogRocket && window.LogRocket.init('acme/app');</script>\n"
    "</head><body>\n<form>\n"
    '<label for="ssn">Social Security Number</label>\n'
    '<input id="ssn" name="ssn" type="text">\n'
    '<label for="email">Email</label>\n'
    '<input id="email" name="email" type="email">\n'
    "</form>\n</body></html>\n"
)
# Fields whose values are enumerations the report maps to words and colours: left as they are.
ENUMS = frozenset({"severity", "status", "fail_on"})

PAGE = """<!doctype html><html><head><title>page</title>
<script src="https://static.hotjar.com/c/hotjar-123.js?sv=6&amp;q={src}"></script>
</head><body>
<form><fieldset><legend>{label} diagnosis</legend>
<label><input type="radio" name="diagnosis" value="yes"> {label} diagnosis</label>
</fieldset></form>
</body></html>
"""


def write_hostile_site(root: Path) -> dict[str, Path]:
    """Three pages, each holding one hostile string in its path, its recorder's URL and a label.

    Labelled by reading them: each page loads Hotjar from a plain <script src> with no consent
    manager (ungated, RL101) and asks a radio question about a diagnosis, a health field that
    Hotjar records (radio choices are not masked).
    """
    pages = {
        SCRIPT: root / "<script>alert(1)<" / "script>" / "index.html",
        IMG: root / f"{IMG}.html",
        STYLE: root / "<" / "style>" / "page.html",
    }
    for text, path in pages.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(src=html.escape(text), label=html.escape(text)), encoding="utf-8")
    return pages


def poisoned(value: Any, key: str = "") -> Any:
    """A JSON document with every free-text string (and every id) followed by the hostile strings."""
    if isinstance(value, dict):
        return {poisoned(k) if key in ("reason", "fix", "vendors") else k: poisoned(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poisoned(v, key) for v in value]
    if isinstance(value, str) and key not in ENUMS:
        return value + " " + " ".join(HOSTILE)
    return value
