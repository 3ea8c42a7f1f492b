"""What the HTML report and the Markdown summary show, computed from the JSON document alone.

Both formatters read the stable machine contract (``docs/json.md``), never the scan's objects, so the
analyzer can change underneath them. This module turns a document into the figures a reader wants:
recorded pages by vendor and consent status, the pages affected, sensitive fields by category and
vendor, findings ordered most severe first, and the scan's scope.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("ungated", "unverifiable", "gated")  # worst first
SEVERITIES = ("high", "medium", "low", "info")  # most severe first
STATUS_WORDS = {
    "ungated": "loads before consent",
    "unverifiable": "gating cannot be verified",
    "gated": "waits for consent",
}
# A diagnostic with one of these codes means the file was not analysed at all.
SKIP_CODES = frozenset({"not-found", "unreadable", "not-a-file", "symlink-loop", "file-too-large", "binary"})


@dataclass(frozen=True)
class Names:
    """Display names the document leaves out (it holds ids): vendors and field categories."""

    vendors: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    art9: frozenset[str] = frozenset()

    def vendor(self, vid: str | None) -> str:
        """The display name of a vendor id (the id itself when unknown, "" for None)."""
        return self.vendors.get(vid or "", vid or "")

    def category(self, cid: str) -> str:
        """The label of a field category id (the id itself when unknown)."""
        return self.categories.get(cid, cid)


def names_from_signatures(db: Any) -> Names:
    """Names from a loaded ``SignatureDB`` (the CLI has one at hand)."""
    return Names(
        vendors={v.id: v.name for v in db.vendors.values()},
        categories={c.id: c.label for c in db.fields.values()},
        art9=frozenset(c.id for c in db.fields.values() if c.art9),
    )


def worst(statuses: Any) -> str:
    """The worst of consent statuses (ungated, unverifiable, gated); gated when there is none."""
    present = set(statuses)
    return next((s for s in STATUSES if s in present), "gated")


@dataclass
class Page:
    """A page (or a source file) that a recorder reaches, with what reaches it and what it holds."""

    path: str
    recorders: dict[str, str] = field(default_factory=dict)  # vendor -> worst status on this page
    fields: int = 0
    captured: int = 0
    findings: Counter = field(default_factory=Counter)
    status: str = ""  # the worst status of its recorders, set once they are all known


@dataclass
class VendorRow:
    vendor: str
    name: str
    sites: Counter = field(default_factory=Counter)  # detections by status
    pages: Counter = field(default_factory=Counter)  # pages by the vendor's worst status there

    @property
    def total_pages(self) -> int:
        """The number of pages the vendor is on."""
        return sum(self.pages.values())


@dataclass
class CategoryRow:
    category: str
    label: str
    art9: bool
    captured: int = 0  # at least one recorder captures the field
    unverifiable: int = 0  # none captures it; one masks it only if its dashboard says so
    masked: int = 0  # every recorder that reaches it masks it
    by_vendor: Counter = field(default_factory=Counter)  # vendor -> fields it captures

    @property
    def total(self) -> int:
        """The number of fields of the category: captured, unverifiable or masked."""
        return self.captured + self.unverifiable + self.masked


@dataclass
class View:
    doc: dict[str, Any]
    names: Names
    root: str
    pages: list[Page]
    vendors: list[VendorRow]
    categories: list[CategoryRow]
    field_vendors: list[str]  # vendors that capture at least one field, by count
    findings: list[dict[str, Any]]
    fields: list[dict[str, Any]]
    diagnostics: list[dict[str, Any]]
    page_status: Counter
    severity: dict[str, int]
    failing: int
    fail_on: str

    @property
    def summary(self) -> dict[str, Any]:
        """The report's summary counts."""
        return self.doc.get("summary", {})

    @property
    def captured_fields(self) -> int:
        """The number of fields at least one recorder captures."""
        return sum(1 for f in self.fields if f.get("exposed_to"))

    @property
    def skipped(self) -> list[dict[str, Any]]:
        """The diagnostics of files that were not read (missing, unreadable, too large, binary …)."""
        return [d for d in self.diagnostics if d.get("code") in SKIP_CODES]

    def rel(self, path: str) -> str:
        """A path without the folder every path of the report shares (shown once, in the scope)."""
        if self.root and path.startswith(self.root):
            return path[len(self.root) :] or path
        return path

    def headline(self) -> str:
        """One sentence: does anything record visitors before consent, and does the gate fail."""
        ungated = self.page_status["ungated"]
        pages = sum(self.page_status.values())
        if not self.doc.get("detections"):
            verdict = "No session recorder found"
        elif ungated:
            verdict = f"Recorders load before consent on {ungated} of {pages} recorded page{'s' * (pages != 1)}"
        elif self.page_status["unverifiable"]:
            n = self.page_status["unverifiable"]
            verdict = f"No recorder certainly loads before consent, but gating cannot be verified on {n} page{'s' * (n != 1)}"
        else:
            verdict = f"Every recorder found waits for consent ({pages} page{'s' * (pages != 1)})"
        captured = self.captured_fields
        if captured:
            verdict += f"; {captured} sensitive field{'s are' if captured != 1 else ' is'} captured"
        return verdict


def _pages_of(det: dict[str, Any]) -> list[str]:
    return list(det.get("pages") or []) or [det["path"]]


def _common_root(paths: list[str]) -> str:
    """The longest folder prefix (ending in '/') that every path shares; '' when there is none."""
    if not paths or any("/" not in p for p in paths):
        return ""
    root = os.path.commonprefix([p.rsplit("/", 1)[0] + "/" for p in paths])
    return root[: root.rfind("/") + 1]


def _pages(doc: dict[str, Any]) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for det in doc.get("detections", []):
        status = det.get("consent", {}).get("status", "unverifiable")
        for path in _pages_of(det):
            page = pages.setdefault(path, Page(path))
            page.recorders[det["vendor"]] = worst((page.recorders.get(det["vendor"], "gated"), status))
    for page in pages.values():
        page.status = worst(page.recorders.values())
    for f in doc.get("fields", []):
        page = pages.setdefault(f["path"], Page(f["path"]))
        page.fields += 1
        page.captured += bool(f.get("exposed_to"))
    for f in doc.get("findings", []):
        if f["path"] in pages:
            pages[f["path"]].findings[f.get("severity", "info")] += 1
    return pages


def _vendors(doc: dict[str, Any], pages: dict[str, Page], names: Names) -> list[VendorRow]:
    rows: dict[str, VendorRow] = {}
    for det in doc.get("detections", []):
        vid = det["vendor"]
        rows.setdefault(vid, VendorRow(vid, names.vendor(vid))).sites[det.get("consent", {}).get("status", "unverifiable")] += 1
    for page in pages.values():
        for vid, status in page.recorders.items():
            rows[vid].pages[status] += 1
    return sorted(rows.values(), key=lambda r: (-r.pages["ungated"], -r.pages["unverifiable"], -r.total_pages, r.name.lower()))


def _categories(doc: dict[str, Any], names: Names) -> tuple[list[CategoryRow], list[str]]:
    rows: dict[str, CategoryRow] = {}
    per_vendor: Counter = Counter()
    for f in doc.get("fields", []):
        cid = f.get("category", "")
        row = rows.setdefault(cid, CategoryRow(cid, names.category(cid), cid in names.art9))
        if f.get("exposed_to"):
            row.captured += 1
        elif f.get("unverifiable_for"):
            row.unverifiable += 1
        else:
            row.masked += 1
        for vid in f.get("exposed_to", []):
            row.by_vendor[vid] += 1
            per_vendor[vid] += 1
    ordered = sorted(rows.values(), key=lambda r: (not r.art9, -r.captured, -r.total, r.label))
    return ordered, [v for v, _ in sorted(per_vendor.items(), key=lambda kv: (-kv[1], kv[0]))]


def _finding_key(f: dict[str, Any]) -> tuple:
    sev = f.get("severity", "info")
    return (SEVERITIES.index(sev) if sev in SEVERITIES else len(SEVERITIES), f.get("rule", ""), f["path"], f.get("line") or 0)


def _field_key(f: dict[str, Any], names: Names) -> tuple:
    state = 0 if f.get("exposed_to") else 1 if f.get("unverifiable_for") else 2
    return (state, f.get("category") not in names.art9, f.get("category", ""), f["path"], f.get("line") or 0)


def build(doc: dict[str, Any], names: Names | None = None) -> View:
    """The report's figures from a JSON document (schema_version 1)."""
    names = names or Names()
    pages = _pages(doc)
    categories, field_vendors = _categories(doc, names)
    recorded = [p for p in pages.values() if p.recorders]
    all_paths = [d["path"] for d in doc.get("detections", [])] + list(pages) + [f["path"] for f in doc.get("findings", [])]
    summary = doc.get("summary", {})
    severity = {s: int(summary.get("findings", {}).get(s, 0)) for s in SEVERITIES}
    return View(
        doc=doc,
        names=names,
        root=_common_root(all_paths),
        pages=sorted(pages.values(), key=lambda p: (STATUSES.index(p.status) if p.status else 3, -p.captured, p.path)),
        vendors=_vendors(doc, pages, names),
        categories=categories,
        field_vendors=field_vendors,
        findings=sorted(doc.get("findings", []), key=_finding_key),
        fields=sorted(doc.get("fields", []), key=lambda f: _field_key(f, names)),
        diagnostics=list(doc.get("diagnostics", [])),
        page_status=Counter(p.status for p in recorded),
        severity=severity,
        failing=int(summary.get("failing", 0)),
        fail_on=str(summary.get("fail_on", "high")),
    )
