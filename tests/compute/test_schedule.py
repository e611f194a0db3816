"""Next due dates (format §5.5): calendar months with the end of month kept, follow-up dates,
the realisation window, and the grace period before a measurement is overdue."""

from __future__ import annotations

import datetime as _dt
from datetime import date

import pytest

from nytta.model.plan import Benefit
from nytta.model.schedule import add_months, is_overdue, next_due


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 2, 28), 1, date(2026, 3, 31)),  # the end of month is kept
        (date(2026, 9, 30), 3, date(2026, 12, 31)),
        (date(2026, 1, 30), 1, date(2026, 2, 28)),
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 12, 15), 12, date(2027, 12, 15)),
    ],
)
def test_add_months_keeps_the_end_of_month(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def _benefit(indicator: dict, realisation: dict | None = None) -> Benefit:
    data = {
        "id": "b",
        "name": "B",
        "indicators": [
            {
                "id": "i",
                "name": "I",
                "unit": "st",
                "direction": "increase",
                "baseline": {"value": 1, "date": date(2024, 12, 31)},
                **indicator,
            }
        ],
    }
    if realisation:
        data["realisation"] = realisation
    return Benefit.model_validate(data)


def test_frequency_counts_from_the_latest_measurement() -> None:
    benefit = _benefit({"frequency": "monthly", "targets": [{"date": date(2027, 12, 31), "value": 5}]})
    indicator = benefit.indicators[0]
    assert next_due(benefit, indicator, [date(2026, 1, 31)]) == date(2026, 2, 28)
    assert next_due(benefit, indicator, []) == date(2025, 1, 31)


def test_not_before_the_realisation_start_and_nothing_after_its_end() -> None:
    benefit = _benefit({"frequency": "quarterly"}, {"start": date(2025, 9, 1), "end": date(2026, 6, 30)})
    indicator = benefit.indicators[0]
    assert next_due(benefit, indicator, []) == date(2025, 9, 1)
    assert next_due(benefit, indicator, [date(2026, 3, 31)]) == date(2026, 6, 30)
    assert next_due(benefit, indicator, [date(2026, 6, 30)]) is None


def test_without_a_window_nothing_is_due_after_the_final_target_plus_an_interval() -> None:
    benefit = _benefit({"frequency": "yearly", "targets": [{"date": date(2026, 12, 31), "value": 5}]})
    indicator = benefit.indicators[0]
    assert next_due(benefit, indicator, [date(2026, 12, 31)]) == date(2027, 12, 31)
    assert next_due(benefit, indicator, [date(2027, 12, 31)]) is None


def test_follow_up_dates_take_the_earliest_one_not_yet_measured() -> None:
    dates = [date(2025, 6, 30), date(2025, 12, 31), date(2026, 6, 30)]
    benefit = _benefit({"follow_up_dates": dates, "targets": [{"date": date(2026, 6, 30), "value": 5}]})
    indicator = benefit.indicators[0]
    assert next_due(benefit, indicator, []) == date(2025, 6, 30)
    assert next_due(benefit, indicator, [date(2025, 7, 10)]) == date(2025, 12, 31)
    assert next_due(benefit, indicator, [date(2026, 7, 1)]) is None


@pytest.mark.parametrize(
    ("frequency", "grace"),
    [("monthly", 7), ("quarterly", 21), ("half_yearly", 30), ("yearly", 30)],
)
def test_grace_period_before_overdue(frequency: str, grace: int) -> None:
    indicator = _benefit({"frequency": frequency}).indicators[0]
    due = date(2026, 10, 31)
    assert not is_overdue(indicator, due, due + _dt.timedelta(days=grace))
    assert is_overdue(indicator, due, due + _dt.timedelta(days=grace + 1))
    assert not is_overdue(indicator, None, date(2030, 1, 1))
