"""The Markdown summary: short, for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Rendered from the JSON document (``docs/json.md``): the headline, recorded pages by vendor and
consent status, the most severe findings (capped, with a count of the rest) and the sensitive
fields captured by category. Site content is escaped so that it shows literally: Markdown
punctuation gets a backslash, ``& < >`` become entities (no raw HTML reaches the renderer), table
pipes are escaped, and an ``@name`` goes into a code span, where GitHub does not turn it into a
mention of a user.
"""

from __future__ import annotations

import html
import re
from typing import Any

from analyzer.report.view import SEVERITIES, STATUSES, Names, View, build

TOP_FINDINGS = 10
_PUNCT = re.compile(r"([\\`*_{}\[\]#!|~])")
_MENTION = re.compile(r"(@[\w./-]+)")


def text(value: Any) -> str:
    """Site content as Markdown that renders as the same text, on one line, safe in a table cell."""
    parts = _MENTION.split(" ".join(str(value).split()))
    return "".join(code(p) if i % 2 else _PUNCT.sub(r"\\\1", html.escape(p, quote=False)) for i, p in enumerate(parts))


def code(value: Any, cell: bool = True) -> str:
    """A code span that holds any text: a fence longer than its longest backtick run. In a table
    cell a pipe must be escaped even there (GFM), elsewhere the backslash would show."""
    s = " ".join(str(value).split())
    s = s.replace("|", "\\|") if cell else s
    fence = "`" * (max((len(m) for m in re.findall(r"`+", s)), default=0) + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts.get(s))


def _gate(view: View) -> str:
    s = view.summary
    scope = f"{_plural(int(s.get('files', 0)), 'file')} scanned, {_plural(len(view.diagnostics), 'diagnostic')}"
    found = f" ({_counts(view.severity)})" if view.findings else ""
    left_out = [
        f"{int(s[key])} {words}" for key, words in (("suppressed", "suppressed inline"), ("baselined", "in the baseline")) if s.get(key)
    ]
    if left_out:
        scope += f"; not reported: {', '.join(left_out)}"
    if view.failing:
        return f"**The check fails**: {_plural(view.failing, 'finding')} at or above `{view.fail_on}`{found}. {scope}."
    return f"**The check passes**: no finding at or above `{view.fail_on}`{found}. {scope}."


def _vendor_table(view: View) -> list[str]:
    if not view.vendors:
        return []
    rows = ["| Vendor | " + " | ".join(st.capitalize() for st in STATUSES) + " | Pages |", "|---" + "|--:" * (len(STATUSES) + 1) + "|"]
    for r in view.vendors:
        cells = [str(r.pages[st]) if r.pages[st] else "–" for st in STATUSES]
        rows.append(f"| {text(r.name)} | " + " | ".join(cells) + f" | {r.total_pages} |")
    return ["", "Recorded pages by vendor and consent status:", "", *rows]


def _groups(findings: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Findings that say the same thing (severity, rule, vendor, message) in several files, together."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for f in findings:
        groups.setdefault((f.get("severity"), f.get("rule"), f.get("vendor"), f.get("message")), []).append(f)
    return list(groups.values())


def _findings(view: View, limit: int) -> list[str]:
    groups = _groups(view.findings)
    shown = [g for g in groups if g[0].get("severity") != "info"][:limit] or groups[:limit]
    if not shown:
        return []
    rows = ["| Severity | Rule | Location | Finding |", "|---|---|---|---|"]
    for group in shown:
        f = group[0]
        where = code(view.rel(f["path"]) + (f":{f['line']}" if f.get("line") else ""))
        if len(group) > 1:
            where += f" and {len(group) - 1} more"
        rows.append(f"| {text(f.get('severity', ''))} | {text(f.get('rule', ''))} | {where} | {text(f.get('message', ''))} |")
    shown_ids = {id(f) for g in shown for f in g}
    rest = [f for f in view.findings if id(f) not in shown_ids]
    if rest:
        left: dict[str, int] = {}
        for f in rest:
            left[f.get("severity", "info")] = left.get(f.get("severity", "info"), 0) + 1
        rows += ["", f"…and {_plural(len(rest), 'more finding')} ({_counts(left)}) in the full report."]
    return ["", "### Top findings", "", *rows]


def _fields(view: View) -> list[str]:
    if not view.categories:
        return []
    rows = ["| Category | Captured | On recorded pages | Captured by |", "|---|--:|--:|---|"]
    for c in view.categories:
        label = text(c.label) + (" (GDPR Art. 9)" if c.art9 else "")
        by = ", ".join(f"{text(view.names.vendor(v))} ({n})" for v, n in sorted(c.by_vendor.items(), key=lambda kv: (-kv[1], kv[0]))) or "–"
        rows.append(f"| {label} | {c.captured} | {c.total} | {by} |")
    return ["", "### Sensitive fields on recorded pages", "", *rows]


def render_markdown(doc: dict[str, Any], names: Names | None = None, limit: int = TOP_FINDINGS) -> str:
    """The summary as GitHub-flavoured Markdown. ``names`` adds vendor and category display names."""
    view = build(doc, names)
    lines = [f"## replaylint: {text(view.headline())}", "", _gate(view)]
    lines += _vendor_table(view) + _findings(view, limit) + _fields(view)
    if view.root:
        lines += ["", f"Paths are relative to {code(view.root, cell=False)}."]
    return "\n".join(lines) + "\n"
