"""What a project says it is (issue 14, page and form context): the name and description in its
``package.json`` or ``composer.json`` and the title of its README. A form page that neither its layouts nor
its site's home page give a topic is read with them last (``analyzer.resolve.layouts``): a dental practice's
booking app named ``ordinace-dental``, a parish site whose README is titled "Site web de la paroisse".

Only the few texts are kept, as ``layout_sources`` pairs (``("project name", "ordinace dental")``), so
the resolve stage reads no file."""

from __future__ import annotations

import json
import re

from analyzer.parse.clipping import clip

_MAX_MANIFEST = 1_000_000  # bytes: a package.json larger than this is not a project's own
_MAX_TEXT = 200
_README_LINES = 40  # a README's title is in its first lines
_ATX = re.compile(r"#{1,2}[ \t]+([^\n]*)")
_SETEXT = re.compile(r"={3,}[ \t]*")
_MARKUP = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)|<[^>\n]*>|[*_`]")  # links and images keep their text


def manifest_sources(data: bytes) -> tuple[tuple[str, str], ...]:
    """A package manifest's name (its scope or vendor dropped, words split) and description."""
    if len(data) > _MAX_MANIFEST:
        return ()
    try:
        manifest = json.loads(data)
    except (ValueError, RecursionError):
        return ()
    if not isinstance(manifest, dict):
        return ()
    out = []
    name = manifest.get("name")
    if isinstance(name, str) and name.strip():
        words = re.sub(r"[-_.]+", " ", name.rsplit("/", 1)[-1]).strip()
        if words:
            out.append(("project name", clip(words, _MAX_TEXT)))
    description = manifest.get("description")
    if isinstance(description, str) and description.strip():
        out.append(("project description", clip(" ".join(description.split()), _MAX_TEXT)))
    return tuple(out)


def readme_sources(text: str) -> tuple[tuple[str, str], ...]:
    """A README's title: its first ``#`` or ``##`` heading, or a line underlined with ``===``, in its first lines."""
    lines = text.split("\n", _README_LINES)[:_README_LINES]
    for i, line in enumerate(lines):
        line = line.strip()
        found = _ATX.fullmatch(line)
        title = found.group(1) if found else (lines[i - 1].strip() if i and _SETEXT.fullmatch(line) else "")
        title = " ".join(_MARKUP.sub(lambda m: m.group(1) or "", title).split()).strip("# ")
        if title:
            return (("project readme title", clip(title, _MAX_TEXT)),)
    return ()
