"""The nyttokalkyl as data: what ``nytta.compute.calc`` computes and renderers read."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from nytta.results.plans import Unreadable

#: A figure per year.
Yearly = dict[int, float]


@dataclass(frozen=True, slots=True)
class Calculation:
    """The nyttokalkyl of one plan; every yearly figure is keyed by year, in currency units."""

    plan: str
    file: str
    currency: str
    as_of: _dt.date
    discount_rate: float
    base_year: int
    years: tuple[int, ...]
    benefits: Yearly
    benefits_by_category: dict[str, Yearly]
    benefits_by_benefit: dict[str, Yearly]
    costs: Yearly
    costs_by_kind: dict[str, Yearly]
    net: Yearly
    discount_factors: Yearly
    discounted_net: Yearly
    npv: float
    benefit_cost_ratio: float | None
    payback_year: int | None
    discounted_payback_year: int | None
    realised: Yearly
    realised_to_date: float
    planned_to_date: float


@dataclass(frozen=True)
class CalcReport:
    """The calculation, or (``calc`` None) the plan that could not be read."""

    calc: Calculation | None
    unreadable: tuple[Unreadable, ...] = ()
