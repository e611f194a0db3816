"""Properties of the nyttokalkyl's scenarios, sensitivity and value by recipient (issue 16)
over generated plans whose estimates are partly ranges {low, likely, high}
(``generated_plans.ranged_plans``), and over every plan in ``plans/`` and the spec's example.

- With benefits only (no dis-benefits), ranged benefit inputs and point costs, every
  benefit's planned gain is at least 0 in every year, so each benefit's value grows with each
  of its inputs: the low scenario's NPV is at most the likely one's, and that at most the
  high one's; each sensitivity row likewise.
- Each scenario is the plan with every range replaced by its number for that scenario (low,
  likely or high), and each sensitivity row's NPVs are those of the plan with only that
  input at its low or high number; one row per ranged input, largest swing first.
- Replacing every range by its likely number leaves the likely figures as they were: the
  contract's keys of ``calc --format json`` are identical, and so are the other figures of the
  likely scenario.
- The value by recipient, by stakeholder and by stakeholder category, sums to the present
  value of the benefits.
- The JSON document holds no NaN, infinity or negative zero, and the generated ranged plans
  pass ``check`` (but for benefits drawn without recipients).

Money is compared to the öre (0.01 kr, or half of it where nothing but float summation
differs), ratios exactly or to 1e-12. The example counts are those of
``test_properties.py``: ``NYTTA_PROPERTIES=ci`` (the default, 25 per property) or ``long``
(2 000), or a number.
"""

from __future__ import annotations

import json
import math
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from generated_plans import PROPERTY, Drawn, estimates_at, input_values, likely_numbers, materialise, ranged_inputs, ranged_plans
from hypothesis import given

from conftest import AS_OF, CALC_KEYS, PLANS, spec_document
from nytta.check import CheckOptions, check_document
from nytta.compute.calc import calculate
from nytta.diagnostics import Severity
from nytta.load.plan import load_plan
from nytta.render.calc_json import calc_json
from nytta.results.calc import Calculation, Scenario

#: An öre: the tolerance for figures that differ only by the rounding of float sums.
ORE = 0.01
#: The keys of ``calc --format json`` before issue 16's additions (format §6).
CONTRACT_KEYS = CALC_KEYS[: CALC_KEYS.index("realised_to_date") + 1]


def calculation(drawn: Drawn) -> Calculation:
    with tempfile.TemporaryDirectory() as folder:
        return calculate(materialise(drawn, Path(folder)), drawn.as_of)


def present_value_of_benefits(calc: Calculation) -> float:
    return math.fsum(calc.benefits[y] * calc.discount_factors[y] for y in calc.years)


def figures(scenario: Scenario) -> tuple[Any, ...]:
    """A scenario's figures without its name."""
    return tuple(getattr(scenario, f.name) for f in fields(scenario) if f.name != "name")


# -- the generator ------------------------------------------------------------------------


@PROPERTY
@given(ranged_plans())
def test_ranged_plans_pass_check_without_errors_but_for_benefits_without_recipients(drawn: Drawn) -> None:
    with tempfile.TemporaryDirectory() as folder:
        doc = materialise(drawn, Path(folder))
        found = check_document(doc, CheckOptions(as_of=drawn.as_of))
    without = {b["id"] for b in drawn.data["benefits"] if not b["recipients"]}
    errors = [f"{d.line}:{d.column} {d.rule} {d.message}" for d in found if d.severity is Severity.ERROR]
    expected = [e for e in errors if e.split()[1] == "missing-recipient"]
    assert len(expected) == len(without) and [e for e in errors if e not in expected] == []


# -- low ≤ likely ≤ high ------------------------------------------------------------------------


@PROPERTY
@given(ranged_plans(disbenefits=False, cost_ranges=False))
def test_npv_grows_from_low_to_likely_to_high_for_benefits_with_point_costs(drawn: Drawn) -> None:
    assert all(b["polarity"] == "benefit" for b in drawn.data["benefits"])
    calc = calculation(drawn)
    # the premise: no benefit's planned value is below 0 in any year (benefits planned to improve)
    assert all(value >= 0 for row in calc.benefits_by_benefit.values() for value in row.values())
    low, likely, high = calc.scenarios
    assert low.npv <= likely.npv + ORE and likely.npv <= high.npv + ORE, (low.npv, likely.npv, high.npv)
    assert low.benefits <= likely.benefits + ORE and likely.benefits <= high.benefits + ORE
    assert low.costs == likely.costs == high.costs  # point costs
    assert likely.npv == calc.npv
    for row in calc.sensitivity:
        assert row.kind == "valuation"
        assert row.low <= row.likely <= row.high, row
        assert row.npv_low <= calc.npv + ORE and calc.npv <= row.npv_high + ORE, row


# -- a scenario is the plan at that value; a sensitivity row the plan with one input moved ----


def close(a: float | None, b: float | None) -> bool:
    """Equal to half an öre, or to 1e-12 of figures in the billions (float sums in another order)."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, abs_tol=ORE / 2, rel_tol=1e-12)


@PROPERTY
@given(ranged_plans())
def test_each_scenario_is_the_plan_with_every_range_at_that_value(drawn: Drawn) -> None:
    calc = calculation(drawn)
    for scenario in calc.scenarios:
        plain = calculation(estimates_at(drawn, scenario.name)).scenarios[1]
        for name in ("benefits", "costs", "npv"):
            assert close(getattr(scenario, name), getattr(plain, name)), (scenario.name, name)
        ratios = (
            scenario.benefit_cost_ratio,
            plain.benefit_cost_ratio,
            scenario.net_benefit_per_krona,
            plain.net_benefit_per_krona,
        )
        assert (ratios[0] is None) == (ratios[1] is None) and (ratios[2] is None) == (ratios[3] is None)
        if ratios[0] is not None and ratios[1] is not None:
            assert math.isclose(ratios[0], ratios[1], rel_tol=1e-12, abs_tol=1e-15), scenario.name
        assert (scenario.band, scenario.payback_year, scenario.discounted_payback_year) == (
            plain.band,
            plain.payback_year,
            plain.discounted_payback_year,
        ), scenario.name


@PROPERTY
@given(ranged_plans())
def test_each_sensitivity_row_is_the_plan_with_that_input_moved(drawn: Drawn) -> None:
    calc = calculation(drawn)
    # one row per ranged input
    rows = {(r.kind, r.id, r.field): r for r in calc.sensitivity}
    assert len(rows) == len(calc.sensitivity)
    assert sorted(rows) == sorted(ranged_inputs(drawn))
    for key, row in rows.items():
        assert all(
            math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
            for a, b in zip((row.low, row.likely, row.high), input_values(drawn, key), strict=True)
        ), key
        assert close(row.npv_low, calculation(estimates_at(drawn, "low", only=key)).npv), key
        assert close(row.npv_high, calculation(estimates_at(drawn, "high", only=key)).npv), key
        assert math.isclose(row.swing, abs(row.npv_high - row.npv_low), rel_tol=1e-12, abs_tol=1e-9)
    # largest swing first; equal swings in the plan's order
    order = ranged_inputs(drawn)
    for first, second in zip(calc.sensitivity, calc.sensitivity[1:]):
        assert first.swing >= second.swing - ORE / 2
        if math.isclose(first.swing, second.swing, rel_tol=0, abs_tol=0):
            names = [(r.kind, r.id, r.field) for r in (first, second)]
            assert order.index(names[0]) < order.index(names[1])


# -- the likely numbers give the likely figures -------------------------------------------------------


@PROPERTY
@given(ranged_plans())
def test_a_plan_with_its_ranges_at_their_likely_numbers_gives_the_same_likely_figures(drawn: Drawn) -> None:
    ranged, plain = calculation(drawn), calculation(likely_numbers(drawn))
    ranged_json, plain_json = calc_json(ranged), calc_json(plain)
    assert {key: plain_json[key] for key in CONTRACT_KEYS} == {key: ranged_json[key] for key in CONTRACT_KEYS}
    # beyond the contract's keys: the same likely scenario, shares, value by recipient, released
    # time and unvalued benefits; only whether it is ranged, the other scenarios and the
    # sensitivity differ (in the Calculation, and in the JSON as far as it shows them)
    differing = ("ranged", "scenarios", "sensitivity")
    for field in fields(plain):
        if field.name not in differing:
            assert getattr(ranged, field.name) == getattr(plain, field.name), field.name
    assert figures(ranged.scenarios[1]) == figures(plain.scenarios[1])
    for key in plain_json:
        if key not in differing:
            assert ranged_json[key] == plain_json[key], key
    if "scenarios" in plain_json:
        assert ranged_json["scenarios"]["likely"] == plain_json["scenarios"]["likely"]
        assert plain_json["scenarios"]["low"] == plain_json["scenarios"]["likely"] == plain_json["scenarios"]["high"]
    # the plan without ranges: three equal scenarios and no sensitivity
    assert plain.ranged is False and plain.sensitivity == ()
    assert [figures(s) for s in plain.scenarios] == [figures(plain.scenarios[1])] * 3


# -- the JSON document ----------------------------------------------------------------------


def numbers(value: Any) -> list[float]:
    """Every float in a JSON-like document."""
    if isinstance(value, dict):
        return [n for item in value.values() for n in numbers(item)]
    if isinstance(value, list):
        return [n for item in value for n in numbers(item)]
    return [value] if isinstance(value, float) else []


@PROPERTY
@given(ranged_plans())
def test_the_json_of_a_ranged_plan_holds_no_nan_infinity_or_negative_zero(drawn: Drawn) -> None:
    document = calc_json(calculation(drawn))
    json.dumps(document, allow_nan=False)  # raises on NaN and infinities
    assert [v for v in numbers(document) if v == 0 and math.copysign(1, v) < 0] == []


# -- value by recipient ----------------------------------------------------------------------


@PROPERTY
@given(ranged_plans())
def test_value_by_recipient_sums_to_the_present_value_of_the_benefits(drawn: Drawn) -> None:
    calc = calculation(drawn)
    total = present_value_of_benefits(calc)
    # half an öre, and for figures of billions the float sums' last digits
    tolerance = {"abs_tol": ORE / 2, "rel_tol": 1e-12}
    assert math.isclose(math.fsum(calc.value_by_stakeholder.values()), total, **tolerance)
    assert math.isclose(math.fsum(calc.value_by_stakeholder_category.values()), total, **tolerance)
    assert math.isclose(calc.scenarios[1].benefits, total, **tolerance)
    stakeholders = {s["id"]: s["category"] for s in drawn.data["stakeholders"]}
    assert set(calc.value_by_stakeholder) <= {*stakeholders, "unassigned"}
    assert set(calc.value_by_stakeholder_category) <= {*stakeholders.values(), "unassigned"}
    # a category's value is the sum of its stakeholders'
    for category in set(stakeholders.values()):
        members = math.fsum(v for k, v in calc.value_by_stakeholder.items() if stakeholders.get(k) == category)
        assert math.isclose(calc.value_by_stakeholder_category.get(category, 0.0), members, **tolerance), category


# -- the plans of the repository and the spec's example ------------------------------------------


def repository_plans() -> list[Path]:
    return sorted(PLANS.glob("*.yaml"))


def plan_calculation(path: Path) -> Calculation:
    doc = load_plan(path, path.name)
    assert doc is not None and doc.plan is not None
    return calculate(doc, AS_OF)


def assert_likely_is_the_plans_figures(calc: Calculation) -> None:
    low, likely, high = calc.scenarios
    assert (low.name, likely.name, high.name) == ("low", "likely", "high")
    assert (likely.npv, likely.benefit_cost_ratio) == (calc.npv, calc.benefit_cost_ratio)
    assert (likely.payback_year, likely.discounted_payback_year) == (calc.payback_year, calc.discounted_payback_year)
    factors = calc.discount_factors
    assert math.isclose(likely.benefits, math.fsum(calc.benefits[y] * factors[y] for y in calc.years), abs_tol=ORE / 2)
    assert math.isclose(likely.costs, math.fsum(calc.costs[y] * factors[y] for y in calc.years), abs_tol=ORE / 2)
    if likely.costs:
        assert likely.net_benefit_per_krona == pytest.approx((likely.benefits - likely.costs) / likely.costs, rel=1e-12)
    if not calc.ranged:
        assert figures(low) == figures(likely) == figures(high)
        assert calc.sensitivity == ()
    assert math.isclose(math.fsum(calc.value_by_stakeholder.values()), likely.benefits, abs_tol=ORE / 2)


@pytest.mark.parametrize("path", repository_plans(), ids=lambda p: p.name)
def test_the_likely_scenario_of_each_plan_is_its_figures(path: Path) -> None:
    assert_likely_is_the_plans_figures(plan_calculation(path))


def test_the_plans_folder_has_plans() -> None:
    assert len(repository_plans()) >= 3


def test_the_spec_example_has_no_ranges_and_three_equal_scenarios() -> None:
    calc = calculate(spec_document(), AS_OF)
    assert calc.ranged is False
    assert_likely_is_the_plans_figures(calc)
    low, likely, high = calc.scenarios
    assert figures(low) == figures(likely) == figures(high)
    assert round(likely.npv) == 135_299  # format §7's example
