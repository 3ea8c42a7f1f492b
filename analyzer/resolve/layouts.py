"""The topic a page's layout names (issue 14, page and form context): a form page that extends or is
included in another template (``{% extends "base.html" %}``, ``@extends('layouts.app')``, a Rails view in
``application.html.erb``), or a route component wrapped by a framework layout (Next.js ``app/layout.tsx``,
SvelteKit ``+layout.svelte``, Nuxt ``layouts/default.vue``), is titled by that layout: the clinic's or
the church's name is in the layout's ``<title>``, site name or metadata, not in the form's file.

A free-text control that would take a topic and found none on its own page (``fieldfacts.PendingField``)
is read again here with the topic of the templates rendered with it (``composition.context``) and of the
component layouts that wrap it, nearest first. The cost is one topic look-up per page that has such
controls, over the few texts each layout keeps (its title, site name, description, ``<h1>``).
"""

from __future__ import annotations

import dataclasses

from analyzer.facts.pagecontext import component_layouts, topic_of
from analyzer.facts.records import FileFacts
from analyzer.resolve.exposure import PageInfo
from analyzer.signatures import SignatureDB
from analyzer.signatures.lexicon import classify


def place(facts: list[FileFacts], pages: dict[str, PageInfo], db: SignatureDB) -> None:
    """Add to ``pages`` the pending controls that their layouts' topic classifies."""
    waiting = [f for f in facts if f.pending_fields and f.path in pages]
    if not waiting:
        return
    sources = {f.path: f.layout_sources for f in facts if f.layout_sources}
    if not sources:
        return
    for f in waiting:
        info = pages[f.path]
        wrappers = component_layouts(f.path, sources, db.component_files.layouts) + [
            p for p in _by_nearness(f.path, info.uses) if p in sources
        ]
        texts = [s for p in dict.fromkeys(wrappers) if p != f.path for s in sources[p]]
        topic = topic_of(texts, db.fields) if texts else None
        if topic is None:
            continue
        added = []
        for pending in f.pending_fields:
            found = classify(pending.read, db.fields, pending.site.type, pending.autocomplete, db.consent_words, topic, db.field_context)
            if found is not None:
                added.append(dataclasses.replace(pending.site, classification=found))
        if added:
            info.fields = sorted(info.fields + added, key=lambda s: (s.line, s.column))


def _by_nearness(path: str, uses: list[str]) -> list[str]:
    """The templates rendered with a page, those in its own folder tree first (its app's layout before
    another app's partial of the same name), then by path."""
    folder = path.split("/")[:-1]
    return sorted(uses, key=lambda p: (-_shared_folders(folder, p.split("/")[:-1]), p))


def _shared_folders(a: list[str], b: list[str]) -> int:
    """How many leading folders two paths share (whole names: app/admin is not app/administration)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
