"""Template composition after the scan: which templates a template uses (extends, include,
render, partial, get_template_part, a framework's default layout), so that

- a recorder in a partial that every includer renders inside a consent branch is gated; one that
  an includer renders under a condition this tool cannot read is unverifiable ("its includers
  decide"); a partial no scanned template includes is judged as it renders, and
- a form in a child template is exposed to the recorders of its layout chain and includes.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.consent.template_scan import TemplateFacts, TemplateRef
from analyzer.kinds import Mechanism
from analyzer.model import Detection, Status, Verdict, site_key

MAX_DEPTH = 12
_SYMFONY_NAME = 200  # characters of a Symfony logical template name read
_VENDOR_WORDS = 4  # a bundle's name is looked for without at most this many leading words (its vendor's folder)


def _candidates(ref: TemplateRef, dialect: str) -> list[str]:
    """Path suffixes a reference may name, by dialect convention."""
    name = ref.name.strip().lstrip("./")
    if dialect == "liquid":
        folder = {"layout": "layout"}.get(ref.kind, "snippets")
        out = [f"{folder}/{name}.liquid", f"sections/{name}.liquid", f"{name}.liquid"]
    elif dialect == "handlebars":
        out = [f"partials/{name}.hbs", f"{name}.hbs", f"partials/{name}.handlebars"]
    elif dialect == "erb":
        head, _, tail = name.rpartition("/")
        under = f"{head}/_{tail}" if head else f"_{tail}"
        out = [f"{under}.html.erb", f"{under}.erb", f"{name}.html.erb"]
    elif dialect == "blade":
        out = [name.replace(".", "/") + ".blade.php"]
    elif dialect == "php":
        out = [name if name.endswith(".php") else f"{name}.php"]
    elif dialect == "go":
        out = [f"partials/{name}", name]
    elif dialect == "jinja" and name.count(":") == 2:
        out = _symfony_names(name)
    elif dialect == "tapestry":  # <t:layout>, t:type="site.footer": components/Layout.tml, components/site/Footer.tml
        out = [f"components/{name.replace('.', '/')}.tml"]
    else:
        out = [name]
    if ref.kind == "layout" and dialect != "liquid":
        # A Jekyll / Eleventy page's front-matter layout: _layouts/default.html, Eleventy's _includes/base.njk.
        out = [f"_layouts/{name}.html", f"_layouts/{name}", f"_includes/{name}", f"_includes/layouts/{name}", *out]
    return out


def _symfony_names(name: str) -> list[str]:
    """Symfony 2 and 3's logical template names, ``Bundle:Folder:file``: ``::base.html.twig`` and
    ``:Contact:index.html.twig`` are the application's own (``app/Resources/views/``); ``AppBundle:Contact:index.html.twig``
    is the application's override of a bundle's template (``app/Resources/AppBundle/views/Contact/``), else the bundle's
    own (``src/AppBundle/Resources/views/Contact/``), a bundle under a vendor folder (``AcmeDemoBundle`` in
    ``src/Acme/DemoBundle/``) by the end of its name. A name longer than ``_SYMFONY_NAME`` names none, and at most
    ``_VENDOR_WORDS`` ends of a bundle's name are tried.
    symfony.com/doc/3.4/templating.html"""
    if len(name) > _SYMFONY_NAME:
        return []
    bundle, folder, file = name.split(":")
    below = f"{folder}/{file}" if folder else file
    if not bundle:
        return [f"app/Resources/views/{below}"]
    tails = [bundle[k:] for k in range(1, len(bundle)) if bundle[k].isupper() and bundle[k:] != "Bundle"][:_VENDOR_WORDS]
    return [f"app/Resources/{bundle}/views/{below}", f"{bundle}/Resources/views/{below}", *(f"{t}/Resources/views/{below}" for t in tails)]


@dataclass
class Graph:
    uses: dict[str, set[str]]
    includers: dict[str, list[tuple[str, TemplateRef]]]
    parents: dict[str, list[str | None]] = dataclasses.field(default_factory=dict)  # extends / layout; None: not scanned
    facts: dict[str, TemplateFacts] = dataclasses.field(default_factory=dict)


def build(facts: dict[str, TemplateFacts], conventions: tuple[dict[str, str], ...], nodes: Iterable[str] = ()) -> Graph:
    """``nodes``: every HTML / template file scanned (a partial may hold no template syntax)."""
    paths = sorted(set(facts) | set(nodes))
    known = frozenset(paths)
    uses: dict[str, set[str]] = {p: set() for p in paths}
    includers: dict[str, list[tuple[str, TemplateRef]]] = {}
    parents: dict[str, list[str | None]] = {}
    for path, tf in facts.items():
        for ref in tf.refs:
            target = _resolve(path, ref, tf.dialect, paths)
            if ref.kind in ("extends", "layout"):
                parents.setdefault(path, []).append(target if target != path else None)
            if target and target != path:
                uses[path].add(target)
                if ref.kind == "include":
                    includers.setdefault(target, []).append((path, ref))
        for conv in conventions:
            if conv["dialect"] == tf.dialect and _page_template(path, conv) and conv["unless"] not in tf.opt_outs:
                nearest = conv.get("lookup") == "nearest"
                parent = _nearest(path, conv["parent"], known) if nearest else next((p for p in paths if p.endswith(conv["parent"])), None)
                if parent and parent != path and not any(r.kind in ("layout", "extends") for r in tf.refs):
                    uses[path].add(parent)
    return Graph(uses, includers, parents, dict(facts))


def _nearest(path: str, name: str, known: frozenset[str]) -> str | None:
    """The file called ``name`` nearest the page: in its folder, else the closest folder above it (Nette's
    ``@layout.latte``)."""
    folders = path.split("/")[:-1]
    for depth in range(len(folders), -1, -1):
        candidate = "/".join([*folders[:depth], name])
        if candidate in known:
            return candidate
    return None


_PARTIAL_FOLDERS = frozenset({"partials", "snippets", "template-parts", "includes", "_includes", "_partials", "components"})


def is_partial(path: str) -> bool:
    """A template meant to be included (a Rails ``_name`` partial, a partials/snippets folder).
    ASP.NET's ``_Layout.cshtml`` is the page layout, not a partial, despite its underscore; a
    file in a ``layouts`` folder is a layout."""
    parts = path.split("/")
    name = parts[-1].lower()
    underscore = name.startswith("_") and not name.startswith(("_layout.", "_viewstart."))
    if not underscore and set(parts[:-1]) & {"layouts", "layout"}:
        return False  # Phoenix components/layouts/root.html.heex: a layout inside a partials-like folder
    return underscore or bool(set(parts[:-1]) & _PARTIAL_FOLDERS)


def _page_template(path: str, conv: dict[str, str]) -> bool:
    """A page template the convention's layout wraps: under its folder, not a layout or partial."""
    if conv["under"] not in path or path.endswith(conv["parent"]):
        return False
    rest = path.split(conv["under"], 1)[1].split("/") if conv["under"] else path.split("/")
    return not rest[-1].startswith("_") and not set(rest[:-1]) & {"layouts", "layout", "partials", "snippets", "shared"}


def _resolve(src: str, ref: TemplateRef, dialect: str, paths: list[str]) -> str | None:
    if dialect == "latte":
        # Latte names a file relative to the template's own folder ({layout '../@layout.latte'}, {include
        # 'parts/form.latte'}): that file, when the scan holds it; a name that climbs out names no other.
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(src), ref.name))
        if relative in paths or ref.name.startswith(("./", "../")):
            return relative if relative in paths else None
    best: tuple[int, str] | None = None
    folded = dialect == "tapestry"  # Tapestry's component names are read in any case
    for suffix in _candidates(ref, dialect):
        for p in paths:
            q = p.lower() if folded else p
            if q == suffix or q.endswith("/" + suffix):
                shared = len(_common_prefix(src, p))
                if best is None or shared > best[0]:
                    best = (shared, p)
        if best:
            return best[1]
    return None


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[:i]


def context(graph: Graph, path: str) -> set[str]:
    """Every template rendered on the same page as ``path``: what it and the templates that
    include it (transitively) use, transitively. Templates that merely include one of those
    used templates elsewhere (another page's header) are not on this page."""
    roots = {path}
    stack = [path]
    while stack:
        for includer, _ in graph.includers.get(stack.pop(), ()):
            if includer not in roots:
                roots.add(includer)
                stack.append(includer)
    seen = set(roots)
    stack = list(roots)
    while stack:
        for used in graph.uses.get(stack.pop(), ()):
            if used not in seen:
                seen.add(used)
                stack.append(used)
    seen.discard(path)
    return seen


def _gated_where_included(graph: Graph, path: str, depth: int = 0, seen: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """("gated", where) when every include site of ``path`` (recursively) is in a consent branch;
    ("unknown", where) when none is open but one carries a condition this tool cannot read (a
    Ruby ``if`` modifier, Blade ``@includeWhen``); None when any path renders it unconditionally
    or under a condition that is not consent (environment, configuration)."""
    sites = graph.includers.get(path, [])
    if not sites or depth > MAX_DEPTH or path in seen:
        return None
    gates, unknown = [], []
    for includer, ref in sites:
        if ref.gated_by:
            gates.append(f"{includer}:{ref.line}: {ref.gated_by}")
            continue
        if ref.unknown:
            unknown.append(f"{includer}:{ref.line}: {ref.unknown}")
            continue
        above = _gated_where_included(graph, includer, depth + 1, seen | {path})
        if above is None:
            return None
        (unknown if above[0] == "unknown" else gates).append(f"{includer}:{ref.line} <- {above[1]}")
    if unknown:
        return "unknown", "; ".join(unknown + gates)
    return "gated", "; ".join(gates)


def regate(detections: list[Detection], graph: Graph) -> dict[tuple[str, int, int, str], Verdict]:
    """Verdicts that change because of where the template is included: gated when every include
    is inside a consent branch, unverifiable when an include's condition cannot be read. A
    partial no scanned template includes is judged as it renders (its own verdict)."""
    changed: dict[tuple[str, int, int, str], Verdict] = {}
    for d in detections:
        if d.verdict.mechanism is Mechanism.PARENT_TEMPLATE_DECIDES:
            decided = _parent_decided(graph, d)
            if decided is not None:
                changed[site_key(d)] = decided
            continue
        if d.verdict.status is Status.GATED or d.location.path not in graph.uses:
            continue
        found = _gated_where_included(graph, d.location.path)
        if found is None:
            if is_partial(d.location.path) and not graph.includers.get(d.location.path):
                changed[site_key(d)] = dataclasses.replace(
                    d.verdict, evidence=f"{d.verdict.evidence}; no scanned template includes this partial: judged as it renders"
                )
            continue
        key = site_key(d)
        kind, where = found
        if kind == "gated":
            changed[key] = Verdict(
                status=Status.GATED,
                mechanism=Mechanism.SERVER_SIDE_CONSENT,
                evidence=f"this template is rendered only inside consent branches where it is included ({where}); on its own: "
                f"{d.verdict.evidence}",
                cmp=d.verdict.cmp,
            )
        else:
            changed[key] = Verdict(
                status=Status.UNVERIFIABLE,
                mechanism=Mechanism.PARTIAL_INCLUDERS_DECIDE,
                evidence=f"partial: its includers decide ({where}); on its own: {d.verdict.evidence}",
                cmp=d.verdict.cmp,
            )
    return changed


def _parent_decided(graph: Graph, d: Detection) -> Verdict | None:
    """The verdict of a recorder in a block nested in another block of a child template, under a consent branch
    between the two (``template_gate.parent_decides``), when every template it extends is scanned: ungated when one
    defines a block of its name (the engine renders it there, whatever surrounds it), gated when none does. None when
    a template of the chain is not scanned (the verdict stays unverifiable)."""
    tf = graph.facts.get(d.location.path)
    inside = [n for n in tf.nested if n.first <= d.location.line <= n.last] if tf else []
    if not inside:
        return None
    nested = max(inside, key=lambda n: n.first)
    found = _ancestor_defining(graph, d.location.path, nested.name)
    if found is None:
        return None
    placed, where = found
    if placed:
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.NONE,
            evidence=f"{where} defines a block named '{nested.name}', where the engine renders this one whatever surrounds it; "
            f"on its own: {d.verdict.evidence}",
            cmp=d.verdict.cmp,
        )
    return Verdict(
        status=Status.GATED,
        mechanism=Mechanism.SERVER_SIDE_CONSENT,
        evidence=f"rendered only in {nested.gate}: the templates it extends ({where}) define no block named '{nested.name}', "
        f"so the block renders only where its outer block puts it; on its own: {d.verdict.evidence}",
        cmp=d.verdict.cmp,
    )


def _ancestor_defining(graph: Graph, path: str, name: str) -> tuple[bool, str] | None:
    """(True, the template) when a template ``path`` extends (transitively) defines a block called ``name``; (False,
    the templates read) when none does; None when one is not scanned or extends a template this tool cannot name."""
    seen = [path]
    todo = [path]
    while todo:
        current = todo.pop()
        parents = graph.parents.get(current, [])
        tf = graph.facts.get(current)
        if not parents and (current == path or (tf is not None and tf.child)):
            return None  # a child whose parent is not named (``{% extends var %}``)
        for parent in parents:
            if parent is None or len(seen) > MAX_DEPTH:
                return None
            if parent in seen:
                continue
            seen.append(parent)
            above = graph.facts.get(parent)
            if above is not None and name in above.defines:
                return True, parent
            todo.append(parent)
    return False, ", ".join(seen[1:])
