"""After the scan: judge a start inside a script's global function at its callers in the other
scripts of the pages that load it.

``function loadHotjar() {…}`` at the top level of ``tracker.js``, called by nothing in that file,
is ``unverifiable`` in its own file (entry ``global:loadHotjar``): classic scripts of one page share
their globals, so the callers are the page's other scripts (``banner.js``'s Accept handler). Here
every page that loads the file (or holds it inline) is read again with each script it runs, and
every call of the global in them is judged with the same guard analysis the file's own calls get.

Gated only when, on every such page, the name is defined once (a second definition or assignment
may replace the function), every reference to it is a direct call (``typeof`` aside), every call
is gated, and the page runs nothing the scan cannot read (a script that is not a scanned file, a
tag manager's container, an ``on…`` attribute naming the function); and at least one call was
found. One ungated call: ungated. Anything else stays unverifiable, with the other file named.

A start its own file gates through such a global (``load()`` called only inside the file's consent check; entry
``global-also:load``) is read again the same way, because the page's other scripts may call the global too: a call
there that is not gated undoes the gate (ungated, or unverifiable for an ``on…`` attribute or a use whose calls cannot
be followed). What the scan cannot read (a CDN's script, a template's includes, a tag manager) is not held against it,
a file that no scanned page runs keeps its own verdict, and a file loaded with ``type="module"`` shares no globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.consent import consent_code
from analyzer.facts.detect import script_type
from analyzer.facts.records import FileFacts
from analyzer.kinds import Mechanism
from analyzer.model import Detection, Status, Verdict, site_key
from analyzer.parse import htmldoc, jsfacts, jsparse, links, reading
from analyzer.parse.budget import BudgetExhausted
from analyzer.parse.jsfacts import FUNCTION_TYPES
from analyzer.parse.jsflow import GLOBAL_OBJECTS
from analyzer.read.discover import SourceFile
from analyzer.resolve import registry
from analyzer.signatures import SignatureDB

SiteKey = tuple[str, int, int, str]
MAX_PAGES = 32  # pages read for one script; more leave its globals' starts open
MAX_OCCURRENCES = 256  # occurrences of the name read in one script; more (a minified name) leave the start open
MAX_OTHERS = 256  # scripts searched for the name of a global nothing on its pages calls (for the evidence only)
_DECLARATORS = ("variable_declaration", "lexical_declaration")
_FUNCTION_DECLARATIONS = ("function_declaration", "generator_function_declaration")


@dataclass
class _Script:
    """One script a page runs: its parsed program (None when it could not be read) and where it is."""

    where: str  # display path of the file (the page itself for an inline script)
    prog: jsfacts.Program | None
    guard: consent_code.GuardAnalysis | None = None


@dataclass(frozen=True)
class _Handler:
    """An event-handler attribute (``onclick="…"``) or a ``javascript:`` link: code the page runs
    that is not parsed here."""

    where: str
    key: str
    value: str


_Run = _Script | _Handler | str  # a str: a script the scan cannot read, and why


@dataclass
class _Findings:
    """What the pages of one global show."""

    gated: list[tuple[str, str]] = field(default_factory=list)  # (where, evidence)
    gating: list[_Script] = field(default_factory=list)  # the scripts whose calls are gated
    ungated: list[tuple[str, str]] = field(default_factory=list)
    open: list[str] = field(default_factory=list)  # why it cannot be decided, naming the file


class _Site:
    """The scripts of the pages in a scan, each file read and parsed at most once."""

    def __init__(self, files: list[SourceFile], facts: dict[str, FileFacts], db: SignatureDB, max_bytes: int) -> None:
        self.by_real = {f.real: f for f in files}
        self.by_display = {f.display: f for f in files}
        self.facts = facts
        self.db = db
        self.max_bytes = max_bytes
        self.vocab = consent_code.vocabulary(db)
        self._scripts: dict[str, _Script] = {}
        self._pages: dict[str, list[_Run] | None] = {}
        # What one script says of one global does not depend on the page that runs it: a script
        # that twenty pages load is read once per global, not twenty times.
        self.references: dict[tuple[int, str], tuple[_Findings, list[str]]] = {}
        # (page, script) where the page loads the script with type="module": there its top-level names are no globals
        self.module_loads: set[tuple[str, str]] = set()

    def text(self, f: SourceFile) -> str | None:
        data = reading.read_bytes(f.path, f.display, self.max_bytes)
        return reading.decode(data).text if isinstance(data, bytes) else None

    def script(self, f: SourceFile) -> _Script:
        found = self._scripts.get(f.display)
        if found is None:
            text = self.text(f)
            prog = None if text is None else jsfacts.Program(jsparse.parse(jsparse.JsSource(text, 1, 1, jsparse.dialect_for(f.display))))
            found = self._scripts[f.display] = _Script(f.display, prog)
        return found

    def page(self, f: SourceFile) -> list[_Run] | None:
        """The scripts ``f`` runs in document order (inline ones and scanned files), and for each one
        the scan cannot read, why (a string naming it); None when the page cannot be read."""
        if f.display not in self._pages:
            self._pages[f.display] = self._read_page(f)
        return self._pages[f.display]

    def _read_page(self, f: SourceFile) -> list[_Run] | None:
        text = self.text(f)
        if text is None:
            return None
        doc = htmldoc.parse(text)
        base = next((el.attrs.get("href") for el in doc.elements if el.tag == "base" and el.attrs.get("href")), None)
        out: list[_Run] = []
        if f.kind == "template":
            out.append(f"{f.display} is a template: the scripts its includes add are not followed")
        facts = self.facts.get(f.display)
        if facts is not None and facts.tag_manager is not None:
            out.append(f"{f.display} loads a tag manager ({facts.tag_manager.name}), whose tags may call it")
        for el in doc.elements:
            if el.tag != "script" or script_type(el) not in self.db.script_types.executable:
                continue
            src = el.attrs.get("src")
            if src is None:
                if el.text.strip():
                    line, col = doc.body_position(el)
                    prog = jsfacts.Program(jsparse.parse(jsparse.JsSource(el.text, line, col, "js")))
                    out.append(_Script(f.display, prog))
                continue
            real = links.resolve(src, f.path, f.root, base)
            target = self.by_real.get(real) if real is not None else None
            if target is None or target.kind not in ("js", "ts"):
                out.append(f"{f.display} loads {src}, which is not a scanned script")
                continue
            if script_type(el) == "module":
                self.module_loads.add((f.display, target.display))
            out.append(self.script(target))
        out += _handler_attributes(doc, f.display)
        return out

    def guard(self, script: _Script) -> consent_code.GuardAnalysis:
        if script.guard is None:
            assert script.prog is not None
            script.guard = consent_code.GuardAnalysis(script.prog, self.vocab)
        return script.guard


def _handler_attributes(doc: htmldoc.Page, where: str) -> list[_Run]:
    """Event-handler attributes and ``javascript:`` links on any element of a page."""
    if doc.root is None:
        return []
    out: list[_Run] = []
    for el in doc.root.iter():
        if not isinstance(el.tag, str):
            continue  # a comment or processing instruction
        for key, value in el.attrib.items():
            key = str(key).lower()
            if key.startswith("on") or (key == "href" and str(value).strip().lower().startswith("javascript:")):
                out.append(_Handler(where, key, str(value)))
    return out


def link(
    detections: list[Detection],
    files: list[SourceFile],
    facts: list[FileFacts],
    loaded_by: dict[str, list[str]],
    db: SignatureDB,
    max_bytes: int,
) -> dict[SiteKey, Verdict]:
    """New verdicts for starts in global functions, judged at the calls of the other scripts of
    their pages. ``loaded_by`` maps a script's real path to the pages (display paths) whose
    ``<script src>`` loads it."""
    # An open start at a global its file never calls (GLOBAL_PREFIX), and a start its file gates through a global that
    # the page's other scripts may call too (GLOBAL_ALSO_PREFIX): the same reading of the pages, told apart by
    # ``readable_only``, and the second only ever loses its gate.
    todo = [
        (d, names, readable_only)
        for d in detections
        for prefix, status, readable_only in _PASSES
        if d.verdict.status is status and ((names := _entry_names(d, prefix)) or (d.verdict.helpers and not readable_only))
    ]
    named = [
        (d, names) for d in detections if d.verdict.status is Status.GATED and (names := _entry_names(d, consent_code.GLOBAL_HELPER_PREFIX))
    ]
    if not todo and not named:
        return {}
    site = _Site(files, {f.path: f for f in facts}, db, max_bytes)
    changed: dict[SiteKey, Verdict] = {}
    for d, names in named:
        home = site.by_display.get(d.location.path)
        unchosen = _unchosen(site, d, home, names, loaded_by) if home is not None else None
        if unchosen is not None:
            changed[site_key(d)] = unchosen
    for d, names, readable_only in todo:
        home = site.by_display.get(d.location.path)
        if home is None or site_key(d) in changed:
            continue
        if d.verdict.helpers and not readable_only:
            helped = _with_helpers(site, d, home, loaded_by)
            if helped is not None:
                changed[site_key(d)] = helped
            continue
        verdict = _judge(site, home, names, loaded_by, readable_only)
        if verdict is not None and not (readable_only and verdict.status is Status.GATED):
            changed[site_key(d)] = _explained(d.verdict, verdict)
    return changed


_PASSES = ((consent_code.GLOBAL_PREFIX, Status.UNVERIFIABLE, False), (consent_code.GLOBAL_ALSO_PREFIX, Status.GATED, True))


def _entry_names(d: Detection, prefix: str) -> list[str]:
    """The globals a detection's verdict names under ``prefix`` (``global:loadHotjar`` -> ``loadHotjar``)."""
    return [e.removeprefix(prefix) for e in d.verdict.entry if e.startswith(prefix)]


def _pages_of(site: _Site, home: SourceFile, loaded_by: dict[str, list[str]]) -> list[SourceFile]:
    if home.kind in ("html", "template"):
        return [home]
    real = home.real
    return [site.by_display[p] for p in loaded_by.get(real, []) if p in site.by_display]


def _judge(site: _Site, home: SourceFile, names: list[str], loaded_by: dict[str, list[str]], readable_only: bool = False) -> Verdict | None:
    """The verdict every call of the globals ``names`` on the pages that run ``home`` gives; None when no scanned page
    runs it. ``readable_only``: a start its own file already gates, whose global the pages' other scripts may call too;
    what the scan cannot read there (a CDN's script, a template's includes, a tag manager) is not held against it, and
    only a call found in what it reads can undo the gate."""
    pages = _pages_of(site, home, loaded_by)
    if not pages:
        return None  # no scanned page runs it: the first verdict's evidence says what is open
    found = _Findings()
    if len(pages) > MAX_PAGES:
        found.open.append(f"{len(pages)} pages load {home.display}; only {MAX_PAGES} are followed")
        pages = pages[:MAX_PAGES]
    for name in names:
        for page in pages:
            _read(site, page, home, name, found, readable_only)
    if not found.gated and not found.ungated and not found.open:
        if readable_only:
            return None  # no page runs it as a classic script: the file's own calls decide
        found.open.append(_elsewhere(site, home, pages, names))
    clash = _record_clash(site, pages, found.gating) if found.gated and not found.ungated and not found.open else None
    if clash:
        found.open.append(clash)
    return _combine(found, names)


def _record_clash(site: _Site, pages: list[SourceFile], gating: list[_Script]) -> str | None:
    """A consent record the gating scripts store (and may read back as the check) that another
    script of the same pages writes too: each file's record analysis sees only its own writes, so
    a write elsewhere (on load, from a reject path) may break the proof."""
    seen: set[int] = set()
    try:
        for g in gating:
            if id(g) in seen:
                continue
            seen.add(id(g))
            keys = {w.key for w in site.guard(g).records.writes()}
            for page in pages if keys else []:
                for other in site.page(page) or []:
                    if not isinstance(other, _Script) or other is g or other.prog is None:
                        continue
                    if not any(k.encode() in other.prog.parsed.source.data for k in keys):
                        continue
                    clash = next((w for w in site.guard(other).records.writes() if w.key in keys), None)
                    if clash is not None:
                        line = other.prog.position(clash.node)[0]
                        return f"{other.where}:{line} also writes the consent record '{clash.key}' that {g.where} stores"
    except BudgetExhausted:
        return "the analysis budget ran out reading the consent records of the page's scripts"
    return None


def _elsewhere(site: _Site, home: SourceFile, pages: list[SourceFile], names: list[str]) -> str:
    """Why no call was found: a scanned script that names the global but that none of these
    pages loads, if there is one."""
    ran = {s.where for p in pages for s in site.page(p) or [] if isinstance(s, _Script)}
    shown = ", ".join(p.display for p in pages[:3]) + (", …" if len(pages) > 3 else "")
    others = [f for f in site.by_display.values() if f.kind in ("js", "ts") and f.display not in ran and f.display != home.display]
    for f in others[:MAX_OTHERS]:
        text = site.text(f)
        if text is not None and any(n in text for n in names):
            return f"{f.display} names {names[0]}, but no page that loads {home.display} ({shown}) loads it"
    return f"no script of the pages that load it ({shown}) calls {names[0]}"


def _read(site: _Site, page: SourceFile, home: SourceFile, name: str, found: _Findings, readable_only: bool = False) -> None:
    """Every definition and reference of the global ``name`` in the scripts ``page`` runs (``readable_only``: not the
    reasons a script cannot be read)."""
    scripts = site.page(page)
    if scripts is None:
        found.open.append(f"{page.display} could not be read")
        return
    if readable_only and (page.display, home.display) in site.module_loads:
        return  # this page loads it as a module: its top-level names are its own there, no page's globals
    definitions: list[str] = []
    for script in scripts:
        if isinstance(script, _Handler):
            if name in script.value:
                found.open.append(f"{script.where} calls it from an {script.key} attribute ({script.value.strip()[:60]})")
            continue
        if isinstance(script, str):
            if not readable_only:
                found.open.append(script)
            continue
        if script.prog is None:
            found.open.append(f"{script.where} could not be read")
            continue
        if name.encode() not in script.prog.parsed.source.data:
            continue
        known = site.references.get((id(script), name))
        if known is None:
            known = (_Findings(), [])
            try:
                _references(site, script, name, known[1], known[0])
                site.references[(id(script), name)] = known
            except BudgetExhausted:  # what was found before it ran out still counts; not kept
                known[0].open.append(f"the analysis budget ran out in {script.where}")
        found.gated += known[0].gated
        found.gating += known[0].gating
        found.ungated += known[0].ungated
        found.open += known[0].open
        definitions += known[1]
    if len(definitions) > 1:
        found.open.append(f"{name} is defined or assigned {len(definitions)} times on {page.display} ({', '.join(definitions)})")
    elif not definitions:
        found.open.append(f"{page.display} does not load {home.display} as a classic script that defines {name}")


def _references(site: _Site, script: _Script, name: str, definitions: list[str], found: _Findings) -> None:
    """Sort each occurrence of ``name`` in one script: a definition, a call (judged), a ``typeof``
    test, or a use whose calls cannot be followed."""
    prog = script.prog
    assert prog is not None
    module = prog.is_module
    occurrences = prog.tree.occurrences(name)
    for count, offset in enumerate(occurrences):
        if count == MAX_OCCURRENCES:
            found.open.append(f"{name} occurs more than {MAX_OCCURRENCES} times in {script.where}: not followed")
            return
        chain = prog.tree.path(offset, offset + len(name.encode()))
        node = chain[-1]
        where = f"{script.where}:{prog.position(node)[0]}"
        if node.type == "comment":
            occurrences.skip_to(node.end_byte)
            continue
        if node.type in ("string_fragment", "string", "template_string", "regex_pattern"):
            found.open.append(f"{name} is named in a string at {where}: what calls it there cannot be followed")
            continue
        kind, ref = _reference(prog, chain, module)
        if kind == "local":
            continue
        if kind == "definition":
            definitions.append(where)
        elif kind == "call":
            assert ref is not None
            path = site.guard(script).judge(ref)
            verdict = consent_code.path_verdict(path)
            if verdict.status is Status.GATED:
                found.gated.append((where, verdict.evidence))
                found.gating.append(script)
            elif verdict.status is Status.UNGATED:
                found.ungated.append((where, verdict.evidence))
            else:
                found.open.append(f"it is called at {where}: {verdict.evidence}")
        elif kind == "other":
            found.open.append(f"{name} is used at {where} where its calls cannot be followed")


def _reference(prog: jsfacts.Program, chain: list[Node], module: bool) -> tuple[str, Node | None]:
    """What one occurrence is: ("definition"), ("call", call), ("typeof"), ("local") for another
    binding of the same name or a property of another object, ("other") for anything else."""
    node = chain[-1]
    parent = chain[-2] if len(chain) >= 2 else None
    if parent is None:
        return "other", None
    if node.type == "property_identifier":
        if parent.type != "member_expression" or parent.child_by_field_name("property") != node:
            return "other", None  # an object's key, a method's name: may be the same function handed on
        obj = parent.child_by_field_name("object")
        if obj is None or obj.type != "identifier" or prog.text(obj) not in GLOBAL_OBJECTS or prog.lookup(obj) is not None:
            return "other", None  # a property of another object: it may hold this function
        return _use(prog, chain[:-1])
    if node.type not in ("identifier", "shorthand_property_identifier"):
        return "other", None
    if parent.type in _FUNCTION_DECLARATIONS and parent.child_by_field_name("name") == node:
        top = len(chain) >= 3 and chain[-3].type == "program"
        return ("definition", None) if top and not module else ("local", None)
    if parent.type == "variable_declarator" and parent.child_by_field_name("name") == node:
        top = len(chain) >= 4 and chain[-3].type in _DECLARATORS and chain[-4].type == "program"
        return ("definition", None) if top and not module else ("local", None)
    binding = prog.lookup(node)
    if binding is not None and not (binding.scope.type == "program" and not module):
        return "local", None
    return _use(prog, chain)


def _use(prog: jsfacts.Program, chain: list[Node]) -> tuple[str, Node | None]:
    """A reference to the global itself (``name`` or ``window.name``, at the end of ``chain``)."""
    ref, parent = chain[-1], chain[-2] if len(chain) >= 2 else None
    if parent is None:
        return "other", None
    if parent.type == "assignment_expression" and parent.child_by_field_name("left") == ref:
        return "definition", None
    if parent.type in ("call_expression", "new_expression") and prog.callee(parent) == ref:
        prog.remember(chain[:-1])
        return "call", parent
    if parent.type == "unary_expression" and prog.text(parent).startswith("typeof"):
        return "typeof", None
    return "other", None


def _combine(found: _Findings, names: list[str]) -> Verdict:
    what = ", ".join(names)
    if found.ungated:
        where, evidence = found.ungated[0]
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.NO_CONSENT_CHECK,
            evidence=f"the global {what} is called at {where}: {evidence}",
        )
    if found.open or not found.gated:
        why = found.open[0] if found.open else f"no call of {what} was found"
        more = f" (and {len(found.open) - 1} more reasons)" if len(found.open) > 1 else ""
        return Verdict(status=Status.UNVERIFIABLE, mechanism=Mechanism.CODE_UNRESOLVED, evidence=f"{why}{more}")
    calls = ", ".join(w for w, _ in found.gated[:4]) + (", …" if len(found.gated) > 4 else "")
    return Verdict(
        status=Status.GATED,
        mechanism=Mechanism.CODE_GUARD,
        evidence=f"the global {what} is called only from other scripts of its pages, each call gated ({calls}): {found.gated[0][1]}",
    )


def _explained(first: Verdict, new: Verdict) -> Verdict:
    """An unverifiable outcome keeps the first verdict and adds why the pages did not decide it."""
    if new.status is not Status.UNVERIFIABLE:
        return new
    return Verdict(status=Status.UNVERIFIABLE, mechanism=first.mechanism, evidence=f"{first.evidence}; {new.evidence}")


def _with_helpers(site: _Site, d: Detection, home: SourceFile, loaded_by: dict[str, list[str]]) -> Verdict | None:
    """A start whose open check calls a global function of another script (``if (hasConsent())``
    in ``tracker.js``, ``function hasConsent() { return … }`` in ``banner.js``): judged again with
    each such call read as the check the function returns, where every page that loads the file
    defines it once, in a script the scan read, and the function's one returned expression is a
    consent check in its own file (``polarity``, with that file's consent records)."""
    pages = _pages_of(site, home, loaded_by)
    if not pages or home.kind not in ("js", "ts") or len(pages) > MAX_PAGES:
        return None
    externals: dict[str, tuple[int, str]] = {}
    reasons: list[str] = []
    for name in d.verdict.helpers:
        read = _helper_check(site, pages, name)
        if isinstance(read, str):
            reasons.append(read)
        else:
            externals[name] = read
    after = _rejudge(site, d, home, externals) if externals and not reasons else None
    if after is not None and after.status is not Status.UNVERIFIABLE:
        return after
    if not reasons:
        return None
    return Verdict(
        status=Status.UNVERIFIABLE, mechanism=d.verdict.mechanism, evidence=f"{d.verdict.evidence}; {reasons[0]}", cmp=d.verdict.cmp
    )


def _helper_check(site: _Site, pages: list[SourceFile], name: str) -> tuple[int, str] | str:
    """What ``name()`` returns on every page, as (polarity, check), or why that is not known."""
    found: set[tuple[str, int, str | None]] = set()
    for page in pages:
        defined = _definition_on(site, page, name)
        if isinstance(defined, str):
            return defined
        script, fn, where = defined
        body = jsfacts.returned_expression(fn)
        if body is None:
            return f"{name}() at {where} does not return one expression"
        pol, check = site.guard(script).polarity(body)
        clash = _record_clash(site, [page], [script])
        if clash:
            return clash
        found.add((where, pol, check))
    if len(found) != 1:
        return f"{name}() is not the same function on every page that loads the file"
    where, pol, check = next(iter(found))
    if not pol or check is None:
        return f"{name}() at {where} returns no consent check"
    return pol, f"{check} via {name}() in {where}"


def _definition_on(site: _Site, page: SourceFile, name: str) -> tuple[_Script, Node | None, str] | str:
    """The one definition of the global ``name`` among the scripts ``page`` runs, or why there is not one."""
    scripts = site.page(page)
    if scripts is None:
        return f"{page.display} could not be read"
    unread = next((s for s in scripts if isinstance(s, str)), None)
    if unread is not None:
        return f"{name}() is not read: {unread}"
    definitions: list[tuple[_Script, Node | None, str]] = []
    for script in scripts:
        if isinstance(script, _Script) and script.prog is not None and name.encode() in script.prog.parsed.source.data:
            try:
                definitions += _definitions(script, name)
            except BudgetExhausted as exc:
                return f"the analysis budget ran out in {script.where} ({exc})"
    if len(definitions) != 1:
        places = ", ".join(w for _, _, w in definitions) or "none"
        return f"{name}() is defined {len(definitions)} times on {page.display} ({places})"
    return definitions[0]


def _unchosen(site: _Site, d: Detection, home: SourceFile, names: list[str], loaded_by: dict[str, list[str]]) -> Verdict | None:
    """A start gated by a check read by its name that calls a global function of another script (``if (hasConsent(
    'analytics'))``), where a page that loads the file defines the function once and it returns true before the
    visitor chooses (``return readConsent()[category] !== false``): judged again with that reading. None keeps the gate
    (the function returns false before a choice, or it is not known)."""
    pages = _pages_of(site, home, loaded_by)
    if not pages or home.kind not in ("js", "ts") or len(pages) > MAX_PAGES:
        return None
    unchosen: dict[str, str] = {}
    for name in names:
        for page in pages:
            defined = _definition_on(site, page, name)
            if isinstance(defined, str):
                continue
            script, fn, where = defined
            why = site.guard(script).first_visit.returns(fn) if fn is not None else None
            if why is not None:
                unchosen[name] = f"at {where}: {why}"
                break
    if not unchosen:
        return None
    after = _rejudge(site, d, home, {}, unchosen)
    return after if after is not None and after.status is not Status.GATED else None


def _definitions(script: _Script, name: str) -> list[tuple[_Script, Node | None, str]]:
    """Every global definition or assignment of ``name`` in one script, with the function it holds."""
    prog = script.prog
    assert prog is not None
    module = prog.is_module
    out: list[tuple[_Script, Node | None, str]] = []
    occurrences = prog.tree.occurrences(name)
    for count, offset in enumerate(occurrences):
        if count == MAX_OCCURRENCES:
            raise BudgetExhausted(f"{name} occurs more than {MAX_OCCURRENCES} times in {script.where}")
        chain = prog.tree.path(offset, offset + len(name.encode()))
        node = chain[-1]
        if node.type == "comment":
            occurrences.skip_to(node.end_byte)
            continue
        if node.type in ("string_fragment", "string", "template_string", "regex_pattern"):
            continue
        kind, _ = _reference(prog, chain, module)
        if kind != "definition":
            continue
        parent = chain[-2]
        value = (
            parent
            if parent.type in _FUNCTION_DECLARATIONS
            else parent.child_by_field_name("value")
            if parent.type == "variable_declarator"
            else None
        )
        if value is None:  # an assignment: name = … or window.name = …
            holder = chain[-3] if node.type == "property_identifier" and len(chain) >= 3 else parent
            value = holder.child_by_field_name("right") if holder.type == "assignment_expression" else None
        fn = jsfacts.unparen(value) if value is not None else None
        out.append((script, fn if fn is not None and fn.type in FUNCTION_TYPES else None, f"{script.where}:{prog.position(node)[0]}"))
    return out


def _rejudge(
    site: _Site, d: Detection, home: SourceFile, externals: dict[str, tuple[int, str]], unchosen: dict[str, str] | None = None
) -> Verdict | None:
    """The start judged again with the global helpers read as their checks, or as true before any choice
    (``unchosen``) (``registry.rejudged``)."""
    script = site.script(home)
    prog = script.prog
    if prog is None:
        return None
    judged = registry.rejudged(
        d,
        prog,
        prog.parsed.source.data,
        site.guard(script),
        consent_code.GuardAnalysis(prog, site.vocab, externals=externals, unchosen=unchosen),
    )
    return judged[1] if judged is not None else None
