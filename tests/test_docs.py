"""The docs have a page for every rule, generated from the registry (pre-commit-hooks readme_test style)."""

from __future__ import annotations

from analyzer.rules import RULES
from analyzer.rules.docs import DOCS, pages


def test_rule_pages_are_generated_from_the_registry() -> None:
    for name, text in pages().items():
        path = DOCS / name
        assert path.exists() and path.read_text(encoding="utf-8") == text, f"stale {path}: run python -m analyzer.rules.docs"


def test_every_rule_docstring_has_the_five_parts() -> None:
    for rule in RULES.values():
        for part in ("**What it finds.**", "**Why it matters.**", "**How to fix.**", "**Fires on:**", "**Does not fire on:**"):
            assert part in rule.doc, f"{rule.id} lacks {part}"
