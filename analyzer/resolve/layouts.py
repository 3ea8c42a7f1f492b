"""The topic a page's layout names (issue 14, page and form context): a form page that extends or is
included in another template (``{% extends "base.html" %}``, ``@extends('layouts.app')``, a Rails view in
``application.html.erb``), or a route component wrapped by a framework layout (Next.js ``app/layout.tsx``,
SvelteKit ``+layout.svelte``, Nuxt ``layouts/default.vue``), is titled by that layout: the clinic's or
the church's name is in the layout's ``<title>``, site name or metadata, not in the form's file.

A free-text control that would take a topic and found none on its own page (``fieldfacts.PendingField``)
is read again here with the topic of the templates rendered with it (``composition.context``) and of the
component layouts that wrap it, nearest first. When they name none, the site's home page does: the
nearest ``index.html``, ``index.php``, ``front-page.php`` … in the page's folder or a folder above it
(``site_homes`` in signatures/template_conventions.toml), whose title names the clinic or the parish a
stand-alone registration page does not; and last what the project says it is, in the nearest folder at or
above the page with a ``package.json``, ``composer.json`` or README (``analyzer.facts.project_context``),
and the name of the folder the scan walked (a clone is named for its repository: ``ordinace-dental``).
Between the layouts and the home page come the code files that import the page (a class that extends it, a page
that renders it as a component): their paths name what the shared file is used for, when more than a third of them
name it and at most ``_MAX_IMPORTERS`` import it (``_importers_topic``). A form built in ``visit.js`` is the visit of
``visitDentist.js`` and ``visitTherapist.js``; a contact form the home page, the about page and one blog post render
is no blog post's.
The cost is one topic look-up per page that has such controls, over the few texts each layout, home page
or project file keeps (its title, site name, description, ``<h1>``), and one pass over the scan's import
specifiers when a page's layouts name no topic.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence

from analyzer.facts.fieldfacts import FieldSite
from analyzer.facts.pagecontext import component_layouts, is_component_layout, path_words, topic_of
from analyzer.facts.records import FileFacts
from analyzer.read.discover import SourceFile, app_root
from analyzer.resolve.crossfile import resolve_import
from analyzer.resolve.exposure import PageInfo
from analyzer.signatures import SignatureDB
from analyzer.signatures.lexicon import Topic, as_voting_advice, classify, read_otherwise, tokens, voting_advice_page


def place(facts: list[FileFacts], pages: dict[str, PageInfo], db: SignatureDB, files: Sequence[SourceFile] = ()) -> None:
    """Add to ``pages`` the pending controls that their layouts' topic classifies. The name of the folder
    each page's scan walked (``files``; a clone's folder is named for its repository) is read after the
    project's files."""
    by_display = {f.display: f for f in files}
    statements = {f.path for f in facts if f.path in pages and _holds_statements(f, pages[f.path], by_display.get(f.path), db)}
    waiting = [f for f in facts if f.path in pages and (f.pending_fields or f.path in statements)]
    if not waiting:
        return
    sources = {f.path: f.layout_sources for f in facts if f.layout_sources}
    roots = _root_names(files, {f.path for f in waiting})
    if not sources and not roots:
        return
    homes = _by_folder([*pages, *sources], db.component_files.homes, stem=True)
    projects = _by_folder(list(sources), db.component_files.projects, stem=False)
    homes_and_layouts = {p for found in homes.values() for p in found} | {
        p for p in sources if is_component_layout(p, db.component_files.layouts)
    }
    app_homes: dict[str, list[str]] | None = None
    importers: dict[str, list[str]] | None = None

    def wrapped(path: str) -> list[tuple[str, str]]:
        """What the layouts and the templates rendered with a page say, nearest first."""
        uses = pages[path].uses if path in pages else []
        wrappers = component_layouts(path, sources, db.component_files.layouts) + [p for p in _by_nearness(path, uses) if p in sources]
        return [s for p in dict.fromkeys(wrappers) if p != path for s in sources[p]]

    for f in waiting:
        info = pages[f.path]
        texts = wrapped(f.path)
        topic = topic_of(texts, db.fields) if texts else None
        if topic is None:
            if importers is None:  # who imports each waiting page, found once per scan
                importers = _importers(facts, files, {w.path for w in waiting})
            topic = _importers_topic(f.path, importers.get(f.path, []), db)
        home = _nearest(f.path, homes) if topic is None else []
        if not home and topic is None:
            # A file outside the app's page folders (an app's data in lib/ or src/data/, a component beside app/): the
            # app's own home page or root layout, the one nearest its top (public/index.html, app/layout.tsx).
            if app_homes is None:  # each candidate's app, found once per scan
                app_homes = _app_homes([p for p in sources if p in homes_and_layouts], by_display)
            home = _app_home(f.path, app_homes, by_display)
        if home:  # the site's home page: its own title, else its layout's
            said = [*sources.get(home[0], ()), *wrapped(home[0])]
            topic = topic_of([(f"site home page {home[0]}: {what.removeprefix('layout ')}", text) for what, text in said], db.fields)
        said = [(f"{what} in {p}", text) for p in _nearest(f.path, projects) for what, text in sources[p]]
        said += [("project folder", roots[f.path])] if roots.get(f.path) else []
        project = topic_of(said, db.fields) if said and (topic is None or f.path in statements) else None
        topic = topic or project  # what the project says it is, and what its folder is called
        if topic is None:
            continue
        context = db.field_context
        # A voting-advice application's data (its page, or else its project, names it: a "Gezondheidswijzer" titled for
        # its subject in a project named zorgstemwijzer): its statements read by their own words as another special
        # category are the political opinions their answers give (lexicon.as_voting_advice).
        advice = next((t for t in (topic, project) if t is not None and context is not None and voting_advice_page(t, context)), None)
        if advice is not None:
            info.fields = [_as_statement(s, advice, db) for s in info.fields]
        added = []
        for pending in f.pending_fields:
            given = advice if pending.statement and advice is not None else topic  # a statement: the application's topic
            found = classify(pending.read, db.fields, pending.site.type, pending.autocomplete, db.consent_words, given, db.field_context)
            if found is not None and not (pending.about_an_animal and found.category == "health"):
                added.append(dataclasses.replace(pending.site, classification=found))
        if added:
            info.fields = sorted(info.fields + added, key=lambda s: (s.line, s.column))


def animal_projects(facts: list[FileFacts], pages: dict[str, PageInfo], db: SignatureDB, files: Sequence[SourceFile] = ()) -> None:
    """Drop the health a page reports when the project it belongs to is a veterinary practice: its app's home page's
    title, else what the nearest project that says anything says it is (the ``package.json`` or ``composer.json`` name
    and description, the README's title, in the page's folder or above), names the practice (``animal_practice``:
    "Plataforma Web Veterinaria", "Clinica Veterinaria"); a nearer one naming a human clinic keeps the page's health.
    A component of such an app ("Información Médica": weight, temperature, heart rate) asks about the patient, an
    animal, and names it nowhere in its own file. A page's own words already rule its animal out
    (``pagecontext.not_an_animals``); this reads what only the project says, and only its practice's words: a pet named
    in passing ("tu salud y la de tu mascota") says nothing of this app. A staff page of the practice (an employee's
    sick leave) is dropped with the rest: the project says nothing of it."""
    context = db.field_context
    marked = [p for p, info in pages.items() if any(s.classification.category == "health" for s in info.fields)]
    if not marked or context is None or context.animal_practice is None:
        return
    sources = {f.path: f.layout_sources for f in facts if f.layout_sources}
    if not sources:
        return
    by_display = {f.display: f for f in files}
    projects = _by_folder(list(sources), db.component_files.projects, stem=False)
    homes = _app_homes([p for found in _by_folder(list(sources), db.component_files.homes, stem=True).values() for p in found], by_display)
    practice = context.animal_practice
    said_by: dict[str, str] = {}  # what each folder's project files say, read once
    home_says: dict[str, str] = {}  # what each app's home page says, read once

    def says(found: list[str]) -> str:
        """What these project files (or home page) say the project is: "animal" (a vet's), "person" (a health
        topic of its own: a human clinic), else ""."""
        texts = [(what, text) for p in found for what, text in sources.get(p, ()) if text]
        if any(practice.matches(tokens(text)) for _, text in texts):
            return "animal"
        topic = topic_of(texts, db.fields) if texts else None
        return "person" if topic is not None and topic.category in context.care_topics else ""

    for path in marked:
        home = _app_home(path, homes, by_display)
        if home and home[0] not in home_says:
            home_says[home[0]] = says(home)
        verdict = home_says[home[0]] if home else ""
        folder = path.rpartition("/")[0]
        while not verdict:  # the nearest project that says anything decides
            if folder not in said_by:
                said_by[folder] = says(projects.get(folder, []))
            verdict = said_by[folder]
            if not folder:
                break
            folder = folder.rpartition("/")[0]
        if verdict == "animal":
            info = pages[path]
            info.fields = [s for s in info.fields if s.classification.category != "health"]


_DATA_KINDS = ("js", "ts", "json", "text")  # analyzer.read.discover's kinds of a script or data file (YAML is read as text)


def _holds_statements(f: FileFacts, info: PageInfo, source: SourceFile | None, db: SignatureDB) -> bool:
    """Whether a data or script file that names no topic of its own reports a statement a voting-advice application may
    ask, read by its own words (``Stellingen``'s "Accijnzen voor tabak moeten omhoog.": health): its project may name
    the application, and the statement be the political opinion it is (lexicon.as_voting_advice)."""
    context = db.field_context
    if context is None or context.opinion_pages is None or f.page_topic is not None or source is None or source.kind not in _DATA_KINDS:
        return False
    return any(read_otherwise(s.classification, s.texts, s.type, context, db.fields) for s in info.fields)


def _as_statement(site: FieldSite, topic: Topic, db: SignatureDB) -> FieldSite:
    """A reported field, read again as a voting-advice application's statement when it is one."""
    found = as_voting_advice(site.classification, site.texts, site.type, topic, db.field_context, db.fields)
    return site if found is site.classification or found is None else dataclasses.replace(site, classification=found)


def _app_homes(candidates: list[str], by_display: dict[str, SourceFile]) -> dict[str, list[str]]:
    """The home pages and root layouts that say what they are (``candidates``) by their app (the nearest folder with a
    package manifest: ``discover.app_root``), nearest the app's top first."""
    out: dict[str, list[str]] = {}
    for c in sorted((c for c in candidates if c in by_display), key=lambda c: (c.count("/"), c)):
        out.setdefault(app_root(by_display[c]), []).append(c)
    return out


def _app_home(path: str, app_homes: dict[str, list[str]], by_display: dict[str, SourceFile]) -> list[str]:
    """The home page or root layout of the page's own app nearest the app's top (never the page itself), else none."""
    page = by_display.get(path)
    if page is None:
        return []
    return [c for c in app_homes.get(app_root(page), []) if c != path][:1]


_CODE = ("js", "ts", "sfc")
_MAX_IMPORTERS = 12  # a file imported by more is a component of the whole site: no one page's path names its subject


def _importers_topic(path: str, users: list[str], db: SignatureDB) -> Topic | None:
    """The topic the paths of a file's importers name (nearest first), when more than a third of them name it and
    at most ``_MAX_IMPORTERS`` import it: ``visit.js`` extended by ``visitDentist.js`` and ``visitTherapist.js`` is a
    doctor's visit; a site's contact form rendered by its home page, its about page and one blog post on world mental
    health day is no health form."""
    if not users or len(users) > _MAX_IMPORTERS:
        return None
    found = (topic_of([(f"path of {p}, which imports it", path_words(p))], db.fields) for p in _by_nearness(path, users))
    named = [t for t in found if t is not None]
    return next((t for t in named if sum(o.category == t.category for o in named) * 3 > len(users)), None)


def _importers(facts: list[FileFacts], files: Sequence[SourceFile], paths: set[str]) -> dict[str, list[str]]:
    """The code files that import each of these pages (display paths) by a relative or aliased specifier."""
    code = {f.display: f for f in files if f.kind in _CODE}
    targets = {f.real: f.display for d, f in code.items() if d in paths}
    out: dict[str, dict[str, None]] = {}
    if not targets:
        return {}
    # A specifier names a target by the target's file name or, for an index file, its folder's: only those are
    # resolved (a large app's thousands of imports of packages and other modules are not looked up).
    names = {_stem(os.path.basename(real)) for real in targets} | {
        os.path.basename(os.path.dirname(real)).lower() for real in targets if _stem(os.path.basename(real)) == "index"
    }
    resolved: dict[tuple[str, str], str | None] = {}
    for facts_of in facts:
        importer = code.get(facts_of.path)
        if importer is None or not facts_of.imports:
            continue
        for spec in facts_of.imports:
            if _stem(spec.rstrip("/").rpartition("/")[2]) not in names:
                continue
            key = (os.path.dirname(importer.real), spec)  # modules of one folder import alike: resolved once
            found = resolved[key] if key in resolved else resolved.setdefault(key, resolve_import(importer, spec, targets))
            if found is not None and found != importer.display:
                out.setdefault(found, {})[importer.display] = None
    return {target: list(users) for target, users in out.items()}


def _stem(name: str) -> str:
    """A file name without its endings, lower-cased: ``NotesForm.vue`` and the specifier ``./NotesForm`` alike."""
    return name.split(".", 1)[0].lower()


def _root_names(files: Sequence[SourceFile], paths: set[str]) -> dict[str, str]:
    """The own name of the folder each of these pages' scan walked (``replaylint .`` in a clone: the
    repository's name), each folder resolved once per scan."""
    folders: dict[str, str] = {}
    names: dict[str, str] = {}
    for f in files:
        if f.display in paths and f.root is not None:
            root = str(f.root)
            if root not in folders:
                folders[root] = os.path.basename(os.path.normpath(os.path.abspath(root)))
            names[f.display] = folders[root]
    return names


def _by_folder(paths: list[str], names: frozenset[str], stem: bool) -> dict[str, list[str]]:
    """The files of these names (without their endings when ``stem``) by folder ("" for the scan's root)."""
    by_folder: dict[str, list[str]] = {}
    for path in sorted(set(paths)):
        folder, _, name = path.rpartition("/")
        if (name.split(".", 1)[0] if stem else name).lower() in names:
            by_folder.setdefault(folder, []).append(path)
    return by_folder


def _nearest(path: str, files: dict[str, list[str]]) -> list[str]:
    """The files in the page's folder, else in the nearest folder above it that has some; never the page itself."""
    folder = path.rpartition("/")[0]
    while True:
        found = [h for h in files.get(folder, ()) if h != path]
        if found or not folder:
            return found
        folder = folder.rpartition("/")[0]


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
