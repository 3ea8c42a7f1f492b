"""Generate docs/rules/ from the registry: one page per rule plus an index (run ``python -m analyzer.rules.docs``).

The rule module's docstring is the one source of the text; ``replaylint explain`` prints the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

from analyzer.rules import RULES, Rule

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def render_rule(rule: Rule) -> str:
    body = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else ""
    return f"# {rule.id} {rule.name}\n\nDefault severity: **{rule.severity}**. {rule.summary}.\n\n{body}\n"


def render_index() -> str:
    lines = ["# Rules", "", "Generated from the rule registry (`python -m analyzer.rules.docs`).", ""]
    lines += ["| id | name | default severity | summary |", "|---|---|---|---|"]
    lines += [f"| [{r.id}]({r.id}.md) | {r.name} | {r.severity} | {r.summary} |" for r in RULES.values()]
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    out = {"README.md": render_index()}
    out.update({f"{r.id}.md": render_rule(r) for r in RULES.values()})
    return out


def main() -> int:
    DOCS.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (DOCS / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
