"""Inline suppressions: one grammar in every comment syntax replaylint reads.

    <!-- replaylint: ignore[RL101] -- Hotjar is blocked by our CDN worker until consent -->
    {# replaylint: ignore[RL3] -- test form, never deployed #}
    // replaylint: ignore[RL130,RL310] -- reason

A directive covers findings of the listed rule ids (or id prefixes) on its own line and on the
next line. The ``-- reason`` part is free text, and required: a directive without one is treated
as malformed unless ``require-suppression-reason = false`` (``required_reasons``). A
directive that does not parse, or names no known rule, is an error (RL901); one that suppresses
nothing is reported (RL902). Unlike flake8's ``noqa``, a malformed directive never suppresses
anything. Suppressed findings are counted in every format's summary.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.model import current_prefixes

if TYPE_CHECKING:
    from analyzer.model import Finding

_MARK = "replaylint:"
_DIRECTIVE = re.compile(r"replaylint:\s*(?P<body>.*)")
# "--" starts the reason unless it is the comment's own end ("-->", "--}}"): a bare
# "<!-- replaylint: ignore[RL101] -->" has no reason, not the reason ">".
_VALID = re.compile(r"ignore\[(?P<rules>[^\]]*)\](?:\s*--(?![>}])\s*(?P<reason>.*?))?\s*(?:-->|#\}|--\}\}|%>|\*/|\*\}|\?>|$)")
_RULE = re.compile(r"RL\d{1,3}")
NO_REASON = "no reason: write 'replaylint: ignore[RULE] -- why this is acceptable'"


@dataclass(frozen=True)
class Directive:
    line: int
    column: int
    rules: tuple[str, ...]
    reason: str
    problem: str | None = None  # why the directive is malformed

    def covers(self, rule: str, line: int) -> bool:
        """Whether this well-formed directive suppresses ``rule`` (or a rule it names by prefix) at
        ``line``: its own line or the next."""
        return self.problem is None and line in (self.line, self.line + 1) and any(rule.startswith(r) for r in self.rules)


def parse(text: str) -> list[Directive]:
    """Every directive as written (syntax checked here; rule ids by ``known_ids`` in the check stage)."""
    if _MARK not in text:
        return []
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if _MARK not in line:
            continue
        m = _DIRECTIVE.search(line)
        assert m is not None
        column = m.start() + 1
        body = m.group("body")
        valid = _VALID.match(body)
        if not valid:
            out.append(Directive(number, column, (), "", "expected 'replaylint: ignore[RULE,…] -- reason'"))
            continue
        rules = tuple(r.strip().upper() for r in valid.group("rules").split(",") if r.strip())
        if not rules:
            out.append(Directive(number, column, rules, "", "no rule id between the brackets"))
            continue
        out.append(Directive(number, column, rules, (valid.group("reason") or "").strip()))
    return out


def known_ids(directives: list[tuple[str, Directive]], known: frozenset[str]) -> list[tuple[str, Directive]]:
    """Directives naming a rule id that matches no rule become malformed (RL901); an old id of a
    renumbered rule (RL201) covers the rule under its new id (RL130)."""
    out = []
    for path, d in directives:
        if d.problem is None:
            bad = [r for r in d.rules if not _RULE.fullmatch(r) or not current_prefixes(r, known)]
            if bad:
                d = dataclasses.replace(d, reason="", problem=f"unknown rule id '{bad[0]}'")
            else:
                d = dataclasses.replace(d, rules=tuple(dict.fromkeys(p for r in d.rules for p in current_prefixes(r, known))))
        out.append((path, d))
    return out


def required_reasons(directives: list[tuple[str, Directive]]) -> list[tuple[str, Directive]]:
    """A valid directive without a reason becomes malformed (RL901) and suppresses nothing."""
    return [(p, dataclasses.replace(d, problem=NO_REASON) if d.problem is None and not d.reason else d) for p, d in directives]


def match(findings: list[Finding], directives: list[tuple[str, Directive]]) -> tuple[list[Finding], set[tuple[str, int]]]:
    """The findings no directive covers, and the (path, line) of each directive that covers one."""
    by_path: dict[str, list[Directive]] = {}
    for path, d in directives:
        by_path.setdefault(path, []).append(d)
    kept, used = [], set()
    for f in findings:
        hit = next((d for d in by_path.get(f.location.path, ()) if d.covers(f.rule, f.location.line)), None)
        if hit is None:
            kept.append(f)
        else:
            used.add((f.location.path, hit.line))
    return kept, used
