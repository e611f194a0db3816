"""The benefit calculation (nyttokalkyl, format §6) and its JSON contract (§7)."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest

from conftest import AS_OF, CALC_KEYS, spec_document
from nytta.compute.calc import MissingCalculation, calculate
from nytta.load.plan import PlanDocument, load_plan
from nytta.render.calc_json import calc_json
from nytta.results.calc import Calculation

D = _dt.date.fromisoformat
CALCULATION = "{base_year: 2025, first_year: 2025, last_year: 2027, discount_rate: 0.03}"
#: A gain of 1 from 2024-01-02 on: with unit value 500 a benefit worth 500 a year.
CONSTANT = {"baseline": "{value: 0, date: 2024-01-01}", "targets": "[{date: 2024-01-02, value: 1}]"}


def benefit(
    ident: str,
    *,
    category: str = "financial",
    polarity: str = "benefit",
    unit_value: float = 500,
    realisation: str | None = None,
    direction: str = "increase",
    extra: str = "",
    **indicator: str,
) -> str:
    """One benefit as a YAML flow mapping, valued, with a single indicator."""
    fields = CONSTANT | indicator
    parts = [f"id: {ident}-i", "name: I", "unit: SEK", f"direction: {direction}"]
    parts += [f"{key}: {value}" for key, value in fields.items()]
    window = f"realisation: {realisation}, " if realisation else ""
    return (
        f"  - {{id: {ident}, name: B, owner: anna, recipients: [s], goals: [g], category: {category}, "
        f"polarity: {polarity}, {window}valuation: {{unit_value: {unit_value}}}, "
        f"indicators: [{{{', '.join(parts)}}}{extra}]}}"
    )


def load_calc(tmp_path: Path, *benefits: str, costs: str = "[]", calculation: str | None = CALCULATION) -> PlanDocument:
    lines = [
        "nytta: 1",
        "plan: {id: p, title: Plan, phase: realise}",
        "people: [{id: anna, name: Anna}]",
        "stakeholders: [{id: s, name: S, category: citizens}]",
        "goals: [{id: g, name: G}]",
        "benefits:" + ("" if benefits else " []"),
        *benefits,
        f"costs: {costs}",
    ]
    if calculation is not None:
        lines.append(f"calculation: {calculation}")
    path = tmp_path / "plan.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None
    assert [d for d in doc.diagnostics if d.rule == "schema"] == [], doc.diagnostics
    return doc


@pytest.fixture(scope="module")
def spec() -> Calculation:
    return calculate(spec_document(), AS_OF)


# -- the example of the format ---------------------------------------------------------


def test_spec_example_gives_the_documented_figures(spec: Calculation) -> None:
    assert spec.years == (2025, 2026, 2027, 2028, 2029)
    assert spec.benefits[2027] == pytest.approx(432_000)
    assert spec.benefits_by_benefit["farre-kompletteringar"][2027] == pytest.approx(576_000)
    assert spec.benefits_by_benefit["mer-administration"][2027] == pytest.approx(-144_000)
    assert "kortare-handlaggning" not in spec.benefits_by_benefit  # a quality benefit without valuation
    assert round(spec.npv) == 135_299
    assert round(spec.benefit_cost_ratio or 0, 3) == 1.104
    assert (spec.payback_year, spec.discounted_payback_year) == (2029, 2029)
    assert round(spec.realised_to_date) == 161_741


def test_spec_example_breakdowns(spec: Calculation) -> None:
    assert spec.benefits_by_category["redeployment"] == spec.benefits
    assert set(spec.benefits_by_category["financial"].values()) == {0.0}
    assert spec.costs_by_kind["investment"][2025] == 850_000
    assert spec.costs_by_kind["running"][2029] == 120_000
    assert spec.costs == {2025: 850_000, 2026: 120_000, 2027: 120_000, 2028: 120_000, 2029: 120_000}
    assert spec.discount_factors[2027] == pytest.approx(1 / 1.03**2)


def test_spec_example_json_contract(spec: Calculation) -> None:
    document = json.loads(json.dumps(calc_json(spec)))
    assert list(document) == CALC_KEYS
    assert (document["plan"], document["currency"], document["discount_rate"], document["base_year"]) == (
        "bygglov-e-tjanst",
        "SEK",
        0.03,
        2025,
    )
    assert document["years"] == [2025, 2026, 2027, 2028, 2029]
    assert document["benefits"]["2027"] == pytest.approx(432_000)
    assert set(document["benefits_by_category"]) == {"financial", "redeployment", "quality", "environment"}
    assert set(document["costs_by_kind"]) == {"investment", "running", "decommissioning"}
    assert document["net"]["2025"] == document["benefits"]["2025"] - 850_000
    assert document["npv"] == spec.npv  # full precision
    assert document["payback_year"] == 2029


def test_rate_override_changes_npv_as_the_formula_says(spec: Calculation) -> None:
    result = calculate(spec_document(), AS_OF, rate=0.05)
    assert result.discount_rate == 0.05
    expected = sum(result.net[y] / 1.05 ** (y - 2025) for y in result.years)
    assert result.npv == pytest.approx(expected)
    assert result.net == spec.net and result.npv < spec.npv
    assert calculate(spec_document(), AS_OF, rate=0.0).npv == pytest.approx(sum(spec.net.values()))


# -- the formula --------------------------------------------------------------------------


def test_without_a_window_the_days_from_the_baseline_count(tmp_path: Path) -> None:
    # planned(t) = days since 2025-01-01, up to 365 on 2026-01-01: the mean over 2025 is 182.
    doc = load_calc(
        tmp_path, benefit("a", unit_value=1, baseline="{value: 0, date: 2025-01-01}", targets="[{date: 2026-01-01, value: 365}]")
    )
    result = calculate(doc, AS_OF)
    assert result.benefits == {2025: pytest.approx(182), 2026: pytest.approx(365), 2027: pytest.approx(365)}


def test_realisation_window_cuts_the_year(tmp_path: Path) -> None:
    doc = load_calc(tmp_path, benefit("a", realisation="{start: 2025-07-01, end: 2026-06-30}"))
    result = calculate(doc, AS_OF)
    assert result.benefits[2025] == pytest.approx(500 * 184 / 365)
    assert result.benefits[2026] == pytest.approx(500 * 181 / 365)
    assert result.benefits[2027] == 0


def test_benefit_outside_the_calculation_years_is_worth_nothing(tmp_path: Path) -> None:
    doc = load_calc(
        tmp_path,
        benefit("a", realisation="{start: 2029-01-01, end: 2030-12-31}"),
        costs="[{id: c, name: C, kind: investment, amounts: {2025: 100}}]",
    )
    result = calculate(doc, AS_OF)
    assert result.benefits == {2025: 0, 2026: 0, 2027: 0}
    assert (result.npv, result.benefit_cost_ratio, result.payback_year) == (-100, 0, None)


def test_leap_year_has_366_days(tmp_path: Path) -> None:
    one_day = 365 * 366
    doc = load_calc(
        tmp_path,
        benefit("leap", unit_value=one_day, realisation="{start: 2024-02-29, end: 2024-02-29}"),
        benefit("plain", unit_value=one_day, realisation="{start: 2025-03-01, end: 2025-03-01}"),
        calculation="{base_year: 2024, first_year: 2024, last_year: 2025, discount_rate: 0.03}",
    )
    result = calculate(doc, AS_OF)
    assert result.benefits_by_benefit["leap"] == {2024: pytest.approx(365), 2025: 0}
    assert result.benefits_by_benefit["plain"] == {2024: 0, 2025: pytest.approx(366)}


def test_disbenefit_comes_out_negative(tmp_path: Path) -> None:
    harm = benefit("harm", polarity="disbenefit", category="redeployment", direction="decrease")
    doc = load_calc(tmp_path, benefit("a", unit_value=800), harm)
    result = calculate(doc, AS_OF)
    assert result.benefits_by_benefit["harm"][2026] == pytest.approx(-500)
    assert result.benefits[2026] == pytest.approx(300)
    assert result.benefits_by_category["redeployment"][2026] == pytest.approx(-500)
    assert result.benefits_by_category["financial"][2026] == pytest.approx(800)


def test_primary_indicator_carries_the_valuation(tmp_path: Path) -> None:
    second = (
        ", {id: a-j, name: J, unit: SEK, direction: increase, primary: true, baseline: {value: 0, "
        "date: 2024-01-01}, targets: [{date: 2024-01-02, value: 3}]}"
    )
    doc = load_calc(tmp_path, benefit("a", extra=second))
    assert calculate(doc, AS_OF).benefits[2026] == pytest.approx(1500)


def test_no_costs_means_no_ratio(tmp_path: Path) -> None:
    result = calculate(load_calc(tmp_path, benefit("a")), AS_OF)
    assert result.costs == {2025: 0, 2026: 0, 2027: 0}
    assert result.benefit_cost_ratio is None
    assert result.npv == pytest.approx(500 * (1 + 1 / 1.03 + 1 / 1.03**2))
    assert (result.payback_year, result.discounted_payback_year) == (2025, 2025)
    assert calc_json(result)["benefit_cost_ratio"] is None


def test_payback_years_undiscounted_and_discounted(tmp_path: Path) -> None:
    costs = "[{id: c, name: C, kind: investment, amounts: {2025: 1000}}, {id: d, name: D, kind: running, amounts: {2030: 5}}]"
    result = calculate(load_calc(tmp_path, benefit("a"), costs=costs), AS_OF)
    assert result.costs == {2025: 1000, 2026: 0, 2027: 0}  # a year outside the calculation is left out
    assert result.net == {2025: pytest.approx(-500), 2026: pytest.approx(500), 2027: pytest.approx(500)}
    # 2026: benefits 1 000 only equal the costs 1 000; payback needs them to exceed the costs
    assert (result.payback_year, result.discounted_payback_year) == (2027, 2027)
    assert result.benefit_cost_ratio == pytest.approx(500 * (1 + 1 / 1.03 + 1 / 1.03**2) / 1000)


def test_base_year_sets_the_discounting(tmp_path: Path) -> None:
    calculation = "{base_year: 2026, first_year: 2025, last_year: 2027, discount_rate: 0.1}"
    result = calculate(load_calc(tmp_path, benefit("a"), calculation=calculation), AS_OF)
    assert result.discount_factors == {2025: pytest.approx(1.1), 2026: 1.0, 2027: pytest.approx(1 / 1.1)}


def test_realised_to_date_follows_the_actual_curve_up_to_the_as_of_date(tmp_path: Path) -> None:
    doc = load_calc(
        tmp_path, benefit("a", measurements="[{date: 2024-01-02, value: 1}, {date: 2026-01-01, value: 3, kind: forecast}]")
    )
    assert calculate(doc, D("2025-12-31")).realised_to_date == pytest.approx(500)
    assert calculate(doc, D("2026-07-01")).realised == {2025: pytest.approx(500), 2026: pytest.approx(500 * 182 / 365), 2027: 0}
    assert calculate(doc, D("2024-06-01")).realised_to_date == 0


def test_realised_to_date_ignores_measurements_after_the_as_of_date(tmp_path: Path) -> None:
    later = "[{date: 2024-01-02, value: 1}, {date: 2026-01-01, value: 3}]"
    doc = load_calc(tmp_path, benefit("a", measurements=later))
    assert calculate(doc, D("2025-12-31")).realised_to_date == pytest.approx(500)


def test_realised_interpolates_between_measurements(tmp_path: Path) -> None:
    doc = load_calc(
        tmp_path,
        benefit(
            "a",
            unit_value=1,
            baseline="{value: 0, date: 2025-01-01}",
            targets="[{date: 2025-01-02, value: 1000}]",
            measurements="[{date: 2025-01-11, value: 10}]",
        ),
    )
    # actual(t) = days since 2025-01-01 for the first 10 days, then 10: 0+1+…+10 + 10 × (days to 2025-01-20)
    assert calculate(doc, D("2025-01-20")).realised[2025] == pytest.approx((55 + 9 * 10) / 365)


def test_non_numeric_values_are_skipped(tmp_path: Path) -> None:
    doc = load_calc(
        tmp_path,
        benefit("text", targets="[{date: 2024-01-02, value: mycket}]"),
        benefit("a", measurements="[{date: 2024-06-01, value: okänt}, {date: 2025-01-01, value: 1}]"),
    )
    result = calculate(doc, D("2025-12-31"))
    assert result.benefits_by_benefit["text"] == {2025: 0, 2026: 0, 2027: 0}
    assert result.benefits[2026] == pytest.approx(500)
    assert result.realised_to_date == pytest.approx(500)


def test_uncategorised_benefit_has_its_own_row(tmp_path: Path) -> None:
    text = benefit("a").replace("category: financial, ", "")
    result = calculate(load_calc(tmp_path, text), AS_OF)
    assert result.benefits_by_category["uncategorised"][2026] == pytest.approx(500)


def test_without_a_calculation_block_a_clear_error(tmp_path: Path) -> None:
    doc = load_calc(tmp_path, benefit("a"), calculation=None)
    with pytest.raises(MissingCalculation, match="no 'calculation' block") as info:
        calculate(doc, AS_OF)
    assert isinstance(info.value, ValueError)


def test_plan_without_benefits_or_costs(tmp_path: Path) -> None:
    result = calculate(load_calc(tmp_path), AS_OF)
    # nothing exceeds nothing: no payback year ("aldrig")
    assert (result.npv, result.benefit_cost_ratio, result.payback_year, result.realised_to_date) == (0, None, None, 0)
