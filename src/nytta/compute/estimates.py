"""The estimates of a nyttokalkyl and which value of them a scenario uses.

An estimate is a number or a range ``{low, likely, high}`` (lägst / troligt / högst). A
:class:`Pick` says which value to take: one scenario's for every input, except perhaps one
input (the sensitivity analysis moves one input at a time). This module also owns the
hourly cost worked out from a monthly salary and the list of a plan's ranged inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from nytta.model.plan import Benefit, Calculation, Cost, HourlyCost, Plan, Range

#: One input of the calculation: ("valuation", benefit id, field) — field unit_value,
#: monthly_salary (an hourly cost's), volume or attribution — or ("cost", cost id, "amounts").
InputKey = tuple[str, str, str]

Estimate = float | Range


@dataclass(frozen=True, slots=True)
class Pick:
    """Take every estimate at ``scenario`` (low, likely or high), except the input ``moved``,
    which is taken at ``moved_to``."""

    scenario: str = "likely"
    moved: InputKey | None = None
    moved_to: str = "likely"

    def value(self, estimate: Estimate, key: InputKey) -> Fraction:
        """The exact value of ``estimate`` (the input ``key``) under this pick."""
        if not isinstance(estimate, Range):
            return Fraction(estimate)
        which = self.moved_to if key == self.moved else self.scenario
        return Fraction(getattr(estimate, which))


LIKELY = Pick()


def hourly_cost(monthly_salary: Fraction, block: Calculation | None) -> Fraction:
    """monthly_salary / (hours_per_fte / 12) × (1 + employer_contributions), exactly."""
    hours, contributions = _staff_terms(block)
    return monthly_salary / (hours / 12) * (1 + contributions)


def _staff_terms(block: Calculation | None) -> tuple[Fraction, Fraction]:
    if block is None:
        return Fraction(1700), Fraction(54, 100)
    return Fraction(block.hours_per_fte), Fraction(block.employer_contributions)


def unit_value(benefit: Benefit, pick: Pick, block: Calculation | None) -> Fraction:
    """The benefit's value per unit of indicator change per year (an hourly cost when the
    valuation gives a monthly salary)."""
    assert benefit.valuation is not None
    given = benefit.valuation.unit_value
    if isinstance(given, HourlyCost):
        return hourly_cost(pick.value(given.monthly_salary, ("valuation", benefit.id, "monthly_salary")), block)
    return pick.value(given, ("valuation", benefit.id, "unit_value"))


def quantity(benefit: Benefit, pick: Pick) -> Fraction:
    """volume × attribution of the benefit's valuation."""
    assert benefit.valuation is not None
    valuation = benefit.valuation
    volume = pick.value(valuation.volume, ("valuation", benefit.id, "volume"))
    return volume * pick.value(valuation.attribution, ("valuation", benefit.id, "attribution"))


def amount(cost: Cost, year: int, pick: Pick) -> Fraction:
    return pick.value(cost.amounts[year], ("cost", cost.id, "amounts"))


def ranged_inputs(plan: Plan) -> list[tuple[InputKey, str]]:
    """Every ranged input of the plan in plan order, with the name of what it belongs to:
    the valued benefits' fields (unit_value, volume, attribution), then the costs with a
    ranged amount."""
    inputs: list[tuple[InputKey, str]] = []
    for benefit in plan.benefits:
        if benefit.valuation is not None:
            estimates = benefit.valuation.estimates()
            inputs += [(("valuation", benefit.id, name), benefit.name) for name, value in estimates if isinstance(value, Range)]
    for cost in plan.costs:
        if any(isinstance(value, Range) for value in cost.amounts.values()):
            inputs.append((("cost", cost.id, "amounts"), cost.name))
    return inputs


def input_values(plan: Plan, key: InputKey) -> tuple[float, float, float]:
    """The low, likely and high value of one input (a cost's: the sums of its amounts)."""
    kind, ident, name = key
    if kind == "cost":
        cost = next(c for c in plan.costs if c.id == ident)
        return tuple(  # type: ignore[return-value]
            float(sum((amount(cost, year, Pick(which)) for year in cost.amounts), Fraction(0)))
            for which in ("low", "likely", "high")
        )
    benefit = next(b for b in plan.benefits if b.id == ident)
    assert benefit.valuation is not None
    given = dict(benefit.valuation.estimates())[name]
    if isinstance(given, Range):
        return given.low, given.likely, given.high
    return float(given), float(given), float(given)
