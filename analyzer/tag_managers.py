"""Pages that load a tag manager and no recorder the markup shows: the recorders may be inside the
container, which is fetched at run time (vendors.md §32): say so instead of reporting "none"."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from analyzer import detect, htmldoc
from analyzer.model import Finding
from analyzer.rules import tag_manager_opaque
from analyzer.signatures import BUILTIN_DIR, SignatureDB, _read_toml


@functools.lru_cache(maxsize=1)
def managers() -> tuple[dict, ...]:
    path = BUILTIN_DIR / "tag_managers.toml"
    items = _read_toml(path).get("manager", []) if path.exists() else []
    return tuple({**m, "compiled": [re.compile(u) for u in m["urls"]]} for m in items)


def _loaded(page: htmldoc.Page) -> Iterator[tuple[dict, htmldoc.Element]]:
    for el in page.elements:
        if el.tag != "script":
            continue
        split = detect.split_url(el.attrs.get("src", "")) if el.attrs.get("src") else None
        for m in managers():
            by_url = split is not None and any(r.search(split[1]) for r in m["compiled"])
            by_snippet = bool(el.text) and all(s in el.text for s in m["snippet"])
            if by_url or by_snippet:
                yield m, el


def opaque(path: str, page: htmldoc.Page, db: SignatureDB) -> list[Finding]:
    out = []
    for manager, el in _loaded(page):
        out.append(tag_manager_opaque.finding(path, el.line, el.column, manager["name"], manager["export"]))
        break
    return out
