"""Metamorphic properties of status (§5) and the nyttokalkyl (§6) over generated valid plans.

No single table of expected figures covers the space of plans, so these tests change a
drawn plan in a way whose effect the contract fixes and compare: measurements after the
as-of date T change nothing at T; a measurement on the baseline date equal to the baseline
changes nothing; scaling ``unit_value`` by k scales every benefit value by k; an empty year
before ``first_year`` leaves both payback years; the JSON documents hold no NaN, infinity
or negative zero; the order of benefits, indicators, costs and measurement rows does not
matter. The plans come from ``generated_plans.plans`` (valid at T, checked below).

The example count is the profile's: ``ci`` (the default, 25 per property, for the suite)
or ``long`` (2 000 per property) chosen with ``NYTTA_PROPERTIES=long``; a number
(``NYTTA_PROPERTIES=500``) sets the count directly. A long local run::

    NYTTA_PROPERTIES=long .venv/bin/pytest tests/compute/test_properties.py --hypothesis-show-statistics
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from generated_plans import DAY, PROPERTY, TEXT_VALUES, Drawn, materialise, plans, profile
from hypothesis import given, settings
from hypothesis import strategies as st

from nytta.check import CheckOptions, check_document
from nytta.compute.calc import calculate
from nytta.compute.status import plan_status
from nytta.diagnostics import Severity
from nytta.load.plan import PlanDocument
from nytta.render.calc_json import calc_json
from nytta.render.status_json import status_json
from nytta.results.calc import Calculation
from nytta.results.status import PlanStatus


def load(drawn: Drawn) -> PlanDocument:
    with tempfile.TemporaryDirectory() as folder:
        return materialise(drawn, Path(folder))


def figures(drawn: Drawn) -> tuple[PlanStatus, Calculation]:
    doc = load(drawn)
    return plan_status(doc, drawn.as_of), calculate(doc, drawn.as_of)


# -- the generator ------------------------------------------------------------------------


@PROPERTY
@given(plans())
def test_generated_plans_pass_check_without_errors(drawn: Drawn) -> None:
    found = check_document(load(drawn), CheckOptions(as_of=drawn.as_of))
    errors = [f"{d.line}:{d.column} {d.rule} {d.message}" for d in found if d.severity is Severity.ERROR]
    assert errors == []


# -- measurements that must not count ------------------------------------------------------


@PROPERTY
@given(plans(), st.data())
def test_measurements_after_the_as_of_date_change_nothing(drawn: Drawn, data: st.DataObject) -> None:
    later = drawn.copy()
    indicators = later.indicators()
    for _ in range(data.draw(st.integers(1, 6))):
        indicator = data.draw(st.sampled_from(indicators))
        day = drawn.as_of + data.draw(st.integers(1, 2000)) * DAY
        value = data.draw(st.one_of(st.integers(-1000, 100_000), st.sampled_from(TEXT_VALUES)))
        row = {"date": day, "value": value} | ({"kind": "forecast"} if data.draw(st.booleans()) else {})
        indicator["measurements"].insert(data.draw(st.integers(0, len(indicator["measurements"]))), row)
    assert figures(later) == figures(drawn)


@PROPERTY
@given(plans())
def test_a_measurement_on_the_baseline_date_equal_to_the_baseline_changes_nothing(drawn: Drawn) -> None:
    recorded = drawn.copy()
    for indicator in recorded.indicators():
        base = indicator["baseline"]
        if not any(m["date"] == base["date"] and "kind" not in m for m in indicator["measurements"]):
            indicator["measurements"].append({"date": base["date"], "value": base["value"]})
    assert figures(recorded) == figures(drawn)


# -- the nyttokalkyl ------------------------------------------------------------------------


@PROPERTY
@given(plans(), st.sampled_from([2, 3, 10, 1000, 0.5, 0.1, 0.001]))
def test_scaling_unit_value_by_k_scales_every_benefit_value_by_k(drawn: Drawn, k: float) -> None:
    scaled = drawn.copy()
    for benefit in scaled.data["benefits"]:
        if "valuation" in benefit:
            benefit["valuation"]["unit_value"] *= k
    before, after = figures(drawn)[1], figures(scaled)[1]
    for ident, row in before.benefits_by_benefit.items():
        for year, value in row.items():
            assert math.isclose(after.benefits_by_benefit[ident][year], k * value, rel_tol=1e-12), (ident, year)
    scale = k * sum(abs(v) for row in before.benefits_by_benefit.values() for v in row.values())
    for year in before.years:
        assert math.isclose(after.benefits[year], k * before.benefits[year], rel_tol=1e-12, abs_tol=1e-12 * scale)
    assert math.isclose(after.realised_to_date, k * before.realised_to_date, rel_tol=1e-12, abs_tol=1e-9 * max(scale, 1))


@PROPERTY
@given(plans())
def test_an_empty_year_before_the_first_year_leaves_the_payback_years(drawn: Drawn) -> None:
    longer = drawn.copy()
    longer.data["calculation"]["first_year"] -= 1
    before, after = figures(drawn)[1], figures(longer)[1]
    added = before.years[0] - 1
    assert (after.benefits[added], after.costs[added]) == (0, 0)  # no flows in the year added
    assert (after.payback_year, after.discounted_payback_year) == (before.payback_year, before.discounted_payback_year)


# -- the JSON documents ------------------------------------------------------------------------


def numbers(value: Any) -> Iterator[float]:
    """Every float in a JSON-like document."""
    if isinstance(value, dict):
        for item in value.values():
            yield from numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from numbers(item)
    elif isinstance(value, float):
        yield value


@PROPERTY
@given(plans())
def test_status_and_calc_json_hold_no_nan_infinity_or_negative_zero(drawn: Drawn) -> None:
    status, calc = figures(drawn)
    for document in (status_json([status], drawn.as_of), calc_json(calc)):
        json.dumps(document, allow_nan=False)  # raises on NaN and infinities
        assert [v for v in numbers(document) if v == 0 and math.copysign(1, v) < 0] == []
        assert '"-0.0"' not in json.dumps(document) and "-0.0," not in json.dumps(document)


# -- order ------------------------------------------------------------------------------------


@PROPERTY
@given(plans(), st.data())
def test_figures_do_not_depend_on_the_order_of_benefits_indicators_costs_and_rows(drawn: Drawn, data: st.DataObject) -> None:
    for benefit in drawn.data["benefits"]:  # the first indicator carries a valuation without a primary one
        if len(benefit["indicators"]) > 1 and not any(i.get("primary") for i in benefit["indicators"]):
            benefit["indicators"][0]["primary"] = True
    shuffled = drawn.copy()
    shuffled.data["benefits"] = data.draw(st.permutations(shuffled.data["benefits"]))
    shuffled.data["costs"] = data.draw(st.permutations(shuffled.data["costs"]))
    for benefit in shuffled.data["benefits"]:
        benefit["indicators"] = data.draw(st.permutations(benefit["indicators"]))
        for indicator in benefit["indicators"]:
            indicator["measurements"] = data.draw(st.permutations(indicator["measurements"]))
    (status, calc), (other, other_calc) = figures(drawn), figures(shuffled)
    assert in_any_order(other_calc) == in_any_order(calc)
    assert other.status is status.status
    assert by_id(other) == by_id(status)


def in_any_order(calc: Calculation) -> Calculation:
    """The calculation with its lists in plan order (unvalued benefits, released time, and
    sensitivity rows of equal swing) sorted by id instead: only the figures must not move."""
    return replace(
        calc,
        unvalued=tuple(sorted(calc.unvalued, key=lambda u: u.benefit)),
        released_time=tuple(sorted(calc.released_time, key=lambda r: r.benefit)),
        sensitivity=tuple(sorted(calc.sensitivity, key=lambda r: (r.kind, r.id, r.field))),
    )


def by_id(status: PlanStatus) -> dict[str, Any]:
    """Each benefit's status and its indicators' statuses by id (a worst-of reason names the
    first of equally bad ones, so reasons of benefits are left out)."""
    return {b.id: (b.status, {i.id: i for i in b.indicators}) for b in status.benefits}


def test_the_profile_is_chosen_by_the_environment() -> None:
    assert PROPERTY.max_examples == profile().max_examples >= 1
    assert settings.get_profile("properties-long").max_examples >= 2000
