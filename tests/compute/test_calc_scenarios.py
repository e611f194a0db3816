"""The nyttokalkyl of issue 16 worked out by hand on small plans: the three scenarios (lägst,
troligt, högst), a sensitivity row and the order of the rows, the value by recipient,
released time in hours and full-time equivalents (årsarbetare), unvalued benefits, and the
bands of net benefit per invested krona at their edges.

The planned curves are steps, so that each year's mean planned gain G_y (format §6) is a
whole number: a baseline on the last day of a year and a target on the next day make the
gain the full step from that day on, and two targets on the last and first day of a year
make the next step start with the year.

Money is compared with ``pytest.approx(abs=0.005)``: the code sums its floats in another order
than the expressions here, which can differ in the last bits (far below an öre), and half an
öre is the precision a money figure is read to. Ratios and shares are compared with
``rel=1e-12`` for the same reason. Years and bands are compared exactly.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from conftest import AS_OF
from nytta.compute.calc import calculate
from nytta.load.plan import PlanDocument, load_plan
from nytta.render.calc_json import calc_json
from nytta.results.calc import UNASSIGNED, Calculation, Scenario, Unvalued

#: Half an öre: the code and these expressions sum floats in different orders.
ORE = 0.005

#: The discount factors at 3 % with base year 2025: DF_y = 1 / 1.03^(y − 2025).
DF = {2025: 1.0, 2026: 1 / 1.03, 2027: 1 / 1.03**2}  # 1, 0.970873786…, 0.942595909…


def money(value: float) -> object:
    return pytest.approx(value, abs=ORE)


def ratio(value: float) -> object:
    return pytest.approx(value, rel=1e-12)


def load(tmp_path: Path, text: str) -> PlanDocument:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None, doc and doc.diagnostics
    assert [d for d in doc.diagnostics if d.rule == "schema"] == [], doc.diagnostics
    return doc


# -- the plan ------------------------------------------------------------------------------

#: Two valued benefits, two unvalued ones and three costs over 2025–2027 at 3 %.
#:
#: ``avtal`` (financial): gain 1 from 2025-01-01 on, so G = 1 in 2025, 2026 and 2027; valued at
#: 50 000 × 1 × attribution {0.3, 0.8, 1}: 15 000 / 40 000 / 50 000 a year. No recipients.
#:
#: ``timmar`` (redeployment, hours a year): 1 000 h on 2025-12-31, 800 h through 2026, 600 h from
#: 2027-01-01: G_2025 = 0 (only the baseline day counts, with gain 0), G_2026 = 200, G_2027 =
#: 400; valued at unit value {400, 500, 1 000} × attribution 0.8 = 320 / 400 / 800 kr per hour:
#: low 64 000 and 128 000, likely 80 000 and 160 000, high 160 000 and 320 000 in 2026 and 2027.
#:
#: Costs: utveckling 190 000 in 2025; licens 20 000 in 2025 and {15 000, 20 000, 30 000} in 2026
#: and 2027 (the Swedish keys in 2027); utbildning 10 000 in 2026.
PLAN = """\
nytta: 1
plan: {id: kalkyl, title: Kalkyl, phase: plan}
people: [{id: anna, name: Anna}]
stakeholders:
  - {id: handlaggare, name: Handläggare, category: own_organisation}
  - {id: medborgare, name: Medborgare, category: citizens}
  - {id: foretag, name: Företag, category: businesses}
goals: [{id: g, name: G}]
benefits:
  - id: avtal
    name: Avslutat avtal
    owner: anna
    goals: [g]
    category: financial
    valuation: {unit_value: 50000, attribution: {low: 0.3, likely: 0.8, high: 1}}
    indicators:
      - id: avtal-i
        name: Avslutade avtal
        unit: st
        direction: increase
        baseline: {value: 0, date: 2024-12-31}
        targets: [{date: 2025-01-01, value: 1}]
  - id: timmar
    name: Färre handläggningstimmar
    owner: anna
    recipients: [{stakeholder: handlaggare, share: 0.6}, medborgare, foretag]
    goals: [g]
    category: redeployment
    alternative_use: Rådgivning
    valuation: {unit_value: {low: 400, likely: 500, high: 1000}, attribution: 0.8}
    indicators:
      - id: timmar-i
        name: Handläggningstimmar per år
        unit: timmar
        direction: decrease
        baseline: {value: 1000, date: 2025-12-31}
        targets:
          - {date: 2026-01-01, value: 800}
          - {date: 2026-12-31, value: 800}
          - {date: 2027-01-01, value: 600}
  - id: nojdhet
    name: Nöjdare sökande
    owner: anna
    recipients: [medborgare]
    goals: [g]
    category: quality
    size: stor
    indicators: [{id: nojdhet-i, name: NKI, unit: index, direction: increase}]
  - id: papper
    name: Mindre papper
    owner: anna
    recipients: [medborgare]
    goals: [g]
    category: environment
    indicators: [{id: papper-i, name: Ark, unit: st, direction: decrease}]
costs:
  - {id: utveckling, name: Utveckling, kind: investment, amounts: {2025: 190000}}
  - id: licens
    name: Licens
    kind: running
    amounts:
      2025: 20000
      2026: {low: 15000, likely: 20000, high: 30000}
      2027: {lägst: 15000, troligt: 20000, högst: 30000}
  - {id: utbildning, name: Utbildning, kind: investment, amounts: {2026: 10000}}
calculation:
  base_year: 2025
  first_year: 2025
  last_year: 2027
  discount_rate: 0.03
  rate_source: Ineras standardränta
"""

#: The same plan with each range replaced by its likely number.
RANGES = {
    "{low: 0.3, likely: 0.8, high: 1}": "0.8",
    "{low: 400, likely: 500, high: 1000}": "500",
    "{low: 15000, likely: 20000, high: 30000}": "20000",
    "{lägst: 15000, troligt: 20000, högst: 30000}": "20000",
}


def likely_only(text: str) -> str:
    for written, likely in RANGES.items():
        assert written in text
        text = text.replace(written, likely)
    return text


@pytest.fixture
def calc(tmp_path: Path) -> Calculation:
    return calculate(load(tmp_path, PLAN), AS_OF)


# -- the three scenarios ---------------------------------------------------------------------

# Benefits per year (avtal + timmar):
#   low     15 000 | 15 000 +  64 000 =  79 000 | 15 000 + 128 000 = 143 000
#   likely  40 000 | 40 000 +  80 000 = 120 000 | 40 000 + 160 000 = 200 000
#   high    50 000 | 50 000 + 160 000 = 210 000 | 50 000 + 320 000 = 370 000
# Costs per year (utveckling + licens + utbildning):
#   low    210 000 | 15 000 + 10 000 = 25 000 | 15 000
#   likely 210 000 | 20 000 + 10 000 = 30 000 | 20 000
#   high   210 000 | 30 000 + 10 000 = 40 000 | 30 000
BENEFITS = {"low": (15_000, 79_000, 143_000), "likely": (40_000, 120_000, 200_000), "high": (50_000, 210_000, 370_000)}
COSTS = {"low": (210_000, 25_000, 15_000), "likely": (210_000, 30_000, 20_000), "high": (210_000, 40_000, 30_000)}


def present_value(flows: tuple[int, int, int]) -> float:
    return flows[0] * DF[2025] + flows[1] * DF[2026] + flows[2] * DF[2027]


def test_the_yearly_likely_figures_are_the_hand_computed_ones(calc: Calculation) -> None:
    assert calc.benefits_by_benefit["avtal"] == {2025: money(40_000), 2026: money(40_000), 2027: money(40_000)}
    assert calc.benefits_by_benefit["timmar"] == {2025: 0, 2026: money(80_000), 2027: money(160_000)}
    assert calc.benefits == dict(zip((2025, 2026, 2027), map(money, BENEFITS["likely"]), strict=True))
    assert calc.costs == {2025: 210_000, 2026: 30_000, 2027: 20_000}
    assert calc.ranged is True
    assert calc.rate_source == "Ineras standardränta"


def test_the_three_scenarios(calc: Calculation) -> None:
    low, likely, high = calc.scenarios
    assert (low.name, likely.name, high.name) == ("low", "likely", "high")
    assert calc.likely is likely

    # low: benefits 15 000 + 79 000/1.03 + 143 000/1.03² = 15 000 + 76 699.029 + 134 791.215 = 226 490.244
    #      costs 210 000 + 25 000/1.03 + 15 000/1.03² = 210 000 + 24 271.84 + 14 138.94 = 248 410.78
    #      NPV −21 920.54; per krona −21 920.54 / 248 410.78 = −0.0882: negative
    #      cumulative 15 000 / 94 000 / 237 000 against 210 000 / 235 000 / 250 000: never (aldrig)
    assert low.benefits == money(226_490.2441)
    assert low.costs == money(248_410.7833)
    assert low.npv == money(-21_920.5392)
    # likely: benefits 40 000 + 116 504.85 + 188 519.18 = 345 024.04
    #         costs 210 000 + 29 126.21 + 18 851.92 = 257 978.13
    #         NPV 87 045.90; per krona 87 045.90 / 257 978.13 = 0.3374: low (above 0, below 0.5)
    #         cumulative 40 000 / 160 000 / 360 000 against 210 000 / 240 000 / 260 000: 2027;
    #         discounted 40 000 / 156 504.85 / 345 024.04 against 210 000 / 239 126.21 / 257 978.13: 2027
    assert likely.benefits == money(345_024.0362)
    assert likely.costs == money(257_978.1318)
    assert likely.npv == money(87_045.9044)
    # high: benefits 50 000 + 203 883.50 + 348 760.49 = 602 643.98
    #       costs 210 000 + 38 834.95 + 28 277.88 = 277 112.83
    #       NPV 325 531.15; per krona 325 531.15 / 277 112.83 = 1.1747: high (0.5 or more)
    #       cumulative 50 000 / 260 000 against 210 000 / 250 000: 2026;
    #       discounted 50 000 / 253 883.50 against 210 000 / 248 834.95: 2026
    assert high.benefits == money(602_643.9815)
    assert high.costs == money(277_112.8287)
    assert high.npv == money(325_531.1528)

    for scenario in calc.scenarios:
        benefits, costs = present_value(BENEFITS[scenario.name]), present_value(COSTS[scenario.name])
        assert scenario.benefits == money(benefits), scenario.name
        assert scenario.costs == money(costs), scenario.name
        assert scenario.npv == money(benefits - costs), scenario.name
        assert scenario.benefit_cost_ratio == ratio(benefits / costs), scenario.name
        assert scenario.net_benefit_per_krona == ratio((benefits - costs) / costs), scenario.name

    assert [round(s.net_benefit_per_krona or 0, 4) for s in calc.scenarios] == [-0.0882, 0.3374, 1.1747]
    assert [s.band for s in calc.scenarios] == ["negative", "low", "high"]
    assert [s.payback_year for s in calc.scenarios] == [None, 2027, 2026]
    assert [s.discounted_payback_year for s in calc.scenarios] == [None, 2027, 2026]


def test_the_likely_scenario_is_the_plans_figures(calc: Calculation) -> None:
    likely = calc.scenarios[1]
    assert (likely.npv, likely.benefit_cost_ratio) == (calc.npv, calc.benefit_cost_ratio)
    assert (likely.payback_year, likely.discounted_payback_year) == (calc.payback_year, calc.discounted_payback_year)
    assert calc.npv == money(87_045.9044)


# -- sensitivity --------------------------------------------------------------------------------


def test_one_sensitivity_row_by_hand(calc: Calculation) -> None:
    row = next(r for r in calc.sensitivity if r.id == "avtal")
    assert (row.kind, row.name, row.field) == ("valuation", "Avslutat avtal", "attribution")
    assert (row.low, row.likely, row.high) == (0.3, 0.8, 1.0)
    # Each 0.1 of attribution is worth 5 000 kr a year in each of the three years, whose
    # discount factors sum to 1 + 1/1.03 + 1/1.03² = 2.913470: 14 567.35 kr of present value.
    # At 0.3 avtal loses 0.5 × 50 000 × 2.913470 = 72 836.74 kr: 87 045.90 − 72 836.74 = 14 209.16.
    # At 1.0 it gains 0.2 × 50 000 × 2.913470 = 29 134.70 kr: 87 045.90 + 29 134.70 = 116 180.60.
    annuity = DF[2025] + DF[2026] + DF[2027]
    assert row.npv_low == money(87_045.9044 - 0.5 * 50_000 * annuity)
    assert row.npv_high == money(87_045.9044 + 0.2 * 50_000 * annuity)
    assert row.npv_low == money(14_209.1620)
    assert row.npv_high == money(116_180.6014)
    assert row.swing == money(101_971.4393)


def test_sensitivity_rows_are_ordered_by_swing(calc: Calculation) -> None:
    rows = {(r.kind, r.id, r.field): r for r in calc.sensitivity}
    # timmar's unit value, 400 / 500 / 1 000, moves 0.8 × (200/1.03 + 400/1.03²) = 0.8 × 571.213121
    # = 456.970497 kr of present value per krona of unit value:
    #   npv_low = 87 045.90 − 100 × 456.970497 = 41 348.85, npv_high = 87 045.90 + 500 × 456.970497
    #   = 315 531.15, swing 274 182.30.
    timmar = rows[("valuation", "timmar", "unit_value")]
    per_krona = 0.8 * (200 * DF[2026] + 400 * DF[2027])
    assert (timmar.low, timmar.likely, timmar.high) == (400, 500, 1000)
    assert (timmar.npv_low, timmar.npv_high) == (money(87_045.9044 - 100 * per_krona), money(87_045.9044 + 500 * per_krona))
    # The licence's amounts are summed over the years: 20 000 + 15 000 + 15 000 = 50 000, 60 000,
    # 20 000 + 30 000 + 30 000 = 80 000. Its ranged years weigh 1/1.03 + 1/1.03² = 1.913470:
    #   npv_low = 87 045.90 + 5 000 × 1.913470 = 96 613.25, npv_high = 87 045.90 − 10 000 × 1.913470
    #   = 67 911.21, swing 28 702.05.
    licens = rows[("cost", "licens", "amounts")]
    assert (licens.name, licens.low, licens.likely, licens.high) == ("Licens", 50_000, 60_000, 80_000)
    weight = DF[2026] + DF[2027]
    assert (licens.npv_low, licens.npv_high) == (money(87_045.9044 + 5_000 * weight), money(87_045.9044 - 10_000 * weight))
    # Swings 274 182.30 (timmar) > 101 971.44 (avtal) > 28 702.05 (licens); the plan's order is
    # avtal, timmar, licens. Nothing else is ranged.
    assert [(r.id, r.field) for r in calc.sensitivity] == [
        ("timmar", "unit_value"),
        ("avtal", "attribution"),
        ("licens", "amounts"),
    ]
    assert [round(r.swing, 2) for r in calc.sensitivity] == [274_182.30, 101_971.44, 28_702.05]


def test_sensitivity_ties_keep_the_plans_order(tmp_path: Path) -> None:
    # Two costs with the same range in the same year swing the NPV alike: the first in the plan first.
    text = likely_only(PLAN).replace(
        "  - {id: utbildning, name: Utbildning, kind: investment, amounts: {2026: 10000}}",
        "  - {id: utbildning, name: Utbildning, kind: investment, amounts: {2026: {low: 5000, likely: 10000, high: 20000}}}\n"
        "  - {id: resor, name: Resor, kind: running, amounts: {2026: {low: 5000, likely: 10000, high: 20000}}}",
    )
    result = calculate(load(tmp_path, text), AS_OF)
    assert [r.id for r in result.sensitivity] == ["utbildning", "resor"]
    first, second = result.sensitivity
    assert first.swing == second.swing == money(15_000 * DF[2026])
    # the costs are 5 000 lower and 10 000 higher than likely in 2026
    assert (first.npv_low, first.npv_high) == (money(result.npv + 5_000 * DF[2026]), money(result.npv - 10_000 * DF[2026]))


# -- value by recipient and category shares -----------------------------------------------------


def test_value_by_recipient(calc: Calculation) -> None:
    # Present values (likely): timmar 80 000/1.03 + 160 000/1.03² = 77 669.90 + 150 815.35
    # = 228 485.25; avtal 40 000 × 2.913470 = 116 538.79; together 345 024.04.
    # timmar: handläggare share 0.6; medborgare and företag have none and split the 0.4 left:
    #   0.6 × 228 485.25 = 137 091.15, 0.2 × 228 485.25 = 45 697.05 each.
    # avtal has no recipients: all of it is unassigned. The unvalued benefits add nothing.
    timmar = 80_000 * DF[2026] + 160_000 * DF[2027]
    avtal = 40_000 * (DF[2025] + DF[2026] + DF[2027])
    assert timmar == pytest.approx(228_485.2484, abs=1e-4) and avtal == pytest.approx(116_538.7878, abs=1e-4)
    assert calc.value_by_stakeholder == {
        "handlaggare": money(0.6 * timmar),
        "medborgare": money(0.2 * timmar),
        "foretag": money(0.2 * timmar),
        UNASSIGNED: money(avtal),
    }
    assert calc.value_by_stakeholder_category == {
        "own_organisation": money(0.6 * timmar),
        "citizens": money(0.2 * timmar),
        "businesses": money(0.2 * timmar),
        UNASSIGNED: money(avtal),
    }
    assert sum(calc.value_by_stakeholder.values()) == money(345_024.0362)
    assert calc.stakeholder_names["handlaggare"] == "Handläggare"


def test_value_by_recipient_of_shares_that_leave_something(tmp_path: Path) -> None:
    # Shares 0.5 and 0.3 and no recipient without a share: 0.2 of avtal's value is unassigned;
    # two recipients of one category add up under it.
    text = PLAN.replace(
        "    owner: anna\n    goals: [g]\n    category: financial",
        "    owner: anna\n    recipients: [{stakeholder: medborgare, share: 0.5}, {stakeholder: foretag, share: 0.3}]\n"
        "    goals: [g]\n    category: financial",
    ).replace("{id: foretag, name: Företag, category: businesses}", "{id: foretag, name: Företag, category: citizens}")
    result = calculate(load(tmp_path, text), AS_OF)
    timmar = 80_000 * DF[2026] + 160_000 * DF[2027]
    avtal = 40_000 * (DF[2025] + DF[2026] + DF[2027])
    assert result.value_by_stakeholder == {
        "handlaggare": money(0.6 * timmar),
        "medborgare": money(0.2 * timmar + 0.5 * avtal),
        "foretag": money(0.2 * timmar + 0.3 * avtal),
        UNASSIGNED: money(0.2 * avtal),
    }
    assert result.value_by_stakeholder_category == {
        "own_organisation": money(0.6 * timmar),
        "citizens": money(0.4 * timmar + 0.8 * avtal),
        UNASSIGNED: money(0.2 * avtal),
    }


@pytest.mark.parametrize("shares", [(0.6, 0.3, 0.1), (0.1, 0.2, 0.7), (0.7, 0.2, 0.1)])
def test_shares_that_sum_to_one_leave_nothing_unassigned(tmp_path: Path, shares: tuple[float, float, float]) -> None:
    # 0.6 + 0.3 + 0.1 is 1 as written (0.9999999999999999 in floats): all of timmar's value is
    # assigned, and avtal (no recipients) is the only value unassigned.
    recipients = ", ".join(
        f"{{stakeholder: {ident}, share: {share}}}"
        for ident, share in zip(("handlaggare", "medborgare", "foretag"), shares, strict=True)
    )
    text = PLAN.replace(
        "recipients: [{stakeholder: handlaggare, share: 0.6}, medborgare, foretag]", f"recipients: [{recipients}]"
    )
    result = calculate(load(tmp_path, text), AS_OF)
    timmar = 80_000 * DF[2026] + 160_000 * DF[2027]
    avtal = 40_000 * (DF[2025] + DF[2026] + DF[2027])
    assert result.value_by_stakeholder[UNASSIGNED] == result.value_by_stakeholder_category[UNASSIGNED] == money(avtal)
    assert result.value_by_stakeholder["handlaggare"] == money(shares[0] * timmar)
    # with a recipient for avtal too, nothing at all is unassigned: not even a residue
    text = text.replace(
        "    owner: anna\n    goals: [g]\n    category: financial",
        "    owner: anna\n    recipients: [medborgare]\n    goals: [g]\n    category: financial",
    )
    result = calculate(load(tmp_path, text), AS_OF)
    assert result.value_by_stakeholder.get(UNASSIGNED, 0.0) == 0.0
    assert result.value_by_stakeholder_category.get(UNASSIGNED, 0.0) == 0.0


def test_category_shares(calc: Calculation) -> None:
    # redeployment 228 485.25 / 345 024.04 = 0.662230, financial 116 538.79 / 345 024.04 = 0.337770
    timmar = 80_000 * DF[2026] + 160_000 * DF[2027]
    avtal = 40_000 * (DF[2025] + DF[2026] + DF[2027])
    shares = {key: value for key, value in calc.category_shares.items() if value != 0}
    assert shares == {"financial": ratio(avtal / (avtal + timmar)), "redeployment": ratio(timmar / (avtal + timmar))}
    assert round(shares["redeployment"], 6) == 0.662230


# -- released time ---------------------------------------------------------------------------------


def test_released_time_of_a_benefit_in_hours(calc: Calculation) -> None:
    # timmar: hours = volume 1 × attribution 0.8 × G_y = 0.8 × 200 = 160 in 2026, 0.8 × 400 = 320 in
    # 2027; FTE = hours / 1 700 = 0.094118 and 0.188235. avtal is financial: no released time.
    assert [r.benefit for r in calc.released_time] == ["timmar"]
    (row,) = calc.released_time
    assert row.name == "Färre handläggningstimmar"
    assert {y: v for y, v in row.hours.items() if v} == {2026: ratio(160), 2027: ratio(320)}
    assert {y: v for y, v in row.fte.items() if v} == {2026: ratio(160 / 1700), 2027: ratio(320 / 1700)}
    assert row.hours.get(2025, 0) == 0 and row.fte.get(2025, 0) == 0
    assert (row.monthly_salary, row.hourly_cost) == (None, None)


def hours_plan(
    tmp_path: Path,
    *,
    unit: str = "timmar",
    unit_value: str = "{monthly_salary: 38000}",
    calculation: str = "",
    polarity: str = "benefit",
    target: int = 200,
    category: str = "redeployment",
    volume: str = "12",
    attribution: str = "0.5",
) -> Calculation:
    """A benefit in ``unit`` per month (likely volume 12, attribution 0.5) whose level goes from 300 on
    2025-12-31 to ``target`` from 2026-01-01 on: G = 300 − target in 2026 and 2027 (a fall is
    the improvement; for a dis-benefit a rise is the harm, and G comes out negative)."""
    text = f"""\
nytta: 1
plan: {{id: tid, title: Tid, phase: plan}}
people: [{{id: anna, name: Anna}}]
stakeholders: [{{id: s, name: S, category: own_organisation}}]
goals: [{{id: g, name: G}}]
benefits:
  - id: tid
    name: Frigjord tid
    polarity: {polarity}
    owner: anna
    recipients: [s]
    goals: [g]
    category: {category}
    alternative_use: Uppföljning
    valuation: {{unit_value: {unit_value}, volume: {volume}, attribution: {attribution}}}
    indicators:
      - id: tid-i
        name: Tid per månad
        unit: {unit}
        direction: decrease
        baseline: {{value: 300, date: 2025-12-31}}
        targets: [{{date: 2026-01-01, value: {target}}}]
calculation: {{base_year: 2025, first_year: 2025, last_year: 2027, discount_rate: 0.03{calculation}}}
"""
    return calculate(load(tmp_path, text), AS_OF)


def test_an_hourly_cost_from_a_monthly_salary_and_its_fte(tmp_path: Path) -> None:
    # Hourly cost = 38 000 / (1 700 / 12) × 1.54 = 38 000 × 12 × 1.54 / 1 700 = 702 240 / 1 700
    # = 413.082353 kr. Hours: 12 × 0.5 × 100 = 600 a year in 2026 and 2027; FTE 600 / 1 700 = 0.352941.
    # Value a year: 600 × 413.082353 = 247 849.41 kr.
    result = hours_plan(tmp_path)
    (row,) = result.released_time
    assert (row.benefit, row.monthly_salary) == ("tid", 38_000)
    assert row.hourly_cost == ratio(38_000 / (1700 / 12) * 1.54)
    assert round(row.hourly_cost or 0, 6) == 413.082353
    assert {y: v for y, v in row.hours.items() if v} == {2026: ratio(600), 2027: ratio(600)}
    assert {y: v for y, v in row.fte.items() if v} == {2026: ratio(600 / 1700), 2027: ratio(600 / 1700)}
    assert result.benefits_by_benefit["tid"] == {2025: 0, 2026: money(247_849.4118), 2027: money(247_849.4118)}
    assert (result.hours_per_fte, result.employer_contributions) == (1700, 0.54)


def test_hours_per_fte_and_employer_contributions_from_the_calculation(tmp_path: Path) -> None:
    # Hourly cost = 38 000 / (1 600 / 12) × 1.5 = 38 000 × 12 × 1.5 / 1 600 = 427.50 kr;
    # FTE 600 / 1 600 = 0.375; value a year 600 × 427.50 = 256 500 kr.
    result = hours_plan(tmp_path, calculation=", hours_per_fte: 1600, employer_contributions: 0.5")
    (row,) = result.released_time
    assert row.hourly_cost == ratio(427.5)
    assert {y: v for y, v in row.fte.items() if v} == {2026: ratio(0.375), 2027: ratio(0.375)}
    assert result.benefits_by_benefit["tid"] == {2025: 0, 2026: money(256_500), 2027: money(256_500)}
    assert (result.hours_per_fte, result.employer_contributions) == (1600, 0.5)


def test_a_ranged_monthly_salary_moves_the_value_not_the_hours(tmp_path: Path) -> None:
    # Salary 32 000 / 38 000 / 44 000 at the defaults: the hourly cost is linear in the salary,
    # 413.082353 × 32/38 and × 44/38; the hours (600 a year) are those of the likely scenario.
    result = hours_plan(tmp_path, unit_value="{monthly_salary: {low: 32000, likely: 38000, high: 44000}}")
    (row,) = result.released_time
    assert (row.monthly_salary, row.hourly_cost) == (38_000, ratio(38_000 * 12 * 1.54 / 1700))
    hourly = {"low": 32_000 * 12 * 1.54 / 1700, "likely": 38_000 * 12 * 1.54 / 1700, "high": 44_000 * 12 * 1.54 / 1700}
    for scenario in result.scenarios:
        assert scenario.benefits == money(600 * hourly[scenario.name] * (DF[2026] + DF[2027])), scenario.name
    (sensitivity,) = result.sensitivity
    assert (sensitivity.kind, sensitivity.id) == ("valuation", "tid")
    # the salary at 32 000 and at 44 000, all else likely, is the low and the high scenario here
    assert (sensitivity.npv_low, sensitivity.npv_high) == (money(result.scenarios[0].npv), money(result.scenarios[2].npv))


def test_a_ranged_monthly_salary_is_a_monthly_salary_row(tmp_path: Path) -> None:
    # Format §6: the row of a unit value given as a ranged monthly salary is named
    # monthly_salary, and its low, likely and high values are the salaries.
    result = hours_plan(tmp_path, unit_value="{monthly_salary: {low: 32000, likely: 38000, high: 44000}}")
    assert [(r.kind, r.id, r.field, r.low, r.likely, r.high) for r in result.sensitivity] == [
        ("valuation", "tid", "monthly_salary", 32_000, 38_000, 44_000)
    ]
    (row,) = calc_json(result)["sensitivity"]
    assert (row["field"], row["low"], row["likely"], row["high"]) == ("monthly_salary", 32_000, 38_000, 44_000)


def test_minutes_are_counted_as_hours(tmp_path: Path) -> None:
    # 12 × 0.5 × 100 minutes = 600 minutes a year = 10 hours; FTE 10 / 1 700.
    result = hours_plan(tmp_path, unit="minuter", unit_value="7")
    (row,) = result.released_time
    assert {y: v for y, v in row.hours.items() if v} == {2026: ratio(10), 2027: ratio(10)}
    assert {y: v for y, v in row.fte.items() if v} == {2026: ratio(10 / 1700), 2027: ratio(10 / 1700)}
    assert (row.monthly_salary, row.hourly_cost) == (None, None)


def test_a_disbenefit_takes_time(tmp_path: Path) -> None:
    # From 300 to 350 hours a month: the rise of 50 is the harm, G = −50, and the hours are
    # 12 × 0.5 × −50 = −300 a year.
    result = hours_plan(tmp_path, polarity="disbenefit", target=350, unit_value="600")
    (row,) = result.released_time
    assert {y: v for y, v in row.hours.items() if v} == {2026: ratio(-300), 2027: ratio(-300)}
    assert {y: v for y, v in row.fte.items() if v} == {2026: ratio(-300 / 1700), 2027: ratio(-300 / 1700)}


@pytest.mark.parametrize(("unit", "hours"), [("h", 600), ("tim", 600), ("hours", 600), ("min", 10), ("minutes", 10)])
def test_the_units_of_hours_and_of_minutes(tmp_path: Path, unit: str, hours: float) -> None:
    # 12 × 0.5 × 100 = 600 of the unit a year: 600 hours, or 600 / 60 = 10 hours
    (row,) = hours_plan(tmp_path, unit=unit, unit_value="600").released_time
    assert {y: v for y, v in row.hours.items() if v} == {2026: ratio(hours), 2027: ratio(hours)}


def test_an_hourly_cost_counts_the_unit_as_hours(tmp_path: Path) -> None:
    # A monthly salary makes the unit value an hourly cost whatever the indicator's unit: the
    # 12 × 0.5 × 100 = 600 units a year are hours.
    (row,) = hours_plan(tmp_path, unit="ärenden").released_time
    assert {y: v for y, v in row.hours.items() if v} == {2026: ratio(600), 2027: ratio(600)}
    assert row.hourly_cost == ratio(38_000 * 12 * 1.54 / 1700)


def test_released_time_uses_the_likely_volume_and_attribution(tmp_path: Path) -> None:
    # volume 6 / 12 / 24 and attribution 0.25 / 0.5 / 1: the hours are 12 × 0.5 × 100 = 600
    result = hours_plan(
        tmp_path, unit_value="600", volume="{low: 6, likely: 12, high: 24}", attribution="{low: 0.25, likely: 0.5, high: 1}"
    )
    (row,) = result.released_time
    assert {y: v for y, v in row.hours.items() if v} == {2026: ratio(600), 2027: ratio(600)}
    # The volume row: 600 kr × volume × 0.5 × 100 = 30 000 kr a year per unit of volume, over
    # 2026 and 2027 (factors 1/1.03 + 1/1.03² = 1.913470): npv_low = NPV − 6 × 30 000 × 1.913470,
    # npv_high = NPV + 12 × 30 000 × 1.913470. The attribution row: 600 × 12 × 100 = 720 000 kr a
    # year per unit of attribution: npv_low = NPV − 0.25 × 720 000 × 1.913470, npv_high = NPV + 0.5 × ….
    weight = DF[2026] + DF[2027]
    rows = {r.field: r for r in result.sensitivity}
    assert (rows["volume"].low, rows["volume"].likely, rows["volume"].high) == (6, 12, 24)
    assert rows["volume"].npv_low == money(result.npv - 6 * 30_000 * weight)
    assert rows["volume"].npv_high == money(result.npv + 12 * 30_000 * weight)
    assert rows["attribution"].npv_low == money(result.npv - 0.25 * 720_000 * weight)
    assert rows["attribution"].npv_high == money(result.npv + 0.5 * 720_000 * weight)
    # swings 18 × 30 000 = 540 000 and 0.75 × 720 000 = 540 000 (× 1.913470) tie: volume comes
    # first in the valuation as in the format
    assert rows["volume"].swing == money(rows["attribution"].swing)
    assert [r.field for r in result.sensitivity] == ["volume", "attribution"]
    # the likely scenario: 600 × 12 × 0.5 × 100 = 360 000 kr a year
    assert result.npv == money(360_000 * weight)


def test_employer_contributions_of_zero(tmp_path: Path) -> None:
    # 38 000 / (1 700 / 12) = 268.235294 kr an hour
    (row,) = hours_plan(tmp_path, calculation=", employer_contributions: 0").released_time
    assert row.hourly_cost == ratio(38_000 * 12 / 1700)


def test_a_ranged_disbenefit_is_at_its_low_value_in_the_low_scenario(tmp_path: Path) -> None:
    # Every estimate at its low value at once, a dis-benefit's too: the harm of 50 h a month
    # (12 × 0.5 × −50 = −300 h a year) valued at 400 / 600 / 800 kr is −120 000 / −180 000 /
    # −240 000 kr a year in 2026 and 2027, so the low scenario has the smallest harm.
    result = hours_plan(tmp_path, polarity="disbenefit", target=350, unit_value="{low: 400, likely: 600, high: 800}")
    weight = DF[2026] + DF[2027]
    assert [s.benefits for s in result.scenarios] == [
        money(-120_000 * weight),
        money(-180_000 * weight),
        money(-240_000 * weight),
    ]
    assert [s.npv for s in result.scenarios] == [money(-120_000 * weight), money(-180_000 * weight), money(-240_000 * weight)]
    (row,) = result.sensitivity
    assert (row.npv_low, row.npv_high) == (money(-120_000 * weight), money(-240_000 * weight))
    # the benefits' present value is below 0: no category shares
    assert result.category_shares == {}
    assert result.value_by_stakeholder == {"s": money(-180_000 * weight)}


def test_a_rate_given_to_calculate_discounts_every_scenario(tmp_path: Path) -> None:
    # At 0 % the present values are the sums: low 15 000 + 79 000 + 143 000 = 237 000 against
    # 250 000, likely 360 000 against 260 000, high 630 000 against 280 000.
    result = calculate(load(tmp_path, PLAN), AS_OF, rate=0)
    assert [(s.benefits, s.costs) for s in result.scenarios] == [
        (money(237_000), money(250_000)),
        (money(360_000), money(260_000)),
        (money(630_000), money(280_000)),
    ]
    assert [s.npv for s in result.scenarios] == [money(-13_000), money(100_000), money(350_000)]
    assert [r.id for r in result.sensitivity] == ["timmar", "avtal", "licens"]
    assert result.sensitivity[1].npv_low == money(100_000 - 0.5 * 50_000 * 3)


@pytest.mark.parametrize(("unit", "category"), [("ärenden", "redeployment"), ("timmar", "financial")])
def test_no_released_time_for_other_units_or_categories(tmp_path: Path, unit: str, category: str) -> None:
    assert hours_plan(tmp_path, unit=unit, unit_value="600", category=category).released_time == ()


# -- unvalued benefits -------------------------------------------------------------------------------


def test_unvalued_benefits_are_listed_with_their_size(calc: Calculation) -> None:
    assert calc.unvalued == (
        Unvalued("nojdhet", "Nöjdare sökande", "quality", "benefit", "large"),
        Unvalued("papper", "Mindre papper", "environment", "benefit", None),
    )
    assert set(calc.benefits_by_benefit) == {"avtal", "timmar"}


def test_an_unvalued_disbenefit_without_a_category(tmp_path: Path) -> None:
    text = PLAN.replace("    category: environment\n", "    polarity: disbenefit\n    size: liten\n")
    result = calculate(load(tmp_path, text), AS_OF)
    assert result.unvalued[1] == Unvalued("papper", "Mindre papper", None, "disbenefit", "small")


# -- a plan without ranges -------------------------------------------------------------------------


def test_without_ranges_the_three_scenarios_are_the_plans_figures(tmp_path: Path, calc: Calculation) -> None:
    result = calculate(load(tmp_path, likely_only(PLAN)), AS_OF)
    assert result.ranged is False and result.sensitivity == ()
    assert [s.name for s in result.scenarios] == ["low", "likely", "high"]
    for scenario in result.scenarios:
        assert (scenario.npv, scenario.benefit_cost_ratio) == (result.npv, result.benefit_cost_ratio)
        assert (scenario.payback_year, scenario.discounted_payback_year) == (2027, 2027)
        assert (scenario.payback_year, scenario.discounted_payback_year) == (result.payback_year, result.discounted_payback_year)
        assert scenario.benefits == money(345_024.0362) and scenario.costs == money(257_978.1318)
        assert scenario.band == "low"
    # and they are the likely scenario of the ranged plan
    assert result.scenarios[1] == calc.scenarios[1]
    assert (result.npv, result.benefits, result.costs) == (calc.npv, calc.benefits, calc.costs)


# -- the bands at their edges and without costs -------------------------------------------------------


def edge_plan(tmp_path: Path, benefit: str, cost: str | None) -> Calculation:
    """A benefit worth ``benefit`` kr in 2025 (gain 1 all year) and a cost of ``cost`` in 2025,
    one year at 0 %: present values are the amounts."""
    costs = f"[{{id: c, name: C, kind: investment, amounts: {{2025: {cost}}}}}]" if cost is not None else "[]"
    text = f"""\
nytta: 1
plan: {{id: kant, title: Kant, phase: plan}}
people: [{{id: anna, name: Anna}}]
stakeholders: [{{id: s, name: S, category: citizens}}]
goals: [{{id: g, name: G}}]
benefits:
  - id: b
    name: B
    owner: anna
    recipients: [s]
    goals: [g]
    category: financial
    valuation: {{unit_value: {benefit}}}
    indicators:
      - {{id: i, name: I, unit: st, direction: increase, baseline: {{value: 0, date: 2024-12-31}},
         targets: [{{date: 2025-01-01, value: 1}}]}}
costs: {costs}
calculation: {{base_year: 2025, first_year: 2025, last_year: 2025, discount_rate: 0}}
"""
    return calculate(load(tmp_path, text), AS_OF)


@pytest.mark.parametrize(
    ("benefit", "cost", "per_krona", "band"),
    [
        ("1000", "1000", 0.0, "zero"),  # (1 000 − 1 000) / 1 000 = 0 exactly
        ("1000.004", "1000", 0.004 / 1000, "zero"),  # a net of 0.004 kr is 0 to the öre
        ("999.996", "1000", -0.004 / 1000, "zero"),
        ("1000.01", "1000", 0.01 / 1000, "low"),  # one öre more than the costs
        ("999.99", "1000", -0.01 / 1000, "negative"),  # one öre less
        ("1499.99", "1000", 0.49999, "low"),
        ("1500", "1000", 0.5, "high"),  # (1 500 − 1 000) / 1 000 = 0.5: high
        ("3000", "1000", 2.0, "high"),
        ("0.01", "1000", -0.99999, "negative"),
    ],
)
def test_the_band_edges(tmp_path: Path, benefit: str, cost: str, per_krona: float, band: str) -> None:
    result = edge_plan(tmp_path, benefit, cost)
    scenarios: tuple[Scenario, ...] = result.scenarios
    assert [s.band for s in scenarios] == [band] * 3
    # the amounts as floats are off by less than 1e-13 kr, a thousandth of that as a ratio
    assert [s.net_benefit_per_krona for s in scenarios] == [pytest.approx(per_krona, abs=1e-12)] * 3


def test_without_costs_there_is_no_net_benefit_per_krona(tmp_path: Path) -> None:
    result = edge_plan(tmp_path, "1000", None)
    for scenario in result.scenarios:
        assert (scenario.net_benefit_per_krona, scenario.band, scenario.benefit_cost_ratio) == (None, None, None)
        assert (scenario.benefits, scenario.costs, scenario.npv, scenario.payback_year) == (money(1000), 0, money(1000), 2025)


def test_the_as_of_date_does_not_move_the_scenarios(tmp_path: Path, calc: Calculation) -> None:
    assert calculate(load(tmp_path, PLAN), _dt.date(2025, 3, 1)).scenarios == calc.scenarios
