"""What a renderer may ask of one analysed plan (see ``nytta.app.analysis.analyse``).

A protocol, so that renderers depend on the shape of the analysis and never on the
stages that compute it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from nytta.diagnostics import Diagnostic
    from nytta.load.plan import PlanDocument
    from nytta.model.plan import Benefit, Indicator
    from nytta.results.calc import Calculation
    from nytta.results.status import PlanStatus

#: A point of a curve: a date and a value.
Point = tuple[_dt.date, float]


class PlanAnalysis(Protocol):
    """One loaded, readable plan looked at on one date."""

    @property
    def doc(self) -> PlanDocument: ...

    @property
    def as_of(self) -> _dt.date: ...

    @property
    def diagnostics(self) -> Sequence[Diagnostic]:
        """Every finding of ``nytta check`` on the plan, severities stamped."""

    @property
    def status(self) -> PlanStatus: ...

    @property
    def calc(self) -> Calculation | None:
        """The nyttokalkyl, or None when the plan has none or it cannot be computed."""

    @property
    def values_to_date(self) -> Mapping[str, tuple[float, float]]:
        """(planned, realised) value to date of each valued benefit, by benefit id."""

    def planned_points(self, benefit: Benefit, indicator: Indicator) -> Sequence[Point]:
        """The corners of the indicator's planned curve (§5.1); empty when there is none."""
