"""The consent condition of each ``import('…')`` call in a piece of code: whether the chunk it loads
runs only after consent (the chunk pass, ``analyzer/resolve/chunks.py``, decides a chunk's start by
every way it is loaded).

The read stage judges them in every code file it parses anyway, with the guard analysis that judged
the file's recorder starts, and hands them on as facts; the chunk pass parses an importer again only
when the read stage did not (a file without recorder literals, or one whose judgement ran out of
budget).
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.consent import consent_code
from analyzer.model import Status
from analyzer.parse import jsfacts
from analyzer.parse.budget import BudgetExhausted


@dataclass(frozen=True)
class DynamicImport:
    """One ``import('spec')`` call, judged where it stands."""

    spec: str  # the specifier as written
    line: int
    column: int
    status: Status
    evidence: str
    load: bool  # the way in is open at the top of the file: it runs when the file loads


def judged(prog: jsfacts.Program, guard: consent_code.GuardAnalysis) -> tuple[DynamicImport, ...] | None:
    """Every ``import()`` of a literal specifier in ``prog``, judged by ``guard``; None when the
    budget ran out on the way (the chunk pass then judges the file on its own budget)."""
    out: list[DynamicImport] = []
    try:
        for call in prog.calls_named("import"):
            fn = call.child_by_field_name("function")
            args = prog.args(call)
            spec = prog.string_value(args[0]) if args and fn is not None and fn.type == "import" else None
            if not spec:
                continue
            path = guard.judge(call)
            if path.budget:
                return None
            line, col = prog.position(call)
            out.append(DynamicImport(spec, line, col, path.status, path.evidence, path.load))
    except BudgetExhausted:
        return None
    return tuple(out)
