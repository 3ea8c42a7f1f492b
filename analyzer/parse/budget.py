"""A deterministic work budget: analysis steps are counted, not timed, so a result reproduces.

Every analysis whose cost depends on the shape of its input (scope lookups, reference searches,
value flow, the consent walk) spends from the budget of its file. When the budget runs out the
analysis raises ``BudgetExhausted``; the caller turns what it was deciding into ``unverifiable``
with an ``analysis-budget`` diagnostic, and the scan goes on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

# Steps a file may spend on code analysis, plus a share per byte of code so that a large bundle
# is not starved. Measured: a step costs ~1-3 microseconds, so 2M + 1 a byte stays within a few
# seconds on the largest bundles of the corpus while leaving ordinary files far below the limit.
BASE_STEPS = 2_000_000
STEPS_PER_BYTE = 1


class BudgetExhausted(Exception):
    """The file's analysis budget ran out."""


class Budget:
    """Counted steps with a hard limit."""

    __slots__ = ("limit", "used")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    @classmethod
    def for_size(cls, size: int) -> Budget:
        """The budget of a piece of code of ``size`` bytes."""
        return cls(BASE_STEPS + STEPS_PER_BYTE * size)

    def spend(self, steps: int = 1) -> None:
        """Count ``steps`` against the budget; raises BudgetExhausted once the limit is passed."""
        self.used += steps
        if self.used > self.limit:
            raise BudgetExhausted(f"analysis budget of {self.limit:,} steps exhausted")

    @contextlib.contextmanager
    def allowance(self, steps: int | None) -> Iterator[None]:
        """At most ``steps`` more steps inside the block (None: no lower limit): an analysis that is
        worth doing only when cheap runs out there as it would at the file's own limit."""
        before = self.limit
        if steps is not None:
            self.limit = min(before, self.used + steps)
        try:
            yield
        finally:
            self.limit = before

    @property
    def exhausted(self) -> bool:
        """Whether more steps were spent than the limit allows."""
        return self.used > self.limit
