"""The one pipeline for everything that looks at a plan: ``analyse(doc, as_of, settings)``.

The analysis holds the document and, computed on first use, its findings, its status and
its nyttokalkyl, so that a command pays only for what its output shows. Report, export,
status and the portfolio follow-up all go through it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from functools import cached_property

from nytta.check import CheckOptions, check_document
from nytta.compute.calc import benefit_values, calculation_or_none, realised_values
from nytta.compute.status import plan_status
from nytta.compute.trajectory import planned_curve
from nytta.compute.trend import with_trend
from nytta.config import Config
from nytta.diagnostics import Diagnostic
from nytta.load.plan import PlanDocument
from nytta.model.plan import Benefit, Indicator, Plan, Thresholds
from nytta.results.analysis import PlanAnalysis, Point
from nytta.results.calc import Calculation
from nytta.results.status import PlanStatus


class Analysis:
    """A readable plan on one date; each part is computed when first asked for, and
    :meth:`result` gives them all as plain data for a renderer."""

    def __init__(self, doc: PlanDocument, as_of: _dt.date, settings: Config | None = None) -> None:
        if doc.plan is None:
            raise ValueError(f"{doc.file}: the plan could not be loaded, so it cannot be analysed")
        self.doc = doc
        self.as_of = as_of
        self.settings = settings or Config()

    @property
    def plan(self) -> Plan:
        assert self.doc.plan is not None  # checked when made
        return self.doc.plan

    @property
    def fallback(self) -> Thresholds | None:
        """Thresholds from the configuration, for a plan that sets none of its own."""
        thresholds = self.settings.thresholds
        return Thresholds(**thresholds) if thresholds else None

    @cached_property
    def diagnostics(self) -> Sequence[Diagnostic]:
        return check_document(self.doc, CheckOptions(as_of=self.as_of, severities=self.settings.severities))

    @cached_property
    def status(self) -> PlanStatus:
        now = plan_status(self.doc, self.as_of, fallback=self.fallback)
        return with_trend(now, self.doc, fallback=self.fallback)

    @cached_property
    def calc(self) -> Calculation | None:
        return calculation_or_none(self.doc, self.as_of)

    @cached_property
    def values_to_date(self) -> Mapping[str, tuple[float, float]]:
        if self.calc is None:
            return {}
        years, day, block = self.calc.years, self.as_of, self.plan.calculation
        return {
            b.id: (
                sum(benefit_values(b, years, day, block).values()),
                sum(realised_values(b, self.doc, years, day, block).values()),
            )
            for b in self.plan.benefits
            if b.valuation is not None
        }

    def planned_points(self, benefit: Benefit, indicator: Indicator) -> Sequence[Point]:
        """The corners of the indicator's planned curve (§5.1); empty when there is none."""
        curve = planned_curve(benefit, indicator)
        return tuple(curve.points) if curve is not None else ()

    def result(self) -> PlanAnalysis:
        """Everything a plan report shows, computed now, as plain data."""
        planned = {i.path: self.planned_points(b, i) for b in self.plan.benefits for i in b.indicators}
        return PlanAnalysis(self.doc, self.as_of, tuple(self.diagnostics), self.status, self.calc, planned)


def analyse(doc: PlanDocument, as_of: _dt.date, settings: Config | None = None) -> Analysis:
    """The analysis of a readable plan on ``as_of`` under ``settings`` (severities, thresholds)."""
    return Analysis(doc, as_of, settings)
