"""The scenarios and the sensitivity analysis of a nyttokalkyl, after Inera's method.

This module owns the low, likely and high results (every estimate at its lowest, likely or
highest value at once: lowest benefits with lowest costs), Inera's net benefit per invested
krona and its band, and the net present value with one ranged input moved to its low and
its high value while every other stays likely, ordered by swing.
"""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

from nytta.compute.estimates import InputKey, Pick, input_values
from nytta.compute.flows import Flows, flows, payback_year, plain, total
from nytta.model.plan import Plan
from nytta.results.calc import SCENARIOS, Scenario, Sensitivity, Yearly

Gains = dict[str, dict[int, Fraction]]


def scenarios(
    plan: Plan, years: tuple[int, ...], gains: Gains, factors: Yearly, likely: Scenario, ranged: bool
) -> tuple[Scenario, ...]:
    """The low, likely and high scenarios (``likely`` is computed already; a plan without
    ``ranged`` estimates has its figures in all three)."""
    if not ranged:
        return tuple(replace(likely, name=name) for name in SCENARIOS)
    return tuple(
        likely if name == "likely" else scenario(name, years, flows(plan, years, gains, factors, Pick(name)), factors)
        for name in SCENARIOS
    )


def scenario(name: str, years: tuple[int, ...], flow: Flows, factors: Yearly) -> Scenario:
    """One scenario's figures from its flows."""
    discounted = ({y: flow.benefits[y] * factors[y] for y in years}, {y: flow.costs[y] * factors[y] for y in years})
    benefits, costs = total(discounted[0].values()), total(discounted[1].values())
    return Scenario(
        name,
        benefits,
        costs,
        total(flow.discounted_net.values()),
        None if costs == 0 else plain(benefits / costs),
        None if costs == 0 else plain((benefits - costs) / costs),
        band(benefits, costs),
        payback_year(years, flow.benefits, flow.costs),
        payback_year(years, *discounted),
    )


def band(benefits: float, costs: float) -> str | None:
    """Inera's band of (benefits − costs) / costs: negative, zero (equal to the öre), low
    (above 0, below 0.5) or high (0.5 or more); None without costs. Compared exactly, so
    that benefits of 1.5 × costs are ``high`` whatever the floating-point quotient says
    (None for figures that overflowed, which the calculation then reports)."""
    if costs == 0 or not (math.isfinite(benefits) and math.isfinite(costs)):
        return None
    if round(benefits, 2) == round(costs, 2):
        return "zero"
    quotient = (Fraction(benefits) - Fraction(costs)) / Fraction(costs)
    if quotient < 0:
        return "negative"
    return "low" if quotient < Fraction(1, 2) else "high"


def sensitivity(
    plan: Plan, years: tuple[int, ...], gains: Gains, factors: Yearly, likely: Flows, inputs: list[tuple[InputKey, str]]
) -> tuple[Sensitivity, ...]:
    """One row per ranged input (``estimates.ranged_inputs``): the NPV with it at low and at
    high, the others likely; largest swing first, ties in plan order."""
    rows = []
    for key, name in inputs:
        npv = {
            which: total(flows(plan, years, gains, factors, Pick("likely", key, which), likely).discounted_net.values())
            for which in ("low", "high")
        }
        values = input_values(plan, key)
        rows.append(Sensitivity(key[0], key[1], name, key[2], *values, npv["low"], npv["high"]))
    return tuple(sorted(rows, key=lambda row: -row.swing))
