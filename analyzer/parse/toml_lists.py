"""A page's TOML front matter written out as the object literal it is, for the field-list reader.

Static sites edited through a content CMS (Hugo with Forestry, Netlify CMS or Decap) keep a questionnaire in the page's
front matter, one array of tables per question, and a layout renders each as a control::

    +++
    layout = "anamnese"
    [[abschnitte]]
    titel = "1. ALLGEMEINES"
    [[abschnitte.fragen]]
    frage = "Rauchen Sie?"
    fragentyp = "Radio"
    optionen = ["Ja", "Nein"]
    +++

The block is read with the standard library's TOML reader (never run) and written as the JavaScript object literal it
is, each table of an array of tables on the line of its ``[[…]]`` header, so that ``analyzer.facts.fieldlists`` reads
its definitions where they stand in the file. A block that is not valid TOML is left alone (the site's generator
would refuse it too).
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

from analyzer.parse.frontmatter import FrontMatter

MAX_BYTES = 500_000  # a larger front matter is data, not a page's questionnaire
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([^\[\]\n]+?)[ \t]*\]\][ \t]*(?:#.*)?$", re.M)


def holds_tables(fm: FrontMatter) -> bool:
    """Whether a front matter is TOML holding an array of tables (a list of definitions needs one)."""
    return fm.fence == "+++" and len(fm.text) <= MAX_BYTES and _HEADER.search(fm.text) is not None


def script(fm: FrontMatter, first_line: int) -> str | None:
    """The front matter as a parenthesised object literal whose line ``first_line`` is the block's first line, each
    table of an array of tables on its header's line; None when the block is not valid TOML."""
    try:
        data = tomllib.loads(fm.text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None
    headers: dict[str, list[int]] = {}
    line, counted = 0, 0  # the line of the last header, counted on from where it was: once over the text
    for m in _HEADER.finditer(fm.text):
        path = ".".join(part.strip().strip("\"'") for part in m.group(1).split("."))
        line += fm.text.count("\n", counted, m.start())
        counted = m.start()
        headers.setdefault(path, []).append(line)
    writer = _Writer({k: iter(v) for k, v in headers.items()})
    writer.value(data, "")
    return "(" + "".join(writer.parts) + ")"


class _Writer:
    def __init__(self, headers: dict[str, Any]) -> None:
        self.headers = headers  # path -> iterator over the 0-based lines of its [[…]] headers, in order
        self.parts: list[str] = []
        self.line = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.line += text.count("\n")

    def value(self, value: Any, path: str) -> None:
        if isinstance(value, dict):
            self.write("{")
            for i, (key, item) in enumerate(value.items()):
                self.write(("," if i else "") + json.dumps(str(key), ensure_ascii=False) + ":")
                self.value(item, f"{path}.{key}" if path else str(key))
            self.write("}")
        elif isinstance(value, list):
            self.write("[")
            lines = self.headers.get(path) if value and all(isinstance(v, dict) for v in value) else None
            for i, item in enumerate(value):
                if i:
                    self.write(",")
                at = next(lines, None) if lines is not None else None
                if at is not None and at > self.line:
                    self.write("\n" * (at - self.line))
                self.value(item, path)
            self.write("]")
        elif isinstance(value, bool | int | float | str):
            self.write(json.dumps(value, ensure_ascii=False))
        else:  # a date or a time: its text
            self.write(json.dumps(str(value), ensure_ascii=False))
