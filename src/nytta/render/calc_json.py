"""The machine-readable nyttokalkyl: the ``calc --format json`` contract (format §7).

This module owns that contract's shape: year keys as text, absent figures as null. The keys
of format v1.0 come first and unchanged; after ``realised_to_date`` come the rate's source,
the hours per full-time equivalent and the employer's contributions, whether some estimate
is a range, the three scenarios (``low``, ``likely``, ``high``), the sensitivity rows
(largest swing first, each with its ``swing``; the field a row varies is ``unit_value``,
``monthly_salary`` (a unit value given as a ranged monthly salary: its values are
salaries), ``volume``, ``attribution`` or ``amounts``), the
categories' shares of the benefits' present value, the value by recipient (by stakeholder
and by stakeholder category, value no share covers under ``unassigned``), the released time
and the benefits not valued in money.
"""

from __future__ import annotations

from typing import Any

from nytta.results.calc import Calculation, ReleasedTime, Scenario, Sensitivity, Unvalued, Yearly


def calc_json(result: Calculation) -> dict[str, Any]:
    """The ``calc --format json`` contract of §7 (year keys as text, absent figures as null)."""
    return {
        "plan": result.plan,
        "currency": result.currency,
        "discount_rate": result.discount_rate,
        "base_year": result.base_year,
        "years": list(result.years),
        "benefits": _keyed(result.benefits),
        "benefits_by_category": _keyed_rows(result.benefits_by_category),
        "costs": _keyed(result.costs),
        "costs_by_kind": _keyed_rows(result.costs_by_kind),
        "net": _keyed(result.net),
        "discounted_net": _keyed(result.discounted_net),
        "npv": result.npv,
        "benefit_cost_ratio": result.benefit_cost_ratio,
        "payback_year": result.payback_year,
        "discounted_payback_year": result.discounted_payback_year,
        "realised_to_date": result.realised_to_date,
        "rate_source": result.rate_source,
        "hours_per_fte": _number(result.hours_per_fte),
        "employer_contributions": _number(result.employer_contributions),
        "ranged": result.ranged,
        "scenarios": {scenario.name: _scenario(scenario) for scenario in result.scenarios},
        "sensitivity": [_sensitivity(row) for row in result.sensitivity],
        "category_shares": {name: _number(share) for name, share in result.category_shares.items()},
        "value_by_recipient": {
            "stakeholders": {name: _number(value) for name, value in result.value_by_stakeholder.items()},
            "stakeholder_categories": {name: _number(value) for name, value in result.value_by_stakeholder_category.items()},
        },
        "released_time": [_released(row) for row in result.released_time],
        "unvalued": [_unvalued(row) for row in result.unvalued],
    }


def _scenario(scenario: Scenario) -> dict[str, Any]:
    return {
        "benefits": _number(scenario.benefits),
        "costs": _number(scenario.costs),
        "npv": _number(scenario.npv),
        "benefit_cost_ratio": _float(scenario.benefit_cost_ratio),
        "net_benefit_per_krona": _float(scenario.net_benefit_per_krona),
        "band": scenario.band,
        "payback_year": scenario.payback_year,
        "discounted_payback_year": scenario.discounted_payback_year,
    }


def _sensitivity(row: Sensitivity) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "id": row.id,
        "name": row.name,
        "field": row.field,
        "low": _number(row.low),
        "likely": _number(row.likely),
        "high": _number(row.high),
        "npv_low": _number(row.npv_low),
        "npv_high": _number(row.npv_high),
        "swing": _number(row.swing),
    }


def _released(row: ReleasedTime) -> dict[str, Any]:
    return {
        "benefit": row.benefit,
        "name": row.name,
        "hours": _numbers(row.hours),
        "fte": _numbers(row.fte),
        "monthly_salary": _float(row.monthly_salary),
        "hourly_cost": _float(row.hourly_cost),
    }


def _unvalued(row: Unvalued) -> dict[str, Any]:
    return {"benefit": row.benefit, "name": row.name, "category": row.category, "polarity": row.polarity, "size": row.size}


def _float(value: float | None) -> float | None:
    return None if value is None else _number(value)


def _number(value: float) -> float:
    """``value`` as a float, zero without a sign (JSON has no use for −0.0)."""
    return 0.0 if value == 0 else float(value)


def _numbers(values: Yearly) -> dict[str, float]:
    return {str(year): _number(value) for year, value in values.items()}


def _keyed(values: Yearly) -> dict[str, float]:
    return {str(year): float(value) for year, value in values.items()}


def _keyed_rows(rows: dict[str, Yearly]) -> dict[str, dict[str, float]]:
    return {name: _keyed(row) for name, row in rows.items()}
