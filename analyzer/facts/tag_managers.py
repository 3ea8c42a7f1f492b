"""The tag manager a page loads: when the page shows no recorder, the recorders may be inside the
container, which is fetched at run time (vendors.md §32); RL140 says so instead of "none"."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.facts import detect
from analyzer.facts.records import TagManagerSeen
from analyzer.parse import htmldoc
from analyzer.signatures import SignatureDB, TagManager


def _loaded(page: htmldoc.Page, db: SignatureDB) -> Iterator[tuple[TagManager, htmldoc.Element]]:
    for el in page.elements:
        if el.tag != "script":
            continue
        src = el.attrs.get("src")
        for m in db.tag_managers:
            if (src and detect.url_matches(m.urls, src)) or (el.text and all(s in el.text for s in m.snippet)):
                yield m, el


def first_loaded(page: htmldoc.Page, db: SignatureDB) -> TagManagerSeen | None:
    """The first tag manager the page loads, if any."""
    first = next(_loaded(page, db), None)
    if first is None:
        return None
    manager, el = first
    return TagManagerSeen(manager.name, manager.export, el.line, el.column)
