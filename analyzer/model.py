"""The records that flow out of a scan: detections, findings, diagnostics and the scan result
the formatters read.

All are frozen and keyword-only. Lines and columns are 1-based. A finding's fingerprint leaves the
line number out so that baselines survive edits that move code around.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass, field

from analyzer.kinds import Mechanism, Via


class Severity(enum.IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        """The severity named ``text`` (any case, blanks around ignored); ValueError for another name."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity '{text}' (use info, low, medium or high)") from None

    @property
    def label(self) -> str:
        """The lower-case name reports and configuration use (``info`` … ``high``)."""
        return self.name.lower()


SEVERITY_NAMES = tuple(s.name.lower() for s in Severity)  # "info", "low", "medium", "high"


class Status(str, enum.Enum):  # noqa: UP042 - str() and f-strings of a member stay as they were (a StrEnum prints its value)
    """The consent verdict of one recorder site."""

    GATED = "gated"
    UNGATED = "ungated"
    UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True, kw_only=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """Whether a recorder waits for consent, by what mechanism, and the evidence for it."""

    status: Status
    mechanism: Mechanism
    evidence: str
    cmp: str | None = None
    category_mismatch: str | None = None
    # Code only: the names of the exported function whose callers are in other files (resolved
    # after the scan by following imports; not part of the report).
    entry: tuple[str, ...] = field(default=(), compare=False)
    # Code only: the start runs when its file loads (module top level), so the pages and
    # import() sites that load the file decide (resolved after the scan; not part of the report).
    load: bool = field(default=False, compare=False)
    # Code only: consent checks on the way that call an export of a bundled module by id ("7587:Sc":
    # webpack's ``r = n(7587); r.Sc('analytics')``), read in the chunk that defines the module after
    # the scan (resolve.registry; not part of the report).
    registry: tuple[str, ...] = field(default=(), compare=False)
    # Code only: consent checks on the way that call a global function no scope of the file declares
    # (``if (hasConsent())``), read in the other scripts of the file's pages (resolve.globals).
    helpers: tuple[str, ...] = field(default=(), compare=False)
    # Markup only: the categories or services the consent manager's markup names ("analytics"), looked up in
    # its configuration where the page holds or loads it (resolve.cmp_configs; not part of the report).
    markup: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, kw_only=True)
class Detection:
    """One place where a page or file loads or starts a recorder."""

    vendor: str
    location: Location
    via: Via
    evidence: str
    verdict: Verdict
    element: str = "script"
    pages: tuple[str, ...] = ()
    original: str | None = None  # original source file:line, through the bundle's source map


@dataclass(frozen=True, kw_only=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    location: Location
    message: str
    evidence: str = ""
    remediation: str = ""
    legal: tuple[str, ...] = ()
    vendor: str | None = None
    fingerprint: str = field(default="")

    def __post_init__(self) -> None:
        if not self.fingerprint:
            object.__setattr__(self, "fingerprint", fingerprint(self.rule, self.location.path, self.evidence))


@dataclass(frozen=True, kw_only=True)
class Diagnostic:
    """A file the scan could not fully read or parse; the scan goes on."""

    path: str
    code: str
    message: str
    line: int | None = None
    # "error": the tool failed on this file (an internal error, a worker that died): the run exits
    # 2 unless configured otherwise. "warning": the input was damaged or limited the analysis.
    level: str = "warning"


_LINES = re.compile(r"\b(lines?|caller|callers) [\d:, ]+|\(line [\d:]+\)|<- [\d:]+")

# Build output names carry a content hash that changes on every rebuild: Vite / Rollup / esbuild
# "index-Dz26z3-j.js" (8 base64url characters after "-"), Astro and SvelteKit "index.CxCnGk0V.js",
# webpack / CRA / Next.js "main.feabef07.js", "258.0319a9d9.chunk.js", "framework-5461e44048aeca06.js",
# Turbopack "turbopack-077hmtqrhcoji.js", and chunks named by their hash alone (Nuxt "BxYz1234.js").
_BUILT = re.compile(r"^(?P<stem>.+?)(?P<ext>(?:\.chunk|\.bundle)?\.(?:m?js|cjs|css)(?:\.map)?)$")
_BASE64_HASH = re.compile(r"[A-Za-z0-9_-]{8}")
_HEX_HASH = re.compile(r"^(?P<name>.*?)[-.](?P<hash>[0-9a-f]{6,64})$")
_ALONE_HASH = re.compile(r"[A-Za-z0-9_-]{8,24}")
_WORDISH = re.compile(r"[a-z]{6}")
_TURBO = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
_EXT_END = re.compile(r"\.(?:m?js|cjs|css)(?!\w)")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.~/-")
_LONGEST_NAME = 256  # how far back from an extension a file name may start (bounds the scan)


def _hex_hash(token: str) -> bool:
    """A hex run with letters and digits (a content hash), or a long all-digit one; a short
    all-digit run is an id ("hotjar-3456789.js" holds a site id, not a hash)."""
    digits = sum(c.isdigit() for c in token)
    return (0 < digits < len(token)) or len(token) >= 16


def stable_name(name: str) -> str:
    """A build output's file name with its content hash replaced by ``*``; other names unchanged.

    ``index-Dz26z3-j.js`` -> ``index-*.js``; ``main.feabef07.chunk.js`` -> ``main.*.chunk.js``;
    ``BxYz1234.js`` -> ``*.js``; ``app-settings.js`` and ``hotjar-1.js`` stay as they are.
    """
    m = _BUILT.match(name)
    if m is None:
        return name
    stem, ext = m.group("stem"), m.group("ext")
    hexed = _HEX_HASH.match(stem)
    if hexed and _hex_hash(hexed.group("hash")):
        return f"{hexed.group('name')}{stem[len(hexed.group('name'))]}*{ext}"
    # Vite's 8 base64url characters may themselves hold "-" or "_": take the last eight. A plain
    # lower-case word there ("app-settings") is a name, not a hash.
    tail = stem[-8:]
    if len(stem) > 9 and stem[-9] in "-." and _BASE64_HASH.fullmatch(tail) and not (tail.isalpha() and tail.islower()):
        return f"{stem[:-8]}*{ext}"
    if _ALONE_HASH.fullmatch(stem) and sum(c.isdigit() for c in stem) >= 2 and not _WORDISH.search(stem):
        return f"*{ext}"
    # Turbopack: 13 lower-case base-36 characters, alone or after the chunk's name.
    tail = stem[-13:]
    if _turbo_hash(tail) and (len(stem) == 13 or (len(stem) > 14 and stem[-14] in "-.")):
        return f"{stem[:-13]}*{ext}"
    return name


def _turbo_hash(token: str) -> bool:
    return len(token) == 13 and set(token) <= _TURBO and any(c.isdigit() for c in token) and any(c.isalpha() for c in token)


def stable_path(path: str) -> str:
    """``path`` with a content-hashed file name made stable (see ``stable_name``)."""
    folder, sep, name = path.rpartition("/")
    return f"{folder}{sep}{stable_name(name)}"


def _stable_names(text: str) -> str:
    """Hashed bundle names in evidence made stable, with their ``:line:column`` dropped. Found
    from their extension backwards (a bounded scan: linear in the text, no regex backtracking)."""
    if "." not in text:
        return text
    out: list[str] = []
    last = 0
    for m in _EXT_END.finditer(text):
        start = m.start()
        while start > max(last, m.start() - _LONGEST_NAME) and text[start - 1] in _NAME_CHARS:
            start -= 1
        name = text[start : m.end()]
        folder, sep, base = name.rpartition("/")
        stable = stable_name(base)
        if stable == base:
            continue
        end = _after_position(text, m.end())
        out += [text[last:start], f"{folder}{sep}{stable}", ":#" if end > m.end() else ""]
        last = end
    return "".join(out) + text[last:] if out else text


def _after_position(text: str, i: int) -> int:
    """The end of a ``:line`` or ``:line:column`` at ``i`` (``i`` when there is none)."""
    for _ in range(2):
        j = i + 1
        while j < len(text) and j - i <= 10 and text[j].isdigit():
            j += 1
        if j == i + 1 or i >= len(text) or text[i] != ":":
            return i
        i = j
    return i


# Rule ids renumbered when the groups were made to match what the rules mean (0.2): old id -> new.
# A finding's identity (fingerprint) keeps the old id, so baselines and code-scanning alerts made
# before the renumbering still match; suppressions and configuration accept the old ids too.
RENUMBERED: dict[str, str] = {"RL201": "RL130", "RL401": "RL140"}
_IDENTITY = {new: old for old, new in RENUMBERED.items()}


def identity(rule: str) -> str:
    """The id a rule's fingerprints are made with: its first id (before any renumbering)."""
    return _IDENTITY.get(rule, rule)


def current_prefixes(prefix: str, known: set[str] | frozenset[str]) -> tuple[str, ...]:
    """What a rule id or id prefix a user wrote (suppression, select / ignore) means today: itself
    where it matches a rule, plus the new ids of renumbered rules it matched before (``RL201`` and
    ``RL2`` both mean ``RL130``). Empty: it matches no rule, old or new."""
    prefix = prefix.strip().upper()
    out = [prefix] if any(k.startswith(prefix) for k in known) else []
    out += [new for old, new in RENUMBERED.items() if old.startswith(prefix) and not new.startswith(prefix) and new in known]
    return tuple(out)


def fingerprint(rule: str, path: str, evidence: str) -> str:
    """Rule + path + evidence with whitespace folded and line references dropped: stable across
    edits that only shift lines (evidence names guard lines, such as "(line 12)").

    A content-hashed build output (``assets/index-Dz26z3-j.js``) is identified by its name with
    the hash removed and by the recorder's own evidence (the part before the first "; "): what
    the gating evidence adds there names minified identifiers and bundle columns that change on
    every rebuild. Elsewhere, hashed bundle names that the evidence mentions are made stable too.
    For any other path and evidence the value is the one ``legacy_fingerprint`` gives (baseline
    schema 1, SARIF ``replaylint/v1``), so existing baselines and alerts keep their identity.
    """
    stable = stable_path(path)
    if stable != path:
        evidence = evidence.split("; ", 1)[0]
    return _digest(identity(rule), stable, _stable_names(evidence))


def legacy_fingerprint(rule: str, path: str, evidence: str) -> str:
    """The fingerprint of baseline schema 1 (before hashed names were made stable)."""
    return _digest(identity(rule), path, evidence)


def _digest(rule: str, path: str, evidence: str) -> str:
    normal = " ".join(_LINES.sub("#", evidence).split())
    digest = hashlib.sha256(f"{rule}\0{path}\0{normal}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:32]


def site_key(item: Detection | Finding) -> tuple[str, int, int, str]:
    """What ties a detection to its findings (and a verdict change to both): path, line, column, vendor."""
    return (item.location.path, item.location.line, item.location.column, item.vendor or "")


@dataclass
class ScanResult:
    """A whole scan, as the filter stage and the formatters read it."""

    detections: list[Detection] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fields: list = field(default_factory=list)  # FieldReport per sensitive field on a page with a recorder
    policies: list = field(default_factory=list)  # policy_pages.PolicyPage per privacy / cookie / subprocessor page
    directives: list = field(default_factory=list)  # (path, suppress.Directive)
    baselined: int = 0
    suppressed: int = 0  # findings an inline suppression covered (counted in every format's summary)
    excludes_matched: frozenset[str] = frozenset()  # the exclude patterns that excluded something
    signature_dirs: tuple[str, ...] = ()
    files: int = 0
    parsed: int = 0
    code_parsed: int = 0
    bytes: int = 0
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        """Diagnostics of level error: the tool failed somewhere (exit 2 unless configured otherwise)."""
        return sum(1 for d in self.diagnostics if d.level == "error")

    def counts(self) -> dict[str, int]:
        """Findings per severity label, most severe first."""
        out = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            out[f.severity.label] += 1
        return out
