"""The consent condition of each ``import('…')`` call in a piece of code: whether the chunk it loads
runs only after consent (the chunk pass, ``analyzer/resolve/chunks.py``, decides a chunk's start by
every way it is loaded).

The read stage judges them in every code file it parses anyway (up to ``MAX_JUDGED`` calls), with
the guard analysis that judged the file's recorder starts, and hands them on as facts; the chunk pass
parses an importer again only when the read stage did not (a file without recorder literals, one with
more calls, or one whose judgement ran out of budget), and then judges only the calls it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node

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


# import() calls the read stage judges in one file, and the analysis steps it may spend on them. When
# it gives up, the chunk pass parses the file again if it needs one of the calls, so the read stage may
# spend about what that parse would cost: a step of the guard analysis costs ~1.9 us and a parse ~0.17 us
# a byte (a 1.6 MB app's five calls: 69,000 steps, 0.13 s; its parse 0.27 s), so one step per ten bytes
# of the file, at least READ_STAGE_STEPS. A file with more calls (a router's lazy routes by the hundred)
# is left to the chunk pass, which judges only the calls that load a chunk with a start.
MAX_JUDGED = 32
READ_STAGE_STEPS = 20_000
BYTES_PER_STEP = 10


def read_stage_steps(size: int) -> int:
    """The step allowance of the read stage's judgement of a file of ``size`` characters."""
    return max(READ_STAGE_STEPS, size // BYTES_PER_STEP)


def judged(
    prog: jsfacts.Program,
    guard: consent_code.GuardAnalysis,
    wanted: Callable[[str], bool] | None = None,
    limit: int | None = MAX_JUDGED,
    steps: int | None = READ_STAGE_STEPS,
) -> tuple[DynamicImport, ...] | None:
    """The ``import()`` calls of a literal specifier in ``prog`` (those ``wanted`` says, when
    given), judged by ``guard``; None when there are more than ``limit``, when judging them takes
    more than ``steps`` of the file's budget, or when the budget runs out on the way (the chunk
    pass then judges the calls it needs on its own)."""
    calls: list[tuple[Node, str]] = []
    try:
        with prog.budget.allowance(steps):
            for call in prog.calls_named("import"):
                fn = call.child_by_field_name("function")
                args = prog.args(call)
                spec = prog.string_value(args[0]) if args and fn is not None and fn.type == "import" else None
                if spec and (wanted is None or wanted(spec)):
                    calls.append((call, spec))
            if limit is not None and len(calls) > limit:
                return None
            out: list[DynamicImport] = []
            for call, spec in calls:
                path = guard.judge(call)
                if path.budget:
                    return None
                line, col = prog.position(call)
                out.append(DynamicImport(spec, line, col, path.status, path.evidence, path.load))
    except BudgetExhausted:
        return None
    return tuple(out)
