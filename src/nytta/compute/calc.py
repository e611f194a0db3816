"""The benefit calculation (nyttokalkyl) of a plan (format §6).

This module owns putting the calculation together: the likely figures (the contract's
net present value, benefit–cost ratio, payback years, breakdowns and value realised to
date), the scenarios, sensitivity and Inera's result measures beside them, and the check
that every figure is a finite number. A plan without a ``calculation`` block cannot be
calculated: ``calculate`` raises ``MissingCalculation`` (a ValueError) with a message
meant for the user.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import replace

from nytta.compute.estimates import LIKELY
from nytta.compute.flows import (
    Gains,
    MissingCalculation,
    UncomputableCalculation,
    benefit_gains,
    benefit_values,
    by_category,
    discount_factors,
    flows,
    payback_year,
    plain,
    realised_gains,
    realised_values,
    sum_yearly,
    total,
    valued,
)
from nytta.compute.measures import measures
from nytta.compute.scenarios import scenario
from nytta.i18n import N_, _
from nytta.load.plan import PlanDocument
from nytta.model.plan import Plan
from nytta.results.calc import Calculation

__all__ = [
    "MissingCalculation",
    "UncomputableCalculation",
    "benefit_values",
    "calculate",
    "calculation_or_none",
    "payback_year",
    "realised_values",
]

#: The calculation years nytta computes (a plan's period lies well inside this).
YEAR_RANGE = (1900, 2200)


def calculate(doc: PlanDocument, as_of: _dt.date, rate: float | None = None) -> Calculation:
    """The nyttokalkyl of a loaded plan; ``rate`` replaces the plan's discount rate.

    Raises MissingCalculation (a ValueError) when the plan has no ``calculation`` block.
    """
    plan = doc.plan
    if plan is None:
        raise MissingCalculation(_("{file}: the plan could not be loaded, so it cannot be calculated", file=doc.file))
    if plan.calculation is None:
        raise MissingCalculation(
            _(
                "{file}: the plan has no 'calculation' block (base_year, first_year, last_year, "
                "discount_rate), so there is no benefit calculation",
                file=doc.file,
            )
        )
    block = plan.calculation
    if not (YEAR_RANGE[0] <= block.first_year <= block.last_year <= YEAR_RANGE[1]):
        raise MissingCalculation(
            _(
                "{file}: the calculation period {first}–{last} is not a period of years within {earliest}–{latest}",
                file=doc.file,
                first=block.first_year,
                last=block.last_year,
                earliest=YEAR_RANGE[0],
                latest=YEAR_RANGE[1],
            )
        )
    years = tuple(range(block.first_year, block.last_year + 1))
    rate = block.discount_rate if rate is None else rate
    worth = [b for b in plan.benefits if b.valuation is not None]
    gains = Gains(
        {b.id: benefit_gains(b, years) for b in worth},
        {b.id: benefit_gains(b, years, as_of) for b in worth},
        {b.id: realised_gains(b, doc, years, as_of) for b in worth},
    )
    result = _assemble(doc.file, plan, as_of, rate, years, gains)
    _ensure_finite(result)  # the measures too
    return result


def calculation_or_none(doc: PlanDocument, as_of: _dt.date) -> Calculation | None:
    """The nyttokalkyl, or None when the plan has none or it cannot be computed."""
    try:
        return calculate(doc, as_of)
    except MissingCalculation:
        return None


def _assemble(file: str, plan: Plan, as_of: _dt.date, rate: float, years: tuple[int, ...], gains: Gains) -> Calculation:
    block = plan.calculation
    assert block is not None
    factors = discount_factors(file, years, rate, block.base_year)
    likely = flows(plan, years, gains.planned, factors, LIKELY)
    realised = sum_yearly(
        years, [valued(b, gains.realised[b.id], LIKELY, block) for b in plan.benefits if b.id in gains.realised]
    )
    planned = total(
        value
        for b in plan.benefits
        if b.id in gains.planned_to_date
        for value in valued(b, gains.planned_to_date[b.id], LIKELY, block).values()
    )
    outlook = scenario("likely", years, likely, factors)  # the contract's figures are the likely scenario's
    categories = by_category(plan, years, likely.by_benefit)
    figures = Calculation(
        plan.plan.id,
        file,
        plan.plan.currency,
        as_of,
        plain(rate),
        block.base_year,
        years,
        likely.benefits,
        categories,
        likely.by_benefit,
        likely.costs,
        likely.costs_by_kind,
        likely.net,
        factors,
        likely.discounted_net,
        outlook.npv,
        outlook.benefit_cost_ratio,
        outlook.payback_year,
        outlook.discounted_payback_year,
        realised,
        total(realised.values()),
        plain(planned),
    )
    _ensure_finite(figures)
    try:
        return replace(figures, **measures(plan, years, gains.planned, factors, likely, outlook, categories))
    except (OverflowError, ValueError):  # a low or high estimate near the float limit: inf − inf, Fraction(inf)
        raise _overflow(figures, _("a scenario or the sensitivity analysis")) from None


#: The figures of a calculation as named in the message about one that overflowed.
_FIGURES = (
    N_("the net present value"),
    N_("the benefit–cost ratio"),
    N_("the value realised to date"),
    N_("the planned value to date"),
)
_ROWS = (
    N_("the benefits for {year}"),
    N_("the costs for {year}"),
    N_("the net for {year}"),
    N_("the discounted net for {year}"),
    N_("the realised value for {year}"),
)


def _ensure_finite(result: Calculation) -> None:
    """Raise UncomputableCalculation when a figure overflowed (amounts or valuations near the float limit)."""
    name = _overflowed(result)
    if name is not None:
        raise _overflow(result, name)


def _overflow(result: Calculation, name: str) -> UncomputableCalculation:
    return UncomputableCalculation(
        _(
            "{file}: the benefit calculation overflows: {figure} is no finite number "
            "(amounts, valuations or indicator values are too large)",
            file=result.file,
            figure=name,
        )
    )


def _overflowed(result: Calculation) -> str | None:
    """The name of the first figure that is no finite number, or None."""
    totals = (result.npv, result.benefit_cost_ratio, result.realised_to_date, result.planned_to_date)
    for name, value in zip(_FIGURES, totals, strict=True):
        if value is not None and not math.isfinite(value):
            return _(name)
    rows = (result.benefits, result.costs, result.net, result.discounted_net, result.realised)
    for name, row in zip(_ROWS, rows, strict=True):
        for year, value in row.items():
            if not math.isfinite(value):
                return _(name, year=year)
    for group in (result.benefits_by_category, result.benefits_by_benefit, result.costs_by_kind):
        for key, row in group.items():
            for year, value in row.items():
                if not math.isfinite(value):
                    return _("the '{name}' figure for {year}", name=key, year=year)
    return _measure_overflowed(result)


def _measure_overflowed(result: Calculation) -> str | None:
    """The name of the first of Inera's measures that is no finite number, or None."""
    for figures in result.scenarios:
        values = (figures.benefits, figures.costs, figures.npv, figures.benefit_cost_ratio, figures.net_benefit_per_krona)
        if any(value is not None and not math.isfinite(value) for value in values):
            return _("a scenario or the sensitivity analysis")
    if any(not math.isfinite(row.npv_low) or not math.isfinite(row.npv_high) for row in result.sensitivity):
        return _("a scenario or the sensitivity analysis")
    shares = (*result.value_by_stakeholder.values(), *result.value_by_stakeholder_category.values())
    if any(not math.isfinite(value) for value in (*shares, *result.category_shares.values())):
        return _("the value by recipient")
    if any(not math.isfinite(v) for row in result.released_time for v in (*row.hours.values(), *row.fte.values())):
        return _("the released time")
    return None
