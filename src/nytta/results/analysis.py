"""One analysed plan as data: what a plan report renders (see ``nytta.app.analysis``)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nytta.diagnostics import Diagnostic
from nytta.results.calc import Calculation
from nytta.results.status import PlanStatus

if TYPE_CHECKING:
    from nytta.load.plan import PlanDocument
    from nytta.model.plan import Indicator

#: A point of a curve: a date and a value.
Point = tuple[_dt.date, float]


@dataclass(frozen=True)
class PlanAnalysis:
    """A readable plan on one date: its findings, status, nyttokalkyl and planned curves."""

    doc: PlanDocument
    as_of: _dt.date
    diagnostics: tuple[Diagnostic, ...]  # every finding of ``nytta check``, severities stamped
    status: PlanStatus
    calc: Calculation | None  # None when the plan has none or it cannot be computed
    planned: Mapping[tuple[str | int, ...], Sequence[Point]]  # by the indicator's path

    def planned_points(self, indicator: Indicator) -> Sequence[Point]:
        """The corners of the indicator's planned curve (§5.1); empty when there is none."""
        return self.planned.get(indicator.path, ())
