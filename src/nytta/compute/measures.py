"""Inera's result measures beside the nyttokalkyl's figures.

This module owns what the calculation adds to the contract's figures: the scenarios and
sensitivity (from ``scenarios``), each benefit category's share of the benefits, the
benefits' value by recipient (nyttomottagare: by stakeholder and by stakeholder category),
the staff time redeployment benefits release (hours and full-time equivalents), and the
benefits that are not valued in money, with their size.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from nytta.compute.estimates import LIKELY, quantity, ranged_inputs, unit_value
from nytta.compute.flows import Flows, plain, present_value, rounded, total
from nytta.compute.scenarios import Gains, scenarios, sensitivity
from nytta.model.enums import Category
from nytta.model.plan import Benefit, HourlyCost, Plan
from nytta.model.units import hours_per_unit
from nytta.results.calc import UNASSIGNED, ReleasedTime, Scenario, Unvalued, Yearly


def measures(
    plan: Plan,
    years: tuple[int, ...],
    gains: Gains,
    factors: Yearly,
    likely: Flows,
    outlook: Scenario,
    categories: dict[str, Yearly],
) -> dict[str, Any]:
    """The fields of ``Calculation`` beyond the contract's figures, by name (``likely`` and
    ``outlook``: the likely scenario's flows and figures)."""
    block = plan.calculation
    assert block is not None
    inputs = ranged_inputs(plan)
    by_stakeholder, by_category = value_by_recipient(plan, {k: present_value(v, factors) for k, v in likely.by_benefit.items()})
    return {
        "rate_source": block.rate_source,
        "hours_per_fte": plain(block.hours_per_fte),
        "employer_contributions": plain(block.employer_contributions),
        "ranged": bool(inputs),
        "scenarios": scenarios(plan, years, gains, factors, outlook, bool(inputs)),
        "sensitivity": sensitivity(plan, years, gains, factors, likely, inputs),
        "category_shares": category_shares(categories, factors),
        "value_by_stakeholder": by_stakeholder,
        "value_by_stakeholder_category": by_category,
        "stakeholder_names": {s.id: s.name for s in plan.stakeholders},
        "released_time": released_time(plan, gains),
        "unvalued": unvalued(plan),
    }


def category_shares(categories: dict[str, Yearly], factors: Yearly) -> dict[str, float]:
    """Each category's present value over the benefits' total, when that total is positive
    (categories without value are left out)."""
    values = {name: present_value(row, factors) for name, row in categories.items()}
    whole = total(values.values())
    if whole <= 0:
        return {}
    return {name: plain(value / whole) for name, value in values.items() if value != 0}


def value_by_recipient(plan: Plan, values: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """The benefits' present values split by their recipients' shares, summed by stakeholder
    id and by stakeholder category; recipients without a share split what the stated shares
    leave equally, and what no share covers is under UNASSIGNED."""
    categories = {s.id: s.category.value for s in plan.stakeholders}
    parts: dict[str, list[float]] = {}
    by_category: dict[str, list[float]] = {}
    for benefit in plan.benefits:
        if benefit.id not in values:
            continue
        for stakeholder, share in shares(benefit).items():
            part = rounded(Fraction(values[benefit.id]) * share)
            parts.setdefault(stakeholder, []).append(part)
            category = UNASSIGNED if stakeholder == UNASSIGNED else categories.get(stakeholder, UNASSIGNED)
            by_category.setdefault(category, []).append(part)
    return {k: total(v) for k, v in parts.items()}, {k: total(v) for k, v in by_category.items()}


def shares(benefit: Benefit) -> dict[str, Fraction]:
    """Each recipient's exact share of the benefit (summing to 1, UNASSIGNED included when
    some is left over); shares over 1 in total (a ``share-sum`` error) are scaled to 1."""
    stated = {r.stakeholder: _decimal(r.share) for r in benefit.recipients if r.share is not None}
    unshared = [r.stakeholder for r in benefit.recipients if r.share is None and r.stakeholder not in stated]
    result: dict[str, Fraction] = {}
    for stakeholder, share in stated.items():
        result[stakeholder] = result.get(stakeholder, Fraction(0)) + share
    given = sum(result.values(), Fraction(0))
    if given > 1:
        return {k: v / given for k, v in result.items()}
    rest = 1 - given
    if unshared:
        for stakeholder in unshared:
            result[stakeholder] = result.get(stakeholder, Fraction(0)) + rest / len(unshared)
    elif rest > 0:
        result[UNASSIGNED] = rest
    return result


def _decimal(share: float) -> Fraction:
    """The share as the decimal it was written as (0.1 is 1/10, not its binary float), so
    that shares written to sum to 1 leave nothing unassigned."""
    return Fraction(repr(share))


def released_time(plan: Plan, gains: Gains) -> tuple[ReleasedTime, ...]:
    """The hours and full-time equivalents per year of each redeployment benefit valued in
    hours (its indicator measured in hours or minutes, or an hourly cost from a salary)."""
    block = plan.calculation
    assert block is not None
    rows = []
    for benefit in plan.benefits:
        indicator = benefit.valuation_indicator
        if benefit.category is not Category.REDEPLOYMENT or benefit.valuation is None or indicator is None:
            continue
        salary = benefit.valuation.unit_value if isinstance(benefit.valuation.unit_value, HourlyCost) else None
        per_unit = hours_per_unit(indicator.unit) or (Fraction(1) if salary is not None else None)
        if per_unit is None or benefit.id not in gains:
            continue
        amount = quantity(benefit, LIKELY) * per_unit
        exact = {year: amount * gain for year, gain in gains[benefit.id].items()}
        per_fte = Fraction(block.hours_per_fte)
        hours = {year: rounded(value) for year, value in exact.items()}
        fte = {year: rounded(value / per_fte) for year, value in exact.items()}
        monthly = cost = None
        if salary is not None:
            monthly = float(LIKELY.value(salary.monthly_salary, ("valuation", benefit.id, "monthly_salary")))
            cost = rounded(unit_value(benefit, LIKELY, block))
        rows.append(ReleasedTime(benefit.id, benefit.name, hours, fte, monthly, cost))
    return tuple(rows)


def unvalued(plan: Plan) -> tuple[Unvalued, ...]:
    """The benefits without a valuation, in plan order, with their size if given."""
    return tuple(
        Unvalued(
            b.id,
            b.name,
            b.category.value if b.category is not None else None,
            b.polarity.value,
            b.size.value if b.size is not None else None,
        )
        for b in plan.benefits
        if b.valuation is None
    )
