"""Pages that load a tag manager and no recorder the markup shows: the recorders may be inside the
container, which is fetched at run time (vendors.md §32): say so instead of reporting "none"."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer import detect, htmldoc
from analyzer.model import Finding
from analyzer.rules import tag_manager_opaque
from analyzer.signatures import SignatureDB, TagManager


def _loaded(page: htmldoc.Page, db: SignatureDB) -> Iterator[tuple[TagManager, htmldoc.Element]]:
    for el in page.elements:
        if el.tag != "script":
            continue
        src = el.attrs.get("src")
        for m in db.tag_managers:
            if (src and detect.url_matches(m.urls, src)) or (el.text and all(s in el.text for s in m.snippet)):
                yield m, el


def opaque(path: str, page: htmldoc.Page, db: SignatureDB) -> list[Finding]:
    """One note for the first tag manager the page loads."""
    first = next(_loaded(page, db), None)
    if first is None:
        return []
    manager, el = first
    return [tag_manager_opaque.finding(path, el.line, el.column, manager.name, manager.export)]
