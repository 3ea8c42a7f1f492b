"""What ``replaylint vendors`` and ``replaylint explain`` list: vendors and consent managers with
their public sources, the rules, and the nearest rule to a mistyped id.

A signature's ``sources`` mix public pages with research notes for the maintainers (a code
search query, a section of the research files). Only public ones are shown: web addresses, and
``owner/repo:path`` references to public GitHub files, turned into addresses.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from analyzer.rules import RULES, Rule
from analyzer.signatures import SignatureDB

_GITHUB_FILE = re.compile(r"(?:repo:)?(?P<repo>[A-Za-z0-9][\w.-]*/[\w.-]+):(?P<path>[^\s:]+)$")


def public_sources(sources: tuple[str, ...]) -> list[str]:
    """The web addresses among ``sources`` (GitHub file references become addresses)."""
    out = []
    for s in sources:
        if s.startswith(("https://", "http://")):
            out.append(s.split()[0])
            continue
        m = _GITHUB_FILE.match(s.strip())
        if m:
            out.append(f"https://github.com/{m.group('repo')}/blob/HEAD/{m.group('path')}")
    return out


def vendor_rows(db: SignatureDB) -> list[dict[str, Any]]:
    """One row per recorder vendor of the signatures, by id: name, category, hosts and public sources."""
    return [
        {"id": v.id, "name": v.name, "category": v.category, "hosts": list(v.hosts), "sources": public_sources(v.sources)}
        for v in sorted(db.vendors.values(), key=lambda v: v.id)
    ]


def _gates(cmp: Any) -> list[str]:
    """How a consent manager can hold a recorder back: its markup, its auto-blocker, code checks."""
    if not cmp.gates_recorders:
        return []
    ways = []
    if cmp.markup is not None:
        ways.append("markup")
    if any(ld.autoblock or ld.autoblock_when for ld in cmp.loaders):
        ways.append("auto-blocking")
    if cmp.api_needles or cmp.js.declared:
        ways.append("code")
    return ways


def cmp_rows(db: SignatureDB) -> list[dict[str, Any]]:
    """One row per consent manager of the signatures, by id: how it can gate recorders, its hosts and
    public sources."""
    return [
        {
            "id": c.id,
            "name": c.name,
            "gates_by": _gates(c),
            "hosts": sorted({h for ld in c.loaders for h in ld.urls.literals() if "." in h and "/" not in h and not h.endswith(".js")}),
            "sources": public_sources(c.sources),
        }
        for c in sorted(db.cmps.values(), key=lambda c: c.id)
    ]


def text_rows(rows: list[dict[str, Any]], cmps: bool = False) -> list[str]:
    """``vendors`` as text: id, category (or how the consent manager gates), hosts; the consent
    manager's name; the first public source."""
    width, kind_width = max(len(r["id"]) for r in rows), 30 if cmps else 14
    out = []
    for r in rows:
        kind = (", ".join(r["gates_by"]) or "never gates a recorder") if cmps else r["category"]
        hosts = ", ".join(r["hosts"][:4]) + (f" (+{len(r['hosts']) - 4})" if len(r["hosts"]) > 4 else "")
        out.append(f"{r['id']:<{width}}  {kind:<{kind_width}}  {hosts or ('(no loader host)' if cmps else '(code / paths only)')}")
        if cmps:
            out.append(f"{'':<{width}}  {'':<{kind_width}}  {r['name']}")
        source = r["sources"][0] if r["sources"] else "no public page recorded (known from public code using it)"
        out.append(f"{'':<{width}}  {'':<{kind_width}}  source: {source}")
    return [*out, f"{len(rows)} {'consent managers' if cmps else 'vendors'}"]


def nearest_rules(query: str, n: int = 3) -> list[Rule]:
    """The rules whose id or name is closest to a mistyped one ("RL3O1", "recorder-ungatd")."""
    keys = {**{rid: rid for rid in RULES}, **{r.name: rid for rid, r in RULES.items()}}
    text = query.strip()
    text = text.upper().replace("O", "0") if text.upper().startswith("RL") else text.lower()
    out: list[Rule] = []
    for key in difflib.get_close_matches(text, keys, n=n * 2, cutoff=0.6):
        rule = RULES[keys[key]]
        if rule not in out:
            out.append(rule)
    return out[:n]


def rule_lines() -> list[str]:
    """One line per rule: id, name, default severity, summary."""
    width = max(len(r.name) for r in RULES.values())
    return [f"{r.id}  {r.name:<{width}}  {r.severity:<6}  {r.summary}" for r in RULES.values()]
