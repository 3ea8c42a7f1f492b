"""Generate docs/rules/ from the registry: one page per rule plus an index (run ``python -m analyzer.rules.docs``).

The rule module's docstring is the one source of the text; ``replaylint explain`` prints the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

from analyzer.model import RENUMBERED
from analyzer.rules import RULES, Rule

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def _former(rule: Rule) -> str:
    old = [o for o, n in RENUMBERED.items() if n == rule.id]
    return f" Formerly {', '.join(old)} (still accepted in suppressions and configuration)." if old else ""


def render_rule(rule: Rule) -> str:
    """The Markdown page of one rule: heading, default severity, summary, former ids, then the module
    docstring's body."""
    body = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else ""
    return f"# {rule.id} {rule.name}\n\nDefault severity: **{rule.severity}**. {rule.summary}.{_former(rule)}\n\n{body}\n"


def render_index() -> str:
    """The Markdown index of every rule, with the groups and the renumbered ids."""
    lines = ["# Rules", "", "Generated from the rule registry (`python -m analyzer.rules.docs`).", ""]
    lines += ["| id | name | default severity | summary |", "|---|---|---|---|"]
    lines += [f"| [{r.id}]({r.id}.md) | {r.name} | {r.severity} | {r.summary} |" for r in RULES.values()]
    lines += ["", "## Groups", ""]
    lines += [
        "- **RL1xx** what records the visitor and whether it waits for consent, in any kind of file: RL10x the consent verdict, "
        "RL110 resource hints, RL120 commented-out snippets, RL130 SDKs present but not recording, RL140 tag-manager containers.",
        "- **RL3xx** what a recorder captures: RL30x form fields, RL310 personal data sent through its API, RL32x values printed as text, "
        "RL330 the visit itself.",
        "- **RL5xx** the rest of the compliant pattern over the whole site: disclosure, legal basis, masking kept on, stopping on "
        "withdrawal.",
        "- **RL9xx** the tool's own directives (suppressions).",
    ]
    lines += ["", "## Renumbered ids", ""]
    lines += [
        "Old ids keep working in `replaylint: ignore[…]`, `select` / `ignore` / `severity` and `explain`; fingerprints keep the old id, so "
        "baselines and code-scanning alerts stay matched (SARIF lists it under `deprecatedIds`).",
        "",
    ]
    lines += ["| old | new |", "|---|---|"] + [f"| {old} | [{new}]({new}.md) |" for old, new in RENUMBERED.items()]
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """File name -> Markdown text of every page of docs/rules/."""
    out = {"README.md": render_index()}
    out.update({f"{r.id}.md": render_rule(r) for r in RULES.values()})
    return out


def main() -> int:
    """Write docs/rules/ from the registry."""
    DOCS.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (DOCS / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
