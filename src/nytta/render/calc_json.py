"""The machine-readable nyttokalkyl: the ``calc --format json`` contract (format §7).

This module owns that contract's shape: year keys as text, absent figures as null.
"""

from __future__ import annotations

from typing import Any

from nytta.results.calc import Calculation, Yearly


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
    }


def _keyed(values: Yearly) -> dict[str, float]:
    return {str(year): float(value) for year, value in values.items()}


def _keyed_rows(rows: dict[str, Yearly]) -> dict[str, dict[str, float]]:
    return {name: _keyed(row) for name, row in rows.items()}
