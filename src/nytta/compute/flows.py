"""The yearly flows of a nyttokalkyl (format §6): benefits, costs, net and discounting.

This module owns the yearly value of each valued benefit (the mean planned gain G_y over
the days of the year inside the realisation window, times unit value, volume and
attribution, computed exactly and rounded once), the yearly costs, net, discount factors,
present values, payback years and the breakdowns by benefit category and cost kind — for
any choice of the estimates (a :class:`~nytta.compute.estimates.Pick`), so that the
scenarios and the sensitivity analysis reuse the gains computed once.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from nytta.compute.estimates import LIKELY, Pick, amount, quantity, unit_value
from nytta.compute.trajectory import (
    Curve,
    actual_curve,
    baseline_point,
    direction_sign,
    planned_curve,
    realisation_end,
    realisation_start,
)
from nytta.i18n import _
from nytta.load.plan import PlanDocument
from nytta.model.enums import Category, CostKind
from nytta.model.plan import Benefit, Indicator, Plan
from nytta.model.plan import Calculation as CalculationBlock
from nytta.results.calc import Yearly

#: The breakdown key of a valued benefit that has no category.
UNCATEGORISED = "uncategorised"


class MissingCalculation(ValueError):
    """The plan has no ``calculation`` block (or could not be loaded), so there is no nyttokalkyl."""


class UncomputableCalculation(MissingCalculation):
    """The figures cannot be computed: a discount factor or a total is no finite number
    (a discount rate of -1 or less, a base year far from the period, amounts near ±1.8e308)."""


@dataclass(frozen=True, slots=True)
class Gains:
    """G_y of each valued benefit (by id), exactly: along the planned curve over the whole
    period, along it up to the as-of date, and along the actual curve up to that date."""

    planned: dict[str, dict[int, Fraction]]
    planned_to_date: dict[str, dict[int, Fraction]]
    realised: dict[str, dict[int, Fraction]]


def benefit_gains(benefit: Benefit, years: Iterable[int], until: _dt.date | None = None) -> dict[int, Fraction]:
    """G_y of a valued benefit along its planned curve (zero where it cannot be computed),
    counting days up to ``until`` (default: the end of the last year)."""
    years = tuple(years)
    indicator = benefit.valuation_indicator
    curve = planned_curve(benefit, indicator) if indicator is not None else None
    if indicator is None or curve is None:
        return dict.fromkeys(years, Fraction(0))
    end = _dt.date(max(years), 12, 31) if years else _dt.date.min
    return _gains(benefit, indicator, curve, years, min(end, until) if until else end)


def realised_gains(benefit: Benefit, doc: PlanDocument, years: Iterable[int], as_of: _dt.date) -> dict[int, Fraction]:
    """G_y along the actual curve, counting days up to ``as_of`` only."""
    years = tuple(years)
    indicator = benefit.valuation_indicator
    curve = actual_curve(indicator, doc.observations_of(indicator.id), as_of) if indicator is not None else None
    if indicator is None or curve is None:
        return dict.fromkeys(years, Fraction(0))
    until = min(_dt.date(max(years), 12, 31), as_of) if years else _dt.date.min
    return _gains(benefit, indicator, curve, years, until)


def benefit_values(
    benefit: Benefit, years: Iterable[int], until: _dt.date | None = None, block: CalculationBlock | None = None
) -> Yearly:
    """The planned value of a valued benefit per year (likely estimates), counting days up to
    ``until`` (default: the end of the last year); ``block`` gives the hourly-cost terms."""
    return valued(benefit, benefit_gains(benefit, years, until), LIKELY, block)


def realised_values(
    benefit: Benefit, doc: PlanDocument, years: Iterable[int], as_of: _dt.date, block: CalculationBlock | None = None
) -> Yearly:
    """The value realised per year along the actual curve (likely estimates), up to ``as_of``."""
    return valued(benefit, realised_gains(benefit, doc, years, as_of), LIKELY, block)


def valued(benefit: Benefit, gains: dict[int, Fraction], pick: Pick, block: CalculationBlock | None) -> Yearly:
    """unit_value × volume × attribution × G_y for each year under ``pick``, computed exactly
    and rounded once."""
    factor = unit_value(benefit, pick, block) * quantity(benefit, pick)
    return {year: rounded(factor * gain) for year, gain in gains.items()}


def mean_gain(curve: Curve, baseline: float, sign: int, year: int, window: tuple[_dt.date, _dt.date]) -> Fraction:
    """G_y of §6, exactly: the mean of sign × (curve(t) − baseline) over all days of
    ``year``, where the days outside ``window`` (inclusive dates) count as zero."""
    first = max(_dt.date(year, 1, 1), window[0])
    last = min(_dt.date(year, 12, 31), window[1])
    if last < first or sign == 0:
        return Fraction(0)
    days_in_year = 366 if calendar.isleap(year) else 365
    return sign * curve.exact_sum(first, last, baseline) / days_in_year


def cost_breakdown(plan: Plan, years: Iterable[int], pick: Pick = LIKELY) -> dict[str, Yearly]:
    """Cost amounts per kind and year under ``pick``; amounts for years outside the
    calculation are left out."""
    years = tuple(years)
    amounts: dict[str, dict[int, list[float]]] = {kind.value: {y: [] for y in years} for kind in CostKind}
    for cost in plan.costs:
        for year in cost.amounts:
            if year in amounts[cost.kind.value]:
                amounts[cost.kind.value][year].append(rounded(amount(cost, year, pick)))
    return {kind: {y: total(row[y]) for y in years} for kind, row in amounts.items()}


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


def _gains(benefit: Benefit, indicator: Indicator, curve: Curve, years: tuple[int, ...], until: _dt.date) -> dict[int, Fraction]:
    """G_y for each year (0 for a valuation on a maintain indicator: there is no planned gain)."""
    base = baseline_point(indicator)
    assert base is not None
    window = (realisation_start(benefit) or base[0], min(realisation_end(benefit) or until, until))
    sign = direction_sign(indicator)
    return {y: mean_gain(curve, base[1], sign, y, window) for y in years}


def rounded(value: Fraction) -> float:
    """The float nearest the exact ``value``; ±inf beyond the float range (amounts near
    ±1.8e308), which the check for figures that are no finite number then reports."""
    try:
        return plain(float(value))
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def sum_yearly(years: tuple[int, ...], parts: Iterable[Yearly]) -> Yearly:
    """The sum per year of ``parts``, correctly rounded (the same whatever their order)."""
    values: dict[int, list[float]] = {y: [] for y in years}
    for part in parts:
        for year, value in part.items():
            values[year].append(value)
    return {y: total(values[y]) for y in years}


def total(values: Iterable[float]) -> float:
    """The correctly rounded sum of ``values``, independent of their order, never −0.0."""
    return plain(math.fsum(values))


def plain(value: float) -> float:
    """``value`` with a negative zero made 0.0 (no output shows −0)."""
    return value + 0.0


def by_category(plan: Plan, years: tuple[int, ...], by_benefit: dict[str, Yearly]) -> dict[str, Yearly]:
    """The benefits per category and year; a valued benefit without a category is under
    ``uncategorised`` (a row that exists only when such a benefit does)."""
    rows: dict[str, list[Yearly]] = {category.value: [] for category in Category}
    for benefit in plan.benefits:
        if benefit.id in by_benefit:
            key = benefit.category.value if benefit.category is not None else UNCATEGORISED
            rows.setdefault(key, []).append(by_benefit[benefit.id])
    return {key: sum_yearly(years, parts) for key, parts in rows.items()}


def present_value(values: Yearly, factors: Yearly) -> float:
    """Σ value_y × DF_y, correctly rounded."""
    return total(values[y] * factors[y] for y in factors)


@dataclass(frozen=True, slots=True)
class Flows:
    """One scenario's yearly figures: benefits by benefit, costs by kind, and their totals,
    net, discounted net and present values."""

    by_benefit: dict[str, Yearly]
    costs_by_kind: dict[str, Yearly]
    benefits: Yearly
    costs: Yearly
    net: Yearly
    discounted_net: Yearly


def flows(
    plan: Plan,
    years: tuple[int, ...],
    gains: dict[str, dict[int, Fraction]],
    factors: Yearly,
    pick: Pick,
    base: Flows | None = None,
) -> Flows:
    """The yearly figures of the plan with its estimates taken as ``pick`` says. Given the
    likely flows as ``base`` and a pick that moves one input only, only what that input
    belongs to is valued again (the sensitivity analysis moves one input at a time)."""
    block = plan.calculation
    moved = pick.moved if base is not None and pick.scenario == "likely" else None
    if moved is not None and base is not None:
        by_benefit = dict(base.by_benefit)
        for b in plan.benefits:
            if moved[0] == "valuation" and b.id == moved[1] and b.id in gains:
                by_benefit[b.id] = valued(b, gains[b.id], pick, block)
        costs_by_kind = cost_breakdown(plan, years, pick) if moved[0] == "cost" else base.costs_by_kind
    else:
        by_benefit = {b.id: valued(b, gains[b.id], pick, block) for b in plan.benefits if b.id in gains}
        costs_by_kind = cost_breakdown(plan, years, pick)
    benefits = sum_yearly(years, by_benefit.values())
    costs = sum_yearly(years, costs_by_kind.values())
    net = {y: plain(benefits[y] - costs[y]) for y in years}
    discounted = {y: plain(net[y] * factors[y]) for y in years}
    return Flows(by_benefit, costs_by_kind, benefits, costs, net, discounted)


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
