"""Bounds of an indicator (format §3 ``bounds``): stated or from the unit, they hold the
forecast and the planned trajectory, and a forecast held at a bound is noted in the reason."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import days_plan
from nytta.compute.status import plan_status
from nytta.compute.trajectory import measure, planned_curve, unbounded_forecast
from nytta.i18n import set_language
from nytta.load.plan import PlanDocument
from nytta.model.bounds import DEFAULT_UNITS, Bound, Limits, unit_limits
from nytta.results.status import IndicatorStatus

D = _dt.date.fromisoformat
AS_OF = D("2025-11-01")


def indicator_status(doc: PlanDocument) -> IndicatorStatus:
    return plan_status(doc, AS_OF).benefits[0].indicators[0]


@pytest.fixture
def swedish() -> Iterator[None]:
    set_language("sv")
    yield
    set_language("en")


def test_a_falling_count_of_days_is_forecast_at_zero_with_a_note(tmp_path: Path) -> None:
    doc = days_plan(tmp_path)
    assert doc.plan is not None
    benefit = doc.plan.benefits[0]
    indicator = benefit.indicators[0]
    facts = measure(benefit, indicator, doc.observations_of("i"), AS_OF)
    raw = unbounded_forecast(facts)
    assert raw == pytest.approx(-0.8400376756991736)
    status = indicator_status(doc)
    assert status.forecast == 0.0
    assert status.forecast_meets_target is True
    assert status.reason.endswith("; the forecast is bounded at 0 (the unit cannot be negative)")


def test_the_note_in_swedish(tmp_path: Path, swedish: None) -> None:
    status = indicator_status(days_plan(tmp_path))
    assert status.forecast == 0.0
    assert status.reason.endswith("; prognosen är begränsad till 0 (enheten kan inte vara negativ)")


def test_a_forecast_inside_the_bounds_has_no_note(tmp_path: Path) -> None:
    status = indicator_status(days_plan(tmp_path, values=(9, 8, 7)))
    assert status.forecast is not None and status.forecast > 0
    assert "bounded" not in status.reason


def test_a_unit_without_a_default_bound_keeps_the_negative_forecast(tmp_path: Path) -> None:
    status = indicator_status(days_plan(tmp_path, unit="index"))
    assert status.forecast == pytest.approx(-0.8400376756991736)
    assert "bounded" not in status.reason


def test_a_percentage_is_forecast_at_most_100(tmp_path: Path) -> None:
    status = indicator_status(days_plan(tmp_path, unit="'%'", direction="increase", target=90, values=(40, 70, 95)))
    assert status.forecast == 100.0
    assert status.reason.endswith("; the forecast is bounded at 100 (a percentage is at most 100)")


def test_stated_bounds_win_over_the_unit(tmp_path: Path) -> None:
    status = indicator_status(days_plan(tmp_path, bounds="{lower: 1}"))
    assert status.forecast == 1.0
    assert status.forecast_meets_target is True
    assert status.reason.endswith("; the forecast is bounded at 1 (the indicator's bounds)")


def test_the_planned_trajectory_stays_inside_the_bounds(tmp_path: Path) -> None:
    doc = days_plan(tmp_path, target=-3)
    assert doc.plan is not None
    benefit = doc.plan.benefits[0]
    curve = planned_curve(benefit, benefit.indicators[0])
    assert curve is not None
    assert curve.points == ((D("2025-01-01"), 10.0), (D("2026-01-01"), 0.0))
    assert curve.at(D("2026-06-01")) == 0.0


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("dagar", Limits(Bound(0.0, True), None)),
        (" Kalenderdagar ", Limits(Bound(0.0, True), None)),
        ("tkr", Limits(Bound(0.0, True), None)),
        ("årsarbetskrafter", Limits(Bound(0.0, True), None)),
        ("%", Limits(Bound(0.0, True), Bound(100.0, True))),
        ("procent", Limits(Bound(0.0, True), Bound(100.0, True))),
        ("index", Limits()),
        ("poäng", Limits()),
    ],
)
def test_units_with_default_bounds(unit: str, expected: Limits) -> None:
    assert unit_limits(unit) == expected


def test_clamp_and_crossed() -> None:
    bounds = Limits(Bound(0.0, True), Bound(100.0, False))
    assert [bounds.clamp(v) for v in (-0.5, 50.0, 120.0)] == [0.0, 50.0, 100.0]
    assert bounds.crossed(-0.5) == Bound(0.0, True)
    assert bounds.crossed(100.0) is None
    assert bounds.crossed(100.5) == Bound(100.0, False)


def test_the_format_lists_exactly_the_units_with_default_bounds() -> None:
    text = (Path(__file__).parents[2] / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = text[text.index("**Bounds from the unit.**") :]
    table = section[: section.index("\n\n", section.index("| unit |"))]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "`" in line]
    listed = {unit for row in rows for unit in re.findall(r"`([^`]+)`", row.split("|")[1])}
    assert listed == DEFAULT_UNITS
