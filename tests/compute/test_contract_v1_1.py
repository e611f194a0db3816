"""The format's v1.1 clarifications of §5–6 and the two calculation bugs of issue 15, one
focused test each: a plan written out, an as-of date, and the figures worked out by hand.

Days are counted from the baseline date: with a baseline on 2025-01-01, 2025-02-20 is day
50, 2025-03-01 day 59, 2025-03-02 day 60 and 2025-04-11 day 100.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from pathlib import Path

import pytest

from conftest import run_check
from nytta.compute.calc import calculate, payback_year
from nytta.compute.status import plan_status
from nytta.diagnostics import Severity
from nytta.load.plan import PlanDocument, load_plan
from nytta.render.calc_json import calc_json
from nytta.render.status_json import status_json
from nytta.results.status import IndicatorStatus, Status

D = _dt.date.fromisoformat
ROOT = Path(__file__).resolve().parents[2]

HEADER = """\
nytta: 1
plan:
  id: p
  title: Plan
  phase: realise
  change_owner: karin
  approvals: [{by: karin, role: change_owner, date: 2020-01-01}]
people: [{id: anna, name: Anna}, {id: karin, name: Karin}]
stakeholders: [{id: s, name: S, category: citizens}]
goals: [{id: g, name: G}]
"""


def benefit(indicator: str, *, extra: str = "", ident: str = "b") -> str:
    """A benefit (owner, recipient, goal) with the keys ``extra`` and one indicator, ``id:
    <ident>-i`` with name, unit, method, source and measurer, and the keys ``indicator``."""
    lines = [f"  - id: {ident}", "    name: B", "    owner: anna", "    recipients: [s]", "    goals: [g]"]
    lines += [f"    {line}" for line in extra.splitlines()]
    lines += ["    indicators:", f"      - id: {ident}-i", "        name: I", "        unit: h"]
    lines += ["        method: M", "        source: S", "        measured_by: anna"]
    return "\n".join(lines + [f"        {line}" for line in indicator.strip().splitlines()])


def load(tmp_path: Path, *benefits: str, tail: str = "") -> PlanDocument:
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER + "benefits:\n" + "\n".join(benefits) + "\n" + tail, encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None and doc.diagnostics == [], doc and doc.diagnostics
    return doc


def indicator_on(doc: PlanDocument, as_of: str) -> IndicatorStatus:
    return plan_status(doc, D(as_of)).benefits[0].indicators[0]


def positive(value: float | None) -> bool:
    """A number that is not a negative zero (or below zero)."""
    return value is not None and math.copysign(1.0, value) > 0


#: Baseline 100 on 2025-01-01, final target 0 on 2025-04-11 (day 100): planned falls 1 a day.
FALLING = """\
direction: decrease
frequency: monthly
baseline: {value: 100, date: 2025-01-01}
targets: [{date: 2025-04-11, value: 0}]
"""


# -- bug 1: two targets on one date -----------------------------------------------------------


def test_two_targets_on_one_date_are_a_date_order_error_at_the_second(tmp_path: Path) -> None:
    indicator = """\
direction: decrease
frequency: quarterly
baseline: {value: 100, date: 2024-12-31}
targets:
  - {date: 2025-12-31, value: 80}
  - {date: 2025-12-31, value: 50}
"""
    doc = load(tmp_path, benefit(indicator))
    found = [(d.line, d.column, d.severity) for d in run_check(tmp_path / "plan.yaml", D("2025-06-30")) if d.rule == "date-order"]
    assert found == [(29, 20, Severity.ERROR)]  # the second target's date
    assert doc.plan is not None and [t.value for t in doc.plan.benefits[0].indicators[0].targets] == [80, 50]


# -- bug 2: floating-point residue in a year of no change ------------------------------------

#: No change planned in 2022 (a delmål equal to the baseline at its end, realisation from
#: 2022-10-01), then a fall of 10.1 h through 2023; 1 000 kr per hour a year; 20 000 kr of costs
#: in 2023. nytta 1.0 valued 2022 at −6.2e−13 (the cancellation in curve total − baseline ×
#: days), and the payback year came out as 2025 for that residue instead of 2022 (the old
#: rule: the first year with a cumulative net ≥ 0).
ZERO_YEAR = """\
direction: decrease
frequency: yearly
baseline: {value: 20.2, date: 2021-12-31}
targets:
  - {date: 2022-12-31, value: 20.2}
  - {date: 2023-12-31, value: 10.1}
"""
ZERO_YEAR_TAIL = """\
costs: [{id: c, name: C, kind: investment, amounts: {2023: 20000}}]
calculation: {base_year: 2022, first_year: 2022, last_year: 2025, discount_rate: 0.03}
"""


def test_a_year_of_no_planned_change_is_worth_exactly_zero(tmp_path: Path) -> None:
    extra = "category: financial\nrealisation: {start: 2022-10-01}\nvaluation: {unit_value: 1000}"
    result = calculate(load(tmp_path, benefit(ZERO_YEAR, extra=extra), tail=ZERO_YEAR_TAIL), D("2026-11-27"))
    # 2023: the gain grows by 10.1/365 a day, Σ k=1..365 of 10.1·k/365 = 10.1 × 183; mean over 365 days
    assert result.benefits == {2022: 0.0, 2023: 1_848_300 / 365, 2024: 10_100.0, 2025: 10_100.0}
    assert result.benefits[2023] == 5063.835616438356
    assert positive(result.benefits[2022]) and positive(result.net[2022])


def test_payback_is_the_first_year_benefits_exceed_costs_not_a_residue(tmp_path: Path) -> None:
    extra = "category: financial\nrealisation: {start: 2022-10-01}\nvaluation: {unit_value: 1000}"
    result = calculate(load(tmp_path, benefit(ZERO_YEAR, extra=extra), tail=ZERO_YEAR_TAIL), D("2026-11-27"))
    # cumulative benefits 0 / 5 063.84 / 15 163.84 / 25 263.84 against costs 0 / 20 000 / 20 000 / 20 000
    assert result.payback_year == 2025
    # discounted to 2022 at 3 %: 0 / 4 916.35 / 14 436.57 / 23 679.50 against 0 / 19 417.48 (from 2023 on)
    assert result.discounted_payback_year == 2025


@pytest.mark.parametrize(
    ("gains", "costs", "year"),
    [
        ({2022: -6.229415765568001e-13, 2023: 1.0}, {2022: 0.0, 2023: 0.0}, 2023),  # the residue of bug 2
        ({2022: 6.2e-13, 2023: 1.0}, {2022: 0.0, 2023: 0.0}, 2023),  # a residue the other way: still not 2022
        ({2022: 0.1, 2023: 0.2}, {2022: 0.3, 2023: 0.0}, None),  # 0.1 + 0.2 = 0.30000000000000004 is 0.30 kr
        ({2022: 1000.0, 2023: 0.0}, {2022: 1000.0, 2023: 0.0}, None),  # equal is not exceeding
        ({2022: 1000.004, 2023: 0.0}, {2022: 1000.0, 2023: 0.0}, None),  # 1 000.00 kr both, rounded to öre
        ({2022: 1000.006, 2023: 0.0}, {2022: 1000.0, 2023: 0.0}, 2022),  # 1 000.01 kr exceeds 1 000.00 kr
        ({2022: 0.0, 2023: 0.0}, {2022: 0.0, 2023: 0.0}, None),  # nothing at all: never ("aldrig")
    ],
)
def test_payback_compares_cumulative_sums_rounded_to_whole_ore(
    gains: dict[int, float], costs: dict[int, float], year: int | None
) -> None:
    assert payback_year([2022, 2023], gains, costs) == year


def test_discounted_payback_likewise_needs_discounted_benefits_to_exceed_costs(tmp_path: Path) -> None:
    # 500 kr a year from 2024-01-02 on, 1 000 kr of costs in 2025, no discounting: the sums are
    # equal in 2026 (1 000 = 1 000) and exceed in 2027 (1 500 > 1 000), discounted or not
    indicator = (
        "direction: increase\nfrequency: yearly\nbaseline: {value: 0, date: 2024-01-01}\ntargets: [{date: 2024-01-02, value: 1}]"
    )
    tail = "costs: [{id: c, name: C, kind: investment, amounts: {2025: 1000}}]\n"
    tail += "calculation: {base_year: 2025, first_year: 2025, last_year: 2027, discount_rate: 0}\n"
    doc = load(tmp_path, benefit(indicator, extra="category: financial\nvaluation: {unit_value: 500}"), tail=tail)
    result = calculate(doc, D("2026-11-27"))
    assert result.benefits == {2025: 500.0, 2026: 500.0, 2027: 500.0}
    assert (result.payback_year, result.discounted_payback_year) == (2027, 2027)


def test_a_measurement_equal_to_the_baseline_of_a_decrease_indicator_gives_no_negative_zero(tmp_path: Path) -> None:
    indicator = ZERO_YEAR + "measurements: [{date: 2022-06-30, value: 20.2}]"
    doc = load(tmp_path, benefit(indicator, extra="realisation: {start: 2022-10-01}"))
    result = indicator_on(doc, "2022-07-15")
    # planned 20.2 (before the realisation start), E = −1 × 0, A = −1 × 0: nytta 1.0 printed progress −0.0
    assert (result.planned, result.planned_gain, result.actual_gain, result.progress) == (20.2, 0.0, 0.0, 0.0)
    assert all(positive(v) for v in (result.planned_gain, result.actual_gain, result.progress))
    assert result.status is Status.ON_TRACK
    text = json.dumps(status_json([plan_status(doc, D("2022-07-15"))], D("2022-07-15")))
    assert '"progress": 0.0' in text and "-0.0" not in text


# -- §5: actual measurements are those after the baseline date ---------------------------------


def test_a_measurement_on_the_baseline_date_is_not_the_latest(tmp_path: Path) -> None:
    doc = load(tmp_path, benefit(FALLING + "measurements: [{date: 2025-01-01, value: 100}]"))
    result = indicator_on(doc, "2025-01-15")
    assert result.latest is None and result.planned is None
    assert result.status is Status.NOT_STARTED  # no actual measurement; the first target 2025-04-11 is ahead
    assert result.next_due == D("2025-02-01")  # the baseline date plus a month
    assert indicator_on(doc, "2025-04-12").status is Status.NO_DATA


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        ("[{date: 2025-01-01, value: 100}]", []),  # the baseline's own record
        ("[{date: 2025-01-01, value: 99}]", [(28, 31)]),  # on the baseline date, another value
        ("[{date: 2024-12-31, value: 100}]", [(28, 31)]),  # before the baseline date
    ],
)
def test_measurement_before_baseline_flags_a_baseline_date_with_another_value(
    tmp_path: Path, rows: str, found: list[tuple[int, int]]
) -> None:
    load(tmp_path, benefit(FALLING + f"measurements: {rows}"))
    findings = [d for d in run_check(tmp_path / "plan.yaml", D("2025-01-15")) if d.rule == "measurement-before-baseline"]
    assert [(d.line, d.column, d.severity) for d in findings] == [(*at, Severity.WARNING) for at in found]


def test_a_measurement_before_the_baseline_is_neither_latest_nor_in_the_forecast(tmp_path: Path) -> None:
    rows = "measurements: [{date: 2024-12-01, value: 500}, {date: 2025-02-20, value: 50}, {date: 2025-03-02, value: 40}]"
    result = indicator_on(load(tmp_path, benefit(FALLING + rows)), "2025-03-05")
    assert result.latest is not None and (result.latest.date, result.latest.value) == (D("2025-03-02"), 40)
    # (day 0, 100), (50, 50), (60, 40) lie on y = 100 − x: on day 100 the forecast is 0, the target
    assert result.forecast == pytest.approx(0, abs=1e-9)
    assert result.forecast_meets_target is True


def test_the_forecast_needs_two_actual_measurements(tmp_path: Path) -> None:
    one_after = "measurements: [{date: 2025-01-01, value: 100}, {date: 2025-02-20, value: 50}]"
    assert indicator_on(load(tmp_path, benefit(FALLING + one_after)), "2025-03-05").forecast is None
    two_after = "measurements: [{date: 2025-02-20, value: 50}, {date: 2025-03-02, value: 40}]"
    assert indicator_on(load(tmp_path, benefit(FALLING + two_after)), "2025-03-05").forecast == pytest.approx(0, abs=1e-9)


def test_the_actual_curve_ignores_measurements_on_and_before_the_baseline_date(tmp_path: Path) -> None:
    indicator = """\
direction: increase
frequency: yearly
baseline: {value: 0, date: 2024-01-01}
targets: [{date: 2024-01-02, value: 1}]
measurements: [{date: 2023-12-01, value: 5}, {date: 2024-01-01, value: 0}]
"""
    tail = "calculation: {base_year: 2025, first_year: 2025, last_year: 2026, discount_rate: 0.03}\n"
    doc = load(tmp_path, benefit(indicator, extra="category: financial\nvaluation: {unit_value: 500}"), tail=tail)
    result = calculate(doc, D("2025-12-31"))
    assert result.benefits == {2025: 500.0, 2026: 500.0}  # planned: a gain of 1 all year
    assert result.realised == {2025: 0.0, 2026: 0.0}  # actual: the baseline held, nothing measured after it


def test_next_due_counts_from_the_baseline_not_a_measurement_before_it(tmp_path: Path) -> None:
    indicator = """\
direction: decrease
frequency: monthly
baseline: {value: 100, date: 2025-01-31}
targets: [{date: 2025-12-31, value: 50}]
measurements: [{date: 2024-12-31, value: 104}]
"""
    result = indicator_on(load(tmp_path, benefit(indicator)), "2025-02-10")
    assert (result.latest, result.next_due, result.overdue) == (None, D("2025-02-28"), False)


# -- §5.1: the realisation start in the planned curve ----------------------------------------------

MEASURED = "measurements: [{date: 2025-03-01, value: 60}]"


def test_a_realisation_start_between_the_baseline_and_the_first_target_holds_the_baseline(tmp_path: Path) -> None:
    doc = load(tmp_path, benefit(FALLING + MEASURED, extra="realisation: {start: 2025-02-01}"))
    result = indicator_on(doc, "2025-03-05")
    # (day 31, 100) to (day 100, 0): on day 59, 100 − 100 × 28/69 = 4 100/69
    assert result.planned == pytest.approx(4100 / 69) and round(result.planned or 0, 4) == 59.4203
    assert result.planned_gain == pytest.approx(2800 / 69)
    assert result.achievement == pytest.approx(40 * 69 / 2800) and round(result.achievement or 0, 4) == 0.9857
    assert result.progress == pytest.approx(0.4)
    assert result.status is Status.ON_TRACK


@pytest.mark.parametrize("start", ["2025-04-11", "2025-05-01", "2024-12-01", "2025-01-01"])
def test_a_realisation_start_outside_the_baseline_and_the_first_target_is_not_used(tmp_path: Path, start: str) -> None:
    doc = load(tmp_path, benefit(FALLING + MEASURED, extra=f"realisation: {{start: {start}}}"))
    result = indicator_on(doc, "2025-03-05")
    # (day 0, 100) to (day 100, 0): planned 41 on day 59; gains 59 planned, 40 actual
    assert (result.planned, result.planned_gain, result.actual_gain) == (41, 59, 40)
    assert result.achievement == pytest.approx(40 / 59) and round(result.achievement or 0, 4) == 0.678
    assert result.status is Status.OFF_TRACK


@pytest.mark.parametrize(("start", "found"), [("2025-04-11", [(28, 26)]), ("2025-05-01", [(28, 26)]), ("2025-04-10", [])])
def test_a_target_on_or_before_the_realisation_start_is_a_date_order_warning(
    tmp_path: Path, start: str, found: list[tuple[int, int]]
) -> None:
    load(tmp_path, benefit(FALLING + MEASURED, extra=f"realisation: {{start: {start}}}"))
    findings = [d for d in run_check(tmp_path / "plan.yaml", D("2025-03-05")) if d.rule == "date-order"]
    assert [(d.line, d.column) for d in findings] == found
    assert {d.severity for d in findings} <= {Severity.WARNING}


# -- §5.3: qualitative ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "indicator",
    [
        "direction: increase\nkind: qualitative\nfrequency: yearly",  # no values at all, no target
        "direction: increase\nkind: qualitative\nfrequency: yearly\nbaseline: {value: 3, date: 2025-01-01}",  # no target
        "direction: increase\nkind: qualitative\nfrequency: yearly\nbaseline: {value: låg, date: 2025-01-01}\n"
        "targets: [{date: 2025-12-31, value: hög}]\nmeasurements: [{date: 2025-06-30, value: medel}]",
        "direction: increase\nkind: qualitative\nfrequency: yearly\nbaseline: {value: 3, date: 2025-01-01}\n"
        "targets: [{date: 2025-12-31, value: 4}]\nmeasurements: [{date: 2025-06-30, value: 2}]",  # numbers, going down
    ],
)
def test_an_indicator_of_kind_qualitative_is_qualitative_whatever_it_lacks(tmp_path: Path, indicator: str) -> None:
    status = plan_status(load(tmp_path, benefit(indicator)), D("2025-09-30"))
    result = status.benefits[0].indicators[0]
    assert result.status is Status.QUALITATIVE
    assert (result.planned, result.achievement, result.progress, result.forecast) == (None, None, None, None)
    # the benefit's only indicator and the plan's only benefit are qualitative, so are they
    assert (status.benefits[0].status, status.status) == (Status.QUALITATIVE, Status.QUALITATIVE)


def test_a_qualitative_indicator_leaves_the_benefit_to_its_quantitative_one(tmp_path: Path) -> None:
    quantitative = benefit(FALLING + MEASURED, ident="q")
    judged = "direction: increase\nkind: qualitative\nfrequency: yearly\nbaseline: {value: 3, date: 2025-01-01}"
    status = plan_status(load(tmp_path, quantitative, benefit(judged, ident="k")), D("2025-03-05"))
    assert [b.status for b in status.benefits] == [Status.OFF_TRACK, Status.QUALITATIVE]
    assert status.status is Status.OFF_TRACK


# -- §5.5: next due and its grace -------------------------------------------------------------------


def test_without_a_baseline_and_measurements_nothing_is_due(tmp_path: Path) -> None:
    indicator = "direction: increase\nfrequency: monthly\ntargets: [{date: 2025-12-31, value: 5}]"
    result = indicator_on(load(tmp_path, benefit(indicator)), "2026-06-30")
    assert (result.status, result.next_due, result.overdue) == (Status.NO_BASELINE, None, False)


FOLLOWED_UP = """\
direction: decrease
frequency: monthly
follow_up_dates: [2025-03-31]
baseline: {value: 100, date: 2025-01-01}
targets: [{date: 2025-12-31, value: 50}]
"""


@pytest.mark.parametrize(("as_of", "overdue"), [("2025-04-30", False), ("2025-05-01", True)])
def test_a_follow_up_date_has_thirty_days_grace_whatever_the_frequency(tmp_path: Path, as_of: str, overdue: bool) -> None:
    result = indicator_on(load(tmp_path, benefit(FOLLOWED_UP)), as_of)
    assert (result.next_due, result.overdue) == (D("2025-03-31"), overdue)


@pytest.mark.parametrize(("as_of", "overdue"), [("2025-05-17", False), ("2025-05-18", True)])
def test_after_the_follow_up_dates_the_frequency_and_its_grace_take_over(tmp_path: Path, as_of: str, overdue: bool) -> None:
    # every follow-up date has a measurement on or after it: a month after 2025-04-10, 7 days' grace
    doc = load(tmp_path, benefit(FOLLOWED_UP + "measurements: [{date: 2025-04-10, value: 90}]"))
    result = indicator_on(doc, as_of)
    assert (result.next_due, result.overdue) == (D("2025-05-10"), overdue)


def test_after_the_follow_up_dates_without_a_frequency_nothing_is_due(tmp_path: Path) -> None:
    indicator = FOLLOWED_UP.replace("frequency: monthly\n", "") + "measurements: [{date: 2025-04-10, value: 90}]"
    result = indicator_on(load(tmp_path, benefit(indicator)), "2026-06-30")
    assert (result.next_due, result.overdue) == (None, False)


# -- §6: a maintain indicator's valuation, the breakdown by category --------------------------------


def test_a_valuation_on_a_maintain_indicator_is_worth_zero(tmp_path: Path) -> None:
    indicator = """\
direction: maintain
tolerance: 5
frequency: yearly
baseline: {value: 10, date: 2024-12-31}
targets: [{date: 2025-06-30, value: 12}]
measurements: [{date: 2025-06-30, value: 4}]
"""
    tail = "calculation: {base_year: 2025, first_year: 2025, last_year: 2026, discount_rate: 0.03}\n"
    doc = load(tmp_path, benefit(indicator, extra="category: financial\nvaluation: {unit_value: 1000}"), tail=tail)
    result = calculate(doc, D("2026-11-27"))
    # without the rule: +2 planned from mid-2025 (increase) or −2 (decrease); a maintain gain is none
    assert result.benefits_by_benefit == {"b": {2025: 0.0, 2026: 0.0}}
    assert result.realised == {2025: 0.0, 2026: 0.0} and result.realised_to_date == 0.0
    figures = [*result.benefits_by_benefit["b"].values(), *result.realised.values(), result.npv, result.realised_to_date]
    assert figures == [0.0] * 6 and all(positive(v) for v in figures)  # zeros, none of them −0.0


def test_a_maintain_tolerance_is_compared_as_the_plan_writes_the_numbers(tmp_path: Path) -> None:
    # |8.71 − 3| = 5.71 is within ±5.71; in floats 8.71 − 3 is 5.710000000000001
    indicator = """\
direction: maintain
tolerance: 5.71
frequency: yearly
baseline: {value: 3, date: 2024-12-31}
targets: [{date: 2025-12-31, value: 3}]
measurements: [{date: 2025-06-30, value: 8.71}]
"""
    result = indicator_on(load(tmp_path, benefit(indicator)), "2025-07-01")
    assert result.status is Status.ON_TRACK
    assert result.reason == "8.71 h at 2025-06-30 vs baseline 3: difference 5.71, within the tolerance ±5.71"


def test_a_valued_benefit_without_a_category_is_reported_as_uncategorised(tmp_path: Path) -> None:
    indicator = (
        "direction: increase\nfrequency: yearly\nbaseline: {value: 0, date: 2024-01-01}\ntargets: [{date: 2024-01-02, value: 1}]"
    )
    tail = "calculation: {base_year: 2025, first_year: 2025, last_year: 2026, discount_rate: 0.03}\n"
    valued = benefit(indicator, extra="valuation: {unit_value: 500}", ident="a")
    financial = benefit(indicator, extra="category: financial\nvaluation: {unit_value: 200}", ident="f")
    document = calc_json(calculate(load(tmp_path, valued, financial, tail=tail), D("2026-11-27")))
    assert document["benefits_by_category"] == {
        "financial": {"2025": 200.0, "2026": 200.0},
        "redeployment": {"2025": 0.0, "2026": 0.0},
        "quality": {"2025": 0.0, "2026": 0.0},
        "environment": {"2025": 0.0, "2026": 0.0},
        "uncategorised": {"2025": 500.0, "2026": 500.0},
    }
    without = calc_json(calculate(load(tmp_path, financial, tail=tail), D("2026-11-27")))
    assert list(without["benefits_by_category"]) == ["financial", "redeployment", "quality", "environment"]
    assert "`uncategorised`" in (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
