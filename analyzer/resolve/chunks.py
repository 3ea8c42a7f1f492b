"""After the scan: a recorder started at the top level of a built chunk runs when the chunk loads.

Bundlers split code into chunks (Vite / Rollup ``assets/x-Hash.js``, esbuild ``--splitting``): a
chunk holding ``LogRocket.init()`` at its top level starts recording when the chunk is loaded,
and the chunk is loaded by a page's ``<script>`` or ``modulepreload`` (with the page: ungated),
by a static ``import`` in another chunk (when that chunk loads), or by ``import('./x.js')``
somewhere (when that call runs: its guard decides). Every way in must be gated for the start to
be gated; one open way makes it ungated; a way this pass cannot read keeps it unverifiable.

Only the chunks with such a start are looked at; their importers' ``import()`` calls are judged
with the same guard analysis as any start (by the read stage, in the files it parsed; an importer it
did not parse is read again here).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from analyzer.consent import consent_code, import_gates
from analyzer.kinds import Mechanism
from analyzer.model import Detection, Status, Verdict, site_key
from analyzer.parse import jsfacts, jsparse, links, reading
from analyzer.parse.jsparse import JsSource, dialect_for
from analyzer.read.discover import SourceFile
from analyzer.signatures import SignatureDB

MAX_DEPTH = 12  # chunks followed through static imports


@dataclass(frozen=True)
class _Way:
    status: Status
    evidence: str
    imported: bool = False  # the evidence is a chain of static imports ("imported by …")


def link(
    detections: list[Detection],
    files: list[SourceFile],
    imports: dict[str, tuple[str, ...]],
    loaded_by: dict[str, list[str]],
    db: SignatureDB,
    max_bytes: int,
    judged: dict[str, tuple[import_gates.DynamicImport, ...]] | None = None,
) -> dict[tuple[str, int, int, str], Verdict]:
    """New verdicts for top-level starts in chunks, from the ways their chunk is loaded.
    ``loaded_by`` maps a script's real path to the pages that load it directly; ``judged`` holds the
    ``import()`` calls the read stage judged, per code file (the others are read again)."""
    code = {f.display: f for f in files if f.kind in ("js", "ts")}
    real = {d: f.real for d, f in code.items()}
    starts = [d for d in detections if d.verdict.load and d.location.path in code]
    if not starts:
        return {}
    importers: dict[str, list[tuple[str, bool]]] = {}  # chunk real path -> (importer display, dynamic?)
    for display, specs in imports.items():
        f = code.get(display)
        if f is None:
            continue
        dynamic = set(_dynamic_specifiers(f, max_bytes))
        for target in links.imported_files(specs, real[display], str(f.root) if f.root is not None else None):
            importers.setdefault(target, []).append((display, any(_same(s, target, real[display], f) for s in dynamic)))
    resolver = _Resolver(code, real, importers, loaded_by, db, max_bytes, judged or {})
    changed: dict[tuple[str, int, int, str], Verdict] = {}
    for d in starts:
        way = resolver.chunk(d.location.path, 0, frozenset())
        if way is None or way.status is Status.UNGATED and d.location.path not in resolver.dynamic_seen:
            continue  # loaded with a page, or by nothing in the scan: "runs when the file loads" stands
        mechanism = {
            Status.GATED: Mechanism.CODE_GUARD,
            Status.UNGATED: Mechanism.NO_CONSENT_CHECK,
            Status.UNVERIFIABLE: Mechanism.CODE_UNRESOLVED,
        }[way.status]
        changed[site_key(d)] = dataclasses.replace(
            d.verdict, status=way.status, mechanism=mechanism, evidence=f"it runs when its chunk loads; {way.evidence}", load=False
        )
    return changed


def _dynamic_specifiers(f: SourceFile, max_bytes: int) -> list[str]:
    data = reading.read_bytes(f.path, f.display, max_bytes)
    if not isinstance(data, bytes):
        return []
    return [m.group(1).decode("utf-8", "replace") for m in links.DYNAMIC_IMPORT.finditer(data)]


def _same(spec: str, target: str, importer_real: str, f: SourceFile) -> bool:
    found = links.imported_files([spec], importer_real, str(f.root) if f.root is not None else None)
    return bool(found) and found[0] == target


class _Resolver:
    """The load condition of each chunk: every way in, memoised."""

    def __init__(self, code, real, importers, loaded_by, db: SignatureDB, max_bytes: int, judged) -> None:
        self.code = code
        self.real = real
        self.by_real = {r: d for d, r in real.items()}
        self.importers = importers
        self.loaded_by = loaded_by
        self.vocab = consent_code.vocabulary(db)
        self.max_bytes = max_bytes
        self._memo: dict[str, _Way | None] = {}
        self.judged = judged  # importer -> its import() calls as the read stage judged them
        self._last: tuple[str, jsfacts.Program, consent_code.GuardAnalysis] | None = None  # the importer read again here
        self.exhausted: set[str] = set()  # importers whose judgement here ran out of budget
        self.dynamic_seen: set[str] = set()

    def chunk(self, display: str, depth: int, seen: frozenset[str]) -> _Way | None:
        if display in self._memo:
            return self._memo[display]
        if display in seen or depth > MAX_DEPTH:
            return None
        real = self.real[display]
        ways: list[_Way] = []
        for page in self.loaded_by.get(real, []):
            ways.append(_Way(Status.UNGATED, f"the page {page} loads it"))
        for importer, dynamic in self.importers.get(real, []):
            if dynamic:
                self.dynamic_seen.add(display)
                ways += self._dynamic_ways(importer, real, depth + 1, seen | {display})
            else:
                outer = self.chunk(importer, depth + 1, seen | {display})
                if outer is not None:
                    ways.append(
                        _Way(
                            outer.status,
                            f"imported by {importer}; {outer.evidence}"
                            if outer.imported
                            else f"imported by {importer}, which {outer.evidence}",
                            imported=True,
                        )
                    )
                else:
                    ways.append(_Way(Status.UNGATED, f"imported by {importer}, which runs when its page loads", imported=True))
        way = _combine(ways)
        self._memo[display] = way
        return way

    def _imports(self, importer: str, target: str) -> tuple[import_gates.DynamicImport, ...] | None:
        """The importer's ``import()`` calls of ``target``, judged: by the read stage when it judged the
        file, else here (the file read and parsed again); None when it cannot be read or judged."""
        f = self.code[importer]
        root = str(f.root) if f.root is not None else None

        def loads_target(spec: str) -> bool:
            return links.imported_files([spec], self.real[importer], root) == [target]

        if importer in self.judged:
            return tuple(c for c in self.judged[importer] if loads_target(c.spec))
        if self._last is None or self._last[0] != importer:
            # One importer's tree held at a time (a large entry chunk's tree is ~90 MiB); another
            # chunk of the same importer, rarely asked for later, costs a second parse.
            self._last = None
            data = reading.read_bytes(f.path, f.display, self.max_bytes)
            if not isinstance(data, bytes):
                return None
            prog = jsfacts.Program(jsparse.parse(JsSource(reading.decode(data).text, 1, 1, dialect_for(importer))))
            self._last = (importer, prog, consent_code.GuardAnalysis(prog, self.vocab))
        _, prog, guard = self._last
        found = import_gates.judged(prog, guard, loads_target, limit=None, steps=None)
        if found is None:
            self.exhausted.add(importer)
        return found

    def _dynamic_ways(self, importer: str, target: str, depth: int, seen: frozenset[str]) -> list[_Way]:
        """Each ``import()`` of ``target`` in ``importer``, judged where it stands."""
        calls = self._imports(importer, target)
        if calls is None:
            if importer in self.exhausted:
                return [_Way(Status.UNVERIFIABLE, f"{importer} imports it; the analysis budget ran out judging its import() calls")]
            return [_Way(Status.UNVERIFIABLE, f"{importer} imports it but could not be read")]
        ways = []
        for call in calls:
            where = f"{importer}:{call.line}:{call.column}" if call.column > 200 else f"{importer}:{call.line}"
            if call.status is Status.UNGATED and call.load:
                outer = self.chunk(importer, depth + 1, seen)
                if outer is not None:
                    ways.append(_Way(outer.status, f"import() at {where} runs when {importer} loads ({outer.evidence})"))
                    continue
            ways.append(_Way(call.status, f"import() at {where}: {call.evidence}"))
        return ways or [_Way(Status.UNVERIFIABLE, f"{importer} imports it in a way that could not be followed")]


def _combine(ways: list[_Way]) -> _Way | None:
    if not ways:
        return None
    for status in (Status.UNGATED, Status.UNVERIFIABLE):
        found = [w for w in ways if w.status is status]
        if found:
            more = f" ({len(found)} of {len(ways)} ways in)" if len(ways) > 1 else ""
            return _Way(status, f"{found[0].evidence}{more}", found[0].imported)
    return _Way(Status.GATED, "loaded only where consent is given: " + "; ".join(w.evidence for w in ways[:3]))


@functools.lru_cache(maxsize=4)
def embedding_hosts(db: SignatureDB) -> dict[str, frozenset[str]]:
    """Recorder library id -> the vendors whose SDK embeds it (``[sdk] embeds``: rrweb in PostHog,
    Sentry, New Relic …)."""
    hosts: dict[str, set[str]] = {}
    for vendor in db.vendors.values():
        for library in vendor.sdk.embeds:
            hosts.setdefault(library, set()).add(vendor.id)
    return {library: frozenset(ids) for library, ids in hosts.items()}


def embedded(
    detections: list[Detection],
    inactive_vendors: dict[str, set[str]],
    chunk_imports: dict[str, list[str]],
    real: dict[str, str],
    db: SignatureDB,
) -> set[tuple[str, int, int, str]]:
    """Detections of a recorder library in a chunk that only a host SDK loads (Amplitude's
    session-replay plugin imports its rrweb recorder chunk): the host's, not a recorder of their
    own ([sdk] embeds, across files). ``inactive_vendors``: per display path, the vendors whose SDK
    code is there without a start (RL130, or its signature literals); ``real``: display path -> real path."""
    hosts_of = embedding_hosts(db)
    present: dict[str, set[str]] = {}
    for d in detections:
        present.setdefault(real.get(d.location.path, ""), set()).add(d.vendor)
    for path, vendors in inactive_vendors.items():
        present.setdefault(real.get(path, ""), set()).update(vendors)
    importers: dict[str, list[str]] = {}
    for importer, targets in chunk_imports.items():
        for target in targets:
            importers.setdefault(target, []).append(importer)
    drop = set()
    for d in detections:
        hosts = hosts_of.get(d.vendor)
        chunk = real.get(d.location.path)
        loaders = importers.get(chunk or "", [])
        if hosts and loaders and all(present.get(i, set()) & hosts for i in loaders):
            drop.add(site_key(d))
    return drop
