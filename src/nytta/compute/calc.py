"""The benefit calculation (nyttokalkyl) of a plan (format §6).

This module owns the yearly value of each valued benefit (the mean planned gain over the
days of the year inside the realisation window, times unit value, volume and
attribution), the yearly costs, net, discount factors, net present value, benefit–cost
ratio, payback years, the breakdowns by benefit category and cost kind, and the value
realised to date along the actual curve. A plan without a ``calculation`` block cannot
be calculated: ``calculate`` raises ``MissingCalculation`` (a ValueError) with a message
meant for the user.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import math
from collections.abc import Iterable
from fractions import Fraction

from nytta.compute.trajectory import (
    Curve,
    actual_curve,
    baseline_point,
    direction_sign,
    planned_curve,
    realisation_end,
    realisation_start,
)
from nytta.i18n import N_, _
from nytta.load.plan import PlanDocument
from nytta.model.enums import Category, CostKind
from nytta.model.plan import Benefit, Indicator, Plan
from nytta.results.calc import Calculation, Yearly

#: The breakdown key of a valued benefit that has no category.
UNCATEGORISED = "uncategorised"


#: The calculation years nytta computes (a plan's period lies well inside this).
YEAR_RANGE = (1900, 2200)


class MissingCalculation(ValueError):
    """The plan has no ``calculation`` block (or could not be loaded), so there is no nyttokalkyl."""


class UncomputableCalculation(MissingCalculation):
    """The figures cannot be computed: a discount factor or a total is no finite number
    (a discount rate of -1 or less, a base year far from the period, amounts near ±1.8e308)."""


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
    by_benefit = {b.id: benefit_values(b, years) for b in plan.benefits if b.valuation is not None}
    realised = _sum_yearly(years, [realised_values(b, doc, years, as_of) for b in plan.benefits if b.valuation])
    costs_by_kind = cost_breakdown(plan, years)
    planned = _total(value for b in plan.benefits if b.valuation for value in benefit_values(b, years, as_of).values())
    result = _assemble(doc.file, plan, as_of, rate, years, by_benefit, costs_by_kind, realised, planned)
    _ensure_finite(result)
    return result


def calculation_or_none(doc: PlanDocument, as_of: _dt.date) -> Calculation | None:
    """The nyttokalkyl, or None when the plan has none or it cannot be computed."""
    try:
        return calculate(doc, as_of)
    except MissingCalculation:
        return None


def benefit_values(benefit: Benefit, years: Iterable[int], until: _dt.date | None = None) -> Yearly:
    """The planned value of a valued benefit per year (zero where it cannot be computed),
    counting days up to ``until`` (default: the end of the last year)."""
    years = tuple(years)
    indicator = benefit.valuation_indicator
    curve = planned_curve(benefit, indicator) if indicator is not None else None
    if indicator is None or curve is None:
        return dict.fromkeys(years, 0.0)
    end = _dt.date(max(years), 12, 31) if years else _dt.date.min
    return _valued(benefit, indicator, curve, years, min(end, until) if until else end)


def realised_values(benefit: Benefit, doc: PlanDocument, years: Iterable[int], as_of: _dt.date) -> Yearly:
    """The value realised per year along the actual curve, counting days up to ``as_of`` only."""
    years = tuple(years)
    indicator = benefit.valuation_indicator
    curve = actual_curve(indicator, doc.observations_of(indicator.id), as_of) if indicator is not None else None
    if indicator is None or curve is None:
        return dict.fromkeys(years, 0.0)
    until = min(_dt.date(max(years), 12, 31), as_of) if years else _dt.date.min
    return _valued(benefit, indicator, curve, years, until)


def mean_gain(curve: Curve, baseline: float, sign: int, year: int, window: tuple[_dt.date, _dt.date]) -> Fraction:
    """G_y of §6, exactly: the mean of sign × (curve(t) − baseline) over all days of
    ``year``, where the days outside ``window`` (inclusive dates) count as zero."""
    first = max(_dt.date(year, 1, 1), window[0])
    last = min(_dt.date(year, 12, 31), window[1])
    if last < first or sign == 0:
        return Fraction(0)
    days_in_year = 366 if calendar.isleap(year) else 365
    return sign * curve.exact_sum(first, last, baseline) / days_in_year


def cost_breakdown(plan: Plan, years: Iterable[int]) -> dict[str, Yearly]:
    """Cost amounts per kind and year; amounts for years outside the calculation are left out."""
    years = tuple(years)
    amounts: dict[str, dict[int, list[float]]] = {kind.value: {y: [] for y in years} for kind in CostKind}
    for cost in plan.costs:
        for year, amount in cost.amounts.items():
            if year in amounts[cost.kind.value]:
                amounts[cost.kind.value][year].append(amount)
    return {kind: {y: _total(row[y]) for y in years} for kind, row in amounts.items()}


def payback_year(years: Iterable[int], gains: Yearly, costs: Yearly) -> int | None:
    """The first year in which the cumulative ``gains`` exceed the cumulative ``costs``
    strictly, both sums rounded to whole öre (hundredths) so that floating-point residue
    cannot move the year; None ("aldrig") if that never happens (§6)."""
    gained: list[float] = []
    spent: list[float] = []
    for year in years:
        gained.append(gains[year])
        spent.append(costs[year])
        if round(math.fsum(gained), 2) > round(math.fsum(spent), 2):
            return year
    return None


def _valued(benefit: Benefit, indicator: Indicator, curve: Curve, years: tuple[int, ...], until: _dt.date) -> Yearly:
    """unit_value × volume × attribution × G_y for each year, computed exactly and rounded
    once (a valuation on a maintain indicator is worth 0: there is no planned gain)."""
    base = baseline_point(indicator)
    assert base is not None and benefit.valuation is not None
    valuation = benefit.valuation
    factor = Fraction(valuation.unit_value) * Fraction(valuation.volume) * Fraction(valuation.attribution)
    window = (realisation_start(benefit) or base[0], min(realisation_end(benefit) or until, until))
    sign = direction_sign(indicator)
    return {y: _rounded(factor * mean_gain(curve, base[1], sign, y, window)) for y in years}


def _rounded(value: Fraction) -> float:
    """The float nearest the exact ``value``; ±inf beyond the float range (amounts near
    ±1.8e308), which the check for figures that are no finite number then reports."""
    try:
        return _plain(float(value))
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _sum_yearly(years: tuple[int, ...], parts: Iterable[Yearly]) -> Yearly:
    """The sum per year of ``parts``, correctly rounded (the same whatever their order)."""
    values: dict[int, list[float]] = {y: [] for y in years}
    for part in parts:
        for year, value in part.items():
            values[year].append(value)
    return {y: _total(values[y]) for y in years}


def _total(values: Iterable[float]) -> float:
    """The correctly rounded sum of ``values``, independent of their order, never −0.0."""
    return _plain(math.fsum(values))


def _plain(value: float) -> float:
    """``value`` with a negative zero made 0.0 (no output shows −0)."""
    return value + 0.0


def _by_category(plan: Plan, years: tuple[int, ...], by_benefit: dict[str, Yearly]) -> dict[str, Yearly]:
    """The benefits per category and year; a valued benefit without a category is under
    ``uncategorised`` (a row that exists only when such a benefit does)."""
    rows: dict[str, list[Yearly]] = {category.value: [] for category in Category}
    for benefit in plan.benefits:
        if benefit.id in by_benefit:
            key = benefit.category.value if benefit.category is not None else UNCATEGORISED
            rows.setdefault(key, []).append(by_benefit[benefit.id])
    return {key: _sum_yearly(years, parts) for key, parts in rows.items()}


def _present_value_ratio(benefits: Yearly, costs: Yearly, factors: Yearly) -> float | None:
    discounted_costs = _total(costs[y] * factors[y] for y in factors)
    if discounted_costs == 0:
        return None
    return _plain(_total(benefits[y] * factors[y] for y in factors) / discounted_costs)


def _assemble(
    file: str,
    plan: Plan,
    as_of: _dt.date,
    rate: float,
    years: tuple[int, ...],
    by_benefit: dict[str, Yearly],
    costs_by_kind: dict[str, Yearly],
    realised: Yearly,
    planned_to_date: float,
) -> Calculation:
    assert plan.calculation is not None
    base_year = plan.calculation.base_year
    benefits = _sum_yearly(years, by_benefit.values())
    costs = _sum_yearly(years, costs_by_kind.values())
    net = {y: _plain(benefits[y] - costs[y]) for y in years}
    factors = discount_factors(file, years, rate, base_year)
    discounted = {y: _plain(net[y] * factors[y]) for y in years}
    present = ({y: benefits[y] * factors[y] for y in years}, {y: costs[y] * factors[y] for y in years})
    return Calculation(
        plan.plan.id,
        file,
        plan.plan.currency,
        as_of,
        _plain(rate),
        base_year,
        years,
        benefits,
        _by_category(plan, years, by_benefit),
        by_benefit,
        costs,
        costs_by_kind,
        net,
        factors,
        discounted,
        _total(discounted.values()),
        _present_value_ratio(benefits, costs, factors),
        payback_year(years, benefits, costs),
        payback_year(years, *present),
        realised,
        _total(realised.values()),
        _plain(planned_to_date),
    )


def discount_factors(file: str, years: Iterable[int], rate: float, base_year: int) -> Yearly:
    """DF_y = 1 / (1 + r)^(y − base_year) for each year; raises UncomputableCalculation when
    one is no finite number (r ≤ −1, or a base year so far away that the power overflows)."""
    factors: Yearly = {}
    for year in years:
        try:
            factor = 1 / (1 + rate) ** (year - base_year)
        except (OverflowError, ZeroDivisionError):
            factor = math.nan
        if not math.isfinite(factor) or factor == 0:
            raise UncomputableCalculation(
                _(
                    "{file}: the discount factor for {year} cannot be computed with the discount rate {rate} "
                    "and the base year {base_year}",
                    file=file,
                    year=year,
                    rate=format(rate, "g"),
                    base_year=base_year,
                )
            )
        factors[year] = factor
    return factors


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
        raise UncomputableCalculation(
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
    return None
